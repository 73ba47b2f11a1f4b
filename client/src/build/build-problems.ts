import * as path from 'node:path';
import * as vscode from 'vscode';
import { failureMessage, readBuildFailure } from './build-failure';

/**
 * The Problems entry of a failed build, on the line BuildKit names, with its error and the step.
 * It goes when the next build of the file starts, and when the file's text changes.
 */
export class BuildProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dockerfile-stages-build');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
      }),
    );
  }

  started(dockerfile: vscode.Uri): void {
    this.collection.delete(dockerfile);
  }

  /** Reads the build's output; a failure that names no line of the file is left to the terminal. */
  ended(dockerfile: vscode.Uri, code: number, output: string): void {
    if (code === 0) return;
    const failure = readBuildFailure(output, path.basename(dockerfile.fsPath));
    if (!failure) return;
    const range = new vscode.Range(failure.line - 1, 0, failure.endLine - 1, Number.MAX_SAFE_INTEGER);
    const diagnostic = new vscode.Diagnostic(range, failureMessage(failure), vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'docker build';
    this.collection.set(dockerfile, [diagnostic]);
  }

  get(dockerfile: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(dockerfile) ?? [];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
