import type { Position, Range } from 'vscode-languageserver-types';

/** Removes the `$0` cursor marker and says where it stood. */
export function withCursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf('$0');
  if (offset === -1) throw new Error('fixture has no $0 cursor marker');
  const clean = text.slice(0, offset) + text.slice(offset + 2);
  return { text: clean, position: positionAt(clean, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `occurrence`-th (0-based) `needle` in the text, found by text, not counted by hand. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`'${needle}' (#${occurrence}) not found in fixture`);
  }
  return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** The position just after the `occurrence`-th `needle`. */
export function after(text: string, needle: string, occurrence = 0): Position {
  return rangeOf(text, needle, occurrence).end;
}

export interface ExpectedProblem {
  readonly ruleId: string;
  readonly range: Range;
  readonly message?: string;
}

const ANNOTATION = /^\s*#\s*(\^+)\s+([a-z0-9-]+)(?:\s+(.*))?$/;

/**
 * Reads expectations written under the line they point at, then drops those lines:
 *
 *     COPY --from=buidler /app /app
 *     #           ^^^^^^^ stage-ref-unknown 'buidler' is not a stage. Did you mean 'builder'?
 *
 * The caret column is the column in the line above (`#^^` starts at column 0); the text after the rule id, when present,
 * is the exact message.
 */
export function annotated(source: string): { text: string; expected: ExpectedProblem[] } {
  const kept: string[] = [];
  const expected: ExpectedProblem[] = [];
  for (const line of source.split('\n')) {
    const match = ANNOTATION.exec(line);
    if (!match || kept.length === 0) {
      kept.push(line);
      continue;
    }
    // `#^^^` at the start of the line: the `#` stands for column 0.
    const fromColumnZero = line.startsWith('#^');
    const caretStart = fromColumnZero ? 0 : line.indexOf('^');
    const length = (match[1] as string).length + (fromColumnZero ? 1 : 0);
    const lineNumber = kept.length - 1;
    const problem: ExpectedProblem = {
      ruleId: match[2] as string,
      range: {
        start: { line: lineNumber, character: caretStart },
        end: { line: lineNumber, character: caretStart + length },
      },
      ...(match[3] ? { message: match[3] } : {}),
    };
    expected.push(problem);
  }
  return { text: kept.join('\n'), expected };
}

/** Strips the common indentation of a template literal, so fixtures can be indented in tests. */
export function dockerfile(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
