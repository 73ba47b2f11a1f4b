import * as vscode from 'vscode';
import { stageLabel } from '../../../common/protocol';
import { isDockerfile, type StagesSource } from '../stages-source';
import type { TargetStore } from './targets';

/** The status-bar item that shows and picks the build target of the active Dockerfile. */
export function createTargetStatus(source: StagesSource, targets: TargetStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dockerfileStages.target', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Dockerfile build target';
  item.command = 'dockerfileStages.selectTarget';
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isDockerfile(document)) {
      item.hide();
      return;
    }
    const result = await source.get(document);
    const target = result.stages[targets.targetIndex(document.uri, result)];
    if (!target) {
      item.hide();
      return;
    }
    const shipped = result.stages.filter((stage) => stage.ships !== null);
    const configured = result.configuredTarget;
    if (targets.chosen(document.uri)) {
      item.text = `$(target) ${stageLabel(target)}`;
      item.tooltip = `Build target of this Dockerfile: ${stageLabel(target)}. The final-image rules check it. Click to choose another.`;
    } else if (configured && configured.index !== null) {
      item.text = `$(target) ${stageLabel(target)}`;
      item.tooltip = `Build target of this Dockerfile: ${stageLabel(target)}, set in ${vscode.workspace.asRelativePath(configured.file)}. The final-image rules check it. Click to choose another here.`;
    } else if (configured) {
      item.text = `$(error) target '${configured.target}' is no stage`;
      item.tooltip = `${vscode.workspace.asRelativePath(configured.file)} sets the target '${configured.target}', which names no stage of this Dockerfile. Click to choose a stage.`;
    } else if (shipped.length > 0) {
      item.text = `$(package) ${shipped.map((stage) => stageLabel(stage)).join(', ')}`;
      item.tooltip = ['What ships, as the workspace tells:', ...shipped.map((stage) => `${stageLabel(stage)}: ${stage.ships}`), 'Click to choose a build target.'].join('\n');
    } else {
      // Precision first: with nothing known to ship, the final-image rules stay silent.
      item.text = '$(question) no shipped stage known: pick a target';
      item.tooltip = 'No build file names a target of this Dockerfile and its last stage does not run; the final-image rules stay silent. Click to choose the stage that ships.';
    }
    item.show();
  };
  void update();
  return vscode.Disposable.from(item, source.onDidChange(() => void update()), targets.onDidChange(() => void update()));
}
