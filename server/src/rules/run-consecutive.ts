import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { packageActions, removedPaths } from '../shell/packages';
import type { RunScript, SimpleCommand } from '../shell/types';
import { chainRunsFix } from './chain-runs-fix';
import { defineRule, type ReportedProblem } from './rule';
import { stageRuns, type StageRun } from './run-facts';
import { layerStages } from './stage-state';

/** Commands that make or change a few small files: a RUN of only these is cheap to chain. */
const TRIVIAL = new Set(['mkdir', 'ln', 'chmod', 'chown', 'chgrp', 'echo', 'printf', 'touch', 'cp', 'mv', 'rm', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'sed', 'true', 'export', 'cd', 'install']);
/** How many trivial RUNs in a row are worth one finding. */
const TRIVIAL_RUN = 3;
/** Folders of caches and temporary files that clean-ups remove. */
const CACHE_PATH = /^\/(var\/lib\/apt\/lists|var\/cache|root\/\.cache|root\/\.npm|tmp|usr\/share\/doc|var\/tmp)(\/|$)/;

/** RUNs that can be chained: shell form read as POSIX shell, no heredoc, the same flags and shell. */
function chainKey(run: Instruction, script: RunScript): string | null {
  if (run.jsonForm || run.heredocs.length > 0 || !script.parsed || script.hasErrors) return null;
  return `${script.shell} ${run.flags.map((flag) => `--${flag.name}=${flag.value ?? ''}`).join(' ')}`;
}

export default defineRule({
  id: 'run-consecutive',
  summary: 'Consecutive RUNs in a layer that ships where chaining saves something: a clean-up in a later layer, a split apt-get update, or a row of small commands.',
  severity: 'info',
  hadolint: ['DL3059'],
  check({ model, shipping, imageFacts, report }) {
    for (const stage of layerStages(model, shipping)) {
      let group: StageRun[] = [];
      const flush = (): void => {
        if (group.length >= 2) {
          const problem = problemOf(model, stage, group);
          if (problem) report(problem);
        }
        group = [];
      };
      const runs = new Map(stageRuns(model, stage, imageFacts).map((r) => [r.run, r]));
      for (const instruction of stage.instructions) {
        const run = runs.get(instruction);
        const key = run ? chainKey(run.run, run.script) : null;
        const previous = group[0];
        if (run && key !== null && previous && chainKey(previous.run, previous.script) === key) group.push(run);
        else {
          flush();
          if (run && key !== null) group = [run];
        }
      }
      flush();
    }
  },
});

function problemOf(model: DockerfileModel, stage: Stage, group: readonly StageRun[]): ReportedProblem | null {
  const chained = (runs: readonly StageRun[], message: string): ReportedProblem => {
    const first = runs[0] as StageRun;
    const last = runs[runs.length - 1] as StageRun;
    return {
      range: { start: first.run.range.start, end: last.run.range.end },
      message,
      fixes: [chainRunsFix(model, runs.map((r) => r.run))].filter((fix) => fix !== null),
    };
  };
  // apt-get update alone, then an install: a changed install reuses stale lists from the cache.
  for (let i = 0; i + 1 < group.length; i++) {
    const actions = packageActions((group[i] as StageRun).script);
    const next = packageActions((group[i + 1] as StageRun).script);
    if (actions.length > 0 && actions.every((a) => a.kind === 'update-lists' && a.manager === 'apt') && next.some((a) => a.kind === 'install' && a.manager === 'apt')) {
      // The clean-up RUNs that follow belong in the same chain.
      let end = i + 1;
      while (end + 1 < group.length && undoes((group[end] as StageRun).script, (group[end + 1] as StageRun).script)) end++;
      return chained(
        group.slice(i, end + 1),
        `apt-get update runs in its own RUN (line ${(group[i] as StageRun).run.range.start.line + 1}): when the install below changes, the build reuses stale package lists from its cache. Update and install in one RUN.`,
      );
    }
  }
  // A later RUN removes or changes what an earlier one made: the earlier layer still ships it.
  for (let j = 1; j < group.length; j++) {
    const later = group[j] as StageRun;
    for (let i = j - 1; i >= 0; i--) {
      const earlier = group[i] as StageRun;
      if (undoes(earlier.script, later.script)) {
        return chained(
          group.slice(i, j + 1),
          `The RUN on line ${later.run.range.start.line + 1} removes or changes files the RUN on line ${earlier.run.range.start.line + 1} made, but their layer still ships them; chain them into one RUN with &&.`,
        );
      }
    }
  }
  // A row of small commands: one layer each for nothing.
  let row: StageRun[] = [];
  for (const run of [...group, null]) {
    if (run && run.script.commands.length > 0 && run.script.commands.every((c) => c.program !== null && TRIVIAL.has(c.program))) {
      row.push(run);
      continue;
    }
    if (row.length >= TRIVIAL_RUN) {
      const programs = [...new Set(row.flatMap((r) => r.script.commands.map((c) => c.program)))].slice(0, 4).join(', ');
      return chained(row, `These ${row.length} RUNs in a row of small commands (${programs}) in stage ${stage.name ? `'${stage.name}'` : stage.index + 1} make ${row.length} layers; chain them into one RUN with &&.`);
    }
    row = [];
  }
  return null;
}

/** True when `later` deletes or re-permissions files `earlier` made, or cleans up after its installs. */
function undoes(earlier: RunScript, later: RunScript): boolean {
  const installs = packageActions(earlier).some((a) => a.kind === 'install');
  // A clean-up of the later RUN's own installs is no clean-up of the earlier one.
  const laterActions = packageActions(later);
  const ownInstall = laterActions.findIndex((a) => a.kind === 'install' || a.kind === 'update-lists');
  const cleanUp = laterActions.some((a, i) => (a.kind === 'remove' || a.kind === 'clean') && (ownInstall < 0 || i < ownInstall));
  const removesCaches = ownInstall < 0 && later.commands.some((c) => removedPaths(c).some((p) => CACHE_PATH.test(p)));
  if (installs && (cleanUp || removesCaches)) return true;
  const created = earlier.commands.flatMap(createdPaths);
  return later.commands.some((c) => touchedPaths(c).some((path) => created.some((w) => w === path || w.startsWith(`${path.replace(/\/+$/, '')}/`))));
}

/** Absolute paths a command creates: mkdir, touch, the target of cp/mv/ln/install, downloads, clones, extractions. */
function createdPaths(command: SimpleCommand): string[] {
  const values = command.args.map((a) => a.value ?? '');
  const operands = values.filter((v) => v !== '' && !v.startsWith('-'));
  const optionValue = (...names: string[]): string[] => values.flatMap((v, i) => (names.includes(v) ? [values[i + 1] ?? ''] : names.flatMap((n) => (n.startsWith('--') && v.startsWith(`${n}=`) ? [v.slice(n.length + 1)] : []))));
  let paths: string[] = [];
  switch (command.program) {
    case 'mkdir':
    case 'touch':
      paths = operands;
      break;
    case 'cp':
    case 'mv':
    case 'ln':
    case 'install':
    case 'git':
      paths = operands.slice(-1);
      break;
    case 'curl':
      paths = optionValue('-o', '--output');
      break;
    case 'wget':
      paths = optionValue('-O', '--output-document', '-P', '--directory-prefix');
      break;
    case 'unzip':
      paths = optionValue('-d');
      break;
    case 'tar':
      paths = optionValue('-C', '--directory');
      break;
  }
  const written = command.redirects.filter((r) => r.operator.includes('>')).map((r) => r.target.value ?? '');
  return [...paths, ...written].filter((p) => p.startsWith('/') && p.length > 1);
}

/** Paths a command deletes or changes in place (rm, chmod, chown, chgrp, an appending redirection). */
function touchedPaths(command: SimpleCommand): string[] {
  const appended = command.redirects.filter((r) => r.operator === '>>').map((r) => r.target.value ?? '').filter((v) => v.startsWith('/'));
  if (appended.length > 0) return [...appended, ...touchedPaths({ ...command, redirects: [] })];
  if (command.program === 'rm') return removedPaths(command);
  if (command.program !== 'chmod' && command.program !== 'chown' && command.program !== 'chgrp') return [];
  return command.args.slice(1).map((a) => a.value ?? '').filter((v) => v.startsWith('/') && !v.includes('*'));
}
