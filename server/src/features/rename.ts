import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { referencesTo, stageTitle, symbolAt } from '../model/queries';
import { isValidStageName, normalizeStageName, RESERVED_STAGE_NAMES, stageLabel } from '../model/stage-names';
import type { DockerfileModel, Stage } from '../model/types';

export type PrepareRenameResult = { readonly range: Range; readonly placeholder: string } | { readonly error: string } | null;
export type RenameResult = { readonly edits: TextEdit[] } | { readonly error: string };

/** Says whether the cursor is on a stage name that can be renamed, and which text would change. */
export function prepareRename(model: DockerfileModel, position: Position): PrepareRenameResult {
  const symbol = symbolAt(model, position);
  if (!symbol) return null;
  if (symbol.kind === 'declaration') {
    return { range: symbol.stage.nameRange as Range, placeholder: symbol.stage.name as string };
  }
  if (symbol.kind === 'base-image') return { error: `'${symbol.image.text}' is an image, not a stage; only stage names can be renamed.` };
  const { reference, target } = symbol;
  if (!target) return { error: `'${reference.text}' does not name a stage of this file, so there is nothing to rename.` };
  if (reference.resolution.kind !== 'variable' && 'byIndex' in reference.resolution && reference.resolution.byIndex) {
    return {
      error: target.name
        ? `'${reference.text}' refers to stage '${target.name}' by index; rename the stage at its name instead.`
        : `${stageTitle(target)} has no name to rename; give it one with 'AS <name>' first (the stage-ref-numeric fix does).`,
    };
  }
  return { range: reference.range, placeholder: reference.text };
}

/**
 * Renames a stage and every by-name reference to it. Numeric references keep working and are left
 * alone. Refuses names BuildKit would reject, duplicates, reserved names, and a name that would
 * capture a reference that today means an image.
 */
export function renameStage(model: DockerfileModel, position: Position, newName: string): RenameResult {
  const prepared = prepareRename(model, position);
  if (!prepared) return { error: 'There is no stage name here to rename.' };
  if ('error' in prepared) return prepared;
  const symbol = symbolAt(model, position);
  const stage = symbol?.kind === 'declaration' ? symbol.stage : symbol?.kind === 'reference' ? symbol.target : null;
  if (!stage || stage.nameRange === null) return { error: 'There is no stage name here to rename.' };
  const problem = validateNewName(model, stage, newName);
  if (problem) return { error: problem };
  const edits: TextEdit[] = [{ range: stage.nameRange, newText: newName }];
  for (const reference of referencesTo(model, stage)) {
    if ('byIndex' in reference.resolution && reference.resolution.byIndex) continue;
    edits.push({ range: reference.range, newText: newName });
  }
  return { edits };
}

function validateNewName(model: DockerfileModel, stage: Stage, newName: string): string | null {
  const normalized = normalizeStageName(newName);
  if (!isValidStageName(newName)) {
    return `'${newName}' is not a valid stage name: start with a letter, then use letters, digits, '-', '_' or '.'.`;
  }
  if (RESERVED_STAGE_NAMES.has(normalized)) return `'${newName}' is a name BuildKit reserves; a stage should not use it.`;
  const other = model.stages.find((s) => s !== stage && s.normalizedName === normalized);
  if (other) return `A stage named '${stageLabel(other)}' already exists (line ${other.from.range.start.line + 1}).`;
  const captured = model.references.find(
    (reference) => (reference.resolution.kind === 'image' || reference.resolution.kind === 'unknown') && normalizeStageName(reference.text) === normalized,
  );
  if (captured) {
    return `Renaming to '${newName}' would change what line ${captured.range.start.line + 1} copies from (today the image '${captured.text}').`;
  }
  const buildsOnStage = new Set(model.references.filter((r) => r.kind === 'from').map((r) => r.fromStage));
  const capturedBase = model.stages.find(
    (s) => s.index > stage.index && !buildsOnStage.has(s.index) && s.baseImage !== null && normalizeStageName(s.baseImage.text) === normalized,
  );
  if (capturedBase) {
    return `Renaming to '${newName}' would make line ${capturedBase.from.range.start.line + 1} build on this stage instead of the image '${capturedBase.baseImage?.text}'.`;
  }
  return null;
}
