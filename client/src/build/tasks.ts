import * as vscode from 'vscode';
import { isDockerfile } from '../stages-source';
import { buildArgv, runArgv, type Argv, type BuildRequest } from './build-args';
import { buildSettings, contextFolder } from '../config';
import type { BuildProblems } from './build-problems';
import { BuildTerminal } from './build-terminal';

export const TASK_TYPE = 'dockerfile-stages';

/** What a task in tasks.json says: `{ "type": "dockerfile-stages", "dockerfile": "…", "target": "build" }`. */
export interface StageTaskDefinition extends vscode.TaskDefinition {
  readonly dockerfile: string;
  readonly target?: string;
  readonly run?: boolean;
}

/** A build that ended, with the engine's exit code. */
export interface BuildEnd {
  readonly dockerfile: vscode.Uri;
  readonly target: string | null;
  readonly code: number;
}

export async function requestFor(uri: vscode.Uri, target: string | null): Promise<BuildRequest> {
  return { dockerfile: uri.fsPath, contextFolder: await contextFolder(uri), target };
}

/** The argv a build (or run) of a stage starts, from the settings of its folder. */
export async function stageArgv(uri: vscode.Uri, target: string | null, kind: 'build' | 'run' = 'build', exposes: readonly string[] = []): Promise<Argv> {
  const settings = buildSettings(uri);
  const request = await requestFor(uri, target);
  return kind === 'build' ? buildArgv(settings, request) : runArgv(settings, request, exposes);
}

/**
 * Stage builds and runs as VS Code tasks, argv only. A build runs in a terminal of ours that reads
 * BuildKit's failure into the Problems panel; a run (`docker run -it`) needs a real terminal, so it
 * is a ProcessExecution.
 */
export class StageTasks implements vscode.Disposable {
  private readonly endEmitter = new vscode.EventEmitter<BuildEnd>();
  readonly onDidEndBuild = this.endEmitter.event;

  constructor(private readonly problems: BuildProblems) {}

  async task(uri: vscode.Uri, target: string | null, kind: 'build' | 'run' = 'build', exposes: readonly string[] = []): Promise<vscode.Task> {
    const argv = await stageArgv(uri, target, kind, exposes);
    const definition: StageTaskDefinition = { type: TASK_TYPE, dockerfile: uri.fsPath, ...(target ? { target } : {}), ...(kind === 'run' ? { run: true } : {}) };
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
    const name = `${kind === 'build' ? 'Build Stage' : 'Run Stage'} ${target ?? '(the last)'} (${vscode.workspace.asRelativePath(uri)})`;
    const cwd = vscode.Uri.joinPath(uri, '..').fsPath;
    const execution =
      kind === 'build'
        ? new vscode.CustomExecution(
            async () =>
              new BuildTerminal(
                argv,
                cwd,
                () => this.problems.started(uri),
                (code, output) => {
                  this.problems.ended(uri, code, output);
                  this.endEmitter.fire({ dockerfile: uri, target, code });
                },
              ),
          )
        : new vscode.ProcessExecution(argv.command, argv.args, { cwd });
    const task = new vscode.Task(definition, folder, name, 'Dockerfile Stages', execution, []);
    task.group = vscode.TaskGroup.Build;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }

  dispose(): void {
    this.endEmitter.dispose();
  }
}

/** Tasks for tasks.json: resolves definitions written by the user. */
export class StageTaskProvider implements vscode.TaskProvider {
  constructor(private readonly tasks: StageTasks) {}

  async provideTasks(): Promise<vscode.Task[]> {
    const editor = vscode.window.activeTextEditor;
    return editor && isDockerfile(editor.document) ? [await this.tasks.task(editor.document.uri, null)] : [];
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const definition = task.definition as StageTaskDefinition;
    if (typeof definition.dockerfile !== 'string') return undefined;
    const folder = task.scope && typeof task.scope === 'object' ? task.scope.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = definition.dockerfile.startsWith('/') || !folder ? vscode.Uri.file(definition.dockerfile) : vscode.Uri.joinPath(folder, definition.dockerfile);
    const resolved = await this.tasks.task(uri, definition.target ?? null, definition.run ? 'run' : 'build');
    return new vscode.Task(definition, task.scope ?? vscode.TaskScope.Workspace, task.name, task.source, resolved.execution, resolved.problemMatchers);
  }
}
