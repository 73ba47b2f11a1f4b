import { RESERVED_STAGE_NAMES } from '../model/stage-names';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-reserved',
  summary: "A stage is named 'scratch' or 'context', names BuildKit keeps for itself.",
  severity: 'error',
  hadolint: ['DL3063'],
  buildkit: 'ReservedStageName',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.normalizedName === null || stage.nameRange === null || !RESERVED_STAGE_NAMES.has(stage.normalizedName)) continue;
      report({ range: stage.nameRange, message: `'${stage.name}' is reserved by BuildKit and cannot name a stage.` });
    }
  },
});
