import { normalizeStageName } from './stage-names';
import type { DockerfileModel, ReferenceResolution, Stage } from './types';

/** The earlier stages a stage builds on, copies from or mounts (each once, in order). */
export function stageDependencies(model: DockerfileModel, stage: Stage): Stage[] {
  const found = new Set<number>();
  for (const reference of model.references) {
    if (reference.fromStage !== stage.index) continue;
    for (const target of resolvedStages(reference.resolution)) found.add(target);
  }
  return [...found].sort((a, b) => a - b).map((index) => model.stages[index] as Stage);
}

/** The target and every stage it needs, directly or not: what `docker build --target` builds. */
export function stagesNeededBy(model: DockerfileModel, target: Stage): Set<number> {
  // One pass to group the resolved references by the stage they are written in.
  const dependencies = new Map<number, number[]>();
  for (const reference of model.references) {
    for (const target of resolvedStages(reference.resolution)) {
      const list = dependencies.get(reference.fromStage);
      if (list) list.push(target);
      else dependencies.set(reference.fromStage, [target]);
    }
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
 * `FROM`, transitively, in document order. Stages it only copies from are not in it. A `FROM`
 * written with variables (`FROM base-${TARGETARCH}`) brings every stage it can name.
 */
export function shippedStages(model: DockerfileModel, target: Stage | null): Stage[] {
  if (!target) return [];
  // Asked for every stage by many rules per lint: kept per model (callers never change the list).
  let byTarget = chainCache.get(model);
  if (!byTarget) {
    byTarget = new Map();
    chainCache.set(model, byTarget);
  }
  const cached = byTarget.get(target.index);
  if (cached) return cached;
  const chain = computeShippedStages(model, target);
  byTarget.set(target.index, chain);
  return chain;
}

const chainCache = new WeakMap<DockerfileModel, Map<number, Stage[]>>();

function computeShippedStages(model: DockerfileModel, target: Stage): Stage[] {
  const bases = baseStages(model);
  const found = new Set<number>([target.index]);
  const queue = [target.index];
  while (queue.length > 0) {
    for (const base of bases.get(queue.pop() as number) ?? []) {
      if (found.has(base)) continue;
      found.add(base);
      queue.push(base);
    }
  }
  return [...found].sort((a, b) => a - b).map((index) => model.stages[index] as Stage);
}

/**
 * Each way the target's FROM chain can go, base first: one chain, unless a `FROM` written with
 * variables can name several stages.
 */
export function shippedChains(model: DockerfileModel, target: Stage): Stage[][] {
  const bases = baseStages(model);
  const chains: Stage[][] = [];
  const walk = (stage: Stage, tail: Stage[]): void => {
    const chain = [stage, ...tail];
    const next = (bases.get(stage.index) ?? []).filter((b) => !chain.some((s) => s.index === b));
    if (next.length === 0 || chains.length > 32) chains.push(chain);
    else for (const base of next) walk(model.stages[base] as Stage, chain);
  };
  walk(target, []);
  return chains;
}

/** The stages a resolved reference points at: one, the candidates of a pattern, or none. */
export function resolvedStages(resolution: ReferenceResolution): readonly number[] {
  if (resolution.kind === 'stage') return [resolution.stage];
  if (resolution.kind === 'variable') return resolution.candidates;
  return [];
}

const baseStageCache = new WeakMap<DockerfileModel, Map<number, number[]>>();

/** Stage index -> the earlier stages it is built FROM (several for a pattern), computed once per model. */
function baseStages(model: DockerfileModel): Map<number, number[]> {
  let bases = baseStageCache.get(model);
  if (!bases) {
    bases = new Map();
    for (const reference of model.references) {
      if (reference.kind === 'from') bases.set(reference.fromStage, [...resolvedStages(reference.resolution)]);
    }
    baseStageCache.set(model, bases);
  }
  return bases;
}
