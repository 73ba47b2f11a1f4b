import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('secret-in-arg-env', () => {
  it('fires on secret-looking names and values', () => {
    expectRule('secret-in-arg-env', dockerfile`
      FROM alpine:3.20
      ARG GITHUB_TOKEN
      #   ^^^^^^^^^^^^ secret-in-arg-env ARG 'GITHUB_TOKEN' looks like a secret, and ARG values stay in the image history; pass it with RUN --mount=type=secret,id=github_token instead.
      ENV DB_PASSWORD=changeme
      #   ^^^^^^^^^^^^^^^^^^^^ secret-in-arg-env ENV 'DB_PASSWORD' looks like a secret, and ENV values stay in the image history; pass it with RUN --mount=type=secret,id=db_password instead.
      ENV AWS_ID=AKIAIOSFODNN7EXAMPLE
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ secret-in-arg-env ENV 'AWS_ID' looks like a secret, and ENV values stay in the image history; pass it with RUN --mount=type=secret,id=aws_id instead.
    `);
  });

  it('judges the value: empty values, placeholders, secret-file paths and key ids hold no secret', () => {
    expectRule('secret-in-arg-env', dockerfile`
      FROM python:3.12-slim
      ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D
      ENV DB_PASSWORD= API_TOKEN=""
      ENV sa_password _
      ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
      ENV SIGNING_KEY_ID=0x1234ABCD5678EF90
      ENV ADMIN_PASSWORD=\${ADMIN_PASSWORD_FROM_CI:-}
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ secret-in-arg-env ENV 'ADMIN_PASSWORD' looks like a secret, and ENV values stay in the image history; pass it with RUN --mount=type=secret,id=admin_password instead.
    `);
  });

  it("follows BuildKit's allow-list: public, file and version as whole parts of the name", () => {
    expectRule('secret-in-arg-env', dockerfile`
      FROM node:20-slim
      ARG NEXT_PUBLIC_MAPS_KEY
      ARG API_TOKEN_FILE
      ENV AUTH_VERSION=2
      ARG PUBLISHER_TOKEN
      #   ^^^^^^^^^^^^^^^ secret-in-arg-env ARG 'PUBLISHER_TOKEN' looks like a secret, and ARG values stay in the image history; pass it with RUN --mount=type=secret,id=publisher_token instead.
      ENV NEXT_PUBLIC_KEY=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ secret-in-arg-env ENV 'NEXT_PUBLIC_KEY' looks like a secret, and ENV values stay in the image history; pass it with RUN --mount=type=secret,id=next_public_key instead.
      CMD ["node", "server.js"]
    `);
  });

  it('does not fire on ordinary names that merely contain the words, or on global ARGs', () => {
    expectRule('secret-in-arg-env', dockerfile`
      ARG GITHUB_TOKEN
      ARG KEYBOARD_LAYOUT=us
      FROM alpine:3.20
      ENV TOKENIZER=fast AUTHOR=jane PUBLIC_URL=https://example.com
    `);
  });

  it('judges switches, numbers and build-time dummies as no secret', () => {
    expectRule('secret-in-arg-env', dockerfile`
      FROM grafana/grafana:11.1.0
      ENV GF_AUTH_ANONYMOUS_ENABLED=false GF_AUTH_BASIC_ENABLED=false TOKEN_TTL=3600
      ENV STRIPE_SECRET_KEY=test AUTH_SECRET=build-time-placeholder
    `);
  });

  it('looks only at stages whose history reaches someone, not at a builder’s', () => {
    expectRule('secret-in-arg-env', dockerfile`
      FROM node:20 AS build
      ARG NPM_TOKEN
      ENV NEXT_PRIVATE_ENCRYPTION_KEY=\${NPM_TOKEN}
      RUN npm ci && npm run build
      FROM node:20-slim
      COPY --from=build /app/dist /app
      ARG SENTRY_AUTH_TOKEN
      #   ^^^^^^^^^^^^^^^^^ secret-in-arg-env ARG 'SENTRY_AUTH_TOKEN' looks like a secret, and ARG values stay in the image history; pass it with RUN --mount=type=secret,id=sentry_auth_token instead.
      CMD ["node", "/app/main.js"]
    `);
  });
});
