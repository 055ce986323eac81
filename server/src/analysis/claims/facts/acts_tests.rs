use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::{analyze, ClaimSettings};

/// (amount as written, measure, subject as written) of every quantity
/// fact of a whole file.
fn amounts(t: &str) -> Vec<(String, String, Option<String>)> {
    let doc = analyze_document(t);
    analyze(t, &doc, &ClaimSettings::default())
        .claims
        .iter()
        .flat_map(|c| c.facts.iter())
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                subject, measure, ..
            } => Some((
                f.text.clone(),
                measure.what.clone(),
                subject.map(|s| doc.mentions[s as usize].text(t).to_string()),
            )),
            _ => None,
        })
        .collect()
}

fn subject_of(all: &[(String, String, Option<String>)], amount: &str) -> Option<String> {
    all.iter()
        .find(|(a, _, _)| a == amount)
        .unwrap_or_else(|| panic!("no fact {amount:?} in {all:?}"))
        .2
        .clone()
}

#[test]
fn a_price_is_keyed_by_the_company_bought_in_any_voice() {
    for (t, amount) in [
        (
            "Tollbridge Logistics agreed to acquire Harlow Cold Chain Inc. for $1.4 billion including debt, the companies said on Tuesday.",
            "$1.4 billion",
        ),
        (
            "Harlow Cold Chain, the Milwaukee company, is being sold to Tollbridge Logistics for US$1.4bn.",
            "US$1.4bn",
        ),
        (
            "Tollbridge Logistics's $1.4 billion purchase of Harlow Cold Chain, announced on Tuesday, will keep jobs in Milwaukee.",
            "$1.4 billion",
        ),
    ] {
        let all = amounts(t);
        let s = subject_of(&all, amount).unwrap_or_default();
        assert!(s.starts_with("Harlow"), "{t}: {all:?}");
    }
}

#[test]
fn a_cash_part_without_a_party_is_of_the_files_one_deal() {
    let t = "Tollbridge Logistics agreed to acquire Harlow Cold Chain for $1.4 billion on Tuesday.\n\nAround US$900m will be paid in cash, with the rest in shares, Harlow said in a statement.\n";
    let all = amounts(t);
    assert_eq!(
        subject_of(&all, "Around US$900m").as_deref(),
        Some("Harlow Cold Chain"),
        "{all:?}"
    );
}

#[test]
fn a_court_amount_of_the_company_is_the_fined_company_s_never_a_person_s() {
    let t = "A court in Marseille on Thursday fined the shipping company Armatrans Méditerranée €300,000 over a fuel spill in 2021.\n\nThe company was also ordered to pay €1.2 million in damages to fishermen.\n\nThe ferry's captain, Luca Ferri, received a suspended sentence and a €20,000 fine.\n";
    let all = amounts(t);
    let company = subject_of(&all, "€300,000");
    assert_eq!(
        company.as_deref(),
        Some("Armatrans Méditerranée"),
        "{all:?}"
    );
    assert_eq!(subject_of(&all, "€1.2 million"), company, "{all:?}");
    assert_eq!(
        subject_of(&all, "€20,000").as_deref(),
        Some("Luca Ferri"),
        "{all:?}"
    );
}

#[test]
fn a_customer_base_is_no_count_of_breach_victims() {
    let t = "Hackers accessed the names and addresses of 5.4 million customers of Telvia, the broadband provider said on Monday.\n\nTelvia, which has about 9 million customers, said no bank details had been taken.\n";
    let all = amounts(t);
    let breach: Vec<&str> = all
        .iter()
        .filter(|(_, what, _)| what == measure::BREACH)
        .map(|(a, _, _)| a.as_str())
        .collect();
    assert_eq!(breach, ["5.4 million customers"], "{all:?}");
}

#[test]
fn two_fined_companies_leave_the_company_unnamed() {
    let t = "A court fined the shipping company Armatrans Méditerranée €300,000 on Thursday.\n\nIn a separate case, the court fined the towing company Remorquage Varois €80,000.\n\nThe company was also ordered to pay €1.2 million in damages.\n";
    let all = amounts(t);
    assert_eq!(subject_of(&all, "€1.2 million"), None, "{all:?}");
}

#[test]
fn what_is_bought_of_a_company_does_not_make_it_the_company_bought() {
    for (t, amount, not) in [
        (
            "Ryanair agreed to buy Boeing jets for $5 billion on Tuesday.",
            "$5 billion",
            "Boeing",
        ),
        (
            "Granite Peak bought shares of Harlow Cold Chain for $40 million on Tuesday.",
            "$40 million",
            "Harlow Cold Chain",
        ),
    ] {
        let all = amounts(t);
        if let Some((_, _, s)) = all.iter().find(|(a, _, _)| a == amount) {
            assert_ne!(s.as_deref(), Some(not), "{t}: {all:?}");
        }
    }
}

#[test]
fn a_value_including_debt_beside_the_price_is_not_the_price() {
    let t = "Tollbridge Logistics agreed to buy Harlow Cold Chain for $1.1 billion, or $1.4 billion including debt, on Tuesday.\n";
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let parts: Vec<(String, Option<String>)> = fc
        .claims
        .iter()
        .flat_map(|c| c.facts.iter())
        .filter_map(|f| match &f.body {
            FactBody::Quantity { measure, .. } => Some((f.text.clone(), measure.part.clone())),
            _ => None,
        })
        .collect();
    // Either no fact or one of another measure: never a second price.
    assert!(
        !parts.contains(&("$1.4 billion".to_string(), None)),
        "{parts:?}"
    );
    assert!(
        parts.contains(&("$1.1 billion".to_string(), None)),
        "{parts:?}"
    );
}
