import { defineRule } from './rule';

export default defineRule({
  id: 'stage-ref-numeric',
  summary: 'A stage is referenced by its index (--from=0), which breaks when stages are added or moved.',
  severity: 'warning',
  check({ model, report }) {
    for (const reference of model.references) {
      const resolution = reference.resolution;
      if (resolution.kind !== 'stage' || !resolution.byIndex) continue;
      const stage = model.stages[resolution.stage];
      if (!stage) continue;
      report({
        range: reference.range,
        message: stage.name
          ? `Stage ${reference.text} is referenced by index; use its name '${stage.name}', which survives reordering.`
          : `Stage ${reference.text} is referenced by index; name it ('FROM … AS <name>') and use the name, which survives reordering.`,
      });
    }
  },
});
