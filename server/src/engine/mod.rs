//! The engine: the one owner of folder state, below the language server
//! and the command line, with no protocol types.
//!
//! It holds, per workspace folder, the files and their analyses, the open
//! buffers that stand in for files on disk, the linking and claims index
//! (inside each folder's [`Snapshot`]), the `.crosscheck/` annotations and
//! the settings. It takes changes (open, edit, close, files changed on
//! disk, annotation and configuration edits) and hands out immutable
//! [`View`]s, each stamped with the generation of the state it was taken
//! from. `lsp/` translates the protocol and schedules; `cli/` loads a
//! folder through [`folder`]; both see the same state through the same
//! code, so what the editor shows and what the command line prints agree.
//!
//! Every lock is a `std::sync::Mutex` held only for synchronous work, never
//! across an `.await`. Lock order, when several are needed: `docs`, then
//! `workspaces`, then `settings`; `annotations` and `reloading` alone.
//!
//! - [`documents`]: open buffers (byte-range edits);
//! - [`workspaces`]: one analysis host per folder, loose files apart;
//! - [`analysis`]: analysing edited buffers off the caller's thread, and
//!   waiting for them;
//! - [`indexing`]: reading a folder, installing its index, disk events;
//! - [`annotations`]: `.crosscheck/` loaded per folder and fed to analysis;
//! - [`diagnostics`]: which files' diagnostics a change can alter;
//! - [`settings`]: rule severities and word lists (client and folder);
//! - [`cache`]: the persisted index (per-file analyses in SQLite);
//! - [`folder`]: a folder loaded and analysed in one go (the CLI's way in);
//! - [`ops`]: the synchronous change API (open, edit, close, disk,
//!   annotations, configuration) used by tests and tools.
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::analysis::{FileId, Snapshot};
use crate::annotations::AnnotationSet;
use crate::config::Config;
use crate::workspace::ScanOptions;

pub mod analysis;
pub mod annotations;
pub mod cache;
pub mod diagnostics;
pub mod documents;
pub mod folder;
pub mod indexing;
pub mod ops;
pub mod settings;
pub mod workspaces;

use documents::Documents;
use settings::Settings;
use workspaces::Workspaces;

/// Lock, shrugging off poisoning: a panic in one request must not take
/// every later request down with it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Default)]
pub struct Engine {
    pub docs: Mutex<Documents>,
    pub workspaces: Mutex<Workspaces>,
    /// Closed documents being re-read from disk.
    pub reloading: Mutex<HashSet<PathBuf>>,
    /// Signalled whenever a background analysis finishes or a folder's
    /// index is installed.
    pub analysed: tokio::sync::Notify,
    /// Rule severities and word lists: client settings and folder files.
    pub settings: Mutex<Settings>,
    /// Each folder's `.crosscheck/` annotations, as last loaded.
    pub annotations: Mutex<HashMap<PathBuf, annotations::FolderAnnotations>>,
    /// How sources are read (size limit, links): client options.
    pub scan: Mutex<ScanOptions>,
    /// The size limit of `scan` wins over folders' `maxFileSize` (set on
    /// the command line).
    pub size_limit_fixed: std::sync::atomic::AtomicBool,
    /// The persisted index (off until [`Engine::use_cache`]).
    cache: Mutex<CacheState>,
    /// Bumped by every change the engine takes.
    generation: AtomicU64,
}

/// How the language server is started (the command line's options).
#[derive(Clone, Copy, Debug)]
pub struct ServerOptions {
    /// Use the persisted index (`--no-cache` turns it off).
    pub cache: bool,
}

#[derive(Default)]
enum CacheState {
    #[default]
    Off,
    /// Wanted, opened on first use (in `dir`, or the default folder).
    Wanted(Option<PathBuf>),
    Open(Arc<cache::SqliteCache>),
    /// Could not be opened (said once in the log).
    Unusable,
}

/// An immutable view of one file's folder (or loose file): what every
/// answer about it is computed from. Cheap to clone; holding one keeps
/// its snapshot alive, dropping it lets the snapshot go.
#[derive(Clone)]
pub struct View {
    /// The engine's generation when the view was taken: a view with the
    /// same generation as the engine's now is up to date.
    pub generation: u64,
    pub snap: Arc<Snapshot>,
    /// The folder's annotations (`None`: a loose file, or not yet loaded).
    pub annotations: Option<Arc<AnnotationSet>>,
    /// The configuration in force for the folder.
    pub config: Config,
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    /// The generation now.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Record a change.
    pub(crate) fn bump(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::SeqCst) + 1
    }

    pub fn scan(&self) -> ScanOptions {
        lock(&self.scan).clone()
    }

    pub fn set_scan(&self, scan: ScanOptions) {
        *lock(&self.scan) = scan;
    }

    /// Use the persisted index in `dir` (`None`: the user's cache folder),
    /// or not (`on` false: `--no-cache`, or the `cache` setting off).
    pub fn use_cache(&self, on: bool, dir: Option<PathBuf>) {
        let mut c = lock(&self.cache);
        match (on, &*c) {
            (false, _) => *c = CacheState::Off,
            (true, CacheState::Open(_)) if dir.is_none() => {}
            (true, _) => *c = CacheState::Wanted(dir),
        }
    }

    /// The persisted index, opened on first use; `None` when off or
    /// unusable.
    pub fn analysis_cache(&self) -> Option<Arc<dyn crate::analysis::cache::AnalysisCache>> {
        let mut c = lock(&self.cache);
        if let CacheState::Wanted(dir) = &*c {
            let opened = dir
                .clone()
                .or_else(cache::default_dir)
                .and_then(|d| cache::SqliteCache::open(&d));
            *c = match opened {
                Some(o) => CacheState::Open(Arc::new(o)),
                None => CacheState::Unusable,
            };
        }
        match &*c {
            CacheState::Open(o) => {
                Some(o.clone() as Arc<dyn crate::analysis::cache::AnalysisCache>)
            }
            _ => None,
        }
    }

    /// (lookups answered, not answered) by the persisted index; `None`
    /// when it is not in use.
    pub fn cache_stats(&self) -> Option<(u64, u64)> {
        match &*lock(&self.cache) {
            CacheState::Open(o) => Some(o.stats()),
            _ => None,
        }
    }

    /// The folder roots.
    pub fn roots(&self) -> Vec<PathBuf> {
        lock(&self.workspaces).roots()
    }

    /// The view of the folder (or loose host) that holds `path`.
    pub fn view(&self, path: &Path) -> Option<View> {
        let generation = self.generation();
        let (snap, root) = {
            let mut ws = lock(&self.workspaces);
            let snap = ws.snapshot_for(path)?;
            let root = snap.root.clone().filter(|r| ws.roots().contains(r));
            (snap, root)
        };
        let config = lock(&self.settings).effective(root.as_deref());
        let annotations = root.as_deref().and_then(|r| self.folder_set(r));
        Some(View {
            generation,
            snap,
            annotations,
            config,
        })
    }

    /// The view of folder `root`.
    pub fn folder_view(&self, root: &Path) -> Option<View> {
        let generation = self.generation();
        let snap = {
            let mut ws = lock(&self.workspaces);
            let i = ws.roots().iter().position(|r| r == root)?;
            ws.snapshots()[i].clone()
        };
        let config = lock(&self.settings).effective(Some(root));
        Some(View {
            generation,
            snap,
            annotations: self.folder_set(root),
            config,
        })
    }

    /// The files of `snap` whose open buffer holds another text than the
    /// one analysed.
    pub fn stale_in(&self, snap: &Snapshot) -> Vec<FileId> {
        stale_files(snap, &lock(&self.docs))
    }
}

/// The files of `snap` whose open buffer holds another text than the one
/// analysed.
pub fn stale_files(snap: &Snapshot, docs: &Documents) -> Vec<FileId> {
    docs.iter()
        .filter_map(|(p, d)| {
            let f = snap.file_id(p)?;
            let t = &snap.file(f).text;
            (!Arc::ptr_eq(&d.text, t) && *d.text != **t).then_some(f)
        })
        .collect()
}

impl View {
    /// The diagnostics of `file` as the annotations leave them (verified
    /// claims and dismissed diagnostics removed), sorted by position.
    pub fn diagnostics(&self, file: FileId) -> Vec<crate::ide::diagnostics::Diagnostic> {
        let mut d = crate::ide::diagnostics::compute(&self.snap, &self.config, file);
        if let Some(set) = &self.annotations {
            crate::ide::annotated::settle(set, &self.snap, file, &mut d);
        }
        d
    }
}
