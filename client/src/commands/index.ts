import * as vscode from 'vscode';
import { stageKey } from '../../../common/protocol';
import { isDockerfile, type StagesSource } from '../stages-source';
import { stageOfNode } from '../views/stages-view';
import type { TargetStore } from '../views/targets';
import { buildAndRun, buildStage } from './build';

export const COMMANDS = {
  buildStage: 'dockerfileStages.buildStage',
  buildAndRun: 'dockerfileStages.buildAndRun',
  pickAndBuild: 'dockerfileStages.pickAndBuild',
  buildFromView: 'dockerfileStages.buildFromView',
  selectTarget: 'dockerfileStages.selectTarget',
  explainUnnamed: 'dockerfileStages.explainUnnamed',
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

/** Registers every command of the extension, from one table. */
export function registerCommands(source: StagesSource, targets: TargetStore): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    [COMMANDS.buildStage]: async (uri?: vscode.Uri, target?: string | null) => {
      if (uri) return buildStage(uri, target ?? null);
      // From the palette: the active Dockerfile's chosen target (the last stage by default).
      const document = activeDockerfile();
      if (!document) return undefined;
      const result = await source.get(document);
      const stage = result.stages[targets.targetIndex(document.uri, result)];
      return buildStage(document.uri, stage?.name ?? null);
    },
    [COMMANDS.buildAndRun]: (uri: vscode.Uri, target: string | null) => buildAndRun(uri, target),
    [COMMANDS.pickAndBuild]: async () => {
      const document = activeDockerfile();
      if (!document) return;
      const picked = await pickStage(source, targets, document, 'Build which stage?');
      if (picked) await buildStage(document.uri, picked.stage.name);
    },
    [COMMANDS.buildFromView]: (node: unknown) => {
      const stage = stageOfNode(node);
      return stage ? buildStage(stage.uri, stage.target) : undefined;
    },
    [COMMANDS.selectTarget]: async () => {
      const document = activeDockerfile();
      if (!document) return;
      const result = await source.get(document);
      const items = [
        { label: 'Last stage', description: 'the default: what docker build builds without --target', key: null as string | null },
        ...result.stages.map((stage) => ({ label: stageKey(stage), description: stage.baseImage ?? '', key: stageKey(stage) as string | null })),
      ];
      const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Build target: the stage you build and ship (final-stage rules check it)' });
      if (picked) await targets.choose(document.uri, picked.key);
    },
    [COMMANDS.explainUnnamed]: (index: number) =>
      vscode.window.showInformationMessage(`docker build --target takes stage names: add "AS <name>" to stage #${index}'s FROM line to build it on its own.`),
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
}
