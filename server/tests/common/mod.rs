//! Helpers shared by the claim integration tests.
#![allow(dead_code)]
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::{AnalysisHost, FileId, Snapshot};
use crosscheck::config::Config;
use crosscheck::ide::diagnostics::{self, Diagnostic};
use crosscheck::workspace::{load_folder, ScanOptions};

pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}

pub fn load(rel: &str) -> Arc<Snapshot> {
    let root = repo_path(rel).canonicalize().unwrap();
    let loaded = load_folder(&root, &ScanOptions::default());
    let mut host = AnalysisHost::new(Some(root));
    host.set_files(loaded.files);
    host.snapshot()
}

pub fn file(snap: &Snapshot, prefix: &str) -> FileId {
    snap.files
        .iter()
        .position(|f| f.rel_path.starts_with(prefix))
        .unwrap_or_else(|| panic!("no file {prefix}")) as FileId
}

pub fn diags(snap: &Snapshot, f: FileId) -> Vec<Diagnostic> {
    diagnostics::compute(snap, &Config::default(), f)
}

pub fn all_diags(snap: &Snapshot) -> Vec<(FileId, Diagnostic)> {
    (0..snap.files.len() as FileId)
        .flat_map(|f| diags(snap, f).into_iter().map(move |d| (f, d)))
        .collect()
}

pub fn with_code<'a>(ds: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    ds.iter().filter(|d| d.code == code).collect()
}

/// The claim whose sentence contains `needle`.
pub fn claim_with(snap: &Snapshot, f: FileId, needle: &str) -> usize {
    let text = &snap.file(f).text;
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("no text {needle}"));
    snap.claims().files[f as usize]
        .claim_at(at)
        .unwrap_or_else(|| panic!("no claim at {needle}"))
}

pub fn chain_names(snap: &Snapshot, f: FileId, claim: usize) -> Vec<String> {
    let fc = &snap.claims().files[f as usize];
    fc.chain(&fc.claims[claim])
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

/// Every way `v` breaks the JSON Schema (draft 2020-12) `schema`, one line
/// each: "instance path [keyword]: message"; empty when `v` conforms.
pub fn schema_errors(schema: &serde_json::Value, v: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(schema).expect("the schema itself is valid");
    validator
        .iter_errors(v)
        .map(|e| {
            let schema_path = e.schema_path().to_string();
            let keyword = schema_path.rsplit('/').next().unwrap_or("").to_string();
            format!("{} [{keyword}]: {e}", e.instance_path())
        })
        .collect()
}
