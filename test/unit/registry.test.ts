import assert from '../support/assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseReleaseTag, releasesOfVariant, variantOf } from '../../server/src/registry/choose-tag';
import { nextPage, parseChallenge, RegistryClient } from '../../server/src/registry/client';
import { toRegistryImage } from '../../server/src/registry/image-name';

describe('image names for the registry', () => {
  it("applies Docker Hub's defaults and reads registries with ports", () => {
    assert.deepEqual(toRegistryImage('node'), { host: 'registry-1.docker.io', repository: 'library/node', tag: null, digest: null, name: 'node' });
    assert.deepEqual(toRegistryImage('bitnami/redis:7.2')?.repository, 'bitnami/redis');
    assert.deepEqual(toRegistryImage('docker.io/nginx:latest'), { host: 'registry-1.docker.io', repository: 'library/nginx', tag: 'latest', digest: null, name: 'docker.io/nginx' });
    assert.deepEqual(toRegistryImage('localhost:5000/team/app:1@sha256:ab'), { host: 'localhost:5000', repository: 'team/app', tag: '1', digest: 'sha256:ab', name: 'localhost:5000/team/app' });
    assert.equal(toRegistryImage('ghcr.io/owner/app')?.host, 'ghcr.io');
    assert.equal(toRegistryImage('mcr.microsoft.com/dotnet/aspnet:8.0')?.repository, 'dotnet/aspnet');
    assert.equal(toRegistryImage('quay.io/prometheus/node-exporter')?.repository, 'prometheus/node-exporter');
    assert.equal(toRegistryImage('${BASE}'), null);
    assert.equal(toRegistryImage('scratch'), null);
  });
});

describe('release tags', () => {
  it('keeps the variant and sorts newest and most specific first, without pre-releases', () => {
    const tags = ['latest', 'alpine', '1.36', '1.36.1', '1.37-rc', '1.35.0', '1.36.1-alpine', '1.36-alpine', 'v2', 'edge', '1.36.1-musl'];
    assert.deepEqual(releasesOfVariant(tags, null).map((r) => r.tag), ['v2', '1.36.1', '1.36', '1.35.0']);
    assert.deepEqual(releasesOfVariant(tags, 'alpine').map((r) => r.tag), ['1.36.1-alpine', '1.36-alpine']);
    assert.equal(variantOf('alpine'), 'alpine');
    assert.equal(variantOf('20-slim'), 'slim');
    assert.equal(variantOf('latest'), null);
    assert.equal(variantOf(null), null);
    assert.equal(parseReleaseTag('1.37-rc'), null);
  });

  it('reads bearer challenges and next-page links', () => {
    assert.deepEqual(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"'), {
      realm: 'https://auth.example/token',
      service: 'registry.example',
      scope: 'repository:a/b:pull',
    });
    assert.equal(parseChallenge('Basic realm="x"'), null);
    assert.equal(nextPage('</v2/a/tags/list?n=2&last=b>; rel="next"'), '/v2/a/tags/list?n=2&last=b');
    assert.equal(nextPage(null), null);
  });
});

/** A tiny registry for the error paths a real one does not produce on demand. */
describe('registry client error paths (in-process server)', () => {
  let server: ReturnType<typeof createServer>;
  let host = '';
  const handlers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};
  before(async () => {
    server = createServer((req, res) => {
      const handler = Object.entries(handlers).find(([prefix]) => req.url?.startsWith(prefix))?.[1];
      if (handler) handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());
  const client = (timeoutMs = 2000) => new RegistryClient({ timeoutMs, plainHttpHosts: ['127.0.0.1'] });
  const image = (repository: string) => ({ host, repository, tag: null, digest: null, name: `${host}/${repository}` });

  it('follows a 401 bearer challenge to the token realm, then pages through tags', async () => {
    handlers['/token'] = (req, res) => {
      assert.match(req.url ?? '', /service=test&scope=repository%3Aauth%2Fapp%3Apull/);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'abc' }));
    };
    handlers['/v2/auth/app/tags/list'] = (req, res) => {
      if (req.headers.authorization !== 'Bearer abc') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="test",scope="repository:auth/app:pull"` }).end();
      } else if (!req.url?.includes('last=')) {
        res.writeHead(200, { link: '</v2/auth/app/tags/list?n=1&last=1.0>; rel="next"' }).end(JSON.stringify({ tags: ['1.0'] }));
      } else {
        res.writeHead(200).end(JSON.stringify({ tags: ['1.1'] }));
      }
    };
    assert.deepEqual(await client().listTags(image('auth/app')), ['1.0', '1.1']);
  });

  it('reports a timeout, a 5xx, a missing image and a refused token with clear messages', async () => {
    handlers['/v2/slow/'] = (_req, res) => setTimeout(() => res.writeHead(200).end('{"tags":[]}'), 1500);
    handlers['/v2/broken/'] = (_req, res) => res.writeHead(503, 'Service Unavailable').end();
    handlers['/v2/private/'] = (_req, res) => res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/deny"` }).end();
    handlers['/deny'] = (_req, res) => res.writeHead(403).end();
    await assert.rejects(client(200).listTags(image('slow/app')), { message: `${host} did not answer within 200 ms.` });
    await assert.rejects(client().listTags(image('broken/app')), { message: `${host} answered 503 Service Unavailable for ${host}/broken/app.` });
    await assert.rejects(client().digestOf(image('missing/app'), '1.0'), { message: `${host}/missing/app:1.0 was not found on ${host}.` });
    await assert.rejects(client().listTags(image('private/app')), { message: `The token service of ${host} answered 403; it may need credentials.` });
  });

  it('reports a registry it cannot reach', async () => {
    const unreachable = new RegistryClient({ timeoutMs: 1000, plainHttpHosts: ['127.0.0.1'] });
    await assert.rejects(unreachable.listTags({ host: '127.0.0.1:1', repository: 'a/b', tag: null, digest: null, name: 'a/b' }), /^Error: Could not reach 127\.0\.0\.1:1: /);
  });
});
