//! End-to-end tests of the claims features over stdio: pushed diagnostics
//! (all files after indexing, versions after edits, cross-file updates),
//! configuration (file, buffer, client settings), the combined hover and
//! the file summary lens.
mod support;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use support::*;

const PUBLISH: &str = "textDocument/publishDiagnostics";

/// Wait for diagnostics of `uri` matching `pred`; returns the list.
fn diags(c: &mut Client, uri: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let m = c.wait_notification(PUBLISH, |p| {
        p["uri"] == uri && pred(p["diagnostics"].as_array().map_or(&[], |v| v))
    });
    m["params"]["diagnostics"].as_array().unwrap().clone()
}

/// The publish notification itself (for its version).
fn publish(c: &mut Client, uri: &str, pred: impl Fn(&Value) -> bool) -> Value {
    c.wait_notification(PUBLISH, |p| p["uri"] == uri && pred(p))["params"].clone()
}

fn codes(ds: &[Value]) -> Vec<String> {
    ds.iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn has(ds: &[Value], code: &str) -> bool {
    ds.iter().any(|d| d["code"] == code)
}

/// Wait for the first diagnostics of every corpus file; returns them by
/// file name prefix ("000").
fn initial(c: &mut Client, root: &Path) -> Vec<(String, Vec<Value>)> {
    let mut out = Vec::new();
    for prefix in ["000", "001", "002", "003", "004"] {
        let (uri, _) = doc(root, prefix);
        out.push((prefix.to_string(), diags(c, &uri, |_| true)));
    }
    out
}

fn config_path(root: &Path) -> PathBuf {
    root.join(".crosscheck/config.json")
}

fn write_config(c: &mut Client, root: &Path, text: &str) {
    let p = config_path(root);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let existed = p.exists();
    std::fs::write(&p, text).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&p), "type": if existed { 2 } else { 1 }}]}),
    );
}

#[test]
fn every_file_gets_its_diagnostics_after_indexing() {
    let (_tmp, root) = corpus();
    let (mut c, init) = start(&root, json!({}), json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["codeLensProvider"]["resolveProvider"], false);
    assert!(
        caps["executeCommandProvider"]["commands"]
            .as_array()
            .unwrap()
            .contains(&json!("crosscheck.showFileSummary")),
        "{caps}"
    );
    let all = initial(&mut c, &root);
    for (prefix, ds) in &all {
        assert!(!has(ds, "conflicting-claim"), "{prefix}: {ds:?}");
        for d in ds {
            assert_eq!(d["source"], "crosscheck");
        }
    }
    let d000 = &all[0].1;
    let anon = d000
        .iter()
        .find(|d| d["code"] == "anonymous-source")
        .unwrap_or_else(|| panic!("{d000:?}"));
    let msg = anon["message"].as_str().unwrap();
    assert!(
        msg.contains("sources in diplomatic and political circles"),
        "{msg}"
    );
    assert_eq!(anon["severity"], 2);
    let (u0, t0) = doc(&root, "000");
    assert_eq!(
        text_at(&t0, &anon["range"], Enc::Utf16),
        "sources in diplomatic and political circles"
    );
    assert!(has(&all[1].1, "ambiguous-date"), "{:?}", all[1].1);
    let amb = all[1].1.iter().find(|d| d["code"] == "ambiguous-date");
    assert_eq!(amb.unwrap()["severity"], 3);
    // unopened files are published without a version
    let p = publish(&mut c, &u0, |_| true);
    assert!(p.get("version").is_none() || p["version"].is_null(), "{p}");
    assert!(c.shutdown_exit().success());
}

#[test]
fn hover_combines_entity_card_and_claim() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    // a Reuters-based claim, away from any mention
    let (u4, t4) = doc(&root, "004");
    let r = c.call(
        "textDocument/hover",
        at(&u4, pos_of(&t4, " may ", 0, 2, Enc::Utf16)),
    );
    let md = r["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.starts_with("**Claim**"), "{md}");
    assert!(md.contains("Reuters"), "{md}");

    // claim hover alone inside the sentence, off a mention
    let (u3, t3) = doc(&root, "003");
    let needle = "NATO will assume responsibility for coordinating the supply of weapons";
    let r = c.call(
        "textDocument/hover",
        at(&u3, pos_of(&t3, needle, 0, 12, Enc::Utf16)),
    );
    let md = r["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.starts_with("**Claim**"), "{md}");
    // the Handelsblatt-, NTV- and Reuters-based reports say the same in
    // other words, but the sentence states no fact frame (no amount, date,
    // place or role): shared words alone never corroborate
    assert!(!md.contains("**Corroborated by**"), "{md}");
    // where the new NATO headquarters is: a fact, stated in 002 and 004,
    // listed with the agreeing fact and both values
    let (u2, t2) = doc(&root, "002");
    let r = c.call(
        "textDocument/hover",
        at(
            &u2,
            pos_of(
                &t2,
                "a new NATO headquarters in Wiesbaden",
                0,
                2,
                Enc::Utf16,
            ),
        ),
    );
    let md2 = r["contents"]["value"].as_str().unwrap_or_default();
    let line = md2
        .lines()
        .find(|l| l.contains("`004_"))
        .unwrap_or_else(|| panic!("{md2}"));
    assert!(line.contains("same place on where NATO is"), "{line}");
    assert!(
        line.contains("there, \"Wiesbaden, Germany\" here"),
        "{line}"
    );
    assert_eq!(
        text_at(&t3, &r["range"], Enc::Utf16)
            .split_whitespace()
            .next(),
        Some("NATO")
    );

    // on the mention: the entity card, a rule, then the claim
    let r = c.call(
        "textDocument/hover",
        at(&u3, pos_of(&t3, needle, 0, 1, Enc::Utf16)),
    );
    let md = r["contents"]["value"].as_str().unwrap_or_default();
    let (card, claim) = md
        .split_once("\n\n---\n\n")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(card.starts_with("**NATO**"), "{card}");
    assert!(claim.starts_with("**Claim**"), "{claim}");
    assert_eq!(text_at(&t3, &r["range"], Enc::Utf16), "NATO");
    assert!(c.shutdown_exit().success());
}

#[test]
fn edits_publish_with_the_document_version() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    initial(&mut c, &root);
    let (u3, t3) = doc(&root, "003");
    c.seen.clear();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u3, "languageId": "plaintext", "version": 1, "text": t3}}),
    );
    publish(&mut c, &u3, |p| p["version"] == 1);
    let end = position(&t3, t3.len(), Enc::Utf16);
    let added = "\nThe alliance may send more troops to Poland, officials said.\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u3, "version": 7},
               "contentChanges": [{"range": {"start": end, "end": end}, "text": added}]}),
    );
    let p = publish(&mut c, &u3, |p| p["version"] == 7);
    let new_text = format!("{t3}{added}");
    let ds = p["diagnostics"].as_array().unwrap();
    let hedge = ds.iter().find(|d| {
        d["code"] == "hedged-claim" && text_at(&new_text, &d["range"], Enc::Utf16) == "may"
    });
    assert!(hedge.is_some(), "{ds:?}");
    assert!(c.shutdown_exit().success());
}

#[test]
fn config_file_controls_rules_and_reports_errors() {
    let (_tmp, root) = corpus();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut c, _) = start(&root, caps, json!({}));
    // Two watchers are registered (sources + config, annotation files), in
    // either order: wait for the one that covers the config file.
    let reg = c.wait_notification("client/registerCapability", |p| {
        p["registrations"][0]["registerOptions"]["watchers"]
            .to_string()
            .contains("**/.crosscheck/config.json")
    });
    let globs = reg["params"]["registrations"][0]["registerOptions"]["watchers"].to_string();
    assert!(globs.contains("**/.crosscheck/config.json"), "{globs}");
    let (u0, _) = doc(&root, "000");
    let all = initial(&mut c, &root);
    assert!(has(&all[0].1, "hedged-claim"));

    c.seen.clear();
    write_config(&mut c, &root, r#"{"rules": {"hedged-claim": "off"}}"#);
    let ds = diags(&mut c, &u0, |ds| !has(ds, "hedged-claim"));
    assert!(has(&ds, "anonymous-source"), "{ds:?}");

    // an invalid file: reported at its line, defaults meanwhile
    c.seen.clear();
    write_config(
        &mut c,
        &root,
        "{\n  \"rules\": {\n    \"hedged-claim\": \"loud\"\n  }\n}\n",
    );
    let cfg_uri = file_uri(&config_path(&root));
    let ds = diags(&mut c, &cfg_uri, |ds| !ds.is_empty());
    assert_eq!(codes(&ds), vec!["invalid-config"]);
    assert_eq!(ds[0]["range"]["start"]["line"], 2);
    assert_eq!(ds[0]["source"], "crosscheck");
    assert_eq!(ds[0]["severity"], 1);
    diags(&mut c, &u0, |ds| has(ds, "hedged-claim"));

    // edited in the editor: the buffer is in force, with its version
    c.seen.clear();
    let good = r#"{"rules": {"anonymous-source": "hint"}}"#;
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": cfg_uri, "languageId": "json", "version": 3, "text": good}}),
    );
    let p = publish(&mut c, &cfg_uri, |p| p["diagnostics"] == json!([]));
    assert!(
        p["version"].is_null(),
        "cleared lists carry no version: {p}"
    );
    let ds = diags(&mut c, &u0, |ds| {
        ds.iter()
            .any(|d| d["code"] == "anonymous-source" && d["severity"] == 4)
    });
    assert!(has(&ds, "hedged-claim"));
    // the config file is not an article: no entities, no lens
    let r = c.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": cfg_uri}}),
    );
    assert!(r.is_null(), "{r}");
    assert!(c.shutdown_exit().success());
}

#[test]
fn client_settings_change_severities() {
    let (_tmp, root) = corpus();
    let opts = json!({"crosscheck": {"rules": {"ambiguous-date": "off"}}});
    let (mut c, _) = start(&root, json!({}), opts);
    let all = initial(&mut c, &root);
    assert!(!has(&all[1].1, "ambiguous-date"), "{:?}", all[1].1);
    let (u0, _) = doc(&root, "000");
    let (u1, _) = doc(&root, "001");
    c.seen.clear();
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"crosscheck": {"rules": {"anonymous-source": "error", "ambiguous-date": "warning"}}}}),
    );
    diags(&mut c, &u0, |ds| {
        ds.iter()
            .any(|d| d["code"] == "anonymous-source" && d["severity"] == 1)
    });
    diags(&mut c, &u1, |ds| {
        ds.iter()
            .any(|d| d["code"] == "ambiguous-date" && d["severity"] == 2)
    });
    // the workspace file wins over client settings for the rules it sets
    c.seen.clear();
    write_config(&mut c, &root, r#"{"rules": {"anonymous-source": "off"}}"#);
    let ds = diags(&mut c, &u0, |ds| !has(ds, "anonymous-source"));
    assert!(has(&ds, "hedged-claim"), "{ds:?}");
    assert!(c.shutdown_exit().success());
}

#[test]
fn code_lens_summarises_the_file() {
    let (_tmp, root) = corpus();
    let caps = json!({"workspace": {"codeLens": {"refreshSupport": true}}});
    let (mut c, _) = start(&root, caps, json!({}));
    let (u0, _) = doc(&root, "000");
    let r = c.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": u0}}),
    );
    let lens = &r[0];
    assert_eq!(lens["range"]["start"], json!({"line": 0, "character": 0}));
    let title = lens["command"]["title"].as_str().unwrap();
    assert!(title.contains(" claims"), "{title}");
    assert!(title.contains("anonymous"), "{title}");
    assert!(title.contains("relies on Handelsblatt"), "{title}");
    let cmd = &lens["command"];
    let summary = c.call(
        "workspace/executeCommand",
        json!({"command": cmd["command"], "arguments": cmd["arguments"]}),
    );
    assert!(summary["claims"].as_u64().unwrap() > 0, "{summary}");
    assert_eq!(summary["title"], title);
    let bad = c.request("workspace/executeCommand", json!({"command": "nope"}));
    assert!(bad.get("error").is_some(), "{bad}");
    // counts depend on other files: new diagnostics refresh the lenses
    c.wait_notification("workspace/codeLens/refresh", |_| true);
    assert!(c.shutdown_exit().success());
}

/// A temporary copy of one of the planted-contradiction corpora.
fn planted(name: &str) -> (tempfile::TempDir, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/corpora")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    std::fs::create_dir_all(&root).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, root.join(p.file_name().unwrap())).unwrap();
    }
    (dir, root)
}

#[test]
fn conflicts_point_at_the_other_file_and_follow_its_changes() {
    let (_tmp, root) = planted("quantity-conflict");
    let (mut c, _) = start(&root, json!({}), json!({}));
    let (ua, ub) = (file_uri(&root.join("a.txt")), file_uri(&root.join("b.txt")));
    let tb = std::fs::read_to_string(root.join("b.txt")).unwrap();
    let ds = diags(&mut c, &ua, |ds| has(ds, "conflicting-claim"));
    let k = ds
        .iter()
        .find(|d| d["code"] == "conflicting-claim")
        .unwrap();
    let rel = &k["relatedInformation"][0];
    assert_eq!(rel["location"]["uri"], ub);
    assert_eq!(
        text_at(&tb, &rel["location"]["range"], Enc::Utf16),
        "30 members"
    );
    assert!(k["message"].as_str().unwrap().contains("b.txt"), "{k}");

    // editing b (open) updates a (closed)
    c.seen.clear();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": ub, "languageId": "plaintext", "version": 1, "text": tb}}),
    );
    let at30 = pos_of(&tb, "30", 0, 0, Enc::Utf16);
    let after = pos_of(&tb, "30", 0, 2, Enc::Utf16);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": ub, "version": 2},
               "contentChanges": [{"range": {"start": at30, "end": after}, "text": "32"}]}),
    );
    let p = publish(&mut c, &ua, |p| {
        !p["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "conflicting-claim")
    });
    assert!(p["version"].is_null(), "{p}");
    publish(&mut c, &ub, |p| p["version"] == 2);

    // closing b goes back to the disk text: the conflict returns; deleting
    // b on disk then clears b and the conflict
    c.seen.clear();
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ub}}),
    );
    diags(&mut c, &ua, |ds| has(ds, "conflicting-claim"));
    std::fs::remove_file(root.join("b.txt")).unwrap();
    c.seen.clear();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": ub, "type": 3}]}),
    );
    diags(&mut c, &ub, |ds| ds.is_empty());
    diags(&mut c, &ua, |ds| !has(ds, "conflicting-claim"));
    assert!(c.shutdown_exit().success());
}

/// After each edit the edited file's diagnostics come with its version,
/// and the files whose conflicts the edit makes or undoes follow, edit
/// after edit (the runs after the first recompute only the files the
/// claims index's patches say changed); a file the edit leaves alone
/// keeps what it had.
#[test]
fn edits_update_the_edited_file_and_the_files_it_conflicts_with() {
    let (_tmp, root) = planted("quantity-conflict");
    let other =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpora/attribution/unverified.txt");
    std::fs::copy(other, root.join("c.txt")).unwrap();
    let (mut c, _) = start(&root, json!({}), json!({}));
    let (ua, ub, uc) = (
        file_uri(&root.join("a.txt")),
        file_uri(&root.join("b.txt")),
        file_uri(&root.join("c.txt")),
    );
    diags(&mut c, &ua, |ds| has(ds, "conflicting-claim"));
    let dc = diags(&mut c, &uc, |_| true);
    assert!(has(&dc, "unverified-claim"), "{dc:?}");
    let tb = std::fs::read_to_string(root.join("b.txt")).unwrap();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": ub, "languageId": "plaintext", "version": 1, "text": tb}}),
    );
    let conflicting = |p: &Value| {
        p["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "conflicting-claim")
    };
    // 30 -> 32 -> 30 -> 31 -> 32: the conflict with a's 32 goes, comes
    // back, stays, goes.
    let mut text = tb.clone();
    let mut number = "30";
    for (version, next) in [(2, "32"), (3, "30"), (4, "31"), (5, "32")] {
        let at = pos_of(&text, number, 0, 0, Enc::Utf16);
        let after = pos_of(&text, number, 0, 2, Enc::Utf16);
        c.seen.clear();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": ub, "version": version},
                   "contentChanges": [{"range": {"start": at, "end": after}, "text": next}]}),
        );
        text = text.replacen(number, next, 1);
        number = next;
        let agree = next == "32";
        let pb = publish(&mut c, &ub, |p| p["version"] == version);
        assert_eq!(conflicting(&pb), !agree, "b at version {version}: {pb}");
        // a's conflict names b's new figure (30 -> 31: still a
        // conflict, with another message)
        let pa = publish(&mut c, &ua, |p| {
            conflicting(p) != agree
                && (agree
                    || p["diagnostics"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|d| d["message"].as_str().unwrap().contains(next)))
        });
        assert!(pa["version"].is_null(), "{pa}");
    }
    // c never conflicted: nothing new was published for it
    assert!(
        !c.seen.iter().any(|m| m["params"]["uri"] == uc),
        "c was published again"
    );
    assert!(c.shutdown_exit().success());
}

/// A buffer outside every folder (an `untitled:` paste) gets single-file
/// diagnostics at its own URI, with its version, cleared when it closes.
#[test]
fn loose_buffers_get_diagnostics_until_closed() {
    let (_tmp, root) = corpus();
    let (mut c, _) = start(&root, json!({}), json!({}));
    let uri = "untitled:Untitled-1";
    let text = "NATO may send more troops to Poland, according to sources in diplomatic circles.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 4, "text": text}}),
    );
    let p = publish(&mut c, uri, |p| p["version"] == 4);
    let ds = p["diagnostics"].as_array().unwrap();
    assert!(has(ds, "hedged-claim"), "{ds:?}");
    assert!(has(ds, "anonymous-source"), "{ds:?}");
    c.seen.clear();
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    diags(&mut c, uri, |ds| ds.is_empty());
    assert!(c.shutdown_exit().success());
}
