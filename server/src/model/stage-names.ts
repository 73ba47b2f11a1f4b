import { stageLabel as labelOf } from '../../../common/protocol';

/** BuildKit lower-cases stage names before comparing them. */
export function normalizeStageName(name: string): string {
  return name.toLowerCase();
}

/** BuildKit's rule for a stage name, applied to the lower-cased name. */
const VALID_STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

/** Names BuildKit gives a meaning of its own; a stage may not use them. */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

export function isValidStageName(name: string): boolean {
  return VALID_STAGE_NAME.test(normalizeStageName(name));
}

/** A stage's label for people: its name, else `stage 2 (node:22)` (the extension's one form, see common/protocol). */
export function stageLabel(stage: { readonly name: string | null; readonly index: number; readonly baseImage?: { readonly text: string } | null }): string {
  return labelOf({ name: stage.name, index: stage.index, baseImage: stage.baseImage?.text ?? null });
}
