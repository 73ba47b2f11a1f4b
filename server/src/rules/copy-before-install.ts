import type { DockerfileModel, Instruction } from '../model/types';
import { firstOperand, isIncrementalStore, packageActions, type PackageManager } from '../shell/packages';
import { runScript } from '../shell/run-script';
import type { RunScript, SimpleCommand } from '../shell/types';
import { cacheOrderFix } from './cache-order-fix';
import { contextSources, copiesWholeContext } from './context-files';
import { defineRule } from './rule';
import { buildArgumentBranch, cacheMountTargets } from './run-facts';
import { resolvePath } from './stage-state';

/** Managers of one ecosystem share their dependencies: an install by one counts for the others. */
const ECOSYSTEM: Partial<Record<PackageManager, string>> = {
  npm: 'node', yarn: 'node', pnpm: 'node', bun: 'node',
  pip: 'python', uv: 'python', poetry: 'python', pipenv: 'python',
  go: 'go', cargo: 'rust', bundle: 'ruby', composer: 'php', maven: 'java', gradle: 'java', dotnet: 'dotnet',
};

/** A COPY of the sources: the whole context, or one folder that becomes the install's folder. */
interface SourceCopy {
  readonly instruction: Instruction;
  readonly whole: boolean;
  /** The folder the files land in (absolute when known). */
  readonly destination: string | null;
}

export default defineRule({
  id: 'copy-before-install',
  summary: 'The sources are copied before the dependency install, so any source change re-runs the install.',
  severity: 'warning',
  checkStage({ model, stage, report }) {
    let workdir = '/';
    let whole: SourceCopy | null = null;
    const folders: SourceCopy[] = [];
    const installedBefore = new Set<string>();
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'WORKDIR') workdir = resolvePath(workdir, instruction.args[0]?.value ?? '');
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const copy = sourceCopy(instruction, workdir);
        if (copy?.whole) whole ??= copy;
        else if (copy) folders.push(copy);
        continue;
      }
      if (instruction.keyword !== 'RUN') continue;
      const script = runScript(model, instruction, stage);
      if (!script.parsed) continue;
      for (const action of packageActions(script)) {
        if (action.kind !== 'install' || !action.fromManifest) continue;
        // Inside an if or case on a build argument the install runs for some builds: said a level lower, with the test.
        const branch = action.command.conditional ? buildArgumentBranch(model, stage, instruction, action.command) : null;
        if (action.command.conditional && !branch) continue;
        const ecosystem = ECOSYSTEM[action.manager] ?? action.manager;
        // What the build fetched and compiled stays in a cache mount: a source change redoes only what changed.
        if (cacheMountTargets(instruction).some((target) => isIncrementalStore(action.manager, target))) continue;
        const dir = directoryOf(script, action.command, workdir);
        const copy = whole ?? folders.find((f) => f.destination !== null && f.destination === dir) ?? null;
        // Dependencies installed from the manifests before the sources came: this install builds the project.
        if (!copy || installedBefore.has(ecosystem)) {
          installedBefore.add(ecosystem);
          continue;
        }
        const found = problem(model, copy, instruction, script, action.command, copy.destination === dir);
        report(branch ? { ...found, message: `${found.message.slice(0, -1)}, in the builds where ${branch}.`, lowered: true } : found);
        return;
      }
    }
  },
});

function problem(model: DockerfileModel, copy: SourceCopy, run: Instruction, script: RunScript, install: SimpleCommand, inCopiedFolder: boolean) {
  const what = copy.whole ? 'The whole context is' : `'${contextSources(copy.instruction)[0]?.value ?? ''}' is`;
  const name = [install.program, firstOperand(install.args)].filter(Boolean).join(' ');
  return {
    range: copy.instruction.range,
    message: `${what} copied before '${name}' (line ${run.range.start.line + 1}), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.`,
    fixes: copy.whole ? [cacheOrderFix(model, copy.instruction, run, script, install, inCopiedFolder)].filter((fix) => fix !== null) : [],
  };
}

/** The COPY of `.`, or of a single folder (`COPY ./web ./web`), with where it lands. */
function sourceCopy(instruction: Instruction, workdir: string): SourceCopy | null {
  if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) return null;
  const destination = instruction.args[instruction.args.length - 1]?.value ?? '';
  if (copiesWholeContext(instruction)) return { instruction, whole: true, destination: resolvePath(workdir, destination) };
  const sources = contextSources(instruction);
  const only = sources.length === 1 ? (sources[0]?.value ?? '') : '';
  // A folder: no extension, no wildcard, no variable.
  if (!only || /[*?[$]/.test(only) || /\.[A-Za-z0-9]+$/.test(only.replace(/\/+$/, ''))) return null;
  const folder = only.replace(/^\.\//, '').replace(/\/+$/, '');
  const target = destination.endsWith('/') && !destination.replace(/\/+$/, '').endsWith(folder) ? `${destination}${folder}` : destination;
  return { instruction, whole: false, destination: resolvePath(workdir, target) };
}

/** Where a command runs: the WORKDIR, or the folder of a `cd` before it in the same RUN. */
function directoryOf(script: RunScript, command: SimpleCommand, workdir: string): string {
  let dir = workdir;
  for (const c of script.commands) {
    if (c === command) break;
    if (c.program === 'cd' && !c.conditional && !c.nested && c.args[0]?.value) dir = resolvePath(dir, c.args[0].value);
  }
  return dir;
}

