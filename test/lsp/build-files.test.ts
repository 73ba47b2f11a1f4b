import assert from '../support/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Hover, Location, PublishDiagnosticsParams, Registration, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from '../support/lsp-client';

const DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -o /out/app ./cmd/app',
  '',
  'FROM gcr.io/distroless/static-debian12 AS runtime',
  'COPY --from=build /out/app /app',
  'USER nonroot',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

const COMPOSE = ['services:', '  api:', '    build:', '      context: .', '      target: runtime', '  tools:', '    build:', '      context: .', '      target: buidl', ''].join('\n');

const BAKE = [
  'target "_common" {',
  '  dockerfile = "Dockerfile"',
  '}',
  '',
  'target "app" {',
  '  inherits = ["_common"]',
  '  target = "runtime"',
  '}',
  '',
  'target "compiler" {',
  '  target = "build"',
  '}',
  '',
].join('\n');

const MAKEFILE = ['image:', '\tdocker build --target build -t app-build .', ''].join('\n');

const textOf = (hover: Hover | null): string => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');
const simple = (d: PublishDiagnosticsParams['diagnostics'][number]) => ({ code: d.code, severity: d.severity, line: d.range.start.line, from: d.range.start.character, to: d.range.end.character, message: d.message });

describe('build files (compose, Bake, workflows, dev containers), over JSON-RPC', () => {
  let folder: string;
  let client: LspTestClient;
  let dockerfileUri: string;
  let composeUri: string;
  let bakeUri: string;
  const registrations: Registration[] = [];
  const openBuildFile = (uri: string, text: string, languageId: string): Promise<PublishDiagnosticsParams> => {
    const next = client.nextDiagnostics(uri);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return next;
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-build-files-'));
    mkdirSync(path.join(folder, '.git'));
    writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    writeFileSync(path.join(folder, 'compose.yaml'), COMPOSE);
    writeFileSync(path.join(folder, 'docker-bake.hcl'), BAKE);
    writeFileSync(path.join(folder, 'Makefile'), MAKEFILE);
    client = new LspTestClient();
    client.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      registrations.push(...params.registrations);
      return null;
    });
    const dynamic = { dynamicRegistration: true };
    await client.initialize({ textDocument: { synchronization: dynamic, completion: dynamic, hover: dynamic, definition: dynamic, codeAction: dynamic } }, undefined, fileUri(folder));
    dockerfileUri = fileUri(path.join(folder, 'Dockerfile'));
    composeUri = fileUri(path.join(folder, 'compose.yaml'));
    bakeUri = fileUri(path.join(folder, 'docker-bake.hcl'));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  it('asks the client to sync build files for a few features only', async () => {
    for (let i = 0; i < 50 && registrations.length < 7; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(registrations.map((r) => r.method).sort(), [
      'textDocument/codeAction',
      'textDocument/completion',
      'textDocument/definition',
      'textDocument/didChange',
      'textDocument/didClose',
      'textDocument/didOpen',
      'textDocument/hover',
    ]);
    const selector = (registrations[0]?.registerOptions as { documentSelector: { pattern: string }[] }).documentSelector.map((s) => s.pattern);
    assert.ok(selector.includes('**/{compose,docker-compose}.{yml,yaml}') && selector.includes('**/docker-bake.{hcl,json}') && selector.includes('**/.github/workflows/*.{yml,yaml}'));
  });

  it('checks compose targets against the Dockerfile and offers the nearest stage', async () => {
    const published = await openBuildFile(composeUri, COMPOSE, 'dockercompose');
    assert.deepEqual(published.diagnostics.map(simple), [
      { code: 'build-target-unknown', severity: 1, line: 8, from: 14, to: 19, message: "'buidl' is no stage of Dockerfile (its stages: build, runtime). Did you mean 'build'?" },
    ]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: composeUri },
      range: published.diagnostics[0]?.range,
      context: { diagnostics: published.diagnostics },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[composeUri]?.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])]),
      [["Change the target to 'build'", [[8, 14, 19, 'build']]]],
    );
  });

  it('completes, goes to and describes the stage a compose target names', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 4, character: 16 } });
    assert.deepEqual(
      list.items.map((item) => [item.label, item.detail, item.textEdit && 'range' in item.textEdit ? [item.textEdit.range.start.character, item.textEdit.range.end.character] : null]),
      [
        ['build', 'golang:1.22 · builder', [14, 21]],
        ['runtime', 'gcr.io/distroless/static-debian12 · runtime', [14, 21]],
      ],
    );
    // Nothing is offered away from the target field: YAML completion stays the YAML extension's.
    const elsewhere = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 3, character: 16 } });
    assert.deepEqual(elsewhere.items, []);

    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: composeUri }, position: { line: 4, character: 16 } });
    assert.deepEqual(definition, [{ uri: dockerfileUri, range: { start: { line: 5, character: 42 }, end: { line: 5, character: 49 } } }]);

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: composeUri }, position: { line: 4, character: 16 } });
    assert.equal(
      textOf(hover),
      [
        '**Stage `runtime`** of `Dockerfile`, line 6:',
        '```dockerfile\nFROM gcr.io/distroless/static-debian12 AS runtime\n```',
        '**Ships** as a runtime image: compose.yaml:5, service api ships it.',
        'Uses: `build`.',
      ].join('\n\n'),
    );
  });

  it('completes a target being typed after its colon', async () => {
    const typing = COMPOSE.replace('target: buidl', 'target:');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: composeUri, version: 2 }, contentChanges: [{ text: typing }] });
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 8, character: 13 } });
    assert.deepEqual(list.items.map((item) => (item.textEdit ? item.textEdit.newText : item.label)), [' build', ' runtime']);
    // With the blank typed, the name goes after it.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: composeUri, version: 3 }, contentChanges: [{ text: COMPOSE.replace('target: buidl', 'target: ') }] });
    const afterBlank = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 8, character: 14 } });
    assert.deepEqual(afterBlank.items.map((item) => (item.textEdit && 'range' in item.textEdit ? [item.textEdit.newText, item.textEdit.range.start.character] : null)), [['build', 14], ['runtime', 14]]);
    const fixed = client.nextDiagnostics(composeUri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: composeUri, version: 4 }, contentChanges: [{ text: COMPOSE }] });
    assert.equal((await fixed).diagnostics.length, 1);
  });

  it('checks a Bake target inherited from another block, and a Dockerfile that is not there', async () => {
    const published = await openBuildFile(bakeUri, BAKE.replace('target = "build"', 'target = "biuld"').replace('target "compiler" {', 'target "compiler" {\n  dockerfile = "build/Dockerfile"'), 'hcl');
    assert.deepEqual(published.diagnostics.map(simple), [
      { code: 'build-dockerfile-missing', severity: 2, line: 10, from: 16, to: 32, message: 'No Dockerfile at `build/Dockerfile`: target compiler cannot be built.' },
    ]);
    const fine = client.nextDiagnostics(bakeUri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: bakeUri, version: 2 }, contentChanges: [{ text: BAKE }] });
    assert.deepEqual((await fine).diagnostics, []);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: bakeUri }, position: { line: 10, character: 14 } });
    assert.deepEqual(definition, [{ uri: dockerfileUri, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 25 } } }]);
  });

  it('renames a stage in the Dockerfile and in every build file that names it, in one edit', async () => {
    await client.open(dockerfileUri, DOCKERFILE);
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: dockerfileUri },
      position: { line: 0, character: 20 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      references.map((r) => [path.basename(new URL(r.uri).pathname), r.range.start.line, r.range.start.character]).sort(),
      [['Dockerfile', 0, 20], ['Dockerfile', 6, 12], ['Makefile', 1, 23], ['docker-bake.hcl', 10, 12]],
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: dockerfileUri }, position: { line: 0, character: 20 }, newName: 'compile' });
    const summary = Object.entries(edit.changes ?? {})
      .map(([uri, edits]) => [path.basename(new URL(uri).pathname), edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`).join(' ')])
      .sort();
    assert.deepEqual(summary, [
      ['Dockerfile', '0:20-25=compile 6:12-17=compile'],
      ['Makefile', '1:23-28=compile'],
      ['docker-bake.hcl', '10:12-17=compile'],
    ]);
  });

  it('refuses a rename a workflow target with variables could break, and says where', async () => {
    const workflows = path.join(folder, '.github', 'workflows');
    mkdirSync(workflows, { recursive: true });
    writeFileSync(
      path.join(workflows, 'release.yml'),
      ['on: push', 'jobs:', '  image:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: docker/build-push-action@v6', '        with:', '          target: ${{ matrix.stage }}', ''].join('\n'),
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(workflows, 'release.yml')), type: 1 }] });
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: dockerfileUri }, position: { line: 0, character: 20 } }),
      /\.github\/workflows\/release\.yml line 8 \(step docker\/build-push-action\) names its target with variables, so a rename cannot tell whether it means 'build'/,
    );
    rmSync(path.join(folder, '.github'), { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(workflows, 'release.yml')), type: 3 }] });
  });

  it('serves a dev container and a workflow the same way', async () => {
    const devcontainer = path.join(folder, '.devcontainer', 'devcontainer.json');
    mkdirSync(path.dirname(devcontainer));
    const text = '{\n  "build": { "dockerfile": "../Dockerfile", "target": "runtim" }\n}\n';
    writeFileSync(devcontainer, text);
    const published = await openBuildFile(fileUri(devcontainer), text, 'jsonc');
    assert.deepEqual(published.diagnostics.map(simple), [
      { code: 'build-target-unknown', severity: 1, line: 1, from: 55, to: 61, message: "'runtim' is no stage of Dockerfile (its stages: build, runtime). Did you mean 'runtime'?" },
    ]);
    const workflow = path.join(folder, '.github', 'workflows', 'image.yml');
    mkdirSync(path.dirname(workflow), { recursive: true });
    const steps = ['jobs:', '  image:', '    steps:', '      - uses: docker/build-push-action@v6', '        with:', '          target: build', ''].join('\n');
    writeFileSync(workflow, steps);
    await openBuildFile(fileUri(workflow), steps, 'yaml');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: fileUri(workflow) }, position: { line: 5, character: 18 } });
    assert.deepEqual(list.items.map((item) => item.label).sort(), ['build', 'runtime']);
    rmSync(path.join(folder, '.github'), { recursive: true, force: true });
    rmSync(path.dirname(devcontainer), { recursive: true, force: true });
  });

  it('lists what a compose or Bake file can build, for the build lenses', async () => {
    assert.deepEqual(await client.request('dockerfileStages/buildSites', { uri: composeUri }), {
      sites: [
        { kind: 'compose-service', name: 'api', line: 1 },
        { kind: 'compose-service', name: 'tools', line: 5 },
      ],
      defaultFile: true,
      baseFile: null,
    });
    assert.deepEqual(await client.request('dockerfileStages/buildSites', { uri: bakeUri }), {
      sites: [
        { kind: 'bake-target', name: 'app', line: 4 },
        { kind: 'bake-target', name: 'compiler', line: 9 },
      ],
      defaultFile: true,
      baseFile: null,
    });
  });

  it('keeps serving when a build file is broken, and never lints it as a Dockerfile', async () => {
    const broken = 'services:\n  api:\n    build: [\n      target: "run\n';
    const published = client.nextDiagnostics(composeUri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: composeUri, version: 5 }, contentChanges: [{ text: broken }] });
    assert.deepEqual((await published).diagnostics, []);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: composeUri }, position: { line: 3, character: 17 } });
    assert.deepEqual(list.items, []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: composeUri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: composeUri } });
    assert.deepEqual(tokens.data, []);
    assert.equal(client.logs.filter((line) => line.startsWith(`${composeUri}: not read for build targets`)).length, 1, 'one log line for the broken file');
  });
});
