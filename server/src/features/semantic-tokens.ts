import { lineText } from '../model/queries';
import { variableUses } from '../model/variables';
import type { DockerfileModel, Instruction } from '../model/types';

export const TOKEN_TYPES = ['class', 'variable', 'parameter'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

export interface SemanticToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: TokenType;
  readonly declaration: boolean;
}

/**
 * What a grammar cannot know: which words name stages (`AS build`, `--from=build`, `FROM build`,
 * `from=build` in a mount) — as classes, the declaration marked — plus variable uses and
 * instruction flags. In document order, one line at a time.
 */
export function semanticTokens(model: DockerfileModel, firstLine = 0, lastLine = Number.MAX_SAFE_INTEGER): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const visible = (line: number) => line >= firstLine && line <= lastLine;
  const referencesByInstruction = new Map<Instruction, { line: number; character: number; length: number }[]>();
  for (const reference of model.references) {
    const kind = reference.resolution.kind;
    if (kind !== 'stage' && kind !== 'forward' && kind !== 'self') continue;
    const { start, end } = reference.range;
    if (start.line !== end.line || !visible(start.line)) continue;
    const list = referencesByInstruction.get(reference.instruction) ?? [];
    list.push({ line: start.line, character: start.character, length: end.character - start.character });
    referencesByInstruction.set(reference.instruction, list);
  }
  const instructions = [...model.preamble, ...model.stages.flatMap((stage) => stage.instructions)];
  for (const instruction of instructions) {
    if (instruction.range.end.line < firstLine || instruction.range.start.line > lastLine) continue;
    const found: SemanticToken[] = [];
    for (const flag of instruction.flags) {
      const { start } = flag.range;
      const nameEnd = flag.nameRange.end;
      if (start.line === nameEnd.line && visible(start.line)) {
        found.push({ line: start.line, character: start.character, length: nameEnd.character - start.character, type: 'parameter', declaration: false });
      }
    }
    for (const reference of referencesByInstruction.get(instruction) ?? []) found.push({ ...reference, type: 'class', declaration: false });
    found.push(...variableTokens(model, instruction, visible));
    tokens.push(...found);
  }
  for (const stage of model.stages) {
    const name = stage.nameRange;
    if (name && name.start.line === name.end.line && visible(name.start.line)) {
      tokens.push({ line: name.start.line, character: name.start.character, length: name.end.character - name.start.character, type: 'class', declaration: true });
    }
  }
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  // Tokens may not overlap (`--$flag` is a flag and a variable): the first one keeps its place.
  const kept: SemanticToken[] = [];
  for (const token of tokens) {
    const last = kept[kept.length - 1];
    if (last && last.line === token.line && token.character < last.character + last.length) continue;
    kept.push(token);
  }
  return kept;
}

/** `$NAME` and `${NAME…}` in the instruction's own lines (not in heredoc bodies or comment lines). */
function variableTokens(model: DockerfileModel, instruction: Instruction, visible: (line: number) => boolean): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const lastLine = instruction.heredocs[0]?.markerRange.end.line ?? instruction.range.end.line;
  for (let line = instruction.range.start.line; line <= lastLine; line++) {
    if (!visible(line)) continue;
    const text = lineText(model, line);
    if (/^\s*#/.test(text)) continue;
    const from = line === instruction.range.start.line ? instruction.keywordRange.end.character : 0;
    for (const use of variableUses(text.slice(from), model.escapeChar)) {
      tokens.push({ line, character: from + use.start, length: use.end - use.start, type: 'variable', declaration: false });
    }
  }
  return tokens;
}
