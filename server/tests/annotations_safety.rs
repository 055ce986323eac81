//! Bad input and data safety: broken files are reported with line and
//! column, never panic and are never overwritten; unknown fields survive;
//! sources that disappear leave orphans, not losses.
use std::path::{Path, PathBuf};

use crosscheck::annotations::edit::{link_mention, set_metadata, EditError, MetadataPatch};
use crosscheck::annotations::finding::code;
use crosscheck::annotations::store::{file_hash, write_atomic, Scope, WriteError};
use crosscheck::annotations::{AnnotationSet, Finding, LoadOptions, Severity};

mod annotation_fixture;
use annotation_fixture::{example, workspace};

fn ann_path(root: &Path, src: &str) -> PathBuf {
    root.join(".crosscheck/annotations")
        .join(format!("{src}.json"))
}

fn write(p: &Path, s: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, s).unwrap();
}

fn codes(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.code).collect()
}

#[test]
fn the_example_loads_clean_and_places_everything() {
    let (set, findings) = AnnotationSet::load(&example());
    assert!(findings.is_empty(), "{findings:#?}");
    let kb = set.knowledge_base().unwrap();
    assert_eq!(kb.entities.len(), 3);
    let text = std::fs::read_to_string(example().join("news/nato-summit.txt")).unwrap();
    let a = set.anchor_file("news/nato-summit.txt", &text);
    assert_eq!(a.placed.len(), 4);
    assert!(a.orphans.is_empty());
    let links: Vec<_> = a.links().map(|(s, e)| (&text[s], e)).collect();
    assert_eq!(
        links,
        vec![
            ("Jens Stoltenberg", "person:jens-stoltenberg"),
            ("the Alliance", "organization:nato")
        ]
    );
    let claims: Vec<_> = a.claims().map(|(s, st)| (&text[s], st)).collect();
    assert_eq!(
        claims,
        vec![(
            "40,000 troops had been trained by allies this year",
            "disputed"
        )]
    );
    assert_eq!(
        a.not_entities().map(|s| &text[s]).collect::<Vec<_>>(),
        vec!["Sunday"]
    );
    let sunday = text.find("Sunday").unwrap();
    assert!(set.is_dismissed(
        "news/nato-summit.txt",
        "ambiguous-date",
        &text,
        sunday..sunday + 6
    ));
    assert!(!set.is_dismissed(
        "news/nato-summit.txt",
        "other-code",
        &text,
        sunday..sunday + 6
    ));
    assert_eq!(
        set.metadata("news/nato-summit.txt")
            .unwrap()
            .published
            .as_deref(),
        Some("2022-09-18")
    );
    let roles: Vec<_> = set
        .kb_facts()
        .into_iter()
        .filter(|(_, f)| f.predicate == "holds_role")
        .map(|(e, f)| (e, f.from.clone(), f.to.clone()))
        .collect();
    assert_eq!(roles.len(), 2);
    assert!(set
        .kb_names()
        .iter()
        .any(|n| n.name == "the Alliance" && n.is_alias && n.entity == "organization:nato"));
}

#[test]
fn invalid_json_is_reported_with_line_and_column_and_never_overwritten() {
    let d = workspace();
    let p = ann_path(d.path(), "news/nato-summit.txt");
    let broken = "{\n  \"version\": 1,\n  \"annotations\": [\n    {\"id\": \"a\",, }\n  ]\n}\n";
    write(&p, broken);
    let (set, findings) = AnnotationSet::load(d.path());
    let f = findings
        .iter()
        .find(|f| f.code == code::INVALID_JSON)
        .expect("reported");
    assert_eq!((f.line, f.column), (4, 16));
    assert_eq!(f.path, p);
    let text = std::fs::read_to_string(d.path().join("news/nato-summit.txt")).unwrap();
    let err = link_mention(
        &set,
        "news/nato-summit.txt",
        &text,
        0..4,
        "organization:nato",
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Unparseable(_)));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), broken);
    assert!(set
        .anchor_file("news/nato-summit.txt", &text)
        .placed
        .is_empty());
}

#[test]
fn wrong_types_unknown_fields_duplicates_and_dates_are_located() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(&root.join("a.txt"), "NATO met in Brussels.");
    write(
        &ann_path(root, "a.txt"),
        r#"{
  "version": 1,
  "metadata": {"published": "2024-13-01", "outlet": 7},
  "colour": "blue",
  "annotations": [
    {"id": "x", "kind": "link", "target": {"quote": "NATO", "start": "0", "end": 4}, "entity": "organization:nato"},
    {"id": "x", "kind": "claim", "status": "maybe", "target": {"quote": "met", "start": 5, "end": 8}},
    {"id": "y", "kind": "link", "target": {"quote": "Brussels", "start": 12, "end": 20}, "entity": "location:nowhere", "entity": "x"}
  ]
}
"#,
    );
    write(
        &root.join(".crosscheck/entities.json"),
        r#"{"version": 7, "entities": [
  {"id": "organization:nato", "type": "organization", "name": "NATO", "facts": [{"predicate": "holds_role", "from": "2014-1-1"}]},
  {"id": "organization:nato", "type": "organization", "name": "NATO again"},
  {"id": "person:nobody", "name": "Nobody", "aliases": "Nob"}
]}
"#,
    );
    let (set, findings) = AnnotationSet::load(root);
    let at = |c: &str, line: u32| findings.iter().any(|f| f.code == c && f.line == line);
    assert!(at(code::INVALID_DATE, 3), "{findings:#?}");
    assert!(at(code::WRONG_TYPE, 3)); // outlet: 7
    assert!(at(code::UNKNOWN_FIELD, 4)); // colour
    assert!(at(code::WRONG_TYPE, 6)); // start: "0"
    assert!(at(code::DUPLICATE_ID, 7));
    assert!(at(code::INVALID_VALUE, 7)); // status maybe
    assert!(at(code::DUPLICATE_KEY, 8));
    let kb = root.join(".crosscheck/entities.json");
    let kbf: Vec<_> = findings.iter().filter(|f| f.path == kb).collect();
    assert!(kbf
        .iter()
        .any(|f| f.code == code::INVALID_DATE && f.line == 2));
    assert!(kbf
        .iter()
        .any(|f| f.code == code::DUPLICATE_ID && f.line == 3));
    assert!(kbf
        .iter()
        .any(|f| f.code == code::MISSING_FIELD && f.line == 4)); // type
    assert!(kbf
        .iter()
        .any(|f| f.code == code::WRONG_TYPE && f.line == 4)); // aliases
    for f in &findings {
        assert!(f.line > 0 && f.column > 0, "{f}");
        assert!(f.range.is_some());
    }
    // Unknown entity ids are checked against the KB and the analysis.
    // Unknown entity ids are reported even in a file that cannot be edited.
    let unknown = set.check_entity_refs(&|id| id == "location:brussels");
    assert!(unknown
        .iter()
        .any(|f| f.message.contains("location:nowhere") && f.line == 8));
    assert!(
        set.file("a.txt").is_none(),
        "duplicate keys: not representable, so not editable"
    );
}

#[test]
fn unknown_entity_ids_are_checked_against_kb_and_analysis() {
    let d = workspace();
    let p = ann_path(d.path(), "news/kyiv-update.txt");
    let text = std::fs::read_to_string(d.path().join("news/kyiv-update.txt")).unwrap();
    let (set, _) = AnnotationSet::load(d.path());
    for (word, id) in [
        ("Kyiv", "location:kyiv"),
        ("Ukraine", "location:atlantis"),
        ("Officials", "organization:nato"),
    ] {
        let (set, _) = AnnotationSet::load(d.path());
        let s = text.find(word).unwrap();
        let c = link_mention(&set, "news/kyiv-update.txt", &text, s..s + word.len(), id).unwrap();
        write_atomic(
            Scope::folder(d.path()),
            &c[0].path,
            c[0].expected.as_ref(),
            &c[0].new_text,
        )
        .unwrap();
    }
    drop(set);
    let (set, _) = AnnotationSet::load(d.path());
    let f = set.check_entity_refs(&|id| id == "location:kyiv" || id == "location:brussels");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, code::UNKNOWN_ENTITY);
    assert!(f[0].message.contains("location:atlantis"));
    assert_eq!(f[0].path, p);
    assert!(f[0].line > 1);
}

#[test]
fn unknown_fields_survive_a_rewrite() {
    let d = workspace();
    let p = ann_path(d.path(), "news/nato-summit.txt");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    v["future_field"] = serde_json::json!({"nested": [1, 2, 3]});
    v["annotations"][0]["target"]["sentence"] = serde_json::json!("kept too");
    write(&p, &serde_json::to_string_pretty(&v).unwrap());
    let (set, findings) = AnnotationSet::load(d.path());
    assert_eq!(
        codes(&findings),
        vec![code::UNKNOWN_FIELD, code::UNKNOWN_FIELD]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    let c = set_metadata(
        &set,
        "news/nato-summit.txt",
        MetadataPatch {
            published: Some(Some("2022-09-19".into())),
            ..Default::default()
        },
    )
    .unwrap();
    write_atomic(
        Scope::folder(d.path()),
        &c[0].path,
        c[0].expected.as_ref(),
        &c[0].new_text,
    )
    .unwrap();
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    assert_eq!(after["future_field"], v["future_field"]);
    assert_eq!(after["annotations"][0]["target"]["sentence"], "kept too");
    assert_eq!(after["annotations"][3]["x-reviewed-by"], "analyst-7");
    assert_eq!(after["metadata"]["x-desk"], "europe");
    assert_eq!(after["metadata"]["published"], "2022-09-19");
}

#[test]
fn huge_files_are_refused_without_being_read() {
    let d = workspace();
    let p = ann_path(d.path(), "news/big.txt");
    write(
        &p,
        &format!("{{\"annotations\": [{}]}}", "0,".repeat(5000) + "0"),
    );
    let (set, findings) = AnnotationSet::load_with(
        d.path(),
        &LoadOptions {
            max_file_size: 4096,
            ..Default::default()
        },
    );
    let f: Vec<_> = findings
        .iter()
        .filter(|f| f.code == code::FILE_TOO_LARGE)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path, p);
    assert!(set.file("news/big.txt").is_none());
    // And an edit for that source does not replace it with a small file.
    let err = link_mention(&set, "news/big.txt", "NATO", 0..4, "organization:nato").unwrap_err();
    assert!(matches!(err, EditError::Unparseable(_)));
}

#[test]
fn paths_that_escape_the_workspace_are_refused() {
    let d = workspace();
    let (set, _) = AnnotationSet::load(d.path());
    for bad in ["../../etc/passwd", "/etc/passwd", "news/../../x.txt"] {
        assert!(
            matches!(
                link_mention(&set, bad, "NATO", 0..4, "organization:nato"),
                Err(EditError::Invalid(_))
            ),
            "{bad}"
        );
    }
    write(
        &ann_path(d.path(), "news/evil.txt"),
        r#"{"source": "../../etc/passwd", "annotations": [{"id": "c", "kind": "claim", "target": {"quote": "x", "start": 0, "end": 1}, "evidence": [{"source": "/etc/shadow"}]}]}"#,
    );
    let (_, findings) = AnnotationSet::load(d.path());
    let unsafe_paths: Vec<_> = findings
        .iter()
        .filter(|f| f.code == code::UNSAFE_PATH)
        .collect();
    assert_eq!(unsafe_paths.len(), 2, "{findings:#?}");
}

#[test]
fn deleted_or_renamed_sources_leave_orphans_not_losses() {
    let d = workspace();
    let src = d.path().join("news/nato-summit.txt");
    let before = std::fs::read(ann_path(d.path(), "news/nato-summit.txt")).unwrap();
    std::fs::rename(&src, d.path().join("news/nato-renamed.txt")).unwrap();
    let (set, _) = AnnotationSet::load(d.path());
    let exists = |s: &str| d.path().join(s).exists();
    let f = set.missing_sources(&exists);
    assert_eq!(
        f.iter().filter(|f| f.code == code::SOURCE_MISSING).count(),
        1
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.code == code::ORPHANED_ANNOTATION)
            .count(),
        4
    );
    assert!(f
        .iter()
        .filter(|f| f.code == code::ORPHANED_ANNOTATION)
        .all(|f| f.line > 0 && f.item.is_some()));
    assert_eq!(
        std::fs::read(ann_path(d.path(), "news/nato-summit.txt")).unwrap(),
        before
    );
    // The quoted text was rewritten: orphans are reported, the file is kept.
    let text = "A completely different story about fishing quotas in Norway.";
    let a = set.anchor_file("news/nato-summit.txt", text);
    assert_eq!(a.orphans.len() + a.placed.len(), 4);
    assert!(a.orphans.len() >= 3);
    assert!(a
        .findings
        .iter()
        .all(|f| f.code == code::ORPHANED_ANNOTATION && f.line > 0));
}

#[test]
fn loading_twice_gives_the_same_result_and_writes_nothing() {
    let d = workspace();
    let snapshot = |root: &Path| {
        let mut v = Vec::new();
        for e in walk(root) {
            v.push((e.clone(), std::fs::read(&e).unwrap()));
        }
        v
    };
    let before = snapshot(d.path());
    let (a, fa) = AnnotationSet::load(d.path());
    let (b, fb) = AnnotationSet::load(d.path());
    assert_eq!(fa, fb);
    assert_eq!(a.knowledge_base(), b.knowledge_base());
    assert_eq!(
        a.files.keys().collect::<Vec<_>>(),
        b.files.keys().collect::<Vec<_>>()
    );
    let text = std::fs::read_to_string(d.path().join("news/nato-summit.txt")).unwrap();
    assert_eq!(
        a.anchor_file("news/nato-summit.txt", &text),
        b.anchor_file("news/nato-summit.txt", &text)
    );
    assert_eq!(before, snapshot(d.path()));
}

fn walk(p: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let e = e.unwrap().path();
        if e.is_dir() {
            out.extend(walk(&e));
        } else {
            out.push(e);
        }
    }
    out.sort();
    out
}

#[test]
fn the_writer_refuses_a_file_changed_since_it_was_read() {
    let d = workspace();
    let (set, _) = AnnotationSet::load(d.path());
    let text = std::fs::read_to_string(d.path().join("news/nato-summit.txt")).unwrap();
    let s = text.find("Bild").unwrap();
    let c = link_mention(
        &set,
        "news/nato-summit.txt",
        &text,
        s..s + 4,
        "organization:bild",
    )
    .unwrap();
    // Someone edits the file in the meantime.
    let p = &c[0].path;
    let theirs = std::fs::read_to_string(p)
        .unwrap()
        .replace("Sabine Siebold", "S. Siebold");
    std::fs::write(p, &theirs).unwrap();
    let err = write_atomic(
        Scope::folder(d.path()),
        p,
        c[0].expected.as_ref(),
        &c[0].new_text,
    )
    .unwrap_err();
    assert!(matches!(err, WriteError::ChangedOnDisk { .. }));
    assert_eq!(std::fs::read_to_string(p).unwrap(), theirs);
    // A file that appeared where a new one was to be created is not replaced.
    let fresh = d.path().join(".crosscheck/annotations/new.txt.json");
    std::fs::write(&fresh, "{}").unwrap();
    assert!(matches!(
        write_atomic(Scope::folder(d.path()), &fresh, None, "[]"),
        Err(WriteError::ChangedOnDisk { .. })
    ));
    assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "{}");
    // With the right hash it writes, and leaves no temporary file behind.
    write_atomic(
        Scope::folder(d.path()),
        &fresh,
        Some(&file_hash(b"{}")),
        "{\"version\": 1}\n",
    )
    .unwrap();
    let left: Vec<_> = std::fs::read_dir(fresh.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn garbage_never_panics() {
    let d = tempfile::tempdir().unwrap();
    let cases = [
        "", "null", "[]", "\"str\"", "{\"annotations\": {}}", "{\"annotations\": [null, 1, \"x\", []]}",
        "{\"annotations\": [{\"target\": null}]}", "{\"version\": -1, \"metadata\": []}",
        "\u{feff}{}", "{\"annotations\": [{\"id\": \"a\", \"kind\": \"link\", \"target\": {\"quote\": \"\", \"start\": 99999999999999999999, \"end\": 1}}]}",
    ];
    for (i, c) in cases.iter().enumerate() {
        write(&ann_path(d.path(), &format!("f{i}.txt")), c);
    }
    std::fs::write(ann_path(d.path(), "bin.txt"), [0xff, 0xfe, 0x00]).unwrap();
    write(
        &d.path().join(".crosscheck/entities.json"),
        "{\"entities\": [{\"id\": 1}]}",
    );
    let (set, findings) = AnnotationSet::load(d.path());
    assert!(findings.iter().any(|f| f.code == code::UNREADABLE));
    for i in 0..cases.len() {
        let _ = set.anchor_file(&format!("f{i}.txt"), "some text");
    }
}

#[test]
fn check_all_and_role_conflicts() {
    let d = workspace();
    let (mut set, load) = AnnotationSet::load(d.path());
    let single = |r: &str| r == "NATO Secretary General";
    assert!(
        set.role_conflicts(&single).is_empty(),
        "a handover is not a conflict"
    );
    let kb_path = d.path().join(".crosscheck/entities.json");
    let kb = std::fs::read_to_string(&kb_path)
        .unwrap()
        .replace("\"from\": \"2024-10-01\",", "\"from\": \"2024-06\",");
    set.update_file(&kb_path, kb);
    let f = set.role_conflict_findings(&single);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, code::KB_CONFLICT);
    assert_eq!(f[0].item.as_deref(), Some("person:mark-rutte"));
    assert!(f[0].line > 1);
    assert!(set.role_conflicts(&|_| false).is_empty());
    // Everything at once: a deleted source and an unknown id.
    let root = d.path().to_path_buf();
    std::fs::remove_file(root.join("news/nato-summit.txt")).unwrap();
    let all = set.check_all(
        load,
        &|s| std::fs::read_to_string(root.join(s)).ok(),
        &|_| false,
        &|id| id == "location:brussels",
    );
    assert_eq!(
        codes(&all)
            .iter()
            .filter(|c| **c == code::SOURCE_MISSING)
            .count(),
        1
    );
    assert_eq!(
        codes(&all)
            .iter()
            .filter(|c| **c == code::ORPHANED_ANNOTATION)
            .count(),
        4
    );
    assert!(!codes(&all).contains(&code::UNKNOWN_ENTITY));
}
