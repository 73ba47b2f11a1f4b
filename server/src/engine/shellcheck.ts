import type { Range } from 'vscode-languageserver-types';
import type { Problem } from './lint';
import { Suppressions } from './suppression';
import type { SourcedFacts } from '../images/image-facts';
import { ASH_HAS, shDialectOf } from '../images/sh-dialect';
import { positionAtOffset } from '../model/scanner';
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction } from '../model/types';
import { variablesInScope, type VariableDefinition } from '../model/variable-scope';
import { PREDEFINED_ARGS } from '../model/variables';
import type { Severity } from '../rules/rule';
import { baseImageOf } from '../rules/stage-state';
import { DEFAULT_PLATFORM, type Platform } from '../words/platform';
import { runScript } from '../shell/run-script';
import type { RunScript } from '../shell/types';

/**
 * ShellCheck over the RUNs of a Dockerfile: what to give it (the script of each RUN, in the shell
 * its image runs, with the ARG and ENV in scope declared first with the values the build gives
 * them) and how its findings map back to exact Dockerfile ranges. Running the binary is the edge's
 * job.
 */
export interface ShellCheckInput {
  /** Stable per RUN and text: the cache key and the file name given to ShellCheck. */
  readonly key: string;
  /** The dialect ShellCheck checks: `/bin/sh` as the image has it (dash, ash, bash), else POSIX sh. */
  readonly shell: ShellCheckShell;
  /** What ShellCheck reads: the declarations line, then the RUN's script. */
  readonly text: string;
  readonly run: Instruction;
  readonly script: RunScript;
  /** Names whose value (as the build gives it) holds a blank or a glob: splitting them unquoted is a real bug. */
  readonly splits: ReadonlySet<string>;
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

export type ShellCheckShell = 'sh' | 'bash' | 'dash' | 'ash';

/** The lines before the script: one that declares the names in scope. */
const HEADER_LINES = 1;

/** The RUNs ShellCheck can read: shell form (or heredoc), under sh or bash, parsed. */
export function shellCheckInputs(model: DockerfileModel, facts: (image: string) => SourcedFacts | null, platform: Platform = DEFAULT_PLATFORM): ShellCheckInput[] {
  const inputs: ShellCheckInput[] = [];
  for (const stage of model.stages) {
    const rootStage = shippedStages(model, stage)[0];
    const root = (rootStage ? baseImageOf(model, rootStage, platform) : null) ?? rootStage?.baseImage?.text ?? '';
    const rootFacts = facts(root)?.facts;
    const windows = rootFacts?.os === 'windows' || WINDOWS_IMAGE.test(root);
    const dialect = shDialectOf(root, rootFacts);
    for (const run of stage.instructions) {
      if (run.keyword !== 'RUN' || run.jsonForm) continue;
      const script = runScript(model, run, stage, windows);
      if (!script.parsed || (script.shell !== 'sh' && script.shell !== 'bash') || script.text.trim() === '') continue;
      // A RUN of a template to render (`{{ … }}`, `{% … %}`) is not yet the shell that will run.
      if (TEMPLATE.test(script.text)) continue;
      const shell: ShellCheckShell = script.shell === 'sh' && dialect ? dialect : script.shell;
      const { line, splits } = declarations(variablesInScope(model, run.range.start.line, platform), rootFacts?.env ?? []);
      const text = `${line}\n${script.text}`;
      inputs.push({ key: `${shell}:${hash(text)}`, shell, text, run, script, splits });
    }
  }
  return inputs;
}

/** Windows images by name, for the bases the facts table does not know: no POSIX shell runs there. */
const WINDOWS_IMAGE = /(^|[/:-])(windows|windowsservercore|servercore|nanoserver|ltsc20[0-9]{2})([/:-]|$)|\/dotnet\/framework\//i;

const TEMPLATE = /\{\{|\{%/;
const LOOP = /(^|[\s;&|(])(for|while|until|select)\s/;

/** Values ShellCheck may see as they are: one word, nothing to split or expand. */
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@%+=~-]+$/;
/** Names of build arguments that hold lists meant to be split (`apk add $BUILD_DEPS`). */
const LIST_NAME = /(^|_)(DEPS|DEPENDENCIES|PACKAGES|PKGS|LIBS|FLAGS|OPTS|OPTIONS|ARGS|EXTRAS|MODULES|PLUGINS|EXTENSIONS|TOOLS|FEATURES|TARGETS|COMPONENTS)$/;

/**
 * The line that declares every name in scope, with the value the build gives it: the value itself
 * when it is one plain word (so an unquoted `$VERSION` is as safe as it is), a placeholder word when
 * it is set at build time or holds a list meant to be split, and the value as written otherwise (an
 * unquoted path with a space is a real bug). The automatic platform arguments not declared in the
 * stage are empty there: a placeholder too (undefined-var says so, not ShellCheck); so are the
 * base image's own variables.
 */
function declarations(scope: ReadonlyMap<string, VariableDefinition>, baseEnv: readonly string[]): { line: string; splits: Set<string> } {
  // The base image's own ENV (PHP_INI_DIR, APACHE_CONFDIR) is set when the RUN runs: placeholders too.
  const names = [...new Set([...scope.keys(), ...PREDEFINED_ARGS, ...baseEnv])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
  const splits = new Set<string>();
  if (names.length === 0) return { line: ':', splits };
  const valueOf = (name: string): string => {
    const value = scope.get(name)?.value ?? null;
    if (value === null || value === '' || LIST_NAME.test(name)) return 'x';
    if (PLAIN_VALUE.test(value)) return value;
    splits.add(name);
    return `'${value.replace(/'/g, `'\\''`)}'`;
  };
  return { line: `export ${names.map((n) => `${n}=${valueOf(n)}`).join(' ')}`, splits };
}

const LEVELS: Record<ShellCheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/**
 * Codes that are mostly style in a Dockerfile, where the values are the build's own: hints by
 * default (out of the Problems panel, never failing CI); the per-rule settings raise them.
 */
const STYLE_CODES = new Set(['SC2086', 'SC2046', 'SC2016', 'SC2155', 'SC2006', 'SC2236', 'SC2166', 'SC2268', 'SC2001', 'SC2012', 'SC2035', 'SC2034']);
/**
 * Codes that do not apply in a Linux image: files that exist only when the image is built
 * (`. /etc/os-release`, `source $NVM_DIR/nvm.sh`), and `find` without a path, which GNU and
 * BusyBox find (the only ones there) read as the current folder.
 */
const NOT_REPORTED = new Set(['SC1090', 'SC1091', 'SC2185']);

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
    if (NOT_REPORTED.has(code) || (input.shell === 'ash' && ASH_HAS.has(code)) || suppressions.findCode(code, input.run.range.start.line)) continue;
    // "Use a semicolon before 'do'" is about loops: with none in the RUN, `do` is an argument (`mix do deps.get`).
    if (code === 'SC1010' && !LOOP.test(input.script.text)) continue;
    const range: Range = { start: positionAtOffset(model.lineStarts, input.script.documentOffset(offset(comment.line, comment.column))), end: positionAtOffset(model.lineStarts, input.script.documentOffset(offset(comment.endLine, comment.endColumn))) };
    // Unquoted, a value with a blank really splits (`cd $APP_DIR` with "/opt/my app"): ShellCheck's own level.
    const word = input.script.text.slice(offset(comment.line, comment.column), offset(comment.endLine, comment.endColumn));
    const splitsForReal = code === 'SC2086' && input.splits.has(/^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(word)?.[1] ?? '');
    const severity = STYLE_CODES.has(code) && !splitsForReal ? 'hint' : (LEVELS[comment.level] ?? 'info');
    problems.push({ ruleId: code, severity, message: comment.message, range, tags: [], fixes: [] });
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
