import { continuesLine } from './continuation';
import type { DockerfileModel, Instruction } from './types';

/** The text without the single or double quotes around it, if it has them. */
export function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/**
 * The text of an instruction after its keyword, as the shell would see it: continuation
 * escapes and line breaks joined into spaces, comment lines inside the continuation dropped,
 * heredoc bodies kept on their own lines.
 */
export function instructionBody(model: DockerfileModel, instruction: Instruction): string {
  const start = offsetAt(model, instruction.keywordRange.end.line, instruction.keywordRange.end.character);
  const end = offsetAt(model, instruction.range.end.line, instruction.range.end.character);
  const lines = model.text.slice(start, end).split(/\r?\n/);
  const firstBody = instruction.heredocs[0]?.contentRange?.start.line ?? Number.POSITIVE_INFINITY;
  const escape = model.escapeChar;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const documentLine = instruction.keywordRange.end.line + i;
    if (documentLine >= firstBody) {
      out.push(`\n${line}`);
      return;
    }
    if (i > 0 && /^\s*#/.test(line)) return;
    const trimmed = line.replace(/[ \t]+$/, '');
    out.push(continuesLine(trimmed, escape) ? `${trimmed.slice(0, -1)} ` : trimmed);
  });
  return out.join('').trim();
}

function offsetAt(model: DockerfileModel, line: number, character: number): number {
  return (model.lineStarts[line] ?? model.text.length) + character;
}
