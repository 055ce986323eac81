#!/usr/bin/env bash
# Runs every test crosscheck has: the Rust suites (unit, feature, property,
# end-to-end over stdio against the built binary, the open-buffer invariant
# and the bounded fuzz) and, when the editors are available, the tests in
# real VS Code, Neovim and Emacs.
#
#   scripts/test-all.sh            # everything; installs editor test deps if missing
#   SKIP_EDITORS=1 scripts/test-all.sh   # Rust suites only
#
# The run ends with one line for everything, after cargo's own output:
#   N passed, N failed, N skipped
# (Rust tests and editor checks together; ignored Rust tests count as
# skipped), and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

passed=0 failed=0 skipped=0
summary() {
  echo "$passed passed, $failed failed, $skipped skipped"
}

if ! cargo build --locked -p crosscheck; then
  failed=$((failed + 1))
  echo "cargo build failed"
  summary
  exit 1
fi

LOG=$(mktemp -t crosscheck-test-all.XXXXXX)
trap 'rm -f "$LOG"' EXIT

editor_rc=0
if [ -z "${SKIP_EDITORS:-}" ] && [ -x editors/scripts/run-editor-tests.sh ]; then
  if [ -x editors/scripts/install-test-deps.sh ]; then
    editors/scripts/install-test-deps.sh || { echo "editor test dependencies could not be installed"; editor_rc=1; }
  fi
  if [ "$editor_rc" = 0 ]; then
    editors/scripts/run-editor-tests.sh "$PWD/target/debug/crosscheck" 2>&1 | tee "$LOG"
    editor_rc=${PIPESTATUS[0]}
    # the runner's own total: its last "P passed, F failed, S skipped" line
    if read -r p f s < <(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$LOG" | tail -1 |
      sed -E 's/^([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/'); then
      passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    fi
  fi
  if [ "$editor_rc" != 0 ] && ! grep -qE '^[0-9]+ passed, [1-9][0-9]* failed' "$LOG"; then
    failed=$((failed + 1)) # the runner failed without counting a failed check
  fi
fi

cargo test --locked --workspace 2>&1 | tee "$LOG"
cargo_rc=${PIPESTATUS[0]}
# "test result: ok. 12 passed; 0 failed; 1 ignored; ..." per test binary
while read -r p f i; do
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + i))
done < <(sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed; ([0-9]+) ignored.*/\1 \2 \3/p' "$LOG")
if [ "$cargo_rc" != 0 ] && ! grep -qE '^test result: FAILED' "$LOG"; then
  failed=$((failed + 1)) # a test binary that did not build or crashed
fi

if [ "$editor_rc" != 0 ]; then
  echo "editor tests failed (exit $editor_rc); see above"
fi
summary
[ "$cargo_rc" = 0 ] && [ "$editor_rc" = 0 ]
