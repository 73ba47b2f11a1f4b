import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('context-secret-copied', () => {
  it('fires on credentials copied by name, whatever the context', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20
      COPY .npmrc package.json ./
      #    ^^^^^^ context-secret-copied '.npmrc' holds credentials and would be baked into a layer; use RUN --mount=type=secret (or a build secret) instead.
      COPY config/service-account.json /etc/gcp/
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ context-secret-copied 'config/service-account.json' holds credentials and would be baked into a layer; use RUN --mount=type=secret (or a build secret) instead.
    `);
  });

  it('fires on COPY . when the context holds credentials that .dockerignore does not exclude', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20
      COPY . .
      #^^^^^^^ context-secret-copied This copies the whole context, including credentials (.env, deploy/id_rsa); exclude them in .dockerignore.
    `, { buildContext: { dockerignore: 'node_modules\n', entries: ['.env', '.env.example', 'deploy', 'deploy/id_rsa', 'src'] } });
  });

  it('does not fire on example files, excluded credentials, or stage copies', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20 AS build
      COPY .env.example ./
      COPY . .
      FROM node:20-slim
      COPY --from=build /app/.npmrc /tmp/
    `, { buildContext: { dockerignore: '.env*\n!.env.example\n**/id_rsa\n', entries: ['.env', '.env.example', 'deploy/id_rsa'] } });
  });
});
