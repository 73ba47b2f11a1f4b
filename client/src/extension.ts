import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, LANGUAGE_ID, LINTED_SCHEMES } from '../../common/ids';
import { buildFileArgv, type Argv } from './build/build-args';
import { buildSettings } from './config';
import { BuildProblems } from './build/build-problems';
import { BuildResults, type BuildOutcome } from './build/build-results-store';
import { BuildResultsView, SHOW_RESULTS_SETTING } from './views/build-results-view';
import { DEBUG_TYPE } from './debug/debug-launch';
import { debugStage, StageDebugger } from './debug/stage-debugger';
import { BUILD_FILE_TASK_TYPE, BuildFileTaskProvider, StageTaskProvider, StageTasks, stageArgv, TASK_TYPE } from './build/tasks';
import { createLanguageClient, installedOtherTools } from './client';
import { OTHER_TOOLS_NOTIFICATION } from '../../common/protocol';
import { registerCommands } from './commands/index';
import { ProjectConfigProblems } from './project-config';
import { StagesSource } from './stages-source';
import { BuildLensProvider } from './views/build-lens';
import { BUILD_FILE_LENS_SELECTOR, BuildFileLensProvider, buildFileRequests } from './views/build-file-lens';
import { shownDockerfile, StagesView } from './views/stages-view';
import { createTargetStatus } from './views/target-status';
import { TargetStore } from './views/targets';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its tests): the argv a build of a stage runs. */
export interface DockerfileStagesApi {
  buildArgv(uri: vscode.Uri, target: string | null): Promise<Argv>;
  /** The argv the build lens of a compose service or Bake target runs (null: no such one in the file). */
  buildFileArgv(uri: vscode.Uri, name: string): Promise<Argv | null>;
  /** The last build's results for a Dockerfile, as its lines show them (null: none). */
  buildResults(uri: vscode.Uri): BuildOutcome | null;
}

let results: BuildResults | undefined;

const API: DockerfileStagesApi = {
  buildArgv: (uri, target) => stageArgv(uri, target, 'build'),
  buildFileArgv: async (uri, name) => {
    const found = client ? (await buildFileRequests(client, uri)).find((site) => site.request.name === name) : undefined;
    return found ? buildFileArgv(buildSettings(uri), found.request) : null;
  },
  buildResults: (uri) => results?.get(uri) ?? null,
};

export async function activate(context: vscode.ExtensionContext): Promise<DockerfileStagesApi> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel.error(`The language server failed to start: ${message}`);
    void vscode.window.showErrorMessage(`${CLIENT_NAME}: the language server failed to start (${message}). See the "${CLIENT_NAME}" output for details.`);
    return API;
  }
  // Installing or removing Container Tools or Docker DX changes which rules are left to them.
  let otherTools = installedOtherTools().join(',');
  const languageClient = client;
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      const now = installedOtherTools();
      if (now.join(',') === otherTools) return;
      otherTools = now.join(',');
      void languageClient.sendNotification(OTHER_TOOLS_NOTIFICATION, { tools: now });
    }),
  );
  const source = new StagesSource(client);
  const targets = new TargetStore(context.workspaceState, client);
  const lenses = new BuildLensProvider(source, targets);
  const buildFileLenses = new BuildFileLensProvider(client);
  const buildResults = new BuildResults(source);
  const stageDebugger = new StageDebugger();
  results = buildResults;
  const view = new StagesView(source, targets, buildResults);
  const buildProblems = new BuildProblems();
  const tasks = new StageTasks(buildProblems, buildResults);
  const refresh = (): void => {
    lenses.refresh();
    buildFileLenses.refresh();
    view.refresh();
  };
  context.subscriptions.push(
    source,
    targets,
    lenses,
    view,
    vscode.languages.registerCodeLensProvider(
      LINTED_SCHEMES.map((scheme) => ({ language: LANGUAGE_ID, scheme })),
      lenses,
    ),
    buildFileLenses,
    vscode.languages.registerCodeLensProvider(BUILD_FILE_LENS_SELECTOR, buildFileLenses),
    vscode.window.registerTreeDataProvider('dockerfileStages.stages', view),
    buildProblems,
    buildResults,
    new BuildResultsView(buildResults),
    buildResults.onDidChange(() => view.refresh()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, stageDebugger),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, stageDebugger),
    vscode.commands.registerCommand('dockerfileStages.debugStage', async (uri?: vscode.Uri, target?: string | null) => {
      const document = uri ? undefined : vscode.window.activeTextEditor?.document;
      const file = uri ?? document?.uri;
      if (!file) return false;
      return debugStage(file, target ?? null);
    }),
    vscode.commands.registerCommand('dockerfileStages.toggleBuildResults', async () => {
      const config = vscode.workspace.getConfiguration('dockerfileStages.build');
      await config.update(SHOW_RESULTS_SETTING, !config.get<boolean>(SHOW_RESULTS_SETTING, true), vscode.ConfigurationTarget.Global);
    }),
    tasks,
    new ProjectConfigProblems(client),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new StageTaskProvider(tasks)),
    vscode.tasks.registerTaskProvider(BUILD_FILE_TASK_TYPE, new BuildFileTaskProvider(tasks)),
    createTargetStatus(source, targets),
    source.onDidChange(refresh),
    targets.onDidChange(refresh),
    // Trust granted later shows the build lenses at once; settings apply without reload.
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dockerfileStages')) refresh();
    }),
    ...registerCommands(source, targets, client, tasks, context.extensionUri),
  );
  // The Stages view shows while a Dockerfile is open in a tab, the last active one when another has the focus.
  const showView = (): void => {
    void vscode.commands.executeCommand('setContext', 'dockerfileStages.dockerfileOpen', shownDockerfile() !== null);
    view.refresh();
  };
  showView();
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showView), vscode.window.tabGroups.onDidChangeTabs(showView));
  await targets.announce();
  // The editor may have asked for lenses before the provider was there.
  refresh();
  return API;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
