import { unquote } from './instruction-text';
import { stageAtLine } from './queries';
import { shippedStages } from './stage-graph';
import type { DockerfileModel, Instruction } from './types';
import { substitute, variableUses } from './variables';

export interface VariableDefinition {
  readonly name: string;
  /** The value with the variables it uses expanded as BuildKit would; null for an ARG without a value. */
  readonly value: string | null;
  /** The value as the instruction writes it (quotes and variables kept); null when it writes none. */
  readonly written: string | null;
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
  const stage = stageAtLine(model, line);
  const globals = new Map<string, VariableDefinition>();
  const values = new Map<string, string | null>();
  for (const arg of model.globalArgs) {
    const declaredAt = arg.instruction.range.start.line;
    if (declaredAt >= line && stage === null) break;
    const value = arg.defaultValue === null ? (globals.get(arg.name)?.value ?? null) : substitute(arg.defaultValue, values);
    globals.set(arg.name, { name: arg.name, value, written: arg.defaultValue, kind: 'global ARG', line: declaredAt, stage: null });
    values.set(arg.name, value);
  }
  if (!stage || line <= stage.from.range.end.line) return globals;
  const scope = new Map<string, VariableDefinition>();
  const scopeValues = new Map<string, string | null>();
  for (const base of shippedStages(model, stage)) {
    for (const instruction of base.instructions) {
      if (base === stage && instruction.range.start.line >= line) break;
      for (const { name, raw, written } of declarations(instruction)) {
        const kind = instruction.keyword === 'ENV' ? 'ENV' : 'ARG';
        const value = raw !== null ? substitute(raw, scopeValues) : kind === 'ARG' ? (scope.get(name)?.value ?? globals.get(name)?.value ?? null) : null;
        scope.set(name, { name, value, written, kind, line: instruction.range.start.line, stage: base.name ?? `#${base.index}` });
        scopeValues.set(name, value);
      }
    }
  }
  return scope;
}

/** A text with the variables in scope at `line` expanded, as BuildKit would with the default build arguments. */
export function expandInScope(model: DockerfileModel, line: number, text: string): string {
  return substitute(text, new Map([...variablesInScope(model, line)].map(([name, definition]) => [name, definition.value])));
}

/** The names an ARG or ENV declares, with their value unquoted and as written (null for `ARG NAME`). */
function declarations(instruction: Instruction): { name: string; raw: string | null; written: string | null }[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  const [first, ...rest] = instruction.args;
  // The legacy `ENV NAME value` form declares one name.
  if (instruction.keyword === 'ENV' && first && !first.value.includes('=')) {
    const value = rest.map((arg) => arg.value).join(' ');
    return [{ name: first.value, raw: value, written: value }];
  }
  return instruction.args.map((arg) => {
    const equals = arg.value.indexOf('=');
    if (equals < 0) return { name: arg.value, raw: null, written: null };
    const written = arg.value.slice(equals + 1);
    return { name: arg.value.slice(0, equals), raw: unquote(written), written };
  });
}

/**
 * A text with the variables in scope expanded, or null when it uses one whose value cannot be
 * known (an ARG with no default, set by whoever runs the build) and gives no default itself.
 */
export function expandIfKnown(model: DockerfileModel, line: number, text: string): string | null {
  if (!text.includes('$')) return text;
  const scope = variablesInScope(model, line);
  for (const use of variableUses(text, model.escapeChar)) {
    const known = scope.get(use.name)?.value;
    if ((known === null || known === undefined) && use.fallback === null && !use.modifier?.endsWith('+')) return null;
  }
  return substitute(text, new Map([...scope].map(([name, definition]) => [name, definition.value])));
}
