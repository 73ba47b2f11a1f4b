import assert from '../support/assert';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from '../support/lsp-client';

/** The editing help over JSON-RPC: completion in every context, hover, signatures, tokens, links, formatting. */
describe('editing help over JSON-RPC', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('leaves to Docker DX the BuildKit checks it reports when the client says it is installed, unless told to report all', async () => {
    const text = 'FROM alpine:3.20 AS base\nMAINTAINER me\nFROM base\nEXPOSE 8080\nCOPY --from=bse /a /a\nCMD ["/a"]\n';
    const codes = async (settings: unknown) => {
      const probe = new LspTestClient();
      try {
        probe.settings = settings;
        await probe.initialize({ workspace: { configuration: true } }, { otherTools: ['dockerDX'] });
        const published = await probe.open(fileUri('/work/dx/Dockerfile'), text);
        return published.diagnostics.map((d) => d.code);
      } finally {
        assert.equal(await probe.stop(), 0);
      }
    };
    assert.deepEqual(await codes({}), ['stage-ref-unknown', 'final-user-root', 'final-no-healthcheck']);
    assert.deepEqual(await codes({ coexistence: 'reportAll' }), ['stage-ref-unknown', 'maintainer-deprecated', 'final-user-root', 'final-no-healthcheck']);
    assert.deepEqual(await codes({ rules: { 'maintainer-deprecated': 'warning' } }), ['stage-ref-unknown', 'maintainer-deprecated', 'final-user-root', 'final-no-healthcheck']);
  });

  it('re-lints when the client reports Docker DX installed later', async () => {
    const laterUri = fileUri('/work/dx-later/Dockerfile');
    const first = await client.open(laterUri, 'FROM alpine:3.20\nMAINTAINER me\nUSER 10001\n');
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['maintainer-deprecated']);
    const next = client.nextDiagnostics(laterUri);
    await client.connection.sendNotification('dockerfileStages/otherTools', { tools: ['dockerDX'] });
    assert.deepEqual((await next).diagnostics, []);
    const back = client.nextDiagnostics(laterUri);
    await client.connection.sendNotification('dockerfileStages/otherTools', { tools: [] });
    assert.deepEqual((await back).diagnostics.map((d) => d.code), ['maintainer-deprecated']);
    await client.close(laterUri);
  });

  it('sends the replace range once per completion list to a client that takes an editRange default', async () => {
    const lean = new LspTestClient();
    try {
      await lean.initialize({ textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } } });
      const leanUri = fileUri('/work/lean/Dockerfile');
      await lean.open(leanUri, 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=bu /app /app\n');
      const list = await lean.request<CompletionList>('textDocument/completion', { textDocument: { uri: leanUri }, position: { line: 2, character: 14 } });
      assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } } });
      assert.deepEqual(list.items.map((i) => [i.label, i.textEdit]), [['build', undefined]]);
      // What differs from the label travels as textEditText: such a client ignores insertText.
      await lean.open(leanUri.replace('Dockerfile', 'Mount.Dockerfile'), 'FROM alpine:3.20\nRUN --mount=ty\n');
      const mount = await lean.request<CompletionList>('textDocument/completion', { textDocument: { uri: leanUri.replace('Dockerfile', 'Mount.Dockerfile') }, position: { line: 1, character: 14 } });
      assert.deepEqual(mount.items.map((i) => [i.label, i.textEditText, i.insertText, i.command?.command]), [['type', 'type=', undefined, 'editor.action.triggerSuggest']]);
    } finally {
      assert.equal(await lean.stop(), 0);
    }
  });

  it('completes instructions with snippet arguments at the start of a line, but not on a typed blank', async () => {
    const instructionsUri = fileUri('/work/instructions/Dockerfile');
    await client.open(instructionsUri, 'FROM golang:1.23 AS build\nFROM alpine:3.20\nWO\n');
    const position = { line: 2, character: 2 };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: instructionsUri }, position });
    const workdir = list.items.find((item) => item.label === 'WORKDIR');
    assert.deepEqual(workdir?.textEdit, { range: { start: { line: 2, character: 0 }, end: position }, newText: 'WORKDIR ${1:/app}' });
    assert.equal(workdir?.insertTextFormat, 2);
    assert.equal(list.items[0]?.label, 'COPY --from=…');
    const onBlank = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: instructionsUri },
      position: { line: 2, character: 0 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    assert.deepEqual(onBlank.items, []);
    await client.close(instructionsUri);
  });

  it('gives semantic tokens for stage names, variables and flags, and links to the registry pages of images', async () => {
    const tokensUri = fileUri('/work/tokens/Dockerfile');
    await client.open(tokensUri, 'FROM golang:1.25 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out /app\n');
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: tokensUri } });
    // [deltaLine, deltaStart, length, type, modifiers]: `build` declared (class + declaration), `--from` (parameter), `build` (class).
    assert.deepEqual(tokens.data, [0, 20, 5, 0, 1, 2, 5, 6, 2, 0, 0, 7, 5, 0, 0]);
    const links = await client.request<{ range: unknown; target: string }[]>('textDocument/documentLink', { textDocument: { uri: tokensUri } });
    assert.deepEqual(links.map((link) => link.target), ['https://hub.docker.com/_/golang', 'https://gcr.io/distroless/static-debian12']);
    await client.close(tokensUri);
  });

  it('formats a document and a range', async () => {
    const formatUri = fileUri('/work/format/Dockerfile');
    await client.open(formatUri, 'from alpine:3.20\nrun   echo a \\\n  b\nrun echo c   \n');
    const edits = await client.request<{ range: unknown; newText: string }[]>('textDocument/formatting', {
      textDocument: { uri: formatUri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepEqual(edits, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, newText: 'FROM ' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, newText: 'RUN ' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, newText: '    ' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, newText: 'RUN ' },
      { range: { start: { line: 3, character: 10 }, end: { line: 3, character: 13 } }, newText: '' },
    ]);
    const ranged = await client.request<unknown[]>('textDocument/rangeFormatting', {
      textDocument: { uri: formatUri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(ranged.length, 2);
    await client.close(formatUri);
  });

  it('completes flags, mount options, variables and directives, explains them on hover, and gives signatures', async () => {
    const helpUri = fileUri('/work/help/Dockerfile');
    const text = ['# ', 'ARG TAG=1.25', 'FROM golang:${TAG} AS build', 'ENV GOFLAGS=-trimpath', 'RUN --mount=type=cache, go build', 'COPY --', 'WORKDIR ${', 'CMD ["./app"]', ''].join('\n');
    await client.open(helpUri, text);
    const labels = async (line: number, character: number) =>
      (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: helpUri }, position: { line, character } })).items.map((i) => i.label);
    assert.deepEqual(await labels(0, 2), ['syntax', 'escape', 'check']);
    assert.deepEqual(await labels(2, 14), ['TAG', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);
    assert.deepEqual(await labels(4, 23), ['target', 'id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro']);
    assert.deepEqual(await labels(5, 7), ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    assert.deepEqual(await labels(6, 10), ['GOFLAGS']);
    const hoverOn = async (line: number, character: number) => {
      const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: helpUri }, position: { line, character } });
      return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : null;
    };
    // The problems on the FROM line follow the variable's card.
    assert.match((await hoverOn(2, 15)) ?? '', /^\*\*`TAG`\*\* = `1\.25` — global ARG, line 2\n\n---\n\n\*\*image-heavy-runtime\*\*/);
    assert.match((await hoverOn(4, 18)) ?? '', /^\*\*type=cache\*\* — A cache directory kept between builds/);
    const signature = await client.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', {
      textDocument: { uri: helpUri },
      position: { line: 2, character: 5 },
    });
    assert.equal(signature.signatures[0]?.label, 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]');
    assert.equal(signature.activeParameter, 1);
    await client.close(helpUri);
  });
});
