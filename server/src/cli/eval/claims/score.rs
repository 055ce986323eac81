//! Scoring a claims export against resolved expectations. Pure: the export
//! in (paths relative to the corpus), figures out.
//!
//! A quoted side is *hit* by a claim or a link whose span overlaps the
//! quote, in the same file. Definitions, as printed in the README:
//! - conflict recall: expected conflicts where a claim at one side lists
//!   the other side in `conflicts_with` with the expected kind;
//! - false conflicts: `not_conflicts` pairs listed as conflicting (any
//!   kind), and conflicting claim pairs that match no expected conflict;
//! - corroboration recall: expected corroborations listed in
//!   `corroborated_by` (through a fact of the expected kind when one is
//!   given; agreement of the whole assertion is counted apart);
//! - false corroborations: `not_corroborations` pairs listed as
//!   corroborating, and expected conflicts listed as corroborating through
//!   the fact in conflict or as whole assertions;
//! - dates: a stated day must be the export's interval exactly; an
//!   estimate must lie within the expected interval; a `not` day must be
//!   outside it;
//! - diagnostics: a diagnostic of the code whose span overlaps the quote.
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::expected::{Pair, Resolved, Span};
use crate::cli::claims::model::{ClaimOut, Export, FileOut};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Count {
    pub expected: usize,
    pub found: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ConflictScores {
    pub expected: usize,
    pub found: usize,
    pub recall: Option<f64>,
    pub by_kind: BTreeMap<String, Count>,
    /// Conflicting claim pairs in the export (each pair once).
    pub pairs_found: usize,
    /// Of those, pairs matching an expected conflict.
    pub pairs_expected: usize,
    /// `pairs_expected / pairs_found`.
    pub precision: Option<f64>,
    /// `not_conflicts` pairs checked, by reason, and how many conflicted.
    pub must_not: BTreeMap<String, Count>,
    /// Listed `not_conflicts` pairs found conflicting.
    pub false_listed: usize,
    /// Conflicting pairs matching neither an expected conflict nor a
    /// listed non-conflict.
    pub false_unlisted: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CorroborationScores {
    pub expected: usize,
    /// Listed through a fact (of the expected kind when one is given).
    pub found: usize,
    pub recall: Option<f64>,
    /// Listed only as agreeing assertions (word overlap), no fact.
    pub found_as_assertion_only: usize,
    /// Corroborating claim pairs in the export.
    pub pairs_found: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FalseCorroborations {
    /// Pairs that must not corroborate (listed, plus expected conflicts).
    pub checked: usize,
    pub found: usize,
    pub by_reason: BTreeMap<String, Count>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DateScores {
    /// Files stating a full date: the export must give exactly that day.
    pub stated: usize,
    pub stated_correct: usize,
    pub stated_accuracy: Option<f64>,
    /// Files that only allow an estimate.
    pub estimated: usize,
    pub estimated_correct: usize,
    /// Scheduled-event days that must not be the publication date.
    pub traps: usize,
    pub traps_avoided: usize,
    /// Files with no date in the export, of those scored.
    pub undated: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DiagScores {
    /// Expected and found.
    pub tp: usize,
    /// Expected, not found.
    pub fn_: usize,
    /// Not expected, found.
    pub fp: usize,
    /// Not expected, not found.
    pub tn: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detail {
    /// "missed conflict", "false conflict (near_miss)", ...
    pub what: String,
    /// `path: "sentence"` of each side.
    pub a: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub files: usize,
    pub claims: usize,
    pub facts: usize,
    pub conflicts: ConflictScores,
    pub corroborations: CorroborationScores,
    pub false_corroborations: FalseCorroborations,
    pub dates: DateScores,
    pub diagnostics: BTreeMap<String, DiagScores>,
    /// Every miss and false hit (printed with `--details`).
    pub details: Vec<Detail>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn overlaps(a0: usize, a1: usize, b0: usize, b1: usize) -> bool {
    // An empty span still overlaps what contains it.
    a0 < b1.max(b0 + 1) && b0 < a1.max(a0 + 1)
}

struct View<'a> {
    files: HashMap<&'a str, &'a FileOut>,
}

impl<'a> View<'a> {
    fn new(e: &'a Export) -> View<'a> {
        View {
            files: e.files.iter().map(|f| (f.path.as_str(), f)).collect(),
        }
    }

    fn claims_at(&self, s: &Span) -> Vec<&'a ClaimOut> {
        self.files
            .get(s.path.as_str())
            .map(|f| {
                f.claims
                    .iter()
                    .filter(|c| overlaps(c.start, c.end, s.start, s.end))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A side for details: the claim sentence(s) at the quote, else the
    /// quote.
    fn show(&self, s: &Span) -> String {
        let cs = self.claims_at(s);
        if cs.is_empty() {
            format!("{}: \"{}\" (no claim here)", s.path, s.quote)
        } else {
            let t: Vec<String> = cs.iter().map(|c| one_line(&c.text)).collect();
            format!("{}: \"{}\"", s.path, t.join(" / "))
        }
    }

    /// Conflict kinds listed between the two sides (either direction).
    fn conflict_kinds(&self, p: &Pair) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (x, y) in [(&p.a, &p.b), (&p.b, &p.a)] {
            for c in self.claims_at(x) {
                for k in &c.conflicts_with {
                    if k.path == y.path && overlaps(k.start, k.end, y.start, y.end) {
                        out.insert(k.kind.clone());
                    }
                }
            }
        }
        out
    }

    /// Corroboration between the two sides: (through a fact of `kind` or
    /// any fact when `kind` is None, through any link at all, through a
    /// fact of `kind` or the whole assertion).
    fn corroboration(&self, p: &Pair) -> (bool, bool, bool) {
        let (mut by_fact, mut any, mut on_kind) = (false, false, false);
        for (x, y) in [(&p.a, &p.b), (&p.b, &p.a)] {
            for c in self.claims_at(x) {
                for k in &c.corroborated_by {
                    if k.path != y.path || !overlaps(k.start, k.end, y.start, y.end) {
                        continue;
                    }
                    any = true;
                    let fact_kind = k.here_fact.and_then(|i| c.facts.get(i)).map(|f| &f.kind);
                    let kind_ok = |fk: &String| p.kind.as_ref().is_none_or(|k| k == fk);
                    if fact_kind.is_some_and(kind_ok) {
                        by_fact = true;
                    }
                    if fact_kind.is_none_or(kind_ok) {
                        on_kind = true;
                    }
                }
            }
        }
        (by_fact, any, on_kind)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A claim: path, start and end of its sentence.
type ClaimKey = (String, usize, usize);

fn side_matches(s: &Span, path: &str, start: usize, end: usize) -> bool {
    s.path == path && overlaps(s.start, s.end, start, end)
}

/// A claim pair (path, start, end of each) matches a pair of sides in
/// either order.
fn pair_matches(p: &Pair, x: &ClaimKey, y: &ClaimKey) -> bool {
    (side_matches(&p.a, &x.0, x.1, x.2) && side_matches(&p.b, &y.0, y.1, y.2))
        || (side_matches(&p.b, &x.0, x.1, x.2) && side_matches(&p.a, &y.0, y.1, y.2))
}

pub fn score(e: &Export, exp: &Resolved) -> Scores {
    let v = View::new(e);
    let mut s = Scores {
        files: e.files.len(),
        claims: e.files.iter().map(|f| f.claims.len()).sum(),
        facts: e
            .files
            .iter()
            .flat_map(|f| &f.claims)
            .map(|c| c.facts.len())
            .sum(),
        ..Default::default()
    };
    let detail = |s: &mut Scores, what: String, p: &Pair| {
        s.details.push(Detail {
            what,
            a: v.show(&p.a),
            b: Some(v.show(&p.b)),
            note: p.note.clone(),
        })
    };

    // Conflicts expected.
    let c = &mut s.conflicts;
    c.expected = exp.conflicts.len();
    let mut missed = Vec::new();
    for p in &exp.conflicts {
        let kind = p.kind.clone().unwrap_or_default();
        let kinds = v.conflict_kinds(p);
        let count = c.by_kind.entry(kind.clone()).or_default();
        count.expected += 1;
        if kinds.contains(&kind) {
            count.found += 1;
            c.found += 1;
        } else if kinds.is_empty() {
            missed.push(("missed conflict".to_string(), p));
        } else {
            let got: Vec<&str> = kinds.iter().map(String::as_str).collect();
            missed.push((
                format!("conflict found as {} instead of {kind}", got.join(", ")),
                p,
            ));
        }
    }
    c.recall = ratio(c.found, c.expected);
    for (what, p) in missed {
        detail(
            &mut s,
            format!("{what} [{}]", p.kind.as_deref().unwrap_or("")),
            p,
        );
    }

    // Conflicts that must not be.
    for p in &exp.not_conflicts {
        let why = p.why.clone().unwrap_or_default();
        let kinds = v.conflict_kinds(p);
        let count = s.conflicts.must_not.entry(why.clone()).or_default();
        count.expected += 1;
        if !kinds.is_empty() {
            count.found += 1;
            s.conflicts.false_listed += 1;
            let got: Vec<&str> = kinds.iter().map(String::as_str).collect();
            detail(
                &mut s,
                format!("false conflict ({why}) [{}]", got.join(", ")),
                p,
            );
        }
    }

    // Every conflicting claim pair of the export.
    let ps = crate::cli::claims::text::pairs(e);
    let mut claim_pairs: BTreeMap<(ClaimKey, ClaimKey), String> = BTreeMap::new();
    for p in &ps.conflicts {
        claim_pairs
            .entry((
                (p.a.path.clone(), p.a.start, p.a.end),
                (p.b.path.clone(), p.b.start, p.b.end),
            ))
            .or_insert_with(|| p.kind.clone());
    }
    s.conflicts.pairs_found = claim_pairs.len();
    for ((x, y), kind) in &claim_pairs {
        if exp.conflicts.iter().any(|p| pair_matches(p, x, y)) {
            s.conflicts.pairs_expected += 1;
        } else if !exp.not_conflicts.iter().any(|p| pair_matches(p, x, y)) {
            s.conflicts.false_unlisted += 1;
            let show = |k: &ClaimKey| {
                let text = v
                    .files
                    .get(k.0.as_str())
                    .and_then(|f| f.claims.iter().find(|c| c.start == k.1 && c.end == k.2))
                    .map(|c| one_line(&c.text))
                    .unwrap_or_default();
                format!("{}: \"{text}\"", k.0)
            };
            s.details.push(Detail {
                what: format!("unexpected conflict [{kind}]"),
                a: show(x),
                b: Some(show(y)),
                note: String::new(),
            });
        }
    }
    s.conflicts.precision = ratio(s.conflicts.pairs_expected, s.conflicts.pairs_found);

    // Corroborations.
    s.corroborations.expected = exp.corroborations.len();
    s.corroborations.pairs_found = ps.counts.corroborations;
    for p in &exp.corroborations {
        let (by_fact, any, _) = v.corroboration(p);
        if by_fact {
            s.corroborations.found += 1;
        } else {
            if any {
                s.corroborations.found_as_assertion_only += 1;
            }
            let what = if any {
                "corroboration found only as word overlap"
            } else {
                "missed corroboration"
            };
            detail(
                &mut s,
                format!("{what} [{}]", p.kind.as_deref().unwrap_or("any")),
                p,
            );
        }
    }
    s.corroborations.recall = ratio(s.corroborations.found, s.corroborations.expected);

    // Contradictions and near misses listed as agreement. A listed pair
    // must not agree at all; the two claims of an expected conflict may
    // agree on another fact, not on the one in conflict nor as a whole.
    let must_not = exp
        .not_corroborations
        .iter()
        .map(|p| (p.why.clone().unwrap_or_default(), p, false))
        .chain(
            exp.conflicts
                .iter()
                .map(|p| ("contradiction".to_string(), p, true)),
        );
    for (why, p, conflict) in must_not {
        s.false_corroborations.checked += 1;
        let count = s
            .false_corroborations
            .by_reason
            .entry(why.clone())
            .or_default();
        count.expected += 1;
        let (_, any, on_kind) = v.corroboration(p);
        if (conflict && on_kind) || (!conflict && any) {
            count.found += 1;
            s.false_corroborations.found += 1;
            detail(&mut s, format!("false corroboration ({why})"), p);
        }
    }

    // Publication dates.
    for d in &exp.dates {
        let got = v.files.get(d.path.as_str()).and_then(|f| f.date.as_ref());
        let shown = got
            .map(|g| format!("{}..{} ({})", g.lo, g.hi, g.reason))
            .unwrap_or_else(|| "no date".to_string());
        let ds = &mut s.dates;
        let mut wrong: Vec<String> = Vec::new();
        if got.is_none() && (d.day.is_some() || d.lo.is_some()) {
            ds.undated += 1;
        }
        if let Some(day) = &d.day {
            ds.stated += 1;
            if got.is_some_and(|g| &g.lo == day && &g.hi == day) {
                ds.stated_correct += 1;
            } else {
                wrong.push(format!("wrong date: expected {day}, got {shown}"));
            }
        } else if let (Some(lo), Some(hi)) = (&d.lo, &d.hi) {
            ds.estimated += 1;
            if got.is_some_and(|g| &g.lo >= lo && &g.hi <= hi) {
                ds.estimated_correct += 1;
            } else {
                wrong.push(format!(
                    "wrong estimate: expected within {lo}..{hi}, got {shown}"
                ));
            }
        }
        for n in &d.not {
            ds.traps += 1;
            if got.is_some_and(|g| &g.lo <= n && n <= &g.hi) {
                wrong.push(format!("dated on the scheduled day {n}: got {shown}"));
            } else {
                ds.traps_avoided += 1;
            }
        }
        if !wrong.is_empty() {
            s.details.push(Detail {
                what: wrong.join("; "),
                a: d.path.clone(),
                b: None,
                note: d.note.clone(),
            });
        }
    }
    s.dates.stated_accuracy = ratio(s.dates.stated_correct, s.dates.stated);

    // Diagnostics.
    for d in &exp.diagnostics {
        let found = v.files.get(d.at.path.as_str()).is_some_and(|f| {
            f.diagnostics
                .iter()
                .any(|x| x.code == d.code && overlaps(x.start, x.end, d.at.start, d.at.end))
        });
        let ds = s.diagnostics.entry(d.code.clone()).or_default();
        let what = match (d.expected, found) {
            (true, true) => {
                ds.tp += 1;
                None
            }
            (true, false) => {
                ds.fn_ += 1;
                Some("missed")
            }
            (false, true) => {
                ds.fp += 1;
                Some("false")
            }
            (false, false) => {
                ds.tn += 1;
                None
            }
        };
        if let Some(w) = what {
            s.details.push(Detail {
                what: format!("{w} {}", d.code),
                a: format!("{}: \"{}\"", d.at.path, d.at.quote),
                b: None,
                note: d.note.clone(),
            });
        }
    }
    for ds in s.diagnostics.values_mut() {
        ds.precision = ratio(ds.tp, ds.tp + ds.fp);
        ds.recall = ratio(ds.tp, ds.tp + ds.fn_);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::expected::resolve;
    use super::*;
    use crate::cli::claims::model::*;

    /// A hand-made export of two files whose answers are known.
    fn export() -> Export {
        let claim = |start, end, text: &str| ClaimOut {
            start,
            end,
            text: text.to_string(),
            attribution: AttributionOut {
                chain: vec![],
                scope: None,
                anonymous_only: false,
            },
            hedges: vec![],
            facts: vec![FactOut {
                kind: "quantity".into(),
                start,
                end,
                text: text.into(),
                subject: None,
                predicate: "killed".into(),
                value: ValueOut::Amount {
                    lo: 1.0,
                    hi: Some(1.0),
                    unit: "people".into(),
                    per: String::new(),
                },
                time: None,
                qualifier: None,
                event: None,
                negated: false,
                hedged: false,
            }],
            corroborated_by: vec![],
            corroborations_total: 0,
            conflicts_with: vec![],
            conflicts_total: 0,
        };
        let conflict = |path: &str, start, end| ConflictOut {
            path: path.into(),
            start,
            end,
            fact: 0,
            here_fact: 0,
            kind: "quantity".into(),
            subject: "quake".into(),
            value: "x".into(),
            here_value: "y".into(),
        };
        let corr = |path: &str, start, end, fact| CorroborationOut {
            path: path.into(),
            start,
            end,
            fact,
            here_fact: fact,
            reason: "r".into(),
        };
        let date = |d: &str| DateOut {
            lo: d.into(),
            hi: d.into(),
            confidence: "high".into(),
            reason: "dateline".into(),
            origin: "text".into(),
            start: None,
            end: None,
        };
        // a.txt: "Quake killed 40. Aid was 5m. Quake hit Monday."
        // b.txt: "Quake killed 90. Aid was 5m. Other quake killed 7."
        let mut a0 = claim(0, 16, "Quake killed 40.");
        let mut a1 = claim(17, 28, "Aid was 5m.");
        let mut a2 = claim(29, 46, "Quake hit Monday.");
        let mut b0 = claim(0, 16, "Quake killed 90.");
        let mut b1 = claim(17, 28, "Aid was 5m.");
        let mut b2 = claim(29, 50, "Other quake killed 7.");
        // Found: the planted conflict a0/b0; a false one on the near miss
        // a0/b2; an unlisted one a2/b1.
        a0.conflicts_with = vec![conflict("w/b.txt", 0, 16), conflict("w/b.txt", 29, 50)];
        b0.conflicts_with = vec![conflict("w/a.txt", 0, 16)];
        b2.conflicts_with = vec![conflict("w/a.txt", 0, 16)];
        a2.conflicts_with = vec![conflict("w/b.txt", 17, 28)];
        b1.conflicts_with = vec![conflict("w/a.txt", 29, 46)];
        // Corroboration a1/b1 by a fact; a0/b0 (a contradiction) by words.
        a1.corroborated_by = vec![corr("w/b.txt", 17, 28, Some(0))];
        b1.corroborated_by.push(corr("w/a.txt", 17, 28, Some(0)));
        a0.corroborated_by = vec![corr("w/b.txt", 0, 16, None)];
        b0.corroborated_by = vec![corr("w/a.txt", 0, 16, None)];
        let diag = |code: &str, start, end| DiagnosticOut {
            code: code.into(),
            severity: "warning".into(),
            start,
            end,
            message: String::new(),
        };
        Export {
            version: SCHEMA_VERSION,
            files: vec![
                FileOut {
                    path: "w/a.txt".into(),
                    date: Some(date("2019-06-14")),
                    outlets: vec![],
                    claims: vec![a0, a1, a2],
                    diagnostics: vec![
                        diag("hedged-claim", 6, 12),
                        diag("unverified-claim", 17, 28),
                    ],
                },
                FileOut {
                    path: "w/b.txt".into(),
                    date: Some(date("2019-11-22")),
                    outlets: vec![],
                    claims: vec![b0, b1, b2],
                    diagnostics: vec![],
                },
            ],
        }
    }

    fn texts(rel: &str) -> Option<String> {
        match rel {
            "w/a.txt" => Some("Quake killed 40. Aid was 5m. Quake hit Monday.".into()),
            "w/b.txt" => Some("Quake killed 90. Aid was 5m. Other quake killed 7.".into()),
            _ => None,
        }
    }

    const EXPECTED: &str = r#"{
      "format": "crosscheck-claims-expected/1",
      "dates": [
        {"path": "w/a.txt", "day": "2019-06-14"},
        {"path": "w/b.txt", "day": "2019-11-15", "not": ["2019-11-22"]}
      ],
      "conflicts": [
        {"kind": "quantity", "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 90"}},
        {"kind": "event_date", "a": {"path": "w/a.txt", "quote": "hit Monday"}, "b": {"path": "w/b.txt", "quote": "Other quake"}}
      ],
      "not_conflicts": [
        {"why": "near_miss", "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 7"}}
      ],
      "corroborations": [
        {"kind": "quantity", "a": {"path": "w/a.txt", "quote": "Aid was"}, "b": {"path": "w/b.txt", "quote": "Aid was"}}
      ],
      "diagnostics": [
        {"path": "w/a.txt", "quote": "killed", "code": "hedged-claim", "expected": false},
        {"path": "w/a.txt", "quote": "Aid", "code": "unverified-claim", "expected": true},
        {"path": "w/b.txt", "quote": "Aid", "code": "unverified-claim", "expected": true},
        {"path": "w/b.txt", "quote": "Other", "code": "unverified-claim", "expected": false}
      ]
    }"#;

    #[test]
    fn scores_a_hand_made_case() {
        let exp = resolve(EXPECTED, &mut texts).unwrap();
        let s = score(&export(), &exp);
        let c = &s.conflicts;
        assert_eq!((c.expected, c.found), (2, 1));
        assert_eq!(c.recall, Some(0.5));
        assert_eq!(
            c.by_kind["event_date"],
            Count {
                expected: 1,
                found: 0
            }
        );
        // Claim pairs: a0/b0 (expected), a0/b2 (listed near miss), a2/b1
        // (unlisted).
        assert_eq!((c.pairs_found, c.pairs_expected), (3, 1));
        assert_eq!(c.false_listed, 1);
        assert_eq!(c.false_unlisted, 1);
        assert_eq!(
            c.must_not["near_miss"],
            Count {
                expected: 1,
                found: 1
            }
        );
        assert!((c.precision.unwrap() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.corroborations.found, 1);
        assert_eq!(s.corroborations.pairs_found, 2);
        // The planted conflict is also listed as agreement.
        assert_eq!(s.false_corroborations.checked, 2);
        assert_eq!(s.false_corroborations.found, 1);
        let d = &s.dates;
        assert_eq!((d.stated, d.stated_correct), (2, 1));
        assert_eq!((d.traps, d.traps_avoided), (1, 0));
        let h = &s.diagnostics["hedged-claim"];
        assert_eq!((h.tp, h.fp, h.fn_, h.tn), (0, 1, 0, 0));
        assert_eq!(h.precision, Some(0.0));
        let u = &s.diagnostics["unverified-claim"];
        assert_eq!((u.tp, u.fp, u.fn_, u.tn), (1, 0, 1, 1));
        assert_eq!(u.recall, Some(0.5));
        assert_eq!(u.precision, Some(1.0));
        let whats: Vec<&str> = s.details.iter().map(|d| d.what.as_str()).collect();
        for w in [
            "missed conflict [event_date]",
            "false conflict (near_miss) [quantity]",
            "unexpected conflict [quantity]",
            "false corroboration (contradiction)",
            "false hedged-claim",
            "missed unverified-claim",
        ] {
            assert!(whats.contains(&w), "{w} not in {whats:?}");
        }
        assert!(whats
            .iter()
            .any(|w| w.starts_with("wrong date: expected 2019-11-15")
                && w.contains("; dated on the scheduled day 2019-11-22")));
    }

    #[test]
    fn a_conflicting_pair_may_agree_on_another_fact() {
        let mut e = export();
        // a0 and b0 conflict on the toll; let them agree on a date fact
        // instead of as whole assertions.
        for (f, other) in [(0, "w/b.txt"), (1, "w/a.txt")] {
            let c = &mut e.files[f].claims[0];
            let mut date = c.facts[0].clone();
            date.kind = "event_date".into();
            c.facts.push(date);
            c.corroborated_by = vec![CorroborationOut {
                path: other.into(),
                start: 0,
                end: 16,
                fact: Some(1),
                here_fact: Some(1),
                reason: "same date".into(),
            }];
        }
        let s = score(&e, &resolve(EXPECTED, &mut texts).unwrap());
        assert_eq!(s.false_corroborations.found, 0);
        // Agreement on the fact in conflict is a false corroboration.
        for f in 0..2 {
            e.files[f].claims[0].facts[1].kind = "quantity".into();
        }
        let s = score(&e, &resolve(EXPECTED, &mut texts).unwrap());
        assert_eq!(s.false_corroborations.found, 1);
    }

    #[test]
    fn word_overlap_does_not_count_as_corroboration_of_a_fact() {
        let j = r#"{"format": "crosscheck-claims-expected/1",
          "corroborations": [{"kind": "quantity",
            "a": {"path": "w/a.txt", "quote": "killed 40"}, "b": {"path": "w/b.txt", "quote": "killed 90"}}]}"#;
        let s = score(&export(), &resolve(j, &mut texts).unwrap());
        assert_eq!(s.corroborations.found, 0);
        assert_eq!(s.corroborations.found_as_assertion_only, 1);
    }
}
