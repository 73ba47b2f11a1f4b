import { stageLabel } from '../model/stage-names';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-ref-self',
  summary: 'A stage copies or mounts from itself.',
  severity: 'error',
  hadolint: ['DL3023'],
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.resolution.kind !== 'self') continue;
      const stage = model.stages[reference.resolution.stage];
      if (!stage) continue;
      const verb = reference.kind === 'mount-from' ? 'mount from' : 'copy from';
      report({ range: reference.range, message: `Stage '${stageLabel(stage)}' cannot ${verb} itself.` });
    }
  },
});
