//! Pushing claim diagnostics (`textDocument/publishDiagnostics`).
//!
//! Any change (an edit, a file on disk, indexing, configuration) calls
//! [`schedule`], which bumps a generation counter and starts a task that
//! sleeps [`DEBOUNCE`]; only the task whose generation is still the latest
//! goes on (markdown-oxide's scheme), so a burst of keystrokes costs one
//! run. A run waits for the documents' analyses to catch up, then, on a
//! blocking thread over immutable snapshots, recomputes the diagnostics of
//! every file of every workspace whose snapshot or configuration changed:
//! a claim in one file can conflict with (or stop conflicting with)
//! another, so recomputing the whole workspace is the simple correct
//! answer. Only files whose diagnostics changed (or whose
//! document version did) are sent; files that left every workspace get an
//! empty list. Runs are serialised, and a run overtaken by a newer change
//! publishes nothing: the newer run will.
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use ropey::Rope;
use tower_lsp::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString, Range, Uri,
};
use tower_lsp::Client;

use super::convert::{offset_to_position, path_to_uri, Encoding};
use super::handlers::Locator;
use super::state::{lock, State};
use crate::analysis::FileId;
use crate::analysis::Snapshot;
use crate::config::{Config, ConfigError, Severity, CONFIG_PATH};
use crate::engine::analysis;
use crate::engine::diagnostics::Mark;
use crate::engine::settings::INVALID_CONFIG;
use crate::ide::diagnostics::{self as ide_diags, SOURCE};
use crate::ide::FileRange;

/// Quiet time after a change before diagnostics are recomputed.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Quiet time after a document is opened: no keystrokes to coalesce yet,
/// and the user looks at the file now (a warm restart publishes its stored
/// diagnostics within this much). An edit that follows supersedes it.
pub const OPEN_DEBOUNCE: Duration = Duration::from_millis(20);

/// Longest wait for the client's answer to a refresh request.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// Runs that retry after finding buffers not yet analysed (the wait for
/// analyses gives up after `analysis::freshness_timeout` on a loaded
/// machine; no later change would bring those files up to date).
const STALE_RETRIES: usize = 3;

pub type Published = HashMap<PathBuf, (u64, Uri)>;

/// Claims-related server state: settings and what was published.
#[derive(Default)]
pub struct ClaimsState {
    client: OnceLock<Client>,
    /// The client takes `workspace/codeLens/refresh`: lens counts depend
    /// on other files, so they go stale when diagnostics do.
    lens_refresh: AtomicBool,
    generation: AtomicU64,
    /// Path -> hash of the last (version, diagnostics) sent, and the URI
    /// they went to (to clear them later). The async lock also serialises
    /// runs.
    published: tokio::sync::Mutex<Published>,
    /// The previous run's results per snapshot: a workspace whose snapshot
    /// and configuration did not change is not recomputed (edits in one
    /// folder or loose buffer leave the others alone).
    computed: Mutex<Vec<Computed>>,
    /// The open documents' diagnostics as the last [`collect_open`] made
    /// them: the run over every file that follows takes them instead of
    /// computing them a second time.
    open_computed: Mutex<Vec<Computed>>,
}

struct Computed {
    /// Weak: a snapshot the hosts moved on from is released at once (its
    /// claims index is the biggest thing the server holds); the weak
    /// pointer still tells whether a later run sees the same snapshot.
    snap: std::sync::Weak<Snapshot>,
    config: Config,
    items: Vec<Item>,
    /// What the items were computed from (`None` for the open documents'
    /// items, or diagnostics read back from the store): a later snapshot
    /// of the same folder recomputes only what changed since.
    mark: Option<Mark>,
}

impl ClaimsState {
    /// Diagnostics are pushed once a client is known (not in unit tests
    /// that drive `State` directly).
    pub fn set_client(&self, client: Client) {
        let _ = self.client.set(client);
    }

    pub fn set_lens_refresh(&self, on: bool) {
        self.lens_refresh.store(on, Ordering::SeqCst);
    }
}

/// Something changed: recompute and publish after the debounce.
pub fn schedule(state: &Arc<State>) {
    schedule_after(state, DEBOUNCE);
}

/// [`schedule`] after `quiet` instead of the usual debounce.
pub fn schedule_after(state: &Arc<State>, quiet: Duration) {
    let gen = state.claims.generation.fetch_add(1, Ordering::SeqCst) + 1;
    if state.claims.client.get().is_none() {
        return;
    }
    let st = state.clone();
    tokio::spawn(async move {
        tokio::time::sleep(quiet).await;
        if is_latest(&st, gen) {
            run(st, gen).await;
        }
    });
}

fn is_latest(state: &State, gen: u64) -> bool {
    state.claims.generation.load(Ordering::SeqCst) == gen
}

async fn run(state: Arc<State>, gen: u64) {
    let mut published = state.claims.published.lock().await;
    if !is_latest(&state, gen) {
        return;
    }
    let mut attempt = 0;
    let batch = loop {
        analysis::wait_fresh(&state, None).await;
        // The open documents first: what the user looks at is published
        // without waiting for the rest of the folder.
        let st = state.clone();
        let job = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| collect_open(&st)))
        });
        if let (Ok(Ok(open)), Some(client)) = (job.await, state.claims.client.get()) {
            if !is_latest(&state, gen) {
                return;
            }
            for (uri, diags, version) in diff_some(&mut published, open) {
                client.publish_diagnostics(uri, diags, version).await;
            }
        }
        // Then every file, given up as soon as a newer change comes in
        // (its run will do it): typing costs the open files only.
        let st = state.clone();
        let job = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| {
                collect_while(&st, &|| is_latest(&st, gen))
            }))
        });
        let batch = match job.await {
            Ok(Ok(Some(b))) => b,
            Ok(Ok(None)) => return,
            _ => {
                tracing::error!("computing diagnostics failed");
                return;
            }
        };
        if !is_latest(&state, gen) {
            return;
        }
        attempt += 1;
        if batch.stale.is_empty() || attempt > STALE_RETRIES {
            break batch;
        }
    };
    let Some(client) = state.claims.client.get() else {
        return;
    };
    let sent = diff(&mut published, batch);
    let changed = !sent.is_empty();
    for (uri, diags, version) in sent {
        client.publish_diagnostics(uri, diags, version).await;
    }
    // The run over every file is the last work an edit starts: what it
    // and the builds before it freed goes back to the system.
    crate::analysis::freed_memory::give_back();
    if changed && state.claims.lens_refresh.load(Ordering::SeqCst) {
        // A client request: awaited in its own task, under a timeout.
        let client = client.clone();
        tokio::spawn(async move {
            let r = tokio::time::timeout(CLIENT_TIMEOUT, client.code_lens_refresh()).await;
            if !matches!(r, Ok(Ok(()))) {
                tracing::debug!("workspace/codeLens/refresh failed or timed out");
            }
        });
    }
}

/// One file's diagnostics as they would be published. Cheap to clone:
/// the list is shared between the batch being published and the run's
/// results kept for the next run (a folder's lists, copied twice per run,
/// were tens of megabytes held at the peak of every run).
#[derive(Clone)]
pub struct Item {
    pub path: PathBuf,
    pub uri: Uri,
    pub version: Option<i32>,
    pub diags: Arc<Vec<Diagnostic>>,
}

impl Item {
    /// The list to send: taken when nothing else holds it, copied
    /// otherwise (only lists that changed are sent).
    fn into_sent(self) -> (Uri, Vec<Diagnostic>, Option<i32>) {
        let diags = Arc::try_unwrap(self.diags).unwrap_or_else(|d| (*d).clone());
        (self.uri, diags, self.version)
    }
}

#[derive(Default)]
pub struct Batch {
    pub items: Vec<Item>,
    /// Files whose buffer moved past the analysed text: left as they are
    /// (a newer run is already scheduled).
    pub stale: Vec<PathBuf>,
}

fn hash_of(version: Option<i32>, diags: &[Diagnostic]) -> u64 {
    let mut h = HashWriter(DefaultHasher::new());
    version.hash(&mut h.0);
    // Streamed into the hasher: no JSON string per file per run.
    let _ = serde_json::to_writer(&mut h, diags);
    h.0.finish()
}

/// Feeds what is written to a hasher.
struct HashWriter(DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What to send of some files' diagnostics (the others left as they
/// are): those that changed.
pub fn diff_some(
    published: &mut Published,
    batch: Batch,
) -> Vec<(Uri, Vec<Diagnostic>, Option<i32>)> {
    let mut out = Vec::new();
    for it in batch.items {
        let h = hash_of(it.version, &it.diags);
        if published.get(&it.path).map(|(h, _)| *h) != Some(h) {
            published.insert(it.path.clone(), (h, it.uri.clone()));
            out.push(it.into_sent());
        }
    }
    out
}

/// What to send: changed files, and empty lists for files that are gone.
pub fn diff(published: &mut Published, batch: Batch) -> Vec<(Uri, Vec<Diagnostic>, Option<i32>)> {
    let mut out = Vec::new();
    let mut present: HashSet<PathBuf> = batch.stale.into_iter().collect();
    for it in batch.items {
        let h = hash_of(it.version, &it.diags);
        let path = it.path.clone();
        if published.get(&it.path).map(|(h, _)| *h) != Some(h) {
            published.insert(it.path.clone(), (h, it.uri.clone()));
            out.push(it.into_sent());
        }
        present.insert(path);
    }
    let gone: Vec<PathBuf> = published
        .keys()
        .filter(|p| !present.contains(*p))
        .cloned()
        .collect();
    for p in gone {
        if let Some((_, uri)) = published.remove(&p) {
            out.push((uri, Vec::new(), None));
        }
    }
    out
}

/// (uri as spelled by the client, version, text) of open documents.
type OpenDocs = HashMap<PathBuf, (Uri, i32, Arc<str>)>;

fn open_docs(state: &State) -> (OpenDocs, Vec<(PathBuf, Uri)>) {
    let open: OpenDocs = lock(&state.docs)
        .iter()
        .filter_map(|(p, d)| {
            Some((
                p.clone(),
                (super::state::doc_uri(d)?, d.version, d.text.clone()),
            ))
        })
        .collect();
    let open_uris: Vec<(PathBuf, Uri)> = open
        .iter()
        .map(|(p, (u, _, _))| (p.clone(), u.clone()))
        .collect();
    (open, open_uris)
}

/// The diagnostics of the open documents only (up to date ones).
pub fn collect_open(state: &State) -> Batch {
    let enc = state.config().encoding;
    let settings = lock(&state.settings).clone();
    let (open, open_uris) = open_docs(state);
    let roots = lock(&state.workspaces).roots();
    let mut batch = Batch::default();
    let mut done: Vec<Computed> = Vec::new();
    for path in open.keys() {
        let Some(snap) = lock(&state.workspaces).snapshot_for(path) else {
            continue;
        };
        let Some(file) = snap.file_id(path) else {
            continue;
        };
        let root = snap.root.clone().filter(|r| roots.contains(r));
        let config = settings.effective(root.as_deref());
        let ctx = SnapCtx {
            state,
            snap: &snap,
            config: &config,
            open: &open,
        };
        let mut loc = Locator::new(&snap, enc, &open_uris);
        let diags = ide_diags::compute(&snap, &config, file);
        let before = batch.items.len();
        file_item(&ctx, &mut loc, file, diags, &mut batch);
        if batch.items.len() > before {
            done.push(Computed {
                snap: Arc::downgrade(&snap),
                config,
                items: batch.items[before..].to_vec(),
                mark: None,
            });
        }
    }
    *lock(&state.claims.open_computed) = done;
    batch.stale.clear();
    batch
}

/// The item [`collect_open`] made for `file` of `ctx.snap` under the same
/// configuration, when the buffer is still at that version.
fn computed_open_item(ctx: &SnapCtx, file: u32) -> Option<Item> {
    let f = ctx.snap.file(file);
    let (_, version, text) = ctx.open.get(&f.path)?;
    if !(Arc::ptr_eq(text, &f.text) || **text == *f.text) {
        return None;
    }
    let done = lock(&ctx.state.claims.open_computed);
    done.iter()
        .filter(|c| std::ptr::eq(c.snap.as_ptr(), ctx.snap) && c.config == *ctx.config)
        .flat_map(|c| c.items.iter())
        .find(|it| it.path == f.path && it.version == Some(*version))
        .cloned()
}

/// The diagnostics of every file of every workspace, plus those of invalid
/// configuration files. Takes the locks briefly; computes without them.
pub fn collect(state: &State) -> Batch {
    collect_while(state, &|| true).unwrap_or_default()
}

/// [`collect`], given up (`None`) as soon as `go_on` says so.
pub fn collect_while(state: &State, go_on: &dyn Fn() -> bool) -> Option<Batch> {
    let enc = state.config().encoding;
    let settings = lock(&state.settings).clone();
    let (roots, snaps) = {
        let mut ws = lock(&state.workspaces);
        (ws.roots(), ws.snapshots())
    };
    let (open, open_uris) = open_docs(state);
    let mut batch = Batch::default();
    let previous = std::mem::take(&mut *lock(&state.claims.computed));
    let mut computed = Vec::with_capacity(snaps.len());
    for snap in snaps {
        // What the run computed of this snapshot, to be stored (or the
        // index built) once its items are kept.
        let mut raw_kept = Vec::new();
        // Folder snapshots have the folder as root; loose ones do not.
        let root = snap
            .root
            .as_deref()
            .filter(|r| roots.iter().any(|x| x == r));
        let config = settings.effective(root);
        // A new text or a reloaded file means a new snapshot, so an
        // unchanged one with the same configuration has the same results.
        let reused = previous.iter().find(|c| {
            std::sync::Weak::ptr_eq(&c.snap, &Arc::downgrade(&snap)) && c.config == config
        });
        let items = match reused {
            Some(c) => c.items.clone(),
            None => {
                let mut one = Batch::default();
                let ctx = SnapCtx {
                    state,
                    snap: &snap,
                    config: &config,
                    open: &open,
                };
                // After an edit: the files the claims index's patches
                // found changed since the last run over this folder; the
                // others keep that run's items.
                let since = previous.iter().find_map(|c| {
                    let m = c
                        .mark
                        .as_ref()
                        .filter(|m| m.root() == snap.root.as_deref())?;
                    let changed = state.diagnostics_changed(m, &snap, &config)?;
                    Some(Since {
                        changed,
                        items: &c.items,
                    })
                });
                if let Some(s) = &since {
                    tracing::debug!(
                        "diagnostics: {} of {} files computed again",
                        s.changed.len(),
                        snap.files.len()
                    );
                }
                let mut raw = Vec::new();
                let run = Run {
                    enc,
                    open_uris: &open_uris,
                    since: since.as_ref(),
                    go_on,
                };
                if !collect_snapshot(&ctx, &run, &mut one, &mut raw) {
                    // Given up for a newer change: its run starts from
                    // the last complete one.
                    drop(since);
                    let mut kept = lock(&state.claims.computed);
                    if kept.is_empty() {
                        *kept = previous;
                    }
                    return None;
                }
                raw_kept = raw;
                if !one.stale.is_empty() {
                    // not reusable: the next run must look again
                    batch.stale.extend(one.stale);
                    batch.items.extend(one.items);
                    continue;
                }
                one.items
            }
        };
        batch.items.extend(items.iter().cloned());
        let mark = match reused {
            Some(c) => c.mark.clone(),
            None => {
                let mark = state.diagnostics_mark(&snap, &config);
                keep_or_build(&snap, &config, std::mem::take(&mut raw_kept), &mark);
                Some(mark)
            }
        };
        computed.push(Computed {
            snap: Arc::downgrade(&snap),
            config,
            items,
            mark,
        });
    }
    *lock(&state.claims.computed) = computed;
    for (root, err) in settings.errors() {
        if !roots.contains(&root) {
            continue;
        }
        let path = root.join(CONFIG_PATH);
        let (uri, version, text) = match open.get(&path) {
            Some((u, v, t)) => (Some(u.clone()), Some(*v), t.to_string()),
            None => (
                path_to_uri(&path),
                None,
                crate::config::Config::read_file(&root, state.scan().follow_links)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            ),
        };
        if let Some(uri) = uri {
            batch.items.push(Item {
                path,
                uri,
                version,
                diags: Arc::new(vec![config_diagnostic(&text, &err, enc)]),
            });
        }
    }
    Some(batch)
}

/// What the diagnostics of one snapshot's files are made with.
struct SnapCtx<'a> {
    state: &'a State,
    snap: &'a Snapshot,
    config: &'a Config,
    open: &'a OpenDocs,
}

/// The last run over a folder, for one over a later snapshot of it.
struct Since<'a> {
    /// The files whose diagnostics may differ (sorted).
    changed: Vec<FileId>,
    /// That run's items.
    items: &'a [Item],
}

/// How one run over a snapshot goes.
struct Run<'a> {
    enc: Encoding,
    open_uris: &'a [(PathBuf, Uri)],
    /// Recompute only what changed since this run.
    since: Option<&'a Since<'a>>,
    /// Whether to go on (checked every few files).
    go_on: &'a dyn Fn() -> bool,
}

/// Every file of `ctx.snap` into `batch`, and each file's diagnostics as
/// computed into `raw` (before the annotations settle them); false (and
/// given up) as soon as `run.go_on` says so. With `run.since`, the files
/// that did not change since that run (and are not open) keep its items.
fn collect_snapshot(
    ctx: &SnapCtx,
    run: &Run,
    batch: &mut Batch,
    raw: &mut Vec<(u32, Vec<ide_diags::Diagnostic>)>,
) -> bool {
    let (enc, open_uris, go_on) = (run.enc, run.open_uris, run.go_on);
    let kept: HashMap<&std::path::Path, &Item> = run
        .since
        .map(|s| s.items.iter().map(|it| (it.path.as_path(), it)).collect())
        .unwrap_or_default();
    let unchanged = |file: FileId| {
        let s = run.since?;
        if s.changed.binary_search(&file).is_ok() {
            return None;
        }
        let path = &ctx.snap.file(file).path;
        if ctx.open.contains_key(path) {
            return None;
        }
        kept.get(path.as_path()).map(|it| (*it).clone())
    };
    let mut loc = Locator::new(ctx.snap, enc, open_uris);
    // A warm restart's stored diagnostics, read in one go (a query per
    // file was most of a restart's first run over the folder).
    let mut stored = crate::ide::diagnostics_store::stored_all(ctx.snap, ctx.config);
    let mut compute = |file: u32| {
        stored
            .as_mut()
            .and_then(|s| s.get_mut(file as usize)?.take())
            .unwrap_or_else(|| ide_diags::compute(ctx.snap, ctx.config, file))
    };
    // The diagnostics as computed are kept only to be stored, which is
    // done only for a folder state a restart can see (after an edit, the
    // edited buffer's is not): no copy of every file's list otherwise.
    let keep_raw = ctx.snap.stored_state().is_some();
    for file in 0..ctx.snap.files.len() as u32 {
        if file % 64 == 0 && !go_on() {
            return false;
        }
        if let Some(it) = unchanged(file) {
            batch.items.push(it);
            continue;
        }
        if let Some(it) = computed_open_item(ctx, file) {
            batch.items.push(it);
            if keep_raw {
                raw.push((file, compute(file)));
            }
            continue;
        }
        let diags = compute(file);
        if keep_raw {
            raw.push((file, diags.clone()));
        }
        file_item(ctx, &mut loc, file, diags, batch);
    }
    true
}

/// After a run over every file of `snap`: diagnostics computed from its
/// claims index are stored for a restart on the same folder state; when
/// they were all read back from the store instead, the claims index is
/// built now, in the background, for what reads it next (an edit's
/// diagnostics start from it). Neither holds up publishing.
fn keep_or_build(
    snap: &Arc<Snapshot>,
    config: &Config,
    raw: Vec<(u32, Vec<ide_diags::Diagnostic>)>,
    mark: &Mark,
) {
    let (snap, config, mark) = (snap.clone(), config.clone(), mark.clone());
    if snap.claims_ready() {
        if snap.stored_state().is_some() {
            rayon::spawn(move || {
                crate::ide::diagnostics_store::store_all(&snap, &config, &raw);
            });
        }
    } else {
        // On a thread of its own, not on the rayon pool: it waits for its
        // turn behind a build under way instead of building the same index
        // again (a rayon worker never waits, see `analysis::claims_turns`).
        let spawned = std::thread::Builder::new()
            .name("claims-index".into())
            .spawn(move || {
                snap.claims();
                // The diagnostics read back are this index's: the next
                // run recomputes only what changed since.
                mark.index_built(&snap);
            });
        if let Err(e) = spawned {
            tracing::warn!("could not start the claims index build: {e}");
        }
    }
}

/// One file's diagnostics as published, into `batch` (or the file into
/// `batch.stale` when its buffer moved past its analysis).
fn file_item(
    ctx: &SnapCtx,
    loc: &mut Locator<'_>,
    file: u32,
    diags: Vec<ide_diags::Diagnostic>,
    batch: &mut Batch,
) {
    let (state, snap, open) = (ctx.state, ctx.snap, ctx.open);
    let f = snap.file(file);
    let version = match open.get(&f.path) {
        Some((_, v, text)) if Arc::ptr_eq(text, &f.text) || **text == *f.text => Some(*v),
        Some(_) => {
            batch.stale.push(f.path.clone());
            return;
        }
        None => None,
    };
    let Some(uri) = loc.uri(file) else { return };
    // What people decided settles some diagnostics (verified claims,
    // dismissals) and adds others (kb-conflict, disputed claims,
    // orphaned annotations).
    let mut diags = diags;
    super::annotations::filter_source_diagnostics(state, snap, file, &mut diags);
    let mut diags: Vec<Diagnostic> = diags.iter().map(|d| to_lsp(d, file, loc)).collect();
    for n in super::annotations::annotation_notes(state, snap, file) {
        if n.severity == Severity::Off {
            continue;
        }
        diags.push(Diagnostic {
            range: loc.range(crate::ide::FileRange {
                file,
                start: n.start,
                end: n.end,
            }),
            severity: Some(severity(n.severity)),
            code: Some(NumberOrString::String(n.code.to_string())),
            source: Some(ide_diags::SOURCE.to_string()),
            message: n.message,
            ..Default::default()
        });
    }
    if lock(&state.workspaces).is_outside(&f.path) {
        let target = std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone());
        let first_line = f.text.find(['\n', '\r']).unwrap_or(f.text.len());
        diags.insert(
                0,
                Diagnostic {
                    range: loc.range(crate::ide::FileRange {
                        file,
                        start: 0,
                        end: first_line,
                    }),
                    severity: Some(DiagnosticSeverity::INFORMATION),
                    code: Some(NumberOrString::String(OUTSIDE_WORKSPACE.to_string())),
                    source: Some(ide_diags::SOURCE.to_string()),
                    message: format!(
                        "This file escapes the workspace folder (it leads to {}): it is analysed on its own, not with the folder (setting followSymlinks)",
                        target.display()
                    ),
                    ..Default::default()
                },
            );
    }
    batch.items.push(Item {
        path: f.path.clone(),
        uri,
        version,
        diags: Arc::new(diags),
    });
}

/// Code of the note on an open file that resolves outside its folder.
pub const OUTSIDE_WORKSPACE: &str = "path-escapes-workspace";

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        // `off` never reaches here: such diagnostics are not computed
        Severity::Hint | Severity::Off => DiagnosticSeverity::HINT,
    }
}

fn to_lsp(d: &ide_diags::Diagnostic, file: u32, loc: &mut Locator<'_>) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let location = loc.location(FileRange {
                file: r.file,
                start: r.start,
                end: r.end,
            })?;
            Some(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect();
    Diagnostic {
        range: loc.range(FileRange {
            file,
            start: d.start,
            end: d.end,
        }),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// An error at `err`'s 1-based line and character column, one character
/// wide (zero at the end of a line).
pub fn config_diagnostic(text: &str, err: &ConfigError, enc: Encoding) -> Diagnostic {
    let rope = Rope::from_str(text);
    let r = err.byte_range(text);
    Diagnostic {
        range: Range::new(
            offset_to_position(&rope, r.start, enc),
            offset_to_position(&rope, r.end, enc),
        ),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(INVALID_CONFIG.to_string())),
        source: Some(SOURCE.to_string()),
        message: err.describe(),
        ..Default::default()
    }
}

#[cfg(test)]
#[path = "diagnostics_tests.rs"]
mod tests;
