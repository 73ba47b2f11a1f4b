import { execFile } from 'node:child_process';
import * as vscode from 'vscode';

const known = new Set<string>();

/**
 * Checks that the engine command runs before a build, so that a missing one is a clear message
 * with a way to fix it rather than a failed task.
 */
export async function engineAvailable(command: string): Promise<boolean> {
  if (known.has(command)) return true;
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
    execFile(command, ['--version'], { timeout: 10_000 }, (failure) => resolve(failure as NodeJS.ErrnoException | null)),
  );
  if (!error) {
    known.add(command);
    return true;
  }
  const reason = error.code === 'ENOENT' ? `'${command}' was not found on PATH` : `'${command} --version' failed (${error.message.split('\n')[0]})`;
  // Said without waiting for the user: the caller goes on (and clears what the last build showed).
  void vscode.window
    .showErrorMessage(`Dockerfile Stages cannot build: ${reason}. Install Docker or Podman, or set dockerfileStages.build.command to the engine to use.`, 'Open Settings')
    .then((choice) => (choice === 'Open Settings' ? vscode.commands.executeCommand('workbench.action.openSettings', 'dockerfileStages.build.command') : undefined));
  return false;
}
