import { RESERVED_STAGE_NAMES } from '../model/stage-names';
import { defineRule } from './rule';

const MEANING: Readonly<Record<string, string>> = { scratch: 'the empty image', context: 'the build context' };

export default defineRule({
  id: 'stage-name-reserved',
  summary: "A stage is named 'scratch' or 'context', names BuildKit keeps for itself.",
  severity: 'warning',
  hadolint: ['DL3063'],
  buildkit: 'ReservedStageName',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.normalizedName === null || stage.nameRange === null || !RESERVED_STAGE_NAMES.has(stage.normalizedName)) continue;
      // BuildKit builds such a stage (a warning of its own), but a reader takes `FROM scratch` for the empty image.
      report({ range: stage.nameRange, message: `'${stage.name}' is a name BuildKit reserves (${MEANING[stage.normalizedName] ?? 'for itself'}); a stage should not use it.` });
    }
  },
});
