import { defineRule } from './rule';

const SINGLE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  id: 'multiple-instructions-disallowed',
  summary: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one counts.',
  severity: 'warning',
  buildkit: 'MultipleInstructionsDisallowed',
  checkStage({ stage, report }) {
    for (const keyword of SINGLE) {
      const all = stage.instructions.filter((instruction) => instruction.keyword === keyword);
      for (const instruction of all.slice(0, -1)) {
        report({ range: instruction.range, message: `Only the last ${keyword} of a stage takes effect; this one is overridden on line ${(all[all.length - 1]?.range.start.line ?? 0) + 1}.` });
      }
    }
  },
});
