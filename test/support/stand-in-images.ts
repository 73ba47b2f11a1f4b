import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Offline stand-ins for the base images the fixes are proven on, built from the rig's busybox and
 * tagged with the real names (so the rules read the real images' facts). Their tools are small
 * shell programs that fail as the real ones fail when a fix gets the order wrong: apt-get install
 * without package lists, groupadd of a group that exists, npm run build without the dev
 * dependencies or the sources, dotnet publish without the sources, a program another user cannot
 * reach. They model what the fixes change (which files are where when each command runs), not
 * the tools' work.
 */

const ACCOUNTS = String.raw`#!/bin/sh
# groupadd/useradd (shadow) and addgroup/adduser (BusyBox) as far as the fixes use them.
tool=$(basename "$0"); name=; group=
while [ $# -gt 0 ]; do
  case "$1" in
    -G|-g|--gid) group=$2; shift ;;
    --gid=*) group=${"$"}{1#--gid=} ;;
    -*) ;;
    *) name=$1 ;;
  esac
  shift
done
[ -n "$name" ] || { echo "$tool: no name given" >&2; exit 2; }
case "$tool" in
  groupadd|addgroup)
    if grep -q "^$name:" /etc/group; then echo "$tool: group '$name' already exists" >&2; exit 9; fi
    echo "$name:x:$((900 + $(wc -l < /etc/group))):" >> /etc/group ;;
  useradd|adduser)
    if grep -q "^$name:" /etc/passwd; then echo "$tool: user '$name' already exists" >&2; exit 9; fi
    gid=$(grep "^${"$"}{group:-nogroup}:" /etc/group | cut -d: -f3)
    [ -n "$gid" ] || { echo "$tool: group '$group' does not exist" >&2; exit 6; }
    echo "$name:x:$((900 + $(wc -l < /etc/passwd))):$gid::/nonexistent:/bin/false" >> /etc/passwd ;;
esac
`;

const APT_GET = String.raw`#!/bin/sh
lists=/var/lib/apt/lists
for word; do
  case "$word" in
    update) mkdir -p $lists && dd if=/dev/zero of=$lists/stand-in_Packages bs=1024 count=256 2>/dev/null; exit 0 ;;
    install)
      [ -n "$(ls $lists 2>/dev/null)" ] || { echo "E: Unable to locate package (no package lists: run apt-get update first)" >&2; exit 100; }
      mkdir -p /usr/share/stand-in-packages
      for p; do case "$p" in -*|install) ;; *) echo "$p" > /usr/share/stand-in-packages/$p ;; esac; done
      exit 0 ;;
  esac
done
exit 0
`;

const APK = String.raw`#!/bin/sh
# The index apk fetches stays in /var/cache/apk unless --no-cache says otherwise.
verb=$1; shift
case "$verb" in
  update) mkdir -p /var/cache/apk && dd if=/dev/zero of=/var/cache/apk/APKINDEX.tar.gz bs=1024 count=256 2>/dev/null ;;
  add)
    case " $* " in *" --no-cache "*) ;; *) mkdir -p /var/cache/apk && dd if=/dev/zero of=/var/cache/apk/APKINDEX.tar.gz bs=1024 count=256 2>/dev/null ;; esac
    mkdir -p /usr/share/stand-in-packages
    for p; do case "$p" in -*) ;; *) echo "$p" > /usr/share/stand-in-packages/$p ;; esac; done ;;
esac
`;

const NPM = String.raw`#!/bin/sh
verb=$1; shift
case "$verb" in
  ci|install|i)
    [ -f package.json ] || { echo "npm ERR! enoent Could not read package.json in $(pwd)" >&2; exit 254; }
    mkdir -p node_modules/express
    case " $* " in *" --omit=dev "*) ;; *) mkdir -p node_modules/typescript && dd if=/dev/zero of=node_modules/typescript/tsc.js bs=1024 count=256 2>/dev/null ;; esac ;;
  run)
    [ -d node_modules/typescript ] || { echo "sh: tsc: not found (a dev dependency)" >&2; exit 127; }
    [ -f src/server.ts ] || { echo "error TS6053: src/server.ts not found" >&2; exit 2; }
    mkdir -p dist && cp src/server.ts dist/server.js ;;
  prune) rm -rf node_modules/typescript ;;
esac
`;

/** yarn and pnpm: \`install\` needs package.json and brings dev dependencies unless told not to; \`build\` needs them and the sources. */
const YARN_OR_PNPM = String.raw`#!/bin/sh
verb=$1; shift
[ "$verb" = run ] && { verb=$1; shift; }
case "$verb" in
  install|i|"")
    [ -f package.json ] || { echo "$(basename "$0"): no package.json in $(pwd)" >&2; exit 1; }
    mkdir -p node_modules/express
    case " $* " in *" --production "*|*" --prod "*) ;; *) mkdir -p node_modules/typescript && dd if=/dev/zero of=node_modules/typescript/tsc.js bs=1024 count=256 2>/dev/null ;; esac ;;
  build)
    [ -d node_modules/typescript ] || { echo "sh: tsc: not found (a dev dependency)" >&2; exit 127; }
    [ -f src/server.ts ] || { echo "error TS6053: src/server.ts not found" >&2; exit 2; }
    mkdir -p dist && cp src/server.ts dist/server.js ;;
esac
`;

const COREPACK = String.raw`#!/bin/sh
exit 0
`;

/** cargo build: needs the manifest and the sources; the program prints the uid it runs as. */
const CARGO = String.raw`#!/bin/sh
[ "$1" = build ] || exit 0
[ -f Cargo.toml ] || { echo "error: could not find Cargo.toml in $(pwd)" >&2; exit 101; }
[ -f src/main.rs ] || { echo "error: no targets specified in the manifest (src/main.rs missing)" >&2; exit 101; }
mkdir -p target/release && printf '#!/bin/sh
id -u
' > target/release/app && chmod 755 target/release/app
`;

/** mvn package: needs pom.xml and the sources. */
const MVN = String.raw`#!/bin/sh
[ -f pom.xml ] || { echo "[ERROR] The goal you specified requires a project to execute but there is no POM in $(pwd)" >&2; exit 1; }
case " $* " in *" package "*|*" install "*|*" verify "*)
  [ -d src/main/java ] || { echo "[ERROR] No sources to compile" >&2; exit 1; }
  mkdir -p target && cp pom.xml target/app.jar ;;
esac
`;

const NPX = String.raw`#!/bin/sh
exec npm run build
`;

/** Runs a program file the way an interpreter does: it must be readable by the user the container runs as. */
const RUNNER = String.raw`#!/bin/sh
while [ $# -gt 0 ]; do case "$1" in -*) shift ;; *) break ;; esac; done
[ -r "$1" ] || { echo "$(basename "$0"): cannot read $1 as $(id -un 2>/dev/null || id -u)" >&2; exit 1; }
echo "$(basename "$0") ran $1 as uid $(id -u)"
`;

const DOTNET = String.raw`#!/bin/sh
verb=$1; shift
case "$verb" in
  restore) ls *.csproj >/dev/null 2>&1 || { echo "MSB1003: no project file in $(pwd)" >&2; exit 1; }; mkdir -p obj ;;
  publish|build)
    ls *.csproj >/dev/null 2>&1 || { echo "MSB1003: no project file in $(pwd)" >&2; exit 1; }
    [ -f Program.cs ] || { echo "CS5001: no Program.cs (the sources are missing)" >&2; exit 1; }
    out=bin; while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
    mkdir -p "$out" && cp Program.cs "$out/Api.dll" ;;
  *.dll) exec /usr/local/bin/runner "$verb" ;;
esac
`;

const GO = String.raw`#!/bin/sh
verb=$1; shift
case "$verb" in
  mod) [ -f go.mod ] || { echo "go: go.mod file not found in $(pwd)" >&2; exit 1; }; mkdir -p /go/pkg/mod ;;
  build)
    [ -f go.mod ] || { echo "go: go.mod file not found in $(pwd)" >&2; exit 1; }
    [ -f main.go ] || { echo "no Go files in $(pwd)" >&2; exit 1; }
    out=app; while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
    mkdir -p "$(dirname "$out")" && printf '#!/bin/sh\nid -u\n' > "$out" && chmod 755 "$out" ;;
esac
`;

const PIP = String.raw`#!/bin/sh
while [ $# -gt 0 ]; do
  if [ "$1" = -r ]; then [ -f "$2" ] || { echo "ERROR: Could not open requirements file: $2" >&2; exit 1; }; mkdir -p /usr/local/lib/site-packages && cp "$2" /usr/local/lib/site-packages/; fi
  shift
done
`;

interface StandIn {
  readonly tag: string;
  /** Tools by name, installed in /usr/local/bin. */
  readonly tools: Readonly<Record<string, string>>;
  /** Extra lines of the stand-in's Dockerfile (accounts the real image has, its ENV). */
  readonly lines?: readonly string[];
  readonly cmd?: string;
}

const accounts = { groupadd: ACCOUNTS, useradd: ACCOUNTS, addgroup: ACCOUNTS, adduser: ACCOUNTS };

export const STAND_INS: readonly StandIn[] = [
  { tag: 'debian:12-slim', tools: { ...accounts, 'apt-get': APT_GET, runner: RUNNER } },
  { tag: 'alpine:3.20', tools: { ...accounts, apk: APK, runner: RUNNER } },
  // The node images have a 'node' user (uid 1000) they do not switch to.
  { tag: 'node:20-slim', tools: { ...accounts, 'apt-get': APT_GET, npm: NPM, npx: NPX, yarn: YARN_OR_PNPM, pnpm: YARN_OR_PNPM, corepack: COREPACK, node: RUNNER, runner: RUNNER }, lines: ['RUN echo "node:x:1000:1000::/home/node:/bin/sh" >> /etc/passwd && echo "node:x:1000:" >> /etc/group'], cmd: 'node' },
  { tag: 'python:3.12-slim', tools: { ...accounts, 'apt-get': APT_GET, pip: PIP, python: RUNNER, runner: RUNNER }, cmd: 'python3' },
  { tag: 'golang:1.23', tools: { ...accounts, go: GO, runner: RUNNER } },
  // Distroless images have a nonroot user (65532) and no shell; the stand-in keeps busybox's to be built.
  { tag: 'gcr.io/distroless/static-debian12', tools: {}, lines: ['RUN echo "nonroot:x:65532:65532::/home/nonroot:/sbin/nologin" >> /etc/passwd && echo "nonroot:x:65532:" >> /etc/group'] },
  { tag: 'mcr.microsoft.com/dotnet/sdk:8.0', tools: { ...accounts, dotnet: DOTNET, runner: RUNNER } },
  // .NET 8 images have an 'app' user and group (uid 1654) and APP_UID.
  { tag: 'mcr.microsoft.com/dotnet/aspnet:8.0', tools: { ...accounts, dotnet: DOTNET, runner: RUNNER }, lines: ['RUN echo "app:x:1654:1654::/home/app:/bin/false" >> /etc/passwd && echo "app:x:1654:" >> /etc/group', 'ENV APP_UID=1654'] },
  { tag: 'rust:1.82', tools: { ...accounts, cargo: CARGO, runner: RUNNER } },
  { tag: 'maven:3.9-eclipse-temurin-21', tools: { ...accounts, mvn: MVN, java: RUNNER, runner: RUNNER } },
  { tag: 'eclipse-temurin:21-jre', tools: { ...accounts, java: RUNNER, runner: RUNNER } },
  // Images that already run as a user of their own: nginx-unprivileged as nginx (101), Chainguard's as nonroot (65532).
  { tag: 'nginxinc/nginx-unprivileged:1.27-alpine', tools: { ...accounts, runner: RUNNER }, lines: ['RUN echo "nginx:x:101:101::/nonexistent:/sbin/nologin" >> /etc/passwd && echo "nginx:x:101:" >> /etc/group', 'USER 101'] },
  { tag: 'cgr.dev/chainguard/static:latest', tools: {}, lines: ['RUN echo "nonroot:x:65532:65532::/home/nonroot:/sbin/nologin" >> /etc/passwd && echo "nonroot:x:65532:" >> /etc/group', 'USER 65532'] },
];

/** Builds every stand-in image on the engine (offline, from local/busybox:1). */
export function buildStandIns(): void {
  for (const standIn of STAND_INS) {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-stand-in-'));
    try {
      mkdirSync(path.join(folder, 'bin'));
      for (const [name, text] of Object.entries(standIn.tools)) {
        writeFileSync(path.join(folder, 'bin', name), text);
        chmodSync(path.join(folder, 'bin', name), 0o755);
      }
      const dockerfile = [
        'FROM local/busybox:1',
        'COPY bin/ /usr/local/bin/',
        // Root's home is closed to other users, as on Debian and Alpine.
        'RUN mkdir -p /root && chmod 700 /root && ln -sf /usr/local/bin/python /usr/local/bin/python3',
        ...(standIn.lines ?? []),
        `CMD ["${standIn.cmd ?? 'sh'}"]`,
      ].join('\n');
      writeFileSync(path.join(folder, 'Dockerfile'), `${dockerfile}\n`);
      execFileSync('docker', ['build', '--network=none', '-q', '-t', standIn.tag, folder], { stdio: ['ignore', 'ignore', 'pipe'] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
