import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_PROJECT_CONFIG_REQUEST, type CheckProjectConfigParams, type CheckProjectConfigResult } from '../../common/protocol';
import { PROJECT_CONFIG_FILE } from '../../common/settings';
import { isDockerfile } from './stages-source';

const PAUSE_MS = 300;

function isProjectConfig(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && path.basename(document.uri.fsPath) === PROJECT_CONFIG_FILE;
}

/**
 * Problems in an open `.dockerfile-stages.json` that its JSON schema cannot see: a `target` that
 * names no stage of the Dockerfiles it applies to. The server reads those Dockerfiles; the JSON
 * editing itself stays with VS Code's JSON support and the schema.
 */
export class ProjectConfigProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dockerfile-stages-config');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
      // Renaming a stage and saving may make the configured target right or wrong.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isDockerfile(document)) for (const open of vscode.workspace.textDocuments) this.schedule(open);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isProjectConfig(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, PAUSE_MS),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const params: CheckProjectConfigParams = { uri: document.uri.toString(), text: document.getText() };
    try {
      const result = await this.client.sendRequest<CheckProjectConfigResult>(CHECK_PROJECT_CONFIG_REQUEST, params);
      this.collection.set(
        document.uri,
        result.problems.map((problem) => {
          const range = new vscode.Range(problem.range.start.line, problem.range.start.character, problem.range.end.line, problem.range.end.character);
          const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
          diagnostic.source = 'dockerfile-stages';
          return diagnostic;
        }),
      );
    } catch {
      // The server logs its own failures; a stale result is better than none.
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
