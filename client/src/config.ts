import * as vscode from 'vscode';
import { DEFAULT_BUILD_SETTINGS, type BuildSettings } from './build/build-args';

const SECTION = 'dockerfileStages.build';

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The build settings for a Dockerfile, read fresh each time so that changes apply without reload. */
export function buildSettings(uri: vscode.Uri): BuildSettings {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const extra = config.get<unknown>('extraArgs');
  return {
    command: config.get<string>('command')?.trim() || DEFAULT_BUILD_SETTINGS.command,
    useBuildx: config.get<boolean>('useBuildx') ?? DEFAULT_BUILD_SETTINGS.useBuildx,
    builder: config.get<string>('builder') ?? '',
    dockerContext: config.get<string>('dockerContext') ?? '',
    tagTemplate: config.get<string>('tagTemplate')?.trim() || DEFAULT_BUILD_SETTINGS.tagTemplate,
    platform: config.get<string>('platform') ?? '',
    buildArgs: stringRecord(config.get<unknown>('buildArgs')),
    extraArgs: Array.isArray(extra) ? extra.filter((a): a is string => typeof a === 'string') : [],
  };
}

/** The build context folder: the setting (relative to the workspace folder), else the Dockerfile's folder. */
export function contextFolder(uri: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration(SECTION, uri).get<string>('contextFolder')?.trim();
  const dockerfileFolder = vscode.Uri.joinPath(uri, '..').fsPath;
  if (!setting) return dockerfileFolder;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting)) return setting;
  return workspaceFolder ? vscode.Uri.joinPath(workspaceFolder, setting).fsPath : dockerfileFolder;
}
