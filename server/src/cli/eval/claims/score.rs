//! Scoring a claims export against resolved expectations. Pure: the export
//! in (paths relative to the corpus), figures out.
//!
//! A quoted side is *hit* by a claim or a link whose span overlaps the
//! quote, in the same file. Definitions, as printed in the README:
//! - conflict recall: expected conflicts where a claim at one side lists
//!   the other side in `conflicts_with` with the expected kind;
//! - false conflicts: `not_conflicts` pairs listed as conflicting (any
//!   kind, but for a trap of a named kind, one of another kind that an
//!   expected conflict over the same claims names), and
//!   conflicting claim pairs that match no expected conflict;
//! - corroboration recall: expected corroborations listed in
//!   `corroborated_by` (through a fact of the expected kind when one is
//!   given; agreement of the whole assertion is counted apart);
//! - false corroborations: `not_corroborations` pairs listed as
//!   corroborating, and contradictions (expected conflicts and listed
//!   ones) listed as corroborating through the quoted fact or as whole
//!   assertions; contradictions listed as agreeing on another fact with
//!   nothing in dispute (the agreement not marked partial) are counted
//!   apart;
//! - dates: a stated day must be the export's interval exactly; an
//!   estimate must lie within the expected interval; a `not` day must be
//!   outside it;
//! - diagnostics: a diagnostic of the code whose span overlaps the quote.
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::expected::{Pair, Resolved, Span};
use crate::cli::claims::model::{ClaimOut, Export, FactOut, FileOut};

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
    /// Expected conflicts whose claims are listed as agreeing on another
    /// fact with nothing in dispute (the conflict missed): not counted in
    /// `found`, but what a reader sees is agreement.
    pub plain_on_conflict: usize,
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

    /// Whether expected conflict `q`, of kind `kind`, is over the claims
    /// that listed non-conflict `p` quotes (in either order).
    fn planted_over(&self, q: &Pair, p: &Pair, kind: &str) -> bool {
        let keys = |s: &Span| -> BTreeSet<(usize, usize)> {
            self.claims_at(s).iter().map(|c| (c.start, c.end)).collect()
        };
        let shared = |x: &Span, y: &Span| x.path == y.path && !keys(x).is_disjoint(&keys(y));
        q.kind.as_deref() == Some(kind)
            && ((shared(&q.a, &p.a) && shared(&q.b, &p.b))
                || (shared(&q.a, &p.b) && shared(&q.b, &p.a)))
    }

    /// The claim a link points at.
    fn claim(&self, path: &str, start: usize, end: usize) -> Option<&'a ClaimOut> {
        self.files
            .get(path)?
            .claims
            .iter()
            .find(|c| c.start == start && c.end == end)
    }

    /// How the export links the two sides as agreeing (either direction).
    fn corroboration(&self, p: &Pair) -> Linked {
        let mut l = Linked::default();
        let kind_ok = |fk: &String| p.kind.as_ref().is_none_or(|k| k == fk);
        for (x, y) in [(&p.a, &p.b), (&p.b, &p.a)] {
            for c in self.claims_at(x) {
                for k in &c.corroborated_by {
                    if k.path != y.path || !overlaps(k.start, k.end, y.start, y.end) {
                        continue;
                    }
                    l.any = true;
                    l.plain |= !k.partial;
                    let there = self.claim(&k.path, k.start, k.end);
                    for g in &k.agreements {
                        let here_fact = g.here_fact.and_then(|i| c.facts.get(i));
                        let there_fact = g.fact.and_then(|i| there?.facts.get(i));
                        let fact_kind = here_fact.map(|f| &f.kind);
                        if fact_kind.is_some_and(kind_ok) {
                            l.by_fact = true;
                        }
                        // The quoted words themselves agree: facts of the
                        // pair's kind at both quotes, or the whole claim.
                        // (A quote may span two facts: "three killed and
                        // 23 injured" agrees with "three died" on one.)
                        let at = |f: Option<&FactOut>, s: &Span| {
                            f.is_some_and(|f| {
                                kind_ok(&f.kind) && overlaps(f.start, f.end, s.start, s.end)
                            })
                        };
                        if here_fact.is_none() || (at(here_fact, x) && at(there_fact, y)) {
                            l.on_quote = true;
                        }
                    }
                }
            }
        }
        l
    }
}

/// How two quoted sides are linked as agreeing.
#[derive(Default)]
struct Linked {
    /// Through an agreeing fact of the pair's kind (any fact when none).
    by_fact: bool,
    /// Through any link at all.
    any: bool,
    /// Through the quoted facts (of the pair's kind) of both sides, or the
    /// whole assertion.
    on_quote: bool,
    /// Through a link with nothing in dispute.
    plain: bool,
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
        let mut kinds = v.conflict_kinds(p);
        // One pair of sentences may hold a planted contradiction of one
        // kind and a trap of another ("fifteen dead in Tuesday's quake,
        // nine of them in X" against "Monday's quake has killed fifteen":
        // the days conflict, the part and the whole do not). When the trap
        // names its fact's kind, a conflict of another kind that an
        // expected conflict names over the same claims is that conflict,
        // not a false one. A trap naming no kind forbids every conflict.
        kinds.retain(|k| {
            let other_fact = p.kind.as_deref().is_some_and(|t| t != k);
            !(other_fact && exp.conflicts.iter().any(|q| v.planted_over(q, p, k)))
        });
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
        let Linked { by_fact, any, .. } = v.corroboration(p);
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

    // Contradictions and near misses listed as agreement. A near miss or
    // another measure must not agree at all; the two claims of a
    // contradiction may agree on another fact, not on the quoted one nor
    // as a whole, and when they do it must be shown partial.
    // Listed contradictions are judged as expected conflicts are.
    let must_not = exp
        .not_corroborations
        .iter()
        .map(|p| {
            let why = p.why.clone().unwrap_or_default();
            let conflict = why == "contradiction";
            (why, p, conflict)
        })
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
        let l = v.corroboration(p);
        if (conflict && l.on_quote) || (!conflict && l.any) {
            count.found += 1;
            s.false_corroborations.found += 1;
            detail(&mut s, format!("false corroboration ({why})"), p);
        } else if conflict && l.plain {
            // Agreement on another fact, shown with nothing in dispute:
            // the conflict was missed and the reader is told they agree.
            s.false_corroborations.plain_on_conflict += 1;
            detail(
                &mut s,
                "contradiction shown as plain agreement on another fact".to_string(),
                p,
            );
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
#[path = "score_tests.rs"]
mod tests;
