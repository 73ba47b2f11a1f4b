import assert from '../support/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from '../support/lsp-client';

const DOCKERFILE = [
  'FROM node:20-alpine AS web',
  'WORKDIR /app',
  'COPY . .',
  'EXPOSE 3000',
  'CMD ["node", "server.js"]',
  '',
  'FROM node:20-alpine AS cli',
  'WORKDIR /app',
  'COPY . .',
  'ENTRYPOINT ["node", "cli.js"]',
  '',
].join('\n');

const composeFor = (target: string) => `services:\n  app:\n    build:\n      context: .\n      target: ${target}\n`;

describe('build targets from the workspace, over JSON-RPC', () => {
  let folder: string;
  let client: LspTestClient;
  let uri: string;
  const rootFinding = (codes: { code?: unknown; range: { start: { line: number } } }[]) =>
    codes.filter((d) => d.code === 'final-user-root').map((d) => d.range.start.line);
  const composeChanged = async (text: string | null) => {
    const compose = path.join(folder, 'compose.yaml');
    if (text === null) rmSync(compose, { force: true });
    else writeFileSync(compose, text);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(compose), type: text === null ? 3 : 2 }] });
    return next;
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-targets-'));
    mkdirSync(path.join(folder, '.git'));
    writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    client = new LspTestClient();
    await client.initialize({}, undefined, fileUri(folder));
    uri = fileUri(path.join(folder, 'Dockerfile'));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  it('re-lints when compose.yaml changes which stage ships, and hover on FROM says why', async () => {
    // Without a build file both images are built; the CLI runs once and exits, so root there is
    // not flagged, and the web server is.
    const first = await client.open(uri, DOCKERFILE);
    assert.deepEqual(rootFinding(first.diagnostics), [0]);
    assert.match(first.diagnostics.find((d) => d.code === 'final-user-root')?.message.toString() ?? '', /It ships because no other stage builds on it and it has a command of its own\.$/);

    const shipsWeb = await composeChanged(composeFor('web'));
    assert.deepEqual(rootFinding(shipsWeb.diagnostics), [0]);
    assert.match(shipsWeb.diagnostics.find((d) => d.code === 'final-user-root')?.message.toString() ?? '', /It ships because compose\.yaml:5, service app ships it\.$/);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /^\*\*Ships\*\* as a runtime image: compose\.yaml:5, service app ships it\./);

    const stages = await client.request<{ stages: { name: string; ships: string | null }[]; workspaceTargets: unknown[] }>('dockerfileStages/stages', { uri });
    assert.deepEqual(stages.stages.map((s) => [s.name, s.ships]), [['web', 'compose.yaml:5, service app ships it'], ['cli', null]]);
    assert.deepEqual(stages.workspaceTargets, [{ target: 'web', purpose: 'ship', source: 'compose.yaml:5, service app' }]);

    const shipsCli = await composeChanged(composeFor('cli'));
    assert.deepEqual(rootFinding(shipsCli.diagnostics), []);
  });

  it('re-lints when docker-bake.hcl names the target', async () => {
    const bake = path.join(folder, 'docker-bake.hcl');
    writeFileSync(bake, 'group "default" {\n  targets = ["web"]\n}\n\ntarget "web" {\n  target = "web"\n  tags = ["example/web:latest"]\n  push = true\n}\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(bake), type: 1 }] });
    const diagnostics = (await next).diagnostics;
    assert.deepEqual(rootFinding(diagnostics), [0]);
    assert.match(diagnostics.find((d) => d.code === 'final-user-root')?.message.toString() ?? '', /It ships because docker-bake\.hcl:6, target web ships it\.$/);
    rmSync(bake);
    const after = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(bake), type: 3 }] });
    // compose.yaml still ships the CLI only.
    assert.deepEqual(rootFinding((await after).diagnostics), []);
  });

  it('ignores a broken compose file with one log line: no crash, no diagnostic from it', async () => {
    const broken = await composeChanged('services:\n  app:\n    build: [unclosed\n');
    // Unread, it says nothing: both images are built, as with no build file.
    assert.deepEqual(rootFinding(broken.diagnostics), [0]);
    assert.ok(client.logs.some((line) => line.includes('compose.yaml') && /not read for build targets/.test(line)), client.logs.join('\n'));
    const gone = await composeChanged(null);
    assert.deepEqual(rootFinding(gone.diagnostics), [0]);
  });
});
