#!/usr/bin/env bash
# Installs what the end-to-end tests need, from Debian packages and the npm registry only:
# Debian's chromium (driven by playwright-core), ripgrep, the toolchain code-server's native
# modules build with, and code-server 4.100.3 (VS Code 1.100.3, needs Node 20) with playwright-core
# in a cache folder. Idempotent: about a second when all is there. Prints where things are.
#
# Env: DFS_E2E_CACHE (default ~/.cache/dockerfile-stages/vscode), DFS_E2E_SKIP_APT=1.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
CACHE="${DFS_E2E_CACHE:-$HOME/.cache/dockerfile-stages/vscode}"
STAMP="$CACHE/installed"
WANT="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION"
APT=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
say() { echo "[e2e setup] $*" >&2; }

if [ "${DFS_E2E_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${APT[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] || { say "code-server $CODE_SERVER_VERSION needs Node 20"; exit 1; }

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -f "$CACHE/node_modules/code-server/out/node/entry.js" ] && [ -f "$CACHE/node_modules/playwright-core/package.json" ]; then
  echo "$CACHE"
  exit 0
fi

# code-server pins @vscode/ripgrep, whose install step downloads rg from outside the npm registry
# unless it finds its archive in its download cache: put one there holding Debian's rg.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null 2>&1 && tar xzf "code-server-$CODE_SERVER_VERSION.tgz" package/lib/vscode/npm-shrinkwrap.json && mv package cs) \
  || { say "could not fetch code-server@$CODE_SERVER_VERSION from the npm registry"; exit 1; }
rg_version="$(node -p "require('$work/cs/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
(cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null 2>&1 && tar xzf "vscode-ripgrep-$rg_version.tgz") || { say "could not fetch @vscode/ripgrep@$rg_version"; exit 1; }
if [ -f "$work/package/lib/postinstall.js" ]; then
  case "$(uname -m)" in x86_64) target=x86_64-unknown-linux-musl ;; aarch64) target=aarch64-unknown-linux-musl ;; *) say "unsupported arch"; exit 1 ;; esac
  rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/package/lib/postinstall.js")"
  cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$rg_version"
  archive="$cache_dir/ripgrep-$rg_tag-$target.tar.gz"
  if [ ! -s "$archive" ]; then
    mkdir -p "$cache_dir" "$work/rg"
    cp "$(command -v rg)" "$work/rg/rg"
    tar czf "$archive" -C "$work/rg" rg
  fi
fi

mkdir -p "$CACHE"
rm -f "$STAMP"
printf '{ "name": "dfs-e2e-tools", "private": true, "dependencies": { "code-server": "%s", "playwright-core": "%s" } }\n' "$CODE_SERVER_VERSION" "$PLAYWRIGHT_CORE_VERSION" > "$CACHE/package.json"
say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION (about a minute)"
started=$(date +%s)
# npm_config_yes: a nested install step runs `npx node-gyp`, which must not stop to ask.
(cd "$CACHE" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false npm install --no-package-lock --loglevel=error > "$CACHE/npm-install.log" 2>&1) \
  || { say "npm install failed; see $CACHE/npm-install.log"; tail -n 40 "$CACHE/npm-install.log" >&2; exit 1; }
say "installed in $(( $(date +%s) - started )) s"
[ -f "$CACHE/node_modules/code-server/out/node/entry.js" ] || { say "code-server is missing after the install"; exit 1; }
echo "$WANT" > "$STAMP"
echo "$CACHE"
