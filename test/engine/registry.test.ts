import assert from '../support/assert';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { RegistryClient } from '../../server/src/registry/client';
import { toRegistryImage } from '../../server/src/registry/image-name';
import { choosePin } from '../../server/src/registry/pin';
import { engineAvailable } from '../support/engine';
import { LspTestClient } from '../support/lsp-client';

const registry = process.env.REGISTRY ?? '';

/** Pushes a label-only image under `tag`, so each version has its own digest. */
function push(repository: string, tag: string, label: string): void {
  const name = `${registry}/${repository}:${tag}`;
  execFileSync('docker', ['build', '-q', '--network=none', '-t', name, '-'], { input: `FROM local/busybox:1\nLABEL version="${label}"\n` });
  execFileSync('docker', ['push', '-q', name]);
}

describe('pin tag against a real registry', { skip: (!engineAvailable() || !registry) && 'no engine or registry (run scripts/test-engine.mjs)' }, () => {
  const client = new RegistryClient({ timeoutMs: 5000, plainHttpHosts: ['127.0.0.1', 'localhost'] });
  before(() => {
    push('pin/busybox', '1.36', '1.36');
    push('pin/busybox', '1.36.1', '1.36.1');
    push('pin/busybox', '1.37-rc', '1.37-rc');
    // latest is the same image as 1.36.1
    execFileSync('docker', ['tag', `${registry}/pin/busybox:1.36.1`, `${registry}/pin/busybox:latest`]);
    execFileSync('docker', ['push', '-q', `${registry}/pin/busybox:latest`]);
    push('pin/busybox', '1.36.1-musl', '1.36.1-musl');
    push('pin/busybox', 'musl', '1.36.1-musl');
  });

  it('lists the tags and reads digests', async () => {
    const image = toRegistryImage(`${registry}/pin/busybox`);
    assert.ok(image);
    assert.deepEqual((await client.listTags(image)).sort(), ['1.36', '1.36.1', '1.36.1-musl', '1.37-rc', 'latest', 'musl']);
    assert.equal(await client.digestOf(image, 'latest'), await client.digestOf(image, '1.36.1'));
    assert.notEqual(await client.digestOf(image, '1.36'), await client.digestOf(image, '1.36.1'));
  });

  it('pins an untagged image to the most specific release with the digest of latest', async () => {
    const image = toRegistryImage(`${registry}/pin/busybox`);
    assert.ok(image);
    const pin = await choosePin(client, image);
    assert.deepEqual(pin, { tag: '1.36.1', digest: await client.digestOf(image, '1.36.1'), sameAsCurrent: true });
  });

  it('keeps the variant of a floating variant tag', async () => {
    const image = toRegistryImage(`${registry}/pin/busybox:musl`);
    assert.ok(image);
    const pin = await choosePin(client, image);
    // `musl` was built from the same content as `1.36.1-musl`, so both have one digest.
    assert.deepEqual(pin, { tag: '1.36.1-musl', digest: await client.digestOf(image, 'musl'), sameAsCurrent: true });
  });

  it('offers Pin to <tag> and Pin to digest in the quick-fix menu over LSP, and nothing from the network for the light bulb', async () => {
    const image = toRegistryImage(`${registry}/pin/busybox`);
    assert.ok(image);
    const digest = await client.digestOf(image, '1.36.1');
    const lsp = new LspTestClient();
    try {
      lsp.settings = { registry: { plainHttpHosts: ['127.0.0.1'], timeoutMs: 5000 } };
      await lsp.initialize({ workspace: { configuration: true } });
      const uri = 'untitled:pin/Dockerfile';
      const text = `FROM ${registry}/pin/busybox AS app\nUSER 65532\n`;
      const published = await lsp.open(uri, text);
      const diagnostic = published.diagnostics.find((d) => d.code === 'image-unpinned');
      assert.ok(diagnostic);
      const ask = (triggerKind: number) =>
        lsp.request<{ title: string; isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], triggerKind },
        });
      const invoked = await ask(1);
      assert.deepEqual(invoked.slice(0, 2).map((a) => [a.title, a.isPreferred ?? false, a.edit?.changes?.[uri]?.[0]?.newText]), [
        [`Pin to ${registry}/pin/busybox:1.36.1`, true, `${registry}/pin/busybox:1.36.1`],
        [`Pin to digest (${registry}/pin/busybox:1.36.1@${digest.slice(0, 19)}…)`, false, `${registry}/pin/busybox:1.36.1@${digest}`],
      ]);
      // Through a build argument: the pin goes into the ARG's default, the tag alone for a tag ARG.
      const viaArg = 'untitled:pin/Arg.Dockerfile';
      const argText = `ARG TAG=latest\nFROM ${registry}/pin/busybox:\${TAG} AS app\nUSER 65532\n`;
      const argDiagnostic = (await lsp.open(viaArg, argText)).diagnostics.find((d) => d.code === 'image-unpinned');
      assert.ok(argDiagnostic);
      const argActions = await lsp.request<{ title: string; edit?: { changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[]>(
        'textDocument/codeAction',
        { textDocument: { uri: viaArg }, range: argDiagnostic.range, context: { diagnostics: [argDiagnostic], triggerKind: 1 } },
      );
      assert.deepEqual(argActions.slice(0, 2).map((a) => [a.title, a.edit?.changes?.[viaArg]?.[0]?.range.start, a.edit?.changes?.[viaArg]?.[0]?.newText]), [
        [`Pin to ${registry}/pin/busybox:1.36.1`, { line: 0, character: 8 }, '1.36.1'],
        [`Pin to digest (${registry}/pin/busybox:1.36.1@${digest.slice(0, 19)}…)`, { line: 0, character: 8 }, `1.36.1@${digest}`],
      ]);
      const automatic = await ask(2);
      assert.ok(!automatic.some((a) => a.title.startsWith('Pin to')), 'no registry actions for the automatic light bulb');
      assert.ok(automatic.some((a) => a.title === 'Pin a version (type it in)'));
      // A registry that does not answer: a clear message, and the offline fix still there.
      lsp.settings = { registry: { plainHttpHosts: ['127.0.0.1'], timeoutMs: 500 } };
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const other = 'untitled:pin/Other.Dockerfile';
      const unreachable = await lsp.open(other, 'FROM 127.0.0.1:1/nothing/here\n');
      const d2 = unreachable.diagnostics.find((d) => d.code === 'image-unpinned');
      const actions = await lsp.request<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri: other },
        range: d2?.range,
        context: { diagnostics: [d2], triggerKind: 1 },
      });
      assert.equal(actions[0]?.title, 'Pin a version (type it in)');
      assert.match(lsp.messages.map((m) => m.message).join('\n'), /Could not look up 127\.0\.0\.1:1\/nothing\/here in its registry: Could not reach 127\.0\.0\.1:1/);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });
});
