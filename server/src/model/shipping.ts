import { normalizeStageName } from './stage-names';
import { shippedStages, stagesNeededBy } from './stage-graph';
import { RELEASE_NAME, stageRoles, type BaseImageInfo, type BuildTargetUse, type StageRoleInfo } from './stage-roles';
import type { DockerfileModel, Stage } from './types';

/** A stage that ships as an image someone runs, and why we think so. */
export interface ShippedStage {
  readonly stage: Stage;
  /** Ends "It ships because …": "compose.yaml:5, service web ships it", "it is the last stage and it runs". */
  readonly because: string;
}

/** Which stages ship and what every stage is for: what final-image and size rules look at. */
export interface Shipping {
  readonly roles: readonly StageRoleInfo[];
  /** Runtime images that ship. Empty when nothing can be known: final-image rules stay silent. */
  readonly shipped: readonly ShippedStage[];
  /** Stages whose layers end up in a shipped image: each shipped stage and its FROM chain. */
  readonly layerStages: ReadonlySet<number>;
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
  /** The Dockerfile's file name (`Dockerfile.dev` says what its stages are for). */
  readonly fileName?: string | null;
}

const NO_FACTS = (): null => null;

/**
 * Decides what ships: the explicit target wins; else the stages the workspace pushes, deploys or
 * builds as images, when they run; else the last stage if it runs; else a runtime stage named
 * like a release. Several stages may ship (compose builds several).
 */
export function computeShipping(model: DockerfileModel, input: ShippingInput = {}): Shipping {
  const uses = input.uses ?? [];
  const roles = stageRoles(model, uses, input.facts ?? NO_FACTS, input.fileName ?? null);
  const last = model.stages[model.stages.length - 1] ?? null;
  const stageOf = (name: string | null): Stage[] => {
    if (name === null) return last ? [last] : [];
    const index = model.stageIndexByName.get(normalizeStageName(name));
    return index === undefined ? [] : [model.stages[index] as Stage];
  };
  const usesByStage = new Map<number, BuildTargetUse[]>();
  for (const use of uses) {
    for (const stage of use.targetHasVariables ? [] : stageOf(use.target)) {
      const list = usesByStage.get(stage.index) ?? [];
      list.push(use);
      usesByStage.set(stage.index, list);
    }
  }

  const shipped: ShippedStage[] = [];
  const add = (stage: Stage, because: string): void => {
    if (!shipped.some((s) => s.stage.index === stage.index)) shipped.push({ stage, because });
  };
  const explicit = input.explicitTarget ? explicitStage(model, input.explicitTarget) : null;
  if (explicit) {
    if (roles[explicit.index]?.role !== 'export') add(explicit, 'it is the chosen build target');
  } else {
    for (const [index, list] of usesByStage) {
      const use = list.find((u) => u.purpose === 'ship') ?? list.find((u) => u.purpose === 'build');
      if (use && roles[index]?.role === 'runtime') add(model.stages[index] as Stage, use.purpose === 'ship' ? `${use.source} ships it` : `${use.source} builds it as an image`);
    }
    const workspaceShips = uses.some((u) => u.purpose === 'ship');
    if (shipped.length === 0 && !workspaceShips && last && roles[last.index]?.role === 'runtime') add(last, 'it is the last stage and it runs');
    if (shipped.length === 0 && !workspaceShips) {
      const release = model.stages.find((s) => s.normalizedName !== null && RELEASE_NAME.test(s.normalizedName) && roles[s.index]?.role === 'runtime');
      if (release) add(release, `it is named '${release.name}' and runs`);
    }
  }

  const layerStages = new Set<number>();
  const needed = new Set<number>();
  for (const { stage } of shipped) {
    for (const s of shippedStages(model, stage)) layerStages.add(s.index);
    for (const index of stagesNeededBy(model, stage)) needed.add(index);
  }
  for (const index of usesByStage.keys()) for (const n of stagesNeededBy(model, model.stages[index] as Stage)) needed.add(n);
  return { roles, shipped, layerStages, needed, uses: usesByStage };
}

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
  /** Why it ships, when it does. */
  readonly ships: string | null;
}

export function stagePurposes(model: DockerfileModel, shipping: Shipping): StagePurpose[] {
  return model.stages.map((stage) => {
    const role = shipping.roles[stage.index] ?? { role: 'base' as const, because: '' };
    const shipped = shipping.shipped.find((s) => s.stage.index === stage.index);
    return {
      index: stage.index,
      name: stage.name,
      role: role.role,
      because: role.because,
      layers: shipping.layerStages.has(stage.index) ? 'yes' : role.role === 'dev' ? 'dev' : 'no',
      deployed: shipped !== undefined,
      ships: shipped?.because ?? null,
    };
  });
}
