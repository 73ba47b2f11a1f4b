import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('copy-whole-stage', () => {
  it("fires on copying a stage's root or its work directory into the image that ships", () => {
    expectRule('copy-whole-stage', dockerfile`
      FROM node:20 AS build
      WORKDIR /app
      RUN npm ci && npm run build
      FROM node:20-slim
      COPY --from=build /app /srv/app
      #                 ^^^^ copy-whole-stage Copies all of stage 'build''s work directory /app (sources, caches, dev dependencies); copy only the build output.
      COPY --from=build / /
      #                 ^ copy-whole-stage Copies the whole file system of stage 'build' (tools, caches, sources); copy only the files the image needs.
      CMD ["node", "/srv/app/server.js"]
    `);
  });

  it('does not fire on build outputs or in builder stages', () => {
    expectRule('copy-whole-stage', dockerfile`
      FROM node:20 AS build
      WORKDIR /app
      FROM build AS test
      COPY --from=build / /
      FROM node:20-slim
      COPY --from=build /app/dist /srv/app/dist
    `);
  });
});
