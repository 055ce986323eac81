//! Publication dates, sources and hedges through the real interface: the
//! server over stdio on copies of `tests/corpora/datelines` and
//! `tests/corpora/attribution-scope`.
mod support;

use serde_json::{json, Value};
use support::*;

const PUBLISH: &str = "textDocument/publishDiagnostics";

fn diags(c: &mut Client, uri: &str) -> Vec<Value> {
    let m = c.wait_notification(PUBLISH, |p| p["uri"] == uri);
    m["params"]["diagnostics"].as_array().unwrap().clone()
}

fn count(ds: &[Value], code: &str) -> usize {
    ds.iter().filter(|d| d["code"] == code).count()
}

#[test]
fn hover_tells_the_publication_date_its_confidence_and_reason() {
    let (_tmp, root) = copy_corpus("datelines");
    let (mut c, _) = start(&root, json!({}), json!({}));
    // A wire dateline with a partial date: the year comes from the text.
    let (uri, text) = doc(&root, "08_");
    let r = c.call(
        "textDocument/hover",
        at(&uri, pos_of(&text, "reported higher", 0, 3, Enc::Utf16)),
    );
    let md = r["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        md.contains("File dated 2 May 2019 (medium confidence: wire dateline 'May 2'"),
        "{md}"
    );
    // A release date is no publication date.
    let (uri, text) = doc(&root, "10_");
    let r = c.call(
        "textDocument/hover",
        at(&uri, pos_of(&text, "will be released", 0, 3, Enc::Utf16)),
    );
    let md = r["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.contains("File dated 30 October 2019"), "{md}");
    // The ambiguous numeric dateline is reported.
    let (uri, _) = doc(&root, "15_");
    let ds = diags(&mut c, &uri);
    assert_eq!(count(&ds, "ambiguous-date"), 1, "{ds:?}");
    assert!(c.shutdown_exit().success());
}

#[test]
fn anonymous_sources_found_sources_and_scoped_hedges_over_stdio() {
    let (_tmp, root) = copy_corpus("attribution-scope");
    let (mut c, _) = start(&root, json!({}), json!({}));
    let (uri, _) = doc(&root, "anonymous_institutional");
    let ds = diags(&mut c, &uri);
    assert_eq!(count(&ds, "anonymous-source"), 10, "{ds:?}");
    assert_eq!(count(&ds, "unverified-claim"), 0, "{ds:?}");
    let (uri, _) = doc(&root, "named_sources");
    let ds = diags(&mut c, &uri);
    assert_eq!(count(&ds, "unverified-claim"), 0, "{ds:?}");
    assert_eq!(count(&ds, "anonymous-source"), 0, "{ds:?}");
    let (uri, text) = doc(&root, "hedge_scope");
    let ds = diags(&mut c, &uri);
    let hedged: Vec<&str> = ds
        .iter()
        .filter(|d| d["code"] == "hedged-claim")
        .map(|d| text_at(&text, &d["range"], Enc::Utf16))
        .collect();
    assert_eq!(hedged, vec!["may", "may"], "{ds:?}");
    assert!(c.shutdown_exit().success());
}
