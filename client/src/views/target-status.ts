import * as vscode from 'vscode';
import { stageKey } from '../../../common/protocol';
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
    item.text = `$(target) ${stageKey(target)}`;
    item.tooltip = `Build target of this Dockerfile: ${stageKey(target)}${targets.chosen(document.uri) ? '' : ' (the last stage)'}. Click to choose another.`;
    item.show();
  };
  void update();
  return vscode.Disposable.from(item, source.onDidChange(() => void update()), targets.onDidChange(() => void update()));
}
