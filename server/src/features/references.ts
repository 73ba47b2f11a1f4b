import type { Position, Range } from 'vscode-languageserver-types';
import { referencesTo, symbolAt } from '../model/queries';
import type { DockerfileModel, Stage, StageReference } from '../model/types';

/** The stage named under the cursor: at its declaration or at any reference to it. */
export function stageUnderCursor(model: DockerfileModel, position: Position): Stage | null {
  const symbol = symbolAt(model, position);
  if (symbol?.kind === 'declaration') return symbol.stage;
  if (symbol?.kind === 'reference') return symbol.target;
  return null;
}

export interface StageOccurrences {
  readonly stage: Stage;
  readonly declaration: Range | null;
  readonly references: readonly StageReference[];
}

export function stageOccurrences(model: DockerfileModel, position: Position): StageOccurrences | null {
  const stage = stageUnderCursor(model, position);
  if (!stage) return null;
  return { stage, declaration: stage.nameRange, references: referencesTo(model, stage) };
}

/** Every place that names the stage under the cursor, its declaration first when asked for. */
export function findReferences(model: DockerfileModel, position: Position, includeDeclaration: boolean): Range[] {
  const occurrences = stageOccurrences(model, position);
  if (!occurrences) return [];
  const ranges = occurrences.references.map((reference) => reference.range);
  if (includeDeclaration && occurrences.declaration) ranges.unshift(occurrences.declaration);
  return ranges;
}
