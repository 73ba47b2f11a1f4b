import { referencesTo } from '../model/queries';
import { replace } from './edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-casing',
  summary: 'A stage name is not lowercase.',
  severity: 'warning',
  buildkit: 'StageNameCasing',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || stage.name === stage.normalizedName) continue;
      const lower = stage.normalizedName as string;
      // Renaming the stage renames its by-name references too, whatever case they use.
      const edits = [
        replace(stage.nameRange, lower),
        ...referencesTo(model, stage)
          .filter((reference) => !('byIndex' in reference.resolution && reference.resolution.byIndex) && reference.text !== lower)
          .map((reference) => replace(reference.range, lower)),
      ];
      report({
        range: stage.nameRange,
        message: `Stage name '${stage.name}' should be lowercase: '${lower}'.`,
        fixes: [{ title: `Rename the stage to '${lower}'`, edits, preferred: true }],
      });
    }
  },
});
