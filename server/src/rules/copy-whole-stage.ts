import { stageMention } from '../model/queries';
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Stage } from '../model/types';
import { environmentSkipsDev, packageActions } from '../shell/packages';
import { variablesInScope } from '../model/variable-scope';
import { runScript } from '../shell/run-script';
import { defineRule } from './rule';
import { workdirOf } from './stage-state';

/** Folders builds put their output in: copying one whole is copying the result. */
const OUTPUT_FOLDER = /(^|\/)(dist|build|out|output|target|release|publish|artifacts?|bin|_output)(\/|$)/;
/** Installs that leave only what runs: production dependencies, a venv without dev groups. */
const PRUNING_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun', 'uv', 'poetry', 'pipenv', 'pip', 'bundle', 'composer']);

export default defineRule({
  id: 'copy-whole-stage',
  summary: "COPY --from copies a builder stage's whole file system or work directory into the stage that ships.",
  severity: 'info',
  hadolint: ['DL3067'],
  check({ model, shipping, report }) {
    const shipped = new Set(shipping.images.flatMap(({ stage }) => shippedStages(model, stage)).map((stage) => stage.index));
    for (const reference of model.references) {
      if (reference.kind !== 'copy-from' || reference.resolution.kind !== 'stage' || !shipped.has(reference.fromStage)) continue;
      const source = model.stages[reference.resolution.stage];
      // A stage that only gathers files (FROM scratch, COPY only) is the artifact: copying all of it is the point.
      if (!source || isArtifactStage(model, source)) continue;
      const workdir = workdirOf(model, source);
      const name = stageMention(source);
      for (const arg of reference.instruction.args.slice(0, -1)) {
        const path = arg.value.replace(/\/+$/, '') || '/';
        if (path === '/' || path === '.') {
          report({ range: arg.range, message: `Copies the whole file system of ${name} (tools, caches, sources); copy only the files the image needs.` });
        } else if (path === '/usr/local' || path === '/usr') {
          report({ range: arg.range, message: `Copies all of ${path} from ${name} (its toolchain and everything installed there); copy only what the image runs, such as the installed packages' folder or one binary.` });
        } else if (workdir && path === workdir.replace(/\/+$/, '') && !OUTPUT_FOLDER.test(path) && !installsOnlyRuntime(model, source)) {
          report({
            range: arg.range,
            message: `Copies the whole work directory ${workdir} of ${name} (sources, caches, dev dependencies); copy only the build output.`,
          });
        }
      }
    }
  },
});

function isArtifactStage(model: DockerfileModel, stage: Stage): boolean {
  const chain = shippedStages(model, stage);
  if (chain[0]?.baseImage?.text.toLowerCase() === 'scratch') return true;
  return chain.every((s) => !s.instructions.some((i) => i.keyword === 'RUN'));
}

/** The stage's last dependency install leaves production dependencies only (`npm ci --omit=dev`, `uv sync --no-dev`, a prune). */
function installsOnlyRuntime(model: DockerfileModel, stage: Stage): boolean {
  const actions = shippedStages(model, stage).flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').flatMap((run) => packageActions(runScript(model, run, s)).map((action) => ({ action, run }))));
  const last = [...actions].reverse().find(({ action: a }) => (a.kind === 'install' && a.fromManifest) || (a.kind === 'remove' && a.packages.length === 0 && PRUNING_MANAGERS.has(a.manager)));
  if (!last || !PRUNING_MANAGERS.has(last.action.manager)) return false;
  const { action, run } = last;
  if (action.kind === 'remove') return true;
  if (action.kind !== 'install') return false;
  const scope = variablesInScope(model, run.range.start.line);
  return !action.withDevDependencies || environmentSkipsDev(action.manager, (name) => scope.get(name)?.value);
}
