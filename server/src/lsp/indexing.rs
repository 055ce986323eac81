//! Workspace indexing on `initialized`, file-watcher registration and
//! watched-file events. Client requests (progress token creation,
//! capability registration) are awaited only here, in spawned tasks and
//! under timeouts: awaiting them inside a handler can deadlock the session.
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::time::timeout;
use tower_lsp::ls_types::notification::Notification;
use tower_lsp::ls_types::*;
use tower_lsp::Client;

use super::state::{lock, State};

const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// Skipped files reported to the client one by one, per folder.
const MAX_SKIP_MESSAGES: usize = 20;

/// `crosscheck/status`: what editors show in a status bar.
pub enum StatusNotification {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusParams {
    /// "indexing" or "ready".
    pub state: String,
    pub files: usize,
    pub entities: usize,
}

impl Notification for StatusNotification {
    type Params = StatusParams;
    const METHOD: &'static str = "crosscheck/status";
}

/// (files, entities) over the folders. Counting relinks changed hosts; a
/// panic there must not end the calling task.
fn counts(state: &State) -> (usize, usize) {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lock(&state.workspaces).counts()
    }))
    .unwrap_or_default()
}

pub async fn send_status(client: &Client, state: &State, label: &str) {
    let (files, entities) = counts(state);
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: label.to_string(),
            files,
            entities,
        })
        .await;
}

/// Index every workspace folder, with `$/progress` when the client can
/// show it, and `crosscheck/status` before and after.
pub async fn index_all(state: Arc<State>, client: Client) {
    let roots = lock(&state.workspaces).roots();
    index_roots(state, client, roots).await;
}

/// Index the folders `roots` (each must be a workspace folder).
pub async fn index_roots(state: Arc<State>, client: Client, roots: Vec<PathBuf>) {
    let cfg = state.config();
    send_status(&client, &state, "indexing").await;
    let mut progress = None;
    if cfg.work_done_progress && !roots.is_empty() {
        // One token per run: folder changes can start a run while another
        // is still reporting.
        static RUN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let token = NumberOrString::String(format!("crosscheck/indexing/{n}"));
        match timeout(
            CLIENT_REQUEST_TIMEOUT,
            client.create_work_done_progress(token.clone()),
        )
        .await
        {
            Ok(Ok(())) => {
                progress = Some(
                    client
                        .progress(token, "crosscheck: indexing")
                        .with_percentage(0)
                        .begin()
                        .await,
                )
            }
            Ok(Err(e)) => tracing::warn!("client refused a progress token: {e}"),
            Err(_) => tracing::warn!("client did not answer window/workDoneProgress/create"),
        }
    }
    for (i, root) in roots.iter().enumerate() {
        if let Some(p) = &progress {
            let pct = (i * 100 / roots.len()) as u32;
            p.report_with_message(root.display().to_string(), pct).await;
        }
        let (r, engine) = (root.clone(), state.engine.clone());
        let job = tokio::task::spawn_blocking(move || engine.index_root(&r, true)).await;
        let skipped = match job {
            Ok(x) => x,
            Err(e) => {
                let msg = format!("crosscheck: indexing {} failed: {e}", root.display());
                tracing::error!("{msg}");
                client.log_message(MessageType::ERROR, msg).await;
                // Requests stop waiting for an index that will not come.
                state.index_failed(root);
                continue;
            }
        };
        // Every skip goes to the server log; the client gets the first few
        // and a count, so a folder of binaries cannot flood its log.
        let n = skipped.len();
        for (i, (p, why)) in skipped.into_iter().enumerate() {
            let msg = format!("crosscheck: skipped {}: {why}", p.display());
            tracing::warn!("{msg}");
            if i < MAX_SKIP_MESSAGES {
                client.log_message(MessageType::WARNING, msg).await;
            }
        }
        if n > MAX_SKIP_MESSAGES {
            let more = n - MAX_SKIP_MESSAGES;
            let msg = format!(
                "crosscheck: skipped {more} more files in {} (see the server log)",
                root.display()
            );
            client.log_message(MessageType::WARNING, msg).await;
        }
        super::annotations::publish(&state, &client, root).await;
    }
    if let Some(p) = progress {
        let (files, entities) = counts(&state);
        p.finish_with_message(format!("{files} files, {entities} entities"))
            .await;
    }
    send_status(&client, &state, "ready").await;
    refresh_after_indexing(&state, &client);
    // Every file of the indexed folders, open or not, gets its diagnostics.
    super::diagnostics::schedule(&state);
}

/// Some answers were given from a partial index: ask the client to ask
/// again for what it can refresh (diagnostics are published again anyway).
fn refresh_after_indexing(state: &State, client: &Client) {
    if !state
        .partial_answers
        .swap(false, std::sync::atomic::Ordering::SeqCst)
    {
        return;
    }
    let cfg = state.config();
    let client = client.clone();
    // Client requests: awaited in their own task, under a timeout.
    tokio::spawn(async move {
        if cfg.semantic_tokens_refresh {
            let r = timeout(CLIENT_REQUEST_TIMEOUT, client.semantic_tokens_refresh()).await;
            if !matches!(r, Ok(Ok(()))) {
                tracing::debug!("workspace/semanticTokens/refresh failed or timed out");
            }
        }
        if cfg.code_lens_refresh {
            let r = timeout(CLIENT_REQUEST_TIMEOUT, client.code_lens_refresh()).await;
            if !matches!(r, Ok(Ok(()))) {
                tracing::debug!("workspace/codeLens/refresh failed or timed out");
            }
        }
    });
}

/// Ask the client to tell us about `*.txt`/`*.md` changes on disk, and
/// about the folders' configuration files.
pub async fn register_watchers(client: Client) {
    let watch = |glob: &str| FileSystemWatcher {
        glob_pattern: GlobPattern::String(glob.into()),
        kind: None,
    };
    let opts = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![watch("**/*.{txt,md}"), watch("**/.crosscheck/config.json")],
    };
    let reg = Registration {
        id: "crosscheck/watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(opts).ok(),
    };
    match timeout(
        CLIENT_REQUEST_TIMEOUT,
        client.register_capability(vec![reg]),
    )
    .await
    {
        Ok(Ok(())) => tracing::debug!("file watchers registered"),
        Ok(Err(e)) => tracing::warn!("file watcher registration refused: {e}"),
        Err(_) => tracing::warn!("client did not answer client/registerCapability"),
    }
}
