#!/usr/bin/env bash
# Starts a private dockerd (BuildKit, buildx, compose) on a socket in a base folder, imports a busybox
# image as `local/busybox:1`, and with --registry also a docker-registry on 127.0.0.1. Prints only
# `export` lines on stdout (eval them); the same lines go to $BASE/env.sh. Stop with stop.sh.
#
# Usage: start.sh --base DIR [--registry]   (DIR at most 60 characters: socket paths are short)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${DFS_ENGINE_CACHE:-$HOME/.cache/dockerfile-stages/engine}"
BASE=""
REGISTRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --registry) REGISTRY=1; shift ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
say() { echo "[engine start] $*" >&2; }
fail() { say "$*"; exit 1; }
[ -n "$BASE" ] || fail "--base DIR is required"
[ "$(id -u)" = 0 ] || fail "dockerd needs root"
mkdir -p "$BASE/pids" "$BASE/config/cli-plugins"
BASE="$(cd "$BASE" && pwd)"
[ ${#BASE} -le 60 ] || fail "base folder path too long for unix sockets: $BASE"

"$HERE/install.sh"
CACHE="$(cd "$CACHE" && pwd -P)"
export PATH="$CACHE/bin:$PATH" DOCKER_HOST="unix://$BASE/docker.sock" DOCKER_CONFIG="$BASE/config"
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
ln -sfn "$CACHE/plugins/docker-buildx" "$BASE/config/cli-plugins/docker-buildx"
ln -sfn "$CACHE/plugins/docker-compose" "$BASE/config/cli-plugins/docker-compose"
[ -f "$BASE/config/config.json" ] || echo '{}' > "$BASE/config/config.json"
echo "$CACHE" > "$BASE/pids/cache"
running() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

if ! running "$(cat "$BASE/pids/dockerd" 2>/dev/null)"; then
  [ -d /run/docker ] || touch "$BASE/pids/made-run-docker"
  echo '{}' > "$BASE/daemon.json"
  cgroup="dockerfile-stages-$(printf %s "$BASE" | cksum | cut -d' ' -f1)"
  echo "$cgroup" > "$BASE/pids/cgroup"
  setsid dockerd --config-file "$BASE/daemon.json" --host "unix://$BASE/docker.sock" \
    --data-root "$BASE/data" --exec-root "$BASE/exec" --pidfile "$BASE/dockerd.pid" \
    --storage-driver "${DFS_ENGINE_STORAGE_DRIVER:-vfs}" --cgroup-parent "/$cgroup" \
    --iptables=false --ip6tables=false --ip-masq=false --bridge=none --userland-proxy=false \
    >>"$BASE/dockerd.log" 2>&1 </dev/null &
  echo $! > "$BASE/pids/dockerd"
  deadline=$(( $(date +%s) + 60 ))
  until docker info >/dev/null 2>&1; do
    running "$(cat "$BASE/pids/dockerd")" || { tail -n 30 "$BASE/dockerd.log" >&2; fail "dockerd exited while starting"; }
    [ "$(date +%s)" -lt "$deadline" ] || { tail -n 30 "$BASE/dockerd.log" >&2; "$HERE/stop.sh" --base "$BASE" >&2; fail "dockerd did not answer in 60 s"; }
    sleep 0.2
  done
  cp "$BASE/exec/containerd/containerd.pid" "$BASE/pids/containerd" 2>/dev/null || true
  say "dockerd ready (pid $(cat "$BASE/pids/dockerd"))"
fi
if ! docker image inspect local/busybox:1 >/dev/null 2>&1; then
  docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["sh"]' \
    "$CACHE/busybox.tar" local/busybox:1 >/dev/null
fi

if [ "$REGISTRY" = 1 ] && ! running "$(cat "$BASE/pids/registry" 2>/dev/null)"; then
  mkdir -p "$BASE/registry/storage"
  for attempt in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' \
      "$BASE/registry/storage" "$port" > "$BASE/registry/config.yml"
    setsid docker-registry serve "$BASE/registry/config.yml" >>"$BASE/registry/registry.log" 2>&1 </dev/null &
    echo $! > "$BASE/pids/registry"
    for _ in $(seq 1 50); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then echo "127.0.0.1:$port" > "$BASE/registry/address"; break 2; fi
      running "$(cat "$BASE/pids/registry")" || break
      sleep 0.1
    done
    kill "$(cat "$BASE/pids/registry")" 2>/dev/null || true
  done
  [ -f "$BASE/registry/address" ] || fail "docker-registry did not start"
  say "registry on $(cat "$BASE/registry/address")"
fi

{
  echo "export DOCKER_HOST='unix://$BASE/docker.sock'"
  echo "export DOCKER_CONFIG='$BASE/config'"
  echo "export DOCKER_BUILDKIT=1"
  echo "export PATH='$CACHE/bin':\"\$PATH\""
  [ -f "$BASE/registry/address" ] && echo "export REGISTRY='$(cat "$BASE/registry/address")'"
} > "$BASE/env.sh"
cat "$BASE/env.sh"
