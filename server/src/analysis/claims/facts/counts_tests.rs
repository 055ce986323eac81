//! Bare casualty counts, aid handed to a country without the word "aid",
//! and the company a price buys when the buyer is described.
use super::parsed_tests::parsed_facts;
use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::quantity::measure::Stage;

/// (amount as written, measure, stage, unit, recipient) of the quantity
/// facts of the first sentence of `t`.
fn counts(t: &str) -> Vec<(String, String, Stage, String, Option<String>)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((f.text, measure.what, measure.stage, amount.unit, measure.to)),
            _ => None,
        })
        .collect()
}

fn whats(t: &str) -> Vec<(String, String)> {
    counts(t).into_iter().map(|(a, w, ..)| (a, w)).collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn a_bare_number_after_a_verb_of_harm_counts_people() {
    assert_eq!(
        whats("A bus plunged into a gorge in Nepal on Thursday, killing 12 and injuring 30, police said."),
        [pair("12", "killed"), pair("30", "injured")]
    );
    assert_eq!(
        whats("A ferry capsized on Lake Victoria on Thursday, killing 31 people and injuring 14, police said."),
        [pair("31 people", "killed"), pair("14", "injured")]
    );
    assert_eq!(
        whats("The blast killed at least 12 and wounded more than 40, police said."),
        [
            pair("at least 12", "killed"),
            pair("more than 40", "injured")
        ]
    );
    // A number that is no object of the verb of harm stays unread.
    assert!(whats("The bus was travelling from Pokhara on route 12 when it crashed.").is_empty());
}

#[test]
fn the_level_a_toll_reaches_is_a_partial_count_of_the_dead() {
    let c = counts(
        "The death toll from the sinking of a ferry on Lake Victoria has risen to 38, after navy divers recovered seven more bodies on Friday.",
    );
    let level = c.iter().find(|x| x.0 == "38").expect("the toll's level");
    assert_eq!(
        (level.1.as_str(), level.2),
        ("killed", Stage::Partial),
        "{c:?}"
    );
    // Shares that rise to a price are no toll.
    assert!(counts("Shares of the ferry operator rose to 38 on Friday.")
        .iter()
        .all(|x| x.1 != "killed"));
}

#[test]
fn money_a_verb_of_giving_hands_a_country_is_aid_to_it() {
    let c = counts(
        "The European Union will give Mozambique 15 million euros to help victims of the floods.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].1.as_str(), c[0].4.as_deref()),
        ("aid", Some("mozambique"))
    );
    let c = counts("Japan will provide $25 million to Sudan, the ministry said.");
    assert_eq!(
        (c[0].1.as_str(), c[0].4.as_deref()),
        ("aid", Some("sudan")),
        "{c:?}"
    );
    // Money given to a company is no aid.
    assert!(
        counts("The government will give Boeing $25 million, the ministry said.")
            .iter()
            .all(|x| x.1 != "aid")
    );
}

/// The subject, as written, of the first price fact of `t`.
fn price_subject(t: &str) -> Option<String> {
    let doc = analyze_document(t);
    parsed_facts(t).into_iter().find_map(|f| match f.body {
        FactBody::Quantity {
            subject, measure, ..
        } if measure.what == "price" => {
            subject.map(|s| doc.mentions[s as usize].text(t).to_string())
        }
        _ => None,
    })
}

#[test]
fn a_price_belongs_to_the_company_bought_whatever_describes_it() {
    assert_eq!(
        price_subject("Norvik, the Norwegian packaging group, has agreed to buy Portuguese paper maker Celmar for 1.2 billion euros, the companies said.").as_deref(),
        Some("Celmar")
    );
    assert_eq!(
        price_subject("Norvik, the Oslo-listed packaging company, agreed on Tuesday to pay €1.6 billion for Portuguese paper producer Celmar.").as_deref(),
        Some("Celmar")
    );
}

#[test]
fn a_record_so_far_is_no_partial_price() {
    let c = counts(
        "Norvik agreed on Tuesday to pay €1.6 billion for Celmar, its biggest acquisition so far.",
    );
    let price = c.iter().find(|x| x.1 == "price").expect("a price");
    assert_eq!(price.2, Stage::Any);
}

#[test]
fn aid_for_people_in_a_country_is_aid_to_that_country() {
    let c =
        counts("The UK government pledged $15m in aid for flood victims in Nepal, officials said.");
    assert_eq!(c[0].4.as_deref(), Some("nepal"), "{c:?}");
}

#[test]
fn a_bare_count_keeps_what_qualifies_it_after_it() {
    let c = counts(
        "A storm caused a crane to fall into the Grand Mosque, killing 107 or more and wounding 238, according to the Civil Defense Authority.",
    );
    let killed = c.iter().find(|x| x.1 == "killed").expect("the dead");
    assert_eq!(killed.0, "107 or more", "{c:?}");
}

#[test]
fn what_a_toll_stands_at_is_the_count_as_reported() {
    let c =
        counts("The death toll from the ferry sinking on Lake Victoria stands at 31, police said.");
    let toll = c.iter().find(|x| x.0 == "31").expect("the toll");
    assert_eq!((toll.1.as_str(), toll.2), ("killed", Stage::Any), "{c:?}");
}

#[test]
fn other_ways_of_counting_the_dead() {
    let dead = |t: &str| -> Vec<(String, String)> {
        counts(t)
            .into_iter()
            .filter(|x| x.1 == "killed")
            .map(|x| (x.0, x.3))
            .collect()
    };
    assert_eq!(
        dead("Police said 31 had died after the ferry capsized on Lake Victoria."),
        [pair("31", "person")]
    );
    assert_eq!(
        dead("The sinking of the ferry on Lake Victoria claimed 31 lives, police said."),
        [pair("31 lives", "person")]
    );
    assert_eq!(
        dead("At least 31 people drowned when the ferry capsized on Lake Victoria."),
        [pair("At least 31 people", "person")]
    );
}

#[test]
fn the_company_bought_in_passive_and_other_verbs_of_buying() {
    for t in [
        "Corvane Systems, the Dutch software maker, is being bought by Brantley Holdings for $1.2bn.",
        "Brantley Holdings, the US private equity firm, snapped up Corvane Systems for $2.1bn on Monday.",
        "The deal values Corvane Systems at $2.1 billion, the companies said on Monday.",
    ] {
        assert_eq!(price_subject(t).as_deref(), Some("Corvane Systems"), "{t}");
    }
}

#[test]
fn a_part_of_the_company_is_not_the_company_bought() {
    assert_eq!(
        price_subject(
            "The offer values Celmar's equity at €870mn, with Norvik also taking on its debt."
        ),
        None
    );
}
