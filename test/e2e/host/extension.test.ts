import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codes, EXTENSION_ID, open, waitFor, workspaceFile } from './helpers';

const MISTAKES = 'Dockerfile.mistakes';

describe('extension in a real VS Code', () => {
  it('activates on a Dockerfile', async () => {
    await open(MISTAKES);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await waitFor('activation', () => extension.isActive || undefined);
  });

  it('publishes diagnostics with rule ids and our source', async () => {
    const uri = workspaceFile(MISTAKES);
    const found = await waitFor('diagnostics', () => (codes(uri).includes('stage-ref-unknown') ? codes(uri) : undefined));
    assert.deepEqual(found.slice().sort(), ['stage-ref-forward', 'stage-ref-self', 'stage-ref-unknown']);
    assert.ok(vscode.languages.getDiagnostics(uri).every((d) => d.source === 'dockerfile-stages'));
  });

  it('completes only earlier stages after COPY --from=', async () => {
    const editor = await open(MISTAKES);
    const line = editor.document.lineAt(7).text;
    const position = new vscode.Position(7, line.indexOf('--from=') + '--from='.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(labels.filter((l) => /^[a-z]/.test(l)), ['builder']);
    assert.ok(!labels.includes('runtime') && !labels.includes('assets'));
  });

  it('goes to the FROM of a stage from a reference', async () => {
    const editor = await open('go-api/Dockerfile');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('--from=builder') + '--from=b'.length);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, at);
    const target = locations[0];
    const range = target && 'targetRange' in target ? target.targetRange : (target as vscode.Location).range;
    assert.equal(editor.document.lineAt(range.start.line).text, 'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS builder');
  });

  it('applies a quick fix through vscode.commands and changes the text', async () => {
    const editor = await open(MISTAKES);
    const uri = editor.document.uri;
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'stage-ref-unknown');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Use 'builder'");
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(7).text, 'COPY --from=builder /out/app /usr/local/bin/app');
    await waitFor('re-lint', () => (codes(uri).includes('stage-ref-unknown') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('provides a build code lens for each FROM, and Build and Run on the target, each showing its command', async () => {
    const editor = await open('go-api/Dockerfile');
    const lenses = await waitFor('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found.length >= 4 ? found : undefined;
    });
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [1, '▶ Build Stage builder'],
        [1, 'Debug'],
        [12, '▶ Build Stage test'],
        [12, 'Debug'],
        [15, '▶ Build Stage runtime'],
        [15, '▶ Build and Run'],
        [15, 'Debug'],
      ],
    );
    assert.deepEqual(lenses[1]?.command?.arguments, [editor.document.uri, 'builder']);
    const folder = vscode.Uri.joinPath(editor.document.uri, '..').fsPath;
    assert.equal(lenses[0]?.command?.tooltip, `true build --target builder -f ${editor.document.uri.fsPath} -t go-api:builder --build-arg 'APP_VERSION=1.0 beta' ${folder}`);
    // The image EXPOSEs 8080: Build and Run publishes it.
    assert.match(lenses.find((lens) => lens.command?.title === '▶ Build and Run')?.command?.tooltip ?? '', /\nthen, when it succeeds:\ntrue run --rm -it -p 8080:8080 go-api:runtime$/);
  });

  it('offers to name an unnamed stage that cannot be built alone, and names it as a rename would', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM golang:1.23\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=0 /app /app\n' });
    const editor = await vscode.window.showTextDocument(document);
    const lenses = await waitFor('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.length >= 2 ? found : undefined;
    });
    assert.deepEqual(lenses.map((lens) => lens.command?.title), ['Name stage 1 (golang:1.23) to build it', '▶ Build Stage stage 2 (alpine:3.20)', '▶ Build and Run']);
    const name = lenses[0]?.command;
    assert.ok(name);
    await vscode.commands.executeCommand(name.command, ...(name.arguments ?? []));
    assert.equal(editor.document.lineAt(0).text, 'FROM golang:1.23 AS stage1');
    // The name is selected, to be typed over.
    assert.equal(editor.document.getText(editor.selection), 'stage1');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('builds a stage as a task with the argv of the settings, never a shell string', async () => {
    const uri = workspaceFile('go-api/Dockerfile');
    const extension = vscode.extensions.getExtension<{ buildArgv(uri: vscode.Uri, target: string | null): Promise<{ command: string; args: string[] }> }>(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.deepEqual(await extension.exports.buildArgv(uri, 'builder'), {
      command: 'true',
      args: ['build', '--target', 'builder', '-f', uri.fsPath, '-t', 'go-api:builder', '--build-arg', 'APP_VERSION=1.0 beta', vscode.Uri.joinPath(uri, '..').fsPath],
    });
    const ended = new Promise<vscode.Task>((resolve) => {
      const subscription = vscode.tasks.onDidEndTask((event) => {
        subscription.dispose();
        resolve(event.execution.task);
      });
    });
    await vscode.commands.executeCommand('dockerfileStages.buildStage', uri, 'builder');
    const task = await ended;
    // Our terminal spawns the argv itself (no shell) and reads a failure into the Problems panel.
    assert.ok(task.execution instanceof vscode.CustomExecution, 'a terminal of ours, not a ShellExecution');
    assert.equal(task.name, 'Build Stage builder (go-api/Dockerfile)');
  });

  it('copies the build command of a Stages view item, and sets it as the build target', async () => {
    const uri = workspaceFile('python-worker/Dockerfile');
    const node = { kind: 'stage', uri, stage: { index: 0, name: 'builder', line: 1, baseImage: 'python:3.12-slim', dependencies: [], role: 'builder', roleReason: '', ships: null, exposes: [] } };
    await vscode.commands.executeCommand('dockerfileStages.copyBuildCommand', node);
    assert.equal(await vscode.env.clipboard.readText(), `true build --target builder -f ${uri.fsPath} -t python-worker:builder --build-arg 'APP_VERSION=1.0 beta' ${vscode.Uri.joinPath(uri, '..').fsPath}`);
    await vscode.commands.executeCommand('dockerfileStages.setTargetFromView', node);
    const editor = await open('python-worker/Dockerfile');
    const lenses = await waitFor('Build and Run on the new target', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found.some((lens) => lens.range.start.line === 1 && lens.command?.title === '▶ Build and Run') ? found : undefined;
    });
    assert.equal(lenses.filter((lens) => lens.command?.title === '▶ Build and Run').length, 1);
  });

  it("lints a file once: git's copy of it (another scheme) gets no problems", async () => {
    const uri = workspaceFile(MISTAKES);
    await waitFor('diagnostics of the file', () => (codes(uri).length > 0 ? true : undefined));
    // What the git extension does for quick diffs: the same text under its own scheme.
    const copy = uri.with({ scheme: 'dfs-git-copy', query: JSON.stringify({ path: uri.fsPath, ref: 'HEAD' }) });
    const provider = vscode.workspace.registerTextDocumentContentProvider('dfs-git-copy', {
      provideTextDocumentContent: async () => (await vscode.workspace.openTextDocument(uri)).getText(),
    });
    try {
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(copy), 'dockerfile');
      assert.equal(document.languageId, 'dockerfile');
      // A document opened after it is linted; the server answers in order, so the copy had its chance.
      const after = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM busybox\n' });
      await waitFor('diagnostics of a later document', () => (codes(after.uri).length > 0 ? true : undefined));
      assert.deepEqual(codes(copy), []);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', copy);
      assert.deepEqual(lenses, [], 'no build lens on a copy');
    } finally {
      provider.dispose();
    }
  });
});
