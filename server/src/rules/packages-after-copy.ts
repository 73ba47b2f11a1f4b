import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { packageActions, type PackageManager } from '../shell/packages';
import type { SimpleCommand } from '../shell/types';
import { shippedStages } from '../model/stage-graph';
import { contextSources, copiesWholeContext } from './context-files';
import { defineRule } from './rule';
import { commandRange, stageRuns } from './run-facts';

/** The system package managers: what they install depends on nothing the build context holds. */
const SYSTEM: ReadonlySet<PackageManager> = new Set(['apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);
/** What a RUN that only installs packages runs besides the manager: clean-ups and small set-up. */
const PACKAGE_SETUP = new Set(['rm', 'apt-mark', 'echo', 'ln', 'mkdir', 'true', 'set', 'update-ca-certificates', 'dpkg-reconfigure', 'locale-gen', 'export']);

export default defineRule({
  id: 'packages-after-copy',
  summary: "System packages are installed after a COPY of the sources or of a stage's output: every change to those re-installs them.",
  severity: 'warning',
  check({ model, imageFacts, report }) {
    for (const stage of model.stages) {
      let changing: Instruction | null = null;
      const scripts = new Map(stageRuns(model, stage, imageFacts).map((r) => [r.run, r.script]));
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          if (!changing && (copiesWholeContext(instruction) || copiesFromStage(model, instruction))) changing = instruction;
          continue;
        }
        if (instruction.keyword !== 'RUN' || !changing) continue;
        const script = scripts.get(instruction);
        if (!script?.parsed || script.hasErrors) continue;
        // A RUN that only installs by name: moving it above the COPY changes nothing else.
        if (!script.commands.every((c) => (c.program !== null && PACKAGE_SETUP.has(c.program)) || isSystemPackageCommand(c))) continue;
        const install = packageActions(script).find(
          (a) => a.kind === 'install' && SYSTEM.has(a.manager) && !a.command.conditional && a.packages.length > 0 && a.packages.every((p) => p.value !== null && !/[/$]|^\./.test(p.value)),
        );
        if (!install) continue;
        const what = copiesWholeContext(changing) ? 'COPY of the whole context' : `COPY --from=${flagValue(changing, 'from')}`;
        report({
          range: commandRange(model, script, install.command),
          message: `System packages are installed after the ${what} at line ${changing.range.start.line + 1}, so every change to what it copies installs them again; install them before that COPY.`,
        });
        break;
      }
    }
  },
});

function isSystemPackageCommand(command: SimpleCommand): boolean {
  return ['apt-get', 'apt', 'aptitude', 'apk', 'dnf', 'yum', 'microdnf', 'tdnf', 'zypper'].includes(command.program ?? '');
}

function flagValue(instruction: Instruction, name: string): string {
  return instruction.flags.find((f) => f.name.toLowerCase() === name)?.value ?? '';
}

/** `COPY --from=<stage of this file>` whose stage copies the build context: a build's output, new whenever the sources change. */
function copiesFromStage(model: DockerfileModel, instruction: Instruction): boolean {
  const source = stageCopiedFrom(model).get(instruction);
  return source !== undefined && changingStages(model).has(source);
}

/** Each `COPY --from=<stage>` of a model and the stage it copies from, found once per model. */
const copiedFromCache = new WeakMap<DockerfileModel, Map<Instruction, number>>();

function stageCopiedFrom(model: DockerfileModel): Map<Instruction, number> {
  let found = copiedFromCache.get(model);
  if (!found) {
    found = new Map();
    for (const r of model.references) if (r.kind === 'copy-from' && r.resolution.kind === 'stage') found.set(r.instruction, r.resolution.stage);
    copiedFromCache.set(model, found);
  }
  return found;
}

const changingCache = new WeakMap<DockerfileModel, Set<number>>();

/**
 * The stages whose files change with the build context: their FROM chain copies from the context
 * (or bind-mounts it), or from a stage that does. A stage that only names an image (`FROM
 * tonistiigi/xx AS xx`) or downloads pinned tools is cached across commits. Computed once per
 * model, in document order (a stage copies only from earlier ones).
 */
function changingStages(model: DockerfileModel): Set<number> {
  const known = changingCache.get(model);
  if (known) return known;
  const copiedFrom = stageCopiedFrom(model);
  const changing = new Set<number>();
  const own = (stage: Stage): boolean =>
    stage.instructions.some((i) => {
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && contextSources(i).length > 0) return true;
      if (i.keyword === 'RUN' && i.flags.some((f) => f.name.toLowerCase() === 'mount' && f.options.some((o) => o.name === 'type' && o.value === 'bind') && !f.options.some((o) => o.name === 'from'))) return true;
      const source = copiedFrom.get(i);
      return source !== undefined && changing.has(source);
    });
  for (const stage of model.stages) {
    const chain = shippedStages(model, stage);
    const parent = chain[chain.length - 2];
    if ((parent && changing.has(parent.index)) || own(stage)) changing.add(stage.index);
  }
  changingCache.set(model, changing);
  return changing;
}
