/**
 * How BuildKit's parser splits ENV, LABEL and ARG: into words on spaces outside quotes (an escape
 * keeps the next character, quotes and escapes stay in the word for the lexer), then into
 * `name=value` pairs. The values are still to be processed as words.
 */

const isSpace = (ch: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);

/** A word and where it starts in the text. */
export interface RawWord {
  readonly text: string;
  readonly start: number;
}

/** BuildKit's parseWords: words split on spaces outside quotes, quotes and escapes kept. */
export function parseWords(rest: string, escape = '\\'): RawWord[] {
  const chars = Array.from(rest);
  const words: RawWord[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  let start = 0;
  let offset = 0;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i] ?? '';
    const at = offset;
    offset += ch.length;
    if (phase === 'spaces') {
      if (i === chars.length) break;
      if (isSpace(ch)) continue;
      phase = 'word';
      start = at;
    }
    if (i === chars.length) {
      if (blankOK || word.length > 0) words.push({ text: word, start });
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push({ text: word, start });
        word = '';
        blankOK = false;
        continue;
      }
      let current = ch;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escape) {
        if (i + 1 === chars.length) continue;
        // An escape outside quotes keeps itself and the next character, even a quote.
        word += ch;
        i++;
        current = chars[i] ?? '';
        offset += current.length;
      }
      word += current;
      continue;
    }
    // In quotes: the escape character escapes, except inside single quotes.
    let current = ch;
    if (ch === quote) phase = 'word';
    if (ch === escape && quote !== "'") {
      if (i + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      i++;
      current = chars[i] ?? '';
      offset += current.length;
    }
    word += current;
  }
  return words;
}

/** A declared name, with its value as written (to be processed as a word), or null for `ARG NAME`. */
export interface NameValue {
  readonly name: string;
  readonly value: string | null;
  /** Where the pair starts in the text. */
  readonly start: number;
}

/**
 * ENV and LABEL (BuildKit's parseNameVal): `NAME=value …`, or the legacy `NAME value` where the
 * rest of the text after the first space is the value. Words without `=` in the new form are a
 * syntax error BuildKit reports; they are left out here.
 */
export function parseNameValues(rest: string, escape = '\\'): { legacy: boolean; pairs: NameValue[] } {
  const words = parseWords(rest, escape);
  const first = words[0];
  if (!first) return { legacy: false, pairs: [] };
  if (!first.text.includes('=')) {
    const match = /^(\S+)\s+([\s\S]*)$/.exec(rest.trim());
    return { legacy: true, pairs: match ? [{ name: match[1] as string, value: match[2] as string, start: first.start }] : [] };
  }
  return {
    legacy: false,
    pairs: words.filter((w) => w.text.includes('=')).map((w) => ({ name: w.text.slice(0, w.text.indexOf('=')), value: w.text.slice(w.text.indexOf('=') + 1), start: w.start })),
  };
}

/** ARG (BuildKit's parseNameOrNameVal): `NAME`, `NAME=`, `NAME=value`. */
export function parseNameOrNameValues(rest: string, escape = '\\'): NameValue[] {
  return parseWords(rest, escape).map((w) => {
    const equals = w.text.indexOf('=');
    return equals < 0 ? { name: w.text, value: null, start: w.start } : { name: w.text.slice(0, equals), value: w.text.slice(equals + 1), start: w.start };
  });
}
