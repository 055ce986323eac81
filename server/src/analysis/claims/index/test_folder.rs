//! Small in-memory folders for the comparison tests (`tests.rs`,
//! `event_tests.rs`, `value_tests.rs`), and what they found: conflicting
//! and corroborating pairs by file, and every fact for failure messages.
use std::sync::Arc;

use super::{ConflictKind, FactRef};
use crate::analysis::{AnalysisHost, Snapshot};

/// A folder of the given (path, text) files, analysed.
pub(super) fn folder(files: &[(&str, &str)]) -> Arc<Snapshot> {
    let mut host = AnalysisHost::new(Some("/mem".into()));
    for (p, t) in files {
        host.set_file(format!("/mem/{p}").into(), (*t).into());
    }
    host.snapshot()
}

fn path(s: &Snapshot, f: &FactRef) -> String {
    s.files[f.file as usize].rel_path.clone()
}

fn fact_text(s: &Snapshot, f: &FactRef) -> String {
    s.claims().files[f.file as usize].claims[f.claim as usize].facts[f.fact as usize]
        .text
        .clone()
}

/// Conflicting pairs as (kind, path a, path b), paths in order.
pub(super) fn conflicts(s: &Snapshot) -> Vec<(ConflictKind, String, String)> {
    s.claims()
        .conflict_pairs()
        .iter()
        .map(|k| {
            let (a, b) = (path(s, &k.a), path(s, &k.b));
            if a <= b {
                (k.kind, a, b)
            } else {
                (k.kind, b, a)
            }
        })
        .collect()
}

/// Conflicting pairs with the values each side states, for failure
/// messages: (kind, path a, value a, path b, value b).
pub(super) fn conflict_texts(s: &Snapshot) -> Vec<(ConflictKind, String, String, String, String)> {
    s.claims()
        .conflict_pairs()
        .iter()
        .map(|k| {
            (
                k.kind,
                path(s, &k.a),
                fact_text(s, &k.a),
                path(s, &k.b),
                fact_text(s, &k.b),
            )
        })
        .collect()
}

/// Do files `a` and `b` conflict on a fact of this kind (in either order)?
pub(super) fn conflicting(s: &Snapshot, kind: ConflictKind, a: &str, b: &str) -> bool {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    conflicts(s)
        .iter()
        .any(|k| k.0 == kind && k.1 == a && k.2 == b)
}

/// Do files `a` and `b` conflict on anything?
pub(super) fn any_conflict(s: &Snapshot, a: &str, b: &str) -> bool {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    conflicts(s).iter().any(|k| k.1 == a && k.2 == b)
}

/// Do files `a` and `b` agree through a fact (not by word overlap only)?
pub(super) fn corroborating(s: &Snapshot, a: &str, b: &str) -> bool {
    s.claims().corroboration_pairs().iter().any(|k| {
        let (pa, pb) = (
            &s.files[k.a.file as usize].rel_path,
            &s.files[k.b.file as usize].rel_path,
        );
        k.facts.0.is_some() && ((pa == a && pb == b) || (pa == b && pb == a))
    })
}

/// Every fact of the folder with its event, for failure messages.
pub(super) fn facts(s: &Snapshot) -> String {
    let mut out = String::new();
    for (fi, fc) in s.claims().files.iter().enumerate() {
        for c in &fc.claims {
            for f in &c.facts {
                out.push_str(&format!(
                    "{}: {:?} {:?} event {:?}\n",
                    s.files[fi].rel_path,
                    f.text,
                    f.body,
                    f.event
                        .as_ref()
                        .map(|e| (e.kind, &e.participants, &e.places, e.when))
                ));
            }
        }
    }
    out
}

/// Whether two claims of the folder corroborate each other through a
/// fact, both claims stating a fact whose reading mentions `what` (a
/// measure such as "rescued" or "killed").
pub(super) fn corroborating_on(s: &Snapshot, what: &str) -> bool {
    let ix = s.claims();
    let facts = |r: &super::ClaimRef| {
        format!(
            "{:?}",
            ix.files[r.file as usize].claims[r.claim as usize].facts
        )
    };
    ix.corroboration_pairs()
        .iter()
        .any(|k| k.facts.0.is_some() && facts(&k.a).contains(what) && facts(&k.b).contains(what))
}
