use super::super::parsed_tests::parsed_facts;
use super::super::FactBody;

/// Each amount of the first sentence: (text, measure, part, subject).
fn amounts(t: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let doc = crate::analysis::analyze_document(t);
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, subject, ..
            } => Some((
                f.text.clone(),
                measure.what,
                measure.part.or(measure.to),
                subject.map(|k| doc.mentions[k as usize].text(t).to_string()),
            )),
            _ => None,
        })
        .collect()
}

fn what_of(t: &str, amount: &str) -> String {
    let a = amounts(t);
    a.iter()
        .find(|x| x.0.contains(amount))
        .unwrap_or_else(|| panic!("no fact {amount} in {a:?}"))
        .1
        .clone()
}

#[test]
fn the_governing_noun_says_what_money_measures_not_the_nearest_cue() {
    let t = "Kestrel sold winger Tiago Mendes to Porto for €40 million, bringing their income from player sales this season to more than €95 million.";
    assert_eq!(what_of(t, "€40 million"), "price");
    assert_eq!(what_of(t, "€95 million"), "profit");
    // The same with the parser hanging "for" on the buyer's name.
    let t = "Estrela Vale sold David Okonjo to Harlow Athletic for £24 million, bringing their income from player sales this season to more than £70 million, the club said in a statement on Saturday.";
    assert_eq!(what_of(t, "£24 million"), "price");
    assert_eq!(what_of(t, "£70 million"), "profit");
}

#[test]
fn money_a_noun_governs_is_a_fact_without_subject_or_event() {
    assert_eq!(
        what_of("The bank granted Calder a $300 million loan.", "$300"),
        "loan"
    );
    assert_eq!(
        what_of("The lender agreed a loan of $300 million.", "$300"),
        "loan"
    );
    assert_eq!(what_of("The transfer fee was £30m.", "£30m"), "price");
    assert_eq!(
        what_of("Lindqvist will pay a fee of €12m.", "€12m"),
        "price"
    );
}

#[test]
fn what_a_player_cost_up_front_is_the_part_of_the_price_paid_at_once() {
    let a = amounts("Mendes, who cost an initial €20 million, scored twice.");
    assert!(
        a.iter()
            .any(|x| x.1 == "price" && x.2.as_deref() == Some("up front")),
        "{a:?}"
    );
    let b = amounts("The fee is 20 million euros up front.");
    assert!(
        b.iter()
            .any(|x| x.1 == "price" && x.2.as_deref() == Some("up front")),
        "{b:?}"
    );
}

#[test]
fn percentages_take_their_measure_from_the_governing_word() {
    assert_eq!(
        what_of("Turnout in the runoff was 54.2%.", "54.2%"),
        "turnout"
    );
    assert_eq!(
        what_of("Turnout reached 54 per cent.", "54 per cent"),
        "turnout"
    );
    assert_eq!(
        what_of("The union won a pay increase of 6.5 per cent.", "6.5"),
        "pay"
    );
    assert_eq!(
        what_of("The union won a 6.5 per cent hike in pay.", "6.5"),
        "pay"
    );
}

#[test]
fn a_stake_is_its_holders_in_the_company_held() {
    let a = amounts("Norvik Holdings already owns 12% of Calder Mining, the company said.");
    assert!(
        a.iter().any(|x| x.1 == "stake"
            && x.2.as_deref() == Some("calder mining")
            && x.3.as_deref() == Some("Norvik Holdings")),
        "{a:?}"
    );
    let b = amounts("Norvik Holdings bought an 8% stake in Hollin Shipping on Monday.");
    assert!(
        b.iter().any(|x| x.1 == "stake"
            && x.2.as_deref() == Some("hollin shipping")
            && x.3.as_deref() == Some("Norvik Holdings")),
        "{b:?}"
    );
    let d =
        amounts("Norvik Holdings is the largest shareholder with 20 percent, the company said.");
    assert!(
        d.iter()
            .any(|x| x.1 == "stake" && x.3.as_deref() == Some("Norvik Holdings")),
        "{d:?}"
    );
    // A share of a market is no stake.
    let c =
        amounts("Kestrel Audio held 19 percent of the U.S. market in January, the company said.");
    assert!(c.iter().all(|x| x.1 != "stake"), "{c:?}");
}

#[test]
fn durations_a_noun_governs_are_facts() {
    assert_eq!(
        what_of("The blackout lasted 12 hours.", "12 hours"),
        "blackout"
    );
    assert_eq!(
        what_of("Mendes signed a five-year contract.", "five"),
        "contract"
    );
    assert_eq!(
        what_of(
            "Thousands of homes were left without electricity for nearly 12 hours.",
            "12 hours"
        ),
        "blackout"
    );
    assert_eq!(
        what_of(
            "Okafor was banned for three years, the federation said.",
            "three years"
        ),
        "ban"
    );
    // A duration nothing governs stays no fact.
    assert!(amounts("He waited for 12 hours at the station.").is_empty());
}

#[test]
fn a_pay_change_reads_alike_as_a_noun_and_as_a_verb() {
    let t =
        "Nurses at the hospital accepted a 4.5 per cent wage increase on Monday, the union said.";
    assert_eq!(what_of(t, "4.5 per cent"), "pay");
    let t = "Wages will rise by 4.5% from April, the hospital said.";
    assert_eq!(what_of(t, "4.5%"), "pay");
    // The direction is kept: a cut of pay is another measure.
    let t = "Wages will fall by 4.5% from April, the hospital said.";
    assert_eq!(what_of(t, "4.5%"), "pay cut");
    let t = "The staff accepted a 4.5 per cent pay cut on Monday, the union said.";
    assert_eq!(what_of(t, "4.5 per cent"), "pay cut");
}

#[test]
fn a_share_of_voters_who_voted_is_a_turnout() {
    assert_eq!(
        what_of("A turnout of 61 per cent was recorded.", "61 per cent"),
        "turnout"
    );
    assert_eq!(
        what_of("Some 61% of voters turned out on Sunday.", "61%"),
        "turnout"
    );
    assert_eq!(
        what_of(
            "About 61 per cent of eligible voters cast ballots, the commission said.",
            "61 per cent"
        ),
        "turnout"
    );
    // A share of voters who back someone is no turnout.
    let a = amounts("Some 61% of voters backed the mayor, the poll found.");
    assert!(a.iter().all(|x| x.1 != "turnout"), "{a:?}");
}

#[test]
fn outlets_held_taxes_evaded_savings_and_aid_by_their_verbs() {
    // The outlets a chain holds: one measure whatever they are called;
    // "a business with 212 stores" is not the payer's.
    let a = amounts("Dia is paying 1.35 billion euros for a business with 212 stores.");
    let s = a.iter().find(|x| x.0.contains("212")).unwrap();
    assert_eq!((s.1.as_str(), s.3.as_deref()), ("outlets", None));
    assert_eq!(
        what_of("Gadis has 212 shops across the north-west of Spain.", "212"),
        "outlets"
    );
    // Stores closed are not held.
    assert!(amounts("Dia said it would close 15 stores.")
        .iter()
        .all(|x| x.1 != "outlets"));
    assert_eq!(
        what_of(
            "He evaded 38.4 million euros in income, trade and value-added tax.",
            "38.4"
        ),
        "tax evaded"
    );
    assert_eq!(
        what_of(
            "Berger had withheld €43.8 million from the tax authorities.",
            "43.8"
        ),
        "tax evaded"
    );
    assert_eq!(
        what_of(
            "The deal would bring cost savings of 60 million euros a year by 2028.",
            "60"
        ),
        "savings"
    );
    assert_eq!(
        what_of(
            "The World Health Organization had released $450,000 from an emergency fund.",
            "450,000"
        ),
        "aid"
    );
}

#[test]
fn the_buyer_of_a_price_is_who_reached_the_agreement() {
    let t = "Spanish retailer Dia reached an agreement on Monday to acquire the family-owned grocer Gadis for €1.53 billion, the companies said.";
    let a = amounts(t);
    let p = a.iter().find(|x| x.0.contains("1.53")).unwrap();
    assert_eq!((p.1.as_str(), p.3.as_deref()), ("price", Some("Dia")));
}

#[test]
fn who_evaded_is_who_was_sentenced_for_it_never_the_court() {
    let t = "Klaus Berger received a prison sentence of six years and nine months on Tuesday for evading 38.4 million euros in taxes.";
    let a = amounts(t);
    let x = a.iter().find(|x| x.0.contains("38.4")).unwrap();
    assert_eq!(
        (x.1.as_str(), x.3.as_deref()),
        ("tax evaded", Some("Klaus Berger"))
    );
    let t = "A Munich court on Tuesday sentenced former car dealer Klaus Berger to six years in prison for evading 38.4 million euros in taxes.";
    let a = amounts(t);
    let x = a.iter().find(|x| x.0.contains("38.4")).unwrap();
    assert_eq!(x.3.as_deref(), Some("Klaus Berger"));
}
