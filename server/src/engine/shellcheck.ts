import type { Range } from 'vscode-languageserver-types';
import type { Problem } from './lint';
import { Suppressions } from './suppression';
import type { SourcedFacts } from '../images/image-facts';
import { positionAtOffset } from '../model/scanner';
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction } from '../model/types';
import { variablesInScope } from '../model/variable-scope';
import { PREDEFINED_ARGS } from '../model/variables';
import type { Severity } from '../rules/rule';
import { runScript } from '../shell/run-script';
import type { RunScript } from '../shell/types';

/**
 * ShellCheck over the RUNs of a Dockerfile: what to give it (the script of each RUN read by sh or
 * bash, with the ARG and ENV names in scope declared first so they are not "referenced but not
 * assigned") and how its findings map back to exact Dockerfile ranges. Running the binary is the
 * edge's job.
 */
export interface ShellCheckInput {
  /** Stable per RUN and text: the cache key and the file name given to ShellCheck. */
  readonly key: string;
  readonly shell: 'sh' | 'bash';
  /** What ShellCheck reads: the declarations line, then the RUN's script. */
  readonly text: string;
  readonly run: Instruction;
  readonly script: RunScript;
}

/** One finding as ShellCheck's `json1` format gives it (1-based lines and columns, tabs count one). */
export interface ShellCheckComment {
  readonly line: number;
  readonly endLine: number;
  readonly column: number;
  readonly endColumn: number;
  readonly level: 'error' | 'warning' | 'info' | 'style';
  readonly code: number;
  readonly message: string;
}

/** The lines before the script: one that declares the names in scope. */
const HEADER_LINES = 1;

/** The RUNs ShellCheck can read: shell form (or heredoc), under sh or bash, parsed. */
export function shellCheckInputs(model: DockerfileModel, facts: (image: string) => SourcedFacts | null): ShellCheckInput[] {
  const inputs: ShellCheckInput[] = [];
  for (const stage of model.stages) {
    const root = shippedStages(model, stage)[0]?.baseImage?.text ?? '';
    const windows = facts(root)?.facts.os === 'windows';
    for (const run of stage.instructions) {
      if (run.keyword !== 'RUN' || run.jsonForm) continue;
      const script = runScript(model, run, stage, windows);
      if (!script.parsed || (script.shell !== 'sh' && script.shell !== 'bash') || script.text.trim() === '') continue;
      const names = [...new Set([...variablesInScope(model, run.range.start.line).keys(), ...PREDEFINED_ARGS])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
      const header = names.length > 0 ? `export ${names.map((n) => `${n}=`).join(' ')}` : ':';
      const text = `${header}\n${script.text}`;
      inputs.push({ key: `${script.shell}:${hash(text)}`, shell: script.shell, text, run, script });
    }
  }
  return inputs;
}

const LEVELS: Record<ShellCheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** ShellCheck's comments on one RUN as problems at their Dockerfile ranges, suppressions applied. */
export function shellCheckProblems(model: DockerfileModel, input: ShellCheckInput, comments: readonly ShellCheckComment[]): Problem[] {
  const suppressions = new Suppressions(model);
  const lineStarts = [0];
  for (let i = 0; i < input.script.text.length; i++) if (input.script.text[i] === '\n') lineStarts.push(i + 1);
  const offset = (line: number, column: number): number => {
    const start = lineStarts[Math.max(0, line - 1 - HEADER_LINES)] ?? input.script.text.length;
    return Math.min(start + Math.max(0, column - 1), input.script.text.length);
  };
  const problems: Problem[] = [];
  for (const comment of comments) {
    if (comment.line <= HEADER_LINES) continue;
    const code = `SC${comment.code}`;
    if (suppressions.findCode(code, input.run.range.start.line)) continue;
    const range: Range = { start: positionAtOffset(model.lineStarts, input.script.documentOffset(offset(comment.line, comment.column))), end: positionAtOffset(model.lineStarts, input.script.documentOffset(offset(comment.endLine, comment.endColumn))) };
    problems.push({ ruleId: code, severity: LEVELS[comment.level] ?? 'info', message: comment.message, range, tags: [], fixes: [] });
  }
  return problems;
}

/** FNV-1a: a short, stable key for a script text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** Where ShellCheck's page for a code is. */
export function shellCheckPage(code: string): string {
  return `https://www.shellcheck.net/wiki/${code}`;
}
