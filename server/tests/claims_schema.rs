//! `server/schemas/claims-export.schema.json` describes what `crosscheck
//! claims --format json` prints. No JSON Schema crate builds offline here,
//! so a small validator covers the keywords that schema uses (type, with
//! type lists and null; const, enum, properties, required,
//! additionalProperties, items, $ref, oneOf, anyOf, minimum, pattern).
mod common;

use serde_json::Value;
use std::process::Command;

fn schema() -> Value {
    let p = common::repo_path("server/schemas/claims-export.schema.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let ptr = r.strip_prefix('#').expect("local refs only");
            resolve(root, root.pointer(ptr).expect("dangling $ref"))
        }
        None => s,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => panic!("type {t}"),
    }
}

fn errors(root: &Value, s: &Value, v: &Value, at: &str) -> Vec<String> {
    let mut errs = Vec::new();
    validate(root, s, v, at, &mut errs);
    errs
}

fn validate(root: &Value, s: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let s = resolve(root, s);
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => {
            errs.push(format!("{at}: not {t}"));
            return;
        }
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)) => {
            errs.push(format!("{at}: not any of {ts:?}"));
            return;
        }
        _ => {}
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errs.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{at}: {v} not in enum"));
        }
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        let ok = alts
            .iter()
            .filter(|a| errors(root, a, v, at).is_empty())
            .count();
        if ok != 1 {
            errs.push(format!("{at}: matches {ok} of oneOf"));
        }
    }
    if let Some(alts) = s.get("anyOf").and_then(Value::as_array) {
        if !alts.iter().any(|a| errors(root, a, v, at).is_empty()) {
            errs.push(format!("{at}: matches none of anyOf"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < m {
            errs.push(format!("{at}: below minimum"));
        }
    }
    if let (Some(p), Some(st)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
        if !regex::Regex::new(p).unwrap().is_match(st) {
            errs.push(format!("{at}: {st:?} does not match {p}"));
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
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, x, &here, errs),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errs.push(format!("{here}: not allowed"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            validate(root, items, x, &format!("{at}/{i}"), errs);
        }
    }
}

fn export(rel: &str) -> Value {
    let dir = common::repo_path(rel);
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["claims", dir.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn exports_match_the_schema() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let mut kinds = std::collections::BTreeSet::new();
    for rel in [
        "examples/nato-ukraine",
        "tests/corpora/role-conflict",
        "tests/corpora/quantity-conflict",
        "tests/corpora/location-conflict",
        "tests/corpora/event-date-conflict",
        "tests/corpora/claims-dev/acquisition-calder",
        "tests/corpora/claims-dev/quake-sumbawa",
    ] {
        let v = export(rel);
        let errs = errors(&s, &s, &v, "");
        assert!(errs.is_empty(), "{rel}: {errs:#?}");
        for f in v["files"].as_array().unwrap() {
            for c in f["claims"].as_array().unwrap() {
                for x in c["facts"].as_array().unwrap() {
                    kinds.insert(x["value"]["type"].as_str().unwrap().to_string());
                    if x["event"].is_object() {
                        kinds.insert("with an event".to_string());
                    }
                }
            }
        }
    }
    // Every kind of value was checked against the schema.
    let all: Vec<&str> = kinds.iter().map(String::as_str).collect();
    assert_eq!(all, ["amount", "date", "entity", "places", "with an event"]);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let s = schema();
    let mut v = export("tests/corpora/role-conflict");
    assert!(errors(&s, &s, &v, "").is_empty());
    let fact = &mut v["files"][0]["claims"][0]["facts"][0];
    fact["value"]["type"] = "colour".into();
    fact["kind"] = "size".into();
    v["files"][0]["date"]["lo"] = "June 2024".into();
    v["files"][1]["extra"] = 1.into();
    v["files"][1]["claims"][0]["attribution"]["scope"] = Value::Null;
    let errs = errors(&s, &s, &v, "").join("\n");
    for needle in [
        "/value: matches 0 of oneOf",
        "/kind: \"size\" not in enum",
        "/date: matches none of anyOf",
        "/files/1/extra: not allowed",
    ] {
        assert!(errs.contains(needle), "{needle} missing in:\n{errs}");
    }
    assert!(!errs.contains("scope"), "null scope is allowed:\n{errs}");
}
