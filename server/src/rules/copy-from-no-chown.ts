import { workdirOf } from './stage-state';
import { insertAt } from './edits';
import { defineRule } from './rule';
import { isRootUser, withUser } from './stage-state';

/** Folders a running process writes to: data, caches, logs, uploads, state. */
const WRITABLE = /(^|\/)(data|cache|\.cache|logs?|tmp|temp|uploads?|storage|state|db|sessions|run|var|media|files|workspace)(\/|$)/i;

export default defineRule({
  id: 'copy-from-no-chown',
  summary: 'COPY --from after a non-root USER, without --chown, into a folder the process writes to: the files stay owned by root.',
  severity: 'info',
  check({ model, shipping, report }) {
    const seen = new Set<unknown>();
    for (const { stage } of shipping.shipped) for (const { instruction, user } of withUser(model, stage)) {
      if (seen.has(instruction)) continue;
      seen.add(instruction);
      if (instruction.keyword !== 'COPY' || isRootUser(user)) continue;
      const flags = instruction.flags.map((flag) => flag.name.toLowerCase());
      if (!flags.includes('from') || flags.includes('chown')) continue;
      // Root-owned executables and read-only assets are the safer state: only folders the process writes to count.
      const destination = instruction.args[instruction.args.length - 1]?.value ?? '';
      const absolute = destination.startsWith('/') ? destination : `${workdirOf(model, stage) ?? ''}/${destination}`;
      if (!WRITABLE.test(absolute)) continue;
      report({
        range: instruction.keywordRange,
        message: `COPY writes ${destination} owned by root even after 'USER ${user}', so the process cannot write there; add --chown=${user}.`,
        fixes: [{ title: `Add --chown=${user}`, edits: [insertAt(instruction.keywordRange.end, ` --chown=${user}`)], preferred: true }],
      });
    }
  },
});
