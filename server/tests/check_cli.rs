//! The `check` command as a user runs it: text, JSON and SARIF output,
//! exit codes by threshold, and the workspace configuration.
mod common;

use std::process::Command;

fn check(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(crosscheck_bin())
        .arg("check")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn text_output_has_positions_related_lines_and_exit_codes() {
    let dir = common::repo_path("tests/corpora/role-conflict");
    let (code, out, _) = check(&dir, &[]);
    assert_eq!(code, 0, "default threshold is error");
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("a_june_reuters.txt:3:1: warning[conflicting-claim]: "),
        "{out}"
    );
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("    b_june_ap.txt:3:1: "),
        "{out}"
    );
    assert_eq!(check(&dir, &["--fail-on", "warning"]).0, 1);
    assert_eq!(check(&dir, &["--fail-on", "never"]).0, 0);
}

#[test]
fn json_and_sarif_are_valid() {
    let dir = common::repo_path("tests/corpora/role-conflict");
    let (_, out, _) = check(&dir, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["code"], "conflicting-claim");
    assert_eq!(v[0]["source"], "crosscheck");
    assert_eq!(v[0]["related"][0]["path"], "b_june_ap.txt");
    let (_, out, _) = check(&dir, &["--format", "sarif"]);
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "crosscheck");
    assert_eq!(run["results"][0]["ruleId"], "conflicting-claim");
    assert_eq!(run["results"][0]["level"], "warning");
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert!(run["results"][0]["relatedLocations"][0]["message"]["text"].is_string());
}

#[test]
fn config_in_the_folder_is_read_and_errors_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let src = common::repo_path("tests/corpora/role-conflict");
    for e in std::fs::read_dir(&src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), tmp.path().join(e.file_name())).unwrap();
    }
    std::fs::create_dir(tmp.path().join(".crosscheck")).unwrap();
    let cfg = tmp.path().join(".crosscheck/config.json");
    std::fs::write(&cfg, r#"{"rules": {"conflicting-claim": "error"}}"#).unwrap();
    let (code, out, _) = check(tmp.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[conflicting-claim]"));
    std::fs::write(&cfg, "{\n  \"rules\": {\"conflicting-claim\": \"loud\"}\n}").unwrap();
    let (code, out, _) = check(tmp.path(), &[]);
    // The defaults apply, and the broken file is an error that fails CI.
    assert_eq!(code, 1);
    assert!(out.contains("warning[conflicting-claim]"));
    assert!(
        out.contains(".crosscheck/config.json:2:") && out.contains("error[invalid-config]"),
        "{out}"
    );
}

/// The binary under test: the one cargo built, or `CROSSCHECK_TEST_BIN`
/// (to run the same tests against another build, an older one say).
pub fn crosscheck_bin() -> String {
    std::env::var("CROSSCHECK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_crosscheck").to_string())
}

#[test]
fn check_reads_measures_sources_and_hedges_as_documented() {
    let count = |out: &str, path: &str, code: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code && d["path"].as_str().unwrap().starts_with(path))
            .count()
    };
    // Part and whole, average and total: never a conflict.
    let (_, out, _) = check(
        &common::repo_path("tests/corpora/quantity-measures"),
        &["--format", "json"],
    );
    assert_eq!(count(&out, "", "conflicting-claim"), 0, "{out}");
    let (_, out, _) = check(
        &common::repo_path("tests/corpora/attribution-scope"),
        &["--format", "json"],
    );
    assert_eq!(
        count(&out, "anonymous_institutional", "anonymous-source"),
        10,
        "{out}"
    );
    assert_eq!(count(&out, "named_sources", "unverified-claim"), 0, "{out}");
    assert_eq!(count(&out, "hedge_scope", "hedged-claim"), 2, "{out}");
}
