//! One event told in other words (an aircraft "forced to land" or making
//! "an emergency landing", a crane that "fell" or "came down", a stage
//! "won", a march), and dates that belong to another act about an event
//! (a debate, an inquiry).
use super::tests::events;
use super::*;

/// Wednesday 13 May 2026.
fn anchor() -> Option<Ymd> {
    Ymd::new(2026, 5, 13)
}

fn dated(t: &str, kind: EventKind) -> Option<Ymd> {
    let got = events(t, anchor());
    got.iter()
        .find(|(k, _, _, _)| *k == kind)
        .unwrap_or_else(|| panic!("{t}: no {kind:?} in {got:?}"))
        .3
}

#[test]
fn a_debate_or_an_inquiry_does_not_date_the_event_it_is_about() {
    for (t, kind) in [
        (
            "The city council will debate the fire on 4 November.",
            EventKind::Fire,
        ),
        ("MPs will discuss the crash on Tuesday.", EventKind::Crash),
        (
            "Investigators will examine the crash on Monday.",
            EventKind::Crash,
        ),
        (
            "The council will debate the collapse on 4 June.",
            EventKind::Crash,
        ),
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter()
                .all(|(k, _, _, when)| *k != kind || when.is_none()),
            "{t}: {got:?}"
        );
    }
    // Acting on the event itself still dates it.
    assert_eq!(
        dated("Firefighters fought the fire on Monday.", EventKind::Fire),
        Ymd::new(2026, 5, 11)
    );
}

#[test]
fn a_part_of_a_day_after_a_particle_dates_the_event() {
    assert_eq!(
        dated(
            "Karlis Ozols and his cabinet were sworn in on Monday evening.",
            EventKind::Hiring
        ),
        Ymd::new(2026, 5, 11)
    );
}

#[test]
fn an_aircraft_forced_to_land_or_landing_in_an_emergency_is_an_accident() {
    for t in [
        "Passengers on the flight forced to land at Shannon on Sunday afternoon praised the crew.",
        "A jet made an emergency landing at Cork Airport on Sunday afternoon.",
        "The flight landed in Cork on Sunday with 174 passengers on board.",
    ] {
        assert_eq!(dated(t, EventKind::Crash), Ymd::new(2026, 5, 10), "{t}");
    }
    // A day named from the report's own, which the recogniser leaves out.
    assert_eq!(
        dated(
            "The flight landed shortly after 2pm today.",
            EventKind::Crash
        ),
        anchor()
    );
    for t in [
        "The company landed a contract on Sunday.",
        "The minister landed in Cork on Sunday for talks.",
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter().all(|(k, _, _, _)| *k != EventKind::Crash),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn a_structure_that_falls_or_a_ship_aground_is_an_accident() {
    for t in [
        "The crane fell at the terminal on Tuesday, injuring two workers.",
        "The crane came down at the terminal on Tuesday.",
        "A bulk carrier ran aground off the Bluff on Tuesday.",
    ] {
        assert_eq!(dated(t, EventKind::Crash), Ymd::new(2026, 5, 12), "{t}");
    }
    for t in [
        "Shares fell 3% on Tuesday.",
        "The bridge came under scrutiny on Tuesday.",
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter().all(|(k, _, _, _)| *k != EventKind::Crash),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn a_stage_won_is_a_contest_and_a_contract_won_is_none() {
    assert_eq!(
        dated(
            "Pierre Lambert won the third stage of the Tour on Tuesday.",
            EventKind::Contest
        ),
        Ymd::new(2026, 5, 12)
    );
    for t in [
        "Halvorsen won the contract on Tuesday.",
        "The party won the election on Tuesday.",
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter().all(|(k, _, _, _)| *k != EventKind::Contest),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn a_march_is_a_protest_and_march_the_month_is_none() {
    assert_eq!(
        dated(
            "On Friday night thousands of us marched through Lisbon.",
            EventKind::Protest
        ),
        Ymd::new(2026, 5, 8)
    );
    // The arrests a march ended in date it, unless it has a date of its
    // own.
    assert_eq!(
        dated(
            "Police arrested more than 120 people on Saturday evening after a march through Lisbon.",
            EventKind::Protest
        ),
        Ymd::new(2026, 5, 9)
    );
    for t in [
        "The plant will open in March 2027.",
        "The results demonstrate that the vaccine works.",
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter().all(|(k, _, _, _)| *k != EventKind::Protest),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn the_path_of_a_fire_or_a_march_is_its_place() {
    for (t, kind) in [
        (
            "A fire tore through a tower block in Rotterdam on Tuesday night.",
            EventKind::Fire,
        ),
        (
            "On Friday night thousands of us marched through Rotterdam.",
            EventKind::Protest,
        ),
    ] {
        let got = events(t, anchor());
        assert!(
            got.iter()
                .any(|(k, _, places, _)| *k == kind && places.iter().any(|p| p == "Rotterdam")),
            "{t}: {got:?}"
        );
    }
}
