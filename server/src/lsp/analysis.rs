//! Analysis of open buffers off the message loop.
//!
//! Edits are applied to the buffer synchronously, in order; analysing the
//! new text can take long on a big article (seconds for megabytes), so it
//! runs on a blocking thread, at most one per document: a worker analyses
//! the latest text, and if the buffer changed meanwhile it goes again with
//! the newer text (rapid edits coalesce instead of queueing). Requests
//! about a document wait until its analysis caught up, so an answer right
//! after an edit reflects the edit, while requests about other documents
//! and the message loop itself are never held up.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::documents::Documents;
use super::state::{lock, State};
use super::workspaces::Workspaces;
use crate::workspace::read_source;

/// How long a request waits for the documents' analyses before answering
/// from what is analysed (never with ranges of another text: a document
/// whose analysis is behind gets `ContentModified`, see `FileCtx::stale`).
/// `CROSSCHECK_FRESHNESS_MS` sets it (tests force the late path with it).
pub fn freshness_timeout() -> Duration {
    static T: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *T.get_or_init(|| {
        std::env::var("CROSSCHECK_FRESHNESS_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(Duration::from_secs(10))
    })
}

/// Make sure a worker analyses `path`'s buffer. Call with the documents
/// lock held (the caller's `docs`), right after changing the buffer: the
/// `analysing` flag is read and set under that lock, so no edit is missed.
pub fn schedule(state: &Arc<State>, docs: &mut Documents, path: &Path) {
    // A folder's configuration file is read as settings, not as an article.
    if super::config::is_config_path(path) {
        return;
    }
    let Some(d) = docs.get_mut(path) else {
        return;
    };
    if d.analysing {
        return; // the running worker will see the newer text
    }
    d.analysing = true;
    let st = state.clone();
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || worker(&st, path));
}

fn worker(state: &State, path: PathBuf) {
    loop {
        let Some(text) = lock(&state.docs).get(&path).map(|d| d.text.clone()) else {
            break; // closed
        };
        let inputs = lock(&state.workspaces).analysis_inputs(&path);
        let analysed = catch_unwind(AssertUnwindSafe(|| {
            Workspaces::analyze_detached(inputs, &path, text.clone())
        }));
        let mut docs = lock(&state.docs);
        let Some(d) = docs.get_mut(&path) else {
            break;
        };
        if !Arc::ptr_eq(&d.text, &text) {
            continue; // edited meanwhile: analyse the newer text
        }
        let mut ws = lock(&state.workspaces);
        match analysed {
            Ok(f) => {
                if !ws.insert(Arc::new(f)) {
                    // The folder's knowledge base or indexing changed while
                    // we analysed: analyse again with its new inputs.
                    continue;
                }
            }
            Err(_) => {
                // Better no answers than answers about another text.
                tracing::error!("analysis of {} panicked", path.display());
                ws.remove_file(&path);
            }
        }
        d.analysing = false;
        break;
    }
    state.analysed.notify_waiters();
}

/// A closed document goes back to its text on disk (folder files only;
/// loose files are simply dropped by the caller). Runs on a blocking thread
/// with `path` in `state.reloading` until done.
pub fn reload_from_disk(state: &State, path: &Path) {
    if let Some(root) = super::config::config_root(state, path) {
        let follow = state.config().scan.follow_links;
        super::config::install(
            state,
            &root,
            super::config::FolderConfig::load(&root, follow),
        );
        lock(&state.reloading).remove(path);
        state.analysed.notify_waiters();
        return;
    }
    let root = lock(&state.workspaces).root_of(path);
    let text = root
        .and_then(|root| {
            let opts = super::config::scan_for(state, &root);
            read_source(&root, path, &opts).ok()
        })
        .map(Arc::<str>::from);
    loop {
        let inputs = lock(&state.workspaces).analysis_inputs(path);
        let analysed = text.clone().and_then(|text| {
            catch_unwind(AssertUnwindSafe(|| {
                Workspaces::analyze_detached(inputs, path, text)
            }))
            .ok()
        });
        let docs = lock(&state.docs);
        if !docs.is_open(path) {
            let mut ws = lock(&state.workspaces);
            match analysed {
                Some(f) => {
                    if !ws.insert(Arc::new(f)) {
                        continue; // the folder's inputs changed meanwhile
                    }
                }
                None => {
                    ws.remove_file(path);
                }
            }
        }
        lock(&state.reloading).remove(path);
        break;
    }
    state.analysed.notify_waiters();
}

/// Is an analysis of `path` (or, with `None`, of any document) under way?
fn busy(state: &State, path: Option<&Path>) -> bool {
    let docs = lock(&state.docs);
    let reloading = lock(&state.reloading);
    match path {
        Some(p) => docs.get(p).is_some_and(|d| d.analysing) || reloading.contains(p),
        None => docs.iter().any(|(_, d)| d.analysing) || !reloading.is_empty(),
    }
}

/// How long a request about cross-file facts waits for its folder's first
/// indexing before it answers from what is known so far (the editor is
/// then asked to refresh what it can: semantic tokens, code lenses; the
/// diagnostics are published again anyway). 3 s; `CROSSCHECK_INDEX_WAIT_MS`
/// sets it (tests force the partial path with it).
pub fn index_wait() -> Duration {
    static T: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *T.get_or_init(|| {
        std::env::var("CROSSCHECK_INDEX_WAIT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(Duration::from_secs(3))
    })
}

/// How long a request waits for the analyses of documents other than its
/// own: an answer about one file names mentions in the others, but a big
/// buffer being analysed elsewhere must not hold every request up. What
/// is still behind after this is left out of the answer (`FileCtx::stale`).
pub const OTHERS_WAIT: Duration = Duration::from_secs(2);

/// Before answering a request about `path` (`None`: about the whole
/// workspace): wait until its document's analysis caught up with its text
/// (at most [`freshness_timeout`]), the other documents' too (at most
/// [`OTHERS_WAIT`]), and the folder was indexed (at most [`index_wait`]).
pub async fn wait_ready(state: &State, path: Option<&Path>) {
    use tokio::time::Instant;
    let start = Instant::now();
    let own_deadline = start + freshness_timeout();
    let others_deadline = start + OTHERS_WAIT;
    let index_deadline = start + index_wait();
    loop {
        let notified = state.analysed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let now = Instant::now();
        let unindexed = !lock(&state.workspaces).is_indexed(path);
        let mut until: Option<Instant> = None;
        let mut wait_until = |d: Instant| {
            if now < d {
                until = Some(until.map_or(d, |u: Instant| u.max(d)));
            }
        };
        if path.is_some_and(|p| busy(state, Some(p))) {
            if now >= own_deadline {
                tracing::warn!("answering from an older analysis ({path:?})");
            }
            wait_until(own_deadline);
        }
        if busy(state, None) {
            wait_until(others_deadline);
        }
        if unindexed {
            wait_until(index_deadline);
        }
        let Some(until) = until else {
            if unindexed {
                // Answered from a partial index: refresh after indexing.
                state
                    .partial_answers
                    .store(true, std::sync::atomic::Ordering::SeqCst);
            }
            return;
        };
        let _ = tokio::time::timeout_at(until, notified).await;
    }
}

/// Wait until `path`'s analysis (or with `None` every document's) caught
/// up with its text, at most [`freshness_timeout`].
pub async fn wait_fresh(state: &State, path: Option<&Path>) {
    let deadline = tokio::time::Instant::now() + freshness_timeout();
    loop {
        let notified = state.analysed.notified();
        tokio::pin!(notified);
        // Registered before the check, so a worker finishing in between
        // still wakes us.
        notified.as_mut().enable();
        if !busy(state, path) {
            return;
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            tracing::warn!("answering from an older analysis ({path:?})");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::documents::Document;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn edits_during_analysis_are_not_lost() {
        let state = Arc::new(State::default());
        let path = PathBuf::from("/loose/a.txt");
        let uri: tower_lsp::ls_types::Uri = "file:///loose/a.txt".parse().unwrap();
        {
            let mut docs = lock(&state.docs);
            docs.open(path.clone(), Document::new(uri, 1, "Officials met."));
            schedule(&state, &mut docs, &path);
        }
        // Replace the text many times while workers run.
        for i in 0..50 {
            let mut docs = lock(&state.docs);
            let d = docs.get_mut(&path).unwrap();
            let text = if i == 49 {
                "Kyiv is calm."
            } else {
                "Officials met again."
            };
            d.apply_changes(
                i + 2,
                &[tower_lsp::ls_types::TextDocumentContentChangeEvent {
                    range: None,
                    range_length: None,
                    text: text.into(),
                }],
                crate::lsp::convert::Encoding::Utf16,
            );
            schedule(&state, &mut docs, &path);
        }
        wait_fresh(&state, Some(&path)).await;
        assert!(!lock(&state.docs).get(&path).unwrap().analysing);
        let snap = lock(&state.workspaces).snapshot_for(&path).unwrap();
        let f = snap.file(snap.file_id(&path).unwrap());
        assert_eq!(&*f.text, "Kyiv is calm.");
        assert_eq!(snap.entities[0].canonical, "Kyiv");
    }
}
