import * as vscode from 'vscode';
import { describeBytes, describeTime, type InstructionResult } from '../../../common/build-results';
import type { BuildResults } from '../build/build-results-store';

export const SHOW_RESULTS_SETTING = 'showResults';

/** `1.2 s · +45 MB`, `cached`, `⚠ cache broken here: … · 3.4 s`, `✖ failed`. */
export function resultText(result: InstructionResult): string {
  const parts: string[] = [];
  if (result.cacheBroken) parts.push(`⚠ ${result.cacheBroken}`);
  parts.push(result.error !== null ? '✖ failed' : describeTime(result));
  if (result.layerBytes !== null) parts.push(`+${describeBytes(result.layerBytes)}`);
  return parts.join(' · ');
}

/**
 * The last build's results at the end of each instruction's line: its time or `cached`, the layer
 * it added, where the cache broke. A line whose text changed since the build shows nothing.
 * Toggled by `dockerfileStages.build.showResults`.
 */
export class BuildResultsView implements vscode.Disposable {
  private readonly plain = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    isWholeLine: false,
  });
  private readonly broken = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorWarning.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly results: BuildResults) {
    this.subscriptions = [
      results.onDidChange(() => this.render()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (results.get(event.document.uri)) this.render();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`dockerfileStages.build.${SHOW_RESULTS_SETTING}`)) this.render();
      }),
    ];
  }

  render(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const outcome = this.results.get(editor.document.uri);
      const show = vscode.workspace.getConfiguration('dockerfileStages.build', editor.document.uri).get<boolean>(SHOW_RESULTS_SETTING, true);
      const plain: vscode.DecorationOptions[] = [];
      const broken: vscode.DecorationOptions[] = [];
      for (const result of show && outcome ? outcome.results : []) {
        if (result.endLine >= editor.document.lineCount || editor.document.lineAt(result.line).text !== outcome?.lineTexts.get(result.line)) continue;
        const end = editor.document.lineAt(result.endLine).range.end;
        (result.cacheBroken || result.error !== null ? broken : plain).push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: resultText(result) } } });
      }
      editor.setDecorations(this.plain, plain);
      editor.setDecorations(this.broken, broken);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.plain.dispose();
    this.broken.dispose();
  }
}
