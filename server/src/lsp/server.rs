//! The `LanguageServer` implementation: thin.
//!
//! - Notifications apply buffer changes synchronously, before any
//!   `.await`, so edits and the requests after them stay in order; the
//!   analysis of the new text runs off the loop (`lsp::analysis`).
//! - Requests wait for their document's analysis to catch up, take a
//!   snapshot under the locks, and compute without them, behind
//!   `catch_unwind`.
//! - Client requests (progress tokens, registrations) are only awaited in
//!   spawned tasks under timeouts (`lsp::indexing`).
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::ls_types::*;
use tower_lsp::{Client, LanguageServer};

use super::convert::{uri_to_doc_path, uri_to_path};
use super::diagnostics;
use super::documents::{apply_changes, Document};
use super::handlers;
use super::indexing;
use super::init::{
    cache_setting, capabilities, config_from, follow_symlinks, max_file_size, workspace_roots,
};
use super::lens;
use super::state::{lock, wait_ready, FileCtx, State};
use super::{annotations, code_actions, commands, kb_files};
use crate::engine::ops::{Mode, Touched};
use crate::engine::workspaces::Workspaces;

/// Most workspace symbols answered at once.
const WORKSPACE_SYMBOL_LIMIT: usize = 128;

pub struct Backend {
    pub(crate) client: Client,
    pub(crate) state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, state: Arc<State>) -> Backend {
        state.claims.set_client(client.clone());
        Backend { client, state }
    }

    /// Run a request about one file, once its analysis caught up with its
    /// text: `None` when no host knows the file. The snapshot is taken and
    /// the feature computed off the message loop ([`off_loop`]).
    async fn on_file<T: Send + 'static>(
        &self,
        what: &'static str,
        uri: &Uri,
        f: impl FnOnce(&FileCtx) -> Result<Option<T>> + Send + 'static,
    ) -> Result<Option<T>> {
        let path = uri_to_doc_path(uri);
        wait_ready(&self.state, Some(&path)).await;
        let state = self.state.clone();
        off_loop(what, move || match state.file_ctx(&path) {
            // The buffer moved past its analysis (which could not catch up
            // in time): an answer would carry ranges of another text.
            Some(ctx) if ctx.is_stale() => Err(Error::content_modified()),
            Some(ctx) => f(&ctx),
            None => Ok(None),
        })
        .await
    }

    /// After a buffer change: an annotation file's folder reloads its
    /// annotations after a quiet spell (publishing findings and then the
    /// diagnostics); anything else reschedules the diagnostics.
    fn after_change(&self, touched: Result<Touched>) {
        self.after_change_quiet(touched, diagnostics::DEBOUNCE);
    }

    /// [`Self::after_change`], with diagnostics after `quiet`.
    fn after_change_quiet(&self, touched: Result<Touched>, quiet: std::time::Duration) {
        match touched {
            Ok(Touched::Annotations(root)) => {
                annotations::schedule_reload(&self.state, &self.client, root)
            }
            _ => diagnostics::schedule_after(&self.state, quiet),
        }
    }

    /// Stands in for a message that was not JSON (see `transport`).
    pub async fn parse_error(&self) -> Result<()> {
        Err(Error::parse_error())
    }

    /// Stands in for JSON that was not a JSON-RPC message.
    pub async fn invalid_request(&self) -> Result<()> {
        Err(Error::invalid_request())
    }

    /// Stands in for a request for a `$/` method this server lacks.
    pub async fn method_not_found(&self) -> Result<()> {
        Err(Error::method_not_found())
    }
}

/// Run `f` on a blocking thread, [`guarded`], and await its answer.
///
/// Taking a snapshot may relink the folder, and a claims feature waits
/// for the claims index, which can take seconds after an edit or a
/// restart. All request futures are polled by one task of the message
/// loop (tower-lsp's `buffer_unordered`): a feature computed there would
/// hold up every other request, and reading the input, for as long.
/// Order is kept because the caller has already waited for its document's
/// analysis; a cancelled request drops the answer when it comes (the
/// work runs to its end: the index it built serves the next request).
pub(crate) async fn off_loop<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(move || guarded(what, f))
        .await
        .unwrap_or_else(|_| Err(internal_error(what)))
}

fn internal_error(what: &'static str) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: format!("crosscheck: internal error while answering {what}").into(),
        data: None,
    }
}

/// A panic in a feature becomes an error response, not a dead server.
fn guarded<T>(what: &'static str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        tracing::error!("panic while answering {what}");
        Err(internal_error(what))
    })
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let cfg = config_from(&params);
        let roots = workspace_roots(&params);
        tracing::info!(
            "initialize: {} folder(s), position encoding {:?}",
            roots.len(),
            cfg.encoding
        );
        *lock(&self.state.workspaces) = Workspaces::new(roots);
        self.state.set_scan(cfg.scan.clone());
        if let Some(opts) = &params.initialization_options {
            self.state.client_settings_changed(opts);
            if cache_setting(opts) == Some(false) {
                self.state.use_cache(false, None);
            }
        }
        let lens_refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false);
        self.state.claims.set_lens_refresh(lens_refresh);
        lock(&self.state.annot_publish).edits = annotations::EditCaps::of(&params);
        let caps = capabilities(&cfg);
        *lock(&self.state.config) = cfg;
        Ok(InitializeResult {
            capabilities: caps,
            server_info: Some(ServerInfo {
                name: "crosscheck".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Spawned: these await client answers, which must not happen
        // inline in a notification handler.
        tokio::spawn(indexing::index_all(self.state.clone(), self.client.clone()));
        if self.state.config().watch_dynamic {
            tokio::spawn(indexing::register_watchers(self.client.clone()));
            tokio::spawn(annotations::register_watcher(self.client.clone()));
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let path = uri_to_doc_path(&doc.uri);
        let d = Document::new(doc.uri.as_str(), doc.version, &doc.text);
        let touched = guarded("didOpen", || {
            Ok(self.state.engine.open_buffer(&path, d, Mode::Background))
        });
        self.after_change_quiet(touched, diagnostics::OPEN_DEBOUNCE);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let path = uri_to_doc_path(&params.text_document.uri);
        let enc = self.state.config().encoding;
        let version = params.text_document.version;
        let changes = &params.content_changes;
        let touched = guarded("didChange", || {
            let edit = |d: &mut Document| apply_changes(d, version, changes, enc);
            Ok(self.state.engine.edit_buffer(&path, edit, Mode::Background))
        });
        if matches!(touched, Ok(Touched::Nothing)) {
            tracing::warn!(
                "didChange for a document that is not open: {}",
                path.display()
            );
        }
        self.after_change(touched);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let path = uri_to_doc_path(&params.text_document.uri);
        // Folder files go back to their text on disk (re-read off the
        // loop); loose files are dropped with their diagnostics.
        let touched = guarded("didClose", || {
            Ok(self.state.engine.close_buffer(&path, Mode::Background))
        });
        self.after_change(touched);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        // One batch at a time, in arrival order; reading and analysing run
        // off the loop.
        let _in_order = self.state.file_events.lock().await;
        let engine = self.state.engine.clone();
        let job = tokio::task::spawn_blocking(move || {
            guarded("didChangeWatchedFiles", || {
                let changes: Vec<(PathBuf, bool)> = params
                    .changes
                    .iter()
                    .filter_map(|e| Some((uri_to_path(&e.uri)?, e.typ == FileChangeType::DELETED)))
                    .collect();
                Ok(engine.files_changed(&changes, Mode::Background))
            })
        });
        let (roots, logs) = match job.await {
            Ok(Ok(x)) => x,
            _ => Default::default(),
        };
        for r in roots {
            annotations::schedule_reload(&self.state, &self.client, r);
        }
        for msg in logs {
            tracing::warn!("{msg}");
            self.client.log_message(MessageType::WARNING, msg).await;
        }
        diagnostics::schedule(&self.state);
        indexing::send_status(&self.client, &self.state, "ready").await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Applies to files read from now on; already indexed ones stay.
        if let Some(n) = max_file_size(&params.settings) {
            lock(&self.state.scan).max_file_size = n;
        }
        if let Some(b) = follow_symlinks(&params.settings) {
            lock(&self.state.scan).follow_links = b;
        }
        // Pull-model clients send no settings here: keep what we have.
        if !params.settings.is_null() {
            let _ = guarded("didChangeConfiguration", || {
                self.state.client_settings_changed(&params.settings);
                Ok(())
            });
            diagnostics::schedule(&self.state);
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let ev = params.event;
        let removed: Vec<PathBuf> = ev
            .removed
            .iter()
            .filter_map(|f| uri_to_path(&f.uri))
            .collect();
        let added: Vec<PathBuf> = ev
            .added
            .iter()
            .filter_map(|f| uri_to_path(&f.uri))
            .collect();
        let rescan = guarded("didChangeWorkspaceFolders", || {
            let mut docs = lock(&self.state.docs);
            let mut ws = lock(&self.state.workspaces);
            let mut rescan: Vec<PathBuf> = Vec::new();
            for r in &removed {
                rescan.extend(ws.remove_folder(r));
                lock(&self.state.settings).remove_folder(r);
            }
            for r in &added {
                if ws.add_folder(r.clone()) {
                    rescan.push(r.clone());
                }
            }
            // Open documents follow their folder (or become loose files):
            // those the new routing lacks are analysed again.
            let lost: Vec<PathBuf> = docs
                .iter()
                .filter(|(p, d)| {
                    !ws.source_file(p)
                        .is_some_and(|f| Arc::ptr_eq(&f.text, &d.text))
                })
                .map(|(p, _)| p.clone())
                .collect();
            drop(ws);
            for p in lost {
                self.state.engine.schedule_analysis(&mut docs, &p);
            }
            rescan.sort();
            rescan.dedup();
            Ok(rescan)
        })
        .unwrap_or_default();
        tokio::spawn(indexing::index_roots(
            self.state.clone(),
            self.client.clone(),
            rescan,
        ));
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let path = uri_to_doc_path(&p.text_document.uri);
        if self.state.annotation_root(&path).is_some() {
            let state = self.state.clone();
            return off_loop("hover", move || {
                Ok(kb_files::hover(&state, &path, p.position))
            })
            .await;
        }
        self.on_file("hover", &p.text_document.uri, move |ctx| {
            handlers::hover(ctx, p.position)
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let path = uri_to_doc_path(&p.text_document.uri);
        if self.state.annotation_root(&path).is_some() {
            let state = self.state.clone();
            return off_loop("definition", move || {
                Ok(kb_files::definition(&state, &path, p.position))
            })
            .await;
        }
        self.on_file("definition", &p.text_document.uri, move |ctx| {
            handlers::definition(ctx, p.position)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let decl = params.context.include_declaration;
        self.on_file("references", &p.text_document.uri, move |ctx| {
            handlers::references(ctx, p.position, decl)
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        self.on_file("documentHighlight", &p.text_document.uri, move |ctx| {
            handlers::highlight(ctx, p.position)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.on_file("documentSymbol", &params.text_document.uri, |ctx| {
            Ok(handlers::document_symbols(ctx))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        wait_ready(&self.state, None).await;
        let state = self.state.clone();
        off_loop("workspace/symbol", move || {
            let enc = state.config().encoding;
            let open = state.open_uris();
            let snaps = lock(&state.workspaces).snapshots();
            let snaps: Vec<_> = snaps
                .into_iter()
                .map(|s| {
                    let stale = state.stale_in(&s);
                    (s, stale)
                })
                .collect();
            let syms = handlers::workspace_symbols(
                &snaps,
                &params.query,
                enc,
                &open,
                WORKSPACE_SYMBOL_LIMIT,
            );
            Ok(Some(WorkspaceSymbolResponse::Flat(syms)))
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let target = uri.clone();
        self.on_file("codeLens", &uri, move |ctx| {
            Ok(lens::code_lens(ctx, &target))
        })
        .await
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        // The lens summary is answered here; every other command edits
        // annotations (`lsp::commands`).
        if params.command == lens::SHOW_FILE_SUMMARY {
            let uri = lens::summary_target(&params)?;
            return self.on_file("executeCommand", &uri, lens::summary).await;
        }
        commands::execute(&self.state, &self.client, params).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.on_file("semanticTokens/full", &params.text_document.uri, |ctx| {
            Ok(Some(SemanticTokensResult::Tokens(
                handlers::semantic_tokens(ctx, None),
            )))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let state = self.state.clone();
        self.on_file("codeAction", &uri, move |ctx| {
            Ok(code_actions::answer(&state, ctx, &params))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let path = uri_to_doc_path(&p.text_document.uri);
        let state = self.state.clone();
        off_loop("completion", move || {
            Ok(kb_files::completion(&state, &path, p.position))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        commands::prepare_rename(&self.state, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        commands::rename(&self.state, &self.client, params).await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let uri = params.text_document.uri.clone();
        self.on_file("semanticTokens/range", &uri, move |ctx| {
            Ok(Some(SemanticTokensRangeResult::Tokens(
                handlers::semantic_tokens(ctx, Some(params.range)),
            )))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let r: Result<()> = guarded("hover", || panic!("boom"));
        let e = r.unwrap_err();
        assert_eq!(e.code, ErrorCode::InternalError);
        assert!(e.message.contains("hover"));
        assert_eq!(guarded("hover", || Ok(3)).unwrap(), 3);
    }
}
