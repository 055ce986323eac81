//! Every file's diagnostics kept in the persisted index, for the state of
//! the folder they were computed in (`analysis::folder_state`) and the
//! rule severities: a warm restart on an unchanged folder answers a
//! file's diagnostics from there instead of building the claims index
//! (comparing every fact of the folder) first. The index is still built,
//! in the background, for what reads it next (an edit, a claim's hover).
//!
//! Only snapshots whose every file's analysis is persisted take part (not
//! those holding an edited buffer's passing version), and only until
//! their claims index is built (then computing is as cheap as reading).
//! An entry that cannot be read back is a miss, said once in the log.
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use super::diagnostics::{Diagnostic, Related};
use crate::analysis::{FileId, Snapshot};
use crate::config::{Config, Rule, Severity};

/// A diagnostic as stored (the rule by its number in [`Rule::ALL`]).
#[derive(Serialize, Deserialize)]
struct Stored {
    start: u64,
    end: u64,
    severity: Severity,
    rule: u8,
    message: String,
    related: Vec<(FileId, u64, u64, String)>,
}

fn digest(x: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// (folder key, state key) of `snap` under `config`, when its results can
/// be stored and read back.
fn keys(snap: &Snapshot, config: &Config) -> Option<(u64, u64)> {
    let state = snap.stored_state()?;
    let severities: Vec<Severity> = Rule::ALL.iter().map(|r| config.severity(*r)).collect();
    Some((digest(&snap.root), digest((state, severities))))
}

fn encode(diags: &[Diagnostic]) -> Option<Vec<u8>> {
    let stored: Vec<Stored> = diags
        .iter()
        .map(|d| Stored {
            start: d.start as u64,
            end: d.end as u64,
            severity: d.severity,
            rule: Rule::ALL.iter().position(|r| *r == d.rule).unwrap_or(0) as u8,
            message: d.message.clone(),
            related: d
                .related
                .iter()
                .map(|r| (r.file, r.start as u64, r.end as u64, r.message.clone()))
                .collect(),
        })
        .collect();
    bincode::serde::encode_to_vec(&stored, bincode::config::standard()).ok()
}

fn decode(bytes: &[u8]) -> Option<Vec<Diagnostic>> {
    let (stored, _): (Vec<Stored>, usize) =
        bincode::serde::decode_from_slice(bytes, bincode::config::standard()).ok()?;
    stored
        .into_iter()
        .map(|s| {
            let rule = *Rule::ALL.get(s.rule as usize)?;
            Some(Diagnostic {
                start: s.start as usize,
                end: s.end as usize,
                severity: s.severity,
                rule,
                code: rule.code(),
                message: s.message,
                related: s
                    .related
                    .into_iter()
                    .map(|(file, start, end, message)| Related {
                        file,
                        start: start as usize,
                        end: end as usize,
                        message,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `file`'s stored diagnostics, when `snap`'s claims index is not built
/// yet and the store holds them for this state and configuration.
pub fn stored(snap: &Snapshot, config: &Config, file: FileId) -> Option<Vec<Diagnostic>> {
    if snap.claims_ready() {
        return None;
    }
    let store = snap.claims_store.as_ref()?;
    let (folder, state) = keys(snap, config)?;
    let bytes = store.cache.folder_result(folder, state, file)?;
    let got = decode(&bytes);
    if got.is_none() {
        static SAID: AtomicBool = AtomicBool::new(false);
        if !SAID.swap(true, Ordering::Relaxed) {
            tracing::warn!("crosscheck: stored diagnostics could not be read back; computing them");
        }
    }
    got
}

/// Store every file's diagnostics (`all`, one entry per file of `snap`),
/// replacing what the store held for the folder. Nothing when the
/// snapshot's state cannot be stored.
pub fn store_all(snap: &Snapshot, config: &Config, all: &[(FileId, Vec<Diagnostic>)]) {
    let Some(store) = snap.claims_store.as_ref() else {
        return;
    };
    let Some((folder, state)) = keys(snap, config) else {
        return;
    };
    use rayon::prelude::*;
    let rows: Option<Vec<(u32, Vec<u8>)>> = all
        .par_iter()
        .map(|(f, d)| Some((*f, encode(d)?)))
        .collect();
    if let Some(rows) = rows {
        store.cache.put_folder_results(folder, state, &rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_round_trip() {
        let d = Diagnostic {
            start: 3,
            end: 9,
            severity: Severity::Warning,
            rule: Rule::ConflictingClaim,
            code: Rule::ConflictingClaim.code(),
            message: "Conflicting claim".into(),
            related: vec![Related {
                file: 2,
                start: 10,
                end: 20,
                message: "here".into(),
            }],
        };
        let bytes = encode(std::slice::from_ref(&d)).unwrap();
        assert_eq!(decode(&bytes), Some(vec![d]));
        assert_eq!(decode(b"\xff\xff not bincode"), None);
    }
}
