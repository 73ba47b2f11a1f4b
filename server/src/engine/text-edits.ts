import type { Position, TextEdit } from 'vscode-languageserver-types';
import { computeLineStarts, lineEndOffset } from '../model/scanner';
import { comparePositions } from '../model/positions';

function offsetAt(text: string, lineStarts: readonly number[], position: Position): number {
  const start = lineStarts[position.line];
  if (start === undefined) return text.length;
  return Math.min(start + position.character, lineEndOffset(text, lineStarts, position.line));
}

/** True when two edits touch the same text (an insertion at the start or end of another's range counts). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  return comparePositions(a.range.start, b.range.end) <= 0 && comparePositions(b.range.start, a.range.end) <= 0;
}

/** Applies non-overlapping edits to a text; positions refer to the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const sorted = [...edits]
    .map((edit, index) => ({ edit, index, start: offsetAt(text, lineStarts, edit.range.start), end: offsetAt(text, lineStarts, edit.range.end) }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const { edit, start, end } of sorted) result = result.slice(0, start) + edit.newText + result.slice(end);
  return result;
}
