//! The annotations of each workspace folder (`.crosscheck/`) inside the
//! server: loaded on indexing, fed to the folder's analysis as overrides,
//! reloaded (debounced) when a `.crosscheck/` file changes on disk or in an
//! editor buffer, and their findings published as diagnostics of the
//! `.crosscheck/` files themselves.
//!
//! A `.crosscheck/` file is never analysed as a news source, and nothing
//! here writes: a file that does not parse stays out of the set (edits to
//! it are refused by `annotations::edit`) and only gets diagnostics.
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use ropey::Rope;
use serde::{Deserialize, Serialize};
use tower_lsp::ls_types::notification::Notification;
use tower_lsp::ls_types::*;
use tower_lsp::Client;

use super::convert::{path_to_uri, range_to_lsp, Encoding};
use super::state::{lock, State};
use crate::analysis::{FileId, Snapshot};
use crate::annotations::{AnnotationSet, Finding, Severity as FSeverity};
use crate::config::Severity;
use crate::ide::annotated::{self as annot_core, Note};
use crate::ide::diagnostics::Diagnostic as ClaimDiagnostic;

/// Quiet time after the last change before annotations are reloaded.
const DEBOUNCE: Duration = Duration::from_millis(200);
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
pub struct AnnotState {
    /// How edits reach the files (see `lsp::commands::apply`).
    pub edits: EditCaps,
    /// Reload generation per folder: only the last change's reload runs.
    pending: HashMap<PathBuf, u64>,
    /// `.crosscheck/` files with published diagnostics, per folder.
    published: HashMap<PathBuf, HashSet<PathBuf>>,
}

/// `crosscheck/annotationsReloaded`: a folder's annotations were loaded
/// and its analysis redone with them (editors may refresh views; tests
/// wait for it).
pub enum ReloadedNotification {}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReloadedParams {
    pub root: String,
    pub entities: usize,
    pub findings: usize,
}

impl Notification for ReloadedNotification {
    type Params = ReloadedParams;
    const METHOD: &'static str = "crosscheck/annotationsReloaded";
}

/// Reload `root`'s annotations after [`DEBOUNCE`] of quiet.
pub fn schedule_reload(state: &Arc<State>, client: &Client, root: PathBuf) {
    let gen = {
        let mut a = lock(&state.annot_publish);
        let g = a.pending.entry(root.clone()).or_default();
        *g += 1;
        *g
    };
    let (st, client) = (state.clone(), client.clone());
    tokio::spawn(async move {
        tokio::time::sleep(DEBOUNCE).await;
        if lock(&st.annot_publish).pending.get(&root) != Some(&gen) {
            return; // a newer change will reload
        }
        let (engine, r) = (st.engine.clone(), root.clone());
        if tokio::task::spawn_blocking(move || engine.reload_annotations(&r, true))
            .await
            .is_err()
        {
            tracing::error!("reloading the annotations of {} failed", root.display());
            return;
        }
        publish(&st, &client, &root).await;
    });
}

fn severity(s: FSeverity) -> DiagnosticSeverity {
    match s {
        FSeverity::Error => DiagnosticSeverity::ERROR,
        FSeverity::Warning => DiagnosticSeverity::WARNING,
        FSeverity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Publish the findings of `root`'s `.crosscheck/` files, clearing files
/// that no longer have any.
pub async fn publish(state: &Arc<State>, client: &Client, root: &Path) {
    let st = state.clone();
    let r = root.to_path_buf();
    let Ok(out) = tokio::task::spawn_blocking(move || diagnostics_by_file(&st, &r)).await else {
        return;
    };
    let entities = state
        .folder_set(root)
        .and_then(|s| s.knowledge_base().map(|k| k.entities.len()))
        .unwrap_or(0);
    let total: usize = out.iter().map(|(_, d, _)| d.len()).sum();
    let now: HashSet<PathBuf> = out.iter().map(|(p, _, _)| p.clone()).collect();
    let before = lock(&state.annot_publish)
        .published
        .insert(root.to_path_buf(), now.clone())
        .unwrap_or_default();
    for (path, diags, version) in out {
        if let Some(uri) = doc_uri(state, &path) {
            client.publish_diagnostics(uri, diags, version).await;
        }
    }
    for gone in before.difference(&now) {
        if let Some(uri) = doc_uri(state, gone) {
            client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }
    // Source files' diagnostics depend on the annotations too (verified,
    // dismissed, kb-conflict): let the claims publisher run again.
    super::diagnostics::schedule(state);
    client
        .send_notification::<ReloadedNotification>(ReloadedParams {
            root: root.display().to_string(),
            entities,
            findings: total,
        })
        .await;
}

/// The URI of `path` as the client spelled it when it is open.
pub fn doc_uri(state: &State, path: &Path) -> Option<Uri> {
    match lock(&state.docs).get(path) {
        Some(d) => super::state::doc_uri(d),
        None => path_to_uri(path),
    }
}

type FileDiagnostics = (PathBuf, Vec<tower_lsp::ls_types::Diagnostic>, Option<i32>);

fn diagnostics_by_file(state: &State, root: &Path) -> Vec<FileDiagnostics> {
    let findings = state.folder_findings(root);
    let enc = state.config().encoding;
    let set = state.folder_set(root);
    let mut by_file: HashMap<PathBuf, Vec<Finding>> = HashMap::new();
    for f in findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    let docs = lock(&state.docs);
    by_file
        .into_iter()
        .map(|(path, fs)| {
            // Ranges are in the text the finding was computed from: the
            // buffer when open, else the file as loaded.
            let (text, version) = match docs.get(&path) {
                Some(d) => (d.text.to_string(), Some(d.version)),
                None => (loaded_text(set.as_deref(), &path), None),
            };
            let rope = Rope::from_str(&text);
            let diags = fs
                .into_iter()
                .map(|f| to_diagnostic(&rope, &f, enc))
                .collect();
            (path, diags, version)
        })
        .collect()
}

fn loaded_text(set: Option<&AnnotationSet>, path: &Path) -> String {
    set.and_then(|s| annot_core::loaded_text(s, path))
        .unwrap_or_default()
        .to_string()
}

fn to_diagnostic(rope: &Rope, f: &Finding, enc: Encoding) -> tower_lsp::ls_types::Diagnostic {
    let range = match &f.range {
        Some(r) => range_to_lsp(rope, r.start, r.end, enc),
        None => Range::default(),
    };
    tower_lsp::ls_types::Diagnostic {
        range,
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_string())),
        source: Some("crosscheck".into()),
        message: f.message.clone(),
        ..Default::default()
    }
}

/// Ask the client to report changes of `.crosscheck/**/*.json` on disk.
pub async fn register_watcher(client: Client) {
    let opts = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/.crosscheck/**/*.json".into()),
            kind: None,
        }],
    };
    let reg = Registration {
        id: "crosscheck/annotation-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(opts).ok(),
    };
    let r = tokio::time::timeout(
        CLIENT_REQUEST_TIMEOUT,
        client.register_capability(vec![reg]),
    )
    .await;
    if !matches!(r, Ok(Ok(()))) {
        tracing::warn!("annotation file watcher not registered");
    }
}

// ---- hooks for the claims diagnostics publisher ----

/// Diagnostics the annotations add to source `file` of `snap` (orphaned
/// annotations on the first line, disputed/false claims, kb-conflict).
pub fn annotation_notes(state: &State, snap: &Snapshot, file: FileId) -> Vec<Note> {
    match state.set_for(&snap.file(file).path) {
        Some((_, set)) => annot_core::source_notes(&set, snap, file),
        None => Vec::new(),
    }
}

/// As [`annotation_notes`], by path, as (byte range, code, message,
/// severity): what the claims publisher appends for a source file.
pub fn annotation_diagnostics_for_source(
    state: &State,
    path: &Path,
) -> Vec<(std::ops::Range<usize>, &'static str, String, Severity)> {
    let Some(snap) = lock(&state.workspaces).snapshot_for(path) else {
        return Vec::new();
    };
    let Some(file) = snap.file_id(path) else {
        return Vec::new();
    };
    annotation_notes(state, &snap, file)
        .into_iter()
        .map(|n| (n.start..n.end, n.code, n.message, n.severity))
        .collect()
}

/// Drop the claim diagnostics of source `file` the annotations settle
/// (verified claims, dismissed diagnostics). The claims publisher calls
/// this before converting.
pub fn filter_source_diagnostics(
    state: &State,
    snap: &Snapshot,
    file: FileId,
    diags: &mut Vec<ClaimDiagnostic>,
) {
    if let Some((_, set)) = state.set_for(&snap.file(file).path) {
        annot_core::filter_diagnostics(&set, snap, file, diags);
    }
}

/// What the client can do with a `workspace/applyEdit`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EditCaps {
    /// `workspace.applyEdit`: else the server writes the files itself.
    pub apply: bool,
    /// `workspaceEdit.documentChanges`: versioned edits (else `changes`).
    pub document_changes: bool,
    /// `workspaceEdit.resourceOperations` has `create`.
    pub create: bool,
}

impl EditCaps {
    pub fn of(params: &InitializeParams) -> EditCaps {
        let ws = params.capabilities.workspace.as_ref();
        let we = ws.and_then(|w| w.workspace_edit.as_ref());
        EditCaps {
            apply: ws.and_then(|w| w.apply_edit).unwrap_or(false),
            document_changes: we.and_then(|w| w.document_changes).unwrap_or(false),
            create: we
                .and_then(|w| w.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
        }
    }
}

/// `crosscheck/sourceDiagnostics` `{uri}`: the claim diagnostics of a
/// source file as the annotations leave them (filtered, with their own
/// added). What the claims publisher should publish; also lets clients
/// and tests pull them.
pub fn source_diagnostics(state: &State, uri: &Uri) -> Vec<tower_lsp::ls_types::Diagnostic> {
    let path = super::convert::uri_to_doc_path(uri);
    let Some(ctx) = state.file_ctx(&path) else {
        return Vec::new();
    };
    // The configuration in force (client settings, the folder's file or
    // its open buffer), exactly as the published diagnostics use it.
    let root = ctx
        .snap
        .root
        .clone()
        .filter(|r| lock(&state.workspaces).roots().contains(r));
    let config = lock(&state.settings).effective(root.as_deref());
    let mut diags = crate::ide::diagnostics::compute(&ctx.snap, &config, ctx.file);
    filter_source_diagnostics(state, &ctx.snap, ctx.file, &mut diags);
    let lsp_sev = |s: Severity| match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        _ => DiagnosticSeverity::HINT,
    };
    let mut out: Vec<(usize, tower_lsp::ls_types::Diagnostic)> = diags
        .into_iter()
        .map(|d| (d.start, d.end, d.code, d.message, d.severity))
        .chain(
            annotation_notes(state, &ctx.snap, ctx.file)
                .into_iter()
                .map(|n| (n.start, n.end, n.code, n.message, n.severity)),
        )
        .map(|(start, end, code, message, sev)| {
            let d = tower_lsp::ls_types::Diagnostic {
                range: range_to_lsp(&ctx.rope, start, end, ctx.enc),
                severity: Some(lsp_sev(sev)),
                code: Some(NumberOrString::String(code.to_string())),
                source: Some("crosscheck".into()),
                message,
                ..Default::default()
            };
            (start, d)
        })
        .collect();
    out.sort_by_key(|(s, _)| *s);
    out.into_iter().map(|(_, d)| d).collect()
}

#[derive(Debug, Deserialize)]
pub struct UriParams {
    pub uri: Uri,
}

impl super::server::Backend {
    /// `crosscheck/sourceDiagnostics` (registered in `lsp::run_stdio`).
    pub async fn source_diagnostics(
        &self,
        params: UriParams,
    ) -> tower_lsp::jsonrpc::Result<Vec<tower_lsp::ls_types::Diagnostic>> {
        let path = super::convert::uri_to_doc_path(&params.uri);
        super::state::wait_ready(&self.state, Some(&path)).await;
        let state = self.state.clone();
        // Off the message loop: the claims index may still be in the making.
        super::server::off_loop("crosscheck/sourceDiagnostics", move || {
            if state.file_ctx(&path).is_some_and(|c| c.is_stale()) {
                return Err(tower_lsp::jsonrpc::Error::content_modified());
            }
            Ok(source_diagnostics(&state, &params.uri))
        })
        .await
    }
}
