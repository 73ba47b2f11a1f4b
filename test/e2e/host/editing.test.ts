import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

/** An untitled Dockerfile with this text, shown in an editor. */
async function scratch(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

const TEXT = ['ARG TAG=1.25', 'from   golang:${TAG} as build', 'run go build \\', '  -o /out/app .', 'FROM alpine:3.20', 'COPY --from=build /out/app /app', ''].join('\n');

describe('editing help in a real VS Code', () => {
  it('formats the document through the editor command', async () => {
    const document = await scratch(TEXT);
    const edits = await waitFor('format edits', async () => {
      const found = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
      return found && found.length > 0 ? found : undefined;
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), ['ARG TAG=1.25', 'FROM golang:${TAG} AS build', 'RUN go build \\', '    -o /out/app .', 'FROM alpine:3.20', 'COPY --from=build /out/app /app', ''].join('\n'));
  });

  it('completes instructions at the start of a line and flags after --', async () => {
    const document = await scratch(`${TEXT}WO`);
    const instructions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(6, 2));
    const labels = instructions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('WORKDIR') && labels.includes('COPY --from=…'), labels.join(', '));
    const flagDocument = await scratch(`${TEXT}COPY --`);
    const flags = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', flagDocument.uri, new vscode.Position(6, 7));
    assert.ok(flags.items.some((item) => item.label === '--chown'));
  });

  it('completes a mount option with its = and asks for its values, with no unrelated snippet in the list', async () => {
    const document = await scratch(`${TEXT}RUN --mount=`);
    const options = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(6, 12));
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    const type = options.items.find((item) => label(item) === 'type');
    assert.ok(type, options.items.map(label).join(', '));
    const inserted = typeof type.insertText === 'string' ? type.insertText : (type.insertText?.value ?? label(type));
    assert.equal(inserted, 'type=');
    assert.equal(type.command?.command, 'editor.action.triggerSuggest');
    assert.deepEqual(options.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(label), [], 'no snippet where a mount option goes');
  });

  it('explains an instruction and a variable on hover, and shows the signature of COPY', async () => {
    const document = await scratch(TEXT);
    const [keyword] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 1));
    assert.match(String((keyword?.contents[0] as vscode.MarkdownString).value), /\*\*COPY\*\* — Copies files/);
    const [variable] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 17));
    assert.match(String((variable?.contents[0] as vscode.MarkdownString).value), /`TAG`\*\* = `1\.25`/);
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', document.uri, new vscode.Position(5, 5));
    assert.match(help.signatures[0]?.label ?? '', /^COPY \[--from=<stage>\]/);
  });

  it('gives semantic tokens for stage names and links base images to their registry pages', async () => {
    const document = await scratch(TEXT);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.deepEqual(legend.tokenTypes, ['class', 'variable', 'parameter']);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(tokens.data.length >= 5 * 4, `${tokens.data.length / 5} tokens`);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.deepEqual(links.map((link) => link.target?.toString()).filter(Boolean), ['https://hub.docker.com/_/alpine']);
  });
});
