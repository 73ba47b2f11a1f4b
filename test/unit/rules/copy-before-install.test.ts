import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule, problemsOf } from '../../support/rule-harness';
import assert from '../../support/assert';

describe('copy-before-install', () => {
  it('fires on COPY . . before a dependency install in the same stage', () => {
    expectRule('copy-before-install', dockerfile`
      FROM node:20 AS build
      WORKDIR /app
      COPY . .
      #^^^^^^^ copy-before-install The whole context is copied before 'npm ci' (line 4), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN npm ci && npm run build
      FROM python:3.12-slim
      COPY ./ /srv/
      #^^^^^^^^^^^^ copy-before-install The whole context is copied before 'pip install' (line 7), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN pip install -r /srv/requirements.txt
    `);
  });

  it('does not fire when the manifests are copied and installed first', () => {
    expectRule('copy-before-install', dockerfile`
      FROM golang:1.23 AS build
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN go build -o /out/app .
      FROM alpine:3.20
      COPY --from=build . /x
      RUN apk add --no-cache curl
    `);
  });

  it('reports an install inside an if on a build argument a level lower, naming the test; other conditional installs stay silent', () => {
    const text = dockerfile`
      FROM node:22-slim AS builder
      WORKDIR /app
      COPY . .
      ARG CI
      RUN if [ "$CI" != "true" ]; then \\
            pnpm install --frozen-lockfile && pnpm run build; \\
          fi
      FROM node:22-slim
      COPY . .
      RUN for dir in a b; do (cd $dir && npm ci); done
    `;
    assert.deepEqual(problemsOf('copy-before-install', text).map((p) => [p.severity, p.range.start.line, p.message]), [
      ['info', 2, 'The whole context is copied before \'pnpm install\' (line 5), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest, in the builds where `[ "$CI" != "true" ]` holds (build argument CI).'],
    ]);
  });

  it('does not fire when a cache mount keeps what a compiling build fetched and built; npm re-installs all the same', () => {
    expectRule('copy-before-install', dockerfile`
      FROM rust:1.82 AS build
      WORKDIR /src
      COPY . .
      RUN --mount=type=cache,target=/usr/local/cargo/registry \\
          --mount=type=cache,target=/src/target \\
          cargo build --release && cp target/release/app /app
      FROM mcr.microsoft.com/dotnet/sdk:8.0 AS dotnet
      COPY . .
      RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish -c Release -o /out
      FROM node:20-slim
      COPY . .
      #^^^^^^^ copy-before-install The whole context is copied before 'npm ci' (line 12), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN --mount=type=cache,target=/root/.npm npm ci
    `);
  });

  it('does not fire when the dependencies were installed from the manifests before the sources came', () => {
    expectRule('copy-before-install', dockerfile`
      FROM python:3.12-slim AS uv
      WORKDIR /app
      RUN --mount=type=cache,target=/root/.cache/uv \\
          --mount=type=bind,source=uv.lock,target=uv.lock \\
          --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\
          uv sync --frozen --no-install-project --no-dev
      COPY . /app
      RUN uv sync --frozen --no-dev
      FROM rust:1.80 AS chef
      WORKDIR /app
      COPY recipe.json recipe.json
      RUN cargo chef cook --release --recipe-path recipe.json
      COPY . .
      RUN cargo build --release
      FROM gradle:8-jdk21 AS gradle
      COPY build.gradle settings.gradle ./
      RUN gradle dependencies --no-daemon
      COPY . .
      RUN gradle build --no-daemon
      FROM maven:3-eclipse-temurin-21 AS maven
      COPY pom.xml .
      RUN mvn -B dependency:go-offline
      COPY src ./src
      RUN mvn -B package
      FROM node:20-alpine AS pnpm
      COPY pnpm-lock.yaml .
      RUN pnpm fetch
      COPY . .
      RUN pnpm install --offline
    `);
  });

  it('counts a copy of the service folder installed there as a copy of the sources', () => {
    expectRule('copy-before-install', dockerfile`
      FROM node:20 AS web
      WORKDIR /repo
      COPY ./web ./web
      #^^^^^^^^^^^^^^^ copy-before-install './web' is copied before 'npm ci' (line 4), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN cd web && npm ci && npm run build
      FROM node:20 AS api
      WORKDIR /srv
      COPY src ./src
      COPY package.json package-lock.json ./
      RUN npm ci
    `);
  });

  it('reads installs as commands: version checks, global tools and conditional installs stay silent', () => {
    expectRule('copy-before-install', dockerfile`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN yarn --version && npm install -g serve
      RUN if [ "$BUILD_JS" = 1 ]; then npm ci && npm run build; fi
    `);
  });
});
