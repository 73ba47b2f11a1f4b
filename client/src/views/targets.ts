import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SET_TARGET_NOTIFICATION, stageKey, type StagesResult } from '../../../common/protocol';

const STATE_KEY = 'dockerfileStages.targets';

/**
 * The build target chosen per Dockerfile (the last stage when none is chosen). It is what "Build"
 * builds and what the server's final-stage rules check; it survives restarts in workspace state.
 */
export class TargetStore {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: LanguageClient,
  ) {}

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(STATE_KEY) ?? {};
  }

  /** The chosen target's key (`name` or `#index`), or null for the default. */
  chosen(uri: vscode.Uri): string | null {
    return this.all()[uri.toString()] ?? null;
  }

  /** The index of the target among the stages: the chosen one when it still exists, else the last. */
  targetIndex(uri: vscode.Uri, result: StagesResult): number {
    const key = this.chosen(uri);
    const found = key === null ? undefined : result.stages.find((stage) => stageKey(stage) === key);
    return found?.index ?? result.defaultTarget;
  }

  async choose(uri: vscode.Uri, key: string | null): Promise<void> {
    const all = { ...this.all() };
    if (key === null) delete all[uri.toString()];
    else all[uri.toString()] = key;
    await this.state.update(STATE_KEY, all);
    await this.client.sendNotification(SET_TARGET_NOTIFICATION, { uri: uri.toString(), target: key });
    this.changed.fire(uri);
  }

  /** Tells the server the stored targets of open documents (after a start or restart). */
  async announce(): Promise<void> {
    for (const [uri, target] of Object.entries(this.all())) {
      await this.client.sendNotification(SET_TARGET_NOTIFICATION, { uri, target });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
