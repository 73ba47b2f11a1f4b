import * as path from 'node:path';
import * as vscode from 'vscode';
import { configuredContext, parseProjectConfig, PROJECT_CONFIG_FILE } from '../../common/settings';
import { DEFAULT_BUILD_SETTINGS, type BuildSettings } from './build/build-args';

const SECTION = 'dockerfileStages.build';

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The build settings for a Dockerfile, read fresh each time so that changes apply without reload. */
export function buildSettings(uri: vscode.Uri): BuildSettings {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : []);
  return {
    command: config.get<string>('command')?.trim() || DEFAULT_BUILD_SETTINGS.command,
    useBuildx: config.get<boolean>('useBuildx') ?? DEFAULT_BUILD_SETTINGS.useBuildx,
    builder: config.get<string>('builder') ?? '',
    dockerContext: config.get<string>('dockerContext') ?? '',
    tagTemplate: config.get<string>('tagTemplate')?.trim() || DEFAULT_BUILD_SETTINGS.tagTemplate,
    platform: config.get<string>('platform') ?? '',
    buildArgs: stringRecord(config.get<unknown>('buildArgs')),
    extraArgs: strings(config.get<unknown>('extraArgs')),
    runArgs: strings(config.get<unknown>('runArgs')),
  };
}

/**
 * The build context folder: the one `.dockerfile-stages.json` gives this Dockerfile (its
 * `contexts` entry or `context`), else the setting (relative to the workspace folder), else the
 * Dockerfile's folder.
 */
export async function contextFolder(uri: vscode.Uri): Promise<string> {
  const fromProject = await projectContext(uri);
  if (fromProject) return fromProject;
  const setting = vscode.workspace.getConfiguration(SECTION, uri).get<string>('contextFolder')?.trim();
  const dockerfileFolder = path.dirname(uri.fsPath);
  if (!setting) return dockerfileFolder;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (path.isAbsolute(setting)) return setting;
  return workspaceFolder ? path.resolve(workspaceFolder.fsPath, setting) : dockerfileFolder;
}

async function projectContext(uri: vscode.Uri): Promise<string | null> {
  let folder = path.dirname(uri.fsPath);
  for (;;) {
    const file = path.join(folder, PROJECT_CONFIG_FILE);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(file)).then(
      (content) => content,
      () => null,
    );
    if (bytes) return configuredContext(parseProjectConfig(new TextDecoder().decode(bytes)).config, folder, uri.fsPath);
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}
