#!/usr/bin/env bash
# Stops what start.sh started in a base folder, by the pids it recorded (never by process name),
# after checking that each process runs a binary from the engine cache and names the base folder.
# Then removes the base folder. Usage: stop.sh --base DIR
set -uo pipefail
BASE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    *) echo "stop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$BASE" ] && [ -d "$BASE" ] || exit 0
BASE="$(cd "$BASE" && pwd)"
CACHE="$(cat "$BASE/pids/cache" 2>/dev/null || true)"
say() { echo "[engine stop] $*" >&2; }
running() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
ours() {
  running "$1" && [ -n "$CACHE" ] || return 1
  case "$(readlink "/proc/$1/exe" 2>/dev/null)" in "$CACHE"/*) ;; *) return 1 ;; esac
  tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF "$BASE/"
}
stop() { # pid grace
  ours "$1" || return 0
  kill -TERM "$1" 2>/dev/null
  for _ in $(seq 1 $(( $2 * 10 ))); do running "$1" || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null
}
stop "$(cat "$BASE/pids/registry" 2>/dev/null)" 5
if ours "$(cat "$BASE/pids/dockerd" 2>/dev/null)"; then
  ids=$(DOCKER_HOST="unix://$BASE/docker.sock" timeout 10 "$CACHE/bin/docker" ps -q 2>/dev/null || true)
  [ -z "$ids" ] || DOCKER_HOST="unix://$BASE/docker.sock" timeout 20 "$CACHE/bin/docker" kill $ids >/dev/null 2>&1
fi
stop "$(cat "$BASE/pids/dockerd" 2>/dev/null)" 30
stop "$(cat "$BASE/pids/containerd" 2>/dev/null || cat "$BASE/exec/containerd/containerd.pid" 2>/dev/null)" 10
# containerd shims outlive containerd; they too run from the cache and name the base folder.
for dir in /proc/[0-9]*; do pid="${dir#/proc/}"; [ "$pid" = "$$" ] || stop "$pid" 5; done
if [ -f "$BASE/pids/cgroup" ]; then
  for d in /sys/fs/cgroup/*/"$(cat "$BASE/pids/cgroup")" /sys/fs/cgroup/"$(cat "$BASE/pids/cgroup")"; do
    [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
fi
[ -f "$BASE/pids/made-run-docker" ] && rmdir /run/docker/plugins /run/docker 2>/dev/null
awk -v b="$BASE/" 'index($5, b) == 1 {print $5}' /proc/self/mountinfo 2>/dev/null | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
rm -rf "$BASE"
say "stopped and removed $BASE"
exit 0
