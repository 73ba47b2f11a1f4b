import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('image-heavy-runtime', () => {
  it('fires when the stage that ships rests on an SDK image, naming the usual runtime', () => {
    expectRule('image-heavy-runtime', dockerfile`
      FROM golang:1.23 AS build
      #    ^^^^^^^^^^^ image-heavy-runtime The image ships on 'golang:1.23', a full SDK with compilers and headers; build in an earlier stage and ship on gcr.io/distroless/static or scratch (with CGO_ENABLED=0).
      RUN go build -o /app .
      FROM build AS runtime
      CMD ["/app"]
    `);
  });

  it('resolves the base through ARGs and names the lighter image of the same name', () => {
    expectRule('image-heavy-runtime', dockerfile`
      ARG PY=3.12
      FROM python:\${PY}
      #    ^^^^^^^^^^^^ image-heavy-runtime The image ships on 'python:3.12', a full SDK with compilers and headers; build in an earlier stage and ship on python:<version>-slim or python:<version>-alpine.
      CMD ["python", "-m", "app"]
    `);
  });

  it('reads the variant of a digest pin from the OCI base-name label, and judges none without it', () => {
    expectRule('image-heavy-runtime', dockerfile`
      FROM node@sha256:0afb7822fac7bf9d7c1bf3b6e6c496dee6b2b64d8dfa365501a3c68e8eba94b2
      LABEL org.opencontainers.image.base.name="docker.io/node:24-slim"
      CMD ["node", "server.js"]
    `);
    expectRule('image-heavy-runtime', dockerfile`
      FROM node@sha256:0afb7822fac7bf9d7c1bf3b6e6c496dee6b2b64d8dfa365501a3c68e8eba94b2
      CMD ["node", "server.js"]
    `);
    expectRule('image-heavy-runtime', dockerfile`
      FROM node@sha256:0afb7822fac7bf9d7c1bf3b6e6c496dee6b2b64d8dfa365501a3c68e8eba94b2
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ image-heavy-runtime The image ships on 'node:24@sha256:0afb7822fac7bf9d7c1bf3b6e6c496dee6b2b64d8dfa365501a3c68e8eba94b2', a full SDK with compilers and headers; build in an earlier stage and ship on node:<version>-slim or node:<version>-alpine.
      LABEL org.opencontainers.image.base.name=node:24 org.opencontainers.image.base.digest=sha256:0afb7822fac7bf9d7c1bf3b6e6c496dee6b2b64d8dfa365501a3c68e8eba94b2
      CMD ["node", "server.js"]
    `);
  });

  it('does not fire on buildpack-deps:*-scm (no compiler), unknown images, or when the SDK is only a builder', () => {
    expectRule('image-heavy-runtime', dockerfile`
      FROM buildpack-deps:bookworm-scm
      CMD ["git", "--version"]
    `);
    expectRule('image-heavy-runtime', dockerfile`
      FROM myorg/toolchain:1
      CMD ["app"]
    `);
  });

  it('does not fire on runtime images or when the SDK is only a builder', () => {
    expectRule('image-heavy-runtime', dockerfile`
      FROM maven:3.9-eclipse-temurin-21 AS build
      FROM node:20-slim AS web
      FROM eclipse-temurin:21-jre
      COPY --from=build /app.jar /app.jar
    `);
  });
});
