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

  it('offers the pins without asking the registry, and asks it when one is picked (codeAction/resolve)', async () => {
    const image = toRegistryImage(`${registry}/pin/busybox`);
    assert.ok(image);
    const digest = await client.digestOf(image, '1.36.1');
    const lsp = new LspTestClient();
    type Action = { title: string; isPreferred?: boolean; data?: unknown; edit?: { changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } };
    try {
      lsp.settings = { registry: { plainHttpHosts: ['127.0.0.1'], timeoutMs: 5000 } };
      await lsp.initialize({ workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const actionsAt = async (uri: string, text: string) => {
        const diagnostic = (await lsp.open(uri, text)).diagnostics.find((d) => d.code === 'image-unpinned');
        assert.ok(diagnostic);
        return lsp.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 2 } });
      };
      const resolved = (action: Action | undefined) => lsp.request<Action>('codeAction/resolve', action);
      const edited = (action: Action, uri: string) => action.edit?.changes?.[uri]?.map((e) => [e.range.start, e.newText]);

      const uri = 'untitled:pin/Dockerfile';
      const offered = await actionsAt(uri, `FROM ${registry}/pin/busybox AS app\nUSER 65532\n`);
      assert.deepEqual(offered.slice(0, 3).map((a) => [a.title, a.edit === undefined]), [
        [`Pin ${registry}/pin/busybox to a release tag (asks ${registry})`, true],
        [`Pin ${registry}/pin/busybox to its digest (asks ${registry})`, true],
        ['Pin a version (type it in)', false],
      ]);
      assert.deepEqual(edited(await resolved(offered[0]), uri), [[{ line: 0, character: 5 }, `${registry}/pin/busybox:1.36.1`]]);
      assert.deepEqual(edited(await resolved(offered[1]), uri), [[{ line: 0, character: 5 }, `${registry}/pin/busybox:1.36.1@${digest}`]]);

      // Through a build argument: the pin goes into the ARG's default, the tag alone for a tag ARG.
      const viaArg = 'untitled:pin/Arg.Dockerfile';
      const argOffers = await actionsAt(viaArg, `ARG TAG=latest\nFROM ${registry}/pin/busybox:\${TAG} AS app\nUSER 65532\n`);
      assert.deepEqual(edited(await resolved(argOffers[0]), viaArg), [[{ line: 0, character: 8 }, '1.36.1']]);
      assert.deepEqual(edited(await resolved(argOffers[1]), viaArg), [[{ line: 0, character: 8 }, `1.36.1@${digest}`]]);
      assert.equal(lsp.messages.length, 0, 'nothing said while the registry answers');

      // A registry that does not answer: offered all the same, and a clear message only when picked.
      lsp.settings = { registry: { plainHttpHosts: ['127.0.0.1'], timeoutMs: 500 } };
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const other = 'untitled:pin/Other.Dockerfile';
      const unreachable = await actionsAt(other, 'FROM 127.0.0.1:1/nothing/here\n');
      assert.equal(unreachable[0]?.title, 'Pin 127.0.0.1:1/nothing/here to a release tag (asks 127.0.0.1:1)');
      assert.equal(lsp.messages.length, 0, 'listing the actions asks no registry');
      assert.equal((await resolved(unreachable[0])).edit, undefined);
      assert.match(lsp.messages.map((m) => m.message).join('\n'), /Could not look up 127\.0\.0\.1:1\/nothing\/here in its registry: Could not reach 127\.0\.0\.1:1/);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });
});
