import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';
import { replace } from './edits';
import type { Fix } from './rule';

const CONTINUATION_INDENT = '    ';

/**
 * "Chain RUN": one RUN whose commands are joined with `&& <escape>` on aligned continuation lines.
 * Comments between the RUNs move above it. Refused when a command line ends in a comment, which
 * would swallow what follows it.
 */
export function chainRunsFix(model: DockerfileModel, runs: readonly Instruction[]): Fix | null {
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!first || !last) return null;
  const escape = model.escapeChar;
  const nl = lineBreak(model);
  const comments: string[] = [];
  const pieces: string[] = [];
  for (const [index, run] of runs.entries()) {
    const lines: string[] = [];
    for (let line = run.range.start.line; line <= run.range.end.line; line++) lines.push(lineText(model, line));
    if (lines.some((text) => /^\s*[^#\s].*\s#/.test(text))) return null;
    if (index > 0) {
      // Comment lines between two RUNs go above the chained one.
      const previous = runs[index - 1] as Instruction;
      for (let line = previous.range.end.line + 1; line < run.range.start.line; line++) {
        const text = lineText(model, line);
        if (/^\s*#/.test(text)) comments.push(text.trim());
      }
    }
    const body = [...lines];
    if (index > 0) {
      const commandStart = run.flags.length > 0 ? (run.flags[run.flags.length - 1] as Instruction['flags'][number]).range.end.character : run.keywordRange.end.character;
      body[0] = `${CONTINUATION_INDENT}&& ${(body[0] as string).slice(commandStart).trim()}`;
    }
    pieces.push(body.join(nl));
  }
  const chained = pieces.map((piece, i) => (i < pieces.length - 1 ? `${piece.replace(/\s+$/, '')} ${escape}` : piece)).join(nl);
  const indent = /^\s*/.exec(lineText(model, first.range.start.line))?.[0] ?? '';
  const text = [...comments.map((comment) => `${indent}${comment}`), chained].join(nl);
  return {
    title: `Chain the ${runs.length} RUN instructions into one`,
    edits: [replace({ start: { line: first.range.start.line, character: 0 }, end: last.range.end }, text.startsWith(indent) ? text : `${indent}${text}`)],
    preferred: true,
  };
}
