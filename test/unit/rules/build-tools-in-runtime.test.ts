import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('build-tools-in-runtime', () => {
  it('fires on compilers, -dev packages and full npm installs in the stage that ships', () => {
    expectRule('build-tools-in-runtime', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends gcc make libpq-dev curl && rm -rf /var/lib/apt/lists/*
      #^^ build-tools-in-runtime The image that ships installs build tools (gcc, make, libpq-dev); build in an earlier stage and COPY --from only the result.
      RUN npm ci
      #^^ build-tools-in-runtime The image that ships installs dev dependencies too; use npm ci --omit=dev here, or copy node_modules from a stage that pruned them.
      CMD ["node", "server.js"]
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
});
