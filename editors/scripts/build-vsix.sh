#!/usr/bin/env bash
# Builds the VS Code extension into a .vsix, offline apart from npm's registry (or its cache).
# Works in a temp copy so editors/vscode stays clean; runs the unit tests before packaging.
# Usage: editors/scripts/build-vsix.sh OUT.vsix [SERVER_BINARY]
#   With SERVER_BINARY, the binary is bundled as bin/crosscheck and the .vsix is marked linux-x64.
# Env: VSCE (default: vsce from $REPO/.ci-cache/tools, see install-test-deps.sh)
#      SCHEMAS_DIR (default: $REPO/server/schemas) JSON schemas copied in for jsonValidation
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${1:?usage: build-vsix.sh OUT.vsix [SERVER_BINARY]}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
VSCE=${VSCE:-$REPO/.ci-cache/tools/node_modules/.bin/vsce}
B=$(mktemp -d -t crosscheck-vsix.XXXXXX)
trap 'rm -rf "$B"' EXIT
tar -C "$REPO/editors/vscode" --exclude=node_modules --exclude=out --exclude=bin --exclude='*.vsix' -cf - . | tar -C "$B" -xf -
cd "$B"
npm ci --no-fund --no-audit --loglevel=error
npx tsc -p .
node --test test/unit/ >test-unit.log 2>&1 || { cat test-unit.log; exit 1; }
rm test-unit.log
# the server owns the schemas; the extension ships a copy so validation works offline
SCHEMAS_DIR=${SCHEMAS_DIR:-$REPO/server/schemas}
mkdir -p schemas
for f in entities annotation-file; do
  if [ -f "$SCHEMAS_DIR/$f.schema.json" ]; then cp "$SCHEMAS_DIR/$f.schema.json" schemas/
  else echo "warning: $SCHEMAS_DIR/$f.schema.json missing: no validation for that file" >&2; fi
done
TARGET=()
if [ -n "${2:-}" ]; then
  mkdir -p bin && cp "$2" bin/crosscheck && chmod +x bin/crosscheck
  TARGET=(--target linux-x64)   # a bundled binary makes the package platform-specific
fi
"$VSCE" package "${TARGET[@]}" -o "$OUT"
