import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codes, open, waitFor, workspaceFile } from './helpers';

describe('untrusted workspace', () => {
  it('still lints, but offers no build lens and refuses to build', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const editor = await open('go-api/Dockerfile');
    const mistakes = workspaceFile('Dockerfile.mistakes');
    await vscode.workspace.openTextDocument(mistakes);
    await waitFor('diagnostics in restricted mode', () => (codes(mistakes).includes('stage-ref-unknown') ? true : undefined));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.deepEqual(lenses.filter((lens) => lens.command?.command.startsWith('dockerfileStages')), []);
    const compose = await open('go-api/compose.yaml');
    const composeLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', compose.document.uri);
    assert.deepEqual(composeLenses.filter((lens) => lens.command?.command.startsWith('dockerfileStages')), []);
    let started = false;
    const subscription = vscode.tasks.onDidStartTask(() => (started = true));
    await vscode.commands.executeCommand('dockerfileStages.buildStage', editor.document.uri, 'builder');
    subscription.dispose();
    assert.equal(started, false);
  });
});
