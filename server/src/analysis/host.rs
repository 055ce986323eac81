//! [`AnalysisHost`]: the per-file analyses of one workspace, taking
//! changes (files set, removed, overrides, settings) and building
//! [`Snapshot`]s on demand: relinked incrementally after a one-file edit,
//! with the claims index seeded from the previous snapshot's.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::{AnalysisCache, CacheKey};
use super::claims::ClaimSettings;
use super::model::DocAnalysis;
use super::ner::folder::{FolderEvidence, FolderView};
use super::overrides::Overrides;
use super::snapshot::{ClaimsChain, ClaimsStore, Snapshot, SourceFile};

/// Holds the per-file analyses of one workspace (or of loose files) and
/// builds snapshots on demand.
pub struct AnalysisHost {
    root: Option<PathBuf>,
    overrides: Arc<Overrides>,
    files: BTreeMap<PathBuf, Arc<SourceFile>>,
    cached: Option<Arc<Snapshot>>,
    claim_settings: ClaimSettings,
    /// The last snapshot built, kept for incremental relinking.
    last: Option<Arc<Snapshot>>,
    /// Files replaced since `last` (with their previous analysis), and
    /// whether anything else changed (files added or removed, overrides).
    replaced: Vec<Arc<SourceFile>>,
    /// The paths of `replaced` (a folder pass replaces thousands of files:
    /// looking each up in the list was quadratic).
    replaced_paths: rustc_hash::FxHashSet<PathBuf>,
    structural: bool,
    /// Every file's summary added up (see `ner::folder`).
    evidence: FolderEvidence,
    /// Files whose folder view must be checked before the next snapshot:
    /// all of them, or those that left one of `folder_keys` open, plus
    /// `folder_paths`.
    folder_all: bool,
    folder_keys: rustc_hash::FxHashSet<String>,
    folder_paths: Vec<PathBuf>,
    /// Persisted analyses, when the caller has a store.
    cache: Option<Arc<dyn AnalysisCache>>,
    /// The claims parts built last by this host's snapshots.
    claims_chain: ClaimsChain,
}

impl AnalysisHost {
    pub fn new(root: Option<PathBuf>) -> AnalysisHost {
        AnalysisHost {
            root,
            overrides: Arc::new(Overrides::default()),
            files: BTreeMap::new(),
            cached: None,
            claim_settings: ClaimSettings::default(),
            last: None,
            replaced: Vec::new(),
            replaced_paths: Default::default(),
            structural: true,
            evidence: FolderEvidence::default(),
            folder_all: false,
            folder_keys: Default::default(),
            folder_paths: Vec::new(),
            cache: None,
            claims_chain: ClaimsChain::default(),
        }
    }

    /// Take and keep analyses in `cache` (the initial scan and the folder
    /// pass look there before analysing).
    pub fn set_cache(&mut self, cache: Option<Arc<dyn AnalysisCache>>) {
        self.cache = cache;
    }

    /// Replace `old`'s summary by `new`'s in the folder evidence and note
    /// the words whose verdict changed: files that left them open are
    /// checked before the next snapshot.
    fn update_evidence(&mut self, old: Option<&SourceFile>, new: &SourceFile) {
        let (o, n) = (old.map(|f| &f.doc.summary), &new.doc.summary);
        if o == Some(n) {
            self.folder_paths.push(new.path.clone());
            return;
        }
        let keys: Vec<&String> = o
            .into_iter()
            .flat_map(|s| s.words.iter().map(|(k, _)| k))
            .chain(n.words.iter().map(|(k, _)| k))
            .collect();
        let before: Vec<_> = keys.iter().map(|k| self.evidence.verdict(k)).collect();
        if let Some(o) = o {
            self.evidence.remove(o);
        }
        self.evidence.add(n);
        for (k, b) in keys.into_iter().zip(before) {
            if self.evidence.verdict(k) != b {
                self.folder_keys.insert(k.clone());
            }
        }
        self.folder_paths.push(new.path.clone());
    }

    /// Analyse again, with their folder view, the files whose view changed
    /// since they were analysed. Their summaries do not depend on the view,
    /// so the evidence stays as it is.
    /// Returns how many files were analysed again. `snapshot()` calls it;
    /// callers may call it first to time it apart.
    pub fn refresh_folder(&mut self) -> usize {
        if !self.folder_all && self.folder_keys.is_empty() && self.folder_paths.is_empty() {
            return 0;
        }
        let keys = std::mem::take(&mut self.folder_keys);
        let paths = std::mem::take(&mut self.folder_paths);
        let all = std::mem::replace(&mut self.folder_all, false);
        let stale: Vec<(Arc<SourceFile>, FolderView)> = self
            .files
            .values()
            .filter(|f| {
                all || paths.contains(&f.path)
                    || f.doc.summary.open.iter().any(|k| keys.contains(k))
            })
            .filter_map(|f| {
                let view = self.evidence.view_for(&f.doc.summary);
                (view.digest() != f.doc.folder_digest).then(|| (f.clone(), view))
            })
            .collect();
        let n = stale.len();
        let overrides = self.overrides.clone();
        let keys: Vec<CacheKey> = match &self.cache {
            Some(_) => stale
                .par_iter()
                .map(|(f, view)| CacheKey::new(&f.text, &f.rel_path, &overrides, view.digest()))
                .collect(),
            None => Vec::new(),
        };
        let hits = self.lookup(&keys, stale.len());
        let fresh: Vec<(SourceFile, bool)> = stale
            .into_par_iter()
            .zip(hits)
            .map(|((f, view), hit)| match hit {
                Some(doc) => (
                    SourceFile::from_analysis(
                        f.path.clone(),
                        f.rel_path.clone(),
                        f.text.clone(),
                        doc,
                        &overrides,
                    ),
                    true,
                ),
                None => {
                    let g = f.retyped(&overrides, &view).unwrap_or_else(|| {
                        SourceFile::analyze_in(
                            f.path.clone(),
                            f.rel_path.clone(),
                            f.text.clone(),
                            &overrides,
                            &view,
                        )
                    });
                    (g, false)
                }
            })
            .collect();
        self.persist(&fresh, &keys);
        let stored = self.cache.is_some();
        for (mut f, _) in fresh {
            f.persisted = stored && !f.failed;
            self.store_analysed(Arc::new(f));
        }
        if all {
            // The cold pass is done: re-typing data goes, memory matters
            // more now (later changes re-analyse the few files concerned).
            for f in self.files.values_mut() {
                if let Some(f) = Arc::get_mut(f) {
                    f.doc.retype = None;
                }
            }
        }
        n
    }

    /// Record that `path` now holds `f`, for the next snapshot.
    fn store(&mut self, f: Arc<SourceFile>) {
        let old = self.files.get(&f.path).cloned();
        self.update_evidence(old.as_deref(), &f);
        self.store_analysed(f);
    }

    fn store_analysed(&mut self, f: Arc<SourceFile>) {
        match self.files.insert(f.path.clone(), f) {
            Some(old) if !self.replaced_paths.contains(&old.path) => {
                self.replaced_paths.insert(old.path.clone());
                self.replaced.push(old)
            }
            Some(_) => {}
            None => self.structural = true,
        }
        self.cached = None;
    }

    pub fn claim_settings(&self) -> &ClaimSettings {
        &self.claim_settings
    }

    /// Word lists from the workspace configuration; the next snapshot
    /// recomputes claims with them.
    pub fn set_claim_settings(&mut self, settings: ClaimSettings) {
        if self.claim_settings != settings {
            self.claim_settings = settings;
            self.cached = None;
            self.structural = true;
        }
    }

    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    pub fn rel_path(&self, path: &Path) -> String {
        let root = self.root.as_deref().unwrap_or(Path::new(""));
        crate::workspace::slash_path(root, path)
            .trim_start_matches('/')
            .to_string()
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// The stored analysis of one file.
    pub fn source_file(&self, path: &Path) -> Option<&Arc<SourceFile>> {
        self.files.get(path)
    }

    pub fn text(&self, path: &Path) -> Option<Arc<str>> {
        self.files.get(path).map(|f| f.text.clone())
    }

    /// The folder view a new version of `path` is best analysed with: the
    /// previous version's open words are the best guess at this one's;
    /// most edits leave them, and then no second pass is needed.
    pub fn view_guess(&self, path: &Path) -> FolderView {
        match self.files.get(path) {
            Some(old) => self.evidence.view_for(&old.doc.summary),
            None => FolderView::empty(),
        }
    }

    /// Analyse and store one file.
    pub fn set_file(&mut self, path: PathBuf, text: Arc<str>) {
        if self.files.get(&path).is_some_and(|f| f.text == text) {
            return;
        }
        let rel = self.rel_path(&path);
        let view = self.view_guess(&path);
        let f = SourceFile::analyze_in(path, rel, text, &self.overrides, &view);
        self.store(Arc::new(f));
    }

    /// The persisted analyses under `keys` (none without a store).
    fn lookup(&self, keys: &[CacheKey], n: usize) -> Vec<Option<DocAnalysis>> {
        match &self.cache {
            Some(c) if !keys.is_empty() => c.get_many(keys),
            _ => vec![None; n],
        }
    }

    /// Persist the analyses of `files` that were made here (not found in
    /// the store, not failed).
    fn persist(&self, files: &[(SourceFile, bool)], keys: &[CacheKey]) {
        let Some(c) = &self.cache else {
            return;
        };
        let entries: Vec<(CacheKey, &DocAnalysis)> = files
            .iter()
            .zip(keys)
            .filter(|((f, hit), _)| !hit && !f.failed)
            .map(|((f, _), k)| (*k, &f.doc))
            .collect();
        if !entries.is_empty() {
            c.put_many(&entries);
        }
    }

    /// Analyse many files in parallel (the initial scan), taking what the
    /// store holds.
    pub fn set_files(&mut self, files: Vec<(PathBuf, Arc<str>)>) {
        let overrides = self.overrides.clone();
        let keys: Vec<CacheKey> = match &self.cache {
            Some(_) => files
                .par_iter()
                .map(|(p, t)| CacheKey::new(t, &self.rel_path(p), &overrides, 0))
                .collect(),
            None => Vec::new(),
        };
        let hits = self.lookup(&keys, files.len());
        let analysed: Vec<(SourceFile, bool)> = files
            .into_par_iter()
            .zip(hits)
            .map(|((path, text), hit)| {
                let rel = self.rel_path(&path);
                match hit {
                    Some(doc) => (
                        SourceFile::from_analysis(path, rel, text, doc, &overrides),
                        true,
                    ),
                    None => (SourceFile::analyze_with(path, rel, text, &overrides), false),
                }
            })
            .collect();
        self.persist(&analysed, &keys);
        let stored = self.cache.is_some();
        for (mut f, _) in analysed {
            f.persisted = stored && !f.failed;
            self.files.insert(f.path.clone(), Arc::new(f));
        }
        // Evidence from scratch: cheaper than tracking each change here.
        self.evidence = FolderEvidence::from_summaries(self.files.values().map(|f| &f.doc.summary));
        self.folder_all = true;
        self.cached = None;
        self.structural = true;
    }

    /// Store a file analysed elsewhere: the language server analyses edited
    /// buffers off its message loop, then inserts them here. Refused (false)
    /// when it was analysed under other overrides or another relative path
    /// than this host's (the knowledge base changed meanwhile, or the file
    /// moved to another folder): the caller analyses it again. A host that
    /// mixed such files would link one file's "Stoltenberg" apart from the
    /// rest of the folder's.
    #[must_use]
    pub fn insert_analysed(&mut self, f: Arc<SourceFile>) -> bool {
        if !self.accepts(&f) {
            return false;
        }
        self.store(f);
        true
    }

    /// Was `f` analysed as this host would analyse its text?
    pub fn accepts(&self, f: &SourceFile) -> bool {
        f.overrides_generation == self.overrides.generation()
            && f.rel_path == self.rel_path(&f.path)
    }

    /// Replace the workspace's knowledge base and decisions. Every file is
    /// analysed again (in parallel): KB names change what is recognised.
    pub fn set_overrides(&mut self, overrides: Arc<Overrides>) {
        self.overrides = overrides;
        let files: Vec<(PathBuf, Arc<str>)> = self
            .files
            .values()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect();
        self.files.clear();
        self.set_files(files);
    }

    pub fn overrides(&self) -> &Arc<Overrides> {
        &self.overrides
    }

    pub fn remove_file(&mut self, path: &Path) -> bool {
        let removed = self.files.remove(path);
        if let Some(old) = &removed {
            let keys: Vec<String> = old
                .doc
                .summary
                .words
                .iter()
                .map(|(k, _)| k.clone())
                .collect();
            self.evidence.remove(&old.doc.summary);
            self.folder_keys.extend(keys);
            self.cached = None;
            self.structural = true;
        }
        removed.is_some()
    }

    /// The current snapshot, rebuilt (re-linked) only after a change.
    pub fn snapshot(&mut self) -> Arc<Snapshot> {
        if let Some(s) = &self.cached {
            return s.clone();
        }
        self.refresh_folder();
        let mut files: Vec<Arc<SourceFile>> = self.files.values().cloned().collect();
        files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        // What the next claims index starts from, taken before the
        // relink consumes the previous snapshot.
        let seed = self.last.as_ref().and_then(|p| p.claims_seed_for_next());
        // What claim hovers answer from until the new index is built.
        let previous_claims = self
            .last
            .as_ref()
            .and_then(|p| p.previous_for_next(&self.replaced_paths));
        // One file edited without changing how it links: keep the previous
        // linking and touch only that file's entities.
        let (incremental, previous): (Option<Snapshot>, Option<Box<dyn Send>>) =
            match (self.last.take(), self.replaced.as_slice()) {
                (Some(prev), [old]) if !self.structural => {
                    let (s, rest) = Snapshot::rebuild_after_edit(
                        prev,
                        files.clone(),
                        old,
                        &self.overrides,
                        self.claim_settings.clone(),
                    );
                    (s, Some(rest))
                }
                (prev, _) => (None, prev.map(|p| Box::new(p) as Box<dyn Send>)),
            };
        let mut s = incremental.unwrap_or_else(|| {
            Snapshot::build_with(
                self.root.clone(),
                files,
                &self.overrides,
                self.claim_settings.clone(),
            )
        });
        s.claims_store = self.cache.clone().map(|cache| ClaimsStore {
            cache,
            overrides: self.overrides.clone(),
        });
        s.claims_chain = Some(self.claims_chain.clone());
        let s = Arc::new(s);
        s.seed_claims(seed);
        s.set_previous(previous_claims);
        let replaced = std::mem::take(&mut self.replaced);
        self.replaced_paths.clear();
        self.structural = false;
        self.last = Some(s.clone());
        self.cached = Some(s.clone());
        // The previous snapshot (with its claims index, when one was
        // built) and the replaced analyses are freed off the caller's path:
        // freeing millions of small allocations is what a request after an
        // edit would otherwise wait for.
        if previous.is_some() || !replaced.is_empty() {
            rayon::spawn(move || {
                drop((previous, replaced));
                super::freed_memory::give_back();
            });
        }
        s
    }
}
