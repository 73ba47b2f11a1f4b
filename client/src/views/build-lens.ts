import * as vscode from 'vscode';
import { stageLabel } from '../../../common/protocol';
import { buildArgv, commandLine, runArgv } from '../build/build-args';
import { requestFor } from '../build/tasks';
import { buildSettings } from '../config';
import { isDockerfile, type StagesSource } from '../stages-source';
import type { TargetStore } from './targets';

/**
 * "▶ Build Stage <name>" above every FROM, "▶ Build and Run" on the target, and "Debug" (the stage
 * built under `docker buildx dap build`); their tooltips show what they run. None in an untrusted workspace (building runs a program), nor with
 * `dockerfileStages.build.codeLens` off.
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
    if (!vscode.workspace.getConfiguration('dockerfileStages.build', document.uri).get<boolean>('codeLens', true)) return [];
    const result = await this.source.get(document);
    const target = this.targets.targetIndex(document.uri, result);
    const last = result.stages.length - 1;
    // One request for the file (its context folder and settings); each stage changes only the target.
    const settings = buildSettings(document.uri);
    const request = await requestFor(document.uri, null);
    const lenses: vscode.CodeLens[] = [];
    for (const stage of result.stages) {
      const range = new vscode.Range(stage.line, 0, stage.line, 0);
      // BuildKit's --target takes names only: an unnamed stage builds alone only when it is the last.
      const buildTarget = stage.name ?? (stage.index === last ? null : undefined);
      if (buildTarget === undefined) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `Name ${stageLabel(stage)} to build it`,
            tooltip: 'docker build --target takes stage names: this adds AS <name> to the FROM line, for you to type the name.',
            command: 'dockerfileStages.nameStage',
            arguments: [document.uri, stage.line],
          }),
        );
        continue;
      }
      const exposes = stage.exposes ?? [];
      const build = commandLine(buildArgv(settings, { ...request, target: buildTarget }));
      lenses.push(new vscode.CodeLens(range, { title: `▶ Build Stage ${stageLabel(stage)}`, tooltip: build, command: 'dockerfileStages.buildStage', arguments: [document.uri, buildTarget] }));
      if (stage.index === target) {
        const run = commandLine(runArgv(settings, { ...request, target: buildTarget }, exposes));
        lenses.push(new vscode.CodeLens(range, { title: '▶ Build and Run', tooltip: `${build}\nthen, when it succeeds:\n${run}`, command: 'dockerfileStages.buildAndRun', arguments: [document.uri, buildTarget, exposes] }));
      }
      // buildx reads the file from disk: a new, unsaved editor has nothing to debug yet.
      if (document.uri.scheme === 'file') {
        lenses.push(
          new vscode.CodeLens(range, {
            title: 'Debug',
            tooltip: `Build ${stageLabel(stage)} under the debugger (docker buildx dap build): breakpoints on instructions, step, variables`,
            command: 'dockerfileStages.debugStage',
            arguments: [document.uri, buildTarget],
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
