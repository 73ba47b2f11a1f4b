import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { rangeContains } from '../model/positions';
import { stageAtLine } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';
import { FLAGS, MOUNT_OPTIONS, MOUNT_TYPES } from './flag-docs';
import { INSTRUCTIONS } from './instruction-docs';

const REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

/** Hover on an instruction keyword, one of its flags, or an option of `RUN --mount`. */
export function instructionHover(model: DockerfileModel, position: Position): Hover | null {
  const instruction = instructionAt(model, position);
  if (!instruction) return null;
  const keyword = instruction.keyword;
  if (rangeContains(instruction.keywordRange, position)) {
    const doc = INSTRUCTIONS[keyword];
    if (!doc) return null;
    return card([`**${keyword}** — ${doc.summary}`, '', `[Dockerfile reference](${REFERENCE}#${keyword.toLowerCase()})`], instruction.keywordRange);
  }
  for (const flag of instruction.flags) {
    if (!rangeContains(flag.range, position)) continue;
    const name = flag.name.toLowerCase();
    if (name === 'mount') {
      const type = flag.options.find((option) => option.name === 'type')?.value ?? 'bind';
      for (const option of flag.options) {
        if (option.valueRange && option.name === 'type' && rangeContains(option.valueRange, position) && MOUNT_TYPES[option.value ?? '']) {
          return card([`**type=${option.value}** — ${MOUNT_TYPES[option.value ?? '']}`], option.valueRange);
        }
        const doc = MOUNT_OPTIONS[type]?.[option.name];
        if (rangeContains(option.nameRange, position) && doc) return card([`**${option.name}** (\`--mount=type=${type}\`) — ${doc}`], option.nameRange);
      }
    }
    const doc = FLAGS[keyword]?.[name];
    if (doc && rangeContains(flag.nameRange, position)) {
      return card([`**${keyword} --${name}** — ${doc}`, '', `[Dockerfile reference](${REFERENCE}#${keyword.toLowerCase()}---${name})`], flag.nameRange);
    }
  }
  return null;
}

function instructionAt(model: DockerfileModel, position: Position): Instruction | null {
  const stage = stageAtLine(model, position.line);
  const instructions = stage ? stage.instructions : model.preamble;
  return instructions.find((instruction) => rangeContains(instruction.range, position)) ?? null;
}

function card(lines: string[], range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}
