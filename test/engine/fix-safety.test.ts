import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { engineAvailable } from '../support/engine';
import { buildStandIns } from '../support/stand-in-images';
import { applyRuleFix } from '../support/rule-harness';

const CLI = path.resolve('dist/cli.js');

interface Shape {
  readonly name: string;
  readonly dockerfile: string;
  /** Files of the build context besides the Dockerfile. */
  readonly files?: Readonly<Record<string, string>>;
  /** What the fixed Dockerfile must contain (the fix this shape proves), and must not. */
  readonly fixedHas: readonly string[];
  readonly fixedLacks?: readonly string[];
  /** What the container prints when it starts (the image has a command). */
  readonly prints?: RegExp;
  /** The shape does not build as written (a typo the fix repairs). */
  readonly brokenBefore?: boolean;
  /** More options of `check --fix` (a rule turned off, so that the fix this shape proves is the one applied). */
  readonly options?: readonly string[];
}

const NODE_APP = { 'package.json': '{"name":"app"}', 'package-lock.json': '{}', 'src/server.ts': 'server' };

/**
 * Dockerfiles as multi-stage guides write them, each a shape a fix must keep working: built before
 * and after `check --fix`, started where the image has a command, and compared.
 */
const SHAPES: readonly Shape[] = [
  {
    name: 'apt update and install split across RUNs',
    dockerfile: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\nCOPY app.sh /usr/local/bin/app\nEXPOSE 8080\nCMD ["runner", "/usr/local/bin/app"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: ['RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*', 'USER app'],
    prints: /runner ran \/usr\/local\/bin\/app as uid 9\d\d/,
    options: ['--rule', 'run-consecutive=off'],
  },
  {
    name: 'apt update and install split across RUNs, with every fix',
    dockerfile: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY app.sh /usr/local/bin/app\nEXPOSE 8080\nCMD ["runner", "/usr/local/bin/app"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: ['rm -rf /var/lib/apt/lists/*', '--no-install-recommends', 'USER app'],
    prints: /runner ran/,
  },
  {
    name: 'apt update and install in one RUN',
    dockerfile: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCOPY app.sh /usr/local/bin/app\nEXPOSE 8080\nCMD ["runner", "/usr/local/bin/app"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: ['&& rm -rf /var/lib/apt/lists/*', 'RUN groupadd --system app && useradd --system --gid app --no-create-home app'],
    prints: /runner ran/,
  },
  {
    name: 'a stage built on one that left the apt lists installs from them',
    dockerfile: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\nFROM base\nRUN apt-get install -y --no-install-recommends curl\nCOPY app.sh /usr/local/bin/app\nEXPOSE 8080\nCMD ["runner", "/usr/local/bin/app"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: ['USER app'],
    fixedLacks: ['rm -rf /var/lib/apt/lists'],
    prints: /runner ran/,
  },
  {
    name: 'npm: install and build in one RUN, one stage',
    dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    files: NODE_APP,
    fixedHas: ['npm prune --omit=dev', 'USER node', 'COPY package*.json ./'],
    prints: /node ran dist\/server.js as uid 1000/,
  },
  {
    name: 'npm: install, then a build in a later RUN',
    dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npx tsc -p .\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    files: NODE_APP,
    fixedHas: ['USER node'],
    fixedLacks: ['--omit=dev'],
    prints: /node ran dist\/server.js/,
  },
  {
    name: 'npm: install only, the program already built',
    dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY dist/ ./dist/\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    files: { ...NODE_APP, 'dist/server.js': 'built' },
    fixedHas: ['RUN npm ci --omit=dev', 'USER node'],
    prints: /node ran dist\/server.js/,
  },
  {
    name: 'pip: requirements copied with the sources',
    dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nEXPOSE 8000\nCMD ["python", "app.py"]\n',
    files: { 'requirements.txt': 'flask', 'app.py': 'app' },
    fixedHas: ['COPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .', 'USER app'],
    prints: /python ran app.py/,
  },
  {
    name: '.NET 8: publish in the SDK, run on aspnet (which has an app user)',
    dockerfile:
      'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /out\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /out .\nEXPOSE 8080\nENTRYPOINT ["dotnet", "Api.dll"]\n',
    files: { 'Api.csproj': '<Project />', 'Program.cs': 'program' },
    fixedHas: ['USER $APP_UID'],
    fixedLacks: ['groupadd', 'COPY *.csproj'],
    prints: /ran Api.dll as uid 1654/,
  },
  {
    name: 'Go: modules downloaded with the sources, a static program on distroless, a stage used by its index',
    dockerfile: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=0 /out/app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
    files: { 'go.mod': 'module example.com/app', 'main.go': 'package main' },
    fixedHas: ['FROM golang:1.23 AS build', 'COPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .', 'COPY --from=build /out/app /app', 'USER nonroot:nonroot'],
    prints: /^65532$/m,
  },
  {
    name: 'yarn: install and build in one stage (the cache-order fix needs review, so --fix leaves it)',
    dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\nRUN yarn build\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    files: { ...NODE_APP, 'yarn.lock': '' },
    fixedHas: ['USER node'],
    fixedLacks: ['COPY package.json', '--production'],
    prints: /node ran dist\/server.js as uid 1000/,
  },
  {
    name: 'pnpm: built in one stage, the output copied to a runtime',
    dockerfile:
      'FROM node:20-slim AS build\nWORKDIR /app\nCOPY . .\nRUN corepack enable && pnpm install --frozen-lockfile && pnpm run build\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    files: { ...NODE_APP, 'pnpm-lock.yaml': '' },
    fixedHas: ['USER node'],
    fixedLacks: ['COPY package.json'],
    prints: /node ran dist\/server.js as uid 1000/,
  },
  {
    name: 'Rust: cargo build with the sources (no cache-order fix), the program on Debian',
    dockerfile: 'FROM rust:1.82 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n\nFROM debian:12-slim\nCOPY --from=build /src/target/release/app /usr/local/bin/app\nEXPOSE 8080\nCMD ["/usr/local/bin/app"]\n',
    files: { 'Cargo.toml': '[package]', 'Cargo.lock': '', 'src/main.rs': 'fn main() {}' },
    fixedHas: ['RUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app'],
    fixedLacks: ['COPY Cargo.toml'],
    prints: /^9\d\d$/m,
  },
  {
    name: 'Java: mvn package with the sources (the cache-order fix needs review), the jar on a JRE',
    dockerfile: 'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n\nFROM eclipse-temurin:21-jre\nCOPY --from=build /src/target/app.jar /app/app.jar\nEXPOSE 8080\nCMD ["java", "-jar", "/app/app.jar"]\n',
    files: { 'pom.xml': '<project />', 'src/main/java/App.java': 'class App {}' },
    fixedHas: ['USER 65532:65532'],
    fixedLacks: ['COPY pom.xml'],
    prints: /java ran \/app\/app.jar as uid 65532/,
  },
  {
    name: 'nginx-unprivileged: the image runs as its own user already (no USER added)',
    dockerfile: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 8080\nCMD ["runner", "/usr/share/nginx/html/index.html"]\n',
    files: { 'site/index.html': '<h1>hi</h1>' },
    fixedHas: [],
    fixedLacks: ['USER'],
    prints: /runner ran \/usr\/share\/nginx\/html\/index.html as uid 101/,
  },
  {
    name: 'Chainguard static: a Go program on an image that runs as nonroot (no USER added)',
    dockerfile:
      'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM cgr.dev/chainguard/static:latest\nCOPY --from=build /out/app /app\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
    files: { 'go.mod': 'module example.com/app', 'main.go': 'package main' },
    fixedHas: [],
    fixedLacks: ['USER'],
    prints: /^65532$/m,
  },
  {
    name: 'Alpine: a program copied from a build stage',
    dockerfile: 'FROM alpine:3.20 AS build\nRUN echo app > /app\nFROM alpine:3.20\nCOPY --from=build /app /usr/local/bin/app\nEXPOSE 8080\nCMD ["runner", "/usr/local/bin/app"]\n',
    fixedHas: ['RUN addgroup -S app && adduser -S -G app app\nUSER app'],
    prints: /runner ran/,
  },
  {
    name: 'scratch: a static program',
    dockerfile: 'FROM alpine:3.20 AS build\nRUN cp /bin/busybox /busybox\nFROM scratch\nCOPY --from=build /busybox /busybox\nEXPOSE 8080\nCMD ["/busybox", "id", "-u"]\n',
    fixedHas: ['USER 65532:65532'],
    prints: /^65532$/m,
  },
  {
    name: 'Alpine, two stages, with the fixes of casing, legacy forms, caches, stage references and the exec form together',
    dockerfile: [
      'FROM alpine:3.20 as Build',
      'MAINTAINER Jane Doe <jane@example.com>',
      'ARG TARGETARCH=amd64',
      'ENV APP_HOME /srv',
      'RUN mkdir -p /srv && echo built > /srv/app',
      'FROM --platform=$TARGETPLATFORM alpine:3.20',
      'RUN apk add curl',
      'RUN mkdir -p /data',
      'RUN chmod 755 /data',
      'RUN addgroup -S app && adduser -S -G app app',
      'USER app',
      'COPY --from=0 /srv/app /srv/data/app',
      'ADD app.sh /usr/local/bin/app',
      'EXPOSE 8080/TCP',
      'CMD runner /srv/data/app',
      '',
    ].join('\n'),
    files: { 'app.sh': 'app' },
    fixedHas: [
      'AS build',
      'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
      'ARG TARGETARCH\n',
      'ENV APP_HOME=/srv',
      'apk add --no-cache curl',
      '&& chmod 755 /data',
      'FROM alpine:3.20\n',
      'COPY --chown=app --from=build /srv/app /srv/data/app',
      'COPY app.sh /usr/local/bin/app',
      'EXPOSE 8080/tcp',
      'CMD ["runner", "/srv/data/app"]',
    ],
    prints: /runner ran \/srv\/data\/app as uid 9\d\d/,
    options: ['--platform', 'linux/amd64'],
  },
  {
    name: 'apk update before the installs',
    dockerfile: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\nCOPY app.sh /usr/local/bin/app\nUSER 65532\nCMD ["runner", "/usr/local/bin/app"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: ['RUN apk update && apk add --no-cache curl \\\n    && rm -rf /var/cache/apk/*'],
    prints: /runner ran/,
  },
  {
    name: 'a misspelt stage name (the build fails until the fix)',
    dockerfile: 'FROM alpine:3.20 AS builder\nRUN echo app > /app\nFROM alpine:3.20\nCOPY --from=buidler /app /usr/local/bin/app\nUSER 65532\nCMD ["runner", "/usr/local/bin/app"]\n',
    fixedHas: ['COPY --from=builder /app'],
    prints: /runner ran/,
    brokenBefore: true,
  },
  {
    name: 'the program lives in /root (mode 700)',
    dockerfile: 'FROM alpine:3.20\nWORKDIR /root/\nCOPY app.sh .\nEXPOSE 8080\nCMD ["runner", "/root/app.sh"]\n',
    files: { 'app.sh': 'app' },
    fixedHas: [],
    fixedLacks: ['USER'],
    prints: /runner ran \/root\/app.sh as uid 0/,
  },
];

function writeContext(folder: string, shape: Shape): void {
  writeFileSync(path.join(folder, 'Dockerfile'), shape.dockerfile);
  for (const [file, text] of Object.entries(shape.files ?? {})) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
}

function build(folder: string, tag: string): { ok: boolean; log: string } {
  const run = spawnSync('docker', ['build', '--network=none', '--progress=plain', '-t', tag, folder], { encoding: 'utf8' });
  return { ok: run.status === 0, log: run.stderr.slice(-3000) };
}

function start(tag: string): { status: number | null; output: string } {
  const run = spawnSync('docker', ['run', '--rm', '--network=none', tag], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const sizeOf = (tag: string): number => Number(spawnSync('docker', ['image', 'inspect', '-f', '{{.Size}}', tag], { encoding: 'utf8' }).stdout.trim());

describe('every safe fix, proven by a real build', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  before(() => buildStandIns());

  for (const [index, shape] of SHAPES.entries()) {
    it(`${shape.name}: builds, starts and is no larger after check --fix`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-fix-'));
      try {
        writeContext(folder, shape);
        const before = build(folder, `dfs-fix-${index}:before`);
        assert.equal(before.ok, !shape.brokenBefore, `the shape itself must ${shape.brokenBefore ? 'fail' : 'build'}:\n${before.log}`);

        const fix = spawnSync(process.execPath, [CLI, 'check', '--fix', '--images', 'none', '--shellcheck', 'off', '--fail-level', 'none', ...(shape.options ?? []), path.join(folder, 'Dockerfile')], { encoding: 'utf8' });
        assert.equal(fix.status, 0, fix.stderr);
        const fixed = readFileSync(path.join(folder, 'Dockerfile'), 'utf8');
        for (const text of shape.fixedHas) assert.ok(fixed.includes(text), `the fixed Dockerfile lacks ${JSON.stringify(text)}:\n${fixed}`);
        for (const text of shape.fixedLacks ?? []) assert.ok(!fixed.includes(text), `the fixed Dockerfile has ${JSON.stringify(text)}:\n${fixed}`);

        const after = build(folder, `dfs-fix-${index}:after`);
        assert.ok(after.ok, `the fixed Dockerfile does not build:\n${fixed}\n${after.log}`);
        if (shape.prints) {
          const run = start(`dfs-fix-${index}:after`);
          assert.equal(run.status, 0, `the fixed image does not start:\n${fixed}\n${run.output}`);
          assert.match(run.output, shape.prints);
        }
        // A new user adds a few bytes to /etc/passwd; nothing else may grow.
        if (!shape.brokenBefore) assert.ok(sizeOf(`dfs-fix-${index}:after`) <= sizeOf(`dfs-fix-${index}:before`) + 4096, 'the fixed image is larger');
      } finally {
        rmSync(folder, { recursive: true, force: true });
        spawnSync('docker', ['image', 'rm', '-f', `dfs-fix-${index}:before`, `dfs-fix-${index}:after`], { stdio: 'ignore' });
      }
    });
  }
});

/** What the fixes used to write for these shapes: each breaks the image, which is why the fix now writes something else or nothing. */
const BROKEN_BY_THE_OLD_FIXES: readonly { name: string; dockerfile: string; files?: Record<string, string>; fails: 'build' | 'start' }[] = [
  {
    name: 'the lists removed in the RUN that only updates',
    dockerfile: 'FROM debian:12-slim\nRUN apt-get update \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl\n',
    fails: 'build',
  },
  {
    name: 'npm ci --omit=dev before the build',
    dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && npm run build\nCMD ["node", "dist/server.js"]\n',
    files: NODE_APP,
    fails: 'build',
  },
  {
    name: "a new 'app' group on .NET 8",
    dockerfile: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n',
    fails: 'build',
  },
  {
    name: 'a non-root USER for a program in /root',
    dockerfile: 'FROM alpine:3.20\nWORKDIR /root/\nCOPY app.sh .\nUSER 65532:65532\nCMD ["runner", "/root/app.sh"]\n',
    files: { 'app.sh': 'app' },
    fails: 'start',
  },
  {
    name: 'dotnet publish moved above COPY . .',
    dockerfile: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY *.csproj ./\nRUN dotnet publish -c Release -o /out\nCOPY . .\n',
    files: { 'Api.csproj': '<Project />', 'Program.cs': 'program' },
    fails: 'build',
  },
];

describe('fixes offered as suggestions, proven on the layout they are written for', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  before(() => buildStandIns());

  const suggestions: readonly { name: string; dockerfile: string; title: string; files: Readonly<Record<string, string>> }[] = [
    {
      name: 'copy-before-install on .NET: restore from the project file first, publish after COPY . .',
      dockerfile: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /out\n',
      title: "Copy *.csproj first and run 'dotnet restore' before COPY . (check the manifests' paths)",
      files: { 'Api.csproj': '<Project />', 'Program.cs': 'program' },
    },
    {
      name: 'copy-before-install on yarn: the manifests first, install, then the sources and the build',
      dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\nRUN yarn build\nCMD ["node", "dist/server.js"]\n',
      title: "Copy package.json yarn.lock* first and install before COPY . (check the manifests' paths)",
      files: { ...NODE_APP, 'yarn.lock': '' },
    },
  ];
  for (const [index, suggestion] of suggestions.entries()) {
    it(suggestion.name, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-suggestion-'));
      const tag = `dfs-suggestion:${index}`;
      try {
        const fixed = applyRuleFix('copy-before-install', suggestion.dockerfile, suggestion.title);
        writeContext(folder, { name: suggestion.name, dockerfile: fixed, files: suggestion.files, fixedHas: [] });
        const built = build(folder, tag);
        assert.ok(built.ok, `${fixed}\n${built.log}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
        spawnSync('docker', ['image', 'rm', '-f', tag], { stdio: 'ignore' });
      }
    });
  }
});

describe('the stand-ins fail where the old fixes broke real images', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  before(() => buildStandIns());

  for (const [index, shape] of BROKEN_BY_THE_OLD_FIXES.entries()) {
    it(`${shape.name}: ${shape.fails === 'build' ? 'does not build' : 'does not start'}`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-broken-'));
      const tag = `dfs-broken-${index}:latest`;
      try {
        writeContext(folder, { name: shape.name, dockerfile: shape.dockerfile, files: shape.files, fixedHas: [] });
        const built = build(folder, tag);
        if (shape.fails === 'build') {
          assert.ok(!built.ok, 'the stand-in let a broken build through');
          return;
        }
        assert.ok(built.ok, built.log);
        assert.notEqual(start(tag).status, 0, 'the stand-in started a program its user cannot reach');
      } finally {
        rmSync(folder, { recursive: true, force: true });
        spawnSync('docker', ['image', 'rm', '-f', tag], { stdio: 'ignore' });
      }
    });
  }
});
