//! Reports that agree on one fact and dispute another, as a fact-checker
//! sees them: in `crosscheck claims` (JSON and `--pairs`), the hover and
//! the code lens. Such an agreement is listed in part, with the disputed
//! fact and both values, never as plain corroboration.
mod common;

use serde_json::Value;
use std::path::Path;
use std::process::Command;

use common::*;
use crosscheck::ide::{claim_hover, code_lens};

fn claims(dir: &Path, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["claims", dir.to_str().unwrap(), "--no-cache"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Two reports of one bus crash: the same dead, day and river, other
/// injured; and another crash with the same figures.
fn bus_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (p, t) in [
        (
            "a.txt",
            "Monday, August 12, 2024\n\nKATHMANDU (Reuters) - A passenger bus skidded off a highway and plunged into the Trishuli river in central Nepal on Sunday, killing 14 people and injuring 22, police said.\n",
        ),
        (
            "b.txt",
            "12 August 2024\n\nFourteen people died and 35 were injured when a bus plunged into the Trishuli river in central Nepal on Sunday, officials said.\n",
        ),
        (
            "e.txt",
            "Monday, August 12, 2024\n\nPOKHARA (AP) - Fourteen people were killed and 22 injured on Saturday when a jeep fell into a gorge in western Nepal, police said.\n",
        ),
    ] {
        std::fs::write(dir.path().join(p), t).unwrap();
    }
    dir
}

fn links<'a>(v: &'a Value, path: &str) -> Vec<&'a Value> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == path)
        .flat_map(|f| f["claims"].as_array().unwrap())
        .flat_map(|c| c["corroborated_by"].as_array().unwrap())
        .collect()
}

#[test]
fn the_export_lists_every_agreeing_fact_and_the_disputed_one() {
    let dir = bus_folder();
    let v: Value = serde_json::from_str(&claims(dir.path(), &["--format", "json"])).unwrap();
    let a = links(&v, "a.txt");
    assert_eq!(a.len(), 1, "{a:#?}");
    let k = a[0];
    assert_eq!(k["path"], "b.txt");
    assert_eq!(k["partial"], true, "{k:#?}");
    let reasons: Vec<&str> = k["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"same amount"), "{reasons:?}");
    assert!(reasons.contains(&"same event date"), "{reasons:?}");
    let d = &k["disputes"].as_array().unwrap()[0];
    assert_eq!(d["kind"], "quantity");
    assert_eq!(
        (d["here_value"].as_str(), d["value"].as_str()),
        (Some("22"), Some("35"))
    );
    // The other crash is linked to nothing.
    assert!(links(&v, "e.txt").is_empty());
    // Read as pairs, the agreement says it is one in part only.
    let pairs = claims(dir.path(), &["--pairs"]);
    assert!(
        pairs.contains("in part only: the reports dispute quantity of")
            && pairs.contains("\"22\" vs \"35\""),
        "{pairs}"
    );
    // And file by file.
    let text = claims(dir.path(), &[]);
    assert!(text.contains("corroborated in part by b.txt:3:1"), "{text}");
    assert!(text.contains("but disputed: quantity of"), "{text}");
}

#[test]
fn the_hover_and_the_lens_show_an_agreement_in_part_apart() {
    let snap = load("tests/corpora/claims-dev/plane-crash-bolivia");
    let a = file(&snap, "a_reuters");
    let at = snap.file(a).text.find("killing 41").unwrap();
    let h = claim_hover::hover(&snap, a, at).unwrap();
    let md = &h.markdown;
    // b_efe dates the crash alike: plain; d_guardian a day earlier, in
    // another sentence: in part, with both days.
    let plain = md.find("**Corroborated by**").expect(md);
    let part = md
        .find("**Agrees in part (the reports also disagree)**")
        .expect(md);
    let efe = md.find("`b_efe.txt`").expect(md);
    let guardian = md.find("`d_guardian.txt`").expect(md);
    assert!(plain < efe && efe < part && part < guardian, "{md}");
    assert!(
        md[guardian..].contains("but disputes crash or accident"),
        "{md}"
    );
    let d = file(&snap, "d_guardian");
    let l = code_lens::file_lens(&snap, d);
    assert!(l.corroborated_in_part >= 1, "{l:#?}");
    assert!(l.title.contains("corroborated in part"), "{}", l.title);
}
