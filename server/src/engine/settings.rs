//! Rule severities and claim word lists, per workspace folder: the
//! settings the engine holds and how they combine.
//!
//! Precedence, lowest first:
//! 1. built-in defaults (`crate::config::Config::default`);
//! 2. client settings: `initializationOptions`, replaced by each
//!    `workspace/didChangeConfiguration` (the `crosscheck` section, or the
//!    whole object when a client sends it unwrapped);
//! 3. the folder's `.crosscheck/config.json`, for each rule and each word
//!    list it sets.
//!
//! The file wins because it travels with the corpus: a team agrees on it
//! in the repository, while client settings are one person's taste. An
//! invalid file is ignored as a whole (defaults plus client settings
//! apply) and reported as an `invalid-config` diagnostic in the file.
//!
//! The folder's file is read at indexing, re-read on watched-file events,
//! and taken from the buffer while it is open in the editor.
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{lock, Engine};
use crate::config::{Config, ConfigError, Rule, Severity, CONFIG_PATH};

pub use crate::config::INVALID_CONFIG;

/// The word-list keys shared by client settings and the file.
const LIST_KEYS: [&str; 3] = ["singleHolderRoles", "attributionVerbs", "hedges"];

/// One folder's `.crosscheck/config.json`, as last read.
#[derive(Clone, Debug, Default)]
pub struct FolderConfig {
    /// The parsed JSON of a valid file: which keys it sets.
    raw: Option<Value>,
    config: Config,
    pub error: Option<ConfigError>,
}

impl FolderConfig {
    pub fn from_source(text: &str) -> FolderConfig {
        match Config::from_json(text) {
            Ok(config) => FolderConfig {
                raw: serde_json::from_str(text).ok(),
                config,
                error: None,
            },
            Err(e) => FolderConfig {
                error: Some(e),
                ..Default::default()
            },
        }
    }

    /// The file under `root`; none at all reads as an empty file. It is
    /// read like any workspace file (regular, inside the folder, bounded).
    pub fn load(root: &Path, follow_links: bool) -> FolderConfig {
        match Config::read_file(root, follow_links) {
            Ok(Some(s)) => FolderConfig::from_source(&s),
            Ok(None) => FolderConfig::default(),
            Err(e) => FolderConfig {
                error: Some(e),
                ..Default::default()
            },
        }
    }

    /// The configuration the file gives (defaults when it is invalid).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// `maxFileSize`, when the file sets it.
    pub fn max_file_size(&self) -> Option<u64> {
        self.config.max_file_size
    }

    fn sets_rule(&self, code: &str) -> bool {
        self.raw
            .as_ref()
            .and_then(|r| r.get("rules"))
            .and_then(|r| r.get(code))
            .is_some()
    }

    fn sets_list(&self, key: &str) -> bool {
        self.raw.as_ref().and_then(|r| r.get(key)).is_some()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The client's `crosscheck` settings.
    client: Value,
    folders: HashMap<PathBuf, FolderConfig>,
}

/// The `crosscheck` section of client settings (clients nest differently).
pub fn section(v: &Value) -> Value {
    match v.get("crosscheck") {
        Some(s) => s.clone(),
        None => v.clone(),
    }
}

impl Settings {
    pub fn set_client(&mut self, settings: &Value) {
        self.client = section(settings);
    }

    pub fn set_folder(&mut self, root: PathBuf, fc: FolderConfig) {
        self.folders.insert(root, fc);
    }

    pub fn remove_folder(&mut self, root: &Path) {
        self.folders.remove(root);
    }

    /// Folder `root`'s configuration file, as last read.
    pub fn folder(&self, root: &Path) -> Option<&FolderConfig> {
        self.folders.get(root)
    }

    /// The folder's `maxFileSize`, when its (valid) file sets it.
    pub fn folder_max_file_size(&self, root: &Path) -> Option<u64> {
        self.folders
            .get(root)
            .filter(|f| f.error.is_none())
            .and_then(FolderConfig::max_file_size)
    }

    /// Folders whose configuration file is invalid, with the error.
    pub fn errors(&self) -> Vec<(PathBuf, ConfigError)> {
        let mut v: Vec<_> = self
            .folders
            .iter()
            .filter_map(|(r, f)| f.error.clone().map(|e| (r.clone(), e)))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The configuration in force for folder `root` (`None`: loose files).
    pub fn effective(&self, root: Option<&Path>) -> Config {
        let mut c = client_config(&self.client);
        let Some(fc) = root.and_then(|r| self.folders.get(r)) else {
            return c;
        };
        if fc.error.is_some() {
            return c;
        }
        for rule in Rule::ALL {
            if fc.sets_rule(rule.code()) {
                c.set_severity(rule, fc.config.severity(rule));
            }
        }
        let (mine, theirs) = (&mut c.claims, &fc.config.claims);
        if fc.sets_list("singleHolderRoles") {
            mine.single_holder_roles = theirs.single_holder_roles.clone();
        }
        if fc.sets_list("attributionVerbs") {
            mine.attribution_verbs = theirs.attribution_verbs.clone();
        }
        if fc.sets_list("hedges") {
            mine.hedges = theirs.hedges.clone();
        }
        c
    }
}

/// Client settings as a configuration. They hold other keys too
/// (`maxFileSize`), and one bad entry should not void the rest, so each
/// rule and list is taken on its own; bad ones are logged and skipped.
fn client_config(v: &Value) -> Config {
    let mut lists = serde_json::Map::new();
    for key in LIST_KEYS {
        if let Some(Value::Array(items)) = v.get(key) {
            let words: Vec<Value> = items.iter().filter(|i| i.is_string()).cloned().collect();
            lists.insert(key.to_string(), Value::Array(words));
        }
    }
    // Reuse the file parser for its normalisation of word lists.
    let mut c = Config::from_json(&Value::Object(lists).to_string()).unwrap_or_default();
    if let Some(Value::Object(rules)) = v.get("rules") {
        for (code, sev) in rules {
            let rule = Rule::ALL.into_iter().find(|r| r.code() == code);
            match (rule, serde_json::from_value::<Severity>(sev.clone())) {
                (Some(r), Ok(s)) => c.set_severity(r, s),
                _ => tracing::warn!("crosscheck settings: ignoring rules.{code} = {sev:?}"),
            }
        }
    }
    c
}

/// Is `path` a folder's configuration file (`<root>/.crosscheck/config.json`)?
pub fn is_config_path(path: &Path) -> bool {
    path.ends_with(CONFIG_PATH)
}

impl Engine {
    /// How the sources of folder `root` are scanned: the client's options,
    /// with the folder file's `maxFileSize` when it sets one (the file wins).
    pub fn scan_for(&self, root: &Path) -> crate::workspace::ScanOptions {
        let mut opts = self.scan();
        if self
            .size_limit_fixed
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return opts; // `--max-file-size` on the command line wins
        }
        if let Some(n) = lock(&self.settings).folder_max_file_size(root) {
            opts.max_file_size = n;
        }
        opts
    }

    /// The workspace folder whose configuration file `path` is.
    pub fn config_root(&self, path: &Path) -> Option<PathBuf> {
        if !is_config_path(path) {
            return None;
        }
        let root = path.parent()?.parent()?;
        lock(&self.workspaces)
            .roots()
            .into_iter()
            .find(|r| r == root)
    }

    /// Store `fc` for `root` and hand its word lists to the folder's host (the
    /// next snapshot recomputes claims with them).
    pub fn install_config(&self, root: &Path, fc: FolderConfig) {
        // Both locks at once (workspaces first, see `Engine::settings`),
        // so concurrent changes reach the host in the order they were made.
        let mut ws = lock(&self.workspaces);
        let mut settings = lock(&self.settings);
        settings.set_folder(root.to_path_buf(), fc);
        ws.set_claim_settings(root, settings.effective(Some(root)).claims);
        self.bump();
    }

    /// New client settings: every folder's word lists may change.
    pub fn set_client_settings(&self, v: &Value) {
        let mut ws = lock(&self.workspaces);
        let mut settings = lock(&self.settings);
        settings.set_client(v);
        for r in ws.roots() {
            ws.set_claim_settings(&r, settings.effective(Some(&r)).claims);
        }
        ws.set_loose_claim_settings(settings.effective(None).claims);
        self.bump();
    }

    /// Re-read the configuration files among `paths` (changed on disk;
    /// open ones excepted: their buffer wins). True if any was one.
    pub fn config_files_changed(&self, paths: &[PathBuf]) -> bool {
        let mut any = false;
        for p in paths {
            let Some(root) = self.config_root(p) else {
                continue;
            };
            any = true;
            if lock(&self.docs).is_open(p) {
                continue;
            }
            let follow = self.scan().follow_links;
            self.install_config(&root, FolderConfig::load(&root, follow));
        }
        any
    }

    /// An open configuration buffer changed (or was opened): it is in force
    /// from now on. True if `path` is a folder's configuration file.
    pub fn config_buffer_changed(&self, path: &Path) -> bool {
        let Some(root) = self.config_root(path) else {
            return false;
        };
        // A configuration that leads out of the folder is not read from disk;
        // its buffer does not stand in for it either.
        let follow = self.scan().follow_links;
        if crate::workspace::fs::resolve_inside(&root, path, follow).is_err() {
            return true;
        }
        let text = lock(&self.docs).get(path).map(|d| d.text.clone());
        if let Some(text) = text {
            self.install_config(&root, FolderConfig::from_source(&text));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_file_wins_per_rule_and_list() {
        let mut s = Settings::default();
        s.set_client(&json!({"crosscheck": {
            "rules": {"hedged-claim": "off", "ambiguous-date": "error", "nope": "off"},
            "hedges": ["Rumour Has It"],
            "maxFileSize": 10
        }}));
        let root = PathBuf::from("/w");
        s.set_folder(
            root.clone(),
            FolderConfig::from_source(r#"{"rules": {"hedged-claim": "hint"}}"#),
        );
        let c = s.effective(Some(&root));
        assert_eq!(c.severity(Rule::HedgedClaim), Severity::Hint);
        assert_eq!(c.severity(Rule::AmbiguousDate), Severity::Error);
        assert_eq!(c.claims.hedges, vec!["rumour has it"]);
        // loose files: client settings only
        let c = s.effective(None);
        assert_eq!(c.severity(Rule::HedgedClaim), Severity::Off);
    }

    #[test]
    fn an_invalid_file_falls_back_and_reports() {
        let mut s = Settings::default();
        let root = PathBuf::from("/w");
        s.set_folder(
            root.clone(),
            FolderConfig::from_source("{\n \"rules\": {\"hedged-claim\": \"loud\"}\n}"),
        );
        assert_eq!(s.effective(Some(&root)), Config::default());
        let errs = s.errors();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].1.line, 2);
    }

    #[test]
    fn config_paths() {
        assert!(is_config_path(Path::new("/w/.crosscheck/config.json")));
        assert!(!is_config_path(Path::new("/w/config.json")));
    }
}
