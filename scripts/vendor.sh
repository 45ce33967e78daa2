#!/usr/bin/env bash
# Fetch the pinned third-party files, from the npm registry, at set-up time only, and refuse them unless the
# tarball's checksum is the pinned one: the offline preview's iframe-worker shim (shipped in overrides/, so
# file:// search works), and the validators the audit test runs (axe-core, the Nu HTML Checker jar), kept in
# the git-ignored .ppid/audit/.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=.ppid/vendor

fetch() {  # name version sha256 member target
  local name=$1 version=$2 sha=$3 member=$4 target=$5
  [ -f "$target" ] && return 0
  mkdir -p "$CACHE" "$(dirname "$target")"
  local tarball="$CACHE/${name}-${version}.tgz"
  [ -f "$tarball" ] || (cd "$CACHE" && npm pack --silent "${name}@${version}" >/dev/null)
  echo "${sha}  ${tarball}" | sha256sum --check --quiet || {
    echo "vendor: checksum ${tarball} tidak cocok; berkas ditolak" >&2; rm -f "$tarball"; exit 1; }
  tar -xzf "$tarball" -O "$member" > "$target.tmp"
  mv "$target.tmp" "$target"
  echo "vendor: $target (${name}@${version}, sha256 tarball terverifikasi)"
}

fetch iframe-worker 1.0.4 e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb \
  package/shim/index.js overrides/assets/javascripts/iframe-worker-1.0.4-shim.js
fetch axe-core 4.14.1 e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745 \
  package/axe.min.js .ppid/audit/axe-4.14.1.min.js
fetch vnu-jar 26.9.27 5970d3ffca91a627cf0965e5d91bb2e4242307c29292998de0b419d6a901b2b7 \
  package/build/dist/vnu.jar .ppid/audit/vnu-26.9.27.jar
