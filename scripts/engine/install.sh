#!/usr/bin/env bash
# Installs a private Docker engine for the tests into a cache folder, from Debian packages only:
# dockerd, the docker client, buildx and the compose plugin from Debian sid (BuildKit build checks
# need buildx >= 0.15; Compose v2 is packaged there as a CLI plugin),
# containerd, runc, tini, busybox and docker-registry from the host's own suite. The .debs are
# downloaded with apt-get and unpacked with dpkg-deb; nothing is installed system-wide.
# Idempotent: returns at once when the cache is complete.
#
# Env: DFS_ENGINE_CACHE (default ~/.cache/dockerfile-stages/engine), DFS_ENGINE_SUITE (default sid).
set -euo pipefail

CACHE="${DFS_ENGINE_CACHE:-$HOME/.cache/dockerfile-stages/engine}"
SUITE="${DFS_ENGINE_SUITE:-sid}"
DONE="$CACHE/installed"
say() { echo "[engine install] $*" >&2; }

complete() {
  [ -f "$DONE" ] && [ "$(cat "$DONE")" = "$SUITE" ] || return 1
  for f in bin/docker bin/dockerd bin/containerd bin/containerd-shim-runc-v2 bin/runc bin/docker-init \
           bin/docker-registry plugins/docker-buildx plugins/docker-compose busybox.tar; do
    [ -e "$CACHE/$f" ] || return 1
  done
}
if complete; then exit 0; fi

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || { say "needs apt-get and dpkg-deb (a Debian host)"; exit 1; }
mkdir -p "$CACHE"
exec 8>"$CACHE/.lock"
flock 8
if complete; then exit 0; fi
started=$(date +%s)

# The mirror the host already uses for Debian.
mirror=$( { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}';
            grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | sed 's/\[[^]]*\]//' | awk '{print $2}'; } |
          grep -E '/debian/?$' | head -n1 || true)
mirror="${mirror:-http://deb.debian.org/debian}"
mirror="${mirror%/}"

work="$CACHE/.work"
rm -rf "$work"
mkdir -p "$work/debs" "$work/lists/partial" "$work/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $SUITE main" > "$work/sources.list"
# A private apt configuration: the host's package lists and sources stay untouched.
private=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=/dev/null"
         -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
         -o "APT::Sandbox::User=root")
say "apt-get update for $SUITE ($mirror)"
apt-get "${private[@]}" -qq update >&2
engine=(docker.io docker-buildx docker-compose)
apt-cache "${private[@]}" show docker-cli >/dev/null 2>&1 && engine+=(docker-cli)
cd "$work/debs"
say "downloading ${engine[*]}"
apt-get "${private[@]}" -qq download "${engine[@]}" >&2
host=(containerd runc tini busybox-static docker-registry)
say "downloading ${host[*]}"
if ! apt-get -o APT::Sandbox::User=root -qq download "${host[@]}" >&2; then
  apt-get -qq update >&2
  apt-get -o APT::Sandbox::User=root -qq download "${host[@]}" >&2
fi
: > "$work/versions"
for deb in ./*.deb; do
  dpkg-deb -x "$deb" "$work/root"
  echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" >> "$work/versions"
done
rm -rf "$work/root/usr/share/man" "$work/root/usr/share/doc"

# bin/ holds everything dockerd looks up on PATH; plugins/ the buildx CLI plugin.
mkdir -p "$work/bin" "$work/plugins"
link() { [ -e "$work/root/$1" ] && ln -sf "../root/$1" "$work/bin/${2:-$(basename "$1")}"; return 0; }
link usr/bin/docker; link usr/sbin/dockerd; link usr/bin/containerd; link usr/bin/containerd-shim-runc-v2
link usr/sbin/runc; [ -e "$work/bin/runc" ] || link usr/bin/runc
link usr/bin/tini-static docker-init; link usr/bin/docker-registry
ln -sf ../root/usr/libexec/docker/cli-plugins/docker-buildx "$work/plugins/docker-buildx"
ln -sf ../root/usr/libexec/docker/cli-plugins/docker-compose "$work/plugins/docker-compose"

# A busybox root file system, imported as the only base image (there is no pulling offline).
rootfs="$work/busybox"
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
cp "$work/root/bin/busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"; done
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$work/busybox.tar" .

for b in docker dockerd containerd runc docker-registry; do
  "$work/bin/$b" --version >/dev/null 2>&1 || { say "$b does not run on this host"; exit 1; }
done
"$work/plugins/docker-buildx" version >/dev/null 2>&1 || { say "docker-buildx does not run on this host"; exit 1; }
"$work/plugins/docker-compose" version >/dev/null 2>&1 || { say "docker-compose does not run on this host"; exit 1; }

for item in root bin plugins busybox.tar versions; do rm -rf "${CACHE:?}/$item"; mv "$work/$item" "$CACHE/$item"; done
rm -rf "$work"
echo "$SUITE" > "$DONE"
say "installed in $(( $(date +%s) - started ))s: $(tr '\n' ' ' < "$CACHE/versions")"
