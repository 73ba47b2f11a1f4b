/**
 * A reader of the part of HCL that Bake files use: top-level blocks with labels (`target "app"
 * { … }`), attributes (`dockerfile = "…"`), strings with `${…}`, heredocs, lists and comments.
 * Expressions it cannot evaluate (functions, conditionals, `for`) are kept as raw text and read as
 * unknown. Why not a full HCL parser: the maintained ones for JavaScript are Go compiled to
 * WebAssembly or GopherJS (megabytes), for a few fields of a few blocks.
 */

import { BoundedCache } from '../support/bounded-cache';

export type HclValue =
  | { readonly kind: 'string'; readonly parts: readonly StringPart[] }
  | { readonly kind: 'list'; readonly items: readonly HclValue[] }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'other'; readonly text: string };

/** A string is literal text and `${…}` interpolations (kept as their inner text). */
export type StringPart = { readonly text: string } | { readonly interpolation: string };

export interface HclAttribute {
  readonly name: string;
  readonly value: HclValue;
  /** 0-based line of the attribute name. */
  readonly line: number;
  /** Offsets of the value's text (a string with its quotes). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly attributes: ReadonlyMap<string, HclAttribute>;
  readonly line: number;
}

/** Every token knows its line and its offsets in the text. */
type Token = (
  | { t: 'ident'; v: string }
  | { t: 'string'; parts: StringPart[] }
  | { t: 'punct'; v: string }
  | { t: 'newline' }
) & { line: number; start: number; end: number };

const parsedHcl = new BoundedCache<HclBlock[] | Error>();

/** Reads the top-level blocks (once per text); throws an Error with a one-line message on malformed input. */
export function readHcl(text: string): HclBlock[] {
  const parsed = parsedHcl.get(text, (source) => {
    try {
      return parseHcl(source);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

function parseHcl(text: string): HclBlock[] {
  const tokens = tokenize(text);
  const blocks: HclBlock[] = [];
  let i = 0;
  const skipNewlines = (): void => {
    while (tokens[i]?.t === 'newline') i++;
  };
  while (i < tokens.length) {
    skipNewlines();
    const head = tokens[i];
    if (!head) break;
    if (head.t !== 'ident') throw new Error(`line ${head.line + 1}: expected a block or an attribute`);
    i++;
    const labels: string[] = [];
    while (tokens[i]?.t === 'string' || tokens[i]?.t === 'ident') {
      const label = tokens[i] as Token;
      labels.push(label.t === 'string' ? label.parts.map((p) => ('text' in p ? p.text : `\${${p.interpolation}}`)).join('') : (label as { v: string }).v);
      i++;
    }
    const next = tokens[i];
    if (next?.t === 'punct' && next.v === '=') {
      // A top-level attribute (rare in Bake): skip its value.
      i++;
      i = skipValue(tokens, i);
      continue;
    }
    if (!(next?.t === 'punct' && next.v === '{')) throw new Error(`line ${head.line + 1}: expected '{' after ${head.v}`);
    i++;
    const attributes = new Map<string, HclAttribute>();
    for (;;) {
      skipNewlines();
      const token = tokens[i];
      if (!token) throw new Error(`line ${head.line + 1}: block ${head.v} is not closed`);
      if (token.t === 'punct' && token.v === '}') {
        i++;
        break;
      }
      if (token.t !== 'ident') throw new Error(`line ${token.line + 1}: expected an attribute name`);
      const eq = tokens[i + 1];
      if (eq?.t === 'punct' && eq.v === '=') {
        const start = i + 2;
        const end = skipValue(tokens, start);
        const valueTokens = tokens.slice(start, end).filter((t) => t.t !== 'newline');
        const valueStart = valueTokens[0]?.start ?? (eq as Token).end;
        const valueEnd = valueTokens[valueTokens.length - 1]?.end ?? valueStart;
        attributes.set(token.v, { name: token.v, value: toValue(tokens.slice(start, end)), line: token.line, valueStart, valueEnd });
        i = end;
      } else {
        // A nested block (`matrix`, `attest`…): skip it.
        i++;
        while (tokens[i] && !(tokens[i]?.t === 'punct' && (tokens[i] as { v: string }).v === '{')) i++;
        i = skipValue(tokens, i);
      }
    }
    blocks.push({ type: head.v, labels, attributes, line: head.line });
  }
  return blocks;
}

/** The index after a value: up to the newline (or `}`) at bracket depth 0. */
function skipValue(tokens: readonly Token[], start: number): number {
  let depth = 0;
  let i = start;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.t === 'punct' && '([{'.includes(token.v)) depth++;
    else if (token.t === 'punct' && ')]}'.includes(token.v)) {
      if (depth === 0) return i;
      depth--;
    } else if (token.t === 'newline' && depth === 0) return i;
  }
  return i;
}

function toValue(tokens: readonly Token[]): HclValue {
  const meaningful = tokens.filter((t) => t.t !== 'newline');
  const raw = meaningful.map((t) => (t.t === 'string' ? '"…"' : 'v' in t ? t.v : '')).join(' ');
  if (meaningful.length === 1) {
    const only = meaningful[0] as Token;
    if (only.t === 'string') return { kind: 'string', parts: only.parts };
    if (only.t === 'ident') return /^(true|false|null|-?\d[\d.]*)$/.test(only.v) ? { kind: 'literal', text: only.v } : { kind: 'ref', name: only.v };
  }
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  if (first?.t === 'punct' && first.v === '[' && last?.t === 'punct' && last.v === ']') {
    const items: HclValue[] = [];
    let current: Token[] = [];
    let depth = 0;
    for (const token of meaningful.slice(1, -1)) {
      if (token.t === 'punct' && '([{'.includes(token.v)) depth++;
      if (token.t === 'punct' && ')]}'.includes(token.v)) depth--;
      if (token.t === 'punct' && token.v === ',' && depth === 0) {
        if (current.length > 0) items.push(toValue(current));
        current = [];
      } else current.push(token);
    }
    if (current.length > 0) items.push(toValue(current));
    return { kind: 'list', items };
  }
  return { kind: 'other', text: raw };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      tokens.push({ t: 'newline', line, start: i, end: i + 1 });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
    } else if (c === '"') {
      const start = line;
      const { parts, end, lines } = readString(text, i + 1);
      tokens.push({ t: 'string', parts, line: start, start: i, end });
      line += lines;
      i = end;
    } else if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(text.slice(i));
      if (!m) throw new Error(`line ${line + 1}: unexpected '<<'`);
      const body = text.slice(i + m[0].length);
      const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm').exec(body);
      if (!close) throw new Error(`line ${line + 1}: heredoc ${m[1]} is not closed`);
      const content = body.slice(0, close.index);
      const consumed = m[0].length + close.index + close[0].length;
      tokens.push({ t: 'string', parts: [{ text: content }], line, start: i, end: i + consumed });
      for (let k = i; k < i + consumed; k++) if (text[k] === '\n') line++;
      i += consumed;
    } else if (/[A-Za-z0-9_.\-]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_.\-]/.test(text[j] as string)) j++;
      tokens.push({ t: 'ident', v: text.slice(i, j), line, start: i, end: j });
      i = j;
    } else {
      tokens.push({ t: 'punct', v: c, line, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

function readString(text: string, start: number): { parts: StringPart[]; end: number; lines: number } {
  const parts: StringPart[] = [];
  let literal = '';
  let lines = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      if (literal) parts.push({ text: literal });
      return { parts, end: i + 1, lines };
    }
    if (c === '\n') lines++;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      literal += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
    } else if (c === '$' && text[i + 1] === '{') {
      if (literal) parts.push({ text: literal });
      literal = '';
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
        if (depth > 0) j++;
      }
      parts.push({ interpolation: text.slice(i + 2, j).trim() });
      i = j + 1;
    } else {
      literal += c;
      i++;
    }
  }
  throw new Error('a string is not closed');
}
