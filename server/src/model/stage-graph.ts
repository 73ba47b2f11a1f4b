import { normalizeStageName } from './stage-names';
import type { DockerfileModel, Stage } from './types';

/** The earlier stages a stage builds on, copies from or mounts (each once, in order). */
export function stageDependencies(model: DockerfileModel, stage: Stage): Stage[] {
  const found = new Set<number>();
  for (const reference of model.references) {
    if (reference.fromStage !== stage.index || reference.resolution.kind !== 'stage') continue;
    found.add(reference.resolution.stage);
  }
  return [...found].sort((a, b) => a - b).map((index) => model.stages[index] as Stage);
}

/** The target and every stage it needs, directly or not: what `docker build --target` builds. */
export function stagesNeededBy(model: DockerfileModel, target: Stage): Set<number> {
  // One pass to group the resolved references by the stage they are written in.
  const dependencies = new Map<number, number[]>();
  for (const reference of model.references) {
    if (reference.resolution.kind !== 'stage') continue;
    const list = dependencies.get(reference.fromStage);
    if (list) list.push(reference.resolution.stage);
    else dependencies.set(reference.fromStage, [reference.resolution.stage]);
  }
  const needed = new Set<number>([target.index]);
  const queue = [target.index];
  while (queue.length > 0) {
    for (const dependency of dependencies.get(queue.pop() as number) ?? []) {
      if (needed.has(dependency)) continue;
      needed.add(dependency);
      queue.push(dependency);
    }
  }
  return needed;
}

/** The stage that is built: the named target when it exists, else the last stage. */
export function resolveTarget(model: DockerfileModel, targetName: string | undefined): Stage | null {
  const byIndex = targetName ? /^#(\d+)$/.exec(targetName) : null;
  if (byIndex) return model.stages[Number(byIndex[1])] ?? model.stages[model.stages.length - 1] ?? null;
  if (targetName) {
    const index = model.stageIndexByName.get(normalizeStageName(targetName));
    if (index !== undefined) return model.stages[index] ?? null;
  }
  return model.stages[model.stages.length - 1] ?? null;
}

/**
 * The stages whose layers end up in the target's image: the target and the stages it is built
 * `FROM`, transitively, in document order. Stages it only copies from are not in it.
 */
export function shippedStages(model: DockerfileModel, target: Stage | null): Stage[] {
  const bases = baseStages(model);
  const shipped: Stage[] = [];
  let stage = target;
  while (stage && !shipped.includes(stage)) {
    shipped.push(stage);
    const base = bases.get(stage.index);
    stage = base === undefined ? null : (model.stages[base] ?? null);
  }
  return shipped.reverse();
}

const baseStageCache = new WeakMap<DockerfileModel, Map<number, number>>();

/** Stage index -> the earlier stage it is built FROM, computed once per model. */
function baseStages(model: DockerfileModel): Map<number, number> {
  let bases = baseStageCache.get(model);
  if (!bases) {
    bases = new Map();
    for (const reference of model.references) {
      if (reference.kind === 'from' && reference.resolution.kind === 'stage') bases.set(reference.fromStage, reference.resolution.stage);
    }
    baseStageCache.set(model, bases);
  }
  return bases;
}
