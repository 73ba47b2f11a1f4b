import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildSettings, contextFolder } from '../config';
import { isDockerfile } from '../stages-source';
import { DEBUG_TYPE, dapMissingMessage, dapProbeArgv, debugAdapterArgv, type StageDebugConfiguration } from './debug-launch';

/** Engine commands whose buildx was found to have `dap`. */
const probed = new Set<string>();

/** True when `<engine> buildx dap build --help` answers; else says which buildx is needed. */
async function dapAvailable(command: string): Promise<boolean> {
  if (probed.has(command)) return true;
  const argv = dapProbeArgv(command);
  const result = await new Promise<{ ok: boolean; output: string }>((resolve) =>
    execFile(argv.command, argv.args, { timeout: 15_000, env: { ...process.env, BUILDX_EXPERIMENTAL: '1' } }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}` })),
  );
  if (result.ok) {
    probed.add(command);
    return true;
  }
  const version = await new Promise<string>((resolve) => execFile(command, ['buildx', 'version'], { timeout: 15_000 }, (error, stdout) => resolve(error ? '' : String(stdout))));
  void vscode.window.showErrorMessage(dapMissingMessage(version));
  return false;
}

/**
 * The `dockerfile-stages` debug type: a launch configuration names a Dockerfile (and a target);
 * the debug adapter is `docker buildx dap build` with the build settings, run from the workspace
 * folder. Breakpoints, stepping, variables and the step's shell are buildx's.
 */
export class StageDebugger implements vscode.DebugConfigurationProvider, vscode.DebugAdapterDescriptorFactory {
  /** Fills in what a bare F5 or a short launch.json leaves out: the active Dockerfile, its context. */
  async resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Debugging a stage runs a build: trust the workspace first.');
      return undefined;
    }
    const active = vscode.window.activeTextEditor?.document;
    const dockerfile = typeof config.dockerfile === 'string' && config.dockerfile !== '' ? resolvePath(folder, config.dockerfile) : active && isDockerfile(active) ? active.uri.fsPath : undefined;
    if (!dockerfile) {
      void vscode.window.showInformationMessage('Open a Dockerfile, or set "dockerfile" in the launch configuration.');
      return undefined;
    }
    const uri = vscode.Uri.file(dockerfile);
    // buildx reads the file from disk.
    const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === dockerfile);
    if (open?.isDirty) await open.save();
    const contextPath = typeof config.contextPath === 'string' && config.contextPath !== '' ? resolvePath(folder, config.contextPath) : await contextFolder(uri);
    return {
      ...config,
      type: DEBUG_TYPE,
      request: 'launch',
      name: config.name || `Debug ${path.basename(dockerfile)}`,
      dockerfile,
      contextPath,
    };
  }

  async createDebugAdapterDescriptor(session: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor | undefined> {
    const config = session.configuration as unknown as StageDebugConfiguration;
    const uri = vscode.Uri.file(config.dockerfile);
    const settings = buildSettings(uri);
    const argv = debugAdapterArgv(settings, config, config.contextPath ?? path.dirname(config.dockerfile));
    if (!argv) {
      void vscode.window.showErrorMessage('Debugging a stage needs docker buildx (buildx dap build); Podman has none.');
      return undefined;
    }
    if (!(await dapAvailable(settings.command))) return undefined;
    const cwd = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(config.dockerfile);
    return new vscode.DebugAdapterExecutable(argv.command, argv.args, { cwd, env: { ...stringEnv(), ...argv.env } });
  }
}

/** Starts debugging a stage of a Dockerfile (the lens and the command). */
export async function debugStage(uri: vscode.Uri, target: string | null): Promise<boolean> {
  const config: vscode.DebugConfiguration = {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `Debug Stage ${target ?? '(the last)'}`,
    dockerfile: uri.fsPath,
    ...(target ? { target } : {}),
  };
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), config);
}

function resolvePath(folder: vscode.WorkspaceFolder | undefined, file: string): string {
  const expanded = folder ? file.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath) : file;
  return path.isAbsolute(expanded) || !folder ? expanded : path.join(folder.uri.fsPath, expanded);
}

function stringEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
