//! The JSON Schemas in server/schemas/ (draft 2020-12) describe the files
//! crosscheck writes. No JSON Schema crate builds offline here, so a small
//! validator covers the keywords the schemas use (type, properties,
//! required, additionalProperties, patternProperties, items, enum, $ref,
//! minimum, minLength, pattern). Patterns with look-ahead, which the regex
//! crate lacks, are checked through the Rust function they mirror instead.
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

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let ptr = r.strip_prefix('#').expect("local refs only");
            resolve(
                root,
                root.pointer(ptr)
                    .unwrap_or_else(|| panic!("dangling $ref {r}")),
            )
        }
        None => s,
    }
}

fn validate(root: &Value, s: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let s = resolve(root, s);
    if let Some(t) = s.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "boolean" => v.is_boolean(),
            "number" => v.is_number(),
            _ => panic!("type {t}"),
        };
        if !ok {
            errs.push(format!("{at}: not {t}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: {v} not in enum"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < m {
            errs.push(format!("{at}: below minimum"));
        }
    }
    if let (Some(m), Some(st)) = (s.get("minLength").and_then(Value::as_u64), v.as_str()) {
        if (st.chars().count() as u64) < m {
            errs.push(format!("{at}: too short"));
        }
    }
    if let (Some(p), Some(st)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
        match regex::Regex::new(p) {
            Ok(re) => {
                if !re.is_match(st) {
                    errs.push(format!("{at}: {st:?} does not match {p}"));
                }
            }
            Err(_) => {
                let ok = crosscheck::annotations::paths::check_rel_path(st).is_ok();
                if !ok {
                    errs.push(format!("{at}: {st:?} is not a safe relative path"));
                }
            }
        }
    }
    if let Some(o) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !o.contains_key(r.as_str().unwrap()) {
                errs.push(format!("{at}: missing {r}"));
            }
        }
        for (k, x) in o {
            let here = format!("{at}/{k}");
            if let Some(ps) = props.and_then(|p| p.get(k)) {
                validate(root, ps, x, &here, errs);
                continue;
            }
            let pat = s
                .get("patternProperties")
                .and_then(Value::as_object)
                .and_then(|pp| {
                    pp.iter()
                        .find(|(p, _)| regex::Regex::new(p).unwrap().is_match(k))
                        .map(|(_, s)| s)
                });
            match (pat, s.get("additionalProperties")) {
                (Some(ps), _) => validate(root, ps, x, &here, errs),
                (None, Some(Value::Bool(false))) => errs.push(format!("{here}: not allowed")),
                (None, Some(ap @ Value::Object(_))) => validate(root, ap, x, &here, errs),
                _ => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            validate(root, items, x, &format!("{at}/{i}"), errs);
        }
    }
}

fn check(schema_name: &str, v: &Value) -> Vec<String> {
    let s = schema(schema_name);
    let mut errs = Vec::new();
    validate(&s, &s, v, "", &mut errs);
    errs
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
        "/source",
        "/metadata/published",
        "/annotations/0/status",
        "/annotations/0/target/start",
        "/annotations/0/oops",
    ] {
        assert!(
            errs.iter().any(|e| e.starts_with(&format!("{want}:"))),
            "{want} in {errs:#?}"
        );
    }
    let errs = check(
        "entities.schema.json",
        &json!({"entities": [{"id": "nokind", "name": "x", "external_ids": {"wikidata": "57"}}]}),
    );
    assert_eq!(errs.len(), 3, "{errs:#?}");
}
