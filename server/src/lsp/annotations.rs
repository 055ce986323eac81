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
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ropey::Rope;
use serde::{Deserialize, Serialize};
use tower_lsp::ls_types::notification::Notification;
use tower_lsp::ls_types::*;
use tower_lsp::Client;

use super::convert::{path_to_uri, range_to_lsp, Encoding};
use super::documents::Document;
use super::state::{lock, State};
use crate::analysis::overrides::Overrides;
use crate::analysis::{FileId, Snapshot};
use crate::annotations::paths::DIR;
use crate::annotations::{AnnotationSet, Finding, Severity as FSeverity};
use crate::config::Severity;
use crate::ide::annotated::{self as annot_core, findings_of, overrides_from, Note};
use crate::ide::diagnostics::Diagnostic as ClaimDiagnostic;

/// Quiet time after the last change before annotations are reloaded.
const DEBOUNCE: Duration = Duration::from_millis(200);
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The annotations of one folder, as last loaded.
pub struct FolderAnnotations {
    pub set: Arc<AnnotationSet>,
    /// Findings from reading and validating the files.
    pub load_findings: Vec<Finding>,
}

#[derive(Default)]
pub struct AnnotState {
    pub folders: HashMap<PathBuf, FolderAnnotations>,
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

/// Serialises reloads: each reads the newest state when it starts, so the
/// last one to run installs the newest annotations.
static RELOAD: Mutex<()> = Mutex::new(());

/// The folder whose `.crosscheck/` holds `path` (a JSON file), if any.
pub fn annotation_root(state: &State, path: &Path) -> Option<PathBuf> {
    if path.extension().is_none_or(|e| e != "json") {
        return None;
    }
    let ws = lock(&state.workspaces);
    let i = ws.folder_of(path)?;
    let root = ws.roots()[i].clone();
    // The configuration lives there too but is not an annotation file:
    // `lsp::config` owns it.
    if path == root.join(DIR).join("config.json") {
        return None;
    }
    path.starts_with(root.join(DIR)).then_some(root)
}

/// Load a folder's annotations from disk, with open `.crosscheck/` buffers
/// in place of their files (the buffer is what the person sees).
pub fn load_set(state: &State, root: &Path) -> (AnnotationSet, Vec<Finding>) {
    let opts = crate::annotations::LoadOptions {
        follow_links: state.config().scan.follow_links,
        ..Default::default()
    };
    let (mut set, mut findings) = AnnotationSet::load_with(root, &opts);
    let dir = root.join(DIR);
    // A buffer of a file that resolves outside the folder stands in for
    // nothing: that file is not read either.
    let inside =
        |p: &Path| crate::workspace::fs::resolve_inside(root, p, opts.follow_links).is_ok();
    let open: Vec<(PathBuf, String)> = lock(&state.docs)
        .iter()
        .filter(|(p, _)| p.starts_with(&dir))
        .map(|(p, d)| (p.clone(), d.text.to_string()))
        .collect();
    let open: Vec<(PathBuf, String)> = open.into_iter().filter(|(p, _)| inside(p)).collect();
    for (p, text) in open {
        if let Some(f) = set.update_file(&p, text) {
            findings.retain(|x| x.path != p);
            findings.extend(f);
        }
    }
    (set, findings)
}

/// On indexing: load the folder's annotations and return the overrides
/// its host is built with. Runs on a blocking thread.
pub fn load_for_index(state: &State, root: &Path) -> Arc<Overrides> {
    let (set, load_findings) = load_set(state, root);
    let set = Arc::new(set);
    let ov = Arc::new(overrides_from(&set));
    lock(&state.annotations)
        .folders
        .insert(root.to_path_buf(), FolderAnnotations { set, load_findings });
    ov
}

/// The current annotations of the folder `root`.
pub fn folder_set(state: &State, root: &Path) -> Option<Arc<AnnotationSet>> {
    lock(&state.annotations)
        .folders
        .get(root)
        .map(|f| f.set.clone())
}

/// The folder root and annotations of a source file.
pub fn set_for(state: &State, path: &Path) -> Option<(PathBuf, Arc<AnnotationSet>)> {
    let root = {
        let ws = lock(&state.workspaces);
        ws.roots()[ws.folder_of(path)?].clone()
    };
    let set = folder_set(state, &root)?;
    Some((root, set))
}

/// Reload `root`'s annotations after [`DEBOUNCE`] of quiet.
pub fn schedule_reload(state: &Arc<State>, client: &Client, root: PathBuf) {
    let gen = {
        let mut a = lock(&state.annotations);
        let g = a.pending.entry(root.clone()).or_default();
        *g += 1;
        *g
    };
    let (st, client) = (state.clone(), client.clone());
    tokio::spawn(async move {
        tokio::time::sleep(DEBOUNCE).await;
        if lock(&st.annotations).pending.get(&root) != Some(&gen) {
            return; // a newer change will reload
        }
        let (s, r) = (st.clone(), root.clone());
        if tokio::task::spawn_blocking(move || reload(&s, &r))
            .await
            .is_err()
        {
            tracing::error!("reloading the annotations of {} failed", root.display());
            return;
        }
        publish(&st, &client, &root).await;
    });
}

/// Load the annotations of `root` and redo its analysis with them, off the
/// locks; then swap the new analysis in. Open buffers whose text moved on
/// meanwhile are analysed again.
pub fn reload(state: &Arc<State>, root: &Path) {
    let _one = RELOAD.lock().unwrap_or_else(|e| e.into_inner());
    let (set, load_findings) = load_set(state, root);
    let set = Arc::new(set);
    let ov = Arc::new(overrides_from(&set));
    let current = {
        let mut ws = lock(&state.workspaces);
        ws.roots().iter().position(|r| r == root).map(|i| {
            let snap = ws.snapshots()[i].clone();
            let settings = ws.analysis_inputs(&root.join(DIR)).settings;
            (snap, settings)
        })
    };
    let Some((snap, settings)) = current else {
        return; // the folder was removed
    };
    let files = snap
        .files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    let mut host = annot_core::analyse_annotated(root, ov, settings, files);
    host.snapshot(); // link now, not on the next request
    {
        let mut docs = lock(&state.docs);
        let mut ws = lock(&state.workspaces);
        let Some(folder) = ws.roots().iter().position(|r| r == root) else {
            return;
        };
        let dir = root.join(DIR);
        let redo: Vec<PathBuf> = docs
            .iter()
            .filter(|(p, _)| ws.folder_of(p) == Some(folder) && !p.starts_with(&dir))
            .filter(|(p, d)| {
                host.source_file(p)
                    .is_none_or(|f| !Arc::ptr_eq(&f.text, &d.text) && *f.text != *d.text)
            })
            .map(|(p, _)| p.clone())
            .collect();
        ws.replace_host(root, host);
        drop(ws);
        lock(&state.annotations)
            .folders
            .insert(root.to_path_buf(), FolderAnnotations { set, load_findings });
        for p in redo {
            super::analysis::schedule(state, &mut docs, &p);
        }
    }
    state.analysed.notify_waiters();
}

/// Every finding about the `.crosscheck/` files of `root`: loading and
/// validation, unknown entity ids, orphans, missing sources, overlapping
/// holders of single-holder roles.
pub fn folder_findings(state: &State, root: &Path) -> Vec<Finding> {
    let (set, load) = {
        let a = lock(&state.annotations);
        match a.folders.get(root) {
            Some(f) => (f.set.clone(), f.load_findings.clone()),
            None => return Vec::new(),
        }
    };
    let snap = {
        let mut ws = lock(&state.workspaces);
        match ws.roots().iter().position(|r| r == root) {
            Some(i) => ws.snapshots()[i].clone(),
            None => return Vec::new(),
        }
    };
    findings_of(&set, load, &snap)
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
    let entities = folder_set(state, root)
        .and_then(|s| s.knowledge_base().map(|k| k.entities.len()))
        .unwrap_or(0);
    let total: usize = out.iter().map(|(_, d, _)| d.len()).sum();
    let now: HashSet<PathBuf> = out.iter().map(|(p, _, _)| p.clone()).collect();
    let before = lock(&state.annotations)
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
        Some(d) => Some(d.uri.clone()),
        None => path_to_uri(path),
    }
}

type FileDiagnostics = (PathBuf, Vec<tower_lsp::ls_types::Diagnostic>, Option<i32>);

fn diagnostics_by_file(state: &State, root: &Path) -> Vec<FileDiagnostics> {
    let findings = folder_findings(state, root);
    let enc = state.config().encoding;
    let set = folder_set(state, root);
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

// ---- open `.crosscheck/` buffers (hooks from `server.rs`) ----

/// didOpen: a `.crosscheck/` file is kept as a buffer (edits are computed
/// against it) but never analysed as a source. True when handled.
pub fn did_open(state: &Arc<State>, client: &Client, path: &Path, doc: Document) -> bool {
    let Some(root) = annotation_root(state, path) else {
        return false;
    };
    lock(&state.docs).open(path.to_path_buf(), doc);
    schedule_reload(state, client, root);
    true
}

pub fn did_change(
    state: &Arc<State>,
    client: &Client,
    path: &Path,
    params: &DidChangeTextDocumentParams,
) -> bool {
    let Some(root) = annotation_root(state, path) else {
        return false;
    };
    let enc = state.config().encoding;
    if let Some(d) = lock(&state.docs).get_mut(path) {
        d.apply_changes(params.text_document.version, &params.content_changes, enc);
    }
    schedule_reload(state, client, root);
    true
}

/// didClose: back to the file on disk (unsaved edits are dropped by the
/// editor, so they are dropped here too).
pub fn did_close(state: &Arc<State>, client: &Client, path: &Path) -> bool {
    let Some(root) = annotation_root(state, path) else {
        return false;
    };
    lock(&state.docs).close(path);
    schedule_reload(state, client, root);
    true
}

/// Watched-file events under `.crosscheck/` (open buffers win over disk).
pub fn did_change_watched(state: &Arc<State>, client: &Client, events: &[FileEvent]) {
    let mut roots: Vec<PathBuf> = events
        .iter()
        .filter_map(|e| super::convert::uri_to_path(&e.uri))
        .filter(|p| !lock(&state.docs).is_open(p))
        .filter_map(|p| annotation_root(state, &p))
        .collect();
    roots.sort();
    roots.dedup();
    for r in roots {
        schedule_reload(state, client, r);
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
    match set_for(state, &snap.file(file).path) {
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

/// The metadata of a source as a person corrected it (publication date,
/// outlet, ...), if any: what hovers, lenses and date-based checks should
/// prefer over the inferred values (see also `annot_core::effective_date`).
pub fn source_metadata(state: &State, path: &Path) -> Option<crate::annotations::model::Metadata> {
    let (root, set) = set_for(state, path)?;
    let rel = path.strip_prefix(&root).ok()?.to_str()?.replace('\\', "/");
    set.metadata(&rel).filter(|m| !m.is_empty()).cloned()
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
    if let Some((_, set)) = set_for(state, &snap.file(file).path) {
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
    let config = lock(&state.claims.settings).effective(root.as_deref());
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
        super::analysis::wait_ready(&self.state, Some(&path)).await;
        if self.state.file_ctx(&path).is_some_and(|c| c.is_stale()) {
            return Err(tower_lsp::jsonrpc::Error::content_modified());
        }
        Ok(source_diagnostics(&self.state, &params.uri))
    }
}
