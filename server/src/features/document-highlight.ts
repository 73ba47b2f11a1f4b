import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';
import { stageOccurrences } from './references';

/** Highlights a stage's declaration (write) and its references (read). */
export function findHighlights(model: DockerfileModel, position: Position): DocumentHighlight[] {
  const occurrences = stageOccurrences(model, position);
  if (!occurrences) return [];
  const highlights: DocumentHighlight[] = occurrences.references.map((reference) => ({
    range: reference.range,
    kind: DocumentHighlightKind.Read,
  }));
  if (occurrences.declaration) highlights.unshift({ range: occurrences.declaration, kind: DocumentHighlightKind.Write });
  return highlights;
}
