import type { StagesResult } from '../../../common/protocol';
import type { Shipping } from '../model/shipping';
import { stageDependencies } from '../model/stage-graph';
import type { BuildTargetUse } from '../model/stage-roles';
import type { DockerfileModel } from '../model/types';

/** The stage list the extension shows (code lenses, target picker, Stages view), with what each is for. */
export function stagesOf(model: DockerfileModel, shipping: Shipping, uses: readonly BuildTargetUse[]): StagesResult {
  return {
    stages: model.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      line: stage.from.range.start.line,
      baseImage: stage.baseImage?.text ?? null,
      dependencies: stageDependencies(model, stage).map((dependency) => dependency.index),
      role: shipping.roles[stage.index]?.role ?? 'base',
      roleReason: shipping.roles[stage.index]?.because ?? '',
      ships: shipping.shipped.find((s) => s.stage.index === stage.index)?.because ?? null,
    })),
    defaultTarget: model.stages.length - 1,
    workspaceTargets: uses.map((use) => ({ target: use.target, purpose: use.purpose, source: use.source })),
  };
}
