import { insertAt } from './edits';
import { defineRule } from './rule';
import { isRootUser, withUser } from './stage-state';

export default defineRule({
  id: 'copy-from-no-chown',
  summary: 'COPY --from after a non-root USER without --chown: the files stay owned by root.',
  severity: 'info',
  check({ model, shipping, report }) {
    const seen = new Set<unknown>();
    for (const { stage } of shipping.shipped) for (const { instruction, user } of withUser(model, stage)) {
      if (seen.has(instruction)) continue;
      seen.add(instruction);
      if (instruction.keyword !== 'COPY' || isRootUser(user)) continue;
      const flags = instruction.flags.map((flag) => flag.name.toLowerCase());
      if (!flags.includes('from') || flags.includes('chown')) continue;
      report({
        range: instruction.keywordRange,
        message: `COPY writes files owned by root even after 'USER ${user}'; add --chown=${user} if the process must write them.`,
        fixes: [{ title: `Add --chown=${user}`, edits: [insertAt(instruction.keywordRange.end, ` --chown=${user}`)], preferred: true }],
      });
    }
  },
});
