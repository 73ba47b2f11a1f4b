import type { DockerfileModel, Instruction, Stage } from '../model/types';

/** Calls `visit` for every instruction of the document in order, with its stage (null before FROM). */
export function forEachInstruction(model: DockerfileModel, visit: (instruction: Instruction, stage: Stage | null) => void): void {
  for (const instruction of model.preamble) visit(instruction, null);
  for (const stage of model.stages) for (const instruction of stage.instructions) visit(instruction, stage);
}

/** The keyword as written in the file (`run`, `Run`, `RUN`). */
export function keywordAsWritten(model: DockerfileModel, instruction: Instruction): string {
  const r = instruction.keywordRange;
  const start = (model.lineStarts[r.start.line] ?? 0) + r.start.character;
  return model.text.slice(start, start + (r.end.character - r.start.character));
}
