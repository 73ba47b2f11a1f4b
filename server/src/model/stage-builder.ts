import { parseImageReference } from './image-reference';
import { unquote } from './instruction-text';
import { range } from './positions';
import { normalizeStageName } from './stage-names';
import type { GlobalArg, Instruction, Stage, TextSpan } from './types';

/** Builds a stage from its instructions (absolute positions, `FROM` first). */
export function buildStage(index: number, instructions: readonly Instruction[], firstLine: number, lastLine: number): Stage {
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
    baseImage: image ? parseImageReference(image.value, image.range) : null,
    platform,
    range: range(from.range.start.line, from.range.start.character, last.range.end.line, last.range.end.character),
    firstLine,
    lastLine,
    instructions,
  };
}

/** The `ARG`s of the preamble, one per declared name (`ARG A=1 B` declares two). */
export function collectGlobalArgs(preamble: readonly Instruction[]): GlobalArg[] {
  const args: GlobalArg[] = [];
  for (const instruction of preamble) {
    if (instruction.keyword !== 'ARG') continue;
    for (const arg of instruction.args) {
      const equals = arg.value.indexOf('=');
      const name = equals === -1 ? arg.value : arg.value.slice(0, equals);
      if (name === '') continue;
      const start = arg.range.start;
      args.push({
        name,
        nameRange: range(start.line, start.character, start.line, start.character + name.length),
        defaultValue: equals === -1 ? null : unquote(arg.value.slice(equals + 1)),
        instruction,
      });
    }
  }
  return args;
}
