import type { TextEdit } from 'vscode-languageserver-types';
import { lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';

export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/**
 * Formats instructions: the keyword in upper case at the start of its line, one space after it,
 * continuation lines indented by one level, no trailing blanks. Heredoc bodies, comments between
 * instructions and the text of arguments (JSON arrays included) are never touched, so formatting
 * twice changes nothing more. With `lines`, only the instructions that touch those lines.
 */
export function formatEdits(model: DockerfileModel, options: FormatOptions, lines?: { first: number; last: number }): TextEdit[] {
  const indent = options.insertSpaces ? ' '.repeat(Math.max(1, options.tabSize)) : '\t';
  const edits: TextEdit[] = [];
  for (const instruction of [...model.preamble, ...model.stages.flatMap((stage) => stage.instructions)]) {
    if (lines && (instruction.range.end.line < lines.first || instruction.range.start.line > lines.last)) continue;
    formatInstruction(model, instruction, indent, edits);
  }
  return edits;
}

function formatInstruction(model: DockerfileModel, instruction: Instruction, indent: string, edits: TextEdit[]): void {
  const first = instruction.keywordRange.start.line;
  // A keyword that is not one word on one line is no instruction BuildKit knows: leave it as written.
  if (instruction.keywordRange.end.line !== first) return;
  if (!/^[A-Za-z]+$/.test(lineText(model, first).slice(instruction.keywordRange.start.character, instruction.keywordRange.end.character))) return;
  // The instruction's own lines end where its first heredoc body begins.
  const bodyStart = instruction.heredocs[0]?.contentRange?.start.line ?? instruction.heredocs[0]?.delimiterRange?.start.line;
  const last = bodyStart !== undefined ? bodyStart - 1 : instruction.range.end.line;
  const replace = (line: number, from: number, to: number, text: string, current: string) => {
    if (text !== current) edits.push({ range: { start: { line, character: from }, end: { line, character: to } }, newText: text });
  };
  // `AS` follows the case of `FROM`, which is upper case once formatted (BuildKit's FromAsCasing).
  const as = instruction.keyword === 'FROM' ? instruction.args[1] : undefined;
  if (as && as.value.toLowerCase() === 'as' && as.value !== 'AS' && as.range.start.line === as.range.end.line) {
    replace(as.range.start.line, as.range.start.character, as.range.end.character, 'AS', as.value);
  }
  let quote: string | null = null;
  /** Whether the last instruction line ended with a blank before its escape character. */
  let separated = false;
  for (let line = first; line <= last; line++) {
    const text = lineText(model, line);
    const content = text.trimEnd();
    // Blanks that continue a quoted string belong to its value: such a line keeps its indent.
    const inQuote = quote !== null;
    // Comment lines inside a continuation are dropped by BuildKit: they open or close nothing.
    const comment = line !== first && content.trimStart().startsWith('#');
    if (!comment) quote = quoteAtEnd(content, quote, model.escapeChar);
    const trailing = quote === null ? text.length - content.length : 0;
    /** The line as it will read once formatted (without trailing blanks). */
    let formatted = content;
    if (line === first) {
      const start = instruction.keywordRange.start.character;
      const end = instruction.keywordRange.end.character;
      const rest = content.slice(end);
      const keyword = text.slice(start, end).toUpperCase();
      if (rest.trim() === '') {
        replace(line, 0, text.length, keyword, text);
        continue;
      }
      // One blank where there were blanks; none added where the keyword runs into its escape (`RUN\`).
      const gap = rest.length - rest.trimStart().length;
      const written = gap > 0 ? `${keyword} ` : keyword;
      replace(line, 0, end + gap, written, text.slice(0, end + gap));
      formatted = written + rest.trimStart();
    } else if (content.trim() === '') {
      if (!inQuote) replace(line, 0, text.length, '', text);
      continue;
    } else if (!inQuote) {
      // BuildKit joins a continuation without a separator: `a\` + `b` reads `ab`. A line that
      // starts right at the margin after such a join keeps it that way.
      const lead = text.length - text.trimStart().length;
      if (lead > 0 || comment || separated) {
        replace(line, 0, lead, indent, text.slice(0, lead));
        formatted = indent + content.trimStart();
      }
    }
    if (trailing > 0) replace(line, text.length - trailing, text.length, '', text.slice(text.length - trailing));
    if (!comment) separated = endsSeparated(formatted, model.escapeChar, separated);
  }
}

/**
 * Whether the text joined so far ends with a blank, after a line that continues: what it adds
 * before its escape character decides, and a line that adds nothing leaves it as it was.
 */
function endsSeparated(line: string, escape: string, before: boolean): boolean {
  if (!line.endsWith(escape)) return false;
  const body = line.slice(0, -escape.length);
  if (body === '') return before;
  return /\s$/.test(body);
}

/** The quote still open at the end of `text`, given the one open at its start. */
function quoteAtEnd(text: string, open: string | null, escape: string): string | null {
  let quote = open;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
  }
  return quote;
}
