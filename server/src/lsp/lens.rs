//! Code lens at the top of each source file: its claim summary
//! (`ide::code_lens`), with a command that returns the full summary as
//! JSON through `workspace/executeCommand` (clients show a lens only when
//! it has a command; this one is harmless to run).
use serde_json::Value;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::ls_types::*;

use super::state::FileCtx;
use crate::ide::code_lens::file_lens;

/// Arguments: the document URI. Returns the file's `FileLens` as JSON.
pub const SHOW_FILE_SUMMARY: &str = "crosscheck.showFileSummary";

/// The commands this server executes.
pub fn commands() -> Vec<String> {
    vec![SHOW_FILE_SUMMARY.to_string()]
}

pub fn code_lens(ctx: &FileCtx, uri: &Uri) -> Option<Vec<CodeLens>> {
    let l = file_lens(&ctx.snap, ctx.file);
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    Some(vec![CodeLens {
        range: top,
        command: Some(Command {
            title: l.title,
            command: SHOW_FILE_SUMMARY.to_string(),
            arguments: Some(vec![Value::String(uri.as_str().to_string())]),
        }),
        data: None,
    }])
}

/// The URI argument of [`SHOW_FILE_SUMMARY`].
pub fn summary_target(params: &ExecuteCommandParams) -> Result<Uri> {
    params
        .arguments
        .first()
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<Uri>().ok())
        .ok_or_else(|| Error::invalid_params(format!("{SHOW_FILE_SUMMARY} needs a document URI")))
}

pub fn summary(ctx: &FileCtx) -> Result<Option<Value>> {
    let l = file_lens(&ctx.snap, ctx.file);
    serde_json::to_value(l)
        .map(Some)
        .map_err(|e| Error::invalid_params(e.to_string()))
}
