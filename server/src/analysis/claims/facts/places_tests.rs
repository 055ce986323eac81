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

#[test]
fn the_based_company_that_speaks_is_the_one_its_sentence_opens_with() {
    let t = "September 5, 2019\n\n\
        BOSTON (Reuters) - Norvik Software will pay $780 million in cash and the rest in its own shares, the Boston-based company said.\n\n\
        Norvik Software agreed to buy Calder Analytics, the Austin-based company said.\n\n\
        Norvik Software will hire 200 engineers, the Boston-based newspaper said.\n";
    let s = seats(t, "BOSTON");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "Norvik Software");
    assert_eq!(s[0].1, vec!["Boston".to_string()]);
    // A name right before the description is its own apposition, as
    // before.
    let s = seats(t, "Norvik Software agreed");
    assert!(s.iter().all(|x| x.0 == "Calder Analytics"), "{s:?}");
    // A newspaper is no company speaking of itself.
    assert!(seats(t, "Norvik Software will hire").is_empty());
}

#[test]
fn the_company_based_somewhere_is_the_one_the_file_names_most() {
    let t = "August 2, 2019\n\n\
        Lumen Devices said on Thursday it would sell its headset for $499.\n\n\
        Lumen Devices expects to ship a million units.\n\n\
        The company, based in San Jose, also said it would open an office in Seattle.\n";
    let s = seats(t, "The company");
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].0.starts_with("Lumen"), "{s:?}");
    assert_eq!(s[0].1, vec!["San Jose".to_string()]);
}

#[test]
fn seats_written_with_head_offices_descriptions_and_the_city() {
    let t = "12 March 2026\n\n\
        The block's owner, Woonstede Maas, says it is headquartered in Rotterdam.\n\n\
        The owner, housing association Woonstede Maas, has its head office in Rotterdam and manages 30,000 homes.\n\n\
        The ship was operated by Hamburg-based Elbe Reederei.\n\n\
        The ship's operator, which is based in Bremen in Germany, said the crew were safe.\n\n\
        The Hamburg-based operator of the vessel, Elbe Reederei, said the crew were safe.\n\n\
        Galicia Frescos was founded in 1964 by the Pazos family in Vigo and is still headquartered in the city.\n";
    let s = seats(t, "The block's owner");
    assert_eq!(
        s,
        vec![("Woonstede Maas".to_string(), vec!["Rotterdam".to_string()])]
    );
    let s = seats(t, "The owner, housing");
    assert_eq!(
        s,
        vec![("Woonstede Maas".to_string(), vec!["Rotterdam".to_string()])]
    );
    let s = seats(t, "The ship's operator");
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "Elbe Reederei");
    let s = seats(t, "The Hamburg-based");
    assert_eq!(
        s,
        vec![("Elbe Reederei".to_string(), vec!["Hamburg".to_string()])]
    );
    let s = seats(t, "Galicia Frescos was");
    assert_eq!(
        s,
        vec![("Galicia Frescos".to_string(), vec!["Vigo".to_string()])]
    );
}

#[test]
fn a_warehouse_and_a_founding_place_are_no_seat() {
    let t = "12 March 2026\n\n\
        Galicia Frescos opened its central warehouse in Ourense last year.\n\n\
        Galicia Frescos was founded in Vigo in 1964 by the Pazos family.\n";
    assert!(seats(t, "Galicia Frescos opened").is_empty());
    assert!(seats(t, "Galicia Frescos was").is_empty());
}
