import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { lineText, stageAtLine } from '../model/queries';
import { stageLabel } from '../model/stage-names';
import type { DockerfileModel } from '../model/types';
import { variablesInScope } from '../model/variable-scope';
import type { CompletionResult } from './completion';

/** The platform arguments BuildKit sets for every build (global: a stage must declare them with ARG). */
const PLATFORM_ARGS: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'Platform of the build result, e.g. linux/arm64',
  TARGETOS: 'OS of TARGETPLATFORM, e.g. linux',
  TARGETARCH: 'Architecture of TARGETPLATFORM, e.g. arm64',
  TARGETVARIANT: 'Variant of TARGETPLATFORM, e.g. v7',
  BUILDPLATFORM: 'Platform of the machine that builds',
  BUILDOS: 'OS of BUILDPLATFORM',
  BUILDARCH: 'Architecture of BUILDPLATFORM',
  BUILDVARIANT: 'Variant of BUILDPLATFORM',
};

/**
 * After `$` or `${`: the variables BuildKit would expand there. In FROM, the global ARGs and the
 * platform arguments; in a stage, what its ARG and ENV instructions (and those of the stages it
 * is built FROM) declared above the line.
 */
export function completeVariables(model: DockerfileModel, position: Position): CompletionResult | null {
  if (position.line >= model.lineStarts.length) return null;
  const line = lineText(model, position.line);
  const before = line.slice(0, position.character);
  const typed = /(?<!\\)\$(\{?)([A-Za-z0-9_]*)$/.exec(before);
  if (!typed || /^\s*#/.test(line)) return null;
  const braced = typed[1] === '{';
  const closeBrace = braced && line[position.character] !== '}';
  const replace = { start: { line: position.line, character: position.character - (typed[2] as string).length }, end: position };
  const stage = stageAtLine(model, position.line);
  const onFrom = !stage || stage.from.range.end.line >= position.line;
  const variables = new Map<string, string>();
  if (onFrom) {
    for (const arg of model.globalArgs) variables.set(arg.name, arg.defaultValue !== null ? `global ARG = ${arg.defaultValue}` : 'global ARG');
    for (const [name, doc] of Object.entries(PLATFORM_ARGS)) variables.set(name, doc);
  } else {
    const here = stageLabel(stage);
    for (const definition of variablesInScope(model, position.line).values()) {
      // A label of an unnamed stage already says `stage 2 (…)`; names have no blank.
      const origin = definition.stage === here ? '' : ` (from ${definition.stage?.startsWith('stage ') ? '' : 'stage '}${definition.stage})`;
      variables.set(definition.name, `${definition.kind}${definition.written !== null ? ` = ${definition.written}` : ''}${origin}`);
    }
  }
  const items: CompletionItem[] = [...variables].map(([name, detail]) => ({
    label: name,
    kind: CompletionItemKind.Variable,
    detail,
    insertText: closeBrace ? `${name}}` : name,
  }));
  return { replace, items };
}
