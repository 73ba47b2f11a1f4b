import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { builtInFacts } from '../../../server/src/images/image-facts';
import { buildModel } from '../../../server/src/model/model-builder';
import { computeShipping, type ShippingInput } from '../../../server/src/model/shipping';
import type { BuildTargetUse } from '../../../server/src/model/stage-roles';

const facts = (image: string) => builtInFacts(image)?.facts ?? null;

/** Roles as `name: role`, and the shipped stages with why. */
function shippingOf(lines: string[], input: ShippingInput = {}) {
  const model = buildModel(`${lines.join('\n')}\n`);
  const result = computeShipping(model, { facts, ...input });
  return {
    roles: model.stages.map((stage) => `${stage.name ?? `#${stage.index}`}: ${result.roles[stage.index]?.role}`),
    shipped: result.shipped.map((s) => `${s.stage.name ?? `#${s.stage.index}`} because ${s.because}`),
    layers: [...result.layerStages].sort(),
    needed: [...result.needed].sort(),
  };
}

const use = (target: string | null, purpose: BuildTargetUse['purpose'], source = 'compose.yaml:4, service web'): BuildTargetUse => ({ target, targetHasVariables: false, purpose, source });

const APP = ['FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim AS runtime', 'COPY --from=build /app/dist /app', 'CMD ["node", "/app/main.js"]'];

describe('stage roles and what ships', () => {
  it('the last stage ships when it runs', () => {
    assert.deepEqual(shippingOf(APP), {
      roles: ['build: builder', 'runtime: runtime'],
      shipped: ['runtime because it is the last stage and it runs'],
      layers: [1],
      needed: [0, 1],
    });
  });

  it('a check last (test, lint, validate): the runtime named like a release ships', () => {
    for (const name of ['test', 'lint', 'validate', 'vet', 'outdated', 'gomod-updates']) {
      const result = shippingOf([...APP, `FROM build AS ${name}`, 'RUN npm test']);
      assert.deepEqual(result.roles[2], `${name}: check`);
      assert.deepEqual(result.shipped, ["runtime because it is named 'runtime' and runs"]);
    }
  });

  it('an export last (FROM scratch, no command) is never run', () => {
    const result = shippingOf([...APP, 'FROM scratch AS binaries', 'COPY --from=build /app/dist /']);
    assert.deepEqual(result.roles[2], 'binaries: export');
    assert.deepEqual(result.shipped, ["runtime because it is named 'runtime' and runs"]);
  });

  it('a dev or debug image last: the earlier release ships', () => {
    for (const name of ['dev', 'debug', 'devcontainer', 'dev-envs', 'shell']) {
      const result = shippingOf([...APP, `FROM runtime AS ${name}`, 'RUN apt-get update && apt-get install -y vim', 'CMD ["bash"]']);
      assert.deepEqual(result.roles[2], `${name}: dev`);
      assert.deepEqual(result.shipped, ["runtime because it is named 'runtime' and runs"]);
    }
  });

  it('a CI helper or toolchain image last, with no command, ships nothing', () => {
    const result = shippingOf(['FROM golang:1.23 AS build', 'RUN go build -o /out/app .', 'FROM alpine:3.20 AS upload-artifact', 'COPY --from=build /out/app /out/app', 'RUN apk add --no-cache curl']);
    assert.deepEqual(result.shipped, []);
    assert.deepEqual(shippingOf(['FROM golang:1.23', 'RUN go install golang.org/x/tools/gopls@latest']).shipped, []);
    assert.deepEqual(shippingOf(['FROM node:20', 'ONBUILD COPY . /app', 'ONBUILD RUN npm ci', 'CMD ["node", "index.js"]']).roles, ['#0: base']);
  });

  it('targets named by the workspace win over the last stage; several may ship', () => {
    const lines = ['FROM python:3.12 AS base', 'RUN pip install -r requirements.txt', 'FROM base AS api', 'CMD ["gunicorn", "app:app"]', 'FROM base AS worker', 'CMD ["celery", "-A", "app", "worker"]', 'FROM base AS dev', 'CMD ["flask", "run"]'];
    assert.deepEqual(shippingOf(lines, { uses: [use('api', 'ship'), use('worker', 'ship', 'compose.yaml:9, service worker'), use('dev', 'dev', 'compose.override.yaml:4, service api')] }).shipped, [
      'api because compose.yaml:4, service web ships it',
      'worker because compose.yaml:9, service worker ships it',
    ]);
    // Built but not pushed (a Makefile): it ships only if it runs.
    assert.deepEqual(shippingOf(lines, { uses: [use('worker', 'build', 'Makefile:3, Makefile')] }).shipped, ['worker because Makefile:3, Makefile builds it as an image']);
    // A dev container's target is a dev image even when it is the last stage with a command.
    assert.deepEqual(shippingOf(APP, { uses: [use(null, 'dev', '.devcontainer/devcontainer.json:2, dev container')] }).roles[1], 'runtime: dev');
  });

  it('the explicit target wins over everything', () => {
    const result = shippingOf([...APP, 'FROM runtime AS debug', 'CMD ["sh"]'], { explicitTarget: 'debug', uses: [use('runtime', 'ship')] });
    assert.deepEqual(result.shipped, ['debug because it is the chosen build target']);
    assert.deepEqual(result.layers, [1, 2]);
  });

  it('stages chosen by a variable are all needed', () => {
    const lines = ['ARG GPU=cpu', 'FROM debian:12-slim AS qdrant-cpu', 'RUN echo cpu', 'FROM nvidia/cuda:12.6.0-runtime-ubuntu22.04 AS qdrant-gpu', 'RUN echo gpu', 'FROM qdrant-${GPU:-cpu} AS final', 'CMD ["/qdrant/entrypoint.sh"]'];
    const result = shippingOf(lines);
    assert.deepEqual(result.shipped, ['final because it is the last stage and it runs']);
    assert.deepEqual(result.needed, [0, 1, 2]);
  });

  it('nothing is known to ship: a Dockerfile.dev, or no stage that runs', () => {
    assert.deepEqual(shippingOf(APP, { fileName: 'Dockerfile.dev' }).shipped, []);
    assert.deepEqual(shippingOf(['FROM alpine:3.20', 'RUN apk add --no-cache make']).shipped, []);
  });
});
