#!/usr/bin/env bash
# Runs the editor client tests in real editors against a crosscheck binary and prints one combined
# "N passed, M failed, K skipped" line; exits non-zero if anything failed.
#   Neovim 0.7.2 + 0.11.4 (plugin), Emacs + eglot, VS Code (code-server UI test, screenshots in
#   artifacts/screenshots/), and for Neovim and VS Code the missing-server and crashing-server cases.
# Usage: editors/scripts/run-editor-tests.sh [SERVER_BINARY]
#   default SERVER_BINARY: target/debug/crosscheck, built with `cargo build` first;
#   --fake: the stand-in editors/tests/fake_crosscheck.py (to check the clients without a server).
# Needs editors/scripts/install-test-deps.sh to have run (it writes .ci-cache/env.sh).
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
T=$REPO/editors/tests
ENV=$REPO/.ci-cache/env.sh
[ -f "$ENV" ] || { echo "missing $ENV: run editors/scripts/install-test-deps.sh first" >&2; exit 2; }
# shellcheck disable=SC1090
source "$ENV"
SHOTS=$REPO/artifacts/screenshots
LOGS=$REPO/artifacts/editor-tests
rm -rf "$SHOTS" "$LOGS"; mkdir -p "$SHOTS" "$LOGS"
P=0 F=0 S=0
line_ok() { P=$((P + 1)); echo "ok - $*"; }
line_fail() { F=$((F + 1)); echo "not ok - $*"; }

case ${1:-} in
  --fake) SERVER=$T/fake_crosscheck.py ;;
  "") (cd "$REPO" && cargo build -q -p crosscheck) || { line_fail "cargo build"; echo "$P passed, $F failed, $S skipped"; exit 1; }
      SERVER=$REPO/target/debug/crosscheck ;;
  *) SERVER=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
esac
echo "# server: $SERVER"

# run one suite: count its ok/not ok/skip lines; a non-zero exit without a "not ok" still fails it.
# Each suite starts from the example as shipped (code actions in the last one changed .crosscheck/).
suite() {
  local name=$1; shift
  [ -n "${WS:-}" ] && [ -d "$WS" ] && { find "$WS" -mindepth 1 -delete; cp -R "$REPO"/examples/nato-ukraine/. "$WS"/; }
  local log=$LOGS/$name.log t0=$SECONDS
  "$@" >"$log" 2>&1; local rc=$?
  grep -E '^(ok|not ok|skip) - ' "$log"
  local p f s
  p=$(grep -c '^ok - ' "$log"); f=$(grep -c '^not ok - ' "$log"); s=$(grep -c '^skip - ' "$log")
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1; echo "not ok - $name exited $rc without a failed check (log: ${log#$REPO/}):"; tail -5 "$log" | sed 's/^/#   /'
  fi
  grep '^#' "$log" | head -20
  P=$((P + p)) F=$((F + f)) S=$((S + s))
  echo "# $name: $p passed, $f failed, $s skipped in $((SECONDS - t0)) s"
}

if out=$(timeout 10 "$SERVER" --version 2>&1) && [[ $out =~ ^crosscheck\ [0-9]+\.[0-9]+\.[0-9]+ ]]; then
  line_ok "server --version: $out"
else
  line_fail "server --version printed: ${out:-nothing}"
fi

# the example in a temp dir with its own .crosscheck/ (knowledge base, links, verdicts): every
# client activates there, and cross-file answers depend on the annotations as they do for a user
WS=$(mktemp -d -t crosscheck-ws.XXXXXX)
NOROOT=$(mktemp -d -t crosscheck-noroot.XXXXXX)   # same articles, no .crosscheck/: root detection tests
trap 'rm -rf "$WS" "$NOROOT"' EXIT
cp -R "$REPO"/examples/nato-ukraine/. "$WS"/
[ -f "$WS/.crosscheck/entities.json" ] || { line_fail "fixture: the example has no .crosscheck/entities.json"; }
cp "$REPO"/examples/nato-ukraine/*.txt "$NOROOT"/
CAPS=$LOGS/capabilities.json
if timeout 30 python3 "$T/probe_caps.py" "$SERVER" "$WS" >"$CAPS"; then
  line_ok "server capabilities: $(python3 -c 'import json,sys;print(", ".join(sorted(json.load(open(sys.argv[1])))))' "$CAPS")"
else
  line_fail "probe_caps.py could not initialize the server"; echo '{}' >"$CAPS"
fi
export CAPS WS SHOTS

VSIX=$LOGS/crosscheck.vsix
if timeout 300 "$REPO/editors/scripts/build-vsix.sh" "$VSIX" >"$LOGS/build-vsix.log" 2>&1; then
  line_ok "VS Code extension packaged ($(du -k "$VSIX" | cut -f1) KB), unit tests of the server lookup pass"
else
  line_fail "build-vsix.sh (log: artifacts/editor-tests/build-vsix.log)"; tail -5 "$LOGS/build-vsix.log"
fi

# the same extension with the server inside (bin/crosscheck), as a per-platform .vsix would ship it
VSIX_BUNDLED=$LOGS/crosscheck-bundled.vsix
if timeout 300 "$REPO/editors/scripts/build-vsix.sh" "$VSIX_BUNDLED" "$SERVER" >"$LOGS/build-vsix-bundled.log" 2>&1; then
  line_ok "VS Code extension packaged with the server bundled ($(du -m "$VSIX_BUNDLED" | cut -f1) MB)"
else
  line_fail "build-vsix.sh with a bundled server (log: artifacts/editor-tests/build-vsix-bundled.log)"
fi

NVIM_TEST=(--headless -u NONE -c "luafile $T/nvim/test_plugin.lua")
for nv in nvim "$NVIM011"; do
  v=$("$nv" --version | head -1 | cut -d' ' -f2)
  suite "nvim-$v" env CROSSCHECK_PATH="$SERVER" timeout 120 "$nv" "${NVIM_TEST[@]}"
  suite "nvim-$v-missing" env -u CROSSCHECK_PATH MODE=missing \
    PATH="$(IFS=:; for d in $PATH; do [ -x "$d/crosscheck" ] || printf '%s:' "$d"; done)" timeout 60 "$nv" "${NVIM_TEST[@]}"
  suite "nvim-$v-roots" env MODE=roots WS="$NOROOT" CROSSCHECK_PATH="$SERVER" timeout 60 "$nv" "${NVIM_TEST[@]}"
  suite "nvim-$v-crash" env MODE=crash CROSSCHECK_PATH="$T/crashing-server.sh" timeout 60 "$nv" "${NVIM_TEST[@]}"
done

suite emacs env CROSSCHECK_PATH="$SERVER" timeout 120 emacs --batch -l "$T/emacs/test-eglot.el"
suite emacs-missing env -u CROSSCHECK_PATH MODE=missing \
  PATH="$(IFS=:; for d in $PATH; do [ -x "$d/crosscheck" ] || printf '%s:' "$d"; done)" timeout 60 emacs --batch -l "$T/emacs/test-eglot.el"

if [ -f "$VSIX" ]; then
  for mode in full harness enable enable-by-hand missing crash crash-later; do
    suite "vscode-$mode" env VSIX="$VSIX" SERVER="$SERVER" timeout 300 "$T/vscode/run.sh" "$mode" "$WS"
  done
fi
if [ -f "$VSIX_BUNDLED" ]; then
  suite vscode-bundled env VSIX="$VSIX_BUNDLED" timeout 300 "$T/vscode/run.sh" bundled "$WS"
fi

echo "# logs: artifacts/editor-tests/, screenshots: artifacts/screenshots/"
echo "$P passed, $F failed, $S skipped"
[ "$F" -eq 0 ]
