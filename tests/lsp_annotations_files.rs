//! End-to-end: language features inside `.crosscheck/` files, and edits
//! for clients that cannot express every change (see `lsp_annotations`).
#[path = "lsp_annotations_support.rs"]
mod annot;
mod support;

use annot::*;
use serde_json::json;
use support::*;

#[test]
fn language_features_inside_crosscheck_files() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let mut c = start_annotated(&root, true, &buffers);
    let (_, t4) = doc(&root, "004");
    let ann = annotation_file(&root, "004");
    let (au, at_) = (file_uri(&ann), std::fs::read_to_string(&ann).unwrap());
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": au, "languageId": "json", "version": 1, "text": at_}}),
    );
    // An entity id: hover shows the KB entry, definition goes to it.
    let on_id = pos_of(&at_, "location:clay-kaserne", 0, 3, ENC);
    let h = hover_text(&mut c, &au, on_id.clone());
    assert!(
        h.contains("Clay Kaserne") && h.contains("knowledge base"),
        "{h}"
    );
    let d = c.call("textDocument/definition", at(&au, on_id.clone()));
    assert!(d["uri"].as_str().unwrap().ends_with("entities.json"), "{d}");
    let kb_text = std::fs::read_to_string(root.join(".crosscheck/entities.json")).unwrap();
    assert!(text_at(&kb_text, &d["range"], ENC).contains("\"id\": \"location:clay-kaserne\""));
    // An annotation: definition goes to the annotated text.
    let d = c.call(
        "textDocument/definition",
        at(&au, pos_of(&at_, "\"link-clay\"", 0, 3, ENC)),
    );
    assert!(d["uri"].as_str().unwrap().contains("004_"), "{d}");
    assert_eq!(text_at(&t4, &d["range"], ENC), "Clay");
    // Completion of entity ids.
    let comp = c.call("textDocument/completion", at(&au, on_id));
    let labels: Vec<&str> = comp
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"person:mark-rutte"), "{labels:?}");
    // An unknown id typed in the buffer: a diagnostic where it is.
    let typo = at_.replace("location:clay-kaserne", "location:clay-kasern");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": au, "version": 2}, "contentChanges": [{"text": typo}]}),
    );
    let pd = c.wait_notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == json!(au)
            && p["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|x| x["code"] == "unknown-entity"))
    });
    let diag = pd["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "unknown-entity")
        .unwrap()
        .clone();
    assert!(text_at(&typo, &diag["range"], ENC).contains("location:clay-kasern"));
    assert_eq!(pd["params"]["version"], 2);
    // Disk untouched by the buffer.
    assert_eq!(std::fs::read_to_string(&ann).unwrap(), at_);
    assert!(c.shutdown_exit().success());
}

#[test]
fn a_client_without_document_changes_gets_plain_edits() {
    let (_tmp, root) = annotated_corpus();
    let buffers = Buffers::default();
    let caps = json!({"workspace": {"applyEdit": true}});
    let mut c = start_with_caps(&root, caps, &buffers);
    let (u4, t4) = doc(&root, "004");
    let (u3, _) = doc(&root, "003");
    let kb_path = root.join(".crosscheck/entities.json");
    // An existing file: a plain `changes` edit through the client.
    c.call(
        "workspace/executeCommand",
        json!({"command": "crosscheck.addAlias", "arguments": [{
            "uri": u4, "range": range_of(&t4, "Clay"), "entity": "location:clay-kaserne",
            "alias": "Clay barracks"}]}),
    );
    let applied = c.wait_notification("workspace/applyEdit", |_| true);
    assert!(
        applied["params"]["edit"]["changes"].is_object(),
        "{applied}"
    );
    eventually(&mut c, "alias written", |_| {
        std::fs::read_to_string(&kb_path)
            .unwrap()
            .contains("Clay barracks")
    });
    // A new file cannot be expressed: the server writes it.
    c.call(
        "workspace/executeCommand",
        json!({"command": "crosscheck.setMetadata", "arguments": [
            {"uri": u3, "published": "2024-06-13"}]}),
    );
    c.wait_notification("window/showMessage", |p| {
        p["message"].as_str().unwrap().contains("written")
    });
    let ann = std::fs::read_to_string(annotation_file(&root, "003")).unwrap();
    assert!(ann.contains("2024-06-13"), "{ann}");
    assert!(c.shutdown_exit().success());
}
