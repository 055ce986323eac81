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

/// Every file's stored diagnostics at once (one read of the store, decoded
/// in parallel), indexed by file: what [`stored`] answers for each, with
/// `None` for a file the store lacks or cannot read back. `None` as a
/// whole when [`stored`] would answer nothing for any file.
pub fn stored_all(snap: &Snapshot, config: &Config) -> Option<Vec<Option<Vec<Diagnostic>>>> {
    use rayon::prelude::*;
    if snap.claims_ready() {
        return None;
    }
    let store = snap.claims_store.as_ref()?;
    let (folder, state) = keys(snap, config)?;
    let rows = store.cache.folder_results(folder, state)?;
    let mut out: Vec<Option<Vec<Diagnostic>>> = vec![None; snap.files.len()];
    let decoded: Vec<(usize, Option<Vec<Diagnostic>>)> = rows
        .par_iter()
        .filter(|(f, _)| (*f as usize) < snap.files.len())
        .map(|(f, bytes)| (*f as usize, decode(bytes)))
        .collect();
    let mut unreadable = false;
    for (f, d) in decoded {
        unreadable |= d.is_none();
        out[f] = d;
    }
    if unreadable {
        static SAID: AtomicBool = AtomicBool::new(false);
        if !SAID.swap(true, Ordering::Relaxed) {
            tracing::warn!("crosscheck: stored diagnostics could not be read back; computing them");
        }
    }
    Some(out)
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

    /// A folder of three articles, analysed by a host that keeps its
    /// analyses in the store in `dir`.
    fn host(dir: &std::path::Path, third: &str) -> crate::analysis::AnalysisHost {
        use std::sync::Arc;
        let root = std::path::PathBuf::from("/folder");
        let texts = [
            "Kyiv, 14/06/2024\n\nNATO Secretary General Mark Rutte met officials in Kyiv \
             on Monday. Officials said 12 people died in the attack.\n",
            "Kyiv, 15/06/2024\n\nMark Rutte visited Kyiv on Monday, Reuters reported. \
             Officials said 30 people died in the attack, which may have been planned.\n",
            third,
        ];
        let mut h = crate::analysis::AnalysisHost::new(Some(root.clone()));
        let store = crate::engine::cache::SqliteCache::open(dir).unwrap();
        h.set_cache(Some(Arc::new(store)));
        h.set_files(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (root.join(format!("{i}.txt")), Arc::from(*t)))
                .collect(),
        );
        h
    }

    #[test]
    fn a_restart_on_the_same_folder_reads_every_file_back_and_nothing_else() {
        let d = tempfile::tempdir().unwrap();
        let config = Config::default();
        let third = "Police said more than 40 people died in the attack in Kyiv.\n";
        let snap = host(d.path(), third).snapshot();
        assert!(stored(&snap, &config, 0).is_none(), "nothing stored yet");
        let fresh = super::super::diagnostics::compute_all(&snap, &config);
        assert!(fresh.iter().any(|(_, d)| !d.is_empty()));
        store_all(&snap, &config, &fresh);
        // A restart: same texts, same store, a new host and snapshot.
        let again = host(d.path(), third).snapshot();
        for (f, want) in &fresh {
            assert_eq!(stored(&again, &config, *f).as_ref(), Some(want), "file {f}");
        }
        let all = stored_all(&again, &config).expect("read back at once");
        let want: Vec<Option<Vec<Diagnostic>>> =
            fresh.iter().map(|(_, d)| Some(d.clone())).collect();
        assert_eq!(all, want);
        assert!(!again.claims_ready(), "read back without the claims index");
        // Another text in one file is another state: nothing is read back.
        let edited = host(d.path(), "Police said 41 people died in the attack.\n").snapshot();
        assert!(stored(&edited, &config, 0).is_none());
        assert!(stored_all(&edited, &config).is_none());
        // Other severities are another configuration.
        let mut quiet = Config::default();
        quiet.set_severity(Rule::UnverifiedClaim, Severity::Off);
        assert!(stored(&again, &quiet, 0).is_none());
        // Once the claims index is built, diagnostics are computed.
        again.claims();
        assert!(stored(&again, &config, 0).is_none());
        assert!(stored_all(&again, &config).is_none());
    }
}
