import * as vscode from 'vscode';
import { isDockerfile } from '../stages-source';
import { buildArgv, runArgv, type BuildRequest } from './build-args';
import { buildSettings, contextFolder } from '../config';

export const TASK_TYPE = 'dockerfile-stages';
/**
 * Turns BuildKit's `Dockerfile:<line>` location of a failed step or parse error into a Problem,
 * relative to the folder of the active editor's file (the Dockerfile being built from its lens).
 */
export const PROBLEM_MATCHERS = ['$dockerfile-stages-build'];

/** What a task in tasks.json says: `{ "type": "dockerfile-stages", "dockerfile": "…", "target": "build" }`. */
export interface StageTaskDefinition extends vscode.TaskDefinition {
  readonly dockerfile: string;
  readonly target?: string;
  readonly run?: boolean;
}

export async function requestFor(uri: vscode.Uri, target: string | null): Promise<BuildRequest> {
  return { dockerfile: uri.fsPath, contextFolder: await contextFolder(uri), target };
}

/** A build (or run) as a VS Code task with a ProcessExecution: an argv, never a shell string. */
export async function stageTask(uri: vscode.Uri, target: string | null, kind: 'build' | 'run' = 'build'): Promise<vscode.Task> {
  const settings = buildSettings(uri);
  const request = await requestFor(uri, target);
  const argv = kind === 'build' ? buildArgv(settings, request) : runArgv(settings, request);
  const definition: StageTaskDefinition = { type: TASK_TYPE, dockerfile: uri.fsPath, ...(target ? { target } : {}), ...(kind === 'run' ? { run: true } : {}) };
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
  const name = `${kind === 'build' ? 'Build' : 'Run'} ${target ?? 'last stage'} (${vscode.workspace.asRelativePath(uri)})`;
  const task = new vscode.Task(
    definition,
    folder,
    name,
    'Dockerfile Stages',
    new vscode.ProcessExecution(argv.command, argv.args, { cwd: vscode.Uri.joinPath(uri, '..').fsPath }),
    kind === 'build' ? [...PROBLEM_MATCHERS] : [],
  );
  task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  return task;
}

/** Tasks for tasks.json: resolves definitions written by the user. */
export class StageTaskProvider implements vscode.TaskProvider {
  async provideTasks(): Promise<vscode.Task[]> {
    const editor = vscode.window.activeTextEditor;
    return editor && isDockerfile(editor.document) ? [await stageTask(editor.document.uri, null)] : [];
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const definition = task.definition as StageTaskDefinition;
    if (typeof definition.dockerfile !== 'string') return undefined;
    const folder = task.scope && typeof task.scope === 'object' ? task.scope.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = definition.dockerfile.startsWith('/') || !folder ? vscode.Uri.file(definition.dockerfile) : vscode.Uri.joinPath(folder, definition.dockerfile);
    const resolved = await stageTask(uri, definition.target ?? null, definition.run ? 'run' : 'build');
    return new vscode.Task(definition, task.scope ?? vscode.TaskScope.Workspace, task.name, task.source, resolved.execution, resolved.problemMatchers);
  }
}
