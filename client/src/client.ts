import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, DOCKERFILE_PATTERNS, LANGUAGE_ID, LINTED_SCHEMES, LOOK_UP_IMAGES_COMMAND, OTHER_TOOL_EXTENSIONS, SERVER_NODE_FLAGS, TARGET_FILE_GLOBS } from '../../common/ids';
import { PROJECT_CONFIG_FILE, SETTINGS_SECTION, type OtherTool } from '../../common/settings';

/** Builds the language client for the bundled server, started over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  // Edits to a project configuration or .dockerignore file re-lint open Dockerfiles.
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/{${PROJECT_CONFIG_FILE},.dockerignore,*.dockerignore}`);
  // Edits to build files (compose, Bake, CI, scripts) may change which stages ship.
  const targetWatchers = TARGET_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(configWatcher, ...targetWatchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LINTED_SCHEMES.flatMap((scheme) => [{ language: LANGUAGE_ID, scheme }, ...DOCKERFILE_PATTERNS.map((pattern) => ({ scheme, pattern }))]),
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [configWatcher, ...targetWatchers],
    },
    outputChannel,
    // The server leaves to these tools the rules they report too (setting dockerfileStages.coexistence).
    // Registry answers about base images are kept in the extension's global storage.
    // clientCommands: code actions may carry the extension's own commands (open a file a fix created).
    initializationOptions: { otherTools: installedOtherTools(), storageFolder: context.globalStorageUri.fsPath, clientCommands: true },
    // The image hover links to the look-up command, and to nothing else.
    markdown: { isTrusted: { enabledCommands: [LOOK_UP_IMAGES_COMMAND] } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Container Tools and Docker DX, when installed and enabled. */
export function installedOtherTools(): OtherTool[] {
  return (Object.entries(OTHER_TOOL_EXTENSIONS) as [OtherTool, readonly string[]][])
    .filter(([, ids]) => ids.some((id) => vscode.extensions.getExtension(id) !== undefined))
    .map(([tool]) => tool);
}
