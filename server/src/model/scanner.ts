import { endsWithEscape } from './continuation';
import { unquote } from './instruction-text';
import { range } from './positions';
import type { ParserDirective, PragmaComment, SyntaxProblem } from './types';

/** A run of whole lines parsed as one unit: the preamble before the first `FROM`, or one stage. */
export interface ChunkSpan {
  readonly kind: 'preamble' | 'stage';
  readonly firstLine: number;
  readonly lastLine: number;
  /** First and last line of each instruction in the chunk (continuations and heredoc bodies included). */
  readonly instructions: readonly (readonly [number, number])[];
}


export interface ScanResult {
  readonly lineStarts: number[];
  readonly pragmas: PragmaComment[];
  /** Blank lines inside a continued instruction (allowed, but BuildKit warns about them). */
  readonly blankContinuationLines: number[];
  readonly escapeChar: string;
  readonly directives: ParserDirective[];
  readonly chunks: ChunkSpan[];
  readonly problems: SyntaxProblem[];
}

const PRAGMA = /^[ \t]*#[ \t]*(?:dockerfile-stages|hadolint)\b/i;
const DIRECTIVE = /^[ \t]*#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_WORD = /^\d*<<(-?)(.+)$/;
/** BuildKit accepts heredocs only in these instructions. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

const CH_CR = 13;
const CH_SPACE = 32;
const CH_TAB = 9;
const CH_HASH = 35;

interface PendingHeredoc {
  readonly name: string;
  readonly stripTabs: boolean;
  readonly line: number;
  readonly startChar: number;
  readonly endChar: number;
}

/**
 * Splits a Dockerfile into stage chunks with one pass over its lines, the way BuildKit reads them:
 * parser directives first, then instructions with their continuation lines (where comment and
 * blank lines may sit) and heredoc bodies. Only instruction starts matter here; the chunks are
 * parsed in full elsewhere. Never throws, whatever the input.
 */
export function scanDocument(text: string): ScanResult {
  const lineStarts = computeLineStarts(text);
  const lineCount = lineStarts.length;
  const lineEnd = (line: number): number => lineEndOffset(text, lineStarts, line);
  const lineText = (line: number): string => text.slice(lineStarts[line], lineEnd(line));

  const { directives, escapeChar, firstLine } = scanDirectives(lineCount, lineText);
  const escapeCode = escapeChar.charCodeAt(0);
  const chunks: ChunkSpan[] = [];
  const problems: SyntaxProblem[] = [];
  let chunkStart = 0;
  let chunkKind: ChunkSpan['kind'] = 'preamble';
  let spans: [number, number][] = [];

  const pragmas: PragmaComment[] = [];
  const blankContinuationLines: number[] = [];
  let waitingPragmas: { line: number; text: string }[] = [];
  let line = firstLine;
  while (line < lineCount) {
    const start = lineStarts[line] as number;
    const end = lineEnd(line);
    const first = skipBlanks(text, start, end);
    if (first === end || text.charCodeAt(first) === CH_HASH) {
      if (first !== end) {
        const comment = text.slice(first, end);
        if (PRAGMA.test(comment)) waitingPragmas.push({ line, text: comment });
      }
      line++;
      continue;
    }
    for (const pragma of waitingPragmas) pragmas.push({ ...pragma, nextInstructionLine: line });
    waitingPragmas = [];
    const keyword = readWord(text, first, end).toUpperCase();
    if (keyword === 'FROM' && (line > chunkStart || chunkKind === 'stage')) {
      if (line > chunkStart) chunks.push({ kind: chunkKind, firstLine: chunkStart, lastLine: line - 1, instructions: spans });
      spans = [];
      chunkStart = line;
      chunkKind = 'stage';
    } else if (keyword === 'FROM') {
      chunkKind = 'stage';
    }
    // Gather the logical line: continuation lines, skipping comment and blank lines inside it.
    const wantsHeredocs = HEREDOC_KEYWORDS.has(keyword);
    const parts: string[] = wantsHeredocs ? [text.slice(first, end)] : [];
    let last = line;
    let continues = endsWithEscape(text, start, end, escapeCode);
    while (continues && last + 1 < lineCount) {
      last++;
      const s = lineStarts[last] as number;
      const e = lineEnd(last);
      const f = skipBlanks(text, s, e);
      if (f === e) {
        blankContinuationLines.push(last);
        continue;
      }
      if (text.charCodeAt(f) === CH_HASH) continue;
      if (wantsHeredocs) parts.push(text.slice(s, e));
      continues = endsWithEscape(text, s, e, escapeCode);
    }
    const instructionStart = line;
    line = last + 1;
    if (!wantsHeredocs) {
      spans.push([instructionStart, last]);
      continue;
    }
    const heredocs = findHeredocMarkers(parts.join(' '), last, text, lineStarts, lineEnd);
    for (const heredoc of heredocs) {
      const closed = findHeredocEnd(heredoc, line, lineCount, lineText);
      if (closed === -1) {
        problems.push({
          code: 'unterminated-heredoc',
          message: `Unterminated heredoc: no line '${heredoc.name}' closes <<${heredoc.name}.`,
          range: range(heredoc.line, heredoc.startChar, heredoc.line, heredoc.endChar),
        });
        line = lineCount;
        break;
      }
      line = closed + 1;
    }
    spans.push([instructionStart, line - 1]);
  }
  if (chunkStart < lineCount) chunks.push({ kind: chunkKind, firstLine: chunkStart, lastLine: lineCount - 1, instructions: spans });
  for (const pragma of waitingPragmas) pragmas.push({ ...pragma, nextInstructionLine: -1 });
  // Blank lines at the very end of the file do not continue anything.
  while (blankContinuationLines.length > 0 && (blankContinuationLines[blankContinuationLines.length - 1] as number) >= lineCount - 1) {
    blankContinuationLines.pop();
  }
  return { lineStarts, pragmas, blankContinuationLines, escapeChar, directives, chunks, problems };
}

/**
 * Offsets of line starts, with the line breaks LSP and VS Code use: `\n`, `\r\n` and a lone `\r`.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    let index = text.indexOf('\n');
    while (index !== -1) {
      starts.push(index + 1);
      index = text.indexOf('\n', index + 1);
    }
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CH_CR) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line an offset is on (the last line whose start is at or before it). */
export function lineAtOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The line and character of an offset. */
export function positionAtOffset(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  const line = lineAtOffset(lineStarts, offset);
  return { line, character: offset - (lineStarts[line] ?? 0) };
}

/** Offset just past the last character of a line, its line break excluded. */
export function lineEndOffset(text: string, lineStarts: readonly number[], line: number): number {
  const next = lineStarts[line + 1];
  if (next === undefined) return text.length;
  let end = next - 1;
  if (text.charCodeAt(end) === 10 && end > (lineStarts[line] as number) && text.charCodeAt(end - 1) === CH_CR) end--;
  return end;
}

function scanDirectives(
  lineCount: number,
  lineText: (line: number) => string,
): { directives: ParserDirective[]; escapeChar: string; firstLine: number } {
  const directives: ParserDirective[] = [];
  let escapeChar = '\\';
  let line = 0;
  for (; line < lineCount; line++) {
    let content = lineText(line);
    const bom = line === 0 && content.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (bom) content = content.slice(1);
    const match = DIRECTIVE.exec(content);
    if (!match) break;
    const name = (match[1] as string).toLowerCase();
    const value = match[2] as string;
    const nameStart = bom + content.indexOf(match[1] as string);
    const valueStart = bom + content.indexOf(value, nameStart - bom + (match[1] as string).length + 1);
    directives.push({
      name,
      value,
      range: range(line, 0, line, bom + content.length),
      nameRange: range(line, nameStart, line, nameStart + name.length),
      valueRange: range(line, valueStart, line, valueStart + value.length),
    });
    if (name === 'escape' && (value === '`' || value === '\\')) escapeChar = value;
  }
  return { directives, escapeChar, firstLine: line };
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== CH_SPACE && c !== CH_TAB && c !== 0xfeff) break;
    i++;
  }
  return i;
}

function readWord(text: string, from: number, to: number): string {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === CH_SPACE || c === CH_TAB) break;
    i++;
  }
  return text.slice(from, i);
}

/** BuildKit continues a line that ends with the escape character, trailing blanks allowed. */
/** Finds `<<EOF`, `<<-EOF`, `<<"EOF"` words in a logical line, in order, skipping the exec form. */
function findHeredocMarkers(
  logical: string,
  lastLine: number,
  text: string,
  lineStarts: readonly number[],
  lineEnd: (line: number) => number,
): PendingHeredoc[] {
  if (!logical.includes('<<')) return [];
  const args = logical.replace(/^\s*\S+\s*/, '');
  if (args.startsWith('[')) return [];
  const markers: PendingHeredoc[] = [];
  for (const word of shellWords(args)) {
    const match = HEREDOC_WORD.exec(word);
    if (!match) continue;
    const rawName = match[2] as string;
    if (rawName.includes('<')) continue;
    const name = unquote(rawName);
    if (name === '') continue;
    markers.push({ name, stripTabs: match[1] === '-', ...locateMarker(word, lastLine, text, lineStarts, lineEnd) });
  }
  return markers;
}

/** Where a heredoc marker stands, for error messages; searched back from the instruction's last line. */
function locateMarker(
  word: string,
  lastLine: number,
  text: string,
  lineStarts: readonly number[],
  lineEnd: (line: number) => number,
): { line: number; startChar: number; endChar: number } {
  for (let line = lastLine; line >= 0 && line > lastLine - 1000; line--) {
    const start = lineStarts[line] as number;
    const index = text.slice(start, lineEnd(line)).indexOf(word);
    if (index !== -1) return { line, startChar: index, endChar: index + word.length };
  }
  return { line: lastLine, startChar: 0, endChar: 0 };
}

function findHeredocEnd(
  heredoc: PendingHeredoc,
  fromLine: number,
  lineCount: number,
  lineText: (line: number) => string,
): number {
  for (let line = fromLine; line < lineCount; line++) {
    let content = lineText(line);
    if (heredoc.stripTabs) content = content.replace(/^\t+/, '');
    if (content === heredoc.name) return line;
  }
  return -1;
}

/** Splits on blanks outside quotes; enough to find heredoc markers the way a shell would. */
function shellWords(s: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of s) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ' ' || ch === '\t') {
      if (current) words.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) words.push(current);
  return words;
}
