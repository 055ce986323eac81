//! The command line as a newcomer meets it: exit codes with a broken
//! configuration, what a skipped file means for its annotations, import and
//! export on the wrong folder, empty folders, plurals, the findings about
//! `.crosscheck/` files in every output format, documented settings.
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(crosscheck_bin())
        .args(args)
        .env("CROSSCHECK_LOG", "off")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nato-ukraine");

/// A copy of the example corpus, with its `.crosscheck/`.
fn example() -> (tempfile::TempDir, PathBuf) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("ws");
    copy(Path::new(EXAMPLE), &root);
    (d, root)
}

#[test]
fn a_broken_config_fails_check_in_every_format() {
    let (_d, root) = example();
    std::fs::write(
        root.join(".crosscheck/config.json"),
        "{\n  \"rules\": {\"hedged-claim\": \"loud\"}\n}",
    )
    .unwrap();
    let (code, out, err) = run(&["check", s(&root)]);
    assert_eq!(code, 1, "a broken config is an error: {out}{err}");
    assert!(
        out.contains(".crosscheck/config.json:2:") && out.contains("error[invalid-config]"),
        "{out}"
    );
    assert!(err.contains("1 error"), "{err}");
    let (code, _, _) = run(&["check", s(&root), "--fail-on", "information"]);
    assert_eq!(code, 1);
    let (code, out, _) = run(&["check", s(&root), "--format", "json"]);
    assert_eq!(code, 1);
    let list: Value = serde_json::from_str(&out).unwrap();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "invalid-config" && d["path"] == ".crosscheck/config.json"));
    let (code, out, _) = run(&["check", s(&root), "--format", "sarif"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert!(sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["ruleId"] == "invalid-config" && r["level"] == "error"));
}

#[test]
fn findings_about_crosscheck_files_reach_json_sarif_and_the_exit_code() {
    let (_d, root) = example();
    std::fs::write(root.join(".crosscheck/entities.json"), "{\"entities\": [").unwrap();
    let (code, out, _) = run(&["check", s(&root)]);
    assert!(out.contains("error[invalid-json]"), "{out}");
    assert_eq!(code, 1, "an error-level finding fails the check");
    for format in ["json", "sarif"] {
        let (code, out, _) = run(&["check", s(&root), "--format", format]);
        assert_eq!(code, 1, "{format}");
        assert!(out.contains("invalid-json"), "{format}: {out}");
        assert!(out.contains(".crosscheck/entities.json"), "{format}: {out}");
    }
}

#[test]
fn a_file_skipped_for_its_size_keeps_its_annotations_quiet() {
    let (_d, root) = example();
    // 004 has annotations; a limit below its size skips it.
    let (code, out, err) = run(&["check", s(&root), "--max-file-size", "2500"]);
    assert!(err.contains("skipped") && err.contains("004_"), "{err}");
    assert!(!out.contains("source-missing"), "{out}");
    assert!(!out.contains("missing (deleted or renamed)"), "{out}");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_folder_config_max_file_size_is_a_setting_not_an_error() {
    let (_d, root) = example();
    std::fs::write(
        root.join(".crosscheck/config.json"),
        r#"{"maxFileSize": 1000000}"#,
    )
    .unwrap();
    let (code, out, err) = run(&["check", s(&root)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("invalid-config"), "{out}");
    // ... and it applies: below 004's size, 004 is skipped.
    std::fs::write(
        root.join(".crosscheck/config.json"),
        r#"{"maxFileSize": 2500}"#,
    )
    .unwrap();
    let (_, _, err) = run(&["entities", s(&root)]);
    assert!(err.contains("skipped") && err.contains("004_"), "{err}");
    // The flag wins over the file.
    let (_, _, err) = run(&["entities", s(&root), "--max-file-size", "100000"]);
    assert!(!err.contains("skipped"), "{err}");
    // A config that is not an object is an error.
    std::fs::write(root.join(".crosscheck/config.json"), "[]").unwrap();
    let (code, out, _) = run(&["check", s(&root)]);
    assert_eq!(code, 1);
    assert!(
        out.contains("invalid-config") && out.contains("JSON object"),
        "{out}"
    );
}

#[test]
fn import_on_a_folder_without_ann_files_changes_nothing() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "NATO met in Brussels.").unwrap();
    let (code, _, err) = run(&["import", "--format", "brat", s(d.path())]);
    assert_ne!(code, 0);
    assert!(err.contains("no .ann files"), "{err}");
    assert!(!d.path().join(".crosscheck").exists());
}

#[test]
fn import_twice_changes_nothing_even_with_bad_offsets_and_repeated_ids() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "NATO met in Brussels.").unwrap();
    std::fs::write(
        d.path().join("a.ann"),
        "T1\tPerson 5 500\tmet in Brussels and more\nT2\tLocation 12 20\tBrussels\n\
         T2\tOrganization 0 4\tNATO\nT3\tOrganization 0 4\tNATO\n",
    )
    .unwrap();
    let (code, _, err) = run(&["import", "--format", "brat", s(d.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("T1") && err.contains("outside the text"),
        "{err}"
    );
    assert!(err.contains("T2 is given twice"), "{err}");
    let ann = d.path().join(".crosscheck/annotations/a.txt.json");
    let first = std::fs::read_to_string(&ann).unwrap();
    let kb = std::fs::read_to_string(d.path().join(".crosscheck/entities.json")).unwrap();
    // Brussels stays a place: the repeated id did not relink it.
    assert!(kb.contains("location:brussels"), "{kb}");
    let (code, _, err) = run(&["import", "--format", "brat", s(d.path())]);
    assert_eq!(code, 0);
    assert!(err.contains("nothing to change"), "{err}");
    assert_eq!(std::fs::read_to_string(&ann).unwrap(), first);
}

#[test]
fn export_into_a_non_empty_folder_needs_force() {
    let (_d, root) = example();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("notes.txt"), "mine").unwrap();
    let (code, _, err) = run(&["export", "--format", "brat", s(&root), s(out.path())]);
    assert_ne!(code, 0);
    assert!(
        err.contains("not empty") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
    let (code, _, err) = run(&[
        "export",
        "--format",
        "brat",
        "--force",
        s(&root),
        s(out.path()),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn export_keeps_sources_whose_brat_names_collide_apart() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.md"), "Kyiv was calm, officials said.").unwrap();
    std::fs::write(d.path().join("a.md.txt"), "NATO met in Brussels.").unwrap();
    let out = d.path().join("out");
    let (code, _, err) = run(&["export", "--format", "brat", s(d.path()), s(&out)]);
    assert_eq!(code, 0, "{err}");
    let texts: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Kyiv")));
    assert!(texts.iter().any(|t| t.contains("Brussels")));
}

#[test]
fn an_empty_folder_gets_a_hint() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("notes.docx"), "x").unwrap();
    let (code, out, err) = run(&["entities", s(d.path())]);
    assert_eq!(code, 0);
    assert!(out.starts_with("0 entities in 0 files"), "{out}");
    assert!(err.contains("no .txt or .md files"), "{err}");
    let (_, _, err) = run(&["check", s(d.path())]);
    assert!(err.contains("no .txt or .md files"), "{err}");
}

#[test]
fn counts_are_singular_for_one() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "Officials visited Kyiv.").unwrap();
    let (_, out, _) = run(&["entities", s(d.path())]);
    assert!(out.starts_with("1 entity in 1 file\n"), "{out}");
    assert!(out.contains("(1 mention in 1 file)"), "{out}");
    assert!(
        !out.contains("1 mentions") && !out.contains("1 files"),
        "{out}"
    );
}

#[test]
fn knowledge_base_entries_with_empty_or_odd_ids_and_names_are_reported() {
    let (_d, root) = example();
    let kb = r#"{"version": 1, "entities": [
  {"id": "", "type": "person", "name": "Jens Stoltenberg"},
  {"id": "jens stoltenberg", "type": "person", "name": "Jens Stoltenberg"},
  {"id": "person:nobody", "type": "person", "name": "  "},
  {"id": "person:x", "type": "person", "name": "X", "aliases": ["", "Ok Name"]}
]}"#;
    std::fs::write(root.join(".crosscheck/entities.json"), kb).unwrap();
    let (_, out, _) = run(&["check", s(&root), "--format", "json"]);
    let list: Value = serde_json::from_str(&out).unwrap();
    let kb_findings: Vec<(u64, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == ".crosscheck/entities.json" && d["code"] == "invalid-value")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (line, what) in [
        (2, "empty"),
        (3, "type:slug"),
        (4, "empty"),
        (5, "one character"),
        (5, "empty"),
    ] {
        assert!(
            kb_findings
                .iter()
                .any(|(l, m)| *l == line && m.contains(what)),
            "line {line}, {what}: {kb_findings:?}"
        );
    }
}

/// The binary under test: the one cargo built, or `CROSSCHECK_TEST_BIN`
/// (to run the same tests against another build, an older one say).
pub fn crosscheck_bin() -> String {
    std::env::var("CROSSCHECK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_crosscheck").to_string())
}

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");

/// The fenced block right after the line containing `marker`.
fn readme_block(marker: &str) -> String {
    let readme = std::fs::read_to_string(README).unwrap();
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("README lacks {marker:?}"));
    let rest = &readme[at..];
    let start = rest.find("```\n").unwrap() + 4;
    let end = start + rest[start..].find("```").unwrap();
    rest[start..end].to_string()
}

/// The README shows what the commands really print on the example: the
/// whole `check` output (its summary counts every line it shows), and
/// lines that `entities` prints.
#[test]
fn the_readme_shows_what_the_commands_print() {
    let (code, out, err) = run(&["check", EXAMPLE]);
    assert_eq!(code, 0);
    let real = format!("{out}{}\n", err.trim_end().lines().last().unwrap());
    let shown = readme_block("check examples/nato-ukraine` prints");
    assert!(
        shown == real,
        "README's check block is out of date; the real output is:\n{real}"
    );
    let (_, out, _) = run(&["entities", EXAMPLE]);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let real: Vec<String> = out.lines().map(squeeze).collect();
    for line in readme_block("entities examples/nato-ukraine` prints").lines() {
        assert!(
            real.contains(&squeeze(line)),
            "README's entities line {line:?} is not in the output:\n{out}"
        );
    }
}

/// `maxFileSize` has one default: the server's and the command line's,
/// which every client sends and every document states.
#[test]
fn max_file_size_defaults_agree_everywhere() {
    let default = crosscheck::workspace::DEFAULT_MAX_FILE_SIZE.to_string();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let vscode: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/editors/vscode/package.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        vscode["contributes"]["configuration"]["properties"]["crosscheck.maxFileSize"]["default"]
            .to_string(),
        default
    );
    for (file, needle) in [
        (
            "editors/vscode/src/extension.ts",
            "get<number>('maxFileSize', ",
        ),
        ("editors/neovim/lua/crosscheck/init.lua", "maxFileSize = "),
        ("editors/neovim/README.md", "maxFileSize = "),
        ("editors/README.md", "maxFileSize"),
        ("editors/vscode/README.md", "crosscheck.maxFileSize"),
    ] {
        let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
        for (i, _) in text.match_indices(needle) {
            let tail = &text[i + needle.len()..];
            let digits: String = tail
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit())
                .collect();
            assert_eq!(digits, default, "{file}: {}", &tail[..tail.len().min(60)]);
        }
    }
}
