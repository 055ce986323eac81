//! Server state shared by all handlers: the [`Engine`] (the folder state,
//! reached through `Deref`) plus what only the protocol needs (negotiated
//! encoding and client capabilities, what was published, shutdown). Every
//! lock is a `std::sync::Mutex` held only for synchronous work, never
//! across an `.await`; the engine documents its lock order.
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use ropey::Rope;
use tower_lsp::ls_types::Uri;

use super::convert::Encoding;
use super::documents::Documents;
use crate::analysis::{FileId, Snapshot};
pub use crate::engine::lock;
use crate::engine::{stale_files, Engine};
use crate::workspace::ScanOptions;

#[derive(Clone, Debug, Default)]
pub struct Config {
    pub encoding: Encoding,
    /// How sources are read, as `initialize` set it (handed to the engine,
    /// which owns it from then on: read it with `Engine::scan`).
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
    /// The folder state; `State` derefs to it.
    pub engine: Arc<Engine>,
    pub config: Mutex<Config>,
    /// `shutdown` was requested: `exit` then ends with status 0.
    pub shutdown: AtomicBool,
    /// A request was answered before its folder was indexed: after
    /// indexing, ask the client to refresh what it shows.
    pub partial_answers: AtomicBool,
    /// Serialises watched-file batches, which are applied off the loop.
    pub file_events: tokio::sync::Mutex<()>,
    /// Claim diagnostics: what was published.
    pub claims: super::diagnostics::ClaimsState,
    /// Publishing the `.crosscheck/` files' findings (`lsp::annotations`).
    pub annot_publish: Mutex<super::annotations::AnnotState>,
}

impl std::ops::Deref for State {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.engine
    }
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

    pub fn open_uris(&self) -> Vec<(PathBuf, Uri)> {
        open_uris(&lock(&self.docs))
    }
}

fn open_uris(docs: &Documents) -> Vec<(PathBuf, Uri)> {
    docs.iter()
        .filter_map(|(p, d)| Some((p.clone(), doc_uri(d)?)))
        .collect()
}

/// The URI of an open document as the client spelled it.
pub fn doc_uri(d: &super::documents::Document) -> Option<Uri> {
    d.uri.parse().ok()
}

/// Wait as `engine::analysis::wait_ready` does; an answer given before
/// indexing finished is remembered, so the client is asked to refresh.
pub async fn wait_ready(state: &State, path: Option<&Path>) {
    if crate::engine::analysis::wait_ready(&state.engine, path).await {
        state
            .partial_answers
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}
