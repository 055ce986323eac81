//! What `initialize` negotiates: the folders, the position encoding, the
//! client's capabilities and settings (`initializationOptions`), and the
//! server's capabilities.
use std::path::PathBuf;

use tower_lsp::ls_types::*;

use super::convert::{negotiate, uri_to_path};
use super::state::Config;
use super::{commands, handlers, lens};
use crate::workspace::{ScanOptions, DEFAULT_MAX_FILE_SIZE};

pub fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect();
    }
    #[allow(deprecated)] // older clients send only rootUri
    params
        .root_uri
        .as_ref()
        .and_then(uri_to_path)
        .into_iter()
        .collect()
}

pub fn config_from(params: &InitializeParams) -> Config {
    let caps = &params.capabilities;
    let opts = params.initialization_options.as_ref();
    let max_file_size = opts
        .and_then(max_file_size)
        .unwrap_or(DEFAULT_MAX_FILE_SIZE);
    Config {
        encoding: negotiate(caps),
        scan: ScanOptions {
            max_file_size,
            follow_links: opts.and_then(follow_symlinks).unwrap_or(false),
            ..Default::default()
        },
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        watch_dynamic: caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        semantic_tokens_refresh: caps
            .workspace
            .as_ref()
            .and_then(|w| w.semantic_tokens.as_ref())
            .and_then(|s| s.refresh_support)
            .unwrap_or(false),
        code_lens_refresh: caps
            .workspace
            .as_ref()
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false),
    }
}

pub fn capabilities(cfg: &Config) -> ServerCapabilities {
    let mut caps = ServerCapabilities {
        position_encoding: Some(cfg.encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: lens::commands(),
            ..Default::default()
        }),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: handlers::legend(),
                range: Some(true),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                ..Default::default()
            },
        )),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    };
    commands::extend_capabilities(&mut caps);
    caps
}

/// A client setting, top level or under `crosscheck` (clients nest
/// settings differently).
pub fn setting<'a>(settings: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    settings
        .get(key)
        .or_else(|| settings.get("crosscheck").and_then(|c| c.get(key)))
}

/// `maxFileSize` from client settings.
pub fn max_file_size(settings: &serde_json::Value) -> Option<u64> {
    setting(settings, "maxFileSize").and_then(|v| v.as_u64())
}

/// `followSymlinks` from client settings: follow links that lead out of
/// the folder (off by default; never from the folder's own config.json).
pub fn follow_symlinks(settings: &serde_json::Value) -> Option<bool> {
    setting(settings, "followSymlinks").and_then(|v| v.as_bool())
}

/// `cache` from client settings: `false` turns the persisted index off.
pub fn cache_setting(settings: &serde_json::Value) -> Option<bool> {
    setting(settings, "cache").and_then(|v| v.as_bool())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialize_options_and_capabilities() {
        let params: InitializeParams = serde_json::from_value(serde_json::json!({
            "capabilities": {
                "general": {"positionEncodings": ["utf-8", "utf-16"]},
                "window": {"workDoneProgress": true},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
            },
            "initializationOptions": {"crosscheck": {"maxFileSize": 1234}},
            "rootUri": "file:///w/news"
        }))
        .unwrap();
        let cfg = config_from(&params);
        assert_eq!(cfg.scan.max_file_size, 1234);
        assert!(cfg.work_done_progress && cfg.watch_dynamic);
        assert_eq!(workspace_roots(&params), vec![PathBuf::from("/w/news")]);
        let caps = serde_json::to_value(capabilities(&cfg)).unwrap();
        assert_eq!(caps["positionEncoding"], "utf-8");
        assert_eq!(caps["textDocumentSync"]["change"], 2);
        assert_eq!(
            caps["semanticTokensProvider"]["legend"]["tokenTypes"],
            serde_json::json!([
                "person",
                "organization",
                "location",
                "date",
                "money",
                "quantity"
            ])
        );
    }
}
