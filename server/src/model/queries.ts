import type { Position } from 'vscode-languageserver-types';
import { rangeContains } from './positions';
import { lineEndOffset } from './scanner';
import { stageLabel as placeLabel } from './stage-names';
import type { DockerfileModel, ImageReference, Instruction, Stage, StageReference } from './types';

/** What stands under the cursor, as far as stages are concerned. */
export type StageSymbol =
  | { readonly kind: 'declaration'; readonly stage: Stage }
  | { readonly kind: 'reference'; readonly reference: StageReference; readonly target: Stage | null }
  | { readonly kind: 'base-image'; readonly stage: Stage; readonly image: ImageReference };

/** The stage whose text holds `line` (trailing comments and blank lines count), or null in the preamble. */
export function stageAtLine(model: DockerfileModel, line: number): Stage | null {
  const stages = model.stages;
  let low = 0;
  let high = stages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const stage = stages[mid] as Stage;
    if (line < stage.firstLine) high = mid - 1;
    else if (line > stage.lastLine) low = mid + 1;
    else return stage;
  }
  return null;
}

/** The instruction whose lines (continuations and heredoc bodies included) hold `line`, or null. */
export function instructionAtLine(model: DockerfileModel, line: number): Instruction | null {
  const stage = stageAtLine(model, line);
  const instructions = stage ? stage.instructions : model.preamble;
  return instructions.find((instruction) => instruction.range.start.line <= line && line <= instruction.range.end.line) ?? null;
}

/** The stage a reference points at, whether it is allowed to or not (forward and self included). */
export function referenceTarget(model: DockerfileModel, reference: StageReference): Stage | null {
  const resolution = reference.resolution;
  if (resolution.kind === 'stage' || resolution.kind === 'forward' || resolution.kind === 'self') {
    return model.stages[resolution.stage] ?? null;
  }
  return null;
}

/** Every reference that points at `stage`. */
export function referencesTo(model: DockerfileModel, stage: Stage): StageReference[] {
  return model.references.filter((reference) => referenceTarget(model, reference) === stage);
}

export function symbolAt(model: DockerfileModel, position: Position): StageSymbol | null {
  const stage = stageAtLine(model, position.line);
  if (!stage) return null;
  if (stage.nameRange && rangeContains(stage.nameRange, position)) return { kind: 'declaration', stage };
  for (const reference of model.references) {
    if (reference.fromStage !== stage.index || !rangeContains(reference.range, position)) continue;
    return { kind: 'reference', reference, target: referenceTarget(model, reference) };
  }
  if (stage.baseImage && rangeContains(stage.baseImage.range, position)) {
    return { kind: 'base-image', stage, image: stage.baseImage };
  }
  return null;
}

/** The text of one line, without its line break. */
export function lineText(model: DockerfileModel, line: number): string {
  const start = model.lineStarts[line];
  if (start === undefined) return '';
  return model.text.slice(start, lineEndOffset(model.text, model.lineStarts, line));
}

/** The line break the document uses, for inserted lines. */
export function lineBreak(model: DockerfileModel): string {
  return /\r\n/.test(model.text) ? '\r\n' : '\n';
}

/**
 * How messages and views name a stage: its name, or its place and base image when it has none
 * ("stage 2 (alpine:3.20)"); the index BuildKit counts from 0 stays out of sight.
 */
export function stageLabel(stage: Stage): string {
  return stage.name ? `'${stage.name}'` : placeLabel(stage);
}

/** `stageLabel` at the start of a sentence: "Stage 'web'", "Stage 2 (alpine:3.20)". */
export function stageTitle(stage: Stage): string {
  return stage.name ? `Stage '${stage.name}'` : `S${placeLabel(stage).slice(1)}`;
}

/** A stage in the middle of a sentence: `stage 'build'`, `stage 2 (golang:1.23)`. */
export function stageMention(stage: Stage): string {
  return stage.name ? `stage '${stage.name}'` : placeLabel(stage);
}
