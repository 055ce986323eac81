//! `expected.json` of a claims corpus: what must be found and what must
//! not, keyed by file path and a quoted substring, so the expectations
//! survive edits that move offsets. The format is documented in the
//! README (*Evaluating claims*) and in `tests/corpora/claims-dev/README.md`.
//!
//! Loading checks the file strictly: every quote must occur exactly once in
//! its file, every kind, reason and code must be known, both sides of a
//! pair must be in one workspace. A wrong expectation is an error, never a
//! silent miss.
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

use crate::cli::claims::model::FACT_KINDS;
use crate::config::Rule;

pub const FORMAT: &str = "crosscheck-claims-expected/1";

/// Why a pair must not conflict (or not corroborate).
pub const WHY_NOT_CONFLICT: &[&str] = &[
    "restatement",
    "near_miss",
    "part_whole",
    "average_total",
    "different_measure",
    "time_shift",
];
pub const WHY_NOT_CORROBORATION: &[&str] = &["contradiction", "near_miss", "different_measure"];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub path: String,
    pub quote: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairExp {
    /// Fact kind (one of `FACT_KINDS`); required for conflicts.
    #[serde(default)]
    pub kind: Option<String>,
    /// Required for `not_conflicts` and `not_corroborations`.
    #[serde(default)]
    pub why: Option<String>,
    pub a: Side,
    pub b: Side,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateExp {
    pub path: String,
    /// The file states this day: the export must give exactly it.
    #[serde(default)]
    pub day: Option<String>,
    /// Or: the file only allows an estimate; the export's interval must
    /// lie within `lo..=hi`.
    #[serde(default)]
    pub lo: Option<String>,
    #[serde(default)]
    pub hi: Option<String>,
    /// Days the publication date must not include (a scheduled event).
    #[serde(default)]
    pub not: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagExp {
    pub path: String,
    /// The words the diagnostic must (or must not) cover: the source
    /// phrase for `anonymous-source`, the hedge for `hedged-claim`, any
    /// part of the sentence for `unverified-claim`.
    pub quote: String,
    pub code: String,
    pub expected: bool,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub format: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub dates: Vec<DateExp>,
    #[serde(default)]
    pub conflicts: Vec<PairExp>,
    #[serde(default)]
    pub not_conflicts: Vec<PairExp>,
    #[serde(default)]
    pub corroborations: Vec<PairExp>,
    #[serde(default)]
    pub not_corroborations: Vec<PairExp>,
    #[serde(default)]
    pub diagnostics: Vec<DiagExp>,
}

/// A quote found in its file, in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

#[derive(Clone, Debug)]
pub struct Pair {
    pub kind: Option<String>,
    pub why: Option<String>,
    pub a: Span,
    pub b: Span,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Diag {
    pub at: Span,
    pub code: String,
    pub expected: bool,
    pub note: String,
}

/// Expectations with every quote located.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub dates: Vec<DateExp>,
    pub conflicts: Vec<Pair>,
    pub not_conflicts: Vec<Pair>,
    pub corroborations: Vec<Pair>,
    pub not_corroborations: Vec<Pair>,
    pub diagnostics: Vec<Diag>,
}

/// The workspace a corpus path belongs to: its first folder, or the corpus
/// itself for a path without one.
pub fn workspace_of(path: &str) -> &str {
    path.split_once('/').map_or("", |(w, _)| w)
}

fn parse_day(s: &str) -> Result<(), String> {
    let ok = s.len() == 10
        && s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!("'{s}' is not a YYYY-MM-DD day"))
    }
}

/// Reads and checks `expected.json`; `text_of` gives a corpus file's text.
pub fn resolve(
    json: &str,
    text_of: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<Resolved, Vec<String>> {
    let exp: Expected =
        serde_json::from_str(json).map_err(|e| vec![format!("expected.json: {e}")])?;
    let mut errors = Vec::new();
    if exp.format != FORMAT {
        errors.push(format!("format is '{}', expected '{FORMAT}'", exp.format));
    }
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    let mut locate = |side: &Side, errors: &mut Vec<String>| -> Option<Span> {
        let text = texts
            .entry(side.path.clone())
            .or_insert_with(|| text_of(&side.path));
        let Some(text) = text else {
            errors.push(format!("{}: no such file in the corpus", side.path));
            return None;
        };
        if side.quote.is_empty() {
            errors.push(format!("{}: empty quote", side.path));
            return None;
        }
        let mut found = text.match_indices(side.quote.as_str());
        let Some((at, _)) = found.next() else {
            errors.push(format!(
                "{}: quote not found: \"{}\"",
                side.path, side.quote
            ));
            return None;
        };
        if found.next().is_some() {
            errors.push(format!(
                "{}: quote occurs more than once (make it longer): \"{}\"",
                side.path, side.quote
            ));
            return None;
        }
        let start = text[..at].chars().count();
        Some(Span {
            path: side.path.clone(),
            start,
            end: start + side.quote.chars().count(),
            quote: side.quote.clone(),
        })
    };
    let mut pairs = |list: &[PairExp],
                     need_kind: bool,
                     whys: Option<&[&str]>,
                     what: &str,
                     errors: &mut Vec<String>|
     -> Vec<Pair> {
        let mut out = Vec::new();
        for (i, p) in list.iter().enumerate() {
            let at = format!("{what}[{i}]");
            match &p.kind {
                Some(k) if !FACT_KINDS.contains(&k.as_str()) => {
                    errors.push(format!("{at}: unknown kind '{k}' (one of {FACT_KINDS:?})"))
                }
                None if need_kind => errors.push(format!("{at}: a kind is required")),
                _ => {}
            }
            if let Some(whys) = whys {
                match &p.why {
                    Some(w) if whys.contains(&w.as_str()) => {}
                    Some(w) => errors.push(format!("{at}: unknown why '{w}' (one of {whys:?})")),
                    None => errors.push(format!("{at}: a why is required")),
                }
            }
            if workspace_of(&p.a.path) != workspace_of(&p.b.path) {
                errors.push(format!(
                    "{at}: {} and {} are in different workspaces and are never compared",
                    p.a.path, p.b.path
                ));
            }
            let (a, b) = (locate(&p.a, errors), locate(&p.b, errors));
            if let (Some(a), Some(b)) = (a, b) {
                out.push(Pair {
                    kind: p.kind.clone(),
                    why: p.why.clone(),
                    a,
                    b,
                    note: p.note.clone(),
                });
            }
        }
        out
    };
    let conflicts = pairs(&exp.conflicts, true, None, "conflicts", &mut errors);
    let not_conflicts = pairs(
        &exp.not_conflicts,
        false,
        Some(WHY_NOT_CONFLICT),
        "not_conflicts",
        &mut errors,
    );
    let corroborations = pairs(
        &exp.corroborations,
        false,
        None,
        "corroborations",
        &mut errors,
    );
    let not_corroborations = pairs(
        &exp.not_corroborations,
        false,
        Some(WHY_NOT_CORROBORATION),
        "not_corroborations",
        &mut errors,
    );
    let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    let mut diagnostics = Vec::new();
    for (i, d) in exp.diagnostics.iter().enumerate() {
        if !codes.contains(&d.code.as_str()) {
            errors.push(format!("diagnostics[{i}]: unknown code '{}'", d.code));
        }
        let side = Side {
            path: d.path.clone(),
            quote: d.quote.clone(),
        };
        if let Some(at) = locate(&side, &mut errors) {
            diagnostics.push(Diag {
                at,
                code: d.code.clone(),
                expected: d.expected,
                note: d.note.clone(),
            });
        }
    }
    for (i, d) in exp.dates.iter().enumerate() {
        let at = format!("dates[{i}] ({})", d.path);
        if text_of(&d.path).is_none() {
            errors.push(format!("{at}: no such file in the corpus"));
        }
        match (&d.day, &d.lo, &d.hi) {
            (Some(_), None, None) | (None, Some(_), Some(_)) => {}
            (None, None, None) if !d.not.is_empty() => {}
            _ => errors.push(format!("{at}: give either day, or lo and hi (and/or not)")),
        }
        for s in d.day.iter().chain(&d.lo).chain(&d.hi).chain(&d.not) {
            if let Err(e) = parse_day(s) {
                errors.push(format!("{at}: {e}"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Resolved {
        dates: exp.dates,
        conflicts,
        not_conflicts,
        corroborations,
        not_corroborations,
        diagnostics,
    })
}

/// [`resolve`] over the files of a corpus folder.
pub fn load(corpus: &Path) -> Result<Resolved, Vec<String>> {
    let path = corpus.join("expected.json");
    let json = std::fs::read_to_string(&path)
        .map_err(|e| vec![format!("cannot read {}: {e}", path.display())])?;
    resolve(&json, &mut |rel| {
        std::fs::read_to_string(corpus.join(rel)).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rel: &str) -> Option<String> {
        match rel {
            "w/a.txt" => Some("Él dijo: 12 killed. 12 killed again.".into()),
            "w/b.txt" => Some("Twelve people were killed.".into()),
            "v/c.txt" => Some("Other.".into()),
            _ => None,
        }
    }

    #[test]
    fn quotes_resolve_to_character_spans() {
        let j = r#"{"format": "crosscheck-claims-expected/1",
            "conflicts": [{"kind": "quantity",
                "a": {"path": "w/a.txt", "quote": "killed again"},
                "b": {"path": "w/b.txt", "quote": "Twelve"}}]}"#;
        let r = resolve(j, &mut texts).unwrap();
        assert_eq!(r.conflicts[0].a.start, 23);
        assert_eq!(r.conflicts[0].a.end, 35);
        assert_eq!(r.conflicts[0].b.start, 0);
    }

    #[test]
    fn wrong_expectations_are_errors() {
        let j = r#"{"format": "crosscheck-claims-expected/1",
            "conflicts": [
                {"a": {"path": "w/a.txt", "quote": "12 killed"}, "b": {"path": "w/b.txt", "quote": "nope"}},
                {"kind": "size", "a": {"path": "w/a.txt", "quote": "dijo"}, "b": {"path": "v/c.txt", "quote": "Other"}}],
            "not_conflicts": [{"why": "because", "a": {"path": "w/a.txt", "quote": "dijo"}, "b": {"path": "w/x.txt", "quote": "x"}}],
            "diagnostics": [{"path": "w/a.txt", "quote": "dijo", "code": "loud", "expected": true}],
            "dates": [{"path": "w/a.txt", "day": "2019-6-1"}, {"path": "w/b.txt"}]}"#;
        let e = resolve(j, &mut texts).unwrap_err();
        let all = e.join("\n");
        for needle in [
            "conflicts[0]: a kind is required",
            "more than once",
            "quote not found: \"nope\"",
            "unknown kind 'size'",
            "different workspaces",
            "unknown why 'because'",
            "w/x.txt: no such file",
            "unknown code 'loud'",
            "'2019-6-1' is not a YYYY-MM-DD day",
            "give either day",
        ] {
            assert!(all.contains(needle), "{needle} missing in:\n{all}");
        }
        assert!(resolve("{\"format\": 1}", &mut texts).is_err());
        assert!(resolve("{\"format\": \"x\", \"extra\": 1}", &mut texts).is_err());
    }
}
