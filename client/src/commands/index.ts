import * as vscode from 'vscode';
import { stageKey, stageLabel, type StagesResult } from '../../../common/protocol';
import { commandLine } from '../build/build-args';
import { isDockerfile, type StagesSource } from '../stages-source';
import { stageOfNode } from '../views/stages-view';
import type { TargetStore } from '../views/targets';
import { buildAndRun, buildFromBuildFile, buildStage } from './build';
import type { BuildFileRequest } from '../build/build-args';
import { nameStage } from './name-stage';
import { stageArgv, type StageTasks } from '../build/tasks';
import { lookUpBaseImages } from './look-up-images';
import { LOOK_UP_IMAGES_COMMAND, OPEN_FILE_COMMAND } from '../../../common/ids';
import type { LanguageClient } from 'vscode-languageclient/node';

export const COMMANDS = {
  buildStage: 'dockerfileStages.buildStage',
  buildAndRun: 'dockerfileStages.buildAndRun',
  pickAndBuild: 'dockerfileStages.pickAndBuild',
  buildFromView: 'dockerfileStages.buildFromView',
  selectTarget: 'dockerfileStages.selectTarget',
  nameStage: 'dockerfileStages.nameStage',
  setTargetFromView: 'dockerfileStages.setTargetFromView',
  buildAndRunFromView: 'dockerfileStages.buildAndRunFromView',
  copyBuildCommand: 'dockerfileStages.copyBuildCommand',
  openFile: OPEN_FILE_COMMAND,
  openDocs: 'dockerfileStages.openDocs',
  lookUpBaseImages: LOOK_UP_IMAGES_COMMAND,
  buildFromBuildFile: 'dockerfileStages.buildFromBuildFile',
} as const;

function activeDockerfile(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document && isDockerfile(document)) return document;
  void vscode.window.showInformationMessage('Open a Dockerfile first.');
  return undefined;
}

/** A quick pick of the named stages (and an unnamed last one), the target first. */
async function pickStage(source: StagesSource, targets: TargetStore, document: vscode.TextDocument, placeHolder: string) {
  const result = await source.get(document);
  const target = targets.targetIndex(document.uri, result);
  const last = result.stages.length - 1;
  const items = result.stages
    .filter((stage) => stage.name !== null || stage.index === last)
    .map((stage) => ({ label: stageLabel(stage), description: stage.baseImage ?? '', detail: stage.index === target ? 'build target' : undefined, stage }))
    .sort((a, b) => Number(b.stage.index === target) - Number(a.stage.index === target));
  return vscode.window.showQuickPick(items, { placeHolder });
}

type TargetItem = vscode.QuickPickItem & { key: string | null };

/** Automatic first; then the targets the workspace names, with where; then every stage with its role. */
function targetItems(result: StagesResult, current: number): (TargetItem | vscode.QuickPickItem)[] {
  const shipped = result.stages.filter((stage) => stage.ships !== null).map((stage) => stageLabel(stage));
  const last = result.stages[result.stages.length - 1];
  const named = result.workspaceTargets.map((use) => {
    const stage = use.target === null ? last : result.stages.find((s) => s.name !== null && s.name.toLowerCase() === use.target?.toLowerCase());
    return { label: stage ? stageLabel(stage) : (use.target ?? 'last stage'), description: use.source, detail: `${use.purpose}${use.target === null ? ' (no --target: the last stage)' : ''}`, key: stage ? stageKey(stage) : use.target };
  });
  return [
    { label: 'Automatic', description: shipped.length > 0 ? `ships: ${shipped.join(', ')}` : 'no shipped stage known', detail: 'what the build files say, else the last stage when it runs', key: null },
    ...(named.length > 0 ? [{ label: 'Named in the workspace', kind: vscode.QuickPickItemKind.Separator }, ...named] : []),
    { label: 'Stages', kind: vscode.QuickPickItemKind.Separator },
    // The current target carries a check mark, as VS Code's own pickers mark the current choice.
    ...result.stages.map((stage) => ({
      label: `${stage.index === current ? '$(check) ' : ''}${stageLabel(stage)}`,
      description: `${stage.index === current ? 'current target · ' : ''}${stage.role} · ${stage.baseImage ?? ''}`,
      detail: stage.ships ? `ships: ${stage.ships}` : stage.roleReason,
      key: stageKey(stage) as string | null,
    })),
  ];
}

/** Registers every command of the extension, from one table. */
export function registerCommands(source: StagesSource, targets: TargetStore, client: LanguageClient, tasks: StageTasks, extensionUri: vscode.Uri): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    [COMMANDS.buildFromBuildFile]: (uri: vscode.Uri, request: BuildFileRequest) => buildFromBuildFile(tasks, uri, request),
    [COMMANDS.buildStage]: async (uri?: vscode.Uri, target?: string | null) => {
      if (uri) return buildStage(tasks, uri, target ?? null);
      // From the palette: the active Dockerfile's chosen target (the last stage by default).
      const document = activeDockerfile();
      if (!document) return undefined;
      const result = await source.get(document);
      const stage = result.stages[targets.targetIndex(document.uri, result)];
      return buildStage(tasks, document.uri, stage?.name ?? null);
    },
    [COMMANDS.buildAndRun]: (uri: vscode.Uri, target: string | null, exposes?: readonly string[]) => buildAndRun(tasks, uri, target, exposes ?? []),
    [COMMANDS.pickAndBuild]: async () => {
      const document = activeDockerfile();
      if (!document) return;
      const picked = await pickStage(source, targets, document, 'Build which stage?');
      if (picked) await buildStage(tasks, document.uri, picked.stage.name);
    },
    [COMMANDS.buildFromView]: (node: unknown) => {
      const stage = stageOfNode(node);
      return stage ? buildStage(tasks, stage.uri, stage.target) : undefined;
    },
    [COMMANDS.selectTarget]: async () => {
      const document = activeDockerfile();
      if (!document) return;
      const result = await source.get(document);
      const picked = await vscode.window.showQuickPick(targetItems(result, targets.targetIndex(document.uri, result)), { placeHolder: 'Build target: the stage you build and ship (final-image rules check it)' });
      if (picked && 'key' in picked) await targets.choose(document.uri, picked.key);
    },
    [COMMANDS.lookUpBaseImages]: (uri?: vscode.Uri | string) => lookUpBaseImages(client, uri),
    [COMMANDS.nameStage]: (uri: vscode.Uri, line: number) => nameStage(uri, line),
    [COMMANDS.setTargetFromView]: async (node: unknown) => {
      const stage = stageOfNode(node);
      if (stage) await targets.choose(stage.uri, stage.key);
    },
    [COMMANDS.buildAndRunFromView]: (node: unknown) => {
      const stage = stageOfNode(node);
      return stage ? buildAndRun(tasks, stage.uri, stage.target, stage.exposes) : undefined;
    },
    [COMMANDS.copyBuildCommand]: async (node: unknown) => {
      const stage = stageOfNode(node);
      if (!stage) return;
      await vscode.env.clipboard.writeText(commandLine(await stageArgv(stage.uri, stage.target, 'build')));
      void vscode.window.setStatusBarMessage('docker build command copied', 3000);
    },
    [COMMANDS.openFile]: async (uri: string) => vscode.window.showTextDocument(vscode.Uri.parse(uri)),
    // The pages ship with the extension; they open rendered (Markdown preview), never as files to edit.
    [COMMANDS.openDocs]: (which?: string) =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, ...(which === 'coexistence' ? ['README.md'] : ['docs', 'rules', 'README.md']))),
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
}
