use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::mentions_in;

/// (kind, participants and loose names, places, first day).
type Read = (EventKind, Vec<String>, Vec<String>, Option<Ymd>);

/// The events of the first sentence of `t` (dated as of `day`).
pub(crate) fn events(t: &str, day: Option<Ymd>) -> Vec<Read> {
    read_events(t, day).into_iter().map(|(_, r)| r).collect()
}

/// [`events`] with each event as read.
pub(super) fn read_events(t: &str, day: Option<Ymd>) -> Vec<(Event, Read)> {
    let doc = analyze_document(t);
    // (`FRAMES_NTH`: another sentence of the text, for development.)
    let nth: usize = std::env::var("FRAMES_NTH")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let s = &doc.structure.sentences[nth.min(doc.structure.sentences.len() - 1)];
    let ms = mentions_in(&doc, s.start, s.end);
    let sf = read(&SentenceInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        mentions: &ms,
        exclude: &[],
        anchor: day.map(|d| (d, d)),
    })
    .expect("weights are built in");
    if std::env::var("FRAMES_DEBUG").is_ok() {
        eprintln!("{}", sf.parse.to_conllu());
        for &m in &ms {
            let men = &doc.mentions[m as usize];
            eprintln!(
                "mention {:?} {:?} head {:?}",
                men.kind,
                men.text(t),
                sf.head_of(m)
            );
        }
        eprintln!("{:#?}", sf.events);
    }
    let name = |m: &u32| doc.mentions[*m as usize].text(t).to_string();
    sf.events
        .iter()
        .map(|e| {
            let r = (
                e.kind,
                e.participants
                    .iter()
                    .map(name)
                    .chain(e.names.iter().cloned())
                    .collect(),
                e.places.iter().map(name).collect(),
                e.when.map(|w| w.0),
            );
            (e.clone(), r)
        })
        .collect()
}

#[test]
fn crash_with_participant_date_and_place() {
    let day = Ymd::new(2019, 6, 13);
    let e = events(
        "The Transandes flight from Santa Cruz crashed on Tuesday, 11 June, during a heavy rainstorm as it approached the airport.",
        day,
    );
    assert_eq!(e[0].0, EventKind::Crash, "{e:?}");
    assert_eq!(e[0].1, vec!["transandes"], "{e:?}");
    assert_eq!(e[0].3, Ymd::new(2019, 6, 11), "{e:?}");
}

/// The descriptor of the first event of the first sentence of `t`.
fn descriptor(t: &str) -> (Vec<String>, Vec<String>) {
    let e = read_events(t, Ymd::new(2024, 3, 13));
    let (ev, r) = e.into_iter().next().expect("an event");
    (ev.descriptor, r.1)
}

#[test]
fn names_inside_a_description_of_who_met_qualify_them() {
    // "Basin" is a name nobody recognised, under "countries" under the
    // ministers: it says which ministers, it did not meet anyone.
    let (d, named) = descriptor(
        "Water ministers from nine Nile Basin countries met in Kampala on Tuesday to discuss the river, officials said.",
    );
    assert_eq!(d.first().map(String::as_str), Some("minister"), "{d:?}");
    assert!(d.iter().any(|w| w == "basin"), "{d:?}");
    assert!(named.is_empty(), "{named:?}");
}

#[test]
fn the_meeting_of_described_people_is_described_by_them() {
    let (d, named) = descriptor(
        "The meeting of Nile Basin water ministers, held in Kampala on March 11, agreed to set up a drought committee, officials said.",
    );
    assert_eq!(d.first().map(String::as_str), Some("minister"), "{d:?}");
    assert!(d.iter().any(|w| w == "water"), "{d:?}");
    assert!(named.is_empty(), "{named:?}");
}

#[test]
fn ministers_responsible_for_a_portfolio_are_who_met() {
    let (d, _) = descriptor(
        "Ministers responsible for water in the Nile Basin met in Kampala on Monday, March 11, and agreed to form a technical committee on droughts.",
    );
    assert_eq!(d.first().map(String::as_str), Some("minister"), "{d:?}");
}

#[test]
fn what_a_crash_struck_keeps_its_operator() {
    // Harm is told by what it struck: the loose name is who runs it.
    let e = events(
        "A Transandes jet crashed near Cochabamba on Tuesday, officials said.",
        Ymd::new(2019, 6, 13),
    );
    assert!(e[0].1.iter().any(|n| n == "transandes"), "{e:?}");
}

mod scratch {
    /// `FRAMES_SENTENCE="..." cargo test scratch -- --nocapture` prints the
    /// parse and events of a sentence (for development).
    #[test]
    fn print_events_of_a_sentence() {
        let Ok(t) = std::env::var("FRAMES_SENTENCE") else {
            return;
        };
        // (`FRAMES_DAY=2025-05-14`: the file's date.)
        let day = std::env::var("FRAMES_DAY").ok().and_then(|d| {
            let n: Vec<i32> = d.split('-').filter_map(|x| x.parse().ok()).collect();
            super::Ymd::new(*n.first()?, *n.get(1)? as u8, *n.get(2)? as u8)
        });
        let e = super::events(&t, day);
        eprintln!("{e:#?}");
    }
}

/// The frames of the first sentence of `t`, and the token of its first
/// number ("Thirty-nine", "12").
fn first_count(t: &str) -> (SentenceFrames, usize) {
    let doc = analyze_document(t);
    let s = &doc.structure.sentences[0];
    let ms = mentions_in(&doc, s.start, s.end);
    let sf = read(&SentenceInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        mentions: &ms,
        exclude: &[],
        anchor: None,
    })
    .expect("weights are built in");
    let count = (0..sf.parse.len())
        .find(|&x| sf.parse.tokens[x].upos == crate::analysis::syntax::Upos::Num)
        .expect("a count");
    (sf, count)
}

/// The kind of the event a count (the sentence's first number) belongs
/// to, and the kinds of every event read.
fn count_event(t: &str) -> (Option<EventKind>, Vec<EventKind>) {
    let (sf, count) = first_count(t);
    let kind = sf.event_over(count).map(|i| sf.events[i].kind);
    (kind, sf.events.iter().map(|e| e.kind).collect())
}

#[test]
fn the_dead_of_a_clause_of_time_belong_to_its_accident() {
    for t in [
        "Thirty-nine people died when the launch MV Padma sank in the Meghna river near Chandpur on Sunday, the fire service said.",
        "At least 12 people drowned after a launch capsized in the Buriganga river on Friday, police said.",
        "Seven workers were killed when a building collapsed in Lagos on Monday, fire officials said.",
    ] {
        let (kind, all) = count_event(t);
        assert_eq!(kind, Some(EventKind::Crash), "{t}: {all:?}");
        // "the fire service" is who said it, not a fire.
        assert!(!all.contains(&EventKind::Fire), "{t}: {all:?}");
        assert!(!all.contains(&EventKind::Release), "{t}: {all:?}");
    }
}

#[test]
fn last_week_last_month_and_last_year_date_an_event_from_the_file_date() {
    let day = Ymd::new(2024, 3, 13);
    for (t, lo) in [
        (
            "A ferry sank in the Meghna river last week, killing 21 people.",
            Ymd::new(2024, 3, 4),
        ),
        (
            "A ferry sank in the Meghna river last month, killing 21 people.",
            Ymd::new(2024, 2, 1),
        ),
        (
            "A ferry sank in the Meghna river last year, killing 21 people.",
            Ymd::new(2023, 1, 1),
        ),
    ] {
        let e = events(t, day);
        assert_eq!(e.first().and_then(|e| e.3), lo, "{t}: {e:?}");
    }
}

/// The first event of the first sentence of `t`, as read.
fn first_event(t: &str, day: Option<Ymd>) -> Event {
    read_events(t, day)
        .into_iter()
        .next()
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("no event in {t:?}"))
}

#[test]
fn a_vehicle_that_falls_or_goes_down_is_an_accident_of_its_class() {
    let day = Ymd::new(2025, 8, 22);
    for (t, class) in [
        ("A bus fell into a river in central Nepal on Friday, killing 31 people.", "bus"),
        ("The launch went down near Matlab in Chandpur district shortly after 3 p.m.", "vessel"),
        ("An overcrowded passenger launch capsized in the Meghna River on Sunday, killing at least 37 people.", "vessel"),
        ("Six people were killed when a speedboat capsized on the Padma river on Tuesday.", "speedboat"),
    ] {
        let e = first_event(t, day);
        assert_eq!(e.kind, EventKind::Crash, "{t}: {e:?}");
        assert_eq!(e.vehicle.as_deref(), Some(class), "{t}: {e:?}");
    }
    // Shares fall, and nobody is hurt.
    assert!(events("Shares in the bus maker fell 4% on Friday.", day).is_empty());
}

#[test]
fn a_launch_on_a_river_is_a_boat_not_a_release() {
    let kinds: Vec<EventKind> = events(
        "The death toll from Sunday's launch capsize in central Bangladesh rose to 45 on Monday.",
        Ymd::new(2025, 4, 14),
    )
    .into_iter()
    .map(|r| r.0)
    .collect();
    assert!(!kinds.contains(&EventKind::Release), "{kinds:?}");
}

#[test]
fn places_keep_the_word_that_says_what_they_are() {
    let t = "At least 24 people were killed when a passenger bus fell off the Prithvi Highway into the Trishuli River in Dhading district on Friday morning, police said.";
    let doc = analyze_document(t);
    let e = first_event(t, Ymd::new(2025, 8, 22));
    let words: Vec<(String, String)> = e
        .place_words
        .iter()
        .map(|(m, w)| (doc.mentions[*m as usize].text(t).to_string(), w.clone()))
        .collect();
    for (name, grain) in [
        ("Dhading", "district"),
        ("Trishuli River", "river"),
        ("Prithvi Highway", "highway"),
    ] {
        assert!(
            words.iter().any(|(n, w)| n == name && w == grain),
            "{words:?}"
        );
    }
    assert!(e.participants.is_empty(), "{e:?}");
    let near = first_event(
        "The launch went down near Matlab in Chandpur district shortly after 3 p.m.",
        Ymd::new(2025, 4, 14),
    );
    let doc = analyze_document(
        "The launch went down near Matlab in Chandpur district shortly after 3 p.m.",
    );
    let t = "The launch went down near Matlab in Chandpur district shortly after 3 p.m.";
    let words: Vec<(String, String)> = near
        .place_words
        .iter()
        .map(|(m, w)| (doc.mentions[*m as usize].text(t).to_string(), w.clone()))
        .collect();
    assert!(
        words.contains(&("Matlab".into(), "near".into())),
        "{words:?}"
    );
    assert!(
        words.contains(&("Chandpur".into(), "district".into())),
        "{words:?}"
    );
}

#[test]
fn a_fronted_date_dates_the_background_accident_not_the_report() {
    let e = events(
        "In June last year, a ferry capsized in Narayanganj after colliding with a cargo ship, killing 34 people.",
        Ymd::new(2025, 4, 13),
    );
    assert!(!e.is_empty());
    for r in &e {
        assert_eq!(r.3.map(|d| d.y), Some(2024), "{e:?}");
    }
    // A date inside the sentence is no fronted date.
    let e = events(
        "Officials said on Monday that a ferry capsized in Narayanganj, killing 34 people.",
        Ymd::new(2025, 4, 14),
    );
    assert!(e.iter().all(|r| r.3.is_none()), "{e:?}");
}

#[test]
fn the_day_of_the_deaths_dates_the_accident_that_caused_them() {
    // Sunday 13 August 2023: the derailment was on Saturday 12 August.
    let e = events(
        "Three people were killed and 23 injured when a passenger train came off the rails in the Prahova Valley on Saturday night.",
        Ymd::new(2023, 8, 13),
    );
    let e2 = events(
        "At least three people died and 41 were injured on Saturday evening when an InterRegio train derailed between Azuga and Predeal.",
        Ymd::new(2023, 8, 13),
    );
    let crash = e2
        .iter()
        .find(|r| r.0 == EventKind::Crash)
        .expect("a crash");
    assert_eq!(crash.3, Ymd::new(2023, 8, 12), "{e2:?} {e:?}");
}

#[test]
fn lives_lost_are_casualties_and_swimming_ashore_is_not() {
    let counts = |t: &str| {
        let (sf, n) = first_count(t);
        sf.clause_counts_casualties(n)
    };
    assert!(counts(
        "Twenty-four people lost their lives in the accident on Friday."
    ));
    assert!(!counts(
        "At least 60 people swam ashore after the ferry capsized."
    ));
}

#[test]
fn ministers_named_after_their_title_meet() {
    // Both ministers take part, whatever their titles and the capitalised
    // words in them ("Trade") say.
    let e = events(
        "Vietnamese Trade Minister Nguyen Thi Lan and her Australian counterpart Mark Delaney met in Hanoi on Wednesday.",
        Ymd::new(2024, 6, 5),
    );
    assert_eq!(e[0].0, EventKind::Meeting, "{e:?}");
    assert!(e[0].1.iter().any(|n| n == "Nguyen Thi Lan"), "{e:?}");
    assert!(e[0].1.iter().any(|n| n == "Mark Delaney"), "{e:?}");
    assert!(!e[0].1.iter().any(|n| n == "trade"), "{e:?}");
}

#[test]
fn a_court_ruling_is_dated_by_its_verb_or_its_judgment() {
    let day = Ymd::new(2024, 8, 14);
    let e = events(
        "The Constitutional Court ruled on 13 August that the licence granted to Karoo Mining was unlawful.",
        day,
    );
    assert_eq!(e[0].0, EventKind::Ruling, "{e:?}");
    assert_eq!(e[0].3, Ymd::new(2024, 8, 13), "{e:?}");
    let e = events(
        "In a judgment handed down on Monday, the Constitutional Court set aside the licence of Karoo Mining.",
        day,
    );
    // (Who ruled is left to the parse, which reads "set" as a noun here.)
    assert_eq!(e[0].0, EventKind::Ruling, "{e:?}");
    assert_eq!(e[0].3, Ymd::new(2024, 8, 12), "{e:?}");
    // No court, no ruling: "ruled out", a ruling party.
    for t in [
        "The minister ruled out a tax rise on Monday.",
        "Kenya's ruling party met on Monday in Nairobi.",
    ] {
        let e = events(t, day);
        assert!(!e.iter().any(|r| r.0 == EventKind::Ruling), "{t}: {e:?}");
    }
}

#[test]
fn the_phase_of_a_date_is_read_next_to_it() {
    let day = Ymd::new(2019, 6, 14);
    // "by the end of the year" is a goal, not the end of the meeting.
    let e = first_event(
        "Tom Harwood met Isabel Fuentes in Geneva on Thursday, where the two agreed to push for a trade deal by the end of the year.",
        day,
    );
    assert!(
        !e.phase_words.iter().any(|w| w == "end"),
        "{:?}",
        e.phase_words
    );
    let e = first_event(
        "The NATO summit in Vilnius opens on Tuesday with a dinner for leaders.",
        day,
    );
    assert!(
        e.phase_words.iter().any(|w| w == "open"),
        "{:?}",
        e.phase_words
    );
}

#[test]
fn a_date_on_another_noun_does_not_date_the_event() {
    // A Tuesday file: Monday's closing price is no day of the deal.
    let e = events(
        "Norvik will pay 14.50 euros per share in cash for Celmar, a 31% premium to Celmar's closing price on Monday.",
        Ymd::new(2024, 3, 5),
    );
    assert!(e.iter().all(|r| r.3.is_none()), "{e:?}");
}

#[test]
fn a_storm_that_makes_landfall_or_crosses_the_coast_is_dated() {
    let day = Ymd::new(2025, 10, 14);
    for (t, d) in [
        (
            "Typhoon Mirasol crossed the coast near Palanan town on October 13, the weather bureau said.",
            13,
        ),
        (
            "Mirasol made landfall on Saturday October 11 near Palanan, Isabela, as a category 3 typhoon.",
            11,
        ),
    ] {
        let e = events(t, day);
        assert_eq!(e.first().map(|r| r.0), Some(EventKind::Storm), "{t}: {e:?}");
        assert_eq!(e[0].3, Ymd::new(2025, 10, d), "{t}: {e:?}");
    }
    // A border crossed is no landfall.
    let e = events("Refugees crossed the border near Palanan on Monday.", day);
    assert!(e.iter().all(|r| r.0 != EventKind::Storm), "{e:?}");
}

#[test]
fn a_storm_and_the_clause_of_its_landfall_are_one_event() {
    let e = events(
        "Around 11 lakh people were evacuated from low-lying areas in Odisha ahead of cyclone Kavera, which crossed the coast near Paradip on Tuesday, officials said.",
        Ymd::new(2022, 5, 25),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].3, Ymd::new(2022, 5, 24), "{e:?}");
}

#[test]
fn a_meeting_last_tuesday_is_dated() {
    let e = events(
        "Mark Delaney met Nguyen Thi Lan in Hanoi last Tuesday, officials said.",
        Ymd::new(2024, 6, 7),
    );
    assert_eq!(e[0].3, Ymd::new(2024, 6, 4), "{e:?}");
}

#[test]
fn a_storm_is_named_with_or_without_its_class() {
    let day = Ymd::new(2025, 10, 14);
    for t in [
        "Typhoon Mirasol crossed the coast near Palanan town on October 13.",
        "Mirasol made landfall on Saturday October 11 near Palanan, Isabela, as a category 3 typhoon.",
        "Officials said Typhoon Mirasol made landfall in Isabela province on Monday.",
        "Super Typhoon Mirasol (Ragasa) made landfall in Isabela province on Monday.",
    ] {
        let e = events(t, day);
        let storm = e.iter().find(|r| r.0 == EventKind::Storm);
        let names = storm.map(|r| r.1.clone()).unwrap_or_default();
        assert!(names.iter().any(|n| n == "mirasol"), "{t}: {e:?}");
        assert!(
            names.iter().all(|n| !n.contains("typhoon")),
            "{t}: {e:?}"
        );
    }
    // Another storm has another name.
    let e = events(
        "Typhoon Lando made landfall in Aurora province on Thursday.",
        day,
    );
    assert!(
        e.iter()
            .any(|r| r.0 == EventKind::Storm && r.1 == vec!["lando".to_string()]),
        "{e:?}"
    );
}

#[test]
fn a_clause_set_off_after_the_event_noun_dates_it() {
    let day = Ymd::new(2025, 5, 14);
    for (t, d) in [
        // The parser takes the day for the object of "made".
        (
            "Cyclone Shefali, which made landfall early Tuesday near the port of Mongla, killed at least nine people.",
            13,
        ),
        // The parser hangs the clause on the main verb.
        (
            "Cyclone Shefali, which struck the Sundarbans coast on 12 May, moved faster than most forecast models had predicted.",
            12,
        ),
        // A part of the day.
        (
            "Cyclone Shefali slammed into the coast of Bangladesh in the early hours of Tuesday, tearing roofs off homes.",
            13,
        ),
    ] {
        let e = events(t, day);
        assert_eq!(e.first().map(|r| r.0), Some(EventKind::Storm), "{t}: {e:?}");
        assert_eq!(e[0].3, Ymd::new(2025, 5, d), "{t}: {e:?}");
    }
    // A plan in the clause is not the day it happened.
    let t = "Cyclone Shefali, which forecasters had expected on Tuesday, moved faster than most models had predicted.";
    let e = events(t, day);
    assert!(e.iter().all(|r| r.3.is_none()), "{t}: {e:?}");
}

#[test]
fn a_date_before_the_event_noun_dates_it() {
    let day = Ymd::new(2025, 5, 14);
    for (t, m, d) in [
        ("At the 12 May summit in Brussels, Japanese and EU leaders signed a partnership on critical minerals.", 5, 12),
        ("The March 28 ruling by the High Court leaves a hole in the budget, lawyers said.", 3, 28),
    ] {
        let e = events(t, day);
        assert!(
            e.iter().any(|r| r.3 == Ymd::new(2025, m, d)),
            "{t}: {e:?}"
        );
    }
}

#[test]
fn who_acts_on_a_ruling_did_not_make_it() {
    let e = events(
        "Treasury officials said on Wednesday they would ask the Court of Appeal to suspend Monday's judgment by the High Court.",
        Ymd::new(2025, 4, 2),
    );
    let ruling = e.iter().find(|r| r.0 == EventKind::Ruling);
    assert!(
        ruling.is_none_or(|r| !r.1.iter().any(|n| n.contains("Appeal")) && r.3.is_none()),
        "{e:?}"
    );
}

#[test]
fn a_possessive_date_or_a_misread_day_dates_the_event() {
    let day = Ymd::new(2025, 4, 3);
    for (t, m, d) in [
        // The recogniser leaves "Last week" out at a sentence's start.
        (
            "Last week's crash of a Kenya Airways plane near Mombasa killed 14 people, officials said.",
            3,
            24,
        ),
        (
            "Tuesday's sentencing of Daniel Mwangi has left politicians scrambling.",
            4,
            1,
        ),
        // The parser takes "2" for the number of years.
        (
            "The judge sentenced Daniel Mwangi on April 2 to 12 years in prison for fraud.",
            4,
            2,
        ),
    ] {
        let e = events(t, day);
        assert_eq!(e.first().and_then(|r| r.3), Ymd::new(2025, m, d), "{t}: {e:?}");
    }
}

#[test]
fn the_city_whose_area_is_named_places_the_event() {
    let day = Ymd::new(2025, 6, 10);
    let e = events(
        "Two people were killed when a three-storey building collapsed in Ibadan's Bodija neighbourhood on Tuesday, a day after a similar collapse in Lagos, rescuers said.",
        day,
    );
    assert!(e[0].2.iter().any(|p| p == "Ibadan"), "{e:?}");
    assert!(!e[0].2.iter().any(|p| p == "Lagos"), "{e:?}");
    let e = events(
        "A fire at a chemical factory in the Turbhe industrial area of Mumbai killed 11 workers on Tuesday.",
        day,
    );
    assert!(e[0].2.iter().any(|p| p == "Mumbai"), "{e:?}");
}

#[test]
fn talks_that_ended_in_an_agreement_are_dated_by_it() {
    let day = Ymd::new(2015, 6, 11);
    for t in [
        "The energy ministers of Uzbekistan and Kazakhstan agreed on Thursday to swap gas after talks in Tashkent.",
        "Chile and Peru signed a fisheries accord on Thursday after a meeting of their ministers in Lima, officials said.",
    ] {
        let e = read_events(t, day);
        let talks = e
            .iter()
            .find(|(ev, _)| ev.kind == EventKind::Meeting)
            .unwrap_or_else(|| panic!("{t}: {e:?}"));
        assert!(!talks.0.background, "{t}");
        assert_eq!(talks.1 .3, day, "{t}");
    }
    // Talks after which nothing was agreed are a point of reference.
    let e = read_events(
        "The minister flew home on Thursday after talks in Lima, officials said.",
        day,
    );
    assert!(
        e.iter()
            .all(|(ev, _)| ev.kind != EventKind::Meeting || ev.background),
        "{e:?}"
    );
}

#[test]
fn a_swearing_in_is_an_appointment_dated_on_its_day() {
    let day = Ymd::new(2025, 1, 15);
    for (t, who) in [
        ("Pablo Arce was sworn in as president on January 10 in Lima.", "Pablo Arce"),
        (
            "Economist Ana Ruiz was sworn in on Tuesday as the new finance minister, replacing Tomas Ortiz.",
            "Ana Ruiz",
        ),
    ] {
        let e = read_events(t, day);
        let hired = e
            .iter()
            .find(|(ev, _)| ev.kind == EventKind::Hiring)
            .unwrap_or_else(|| panic!("{t}: {e:?}"));
        assert!(hired.1 .1.iter().any(|p| p == who), "{t}: {e:?}");
        assert!(hired.0.when.is_some(), "{t}: {e:?}");
    }
}

#[test]
fn the_day_an_event_was_agreed_dates_it() {
    // Wednesday 14 May 2025.
    let day = Ymd::new(2025, 5, 14);
    for (t, kind, want) in [
        (
            "Kalnia Energy agreed on Monday to buy Torvik Power for 2 billion dollars.",
            EventKind::Acquisition,
            Ymd::new(2025, 5, 12),
        ),
        (
            "The two drinks makers agreed on Tuesday to merge, creating a group worth $4 billion.",
            EventKind::Acquisition,
            Ymd::new(2025, 5, 13),
        ),
        (
            "Halden will pay 900 million dollars for Lund Data under an agreement signed on May 9, the companies said.",
            EventKind::Acquisition,
            Ymd::new(2025, 5, 9),
        ),
        (
            "Brix Mining is paying $1.2 billion for Kora Copper in a deal struck on Sunday.",
            EventKind::Acquisition,
            Ymd::new(2025, 5, 11),
        ),
    ] {
        let e = read_events(t, day);
        let ev = e
            .iter()
            .find(|(ev, _)| ev.kind == kind)
            .unwrap_or_else(|| panic!("{t}: {e:?}"));
        assert_eq!(ev.1 .3, want, "{t}: {e:?}");
    }
    // A plan, a report or an announcement is not the day of the deal.
    for t in [
        "Kalnia Energy said on Monday it planned to buy Torvik Power for 2 billion dollars.",
        "Halden will pay 900 million dollars for Lund Data under a plan announced on May 9.",
        "Kalnia Energy did not agree on Monday to buy Torvik Power, its chairman said.",
        "Shareholders of Vestra Foods voted on Tuesday to sell the company to Holm Group.",
    ] {
        let e = read_events(t, day);
        assert!(
            e.iter()
                .all(|(ev, _)| ev.kind != EventKind::Acquisition || ev.when.is_none()),
            "{t}: {e:?}"
        );
    }
}

#[test]
fn a_date_on_the_place_an_event_swept_through_dates_it() {
    let day = Ymd::new(2025, 5, 14);
    let e = read_events(
        "A fire ripped through a textile mill in Faisalabad's industrial zone on Monday, killing nine workers, police said.",
        day,
    );
    let fire = e
        .iter()
        .find(|(ev, _)| ev.kind == EventKind::Fire)
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(fire.1 .3, Ymd::new(2025, 5, 12), "{e:?}");
    // A date on a thing the event passed through that is no place of it
    // ("a premium to the price on Monday") still dates nothing.
    let e = read_events(
        "A fire broke out at the depot, a week after a leak through a pipe on Monday.",
        day,
    );
    assert!(
        e.iter()
            .all(|(ev, _)| ev.kind != EventKind::Fire || ev.when.is_none()),
        "{e:?}"
    );
}
