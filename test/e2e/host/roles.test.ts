import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, waitFor } from './helpers';

/** The markdown of the hovers at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('stage roles in a real VS Code', () => {
  it('says on hover over FROM what the stage is for, and why it ships', async () => {
    const editor = await open('go-api/Dockerfile');
    const lineOf = (prefix: string) => editor.document.getText().split('\n').findIndex((line) => line.startsWith(prefix));
    const runtime = await waitFor('role on hover', async () => {
      const text = await hoverText(editor.document.uri, new vscode.Position(lineOf('FROM gcr.io/distroless'), 1));
      return text.includes('Ships') ? text : undefined;
    });
    assert.match(runtime, /\*\*Ships\*\* as a runtime image: go-api\/compose\.yaml:5, service api ships it\./);
    const test = await hoverText(editor.document.uri, new vscode.Position(lineOf('FROM builder AS test'), 1));
    assert.match(test, /\*\*Role:\*\* check \(named 'test'\)\./);
  });
});
