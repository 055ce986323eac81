"""Run a spaCy pipeline over the evaluation corpora and write its person,
organisation and location mentions as JSON for `crosscheck eval
--predictions`. Used by scripts/spacy-side-by-side.sh (outside CI).

Usage: python spacy_ner.py MODEL CORPORA_JSON OUT_JSON
MODEL is an installed package name or a model folder; CORPORA_JSON is what
`crosscheck eval --list-corpora` prints.
"""
import json
import sys
import time
from pathlib import Path

import spacy

# OntoNotes labels -> crosscheck kinds. FAC (buildings, airports, bridges)
# goes to location: GUM and MEANTIME annotate facilities as places.
LABELS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}


def main():
    model, corpora_json, out = sys.argv[1], sys.argv[2], sys.argv[3]
    nlp = spacy.load(model)
    meta = nlp.meta
    system = f"spaCy {meta.get('lang', '')}_{meta.get('name', model)} {meta.get('version', '')}".strip()
    corpora = json.load(open(corpora_json))
    result = {"system": system, "corpora": {}}
    total_chars, t0 = 0, time.perf_counter()
    for c in corpora:
        files = {}
        for path in sorted(Path(c["dir"]).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            total_chars += len(text.encode("utf-8"))
            doc = nlp(text)
            files[path.name] = [
                [e.start_char, e.end_char, LABELS[e.label_]]
                for e in doc.ents
                if e.label_ in LABELS
            ]
        result["corpora"][c["short"]] = files
    secs = time.perf_counter() - t0
    result["throughput_mb_per_s"] = total_chars / secs / 1e6 if secs else 0
    json.dump(result, open(out, "w"))
    print(f"{system}: {total_chars / 1e6:.2f} MB in {secs:.1f} s "
          f"({total_chars / secs / 1e6:.3f} MB/s, one process)", file=sys.stderr)


if __name__ == "__main__":
    main()
