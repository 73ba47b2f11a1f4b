import type { Shipping } from '../../model/shipping';
import type { DockerfileModel, Stage } from '../../model/types';
import type { FieldSpan, TargetReference } from '../../workspace/types';

/** A Dockerfile a build file builds, read and understood. */
export interface BuiltDockerfile {
  /** Workspace-relative, as messages show it. */
  readonly path: string;
  readonly uri: string;
  readonly model: DockerfileModel;
  readonly shipping: Shipping;
}

/** A compose, Bake, workflow or dev container file open in the editor, with the builds it takes part in. */
export interface BuildFileDocument {
  /** Workspace-relative path. */
  readonly file: string;
  readonly text: string;
  readonly references: readonly TargetReference[];
  /** The Dockerfile at a workspace path; null when there is none (or it cannot be read). */
  dockerfile(path: string): BuiltDockerfile | null;
}

/** The builds whose target is written at an offset of the file (a Bake field inherited by several targets gives several). */
export function referencesAtOffset(document: BuildFileDocument, offset: number): TargetReference[] {
  return document.references.filter((reference) => {
    const field = reference.targetField;
    if (field === undefined || field.file !== document.file) return false;
    if (field.start <= offset && offset <= field.end) return true;
    // An empty value (`target:` being typed): anywhere in the blanks around where it goes.
    const between = document.text.slice(Math.min(offset, field.start), Math.max(offset, field.start));
    return field.start === field.end && /^[ \t]*$/.test(between);
  });
}

/** The stage a target names, compared without case as BuildKit does. */
export function stageNamed(model: DockerfileModel, name: string): Stage | null {
  const index = model.stageIndexByName.get(name.toLowerCase());
  return index === undefined ? null : (model.stages[index] ?? null);
}

/** The text written at a field. */
export function fieldText(document: BuildFileDocument, field: FieldSpan): string {
  return document.text.slice(field.start, field.end);
}
