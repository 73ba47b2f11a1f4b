import type { Position, Range } from 'vscode-languageserver-types';

/** Builds a range from line/character pairs. */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `position` lies inside `r`, both ends included (a cursor right after a word still touches it). */
export function rangeContains(r: Range, position: Position): boolean {
  return comparePositions(r.start, position) <= 0 && comparePositions(position, r.end) <= 0;
}

/** True when `inner` lies completely inside `outer`. */
export function rangeInside(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function shiftRange(r: Range, lineDelta: number): Range {
  return lineDelta === 0 ? r : range(r.start.line + lineDelta, r.start.character, r.end.line + lineDelta, r.end.character);
}

/** A sub-range of a single-line text span, from character offsets inside it. */
export function subRange(outer: Range, from: number, to: number): Range {
  return range(outer.start.line, outer.start.character + from, outer.start.line, outer.start.character + to);
}
