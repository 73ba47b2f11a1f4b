import { subRange } from '../model/positions';
import { PREDEFINED_ARGS, variableUses } from '../model/variables';
import { defineRule } from './rule';

export default defineRule({
  id: 'undefined-arg-in-from',
  summary: 'FROM uses a build argument that no ARG before the first FROM declares.',
  severity: 'warning',
  buildkit: 'UndefinedArgInFrom',
  check({ model, report }) {
    const declared = new Set(model.globalArgs.map((arg) => arg.name));
    for (const stage of model.stages) {
      const spans = [stage.baseImage, stage.platform].filter((span) => span !== null);
      for (const span of spans) {
        const text = 'text' in span ? span.text : span.value;
        for (const use of variableUses(text, model.escapeChar)) {
          if (declared.has(use.name) || PREDEFINED_ARGS.has(use.name)) continue;
          const oneLine = span.range.start.line === span.range.end.line;
          report({
            range: oneLine ? subRange(span.range, use.start, use.end) : span.range,
            message: `FROM uses '${use.name}', which no ARG before the first FROM declares; add 'ARG ${use.name}=<default>' at the top.`,
          });
        }
      }
    }
  },
});
