import * as vscode from 'vscode';

/**
 * Names an unnamed stage so that it can be built alone (`docker build --target` takes names): adds
 * ` AS <name>` to its FROM line, the name selected for the user to type over, as a rename would.
 */
export async function nameStage(uri: vscode.Uri, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const text = editor.document.lineAt(line).text;
  // Before a line continuation, else at the end of the line (a # inside a line is no comment).
  const end = text.replace(/\s+$/, '').replace(/\s*[\\`]$/, '').length;
  const upper = /^\s*FROM\b/.test(text);
  await editor.insertSnippet(new vscode.SnippetString(` ${upper ? 'AS' : 'as'} \${1:stage${line + 1}}`), new vscode.Position(line, end));
}
