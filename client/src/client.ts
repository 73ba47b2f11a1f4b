import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, DOCKERFILE_PATTERNS, LANGUAGE_ID } from '../../common/ids';
import { SETTINGS_SECTION } from '../../common/settings';

/** Builds the language client for the bundled server, started over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      ...DOCKERFILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
      ...DOCKERFILE_PATTERNS.map((pattern) => ({ scheme: 'untitled', pattern })),
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
