import { stageAtLine } from './queries';
import { shippedStages } from './stage-graph';
import type { DockerfileModel, Instruction } from './types';
import { substitute } from './variables';

export interface VariableDefinition {
  readonly name: string;
  /** The value with the variables it uses expanded as BuildKit would; null for an ARG without a value. */
  readonly value: string | null;
  readonly kind: 'ARG' | 'ENV' | 'global ARG';
  /** Where it is declared (0-based line). */
  readonly line: number;
  /** The stage it is declared in, or null for a global ARG. */
  readonly stage: string | null;
}

/**
 * The variables BuildKit knows at `line`, with their values: on a FROM line and before the first
 * stage, the global ARGs above it; in a stage, the ARGs and ENVs declared above the line in it and
 * in the stages it is built FROM, an ARG without value taking the global ARG's default.
 */
export function variablesInScope(model: DockerfileModel, line: number): Map<string, VariableDefinition> {
  const globals = new Map<string, VariableDefinition>();
  const values = new Map<string, string | null>();
  for (const arg of model.globalArgs) {
    const declaredAt = arg.instruction.range.start.line;
    if (declaredAt >= line && stageAtLine(model, line) === null) break;
    const value = arg.defaultValue === null ? (globals.get(arg.name)?.value ?? null) : substitute(arg.defaultValue, values);
    globals.set(arg.name, { name: arg.name, value, kind: 'global ARG', line: declaredAt, stage: null });
    values.set(arg.name, value);
  }
  const stage = stageAtLine(model, line);
  if (!stage || line <= stage.from.range.end.line) return globals;
  const scope = new Map<string, VariableDefinition>();
  const scopeValues = new Map<string, string | null>();
  for (const base of shippedStages(model, stage)) {
    for (const instruction of base.instructions) {
      if (base === stage && instruction.range.start.line >= line) break;
      for (const [name, raw] of declarations(instruction)) {
        const kind = instruction.keyword === 'ENV' ? 'ENV' : 'ARG';
        const value = raw !== null ? substitute(raw, scopeValues) : kind === 'ARG' ? (scope.get(name)?.value ?? globals.get(name)?.value ?? null) : null;
        scope.set(name, { name, value, kind, line: instruction.range.start.line, stage: base.name ?? `#${base.index}` });
        scopeValues.set(name, value);
      }
    }
  }
  return scope;
}

/** The names an ARG or ENV declares, with their raw value (null for `ARG NAME`). */
function declarations(instruction: Instruction): [string, string | null][] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  const [first, ...rest] = instruction.args;
  if (instruction.keyword === 'ENV' && first && !first.value.includes('=')) return [[first.value, rest.map((arg) => arg.value).join(' ')]];
  return instruction.args.map((arg) => {
    const equals = arg.value.indexOf('=');
    return equals < 0 ? [arg.value, null] : [arg.value.slice(0, equals), unquote(arg.value.slice(equals + 1))];
  });
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}
