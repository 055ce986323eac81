#!/usr/bin/env bash
# VS Code UI test: a fresh code-server + profile, the .vsix installed, the real workbench driven by
# playwright-core in Debian's chromium; the whole process group is torn down on exit.
# Usage: run.sh MODE WORKSPACE     MODE: full | missing | crash | crash-later | enable | enable-by-hand | bundled
#   enable*: a copy of WORKSPACE without .crosscheck/; the test turns crosscheck on by command or mkdir
#   bundled: VSIX has bin/crosscheck (build-vsix.sh OUT SERVER); no other way to find a server
#   harness: API checks inside the extension host (harness/), installed by folder copy
# Env: VSIX CODE_SERVER PLAYWRIGHT_CORE CHROMIUM (see install-test-deps.sh's env.sh)
#      SERVER  crosscheck binary (full); handed to the extension as CROSSCHECK_PATH
#      CAPS    file with the server's capabilities (probe_caps.py), to skip features it lacks
#      SHOTS   screenshot folder    THEME  colour theme (default "Default Dark Modern")
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
MODE=${1:?usage: run.sh MODE WORKSPACE}
WS=$(cd "${2:?workspace}" && pwd) || exit 2
: "${VSIX:?}" "${CODE_SERVER:?}"
D=$(mktemp -d -t cc-vscode.XXXXXX)
if [[ $MODE == enable* ]]; then
  mkdir "$D/ws" && cp "$WS"/*.txt "$D/ws"/ && WS=$D/ws
fi
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
mkdir -p "$D/user/User" "$D/ext"
cat > "$D/user/User/settings.json" <<JSON
{ "workbench.colorTheme": "${THEME:-Default Dark Modern}", "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off", "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false,
  "update.mode": "none", "workbench.tips.enabled": false, "editor.hover.delay": 100, "editor.wordWrap": "on",
  "chat.disableAIFeatures": true }
JSON
# --config: otherwise code-server writes ~/.config/code-server/config.yaml with a random password
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$D/config.yaml"
COMMON=(--config "$D/config.yaml" --user-data-dir "$D/user" --extensions-dir "$D/ext")
if [ "$MODE" = harness ]; then
  # install both by folder copy: a copied folder next to an --install-extension one is ignored
  python3 - "$VSIX" "$D/ext" <<'PY' || { rm -rf "$D"; exit 1; }
import json, os, sys, zipfile
vsix, extdir = sys.argv[1:]
with zipfile.ZipFile(vsix) as z:
    pkg = json.loads(z.read("extension/package.json"))
    dest = os.path.join(extdir, "%s.%s-%s" % (pkg["publisher"], pkg["name"], pkg["version"]))
    for m in z.namelist():
        if m.startswith("extension/") and not m.endswith("/"):
            out = os.path.join(dest, m[len("extension/"):])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "wb") as f:
                f.write(z.read(m))
PY
  cp -R "$HERE/harness" "$D/ext/crosscheck.crosscheck-test-harness-0.0.1"
  export CROSSCHECK_E2E_OUT=$D/harness.json
else
  "$CODE_SERVER" "${COMMON[@]}" --install-extension "$VSIX" >"$D/install.log" 2>&1 || { cat "$D/install.log"; rm -rf "$D"; exit 1; }
fi
# the extension host inherits code-server's environment: that is how the server path reaches it
unset CROSSCHECK_PATH
case $MODE in
  full|enable*|harness) export CROSSCHECK_PATH=$SERVER ;;
  crash) export CROSSCHECK_PATH=$HERE/../crashing-server.sh ;;
  crash-later) export CROSSCHECK_PATH=$HERE/../fake_crosscheck.py FAKE_CROSSCHECK_EXIT_AFTER_INIT=1 ;;
  missing|bundled) # drop every PATH entry that holds a crosscheck binary
    PATH=$(IFS=:; for d in $PATH; do [ -x "$d/crosscheck" ] || printf '%s:' "$d"; done); export PATH=${PATH%:} ;;
esac
# the stand-in server logs the settings it receives here (the real server ignores the variable)
export FAKE_CROSSCHECK_LOG=$D/settings.jsonl
setsid "$CODE_SERVER" "${COMMON[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$WS" >"$D/server.log" 2>&1 &
PGID=$!
trap 'kill -- -$PGID 2>/dev/null; sleep 1; kill -9 -- -$PGID 2>/dev/null; rm -rf "$D"' EXIT
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
MODE=$MODE timeout 240 node "$HERE/e2e.js" "http://127.0.0.1:$PORT/?folder=$WS"
rc=$?
[ $rc -ne 0 ] && { echo "# --- code-server log (tail)"; tail -20 "$D/server.log" | sed 's/^/# /'; }
exit $rc
