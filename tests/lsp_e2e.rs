//! End-to-end tests: the built `crosscheck` binary over stdio, on a copy of
//! the nato-ukraine example corpus. They assert robust facts of the corpus
//! (who is who, which spellings are one place), not recogniser details.
mod support;

use serde_json::{json, Value};
use support::*;

#[test]
fn navigation_across_the_corpus() {
    let (_tmp, root) = corpus();
    let caps = json!({"window": {"workDoneProgress": true}});
    let (mut c, init) = start(&root, caps, json!({}));
    let enc = Enc::Utf16;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");

    // Progress was reported around indexing.
    assert!(!c.seen("window/workDoneProgress/create").is_empty());
    let kinds: Vec<Value> = c
        .seen("$/progress")
        .iter()
        .map(|p| p["params"]["value"]["kind"].clone())
        .collect();
    assert_eq!(kinds.first(), Some(&json!("begin")), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&json!("end")), "{kinds:?}");
    let ready = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(ready["params"]["files"], 5);

    let (u1, t1) = doc(&root, "001");
    let (u3, t3) = doc(&root, "003");
    let (u4, t4) = doc(&root, "004");
    let (u0, t0) = doc(&root, "000");

    // "Jens Stoltenberg" in one file and a bare "Stoltenberg" in another
    // go to the same definition.
    let full = c.call(
        "textDocument/definition",
        at(&u1, pos_of(&t1, "Jens Stoltenberg", 0, 6, enc)),
    );
    let short = c.call(
        "textDocument/definition",
        at(&u3, pos_of(&t3, "Thus, Stoltenberg", 0, 8, enc)),
    );
    assert!(full.is_object(), "{full}");
    assert_eq!(full, short);
    let target = text_of_uri(full["uri"].as_str().unwrap());
    assert_eq!(text_at(&target, &full["range"], enc), "Jens Stoltenberg");

    // Rutte is somebody else.
    let rutte = c.call(
        "textDocument/definition",
        at(&u4, pos_of(&t4, "Mark Rutte", 0, 5, enc)),
    );
    assert_ne!(rutte, full);
    assert_eq!(text_at(&t4, &rutte["range"], enc), "Mark Rutte");

    // Kiev and Kyiv are one place.
    let kiev = c.call(
        "textDocument/definition",
        at(&u1, pos_of(&t1, "Kiev", 0, 1, enc)),
    );
    let kyiv = c.call(
        "textDocument/definition",
        at(&u4, pos_of(&t4, "Kyiv", 0, 1, enc)),
    );
    assert!(kiev.is_object(), "{kiev}");
    assert_eq!(kiev, kyiv);
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": u1}, "position": pos_of(&t1, "Kiev", 0, 0, enc), "context": {"includeDeclaration": true}}),
    );
    let spellings: Vec<String> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| text_at(&text_of_uri(l["uri"].as_str().unwrap()), &l["range"], enc).to_string())
        .collect();
    assert!(
        spellings.iter().any(|s| s == "Kiev") && spellings.iter().any(|s| s == "Kyiv"),
        "{spellings:?}"
    );

    // NATO is referenced in all five files.
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": u0}, "position": pos_of(&t0, "NATO", 0, 0, enc), "context": {"includeDeclaration": true}}),
    );
    let mut files: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), 5, "{files:?}");
    let without = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": u0}, "position": pos_of(&t0, "NATO", 0, 0, enc), "context": {"includeDeclaration": false}}),
    );
    assert_eq!(
        without.as_array().unwrap().len() + 1,
        refs.as_array().unwrap().len()
    );

    // Hover names the role.
    let hover = c.call(
        "textDocument/hover",
        at(&u3, pos_of(&t3, "Thus, Stoltenberg", 0, 8, enc)),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("Jens Stoltenberg") && md.contains("Secretary General"),
        "{md}"
    );
    assert_eq!(text_at(&t3, &hover["range"], enc), "Stoltenberg");

    // Highlights stay in the file.
    let hl = c.call(
        "textDocument/documentHighlight",
        at(&u3, pos_of(&t3, "Thus, Stoltenberg", 0, 8, enc)),
    );
    assert!(hl.as_array().unwrap().len() >= 3, "{hl}");

    // Workspace symbols, folded.
    let syms = c.call("workspace/symbol", json!({"query": "stoltenberg"}));
    assert_eq!(syms[0]["name"], "Jens Stoltenberg", "{syms}");
    for teaser in ["cottage", "zelensky", "sber", "santiago"] {
        let s = c.call("workspace/symbol", json!({"query": teaser}));
        assert_eq!(s, json!([]), "{teaser}: {s}");
    }
    let doc_syms = c.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u4}}),
    );
    assert_eq!(doc_syms[0]["name"], "People", "{doc_syms}");

    // Semantic tokens: legend, and nothing in the page furniture.
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(
        *legend,
        json!([
            "person",
            "organization",
            "location",
            "date",
            "money",
            "quantity"
        ])
    );
    for (uri, text, furniture) in [(&u0, &t0, "Other News"), (&u1, &t1, "More from author")] {
        let toks = c.call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        );
        let toks = decode_tokens(toks["data"].as_array().unwrap());
        assert!(toks.len() > 5);
        assert_eq!(
            toks[0],
            (0, 0, 4, 1),
            "NATO, an organization, opens the file"
        );
        let cut = text.find(furniture).unwrap();
        let cut_line = position(text, cut, enc)["line"].as_u64().unwrap();
        assert!(
            toks.iter().all(|t| t.0 < cut_line),
            "token after {furniture:?}: {toks:?}"
        );
    }
    // Range tokens are a subset of the full ones.
    let toks = c.call(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": u4}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}}),
    );
    let toks = decode_tokens(toks["data"].as_array().unwrap());
    assert!(
        !toks.is_empty() && toks.iter().all(|t| t.0 == 0),
        "{toks:?}"
    );

    assert!(c.shutdown_exit().success());
}

/// Columns depend on the negotiated encoding: "Błaszczak" and an emoji sit
/// before "Kyiv".
#[test]
fn position_encoding_negotiation() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Polish Defense Minister Mariusz Błaszczak 😀 met NATO officials in Kyiv.\n";
    std::fs::write(dir.path().join("enc.txt"), text).unwrap();
    let uri = file_uri(&dir.path().join("enc.txt"));
    let mut cols = Vec::new();
    for (offer, enc, name) in [
        (json!(["utf-16", "utf-8"]), Enc::Utf8, "utf-8"),
        (json!(null), Enc::Utf16, "utf-16"),
    ] {
        let caps = json!({"general": {"positionEncodings": offer}});
        let (mut c, init) = start(dir.path(), caps, json!({}));
        assert_eq!(init["capabilities"]["positionEncoding"], name);
        c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
        let h = c.call(
            "textDocument/hover",
            at(&uri, pos_of(text, "Kyiv", 0, 2, enc)),
        );
        assert_eq!(text_at(text, &h["range"], enc), "Kyiv", "{name}");
        cols.push(h["range"]["start"]["character"].clone());
        let toks = c.call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        );
        let toks = decode_tokens(toks["data"].as_array().unwrap());
        let kyiv_col = pos_of(text, "Kyiv", 0, 0, enc)["character"]
            .as_u64()
            .unwrap();
        assert!(toks.contains(&(0, kyiv_col, 4, 2)), "{name}: {toks:?}");
        let bl = pos_of(text, "Mariusz", 0, 0, enc)["character"]
            .as_u64()
            .unwrap();
        let bl_len = if enc == Enc::Utf8 {
            "Mariusz Błaszczak".len()
        } else {
            17
        };
        assert!(
            toks.contains(&(0, bl, bl_len as u64, 0)),
            "{name}: {toks:?}"
        );
        assert!(c.shutdown_exit().success());
    }
    assert_ne!(
        cols[0], cols[1],
        "utf-8 and utf-16 columns differ after ł and 😀"
    );
}

#[test]
fn incremental_edits_are_seen_by_hover() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    let uri = file_uri(&root.join("notes.md"));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "Officials met in Paris.\n"}}));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 9}}, "text": "NATO Secretary General Mark Rutte"},
            // positions refer to the text after the first change
            {"range": {"start": {"line": 0, "character": 200}, "end": {"line": 0, "character": 200}}, "text": " ¿Qué hace él?"},
        ]}),
    );
    let text = "NATO Secretary General Mark Rutte met in Paris. ¿Qué hace él?\n";
    let h = c.call(
        "textDocument/hover",
        at(&uri, pos_of(text, "Rutte", 0, 1, Enc::Utf16)),
    );
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("Mark Rutte") && md.contains("Secretary General"),
        "{md}"
    );
    assert_eq!(text_at(text, &h["range"], Enc::Utf16), "Mark Rutte");
    // A change without a range replaces the document.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "Kiev is far away."}]}),
    );
    let h = c.call(
        "textDocument/hover",
        at(&uri, json!({"line": 0, "character": 1})),
    );
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**Kyiv**"),
        "{h}"
    );
    let h = c.call(
        "textDocument/hover",
        at(&uri, pos_of(text, "Rutte", 0, 1, Enc::Utf16)),
    );
    assert_eq!(h, Value::Null);
    // Closed: gone (it does not exist on disk).
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(
        c.call(
            "textDocument/hover",
            at(&uri, json!({"line": 0, "character": 1}))
        ),
        Value::Null
    );
    assert!(c.shutdown_exit().success());
}

#[test]
fn malformed_requests_get_errors_and_the_server_keeps_answering() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    let (u4, t4) = doc(&root, "004");
    let code = |r: &Value| r["error"]["code"].as_i64();

    c.send_raw("{this is not json");
    let e = c
        .wait_for(|m| m.get("error").is_some())
        .expect("an error for bad JSON");
    assert_eq!(code(&e), Some(-32700), "{e}");

    let r = c.request("crosscheck/noSuchMethod", json!({}));
    assert_eq!(code(&r), Some(-32601), "{r}");

    let r = c.request(
        "textDocument/hover",
        at(&u4, json!({"line": 100000, "character": 0})),
    );
    assert_eq!(code(&r), Some(-32602), "{r}");

    let r = c.request("textDocument/hover", Value::Null);
    assert_eq!(code(&r), Some(-32602), "{r}");
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": u4}, "position": "here"}),
    );
    assert_eq!(code(&r), Some(-32602), "{r}");

    // A past-the-end column is clamped, a file nobody knows is no answer.
    let r = c.call(
        "textDocument/hover",
        at(&u4, json!({"line": 0, "character": 100000})),
    );
    assert!(r.is_null() || r.is_object(), "{r}");
    let r = c.call(
        "textDocument/hover",
        at("file:///nowhere/x.txt", json!({"line": 0, "character": 0})),
    );
    assert_eq!(r, Value::Null);
    let r = c.call(
        "textDocument/hover",
        at("untitled:Untitled-1", json!({"line": 0, "character": 0})),
    );
    assert_eq!(r, Value::Null);

    // Still answering.
    let h = c.call(
        "textDocument/hover",
        at(&u4, pos_of(&t4, "Kyiv", 0, 1, Enc::Utf16)),
    );
    assert!(h["contents"]["value"].as_str().unwrap().contains("Kyiv"));
    assert!(c.shutdown_exit().success());
}

#[test]
fn stdio_flag_and_exit_status() {
    let mut c = Client::spawn(&["lsp", "--stdio"]);
    c.initialize(json!({"capabilities": {}}));
    assert!(c.shutdown_exit().success());

    // exit without shutdown: status 1, as the specification asks.
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(json!({"capabilities": {}}));
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(1));
}

/// Pasted articles live in `untitled:` buffers: they get single-file
/// analysis and answers name them by their own URI.
#[test]
fn untitled_buffers_are_analysed_on_their_own() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    let uri = "untitled:Untitled-1";
    let text = "NATO Secretary General Mark Rutte arrived in Kyiv. Rutte met officials.\n";
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    let d = c.call(
        "textDocument/definition",
        at(uri, pos_of(text, "Rutte met", 0, 1, Enc::Utf16)),
    );
    assert_eq!(d["uri"], uri, "{d}");
    assert_eq!(text_at(text, &d["range"], Enc::Utf16), "Mark Rutte");
    // Not linked into the folder: Kyiv here has one reference.
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": pos_of(text, "Kyiv", 0, 0, Enc::Utf16), "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().unwrap().len(), 1, "{refs}");
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(
        c.call(
            "textDocument/hover",
            at(uri, json!({"line": 0, "character": 1}))
        ),
        Value::Null
    );
    assert!(c.shutdown_exit().success());
}

/// CRLF, a lone CR and U+2028 in one document: LSP lines break at the
/// first two only, and ranges come back where the client expects them.
#[test]
fn line_breaks_crlf_lone_cr_and_u2028() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = start(dir.path(), json!({}), json!({}));
    let uri = file_uri(&dir.path().join("crlf.txt"));
    let text =
        "Intro line.\r\n😀 NATO officials met in Kyiv.\rKyiv\u{2028}is calm. NATO agreed.\r\n";
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    // line 1: "😀 NATO officials met in Kyiv." (😀 is 2 UTF-16 units)
    let h = c.call(
        "textDocument/hover",
        at(&uri, json!({"line": 1, "character": 27})),
    );
    assert_eq!(
        h["range"],
        json!({"start": {"line": 1, "character": 25}, "end": {"line": 1, "character": 29}}),
        "{h}"
    );
    // line 2 starts after the lone CR; U+2028 does not break it
    let hl = c.call(
        "textDocument/documentHighlight",
        at(&uri, json!({"line": 2, "character": 1})),
    );
    let ranges: Vec<&Value> = hl.as_array().unwrap().iter().map(|h| &h["range"]).collect();
    assert_eq!(ranges.len(), 2, "{hl}");
    assert_eq!(
        *ranges[1],
        json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 4}})
    );
    let toks = c.call(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri}}),
    );
    let toks = decode_tokens(toks["data"].as_array().unwrap());
    // "NATO" after "Kyiv\u{2028}is calm. " on line 2: column 4 + 1 + 9 = 14
    assert!(toks.contains(&(2, 14, 4, 1)), "{toks:?}");
    assert!(c.shutdown_exit().success());
}

/// A question asked while the folder is still being indexed: with the
/// wait for the index cut to nothing, it is answered from what is indexed,
/// the client is then asked to refresh its semantic tokens and code lenses,
/// and once indexing is done the answers are the folder's.
#[test]
fn answers_given_before_the_index_are_refreshed_and_then_right() {
    let (_tmp, root) = corpus();
    // More files than the example: indexing takes a while.
    let texts: Vec<(String, String)> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    for i in 0..8 {
        for (name, text) in &texts {
            std::fs::write(root.join(format!("copy{i}-{name}")), text).unwrap();
        }
    }
    let mut c = Client::spawn_env(
        &["lsp"],
        &[("CROSSCHECK_INDEX_WAIT_MS", "0")],
        std::sync::Arc::new(|_: &Value| (Value::Null, Vec::new())),
    );
    c.call(
        "initialize",
        json!({"processId": null, "capabilities": {"workspace": {
            "semanticTokens": {"refreshSupport": true}, "codeLens": {"refreshSupport": true}}},
            "workspaceFolders": [{"uri": file_uri(&root), "name": "news"}]}),
    );
    c.notify("initialized", json!({}));
    let (u3, t3) = doc(&root, "003");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u3, "languageId": "plaintext", "version": 1, "text": t3}}),
    );
    let early = c.call(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": u3}}),
    );
    assert!(early["data"].is_array());
    let ready = c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    assert_eq!(ready["params"]["files"], 45);
    for m in [
        "workspace/semanticTokens/refresh",
        "workspace/codeLens/refresh",
    ] {
        c.wait_notification(m, |_| true);
    }
    let def = c.call(
        "textDocument/definition",
        at(&u3, pos_of(&t3, "Thus, Stoltenberg", 0, 8, Enc::Utf16)),
    );
    assert_ne!(
        def["uri"],
        json!(u3),
        "definition stayed in the buffer: {def}"
    );
    assert!(c.shutdown_exit().success());
}
