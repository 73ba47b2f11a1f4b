import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { builtInFacts } from '../../../server/src/images/image-facts';
import { buildModel } from '../../../server/src/model/model-builder';
import { computeShipping, stagePurposes, type ShippingInput } from '../../../server/src/model/shipping';
import { shippedStages } from '../../../server/src/model/stage-graph';
import { folderRole, processShape } from '../../../server/src/model/stage-process';
import type { BuildTargetUse } from '../../../server/src/model/stage-roles';

const facts = (image: string) => builtInFacts(image)?.facts ?? null;

/** Each stage as `name: role, layers <yes|no|dev>, deployed|-`, as `check --explain` tells it. */
function purposesOf(lines: string[], input: ShippingInput = {}): string[] {
  const model = buildModel(`${lines.join('\n')}\n`);
  return stagePurposes(model, computeShipping(model, { facts, ...input })).map(
    (s) => `${s.name ?? `#${s.index}`}: ${s.role}, layers ${s.layers}, ${s.deployed ? 'deployed' : '-'}`,
  );
}

/** What the process of the last stage looks like, and why. */
function shapeOf(...lines: string[]): string {
  const model = buildModel(`${lines.join('\n')}\n`);
  const stage = model.stages[model.stages.length - 1]!;
  const shape = processShape(model, stage, shippedStages(model, stage), null);
  return `${shape.kind}: ${shape.because}`;
}

const use = (target: string | null, purpose: BuildTargetUse['purpose'], extra: Partial<BuildTargetUse> = {}): BuildTargetUse => ({
  target,
  targetHasVariables: false,
  purpose,
  source: '.github/workflows/release.yml:40, step push',
  ...extra,
});

describe('the process an image starts', () => {
  it('is a server when it listens, starts a known daemon or a server subcommand, or is named like one', () => {
    assert.equal(shapeOf('FROM alpine', 'EXPOSE 8080', 'CMD ["/app"]'), 'server: it exposes 8080');
    assert.equal(shapeOf('FROM python:3.12-slim', 'CMD ["gunicorn", "app:app"]'), 'server: its command starts gunicorn');
    assert.equal(shapeOf('FROM alpine', 'ENTRYPOINT ["/bin/alloy"]', 'CMD ["run", "/etc/alloy/config.alloy"]'), 'server: its command starts a server (/bin/alloy run /etc/alloy/config.alloy)');
    assert.equal(shapeOf('FROM alpine', 'CMD ["/app/server", "-config", "/etc/app.yaml"]'), 'server: its command starts server');
    assert.equal(shapeOf('FROM alpine', 'CMD ["/weaviate", "--host", "0.0.0.0", "--port", "8080"]'), 'server: its command listens (/weaviate --host 0.0.0.0 --port 8080)');
    assert.equal(shapeOf('FROM alpine', 'ENV ASPNETCORE_URLS=http://+:80', 'ENTRYPOINT ["dotnet", "app.dll"]'), 'server: it sets where to listen (ASPNETCORE_URLS=http://+:80)');
    assert.equal(shapeOf('FROM gcr.io/distroless/static AS workflow-controller', 'ENTRYPOINT ["/bin/workflow-controller"]'), 'server: its command starts workflow-controller');
    assert.equal(shapeOf('FROM node:20-slim', 'CMD ["node", "dist/main.js"]'), 'server: its command runs a Node.js program (node dist/main.js)');
  });

  it('is a tool when it opens a shell or a prompt, prints help, is a CLI, or only waits to be exec’d into', () => {
    assert.equal(shapeOf('FROM debian:12', 'CMD ["pwsh"]'), 'tool: its command is a shell (pwsh)');
    assert.equal(shapeOf('FROM php:8.3-cli', 'ENTRYPOINT ["docker-php-entrypoint"]', 'CMD ["php", "-a"]'), 'tool: its command opens a prompt (php -a)');
    assert.equal(shapeOf('FROM alpine', 'ENTRYPOINT ["/sbin/tini", "--", "/entrypoint.sh"]', 'CMD ["-h"]'), 'tool: its command prints help (-h)');
    assert.equal(shapeOf('FROM alpine', 'ENTRYPOINT ["/tempo-cli"]'), 'tool: its command is a tool (/tempo-cli)');
    assert.equal(shapeOf('FROM alpine', 'CMD ["sh", "-c", "trap exit TERM; sleep infinity"]'), 'tool: its command only keeps the container alive, to exec into');
    assert.equal(shapeOf('FROM alpine AS migrations', 'ENTRYPOINT ["/app/entry"]'), "tool: it is named 'migrations'");
  });

  it('is a development server when its command says so', () => {
    assert.equal(shapeOf('FROM python:3.12', 'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]'), 'dev: its command runs a development server (python manage.py runserver 0.0.0.0:8000)');
    assert.equal(shapeOf('FROM node:20', 'CMD ["npm", "run", "dev"]'), 'dev: its command runs a development server (npm run dev)');
    assert.equal(shapeOf('FROM node:20', 'CMD ["/usr/src/app/startup.dev.sh"]'), 'dev: its command is a development script (/usr/src/app/startup.dev.sh)');
  });

  it('says nothing of a bare binary, and that there is no command', () => {
    assert.equal(shapeOf('FROM alpine', 'ENTRYPOINT ["/usr/local/bin/quickwit"]'), 'unknown: it has a command (/usr/local/bin/quickwit)');
    assert.equal(shapeOf('FROM alpine', 'RUN true'), 'none: it sets no command');
  });
});

describe('what a Dockerfile’s folders say', () => {
  it('makes the images under a test folder fixtures, and those of a dev-container folder dev images', () => {
    assert.deepEqual(folderRole('test/e2e/images/argosay/v1/Dockerfile'), { role: 'fixture', folder: 'test' });
    assert.deepEqual(folderRole('integration_tests/mongodb/Dockerfile.generator'), { role: 'fixture', folder: 'integration_tests' });
    assert.deepEqual(folderRole('playwright/compose/warden/Dockerfile'), { role: 'fixture', folder: 'playwright' });
    assert.deepEqual(folderRole('.devcontainer/Dockerfile'), { role: 'dev', folder: '.devcontainer' });
    assert.equal(folderRole('services/web/Dockerfile'), null);
    assert.equal(folderRole('Dockerfile'), null);
  });
});

describe('the two questions about each stage', () => {
  const SIBLINGS = [
    'FROM ubuntu:24.04 AS build',
    'RUN make',
    'FROM ubuntu:24.04 AS base',
    'COPY --from=build /app /app',
    'FROM base AS full',
    'ENTRYPOINT ["/app/tools.sh"]',
    'FROM base AS light',
    'ENTRYPOINT ["/app/llama-cli"]',
    'FROM base AS server',
    'EXPOSE 8080',
    'ENTRYPOINT ["/app/llama-server"]',
  ];

  it('with no build file: every image no stage builds on that has a command ships; tools are not deployed', () => {
    assert.deepEqual(purposesOf(SIBLINGS), [
      'build: builder, layers no, -',
      'base: base, layers yes, -',
      'full: tool, layers yes, -',
      'light: tool, layers yes, -',
      'server: runtime, layers yes, deployed',
    ]);
  });

  it('a target written with variables ships each stage it matches', () => {
    const lines = ['FROM php:8.3-fpm AS shared', 'RUN true', 'FROM shared AS apache-runtime', 'CMD ["apache2-foreground"]', 'FROM shared AS fpm-runtime', 'CMD ["php-fpm"]', 'FROM alpine AS test', 'RUN true'];
    assert.deepEqual(purposesOf(lines, { uses: [use('${{ matrix.runtime }}-runtime', 'ship', { targetHasVariables: true })] }), [
      'shared: base, layers yes, -',
      'apache-runtime: runtime, layers yes, deployed',
      'fpm-runtime: runtime, layers yes, deployed',
      'test: check, layers no, -',
    ]);
  });

  it('a pushed toolchain image with no command: its layers reach everyone who builds on it, it runs nothing', () => {
    const lines = ['FROM golang:1.24 AS build-image', 'RUN apt-get update && apt-get install -y protobuf-compiler'];
    assert.deepEqual(purposesOf(lines, { uses: [use(null, 'ship')] }), ['build-image: base, layers yes, -']);
    // The last stage by default, even when no build file says anything.
    assert.deepEqual(purposesOf(lines), ['build-image: base, layers yes, -']);
  });

  it('files to export and fixtures reach no one; a dev image’s layers are its own', () => {
    assert.deepEqual(purposesOf(['FROM golang:1.24 AS build', 'RUN go build -o /out/app', 'FROM scratch', 'COPY --from=build /out/app /']), [
      'build: builder, layers no, -',
      '#1: export, layers no, -',
    ]);
    assert.deepEqual(purposesOf(['FROM golang:1.24', 'EXPOSE 8080', 'CMD ["/mock-oidc"]'], { fileName: 'test/docker/mockoidc/Dockerfile' }), ['#0: fixture, layers no, -']);
    const dev = ['FROM node:20 AS base', 'RUN npm ci', 'FROM base AS build', 'RUN npm run build', 'FROM base AS development', 'CMD ["npm", "run", "dev"]', 'FROM nginx:1.27', 'COPY --from=build /app/dist /usr/share/nginx/html'];
    assert.deepEqual(purposesOf(dev), [
      'base: base, layers no, -',
      'build: builder, layers no, -',
      'development: dev, layers dev, -',
      '#3: runtime, layers yes, deployed',
    ]);
  });

  it('a test job that builds an image that serves validates what ships; one that builds a check runs it', () => {
    const app = ['FROM node:20-slim', 'EXPOSE 3000', 'CMD ["node", "server.js"]'];
    assert.deepEqual(purposesOf(app, { uses: [use(null, 'test')] }), ['#0: runtime, layers yes, deployed']);
    assert.deepEqual(purposesOf(['FROM golang:1.24', 'RUN go vet ./...'], { uses: [use(null, 'test')] }), ['#0: check, layers no, -']);
  });

  it('a last stage that copies a program onto a language runtime and sets no command is an app image', () => {
    assert.deepEqual(purposesOf(['FROM ruby:3.3-alpine AS gems', 'RUN bundle install', 'FROM ruby:3.3-alpine', 'COPY --from=gems /gems /gems', 'COPY . /app', 'EXPOSE 3000']), [
      'gems: builder, layers no, -',
      '#1: runtime, layers yes, deployed',
    ]);
    // On an OS image with no command it is still a base for other builds.
    assert.deepEqual(purposesOf(['FROM debian:12', 'COPY tools /opt/tools']), ['#0: base, layers yes, -']);
  });
});
