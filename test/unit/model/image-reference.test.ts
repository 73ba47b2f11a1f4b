import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../../server/src/model/image-reference';

const at = { start: { line: 4, character: 5 }, end: { line: 4, character: 5 } };
function parts(text: string) {
  const image = parseImageReference(text, { start: at.start, end: { line: 4, character: 5 + text.length } });
  return [image.registry?.value ?? null, image.repository.value, image.tag?.value ?? null, image.digest?.value ?? null];
}

describe('image references', () => {
  it('splits Docker Hub, registry, port, tag and digest forms', () => {
    assert.deepEqual(parts('alpine'), [null, 'alpine', null, null]);
    assert.deepEqual(parts('node:20-alpine'), [null, 'node', '20-alpine', null]);
    assert.deepEqual(parts('bitnami/redis:7.2'), [null, 'bitnami/redis', '7.2', null]);
    assert.deepEqual(parts('ghcr.io/owner/app:1.0'), ['ghcr.io', 'owner/app', '1.0', null]);
    assert.deepEqual(parts('localhost:5000/team/app'), ['localhost:5000', 'team/app', null, null]);
    assert.deepEqual(parts('localhost/app:2'), ['localhost', 'app', '2', null]);
    assert.deepEqual(parts('mcr.microsoft.com/dotnet/aspnet:8.0'), ['mcr.microsoft.com', 'dotnet/aspnet', '8.0', null]);
    assert.deepEqual(parts('quay.io/prometheus/node-exporter@sha256:abcd'), ['quay.io', 'prometheus/node-exporter', null, 'sha256:abcd']);
    assert.deepEqual(parts('gcr.io/distroless/static:nonroot@sha256:ef01'), ['gcr.io', 'distroless/static', 'nonroot', 'sha256:ef01']);
  });

  it('gives each part its own range', () => {
    const image = parseImageReference('ghcr.io/o/app:1.0', { start: { line: 2, character: 5 }, end: { line: 2, character: 22 } });
    assert.deepEqual(image.registry?.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 12 } });
    assert.deepEqual(image.repository.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } });
    assert.deepEqual(image.tag?.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 22 } });
  });

  it('flags references that use variables', () => {
    const image = parseImageReference('${REGISTRY}/app:${TAG}', at);
    assert.equal(image.hasVariables, true);
    assert.equal(image.tag?.value, '${TAG}');
  });
});
