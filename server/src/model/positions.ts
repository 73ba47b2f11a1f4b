import type { Position, Range } from 'vscode-languageserver-types';

/**
 * A range kept as four numbers in one object: the model holds hundreds of thousands of them on a
 * large Dockerfile, and a plain LSP range costs three objects. `start` and `end` are built on
 * access; `toJSON` gives the protocol's plain shape, so it travels over JSON-RPC unchanged.
 */
export class CompactRange implements Range {
  constructor(
    private readonly startLine: number,
    private readonly startChar: number,
    private readonly endLine: number,
    private readonly endChar: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startChar };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endChar };
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** Builds a range from line/character pairs. */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return new CompactRange(startLine, startChar, endLine, endChar);
}

/** A compact copy of `r`, moved by `lineDelta` lines. */
export function compactRange(r: Range, lineDelta = 0): Range {
  const { start, end } = r;
  return new CompactRange(start.line + lineDelta, start.character, end.line + lineDelta, end.character);
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
  return lineDelta === 0 ? r : compactRange(r, lineDelta);
}

/** A sub-range of a single-line text span, from character offsets inside it. */
export function subRange(outer: Range, from: number, to: number): Range {
  return range(outer.start.line, outer.start.character + from, outer.start.line, outer.start.character + to);
}
