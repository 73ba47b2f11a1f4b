import type { FieldSpan, TargetReference } from '../../workspace/types';

/** How the workspace's build files name one stage of a Dockerfile. */
export interface StageTargets {
  /** Fields that name the stage plainly: found as references, edited by a rename. */
  readonly fields: readonly FieldSpan[];
  /** Builds that may name it in a way no edit can follow (variables, escapes, a target not found in its file). */
  readonly unsure: readonly TargetReference[];
}

/**
 * The build files' targets that name a stage (BuildKit compares target names without case), from
 * the references that build its Dockerfile. A target written with variables may mean any stage,
 * so it is unsure for every stage.
 */
export function targetsNamingStage(references: readonly TargetReference[], stageName: string): StageTargets {
  const wanted = stageName.toLowerCase();
  const fields: FieldSpan[] = [];
  const unsure: TargetReference[] = [];
  const seen = new Set<string>();
  for (const reference of references) {
    if (reference.targetHasVariables) {
      unsure.push(reference);
      continue;
    }
    if (reference.target === null || reference.target.toLowerCase() !== wanted) continue;
    const field = reference.targetField;
    if (!field || !field.literal) {
      unsure.push(reference);
      continue;
    }
    const key = `${field.file}:${field.start}`;
    if (!seen.has(key)) fields.push(field);
    seen.add(key);
  }
  return { fields, unsure };
}

/** Why a rename must stop: the first build that may name the stage where no edit can follow. */
export function unsureRenameMessage(unsure: readonly TargetReference[], stageName: string): string | null {
  const first = unsure[0];
  if (!first) return null;
  const where = `${first.source.file} line ${first.source.line + 1} (${first.source.label})`;
  const more = unsure.length > 1 ? ` (and ${unsure.length - 1} more)` : '';
  return first.targetHasVariables
    ? `${where}${more} names its target with variables, so a rename cannot tell whether it means '${stageName}'. Write the name out there, or rename by hand.`
    : `${where}${more} names '${stageName}' in a way a rename cannot edit safely. Write the name out there, or rename by hand.`;
}
