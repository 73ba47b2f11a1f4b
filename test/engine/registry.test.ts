import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { RegistryClient } from '../../server/src/registry/client';
import { toRegistryImage } from '../../server/src/registry/image-name';
import { choosePin } from '../../server/src/registry/pin';
import { engineAvailable } from '../support/engine';

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
});
