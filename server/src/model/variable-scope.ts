import { DEFAULT_PLATFORM, automaticArgs, type Platform } from '../words/platform';
import { processWord, WordError, type Environment } from '../words/lexer';
import { parseNameOrNameValues, parseNameValues } from '../words/name-values';
import { logicalText } from './logical-line';
import { stageAtLine } from './queries';
import { shippedStages } from './stage-graph';
import type { DockerfileModel, Instruction, Stage } from './types';

export interface VariableDefinition {
  readonly name: string;
  /** The value as BuildKit computes it with the default build arguments; null when it cannot be known (an ARG without default). */
  readonly value: string | null;
  /** The value as the instruction writes it (quotes and variables kept); null when it writes none. */
  readonly written: string | null;
  readonly kind: 'ARG' | 'ENV' | 'global ARG' | 'automatic';
  /** Where it is declared (0-based line); -1 for the automatic platform arguments. */
  readonly line: number;
  /** The stage it is declared in, or null for a global ARG. */
  readonly stage: string | null;
}

/**
 * The global scope as BuildKit's buildMetaArgs builds it: the automatic platform arguments, then
 * each ARG before the first FROM in order, its default expanded with what came before. An ARG
 * without default adds nothing (it is unset unless the build sets it); a default BuildKit cannot
 * expand makes it and what follows unknown.
 */
export function globalScope(model: DockerfileModel, platform: Platform = DEFAULT_PLATFORM, beforeLine = Number.POSITIVE_INFINITY): Map<string, VariableDefinition> {
  const scope = new Map<string, VariableDefinition>();
  for (const [name, value] of automaticArgs(platform)) scope.set(name, { name, value, written: null, kind: 'automatic', line: -1, stage: null });
  let broken = false;
  for (const arg of model.globalArgs) {
    const line = arg.instruction.range.start.line;
    if (line >= beforeLine) break;
    let value: string | null = null;
    if (arg.writtenDefault !== null && !broken) {
      try {
        value = processWord(arg.writtenDefault, envOf(scope), { escape: model.escapeChar }).value;
      } catch (error) {
        if (!(error instanceof WordError)) throw error;
        broken = true;
      }
    } else if (arg.writtenDefault === null) {
      // `ARG NAME` keeps what is already known (an automatic argument, an earlier default).
      value = scope.get(arg.name)?.value ?? null;
    }
    scope.set(arg.name, { name: arg.name, value, written: arg.writtenDefault, kind: 'global ARG', line, stage: null });
  }
  return scope;
}

/**
 * The variables BuildKit knows at `line`: on a FROM line and before the first stage, the global
 * scope; in a stage, its own ARGs and ENVs above the line, the ENVs of the stages it is built FROM
 * (ARGs end with their stage), an `ARG NAME` taking the global default or automatic value.
 */
export function variablesInScope(model: DockerfileModel, line: number, platform: Platform = DEFAULT_PLATFORM): Map<string, VariableDefinition> {
  const stage = stageAtLine(model, line);
  if (!stage || line <= stage.from.range.end.line) return globalScope(model, platform, stage ? stage.from.range.start.line : line);
  const globals = globalScope(model, platform);
  const scope = new Map<string, VariableDefinition>();
  const chain = shippedStages(model, stage);
  for (const base of chain) {
    // Each stage of the chain starts from the ENVs of the one below; its ARGs stay its own.
    const own = new Map<string, VariableDefinition>([...scope].filter(([, d]) => d.kind === 'ENV'));
    for (const instruction of base.instructions) {
      if (base === stage && instruction.range.start.line >= line) break;
      for (const declaration of declarations(model, instruction)) own.set(declaration.name, define(model, declaration, instruction, base, own, globals));
    }
    scope.clear();
    for (const [name, definition] of own) scope.set(name, definition);
  }
  return scope;
}

function define(model: DockerfileModel, declaration: Declaration, instruction: Instruction, stage: Stage, own: ReadonlyMap<string, VariableDefinition>, globals: ReadonlyMap<string, VariableDefinition>): VariableDefinition {
  const kind = instruction.keyword === 'ENV' ? 'ENV' : 'ARG';
  let value: string | null = null;
  if (declaration.written !== null) {
    try {
      value = processWord(declaration.written, envOf(own), { escape: model.escapeChar }).value;
    } catch (error) {
      if (!(error instanceof WordError)) throw error;
    }
  } else if (kind === 'ARG') {
    const global = globals.get(declaration.name);
    value = own.get(declaration.name)?.value ?? global?.value ?? null;
  }
  return { name: declaration.name, value, written: declaration.written, kind, line: instruction.range.start.line, stage: stage.name ?? `#${stage.index}` };
}

/** The lexer's view of a scope: known values are set; unknown and undeclared names are unset. */
function envOf(scope: ReadonlyMap<string, VariableDefinition>): Environment {
  return (name) => scope.get(name)?.value ?? undefined;
}

/**
 * A text as BuildKit expands it with the default build arguments (unset and unknown names expand
 * to nothing); null when BuildKit would refuse it (a bad substitution, an unterminated quote).
 */
export function expandInScope(model: DockerfileModel, line: number, text: string, platform: Platform = DEFAULT_PLATFORM): string {
  return expandWithDefaults(model, line, text, platform) ?? text;
}

export function expandWithDefaults(model: DockerfileModel, line: number, text: string, platform: Platform = DEFAULT_PLATFORM): string | null {
  try {
    return processWord(text, envOf(variablesInScope(model, line, platform)), { escape: model.escapeChar }).value;
  } catch (error) {
    if (error instanceof WordError) return null;
    throw error;
  }
}

/**
 * A text with its quotes removed and variables expanded, or null when it uses one whose value
 * cannot be known here: an ARG with no default (set by whoever runs the build), or a name that only
 * the base image may set. Rules that judge values stay silent on null.
 */
export function expandIfKnown(model: DockerfileModel, line: number, text: string, platform: Platform = DEFAULT_PLATFORM): string | null {
  try {
    const word = processWord(text, envOf(variablesInScope(model, line, platform)), { escape: model.escapeChar });
    return word.unmatched.size > 0 ? null : word.value;
  } catch (error) {
    if (error instanceof WordError) return null;
    throw error;
  }
}

interface Declaration {
  readonly name: string;
  /** The value as written (quotes and variables kept); null for `ARG NAME`. */
  readonly written: string | null;
}

/** The names an ARG or ENV declares, with their values as written, split as BuildKit's parser does. */
export function declarations(model: DockerfileModel, instruction: Instruction): Declaration[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  const rest = logicalText(model, instruction).text;
  if (instruction.keyword === 'ARG') return parseNameOrNameValues(rest, model.escapeChar).map((p) => ({ name: p.name, written: p.value }));
  return parseNameValues(rest, model.escapeChar).pairs.map((p) => ({ name: p.name, written: p.value }));
}
