import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';
import type { BuildContext } from '../../../server/src/rules/rule';

/** A build context of these files (path → text); `.dockerignore` as given. */
function context(files: Record<string, string>, dockerignore: string | null = null): BuildContext {
  const entries = [...new Set(Object.keys(files).flatMap((file) => file.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
  return { dockerignore, entries, readFile: (path) => files[path] ?? null };
}

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

describe('context-secret-copied', () => {
  it('fires on files that hold credentials, copied by name', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20
      COPY .npmrc package.json ./
      #    ^^^^^^ context-secret-copied '.npmrc' holds credentials and would be baked into a layer; use RUN --mount=type=secret (or a build secret) instead.
      COPY config/service-account.json /etc/gcp/
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ context-secret-copied 'config/service-account.json' holds credentials and would be baked into a layer; use RUN --mount=type=secret (or a build secret) instead.
    `, { buildContext: context({ '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n', 'package.json': '{}', 'config/service-account.json': '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE"}' }) });
  });

  it('fires on COPY . when the context holds credentials that .dockerignore does not exclude', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20
      COPY . .
      #^^^^^^^ context-secret-copied This copies the whole context, including credentials (.env, deploy/id_rsa); exclude them in .dockerignore.
    `, { buildContext: context({ '.env': 'DATABASE_PASSWORD=hunter2\n', '.env.example': 'DATABASE_PASSWORD=\n', 'deploy/id_rsa': KEY, 'src/index.js': '' }, 'node_modules\n') });
  });

  it('does not fire on files without credentials: an .npmrc naming a registry, a public key, a certificate, an empty .env', () => {
    expectRule('context-secret-copied', dockerfile`
      FROM node:20
      COPY .npmrc ./
      COPY jenkins.io.key /war/jenkins-key.pub
      COPY certs/ca.pem /usr/local/share/ca-certificates/
      COPY . .
    `, { buildContext: context({ '.npmrc': 'registry=https://registry.npmjs.org/\nsave-exact=true\n', 'jenkins.io.key': '-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBG\n', 'certs/ca.pem': '-----BEGIN CERTIFICATE-----\nMIID\n', '.env': 'PORT=3000\nDATABASE_PASSWORD=\n' }) });
  });

  it('does not fire without a known context, on example files, excluded credentials, or stage copies', () => {
    expectRule('context-secret-copied', 'FROM node:20\nCOPY .npmrc ./\n');
    expectRule('context-secret-copied', dockerfile`
      FROM node:20 AS build
      COPY .env.example ./
      COPY . .
      FROM node:20-slim
      COPY --from=build /app/.npmrc /tmp/
    `, { buildContext: context({ '.env': 'API_TOKEN=abc\n', '.env.example': 'API_TOKEN=\n', 'deploy/id_rsa': KEY }, '.env*\n!.env.example\n**/id_rsa\n') });
  });
});
