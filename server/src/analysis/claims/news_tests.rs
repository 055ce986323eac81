//! Facts read from whole articles of invented news: sentences with no
//! name that state a fact, counts whose subject is the reported event,
//! transactions in several word orders. Each test stands for a kind of
//! sentence, with several wordings of it.
use super::*;
use crate::analysis::analyze_document;

/// (claim text, facts as "kind measure-or-event value-text event-kind").
fn facts_of(t: &str) -> Vec<(String, Vec<Fact>)> {
    let doc = analyze_document(t);
    analyze(t, &doc, &ClaimSettings::default())
        .claims
        .into_iter()
        .map(|c| (t[c.start..c.end].to_string(), c.facts))
        .collect()
}

fn claim<'a>(all: &'a [(String, Vec<Fact>)], starts: &str) -> &'a [Fact] {
    &all.iter()
        .find(|(s, _)| s.starts_with(starts))
        .unwrap_or_else(|| panic!("no claim '{starts}' in {all:#?}"))
        .1
}

/// The casualty counts of a claim: (amount text, measure, event kind,
/// whether the event says where).
fn counts(fs: &[Fact]) -> Vec<(String, String, Option<frames::EventKind>, bool)> {
    fs.iter()
        .filter_map(|f| match &f.body {
            FactBody::Quantity { measure, .. } => Some((
                f.text.clone(),
                measure.what.clone(),
                f.event.as_ref().map(|e| e.kind),
                f.event.as_ref().is_some_and(|e| !e.places.is_empty()),
            )),
            _ => None,
        })
        .collect()
}

const FERRY: &str = "Ferry overturns on lake\n\nMarch 14, 2023\n\n\
    A crowded passenger ferry capsized on Lake Tanganyika on Monday near the town of Kalemie, killing 27 people.\n\n\
    Thirty-nine people died when the boat overturned in strong winds, and 12 passengers were still missing.\n\n\
    In total 27 people died in this accident.\n\n\
    The vessel sank on March 13 about 200 metres from the shore.\n\n\
    A similar accident on the lake killed 40 people in 2019.\n";

#[test]
fn unattributed_fact_sentences_without_names_are_claims() {
    let all = facts_of(FERRY);
    for s in [
        "Thirty-nine people died",
        "In total 27 people died",
        "The vessel sank on March 13",
    ] {
        assert!(!claim(&all, s).is_empty(), "{s}: {all:#?}");
    }
    let doc = analyze_document(FERRY);
    let fc = analyze(FERRY, &doc, &ClaimSettings::default());
    let c = fc
        .claims
        .iter()
        .find(|c| FERRY[c.start..].starts_with("In total"))
        .unwrap();
    assert!(c.unverified(), "nothing attributes it");
}

#[test]
fn casualty_counts_belong_to_the_reported_event() {
    let all = facts_of(FERRY);
    let crash = Some(frames::EventKind::Crash);
    let first = counts(claim(&all, "A crowded passenger ferry"));
    assert_eq!(
        first,
        vec![("27 people".into(), "killed".into(), crash, true)],
        "a participle of harm hung on the noun: {all:#?}"
    );
    let spelled = counts(claim(&all, "Thirty-nine people died"));
    assert!(
        spelled.contains(&("Thirty-nine people".into(), "killed".into(), crash, true)),
        "{spelled:?}"
    );
    assert!(
        spelled.iter().any(|c| c.1 == "missing" && c.2 == crash),
        "{spelled:?}"
    );
    let total = counts(claim(&all, "In total 27 people died"));
    assert_eq!(total.len(), 1, "{total:?}");
    assert_eq!((total[0].2, total[0].3), (crash, true), "{total:?}");
    // Another accident, years before, is not the reported one.
    let other = all
        .iter()
        .find(|(s, _)| s.starts_with("A similar accident"))
        .map(|(_, f)| counts(f))
        .unwrap_or_default();
    assert!(other.iter().all(|c| !c.3), "{other:?}");
}

#[test]
fn the_date_of_the_reported_event_is_read_where_the_parser_hangs_it() {
    let all = facts_of(FERRY);
    let dated = |starts: &str| {
        claim(&all, starts)
            .iter()
            .find_map(|f| match &f.body {
                FactBody::EventDate { when, .. } => {
                    Some((when.map(|w| w.0), f.event.as_ref().map(|e| e.places.len())))
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("no date in '{starts}': {all:#?}"))
    };
    let monday = Some(dates::Ymd::new(2023, 3, 13).unwrap());
    assert_eq!(dated("A crowded passenger ferry"), (monday, Some(2)));
    // No place in the sentence: the event is the one reported before.
    assert_eq!(dated("The vessel sank"), (monday, Some(2)));
}

#[test]
fn transactions_in_several_word_orders_are_priced_acquisitions() {
    let t = "Quillon to buy Ardent Mills\n\nMay 3, 2022\n\n\
        Quillon Foods has agreed to acquire Ardent Mills for $2.3 billion including debt.\n\n\
        Ardent Mills is being sold to Quillon Foods for US$2.3 billion in cash and stock.\n\n\
        Quillon Foods' $2.3 billion purchase of Ardent Mills is its largest.\n\n\
        The deal values Ardent Mills at $2.3 billion.\n\n\
        Shares of Ardent Mills closed at $31.80 on Monday, giving the company a market value of about $1.9 billion.\n\n\
        Quillon Foods said it will invest a further $40 million in the two Ardent Mills plants.\n";
    let all = facts_of(t);
    for s in [
        "Quillon Foods has agreed",
        "Ardent Mills is being sold",
        "Quillon Foods' $2.3 billion",
        "The deal values",
    ] {
        let fs = claim(&all, s);
        let priced = fs.iter().any(|f| {
            matches!(&f.body, FactBody::Quantity { measure, .. } if measure.what == "price")
                && f.event.as_ref().is_some_and(|e| {
                    e.kind == frames::EventKind::Acquisition && !e.participants.is_empty()
                })
        });
        assert!(priced, "{s}: {fs:#?}");
    }
    // A market value and a share price are no price paid, and no aid.
    let shares = claim(&all, "Shares of Ardent Mills");
    let whats: Vec<&str> = shares
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Quantity { measure, .. } => Some(measure.what.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(whats, vec!["share price", "market value"], "{shares:#?}");
}

#[test]
fn office_holders_in_every_common_order_have_an_office_key_and_a_country() {
    let t = "Ethiopia names water minister\n\nJune 2, 2023\n\n\
        ADDIS ABABA (Wirepost) - Ethiopia's water minister Habtamu Itefa said on Thursday the dam was finished.\n\n\
        On Friday, Habtamu Itefa, Ethiopia's water and energy minister, said the project cost $4 billion.\n\n\
        Ethiopia's Minister of Water and Energy, Habtamu Itefa, visited the site on Friday.\n\n\
        Parliament approved Habtamu Itefa as water minister on Tuesday.\n\n\
        Deputy water minister Lemma Gudeta said 4,000 people worked at the dam.\n";
    let all = facts_of(t);
    let role = |starts: &str| {
        claim(&all, starts)
            .iter()
            .find_map(|f| match &f.body {
                FactBody::Role { role, .. } => Some((role.title.clone(), role.org.clone())),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no role in '{starts}': {all:#?}"))
    };
    let eth = Some("Ethiopia".to_string());
    assert_eq!(role("ADDIS ABABA"), ("water minister".into(), eth.clone()));
    // Appositive and "Minister of ..." orders: one office, its portfolio
    // words in any order.
    assert_eq!(
        role("On Friday, Habtamu Itefa"),
        ("energy water minister".into(), eth.clone())
    );
    assert_eq!(
        role("Ethiopia's Minister of Water"),
        ("energy water minister".into(), eth.clone())
    );
    // No country stated: the dateline's.
    assert_eq!(
        role("Parliament approved"),
        ("water minister".into(), eth.clone())
    );
    let deputy = role("Deputy water minister");
    assert!(
        !roles::is_single_holder(&deputy.0, &[]),
        "a deputy is one of several: {deputy:?}"
    );
    assert!(roles::is_single_holder("energy water minister", &[]));
}

const BUS: &str = "Bus plunges into river\n\nJuly 9, 2023\n\n\
    POKHARA (Wirepost) - Rescuers searched the Kali Gandaki river on Sunday after a crowded bus plunged off a mountain highway in western Nepal, killing at least 24 people, police said.\n\n\
    Fourteen passengers were injured, according to police.\n\n\
    Nine people were hurt.\n\n\
    At least 60 people swam ashore or were pulled out of the water, while the search went on.\n\n\
    The launch capsized about 100 kilometres south of the capital.\n";

#[test]
fn casualty_counts_of_a_long_lede_and_of_short_or_attributed_sentences() {
    let all = facts_of(BUS);
    let crash = Some(frames::EventKind::Crash);
    // The participle hangs off the main verb, not off the event word.
    let lede = counts(claim(&all, "POKHARA"));
    assert_eq!(
        lede,
        vec![("at least 24 people".into(), "killed".into(), crash, true)]
    );
    // Spelled-out numbers the recogniser leaves out, short sentences.
    let injured = counts(claim(&all, "Fourteen passengers"));
    assert_eq!(
        injured,
        vec![("Fourteen passengers".into(), "injured".into(), crash, true)]
    );
    let hurt = counts(claim(&all, "Nine people were hurt"));
    assert_eq!(hurt.len(), 1, "{all:#?}");
}

#[test]
fn survivors_distances_and_boats_are_no_casualties_and_no_releases() {
    let all = facts_of(BUS);
    for (s, fs) in &all {
        for c in counts(fs) {
            assert!(
                !(s.starts_with("At least 60")
                    && frames::EventKind::Crash == c.2.unwrap_or(frames::EventKind::Release)
                    && c.1 == "killed"),
                "swimming ashore is no death: {s}"
            );
            assert!(!c.1.contains("kilometre"), "a distance is no fact: {s}");
        }
        for f in fs {
            assert!(
                f.event
                    .as_ref()
                    .is_none_or(|e| e.kind != frames::EventKind::Release),
                "a launch that capsizes is a boat: {s}"
            );
        }
    }
}

#[test]
fn headquarters_in_descriptions_and_descriptions_are_no_named_sources() {
    let t = "Toolmakers report\n\nJuly 5, 2023\n\n\
        The Denver-headquartered Orlen Systems said it would hire 200 people.\n\n\
        Pellcraft Inc., the Akron, Ohio, company that makes tyres, reported revenue of $3 billion.\n\n\
        Brannock Mills was founded in Dayton in 1921 and reported revenue of $2 billion.\n\n\
        The Chicago-based company said its sales rose 4%.\n";
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let located = |starts: &str| {
        fc.claims
            .iter()
            .find(|c| t[c.start..].starts_with(starts))
            .is_some_and(|c| {
                c.facts
                    .iter()
                    .any(|f| matches!(f.body, FactBody::Location { .. }))
            })
    };
    assert!(located("Pellcraft Inc."), "{:#?}", fc.claims);
    assert!(!located("Brannock Mills"), "founded in is no headquarters");
    let chicago = fc
        .claims
        .iter()
        .find(|c| t[c.start..].starts_with("The Chicago-based"))
        .expect("a claim");
    assert!(
        fc.chain(chicago)
            .iter()
            .all(|s| s.kind != SourceKind::Named),
        "a description without a name is no named source"
    );
}

#[test]
fn a_margin_is_never_the_total() {
    use quantity::measure::{identify, same_measure, Basis, MeasureInput};
    let m = |s: &str, amount: &str| {
        let a = s.find(amount).unwrap();
        let found = quantity::read(s, a, a + amount.len()).unwrap();
        identify(&MeasureInput {
            text: s,
            clause: (0, s.len()),
            span: (found.start, found.end),
            amount: &found.amount,
        })
    };
    let total = m("Harlow lead the league with 78 points.", "78 points");
    for (s, a) in [
        (
            "Harlow won 2-0, moving two points clear at the top.",
            "two points",
        ),
        ("Harlow beat Dunmore by 12 points on Saturday.", "12 points"),
        (
            "Harlow now have three points more than Dunmore.",
            "three points",
        ),
    ] {
        let margin = m(s, a);
        assert_eq!(margin.basis, Basis::Margin, "{s}");
        assert!(!same_measure(&total, &margin), "{s}");
    }
    assert_eq!(total.basis, Basis::Total);
    let rose = m("Sales rose by 5% in May.", "5%");
    assert_eq!(rose.basis, Basis::Change);
}

#[test]
fn meetings_of_described_participants_are_dated_placed_and_described() {
    let t = "Ministers meet on river treaty\n\nWednesday, April 12, 2023\n\n\
        Fisheries ministers from six Lake Victoria countries met in Kisumu on Tuesday to discuss fishing quotas.\n\n\
        Transport ministers of the region met in Mombasa on Monday, April 10.\n";
    let all = facts_of(t);
    let event = |starts: &str| {
        let fs = claim(&all, starts);
        let date = fs.iter().find_map(|f| match &f.body {
            FactBody::EventDate { when, .. } => when.map(|w| w.0),
            _ => None,
        });
        let place = fs
            .iter()
            .any(|f| matches!(f.body, FactBody::EventPlace { .. }));
        let descriptor = fs
            .iter()
            .find_map(|f| f.event.as_ref())
            .map(|e| e.descriptor.clone())
            .unwrap_or_default();
        (date, place, descriptor)
    };
    let (date, place, d) = event("Fisheries ministers");
    assert_eq!(
        date,
        dates::Ymd::new(2023, 4, 11),
        "the Tuesday before the report"
    );
    assert!(place);
    assert_eq!(d.first().map(String::as_str), Some("minister"), "{d:?}");
    assert!(
        d.contains(&"fishery".to_string()) || d.contains(&"fisheries".to_string()),
        "{d:?}"
    );
    let (date, place, d) = event("Transport ministers");
    assert_eq!(date, dates::Ymd::new(2023, 4, 10));
    assert!(place);
    assert!(d.contains(&"transport".to_string()), "{d:?}");
}

#[test]
fn speculation_by_a_named_or_attributed_speaker_is_a_hedged_claim() {
    let t = "Rescue under way\n\nMarch 3, 2023\n\n\
        Maria Okafor said the rescue could take several days.\n\n\
        Some analysts believe the council may deliver another cut, the newspaper reported.\n\n\
        The weather was cold and grey.\n";
    let doc = analyze_document(t);
    let fc = analyze(t, &doc, &ClaimSettings::default());
    let hedged: Vec<&str> = fc
        .claims
        .iter()
        .filter(|c| !c.hedges.is_empty())
        .map(|c| &t[c.start..c.end])
        .collect();
    assert!(
        hedged.iter().any(|s| s.starts_with("Maria Okafor")),
        "{hedged:?}"
    );
    assert!(
        fc.claims
            .iter()
            .all(|c| !t[c.start..].starts_with("The weather")),
        "no hedge, no name, no fact: no claim"
    );
    assert!(fc
        .claims
        .iter()
        .all(|c| !c.unverified() || !c.facts.is_empty() || c.hard));
}

#[test]
fn a_when_clause_after_a_past_year_is_of_that_year() {
    // The count belongs to the earlier eruption the clause dates, not to
    // this week's: it must carry that year as its period.
    for t in [
        "JAKARTA, Feb 12, 2025 (Reuters) - The volcano, which rises 1,318 metres, last erupted in 2011, when around 7,000 people were forced to leave their homes.",
        "MANILA, March 3, 2024 (Reuters) - The river, which floods often, last burst its banks in 2019, when some 12,000 residents were evacuated.",
    ] {
        let all = facts_of(t);
        let periods: Vec<_> = all
            .iter()
            .flat_map(|(_, fs)| fs)
            .filter(|f| matches!(f.body, FactBody::Quantity { .. }))
            .filter(|f| f.text.contains("000"))
            .map(|f| f.period)
            .collect();
        assert!(!periods.is_empty(), "{t}: no count in {all:#?}");
        assert!(
            periods
                .iter()
                .all(|p| p.is_some_and(|(lo, hi)| lo.y < 2024 && hi.y < 2024)),
            "{t}: {periods:?}"
        );
    }
}
