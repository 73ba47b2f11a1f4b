import { defineRule } from './rule';

export default defineRule({
  id: 'json-args-recommended',
  summary: 'CMD or ENTRYPOINT in shell form: the process does not receive stop signals.',
  severity: 'warning',
  hadolint: ['DL3025'],
  buildkit: 'JSONArgsRecommended',
  check({ model, neededStages, report }) {
    for (const stage of model.stages) {
      if (!neededStages.has(stage.index)) continue;
      // A SHELL instruction means the author chose the shell on purpose.
      if (stage.instructions.some((instruction) => instruction.keyword === 'SHELL')) continue;
      for (const instruction of stage.instructions) {
        if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || instruction.jsonForm || instruction.args.length === 0) continue;
        report({
          range: instruction.range,
          message: `${instruction.keyword} in shell form runs under /bin/sh -c, which does not pass stop signals on; use the exec form ${instruction.keyword} ["executable", "arg"].`,
        });
      }
    }
  },
});
