import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LOOK_UP_IMAGES_REQUEST, type LookUpImagesResult } from '../../../common/protocol';
import { isDockerfile } from '../stages-source';

/**
 * Looks a Dockerfile's base images up in their registries (the user asked: the command, or the link
 * in the image hover) and says what came of it; a failure is shown, never swallowed.
 */
export async function lookUpBaseImages(client: LanguageClient, uri?: vscode.Uri | string): Promise<LookUpImagesResult | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isDockerfile(document)) {
    void vscode.window.showInformationMessage('Open a Dockerfile first.');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Looking up base images' },
    () => client.sendRequest<LookUpImagesResult>(LOOK_UP_IMAGES_REQUEST, { uri: document.uri.toString() }),
  );
  if (result.refused) {
    void vscode.window.showInformationMessage(result.refused);
    return result;
  }
  const failed = result.images.filter((image) => image.error);
  const read = result.images.filter((image) => !image.error).map((image) => image.image);
  if (failed.length > 0) {
    void vscode.window.showWarningMessage(
      `Could not look up ${failed.map((f) => `${f.image} (${f.error})`).join('; ')}${read.length > 0 ? `. Read: ${read.join(', ')}.` : '.'}`,
    );
  } else {
    void vscode.window.showInformationMessage(`Read ${read.join(', ')} from ${read.length === 1 ? 'its registry' : 'their registries'}.`);
  }
  if (result.cacheProblem) void vscode.window.showWarningMessage(result.cacheProblem);
  return result;
}
