import * as vscode from 'vscode';
import { stageKey } from '../../../common/protocol';
import { isDockerfile, type StagesSource } from '../stages-source';
import type { TargetStore } from './targets';

/**
 * "▶ Build stage <name>" above every FROM, and "Build & run" on the target. None in an untrusted
 * workspace: building runs a program.
 */
export class BuildLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly source: StagesSource,
    private readonly targets: TargetStore,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted || !isDockerfile(document)) return [];
    const result = await this.source.get(document);
    const target = this.targets.targetIndex(document.uri, result);
    const last = result.stages.length - 1;
    const lenses: vscode.CodeLens[] = [];
    for (const stage of result.stages) {
      const range = new vscode.Range(stage.line, 0, stage.line, 0);
      // BuildKit's --target takes names only: an unnamed stage builds alone only when it is the last.
      const buildTarget = stage.name ?? (stage.index === last ? null : undefined);
      if (buildTarget === undefined) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `Build stage #${stage.index}: name it first`,
            tooltip: 'docker build --target takes stage names: add AS <name> to this FROM to build it on its own.',
            command: 'dockerfileStages.explainUnnamed',
            arguments: [stage.index],
          }),
        );
        continue;
      }
      lenses.push(new vscode.CodeLens(range, { title: `▶ Build stage ${stageKey(stage)}`, command: 'dockerfileStages.buildStage', arguments: [document.uri, buildTarget] }));
      if (stage.index === target) {
        lenses.push(new vscode.CodeLens(range, { title: '▶ Build & run', command: 'dockerfileStages.buildAndRun', arguments: [document.uri, buildTarget] }));
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
