import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { lineText } from '../model/queries';
import { variablesInScope } from '../model/variable-scope';
import { PREDEFINED_ARGS } from '../model/variables';
import type { DockerfileModel } from '../model/types';

const NAME_CHAR = /[A-Za-z0-9_]/;

/** Hover on `$NAME` or `${NAME…}` (nested forms too): where it is declared and the value it has there. */
export function variableHover(model: DockerfileModel, position: Position): Hover | null {
  const text = lineText(model, position.line);
  if (/^\s*#/.test(text)) return null;
  let start = position.character;
  let end = position.character;
  while (start > 0 && NAME_CHAR.test(text[start - 1] as string)) start--;
  while (end < text.length && NAME_CHAR.test(text[end] as string)) end++;
  const name = text.slice(start, end);
  const dollar = text[start - 1] === '{' ? start - 2 : start - 1;
  if (name === '' || /^\d/.test(name) || text[dollar] !== '$' || text[dollar - 1] === model.escapeChar) return null;
  const range = { start: { line: position.line, character: dollar }, end: { line: position.line, character: end + (text[end] === '}' && text[start - 1] === '{' ? 1 : 0) } };
  const definition = variablesInScope(model, position.line).get(name);
  let value: string;
  if (definition?.kind === 'automatic') {
    value = `**\`${name}\`** = \`${definition.value}\` — set by BuildKit for every build from the platform (in a stage, declare it with \`ARG ${name}\` first)`;
  } else if (definition) {
    const where = definition.stage === null ? `global ARG, line ${definition.line + 1}` : `${definition.kind} in stage \`${definition.stage}\`, line ${definition.line + 1}`;
    value = definition.value === null ? `**\`${name}\`** — ${where}, no default: set with \`--build-arg ${name}=…\`` : `**\`${name}\`** = \`${definition.value}\` — ${where}`;
  } else if (PREDEFINED_ARGS.has(name)) {
    value = `**\`${name}\`** — set by BuildKit for every build (in a stage, declare it with \`ARG ${name}\` first)`;
  } else {
    value = `**\`${name}\`** — not declared by an ARG or ENV before this line; the base image may set it`;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
