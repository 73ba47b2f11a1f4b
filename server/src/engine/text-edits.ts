import type { Position, TextEdit } from 'vscode-languageserver-types';
import { computeLineStarts, lineEndOffset, positionAtOffset } from '../model/scanner';
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

/** The one edit that turns `before` into `after`: the span between what they share at each end. */
export function replacementEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a CRLF or a surrogate pair: step back to a whole character.
  while (start > 0 && ((before[start - 1] === '\r' && before[start] === '\n') || isHighSurrogate(before.charCodeAt(start - 1)))) start--;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const cut = () => before.length - end;
  while (end > 0 && ((before[cut()] === '\n' && before[cut() - 1] === '\r') || isLowSurrogate(before.charCodeAt(cut())))) end--;
  const lineStarts = computeLineStarts(before);
  return { range: { start: positionAtOffset(lineStarts, start), end: positionAtOffset(lineStarts, before.length - end) }, newText: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
