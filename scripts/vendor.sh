#!/usr/bin/env bash
# Fetch the pinned front-end files the offline preview needs, from the npm registry, at set-up time only,
# and refuse them unless their checksum is the pinned one.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=iframe-worker
VERSION=1.0.4
SHA256=e8c5d12d87829c503afba01d67772ea9f4aba5b7ae57a0c98e1917711030efbb
TARGET=overrides/assets/javascripts/iframe-worker-${VERSION}-shim.js
CACHE=.ppid/vendor

[ -f "$TARGET" ] && exit 0
mkdir -p "$CACHE" "$(dirname "$TARGET")"
tarball="$CACHE/${NAME}-${VERSION}.tgz"
if [ ! -f "$tarball" ]; then
  (cd "$CACHE" && npm pack --silent "${NAME}@${VERSION}" >/dev/null)
fi
echo "${SHA256}  ${tarball}" | sha256sum --check --quiet || {
  echo "vendor: checksum ${tarball} tidak cocok; berkas ditolak" >&2; rm -f "$tarball"; exit 1; }
tar -xzf "$tarball" -O package/shim/index.js > "$TARGET.tmp"
mv "$TARGET.tmp" "$TARGET"
echo "vendor: $TARGET (${NAME}@${VERSION}, sha256 tarball terverifikasi)"
