import * as vscode from 'vscode';
import { engineAvailable } from '../build/engine-check';
import { stageTask } from '../build/tasks';
import { buildSettings } from '../config';

/** Saves the Dockerfile (the engine reads it from disk), checks trust and the engine, runs the task. */
async function prepare(uri: vscode.Uri): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Building is disabled in an untrusted workspace: trust the workspace to build stages.');
    return false;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty) await document.save();
  return engineAvailable(buildSettings(uri).command);
}

export async function buildStage(uri: vscode.Uri, target: string | null): Promise<vscode.TaskExecution | undefined> {
  if (!(await prepare(uri))) return undefined;
  return vscode.tasks.executeTask(await stageTask(uri, target, 'build'));
}

/** Builds the stage, then runs the image when the build succeeded. */
export async function buildAndRun(uri: vscode.Uri, target: string | null): Promise<void> {
  const execution = await buildStage(uri, target);
  if (!execution) return;
  const listener = vscode.tasks.onDidEndTaskProcess(async (event) => {
    if (event.execution !== execution) return;
    listener.dispose();
    if (event.exitCode === 0) await vscode.tasks.executeTask(await stageTask(uri, target, 'run'));
    else void vscode.window.showErrorMessage(`The build of ${target ?? 'the last stage'} failed (exit ${event.exitCode}); see the task terminal and the Problems panel.`);
  });
}
