import type { StagesResult } from '../../../common/protocol';
import type { Shipping } from '../model/shipping';
import { shippedStages, stageDependencies } from '../model/stage-graph';
import type { BuildTargetUse } from '../model/stage-roles';
import type { DockerfileModel, Stage, StageReference } from '../model/types';
import { expandIfKnown } from '../model/variable-scope';
import { REFERENCE_VERBS } from './stage-text';

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
      uses: usesOf(model, stage),
      exposes: exposedPorts(model, stage),
      role: shipping.roles[stage.index]?.role ?? 'base',
      roleReason: shipping.roles[stage.index]?.because ?? '',
      ships: shipping.images.find((s) => s.stage.index === stage.index)?.because ?? null,
      deployed: shipping.shipped.some((s) => s.stage.index === stage.index),
      instructions: stage.instructions.map((instruction) => ({ line: instruction.range.start.line, endLine: instruction.range.end.line, keyword: instruction.keyword })),
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

/** The earlier stages a stage names, and how (each once per way). */
function usesOf(model: DockerfileModel, stage: Stage): { stage: number; how: (typeof REFERENCE_VERBS)[StageReference['kind']] }[] {
  const seen = new Set<string>();
  const uses: { stage: number; how: (typeof REFERENCE_VERBS)[StageReference['kind']] }[] = [];
  for (const reference of model.references) {
    if (reference.fromStage !== stage.index || reference.resolution.kind !== 'stage') continue;
    const use = { stage: reference.resolution.stage, how: REFERENCE_VERBS[reference.kind] };
    const key = `${use.stage} ${use.how}`;
    if (!seen.has(key)) uses.push(use);
    seen.add(key);
  }
  return uses;
}

/** The ports the stage's image exposes: EXPOSE along its FROM chain, with variables expanded when known. */
function exposedPorts(model: DockerfileModel, stage: Stage): string[] {
  const ports = new Set<string>();
  for (const link of shippedStages(model, stage)) {
    for (const instruction of link.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const arg of instruction.args) {
        const value = expandIfKnown(model, instruction.range.start.line, arg.value);
        if (value && /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(value)) ports.add(value.replace(/\/tcp$/i, '').toLowerCase());
      }
    }
  }
  return [...ports];
}
