import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('packages-after-copy', () => {
  it("fires on system packages installed by name after a COPY of the whole context or of a stage's output", () => {
    expectRule('packages-after-copy', dockerfile`
      FROM node:22-slim AS build
      WORKDIR /app
      COPY . .
      RUN apt-get update && apt-get install -y --no-install-recommends python3 make && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ packages-after-copy System packages are installed after the COPY of the whole context at line 3, so every change to what it copies installs them again; install them before that COPY.
      RUN npm ci && npm run build
      FROM node:22-slim
      COPY --from=build /app/dist ./dist
      RUN apk add --no-cache su-exec
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^ packages-after-copy System packages are installed after the COPY --from=build at line 7, so every change to what it copies installs them again; install them before that COPY.
      CMD ["node", "dist/server.js"]
    `);
  });

  it('does not fire when the install comes first, reads copied files, is conditional, or shares its RUN with other work', () => {
    expectRule('packages-after-copy', dockerfile`
      FROM tonistiigi/xx:1.6.1 AS xx
      FROM golang:1.23-alpine AS gobase
      COPY --from=xx / /
      RUN apk add --no-cache file git
      FROM debian:12-slim AS build
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      COPY . /src
      RUN apt-get update && apt-get install -y ./src/vendor/tool.deb
      RUN xargs -a /src/packages.txt apt-get install -y
      RUN if [ -f /src/need-git ]; then apt-get install -y git; fi
      RUN apt-get install -y jq && make -C /src
      FROM debian:12-slim
      COPY --from=docker.io/library/busybox:1.36 /bin/busybox /bin/busybox
      COPY config.toml /etc/app/config.toml
      RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
      CMD ["/app"]
    `);
  });
});
