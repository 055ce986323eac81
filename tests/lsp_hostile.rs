//! Hostile input over stdio against the built server: protocol messages
//! that once ended or hung the session, huge edits, folders whose links,
//! FIFOs and devices lead out of the workspace or never end. Each test is
//! one kind of input a fuzzing pass found; a folder cloned from an
//! untrusted source can contain any of them.
#![cfg(unix)]
mod support;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::*;

/// Peak memory a hostile session may reach (the fuzzing pass saw 1.1 GB).
const MAX_RSS_KB: u64 = 400 * 1024;

fn ws_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("ws");
    let outside = d.path().join("outside");
    std::fs::create_dir_all(root.join(".crosscheck")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    for (name, text) in files {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    (d, root, outside)
}

const NEWS: &str = "NATO Secretary General Jens Stoltenberg met officials in Kyiv on Monday.\n\
                    Stoltenberg said NATO would send 30 tanks, according to sources.\n";

fn mkfifo(p: &Path) {
    assert!(std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .unwrap()
        .success());
}

fn start_in(root: &Path, caps: Value, handler: Option<support::Handler>) -> Client {
    let mut c = match handler {
        Some(h) => Client::spawn_with(&["lsp"], h),
        None => Client::spawn(&["lsp"]),
    };
    c.initialize(json!({
        "processId": null,
        "capabilities": caps,
        "workspaceFolders": [{"uri": file_uri(root), "name": "ws"}],
    }));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    c
}

fn names(c: &mut Client, query: &str) -> Vec<String> {
    c.call("workspace/symbol", json!({"query": query}))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn watched(c: &mut Client, events: &[(&Path, u8)]) {
    let changes: Vec<Value> = events
        .iter()
        .map(|(p, t)| json!({"uri": file_uri(p), "type": t}))
        .collect();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
}

fn diagnostics_of(c: &mut Client, path: &Path, code: &str) -> Vec<Value> {
    let uri = file_uri(path);
    let m = c.wait_notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri.as_str()
            && p["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|d| d["code"] == code))
    });
    m["params"]["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn protocol_messages_that_ended_or_hung_the_session_are_answered() {
    let (_d, root, _) = ws_with(&[("a.txt", NEWS)]);
    let mut c = start_in(&root, json!({}), None);
    // A top-level key given twice: the guard accepted it, the framework's
    // decoder rejected it and the server exited.
    c.send_raw(
        r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":101,"method":"workspace/symbol","params":{"query":"x"},"params":{"query":"Stoltenberg"}}"#,
    );
    let r = c.wait_response(json!(101));
    assert!(r["result"].is_array(), "{r}");
    c.send_raw(r#"{"jsonrpc":"2.0","id":102,"id":103,"method":"shutdown","method":"workspace/symbol","params":{"query":""}}"#);
    assert!(c.wait_response(json!(103))["result"].is_array());
    // Requests for unknown `$/` methods are answered, not dropped.
    for (id, m) in [(104, "$/unknown"), (105, "$/logTrace")] {
        c.send_raw(&json!({"jsonrpc": "2.0", "id": id, "method": m, "params": {}}).to_string());
        let r = c.wait_response(json!(id));
        assert_eq!(r["error"]["code"], -32601, "{m}: {r}");
    }
    // A request that also carries a result or an error is invalid.
    c.send_raw(r#"{"jsonrpc":"2.0","id":106,"method":"workspace/symbol","params":{"query":""},"result":null}"#);
    assert_eq!(c.wait_response(json!(106))["error"]["code"], -32600);
    c.send_raw(r#"{"jsonrpc":"2.0","id":107,"method":"workspace/symbol","error":{"code":1,"message":"x"}}"#);
    assert_eq!(c.wait_response(json!(107))["error"]["code"], -32600);
    assert!(names(&mut c, "Stoltenberg").contains(&"Jens Stoltenberg".to_string()));
    assert!(c.shutdown_exit().success());
}

#[test]
fn a_burst_of_malformed_messages_and_dot_dot_uris_stays_small() {
    let (_d, root, _) = ws_with(&[("a.txt", NEWS)]);
    let mut c = start_in(&root, json!({}), None);
    let zero = format!("{}/../../../../../../dev/zero", file_uri(&root));
    for i in 0..200 {
        c.send_raw(&format!("{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":"));
        c.send_raw("[1,2,3]");
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": zero, "languageId": "plaintext", "version": 1, "text": "Kyiv."}}),
        );
        // Closing used to re-read the "folder file" from disk: /dev/zero.
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": zero}}),
        );
    }
    watched(&mut c, &[(&root.join("../../../../../../dev/zero"), 2)]);
    c.drain(Duration::from_millis(500));
    assert!(names(&mut c, "Stoltenberg").contains(&"Jens Stoltenberg".to_string()));
    let rss = c.peak_rss_kb().unwrap();
    assert!(rss < MAX_RSS_KB, "peak RSS {rss} kB");
    assert!(c.shutdown_exit().success());
}

#[test]
fn a_huge_edit_is_never_answered_with_ranges_of_another_text() {
    let (_d, root, _) = ws_with(&[("a.txt", NEWS)]);
    // Requests give up waiting for an analysis at once: the late path.
    let mut c = Client::spawn_env(
        &["lsp"],
        &[("CROSSCHECK_FRESHNESS_MS", "1")],
        Arc::new(|_: &Value| (Value::Null, Vec::new())),
    );
    c.initialize(json!({"processId": null, "capabilities": {},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "ws"}]}));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let uri = file_uri(&root.join("a.txt"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": NEWS}}),
    );
    c.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    // One line of 576 KB replaces the file.
    let line = NEWS.replace('\n', " ").repeat(576 * 1024 / NEWS.len());
    let len16 = line.encode_utf16().count() as u64;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": line}]}),
    );
    let inside = |v: &Value| -> bool {
        // every position in the answer lies on line 0 within the new text
        let mut ok = true;
        let mut stack = vec![v];
        while let Some(x) = stack.pop() {
            match x {
                Value::Object(o) => {
                    if let (Some(l), Some(ch)) = (o.get("line"), o.get("character")) {
                        ok &= l == 0 && ch.as_u64().unwrap() <= len16;
                    }
                    stack.extend(o.values());
                }
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
        ok
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut answered = false;
    while !answered {
        for m in [
            "textDocument/documentSymbol",
            "textDocument/semanticTokens/full",
            "textDocument/codeLens",
        ] {
            let r = c.request(m, json!({"textDocument": {"uri": uri}}));
            match r.get("error") {
                Some(e) => assert_eq!(e["code"], -32801, "{m}: {e}"),
                None => {
                    assert!(inside(&r["result"]), "{m} answered about another text");
                    answered |= m == "textDocument/documentSymbol"
                        && r["result"].as_array().is_some_and(|a| !a.is_empty());
                }
            }
        }
        let r = c.request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 30},
                   "context": {"includeDeclaration": true}}),
        );
        if r.get("error").is_none() {
            assert!(
                inside(&r["result"]),
                "references answered about another text"
            );
        }
        assert!(Instant::now() < deadline, "the edit was never analysed");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(c.shutdown_exit().success());
}

#[test]
fn links_out_of_the_folder_are_not_indexed_or_read() {
    let (_d, root, outside) = ws_with(&[("a.txt", NEWS)]);
    std::fs::write(
        outside.join("secret.txt"),
        "Zebulon Quuxley met Kyiv officials.",
    )
    .unwrap();
    symlink(outside.join("secret.txt"), root.join("link.txt")).unwrap();
    symlink("/dev/zero", root.join("zero.txt")).unwrap();
    symlink("/dev/zero", root.join(".crosscheck/config.json")).unwrap();
    let mut c = start_in(&root, json!({}), None);
    assert!(names(&mut c, "Zebulon").is_empty());
    // A file watcher reports both: still neither is read.
    watched(
        &mut c,
        &[(&root.join("link.txt"), 2), (&root.join("zero.txt"), 2)],
    );
    c.drain(Duration::from_millis(800));
    assert!(
        names(&mut c, "Zebulon").is_empty(),
        "the outside file was indexed"
    );
    let logs: Vec<String> = c
        .seen("window/logMessage")
        .iter()
        .map(|m| m["params"]["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        logs.iter()
            .any(|l| l.contains("link.txt") && l.contains("escapes")),
        "{logs:?}"
    );
    // The configuration that leads to /dev/zero is reported, not read.
    let d = diagnostics_of(
        &mut c,
        &root.join(".crosscheck/config.json"),
        "invalid-config",
    );
    assert!(
        d[0]["message"].as_str().unwrap().contains("escapes"),
        "{d:?}"
    );
    // Opened in the editor, the link is analysed on its own: nothing of it
    // joins the folder, and it says why.
    let link = file_uri(&root.join("link.txt"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": link, "languageId": "plaintext", "version": 1,
               "text": "Zebulon Quuxley met Kyiv officials."}}),
    );
    let d = diagnostics_of(&mut c, &root.join("link.txt"), "path-escapes-workspace");
    assert!(!d.is_empty());
    let a = file_uri(&root.join("a.txt"));
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 58},
               "context": {"includeDeclaration": true}}),
    );
    assert!(
        refs.as_array()
            .unwrap()
            .iter()
            .all(|l| l["uri"] == a.as_str()),
        "Kyiv in the outside file joined the folder's Kyiv: {refs}"
    );
    let rss = c.peak_rss_kb().unwrap();
    assert!(rss < MAX_RSS_KB, "peak RSS {rss} kB");
    assert!(c.shutdown_exit().success());
}

/// The editor client: applies edits to files on disk, as an editor does
/// (following links, as a file system does).
fn applying_client() -> (support::Handler, Arc<Mutex<Vec<Value>>>) {
    let edits = Arc::new(Mutex::new(Vec::new()));
    let seen = edits.clone();
    let h: support::Handler = Arc::new(move |m: &Value| {
        if m["method"] == "workspace/applyEdit" {
            seen.lock().unwrap().push(m["params"]["edit"].clone());
        }
        (json!({"applied": true}), Vec::new())
    });
    (h, edits)
}

const KB: &str = r#"{"version": 1, "entities": [{"id": "person:jens-stoltenberg", "type": "person", "name": "Jens Stoltenberg"}]}"#;

#[test]
fn a_knowledge_base_linked_from_outside_is_never_edited() {
    let (_d, root, outside) = ws_with(&[("a.txt", NEWS)]);
    std::fs::write(outside.join("entities.json"), KB).unwrap();
    symlink(
        outside.join("entities.json"),
        root.join(".crosscheck/entities.json"),
    )
    .unwrap();
    let (h, edits) = applying_client();
    let caps = json!({"workspace": {"applyEdit": true,
        "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}});
    let mut c = start_in(&root, caps, Some(h));
    let d = diagnostics_of(
        &mut c,
        &root.join(".crosscheck/entities.json"),
        "path-escapes-workspace",
    );
    assert!(!d.is_empty());
    let a = file_uri(&root.join("a.txt"));
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": "crosscheck.createEntity", "arguments": [{"uri": a,
            "range": {"start": {"line": 0, "character": 57}, "end": {"line": 0, "character": 61}},
            "kind": "location", "name": "Kyiv"}]}),
    );
    c.drain(Duration::from_millis(800));
    let sent = edits.lock().unwrap().clone();
    assert!(
        !sent.iter().any(|e| e.to_string().contains("entities.json")),
        "an edit through the link was sent: {sent:?} ({r})"
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("entities.json")).unwrap(),
        KB
    );
    assert!(c.shutdown_exit().success());
}

#[test]
fn the_server_never_writes_through_linked_crosscheck_folders() {
    for link in [
        ".crosscheck",
        ".crosscheck/annotations",
        ".crosscheck/annotations/news",
    ] {
        let (_d, root, outside) = ws_with(&[("news/a.txt", NEWS)]);
        let target = outside.join("cc");
        std::fs::create_dir_all(&target).unwrap();
        if link == ".crosscheck" {
            std::fs::remove_dir_all(root.join(".crosscheck")).unwrap();
            std::fs::write(target.join("entities.json"), KB).unwrap();
        } else {
            std::fs::create_dir_all(root.join(link).parent().unwrap()).unwrap();
        }
        symlink(&target, root.join(link)).unwrap();
        let before = std::fs::read_dir(&target).unwrap().count();
        // No applyEdit: the server writes the files itself.
        let mut c = start_in(&root, json!({}), None);
        let a = file_uri(&root.join("news/a.txt"));
        for args in [
            json!({"command": "crosscheck.createEntity", "arguments": [{"uri": a,
                "range": {"start": {"line": 0, "character": 57}, "end": {"line": 0, "character": 61}},
                "kind": "location", "name": "Kyiv"}]}),
            json!({"command": "crosscheck.setClaimStatus", "arguments": [{"uri": a,
                "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 20}},
                "status": "verified"}]}),
        ] {
            c.request("workspace/executeCommand", args);
        }
        c.drain(Duration::from_millis(800));
        let after: Vec<PathBuf> = walk(&target);
        assert_eq!(after.len(), before, "{link}: written outside: {after:?}");
        if link == ".crosscheck" {
            assert_eq!(
                std::fs::read_to_string(target.join("entities.json")).unwrap(),
                KB
            );
        }
        assert!(c.shutdown_exit().success(), "{link}");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn fifos_never_block_indexing_events_or_exit() {
    let (_d, root, _) = ws_with(&[("a.txt", NEWS)]);
    mkfifo(&root.join("fifo.txt"));
    mkfifo(&root.join(".crosscheck/entities.json"));
    // Indexing finishes although the knowledge base is a FIFO ...
    let mut c = start_in(&root, json!({}), None);
    let d = diagnostics_of(
        &mut c,
        &root.join(".crosscheck/entities.json"),
        "unreadable-file",
    );
    assert!(d[0]["message"].as_str().unwrap().contains("FIFO"), "{d:?}");
    // ... a watched-file event for the FIFO does not stop later ones ...
    watched(&mut c, &[(&root.join("fifo.txt"), 2)]);
    std::fs::write(root.join("b.txt"), "Zebulon Quuxley met Kyiv officials.").unwrap();
    watched(&mut c, &[(&root.join("b.txt"), 1)]);
    let deadline = Instant::now() + TIMEOUT;
    while names(&mut c, "Zebulon").is_empty() {
        assert!(
            Instant::now() < deadline,
            "events after the FIFO's were never applied"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // ... and the server still exits on `exit`.
    assert!(c.shutdown_exit().success());
}

#[test]
fn oversized_and_misshapen_configurations_are_reported() {
    for (text, says) in [
        (
            format!("{{\"hedges\": [\"{}\"]}}", "x".repeat(17 << 20)),
            "limit",
        ),
        ("[]".to_string(), "JSON object"),
        (
            "{\"followSymlinks\": true}".to_string(),
            "editor's settings",
        ),
    ] {
        let (_d, root, _) = ws_with(&[("a.txt", NEWS)]);
        std::fs::write(root.join(".crosscheck/config.json"), &text).unwrap();
        let mut c = start_in(&root, json!({}), None);
        let d = diagnostics_of(
            &mut c,
            &root.join(".crosscheck/config.json"),
            "invalid-config",
        );
        assert!(d[0]["message"].as_str().unwrap().contains(says), "{d:?}");
        let rss = c.peak_rss_kb().unwrap();
        assert!(rss < MAX_RSS_KB, "peak RSS {rss} kB");
        assert!(c.shutdown_exit().success());
    }
}
