import * as vscode from 'vscode';
import { engineAvailable } from '../build/engine-check';
import type { BuildFileRequest } from '../build/build-args';
import type { StageTasks } from '../build/tasks';
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

export async function buildStage(tasks: StageTasks, uri: vscode.Uri, target: string | null): Promise<vscode.TaskExecution | undefined> {
  if (!(await prepare(uri))) {
    // No build: the last one's results would be taken for this one's.
    tasks.forgetResults(uri);
    return undefined;
  }
  return vscode.tasks.executeTask(await tasks.task(uri, target, 'build'));
}

/** Builds the stage, then runs the image when the build succeeded. */
export async function buildAndRun(tasks: StageTasks, uri: vscode.Uri, target: string | null, exposes: readonly string[] = []): Promise<void> {
  const ended = new Promise<number>((resolve) => {
    const listener = tasks.onDidEndBuild((end) => {
      if (end.dockerfile.toString() !== uri.toString() || end.target !== target) return;
      listener.dispose();
      resolve(end.code);
    });
  });
  if (!(await buildStage(tasks, uri, target))) return;
  const code = await ended;
  if (code === 0) await vscode.tasks.executeTask(await tasks.task(uri, target, 'run', exposes));
  else void vscode.window.showErrorMessage(`The build of ${target ?? 'the last stage'} failed (exit code ${code}); the Problems panel and the task terminal say why.`);
}

/** Builds a compose service or Bake target from its file (saved first: the engine reads the disk). */
export async function buildFromBuildFile(tasks: StageTasks, uri: vscode.Uri, request: BuildFileRequest): Promise<vscode.TaskExecution | undefined> {
  if (!(await prepare(uri))) return undefined;
  return vscode.tasks.executeTask(tasks.buildFileTask(uri, request));
}
