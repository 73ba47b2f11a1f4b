import type { Range } from 'vscode-languageserver-types';
import { parseImageReference } from './image-reference';
import { range } from './positions';
import { lineText } from './queries';
import type { DockerfileModel, GlobalArg, ImageReference } from './types';
import { tryProcessWord } from '../words/lexer';

/**
 * A `FROM` image written with a build argument, and where its default is written: the whole
 * image (`FROM ${IMAGE}` with `ARG IMAGE=node`) or its tag (`FROM node:${TAG}` with
 * `ARG TAG=latest`). Pinning it means editing that default, not the FROM line.
 */
export interface ImageThroughArg {
  /** The image with the default build arguments, as Docker would pull it. */
  readonly resolved: ImageReference;
  readonly arg: GlobalArg;
  /** The default value as written in the ARG line (without quotes). */
  readonly valueRange: Range;
  readonly part: 'image' | 'tag';
}

const WHOLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
const TAG = /^([^$]+):\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

export function imageThroughArg(model: DockerfileModel, image: ImageReference): ImageThroughArg | null {
  if (!image.hasVariables) return null;
  const whole = WHOLE.exec(image.text);
  const tagged = whole ? null : TAG.exec(image.text);
  const name = whole?.[1] ?? tagged?.[2];
  if (!name) return null;
  // The last global ARG of that name with a default decides (ARGs before FROM only).
  const arg = [...model.globalArgs].reverse().find((candidate) => candidate.name === name && candidate.instruction.range.start.line < image.range.start.line);
  if (!arg || arg.defaultValue === null || arg.defaultValue.includes('$')) return null;
  const valueRange = defaultValueRange(model, arg);
  if (!valueRange) return null;
  const text = tryProcessWord(image.text, (variable) => (variable === name ? (arg.defaultValue ?? undefined) : undefined), { escape: model.escapeChar })?.value;
  if (text === undefined) return null;
  return { resolved: parseImageReference(text, image.range), arg, valueRange, part: whole ? 'image' : 'tag' };
}

/** Where an ARG's default value is written on its line, quotes left out; null when it spans lines. */
function defaultValueRange(model: DockerfileModel, arg: GlobalArg): Range | null {
  const line = arg.nameRange.start.line;
  const text = lineText(model, line);
  const equals = arg.nameRange.end.character;
  if (text[equals] !== '=') return null;
  let start = equals + 1;
  let end = start;
  while (end < text.length && !/\s/.test(text[end] as string)) end++;
  if ((text[start] === '"' || text[start] === "'") && text[end - 1] === text[start] && end - start >= 2) {
    start++;
    end--;
  }
  return text.slice(start, end) === arg.defaultValue ? range(line, start, line, end) : null;
}
