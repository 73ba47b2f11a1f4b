import type { Position } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from './types';

/** An instruction's text as BuildKit's parser sees it, with the document offset of each character. */
export interface LogicalText {
  readonly text: string;
  /** The document offset of each character, plus one past the end. */
  readonly map: readonly number[];
}

/**
 * The text of an instruction from `from` (default: after its keyword) to its end, as BuildKit joins
 * it: an escape character that ends a line is removed with its line break, and comment or empty
 * lines inside the continuation are dropped. Heredoc bodies are left out.
 */
export function logicalText(model: Pick<DockerfileModel, 'text' | 'lineStarts' | 'escapeChar'>, instruction: Instruction, from: Position = instruction.keywordRange.end): LogicalText {
  const lastLine = instruction.heredocs[0]?.contentRange ? instruction.heredocs[0].markerRange.end.line : instruction.range.end.line;
  const text: string[] = [];
  const map: number[] = [];
  for (let line = from.line; line <= lastLine; line++) {
    const lineStart = model.lineStarts[line] ?? model.text.length;
    const lineEnd = (model.lineStarts[line + 1] ?? model.text.length + 1) - 1;
    let start = line === from.line ? lineStart + from.character : lineStart;
    let content = model.text.slice(start, Math.max(start, lineEnd)).replace(/\r$/, '');
    if (line > from.line && (/^\s*#/.test(content) || content.trim() === '')) continue;
    if (line === from.line) {
      const leading = content.length - content.trimStart().length;
      start += leading;
      content = content.slice(leading);
    }
    const trimmed = content.replace(/[ \t]+$/, '');
    const continues = trimmed.endsWith(model.escapeChar) && line < lastLine;
    const kept = continues ? trimmed.slice(0, -1) : content;
    for (let i = 0; i < kept.length; i++) {
      text.push(kept[i] as string);
      map.push(start + i);
    }
    if (!continues) break;
  }
  map.push((map[map.length - 1] ?? model.lineStarts[from.line] ?? 0) + 1);
  return { text: text.join(''), map };
}
