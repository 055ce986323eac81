//! Matching predicted mentions to gold mentions and scoring recognition and
//! cross-file linking. Everything here works on character offsets.
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

use super::gold::GoldDoc;
use crate::analysis::EntityKind;

/// The kinds scored: the name kinds (values have no gold here).
pub const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];

/// A predicted name mention in character offsets.
#[derive(Clone, Debug)]
pub struct Pred {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub text: String,
    /// Index of the corpus entity the server put it in.
    pub entity: u32,
    /// Character offset where its last word starts (the head, for lenient matching).
    pub head: usize,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// False positives that overlap no gold mention of any type. MEANTIME
    /// leaves many names unannotated, so these are often not errors.
    pub fp_unannotated: usize,
    /// Precision counting only the other false positives: an upper bound
    /// to set against `precision`, the lower one.
    pub precision_annotated: f64,
    /// F1 from `precision_annotated` and `recall`: the fair figure on a
    /// corpus that annotates only some of its names (MEANTIME).
    pub f1_annotated: f64,
}

impl Prf {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            tp,
            fp,
            fn_,
            precision: p,
            recall: r,
            f1,
            fp_unannotated: 0,
            precision_annotated: p,
            f1_annotated: f1,
        }
    }

    fn with_unannotated(mut self, n: usize) -> Prf {
        self.fp_unannotated = n;
        let d = self.tp + self.fp - n;
        self.precision_annotated = if d == 0 {
            0.0
        } else {
            self.tp as f64 / d as f64
        };
        let (p, r) = (self.precision_annotated, self.recall);
        self.f1_annotated = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        self
    }
}

/// Result of matching one document: for each prediction, the index of the
/// gold mention it matches (strict, bare, lenient), and whether it is ignored.
pub struct DocMatch {
    pub strict: Vec<Option<usize>>,
    /// Exact span and type once a leading article and a trailing
    /// possessive are taken off both sides ("the Kennedy Space Center" =
    /// "Kennedy Space Center", "Tunisia 's" = "Tunisia").
    pub bare: Vec<Option<usize>>,
    /// Exact bare span, any type (for the untyped span score).
    pub bare_untyped: Vec<Option<usize>>,
    pub lenient: Vec<Option<usize>>,
    pub ignored: Vec<bool>,
    /// The prediction overlaps no gold mention of any type.
    pub unannotated: Vec<bool>,
}

fn lenient_ok(p: &Pred, gs: usize, ge: usize) -> bool {
    p.start < ge && gs < p.end && gs <= p.head && p.end <= ge
}

/// `[start, end)` (characters of `chars`) without a leading article
/// ("the", "a", "an" and a space) and a trailing possessive ("'s", "’s",
/// a lone apostrophe, with or without a space before it).
pub fn bare_span(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let (mut s, mut e) = (start, end.min(chars.len()));
    let word_at = |s: usize, w: &str| {
        let n = w.chars().count();
        s + n < e
            && chars[s..s + n]
                .iter()
                .zip(w.chars())
                .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            && chars[s + n].is_whitespace()
    };
    for art in ["the", "a", "an"] {
        if word_at(s, art) {
            s += art.chars().count();
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
            break;
        }
    }
    let is_apos = |c: char| c == '\'' || c == '’';
    if e >= s + 3 && matches!(chars[e - 1], 's' | 'S') && is_apos(chars[e - 2]) {
        e -= 2;
    } else if e >= s + 2 && is_apos(chars[e - 1]) && matches!(chars[e - 2], 's' | ' ') {
        e -= 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e <= s {
        (start, end)
    } else {
        (s, e)
    }
}

/// Exact matching on spans mapped by `span`, typed or not.
fn exact(
    gold: &GoldDoc,
    preds: &[Pred],
    typed: bool,
    span: impl Fn(usize, usize) -> (usize, usize),
) -> Vec<Option<usize>> {
    let g = &gold.mentions;
    let gs: Vec<(usize, usize)> = g.iter().map(|m| span(m.start, m.end)).collect();
    let mut out = vec![None; preds.len()];
    let mut used = vec![false; g.len()];
    // Typed candidates first so an untyped match prefers the same type.
    for (pi, p) in preds.iter().enumerate() {
        let ps = span(p.start, p.end);
        let find = |same: bool, used: &[bool]| {
            (0..g.len()).find(|&gi| {
                !used[gi] && g[gi].named() && (g[gi].kind == p.kind) == same && gs[gi] == ps
            })
        };
        let hit = find(true, &used).or_else(|| if typed { None } else { find(false, &used) });
        if let Some(gi) = hit {
            used[gi] = true;
            out[pi] = Some(gi);
        }
    }
    out
}

/// One-to-one greedy matching: exact spans first, then larger overlap, then
/// closer length. Only named gold mentions are matched; a prediction that
/// matches none of them but fits an unscored gold mention of its type is
/// ignored (the gold has something there we chose not to score).
pub fn match_doc(gold: &GoldDoc, preds: &[Pred]) -> DocMatch {
    let g = &gold.mentions;
    let strict = exact(gold, preds, true, |s, e| (s, e));
    let chars: Vec<char> = gold.text.chars().collect();
    let bare = exact(gold, preds, true, |s, e| bare_span(&chars, s, e));
    let bare_untyped = exact(gold, preds, false, |s, e| bare_span(&chars, s, e));
    let mut cands: Vec<(bool, usize, std::cmp::Reverse<usize>, usize, usize)> = Vec::new();
    let mut ignored = vec![false; preds.len()];
    for (pi, p) in preds.iter().enumerate() {
        let mut any_named = false;
        for (gi, gm) in g.iter().enumerate() {
            if gm.kind != p.kind || !lenient_ok(p, gm.start, gm.end) {
                continue;
            }
            if gm.named() {
                any_named = true;
                let exact = (gm.start, gm.end) == (p.start, p.end);
                let overlap = p.end.min(gm.end) - p.start.max(gm.start);
                let diff = (gm.end - gm.start).abs_diff(p.end - p.start);
                cands.push((exact, overlap, std::cmp::Reverse(diff), pi, gi));
            } else {
                ignored[pi] = true;
            }
        }
        if any_named {
            ignored[pi] = false;
        }
    }
    cands.sort_by(|a, b| b.cmp(a));
    let mut lenient = vec![None; preds.len()];
    let mut used = vec![false; g.len()];
    for (_, _, _, pi, gi) in cands {
        if lenient[pi].is_none() && !used[gi] {
            lenient[pi] = Some(gi);
            used[gi] = true;
        }
    }
    let overlaps = |p: &Pred, s: usize, e: usize| p.start < e && s < p.end;
    let unannotated = preds
        .iter()
        .map(|p| {
            !g.iter().any(|m| overlaps(p, m.start, m.end))
                && !gold.others.iter().any(|o| overlaps(p, o.0, o.1))
        })
        .collect();
    DocMatch {
        strict,
        bare,
        bare_untyped,
        lenient,
        ignored,
        unannotated,
    }
}

#[derive(Debug, Serialize)]
pub struct TypeScore {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(flatten)]
    pub score: Prf,
}

/// Per-kind and micro-averaged scores for one matching mode.
#[derive(Debug, Default, Serialize)]
pub struct Scores {
    pub per_type: Vec<TypeScore>,
    pub micro: Prf,
}

/// How a prediction must fit a gold mention to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Exact span as annotated, and type.
    Strict,
    /// Exact span without leading article and trailing possessive, and type.
    Bare,
    /// Same type, our last word inside the gold span.
    Lenient,
}

/// Counts of (kind, tp) from docs under one matching mode.
pub fn score(docs: &[GoldDoc], preds: &[Vec<Pred>], matches: &[DocMatch], mode: Mode) -> Scores {
    let mut out = Scores::default();
    let (mut tt, mut tf, mut tn, mut tu) = (0, 0, 0, 0);
    for k in KINDS {
        let (mut tp, mut npred, mut ngold, mut unann) = (0, 0, 0, 0);
        for ((d, ps), m) in docs.iter().zip(preds).zip(matches) {
            ngold += d
                .mentions
                .iter()
                .filter(|g| g.named() && g.kind == k)
                .count();
            for (pi, p) in ps.iter().enumerate() {
                if p.kind != k || m.ignored[pi] {
                    continue;
                }
                npred += 1;
                let hit = match mode {
                    Mode::Strict => m.strict[pi],
                    Mode::Bare => m.bare[pi],
                    Mode::Lenient => m.lenient[pi],
                };
                tp += hit.is_some() as usize;
                unann += (hit.is_none() && m.unannotated[pi]) as usize;
            }
        }
        let prf = Prf::new(tp, npred - tp, ngold - tp).with_unannotated(unann);
        tt += prf.tp;
        tf += prf.fp;
        tn += prf.fn_;
        tu += unann;
        out.per_type.push(TypeScore {
            kind: k.as_str(),
            score: prf,
        });
    }
    out.micro = Prf::new(tt, tf, tn).with_unannotated(tu);
    out
}

/// Untyped micro score on bare spans: did we find the name, whatever type.
pub fn span_score(docs: &[GoldDoc], preds: &[Vec<Pred>], matches: &[DocMatch]) -> Prf {
    let (mut tp, mut np, mut ng, mut un) = (0, 0, 0, 0);
    for ((d, ps), m) in docs.iter().zip(preds).zip(matches) {
        ng += d.mentions.iter().filter(|g| g.named()).count();
        for pi in 0..ps.len() {
            if m.ignored[pi] {
                continue;
            }
            np += 1;
            let hit = m.bare_untyped[pi].is_some();
            tp += hit as usize;
            un += (!hit && m.unannotated[pi]) as usize;
        }
    }
    Prf::new(tp, np - tp, ng - tp).with_unannotated(un)
}

/// Cross-file mention pairs: (a file, b file) with a != b, grouped by `key`.
/// Counted, never enumerated: for a group with n_f mentions in file f,
/// pairs = ((sum n_f)^2 - sum n_f^2) / 2.
fn cross_pairs<K: Hash + Eq>(items: impl Iterator<Item = (K, usize)>) -> u64 {
    let mut groups: HashMap<K, HashMap<usize, u64>> = HashMap::new();
    for (k, file) in items {
        *groups.entry(k).or_default().entry(file).or_default() += 1;
    }
    groups
        .values()
        .map(|per_file| {
            let n: u64 = per_file.values().sum();
            let sq: u64 = per_file.values().map(|c| c * c).sum();
            (n * n - sq) / 2
        })
        .sum()
}

#[derive(Debug, Default, Serialize)]
pub struct LinkScores {
    /// Named gold mentions with a cross-document id.
    pub gold_mentions_with_id: usize,
    /// Gold pairs: mentions in different documents sharing an id.
    pub gold_pairs: u64,
    /// Gold pairs both of whose mentions were detected (lenient match).
    pub gold_pairs_detected: u64,
    /// Predicted pairs: matched mentions in different files in one entity.
    pub predicted_pairs: u64,
    pub correct_pairs: u64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Recall over the detected gold pairs only (linking quality given detection).
    pub recall_of_detected: f64,
}

pub fn link_scores(docs: &[GoldDoc], preds: &[Vec<Pred>], matches: &[DocMatch]) -> LinkScores {
    let mut gold = Vec::new();
    let mut detected = Vec::new();
    let mut pred = Vec::new();
    let mut correct = Vec::new();
    for (di, ((d, ps), m)) in docs.iter().zip(preds).zip(matches).enumerate() {
        let mut hit = vec![false; d.mentions.len()];
        for (pi, p) in ps.iter().enumerate() {
            let Some(gi) = m.lenient[pi] else { continue };
            hit[gi] = true;
            if let Some(id) = &d.mentions[gi].id {
                pred.push((p.entity, di));
                correct.push(((p.entity, id.as_str()), di));
            }
        }
        for (gi, g) in d.mentions.iter().enumerate() {
            if let (true, Some(id)) = (g.named(), &g.id) {
                gold.push((id.as_str(), di));
                if hit[gi] {
                    detected.push((id.as_str(), di));
                }
            }
        }
    }
    let mut s = LinkScores {
        gold_mentions_with_id: gold.len(),
        ..Default::default()
    };
    s.gold_pairs = cross_pairs(gold.into_iter());
    s.gold_pairs_detected = cross_pairs(detected.into_iter());
    s.predicted_pairs = cross_pairs(pred.into_iter());
    s.correct_pairs = cross_pairs(correct.into_iter());
    let r = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = r(s.correct_pairs, s.predicted_pairs);
    s.recall = r(s.correct_pairs, s.gold_pairs);
    s.recall_of_detected = r(s.correct_pairs, s.gold_pairs_detected);
    s.f1 = if s.precision + s.recall == 0.0 {
        0.0
    } else {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    };
    s
}

#[cfg(test)]
mod tests {
    use super::super::gold::GoldMention;
    use super::*;

    fn gm(start: usize, end: usize, kind: EntityKind, id: Option<&str>) -> GoldMention {
        GoldMention {
            start,
            end,
            kind,
            text: String::new(),
            id: id.map(str::to_string),
            linked: false,
            tail: false,
            excluded: None,
        }
    }
    fn pred(start: usize, end: usize, head: usize, kind: EntityKind, entity: u32) -> Pred {
        Pred {
            start,
            end,
            kind,
            text: String::new(),
            entity,
            head,
        }
    }

    #[test]
    fn nested_gold_and_lenient_head() {
        use EntityKind::Location as L;
        // "Aceh , Indonesia" (0..16) contains "Indonesia" (7..16).
        let doc = GoldDoc {
            name: "a".into(),
            text: String::new(),
            mentions: vec![gm(0, 16, L, Some("Aceh")), gm(7, 16, L, Some("Indonesia"))],
            others: Vec::new(),
        };
        let preds = vec![pred(0, 4, 0, L, 0), pred(7, 16, 7, L, 1)];
        let m = match_doc(&doc, &preds);
        assert_eq!(m.strict, vec![None, Some(1)]);
        assert_eq!(m.lenient, vec![Some(0), Some(1)]);
        // A prediction running past the gold span does not match leniently.
        let m = match_doc(&doc, &[pred(7, 20, 17, L, 1)]);
        assert_eq!(m.lenient, vec![None]);
    }

    #[test]
    fn pair_counts() {
        assert_eq!(
            cross_pairs([("a", 0), ("a", 0), ("a", 1), ("b", 2)].into_iter()),
            2
        );
        let p = Prf::new(1, 1, 0);
        assert_eq!((p.precision, p.recall), (0.5, 1.0));
    }
}
