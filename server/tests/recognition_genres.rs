//! Kinds of recognition error that depend on the genre of the text, found
//! by an error analysis of GUM dev and of GUM's train documents per genre
//! (issue 8, ner8; never of GUM test), each checked through the CLI
//! (`crosscheck entities --format json`) on a small corpus written for
//! these tests: two or more differently worded instances of each kind and
//! near misses that must keep their old reading.
mod common;

use serde_json::Value;
use std::process::Command;

use common::cli_mentions as mentions;

fn kinds_of(m: &[(String, String)], text: &str) -> Vec<String> {
    let mut k: Vec<String> = m
        .iter()
        .filter(|(t, _)| t == text)
        .map(|(_, k)| k.clone())
        .collect();
    k.dedup();
    k
}

/// Authors cited by surname and year, in reports on studies: narrative
/// ("Trenwick et al. (2014)", "As Delacourt (2020) noted", "Oduya and
/// Varnholt (2016)") and in parentheses ("(Varnholt & Oduya, 2016;
/// Piskorek 2019)", "(Hallgarth, Ibekwe, and Sorensby, 2021)"). Before,
/// none was found and "Varnholt & Oduya" was a firm of partners.
#[test]
fn cited_authors_are_persons() {
    let m = mentions("ner-citations");
    for author in [
        "Varnholt",
        "Oduya",
        "Piskorek",
        "Trenwick",
        "Delacourt",
        "Hallgarth",
        "Ibekwe",
        "Sorensby",
        "Quintard-Mbeki",
    ] {
        assert_eq!(kinds_of(&m, author), ["person"], "{author}: {m:?}");
    }
    assert!(kinds_of(&m, "Varnholt & Oduya").is_empty(), "{m:?}");
    // The folder then knows the surname alone ("Piskorek, whose 2019
    // paper", "Varnholt said").
    let varnholt = m.iter().filter(|(t, _)| t == "Varnholt").count();
    assert!(varnholt >= 3, "{m:?}");
}

/// Near misses: a work's title, a treaty, a date, an agency cited with a
/// year are no authors.
#[test]
fn titles_dates_and_agencies_with_a_year_are_not_authors() {
    let m = mentions("ner-citations");
    assert!(kinds_of(&m, "Nightjar").is_empty(), "{m:?}");
    for (name, kind) in [("Reuters", "organization"), ("June 2018", "date")] {
        assert_eq!(kinds_of(&m, name), [kind], "{name}: {m:?}");
    }
    assert!(
        !m.iter()
            .any(|(t, k)| k == "person" && (t == "Lisbon" || t == "Treaty")),
        "{m:?}"
    );
}

/// (text, type, entity id, file) of every mention of the corpus.
fn linked(corpus: &str) -> Vec<(String, String, String, String)> {
    let dir = common::repo_path(&format!("tests/corpora/{corpus}"));
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["entities", "--no-cache", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut m = Vec::new();
    for e in v.as_array().unwrap() {
        for x in e["mentions"].as_array().unwrap() {
            m.push((
                x["text"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
                x["path"].as_str().unwrap().to_string(),
            ));
        }
    }
    m
}

/// Short forms of bodies the gazetteer keeps contextual because many
/// countries have one ("the Supreme Court", "the National Assembly") and
/// parties' short names in mid-sentence ("Labour would back", "the
/// Conservatives"): in a document that never says which, they were no
/// mention at all; now they are organisations linked to no entry. Where
/// the document names the entry ("The U.S. Supreme Court ... the Supreme
/// Court"), the short form is still that entry.
#[test]
fn unbacked_short_forms_of_bodies_are_organisations() {
    let m = linked("ner-short-bodies");
    let get = |text: &str, file: &str| {
        m.iter()
            .filter(|(t, _, _, f)| t == text && f == file)
            .map(|(_, k, id, _)| (k.clone(), id.clone()))
            .collect::<Vec<_>>()
    };
    for name in [
        "Supreme Court",
        "National Assembly",
        "Labour",
        "Conservatives",
    ] {
        let got = get(name, "a_ruling.txt");
        assert_eq!(got.len(), 1, "{name}: {m:?}");
        assert_eq!(got[0].0, "organization", "{name}: {m:?}");
    }
    // Not linked to the US court named in the other file.
    let here = get("Supreme Court", "a_ruling.txt");
    let us = get("U.S. Supreme Court", "b_us.txt");
    assert_ne!(here[0].1, us[0].1, "{m:?}");
    // In the file that names it, the short form is the named court.
    let short = get("Supreme Court", "b_us.txt");
    assert_eq!(short, us, "{m:?}");
    // Near misses: a head alone ("the Union") and a party's name opening a
    // sentence as a word ("Labour shortages") are no mentions.
    assert!(get("Union", "b_us.txt").is_empty(), "{m:?}");
    assert!(get("the Union", "b_us.txt").is_empty(), "{m:?}");
    assert_eq!(
        m.iter().filter(|(t, _, _, _)| t == "Labour").count(),
        1,
        "{m:?}"
    );
}

/// A lone surname that a verb of saying or doing backs once ("Kowalczyk
/// told reporters", "Ndiaye warned") is that person at its other
/// occurrences too ("Talks between Kowalczyk and ...", "Kowalczyk also
/// proposed", "the plan drawn up under Ndiaye", "met Ndiaye"): before,
/// only the cued occurrence was a mention. An ordinary word so cued
/// ("Sterling said ..., the Sterling depot") is not spread.
#[test]
fn a_cued_lone_surname_is_the_person_throughout_the_document() {
    let m = mentions("ner-lone-surnames");
    for name in ["Kowalczyk", "Ndiaye"] {
        let n = m.iter().filter(|(t, k)| t == name && k == "person").count();
        assert_eq!(n, 3, "{name}: {m:?}");
    }
    assert!(
        !m.iter().any(|(t, k)| t == "Sterling" && k == "person"),
        "{m:?}"
    );
}

/// A lone name after a verb whose object is a person ("the council
/// appointed Vasquez-Oyelaran", "police arrested Tembo") is a person, and
/// the document's other uses of it ("Tembo's lawyer") follow.
#[test]
fn a_lone_name_after_a_verb_taking_a_person_is_a_person() {
    let m = mentions("ner-person-objects");
    for name in ["Vasquez-Oyelaran", "Tembo"] {
        let n = m.iter().filter(|(t, k)| t == name && k == "person").count();
        assert_eq!(n, 2, "{name}: {m:?}");
    }
    // Near miss: a firm named by its head after such a verb stays a firm.
    assert_eq!(
        kinds_of(&m, "Harbridge Consulting"),
        ["organization"],
        "{m:?}"
    );
}

/// A team whose nickname is the plural of a title ("St. Louis Cardinals",
/// "the Ottawa Senators") is one organisation: before, the title cut the
/// name and left the place ("St. Louis", "Springfield") as a location and
/// a sentence-initial "The St. Louis ..." gave a person "Louis". A title
/// before a name ("Senator Ray Dolan") and a saint ("St. Brendan") keep
/// their readings; "St." alone is no word the folder learns.
#[test]
fn a_place_then_a_plural_title_is_a_team() {
    let m = mentions("ner-title-teams");
    for team in ["St. Louis Cardinals", "Ottawa Senators"] {
        assert_eq!(kinds_of(&m, team), ["organization"], "{team}: {m:?}");
    }
    for place in ["St. Louis", "Ottawa"] {
        assert!(kinds_of(&m, place).is_empty(), "{place}: {m:?}");
    }
    assert!(kinds_of(&m, "Louis").is_empty(), "{m:?}");
    // The nickname alone, after the full name in the file ("the Cardinals
    // were knocked out", "The Senators have not"), is the team; in a file
    // without the team ("Two Senators in the state capital") it is no
    // mention.
    assert_eq!(kinds_of(&m, "Cardinals"), ["organization"], "{m:?}");
    let senators: Vec<_> = linked("ner-title-teams")
        .into_iter()
        .filter(|(t, _, _, _)| t == "Senators")
        .collect();
    assert_eq!(senators.len(), 2, "{senators:?}");
    assert!(
        senators.iter().all(|(_, k, id, f)| k == "organization"
            && id.contains("ottawa")
            && f == "b_hockey.txt"),
        "{senators:?}"
    );
    assert_eq!(kinds_of(&m, "Ray Dolan"), ["person"], "{m:?}");
    assert!(
        !m.iter()
            .any(|(t, k)| k == "organization" && t.starts_with("St") && !t.contains("Louis")),
        "{m:?}"
    );
}
