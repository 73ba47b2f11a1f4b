import * as path from 'node:path';
import type { CodeAction, CodeActionParams, CompletionParams, Hover, Location, TextDocumentPositionParams, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { BuildSitesResult } from '../../../common/protocol';
import type { CompletionResult } from '../features/completion';
import { UNKNOWN_TARGET } from '../features/build-files/target-check';
import { completeTarget } from '../features/build-files/target-completion';
import { targetDefinition, targetHover, toHover } from '../features/build-files/target-navigation';
import { targetsNamingStage, unsureRenameMessage } from '../features/build-files/stage-targets';
import { basename } from '../workspace/paths';
import { buildSites, isDefaultBuildFile } from '../workspace/build-files';
import { BASE_COMPOSE_NAMES } from '../workspace/compose';
import type { BuildFiles } from './build-files';
import { filePathOf } from './uri-paths';

/**
 * Protocol glue for build files: positions to offsets and back. The features themselves are in
 * `features/build-files/`.
 */

/** The build file under a request, with the editor's document, whose line offsets it already has. */
function opened(buildFiles: BuildFiles, params: TextDocumentPositionParams) {
  const document = buildFiles.document(params.textDocument.uri);
  const text = buildFiles.openDocument(params.textDocument.uri);
  if (!document || !text) return null;
  return { document, text, offset: text.offsetAt(params.position) };
}

export function buildFileCompletion(buildFiles: BuildFiles, params: CompletionParams): CompletionResult | null {
  const at = opened(buildFiles, params);
  const found = at && completeTarget(at.document, at.offset);
  if (!at || !found) return null;
  return { replace: { start: at.text.positionAt(found.start), end: at.text.positionAt(found.end) }, items: found.items };
}

export function buildFileDefinition(buildFiles: BuildFiles, params: TextDocumentPositionParams): Location[] | null {
  const at = opened(buildFiles, params);
  const locations = at ? targetDefinition(at.document, at.offset) : [];
  return locations.length > 0 ? locations : null;
}

export function buildFileHover(buildFiles: BuildFiles, params: TextDocumentPositionParams): Hover | null {
  const at = opened(buildFiles, params);
  const found = at && targetHover(at.document, at.offset);
  if (!at || !found) return null;
  return toHover(found, { start: at.text.positionAt(found.start), end: at.text.positionAt(found.end) });
}

/** "Did you mean" for a target that names no stage: the diagnostic carries the name to write. */
export function buildFileActions(params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const replacement = (diagnostic.data as { replacement?: unknown } | undefined)?.replacement;
    if (diagnostic.code !== UNKNOWN_TARGET || typeof replacement !== 'string') continue;
    actions.push({
      title: `Change the target to '${replacement}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [params.textDocument.uri]: [{ range: diagnostic.range, newText: replacement }] } },
    });
  }
  return actions;
}

/** The services or targets a compose or Bake file can build, and how Docker finds the file. */
export function buildFileSites(buildFiles: BuildFiles, uri: string): BuildSitesResult {
  const document = buildFiles.document(uri);
  const file = filePathOf(uri);
  if (!document || file === null) return { sites: [], defaultFile: false, baseFile: null };
  const defaultFile = isDefaultBuildFile(document.file);
  // `compose.prod.yaml` is an override: `-f compose.yaml -f compose.prod.yaml` builds what it means.
  const folder = path.dirname(file);
  const base = defaultFile || !/compose/i.test(basename(document.file))
    ? null
    : (BASE_COMPOSE_NAMES.find((name) => buildFiles.fileExists(path.join(folder, name))) ?? null);
  return { sites: buildSites({ path: document.file, text: document.text }), defaultFile, baseFile: base };
}

/** Where the workspace's build files name a stage of this Dockerfile, for find references. */
export function stageTargetLocations(buildFiles: BuildFiles, dockerfileUri: string, stageName: string): Location[] {
  const found = buildFiles.targetsOfDockerfile(dockerfileUri);
  if (!found) return [];
  return targetsNamingStage(found.references, stageName)
    .fields.map((field) => buildFiles.locate(found.workspace, field))
    .filter((location): location is Location => location !== null);
}

/**
 * The edits that rename a stage in the build files that name it, by file; or why the rename must
 * stop (a build names it in a way no edit can follow). With an empty new name it only checks.
 */
export function stageTargetRename(buildFiles: BuildFiles, dockerfileUri: string, stageName: string, newName: string): { changes: Record<string, TextEdit[]> } | { error: string } | null {
  const found = buildFiles.targetsOfDockerfile(dockerfileUri);
  if (!found) return null;
  const { fields, unsure } = targetsNamingStage(found.references, stageName);
  const blocked = unsureRenameMessage(unsure, stageName);
  if (blocked) return { error: blocked };
  const changes: Record<string, TextEdit[]> = {};
  for (const field of fields) {
    const location = buildFiles.locate(found.workspace, field);
    if (!location) continue;
    (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
  }
  return { changes };
}
