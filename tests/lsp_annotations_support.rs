//! Helpers shared by the annotation e2e tests: an annotated copy of the
//! example corpus and a test client that plays an editor answering
//! `workspace/applyEdit` (open buffers get the edit and a didChange, other
//! files are edited on disk).
#![allow(dead_code)]
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::*;

pub const ENC: Enc = Enc::Utf16;

/// uri -> (version, text) of the editor's open buffers.
pub type Buffers = Arc<Mutex<HashMap<String, (i64, String)>>>;

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A temporary copy of the example corpus with its annotations.
pub fn annotated_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    copy_dir(Path::new(CORPUS), &root);
    (dir, root)
}

pub fn path_of(uri: &str) -> PathBuf {
    let raw = uri.strip_prefix("file://").unwrap();
    let mut out = Vec::new();
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&raw[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    PathBuf::from(String::from_utf8(out).unwrap())
}

pub fn apply_text_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let a = offset(text, &e["range"]["start"], ENC);
            let b = offset(text, &e["range"]["end"], ENC);
            (a, b, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// Apply a WorkspaceEdit as an editor would; returns the didChange
/// notifications for edited buffers.
pub fn apply_workspace_edit(edit: &Value, buffers: &Buffers) -> Vec<Value> {
    let mut notes = Vec::new();
    if let Some(map) = edit["changes"].as_object() {
        for (uri, edits) in map {
            let p = path_of(uri);
            let old = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, apply_text_edits(&old, edits.as_array().unwrap())).unwrap();
        }
        return notes;
    }
    for op in edit["documentChanges"].as_array().unwrap() {
        match op["kind"].as_str() {
            Some("create") => {
                let p = path_of(op["uri"].as_str().unwrap());
                if !p.exists() {
                    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                    std::fs::write(&p, "").unwrap();
                }
            }
            Some("delete") => {
                std::fs::remove_file(path_of(op["uri"].as_str().unwrap())).unwrap();
            }
            _ => {
                let uri = op["textDocument"]["uri"].as_str().unwrap().to_string();
                let edits = op["edits"].as_array().unwrap();
                let mut bufs = buffers.lock().unwrap();
                if let Some((version, text)) = bufs.get_mut(&uri) {
                    assert_eq!(op["textDocument"]["version"], json!(*version), "{op}");
                    *text = apply_text_edits(text, edits);
                    *version += 1;
                    notes.push(
                        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                        "textDocument": {"uri": uri, "version": *version},
                        "contentChanges": [{"text": text.clone()}]}}),
                    );
                } else {
                    let p = path_of(&uri);
                    let old = std::fs::read_to_string(&p).unwrap_or_default();
                    std::fs::write(&p, apply_text_edits(&old, edits)).unwrap();
                }
            }
        }
    }
    notes
}

pub fn start_annotated(root: &Path, apply_edit: bool, buffers: &Buffers) -> Client {
    let caps = json!({"workspace": {
        "applyEdit": apply_edit,
        "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "delete"]},
    }});
    start_with_caps(root, caps, buffers)
}

pub fn start_with_caps(root: &Path, caps: Value, buffers: &Buffers) -> Client {
    let bufs = buffers.clone();
    let handler: Handler = Arc::new(move |m: &Value| {
        if m["method"] == "workspace/applyEdit" {
            let notes = apply_workspace_edit(&m["params"]["edit"], &bufs);
            (json!({"applied": true}), notes)
        } else {
            (Value::Null, Vec::new())
        }
    });
    let mut c = Client::spawn_with(&["lsp"], handler);
    c.initialize(json!({
        "processId": null,
        "capabilities": caps,
        "workspaceFolders": [{"uri": file_uri(root), "name": "news"}],
    }));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    c
}

pub fn source_diagnostics(c: &mut Client, uri: &str) -> Vec<Value> {
    c.call("crosscheck/sourceDiagnostics", json!({"uri": uri}))
        .as_array()
        .unwrap()
        .clone()
}

/// Poll `f` until it holds (the server reloads annotations debounced).
pub fn eventually(c: &mut Client, what: &str, mut f: impl FnMut(&mut Client) -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    while !f(c) {
        assert!(Instant::now() < deadline, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn hover_text(c: &mut Client, uri: &str, pos: Value) -> String {
    let h = c.call("textDocument/hover", at(uri, pos));
    h["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

pub fn actions(c: &mut Client, uri: &str, range: Value, diagnostics: Value) -> Vec<Value> {
    c.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": diagnostics}}),
    )
    .as_array()
    .unwrap()
    .clone()
}

pub fn run_action(c: &mut Client, all: &[Value], title_starts: &str) -> Value {
    let a = all
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title_starts))
        .unwrap_or_else(|| panic!("no action {title_starts:?} in {all:?}"));
    c.call("workspace/executeCommand", a["command"].clone())
}

pub fn range_of(text: &str, needle: &str) -> Value {
    let a = text.find(needle).unwrap();
    json!({"start": position(text, a, ENC), "end": position(text, a + needle.len(), ENC)})
}

pub fn annotation_file(root: &Path, prefix: &str) -> PathBuf {
    let name = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix))
        .unwrap();
    root.join(".crosscheck/annotations")
        .join(format!("{name}.json"))
}

pub fn kb_id_named(root: &Path, name: &str) -> String {
    let kb: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join(".crosscheck/entities.json")).unwrap(),
    )
    .unwrap();
    kb["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {kb}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}
