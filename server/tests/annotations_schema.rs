//! The JSON Schemas in server/schemas/ (draft 2020-12) describe the files
//! crosscheck writes; a JSON Schema validator checks real files and models
//! with every field set against them, so the two cannot drift apart.
mod common;

use std::path::{Path, PathBuf};

use crosscheck::annotations::anchor::target_for;
use crosscheck::annotations::model::{
    to_pretty, Annotation, AnnotationFile, Dismissal, Evidence, Fact, KbEntity, KnowledgeBase,
    Metadata,
};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn schema(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("schemas").join(name)).unwrap())
        .unwrap()
}

fn check(schema_name: &str, v: &Value) -> Vec<String> {
    common::schema_errors(&schema(schema_name), v)
}

#[test]
fn schemas_are_draft_2020_12_with_resolvable_refs() {
    for n in ["entities.schema.json", "annotation-file.schema.json"] {
        let s = schema(n);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let text = s.to_string();
        for r in text.split("\"$ref\":\"").skip(1) {
            let r = &r[..r.find('"').unwrap()];
            assert!(s.pointer(r.trim_start_matches('#')).is_some(), "{n}: {r}");
        }
    }
}

#[test]
fn the_example_files_validate() {
    let ex = root().join("../tests/fixtures/annotations/example/.crosscheck");
    let kb: Value =
        serde_json::from_str(&std::fs::read_to_string(ex.join("entities.json")).unwrap()).unwrap();
    assert_eq!(check("entities.schema.json", &kb), Vec::<String>::new());
    let af: Value = serde_json::from_str(
        &std::fs::read_to_string(ex.join("annotations/news/nato-summit.txt.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        check("annotation-file.schema.json", &af),
        Vec::<String>::new()
    );
}

/// Every field the model writes is in the schema (additionalProperties is
/// false), so the two cannot drift apart silently.
#[test]
fn a_model_with_every_field_set_validates() {
    let text = "NATO chief Jens Stoltenberg spoke.";
    let t = target_for(text, 11..27);
    let kb = KnowledgeBase {
        schema: Some("x".into()),
        version: 1,
        entities: vec![KbEntity {
            id: "person:jens-stoltenberg".into(),
            kind: "person".into(),
            name: "Jens Stoltenberg".into(),
            aliases: vec!["Stoltenberg".into()],
            description: Some("d".into()),
            external_ids: [("wikidata".to_string(), "Q57".to_string())].into(),
            facts: vec![Fact {
                predicate: "holds_role".into(),
                role: Some("NATO Secretary General".into()),
                object: Some("organization:nato".into()),
                from: Some("2014-10-01".into()),
                to: Some("2024-10".into()),
                source: Some("https://www.nato.int/".into()),
                extra: Default::default(),
            }],
            merged_from: vec!["person:j-stoltenberg".into()],
            extra: Default::default(),
        }],
        extra: Default::default(),
    };
    let kbv: Value = serde_json::from_str(&to_pretty(&kb)).unwrap();
    assert_eq!(check("entities.schema.json", &kbv), Vec::<String>::new());
    let af = AnnotationFile {
        schema: Some("x".into()),
        version: 1,
        source: Some("news/a.txt".into()),
        metadata: Metadata {
            outlet: Some("Reuters".into()),
            url: Some("https://example.org".into()),
            author: Some("A".into()),
            published: Some("2024-12".into()),
            relies_on: vec!["AP".into()],
            extra: Default::default(),
        },
        annotations: vec![Annotation {
            id: "c1".into(),
            kind: "claim".into(),
            target: t.clone(),
            entity: Some("person:jens-stoltenberg".into()),
            status: Some("verified".into()),
            evidence: vec![Evidence {
                url: Some("https://example.org".into()),
                source: Some("news/b.txt".into()),
                target: Some(t),
                note: Some("n".into()),
                extra: Default::default(),
            }],
            note: Some("n".into()),
            detached: true,
            extra: Default::default(),
        }],
        dismissed: vec![Dismissal {
            code: "c".into(),
            quote: "q".into(),
            context_hash: crosscheck::annotations::anchor::context_hash("a", "q", "b"),
            note: Some("n".into()),
            extra: Default::default(),
        }],
        extra: Default::default(),
    };
    let afv: Value = serde_json::from_str(&to_pretty(&af)).unwrap();
    assert_eq!(
        check("annotation-file.schema.json", &afv),
        Vec::<String>::new()
    );
}

#[test]
fn the_schemas_reject_what_the_validator_rejects() {
    let bad = json!({
        "source": "../../etc/passwd",
        "metadata": {"published": "2024-13"},
        "annotations": [{"id": "a", "kind": "claim", "status": "maybe", "target": {"quote": "x", "start": -1, "end": 1}, "oops": 1}]
    });
    let errs = check("annotation-file.schema.json", &bad);
    for want in [
        "/source [pattern]",
        "/metadata/published [pattern]",
        "/annotations/0/status [enum]",
        "/annotations/0/target/start [minimum]",
        "/annotations/0 [additionalProperties]: Additional properties are not allowed ('oops'",
    ] {
        assert!(
            errs.iter().any(|e| e.starts_with(want)),
            "{want} in {errs:#?}"
        );
    }
    let errs = check(
        "entities.schema.json",
        &json!({"entities": [{"id": "nokind", "name": "x", "external_ids": {"wikidata": "57"}}]}),
    );
    assert_eq!(errs.len(), 3, "{errs:#?}");
}
