import { parseImageReference } from './image-reference';
import { unquote } from './instruction-text';
import { range } from './positions';
import { positionAtOffset } from './scanner';
import { normalizeStageName } from './stage-names';
import { tryProcessWord } from '../words/lexer';
import { parseNameOrNameValues } from '../words/name-values';
import { logicalText } from './logical-line';
import type { DockerfileModel, GlobalArg, Instruction, Stage, TextSpan } from './types';

/** What the builders read of the document: the text of an argument as written. */
export type Source = Pick<DockerfileModel, 'text' | 'lineStarts' | 'escapeChar'>;

/** An argument as written in the document (escapes kept), when it sits on one line; else its parsed value. */
function written(source: Source, span: TextSpan): string {
  const { start, end } = span.range;
  if (start.line !== end.line) return span.value;
  const lineStart = source.lineStarts[start.line] ?? 0;
  return source.text.slice(lineStart + start.character, lineStart + end.character);
}

/**
 * The FROM image as the model keeps it: as written when it uses variables (the word lexer expands
 * it in scope later); otherwise with quotes and escapes already removed (`FROM "alpine:3.20"`).
 */
function imageWord(source: Source, span: TextSpan): string {
  const text = written(source, span);
  if (text.includes('$') || !/["'\\`]/.test(text)) return text;
  return tryProcessWord(text, () => undefined, { escape: source.escapeChar })?.value ?? text;
}

/** Builds a stage from its instructions (absolute positions, `FROM` first). */
export function buildStage(index: number, instructions: readonly Instruction[], firstLine: number, lastLine: number, source: Source): Stage {
  const from = instructions[0] as Instruction;
  const [image, as, name] = from.args;
  const named = as !== undefined && name !== undefined && as.value.toLowerCase() === 'as';
  const platformFlag = from.flags.find((flag) => flag.name.toLowerCase() === 'platform');
  const platform: TextSpan | null =
    platformFlag && platformFlag.value !== null && platformFlag.valueRange
      ? { value: platformFlag.value, range: platformFlag.valueRange }
      : null;
  const last = instructions[instructions.length - 1] as Instruction;
  return {
    index,
    name: named ? name.value : null,
    normalizedName: named ? normalizeStageName(name.value) : null,
    nameRange: named ? name.range : null,
    from,
    baseImage: image ? parseImageReference(imageWord(source, image), image.range) : null,
    platform,
    range: range(from.range.start.line, from.range.start.character, last.range.end.line, last.range.end.character),
    firstLine,
    lastLine,
    instructions,
  };
}

/** The `ARG`s of the preamble, one per declared name (`ARG A=1 B` declares two), split as BuildKit does. */
export function collectGlobalArgs(preamble: readonly Instruction[], source: Source): GlobalArg[] {
  const args: GlobalArg[] = [];
  for (const instruction of preamble) {
    if (instruction.keyword !== 'ARG') continue;
    const { text, map } = logicalText(source, instruction);
    for (const pair of parseNameOrNameValues(text, source.escapeChar)) {
      if (pair.name === '') continue;
      const offset = map[pair.start] ?? 0;
      const { line, character } = positionAtOffset(source.lineStarts, offset);
      args.push({
        name: pair.name,
        nameRange: range(line, character, line, character + pair.name.length),
        defaultValue: pair.value === null ? null : unquote(pair.value),
        writtenDefault: pair.value,
        instruction,
      });
    }
  }
  return args;
}
