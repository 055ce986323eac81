//! The analysis state of one workspace: [`Snapshot`] is the immutable
//! view every feature reads (cheap to clone: files are shared `Arc`s);
//! [`super::host::AnalysisHost`] takes changes and builds snapshots.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::cache::{AnalysisCache, ClaimsKey};
use super::claims::index::ClaimsIndex;
use super::claims::{ClaimSettings, FileClaims};
use super::claims_parts::{self, BuildInputs, ClaimsParts, Reuse};
use super::claims_previous::PreviousClaims;
use super::claims_turns::{Chain, Turnstile};
use super::linking::global::{link, relink_changed, Entity, Linking, MentionRef};
use super::model::Mention;
use super::overrides::Overrides;

pub type FileId = u32;

pub use super::source_file::{DatingFacts, SourceFile};

pub struct Snapshot {
    pub root: Option<PathBuf>,
    /// Sorted by `rel_path`; a [`FileId`] indexes this.
    pub files: Vec<Arc<SourceFile>>,
    pub entities: Vec<Entity>,
    /// `[file][mention]` -> index into `entities`.
    pub mention_entity: Vec<Vec<u32>>,
    by_path: Arc<HashMap<PathBuf, FileId>>,
    /// Built from the previous snapshot after a one-file edit that did not
    /// change how the file links (for tests and benchmarks).
    pub incremental: bool,
    /// Claims of every file, with cross-file corroboration and conflicts.
    /// Built on first use: entity features (hover, definition, symbols)
    /// never wait for the cross-file claim comparison.
    claims: std::sync::OnceLock<Arc<ClaimsIndex>>,
    /// The last index built before this snapshot's, while this one's is
    /// not (see [`super::claims_previous`]).
    previous: Mutex<Option<Arc<PreviousClaims>>>,
    /// The turn to build `claims` (see `claims_turns`).
    claims_building: Turnstile,
    pub claim_settings: ClaimSettings,
    /// What the previous snapshot's index was made from: this one's
    /// recomputes only the files that changed (see [`claims_parts`]).
    /// Dropped once this snapshot's own parts exist.
    claims_seed: Mutex<Option<Arc<ClaimsParts>>>,
    /// What this snapshot's index was made from (once built).
    claims_parts: std::sync::OnceLock<(Arc<ClaimsParts>, Reuse)>,
    /// Where files' claims are persisted, when the host has a store.
    pub claims_store: Option<ClaimsStore>,
    /// The parts of the claims index its host built last, shared by the
    /// host's snapshots: an index starts from those (they carry the join
    /// a patch starts from, which only one build can take), and builds of
    /// one host run one at a time. Without a host, the seed is used.
    pub claims_chain: Option<ClaimsChain>,
    /// What the entities' names (ids, kinds, canonical names, aliases)
    /// were made from: two snapshots with the same epoch have the same
    /// names, so comparisons of fact signatures made for one hold for the
    /// other (see [`claims_parts`]).
    pub names_epoch: u64,
    /// The same for names and mention counts together (what the
    /// folder-wide name tables of the claims index are built from).
    pub counts_epoch: u64,
    /// [`Snapshot::stored_state`], once asked for.
    state: std::sync::OnceLock<Option<u64>>,
}

/// A number no snapshot's epochs had before.
fn new_epoch() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What the epochs read of an entity a relink may touch: its names and
/// how many mentions it has (not the mentions themselves: copying the
/// mention lists of every entity the edited file names, some mentioned
/// in thousands of files, was megabytes of garbage per edit).
struct NamesOf {
    id: String,
    kind: crate::analysis::model::EntityKind,
    canonical: String,
    aliases: Vec<String>,
    count: usize,
}

impl NamesOf {
    fn of(e: &Entity) -> NamesOf {
        NamesOf {
            id: e.id.clone(),
            kind: e.kind,
            canonical: e.canonical.clone(),
            aliases: e.aliases.clone(),
            count: e.mentions.len(),
        }
    }
}

/// How the entities a relink touched compare with the previous
/// snapshot's (`before`, in the order of `touched`): (names the same,
/// mention counts the same too).
fn names_kept(before: &[NamesOf], now: &[Entity], touched: &[u32]) -> (bool, bool) {
    let mut counts = true;
    for (a, &e) in before.iter().zip(touched) {
        let Some(b) = now.get(e as usize) else {
            return (false, false);
        };
        if a.id != b.id || a.kind != b.kind || a.canonical != b.canonical || a.aliases != b.aliases
        {
            return (false, false);
        }
        counts &= a.count == b.mentions.len();
    }
    (true, counts)
}

/// A relink changes no entity the edited file does not mention.
#[cfg(debug_assertions)]
fn untouched_kept(prev: &[Entity], now: &[Entity], touched: &[u32]) {
    assert_eq!(
        prev.len(),
        now.len(),
        "a relink changed the number of entities"
    );
    assert!(
        prev.iter().zip(now).enumerate().all(|(i, (a, b))| {
            touched.binary_search(&(i as u32)).is_ok()
                || (a.id == b.id && a.aliases == b.aliases && a.mentions.len() == b.mentions.len())
        }),
        "a relink changed an entity the edited file does not mention"
    );
}

/// The claims parts a host's snapshots built last (see
/// `Snapshot::claims_chain`).
pub type ClaimsChain = Arc<Chain>;

/// A store of claims, with what its keys need besides each file.
#[derive(Clone)]
pub struct ClaimsStore {
    pub cache: Arc<dyn AnalysisCache>,
    /// The overrides the snapshot's files were analysed under.
    pub overrides: Arc<Overrides>,
}

impl Snapshot {
    pub fn build(root: Option<PathBuf>, files: Vec<Arc<SourceFile>>) -> Snapshot {
        Self::build_with(root, files, &Overrides::default(), ClaimSettings::default())
    }

    /// Build with the workspace's knowledge base and decisions, and its
    /// word lists for claims (attribution verbs, hedges, single-holder
    /// roles).
    pub fn build_with(
        root: Option<PathBuf>,
        files: Vec<Arc<SourceFile>>,
        overrides: &Overrides,
        settings: ClaimSettings,
    ) -> Snapshot {
        let linking = link(&files, overrides);
        Self::assemble(root, files, linking, settings, None)
    }

    /// The snapshot after one file changed without changing how it links
    /// (see [`relink_changed`]); `None` when a full build is needed. The
    /// previous snapshot's linking is taken when nothing else holds it
    /// (the host's reference was the last), copied otherwise; what is
    /// left of it comes back for the caller to free off its path.
    pub fn rebuild_after_edit(
        prev: Arc<Snapshot>,
        files: Vec<Arc<SourceFile>>,
        changed: &SourceFile,
        overrides: &Overrides,
        settings: ClaimSettings,
    ) -> (Option<Snapshot>, Box<dyn Send>) {
        let f = match prev.file_id(&changed.path) {
            Some(f)
                if files.len() == prev.files.len() && files[f as usize].path == changed.path =>
            {
                f
            }
            _ => return (None, Box::new(prev)),
        };
        // The relink rewrites only entities the file mentioned (before
        // the edit; the new version links its locals to the same ones).
        let mut touched = prev.mention_entity[f as usize].clone();
        touched.sort_unstable();
        touched.dedup();
        let before: Vec<NamesOf> = touched
            .iter()
            .map(|&e| NamesOf::of(&prev.entities[e as usize]))
            .collect();
        #[cfg(debug_assertions)]
        let all_before = prev.entities.clone();
        let (root, by_path) = (prev.root.clone(), prev.by_path.clone());
        let epochs = (prev.names_epoch, prev.counts_epoch);
        let (entities, mention_entity, rest): (_, _, Box<dyn Send>) = match Arc::try_unwrap(prev) {
            Ok(mut p) => (
                std::mem::take(&mut p.entities),
                std::mem::take(&mut p.mention_entity),
                Box::new(p),
            ),
            Err(p) => {
                tracing::debug!(
                    "relink: the previous snapshot is held elsewhere, its {} entities copied",
                    p.entities.len()
                );
                (p.entities.clone(), p.mention_entity.clone(), Box::new(p))
            }
        };
        let Some(linking) = relink_changed(entities, mention_entity, &files, f, changed, overrides)
        else {
            return (None, rest);
        };
        #[cfg(debug_assertions)]
        untouched_kept(&all_before, &linking.entities, &touched);
        let (names, counts) = names_kept(&before, &linking.entities, &touched);
        let mut s = Self::assemble(root, files, linking, settings, Some(by_path));
        s.incremental = true;
        if names {
            s.names_epoch = epochs.0;
        }
        if counts {
            s.counts_epoch = epochs.1;
        }
        (Some(s), rest)
    }

    fn assemble(
        root: Option<PathBuf>,
        files: Vec<Arc<SourceFile>>,
        linking: Linking,
        settings: ClaimSettings,
        by_path: Option<Arc<HashMap<PathBuf, FileId>>>,
    ) -> Snapshot {
        let by_path = by_path.unwrap_or_else(|| {
            Arc::new(
                files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.path.clone(), i as FileId))
                    .collect(),
            )
        });
        Snapshot {
            root,
            files,
            entities: linking.entities,
            mention_entity: linking.mention_entity,
            by_path,
            claims: std::sync::OnceLock::new(),
            previous: Mutex::new(None),
            claims_building: Turnstile::default(),
            claim_settings: settings,
            incremental: false,
            claims_seed: Mutex::new(None),
            claims_parts: std::sync::OnceLock::new(),
            claims_store: None,
            claims_chain: None,
            names_epoch: new_epoch(),
            counts_epoch: new_epoch(),
            state: std::sync::OnceLock::new(),
        }
    }

    /// The digest of this snapshot's state (see
    /// [`super::folder_state`]) when folder-level results of it can be
    /// stored and read back: the host has a store and every file's
    /// analysis is in it (no edited buffer's passing version, which a
    /// restart would not see). Computed once.
    pub fn stored_state(&self) -> Option<u64> {
        // Computed before it is set, not in `get_or_init`: the digest runs
        // on rayon, and a rayon worker must never wait on a lock held
        // across it (see `claims_turns`). Two threads may compute it once
        // each; both get the same.
        if let Some(v) = self.state.get() {
            return *v;
        }
        let v = self
            .files
            .iter()
            .all(|f| f.persisted)
            .then(|| super::folder_state::state_digest(self))
            .flatten();
        *self.state.get_or_init(|| v)
    }

    /// One file's claims without the cross-file join (what the
    /// annotations read): the built index's when there is one, else the
    /// file's own, read from the store or found now. The same `Arc` the
    /// index takes, so both agree.
    pub fn file_claims_of(&self, file: FileId) -> Option<Arc<FileClaims>> {
        if let Some(ix) = self.claims.get() {
            return ix.files.get(file as usize).cloned();
        }
        let f = self.files.get(file as usize)?;
        let settings = &self.claim_settings;
        if let Some(c) = f.claims_if_known(settings) {
            return Some(c);
        }
        if let Some(store) = self.claims_store.as_ref().filter(|_| f.persisted) {
            let view = f.doc.folder_digest;
            let key = ClaimsKey::new(&f.text, &f.rel_path, &store.overrides, view, settings);
            if let Some(Some(c)) = store.cache.get_claims(&[key]).pop() {
                f.set_claims(settings, Arc::new(c));
            }
        }
        Some(f.claims(settings))
    }

    /// The claims index is built (asking for it costs nothing).
    pub fn claims_ready(&self) -> bool {
        self.claims.get().is_some()
    }

    /// Every file's claims: those at hand, those the store holds, and the
    /// rest found now (and stored).
    fn file_claims(&self) -> Vec<Arc<FileClaims>> {
        let settings = &self.claim_settings;
        if let Some(store) = &self.claims_store {
            let missing: Vec<&Arc<SourceFile>> = self
                .files
                .iter()
                .filter(|f| f.persisted && f.claims_if_known(settings).is_none())
                .collect();
            if !missing.is_empty() {
                let keys: Vec<ClaimsKey> = missing
                    .par_iter()
                    .map(|f| {
                        let view = f.doc.folder_digest;
                        ClaimsKey::new(&f.text, &f.rel_path, &store.overrides, view, settings)
                    })
                    .collect();
                let hits = store.cache.get_claims(&keys);
                let made: Vec<(ClaimsKey, Arc<FileClaims>)> = missing
                    .par_iter()
                    .zip(hits)
                    .zip(&keys)
                    .filter_map(|((f, hit), k)| match hit {
                        Some(c) => {
                            f.set_claims(settings, Arc::new(c));
                            None
                        }
                        None => Some((*k, f.claims(settings))),
                    })
                    .collect();
                let entries: Vec<(ClaimsKey, &FileClaims)> =
                    made.iter().map(|(k, c)| (*k, &**c)).collect();
                store.cache.put_claims(&entries);
            }
        }
        self.files.par_iter().map(|f| f.claims(settings)).collect()
    }

    /// Let this snapshot's claims index start from `seed` (what an
    /// earlier snapshot of the same folder was made from).
    pub fn seed_claims(&self, seed: Option<Arc<ClaimsParts>>) {
        if self.claims.get().is_none() {
            *self.claims_seed.lock().unwrap_or_else(|e| e.into_inner()) = seed;
        }
    }

    /// What a later snapshot's claims index can start from: this one's
    /// parts once built, else this one's own seed.
    pub fn claims_seed_for_next(&self) -> Option<Arc<ClaimsParts>> {
        match self.claims_parts.get() {
            Some((p, _)) => Some(p.clone()),
            None => self
                .claims_seed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
        }
    }

    /// The number of the parts this snapshot's claims index was made from
    /// (`None` until it is built): what a diagnostics run remembers of the
    /// index it read, to ask [`Self::claims_changed_since`] later.
    pub fn claims_id(&self) -> Option<u64> {
        self.claims_parts.get().map(|(p, _)| p.id())
    }

    /// The files whose claims or conflicts may differ between the claims
    /// index made from parts `from` (an earlier snapshot's of this host)
    /// and this snapshot's, which is built first: the files the patches
    /// of the join in between found changed. `None` when that is not
    /// known (a full join in between, files renumbered, or too many
    /// builds ago): every file may differ.
    pub fn claims_changed_since(&self, from: u64) -> Option<Vec<FileId>> {
        self.claims();
        let (parts, _) = self.claims_parts.get()?;
        if parts.id() == from {
            return Some(Vec::new());
        }
        // This build's own step first: it may have been made off the
        // host's chain (from the snapshot's seed).
        let d = parts.delta()?;
        let mut out = d.files.to_vec();
        if d.from != from {
            out.extend(self.claims_chain.as_ref()?.changed_between(from, d.from)?);
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// How much of the claims index was reused from the seed (`None`
    /// until it is built).
    pub fn claims_reuse(&self) -> Option<Reuse> {
        self.claims_parts.get().map(|(_, r)| *r)
    }

    /// Claims of every file compared across files (corroboration,
    /// conflicts), computed on first use. Per-file claims are cached in
    /// each file, and fact signatures in the seed, so after an edit only
    /// that file's are found again before the join.
    pub fn claims(&self) -> &ClaimsIndex {
        if let Some(ix) = self.claims.get() {
            return ix;
        }
        // Not `OnceLock::get_or_init`: its lock would be held across the
        // parallel build (see `claims_turns`). One thread builds while
        // others outside the rayon pool wait; a rayon worker that finds a
        // build under way builds too.
        let turn = self.claims_building.take(|| self.claims.get().is_some());
        if let Some(ix) = self.claims.get() {
            return ix;
        }
        let index = self.build_claims();
        let _ = self.claims.set(Arc::new(index));
        // The previous index served only while this one was missing; it
        // is freed off this thread (millions of small allocations).
        let previous = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if previous.is_some() {
            rayon::spawn(move || {
                drop(previous);
                super::freed_memory::give_back();
            });
        }
        match turn {
            Some(turn) => drop(turn),
            None => self.claims_building.wake(),
        }
        self.claims.get().expect("set just now")
    }

    /// What a later snapshot can answer claim hovers from until its own
    /// index is built: this one's index when built (with the names of the
    /// mentions of the files `replaced` in the later one), else the one
    /// this snapshot had.
    pub fn previous_for_next(
        &self,
        replaced: &rustc_hash::FxHashSet<PathBuf>,
    ) -> Option<Arc<PreviousClaims>> {
        let Some(index) = self.claims.get() else {
            return self
                .previous
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
        };
        let names = replaced
            .iter()
            .filter_map(|p| self.file_id(p))
            .map(|f| {
                let names = self.mention_entity[f as usize]
                    .iter()
                    .map(|&e| self.entities[e as usize].canonical.clone())
                    .collect();
                (f, names)
            })
            .collect();
        Some(Arc::new(PreviousClaims {
            index: index.clone(),
            files: self.files.clone(),
            names,
            settings: self.claim_settings.clone(),
        }))
    }

    /// Answer from `previous` until this snapshot's own index is built.
    pub fn set_previous(&self, previous: Option<Arc<PreviousClaims>>) {
        if self.claims.get().is_none() {
            *self.previous.lock().unwrap_or_else(|e| e.into_inner()) = previous;
        }
    }

    /// The previous index, when this snapshot's own is not built and it
    /// can speak for `file` (see [`PreviousClaims::serves`]).
    pub fn previous_claims(&self, file: FileId) -> Option<Arc<PreviousClaims>> {
        if self.claims.get().is_some() || !super::claims_previous::enabled() {
            return None;
        }
        let p = self
            .previous
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()?;
        p.serves(&self.files, &self.claim_settings, file)
            .then_some(p)
    }

    fn build_claims(&self) -> ClaimsIndex {
        let settings = &self.claim_settings;
        // Builds of one host run one after the other, each from the last
        // one's parts (a rayon worker never waits for its turn: it
        // starts from this snapshot's own seed).
        let chain = self.claims_chain.as_deref();
        let turn = chain.and_then(|c| c.take_turn());
        super::test_delays::pause(super::test_delays::Delay::ClaimsIndex);
        let seed = chain
            .zip(turn.as_ref())
            .and_then(|(c, t)| c.last(t))
            .or_else(|| {
                self.claims_seed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone()
            });
        // The last pass over dates, while the names, numbering and
        // settings it was made under hold.
        let dates = seed
            .as_deref()
            .and_then(|s| s.take_dates(self.names_epoch, &self.by_path, settings));
        let (claims, dates, dates_reuse) = super::claims_dates::settle_with(
            &super::claims_dates::DatingInputs {
                files: &self.files,
                store: self.claims_store.as_ref(),
                entities: &self.entities,
                mention_entity: &self.mention_entity,
                settings,
            },
            self.file_claims(),
            dates,
        );
        let (index, parts, mut reuse) = claims_parts::build(
            BuildInputs {
                files: &self.files,
                numbers: self.by_path.clone(),
                entities: &self.entities,
                mention_entity: &self.mention_entity,
                settings,
                claims,
                names_epoch: self.names_epoch,
                counts_epoch: self.counts_epoch,
                dates,
            },
            seed.as_deref(),
        );
        (reuse.dates_leads_kept, reuse.dates_settled_again) = dates_reuse;
        tracing::debug!(
            "claims index: signatures of {} of {} files reused, name tables {}, {} of {} fact comparisons reused, join {}",
            reuse.sigs_reused,
            reuse.files,
            if reuse.tables_reused { "reused" } else { "built" },
            reuse.pairs_reused,
            reuse.pairs,
            if reuse.patched { "patched" } else { "full" }
        );
        let parts = Arc::new(parts);
        if let (Some(c), Some(t)) = (chain, turn.as_ref()) {
            // The parts replaced are freed off this thread (the
            // diagnostics after an edit wait for this build).
            let old = c.advance(t, parts.clone());
            rayon::spawn(move || {
                drop(old);
                super::freed_memory::give_back();
            });
        }
        drop(turn);
        let _ = self.claims_parts.set((parts, reuse));
        *self.claims_seed.lock().unwrap_or_else(|e| e.into_inner()) = None;
        index
    }

    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn mention(&self, r: MentionRef) -> &Mention {
        &self.files[r.file as usize].doc.mentions[r.mention as usize]
    }

    pub fn mention_text(&self, r: MentionRef) -> &str {
        let f = &self.files[r.file as usize];
        f.doc.mentions[r.mention as usize].text(&f.text)
    }

    /// The entity index of mention `m` in file `file`.
    pub fn entity_of(&self, file: FileId, m: usize) -> u32 {
        self.mention_entity[file as usize][m]
    }

    /// The mention under `offset` in `file` and its entity.
    pub fn entity_at(&self, file: FileId, offset: usize) -> Option<(MentionRef, &Entity)> {
        let f = self.files.get(file as usize)?;
        let m = f.doc.mention_at(offset)?;
        let e = self.entity_of(file, m);
        Some((
            MentionRef {
                file,
                mention: m as u32,
            },
            &self.entities[e as usize],
        ))
    }

    pub fn entity_by_id(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

#[cfg(test)]
#[path = "snapshot_claims_tests.rs"]
mod claims_tests;
