import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME } from '../../common/ids';
import { createLanguageClient } from './client';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel.error(`The language server failed to start: ${message}`);
    void vscode.window.showErrorMessage(`${CLIENT_NAME}: the language server failed to start (${message}). See the "${CLIENT_NAME}" output for details.`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
