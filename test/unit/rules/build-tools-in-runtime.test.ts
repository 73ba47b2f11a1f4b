import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule, problemsOf } from '../../support/rule-harness';
import assert from '../../support/assert';

describe('build-tools-in-runtime', () => {
  it('fires on compilers, -dev packages and full npm installs in the stage that ships', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends gcc make libpq-dev curl && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs build tools (gcc, make, libpq-dev); build in an earlier stage and COPY --from only the result.
      RUN npm ci
      #   ^^^^^^ build-tools-in-runtime The image that ships installs dev dependencies too; use npm ci --omit=dev here, or copy node_modules from a stage that pruned them.
      CMD ["node", "server.js"]
    `);
  });

  it('says a level lower, with the test, tools installed only when a build argument asks', () => {
    const text = 'FROM debian:12-slim\nARG DEBUG=false\nRUN if [ "$DEBUG" = "true" ]; then apt-get update && apt-get install -y --no-install-recommends gdb build-essential && rm -rf /var/lib/apt/lists/*; fi\nCMD ["/app"]\n';
    assert.deepEqual(problemsOf('build-tools-in-runtime', text).map((p) => [p.severity, p.message]), [
      ['info', 'The image that ships installs build tools (build-essential) in the builds where `[ "$DEBUG" = "true" ]` holds (build argument DEBUG); build in an earlier stage and COPY --from only the result.'],
    ]);
  });

  it('sees tools removed in the same RUN: apk --virtual groups, apt-mark auto with purge --auto-remove', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM python:3.12-alpine
      RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev && pip install cffi && apk del .build-deps
      FROM python:3.12-slim
      RUN savedAptMark="$(apt-mark showmanual)"; \\
          apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev; \\
          pip install psycopg2; \\
          apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\
          apt-mark auto gcc libpq-dev; \\
          apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
          rm -rf /var/lib/apt/lists/*
      CMD ["python", "-m", "app"]
    `);
    // The docker-library form: everything marked auto with '.*', then what was manual before marked manual again.
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12-slim
      RUN set -eux; savedAptMark="$(apt-mark showmanual)"; \\
          apt-get update; apt-get install -y --no-install-recommends gcc make; \\
          make -C /src install; \\
          apt-mark auto '.*' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\
          apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
          rm -rf /var/lib/apt/lists/*
      CMD ["app"]
    `);
  });

  it('keeps the tools a pattern does not name, or that are marked auto but never purged', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libssl-dev && apt-mark auto 'lib*-dev' && apt-get purge -y --auto-remove && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs build tools (gcc); build in an earlier stage and COPY --from only the result.
      CMD ["app"]
    `);
  });

  it('does not count what the image runs: git for a CI agent, a CLI installed globally and run by CMD', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM node:20-alpine
      RUN apk add --no-cache git openssh-client
      RUN npm install -g @angular/cli serve
      RUN yarn --version
      ENTRYPOINT ["serve", "-s", "dist"]
    `);
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12-slim
      RUN apt-get install -y --no-install-recommends gcc make
      CMD ["make", "serve"]
    `.replace('gcc make', 'make'));
  });

  it('counts headers and build systems only next to a compiler', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM composer:2
      RUN apk add --no-cache --virtual .composer-rundeps make git unzip
      FROM ubuntu:24.04
      RUN apt-get update && apt-get install -y --no-install-recommends libvulkan-dev libgomp1 && rm -rf /var/lib/apt/lists/*
      CMD ["/app/llama-server"]
    `);
    expectRule('build-tools-in-runtime', dockerfile`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs build tools (libpq-dev); build in an earlier stage and COPY --from only the result.
      RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs build tools (gcc); build in an earlier stage and COPY --from only the result.
      CMD ["python", "-m", "app"]
    `);
  });

  it('names the production install of the package manager used', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM node:20-alpine
      RUN pnpm install --frozen-lockfile
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs dev dependencies too; use pnpm install --prod here, or copy node_modules from a stage that pruned them.
      CMD ["node", "dist/main.js"]
    `);
  });

  it('does not fire in builder stages, for runtime packages, or for production installs', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12 AS build
      RUN apt-get install -y build-essential git
      RUN npm ci
      FROM node:20-slim
      RUN apt-get install -y --no-install-recommends ca-certificates libpq5
      RUN npm ci --omit=dev
      COPY --from=build /out /out
    `);
  });

  it('says when a build after the install needs the dev dependencies', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM node:20-slim
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build
      #   ^^^^^^ build-tools-in-runtime The image that ships keeps the dev dependencies this install adds for the build after it; prune them in the same RUN once the build is done (npm prune --omit=dev), or build in an earlier stage.
      CMD ["node", "dist/server.js"]
    `);
    expectRule('build-tools-in-runtime', dockerfile`
      FROM node:20-slim
      WORKDIR /app
      COPY . .
      RUN yarn install --frozen-lockfile
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ build-tools-in-runtime The image that ships installs dev dependencies too, and a later RUN (line 5) needs them; build in an earlier stage and copy the result with node_modules from a stage that installed with yarn install --production.
      RUN yarn build
      CMD ["node", "dist/server.js"]
    `);
  });
});
