//! Event dates on words outside the first lexicon: an outbreak, a deal
//! called an agreement, a departure whose leaver is the sentence's source.
use super::tests::events;
use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::dates::Ymd;
use crate::analysis::claims::facts::mentions_in;

fn day(m: u8, d: u8) -> Option<Ymd> {
    Ymd::new(2025, m, d)
}

/// The events of the first sentence of `t`, dated as of `anchor`, with
/// the name `source` given as the sentence's source (as attribution
/// does): (kind, participants, first day).
fn events_with_source(
    t: &str,
    source: &str,
    anchor: Option<Ymd>,
) -> Vec<(EventKind, Vec<String>, Option<Ymd>)> {
    let doc = analyze_document(t);
    let s = &doc.structure.sentences[0];
    let ms = mentions_in(&doc, s.start, s.end);
    let at = t.find(source).expect("the source is in the text");
    let exclude = [(at, at + source.len())];
    let sf = read(&SentenceInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        mentions: &ms,
        exclude: &exclude,
        anchor: anchor.map(|d| (d, d)),
    })
    .expect("weights are built in");
    sf.events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.participants
                    .iter()
                    .map(|&m| doc.mentions[m as usize].text(t).to_string())
                    .collect(),
                e.when.map(|w| w.0),
            )
        })
        .collect()
}

#[test]
fn a_leaver_given_as_the_source_still_left() {
    // Wednesday 11 June 2025.
    let anchor = day(6, 11);
    for (t, source) in [
        (
            "Former Kisumu mayor Daniel Wekesa, who quit on Tuesday, said on Wednesday he would answer every question.",
            "Daniel Wekesa",
        ),
        (
            "Kisumu mayor Daniel Wekesa announced his resignation on Tuesday, weeks after auditors questioned the spending.",
            "Daniel Wekesa",
        ),
    ] {
        let got = events_with_source(t, source, anchor);
        assert!(
            got.iter().any(|(k, who, when)| *k == EventKind::Dismissal
                && who == &vec!["Daniel Wekesa".to_string()]
                && *when == day(6, 10)),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn who_announces_another_departure_did_not_leave() {
    // Near miss: the resignation is the deputy's, not the speaker's.
    let t = "Kisumu mayor Daniel Wekesa announced the resignation of his deputy on Tuesday.";
    let got = events_with_source(t, "Daniel Wekesa", day(6, 11));
    assert!(
        got.iter()
            .all(|(_, who, _)| !who.contains(&"Daniel Wekesa".to_string())),
        "{got:?}"
    );
}

#[test]
fn an_outbreak_is_dated_by_its_declaration_and_placed() {
    let got = events(
        "Malawi's health ministry declared a cholera outbreak in Nsanje district on Sunday after 14 people died.",
        day(3, 10),
    );
    assert!(
        got.iter()
            .any(|(k, _, places, when)| *k == EventKind::Outbreak
                && places.contains(&"Nsanje".to_string())
                && *when == day(3, 9)),
        "{got:?}"
    );
}

#[test]
fn an_agreement_is_a_deal_dated_by_the_participle_on_it() {
    // (A union's agreement is a labour agreement, no acquisition: see
    // `event_agreements.rs`.)
    for (t, kind) in [
        ("A securities filing shows that the agreement, signed on March 13, values Quintal Pagamentos at US$640m.", EventKind::Acquisition),
        ("Simba Coaches and the Transport Workers Union signed an agreement on Thursday ending a three-week strike.", EventKind::Labour),
    ] {
        let got = events(t, day(3, 14));
        assert!(
            got.iter().any(|(k, _, _, when)| *k == kind && when.is_some()),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn a_date_hung_on_a_time_of_day_dates_the_event() {
    // 31 March 2023 is a Friday: "Tuesday" is the 28th.
    let anchor = Ymd::new(2023, 3, 31);
    for t in [
        "A fire broke out shortly after 10 am on Tuesday.",
        "A fire broke out just before midnight on Tuesday.",
        "A fire broke out before dawn on Tuesday.",
    ] {
        let e = events(t, anchor);
        assert_eq!(e.len(), 1, "{t}: {e:?}");
        assert_eq!(e[0].3, Ymd::new(2023, 3, 28), "{t}: {e:?}");
    }
    // A date on a thing is still that thing's, not the event's.
    let e = events(
        "Shares fell after a premium to Celmar's closing price on Monday.",
        anchor,
    );
    assert!(e.iter().all(|x| x.3.is_none()), "{e:?}");
}

#[test]
fn a_night_is_told_by_its_words() {
    let at = |t: &str, day: &str| {
        let s = t.find(day).unwrap();
        super::dating::names_a_night(t, (s, s + day.len()))
    };
    assert_eq!(
        at("It broke out late on Friday night.", "Friday"),
        Some(false)
    );
    assert_eq!(at("It broke out late on Friday.", "Friday"), Some(false));
    assert_eq!(
        at("in the night from Friday to Saturday", "Friday"),
        Some(true)
    );
    assert_eq!(
        at("in the night between Friday and Saturday", "Friday"),
        Some(true)
    );
    assert_eq!(at("It broke out early on Saturday.", "Saturday"), None);
    assert_eq!(at("It broke out on Friday evening.", "Friday"), None);
}
