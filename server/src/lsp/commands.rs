//! `workspace/executeCommand` and rename: every change to `.crosscheck/`
//! files goes to the client as one `workspace/applyEdit` (so it lands in
//! open buffers and undo works), or, for clients without it, is written by
//! the server with the atomic writer that refuses files changed on disk.
//!
//! Edits are computed against a fresh load of the folder's annotations
//! with open buffers in place of their files: unsaved edits in an open
//! `.crosscheck/` buffer are kept, and the edit carries that buffer's
//! version.
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ropey::Rope;
use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::ls_types::*;
use tower_lsp::Client;

use super::annotations::schedule_reload;
use super::convert::{path_to_uri, range_from_lsp, range_to_lsp, uri_to_doc_path, Encoding};
use super::server::off_loop;
use super::state::{lock, State};
use crate::analysis::Snapshot;
use crate::annotations::edit::{self, FileChange, MetadataPatch};
use crate::annotations::model::Evidence;
use crate::annotations::AnnotationSet;

pub const LINK: &str = "crosscheck.linkMention";
pub const CREATE: &str = "crosscheck.createEntity";
pub const ALIAS: &str = "crosscheck.addAlias";
pub const NOT_ENTITY: &str = "crosscheck.markNotEntity";
pub const MERGE: &str = "crosscheck.mergeEntities";
pub const CLAIM: &str = "crosscheck.setClaimStatus";
pub const DISMISS: &str = "crosscheck.dismissDiagnostic";
pub const METADATA: &str = "crosscheck.setMetadata";
pub const REATTACH: &str = "crosscheck.reattach";
pub const COMMANDS: [&str; 9] = [
    LINK, CREATE, ALIAS, NOT_ENTITY, MERGE, CLAIM, DISMISS, METADATA, REATTACH,
];

const APPLY_TIMEOUT: Duration = Duration::from_secs(30);

/// Capabilities of this module (called from `server::capabilities`).
pub fn extend_capabilities(caps: &mut ServerCapabilities) {
    caps.code_action_provider = Some(CodeActionProviderCapability::Simple(true));
    // Added to the commands other modules declared (the lens summary).
    let mut commands: Vec<String> = caps
        .execute_command_provider
        .take()
        .map(|o| o.commands)
        .unwrap_or_default();
    commands.extend(COMMANDS.iter().map(|c| c.to_string()));
    caps.execute_command_provider = Some(ExecuteCommandOptions {
        commands,
        work_done_progress_options: Default::default(),
    });
    // Completion serves `.crosscheck/` files (entity ids, types, kinds).
    caps.completion_provider = Some(CompletionOptions {
        trigger_characters: Some(vec!["\"".into(), ":".into()]),
        ..Default::default()
    });
    caps.rename_provider = Some(OneOf::Right(RenameOptions {
        prepare_provider: Some(true),
        work_done_progress_options: Default::default(),
    }));
}

/// The one argument every command takes (fields as each needs them).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Args {
    pub uri: Option<Uri>,
    pub range: Option<Range>,
    /// Several claims at once (`setClaimStatus` on the claims resting on
    /// one anonymous source); used instead of `range` when given.
    pub ranges: Option<Vec<Range>>,
    pub entity: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub alias: Option<String>,
    pub keep: Option<String>,
    pub gone: Option<String>,
    pub status: Option<String>,
    pub evidence: Option<EvidenceArg>,
    pub note: Option<String>,
    pub code: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub id: Option<String>,
}

/// A URL, or the selected span of another source file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EvidenceArg {
    pub url: Option<String>,
    pub uri: Option<Uri>,
    pub range: Option<Range>,
    pub note: Option<String>,
}

fn invalid(m: impl Into<String>) -> Error {
    Error::invalid_params(m.into())
}

/// A source file as the analysis has it: text, folder-relative path, and
/// the byte span of `range` in it.
struct SourceAt {
    rel: String,
    text: Arc<str>,
    span: std::ops::Range<usize>,
    snap: Arc<Snapshot>,
}

fn source_at(state: &State, uri: &Uri, range: Option<Range>) -> Result<SourceAt> {
    let (s, _) = source_spans(state, uri, range, &[])?;
    Ok(s)
}

/// [`source_at`], and the byte spans of more `ranges` of the same file.
fn source_spans(
    state: &State,
    uri: &Uri,
    range: Option<Range>,
    ranges: &[Range],
) -> Result<(SourceAt, Vec<std::ops::Range<usize>>)> {
    let path = uri_to_doc_path(uri);
    let ctx = state.file_ctx(&path).ok_or_else(|| {
        invalid(format!(
            "{} is not a source of a workspace folder",
            uri.as_str()
        ))
    })?;
    if ctx.is_stale() {
        return Err(Error::content_modified());
    }
    let f = ctx.snap.file(ctx.file);
    let span_of = |r: Range| {
        let (a, b) = range_from_lsp(&ctx.rope, r, ctx.enc);
        a..b
    };
    let span = range.map_or(0..0, span_of);
    let spans = ranges.iter().map(|r| span_of(*r)).collect();
    Ok((
        SourceAt {
            rel: f.rel_path.clone(),
            text: f.text.clone(),
            span,
            snap: ctx.snap.clone(),
        },
        spans,
    ))
}

/// The folder of `uri` and a fresh load of its annotations (disk, with
/// open buffers in place of their files).
fn fresh_set(state: &State, uri: &Uri) -> Result<(PathBuf, AnnotationSet)> {
    let path = uri_to_doc_path(uri);
    let (root, _) = state
        .set_for(&path)
        .ok_or_else(|| invalid(format!("{} is not in a workspace folder", uri.as_str())))?;
    let (set, _) = state.load_annotations(&root);
    Ok((root, set))
}

/// The analysis of the folder `root` (entity ids and names).
fn folder_snapshot(state: &State, root: &std::path::Path) -> Result<Arc<Snapshot>> {
    let mut ws = lock(&state.workspaces);
    let i = ws
        .roots()
        .iter()
        .position(|r| r == root)
        .ok_or_else(|| invalid("the folder is no longer open"))?;
    Ok(ws.snapshots()[i].clone())
}

fn lookup(snap: &Snapshot) -> impl Fn(&str) -> Option<(String, String)> + '_ {
    move |id: &str| {
        snap.entity_by_id(id)
            .map(|e| (e.kind.as_str().to_string(), e.canonical.clone()))
    }
}

/// Compute the changes a command asks for.
fn changes_for(state: &State, command: &str, a: &Args) -> Result<(PathBuf, Vec<FileChange>)> {
    let uri = a.uri.as_ref().ok_or_else(|| invalid("missing \"uri\""))?;
    let (root, set) = fresh_set(state, uri)?;
    let need = |o: &Option<String>, what: &str| {
        o.clone()
            .ok_or_else(|| invalid(format!("missing \"{what}\"")))
    };
    let src = || source_at(state, uri, a.range);
    let r = match command {
        LINK => {
            let s = src()?;
            let entity = need(&a.entity, "entity")?;
            // The analysis follows links to KB entities only: an entity
            // known only to the analysis gets its KB entry first.
            let mut out = Vec::new();
            if set.entity(&entity).is_none() {
                let e = s
                    .snap
                    .entity_by_id(&entity)
                    .ok_or_else(|| invalid(format!("no entity \"{entity}\"")))?;
                let look = lookup(&s.snap);
                out = edit::add_alias(&set, &entity, &e.canonical, &look)
                    .map_err(|e| invalid(e.to_string()))?;
            }
            edit::link_mention(&set, &s.rel, &s.text, s.span, &entity).map(|c| {
                out.extend(c);
                out
            })
        }
        CREATE => {
            let s = src()?;
            let kind = need(&a.kind, "kind")?;
            edit::create_entity_from_mention(
                &set,
                &s.rel,
                &s.text,
                s.span,
                &kind,
                a.name.as_deref(),
            )
            .map(|(c, _)| c)
        }
        ALIAS => {
            // From a mention (the alias defaults to its text) or from
            // anywhere in the folder, `.crosscheck/` files included.
            let alias = match (&a.alias, a.range) {
                (Some(x), _) => x.clone(),
                (None, Some(_)) => {
                    let s = src()?;
                    s.text.get(s.span.clone()).unwrap_or("").to_string()
                }
                (None, None) => return Err(invalid("missing \"alias\"")),
            };
            let snap = folder_snapshot(state, &root)?;
            let look = lookup(&snap);
            edit::add_alias(&set, &need(&a.entity, "entity")?, &alias, &look)
        }
        NOT_ENTITY => {
            let s = src()?;
            edit::mark_not_entity(&set, &s.rel, &s.text, s.span)
        }
        MERGE => {
            let snap = folder_snapshot(state, &root)?;
            let (keep, gone) = (need(&a.keep, "keep")?, need(&a.gone, "gone")?);
            let look = lookup(&snap);
            edit::merge_entities(&set, &keep, &gone, &look)
        }
        CLAIM => {
            let (s, spans) = match &a.ranges {
                Some(rs) => source_spans(state, uri, None, rs)?,
                None => {
                    let s = src()?;
                    let span = s.span.clone();
                    (s, vec![span])
                }
            };
            let mut evidence = Vec::new();
            if let Some(e) = &a.evidence {
                if let Some(u) = &e.url {
                    evidence.push(Evidence {
                        url: Some(u.clone()),
                        note: e.note.clone(),
                        ..Default::default()
                    });
                }
                if let Some(u) = &e.uri {
                    let o = source_at(state, u, e.range)?;
                    evidence.push(edit::span_evidence(
                        &o.rel,
                        &o.text,
                        o.span,
                        e.note.as_deref(),
                    ));
                }
            }
            let status = need(&a.status, "status")?;
            edit::set_claims_status(
                &set,
                &s.rel,
                &s.text,
                &spans,
                &status,
                evidence,
                a.note.as_deref(),
            )
        }
        DISMISS => {
            let s = src()?;
            let code = need(&a.code, "code")?;
            edit::dismiss_diagnostic(&set, &s.rel, &s.text, s.span, &code, a.note.as_deref())
        }
        METADATA => {
            let s = src()?;
            let patch = MetadataPatch {
                published: a.published.clone().map(Some),
                outlet: a.outlet.clone().map(Some),
                ..Default::default()
            };
            edit::set_metadata(&set, &s.rel, patch)
        }
        REATTACH => {
            let s = src()?;
            edit::reattach(&set, &s.rel, &need(&a.id, "id")?, &s.text, s.span)
        }
        other => return Err(invalid(format!("unknown command {other}"))),
    };
    r.map(|c| (root, c)).map_err(|e| invalid(e.to_string()))
}

/// The changes as one workspace edit: files created, deleted, or edited
/// (with the buffer version when open).
pub fn workspace_edit(state: &State, changes: &[FileChange], enc: Encoding) -> WorkspaceEdit {
    let docs = lock(&state.docs);
    let mut ops = Vec::new();
    for c in changes {
        let Some(uri) = docs
            .get(&c.path)
            .and_then(super::state::doc_uri)
            .or_else(|| path_to_uri(&c.path))
        else {
            continue;
        };
        if c.delete {
            ops.push(DocumentChangeOperation::Op(ResourceOp::Delete(
                DeleteFile {
                    uri,
                    options: None,
                    annotation_id: None,
                },
            )));
            continue;
        }
        let (version, range, new_text) = if c.creates() && !docs.is_open(&c.path) {
            ops.push(DocumentChangeOperation::Op(ResourceOp::Create(
                CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                },
            )));
            (None, Range::default(), c.new_text.clone())
        } else {
            let rope = Rope::from_str(&c.old_text);
            let r = range_to_lsp(&rope, c.edit.range.start, c.edit.range.end, enc);
            (
                docs.get(&c.path).map(|d| d.version),
                r,
                c.edit.new_text.clone(),
            )
        };
        ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
            edits: vec![OneOf::Left(TextEdit { range, new_text })],
        }));
    }
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    }
}

/// The changes as a plain `changes` map, for clients without
/// `documentChanges` (only edits of existing files get here).
fn plain_edit(state: &State, changes: &[FileChange], enc: Encoding) -> WorkspaceEdit {
    let docs = lock(&state.docs);
    let mut map = std::collections::HashMap::new();
    for c in changes {
        let uri = docs
            .get(&c.path)
            .and_then(super::state::doc_uri)
            .or_else(|| path_to_uri(&c.path));
        if let Some(uri) = uri {
            let rope = Rope::from_str(&c.old_text);
            let range = range_to_lsp(&rope, c.edit.range.start, c.edit.range.end, enc);
            map.insert(
                uri,
                vec![TextEdit {
                    range,
                    new_text: c.edit.new_text.clone(),
                }],
            );
        }
    }
    WorkspaceEdit {
        changes: Some(map),
        ..Default::default()
    }
}

/// Apply `changes`: through the client when it can, else on disk. Never
/// awaited inline: the client's answer is read by the loop this handler
/// runs on.
pub fn apply(
    state: &Arc<State>,
    client: &Client,
    root: PathBuf,
    changes: Vec<FileChange>,
    label: String,
) {
    if changes.is_empty() {
        return;
    }
    let (st, client) = (state.clone(), client.clone());
    // Nothing is written (by us or by the editor) through a link that
    // leads out of the folder, or over something that is not a file.
    let follow_links = state.scan().follow_links;
    let refused: Vec<String> = changes
        .iter()
        .filter_map(|c| {
            crate::workspace::fs::writable_inside(&root, &c.path, follow_links)
                .err()
                .map(|e| format!("{}: {e}", c.path.display()))
        })
        .collect();
    if !refused.is_empty() {
        let msg = format!("crosscheck: {label} not done: {}", refused.join("; "));
        tracing::warn!("{msg}");
        tokio::spawn(async move {
            client.show_message(MessageType::WARNING, msg).await;
        });
        return;
    }
    // Through the client when it can express the whole change: new files
    // need `documentChanges` with `create`; otherwise the server writes.
    let caps = lock(&state.annot_publish).edits;
    let creates = changes.iter().any(|c| c.creates() || c.delete);
    let via_client = caps.apply && (!creates || (caps.document_changes && caps.create));
    let versioned = caps.document_changes;
    tokio::spawn(async move {
        let msg = if via_client {
            let edit = if versioned {
                workspace_edit(&st, &changes, st.config().encoding)
            } else {
                plain_edit(&st, &changes, st.config().encoding)
            };
            match tokio::time::timeout(APPLY_TIMEOUT, client.apply_edit(edit)).await {
                Ok(Ok(r)) if r.applied => None,
                Ok(Ok(r)) => Some(format!(
                    "crosscheck: the editor did not apply \"{label}\"{}",
                    r.failure_reason
                        .map(|f| format!(": {f}"))
                        .unwrap_or_default()
                )),
                Ok(Err(e)) => Some(format!("crosscheck: \"{label}\" failed: {e}")),
                Err(_) => Some(format!("crosscheck: the editor did not answer \"{label}\"")),
            }
        } else {
            let r = root.clone();
            let res = tokio::task::spawn_blocking(move || {
                let scope = crate::annotations::store::Scope {
                    root: &r,
                    follow_links,
                };
                for c in &changes {
                    edit::apply_change(scope, c).map_err(|e| e.to_string())?;
                }
                Ok::<_, String>(changes.len())
            })
            .await;
            Some(match res {
                Ok(Ok(n)) => format!("crosscheck: {label} ({n} file(s) written)"),
                Ok(Err(e)) => format!("crosscheck: {label} not done: {e}"),
                Err(_) => format!("crosscheck: {label} failed"),
            })
        };
        if let Some(m) = msg {
            let typ = if m.contains("not done") || m.contains("failed") || m.contains("did not") {
                MessageType::WARNING
            } else {
                MessageType::INFO
            };
            client.show_message(typ, m).await;
        }
        schedule_reload(&st, &client, root);
    });
}

/// `workspace/executeCommand`. Returns the paths the command changes.
pub async fn execute(
    state: &Arc<State>,
    client: &Client,
    params: ExecuteCommandParams,
) -> Result<Option<Value>> {
    let args: Args = match params.arguments.first() {
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| invalid(e.to_string()))?,
        None => Args::default(),
    };
    if let Some(u) = &args.uri {
        super::state::wait_ready(state, Some(&uri_to_doc_path(u))).await;
    }
    let st = state.clone();
    let cmd = params.command.clone();
    let (root, changes) = tokio::task::spawn_blocking(move || changes_for(&st, &cmd, &args))
        .await
        .map_err(|_| Error::internal_error())??;
    let paths: Vec<String> = changes
        .iter()
        .map(|c| c.path.display().to_string())
        .collect();
    apply(state, client, root, changes, label(&params.command));
    Ok(Some(json!({ "files": paths })))
}

fn label(command: &str) -> String {
    match command {
        LINK => "link mention",
        CREATE => "create entity",
        ALIAS => "add alias",
        NOT_ENTITY => "mark as not an entity",
        MERGE => "merge entities",
        CLAIM => "set claim status",
        DISMISS => "dismiss diagnostic",
        METADATA => "set metadata",
        REATTACH => "re-attach annotation",
        _ => "edit annotations",
    }
    .to_string()
}

/// The mention under `pos` of a source file: its range and entity.
fn mention_at(
    state: &State,
    uri: &Uri,
    pos: Position,
) -> Option<(Range, String, String, Arc<Snapshot>)> {
    let ctx = state
        .file_ctx(&uri_to_doc_path(uri))
        .filter(|c| !c.is_stale())?;
    let off = super::convert::position_to_offset(&ctx.rope, pos, ctx.enc)?;
    let (m, e) = ctx.snap.entity_at(ctx.file, off)?;
    let mm = ctx.snap.mention(m);
    let range = range_to_lsp(&ctx.rope, mm.start, mm.end, ctx.enc);
    Some((range, e.id.clone(), e.canonical.clone(), ctx.snap.clone()))
}

/// prepareRename: the mention's range, and the entity's name to edit (the
/// rename changes the KB, never the source text).
pub async fn prepare_rename(
    state: &Arc<State>,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let path = uri_to_doc_path(&params.text_document.uri);
    super::state::wait_ready(state, Some(&path)).await;
    let state = state.clone();
    off_loop("prepareRename", move || {
        Ok(
            mention_at(&state, &params.text_document.uri, params.position).map(
                |(range, id, name, _)| {
                    let name = state
                        .set_for(&path)
                        .and_then(|(_, s)| s.entity(&id).map(|e| e.name.clone()))
                        .unwrap_or(name);
                    PrepareRenameResponse::RangeWithPlaceholder {
                        range,
                        placeholder: name,
                    }
                },
            ),
        )
    })
    .await
}

pub async fn rename(
    state: &Arc<State>,
    client: &Client,
    params: RenameParams,
) -> Result<Option<WorkspaceEdit>> {
    let p = params.text_document_position;
    let path = uri_to_doc_path(&p.text_document.uri);
    super::state::wait_ready(state, Some(&path)).await;
    let st = state.clone();
    let (root, changes) = off_loop("rename", move || {
        let Some((_, id, _, snap)) = mention_at(&st, &p.text_document.uri, p.position) else {
            return Err(invalid("no entity here to rename"));
        };
        let (root, set) = fresh_set(&st, &p.text_document.uri)?;
        let changes = edit::rename_entity(&set, &id, &params.new_name, &lookup(&snap))
            .map_err(|e| invalid(e.to_string()))?;
        Ok((root, changes))
    })
    .await?;
    // The client applies the returned edit; reload once it did.
    let (st, c) = (state.clone(), client.clone());
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        schedule_reload(&st, &c, root);
    });
    Ok(Some(workspace_edit(
        state,
        &changes,
        state.config().encoding,
    )))
}
