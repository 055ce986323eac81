//! Recognition through the CLI (`crosscheck entities --format json`) on
//! small corpora written for these tests (tests/corpora/ner-*), one per
//! kind of error the recogniser used to make: a place cut out of a longer
//! name, teams typed as places, names only the folder can decide, names in
//! headlines and text in capitals, wire datelines, modifiers and teams.
mod common;

use serde_json::Value;
use std::process::Command;

/// What `crosscheck entities --format json` prints for the corpus.
fn entities_json(corpus: &str) -> Value {
    let dir = common::repo_path(&format!("tests/corpora/{corpus}"));
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["entities", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (text, type, file) of every mention of the corpus.
fn mentions(corpus: &str) -> Vec<(String, String, String)> {
    let v = entities_json(corpus);
    let mut m = Vec::new();
    for e in v.as_array().unwrap() {
        for x in e["mentions"].as_array().unwrap() {
            m.push((
                x["text"].as_str().unwrap().to_string(),
                e["type"].as_str().unwrap().to_string(),
                x["path"].as_str().unwrap().to_string(),
            ));
        }
    }
    m
}

fn kinds_of(m: &[(String, String, String)], text: &str) -> Vec<String> {
    m.iter()
        .filter(|(t, _, _)| t == text)
        .map(|(_, k, _)| k.clone())
        .collect()
}

#[test]
fn longest_name_first_and_typed_by_its_head() {
    let m = mentions("ner-names");
    for org in [
        "Air Canada",
        "Environment Canada",
        "Edmonton Sun",
        "Brightwater Wireless USA",
        "Harlow Capital Ltd.",
    ] {
        assert_eq!(kinds_of(&m, org), ["organization"], "{org}: {m:?}");
    }
    assert_eq!(kinds_of(&m, "Western Australia"), ["location"], "{m:?}");
    // The place inside those names is no mention of its own.
    for place in ["Canada", "Edmonton", "USA", "Australia"] {
        assert!(kinds_of(&m, place).is_empty(), "{place}: {m:?}");
    }
    assert_eq!(kinds_of(&m, "Perth"), ["location"]);
}

#[test]
fn headline_words_end_names_and_are_no_names_themselves() {
    let m = mentions("ner-names");
    let in_headline: Vec<_> = m
        .iter()
        .filter(|(_, _, f)| f == "b_headline.txt")
        .map(|(t, _, _)| t.as_str())
        .collect();
    assert_eq!(
        in_headline
            .iter()
            .filter(|t| **t == "Marta Vellacourt")
            .count(),
        2,
        "the headline name ends before 'Wins': {in_headline:?}"
    );
    for w in [
        "Wins",
        "Award",
        "Harbour",
        "Photographs",
        "Harbour Photographs",
    ] {
        assert!(!in_headline.contains(&w), "{w}: {in_headline:?}");
    }
}

#[test]
fn countries_and_towns_in_a_sports_report_are_teams() {
    let m = mentions("ner-sports");
    for team in ["Portugal", "Ghana"] {
        let k = kinds_of(&m, team);
        assert!(
            !k.is_empty() && k.iter().all(|k| k == "organization"),
            "{team}: {m:?}"
        );
    }
    assert_eq!(kinds_of(&m, "Dayton"), ["organization"], "{m:?}");
    assert_eq!(kinds_of(&m, "Springfield Hawks"), ["organization"], "{m:?}");
    // "in Qatar" is where the tournament is played.
    assert_eq!(kinds_of(&m, "Qatar"), ["location"], "{m:?}");
    // A country's short form ("Korea") for the team the report names.
    assert_eq!(
        kinds_of(&m, "Korea"),
        ["organization", "organization"],
        "{m:?}"
    );
}

#[test]
fn names_found_in_one_file_are_recognised_in_the_others() {
    let m = mentions("ner-folder");
    // "Tallowby" alone in b_followup.txt (no cue there) and in the all-caps
    // headline of d_headline.txt: the owner named in full in a_profile.txt.
    for f in ["b_followup.txt", "d_headline.txt"] {
        assert!(
            m.iter()
                .any(|(t, k, p)| t.eq_ignore_ascii_case("Tallowby") && k == "person" && p == f),
            "{f}: {m:?}"
        );
    }
    // A one-word company recurring mid-sentence across files, typed by its
    // contexts ("The ferry operator Kestrelline", "A spokeswoman for ...").
    let files: std::collections::BTreeSet<_> = m
        .iter()
        .filter(|(t, k, _)| t.eq_ignore_ascii_case("Kestrelline") && k == "organization")
        .map(|(_, _, f)| f.as_str())
        .collect();
    assert_eq!(files.len(), 4, "{m:?}");
    assert_eq!(kinds_of(&m, "Grenvoe Shipping"), ["organization"], "{m:?}");
    // Headline words written in capitals are not names.
    for w in ["DEFENDS", "CLOSURE", "KESTRELLINE CLOSURE"] {
        assert!(kinds_of(&m, w).is_empty(), "{w}: {m:?}");
    }
}

#[test]
fn a_company_is_called_by_the_first_word_of_its_name() {
    let m = mentions("ner-short-forms");
    // "Falcon" and "Ford" alone in b_plants.txt: short forms of the full
    // names in a_results.txt, though "falcon" and "ford" are English words
    // and the gazetteer counts "Ford" only beside the full name.
    for w in ["Falcon", "Ford"] {
        let k: Vec<_> = m
            .iter()
            .filter(|(t, _, f)| t == w && f == "b_plants.txt")
            .map(|(_, k, _)| k.as_str())
            .collect();
        assert!(
            !k.is_empty() && k.iter().all(|k| *k == "organization"),
            "{w}: {m:?}"
        );
    }
    // A company cue in one place ("its European division, Varrowick")
    // types the word wherever the document writes it ("staff at Varrowick").
    assert_eq!(
        kinds_of(&m, "Varrowick"),
        ["organization", "organization", "organization"],
        "{m:?}"
    );
}

#[test]
fn a_short_form_is_linked_to_the_full_name_across_files() {
    let dir = common::repo_path("tests/corpora/ner-short-forms");
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["entities", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for full in ["Falcon Motor Company", "Ford Motor Company"] {
        let e = v
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == full)
            .unwrap_or_else(|| panic!("{full}: {v}"));
        let files: std::collections::BTreeSet<_> = e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["path"].as_str().unwrap())
            .collect();
        assert_eq!(files.len(), 2, "{full}: {e}");
    }
}

#[test]
fn regions_are_known_by_their_english_names() {
    let m = mentions("ner-names");
    // ISO 3166-2 writes Toscana, Puglia and Kärnten; news writes these.
    for region in ["Tuscany", "Apulia", "Carinthia"] {
        assert_eq!(kinds_of(&m, region), ["location"], "{region}: {m:?}");
    }
}

/// The mentions (text, file) of the entity with this name or id.
fn entity_files(corpus: &str, name: &str) -> Vec<(String, String)> {
    let v = entities_json(corpus);
    let e = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name || e["id"] == name)
        .unwrap_or_else(|| panic!("{name}: {v}"));
    e["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["text"].as_str().unwrap().to_string(),
                x["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_wire_credit_after_a_dateline_is_the_agency_not_the_place() {
    let m = mentions("ner-wire");
    // "AKRON, Ohio (AP)", "HOUSTON (AP)", "NEW YORK (Reuters)".
    assert_eq!(
        kinds_of(&m, "AP"),
        ["organization", "organization"],
        "{m:?}"
    );
    assert_eq!(kinds_of(&m, "Reuters"), ["organization"], "{m:?}");
    assert_eq!(kinds_of(&m, "HOUSTON"), ["location"], "{m:?}");
}

#[test]
fn college_teams_and_teams_in_a_scored_result_are_organisations() {
    let m = mentions("ner-wire");
    for team in ["Ohio State", "Kansas State", "Toledo Herons", "Akron Stags"] {
        assert_eq!(kinds_of(&m, team), ["organization"], "{team}: {m:?}");
    }
    // "Dayton beat Akron 71-64": a short report, but a result with a score.
    let dayton: Vec<_> = m
        .iter()
        .filter(|(t, _, f)| t == "Dayton" && f == "a_result.txt")
        .map(|(_, k, _)| k.as_str())
        .collect();
    assert!(dayton.contains(&"organization"), "{m:?}");
    // The headline's ordinary words are no person ("Rallies Past").
    assert!(kinds_of(&m, "Rallies Past").is_empty(), "{m:?}");
}

#[test]
fn a_team_is_called_by_its_nickname_in_every_file() {
    let ms = entity_files("ner-wire", "Toledo Herons");
    let herons: Vec<_> = ms.iter().filter(|(t, _)| t == "Herons").collect();
    assert_eq!(herons.len(), 2, "{ms:?}");
    assert!(
        herons.iter().any(|(_, f)| f == "c_storm.txt"),
        "the nickname in another file is linked: {ms:?}"
    );
}

#[test]
fn modifiers_storms_ratings_and_officers_titles() {
    let m = mentions("ner-wire");
    // "The Carter administration", "Ohio Gov. Ray Linwood": modifiers.
    assert!(kinds_of(&m, "Carter").is_empty(), "{m:?}");
    let ohio_in_b = m
        .iter()
        .any(|(t, _, f)| t == "Ohio" && f == "b_business.txt");
    assert!(!ohio_in_b, "{m:?}");
    // A storm's name, and a credit grade, are no names.
    assert!(kinds_of(&m, "Hurricane Mireille").is_empty(), "{m:?}");
    assert!(kinds_of(&m, "Mireille").is_empty(), "{m:?}");
    assert!(kinds_of(&m, "AAA").is_empty(), "{m:?}");
    // A company before its officer's title, a brand before "System", an
    // agency before "Administrator".
    assert!(
        kinds_of(&m, "Velmora").iter().all(|k| k == "organization"),
        "{m:?}"
    );
    assert_eq!(kinds_of(&m, "Tessaro System"), ["organization"], "{m:?}");
    assert_eq!(kinds_of(&m, "FEMA"), ["organization"], "{m:?}");
    assert_eq!(kinds_of(&m, "Paul Osgood"), ["person"], "{m:?}");
}

#[test]
fn states_abbreviated_after_a_town_or_in_a_party_tag_are_places() {
    let m = mentions("ner-wire");
    assert_eq!(kinds_of(&m, "Ariz."), ["location"], "{m:?}");
    assert_eq!(kinds_of(&m, "Fla."), ["location"], "{m:?}");
    assert_eq!(kinds_of(&m, "Lena Frost"), ["person"], "{m:?}");
    // Linked to the state, not a name of its own.
    let e = entity_files("ner-wire", "location:arizona");
    assert!(e.iter().any(|(t, _)| t == "Ariz."), "{e:?}");
}

/// The kinds the corpus gives `text` in file `f`, in order.
fn kinds_in(m: &[(String, String, String)], text: &str, f: &str) -> Vec<String> {
    m.iter()
        .filter(|(t, _, p)| t == text && p == f)
        .map(|(_, k, _)| k.clone())
        .collect()
}

#[test]
fn people_named_with_a_place_word_are_people() {
    let m = mentions("ner-folder-orgs");
    // A role noun before, a role after, a title: the pair is one person.
    for name in ["Taviel Raleigh", "Paris Quennell", "Lincoln Garrow"] {
        assert_eq!(kinds_of(&m, name), ["person"], "{name}: {m:?}");
    }
    // The surname alone is the person; after "in" it is still the town.
    let raleigh = kinds_in(&m, "Raleigh", "a_people.txt");
    assert_eq!(raleigh, ["person", "location"], "{m:?}");
    assert_eq!(kinds_in(&m, "Paris", "a_people.txt"), ["location"], "{m:?}");
    assert_eq!(
        kinds_in(&m, "Raleigh", "f_travel.txt"),
        ["location"],
        "{m:?}"
    );
}

#[test]
fn companies_typed_by_their_context_in_one_file_are_companies_in_the_others() {
    let m = mentions("ner-folder-orgs");
    // "Skylane, the budget carrier" in b_carrier.txt types the bare word in
    // c_strike.txt, in its headline and before "said" too.
    assert_eq!(
        kinds_in(&m, "Skylane", "c_strike.txt"),
        ["organization", "organization", "organization"],
        "{m:?}"
    );
    // "Analysts at Brenford", "a spokeswoman for Brenford".
    for f in ["b_carrier.txt", "c_strike.txt"] {
        assert_eq!(kinds_in(&m, "Brenford", f), ["organization"], "{f}: {m:?}");
    }
    // Partners joined by an ampersand are one firm; the analyst after its
    // name is a person.
    for firm in ["Hollis & Crane", "Pell & Ward"] {
        assert_eq!(kinds_of(&m, firm), ["organization"], "{firm}: {m:?}");
    }
    assert!(kinds_of(&m, "Ward").is_empty(), "{m:?}");
    assert_eq!(kinds_of(&m, "Mara Kell"), ["person"], "{m:?}");
    // A time zone after a clock time is no name.
    assert!(kinds_of(&m, "GMT").is_empty(), "{m:?}");
}

#[test]
fn clubs_and_towns_beside_a_result_or_a_coach_are_teams() {
    let m = mentions("ner-folder-orgs");
    for club in ["Corinth United", "Ashby Rovers"] {
        assert!(
            !kinds_of(&m, club).is_empty()
                && kinds_of(&m, club).iter().all(|k| k == "organization"),
            "{club}: {m:?}"
        );
    }
    // "stun Leeds", "beat Leeds 2-1", "Leeds coach"; "Detroit lost to
    // Chicago 98-94", "Chicago's defence", "Detroit coach".
    for (team, f, n) in [
        ("Leeds", "d_cup.txt", 3),
        ("Detroit", "e_hoops.txt", 3),
        ("Chicago", "e_hoops.txt", 2),
    ] {
        assert_eq!(
            kinds_in(&m, team, f),
            vec!["organization"; n],
            "{team}: {m:?}"
        );
    }
    // The same towns in a report on flights are places.
    for town in ["Detroit", "Chicago", "Leeds"] {
        let k = kinds_in(&m, town, "f_travel.txt");
        assert!(
            !k.is_empty() && k.iter().all(|k| k == "location"),
            "{town}: {m:?}"
        );
    }
}

#[test]
fn towns_named_like_people_after_a_place_preposition_are_places() {
    let m = mentions("ner-folder-orgs");
    // "in Shelby", "near Marion", "was from Clayton": given names, towns here.
    for town in ["Shelby", "Clayton"] {
        assert_eq!(
            kinds_in(&m, town, "g_local.txt"),
            ["location"],
            "{town}: {m:?}"
        );
    }
    assert_eq!(kinds_in(&m, "Marion", "g_local.txt"), ["location"], "{m:?}");
    // The same given name with a surname is a person.
    assert_eq!(kinds_of(&m, "Marion Keele"), ["person"], "{m:?}");
}

#[test]
fn haulage_firms_are_named_by_their_heads_and_then_by_their_first_word() {
    let m = mentions("ner-folder-orgs");
    for firm in ["Rostand Freight", "Marlowe Tanker Lines"] {
        assert_eq!(kinds_of(&m, firm), ["organization"], "{firm}: {m:?}");
    }
    // "Rostand" alone in another file, also at a sentence start.
    assert_eq!(
        kinds_in(&m, "Rostand", "h_haulage.txt"),
        ["organization", "organization"],
        "{m:?}"
    );
}

#[test]
fn a_college_named_state_is_a_team_in_a_sports_sentence() {
    let m = mentions("ner-folder-orgs");
    for team in ["Harwick State", "Delmont State"] {
        assert_eq!(kinds_of(&m, team), ["organization"], "{team}: {m:?}");
    }
}

#[test]
fn a_name_listed_with_a_known_company_is_a_company() {
    let m = mentions("ner-folder-orgs");
    // "Halcyra Jet and Ryanair": the pair's shape alone said person.
    assert_eq!(kinds_of(&m, "Halcyra Jet"), ["organization"], "{m:?}");
    // A person listed with a company: a given name keeps it a person.
    assert_eq!(kinds_of(&m, "Tomas Brevik"), ["person"], "{m:?}");
}

#[test]
fn an_index_named_after_its_compiler_is_no_organisation() {
    let m = mentions("ner-folder-orgs");
    // "the Standard & Poor's 500" twice: an index; the rating agency once.
    assert_eq!(
        kinds_in(&m, "Standard & Poor", "i_markets.txt"),
        ["organization"],
        "{m:?}"
    );
    // A company's head count is no index.
    assert_eq!(
        kinds_in(&m, "Brenford", "i_markets.txt"),
        ["organization"],
        "{m:?}"
    );
}
