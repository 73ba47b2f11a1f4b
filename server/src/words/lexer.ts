/**
 * Words as BuildKit reads them: quote removal, escapes and variable expansion, with BuildKit's own
 * semantics and errors (its `frontend/dockerfile/shell` lexer). Everything but the shell form of
 * RUN, CMD and ENTRYPOINT goes through this: FROM, ARG, ENV, COPY, WORKDIR, USER, EXPOSE, LABEL…
 */

/** What a word's variables are looked up in; undefined means unset (an empty string is set). */
export type Environment = (name: string) => string | undefined;

export interface WordOptions {
  /** `\`, or the backtick of `# escape=\``. */
  readonly escape?: string;
}

export interface ProcessedWord {
  /** The word after quote removal and expansion (ProcessWord). */
  readonly value: string;
  /** The same text split into words after expansion, as ProcessWords does (EXPOSE, VOLUME, `ENV k v`). */
  readonly words: readonly string[];
  /** Variables the word used that were set, and those that were not. */
  readonly matched: ReadonlySet<string>;
  readonly unmatched: ReadonlySet<string>;
}

/** A word BuildKit refuses: an unterminated quote, a bad substitution, `${X:?message}`… */
export class WordError extends Error {}

const EOF = '';

/** Go's unicode.IsSpace: the Latin-1 spaces and the Unicode White_Space set. */
function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /^[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^\p{L}$/u.test(ch);
}
function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return /^\p{Nd}$/u.test(ch);
}
/** `$@ $* $# $? $- $$ $! $0`: single-character special parameters. */
const isSpecialParam = (ch: string): boolean => '@*#?-$!0'.includes(ch) && ch !== '';

/** Reads code points one at a time, like Go's text/scanner Peek and Next. */
class Scanner {
  private readonly chars: string[];
  private at = 0;
  constructor(text: string) {
    this.chars = Array.from(text);
  }
  peek(): string {
    return this.chars[this.at] ?? EOF;
  }
  next(): string {
    const ch = this.chars[this.at] ?? EOF;
    if (ch !== EOF) this.at++;
    return ch;
  }
}

/** Collects the words of ProcessWords: spaces from expansions split, quoted text never does. */
class Words {
  private buffer = '';
  private inWord = false;
  readonly list: string[] = [];
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.buffer.length !== 0) {
        this.list.push(this.buffer);
        this.buffer = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.buffer += ch;
    this.inWord = true;
  }
  addString(text: string): void {
    for (const ch of Array.from(text)) this.addChar(ch);
  }
  addRawString(text: string): void {
    this.buffer += text;
    this.inWord = true;
  }
  result(): string[] {
    if (this.buffer.length > 0) {
      this.list.push(this.buffer);
      this.buffer = '';
      this.inWord = false;
    }
    return this.list;
  }
}

class ShellWord {
  private readonly scanner: Scanner;
  private rawEscapes = false;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();

  constructor(
    text: string,
    private readonly env: Environment,
    private readonly escape: string,
  ) {
    this.scanner = new Scanner(text);
  }

  process(): { value: string; words: string[] } {
    return this.processStopOn(EOF, false);
  }

  /** Reads to the end, or to `stop` (consumed); an unseen `stop` is an error. */
  private processStopOn(stop: string, rawEscapes: boolean): { value: string; words: string[] } {
    let result = '';
    const words = new Words();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.scanner.peek() !== EOF) {
        const ch = this.scanner.peek();
        if (stop !== EOF && ch === stop) {
          this.scanner.next();
          return { value: result, words: words.result() };
        }
        const special = ch === '$' ? this.processDollar() : ch === '<' ? this.processPossibleHeredoc() : ch === "'" ? this.processSingleQuote() : ch === '"' ? this.processDoubleQuote() : null;
        if (special !== null) {
          result += special;
          if (ch === '$') words.addString(special);
          else words.addRawString(special);
          continue;
        }
        let next = this.scanner.next();
        if (next === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(next);
            result += next;
          }
          // The escape character escapes the next character; at the very end it is dropped.
          next = this.scanner.next();
          if (next === EOF) break;
          words.addRawChar(next);
        } else {
          words.addChar(next);
        }
        result += next;
      }
      if (stop !== EOF) throw new WordError(`unexpected end of statement while looking for matching ${stop}`);
      return { value: result, words: words.result() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  /** `'…'`: everything literal, no escapes. */
  private processSingleQuote(): string {
    this.scanner.next();
    let result = '';
    for (;;) {
      const ch = this.scanner.next();
      if (ch === EOF) throw new WordError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return result;
      result += ch;
    }
  }

  /** `"…"`: `$` expands; the escape character escapes only `"`, `$` and itself. */
  private processDoubleQuote(): string {
    this.scanner.next();
    let result = '';
    for (;;) {
      const peek = this.scanner.peek();
      if (peek === EOF) throw new WordError('unexpected end of statement while looking for matching double-quote');
      if (peek === '"') {
        this.scanner.next();
        return result;
      }
      if (peek === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.scanner.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.scanner.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escape) ch = this.scanner.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.scanner.next();
    if (this.scanner.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      return this.lookup(name) ?? '';
    }
    this.scanner.next();
    const first = this.scanner.peek();
    if (first === EOF) throw new WordError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new WordError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.scanner.next();
    let modifier = ch;
    let nullIsUnset = false;
    if (ch === '}') return this.lookup(name) ?? '';
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.scanner.next();
      modifier += ch;
    }
    // After `:`, BuildKit reads the word whatever follows, then refuses modifiers it lacks.
    if (nullIsUnset || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const rawEscapes = ch === '#' || ch === '%';
      if (nullIsUnset && rawEscapes) throw new WordError(`unsupported modifier (${modifier}) in substitution`);
      let word: string;
      try {
        word = this.processStopOn('}', rawEscapes).value;
      } catch (error) {
        if (this.scanner.peek() === EOF) throw new WordError("syntax error: missing '}'");
        throw error;
      }
      const value = this.lookup(name);
      const set = value !== undefined;
      switch (ch) {
        case '-':
          return !set || (nullIsUnset && value === '') ? word : (value as string);
        case '+':
          return !set || (nullIsUnset && value === '') ? '' : word;
        case '?':
          if (!set) throw new WordError(`${name}: ${word || 'is not allowed to be unset'}`);
          if (nullIsUnset && value === '') throw new WordError(`${name}: ${word || 'is not allowed to be empty'}`);
          return value as string;
        case '#':
        case '%': {
          // %/# remove the shortest match, %%/## the longest.
          const greedy = word.startsWith(ch);
          const pattern = greedy ? word.slice(1) : word;
          return ch === '%' ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
        }
        default:
          throw new WordError(`unsupported modifier (${modifier}) in substitution`);
      }
    }
    if (ch === '/' && !nullIsUnset) {
      const all = this.scanner.peek() === '/';
      if (all) this.scanner.next();
      let pattern: string;
      let replacement: string;
      try {
        pattern = this.processStopOn('/', true).value;
      } catch (error) {
        if (this.scanner.peek() === EOF) throw new WordError("syntax error: missing '/' in ${}");
        throw error;
      }
      try {
        replacement = this.processStopOn('}', true).value;
      } catch (error) {
        if (this.scanner.peek() === EOF) throw new WordError("syntax error: missing '}'");
        throw error;
      }
      const value = this.lookup(name) ?? '';
      const regex = shellPatternToRegex(pattern, true, false, all);
      if (all) return value.replace(regex, () => replacement);
      const match = regex.exec(value);
      return match ? value.slice(0, match.index) + replacement + value.slice(match.index + match[0].length) : value;
    }
    throw new WordError(`unsupported modifier (${modifier}) in substitution`);
  }

  /** A variable name: letters, digits and `_`; or a run of digits; or one special parameter. */
  private processName(): string {
    let name = '';
    while (this.scanner.peek() !== EOF) {
      const ch = this.scanner.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.scanner.peek() !== EOF && isDigit(this.scanner.peek())) name += this.scanner.next();
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) return this.scanner.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.scanner.next();
    }
    return name;
  }

  /** `<<` (and the spaces after it) is kept as written: a heredoc marker, not a word to split. */
  private processPossibleHeredoc(): string {
    this.scanner.next();
    if (this.scanner.peek() !== '<') return '<';
    this.scanner.next();
    let space = '';
    while (/^[\t\r ]$/.test(this.scanner.peek())) space += this.scanner.next();
    return `<<${space}`;
  }

  private lookup(name: string): string | undefined {
    const value = this.env(name);
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }
}

/**
 * A shell pattern (`*`, `?`, escapes; no bracket expressions) as a regular expression, as BuildKit
 * converts it. `*` is greedy or the shortest match.
 */
function shellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*') out += greedy ? '.*' : '.*?';
    else if (ch === '?') out += '.';
    else if (ch === '\\') {
      // `\}` and `\/` escape the ${} syntax, not the pattern.
      const next = chars[i + 1];
      if (next === '}' || next === '/') continue;
      i++;
      if (next !== '*' && next !== '?' && next !== '\\') throw new WordError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ''}'`);
      out += `\\${next}`;
    } else if ('[]{}.+()|^$'.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = shellPatternToRegex(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

/** The pattern reversed, keeping each escape before the character it escapes (`a\*c` → `c\*a`). */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const ch = chars[i] as string;
    const at = last - i;
    if (ch === '\\' && i !== last) {
      out[at - 1] = ch;
      out[at] = chars[i + 1] as string;
      i += 2;
    } else {
      out[at] = ch;
      i++;
    }
  }
  return out.join('');
}

const reverse = (text: string): string => Array.from(text).reverse().join('');

/** The shortest (or longest) suffix match removed: reversed, it is a prefix match. */
function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

/** Processes a word as BuildKit does, or throws a WordError with BuildKit's message. */
export function processWord(text: string, env: Environment, options: WordOptions = {}): ProcessedWord {
  const word = new ShellWord(text, env, options.escape ?? '\\');
  const { value, words } = word.process();
  return { value, words, matched: word.matched, unmatched: word.unmatched };
}

/** Like processWord, but null instead of an error. */
export function tryProcessWord(text: string, env: Environment, options: WordOptions = {}): ProcessedWord | null {
  try {
    return processWord(text, env, options);
  } catch (error) {
    if (error instanceof WordError) return null;
    throw error;
  }
}
