/** A `$NAME` or `${NAME…}` use in an instruction's text. */
export interface VariableUse {
  readonly name: string;
  /** Offset of the `$` in the text. */
  readonly start: number;
  readonly end: number;
  /** The `:-default` / `-default` value, when the use gives one (it may use variables itself). */
  readonly fallback: string | null;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/` or `//`; null for a plain use. */
  readonly modifier: string | null;
  /** The word after the modifier (the default, the alternative or the error message). */
  readonly word: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * The variable uses of a text, skipping what the escape character escapes. Nested forms such as
 * `${A:-${B}}` are one use of A whose fallback is `${B}`.
 */
export function variableUses(text: string, escapeChar = '\\'): VariableUse[] {
  const uses: VariableUse[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar) {
      i += 2;
    } else if (c === '$') {
      const use = readUse(text, i);
      if (use) uses.push(use);
      i = use ? use.end : i + 1;
    } else {
      i++;
    }
  }
  return uses;
}

function readUse(text: string, start: number): VariableUse | null {
  if (text[start + 1] !== '{') {
    const name = NAME.exec(text.slice(start + 1))?.[0];
    return name ? { name, start, end: start + 1 + name.length, fallback: null, modifier: null, word: null } : null;
  }
  const name = NAME.exec(text.slice(start + 2))?.[0];
  if (!name) return null;
  let i = start + 2 + name.length;
  if (text[i] === '}') return { name, start, end: i + 1, fallback: null, modifier: null, word: null };
  const modifier = /^(:?[-+?]|##?|%%?|\/\/?)/.exec(text.slice(i))?.[0];
  if (!modifier) return null;
  i += modifier.length;
  const wordStart = i;
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i >= text.length) return null;
  const word = text.slice(wordStart, i);
  const fallback = modifier === '-' || modifier === ':-' ? word : null;
  return { name, start, end: i + 1, fallback, modifier, word };
}

/** Build arguments BuildKit defines for every build. */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'SOURCE_DATE_EPOCH',
]);
