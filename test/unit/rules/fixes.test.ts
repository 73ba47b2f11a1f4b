import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { applyRuleFix } from '../../support/rule-harness';

describe('rule fixes: the exact text after the fix', () => {
  it('stage-ref-unknown uses the closest stage name', () => {
    assert.equal(
      applyRuleFix('stage-ref-unknown', 'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /a /b\n'),
      'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /a /b\n',
    );
  });

  it('stage-name-casing renames the stage and its by-name references, CRLF kept', () => {
    assert.equal(
      applyRuleFix('stage-name-casing', 'FROM golang:1.23 AS Build\r\nFROM Build AS test\r\nFROM alpine:3.20\r\nCOPY --from=BUILD /a /b\r\nCOPY --from=0 /c /d\r\n'),
      'FROM golang:1.23 AS build\r\nFROM build AS test\r\nFROM alpine:3.20\r\nCOPY --from=build /a /b\r\nCOPY --from=0 /c /d\r\n',
    );
  });

  it('from-as-casing writes AS in the case of FROM', () => {
    assert.equal(applyRuleFix('from-as-casing', 'FROM golang:1.23 as build\n'), 'FROM golang:1.23 AS build\n');
  });

  it('maintainer-deprecated becomes the OCI authors label', () => {
    assert.equal(
      applyRuleFix('maintainer-deprecated', 'FROM alpine:3.20\nMAINTAINER Jane "JD" Doe <jane@example.com>\n'),
      'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n',
    );
  });

  it('add-instead-of-copy keeps the keyword case of the file', () => {
    assert.equal(applyRuleFix('add-instead-of-copy', 'from alpine:3.20\nadd app.conf /etc/\n'), 'from alpine:3.20\ncopy app.conf /etc/\n');
  });

  it('apk-no-cache adds --no-cache to every apk add of the RUN, across continuation lines (backtick escape)', () => {
    const text = dockerfile`
      # escape=\`
      FROM alpine:3.20
      RUN apk add curl \`
          && apk add --virtual .deps git
      CMD ["curl"]
    `;
    assert.equal(
      applyRuleFix('apk-no-cache', text),
      text.replace('apk add curl', 'apk add --no-cache curl').replace('apk add --virtual', 'apk add --no-cache --virtual'),
    );
    // After apk update the index is on disk whatever the adds say: the RUN removes it.
    assert.equal(
      applyRuleFix('apk-no-cache', 'FROM alpine:3.20\nRUN apk update && apk add curl\nCMD ["curl"]\n'),
      'FROM alpine:3.20\nRUN apk update && apk add curl \\\n    && rm -rf /var/cache/apk/*\nCMD ["curl"]\n',
    );
  });

  it('apt-no-install-recommends adds the flag after apt-get install', () => {
    assert.equal(
      applyRuleFix('apt-no-install-recommends', 'FROM debian:12-slim\nRUN apt-get update && apt-get -y install curl && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n'),
      'FROM debian:12-slim\nRUN apt-get update && apt-get -y install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n',
    );
  });

  it('expose-proto-casing lowercases the protocol', () => {
    assert.equal(applyRuleFix('expose-proto-casing', 'FROM alpine:3.20\nEXPOSE 80/TCP\n'), 'FROM alpine:3.20\nEXPOSE 80/tcp\n');
  });

  it('redundant-target-platform removes the flag', () => {
    assert.equal(applyRuleFix('redundant-target-platform', 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS a\n'), 'FROM alpine:3.20 AS a\n');
  });

  it('stage-ref-numeric uses the name, or names the stage first with a name to type over (for what it is, not its image)', () => {
    assert.equal(
      applyRuleFix('stage-ref-numeric', 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=0 /a /b\n'),
      'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /b\n',
    );
    assert.equal(
      applyRuleFix('stage-ref-numeric', 'FROM golang:1.23\nFROM golang:1.23 AS golang-x\nFROM alpine:3.20\nCOPY --from=0 /a /b\nRUN --mount=from=0,target=/s ls\n'),
      'FROM golang:1.23 AS ${1:build}\nFROM golang:1.23 AS golang-x\nFROM alpine:3.20\nCOPY --from=${1:build} /a /b\nRUN --mount=from=${1:build},target=/s ls\n',
    );
    // One placeholder across the edits: the editor links them, as a rename. Not for fix-all: a name is the user's choice.
    assert.equal(applyRuleFix('stage-ref-numeric', 'FROM golang:1.23 AS build\nFROM golang:1.23\nFROM alpine:3.20\nCOPY --from=1 /a /b\n'), 'FROM golang:1.23 AS build\nFROM golang:1.23 AS ${1:build-2}\nFROM alpine:3.20\nCOPY --from=${1:build-2} /a /b\n');
  });

  it('json-args-recommended writes the exec form for a simple command only', () => {
    assert.equal(
      applyRuleFix('json-args-recommended', 'FROM node:20-alpine\nCMD node dist/server.js --port 3000\n'),
      'FROM node:20-alpine\nCMD ["node", "dist/server.js", "--port", "3000"]\n',
    );
    assert.throws(() => applyRuleFix('json-args-recommended', 'FROM node:20-alpine\nCMD node server.js > /var/log/app.log\n'), /no fix/);
  });

  it('copy-from-no-chown adds --chown with the current user', () => {
    assert.equal(
      applyRuleFix('copy-from-no-chown', 'FROM golang:1.23 AS build\nFROM alpine:3.20\nUSER app:app\nCOPY --from=build /out/data /app/data\nCMD ["/app"]\n'),
      'FROM golang:1.23 AS build\nFROM alpine:3.20\nUSER app:app\nCOPY --chown=app:app --from=build /out/data /app/data\nCMD ["/app"]\n',
    );
  });

  it('legacy-key-value-format writes key=value, quoting a value with spaces', () => {
    assert.equal(applyRuleFix('legacy-key-value-format', 'FROM alpine:3.20\nENV APP_HOME /srv/app\n'), 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n');
    assert.equal(applyRuleFix('legacy-key-value-format', 'FROM alpine:3.20\nLABEL description My small app\n'), 'FROM alpine:3.20\nLABEL description="My small app"\n');
  });

  it('final-user-root adds the user the base image calls for, before CMD, with --chown on later COPY --from', () => {
    assert.equal(
      applyRuleFix('final-user-root', 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nEXPOSE 8080\nCMD ["/app"]\n'),
      'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nEXPOSE 8080\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["/app"]\n',
    );
    assert.equal(
      applyRuleFix('final-user-root', 'FROM node:20-slim\r\nCOPY . .\r\nEXPOSE 3000\r\nENTRYPOINT ["node"]\r\nCMD ["server.js"]\r\n'),
      'FROM node:20-slim\r\nCOPY . .\r\nEXPOSE 3000\r\nUSER node\r\nENTRYPOINT ["node"]\r\nCMD ["server.js"]\r\n',
    );
    assert.equal(
      applyRuleFix('final-user-root', 'FROM debian:12-slim\nEXPOSE 80\nCMD ["app"]\n'),
      'FROM debian:12-slim\nEXPOSE 80\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["app"]\n',
    );
    assert.equal(
      applyRuleFix('final-user-root', 'FROM golang:1.23 AS build\nFROM scratch\nEXPOSE 8080\nCMD ["/app"]\nCOPY --from=build /app /app\n'),
      'FROM golang:1.23 AS build\nFROM scratch\nEXPOSE 8080\nUSER 65532:65532\nCMD ["/app"]\nCOPY --chown=65532:65532 --from=build /app /app\n',
    );
  });

  it('final-user-root switches to the user the image already has, and offers nothing when the program lives in /root', () => {
    // .NET 8 images have an app user and APP_UID; creating another 'app' group fails the build.
    assert.equal(
      applyRuleFix('final-user-root', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out/ .\nEXPOSE 8080\nENTRYPOINT ["dotnet", "Api.dll"]\n'),
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out/ .\nEXPOSE 8080\nUSER $APP_UID\nENTRYPOINT ["dotnet", "Api.dll"]\n',
    );
    // .NET 6 has none: the user is created.
    assert.equal(
      applyRuleFix('final-user-root', 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 80\nENTRYPOINT ["dotnet", "Api.dll"]\n'),
      'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 80\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nENTRYPOINT ["dotnet", "Api.dll"]\n',
    );
    assert.equal(
      applyRuleFix('final-user-root', 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nEXPOSE 8080\nCMD ["/app"]\n'),
      'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nEXPOSE 8080\nUSER nonroot:nonroot\nCMD ["/app"]\n',
    );
    for (const text of [
      'FROM alpine:3.20\nWORKDIR /root/\nCOPY app .\nEXPOSE 8080\nCMD ["./app"]\n',
      'FROM alpine:3.20\nCOPY app /root/app\nEXPOSE 8080\nCMD ["/root/app"]\n',
    ]) {
      assert.throws(() => applyRuleFix('final-user-root', text), /no fix/, text);
    }
  });

  it('run-consecutive chains the RUNs with aligned continuations, comments moved above', () => {
    const text = dockerfile`
      FROM debian:12-slim
      RUN apt-get update
      # tools for the health check
      RUN apt-get install -y --no-install-recommends curl \\
          ca-certificates

      RUN rm -rf /var/lib/apt/lists/*
      CMD ["app"]
    `;
    assert.equal(
      applyRuleFix('run-consecutive', text),
      dockerfile`
        FROM debian:12-slim
        # tools for the health check
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends curl \\
            ca-certificates \\
            && rm -rf /var/lib/apt/lists/*
        CMD ["app"]
      `,
    );
  });

  it('run-consecutive keeps the flags and the backtick escape, and refuses lines ending in a comment', () => {
    const text = '# escape=`\nFROM alpine:3.20\nRUN --network=none mkdir /a\nRUN --network=none mkdir /b\nRUN --network=none ln -s /a /c\nCMD ["sh"]\n';
    assert.equal(applyRuleFix('run-consecutive', text), '# escape=`\nFROM alpine:3.20\nRUN --network=none mkdir /a `\n    && mkdir /b `\n    && ln -s /a /c\nCMD ["sh"]\n');
    assert.throws(() => applyRuleFix('run-consecutive', 'FROM alpine:3.20\nRUN mkdir /a # first\nRUN mkdir /b\nRUN mkdir /c\nCMD ["sh"]\n'), /no fix/);
  });

  it('apt-lists-not-cleaned ends the RUN with the clean-up on its own continuation line', () => {
    assert.equal(
      applyRuleFix('apt-lists-not-cleaned', 'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\nCMD ["curl"]\n'),
      'FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n',
    );
  });

  it('apt-lists-not-cleaned moves a lone apt-get update into the RUN that installs, which then removes the lists', () => {
    assert.equal(
      applyRuleFix('apt-lists-not-cleaned', 'FROM debian:12-slim\nRUN apt-get update\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl\nCMD ["curl"]\n'),
      'FROM debian:12-slim\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n',
    );
  });

  it('apt-lists-not-cleaned offers no fix when later RUNs or stages built on this one install from the lists', () => {
    // Two later installs read the lists: neither place for the clean-up keeps both working.
    assert.throws(() => applyRuleFix('apt-lists-not-cleaned', 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get install -y git\nCMD ["curl"]\n'), /no fix/);
    // A stage built FROM this one installs without its own update.
    assert.throws(
      () => applyRuleFix('apt-lists-not-cleaned', 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\nCMD ["git"]\n'),
      /no fix/,
    );
  });

  it('build-tools-in-runtime installs npm packages without dev dependencies', () => {
    assert.equal(applyRuleFix('build-tools-in-runtime', 'FROM node:20-slim\nRUN npm ci\nCMD ["node", "server.js"]\n'), 'FROM node:20-slim\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n');
  });

  it('build-tools-in-runtime prunes the dev dependencies after a build in the same RUN, and offers nothing when a later RUN builds', () => {
    assert.equal(
      applyRuleFix('build-tools-in-runtime', 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n'),
      'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\nCMD ["node", "dist/server.js"]\n',
    );
    assert.throws(() => applyRuleFix('build-tools-in-runtime', 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npx tsc -p .\nCMD ["node", "dist/server.js"]\n'), /no fix/);
  });

  it('final-no-healthcheck offers a HEALTHCHECK template, never applied by fix-all', () => {
    const text = 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
    assert.equal(
      applyRuleFix('final-no-healthcheck', text, 'Add a HEALTHCHECK template'),
      'FROM node:20-alpine\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\\n    CMD wget -q --spider http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
    );
  });

  it('copy-before-install copies the manifests and installs first, keeping the rest of the RUN', () => {
    assert.equal(
      applyRuleFix('copy-before-install', 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci && npm run build\n'),
      'FROM node:20 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm run build\n',
    );
    assert.equal(
      applyRuleFix('copy-before-install', 'FROM golang:1.23 AS build\r\nWORKDIR /src\r\nCOPY . /src\r\nRUN go mod download\r\nRUN go build ./...\r\n'),
      'FROM golang:1.23 AS build\r\nWORKDIR /src\r\nCOPY go.mod go.sum* /src/\r\nRUN go mod download\r\nCOPY . /src\r\nRUN go build ./...\r\n',
    );
    // The install on the last line of a file with no line break at its end.
    assert.equal(applyRuleFix('copy-before-install', 'FROM node:20 AS build\nCOPY . .\nRUN npm ci'), 'FROM node:20 AS build\nCOPY package*.json ./\nRUN npm ci\nCOPY . .');
    assert.equal(
      applyRuleFix('copy-before-install', 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n'),
      'FROM python:3.12-slim\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n',
    );
  });

  it('copy-before-install runs a dependencies-only step first where the install also builds, and leaves the install in place', () => {
    assert.equal(
      applyRuleFix('copy-before-install', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --only main\n'),
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install --no-root --only main\nCOPY . .\nRUN poetry install --only main\n',
    );
    assert.equal(
      applyRuleFix('copy-before-install', 'FROM composer:2 AS vendor\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n'),
      'FROM composer:2 AS vendor\nWORKDIR /app\nCOPY composer.json composer.lock* ./\nRUN composer install --no-scripts --no-autoloader --no-dev\nCOPY . .\nRUN composer install --no-dev\n',
    );
    // dotnet publish needs the sources: restore goes first, and only as a suggestion (project files may sit in subfolders).
    const dotnet = 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /out\n';
    assert.equal(
      applyRuleFix('copy-before-install', dotnet, "Copy *.csproj first and run 'dotnet restore' before COPY . (check the manifests' paths)"),
      'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY *.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /out\n',
    );
    assert.throws(() => applyRuleFix('copy-before-install', dotnet), /no fix 'preferred'/);
    // No step on the manifests alone builds without the sources, or the install runs elsewhere.
    for (const text of [
      'FROM rust:1.82 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n',
      'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n',
      'FROM golang:1.23 AS build\nCOPY . /src\nRUN go mod download\n',
    ]) {
      assert.throws(() => applyRuleFix('copy-before-install', text), /no fix/, text);
    }
  });

  it('dockerignore-missing creates a .dockerignore for the ecosystem, never hiding a file the Dockerfile copies', async () => {
    const { problemsOf } = await import('../../support/rule-harness');
    const text = 'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n';
    const [problem] = problemsOf('dockerignore-missing', text, { buildContext: { dockerignore: null, entries: [] } });
    assert.deepEqual(problem?.fixes.map((f) => [f.title, f.edits, f.createFiles]), [
      [
        'Create a .dockerignore for this project',
        [],
        [{ path: '.dockerignore', content: '.git\n.gitignore\n.dockerignore\n**/.DS_Store\n*.log\n.env\n.env.*\n!.env.example\n.vscode\n.idea\n**/node_modules\nnpm-debug.log*\ncoverage\n.next\n' }],
      ],
    ]);
  });

  it('secret-in-arg-env turns a secret ARG used by RUN into a secret mount (offered, never automatic)', () => {
    const text = 'FROM node:20\nARG NPM_TOKEN\nCOPY package*.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n';
    assert.equal(
      applyRuleFix('secret-in-arg-env', text, 'Pass NPM_TOKEN as a build secret (RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN)'),
      'FROM node:20\nCOPY package*.json ./\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
    );
  });

  it('final-user-root after an explicit USER root adds the non-root USER before the command, keeping the root steps', () => {
    assert.equal(
      applyRuleFix('final-user-root', 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nEXPOSE 8080\nCMD ["app"]\n'),
      'FROM debian:12-slim\nUSER root\nRUN apt-get update\nEXPOSE 8080\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["app"]\n',
    );
  });
});
