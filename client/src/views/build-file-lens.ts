import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPOSE_AND_BAKE_PATTERNS } from '../../../common/ids';
import { BUILD_SITES_REQUEST, type BuildSitesResult } from '../../../common/protocol';
import { buildFileArgv, commandLine, type BuildFileRequest } from '../build/build-args';
import { buildSettings } from '../config';

/** The compose and Bake files that get build lenses. */
export const BUILD_FILE_LENS_SELECTOR: vscode.DocumentSelector = COMPOSE_AND_BAKE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }));

/** What a compose or Bake file can build, as build requests (the server reads the file). */
export async function buildFileRequests(client: LanguageClient, uri: vscode.Uri): Promise<{ line: number; request: BuildFileRequest }[]> {
  const result = await client.sendRequest<BuildSitesResult>(BUILD_SITES_REQUEST, { uri: uri.toString() });
  const baseFile = result.baseFile === null ? null : vscode.Uri.joinPath(uri, '..', result.baseFile).fsPath;
  return result.sites.map((site) => ({ line: site.line, request: { kind: site.kind, name: site.name, file: uri.fsPath, defaultFile: result.defaultFile, baseFile } }));
}

/**
 * "▶ Build" above each compose service with `build:` and each Bake target; the tooltip shows the
 * command. Like the Dockerfile lenses: none in an untrusted workspace or with the setting off.
 */
export class BuildFileLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted || document.uri.scheme !== 'file') return [];
    if (!vscode.workspace.getConfiguration('dockerfileStages.build', document.uri).get<boolean>('codeLens', true)) return [];
    const settings = buildSettings(document.uri);
    return (await buildFileRequests(this.client, document.uri)).map(({ line, request }) => {
      const title = request.kind === 'compose-service' ? `▶ Build service ${request.name}` : `▶ Build target ${request.name}`;
      const tooltip = commandLine(buildFileArgv(settings, request));
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, tooltip, command: 'dockerfileStages.buildFromBuildFile', arguments: [document.uri, request] });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
