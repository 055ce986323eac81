//! Claims of lines that are no sentences: who's-who lists, fact boxes,
//! key-number lines and sub-headings give facts; captions, credits, tags,
//! headlines and boxes of another time give none.
use super::*;
use crate::analysis::analyze_document;

/// (claim text, facts) of an article.
fn claims_of(t: &str) -> Vec<(String, Vec<Fact>)> {
    let doc = analyze_document(t);
    analyze(t, &doc, &ClaimSettings::default())
        .claims
        .into_iter()
        .map(|c| (t[c.start..c.end].to_string(), c.facts))
        .collect()
}

/// The offices read: (title, organisation, holder's text).
fn offices(all: &[(String, Vec<Fact>)], t: &str) -> Vec<(String, Option<String>, String)> {
    let doc = analyze_document(t);
    all.iter()
        .flat_map(|(_, fs)| fs.iter())
        .filter_map(|f| match &f.body {
            FactBody::Role { person, role, .. } => Some((
                role.title.clone(),
                role.org.clone(),
                doc.mentions[*person as usize].text(t).to_string(),
            )),
            _ => None,
        })
        .collect()
}

/// The amounts read: (measure, value).
fn amounts(all: &[(String, Vec<Fact>)]) -> Vec<(String, f64)> {
    all.iter()
        .flat_map(|(_, fs)| fs.iter())
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((measure.what.clone(), amount.value)),
            _ => None,
        })
        .collect()
}

const CABINET: &str = "Who's who in the new government

ZAGREB, 14 May 2026 - Croatia's new coalition government was sworn in on Thursday after weeks of talks in Zagreb.

Prime Minister: Davor Kelava (Civic Alliance), 52, a lawyer from Osijek

Finance: Goran Tomic (Civic Alliance), who was until last week the chief economist at a bank

The outgoing government

Finance: Petar Horvat (People's Party)

Photo: Davor Kelava at the ceremony in Zagreb. (Hina)

Read more: Croatia votes
";

#[test]
fn a_cabinet_lists_portfolio_is_its_ministers_office() {
    let all = claims_of(CABINET);
    let got = offices(&all, CABINET);
    let croatia = Some("Croatia".to_string());
    assert!(got.contains(&(
        "prime minister".into(),
        croatia.clone(),
        "Davor Kelava".into()
    )));
    assert!(got.contains(&("finance minister".into(), croatia, "Goran Tomic".into())));
    // The outgoing government's list tells no office held now.
    assert!(!got.iter().any(|o| o.2 == "Petar Horvat"), "{got:?}");
    // A caption and a read-more line are no claims.
    assert!(
        !all.iter()
            .any(|(s, _)| s.starts_with("Photo") || s.starts_with("Read more")),
        "{all:#?}"
    );
}

#[test]
fn fact_box_lines_and_their_bar_separated_parts_give_facts() {
    let t = "Pescanova opens a plant

VIGO, 2 June 2026 - The fishing company Pescanova opened a new processing plant in Vigo on Tuesday. Pescanova said the plant would open in May.

Founded: 1964 | Headquarters: Vigo | Employees: 9,400
";
    let all = claims_of(t);
    assert!(
        amounts(&all).contains(&("employed".into(), 9400.0)),
        "{all:#?}"
    );
    // "Founded: 1964" is a year, no count.
    assert!(!amounts(&all).iter().any(|a| a.1 == 1964.0));
    assert!(all.iter().flat_map(|(_, fs)| fs).any(|f| matches!(
        &f.body,
        FactBody::Location { heads, .. } if heads == &["headquarters".to_string()]
    )));
}

#[test]
fn key_numbers_and_a_stages_sub_heading_give_its_distance_and_speed() {
    let t = "Stage 3: Namur - Huy, 178km

HUY, 8 July 2026 - Tom Verhoeven won the third stage of the Tour on Wednesday after a late attack.

Some numbers for the nerds: 178 km, average of 45.3 km/h, and a finishing time just under four hours.
";
    let got = amounts(&claims_of(t));
    assert_eq!(
        got.iter().filter(|a| a.0 == "race distance").count(),
        2,
        "{got:?}"
    );
    assert!(got.contains(&("average speed".into(), 45.3)), "{got:?}");
}

#[test]
fn a_headline_with_a_colon_is_no_fact_box() {
    let t = "Launch capsize: 21 killed in Meghna

DHAKA, April 13 (BSS) - An overcrowded launch capsized in the Meghna River on Sunday, killing at least 37 people, police said.
";
    let all = claims_of(t);
    assert!(
        !all.iter().any(|(s, _)| s.starts_with("Launch capsize")),
        "{all:#?}"
    );
}

#[test]
fn a_box_of_another_years_figures_gives_no_fact() {
    let t = "Floods hit the north

LIMA, 3 March 2026 - Floods hit northern Peru on Monday, officials said.

The 2017 floods in numbers

Deaths: 140

Evacuated: 12,000
";
    assert!(amounts(&claims_of(t)).is_empty());
}

#[test]
fn a_toll_after_a_lead_that_names_no_place_is_the_leads_harm() {
    let t = "Landslide hits village

LIMA, 3 March 2026 - Heavy rain triggered a landslide that buried dozens of homes on Monday.

Rescuers worked through the night.

Eight people are still missing.
";
    let got = amounts(&claims_of(t));
    assert!(got.contains(&("missing".into(), 8.0)), "{got:?}");
}

#[test]
fn a_boxs_bullets_and_a_headlines_body_size_are_counts() {
    let t = "Croatia's new government: the 18 ministers

ZAGREB, 14 May 2026 - Croatia's new coalition government was sworn in on Thursday after weeks of talks.

Key facts
- 212 stores
- 9,400 employees
";
    let got = amounts(&claims_of(t));
    assert!(got.contains(&("members".into(), 18.0)), "{got:?}");
    assert!(got.contains(&("outlets".into(), 212.0)), "{got:?}");
    assert!(got.contains(&("employed".into(), 9400.0)), "{got:?}");
    // A headline whose figure the lead repeats is the lead's.
    let t = "New government: the 18 ministers

ZAGREB, 14 May 2026 - Croatia's new government and its 18 ministers were sworn in on Thursday.
";
    let all = claims_of(t);
    assert!(
        !all.iter().any(|(s, _)| s.starts_with("New government")),
        "{all:#?}"
    );
}
