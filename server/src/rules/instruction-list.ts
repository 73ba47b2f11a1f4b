import type { DockerfileModel, Instruction, Stage } from '../model/types';

/** Every instruction of the document in order, with the stage it belongs to (null before FROM). */
export function allInstructions(model: DockerfileModel): { instruction: Instruction; stage: Stage | null }[] {
  return [
    ...model.preamble.map((instruction) => ({ instruction, stage: null })),
    ...model.stages.flatMap((stage) => stage.instructions.map((instruction) => ({ instruction, stage }))),
  ];
}

/** The keyword as written in the file (`run`, `Run`, `RUN`). */
export function keywordAsWritten(model: DockerfileModel, instruction: Instruction): string {
  const r = instruction.keywordRange;
  const start = (model.lineStarts[r.start.line] ?? 0) + r.start.character;
  return model.text.slice(start, start + (r.end.character - r.start.character));
}
