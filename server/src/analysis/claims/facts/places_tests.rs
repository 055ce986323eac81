//! Seats of organisations read from sentences of invented news.
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::{analyze, ClaimSettings};

/// The places (as written) of the seat facts of the claim starting with
/// `starts`, with the subject's text.
fn seats(t: &str, starts: &str) -> Vec<(String, Vec<String>)> {
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let c = fc
        .claims
        .iter()
        .find(|c| t[c.start..c.end].starts_with(starts))
        .unwrap_or_else(|| panic!("no claim '{starts}' in {:#?}", fc.claims));
    c.facts
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Location {
                subject, places, ..
            } => Some((
                doc.mentions[*subject as usize].text(t).to_string(),
                places
                    .iter()
                    .map(|&p| doc.mentions[p as usize].text(t).to_string())
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn a_moved_seat_is_where_it_moved_to_and_the_company_is_the_files() {
    let t = "Tuesday May 16 2023\n\n\
        Brightwell Labs, which is headquartered in Austin, has closed a $40 million Series B round.\n\n\
        The company moved its headquarters from San Antonio to Austin in 2020.\n\n\
        Kessler founded Brightwell in 2017 with two former hospital administrators.\n";
    let s = seats(t, "The company moved");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, vec!["Austin".to_string()]);
    assert!(s[0].0.starts_with("Brightwell"), "{s:?}");
}

#[test]
fn the_seat_is_of_the_name_the_phrase_follows_not_of_the_wire() {
    let t = "January 13, 2020\n\n\
        MINNEAPOLIS (AP) — Halvorsen Foods, which is headquartered in Minneapolis, said Monday that it will relocate its head office to Chicago over the next two years.\n";
    let s = seats(t, "MINNEAPOLIS");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, vec!["Minneapolis".to_string()]);
    assert!(s[0].0.starts_with("Halvorsen"), "{s:?}");
}

#[test]
fn a_relative_clause_places_the_noun_before_it_not_the_sentence_s_first_name() {
    let t = "19 April 2021\n\n\
        Lindoso's 221 stores and its central warehouse in O Porriño will be integrated into the Almenar group, which has its headquarters in Alcalá de Henares.\n";
    let s = seats(t, "Lindoso's 221");
    assert!(
        s.iter().all(|(who, _)| !who.contains("Lindoso")),
        "the group's seat given to Lindoso: {s:?}"
    );
    assert!(s.iter().all(|(who, _)| who.contains("Almenar")), "{s:?}");
}
