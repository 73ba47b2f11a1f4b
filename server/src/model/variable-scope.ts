import { DEFAULT_PLATFORM, automaticArgs, type Platform } from '../words/platform';
import { processWord, WordError, type Environment } from '../words/lexer';
import { parseNameOrNameValues, parseNameValues } from '../words/name-values';
import { logicalText } from './logical-line';
import { stageAtLine } from './queries';
import { shippedStages } from './stage-graph';
import { stageLabel } from './stage-names';
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
  /** The stage it is declared in, as people read it (`build`, `stage 2 (node:22)`), or null for a global ARG. */
  readonly stage: string | null;
}

/**
 * The global scope as BuildKit's buildMetaArgs builds it: the automatic platform arguments, then
 * each ARG before the first FROM in order, its default expanded with what came before. An ARG
 * without default adds nothing (it is unset unless the build sets it); a default BuildKit cannot
 * expand makes it and what follows unknown.
 */
export function globalScope(model: DockerfileModel, platform: Platform = DEFAULT_PLATFORM, beforeLine = Number.POSITIVE_INFINITY): ReadonlyMap<string, VariableDefinition> {
  if (beforeLine === Number.POSITIVE_INFINITY) {
    // Asked for by many rules per lint: computed once per model and platform.
    const key = `${platform.os}/${platform.arch}/${platform.variant}`;
    let byPlatform = globalCache.get(model);
    if (!byPlatform) {
      byPlatform = new Map();
      globalCache.set(model, byPlatform);
    }
    const cached = byPlatform.get(key);
    if (cached) return cached;
    const computed = computeGlobalScope(model, platform, beforeLine);
    byPlatform.set(key, computed);
    return computed;
  }
  return computeGlobalScope(model, platform, beforeLine);
}

const globalCache = new WeakMap<DockerfileModel, Map<string, ReadonlyMap<string, VariableDefinition>>>();

function computeGlobalScope(model: DockerfileModel, platform: Platform, beforeLine: number): Map<string, VariableDefinition> {
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
export function variablesInScope(model: DockerfileModel, line: number, platform: Platform = DEFAULT_PLATFORM): ReadonlyMap<string, VariableDefinition> {
  const stage = stageAtLine(model, line);
  if (!stage || line <= stage.from.range.end.line) return globalScope(model, platform, stage ? stage.from.range.start.line : line);
  const steps = stageSteps(model, stage, platform);
  // The scope before `line`: the last step declared before it.
  let found = steps.start;
  for (const step of steps.steps) {
    if (step.line >= line) break;
    found = step.scope;
  }
  return found;
}

interface StageSteps {
  /** What the stage starts with: the ENVs of the stages below it. */
  readonly start: ReadonlyMap<string, VariableDefinition>;
  /** The scope after each declaring instruction of the stage, in order. */
  readonly steps: readonly { readonly line: number; readonly scope: ReadonlyMap<string, VariableDefinition> }[];
}

/** Per model, platform and stage: the scopes a stage goes through (a stage's chain is read once). */
const stepsCache = new WeakMap<DockerfileModel, Map<string, StageSteps>>();

function stageSteps(model: DockerfileModel, stage: Stage, platform: Platform): StageSteps {
  const key = `${stage.index} ${platform.os}/${platform.arch}/${platform.variant}`;
  let byStage = stepsCache.get(model);
  if (!byStage) {
    byStage = new Map();
    stepsCache.set(model, byStage);
  }
  const cached = byStage.get(key);
  if (cached) return cached;
  const globals = globalScope(model, platform);
  const chain = shippedStages(model, stage);
  const below = chain.length > 1 ? (chain[chain.length - 2] as Stage) : null;
  const belowSteps = below ? stageSteps(model, below, platform) : null;
  // Typing in one stage leaves the others' instruction lists as they were: their scopes too, as
  // long as the global scope and the stage below are the same.
  const globalsKey = globalsSignature(globals);
  const kept = keptSteps.get(stage.instructions);
  if (kept && kept.globalsKey === globalsKey && kept.below === belowSteps) {
    byStage.set(key, kept.steps);
    return kept.steps;
  }
  // Each stage of the chain starts from the ENVs of the one below; its ARGs stay its own.
  const startFrom = belowSteps ? lastScope(belowSteps) : new Map<string, VariableDefinition>();
  const start = new Map([...startFrom].filter(([, d]) => d.kind === 'ENV'));
  const steps: { line: number; scope: ReadonlyMap<string, VariableDefinition> }[] = [];
  let own = start;
  for (const instruction of stage.instructions) {
    const declared = declarations(model, instruction);
    if (declared.length === 0) continue;
    own = new Map(own);
    for (const declaration of declared) own.set(declaration.name, define(model, declaration, instruction, stage, own, globals));
    steps.push({ line: instruction.range.start.line, scope: own });
  }
  const result = { start, steps };
  byStage.set(key, result);
  keptSteps.set(stage.instructions, { globalsKey, below: belowSteps, steps: result });
  return result;
}

/** Scopes kept with a stage's instruction list across edits (see stageSteps). */
const keptSteps = new WeakMap<readonly Instruction[], { globalsKey: string; below: StageSteps | null; steps: StageSteps }>();

const signatures = new WeakMap<ReadonlyMap<string, VariableDefinition>, string>();

function globalsSignature(globals: ReadonlyMap<string, VariableDefinition>): string {
  let signature = signatures.get(globals);
  if (signature === undefined) {
    signature = [...globals.values()].map((d) => `${d.name}=${d.value ?? '\u0000'}`).join('\u0001');
    signatures.set(globals, signature);
  }
  return signature;
}

function lastScope(steps: StageSteps): ReadonlyMap<string, VariableDefinition> {
  return steps.steps[steps.steps.length - 1]?.scope ?? steps.start;
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
  return { name: declaration.name, value, written: declaration.written, kind, line: instruction.range.start.line, stage: stageLabel(stage) };
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
  if (isPlainWord(text, model.escapeChar)) return text;
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
  if (isPlainWord(text, model.escapeChar)) return text;
  try {
    const word = processWord(text, envOf(variablesInScope(model, line, platform)), { escape: model.escapeChar });
    return word.unmatched.size > 0 ? null : word.value;
  } catch (error) {
    if (error instanceof WordError) return null;
    throw error;
  }
}

/** A text with no variable, quote or escape reads as written: no scope needs computing. */
function isPlainWord(text: string, escapeChar: string): boolean {
  return !text.includes('$') && !text.includes('"') && !text.includes("'") && !text.includes(escapeChar);
}

interface Declaration {
  readonly name: string;
  /** The value as written (quotes and variables kept); null for `ARG NAME`. */
  readonly written: string | null;
}

/** Per instruction (the model hands out the same object while its text is unchanged). */
const declarationCache = new WeakMap<Instruction, readonly Declaration[]>();

/** The names the stages below this one in its FROM chain declare (their ARGs and ENVs): what the rules take a stage to start with. */
export function namesFromBaseStages(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const base of shippedStages(model, stage)) {
    if (base === stage) break;
    for (const instruction of base.instructions) for (const { name } of declarations(model, instruction)) names.add(name);
  }
  return names;
}

/** The names an ARG or ENV declares, with their values as written, split as BuildKit's parser does. */
export function declarations(model: DockerfileModel, instruction: Instruction): readonly Declaration[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  const cached = declarationCache.get(instruction);
  if (cached) return cached;
  const rest = logicalText(model, instruction).text;
  const found =
    instruction.keyword === 'ARG'
      ? parseNameOrNameValues(rest, model.escapeChar).map((p) => ({ name: p.name, written: p.value }))
      : parseNameValues(rest, model.escapeChar).pairs.map((p) => ({ name: p.name, written: p.value }));
  declarationCache.set(instruction, found);
  return found;
}
