import { MarkupKind, type Hover, type Range } from 'vscode-languageserver-types';
import { stageLabel } from '../../model/stage-names';
import { fromLineText, roleText, usersOf } from '../stage-text';
import { referencesAtOffset, stageNamed, type BuildFileDocument } from './build-file';

/** A stage a target field names: the Dockerfile and the range of the stage's name (or FROM line). */
export interface TargetLocation {
  readonly uri: string;
  readonly range: Range;
}

/** Go to definition at a target field: the `FROM` line of the stage it names, in each Dockerfile it builds. */
export function targetDefinition(document: BuildFileDocument, offset: number): TargetLocation[] {
  const locations: TargetLocation[] = [];
  for (const reference of referencesAtOffset(document, offset)) {
    if (reference.target === null || reference.targetHasVariables) continue;
    const built = document.dockerfile(reference.dockerfile);
    const stage = built ? stageNamed(built.model, reference.target) : null;
    if (!built || !stage) continue;
    if (!locations.some((location) => location.uri === built.uri)) locations.push({ uri: built.uri, range: stage.nameRange ?? stage.from.range });
  }
  return locations;
}

/** Hover at a target field: the stage's `FROM` line, its role, and what it uses and is used by. */
export function targetHover(document: BuildFileDocument, offset: number): { readonly markdown: string; readonly start: number; readonly end: number } | null {
  const references = referencesAtOffset(document, offset);
  const field = references[0]?.targetField;
  if (!field) return null;
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const reference of references) {
    if (reference.target === null || seen.has(reference.dockerfile)) continue;
    seen.add(reference.dockerfile);
    const built = document.dockerfile(reference.dockerfile);
    if (!built) {
      sections.push(`No Dockerfile at \`${reference.dockerfile}\` (${reference.source.label}).`);
      continue;
    }
    const stage = stageNamed(built.model, reference.target);
    if (!stage) {
      sections.push(`\`${reference.target}\` is no stage of \`${built.path}\`.`);
      continue;
    }
    const uses = built.model.references
      .filter((r) => r.fromStage === stage.index && r.resolution.kind === 'stage')
      .map((r) => built.model.stages[(r.resolution as { stage: number }).stage])
      .filter((s, i, all) => s !== undefined && all.indexOf(s) === i)
      .map((s) => `\`${stageLabel(s as NonNullable<typeof s>)}\``);
    const users = usersOf(built.model, stage);
    sections.push(
      [
        `**Stage \`${stageLabel(stage)}\`** of \`${built.path}\`, line ${stage.from.range.start.line + 1}:`,
        `\`\`\`dockerfile\n${fromLineText(built.model, stage)}\n\`\`\``,
        roleText(built.shipping, stage),
        uses.length > 0 ? `Uses: ${uses.join(', ')}.` : '',
        users.length > 0 ? `Used by: ${users.join(', ')}.` : '',
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    );
  }
  if (sections.length === 0) return null;
  return { markdown: sections.join('\n\n---\n\n'), start: field.start, end: field.end };
}

export function toHover(found: { readonly markdown: string }, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range };
}
