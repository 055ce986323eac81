#!/usr/bin/env bash
# Builds crosscheck in release, generates the benchmark corpus into /tmp and
# runs the benchmark on it. Usage:
#   bench/run.sh [FILES] [SEED]        # defaults: 10000 files, seed 42
#   JSON=1 bench/run.sh                # machine-readable report
# The corpus is regenerated only when missing (it is deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES="${1:-10000}"
SEED="${2:-42}"
OUT="${BENCH_CORPUS:-/tmp/crosscheck-bench-${FILES}-${SEED}}"

cargo build --release -p crosscheck
BIN=target/release/crosscheck

if [ ! -f "$OUT/big_100k.txt" ]; then
  rm -rf "$OUT"
  "$BIN" bench gen-corpus "$OUT" --files "$FILES" --seed "$SEED"
fi
# Let the page cache hold the corpus, as it would after the editor opened
# the folder; the first run after generation is already warm.
if [ -n "${JSON:-}" ]; then
  "$BIN" bench run "$OUT" --json
else
  "$BIN" bench run "$OUT"
fi
