import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { SourcedFacts } from '../images/image-facts';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { runScript } from '../shell/run-script';
import type { RunScript, ShellWord, SimpleCommand } from '../shell/types';
import { insertAt } from './edits';
import { lineBreak, lineText } from '../model/queries';
import { baseImageOf } from './stage-state';
import { positionAtOffset } from '../model/scanner';
import { shippedStages } from '../model/stage-graph';
import { declarations } from '../model/variable-scope';
import { variableUses } from '../model/variables';

/** A RUN of a stage with its script, read by the shell its stage uses. */
export interface StageRun {
  readonly run: Instruction;
  readonly script: RunScript;
}

/**
 * The RUNs of each stage of a model, by stage and base OS: several rules ask for the same stage's
 * in one lint, and reading each RUN's shell walks the stage's FROM chain.
 */
const runsOfModel = new WeakMap<DockerfileModel, Map<string, readonly StageRun[]>>();

/** The RUNs of a stage, each read as shell (POSIX shells only are parsed). */
export function stageRuns(model: DockerfileModel, stage: Stage, facts: (image: string) => SourcedFacts | null): readonly StageRun[] {
  const root = shippedStages(model, stage)[0];
  const base = root ? baseImageOf(model, root) : null;
  const windows = base !== null && facts(base)?.facts.os === 'windows';
  let byStage = runsOfModel.get(model);
  if (!byStage) {
    byStage = new Map();
    runsOfModel.set(model, byStage);
  }
  const key = `${stage.index}${windows ? 'w' : ''}`;
  const known = byStage.get(key);
  if (known) return known;
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN').map((run) => ({ run, script: runScript(model, run, stage, windows) }));
  byStage.set(key, runs);
  return runs;
}

/**
 * True when a RUN mounts a cache or a tmpfs over `path`, a folder above it or one inside it: what
 * the RUN writes there never reaches its layer.
 */
export function mountedOver(run: Instruction, path: string): boolean {
  const wanted = path.replace(/\/+$/, '');
  return run.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount') return false;
    const type = flag.options.find((o) => o.name === 'type')?.value;
    if (type !== 'cache' && type !== 'tmpfs') return false;
    const target = flag.options.find((o) => o.name === 'target' || o.name === 'dst' || o.name === 'destination')?.value?.replace(/\/+$/, '');
    return target !== undefined && target !== '' && (target === wanted || wanted.startsWith(`${target}/`) || target.startsWith(`${wanted}/`));
  });
}

/**
 * For a command under an `if` or `case` whose test reads a build argument of the stage (declared by
 * an ARG before the RUN): "`[ \"$CI\" != \"true\" ]` holds (build argument CI)", to say in which builds
 * a finding is true; null otherwise.
 */
export function buildArgumentBranch(model: DockerfileModel, stage: Stage, run: Instruction, command: SimpleCommand): string | null {
  if (!command.condition) return null;
  const buildArgs = new Set<string>();
  for (const instruction of stage.instructions) {
    if (instruction === run) break;
    if (instruction.keyword === 'ARG') for (const { name } of declarations(model, instruction)) buildArgs.add(name);
  }
  const names = [...new Set(variableUses(command.condition, model.escapeChar).map((use) => use.name).filter((name) => buildArgs.has(name)))];
  if (names.length === 0) return null;
  const which = `build argument${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
  return command.condition.startsWith('case ') ? `\`${command.condition}\` takes this branch (${which})` : `\`${command.condition}\` holds (${which})`;
}

/** The folders a RUN's cache mounts keep between builds. */
export function cacheMountTargets(run: Instruction): string[] {
  return run.flags.flatMap((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || flag.options.find((o) => o.name === 'type')?.value !== 'cache') return [];
    const target = flag.options.find((o) => o.name === 'target' || o.name === 'dst' || o.name === 'destination')?.value;
    return target ? [target] : [];
  });
}

/** The document position of a script offset. */
export function positionIn(model: DockerfileModel, script: RunScript, scriptOffset: number): Position {
  return positionAtOffset(model.lineStarts, script.documentOffset(scriptOffset));
}

/** The document range of a command (its program name to its last word). */
export function commandRange(model: DockerfileModel, script: RunScript, command: SimpleCommand): Range {
  const last = command.args[command.args.length - 1] ?? command.name;
  return { start: positionIn(model, script, command.name.start), end: positionIn(model, script, last.end) };
}

/** An insertion right after a word of the script (`apt-get install` → `apt-get install --no-install-recommends`). */
export function insertAfterWord(model: DockerfileModel, script: RunScript, word: ShellWord, text: string): TextEdit {
  return insertAt(positionIn(model, script, word.end), text);
}

/** The word of a command that is its verb (`install` in `apt-get -y install x`), if written. */
export function verbWord(command: SimpleCommand, verb: string): ShellWord | undefined {
  return command.args.find((a) => a.value === verb);
}

/** A RUN text can be appended to: not heredoc or exec form, and no trailing comment (which would swallow it). */
export function appendableRun(model: DockerfileModel, run: Instruction): boolean {
  return run.heredocs.length === 0 && !run.jsonForm && !/\s#/.test(lineText(model, run.range.end.line));
}

/** `command` as the RUN's last step, on its own continuation line (`… \` then `    && rm -rf …`). */
export function appendToRun(model: DockerfileModel, run: Instruction, command: string): TextEdit {
  const lastLine = run.range.end.line;
  return insertAt({ line: lastLine, character: lineText(model, lastLine).replace(/\s+$/, '').length }, ` ${model.escapeChar}${lineBreak(model)}    && ${command}`);
}
