//! The LSP layer: the only place that knows LSP types, URIs and position
//! encodings. Folder state lives in `crate::engine`, features in
//! `crate::ide`; this layer converts, schedules and notifies.
//!
//! - [`convert`]: byte offsets <-> positions (utf-8/16/32), URIs <-> paths;
//! - [`documents`]: protocol edits onto the engine's open buffers;
//! - [`indexing`]: the initial scan's progress and status, file watching;
//! - [`handlers`]: request conversions around the `ide` features;
//! - [`diagnostics`]: debounced claim diagnostics over all files;
//! - [`lens`]: the per-file claim summary lens and its command;
//! - [`annotations`]: `.crosscheck/` reloads scheduled, findings published;
//! - [`code_actions`], [`commands`]: annotation edits through
//!   `workspace/applyEdit` (or written by the server), KB rename;
//! - [`kb_files`]: hover, definition, completion in `.crosscheck/` files;
//! - [`init`]: what `initialize` negotiates (encoding, capabilities, settings);
//! - [`transport`]: keeps one malformed message from ending the session;
//! - [`server`]: the thin `LanguageServer` implementation.
use std::sync::atomic::Ordering;
use std::sync::Arc;

use tower_lsp::{LspService, Server};

pub mod annotations;
pub mod code_actions;
pub mod commands;
pub mod convert;
pub mod diagnostics;
pub mod documents;
pub mod handlers;
pub mod indexing;
pub mod init;
pub mod kb_files;
pub mod lens;
pub mod server;
pub mod state;
pub mod transport;

pub use server::Backend;
pub use state::State;

/// Serve LSP over stdin/stdout until `exit`. Returns the process status:
/// 0 after `shutdown` then `exit`, 1 when `exit` (or end of input) came
/// without `shutdown`, as the specification asks.
pub fn run_stdio() -> i32 {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the async runtime: {e}");
            return 2;
        }
    };
    let state = Arc::new(State::default());
    let st = state.clone();
    rt.block_on(async move {
        let (service, socket) = LspService::build(move |client| Backend::new(client, st))
            .custom_method(transport::PARSE_ERROR_METHOD, Backend::parse_error)
            .custom_method(transport::INVALID_REQUEST_METHOD, Backend::invalid_request)
            .custom_method(
                transport::METHOD_NOT_FOUND_METHOD,
                Backend::method_not_found,
            )
            .custom_method("crosscheck/sourceDiagnostics", Backend::source_diagnostics)
            .finish();
        match transport::guarded_stdin() {
            Ok(stdin) => {
                Server::new(stdin, tokio::io::stdout(), socket)
                    .serve(service)
                    .await
            }
            Err(e) => {
                // Without the guard a bad message ends the session, but the
                // server still works.
                tracing::warn!("cannot guard stdin ({e}); reading it directly");
                Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
                    .serve(service)
                    .await
            }
        }
    });
    // Indexing may still run in the background: do not wait for it.
    rt.shutdown_background();
    if state.shutdown.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}
