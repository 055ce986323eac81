//! Server state shared by all handlers. Every lock is a `std::sync::Mutex`
//! held only for synchronous work, never across an `.await`. Lock order,
//! when several are needed: `docs`, then `workspaces`, then `claims.settings`.
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ropey::Rope;
use tower_lsp::ls_types::Uri;

use super::convert::Encoding;
use super::documents::Documents;
use super::workspaces::Workspaces;
use crate::analysis::{FileId, Snapshot};
use crate::workspace::ScanOptions;

#[derive(Clone, Debug, Default)]
pub struct Config {
    pub encoding: Encoding,
    pub scan: ScanOptions,
    /// The client can show `$/progress` (`window.workDoneProgress`).
    pub work_done_progress: bool,
    /// The client lets us register `workspace/didChangeWatchedFiles`.
    pub watch_dynamic: bool,
    /// The client takes `workspace/semanticTokens/refresh`.
    pub semantic_tokens_refresh: bool,
    /// The client takes `workspace/codeLens/refresh`.
    pub code_lens_refresh: bool,
}

#[derive(Default)]
pub struct State {
    pub config: Mutex<Config>,
    pub docs: Mutex<super::documents::Documents>,
    pub workspaces: Mutex<Workspaces>,
    /// `shutdown` was requested: `exit` then ends with status 0.
    pub shutdown: AtomicBool,
    /// Closed documents being re-read from disk.
    pub reloading: Mutex<std::collections::HashSet<PathBuf>>,
    /// Signalled whenever a background analysis finishes or a folder's
    /// index is installed.
    pub analysed: tokio::sync::Notify,
    /// A request was answered before its folder was indexed: after
    /// indexing, ask the client to refresh what it shows.
    pub partial_answers: AtomicBool,
    /// Serialises watched-file batches, which are applied off the loop.
    pub file_events: tokio::sync::Mutex<()>,
    /// Claim diagnostics: configuration and what was published.
    pub claims: super::diagnostics::ClaimsState,
    /// Each folder's `.crosscheck/` annotations (`lsp::annotations`).
    pub annotations: Mutex<super::annotations::AnnotState>,
}

/// Lock, shrugging off poisoning: a panic in one request must not take
/// every later request down with it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a request about one file needs, taken under the locks and then
/// used without them.
pub struct FileCtx {
    pub snap: Arc<Snapshot>,
    pub file: FileId,
    pub enc: Encoding,
    /// The file's text as a rope, matching `snap`'s text for it.
    pub rope: Rope,
    /// URIs of the open documents, as the client spelled them.
    pub open_uris: Vec<(PathBuf, Uri)>,
    /// Files of `snap` open with another text than the one analysed (their
    /// analysis could not catch up in time): an answer must not place
    /// anything in them, its ranges would be about another text.
    pub stale: Vec<FileId>,
}

impl FileCtx {
    /// Is the file asked about itself analysed in another version than
    /// the buffer's?
    pub fn is_stale(&self) -> bool {
        self.stale.contains(&self.file)
    }
}

impl State {
    pub fn config(&self) -> Config {
        lock(&self.config).clone()
    }

    pub fn file_ctx(&self, path: &Path) -> Option<FileCtx> {
        let enc = lock(&self.config).encoding;
        let docs = lock(&self.docs);
        let snap = lock(&self.workspaces).snapshot_for(path)?;
        let file = snap.file_id(path)?;
        let text = &snap.file(file).text;
        // The open buffer's rope is reused when it holds the analysed text.
        let rope = match docs.get(path) {
            Some(d) if Arc::ptr_eq(&d.text, text) || *d.text == **text => d.rope.clone(),
            _ => Rope::from_str(text),
        };
        let stale = stale_files(&snap, &docs);
        Some(FileCtx {
            snap,
            file,
            enc,
            rope,
            open_uris: open_uris(&docs),
            stale,
        })
    }

    /// [`stale_files`] of `snap` against the open documents now.
    pub fn stale_in(&self, snap: &Snapshot) -> Vec<FileId> {
        stale_files(snap, &lock(&self.docs))
    }

    pub fn open_uris(&self) -> Vec<(PathBuf, Uri)> {
        open_uris(&lock(&self.docs))
    }
}

fn open_uris(docs: &Documents) -> Vec<(PathBuf, Uri)> {
    docs.iter()
        .map(|(p, d)| (p.clone(), d.uri.clone()))
        .collect()
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
