//! `server/schemas/claims-export.schema.json` describes what `crosscheck
//! claims --format json` prints; a JSON Schema validator checks real
//! exports against it.
mod common;

use serde_json::Value;
use std::process::Command;

fn schema() -> Value {
    let p = common::repo_path("server/schemas/claims-export.schema.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn errors(s: &Value, v: &Value) -> Vec<String> {
    common::schema_errors(s, v)
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
        let errs = errors(&s, &v);
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
    assert!(errors(&s, &v).is_empty());
    let fact = &mut v["files"][0]["claims"][0]["facts"][0];
    fact["value"]["type"] = "colour".into();
    fact["kind"] = "size".into();
    v["files"][0]["date"]["lo"] = "June 2024".into();
    v["files"][1]["extra"] = 1.into();
    v["files"][1]["claims"][0]["attribution"]["scope"] = Value::Null;
    let errs = errors(&s, &v).join("\n");
    for needle in [
        "/files/0/claims/0/facts/0/value [oneOf]",
        "/files/0/claims/0/facts/0/kind [enum]",
        "/files/0/date [anyOf]",
        "/files/1 [additionalProperties]: Additional properties are not allowed ('extra'",
    ] {
        assert!(errs.contains(needle), "{needle} missing in:\n{errs}");
    }
    assert!(!errs.contains("scope"), "null scope is allowed:\n{errs}");
}
