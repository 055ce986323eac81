//! Kinds of organisation and location error of wire news that issue 8's
//! earlier parts still made (branch ner10), each checked through the CLI
//! (`crosscheck entities --format json`) on a small invented corpus: two
//! or more differently worded instances of each kind, and near misses that
//! must keep their old reading.
mod common;

use serde_json::Value;
use std::process::Command;

/// (text, type) of every mention of the corpus.
fn mentions(corpus: &str) -> Vec<(String, String)> {
    let dir = common::repo_path(&format!("tests/corpora/{corpus}"));
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["entities", "--no-cache", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut m = Vec::new();
    for e in v.as_array().unwrap() {
        for x in e["mentions"].as_array().unwrap() {
            m.push((
                x["text"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
            ));
        }
    }
    m
}

fn count(m: &[(String, String)], text: &str, kind: &str) -> usize {
    m.iter().filter(|(t, k)| t == text && k == kind).count()
}

fn named(m: &[(String, String)], text: &str) -> bool {
    m.iter().any(|(t, _)| t == text)
}

/// One-word companies no list knows, typed by what news says of a
/// business: its people ("Employees of Korvella", "Shareholders of
/// Tamsworth"), what it runs ("A Korvella store", "a Drennick outlet"),
/// its results ("Tamsworth reported a quarterly loss") or a list of known
/// companies it stands in ("Palvio, Microsoft and Intel"); the document's
/// other uses follow ("Korvella declined to comment", "Drennick said it").
/// Before: Korvella and Drennick were persons, Palvio was missed
/// (Tamsworth was found by its shareholders already). Near misses: a farm's owner after "workers at the" stays
/// unnamed, a person with a role stays a person, a town after "in" a place.
#[test]
fn one_word_companies_by_what_a_business_has() {
    let m = mentions("ner-company-words");
    assert_eq!(count(&m, "Korvella", "organization"), 3, "{m:?}");
    assert_eq!(count(&m, "Drennick", "organization"), 2, "{m:?}");
    assert_eq!(count(&m, "Tamsworth", "organization"), 2, "{m:?}");
    assert_eq!(count(&m, "Palvio", "organization"), 1, "{m:?}");
    assert!(!named(&m, "Kowalczyk"), "{m:?}");
    assert_eq!(count(&m, "Marta Oduya", "person"), 1, "{m:?}");
    assert_eq!(count(&m, "Plessington", "location"), 1, "{m:?}");
}

/// In a report on a team sport, a plural nickname after "the" is the team
/// even when the report never gives its full name ("The Falconers beat the
/// Gulls 98-91", "the Gulls missed"). Before: the Gulls were missed (the
/// Falconers, next to a verb of victory, were found). Near
/// misses: a nationality ("the Americans"), a party ("The Democrats'") and
/// a mountain range after a place preposition ("from the Appalachians")
/// are no teams.
#[test]
fn lone_plural_nicknames_are_teams_in_a_sports_report() {
    let m = mentions("ner-lone-nicknames");
    assert_eq!(count(&m, "Falconers", "organization"), 2, "{m:?}");
    assert_eq!(count(&m, "Gulls", "organization"), 2, "{m:?}");
    for t in ["Americans", "Democrats", "Appalachians"] {
        assert!(
            !m.iter().any(|(x, k)| x == t && k == "organization"),
            "{t}: {m:?}"
        );
    }
}

/// A place and one ordinary word are one body's name, not the place: a
/// utility ("Denver Water"), a company ("Boston Scientific"), a transit
/// system ("Madrid Metro", "Chicago Transit"). Before: the place alone, or
/// a person "Denver Water". Near misses: an agreement ("the Kyoto
/// Protocol"), a pair modifying a lower-case noun ("the Malaysia Tourism
/// board"), a possessive ("the Los Angeles Sheriff's office") and an index
/// ("The Shanghai Index") leave the place as it was, and "Residents of
/// Denver" is the place.
#[test]
fn a_place_and_an_ordinary_word_name_a_body() {
    let m = mentions("ner-place-bodies");
    for t in [
        "Denver Water",
        "Boston Scientific",
        "Madrid Metro",
        "Chicago Transit",
    ] {
        assert_eq!(count(&m, t, "organization"), 1, "{t}: {m:?}");
    }
    for t in [
        "Kyoto Protocol",
        "Malaysia Tourism",
        "Los Angeles Sheriff",
        "Shanghai Index",
    ] {
        assert!(!named(&m, t), "{t}: {m:?}");
    }
    for t in ["Malaysia", "Los Angeles", "Denver"] {
        assert_eq!(count(&m, t, "location"), 1, "{t}: {m:?}");
    }
    assert!(!named(&m, "Boston"), "{m:?}");
}
