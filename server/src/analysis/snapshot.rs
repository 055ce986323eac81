//! The analysis state of one workspace: [`AnalysisHost`] takes changes,
//! [`Snapshot`] is the immutable view every feature reads (cheap to clone:
//! files are shared `Arc`s).
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::cache::{AnalysisCache, CacheKey};
use super::claims::index::{ClaimsIndex, Inputs};
use super::claims::{ClaimSettings, FileClaims};
use super::linking::global::{link, relink_changed, Entity, Linking, MentionRef};
use super::model::{DocAnalysis, Mention};
use super::ner::folder::{FolderEvidence, FolderView};
use super::overrides::Overrides;
use super::text::line_index::LineIndex;

pub type FileId = u32;

#[derive(Debug)]
pub struct SourceFile {
    /// Absolute path (or a synthetic one for unsaved buffers).
    pub path: PathBuf,
    /// Path relative to the workspace root, `/`-separated, for display.
    pub rel_path: String,
    pub text: Arc<str>,
    pub doc: DocAnalysis,
    /// The [`Overrides::generation`] this file was analysed with: a host
    /// takes only files analysed under its own overrides.
    pub overrides_generation: u64,
    /// The analysis failed (a bug in the recogniser): it holds nothing and
    /// must not be persisted.
    pub failed: bool,
    /// Claims of this file for the settings they were computed with: a
    /// new snapshot reuses them while the text and settings are unchanged.
    claims_cache: Mutex<Option<(ClaimSettings, Arc<FileClaims>)>>,
    line_index: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn analyze(path: PathBuf, rel_path: String, text: Arc<str>) -> SourceFile {
        Self::analyze_with(path, rel_path, text, &Overrides::default())
    }

    /// Analyse with the workspace's knowledge base and per-file decisions.
    pub fn analyze_with(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        overrides: &Overrides,
    ) -> SourceFile {
        Self::analyze_in(path, rel_path, text, overrides, &FolderView::empty())
    }

    /// Analyse with the knowledge base and what the folder says about the
    /// words this file leaves undecided.
    pub fn analyze_in(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        overrides: &Overrides,
        folder: &FolderView,
    ) -> SourceFile {
        // A bug in the recogniser must cost one file its entities, never
        // the server its life: a panic here yields an empty analysis.
        let mut failed = false;
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::analyze_document_in(&text, &rel_path, overrides, folder)
        }))
        .unwrap_or_else(|_| {
            failed = true;
            tracing::error!(
                "analysis of {} failed; the file is shown without entities",
                path.display()
            );
            super::DocAnalysis {
                structure: super::text::structure::DocStructure::default(),
                mentions: Vec::new(),
                locals: Vec::new(),
                summary: Default::default(),
                folder_digest: folder.digest(),
                retype: None,
            }
        });
        SourceFile {
            path,
            rel_path,
            text,
            doc,
            overrides_generation: overrides.generation(),
            failed,
            claims_cache: Mutex::new(None),
            line_index: std::sync::OnceLock::new(),
        }
    }

    /// A file whose analysis was made earlier (a persisted one) under the
    /// same inputs.
    pub fn from_analysis(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        doc: DocAnalysis,
        overrides: &Overrides,
    ) -> SourceFile {
        SourceFile {
            path,
            rel_path,
            text,
            doc,
            overrides_generation: overrides.generation(),
            failed: false,
            claims_cache: Mutex::new(None),
            line_index: std::sync::OnceLock::new(),
        }
    }

    /// This file with `folder` applied by re-typing its first pass, when it
    /// kept one; `None` otherwise.
    pub fn retyped(&self, overrides: &Overrides, folder: &FolderView) -> Option<SourceFile> {
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::retype_document(&self.doc, &self.text, overrides, folder)
        }))
        .ok()??;
        Some(SourceFile {
            path: self.path.clone(),
            rel_path: self.rel_path.clone(),
            text: self.text.clone(),
            doc,
            overrides_generation: overrides.generation(),
            failed: false,
            claims_cache: Mutex::new(None),
            line_index: std::sync::OnceLock::new(),
        })
    }

    /// Line starts of the text, computed on first use.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::of(&self.text))
    }

    /// This file's claims under `settings`, computed once per settings.
    pub fn claims(&self, settings: &ClaimSettings) -> Arc<FileClaims> {
        let mut cache = self.claims_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((s, c)) = cache.as_ref() {
            if s == settings {
                return c.clone();
            }
        }
        let c = Arc::new(super::claims::analyze(&self.text, &self.doc, settings));
        *cache = Some((settings.clone(), c.clone()));
        c
    }
}

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
    claims: std::sync::OnceLock<ClaimsIndex>,
    pub claim_settings: ClaimSettings,
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
    /// (see [`relink_changed`]); `None` when a full build is needed.
    pub fn rebuild_after_edit(
        prev: &Snapshot,
        files: Vec<Arc<SourceFile>>,
        changed: &SourceFile,
        overrides: &Overrides,
        settings: ClaimSettings,
    ) -> Option<Snapshot> {
        let f = prev.file_id(&changed.path)?;
        if files.len() != prev.files.len() || files[f as usize].path != changed.path {
            return None;
        }
        let linking = relink_changed(
            &prev.entities,
            &prev.mention_entity,
            &files,
            f,
            changed,
            overrides,
        )?;
        let mut s = Self::assemble(
            prev.root.clone(),
            files,
            linking,
            settings,
            Some(prev.by_path.clone()),
        );
        s.incremental = true;
        Some(s)
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
            claim_settings: settings,
            incremental: false,
        }
    }

    /// Claims of every file compared across files (corroboration,
    /// conflicts), computed on first use. Per-file claims are cached in
    /// each file, so after an edit only that file's are found again.
    pub fn claims(&self) -> &ClaimsIndex {
        self.claims.get_or_init(|| {
            let settings = &self.claim_settings;
            let per_file: Vec<Arc<FileClaims>> =
                self.files.par_iter().map(|f| f.claims(settings)).collect();
            ClaimsIndex::build(
                &Inputs {
                    files: &self.files,
                    entities: &self.entities,
                    mention_entity: &self.mention_entity,
                    settings,
                },
                per_file,
            )
        })
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
            structural: true,
            evidence: FolderEvidence::default(),
            folder_all: false,
            folder_keys: Default::default(),
            folder_paths: Vec::new(),
            cache: None,
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
        for (f, _) in fresh {
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
            Some(old) if !self.replaced.iter().any(|r| r.path == old.path) => {
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
        for (f, _) in analysed {
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
        // One file edited without changing how it links: keep the previous
        // linking and touch only that file's entities.
        let incremental = match (&self.last, self.replaced.as_slice()) {
            (Some(prev), [old]) if !self.structural => Snapshot::rebuild_after_edit(
                prev,
                files.clone(),
                old,
                &self.overrides,
                self.claim_settings.clone(),
            ),
            _ => None,
        };
        let s = Arc::new(incremental.unwrap_or_else(|| {
            Snapshot::build_with(
                self.root.clone(),
                files,
                &self.overrides,
                self.claim_settings.clone(),
            )
        }));
        let replaced = std::mem::take(&mut self.replaced);
        self.structural = false;
        let previous = self.last.replace(s.clone());
        self.cached = Some(s.clone());
        // The previous snapshot (with its claims index, when one was
        // built) and the replaced analyses are freed off the caller's path:
        // freeing millions of small allocations is what a request after an
        // edit would otherwise wait for.
        if previous.is_some() || !replaced.is_empty() {
            rayon::spawn(move || drop((previous, replaced)));
        }
        s
    }
}
