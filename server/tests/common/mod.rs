//! Helpers shared by the claim integration tests.
#![allow(dead_code)]
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::{analyze_document, AnalysisHost, EntityKind, FileId, Snapshot};
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

/// The example folder's articles (real news about one story, so entities
/// link across files and claims meet each other), in file-name order.
pub fn example_articles() -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo_path("examples/nato-ukraine"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// (text, type) of every mention `crosscheck entities` finds in
/// `tests/corpora/<corpus>`, through the built binary.
pub fn cli_mentions(corpus: &str) -> Vec<(String, String)> {
    let dir = repo_path(&format!("tests/corpora/{corpus}"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["entities", "--no-cache", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut m = Vec::new();
    for e in v.as_array().unwrap() {
        for x in e["mentions"].as_array().unwrap() {
            m.push((
                x["text"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
            ));
        }
    }
    m
}

/// How many mentions of `text` are of type `kind`.
pub fn mention_count(m: &[(String, String)], text: &str, kind: &str) -> usize {
    m.iter().filter(|(t, k)| t == text && k == kind).count()
}

/// Whether `text` is a mention at all.
pub fn mention_named(m: &[(String, String)], text: &str) -> bool {
    m.iter().any(|(t, _)| t == text)
}

/// (surface, kind) of every mention `analyze_document` finds in a text.
pub fn doc_mentions(text: &str) -> Vec<(String, EntityKind)> {
    let d = analyze_document(text);
    d.mentions
        .iter()
        .map(|m| (m.text(text).to_string(), m.kind))
        .collect()
}

/// Whether a text has a mention of exactly `surface`, of `kind`.
pub fn has_mention(text: &str, surface: &str, kind: EntityKind) -> bool {
    doc_mentions(text)
        .iter()
        .any(|(s, k)| s == surface && *k == kind)
}

/// Whether no mention of a text contains `surface`.
pub fn lacks_mention(text: &str, surface: &str) -> bool {
    !doc_mentions(text).iter().any(|(s, _)| s.contains(surface))
}

/// The largest char boundary of `t` at or before `i`.
pub fn floor_char(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The claims index of `snap`'s files and linking built from nothing:
/// claims found again in every file (and in those whose date the folder
/// settles, again under that date), every signature computed, no seed,
/// no memo: what incremental builds must equal.
pub fn claims_from_scratch(snap: &Snapshot) -> crosscheck::analysis::claims::index::ClaimsIndex {
    use crosscheck::analysis::claims::{self, index::Inputs};
    let settings = &snap.claim_settings;
    let per_file = snap
        .files
        .iter()
        .map(|f| Arc::new(claims::analyze(&f.text, &f.doc, settings)))
        .collect();
    let per_file = crosscheck::analysis::claims_dates::settle(
        &crosscheck::analysis::claims_dates::DatingInputs {
            files: &snap.files,
            store: None,
            entities: &snap.entities,
            mention_entity: &snap.mention_entity,
            settings,
        },
        per_file,
    );
    crosscheck::analysis::claims::index::ClaimsIndex::build(
        &Inputs {
            files: &snap.files,
            entities: &snap.entities,
            mention_entity: &snap.mention_entity,
            settings,
        },
        per_file,
    )
}

/// Everything the index answers, in a form that compares.
pub fn claims_answers(ix: &crosscheck::analysis::claims::index::ClaimsIndex) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n",
        ix.files,
        ix.conflict_pairs(),
        ix.corroboration_pairs()
    );
    for (f, fc) in ix.files.iter().enumerate() {
        for c in 0..fc.claims.len() {
            let c = crosscheck::analysis::claims::ClaimRef {
                file: f as u32,
                claim: c as u32,
            };
            out.push_str(&format!(
                "{c:?} {:?} {:?}\n",
                ix.conflicts_of(c, 3),
                ix.corroborating(c),
            ));
        }
    }
    out
}
