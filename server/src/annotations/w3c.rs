//! Export as W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>):
//! each annotation targets its source with a TextQuoteSelector and a
//! TextPositionSelector in code points. Placed annotations carry their
//! current position and context; orphans their stored selector, marked.
use serde_json::{json, Value};

use super::anchor::{target_with, CharIndex};
use super::model::{kind, Annotation, Target};
use super::set::{AnnotationSet, FileAnchors};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn selector(t: &Target) -> Value {
    json!([
        {"type": "TextQuoteSelector", "exact": t.quote, "prefix": t.prefix, "suffix": t.suffix},
        {"type": "TextPositionSelector", "start": t.start, "end": t.end},
    ])
}

/// An IRI for an entity: Wikidata when the KB knows the item, else a URN.
pub fn entity_iri(set: &AnnotationSet, id: &str) -> String {
    match set.entity(id).and_then(|e| e.external_ids.get("wikidata")) {
        Some(q) => format!("http://www.wikidata.org/entity/{q}"),
        None => format!("urn:crosscheck:entity:{id}"),
    }
}

fn annotation(
    set: &AnnotationSet,
    source: &str,
    a: &Annotation,
    target: &Target,
    orphan: bool,
) -> Value {
    let mut body = Vec::new();
    let motivation = match a.kind.as_str() {
        kind::LINK => {
            if let Some(e) = &a.entity {
                let e = set.resolve_id(e);
                body.push(json!({"type": "SpecificResource", "source": entity_iri(set, e), "purpose": "identifying"}));
            }
            "identifying"
        }
        kind::NOT_ENTITY => {
            body.push(
                json!({"type": "TextualBody", "value": "not an entity", "purpose": "tagging"}),
            );
            "tagging"
        }
        kind::CLAIM => {
            let st = a.status.as_deref().unwrap_or("unverified");
            body.push(json!({"type": "TextualBody", "value": st, "purpose": "assessing"}));
            for ev in &a.evidence {
                if let Some(u) = &ev.url {
                    body.push(
                        json!({"type": "SpecificResource", "source": u, "purpose": "linking"}),
                    );
                }
                if let (Some(s), Some(t)) = (&ev.source, &ev.target) {
                    body.push(json!({"type": "SpecificResource", "source": s, "selector": selector(t), "purpose": "linking"}));
                }
            }
            "assessing"
        }
        _ => "commenting",
    };
    if let Some(n) = &a.note {
        body.push(json!({"type": "TextualBody", "value": n, "purpose": "commenting"}));
    }
    let mut v = json!({
        "id": format!("urn:crosscheck:annotation:{source}#{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": {"source": source, "selector": selector(target)},
    });
    if orphan {
        v["crosscheck:orphan"] = json!(true);
    }
    v
}

/// The annotations of one source, re-anchored against its current `text`.
pub fn export_file(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    anchors: &FileAnchors,
) -> Vec<Value> {
    let Some(file) = set.file(source) else {
        return Vec::new();
    };
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    for p in &anchors.placed {
        if let Some(a) = file.annotations.get(p.index) {
            let t = target_with(text, &idx, p.span.clone());
            out.push(annotation(set, source, a, &t, false));
        }
    }
    for o in &anchors.orphans {
        if let Some(a) = file.annotations.get(o.index) {
            out.push(annotation(set, source, a, &a.target, true));
        }
    }
    out
}

/// A recognised mention (no annotation behind it) as an `identifying`
/// annotation, so the export holds everything the brat export holds.
pub fn mention(
    source: &str,
    n: usize,
    text: &str,
    idx: &CharIndex,
    span: std::ops::Range<usize>,
    entity_iri: &str,
) -> Value {
    let t = target_with(text, idx, span);
    json!({
        "id": format!("urn:crosscheck:mention:{source}#{n}"),
        "type": "Annotation",
        "motivation": "identifying",
        "creator": {"type": "Software", "name": "crosscheck"},
        "body": [{"type": "SpecificResource", "source": entity_iri, "purpose": "identifying"}],
        "target": {"source": source, "selector": selector(&t)},
    })
}

/// Wrap items in an AnnotationCollection with one page.
pub fn collection(items: Vec<Value>) -> Value {
    json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "crosscheck export",
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}
