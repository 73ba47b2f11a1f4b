import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function insertAt(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

/** Writes a keyword in the case the file wrote the one it replaces (`add` -> `copy`). */
export function inCaseOf(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/**
 * Inserts `addition` right after each match of `pattern` on the instruction's own lines (not in
 * comment lines or heredoc bodies) where `skip` does not match the rest of that command.
 */
export function insertAfterMatches(model: DockerfileModel, instruction: Instruction, pattern: RegExp, addition: string, skip: RegExp): TextEdit[] {
  const edits: TextEdit[] = [];
  const lastLine = instruction.heredocs[0]?.contentRange ? instruction.heredocs[0].contentRange.start.line - 1 : instruction.range.end.line;
  for (let line = instruction.range.start.line; line <= lastLine; line++) {
    const text = lineText(model, line);
    if (/^\s*#/.test(text)) continue;
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const end = (match.index ?? 0) + match[0].length;
      const rest = text.slice(end).split(/&&|\|\||;/)[0] ?? '';
      if (skip.test(rest)) continue;
      edits.push(insertAt({ line, character: end }, addition));
    }
  }
  return edits;
}
