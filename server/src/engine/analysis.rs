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
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::documents::Documents;
use super::settings::{is_config_path, FolderConfig};
use super::workspaces::Workspaces;
use super::{lock, Engine};
use crate::analysis::test_delays::{pause, Delay};
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

impl Engine {
    /// Make sure a worker analyses `path`'s buffer. Call with the documents
    /// lock held (the caller's `docs`), right after changing the buffer: the
    /// `analysing` flag is read and set under that lock, so no edit is
    /// missed. Needs a tokio runtime (the worker is a blocking task).
    pub fn schedule_analysis(self: &Arc<Self>, docs: &mut Documents, path: &Path) {
        // A folder's configuration file is read as settings, not as an article.
        if is_config_path(path) {
            return;
        }
        let Some(d) = docs.get_mut(path) else {
            return;
        };
        if d.analysing {
            return; // the running worker will see the newer text
        }
        d.analysing = true;
        let engine = self.clone();
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || engine.analyse_buffer_now(&path));
    }

    /// Analyse `path`'s buffer on this thread until its analysis caught up
    /// with its text: what a worker runs, and what the synchronous API
    /// calls directly.
    pub fn analyse_buffer_now(&self, path: &Path) {
        loop {
            let Some(text) = lock(&self.docs).get(path).map(|d| d.text.clone()) else {
                break; // closed
            };
            if is_config_path(path) {
                break;
            }
            let (inputs, held) = {
                let ws = lock(&self.workspaces);
                (ws.analysis_inputs(path), ws.holds(path, &text))
            };
            if held {
                // Opened with the text its host already analysed: that
                // analysis (and its claims, persisted ones included)
                // stands; analysing it again would only make a copy.
                let mut docs = lock(&self.docs);
                let Some(d) = docs.get_mut(path) else {
                    break;
                };
                if !Arc::ptr_eq(&d.text, &text) {
                    continue;
                }
                d.analysing = false;
                self.bump();
                break;
            }
            pause(Delay::BufferAnalysis);
            let analysed = catch_unwind(AssertUnwindSafe(|| {
                Workspaces::analyze_detached(inputs, path, text.clone())
            }));
            let mut docs = lock(&self.docs);
            let Some(d) = docs.get_mut(path) else {
                break;
            };
            if !Arc::ptr_eq(&d.text, &text) {
                continue; // edited meanwhile: analyse the newer text
            }
            let mut ws = lock(&self.workspaces);
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
                    ws.remove_file(path);
                }
            }
            d.analysing = false;
            self.bump();
            break;
        }
        self.analysed.notify_waiters();
    }

    /// A closed document goes back to its text on disk (folder files only;
    /// loose files are simply dropped by the caller). Runs with `path` in
    /// `reloading` until done.
    pub fn reload_from_disk(&self, path: &Path) {
        if let Some(root) = self.config_root(path) {
            let follow = self.scan().follow_links;
            self.install_config(&root, FolderConfig::load(&root, follow));
            lock(&self.reloading).remove(path);
            self.analysed.notify_waiters();
            return;
        }
        let root = lock(&self.workspaces).root_of(path);
        let text = root
            .and_then(|root| {
                let opts = self.scan_for(&root);
                read_source(&root, path, &opts).ok()
            })
            .map(Arc::<str>::from);
        loop {
            let inputs = lock(&self.workspaces).analysis_inputs(path);
            let analysed = text.clone().and_then(|text| {
                catch_unwind(AssertUnwindSafe(|| {
                    Workspaces::analyze_detached(inputs, path, text)
                }))
                .ok()
            });
            let docs = lock(&self.docs);
            if !docs.is_open(path) {
                let mut ws = lock(&self.workspaces);
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
                self.bump();
            }
            lock(&self.reloading).remove(path);
            break;
        }
        self.analysed.notify_waiters();
    }

    /// Is an analysis of `path` (or, with `None`, of any document) under way?
    pub fn busy(&self, path: Option<&Path>) -> bool {
        let docs = lock(&self.docs);
        let reloading = lock(&self.reloading);
        match path {
            Some(p) => docs.get(p).is_some_and(|d| d.analysing) || reloading.contains(p),
            None => docs.iter().any(|(_, d)| d.analysing) || !reloading.is_empty(),
        }
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
pub async fn wait_ready(engine: &Engine, path: Option<&Path>) -> bool {
    use tokio::time::Instant;
    let start = Instant::now();
    let own_deadline = start + freshness_timeout();
    let others_deadline = start + OTHERS_WAIT;
    let index_deadline = start + index_wait();
    loop {
        let notified = engine.analysed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let now = Instant::now();
        let unindexed = !lock(&engine.workspaces).is_indexed(path);
        let mut until: Option<Instant> = None;
        let mut wait_until = |d: Instant| {
            if now < d {
                until = Some(until.map_or(d, |u: Instant| u.max(d)));
            }
        };
        if path.is_some_and(|p| engine.busy(Some(p))) {
            if now >= own_deadline {
                tracing::warn!("answering from an older analysis ({path:?})");
            }
            wait_until(own_deadline);
        }
        if engine.busy(None) {
            wait_until(others_deadline);
        }
        if unindexed {
            wait_until(index_deadline);
        }
        let Some(until) = until else {
            return unindexed;
        };
        let _ = tokio::time::timeout_at(until, notified).await;
    }
}

/// Wait until `path`'s analysis (or with `None` every document's) caught
/// up with its text, at most [`freshness_timeout`].
pub async fn wait_fresh(engine: &Engine, path: Option<&Path>) {
    let deadline = tokio::time::Instant::now() + freshness_timeout();
    loop {
        let notified = engine.analysed.notified();
        tokio::pin!(notified);
        // Registered before the check, so a worker finishing in between
        // still wakes us.
        notified.as_mut().enable();
        if !engine.busy(path) {
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
    use crate::engine::documents::Document;
    use std::path::PathBuf;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn edits_during_analysis_are_not_lost() {
        let engine = Arc::new(Engine::default());
        let path = PathBuf::from("/loose/a.txt");
        {
            let mut docs = lock(&engine.docs);
            docs.open(
                path.clone(),
                Document::new("file:///loose/a.txt", 1, "Officials met."),
            );
            engine.schedule_analysis(&mut docs, &path);
        }
        // Replace the text many times while workers run.
        for i in 0..50 {
            let mut docs = lock(&engine.docs);
            let d = docs.get_mut(&path).unwrap();
            let text = if i == 49 {
                "Kyiv is calm."
            } else {
                "Officials met again."
            };
            d.edit(None, text);
            d.finish(i + 2);
            engine.schedule_analysis(&mut docs, &path);
        }
        wait_fresh(&engine, Some(&path)).await;
        assert!(!lock(&engine.docs).get(&path).unwrap().analysing);
        let snap = lock(&engine.workspaces).snapshot_for(&path).unwrap();
        let f = snap.file(snap.file_id(&path).unwrap());
        assert_eq!(&*f.text, "Kyiv is calm.");
        assert_eq!(snap.entities[0].canonical, "Kyiv");
    }
}
