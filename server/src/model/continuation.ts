// Where an instruction's line continues, as BuildKit decides it: written once for every reader.

const CH_SPACE = 32;
const CH_TAB = 9;

/**
 * Whether `text[from, to)` (one line, without its break) ends in a line continuation: the escape
 * character, blanks after it allowed, not itself escaped. BuildKit's pattern is
 * `([^\\])\\[ \t]*$|^\\[ \t]*$`, so a line ending in `a\\` ends the instruction.
 */
export function endsWithEscape(text: string, from: number, to: number, escapeCode: number): boolean {
  let i = to - 1;
  while (i >= from) {
    const c = text.charCodeAt(i);
    if (c !== CH_SPACE && c !== CH_TAB) break;
    i--;
  }
  return i >= from && text.charCodeAt(i) === escapeCode && (i === from || text.charCodeAt(i - 1) !== escapeCode);
}

/** The same for a line given alone. */
export function continuesLine(line: string, escapeChar: string): boolean {
  return endsWithEscape(line, 0, line.length, escapeChar.charCodeAt(0));
}
