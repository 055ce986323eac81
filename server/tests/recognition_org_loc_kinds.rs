//! Kinds of organisation and location error of wire news that issue 8's
//! earlier parts still made (branch ner10), each checked through the CLI
//! (`crosscheck entities --format json`) on a small invented corpus: two
//! or more differently worded instances of each kind, and near misses that
//! must keep their old reading.
mod common;

use common::cli_mentions as mentions;

use common::mention_count as count;

use common::mention_named as named;

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
