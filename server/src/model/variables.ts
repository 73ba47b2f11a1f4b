/** A `$NAME` or `${NAME…}` use in an instruction's text. */
export interface VariableUse {
  readonly name: string;
  /** Offset of the `$` in the text. */
  readonly start: number;
  readonly end: number;
  /** The `:-default` / `-default` value, when the use gives one. */
  readonly fallback: string | null;
}

const USE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The variable uses of a text, skipping escaped `\$`. */
export function variableUses(text: string, escapeChar = '\\'): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const match of text.matchAll(USE)) {
    const start = match.index ?? 0;
    if (start > 0 && text[start - 1] === escapeChar) continue;
    const modifier = match[2];
    uses.push({
      name: (match[1] ?? match[4]) as string,
      start,
      end: start + match[0].length,
      fallback: modifier === '-' || modifier === ':-' ? (match[3] ?? '') : null,
    });
  }
  return uses;
}

/** Replaces variable uses by their values (unknown ones by their fallback, else nothing). */
export function substitute(text: string, values: ReadonlyMap<string, string | null>): string {
  let out = '';
  let last = 0;
  for (const use of variableUses(text)) {
    const value = values.get(use.name);
    out += text.slice(last, use.start) + (value !== undefined && value !== null && value !== '' ? value : (use.fallback ?? ''));
    last = use.end;
  }
  return out + text.slice(last);
}

/** Build arguments BuildKit defines for every build. */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'SOURCE_DATE_EPOCH',
]);
