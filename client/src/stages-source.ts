import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, LINTED_SCHEMES } from '../../common/ids';
import { STAGES_REQUEST, type StageInfo, type StagesResult } from '../../common/protocol';

const EMPTY: StagesResult = { stages: [], defaultTarget: -1, workspaceTargets: [] };

/** The stages of a Dockerfile, asked of the language server, with an event when they may have changed. */
export class StagesSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!isDockerfile(event.document)) return;
        // Batch the refreshes of a burst of typing.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed.fire(event.document.uri), 300);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire(undefined)),
      // New diagnostics without an edit: a build file changed what ships.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document;
        if (active && isDockerfile(active) && event.uris.some((uri) => uri.toString() === active.uri.toString())) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.changed.fire(active.uri), 300);
        }
      }),
    );
  }

  async get(document: vscode.TextDocument): Promise<StagesResult> {
    if (!isDockerfile(document) || !this.client.isRunning()) return EMPTY;
    try {
      return await this.client.sendRequest<StagesResult>(STAGES_REQUEST, { uri: document.uri.toString() });
    } catch {
      return EMPTY;
    }
  }

  refresh(uri?: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function isDockerfile(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID && (LINTED_SCHEMES as readonly string[]).includes(document.uri.scheme);
}

/** The stages a target needs (itself included), from the dependency lists the server sends. */
export function neededBy(stages: readonly StageInfo[], target: number): Set<number> {
  const needed = new Set<number>();
  const queue = [target];
  while (queue.length > 0) {
    const index = queue.pop() as number;
    if (needed.has(index) || !stages[index]) continue;
    needed.add(index);
    queue.push(...(stages[index]?.dependencies ?? []));
  }
  return needed;
}
