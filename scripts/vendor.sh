#!/usr/bin/env bash
# Fetch the pinned front-end files from the npm registry, at set-up time only, and refuse them unless their
# checksum is the pinned one.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=.ppid/vendor

# vendor NAME VERSION SHA256_OF_TARBALL MEMBER TARGET
vendor() {
  local name=$1 version=$2 sha256=$3 member=$4 target=$5
  [ -f "$target" ] && return 0
  mkdir -p "$CACHE" "$(dirname "$target")"
  local tarball="$CACHE/${name}-${version}.tgz"
  if [ ! -f "$tarball" ]; then
    (cd "$CACHE" && npm pack --silent "${name}@${version}" >/dev/null)
  fi
  echo "${sha256}  ${tarball}" | sha256sum --check --quiet || {
    echo "vendor: checksum ${tarball} tidak cocok; berkas ditolak" >&2; rm -f "$tarball"; exit 1; }
  tar -xzf "$tarball" -O "$member" > "$target.tmp"
  mv "$target.tmp" "$target"
  echo "vendor: $target (${name}@${version}, sha256 tarball terverifikasi)"
}

# The offline preview's search needs it (shipped in the preview zip).
vendor iframe-worker 1.0.4 e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb \
  package/shim/index.js overrides/assets/javascripts/iframe-worker-1.0.4-shim.js
# Tests only: the accessibility engine the desk's browser tests run (never shipped, never in the repository).
vendor axe-core 4.14.1 e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745 \
  package/axe.min.js "$CACHE/axe-core-4.14.1.min.js"
