import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { buildModel } from '../../../server/src/model/model-builder';
import { dockerfile, rangeOf } from '../../support/fixtures';

describe('stage references', () => {
  const text = dockerfile`
    FROM golang:1.23 AS Builder
    RUN go build -o /out/app .

    FROM builder AS test
    RUN --mount=type=cache,target=/root/.cache,from=BUILDER go test ./...

    FROM alpine:3.20 AS runtime
    COPY --from=builder /out/app /app
    COPY --from=0 /etc/ssl /etc/ssl
    COPY --from=nginx:1.27 /etc/nginx /etc/nginx
    COPY --from=busybox /bin/busybox /bin/
    COPY --from=docs /site /srv
    COPY --from=runtime /x /y
    COPY --from=\${STAGE} /z /z
    COPY --from=7 /q /q
    COPY --from=buidler /w /w

    FROM nginx:1.27-alpine AS docs
  `;
  const model = buildModel(text);
  const byText = (t: string) => model.references.find((r) => r.text === t);

  it('resolves FROM <earlier stage> case-insensitively', () => {
    assert.deepEqual(byText('builder'), {
      ...byText('builder'),
      kind: 'from',
      fromStage: 1,
      range: rangeOf(text, 'builder', 0),
      resolution: { kind: 'stage', stage: 0, byIndex: false },
    });
  });

  it('resolves RUN --mount=…,from= by name', () => {
    const mount = byText('BUILDER');
    assert.equal(mount?.kind, 'mount-from');
    assert.deepEqual(mount?.range, rangeOf(text, 'BUILDER'));
    assert.deepEqual(mount?.resolution, { kind: 'stage', stage: 0, byIndex: false });
  });

  it('resolves COPY --from by name and by index', () => {
    const copies = model.references.filter((r) => r.kind === 'copy-from');
    assert.deepEqual(copies[0]?.resolution, { kind: 'stage', stage: 0, byIndex: false });
    assert.deepEqual(byText('0')?.resolution, { kind: 'stage', stage: 0, byIndex: true });
  });

  it('classifies images, forward, self, variable and unknown references', () => {
    const nginx = byText('nginx:1.27')?.resolution;
    assert.equal(nginx?.kind, 'image');
    assert.equal(nginx?.kind === 'image' && nginx.image.tag?.value, '1.27');
    assert.equal(byText('busybox')?.resolution.kind, 'image');
    assert.deepEqual(byText('docs')?.resolution, { kind: 'forward', stage: 3, byIndex: false });
    assert.deepEqual(byText('runtime')?.resolution, { kind: 'self', stage: 2, byIndex: false });
    assert.deepEqual(byText('${STAGE}')?.resolution, { kind: 'variable', candidates: [0, 1] });
    assert.deepEqual(byText('7')?.resolution, { kind: 'unknown' });
    assert.deepEqual(byText('buidler')?.resolution, { kind: 'unknown' });
  });

  it('resolves FROM with variables to every earlier stage the pattern can name', () => {
    const m = buildModel('ARG TARGETOS\nFROM scratch AS binaries-linux\nFROM scratch AS binaries-darwin\nFROM alpine AS tool\nFROM binaries-${TARGETOS} AS binaries\n');
    assert.deepEqual(m.references.map((r) => [r.text, r.resolution]), [['binaries-${TARGETOS}', { kind: 'variable', candidates: [0, 1] }]]);
    const image = buildModel('ARG BASE=alpine:3.20\nFROM alpine AS a\nFROM ${BASE} AS b\nFROM golang:${GO} AS c\n');
    assert.deepEqual(image.references, []);
    const byDefault = buildModel('ARG BASE=a\nFROM alpine AS a\nFROM ${BASE} AS b\n');
    assert.deepEqual(byDefault.references.map((r) => r.resolution), [{ kind: 'variable', candidates: [0] }]);
    // BASE=fpm is one word without a dash: ${BASE}-base names fpm-base or apache-base, not a toolchain stage ending in -base.
    const shaped = buildModel('ARG BASE=fpm\nFROM php:8.3-fpm AS fpm-base\nFROM php:8.3-apache AS apache-base\nFROM php:8.3-fpm AS fpm-php-ext-base\nFROM ${BASE}-base AS app\n');
    assert.deepEqual(shaped.references.map((r) => r.resolution), [{ kind: 'variable', candidates: [0, 1] }]);
    // An image reference as the default (${RUNTIME_IMAGE}-${TARGETARCH}) names no stage, however the stages are named.
    const imageShaped = buildModel('ARG RUNTIME_IMAGE="cr.l5d.io/linkerd/proxy-runtime:latest"\nARG TARGETARCH\nFROM golang:1.23 AS go-deps\nFROM $RUNTIME_IMAGE-$TARGETARCH AS runtime\n');
    assert.deepEqual(imageShaped.references, []);
  });

  it('does not take FROM <image> for a reference, even when a later stage has that name', () => {
    const m = buildModel('FROM nginx:1.27 AS nginx\nFROM nginx AS web\n');
    assert.deepEqual(m.references.map((r) => r.resolution), [{ kind: 'stage', stage: 0, byIndex: false }]);
    const own = buildModel('FROM nginx AS nginx\n');
    assert.deepEqual(own.references, []);
  });

  it('keeps the first stage when two stages share a name', () => {
    const m = buildModel('FROM alpine AS a\nFROM alpine AS A\nFROM alpine\nCOPY --from=a /x /y\n');
    assert.equal(m.stageIndexByName.get('a'), 0);
    assert.deepEqual(m.references[0]?.resolution, { kind: 'stage', stage: 0, byIndex: false });
  });
});
