import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-duplicate',
  summary: 'Two stages have the same name (BuildKit compares names case-insensitively).',
  severity: 'error',
  hadolint: ['DL3024'],
  buildkit: 'DuplicateStageName',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.normalizedName === null || stage.nameRange === null) continue;
      const first = model.stageIndexByName.get(stage.normalizedName);
      if (first === undefined || first === stage.index) continue;
      const original = model.stages[first];
      report({
        range: stage.nameRange,
        message: `Stage name '${stage.name}' is already used by the stage on line ${(original?.from.range.start.line ?? 0) + 1}; BuildKit refuses duplicate stage names.`,
      });
    }
  },
});
