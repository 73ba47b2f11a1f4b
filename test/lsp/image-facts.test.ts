import assert from '../support/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LOOK_UP_IMAGES_REQUEST, type LookUpImagesResult } from '../../common/protocol';
import { fakeRegistry } from '../support/fake-registry';
import { LspTestClient } from '../support/lsp-client';

const codes = (published: PublishDiagnosticsParams) => published.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();
const hoverText = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

describe('base image facts over LSP', () => {
  let registry: ReturnType<typeof fakeRegistry>;
  let host = '';
  let storage = '';
  let text = '';
  const uri = 'untitled:facts/Dockerfile';
  const settings = () => ({ platform: 'linux/s390x', images: { localEngine: false }, registry: { plainHttpHosts: ['127.0.0.1'], timeoutMs: 2000 } });

  before(async () => {
    registry = fakeRegistry();
    await new Promise<void>((resolve) => registry.server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(registry.server.address() as AddressInfo).port}`;
    storage = mkdtempSync(path.join(tmpdir(), 'dfs-lsp-images-'));
    text = `FROM ${host}/team/app:1\nCMD ["/app"]\n`;
  });
  after(() => {
    registry.server.close();
    rmSync(storage, { recursive: true, force: true });
  });

  it('asks the registry only when told to, then lints and hovers with what it said', async () => {
    const lsp = new LspTestClient();
    try {
      lsp.settings = settings();
      await lsp.initialize({ workspace: { configuration: true } }, { storageFolder: storage });
      assert.deepEqual(codes(await lsp.open(uri, text)), []);
      const imageAt = { textDocument: { uri }, position: { line: 0, character: 6 } };
      const before = hoverText(await lsp.request<Hover>('textDocument/hover', imageAt));
      assert.ok(before.endsWith(`**Image facts:** nothing is known of \`${host}/team/app:1\` here; rules that need its user or environment stay silent.\n\n[Look up in its registry](command:dockerfileStages.lookUpBaseImages?${encodeURIComponent(JSON.stringify([uri]))})`), before);
      assert.equal(registry.requests.length, 0, 'opening and hovering ask no registry');

      const relinted = lsp.nextDiagnostics(uri);
      const result = await lsp.request<LookUpImagesResult>(LOOK_UP_IMAGES_REQUEST, { uri });
      assert.deepEqual(result, { images: [{ image: `${host}/team/app:1` }] });
      assert.deepEqual(codes(await relinted), ['base-image-platform@0']);
      const after = hoverText(await lsp.request<Hover>('textDocument/hover', imageAt));
      assert.match(after, /Linux, user `1000`, environment `PATH`, `APP_HOME`, has a HEALTHCHECK \(stages built FROM it inherit it\), platforms linux\/amd64, linux\/arm64\/v8, 32\.5 MB to pull — \*registry 127\.0\.0\.1:\d+, looked up just now\*/);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });

  it('remembers the answers on disk: a new session knows them with the registry gone', async () => {
    await new Promise<void>((resolve) => registry.server.close(() => resolve()));
    const asked = registry.requests.length;
    const lsp = new LspTestClient();
    try {
      lsp.settings = settings();
      await lsp.initialize({ workspace: { configuration: true } }, { storageFolder: storage });
      assert.deepEqual(codes(await lsp.open(uri, text)), ['base-image-platform@0']);
      // Never: nothing is looked up, and the user is told why.
      lsp.settings = { ...settings(), images: { localEngine: false, lookUp: 'never' } };
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const refused = await lsp.request<LookUpImagesResult>(LOOK_UP_IMAGES_REQUEST, { uri });
      assert.equal(refused.refused, 'Looking up base images is turned off (dockerfileStages.images.lookUp is "never").');
      assert.equal(registry.requests.length, asked);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });
});
