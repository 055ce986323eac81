//! A hover sent right after an edit, over stdio: it answers about the
//! edited text (ranges in the new text, a renamed place as renamed), and a
//! claim's cross-file part does not wait for the folder's claims to be
//! compared again (the previous index speaks for an unchanged sentence).
mod support;

use serde_json::{json, Value};
use support::*;

fn edit(c: &mut Client, uri: &str, version: i32, text: &str, at: usize, del: usize, new: &str) {
    let (start, end) = (
        position(text, at, Enc::Utf16),
        position(text, at + del, Enc::Utf16),
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version},
               "contentChanges": [{"range": {"start": start, "end": end}, "text": new}]}),
    );
}

fn markdown(r: &Value) -> &str {
    r["contents"]["value"].as_str().unwrap_or_default()
}

#[test]
fn a_hover_right_after_an_edit_reflects_it() {
    let (_tmp, root) = corpus();
    // Every claims index takes 6 s more to build: the one after the edit
    // is still in the making when the hovers arrive.
    let mut c = Client::spawn_env(
        &["lsp", "--no-cache"],
        &[("CROSSCHECK_TEST_CLAIMS_DELAY_MS", "6000")],
        std::sync::Arc::new(|_: &Value| (Value::Null, Vec::new())),
    );
    c.initialize(json!({"processId": null, "capabilities": {},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "news"}]}));
    c.wait_notification("crosscheck/status", |p| p["state"] == "ready");
    let (u2, t2) = doc(&root, "002");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u2, "languageId": "plaintext", "version": 1, "text": t2}}),
    );
    // Its diagnostics: the claims index of the folder is built.
    c.wait_notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == u2.as_str() && p["version"] == 1
    });

    // A word typed in an earlier sentence: the claim below moves.
    let at = t2.find("the NATO summit").unwrap() + "the ".len();
    edit(&mut c, &u2, 2, &t2, at, 0, "big ");
    let t = format!("{}big {}", &t2[..at], &t2[at..]);
    let r = c.call(
        "textDocument/hover",
        at_pos(&u2, &t, "a new NATO headquarters in Wiesbaden", 2),
    );
    let md = markdown(&r);
    assert!(md.starts_with("**Claim**"), "{md}");
    let line = md
        .lines()
        .find(|l| l.contains("`004_"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains("same place on where NATO is"), "{line}");
    assert!(
        text_at(&t, &r["range"], Enc::Utf16).starts_with("According to this information"),
        "{r}"
    );

    // A place renamed: the entity card names the new one, at its range.
    let at = t.find("an office in Kyiv").unwrap() + "an office in ".len();
    edit(&mut c, &u2, 3, &t, at, "Kyiv".len(), "Odesa");
    let t = format!("{}Odesa{}", &t[..at], &t[at + "Kyiv".len()..]);
    let r = c.call("textDocument/hover", at_pos(&u2, &t, "office in Odesa", 11));
    assert!(markdown(&r).starts_with("**Odesa**"), "{r}");
    assert_eq!(text_at(&t, &r["range"], Enc::Utf16), "Odesa");
    assert!(c.shutdown_exit().success());
}

fn at_pos(uri: &str, text: &str, needle: &str, delta: usize) -> Value {
    at(uri, pos_of(text, needle, 0, delta, Enc::Utf16))
}
