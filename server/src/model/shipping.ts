import { normalizeStageName } from './stage-names';
import { stagesMatching } from './references';
import { resolvedStages, shippedStages, stagesNeededBy } from './stage-graph';
import { RELEASE_NAME, stageRoles, type BaseImageInfo, type BuildTargetUse, type StageRoleInfo } from './stage-roles';
import type { DockerfileModel, Stage } from './types';

/** A stage that runs as a deployed process (a long-lived container someone runs), and why we think so. */
export interface ShippedStage {
  readonly stage: Stage;
  /** Ends "It ships because …": "compose.yaml:5, service web ships it", "it is the last stage and it runs". */
  readonly because: string;
}

/** Which stages ship and what every stage is for: what final-image and size rules look at. */
export interface Shipping {
  readonly roles: readonly StageRoleInfo[];
  /** Runtime images that run as deployed processes. Empty when nothing can be known: final-image rules stay silent. */
  readonly shipped: readonly ShippedStage[];
  /** Every image that reaches someone (deployed, a tool, a pushed base or toolchain image), with why. */
  readonly images: readonly ShippedStage[];
  /**
   * Stages whose layers reach someone: the FROM chains of the deployed stages, of the images the
   * workspace pushes or builds (toolchain and base images too) and of the last stage by default.
   */
  readonly layerStages: ReadonlySet<number>;
  /** Stages only development images are built on: size hints at most. */
  readonly devLayers: ReadonlySet<number>;
  /** Stages some known build needs (shipped or not): no one should call them unused. */
  readonly needed: ReadonlySet<number>;
  /** Per stage, the workspace builds that name it (or build it by default). */
  readonly uses: ReadonlyMap<number, readonly BuildTargetUse[]>;
}

export interface ShippingInput {
  /** The build target chosen by the user (setting, project file, picker, CLI `--target`). */
  readonly explicitTarget?: string | null;
  /** What the workspace's files say about building this Dockerfile. */
  readonly uses?: readonly BuildTargetUse[];
  /** Facts about base images, when something knows them. */
  readonly facts?: (image: string) => BaseImageInfo | null;
  /** The Dockerfile's path in its workspace, or its name (`Dockerfile.dev`, `test/mock/Dockerfile` say what its stages are for). */
  readonly fileName?: string | null;
}

const NO_FACTS = (): null => null;

/**
 * Answers the two questions about every stage. Which run as a deployed process (`shipped`): the
 * explicit target wins; else the stages the workspace pushes, deploys or builds as images; else the
 * last stage; else, when the workspace says nothing, each stage no other builds on that has a
 * command of its own (sibling images of one file); else a stage named like a release — each only
 * when it is a runtime (not a tool, a check, a dev image). Whose layers reach anyone
 * (`layerStages`): the FROM chains of those, of pushed or built images whatever they run (toolchain
 * and base images), and of the last stage unless the workspace ships other stages of the file.
 */
export function computeShipping(model: DockerfileModel, input: ShippingInput = {}): Shipping {
  const uses = input.uses ?? [];
  const roles = stageRoles(model, uses, input.facts ?? NO_FACTS, input.fileName ?? null);
  const last = model.stages[model.stages.length - 1] ?? null;
  const stagesOf = (use: BuildTargetUse): Stage[] => {
    if (use.target === null) return last ? [last] : [];
    // A target written with variables (`${{ matrix.runtime }}-runtime`) is any stage it matches.
    if (use.targetHasVariables) {
      const pattern = use.target.replace(/\$\{\{[^}]*\}\}/g, '${x}');
      return stagesMatching(pattern, model.stages, model.stages.length).map((i) => model.stages[i] as Stage);
    }
    const index = model.stageIndexByName.get(normalizeStageName(use.target));
    return index === undefined ? [] : [model.stages[index] as Stage];
  };
  const usesByStage = new Map<number, BuildTargetUse[]>();
  for (const use of uses) {
    for (const stage of stagesOf(use)) usesByStage.set(stage.index, [...(usesByStage.get(stage.index) ?? []), use]);
  }
  const roleOf = (stage: Stage) => roles[stage.index]?.role;
  const reachesNoOne = (stage: Stage): boolean => ['check', 'dev', 'fixture'].includes(roleOf(stage) ?? '');

  const shipped: ShippedStage[] = [];
  const images: ShippedStage[] = [];
  const layerRoots = new Set<number>();
  const add = (stage: Stage, because: string, deployed = roleOf(stage) === 'runtime'): void => {
    if (!layerRoots.has(stage.index)) images.push({ stage, because });
    layerRoots.add(stage.index);
    if (deployed && !shipped.some((s) => s.stage.index === stage.index)) shipped.push({ stage, because });
  };
  const explicit = input.explicitTarget ? explicitStage(model, input.explicitTarget) : null;
  if (explicit) {
    // The user says this is what they build and run: whatever it looks like, unless it is files to export.
    add(explicit, 'it is the chosen build target', roleOf(explicit) !== 'export');
  } else {
    for (const [index, list] of usesByStage) {
      const use = list.find((u) => u.purpose === 'ship') ?? list.find((u) => u.purpose === 'build');
      const stage = model.stages[index] as Stage;
      if (use && !reachesNoOne(stage)) add(stage, use.purpose === 'ship' ? `${use.source} ships it` : `${use.source} builds it as an image`);
    }
    const workspaceShips = [...usesByStage.values()].some((list) => list.some((u) => u.purpose === 'ship' || u.purpose === 'build'));
    // The last stage is what `docker build` makes; files for `--output` (FROM scratch, no command) are no image anyone pulls.
    if (!workspaceShips && last && !reachesNoOne(last) && roleOf(last) !== 'export') {
      add(last, roleOf(last) === 'runtime' ? 'it is the last stage and it runs' : 'it is the last stage');
    }
    if (shipped.length === 0 && !workspaceShips) {
      const release = model.stages.find((s) => s.normalizedName !== null && RELEASE_NAME.test(s.normalizedName) && roleOf(s) === 'runtime');
      if (release) add(release, `it is named '${release.name}' and runs`);
    }
    if (uses.length === 0) {
      const leaves = leafStages(model).filter((stage) => stage !== last && shapeHasOwnCommand(stage) && (roleOf(stage) === 'runtime' || roleOf(stage) === 'tool'));
      for (const stage of leaves) add(stage, 'no other stage builds on it and it has a command of its own');
    }
  }

  const layerStages = new Set<number>();
  const devLayers = new Set<number>();
  const needed = new Set<number>();
  for (const index of layerRoots) {
    const stage = model.stages[index] as Stage;
    for (const s of shippedStages(model, stage)) layerStages.add(s.index);
    for (const n of stagesNeededBy(model, stage)) needed.add(n);
  }
  // A dev image's layers, and those of the stages only dev images are built on; a stage that a
  // production build also builds on or copies from is no dev layer.
  const usedByOthers = new Set<number>();
  for (const reference of model.references) {
    if (roleOf(model.stages[reference.fromStage] as Stage) === 'dev') continue;
    for (const index of resolvedStages(reference.resolution)) usedByOthers.add(index);
  }
  for (const stage of model.stages) {
    if (roleOf(stage) !== 'dev') continue;
    for (const s of shippedStages(model, stage)) if (!layerStages.has(s.index) && (s === stage || !usedByOthers.has(s.index))) devLayers.add(s.index);
  }
  for (const index of usesByStage.keys()) for (const n of stagesNeededBy(model, model.stages[index] as Stage)) needed.add(n);
  return { roles, shipped, images, layerStages, devLayers, needed, uses: usesByStage };
}

/** Stages no later stage builds FROM or copies from. */
function leafStages(model: DockerfileModel): Stage[] {
  const used = new Set<number>();
  for (const reference of model.references) for (const index of resolvedStages(reference.resolution)) used.add(index);
  return model.stages.filter((stage) => !used.has(stage.index));
}

const shapeHasOwnCommand = (stage: Stage): boolean => stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');

/** `--target` by name, or `#<index>` for an unnamed stage. */
function explicitStage(model: DockerfileModel, target: string): Stage | null {
  const byIndex = /^#(\d+)$/.exec(target);
  if (byIndex) return model.stages[Number(byIndex[1])] ?? null;
  const index = model.stageIndexByName.get(normalizeStageName(target));
  return index === undefined ? null : (model.stages[index] ?? null);
}

/** What one stage is for, for people and for comparing with a review: the two questions, answered. */
export interface StagePurpose {
  readonly index: number;
  readonly name: string | null;
  readonly role: StageRoleInfo['role'];
  readonly because: string;
  /** Do its layers reach anyone: in a shipped image's FROM chain (yes), in a dev image's (dev), or not. */
  readonly layers: 'yes' | 'no' | 'dev';
  /** Does it run as a long-lived process someone deploys (the final-image rules' question)? */
  readonly deployed: boolean;
  /** Why its image reaches someone, when it does. */
  readonly ships: string | null;
}

export function stagePurposes(model: DockerfileModel, shipping: Shipping): StagePurpose[] {
  return model.stages.map((stage) => {
    const role = shipping.roles[stage.index] ?? { role: 'base' as const, because: '' };
    const shipped = shipping.shipped.find((s) => s.stage.index === stage.index);
    const image = shipping.images.find((s) => s.stage.index === stage.index);
    return {
      index: stage.index,
      name: stage.name,
      role: role.role,
      because: role.because,
      layers: shipping.layerStages.has(stage.index) ? 'yes' : shipping.devLayers.has(stage.index) ? 'dev' : 'no',
      deployed: shipped !== undefined,
      ships: image?.because ?? null,
    };
  });
}
