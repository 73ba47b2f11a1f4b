import { lineText } from '../model/queries';
import { replace } from './edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'from-as-casing',
  summary: "The 'AS' of a FROM line is not in the same case as 'FROM'.",
  severity: 'warning',
  buildkit: 'FromAsCasing',
  check({ model, report }) {
    for (const stage of model.stages) {
      const as = stage.from.args[1];
      if (!as || as.value.toLowerCase() !== 'as' || stage.from.keywordRange.start.line !== stage.from.keywordRange.end.line) continue;
      const keyword = lineText(model, stage.from.keywordRange.start.line).slice(stage.from.keywordRange.start.character, stage.from.keywordRange.end.character);
      const fromUpper = keyword === keyword.toUpperCase();
      const asUpper = as.value === as.value.toUpperCase();
      if (fromUpper === asUpper) continue;
      const wanted = fromUpper ? 'AS' : 'as';
      report({
        range: as.range,
        message: `'${as.value}' should match the case of '${keyword}': write '${wanted}'.`,
        fixes: [{ title: `Write '${wanted}'`, edits: [replace(as.range, wanted)], preferred: true }],
      });
    }
  },
});
