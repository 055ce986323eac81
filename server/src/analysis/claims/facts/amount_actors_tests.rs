//! Amounts of described participants, read from short reports.
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::{analyze, ClaimSettings};

/// (amount text, subject as written or "", another participant's) of
/// every quantity fact of `t`.
fn amounts(t: &str) -> Vec<(String, String, bool)> {
    let doc = crate::analysis::analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    fc.claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter_map(|f| match &f.body {
            FactBody::Quantity { subject, .. } => Some((
                f.text.clone(),
                subject
                    .map(|s| doc.mentions[s as usize].text(t).to_string())
                    .unwrap_or_default(),
                f.other_party,
            )),
            _ => None,
        })
        .collect()
}

fn find<'a>(v: &'a [(String, String, bool)], text: &str) -> &'a (String, String, bool) {
    v.iter()
        .find(|(x, _, _)| x == text)
        .unwrap_or_else(|| panic!("no amount {text:?} in {v:?}"))
}

#[test]
fn a_described_age_is_the_person_of_that_age() {
    let t = "Harbour City signed striker Lukas Brenner from Rhine Valley on Thursday. \
             Brenner, 24, has signed a five-year contract. City also announced the arrival \
             of defender Tomas Quill, 26, from Ashgrove Rovers. The 26-year-old has signed \
             a three-year deal.";
    let v = amounts(t);
    let (_, who, other) = find(&v, "three-year");
    assert!(who.contains("Quill") && !other, "{v:?}");
}

#[test]
fn a_described_role_is_the_one_introduced_so() {
    let t = "Lukas Brenner has joined Harbour City from Rhine Valley, the club said. \
             The fee for striker Lukas Brenner was not disclosed. \
             The striker signed a five-year deal, the club said.";
    let v = amounts(t);
    let (_, who, _) = find(&v, "five-year");
    assert!(who.contains("Brenner"), "{v:?}");
}

#[test]
fn other_bidders_and_rivals_are_other_participants() {
    for (t, amount) in [
        (
            "Maple Foods will pay $1.4 billion for Corran Dairies, the company said. \
             The other bidder, a private equity fund, had offered $1.2 billion.",
            "$1.2 billion",
        ),
        (
            "Maple Foods will pay $1.4 billion for Corran Dairies, the company said. \
             A second company walked away after offering $950 million.",
            "$950 million",
        ),
        (
            "Corran Dairies has agreed to be sold to Maple Foods for $1.6bn. \
             Its rival paid $1.1bn for a yoghurt business in May.",
            "$1.1bn",
        ),
        (
            "Lukas Brenner joined Harbour City from Rhine Valley for £30 million. \
             Rhine Valley sold his strike partner to Portside in January for £18 million.",
            "£18 million",
        ),
    ] {
        let v = amounts(t);
        let (_, _, other) = find(&v, amount);
        assert!(*other, "{t}: {v:?}");
    }
}

#[test]
fn the_story_subject_stays_comparable() {
    for t in [
        "Maple Foods will pay $1.4 billion for Corran Dairies, the company said. \
         The company will pay $900 million in cash.",
        "Nordhavn agreed on Monday to buy rival fish farmer Brevik Seafood for $2.1 billion \
         in cash and shares.",
    ] {
        let v = amounts(t);
        assert!(!v.is_empty(), "{t}");
        for (_, _, other) in &v {
            assert!(!other, "{t}: {v:?}");
        }
    }
}

#[test]
fn a_named_possessor_owns_the_amount() {
    let t = "Harlow Athletic agreed a fee of £24m with Estrela Vale for David Okonjo. \
             Joel Banda's fee of £31m was paid last summer, the club said.";
    let v = amounts(t);
    let (_, who, other) = find(&v, "£31m");
    assert!(who.contains("Banda") && !other, "{v:?}");
}

#[test]
fn an_age_nobody_was_given_is_the_person_just_named() {
    let t = "Harbour City signed striker Lukas Brenner from Rhine Valley on Thursday. \
             Brenner has signed a five-year contract. City also announced the arrival \
             of defender Tomas Quill. The 26-year-old has signed a three-year deal.";
    let v = amounts(t);
    let (_, who, _) = find(&v, "three-year");
    assert!(who.contains("Quill"), "{v:?}");
}

#[test]
fn a_role_at_a_club_is_the_one_the_report_ties_to_it() {
    let t = "Harbour City signed striker Lukas Brenner from Rhine Valley on Thursday. \
             City also announced the arrival of defender Tomas Quill from Ashgrove Rovers. \
             Brenner said he was delighted. \
             The former Ashgrove defender has signed a three-year deal.";
    let v = amounts(t);
    let (_, who, _) = find(&v, "three-year");
    assert!(who.contains("Quill"), "{v:?}");
}
