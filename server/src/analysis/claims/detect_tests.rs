//! Which sentences are claims: attributed sentences without names,
//! figures stated by a body, hedged hearsay; and which of them deserve an
//! `unverified-claim` warning. Invented articles; each test stands for a
//! kind of sentence.
use super::*;
use crate::analysis::analyze_document;

fn file(t: &str) -> FileClaims {
    let doc = analyze_document(t);
    analyze(t, &doc, &ClaimSettings::default())
}

fn find<'a>(t: &str, fc: &'a FileClaims, starts: &str) -> Option<&'a Claim> {
    fc.claims.iter().find(|c| t[c.start..].starts_with(starts))
}

const CRASH: &str = "Bus plunges into ravine in northern hills\n\nJune 3, 2024\n\n\
    Local residents said they heard a loud bang shortly before the bus left the road.\n\n\
    Workers said the road had been closed for repairs for two weeks.\n\n\
    He said the driver had worked for the operator for six years.\n\n\
    The route was cleared before dawn, according to people familiar with the matter.\n\n\
    The convoy left the depot at night, a ministry official said, speaking on condition of anonymity.\n\n\
    \"We were terrified,\" a resident said.\n\n\
    Is the road safe?\n";

#[test]
fn attributed_sentences_without_names_are_claims() {
    let fc = file(CRASH);
    for s in [
        "Local residents said",
        "Workers said",
        "He said",
        "The route was cleared",
        "The convoy left",
    ] {
        let c = find(CRASH, &fc, s).unwrap_or_else(|| panic!("no claim '{s}'"));
        assert!(!c.attributions.is_empty(), "{s}: its own source");
        assert!(!c.unverified(), "{s}");
    }
    // A quotation of feelings and a question assert nothing to check.
    assert!(find(CRASH, &fc, "\"We were terrified").is_none());
    assert!(find(CRASH, &fc, "Is the road").is_none());
    // The unnamed residents and workers are anonymous sources.
    for s in [
        "Local residents said",
        "Workers said",
        "The route was cleared",
    ] {
        let c = find(CRASH, &fc, s).unwrap();
        assert!(fc.anonymous_only(c), "{s}");
    }
}

const BREACH: &str = "Corvane data breach: What you need to know\n\n\
    By Maria Lindqvist, Technology reporter\n\n\
    Nearly 3.1m customers of Corvane have had their personal details stolen in a cyber-attack, the company has confirmed.\n\n\
    Corvane reported revenue of £1.4bn last year.\n\n\
    The stolen data included names, addresses and dates of birth, a spokeswoman for Corvane said.\n";

#[test]
fn a_company_in_the_headline_is_no_outlet_and_its_figures_are_claims() {
    let fc = file(BREACH);
    assert!(fc.outlets.is_empty(), "outlets: {:?}", fc.outlets);
    for s in ["Nearly 3.1m customers", "Corvane reported revenue"] {
        let c = find(BREACH, &fc, s).unwrap_or_else(|| panic!("no claim '{s}'"));
        let chain = fc.chain(c);
        assert!(
            chain
                .iter()
                .any(|x| x.kind == SourceKind::Named && !x.outlet),
            "{s}: the company speaks on record: {chain:?}"
        );
    }
    let c = find(BREACH, &fc, "The stolen data").unwrap();
    assert!(fc.anonymous_only(c), "an unnamed spokeswoman");
}

const HEARSAY: &str = "Council vote\n\n\
    Reportedly, two members of the ten-member council voted against the decision.\n\n\
    Police suspect the driver may have lost control on a sharp bend.\n\n\
    The suspect fled the scene on foot and was arrested near the border.\n\n\
    The sale is expected to close in the fourth quarter, subject to regulatory approval.\n";

#[test]
fn hedged_hearsay_and_forecasts_are_claims() {
    let fc = file(HEARSAY);
    let c = find(HEARSAY, &fc, "Reportedly").expect("hearsay with a figure");
    assert_eq!(c.hedges[0].text, "Reportedly");
    assert!(c.unverified(), "a figure on hearsay, no source anywhere");
    let c = find(HEARSAY, &fc, "Police suspect").expect("an institution's suspicion");
    let hs: Vec<&str> = c.hedges.iter().map(|h| h.text.as_str()).collect();
    assert!(hs.contains(&"suspect") && hs.contains(&"may"), "{hs:?}");
    assert!(!c.attributions.is_empty(), "police are its source");
    let c = find(HEARSAY, &fc, "The sale is expected").expect("a forecast");
    assert_eq!(c.hedges[0].text, "is expected to");
    // The noun "suspect" hedges nothing.
    assert!(find(HEARSAY, &fc, "The suspect fled").is_none_or(|c| c.hedges.is_empty()));
}

#[test]
fn only_asserted_figures_without_a_source_are_unverified() {
    let t = "Housing in the city\n\n\
        More than 20,000 homes in the city are registered as short-term rentals.\n\n\
        Lanterns fill the square and the surrounding 2 km circumference of the memorial.\n\n\
        The team had only two weeks left to assemble their robot before the contest.\n";
    let fc = file(t);
    let c = find(t, &fc, "More than 20,000").expect("a figure is a claim");
    assert!(c.unverified(), "a count put with 'more than', no source");
    for s in ["Lanterns fill", "The team had only"] {
        assert!(
            find(t, &fc, s).is_none_or(|c| !c.unverified()),
            "{s}: a figure in passing is no warning"
        );
    }
}
