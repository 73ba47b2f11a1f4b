import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DockerfileStagesApi } from '../../../client/src/extension';
import { EXTENSION_ID, open, waitFor, workspaceFile } from './helpers';

/** A compose file's target field, checked, completed and renamed with its stage in a real VS Code. */
describe('compose targets in a real VS Code', () => {
  it('completes the stage names at build.target, and offers nothing of ours elsewhere in the file', async () => {
    const compose = await open('go-api/compose.yaml');
    const targetLine = compose.document.getText().split('\n').findIndex((line) => line.includes('target:'));
    const at = new vscode.Position(targetLine, compose.document.lineAt(targetLine).text.length);
    const labels = await waitFor('stage names in compose.yaml', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', compose.document.uri, at);
      const ours = list.items.filter((item) => typeof item.detail === 'string' && item.detail.includes(' · '));
      return ours.length > 0 ? ours.map((item) => `${typeof item.label === 'string' ? item.label : item.label.label} (${item.detail})`) : undefined;
    });
    assert.deepEqual(labels.sort(), [
      'builder (golang:1.23-alpine · builder)',
      'runtime (gcr.io/distroless/static-debian12:nonroot · runtime)',
      'test (builder · check)',
    ]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', compose.document.uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.command === 'dockerfileStages.buildFromBuildFile').map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.tooltip]),
      [[1, '▶ Build service api', "true compose build --build-arg 'APP_VERSION=1.0 beta' api"]],
    );
    const api = vscode.extensions.getExtension<DockerfileStagesApi>(EXTENSION_ID)?.exports;
    assert.deepEqual(await api?.buildFileArgv(compose.document.uri, 'api'), { command: 'true', args: ['compose', 'build', '--build-arg', 'APP_VERSION=1.0 beta', 'api'] });
  });

  it('renames a stage in the Dockerfile and in compose.yaml in one edit, and the check follows', async () => {
    const dockerfile = await open('go-api/Dockerfile');
    const line = dockerfile.document.getText().split('\n').findIndex((text) => text.startsWith('FROM gcr.io/distroless'));
    const name = dockerfile.document.lineAt(line).text.indexOf('AS runtime') + 4;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', dockerfile.document.uri, new vscode.Position(line, name + 1), 'release');
    assert.deepEqual(
      edit.entries().map(([uri, edits]) => [vscode.workspace.asRelativePath(uri), edits.map((e) => e.newText)]).sort(),
      [
        ['go-api/Dockerfile', ['release']],
        ['go-api/compose.yaml', ['release']],
      ],
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const compose = await vscode.workspace.openTextDocument(workspaceFile('go-api/compose.yaml'));
    assert.match(compose.getText(), /target: release\n/);
    // A target that names no stage is an error, with the nearest name as a fix.
    const wrong = new vscode.WorkspaceEdit();
    const targetLine = compose.getText().split('\n').findIndex((text) => text.includes('target:'));
    wrong.replace(compose.uri, compose.lineAt(targetLine).range, '      target: relase');
    assert.ok(await vscode.workspace.applyEdit(wrong));
    const problem = await waitFor('the unknown target in compose.yaml', () => vscode.languages.getDiagnostics(compose.uri).find((d) => d.code === 'build-target-unknown'));
    assert.equal(problem.message, "'relase' is no stage of go-api/Dockerfile (its stages: builder, test, release). Did you mean 'release'?");
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', compose.uri, problem.range);
    const fix = actions.find((action) => action.title === "Change the target to 'release'");
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
    await waitFor('the fixed compose.yaml', () => (vscode.languages.getDiagnostics(compose.uri).length === 0 ? true : undefined));
    // Rename back, the same way, and save: the workspace is as it was.
    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', dockerfile.document.uri, new vscode.Position(line, name + 1), 'runtime');
    assert.ok(await vscode.workspace.applyEdit(back));
    assert.ok(await vscode.workspace.saveAll(false));
    assert.match(compose.getText(), /target: runtime\n/);
  });
});
