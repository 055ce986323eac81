//! End-to-end tests of workspace handling: the initial scan and what it
//! skips, file watching, folders added and removed, and open buffers taking
//! precedence over disk.
mod support;

use serde_json::{json, Value};
use support::*;

#[test]
fn watched_files_are_picked_up() {
    let (_tmp, root) = corpus();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut c, _) = start(&root, caps, json!({}));
    let reg = c.wait_notification("client/registerCapability", |_| true);
    assert_eq!(
        reg["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );

    let new = root.join("005_new.txt");
    std::fs::write(
        &new,
        "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Kyiv.\n",
    )
    .unwrap();
    c.seen.clear();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&new), "type": 1}]}),
    );
    let st = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(st["params"]["files"], 6);
    let s = c.call("workspace/symbol", json!({"query": "zelensky"}));
    assert_eq!(s[0]["location"]["uri"], file_uri(&new), "{s}");

    std::fs::remove_file(&new).unwrap();
    c.seen.clear();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&new), "type": 3}]}),
    );
    let st = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(st["params"]["files"], 5);
    assert_eq!(
        c.call("workspace/symbol", json!({"query": "zelensky"})),
        json!([])
    );
    assert!(c.shutdown_exit().success());
}

#[test]
fn binary_and_oversized_files_are_skipped() {
    let (_tmp, root) = corpus();
    std::fs::write(root.join("blob.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(root.join("huge.md"), "NATO ".repeat(60_000)).unwrap();
    std::fs::write(root.join("latin1.txt"), [b'K', b'i', 0xE9, b'v']).unwrap();
    let (mut c, _) = start(&root, json!({}), json!({"maxFileSize": 200_000}));
    let ready = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(ready["params"]["files"], 5);
    let logs: Vec<String> = c
        .seen("window/logMessage")
        .iter()
        .map(|m| m["params"]["message"].as_str().unwrap().to_string())
        .collect();
    for name in ["blob.txt", "huge.md", "latin1.txt"] {
        assert!(
            logs.iter()
                .any(|l| l.contains(name) && l.contains("skipped")),
            "{name}: {logs:?}"
        );
    }
    let s = c.call("workspace/symbol", json!({"query": "stoltenberg"}));
    assert_eq!(s[0]["name"], "Jens Stoltenberg");
    assert!(c.shutdown_exit().success());
}

/// A document opened while indexing runs keeps its buffer text, and disk
/// events for it are ignored until it is closed.
#[test]
fn open_buffers_win_over_disk() {
    let (_tmp, root) = corpus();
    let (u4, t4) = doc(&root, "004");
    let buffer = format!("NATO Secretary General Mark Rutte visited Vilnius.\n{t4}");
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(json!({
        "capabilities": {},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "news"}],
    }));
    // Sent right after `initialized`, racing the initial scan.
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": u4, "languageId": "plaintext", "version": 1, "text": buffer}}));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let s = c.call("workspace/symbol", json!({"query": "vilnius"}));
    assert_eq!(s[0]["location"]["uri"], u4, "{s}");

    c.seen.clear();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": u4, "type": 2}]}),
    );
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let s = c.call("workspace/symbol", json!({"query": "vilnius"}));
    assert_eq!(s[0]["location"]["uri"], u4, "the buffer still wins: {s}");

    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": u4}}),
    );
    assert_eq!(
        c.call("workspace/symbol", json!({"query": "vilnius"})),
        json!([])
    );
    let rutte = c.call("workspace/symbol", json!({"query": "rutte"}));
    assert_eq!(
        rutte[0]["location"]["uri"], u4,
        "back to the disk text: {rutte}"
    );
    assert!(c.shutdown_exit().success());
}

#[test]
fn workspace_folders_come_and_go() {
    let (_tmp, root) = corpus();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(
        other.path().join("baltic.txt"),
        "Estonian Prime Minister Kaja Kallas met NATO officials in Tallinn.\n",
    )
    .unwrap();
    let (mut c, init) = start(&root, json!({}), json!({}));
    let wf = &init["capabilities"]["workspace"]["workspaceFolders"];
    assert_eq!(wf["changeNotifications"], true, "{init}");

    c.seen.clear();
    let folder = json!({"uri": file_uri(other.path()), "name": "other"});
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [folder], "removed": []}}),
    );
    let st = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(st["params"]["files"], 6);
    let s = c.call("workspace/symbol", json!({"query": "kallas"}));
    assert_eq!(
        s[0]["location"]["uri"],
        file_uri(&other.path().join("baltic.txt")),
        "{s}"
    );
    // Folders are linked apart: NATO in the new folder is its own entity.
    let nato = c.call("workspace/symbol", json!({"query": "nato"}));
    assert!(nato.as_array().unwrap().len() >= 2, "{nato}");

    c.seen.clear();
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [folder]}}),
    );
    let st = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(st["params"]["files"], 5);
    assert_eq!(
        c.call("workspace/symbol", json!({"query": "kallas"})),
        json!([])
    );
    assert!(c.shutdown_exit().success());
}

/// A big buffer is analysed off the message loop: a request about another
/// file is answered while it runs (after waiting a bounded time for it, as
/// answers about one file name mentions in the others), and a request
/// about the big buffer waits for it and then reflects its text. The
/// buffer is "big" by a test-only pause of its analysis (5 s, against the
/// 2 s other requests wait), so the order does not depend on the machine.
#[test]
fn a_big_buffer_does_not_hold_up_other_requests() {
    let (_tmp, root) = corpus();
    // The big buffer's own requests wait as long as its analysis takes.
    let mut c = Client::spawn_env(
        &["lsp"],
        &[
            ("CROSSCHECK_FRESHNESS_MS", "600000"),
            ("CROSSCHECK_TEST_ANALYSIS_DELAY_MS", "5000"),
        ],
        std::sync::Arc::new(|_: &Value| (Value::Null, Vec::new())),
    );
    c.initialize(json!({"processId": null, "capabilities": {},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "news"}]}));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let (u4, t4) = doc(&root, "004");
    let big = "Vilnius hosted the summit. NATO Secretary General Mark Rutte met officials in Kyiv on Monday.\n";
    let big_uri = file_uri(&root.join("big.txt"));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": big_uri, "languageId": "plaintext", "version": 1, "text": big}}));
    let on_big = c.send_request(
        "textDocument/hover",
        at(&big_uri, json!({"line": 0, "character": 2})),
    );
    let on_other = c.send_request(
        "textDocument/hover",
        at(&u4, pos_of(&t4, "Kyiv", 0, 1, Enc::Utf16)),
    );
    let first = c
        .wait_for(|m| m.get("method").is_none() && m.get("id").is_some())
        .unwrap();
    let second = c
        .wait_for(|m| m.get("method").is_none() && m.get("id").is_some())
        .unwrap();
    assert_eq!(first["id"], on_other, "the other file answers first");
    assert_eq!(second["id"], on_big);
    let md = second["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(md.starts_with("**Vilnius**"), "{second}");
    assert!(c.shutdown_exit().success());
}

/// A hover waits for the claims index (its claim section reads it), which
/// can take seconds after a restart or an edit; it waits off the message
/// loop, so a request sent after it that needs no index is answered
/// first. The index is slowed down by a test-only pause of 5 s.
#[test]
fn a_claims_index_in_the_making_does_not_hold_up_other_requests() {
    let (_tmp, root) = corpus();
    let mut c = Client::spawn_env(
        &["lsp", "--no-cache"],
        &[("CROSSCHECK_TEST_CLAIMS_DELAY_MS", "5000")],
        std::sync::Arc::new(|_: &Value| (Value::Null, Vec::new())),
    );
    c.initialize(json!({"processId": null, "capabilities": {},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "news"}]}));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let (u4, t4) = doc(&root, "004");
    let started = std::time::Instant::now();
    let hover = c.send_request(
        "textDocument/hover",
        at(&u4, pos_of(&t4, "Kyiv", 0, 1, Enc::Utf16)),
    );
    let highlight = c.send_request(
        "textDocument/documentHighlight",
        at(&u4, pos_of(&t4, "Kyiv", 0, 1, Enc::Utf16)),
    );
    let first = c
        .wait_for(|m| m.get("method").is_none() && m.get("id").is_some())
        .unwrap();
    let first_after = started.elapsed();
    let second = c
        .wait_for(|m| m.get("method").is_none() && m.get("id").is_some())
        .unwrap();
    assert_eq!(first["id"], highlight, "the highlight answers first");
    assert!(
        first_after < std::time::Duration::from_secs(4),
        "{first_after:?}"
    );
    assert!(
        first["result"].as_array().is_some_and(|a| !a.is_empty()),
        "{first}"
    );
    assert_eq!(second["id"], hover);
    let md = second["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(md.contains("Kyiv"), "{second}");
    assert!(c.shutdown_exit().success());
}
