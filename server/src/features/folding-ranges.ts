import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';

/** Folds each stage, each heredoc body and each instruction that spans several lines. */
export function foldingRanges(model: DockerfileModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const stage of model.stages) {
    if (stage.range.end.line > stage.range.start.line) {
      ranges.push({ startLine: stage.range.start.line, endLine: stage.range.end.line, kind: FoldingRangeKind.Region });
    }
    for (const instruction of stage.instructions) {
      const heredocs = instruction.heredocs;
      if (heredocs.length === 0) {
        if (instruction.range.end.line > instruction.range.start.line && instruction !== stage.from) {
          ranges.push({ startLine: instruction.range.start.line, endLine: instruction.range.end.line });
        }
        continue;
      }
      // The first heredoc folds with its instruction line; later ones from their first body line,
      // so that no two folds share a line.
      heredocs.forEach((heredoc, i) => {
        const end = heredoc.delimiterRange?.start.line ?? heredoc.contentRange?.end.line;
        const start = i === 0 ? instruction.range.start.line : heredoc.contentRange?.start.line;
        if (start !== undefined && end !== undefined && end > start) ranges.push({ startLine: start, endLine: end });
      });
    }
  }
  return ranges;
}
