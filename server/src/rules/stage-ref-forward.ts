import { stageLabel } from '../model/stage-names';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-ref-forward',
  summary: 'A stage reference points at a stage defined later in the file.',
  severity: 'error',
  hadolint: ['DL3022'],
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.resolution.kind !== 'forward') continue;
      const target = model.stages[reference.resolution.stage];
      if (!target) continue;
      report({
        range: reference.range,
        message: `Stage '${stageLabel(target)}' is defined later (line ${target.from.range.start.line + 1}); a stage can only use stages defined before it.`,
      });
    }
  },
});
