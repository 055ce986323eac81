//! `crosscheck claims` and `crosscheck eval claims` as a user runs them:
//! the built binary on small fixtures, the example and the development
//! corpus.
mod common;

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn claims_json(dir: &Path) -> Value {
    let (code, out, err) = run(&["claims", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn file<'a>(v: &'a Value, prefix: &str) -> &'a Value {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no file {prefix}"))
}

/// Characters `start..end` of a file.
fn chars(dir: &Path, path: &str, start: &Value, end: &Value) -> String {
    let text = std::fs::read_to_string(dir.join(path)).unwrap();
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

fn codes(f: &Value) -> Vec<&str> {
    f["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn json_lists_dates_claims_facts_and_conflicts_with_character_offsets() {
    let dir = common::repo_path("tests/corpora/role-conflict");
    let v = claims_json(&dir);
    assert_eq!(v["version"], 1);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a_june_reuters.txt", "b_june_ap.txt"]);
    let a = file(&v, "a_");
    assert_eq!(a["date"]["lo"], "2024-06-18");
    assert_eq!(a["date"]["hi"], "2024-06-18");
    assert_eq!(a["date"]["confidence"], "high");
    assert_eq!(a["date"]["origin"], "text");
    assert!(a["date"]["reason"].as_str().unwrap().contains("18/06/2024"));
    let c = &a["claims"][0];
    assert_eq!(
        chars(&dir, "a_june_reuters.txt", &c["start"], &c["end"]),
        c["text"].as_str().unwrap()
    );
    let chain = c["attribution"]["chain"].as_array().unwrap();
    assert!(chain
        .iter()
        .any(|s| s["name"] == "Reuters" && s["kind"] == "named" && s["outlet"] == true));
    let fact = &c["facts"][0];
    assert_eq!(fact["kind"], "role_holder");
    assert_eq!(fact["predicate"], "secretary general");
    assert_eq!(fact["value"]["type"], "entity");
    assert_eq!(fact["value"]["name"], "Jens Stoltenberg");
    assert!(fact["subject"]["id"]
        .as_str()
        .unwrap()
        .starts_with("organization:"));
    assert_eq!(fact["time"]["lo"], "2024-06-18");
    let k = &c["conflicts_with"][0];
    assert_eq!(k["path"], "b_june_ap.txt");
    assert_eq!(k["kind"], "role_holder");
    assert_eq!(k["value"], "Mark Rutte");
    assert_eq!(k["here_value"], "Jens Stoltenberg");
    assert_eq!(k["fact"], 0);
    // The link points at the other claim's sentence.
    let b = file(&v, "b_");
    let other = b["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["start"] == k["start"] && x["end"] == k["end"])
        .expect("the link names a claim of the other file");
    assert_eq!(other["conflicts_with"][0]["path"], "a_june_reuters.txt");
    assert!(codes(a).contains(&"conflicting-claim"));
    assert!(a["claims"][0]["corroborated_by"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn offsets_are_characters_and_output_is_stable() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("a.txt"),
        "Zürich, 14/06/2019, 10:00\n\nÉlodie Dupré, a spokeswoman for Nestlé, said the company would cut 4,000 jobs in Switzerland.\n\nNestlé employs 273,000 people worldwide, according to sources familiar with the plans.\n",
    )
    .unwrap();
    let v = claims_json(tmp.path());
    let f = &v["files"][0];
    assert_eq!(f["date"]["lo"], "2019-06-14");
    let claims = f["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for c in claims {
        assert_eq!(
            chars(tmp.path(), "a.txt", &c["start"], &c["end"]),
            c["text"].as_str().unwrap()
        );
        for s in c["attribution"]["chain"].as_array().unwrap() {
            assert_eq!(
                chars(tmp.path(), "a.txt", &s["start"], &s["end"]),
                s["text"].as_str().unwrap()
            );
        }
        for x in c["facts"].as_array().unwrap() {
            assert_eq!(
                chars(tmp.path(), "a.txt", &x["start"], &x["end"]),
                x["text"].as_str().unwrap()
            );
        }
    }
    let anon = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("273,000"))
        .unwrap();
    assert_eq!(anon["attribution"]["anonymous_only"], true);
    // Byte-for-byte the same on a second run.
    let (_, one, _) = run(&["claims", tmp.path().to_str().unwrap(), "--format", "json"]);
    let (_, two, _) = run(&["claims", tmp.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(one, two);
}

#[test]
fn text_lists_files_one_block_after_another() {
    let dir = common::repo_path("tests/corpora/role-conflict");
    let (code, out, _) = run(&["claims", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    let a = out.find("== a_june_reuters.txt").unwrap();
    let b = out.find("== b_june_ap.txt").unwrap();
    assert!(a < b, "{out}");
    assert!(out.contains("  date: 2024-06-18 (high: "), "{out}");
    assert!(out.contains("  a_june_reuters.txt:3:1 \"NATO Secretary General Jens Stoltenberg said"));
    assert!(out.contains("fact 0: role_holder NATO"), "{out}");
    assert!(
        out.contains(
            "conflicts with b_june_ap.txt:3:1 (role_holder of NATO secretary general): \"Mark Rutte\" there, \"Jens Stoltenberg\" here"
        ),
        "{out}"
    );
    assert!(out.contains("warning[conflicting-claim]"));
    assert!(out.trim_end().ends_with(
        "2 files, 2 claims, 1 conflicting pairs (0 within one file), 0 corroborating pairs"
    ));
}

#[test]
fn pairs_list_both_sentences_once() {
    let dir = common::repo_path("tests/corpora/role-conflict");
    let (code, out, _) = run(&["claims", dir.to_str().unwrap(), "--pairs"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("conflict 1/1 [role_holder] NATO secretary general\n"),
        "{out}"
    );
    assert!(out.contains(
        "  a_june_reuters.txt:3:1 [Jens Stoltenberg: \"NATO Secretary General Jens Stoltenberg\"]"
    ));
    assert!(out.contains("      NATO Secretary General Mark Rutte announced on Thursday"));
    assert!(out
        .trim_end()
        .ends_with("1 conflicting pairs (0 within one file), 0 corroborating pairs"));
    let (_, out, _) = run(&[
        "claims",
        dir.to_str().unwrap(),
        "--pairs",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["counts"]["conflicts"], 1);
    assert_eq!(v["conflicts"][0]["a"]["path"], "a_june_reuters.txt");
    assert_eq!(v["conflicts"][0]["b"]["value"], "Mark Rutte");
    let dir = common::repo_path("tests/corpora/quantity-consistent");
    let (_, out, _) = run(&[
        "claims",
        dir.to_str().unwrap(),
        "--pairs",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["counts"]["conflicts"], 0);
    assert!(v["counts"]["corroborations"].as_u64().unwrap() >= 1, "{v}");
}

#[test]
fn example_keeps_its_behaviour() {
    let dir = common::repo_path("examples/nato-ukraine");
    let v = claims_json(&dir);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 5);
    for f in files {
        for c in f["claims"].as_array().unwrap() {
            assert!(
                c["conflicts_with"].as_array().unwrap().is_empty(),
                "conflict in {}: {c}",
                f["path"]
            );
        }
        assert!(!codes(f).contains(&"conflicting-claim"));
    }
    for p in ["000_", "002_", "004_"] {
        assert!(codes(file(&v, p)).contains(&"anonymous-source"), "{p}");
    }
    // Claims that rest only on anonymous sources (in 002 they also rest on
    // the named outlets of the document).
    for p in ["000_", "004_"] {
        let f = file(&v, p);
        assert!(f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["attribution"]["anonymous_only"] == true));
    }
    assert!(codes(file(&v, "001_")).contains(&"ambiguous-date"));
    assert!(codes(file(&v, "004_")).contains(&"kb-conflict"));
    // The date a person set in the annotations wins, and says so.
    let d = &file(&v, "004_")["date"];
    assert_eq!(d["lo"], "2024-12-17");
    assert_eq!(d["origin"], "annotation");
}

#[test]
fn odd_input_gives_valid_output_and_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 au lait, 4 killed.").unwrap();
    let long = format!(
        "On 32/13/2024 and February 30, Acme Corp said it lost ${} dollars. {}",
        "9".repeat(400),
        "Acme Corp said 12 people were hurt in Paris on 14 June 2019. ".repeat(2000)
    );
    std::fs::write(p.join("odd.txt"), long).unwrap();
    std::fs::write(p.join("crlf.txt"), "Acme Corp, based in Lyon, said on Monday it cut 300 jobs.\r\n\r\nThe Lyon-based firm employs 2,000 people, according to sources.\r\n").unwrap();
    let (code, out, err) = run(&["claims", p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("latin1.txt"),
        "a skipped file is reported: {err}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["crlf.txt", "empty.txt", "odd.txt"]);
    for f in v["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        for c in f["claims"].as_array().unwrap().iter().take(50) {
            assert_eq!(
                chars(p, path, &c["start"], &c["end"]),
                c["text"].as_str().unwrap()
            );
        }
    }
    let (code, _, err) = run(&["claims", "/nonexistent/folder"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot open folder"), "{err}");
}

#[test]
fn max_links_caps_the_lists_and_keeps_the_totals() {
    // Three reports of one fact: each claim is corroborated twice.
    let dir = common::repo_path("tests/corpora/independence");
    let d = dir.to_str().unwrap();
    let all = claims_json(&dir);
    let (code, out, _) = run(&["claims", d, "--format", "json", "--max-links", "1"]);
    assert_eq!(code, 0);
    let capped: Value = serde_json::from_str(&out).unwrap();
    let claims = |v: &Value| -> Vec<Value> {
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["claims"].as_array().unwrap().clone())
            .collect()
    };
    let (full, cut) = (claims(&all), claims(&capped));
    assert_eq!(full.len(), cut.len());
    let mut capped_some = false;
    for (x, y) in full.iter().zip(&cut) {
        let n = x["corroborated_by"].as_array().unwrap().len();
        assert_eq!(x["corroborations_total"], n);
        assert_eq!(y["corroborations_total"], n);
        let m = y["corroborated_by"].as_array().unwrap();
        assert_eq!(m.len(), n.min(1));
        assert_eq!(m.first(), x["corroborated_by"].as_array().unwrap().first());
        capped_some |= n > 1;
    }
    assert!(
        capped_some,
        "no claim with two corroborations in the corpus"
    );
    let (_, text, _) = run(&["claims", d, "--max-links", "1"]);
    assert!(
        text.contains("... and 1 more corroborating claim\n"),
        "{text}"
    );
    let (_, pairs, _) = run(&["claims", d, "--pairs", "--max-links", "1"]);
    assert!(pairs.contains("links left out by --max-links"), "{pairs}");
}

fn eval_json(args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["eval", "claims", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
}

#[test]
fn eval_claims_scores_the_development_corpus() {
    let corpus = common::repo_path("tests/corpora/claims-dev");
    let (code, v, err) = eval_json(&["--corpus", corpus.to_str().unwrap(), "--details"]);
    assert_eq!(code, 0, "{err}");
    assert!(v["workspaces"].as_u64().unwrap() >= 15);
    assert!(v["files"].as_u64().unwrap() >= 60);
    let num = |x: &Value| x.as_u64().unwrap();
    let c = &v["conflicts"];
    assert!(num(&c["expected"]) >= 40);
    assert!(c["recall"].is_number());
    for k in [
        "role_holder",
        "quantity",
        "event_date",
        "event_place",
        "location",
    ] {
        assert!(num(&c["by_kind"][k]["expected"]) >= 1, "no {k} conflict");
    }
    for w in [
        "restatement",
        "near_miss",
        "part_whole",
        "average_total",
        "time_shift",
    ] {
        assert!(num(&c["must_not"][w]["expected"]) >= 1, "no {w} pair");
    }
    assert!(c["false_listed"].is_number() && c["false_unlisted"].is_number());
    assert!(num(&v["corroborations"]["expected"]) >= 40);
    assert!(num(&v["false_corroborations"]["checked"]) >= 40);
    let d = &v["dates"];
    assert!(num(&d["stated"]) >= 60);
    assert!(d["stated_accuracy"].is_number());
    assert!(num(&d["traps"]) >= 3);
    for code in ["anonymous-source", "hedged-claim", "unverified-claim"] {
        let x = &v["diagnostics"][code];
        assert!(num(&x["tp"]) + num(&x["fn_"]) >= 1, "no positive {code}");
        assert!(num(&x["fp"]) + num(&x["tn"]) >= 1, "no negative {code}");
    }
    // Every miss and false hit is listed with --details.
    let misses = num(&c["expected"]) - num(&c["found"]);
    let listed = v["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| {
            let w = x["what"].as_str().unwrap();
            w.starts_with("missed conflict") || w.starts_with("conflict found as")
        })
        .count() as u64;
    assert_eq!(listed, misses);
    // Text output names every figure.
    let (code, out, _) = run(&["eval", "claims", "--corpus", corpus.to_str().unwrap()]);
    assert_eq!(code, 0);
    for needle in [
        "conflicts            recall",
        "false conflicts",
        "corroborations       recall",
        "false corroborations",
        "publication dates    stated:",
        "anonymous-source",
    ] {
        assert!(out.contains(needle), "{needle}:\n{out}");
    }
    assert!(!out.contains("Details ("), "details only with --details");
}

/// A corpus whose answers are known: the planted role conflict of
/// `tests/corpora/role-conflict` as one workspace.
fn tiny_corpus(expected: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("nato");
    std::fs::create_dir(&ws).unwrap();
    for e in std::fs::read_dir(common::repo_path("tests/corpora/role-conflict")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), ws.join(e.file_name())).unwrap();
    }
    std::fs::write(tmp.path().join("expected.json"), expected).unwrap();
    tmp
}

#[test]
fn eval_claims_is_right_on_a_case_with_known_answers() {
    let tmp = tiny_corpus(
        r#"{
      "format": "crosscheck-claims-expected/1",
      "dates": [
        {"path": "nato/a_june_reuters.txt", "day": "2024-06-18"},
        {"path": "nato/b_june_ap.txt", "day": "2024-06-21"}
      ],
      "conflicts": [
        {"kind": "role_holder",
         "a": {"path": "nato/a_june_reuters.txt", "quote": "Jens Stoltenberg"},
         "b": {"path": "nato/b_june_ap.txt", "quote": "Mark Rutte"}},
        {"kind": "quantity",
         "a": {"path": "nato/a_june_reuters.txt", "quote": "40 air defence systems"},
         "b": {"path": "nato/b_june_ap.txt", "quote": "Mark Rutte"}}
      ],
      "not_conflicts": [
        {"why": "restatement",
         "a": {"path": "nato/a_june_reuters.txt", "quote": "new package of military aid"},
         "b": {"path": "nato/b_june_ap.txt", "quote": "new package of military aid"}}
      ],
      "diagnostics": [
        {"path": "nato/b_june_ap.txt", "quote": "Associated Press", "code": "anonymous-source", "expected": false}
      ]
    }"#,
    );
    let (code, v, err) = eval_json(&["--corpus", tmp.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let c = &v["conflicts"];
    assert_eq!(c["expected"], 2);
    assert_eq!(c["found"], 1);
    assert_eq!(c["recall"], 0.5);
    assert_eq!(c["by_kind"]["role_holder"]["found"], 1);
    assert_eq!(c["pairs_found"], 1);
    assert_eq!(c["pairs_expected"], 1);
    assert_eq!(c["precision"], 1.0);
    // The restatement pair is the conflicting pair itself.
    assert_eq!(c["false_listed"], 1);
    assert_eq!(c["false_unlisted"], 0);
    assert_eq!(v["false_corroborations"]["found"], 0);
    assert_eq!(v["dates"]["stated"], 2);
    assert_eq!(v["dates"]["stated_correct"], 1);
    assert_eq!(v["diagnostics"]["anonymous-source"]["tn"], 1);
}

#[test]
fn eval_claims_rejects_wrong_expectations() {
    let tmp = tiny_corpus(
        r#"{"format": "crosscheck-claims-expected/1",
            "conflicts": [{"kind": "role_holder",
              "a": {"path": "nato/a_june_reuters.txt", "quote": "not in the text"},
              "b": {"path": "nato/b_june_ap.txt", "quote": "aid"}}]}"#,
    );
    let (code, _, err) = run(&["eval", "claims", "--corpus", tmp.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("quote not found: \"not in the text\""),
        "{err}"
    );
    assert!(err.contains("occurs more than once"), "{err}");
    let (code, _, err) = run(&["eval", "claims", "--corpus", "/nonexistent/corpus"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected.json"), "{err}");
}

/// The planted development corpora keep their precision: no conflict
/// where a restatement, near miss, part/whole pair, average/total pair or
/// time shift is planted, none that no one planted, and no contradiction
/// listed as a corroboration. A wrong conflict or a wrong "corroborated"
/// teaches a fact-checker to ignore the tool, so any such regression fails
/// here rather than in a README figure. Today is pinned so that year-less
/// datelines resolve the same way on every day the suite runs.
#[test]
fn the_planted_corpora_report_no_false_conflict_or_corroboration() {
    for dir in [
        "tests/corpora/claims-dev",
        "tests/corpora/claims-dev2",
        "tests/corpora/claims-dev3",
    ] {
        let corpus = common::repo_path(dir);
        let cache = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args([
                "eval",
                "claims",
                "--format",
                "json",
                "--details",
                "--corpus",
            ])
            .arg(&corpus)
            .env("CROSSCHECK_TODAY", "2026-12-07")
            .env("CROSSCHECK_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let wrong: Vec<&Value> = v["details"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| {
                let w = x["what"].as_str().unwrap_or("");
                w.starts_with("false conflict")
                    || w.starts_with("unexpected conflict")
                    || w.starts_with("false corroboration")
            })
            .collect();
        let c = &v["conflicts"];
        assert_eq!(c["false_listed"], 0, "{dir}: {wrong:#?}");
        assert_eq!(c["false_unlisted"], 0, "{dir}: {wrong:#?}");
        assert_eq!(v["false_corroborations"]["found"], 0, "{dir}: {wrong:#?}");
        assert!(
            v["conflicts"]["found"].as_u64().unwrap() > 0,
            "{dir}: nothing found"
        );
    }
}
