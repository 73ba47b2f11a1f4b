import type { StagesResult } from '../../../common/protocol';
import { stageDependencies } from '../model/stage-graph';
import type { DockerfileModel } from '../model/types';

/** The stage list the extension shows (code lenses, target picker, Stages view). */
export function stagesOf(model: DockerfileModel): StagesResult {
  return {
    stages: model.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      line: stage.from.range.start.line,
      baseImage: stage.baseImage?.text ?? null,
      dependencies: stageDependencies(model, stage).map((dependency) => dependency.index),
    })),
    defaultTarget: model.stages.length - 1,
  };
}
