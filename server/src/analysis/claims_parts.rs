//! The claims index kept up to date instead of rebuilt: what one
//! snapshot's index was made from ([`ClaimsParts`]) seeds the next
//! snapshot's, so only the files that changed have their claims found and
//! their fact signatures computed again; the join over the per-file lists
//! ([`ClaimsIndex::join`]) then patches the previous join for those files
//! (see `claims::index::patch`) or, after larger changes, groups and
//! buckets every fact as in a full build.
//!
//! A file's signatures ([`file_sigs`]) are a pure function of its claims,
//! its file number, how its mentions link (its row of `mention_entity`)
//! and the folder-wide name tables ([`SigContext`]). They are reused when
//! all of these are what they were: the same claims (the same `Arc`, which
//! a file keeps while its text and analysis are unchanged), the same row,
//! and equal name tables, entity ids and settings. A file that only moved
//! (files added or removed before it) keeps its signatures, renumbered.
//! Anything else is computed again, so the index equals a from-scratch
//! build (`tests/claims_incremental.rs` checks it).
//!
//! Two more things carry over while the snapshot's epochs say they still
//! hold (typing in a file changes neither): the name tables, while no
//! entity's names or mention count changed, and the join's state
//! ([`JoinState`]: groups, buckets, the outcomes of its comparisons),
//! while no entity's names changed (bucket keys and `relate` read nothing
//! else). After an edit the join then compares only the pairs that the
//! edited file's new signatures make.
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::claims::index::build::{sig_hash, JoinMemo, Lists};
use super::claims::index::patch::{JoinState, SigList};
use super::claims::index::sig::{all_names, file_sigs, Sig, SigContext};
use super::claims::index::undated::UndatedMemo;
use super::claims::index::{ClaimsIndex, FactRef, Inputs};
use super::claims::resolve::name_index;
use super::claims::{ClaimSettings, FileClaims};
use super::claims_dates_memo::DatesMemo;
use super::snapshot::{FileId, SourceFile};
use crate::analysis::linking::Entity;

/// One file's share of a built index.
struct FilePart {
    claims: Arc<FileClaims>,
    /// The file's `mention_entity` row when it has facts (signatures of a
    /// file without facts are empty whatever its mentions link to); shared
    /// with the seed's part while equal (not copied for every file with
    /// facts at every build).
    row: Arc<[u32]>,
    sigs: Arc<Vec<(FactRef, Sig)>>,
    /// [`sig_hash`] of each of `sigs` (what the join's memo of
    /// comparisons is keyed by).
    hashes: Arc<Vec<u128>>,
}

/// What a snapshot's claims index was made from.
pub struct ClaimsParts {
    settings: ClaimSettings,
    names: Arc<HashMap<String, u32>>,
    all_names: Arc<HashMap<String, u32>>,
    ids: Arc<Vec<String>>,
    /// The snapshot epochs the parts were made under: with the same
    /// counts epoch the name tables are the same, with the same names
    /// epoch every comparison in `pairs` still holds.
    names_epoch: u64,
    counts_epoch: u64,
    /// What the join found, for the next one to patch (taken by the
    /// first build seeded from these parts).
    join: Mutex<Option<JoinState>>,
    /// What dating the offices of undated files found, for the next build
    /// under the same names and file numbers (taken like `join`).
    undated: Mutex<Option<UndatedMemo>>,
    /// What the pass over publication dates found, for the next build
    /// under the same names, file numbers and settings (taken like
    /// `join`; see [`super::claims_dates_memo`]).
    dates: Mutex<Option<DatesMemo>>,
    /// Path -> file number when it was built: the snapshot's own table,
    /// shared (a copy of 10,001 paths per build was garbage per edit).
    numbers: Arc<HashMap<PathBuf, FileId>>,
    files: Vec<FilePart>,
    /// A number no other parts have (see [`ClaimsParts::id`]).
    id: u64,
    /// When the join was patched from the seed's: the seed's number and
    /// the files whose diagnostics may differ from those of the seed's
    /// index (see `patch::PatchStats::dirty`).
    delta: Option<Delta>,
}

/// What changed between two parts: `from` is the earlier parts' number,
/// `files` the files (numbered as in the later parts) whose claims or
/// conflicts may differ.
#[derive(Clone, Debug)]
pub struct Delta {
    pub from: u64,
    pub files: Arc<Vec<FileId>>,
}

impl ClaimsParts {
    /// A number telling these parts from every other (what a diagnostics
    /// run remembers of the index it read).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// What the pass over dates of these parts' build found, for a build
    /// under the same names epoch, file numbers and settings (taken: one
    /// build starts from it).
    pub fn take_dates(
        &self,
        names_epoch: u64,
        numbers: &Arc<HashMap<PathBuf, FileId>>,
        settings: &ClaimSettings,
    ) -> Option<DatesMemo> {
        if self.names_epoch != names_epoch
            || !Arc::ptr_eq(&self.numbers, numbers)
            || self.settings != *settings
        {
            return None;
        }
        self.dates.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// What changed since the seed, when the join was patched from it.
    pub fn delta(&self) -> Option<&Delta> {
        self.delta.as_ref()
    }
}

fn new_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// How much of a build was reused (for tests and benchmarks).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reuse {
    pub files: usize,
    /// Files whose signatures were taken from the seed.
    pub sigs_reused: usize,
    /// The folder-wide name tables were the seed's (not built again).
    pub tables_reused: bool,
    /// Pairs of fact groups compared by the join, and those whose
    /// outcome was the seed's.
    pub pairs: usize,
    pub pairs_reused: usize,
    /// The join was patched from the previous one (only the changed
    /// files' facts regrouped, only their new pairs compared).
    pub patched: bool,
    /// The pass over publication dates: files whose lead was the last
    /// pass's, and how many files it settled again (`None`: the whole
    /// folder, no last pass to start from).
    pub dates_leads_kept: usize,
    pub dates_settled_again: Option<usize>,
}

/// What building an index needs from the snapshot.
pub struct BuildInputs<'a> {
    pub files: &'a [Arc<SourceFile>],
    /// Path -> number of `files` (the snapshot's table).
    pub numbers: Arc<HashMap<PathBuf, FileId>>,
    pub entities: &'a [Entity],
    pub mention_entity: &'a [Vec<u32>],
    pub settings: &'a ClaimSettings,
    /// Each file's claims, in file order.
    pub claims: Vec<Arc<FileClaims>>,
    /// The snapshot's epochs (see `Snapshot::names_epoch`).
    pub names_epoch: u64,
    pub counts_epoch: u64,
    /// What the pass over dates that gave `claims` found (kept for the
    /// next build).
    pub dates: Option<DatesMemo>,
}

/// Build the index of `inp`, reusing from `seed` the signatures of files
/// that did not change. Returns the index, its parts (the next seed) and
/// what was reused.
pub fn build(inp: BuildInputs, seed: Option<&ClaimsParts>) -> (ClaimsIndex, ClaimsParts, Reuse) {
    // The tables are the seed's while no entity's names or mention count
    // changed (typing in a file); otherwise they are built again and
    // compared.
    // Files are numbered as in the seed (the same table): what changed
    // can be told by file number.
    let seed_id = seed
        .filter(|s| Arc::ptr_eq(&s.numbers, &inp.numbers))
        .map(|s| s.id);
    let kept = seed.filter(|s| s.counts_epoch == inp.counts_epoch);
    let tables_reused = kept.is_some();
    let (names, everyone, ids) = match kept {
        Some(s) => (s.names.clone(), s.all_names.clone(), s.ids.clone()),
        None => (
            Arc::new(name_index(inp.entities)),
            Arc::new(all_names(inp.entities)),
            Arc::new(inp.entities.iter().map(|e| e.id.clone()).collect()),
        ),
    };
    // The seed's join (its comparisons, what a patch starts from) holds
    // while the entities' names are the same (they are all `relate` and
    // the bucket keys read besides the signatures).
    let state = seed
        .filter(|s| s.names_epoch == inp.names_epoch)
        .and_then(|s| s.join.lock().unwrap_or_else(|e| e.into_inner()).take());
    // What dated the offices of undated files holds for the same names
    // and the same file numbers.
    let undated = seed
        .filter(|s| s.names_epoch == inp.names_epoch && Arc::ptr_eq(&s.numbers, &inp.numbers))
        .and_then(|s| s.undated.lock().unwrap_or_else(|e| e.into_inner()).take());
    // Signatures of unchanged files can be reused only when the
    // folder-wide tables they were computed with are the same.
    let seed = seed.filter(|s| {
        s.settings == *inp.settings
            && (tables_reused || (s.ids == ids && s.names == names && s.all_names == everyone))
    });
    let sx = SigContext {
        entities: inp.entities,
        names: &names,
        all_names: &everyone,
        settings: inp.settings,
    };
    let parts: Vec<(FilePart, bool)> = inp
        .files
        .par_iter()
        .zip(inp.claims.par_iter())
        .enumerate()
        .map(|(fi, (f, fc))| {
            let row = &inp.mention_entity[fi];
            let has_facts = fc.claims.iter().any(|c| !c.facts.is_empty());
            let old = seed.and_then(|s| {
                let n = *s.numbers.get(&f.path)?;
                let p = &s.files[n as usize];
                (Arc::ptr_eq(&p.claims, fc) && (!has_facts || p.row[..] == row[..]))
                    .then_some((n, p))
            });
            let kept_row = old.filter(|_| has_facts).map(|(_, p)| p.row.clone());
            let (sigs, hashes, reused) = match old {
                Some((n, p)) if n == fi as FileId => (p.sigs.clone(), p.hashes.clone(), true),
                Some((_, p)) => (
                    Arc::new(renumbered(&p.sigs, fi as FileId)),
                    p.hashes.clone(),
                    true,
                ),
                None => {
                    let sigs = file_sigs(&sx, fi as FileId, fc, row);
                    let hashes = sigs.iter().map(|(_, s)| sig_hash(s)).collect();
                    (Arc::new(sigs), Arc::new(hashes), false)
                }
            };
            let part = FilePart {
                claims: fc.clone(),
                row: match kept_row {
                    Some(r) => r,
                    None if has_facts => Arc::from(row.as_slice()),
                    None => no_row(),
                },
                sigs,
                hashes,
            };
            (part, reused)
        })
        .collect();
    let sigs_reused = parts.iter().filter(|(_, r)| *r).count();
    let files: Vec<FilePart> = parts.into_iter().map(|(p, _)| p).collect();
    let per_file: Vec<&[(FactRef, Sig)]> = files.iter().map(|p| p.sigs.as_slice()).collect();
    let hashes: Vec<&[u128]> = files.iter().map(|p| p.hashes.as_slice()).collect();
    let lists: Vec<SigList> = files.iter().map(|p| p.sigs.clone()).collect();
    let mut join_memo = JoinMemo {
        hashes: &hashes,
        lists: &lists,
        names_epoch: inp.names_epoch,
        state,
        compared: 0,
        reused: 0,
        patched: false,
        dirty: None,
        undated,
    };
    let index = ClaimsIndex::join_with(
        &Inputs {
            files: inp.files,
            entities: inp.entities,
            mention_entity: inp.mention_entity,
            settings: inp.settings,
        },
        inp.claims,
        Lists {
            per_file: &per_file,
            memo: Some(&mut join_memo),
        },
    );
    let reuse = Reuse {
        files: files.len(),
        sigs_reused,
        tables_reused,
        pairs: join_memo.compared,
        pairs_reused: join_memo.reused,
        patched: join_memo.patched,
        dates_leads_kept: 0,
        dates_settled_again: None,
    };
    let join = join_memo.state.take();
    let undated = join_memo.undated.take();
    let delta = seed_id
        .zip(join_memo.dirty.take())
        .map(|(from, files)| Delta {
            from,
            files: Arc::new(files),
        });
    drop((per_file, hashes, lists));
    let parts = ClaimsParts {
        settings: inp.settings.clone(),
        names,
        all_names: everyone,
        ids,
        names_epoch: inp.names_epoch,
        counts_epoch: inp.counts_epoch,
        join: Mutex::new(join),
        undated: Mutex::new(undated),
        dates: Mutex::new(inp.dates),
        numbers: inp.numbers,
        files,
        id: new_id(),
        delta,
    };
    (index, parts, reuse)
}

/// The row of a file without facts: one shared empty list.
fn no_row() -> Arc<[u32]> {
    static EMPTY: std::sync::OnceLock<Arc<[u32]>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Arc::from(Vec::new())).clone()
}

/// Signatures of a file that moved to number `file`.
fn renumbered(sigs: &[(FactRef, Sig)], file: FileId) -> Vec<(FactRef, Sig)> {
    sigs.iter()
        .map(|(at, s)| (FactRef { file, ..*at }, s.clone()))
        .collect()
}
