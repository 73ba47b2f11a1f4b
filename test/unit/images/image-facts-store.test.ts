import assert from '../../support/assert';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImageFactsCache } from '../../../server/src/node/image-facts-cache';
import { ImageFactsStore, type ImageInspector } from '../../../server/src/node/image-facts-store';
import type { EngineAnswer } from '../../../server/src/node/local-engine';
import { fakeRegistry } from '../../support/fake-registry';

const SETTINGS = { plainHttpHosts: ['127.0.0.1'], timeoutMs: 2000 };
const ARM64 = { os: 'linux', arch: 'arm64', variant: '' };
const AMD64 = { os: 'linux', arch: 'amd64', variant: '' };

describe('image facts from the engine, a registry and the disk cache', () => {
  let registry: ReturnType<typeof fakeRegistry>;
  let host = '';
  let folder = '';
  before(async () => {
    registry = fakeRegistry();
    await new Promise<void>((resolve) => registry.server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(registry.server.address() as AddressInfo).port}`;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-image-cache-'));
  });
  after(() => {
    registry.server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads the platform of the target from the index, with the platforms offered and the size to pull', async () => {
    const store = new ImageFactsStore({ cache: new ImageFactsCache(folder) });
    store.setPlatform(ARM64);
    const image = `${host}/team/app:1`;
    assert.equal(store.factsOf(image), null);
    const { results, cacheProblem } = await store.lookUp([image], ARM64, SETTINGS);
    assert.deepEqual(results, [{ image }]);
    assert.equal(cacheProblem, null);
    const known = store.factsOf(image);
    assert.equal(known?.facts.user, '1001');
    assert.deepEqual(known?.facts.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.equal(known?.facts.compressedSize, 32_500_000);
    assert.equal(known?.facts.healthcheck, true);
    assert.deepEqual(known?.facts.env, ['PATH', 'APP_HOME']);
    assert.equal(known?.source, `registry ${host}, looked up just now`);
    assert.ok(store.learned(image));
    // The answer is one platform's configuration: for another target it is not used.
    store.setPlatform(AMD64);
    assert.equal(store.factsOf(image), null);
    assert.ok(!store.learned(image));
    await store.lookUp([image], AMD64, SETTINGS);
    assert.equal(store.factsOf(image)?.facts.user, '1000');
  });

  it('answers from the disk cache with the registry gone, and says a failure without throwing', async () => {
    await new Promise<void>((resolve) => registry.server.close(() => resolve()));
    const count = registry.requests.length;
    const store = new ImageFactsStore({ cache: new ImageFactsCache(folder) });
    store.setPlatform(ARM64);
    assert.equal(store.factsOf(`${host}/team/app:1`)?.facts.user, '1001');
    assert.equal(registry.requests.length, count);
    const { results } = await store.lookUp([`${host}/team/app:2`], ARM64, SETTINGS);
    assert.match(results[0]?.error ?? '', new RegExp(`Could not reach ${host.replace(/\./g, '\\.')}`));
    // An expired answer is not used.
    const later = new ImageFactsStore({ cache: new ImageFactsCache(folder, () => Date.now() + 8 * 24 * 3600 * 1000) });
    later.setPlatform(ARM64);
    assert.equal(later.factsOf(`${host}/team/app:1`), null);
  });

  it('asks the engine about the images the rules asked about, once, and the engine wins over the table', async () => {
    const asked: string[] = [];
    const answers: Record<string, EngineAnswer> = {
      'node:22': { kind: 'found', facts: { os: 'linux', user: 'node', env: ['NODE_VERSION'], envComplete: true } },
      'myorg/base:1': { kind: 'absent' },
    };
    const inspector: ImageInspector = { inspect: (reference) => (asked.push(reference), Promise.resolve(answers[reference] ?? { kind: 'absent' })) };
    const store = new ImageFactsStore({ engineCommand: 'docker', createInspector: () => inspector });
    assert.equal(store.factsOf('node:22')?.facts.user, 'root');
    store.factsOf('myorg/base:1');
    assert.equal(await store.askEngine(), true);
    assert.deepEqual(asked, ['node:22', 'myorg/base:1']);
    const known = store.factsOf('node:22');
    assert.equal(known?.facts.user, 'node');
    assert.equal(known?.facts.kind, 'sdk');
    assert.equal(known?.sources?.user, 'local engine (docker image inspect)');
    assert.equal(store.factsOf('myorg/base:1'), null);
    assert.equal(await store.askEngine(), false);
    assert.equal(asked.length, 2);
  });

  it('leaves an engine that does not answer alone for a while', async () => {
    let calls = 0;
    const inspector: ImageInspector = { inspect: () => (calls++, Promise.resolve({ kind: 'unavailable', reason: 'Cannot connect to the Docker daemon' })) };
    const store = new ImageFactsStore({ engineCommand: 'docker', createInspector: () => inspector });
    store.factsOf('node:22');
    store.factsOf('python:3.13');
    assert.equal(await store.askEngine(), false);
    assert.equal(await store.askEngine(), false);
    assert.equal(calls, 1);
    assert.equal(store.engineProblem(), 'Cannot connect to the Docker daemon');
  });
});
