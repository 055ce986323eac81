//! brat and W3C interchange. The round trip uses a few GUM news documents
//! copied at test time from /work/shared/data/gum_news/brat (never
//! committed); the test is skipped, with a note, when they are absent.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crosscheck::annotations::brat::parse;
use crosscheck::annotations::AnnotationSet;
use crosscheck::cli::export::{export, Format as ExportFormat};
use crosscheck::cli::import::{import_dir, Format as ImportFormat};

mod annotation_fixture;
use annotation_fixture::{copy_dir, example};

fn data_dir(sub: &str) -> Option<PathBuf> {
    let candidates = [
        std::env::var("CROSSCHECK_DATA")
            .ok()
            .map(|d| PathBuf::from(d).join(sub)),
        Some(PathBuf::from("/work/shared/data").join(sub)),
    ];
    candidates.into_iter().flatten().find(|p| p.is_dir())
}

/// T spans of a .ann file: (start, end, text) -> crosscheck entity id, if any.
fn spans_and_links(ann: &str) -> BTreeMap<(usize, usize, String), Option<String>> {
    let d = parse(ann);
    d.spans
        .iter()
        .map(|s| {
            let link = d
                .norms
                .iter()
                .find(|n| n.target == s.id && n.resource == "crosscheck")
                .map(|n| n.key.clone());
            (
                (
                    s.fragments[0].0,
                    s.fragments.last().unwrap().1,
                    s.text.clone(),
                ),
                link,
            )
        })
        .collect()
}

/// Import `docs` from brat folder `src`, export again, and check that every
/// gold span comes back with the entity the import linked it to. `id_key`
/// is the external id the corpus notes carry.
fn round_trip(src: &Path, docs: &[&str], id_key: &str) {
    let ws = tempfile::tempdir().unwrap();
    for d in docs {
        for ext in ["txt", "ann"] {
            let from = src.join(format!("{d}.{ext}"));
            if !from.exists() {
                eprintln!("note: {} missing; round trip skipped", from.display());
                return;
            }
            std::fs::copy(&from, ws.path().join(format!("{d}.{ext}"))).unwrap();
        }
    }
    let changed = import_dir(ws.path(), ImportFormat::Brat, &Default::default(), false).unwrap();
    assert_eq!(changed, docs.len() + 1, "one file per document and the KB");
    // Importing again adds nothing.
    assert_eq!(
        import_dir(ws.path(), ImportFormat::Brat, &Default::default(), false).unwrap(),
        0
    );
    let (set, findings) = AnnotationSet::load(ws.path());
    assert!(findings.is_empty(), "{findings:#?}");
    let out = tempfile::tempdir().unwrap();
    export(
        ws.path(),
        out.path(),
        ExportFormat::Brat,
        false,
        &Default::default(),
    )
    .unwrap();
    for d in docs {
        let gold = std::fs::read_to_string(src.join(format!("{d}.ann"))).unwrap();
        let text = std::fs::read_to_string(src.join(format!("{d}.txt"))).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.path().join(format!("{d}.txt"))).unwrap(),
            text
        );
        let exported =
            spans_and_links(&std::fs::read_to_string(out.path().join(format!("{d}.ann"))).unwrap());
        let gold_doc = parse(&gold);
        let file = set.file(&format!("{d}.txt")).unwrap();
        let mut checked = 0;
        for s in &gold_doc.spans {
            let key = (
                s.fragments[0].0,
                s.fragments.last().unwrap().1,
                s.text.clone(),
            );
            let link = exported
                .get(&key)
                .unwrap_or_else(|| panic!("{d}: gold span {key:?} missing from the export"));
            // The exported link is the entity the import created for it.
            let imported: BTreeSet<&str> = file
                .annotations
                .iter()
                .filter(|a| a.target.start as usize == key.0 && a.target.end as usize == key.1)
                .filter_map(|a| a.entity.as_deref())
                .collect();
            assert!(
                imported.contains(link.as_deref().unwrap()),
                "{d} {key:?}: {link:?} not in {imported:?}"
            );
            checked += 1;
        }
        assert!(checked > 10, "{d}: only {checked} spans");
    }
    // External ids from the corpus notes reached the KB.
    assert!(set
        .knowledge_base()
        .unwrap()
        .entities
        .iter()
        .any(|e| e.external_ids.contains_key(id_key)));
}

#[test]
fn gum_round_trip_keeps_spans_and_links() {
    let Some(gum) = data_dir("gum_news/brat") else {
        eprintln!("note: GUM brat data not found; round trip skipped");
        return;
    };
    round_trip(
        &gum,
        &["GUM_news_afghan", "GUM_news_clock", "GUM_news_defector"],
        "wikipedia",
    );
}

#[test]
fn meantime_round_trip_keeps_spans_and_links() {
    let Some(dir) = data_dir("meantime_en/docs") else {
        eprintln!("note: MEANTIME data not found; round trip skipped");
        return;
    };
    round_trip(
        &dir,
        &["corpus_airbus__100911", "corpus_airbus__102977"],
        "dbpedia",
    );
}

#[test]
fn brat_export_of_the_example_applies_annotations_and_reimports() {
    let ws = tempfile::tempdir().unwrap();
    copy_dir(&example(), ws.path());
    let out = tempfile::tempdir().unwrap();
    export(
        ws.path(),
        out.path(),
        ExportFormat::Brat,
        false,
        &Default::default(),
    )
    .unwrap();
    let ann = std::fs::read_to_string(out.path().join("news/nato-summit.ann")).unwrap();
    let d = parse(&ann);
    let text = std::fs::read_to_string(ws.path().join("news/nato-summit.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for s in &d.spans {
        let (a, b) = (s.fragments[0].0, s.fragments[0].1);
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            s.text,
            "offsets are code points"
        );
    }
    let find = |t: &str| d.spans.iter().find(|s| s.text == t);
    let stolt = find("Jens Stoltenberg").expect("linked span exported");
    assert!(d.norms.iter().any(|n| n.target == stolt.id
        && n.resource == "crosscheck"
        && n.key == "person:jens-stoltenberg"));
    assert!(d
        .norms
        .iter()
        .any(|n| n.target == stolt.id && n.resource == "Wikidata" && n.key == "Q57"));
    assert!(find("Sunday").is_none(), "not-an-entity spans are left out");
    let claim = d
        .spans
        .iter()
        .find(|s| s.kind == "Claim")
        .expect("claim exported");
    assert!(d
        .attributes
        .iter()
        .any(|a| a.1 == claim.id && a.2.as_deref() == Some("disputed")));
    // Re-import the export into a fresh workspace: the claim and the link come back.
    let back = tempfile::tempdir().unwrap();
    std::fs::copy(
        out.path().join("news/nato-summit.txt"),
        back.path().join("n.txt"),
    )
    .unwrap();
    std::fs::copy(
        out.path().join("news/nato-summit.ann"),
        back.path().join("n.ann"),
    )
    .unwrap();
    import_dir(back.path(), ImportFormat::Brat, &Default::default(), false).unwrap();
    let (set, _) = AnnotationSet::load(back.path());
    let a = set.anchor_file("n.txt", &text);
    assert!(a
        .links()
        .any(|(s, e)| &text[s] == "Jens Stoltenberg" && e == "person:jens-stoltenberg"));
    assert!(a.claims().any(|(_, st)| st == "disputed"));
    assert_eq!(
        set.entity("person:jens-stoltenberg")
            .unwrap()
            .external_ids
            .get("wikidata")
            .map(String::as_str),
        Some("Q57")
    );
}

#[test]
fn w3c_export_has_quote_and_position_selectors_in_code_points() {
    let ws = tempfile::tempdir().unwrap();
    copy_dir(&example(), ws.path());
    // A non-ASCII prefix makes code points and bytes differ.
    let p = ws.path().join("news/nato-summit.txt");
    let text = format!("Übersicht 🙂 {}", std::fs::read_to_string(&p).unwrap());
    std::fs::write(&p, &text).unwrap();
    let out = tempfile::tempdir().unwrap();
    export(
        ws.path(),
        out.path(),
        ExportFormat::W3c,
        false,
        &Default::default(),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("annotations.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let stolt = items
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with("#link-stoltenberg"))
        .expect("annotation exported");
    assert_eq!(stolt["motivation"], "identifying");
    assert_eq!(
        stolt["body"][0]["source"],
        "http://www.wikidata.org/entity/Q57"
    );
    let sel = stolt["target"]["selector"].as_array().unwrap();
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "Jens Stoltenberg");
    let (s, e) = (
        sel[1]["start"].as_u64().unwrap() as usize,
        sel[1]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), "Jens Stoltenberg");
    let claim = items
        .iter()
        .find(|i| i["motivation"] == "assessing")
        .unwrap();
    assert_eq!(claim["body"][0]["value"], "disputed");
    assert!(items.iter().any(|i| i["id"]
        .as_str()
        .unwrap()
        .starts_with("urn:crosscheck:mention:")));
    for i in items {
        let sel = &i["target"]["selector"][1];
        let (s, e) = (
            sel["start"].as_u64().unwrap() as usize,
            sel["end"].as_u64().unwrap() as usize,
        );
        let src = i["target"]["source"].as_str().unwrap();
        if src == "news/nato-summit.txt" && i.get("crosscheck:orphan").is_none() {
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                i["target"]["selector"][0]["exact"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn export_refuses_to_write_over_the_workspace() {
    let ws = tempfile::tempdir().unwrap();
    copy_dir(&example(), ws.path());
    assert!(export(
        ws.path(),
        ws.path(),
        ExportFormat::Brat,
        false,
        &Default::default()
    )
    .is_err());
}

#[test]
fn the_subcommands_are_wired() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(ws.path().join("a.txt"), "NATO met in Brussels.").unwrap();
    std::fs::write(
        ws.path().join("a.ann"),
        "T1\tOrganization 0 4\tNATO\nN1\tReference T1 Wikidata:Q7184\tNATO\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let dry = run(&[
        "import",
        "--format",
        "brat",
        "--dry-run",
        ws.path().to_str().unwrap(),
    ]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(
        !ws.path().join(".crosscheck").exists(),
        "--dry-run writes nothing"
    );
    assert!(
        run(&["import", "--format", "brat", ws.path().to_str().unwrap()])
            .status
            .success()
    );
    let kb = std::fs::read_to_string(ws.path().join(".crosscheck/entities.json")).unwrap();
    assert!(kb.contains("\"wikidata\": \"Q7184\""), "{kb}");
    let out = tempfile::tempdir().unwrap();
    let o = out.path().join("w3c");
    let r = run(&[
        "export",
        "--format",
        "w3c",
        ws.path().to_str().unwrap(),
        o.to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let v = std::fs::read_to_string(o.join("annotations.jsonld")).unwrap();
    assert!(v.contains("http://www.wikidata.org/entity/Q7184"));
    assert!(!run(&[
        "export",
        "--format",
        "brat",
        ws.path().to_str().unwrap(),
        ws.path().to_str().unwrap()
    ])
    .status
    .success());
}
