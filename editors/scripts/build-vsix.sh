#!/usr/bin/env bash
# Builds the VS Code extension into a .vsix, offline apart from npm's registry (or its cache).
# Works in a temp copy so editors/vscode stays clean; runs the unit tests before packaging.
# Installs what it needs itself: the extension's npm dependencies (npm ci), and vsce when it is
# not there yet (into $REPO/.ci-cache/tools, where install-test-deps.sh puts it too).
#
# Usage: editors/scripts/build-vsix.sh OUT.vsix [--with-server | SERVER_BINARY]
#   --with-server   build the server in release (cargo build --release) and bundle it, stripped,
#                   as bin/crosscheck: the .vsix then works with nothing else installed (linux-x64)
#   SERVER_BINARY   bundle that binary instead (stripped copy; the editor tests pass their build)
# Env: VSCE (default: vsce from $REPO/.ci-cache/tools)
#      SCHEMAS_DIR (default: $REPO/server/schemas) JSON schemas copied in for jsonValidation
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${1:?usage: build-vsix.sh OUT.vsix [--with-server | SERVER_BINARY]}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
SERVER=${2:-}

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "build-vsix.sh: node and npm are needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }

VSCE_VERSION=3.9.2
TOOLS=$REPO/.ci-cache/tools
VSCE=${VSCE:-$TOOLS/node_modules/.bin/vsce}
if [ ! -x "$VSCE" ]; then
  echo "build-vsix.sh: installing @vscode/vsce@$VSCE_VERSION into $TOOLS" >&2
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"private":true}' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-fund --no-audit --loglevel=error "@vscode/vsce@$VSCE_VERSION")
  VSCE=$TOOLS/node_modules/.bin/vsce
fi

if [ "$SERVER" = --with-server ]; then
  echo "build-vsix.sh: building the server in release" >&2
  (cd "$REPO" && cargo build --release --locked -p crosscheck) >&2
  SERVER=$REPO/target/release/crosscheck
fi
if [ -n "$SERVER" ] && [ ! -x "$SERVER" ]; then
  echo "build-vsix.sh: $SERVER is not an executable server binary" >&2; exit 1
fi

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
if [ -n "$SERVER" ]; then
  mkdir -p bin && cp "$SERVER" bin/crosscheck && chmod +x bin/crosscheck
  # symbols and debug info are of no use to users and make most of a binary's size
  if command -v strip >/dev/null; then strip --strip-all bin/crosscheck
  else echo "warning: no strip (binutils): the bundled server keeps its symbols" >&2; fi
  TARGET=(--target linux-x64)   # a bundled binary makes the package platform-specific
fi
# No repository URL: the extension is built from this checkout, not published from a host.
"$VSCE" package --allow-missing-repository "${TARGET[@]}" -o "$OUT"
