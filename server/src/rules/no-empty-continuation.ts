import { lineText, stageAtLine } from '../model/queries';
import { defineRule } from './rule';

export default defineRule({
  id: 'no-empty-continuation',
  summary: 'A blank line inside a continued instruction; BuildKit plans to make it an error.',
  severity: 'warning',
  buildkit: 'NoEmptyContinuation',
  check({ model, report }) {
    const reported = new Set<number>();
    const blank = new Set(model.blankContinuationLines);
    for (const line of model.blankContinuationLines) {
      const instructions = stageAtLine(model, line)?.instructions ?? model.preamble;
      const owner = instructions.find((i) => i.range.start.line < line && line <= i.range.end.line);
      if (!owner || reported.has(owner.range.start.line)) continue;
      reported.add(owner.range.start.line);
      // Like BuildKit, point at the line the blank line separates from the rest of the instruction.
      let next = line + 1;
      while (blank.has(next)) next++;
      report({
        range: { start: { line: next, character: 0 }, end: { line: next, character: lineText(model, next).length } },
        message: `A blank line inside the continued ${owner.keyword} (line ${owner.range.start.line + 1}); remove it, or put a comment on it.`,
      });
    }
  },
});
