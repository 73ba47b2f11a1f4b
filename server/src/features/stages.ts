import type { StagesResult } from '../../../common/protocol';
import type { Shipping } from '../model/shipping';
import { stageDependencies } from '../model/stage-graph';
import type { BuildTargetUse } from '../model/stage-roles';
import type { DockerfileModel } from '../model/types';

/** The stage list the extension shows (code lenses, target picker, Stages view), with what each is for. */
export function stagesOf(model: DockerfileModel, shipping: Shipping, uses: readonly BuildTargetUse[], configured: { target: string; file: string } | null = null): StagesResult {
  const configuredIndex = configured ? stageIndexOf(model, configured.target) : null;
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
    defaultTarget: configuredIndex ?? model.stages.length - 1,
    workspaceTargets: uses.map((use) => ({ target: use.target, purpose: use.purpose, source: use.source })),
    ...(configured ? { configuredTarget: { ...configured, index: configuredIndex } } : {}),
  };
}

/** The stage a target names (BuildKit compares names without case; `#2` is how the editor names unnamed stages). */
function stageIndexOf(model: DockerfileModel, target: string): number | null {
  const byIndex = /^#(\d+)$/.exec(target);
  if (byIndex) return model.stages[Number(byIndex[1])] ? Number(byIndex[1]) : null;
  return model.stages.find((stage) => stage.normalizedName === target.toLowerCase())?.index ?? null;
}
