import type { Connection } from 'vscode-languageserver';
import type { ShellCheckSettings } from '../../../common/settings';
import type { Problem } from '../engine/lint';
import { shellCheckInputs, shellCheckProblems } from '../engine/shellcheck';
import type { SourcedFacts } from '../images/image-facts';
import type { DockerfileModel } from '../model/types';
import { findShellCheck, ShellCheckRunner } from '../node/shellcheck-runner';
import { describeError } from './run-safe';

/**
 * ShellCheck for open documents, off the keystroke path: the server publishes its own diagnostics
 * first, then adds ShellCheck's when they arrive. A missing binary is silent unless one was
 * configured; a failure is said once per binary, never thrown.
 */
export class ShellCheckStore {
  private readonly runners = new Map<string, ShellCheckRunner>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  dispose(): void {
    for (const runner of this.runners.values()) runner.dispose();
  }

  async problems(model: DockerfileModel, settings: ShellCheckSettings, facts: (image: string) => SourcedFacts | null, stillWanted?: () => boolean): Promise<Problem[]> {
    if (!settings.enable) return [];
    const found = findShellCheck(settings.path || null);
    if (found.problem) this.once(found.problem, found.problem, true);
    if (!found.path) return [];
    let runner = this.runners.get(found.path);
    if (!runner) {
      runner = new ShellCheckRunner(found.path);
      this.runners.set(found.path, runner);
    }
    const inputs = shellCheckInputs(model, facts);
    if (inputs.length === 0) return [];
    try {
      const answers = await runner.check(inputs, stillWanted);
      return inputs.flatMap((input) => shellCheckProblems(model, input, answers.get(input.key) ?? []));
    } catch (error) {
      this.once(found.path, `ShellCheck (${found.path}) failed: ${describeError(error)}`, false);
      return [];
    }
  }

  private once(key: string, message: string, show: boolean): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (show) void this.connection.window.showWarningMessage(message);
    else this.connection.console.error(message);
  }
}
