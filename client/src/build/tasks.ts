import * as vscode from 'vscode';
import { isDockerfile } from '../stages-source';
import { BuildProgress } from '../../../common/build-progress';
import { buildArgv, buildFileArgv, runArgv, withStructuredProgress, type Argv, type BuildFileRequest, type BuildRequest, type BuildSettings } from './build-args';
import type { BuildResults } from './build-results-store';
import { buildSettings, contextFolder } from '../config';
import type { BuildProblems } from './build-problems';
import { BuildTerminal } from './build-terminal';

export const TASK_TYPE = 'dockerfile-stages';
/** Builds of a compose service or a Bake target, from the file that defines it. */
export const BUILD_FILE_TASK_TYPE = 'dockerfile-stages-build-file';

/** `{ "type": "dockerfile-stages-build-file", "file": "compose.yaml", "service": "api" }` (or `"bakeTarget"`). */
export interface BuildFileTaskDefinition extends vscode.TaskDefinition {
  readonly file: string;
  readonly service?: string;
  readonly bakeTarget?: string;
}

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

/** The argv a build (or run) of a stage starts, with the settings of its folder and the request it came from. */
async function stageCommand(uri: vscode.Uri, target: string | null, kind: 'build' | 'run', exposes: readonly string[]): Promise<{ argv: Argv; settings: BuildSettings; request: BuildRequest }> {
  const settings = buildSettings(uri);
  const request = await requestFor(uri, target);
  return { argv: kind === 'build' ? buildArgv(settings, request) : runArgv(settings, request, exposes), settings, request };
}

/** The argv a build (or run) of a stage starts, from the settings of its folder. */
export async function stageArgv(uri: vscode.Uri, target: string | null, kind: 'build' | 'run' = 'build', exposes: readonly string[] = []): Promise<Argv> {
  return (await stageCommand(uri, target, kind, exposes)).argv;
}

/**
 * Stage builds and runs as VS Code tasks, argv only. A build runs in a terminal of ours that reads
 * BuildKit's failure into the Problems panel; a run (`docker run -it`) needs a real terminal, so it
 * is a ProcessExecution.
 */
export class StageTasks implements vscode.Disposable {
  private readonly endEmitter = new vscode.EventEmitter<BuildEnd>();
  readonly onDidEndBuild = this.endEmitter.event;
  private readonly buildFileEmitter = new vscode.EventEmitter<{ readonly file: vscode.Uri; readonly name: string; readonly code: number }>();
  /** A compose or Bake build that ended, with the engine's exit code. */
  readonly onDidEndBuildFile = this.buildFileEmitter.event;

  constructor(
    private readonly problems: BuildProblems,
    private readonly results: BuildResults,
  ) {}

  async task(uri: vscode.Uri, target: string | null, kind: 'build' | 'run' = 'build', exposes: readonly string[] = []): Promise<vscode.Task> {
    const { argv, settings, request } = await stageCommand(uri, target, kind, exposes);
    const definition: StageTaskDefinition = { type: TASK_TYPE, dockerfile: uri.fsPath, ...(target ? { target } : {}), ...(kind === 'run' ? { run: true } : {}) };
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
    const name = `${kind === 'build' ? 'Build Stage' : 'Run Stage'} ${target ?? '(the last)'} (${vscode.workspace.asRelativePath(uri)})`;
    const cwd = vscode.Uri.joinPath(uri, '..').fsPath;
    const execution =
      kind === 'build'
        ? new vscode.CustomExecution(async () => {
            // BuildKit's structured progress gives the per-line results; the terminal shows it readable.
            const structured = withStructuredProgress(settings, argv);
            const progress = structured ? new BuildProgress() : undefined;
            return new BuildTerminal(
              structured ?? argv,
              cwd,
              () => {
                this.problems.started(uri);
                this.results.started(uri);
              },
              (code, output) => {
                this.problems.ended(uri, code, output);
                this.endEmitter.fire({ dockerfile: uri, target, code });
                if (progress) void this.results.finished({ uri, target, code, progress, argv, settings, cwd, stageArgv: (stage) => buildArgv(settings, { ...request, target: stage }) });
              },
              progress,
            );
          })
        : new vscode.ProcessExecution(argv.command, argv.args, { cwd });
    const task = new vscode.Task(definition, folder, name, 'Dockerfile Stages', execution, []);
    task.group = vscode.TaskGroup.Build;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }

  /** Drops the results of a Dockerfile's last build (a build that could not start). */
  forgetResults(uri: vscode.Uri): void {
    this.results.started(uri);
  }

  /** `docker compose build <service>` or `docker buildx bake <target>` in the file's folder, in our terminal. */
  buildFileTask(uri: vscode.Uri, request: BuildFileRequest): vscode.Task {
    const argv = buildFileArgv(buildSettings(uri), request);
    const definition: BuildFileTaskDefinition = {
      type: BUILD_FILE_TASK_TYPE,
      file: vscode.workspace.asRelativePath(uri, false),
      ...(request.kind === 'compose-service' ? { service: request.name } : { bakeTarget: request.name }),
    };
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.TaskScope.Workspace;
    const what = request.kind === 'compose-service' ? `service ${request.name}` : `target ${request.name}`;
    const cwd = vscode.Uri.joinPath(uri, '..').fsPath;
    const execution = new vscode.CustomExecution(async () => new BuildTerminal(argv, cwd, () => undefined, (code) => this.buildFileEmitter.fire({ file: uri, name: request.name, code })));
    const task = new vscode.Task(definition, folder, `Build ${what} (${vscode.workspace.asRelativePath(uri)})`, 'Dockerfile Stages', execution, []);
    task.group = vscode.TaskGroup.Build;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }

  dispose(): void {
    this.endEmitter.dispose();
    this.buildFileEmitter.dispose();
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

/** Build-file tasks written in tasks.json: the file is named with `-f`, as written. */
export class BuildFileTaskProvider implements vscode.TaskProvider {
  constructor(private readonly tasks: StageTasks) {}

  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as BuildFileTaskDefinition;
    const name = definition.service ?? definition.bakeTarget;
    if (typeof definition.file !== 'string' || typeof name !== 'string') return undefined;
    const folder = task.scope && typeof task.scope === 'object' ? task.scope.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = definition.file.startsWith('/') || !folder ? vscode.Uri.file(definition.file) : vscode.Uri.joinPath(folder, definition.file);
    const kind = definition.service !== undefined ? 'compose-service' : 'bake-target';
    const resolved = this.tasks.buildFileTask(uri, { kind, name, file: uri.fsPath, defaultFile: false, baseFile: null });
    return new vscode.Task(definition, task.scope ?? vscode.TaskScope.Workspace, task.name, task.source, resolved.execution, []);
  }
}
