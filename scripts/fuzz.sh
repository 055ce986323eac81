#!/usr/bin/env bash
# A longer run of the fuzz test (tests/lsp_fuzz.rs) than CI's: many seeds,
# more steps each. Deterministic: a failure prints its seed, and
#   CROSSCHECK_FUZZ_SEEDS=<seed> CROSSCHECK_FUZZ_STEPS=<steps> scripts/fuzz.sh
# replays it.
#
#   scripts/fuzz.sh                 # seeds 1..200, 400 steps each (about an hour, debug build)
#   scripts/fuzz.sh 1000..1100 800  # seeds 1000..1099, 800 steps each
#   RELEASE=1 scripts/fuzz.sh       # a release build of the server: more steps per minute
#
# What it checks: see the top of tests/lsp_fuzz.rs (the server stays up and
# answers, no answer about an open document points outside its text, no
# panic, bounded memory, nothing written outside the folder, the command
# line finishes on what is left).
set -euo pipefail
cd "$(dirname "$0")/.."
export CROSSCHECK_FUZZ_SEEDS=${1:-${CROSSCHECK_FUZZ_SEEDS:-1..200}}
export CROSSCHECK_FUZZ_STEPS=${2:-${CROSSCHECK_FUZZ_STEPS:-400}}
profile=()
if [ -n "${RELEASE:-}" ]; then profile=(--release); fi
echo "fuzz: seeds $CROSSCHECK_FUZZ_SEEDS, $CROSSCHECK_FUZZ_STEPS steps each"
exec cargo test --locked "${profile[@]}" -p crosscheck --test lsp_fuzz -- --nocapture
