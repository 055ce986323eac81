//! Diagnostics over claims: a pure function of the snapshot and the
//! configuration. Codes are stable; each rule's severity is configurable.
//!
//! Precision before recall: a rule fires only on what the analysis is sure
//! of. When each fires:
//! - `unverified-claim`: a claim stating a number, a date or a structured
//!   fact (role, amount, event date, place) with no attribution in its
//!   sentence, its paragraph or the document; quoted speech is left alone.
//! - `anonymous-source`: an attribution whose origin is unnamed and nobody
//!   on record stands in its chain (outlets that relay do not count); once
//!   per attribution, at the anonymous phrase, with how many claims rest
//!   on it.
//! - `hedged-claim`: a claim worded as speculation ("may", "is
//!   considering", "reportedly"), at the first hedge.
//! - `conflicting-claim`: two single-holder role statements about the
//!   present of files dated within a month (or of one file); disjoint
//!   amounts for one subject, unit and predicate (in one file, or files
//!   dated within two days); dates of one event on
//!   different days (more than five days apart for summits and talks, and
//!   never for an opening or closing day); places in different countries.
//!   Reported at both ends, once per fact and other value, with the first
//!   five other claims as related info and how many more there are.
//! - `ambiguous-date`: a numeric date whose day and month can be swapped,
//!   unless another date in the text settles the order.
use serde::Serialize;

use crate::analysis::claims::{Claim, ClaimRef, ConflictKind, FileClaims, Scope, SourceKind};
use crate::analysis::{FileId, Snapshot};
use crate::config::{Config, Rule, Severity};

pub const SOURCE: &str = "crosscheck";

/// Related locations of one `conflicting-claim` at most: the message says
/// how many more there are.
pub const MAX_RELATED: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Byte range in the file.
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub rule: Rule,
    /// Stable code (`rule.code()`).
    pub code: &'static str,
    pub message: String,
    pub related: Vec<Related>,
}

/// Who a claim is attributed to, for messages: "Reuters citing its own
/// source", or "no attribution".
pub fn chain_text(fc: &FileClaims, c: &Claim) -> String {
    let chain = fc.chain(c);
    if chain.is_empty() {
        return "no attribution".to_string();
    }
    let names: Vec<String> = chain
        .iter()
        .map(|s| match s.kind {
            SourceKind::Named => s.name.clone(),
            SourceKind::Anonymous => format!("'{}' (anonymous)", s.text),
        })
        .collect();
    names.join(" citing ")
}

fn when(fc: &FileClaims) -> String {
    match &fc.date.date {
        Some(d) => d.describe(),
        None => "undated".to_string(),
    }
}

fn quote(s: &str) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 80 {
        format!("'{}…'", t.chars().take(80).collect::<String>())
    } else {
        format!("'{t}'")
    }
}

/// The diagnostics of `file`: those the persisted index holds for this
/// state of the folder while its claims index is not built (a warm
/// restart, see [`super::diagnostics_store`]), else computed.
pub fn compute(snap: &Snapshot, config: &Config, file: FileId) -> Vec<Diagnostic> {
    super::diagnostics_store::stored(snap, config, file)
        .unwrap_or_else(|| compute_fresh(snap, config, file))
}

/// The diagnostics of `file` computed from the claims index (built first
/// when it is not).
pub fn compute_fresh(snap: &Snapshot, config: &Config, file: FileId) -> Vec<Diagnostic> {
    let Some(fc) = snap.claims().files.get(file as usize) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push =
        |rule: Rule, start: usize, end: usize, message: String, related: Vec<Related>| {
            let severity = config.severity(rule);
            if severity != Severity::Off {
                out.push(Diagnostic {
                    start,
                    end,
                    severity,
                    rule,
                    code: rule.code(),
                    message,
                    related,
                });
            }
        };

    for c in &fc.claims {
        if c.unverified() {
            push(
                Rule::UnverifiedClaim,
                c.start,
                c.end,
                "Unverified claim: no source is given in its sentence, paragraph or document"
                    .to_string(),
                Vec::new(),
            );
        }
        if let Some(h) = c.hedges.first() {
            let all: Vec<&str> = c.hedges.iter().map(|h| h.text.as_str()).collect();
            push(
                Rule::HedgedClaim,
                h.start,
                h.end,
                format!(
                    "Hedged claim ({}): speculation or a plan, not an established fact",
                    all.join(", ")
                ),
                Vec::new(),
            );
        }
    }

    // Anonymous attributions: once per attribution, at its anonymous source.
    // Claims resting on each attribution, counted in one pass.
    let mut resting = vec![0usize; fc.attributions.len()];
    for c in &fc.claims {
        if let Some(&a) = c.attributions.last() {
            if let Some(n) = resting.get_mut(a as usize) {
                *n += 1;
            }
        }
    }
    for (ai, a) in fc.attributions.iter().enumerate() {
        if !a.anonymous_only() {
            continue;
        }
        let covered = resting[ai];
        if covered == 0 {
            continue;
        }
        let src = a.chain.last().unwrap();
        let relay: Vec<&str> = a
            .chain
            .iter()
            .filter(|s| s.kind == SourceKind::Named)
            .map(|s| s.name.as_str())
            .collect();
        let via = if relay.is_empty() {
            String::new()
        } else {
            format!(", relayed by {}", relay.join(", "))
        };
        let what = match (a.scope, covered) {
            (Scope::Sentence, _) => "This claim rests".to_string(),
            (_, 1) => "1 claim rests".to_string(),
            (_, n) => format!("{n} claims rest"),
        };
        push(
            Rule::AnonymousSource,
            src.start,
            src.end,
            format!("Anonymous source: {what} only on {}{via}", quote(&src.text)),
            Vec::new(),
        );
    }

    // Each conflict is reported at both ends (both may be in this file):
    // once per fact and other value, naming the first other claim, with
    // the first few as related information and how many more there are.
    for (ci, hc) in fc.claims.iter().enumerate() {
        let me = ClaimRef {
            file,
            claim: ci as u32,
        };
        for k in snap.claims().conflicts_of(me, MAX_RELATED) {
            let here = k.here;
            let Some(&there) = k.others.first() else {
                continue;
            };
            let ofc = &snap.claims().files[there.file as usize];
            let tc = &ofc.claims[there.claim as usize];
            let hf = &hc.facts[here.fact as usize];
            let other = if there.file == file {
                "elsewhere in this file".to_string()
            } else {
                format!("in {}", snap.file(there.file).rel_path)
            };
            let what = match k.kind {
                ConflictKind::RoleHolder => format!("who is {}", k.subject),
                ConflictKind::Quantity => format!("the amount for {}", k.subject),
                ConflictKind::EventDate => format!("the date of the {}", k.subject),
                ConflictKind::EventPlace => format!("where the {} happened", k.subject),
                ConflictKind::Location => format!("where {} is", k.subject),
            };
            let time = if k.kind == ConflictKind::RoleHolder && there.file != file {
                format!(" (files dated {} and {})", when(fc), when(ofc))
            } else {
                String::new()
            };
            let more = match k.total - 1 {
                0 => String::new(),
                1 => " and in 1 more claim".to_string(),
                n => format!(" and in {n} more claims"),
            };
            let message = format!(
                "Conflicting claim on {what}: {} here (per {}) but {} {other} (per {}){time}{more}",
                quote(&k.here_value),
                chain_text(fc, hc),
                quote(&k.there_value),
                chain_text(ofc, tc),
            );
            let related = k
                .others
                .iter()
                .map(|t| {
                    let ofc = &snap.claims().files[t.file as usize];
                    let tc = &ofc.claims[t.claim as usize];
                    let tf = &tc.facts[t.fact as usize];
                    Related {
                        file: t.file,
                        start: tf.start,
                        end: tf.end,
                        message: format!(
                            "{} (per {})",
                            quote(&snap.file(t.file).text[tc.start..tc.end]),
                            chain_text(ofc, tc)
                        ),
                    }
                })
                .collect();
            push(Rule::ConflictingClaim, hf.start, hf.end, message, related);
        }
    }

    for a in &fc.date.ambiguities {
        let [dm, md] = a.readings;
        let verdict = match a.favoured {
            Some(i) => format!("the text favours {}: {}", a.readings[i].long(), a.context),
            None => a.context.clone(),
        };
        push(
            Rule::AmbiguousDate,
            a.start,
            a.end,
            format!(
                "Ambiguous date '{}': {} (day/month) or {} (month/day); {verdict}",
                a.text,
                dm.long(),
                md.long()
            ),
            Vec::new(),
        );
    }
    out.sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));
    out
}

/// The claims resting only on the attribution whose last source starts at
/// byte `source_start` (what an `anonymous-source` diagnostic there is
/// about), as indexes into `fc.claims`.
pub fn claims_resting_on(fc: &FileClaims, source_start: usize) -> Vec<usize> {
    fc.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.attributions.last().is_some_and(|&a| {
                fc.attributions[a as usize]
                    .chain
                    .last()
                    .is_some_and(|s| s.start == source_start)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The claims a diagnostic `code` at `[start, end)` of `file` is about:
/// those resting on an anonymous source, or the claim it sits in (a
/// hedge, a conflicting fact, the unverified sentence itself). What a
/// person would give a verdict on from the diagnostic.
pub fn claims_behind(
    snap: &Snapshot,
    file: FileId,
    code: &str,
    start: usize,
    end: usize,
) -> Vec<usize> {
    let Some(fc) = snap.claims().files.get(file as usize) else {
        return Vec::new();
    };
    if code == Rule::AnonymousSource.code() {
        let resting = claims_resting_on(fc, start);
        if !resting.is_empty() {
            return resting;
        }
    }
    let claim_codes = [
        Rule::UnverifiedClaim.code(),
        Rule::AnonymousSource.code(),
        Rule::HedgedClaim.code(),
        Rule::ConflictingClaim.code(),
        "kb-conflict",
        "disputed-claim",
    ];
    if !claim_codes.contains(&code) {
        return Vec::new();
    }
    fc.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.start < end.max(start + 1) && start < c.end.max(c.start + 1))
        .map(|(i, _)| i)
        .collect()
}

/// Diagnostics of every file, for publishing after a new snapshot.
pub fn compute_all(snap: &Snapshot, config: &Config) -> Vec<(FileId, Vec<Diagnostic>)> {
    (0..snap.files.len() as FileId)
        .map(|f| (f, compute(snap, config, f)))
        .collect()
}
