import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-casing',
  summary: 'A stage name is not lowercase.',
  severity: 'warning',
  buildkit: 'StageNameCasing',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || stage.name === stage.normalizedName) continue;
      report({ range: stage.nameRange, message: `Stage name '${stage.name}' should be lowercase: '${stage.normalizedName}'.` });
    }
  },
});
