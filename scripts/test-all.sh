#!/usr/bin/env bash
# Runs every test crosscheck has: the Rust suites (unit, feature, property,
# end-to-end over stdio against the built binary) and, when the editors are
# available, the tests in real VS Code, Neovim and Emacs.
#
#   scripts/test-all.sh            # everything; installs editor test deps if missing
#   SKIP_EDITORS=1 scripts/test-all.sh   # Rust suites only
#
# The Rust summary comes last, so the run ends with cargo's own result lines.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

cargo build --locked -p crosscheck || exit 1

editor_rc=0
if [ -z "${SKIP_EDITORS:-}" ] && [ -x editors/scripts/run-editor-tests.sh ]; then
  if [ -x editors/scripts/install-test-deps.sh ]; then
    editors/scripts/install-test-deps.sh || { echo "editor test dependencies could not be installed"; editor_rc=1; }
  fi
  if [ "$editor_rc" = 0 ]; then
    editors/scripts/run-editor-tests.sh "$PWD/target/debug/crosscheck" || editor_rc=$?
  fi
fi

cargo test --locked --workspace 2>&1
cargo_rc=${PIPESTATUS[0]}

if [ "$editor_rc" != 0 ]; then
  echo "editor tests failed (exit $editor_rc); see above"
fi
[ "$cargo_rc" = 0 ] && [ "$editor_rc" = 0 ]
