import * as vscode from 'vscode';
import { stageKey, type StagesResult } from '../../../common/protocol';
import { isDockerfile, type StagesSource } from '../stages-source';
import { stageOfNode } from '../views/stages-view';
import type { TargetStore } from '../views/targets';
import { buildAndRun, buildStage } from './build';
import type { StageTasks } from '../build/tasks';
import { lookUpBaseImages } from './look-up-images';
import { LOOK_UP_IMAGES_COMMAND } from '../../../common/ids';
import type { LanguageClient } from 'vscode-languageclient/node';

export const COMMANDS = {
  buildStage: 'dockerfileStages.buildStage',
  buildAndRun: 'dockerfileStages.buildAndRun',
  pickAndBuild: 'dockerfileStages.pickAndBuild',
  buildFromView: 'dockerfileStages.buildFromView',
  selectTarget: 'dockerfileStages.selectTarget',
  explainUnnamed: 'dockerfileStages.explainUnnamed',
  lookUpBaseImages: LOOK_UP_IMAGES_COMMAND,
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
    .map((stage) => ({ label: stageKey(stage), description: stage.baseImage ?? '', detail: stage.index === target ? 'build target' : undefined, stage }))
    .sort((a, b) => Number(b.stage.index === target) - Number(a.stage.index === target));
  return vscode.window.showQuickPick(items, { placeHolder });
}

type TargetItem = vscode.QuickPickItem & { key: string | null };

/** Automatic first; then the targets the workspace names, with where; then every stage with its role. */
function targetItems(result: StagesResult): (TargetItem | vscode.QuickPickItem)[] {
  const shipped = result.stages.filter((stage) => stage.ships !== null).map(stageKey);
  const last = result.stages[result.stages.length - 1];
  const named = result.workspaceTargets.map((use) => {
    const stage = use.target === null ? last : result.stages.find((s) => s.name !== null && s.name.toLowerCase() === use.target?.toLowerCase());
    return { label: stage ? stageKey(stage) : (use.target ?? 'last stage'), description: use.source, detail: `${use.purpose}${use.target === null ? ' (no --target: the last stage)' : ''}`, key: stage ? stageKey(stage) : use.target };
  });
  return [
    { label: 'Automatic', description: shipped.length > 0 ? `ships: ${shipped.join(', ')}` : 'no shipped stage known', detail: 'what the build files say, else the last stage when it runs', key: null },
    ...(named.length > 0 ? [{ label: 'Named in the workspace', kind: vscode.QuickPickItemKind.Separator }, ...named] : []),
    { label: 'Stages', kind: vscode.QuickPickItemKind.Separator },
    ...result.stages.map((stage) => ({ label: stageKey(stage), description: `${stage.role} · ${stage.baseImage ?? ''}`, detail: stage.ships ? `ships: ${stage.ships}` : stage.roleReason, key: stageKey(stage) as string | null })),
  ];
}

/** Registers every command of the extension, from one table. */
export function registerCommands(source: StagesSource, targets: TargetStore, client: LanguageClient, tasks: StageTasks): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    [COMMANDS.buildStage]: async (uri?: vscode.Uri, target?: string | null) => {
      if (uri) return buildStage(tasks, uri, target ?? null);
      // From the palette: the active Dockerfile's chosen target (the last stage by default).
      const document = activeDockerfile();
      if (!document) return undefined;
      const result = await source.get(document);
      const stage = result.stages[targets.targetIndex(document.uri, result)];
      return buildStage(tasks, document.uri, stage?.name ?? null);
    },
    [COMMANDS.buildAndRun]: (uri: vscode.Uri, target: string | null) => buildAndRun(tasks, uri, target),
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
      const picked = await vscode.window.showQuickPick(targetItems(result), { placeHolder: 'Build target: the stage you build and ship (final-image rules check it)' });
      if (picked && 'key' in picked) await targets.choose(document.uri, picked.key);
    },
    [COMMANDS.lookUpBaseImages]: (uri?: vscode.Uri | string) => lookUpBaseImages(client, uri),
    [COMMANDS.explainUnnamed]: (index: number) =>
      vscode.window.showInformationMessage(`docker build --target takes stage names: add "AS <name>" to stage #${index}'s FROM line to build it on its own.`),
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
}
