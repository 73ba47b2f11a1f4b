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
      #                 ^^^^ copy-whole-stage Copies the whole work directory /app of stage 'build' (sources, caches, dev dependencies); copy only the build output.
      COPY --from=build / /
      #                 ^ copy-whole-stage Copies the whole file system of stage 'build' (tools, caches, sources); copy only the files the image needs.
      CMD ["node", "/srv/app/server.js"]
    `);
  });

  it("fires on copying a builder's /usr/local wholesale", () => {
    expectRule('copy-whole-stage', dockerfile`
      FROM python:3.12 AS build
      RUN pip install --prefix=/usr/local -r requirements.txt
      FROM python:3.12-slim
      COPY --from=build /usr/local /usr/local
      #                 ^^^^^^^^^^ copy-whole-stage Copies all of /usr/local from stage 'build' (its toolchain and everything installed there); copy only what the image runs, such as the installed packages' folder or one binary.
      CMD ["python", "-m", "app"]
    `);
  });

  it('reads the environment that leaves dev dependencies out: a Rails app folder without the development gems is the product', () => {
    expectRule('copy-whole-stage', dockerfile`
      FROM ruby:3.4-slim AS base
      WORKDIR /rails
      ENV BUNDLE_PATH="/usr/local/bundle" BUNDLE_WITHOUT="development"
      FROM base AS build
      COPY Gemfile Gemfile.lock ./
      RUN bundle install
      COPY . .
      RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile
      FROM base
      COPY --from=build /usr/local/bundle /usr/local/bundle
      COPY --from=build /rails /rails
      CMD ["./bin/rails", "server"]
    `);
    expectRule('copy-whole-stage', dockerfile`
      FROM ruby:3.4-slim AS build
      WORKDIR /rails
      COPY . .
      RUN bundle install
      FROM ruby:3.4-slim
      COPY --from=build /rails /rails
      #                 ^^^^^^ copy-whole-stage Copies the whole work directory /rails of stage 'build' (sources, caches, dev dependencies); copy only the build output.
      CMD ["./bin/rails", "server"]
    `);
  });

  it('does not fire on build outputs, artifact stages, pruned work directories or in builder stages', () => {
    expectRule('copy-whole-stage', dockerfile`
      FROM node:20 AS build
      WORKDIR /app
      FROM build AS test
      COPY --from=build / /
      FROM scratch AS artifacts
      COPY --from=build /app/dist /
      FROM node:20 AS backend
      WORKDIR /dist/backend
      RUN npm ci && npm run build
      FROM node:20 AS prod-deps
      WORKDIR /app
      RUN npm ci && npm run build && npm ci --omit=dev
      FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS venv
      WORKDIR /app
      RUN uv sync --frozen --no-dev
      FROM node:20-slim
      COPY --from=build /app/dist /srv/app/dist
      COPY --from=artifacts / /srv/static
      COPY --from=backend /dist/backend /dist/backend
      COPY --from=prod-deps /app /app
      COPY --from=venv /app /venv-app
      CMD ["node", "/app/server.js"]
    `);
  });
});
