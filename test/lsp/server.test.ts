import assert from '../support/assert';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { after as afterText, rangeOf } from '../support/fixtures';
import { applyEdits } from '../../server/src/engine/text-edits';
import { fileUri, LspTestClient } from '../support/lsp-client';

const MISTAKES = 'examples/Dockerfile.mistakes';
const mistakes = readFileSync(MISTAKES, 'utf8');
const uri = fileUri(MISTAKES);

describe('language server over JSON-RPC', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0);
  });

  it('announces incremental sync and the stage features', async () => {
    const probe = new LspTestClient();
    try {
      const { capabilities, serverInfo } = await probe.initialize();
      assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['=', ',', ' ', '$', '{']);
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
      assert.deepEqual(capabilities.semanticTokensProvider?.legend, { tokenTypes: ['class', 'variable', 'parameter'], tokenModifiers: ['declaration', 'readonly'] });
      for (const key of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'foldingRangeProvider', 'hoverProvider'] as const) {
        assert.equal(capabilities[key], true, key);
      }
      assert.equal(serverInfo?.name, 'dockerfile-stages');
    } finally {
      assert.equal(await probe.stop(), 0);
    }
  });

  it('publishes diagnostics with rule id, source, range, message and a link to the rule page', async () => {
    const published = await client.open(uri, mistakes);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((d: Diagnostic) => [d.code, d.range.start.line]),
      [['stage-ref-unknown', 7], ['stage-ref-forward', 8], ['stage-ref-self', 9]],
    );
    const simplified = published.diagnostics.slice(0, 3).map((d: Diagnostic) => [d.code, d.severity, d.range, d.message]);
    assert.deepEqual(simplified, [
      ['stage-ref-unknown', 1, rangeOf(mistakes, 'buidler'), "'buidler' is not a stage. Did you mean 'builder'?"],
      ['stage-ref-forward', 1, rangeOf(mistakes, 'assets', 0), "Stage 'assets' is defined later (line 13); a stage can only use stages defined before it."],
      ['stage-ref-self', 1, rangeOf(mistakes, 'runtime', 1), "Stage 'runtime' cannot copy from itself."],
    ]);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'dockerfile-stages');
      const href = diagnostic.codeDescription?.href ?? '';
      assert.ok(href.endsWith(`/docs/rules/${diagnostic.code}.md`), href);
      assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
    }
  });

  it('re-publishes after an incremental edit that fixes the typo', async () => {
    const range = rangeOf(mistakes, 'buidler');
    const published = await client.change(uri, 2, [{ range, text: 'builder' }]);
    assert.equal(published.version, 2);
    // With the builder found, the runtime (an image of its own: nothing builds on it, it has a
    // command) runs a binary built against glibc on musl.
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['stage-ref-forward', 'stage-ref-self', 'musl-glibc-mismatch']);
  });

  it('completes earlier stage names after COPY --from=, with the FROM line on resolve', async () => {
    const insertAt = afterText(mistakes, 'CMD ["app"]');
    await client.change(uri, 3, [{ range: { start: insertAt, end: insertAt }, text: '\nCOPY --from=' }]);
    const position = { line: insertAt.line + 1, character: 12 };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const replace = { start: position, end: position };
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, i.textEdit]),
      [['builder', 'golang:1.23', { range: replace, newText: 'builder' }]],
    );
    const resolved = await client.request<CompletionItem>('completionItem/resolve', list.items[0]);
    assert.deepEqual(resolved.documentation, { kind: 'markdown', value: '```dockerfile\nFROM golang:1.23 AS builder\n```' });
    await client.change(uri, 4, [{ range: { start: insertAt, end: { line: insertAt.line + 1, character: 12 } }, text: '' }]);
  });

  it('goes to definition and finds references of a stage', async () => {
    const fixed = mistakes.replace('buidler', 'builder');
    const definition = await client.request<Location>('textDocument/definition', {
      textDocument: { uri },
      position: afterText(fixed, '--from=bu'),
    });
    assert.deepEqual(definition, { uri, range: rangeOf(fixed, 'builder', 0) });
    const withDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: afterText(fixed, 'AS bu'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(withDeclaration.map((l) => l.range), [rangeOf(fixed, 'builder', 0), rangeOf(fixed, 'builder', 1)]);
    const without = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: afterText(fixed, 'AS bu'),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(without.map((l) => l.range), [rangeOf(fixed, 'builder', 1)]);
    const highlights = await client.request<{ kind: number }[]>('textDocument/documentHighlight', {
      textDocument: { uri },
      position: afterText(fixed, '--from=bu'),
    });
    assert.deepEqual(highlights.map((h) => h.kind), [3, 2]);
  });

  it('renames a stage and its references, and refuses a bad name with a clear error', async () => {
    const fixed = mistakes.replace('buidler', 'builder');
    const position = afterText(fixed, 'AS bu');
    const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.deepEqual(prepared, { range: rangeOf(fixed, 'builder', 0), placeholder: 'builder' });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'compile' });
    assert.deepEqual(edit.changes?.[uri], [
      { range: rangeOf(fixed, 'builder', 0), newText: 'compile' },
      { range: rangeOf(fixed, 'builder', 1), newText: 'compile' },
    ]);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'assets' }),
      { message: "A stage named 'assets' already exists (line 13)." },
    );
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri }, position: afterText(fixed, 'FROM gol') }), {
      message: "'golang:1.23' is an image, not a stage; only stage names can be renamed.",
    });
  });

  it('outlines stages, folds them and shows hover cards', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.children?.length]), [
      ['builder', 'golang:1.23', 3],
      ['runtime', 'alpine:3.20', 4],
      ['assets', 'nginx:1.27-alpine', 1],
    ]);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[1, 4], [6, 10], [12, 13]]);
    const fixed = mistakes.replace('buidler', 'builder');
    const card = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: afterText(fixed, '--from=bu') });
    assert.match(JSON.stringify(card.contents), /Stage `builder`.*FROM golang:1.23 AS builder.*Used by: `runtime` \(line 8, COPY --from\)/);
  });

  it('answers requests for unknown documents and out-of-range positions without failing', async () => {
    const other = fileUri('no/such/Dockerfile');
    const empty = { isIncomplete: false, items: [] };
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: other }, position: { line: 0, character: 0 } }), empty);
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: other }, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 9999, character: 3 } }), empty);
  });

  it('clears diagnostics when the document closes', async () => {
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('settings', () => {
  it('applies per-rule severities and re-lints open documents when they change', async () => {
    const client = new LspTestClient();
    try {
      const quiet = { 'stage-unused': 'off', 'final-user-root': 'off' };
      client.settings = { rules: { ...quiet, 'stage-ref-self': 'off', 'stage-ref-forward': 'warning' } };
      await client.initialize({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
      const first = await client.open(uri, mistakes);
      assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['stage-ref-unknown', 1], ['stage-ref-forward', 2]]);
      client.settings = { rules: { ...quiet, 'stage-ref-unknown': 'hint', bogus: 'loud' } };
      const next = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual((await next).diagnostics.map((d) => [d.code, d.severity]), [['stage-ref-unknown', 4], ['stage-ref-forward', 1], ['stage-ref-self', 1]]);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('a file closed and opened again', () => {
  it('gets the same diagnostics, and those of the settings in force when it comes back', async () => {
    const client = new LspTestClient();
    try {
      client.settings = { rules: { 'stage-unused': 'off' } };
      await client.initialize({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
      const codes = (published: { diagnostics: { code?: unknown; severity?: unknown }[] }) => published.diagnostics.map((d) => [d.code, d.severity]);
      const first = codes(await client.open(uri, mistakes));
      assert.ok(first.some(([code]) => code === 'stage-ref-unknown') && first.some(([code]) => code === 'stage-ref-self'));
      await client.close(uri);
      assert.deepEqual(codes(await client.open(uri, mistakes, 2)), first);
      // Its settings were kept: asked for once, when it was first opened.
      assert.deepEqual(client.settingsAskedFor, [uri]);
      await client.close(uri);
      client.settings = { rules: { 'stage-unused': 'off', 'stage-ref-unknown': 'hint', 'stage-ref-self': 'off' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const again = codes(await client.open(uri, mistakes, 3));
      assert.deepEqual(client.settingsAskedFor, [uri, uri]);
      assert.deepEqual(again, first.filter(([code]) => code !== 'stage-ref-self').map(([code, severity]) => [code, code === 'stage-ref-unknown' ? 4 : severity]));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('a document edited while its settings are asked for', () => {
  it('gets the diagnostics of its latest text only', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize({ workspace: { configuration: true } });
      const edited = fileUri('/work/edited-at-once/Dockerfile');
      const published = client.nextDiagnostics(edited);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: edited, languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.20\nCOPY --from=bulid /a /a\n' } });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: edited, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } }, text: 'builder' }],
      });
      const first = await published;
      assert.equal(first.version, 2);
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'stage-ref-unknown').map((d) => String(d.message).match(/'[^']+'/)?.[0]), ["'builder'"]);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('server lifetime', () => {
  it('exits by itself when the client goes away without a shutdown', async () => {
    const client = new LspTestClient();
    await client.initialize();
    client.process.stdin.end();
    // LSP: an exit without a shutdown request ends with code 1.
    assert.equal(await client.exit, 1);
  });
});

describe('project configuration file', () => {
  it('applies .dockerfile-stages.json next to the Dockerfile, and re-lints when it changes', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-config-'));
    const client = new LspTestClient();
    try {
      const text = 'FROM alpine:3.20 AS runtime\nEXPOSE 8080\nCMD ["sh"]\nFROM runtime AS debug\n';
      writeFileSync(path.join(folder, '.dockerfile-stages.json'), JSON.stringify({ target: 'runtime', rules: { 'final-user-root': 'error' } }));
      await client.initialize();
      const docUri = fileUri(path.join(folder, 'Dockerfile'));
      const first = await client.open(docUri, text);
      assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['final-user-root', 1, 0], ['final-no-healthcheck', 4, 1]]);
      writeFileSync(path.join(folder, '.dockerfile-stages.json'), JSON.stringify({ rules: { 'final-user-root': 'off', 'final-no-healthcheck': 'off' } }));
      const next = client.nextDiagnostics(docUri);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(folder, '.dockerfile-stages.json')), type: 2 }] });
      assert.deepEqual((await next).diagnostics, []);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('hover on a diagnostic', () => {
  it('shows the rule summary next to what the cursor is on', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      await client.open(uri, mistakes);
      const card = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: afterText(mistakes, '--from=bui') });
      assert.match(JSON.stringify(card.contents), /\*\*stage-ref-unknown\*\* \(error\): A stage reference names no stage: a typo of one, or a bare name no image has\. \[Rule page\]\(file:.*docs\/rules\/stage-ref-unknown\.md\)/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('code actions over JSON-RPC', () => {
  it('offers the preferred fix attached to its diagnostic, and source.fixAll', async () => {
    const client = new LspTestClient();
    try {
      const caps = await client.initialize();
      assert.deepEqual(caps.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.dockerfileStages', 'refactor.rewrite'], resolveProvider: true });
      const published = await client.open(uri, mistakes);
      const diagnostic = published.diagnostics.find((d) => d.code === 'stage-ref-unknown');
      const actions = await client.request<{ title: string; isPreferred?: boolean; diagnostics?: Diagnostic[]; edit?: WorkspaceEdit }[]>(
        'textDocument/codeAction',
        { textDocument: { uri }, range: diagnostic?.range, context: { diagnostics: [diagnostic] } },
      );
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]).slice(0, 2), [
        ["Use 'builder'", true],
        ['Ignore stage-ref-unknown on this line', false],
      ]);
      assert.deepEqual(actions[0]?.edit?.changes?.[uri], [{ range: rangeOf(mistakes, 'buidler'), newText: 'builder' }]);
      assert.equal(actions[0]?.diagnostics?.[0]?.code, 'stage-ref-unknown');
      const fixAll = await client.request<{ kind: string }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.dockerfileStages']);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('fixes all in one go: what a first pass left fixable (apt fixes after chaining the RUNs) goes too', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize({ workspace: { configuration: true } });
      const aptUri = 'untitled:fix-all/Dockerfile';
      const text = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\nUSER 1000\nCMD ["curl"]\n';
      await client.open(aptUri, text);
      const [fixAll] = await client.request<{ edit?: WorkspaceEdit }[]>('textDocument/codeAction', {
        textDocument: { uri: aptUri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const edits = fixAll?.edit?.changes?.[aptUri] ?? [];
      assert.equal(edits.length, 1, 'one edit for the whole settled text');
      const fixed = applyEdits(text, edits);
      assert.equal(fixed, 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nUSER 1000\nCMD ["curl"]\n');
      const after = await client.change(aptUri, 2, [{ text: fixed }]);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity !== 4).map((d) => d.code), []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('stages and build target over JSON-RPC', () => {
  it('lists the stages with their dependencies, and a chosen target re-lints the final-stage rules', async () => {
    /** One-line instructions, for the build results to be put on. */
    const at = (...lines: [number, string][]) => lines.map(([line, keyword]) => ({ line, endLine: line, keyword }));
    const client = new LspTestClient();
    try {
      await client.initialize();
      const stagesUri = 'untitled:target/Dockerfile';
      const text = 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app .\nFROM alpine:3.20 AS runtime\nCOPY --from=build /app /app\nUSER 65532\nFROM runtime AS debug\n';
      const first = await client.open(stagesUri, text);
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'final-user-root'), []);
      const result = await client.request('dockerfileStages/stages', { uri: stagesUri });
      assert.deepEqual(result, {
        stages: [
          { index: 0, name: 'build', line: 0, baseImage: 'golang:1.23', dependencies: [], uses: [], exposes: [], role: 'builder', roleReason: 'later stages copy from it', ships: null, deployed: false, instructions: at([0, 'FROM'], [1, 'USER'], [2, 'RUN']) },
          { index: 1, name: 'runtime', line: 3, baseImage: 'alpine:3.20', dependencies: [0], uses: [{ stage: 0, how: 'COPY --from' }], exposes: [], role: 'base', roleReason: 'later stages are built FROM it', ships: null, deployed: false, instructions: at([3, 'FROM'], [4, 'COPY'], [5, 'USER']) },
          { index: 2, name: 'debug', line: 6, baseImage: 'runtime', dependencies: [1], uses: [{ stage: 1, how: 'FROM' }], exposes: [], role: 'dev', roleReason: "named 'debug'", ships: null, deployed: false, instructions: at([6, 'FROM']) },
        ],
        defaultTarget: 2,
        workspaceTargets: [],
      });
      const next = client.nextDiagnostics(stagesUri);
      await client.connection.sendNotification('dockerfileStages/setTarget', { uri: stagesUri, target: 'build' });
      assert.deepEqual((await next).diagnostics.filter((d) => d.code === 'final-user-root').map((d) => d.range.start.line), [1]);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
