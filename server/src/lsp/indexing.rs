//! Workspace indexing on `initialized`, file-watcher registration and
//! watched-file events. Client requests (progress token creation,
//! capability registration) are awaited only here, in spawned tasks and
//! under timeouts: awaiting them inside a handler can deadlock the session.
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::time::timeout;
use tower_lsp::ls_types::notification::Notification;
use tower_lsp::ls_types::*;
use tower_lsp::Client;

use super::convert::uri_to_path;
use super::state::{lock, State};
use super::workspaces::Workspaces;
use crate::analysis::claims::ClaimSettings;
use crate::analysis::overrides::Overrides;
use crate::analysis::AnalysisHost;
use crate::workspace::{load_folder, read_source, ScanOptions, Skip};

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

/// Read and analyse the sources of `root` that belong to no deeper folder.
pub fn index_folder(
    root: &Path,
    all_roots: &[PathBuf],
    opts: &ScanOptions,
    overrides: Arc<Overrides>,
    claims: ClaimSettings,
) -> (AnalysisHost, Vec<(PathBuf, Skip)>) {
    let mut loaded = load_folder(root, opts);
    let owner = |p: &Path| {
        all_roots
            .iter()
            .filter(|r| p.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
    };
    loaded
        .files
        .retain(|(p, _)| owner(p).as_deref() == Some(root));
    let mut host = crate::ide::annotated::analyse_annotated(root, overrides, claims, loaded.files);
    host.snapshot(); // link now, off the request path
    (host, loaded.skipped)
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
        // Deeper folders own their files, whether indexed now or before.
        let all = lock(&state.workspaces).roots();
        // The folder's configuration first: its word lists shape the claims.
        let (r, follow) = (root.clone(), cfg.scan.follow_links);
        let fc = tokio::task::spawn_blocking(move || super::config::FolderConfig::load(&r, follow))
            .await
            .unwrap_or_default();
        super::config::install(&state, root, fc);
        let claims = lock(&state.claims.settings).effective(Some(root)).claims;
        let opts = super::config::scan_for(&state, root);
        let (r, st) = (root.clone(), state.clone());
        let job = tokio::task::spawn_blocking(move || {
            // Annotations next: the knowledge base shapes recognition.
            let overrides = super::annotations::load_for_index(&st, &r);
            index_folder(&r, &all, &opts, overrides, claims)
        })
        .await;
        let (host, skipped) = match job {
            Ok(x) => x,
            Err(e) => {
                let msg = format!("crosscheck: indexing {} failed: {e}", root.display());
                tracing::error!("{msg}");
                client.log_message(MessageType::ERROR, msg).await;
                // Requests stop waiting for an index that will not come.
                lock(&state.workspaces).mark_indexed(root);
                state.analysed.notify_waiters();
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
        install(&state, root, host);
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

/// Swap in an indexed host; documents opened meanwhile win over disk.
/// Their analyses move over from the old host (or are redone off the
/// loop), so nothing heavy runs under the locks.
fn install(state: &Arc<State>, root: &Path, mut host: AnalysisHost) {
    let mut docs = lock(&state.docs);
    let mut ws = lock(&state.workspaces);
    let Some(folder) = ws.roots().iter().position(|r| r == root) else {
        return; // removed while it was being indexed
    };
    let mut redo = Vec::new();
    for (p, d) in docs.iter() {
        if ws.folder_of(p) != Some(folder) || super::config::is_config_path(p) {
            continue;
        }
        // The scan read the same text: its analysis stands.
        if host.source_file(p).is_some_and(|f| *f.text == *d.text) {
            continue;
        }
        // The buffer's analysis moves over only if it was made with the
        // folder's new knowledge base: a buffer opened before indexing was
        // analysed without it, and would link apart from the folder.
        let moved = ws
            .source_file(p)
            .filter(|f| Arc::ptr_eq(&f.text, &d.text))
            .is_some_and(|f| host.insert_analysed(f));
        if !moved {
            redo.push(p.clone());
        }
    }
    ws.replace_host(root, host);
    drop(ws);
    for p in redo {
        super::analysis::schedule(state, &mut docs, &p);
    }
    drop(docs);
    // Requests waiting for this folder's index go on.
    state.analysed.notify_waiters();
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

/// True when `path` under `root` sits in a hidden folder or `.crosscheck/`.
fn hidden_under(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|rel| {
        rel.components().any(|c| match c {
            Component::Normal(s) => s.to_string_lossy().starts_with('.'),
            _ => false,
        })
    })
}

/// The say of the deepest `.gitignore` (from `path`'s folder up to `root`)
/// that matches `path`.
fn ignored_by_nearest(root: &Path, path: &Path, is_dir: bool) -> bool {
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| d.starts_with(root)) {
        let gi = d.join(".gitignore");
        if gi.is_file() {
            let (matcher, _) = ignore::gitignore::Gitignore::new(&gi);
            let m = matcher.matched(path, is_dir);
            if !m.is_none() {
                return m.is_ignore();
            }
        }
        dir = d.parent();
    }
    false
}

/// True when `.gitignore` rules hide `path` from the initial scan: the
/// file itself or any folder on the way down from `root` is ignored (the
/// scan does not descend into ignored folders).
fn gitignored_under(root: &Path, path: &Path) -> bool {
    if ignored_by_nearest(root, path, false) {
        return true;
    }
    path.ancestors()
        .skip(1)
        .take_while(|d| *d != root && d.starts_with(root))
        .any(|d| ignored_by_nearest(root, d, true))
}

/// Apply watched-file events to the folder hosts. Open documents are left
/// alone (the buffer wins over disk). Returns messages worth logging.
pub fn apply_file_events(state: &State, events: &[FileEvent]) -> Vec<String> {
    let mut logs = Vec::new();
    for ev in events {
        let Some(path) = uri_to_path(&ev.uri) else {
            continue;
        };
        if !state.config().scan.is_source(&path) || lock(&state.docs).is_open(&path) {
            continue;
        }
        let root = {
            let ws = lock(&state.workspaces);
            ws.folder_of(&path).map(|i| ws.roots()[i].clone())
        };
        let Some(root) = root else { continue };
        if hidden_under(&root, &path) || gitignored_under(&root, &path) {
            continue;
        }
        let opts = super::config::scan_for(state, &root);
        // Read and analyse before locking: nothing heavy under the locks.
        let text: Option<Arc<str>> = if ev.typ == FileChangeType::DELETED {
            None
        } else {
            match read_source(&root, &path, &opts) {
                Ok(text) => Some(text.into()),
                Err(why) => {
                    logs.push(format!("crosscheck: skipped {}: {why}", path.display()));
                    None
                }
            }
        };
        loop {
            let update = text.clone().map(|text| {
                let inputs = lock(&state.workspaces).analysis_inputs(&path);
                Workspaces::analyze_detached(inputs, &path, text)
            });
            let docs = lock(&state.docs);
            if docs.is_open(&path) {
                break; // opened while we were reading
            }
            let mut ws = lock(&state.workspaces);
            match update {
                Some(f) => {
                    if !ws.insert(Arc::new(f)) {
                        continue; // the folder's inputs changed meanwhile
                    }
                }
                None => {
                    ws.remove_file(&path);
                }
            }
            break;
        }
    }
    logs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_folders_are_skipped() {
        let root = Path::new("/w");
        assert!(hidden_under(root, Path::new("/w/.git/a.txt")));
        assert!(hidden_under(root, Path::new("/w/x/.crosscheck/a.txt")));
        assert!(!hidden_under(root, Path::new("/w/x/a.txt")));
    }

    #[test]
    fn gitignore_rules_apply_to_events() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("drafts/keep")).unwrap();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join(".gitignore"), "drafts/\n*.tmp.txt\n").unwrap();
        std::fs::write(root.join("drafts/keep/.gitignore"), "!x.txt\n").unwrap();
        std::fs::write(root.join("sub/.gitignore"), "!a.tmp.txt\n").unwrap();
        assert!(gitignored_under(root, &root.join("drafts/a.txt")));
        assert!(gitignored_under(root, &root.join("notes.tmp.txt")));
        assert!(!gitignored_under(root, &root.join("notes.txt")));
        // inside an ignored folder nothing comes back (git and the scan agree)
        assert!(gitignored_under(root, &root.join("drafts/keep/x.txt")));
        // a deeper .gitignore may re-include a file
        assert!(!gitignored_under(root, &root.join("sub/a.tmp.txt")));
        assert!(gitignored_under(root, &root.join("sub/b.tmp.txt")));
        // ... exactly as the initial scan sees it
        let files = [
            "drafts/a.txt",
            "notes.tmp.txt",
            "notes.txt",
            "drafts/keep/x.txt",
            "sub/a.tmp.txt",
            "sub/b.tmp.txt",
        ];
        for f in files {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found = crate::workspace::discover(root, &ScanOptions::default());
        for f in files {
            let p = root.join(f);
            assert_eq!(found.contains(&p), !gitignored_under(root, &p), "{f}");
        }
    }

    #[test]
    fn nested_folders_do_not_share_files() {
        let d = tempfile::tempdir().unwrap();
        let outer = d.path().to_path_buf();
        let inner = outer.join("inner");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(outer.join("a.txt"), "NATO met.").unwrap();
        std::fs::write(inner.join("b.txt"), "NATO met.").unwrap();
        let roots = vec![outer.clone(), inner.clone()];
        let (mut h, _) = index_folder(
            &outer,
            &roots,
            &ScanOptions::default(),
            Default::default(),
            Default::default(),
        );
        assert_eq!(h.snapshot().files.len(), 1);
        let (mut h, _) = index_folder(
            &inner,
            &roots,
            &ScanOptions::default(),
            Default::default(),
            Default::default(),
        );
        assert_eq!(h.snapshot().files[0].rel_path, "b.txt");
    }
}
