import type { Instruction } from '../model/types';
import { chainRunsFix } from './chain-runs-fix';
import { defineRule } from './rule';
import { layerStages } from './stage-state';

/** RUNs that can be chained: shell form, no heredoc, and the same flags as their neighbour. */
function flagsKey(run: Instruction): string | null {
  if (run.keyword !== 'RUN' || run.jsonForm || run.heredocs.length > 0) return null;
  return run.flags.map((flag) => `--${flag.name}=${flag.value ?? ''}`).join(' ');
}

export default defineRule({
  id: 'run-consecutive',
  summary: 'Consecutive RUN instructions in a stage that ships could be one layer.',
  severity: 'info',
  hadolint: ['DL3059'],
  check({ model, shipping, report }) {
    for (const stage of layerStages(model, shipping)) {
      let group: Instruction[] = [];
      const flush = (): void => {
        if (group.length >= 2) {
          const first = group[0] as Instruction;
          const last = group[group.length - 1] as Instruction;
          report({
            range: { start: first.range.start, end: last.range.end },
            message: `${group.length} consecutive RUN instructions in stage '${stage.name ?? `#${stage.index}`}' make ${group.length} layers; chain them into one RUN with &&.`,
            fixes: [chainRunsFix(model, group)].filter((fix) => fix !== null),
          });
        }
        group = [];
      };
      for (const instruction of stage.instructions) {
        const key = flagsKey(instruction);
        const previous = group[0];
        if (key !== null && previous && flagsKey(previous) === key) group.push(instruction);
        else {
          flush();
          if (key !== null) group = [instruction];
        }
      }
      flush();
    }
  },
});
