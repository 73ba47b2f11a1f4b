import type { Position } from 'vscode-languageserver-types';
import { continuesLine } from './continuation';
import type { DockerfileModel, Instruction } from './types';

/** An instruction's text as BuildKit's parser sees it, with the document offset of each character. */
export interface LogicalText {
  readonly text: string;
  /** The document offset of each character, plus one past the end. */
  readonly map: ArrayLike<number>;
}

/** Per instruction, from after its keyword (the model hands out the same object while its text is unchanged). */
const cache = new WeakMap<Instruction, LogicalText>();

/**
 * The text of an instruction from `from` (default: after its keyword) to its end, as BuildKit joins
 * it: an escape character that ends a line is removed with its line break, and comment or empty
 * lines inside the continuation are dropped. Heredoc bodies are left out.
 */
export function logicalText(model: Pick<DockerfileModel, 'text' | 'lineStarts' | 'escapeChar'>, instruction: Instruction, from?: Position): LogicalText {
  if (!from) {
    const cached = cache.get(instruction);
    if (cached) return cached;
  }
  const start = from ?? instruction.keywordRange.end;
  const lastLine = instruction.heredocs[0]?.contentRange ? instruction.heredocs[0].markerRange.end.line : instruction.range.end.line;
  const pieces: { text: string; at: number }[] = [];
  let length = 0;
  for (let line = start.line; line <= lastLine; line++) {
    const lineStart = model.lineStarts[line] ?? model.text.length;
    const lineEnd = (model.lineStarts[line + 1] ?? model.text.length + 1) - 1;
    let at = line === start.line ? lineStart + start.character : lineStart;
    let content = model.text.slice(at, Math.max(at, lineEnd));
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (line > start.line && (/^\s*#/.test(content) || content.trim() === '')) continue;
    if (line === start.line) {
      const leading = content.length - content.trimStart().length;
      at += leading;
      content = content.slice(leading);
    }
    const trimmed = content.replace(/[ \t]+$/, '');
    const continues = continuesLine(trimmed, model.escapeChar) && line < lastLine;
    const kept = continues ? trimmed.slice(0, -1) : content;
    pieces.push({ text: kept, at });
    length += kept.length;
    if (!continues) break;
  }
  const map = new Int32Array(length + 1);
  let i = 0;
  for (const piece of pieces) {
    for (let k = 0; k < piece.text.length; k++) map[i++] = piece.at + k;
  }
  map[length] = (length > 0 ? (map[length - 1] as number) : (model.lineStarts[start.line] ?? 0)) + 1;
  const result = { text: pieces.map((p) => p.text).join(''), map };
  if (!from) cache.set(instruction, result);
  return result;
}
