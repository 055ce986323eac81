//! End-to-end: annotations (`.crosscheck/`) through the language server,
//! on a copy of the annotated nato-ukraine example. The test client plays
//! an editor: it answers `workspace/applyEdit` by applying the edit to its
//! open buffers (reporting them with didChange) or to disk.
#[path = "lsp_annotations_support.rs"]
mod annot;
mod support;

use annot::*;
use serde_json::{json, Value};
use support::*;

#[test]
fn annotations_feed_diagnostics_hover_and_code_actions() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (u4, t4) = doc(&root, "004");
    let (u2, t2) = doc(&root, "002");
    let (u0, t0) = doc(&root, "000");

    // The KB dates Błaszczak's term; 004 is corrected to December 2024.
    let d4 = source_diagnostics(&mut c, &u4);
    let conflict = d4
        .iter()
        .find(|d| d["code"] == "kb-conflict")
        .expect("kb-conflict");
    assert!(text_at(&t4, &conflict["range"], ENC).contains("Mariusz Błaszczak"));
    assert!(conflict["message"]
        .as_str()
        .unwrap()
        .contains("Kosiniak-Kamysz"));
    // The annotation links "Clay" to the base, not a person.
    let clay = hover_text(&mut c, &u4, pos_of(&t4, "in Clay,", 0, 4, ENC));
    assert!(clay.contains("Clay Kaserne"), "{clay}");

    // Mark a claim that rests on an anonymous source verified.
    let anon = "two national security experts";
    let anon_here = |ds: &[Value]| {
        ds.iter().any(|d| {
            d["code"] == "anonymous-source" && text_at(&t2, &d["range"], ENC).contains(anon)
        })
    };
    assert!(anon_here(&source_diagnostics(&mut c, &u2)));
    let acts = actions(&mut c, &u2, range_of(&t2, anon), json!([]));
    run_action(&mut c, &acts, "Mark this claim verified");
    eventually(&mut c, "anonymous-source settled", |c| {
        !anon_here(&source_diagnostics(c, &u2))
    });
    let edit = c.seen("workspace/applyEdit");
    assert_eq!(
        edit[0]["params"]["edit"]["documentChanges"][0]["kind"],
        "create"
    );
    let ann2 = std::fs::read_to_string(annotation_file(&root, "002")).unwrap();
    assert!(ann2.contains("\"status\": \"verified\""), "{ann2}");

    // Create a KB entity from a mention, then link another spelling to it.
    let udcg = "Ukraine Defense Contact Group";
    let acts = actions(&mut c, &u4, range_of(&t4, udcg), json!([]));
    run_action(&mut c, &acts, "Create a knowledge-base entity");
    let kb_path = root.join(".crosscheck/entities.json");
    eventually(&mut c, "KB entry written", |_| {
        std::fs::read_to_string(&kb_path).unwrap().contains(udcg)
    });
    let kb: Value = serde_json::from_str(&std::fs::read_to_string(&kb_path).unwrap()).unwrap();
    let id = kb["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == udcg)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // "the Ramstein format" in 000 is that group too.
    let ramstein = pos_of(&t0, "Ramstein", 0, 2, ENC);
    let before = hover_text(&mut c, &u0, ramstein.clone());
    assert!(!before.contains(udcg), "{before}");
    c.call(
        "workspace/executeCommand",
        json!({"command": "crosscheck.linkMention", "arguments": [
            {"uri": u0, "range": range_of(&t0, "Ramstein"), "entity": id}]}),
    );
    eventually(&mut c, "Ramstein's card is the contact group", |c| {
        hover_text(c, &u0, ramstein.clone()).contains(udcg)
    });

    // Rename an entity: the KB changes, never the source text.
    let sullivan = pos_of(&t0, "Jake Sullivan", 0, 6, ENC);
    let prep = c.call("textDocument/prepareRename", at(&u0, sullivan.clone()));
    assert_eq!(text_at(&t0, &prep["range"], ENC), "Jake Sullivan");
    let mut p = at(&u0, sullivan.clone());
    p["newName"] = json!("Jacob Jeremiah Sullivan");
    let we = c.call("textDocument/rename", p);
    apply_workspace_edit(&we, &buffers);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&kb_path), "type": 2}]}),
    );
    eventually(&mut c, "renamed in hover", |c| {
        hover_text(c, &u4, pos_of(&t4, "Jake Sullivan", 0, 2, ENC))
            .contains("Jacob Jeremiah Sullivan")
    });
    assert_eq!(std::fs::read_to_string(path_of(&u0)).unwrap(), t0);
    assert!(c.shutdown_exit().success());
}

#[test]
fn an_unsaved_annotation_buffer_is_edited_not_overwritten() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (u4, t4) = doc(&root, "004");
    let kb_path = root.join(".crosscheck/entities.json");
    let kb_uri = file_uri(&kb_path);
    let on_disk = std::fs::read_to_string(&kb_path).unwrap();
    let unsaved = on_disk.replace(
        "US Army garrison in Wiesbaden",
        "US Army garrison (unsaved note)",
    );
    buffers
        .lock()
        .unwrap()
        .insert(kb_uri.clone(), (1, unsaved.clone()));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": kb_uri, "languageId": "json", "version": 1, "text": unsaved}}),
    );
    let acts = actions(&mut c, &u4, range_of(&t4, "Jasieniec"), json!([]));
    run_action(&mut c, &acts, "Create a knowledge-base entity");
    eventually(&mut c, "the buffer got the entity", |_| {
        buffers.lock().unwrap()[&kb_uri].1.contains("Jasieniec")
    });
    let buf = buffers.lock().unwrap()[&kb_uri].1.clone();
    assert!(buf.contains("(unsaved note)"), "the unsaved edit survived");
    assert_eq!(
        std::fs::read_to_string(&kb_path).unwrap(),
        on_disk,
        "disk untouched"
    );
    let applied = c.wait_notification("workspace/applyEdit", |_| true);
    let edit = &applied["params"]["edit"]["documentChanges"];
    let kb_edit = edit
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["textDocument"]["uri"] == json!(kb_uri))
        .unwrap();
    assert_eq!(kb_edit["textDocument"]["version"], 1);
    assert!(c.shutdown_exit().success());
}

#[test]
fn a_broken_annotation_file_gets_diagnostics_and_is_kept() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (u4, t4) = doc(&root, "004");
    let broken = annotation_file(&root, "004");
    let bad = std::fs::read_to_string(&broken)
        .unwrap()
        .replacen('{', "{ oops", 1);
    std::fs::write(&broken, &bad).unwrap();
    let broken_uri = file_uri(&broken);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": broken_uri, "type": 2}]}),
    );
    let pd = c.wait_notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == json!(broken_uri) && p["diagnostics"].as_array().is_some_and(|d| !d.is_empty())
    });
    let d = &pd["params"]["diagnostics"][0];
    assert_eq!(d["code"], "invalid-json", "{pd}");
    assert_eq!(d["range"]["start"]["line"], 0);
    // Edits to it are refused; the server lives on.
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": "crosscheck.setClaimStatus", "arguments": [
            {"uri": u4, "range": range_of(&t4, "NATO has taken on"), "status": "false"}]}),
    );
    assert!(r.get("error").is_some(), "{r}");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), bad);
    assert!(hover_text(&mut c, &u4, pos_of(&t4, "Mark Rutte", 0, 2, ENC)).contains("Rutte"));
    assert!(c.shutdown_exit().success());
}

#[test]
fn without_apply_edit_the_server_writes_itself() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, false, &buffers);
    let (u2, _) = doc(&root, "002");
    let (u0, t0) = doc(&root, "000");
    c.call(
        "workspace/executeCommand",
        json!({"command": "crosscheck.setMetadata", "arguments": [
            {"uri": u2, "published": "2024-07-08", "outlet": "Eviralnews"}]}),
    );
    c.wait_notification("window/showMessage", |p| {
        p["message"].as_str().unwrap().contains("written")
    });
    let ann = std::fs::read_to_string(annotation_file(&root, "002")).unwrap();
    assert!(ann.contains("\"published\": \"2024-07-08\""), "{ann}");
    assert!(c.seen("workspace/applyEdit").is_empty());

    // Dismiss a diagnostic through its code action.
    let hedge = source_diagnostics(&mut c, &u0)
        .into_iter()
        .find(|d| d["code"] == "hedged-claim")
        .unwrap();
    let acts = actions(&mut c, &u0, hedge["range"].clone(), json!([hedge.clone()]));
    run_action(&mut c, &acts, "Dismiss this hedged-claim");
    let same = |d: &Value| d["code"] == "hedged-claim" && d["range"] == hedge["range"];
    eventually(&mut c, "dismissed", |c| {
        !source_diagnostics(c, &u0).iter().any(same)
    });
    assert!(std::fs::read_to_string(annotation_file(&root, "000"))
        .unwrap()
        .contains("hedged-claim"));
    let _ = t0;
    assert!(c.shutdown_exit().success());
}

#[test]
fn merges_verdicts_with_evidence_and_orphans() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (u4, t4) = doc(&root, "004");
    let (u2, t2) = doc(&root, "002");
    let kb_path = root.join(".crosscheck/entities.json");
    let kb_has = |s: &str| std::fs::read_to_string(&kb_path).unwrap().contains(s);

    // The acronym and the full name become KB entities, then one.
    let long = "NATO Support and Training in Security for Ukraine";
    for (needle, n) in [("NSATU", "\"NSATU\""), (long, long)] {
        c.call(
            "workspace/executeCommand",
            json!({"command": "crosscheck.createEntity", "arguments": [
                {"uri": u4, "range": range_of(&t4, needle), "kind": "organization"}]}),
        );
        eventually(&mut c, "entity created", |_| kb_has(n));
    }
    let (keep, gone) = (kb_id_named(&root, long), kb_id_named(&root, "NSATU"));
    c.call(
        "workspace/executeCommand",
        // from the KB file itself: no source needed
        json!({"command": "crosscheck.mergeEntities", "arguments": [
            {"uri": file_uri(&kb_path), "keep": keep, "gone": gone}]}),
    );
    eventually(&mut c, "merged", |_| kb_has("merged_from"));
    let nsatu = pos_of(&t4, "NSATU", 0, 1, ENC);
    eventually(&mut c, "NSATU's card is the mission", |c| {
        hover_text(c, &u4, nsatu.clone()).contains(long)
    });

    // A claim marked false, with a span of another source as evidence.
    let claim = "America remains the dominant state in the alliance";
    let evidence = "leave “the bulk of its infantry";
    c.call(
        "workspace/executeCommand",
        json!({"command": "crosscheck.setClaimStatus", "arguments": [{
            "uri": u4, "range": range_of(&t4, claim), "status": "false",
            "evidence": {"uri": u2, "range": range_of(&t2, evidence)},
            "note": "checked against 002"}]}),
    );
    eventually(&mut c, "disputed-claim", |c| {
        source_diagnostics(c, &u4).iter().any(|d| {
            d["code"] == "disputed-claim"
                && d["severity"] == 2
                && text_at(&t4, &d["range"], ENC).contains(claim)
        })
    });
    let ann = std::fs::read_to_string(annotation_file(&root, "004")).unwrap();
    assert!(
        ann.contains("\"status\": \"false\"") && ann.contains(evidence),
        "{ann}"
    );

    // Edit the source so the "Clay" link loses its text: an orphan, shown
    // on the first line, re-attached to the selection.
    let edited = t4.replace(
        "is located in Clay, an American",
        "is located at an American",
    );
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u4, "languageId": "plaintext", "version": 1, "text": edited}}),
    );
    let orphan_here = |c: &mut Client| {
        source_diagnostics(c, &u4)
            .iter()
            .any(|d| d["code"] == "orphaned-annotation" && d["range"]["start"]["line"] == 0)
    };
    eventually(&mut c, "orphan reported", orphan_here);
    let acts = actions(
        &mut c,
        &u4,
        range_of(&edited, "an American military base"),
        json!([]),
    );
    run_action(&mut c, &acts, "Re-attach orphaned link \"Clay\"");
    eventually(&mut c, "re-attached", |c| !orphan_here(c));
    let ann = std::fs::read_to_string(annotation_file(&root, "004")).unwrap();
    assert!(
        ann.contains("\"quote\": \"an American military base\""),
        "{ann}"
    );
    assert!(c.shutdown_exit().success());
}

/// At an anonymous-source warning, on the warning's own range (where a
/// person asks), the quick fixes offer the verdicts on the claims resting
/// on that source as well as dismissing it; a verdict settles it.
#[test]
fn verdicts_are_offered_on_a_claim_diagnostic_range() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (u0, t0) = doc(&root, "000");
    let anon = |c: &mut Client| {
        source_diagnostics(c, &u0)
            .into_iter()
            .find(|d| d["code"] == "anonymous-source")
    };
    let d = anon(&mut c).expect("000 has an anonymous source");
    assert!(
        text_at(&t0, &d["range"], ENC).contains("sources in diplomatic"),
        "{d}"
    );
    let acts = actions(&mut c, &u0, d["range"].clone(), json!([d]));
    let titles: Vec<&str> = acts.iter().map(|a| a["title"].as_str().unwrap()).collect();
    for status in ["verified", "disputed", "false"] {
        let a = acts
            .iter()
            .find(|a| {
                let t = a["title"].as_str().unwrap();
                t.starts_with("Mark ") && t.ends_with(status)
            })
            .unwrap_or_else(|| panic!("no {status} verdict in {titles:?}"));
        // a quick fix for this diagnostic, as editors list them
        assert_eq!(a["kind"], "quickfix", "{a}");
        assert_eq!(a["diagnostics"][0]["code"], "anonymous-source", "{a}");
    }
    assert!(
        titles.contains(&"Dismiss this anonymous-source diagnostic"),
        "{titles:?}"
    );
    let verified = acts
        .iter()
        .find(|a| a["title"].as_str().unwrap().ends_with("verified"))
        .unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(verified.contains("3 claims"), "{verified}");
    run_action(&mut c, &acts, &verified);
    eventually(&mut c, "anonymous-source settled by the verdict", |c| {
        anon(c).is_none()
    });
    let ann0 = std::fs::read_to_string(annotation_file(&root, "000")).unwrap();
    assert_eq!(
        ann0.matches("\"status\": \"verified\"").count(),
        3,
        "{ann0}"
    );
    assert!(c.shutdown_exit().success());
}
