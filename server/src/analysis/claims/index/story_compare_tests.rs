//! Unit tests of the stage rule and of the evidence of one story; the
//! folder tests are in `story_folder_tests.rs`.
use super::*;
use crate::analysis::claims::frames::EventKind;

fn measure(what: &str, unit: &str, stage: Stage) -> Measure {
    Measure {
        what: what.into(),
        unit: unit.into(),
        basis: measure::Basis::Total,
        stage,
        part: None,
        per: String::new(),
        to: None,
        from: None,
    }
}

fn day(d: u8) -> (Ymd, Ymd) {
    let x = Ymd::new(2025, 10, d).unwrap();
    (x, x)
}

/// A crash nobody named, in `country`, led with by its report.
fn crash(country: &str, when: Option<u8>, counts: &[&str]) -> EventSig {
    EventSig {
        kind: EventKind::Crash,
        participants: Vec::new(),
        names: Vec::new(),
        places: Vec::new(),
        when: when.map(day),
        descriptor: Vec::new(),
        said: Vec::new(),
        another: false,
        place_words: Vec::new(),
        vehicle: None,
        country: Some(country.into()),
        lead: true,
        lead_places: Vec::new(),
        capitals: Vec::new(),
        parts: Vec::new(),
        figures: Default::default(),
        counts: counts.iter().map(|c| c.to_string()).collect(),
        file_said: Default::default(),
    }
}

/// An amount as stated, as `Sig::Quantity::stated` holds it.
fn stated(v: f64) -> (u64, u64) {
    ((v - 0.495).to_bits(), (v + 0.495).to_bits())
}

#[test]
fn a_count_at_a_time_only_agrees_with_one_of_no_stage_and_a_share_level_compares() {
    let risen = measure("killed", "person", Stage::Partial);
    let died = measure("killed", "person", Stage::Any);
    assert_eq!(stages(&risen, &died), Some(Stages::AgreeOnly));
    assert_eq!(stages(&died, &died), Some(Stages::Both));
    // "Turnout reached 67 per cent" is a level, not a growing count.
    let reached = measure("turnout", "%", Stage::Partial);
    let was = measure("turnout", "%", Stage::Any);
    assert_eq!(stages(&reached, &was), Some(Stages::Both));
    // A partial toll and the final one are two measures.
    let last = measure("killed", "person", Stage::Final);
    assert_eq!(stages(&risen, &last), None);
    // Two things counted.
    assert_eq!(
        stages(&died, &measure("injured", "person", Stage::Any)),
        None
    );
}

#[test]
fn a_stated_moment_and_the_peak_are_stages_that_only_agree() {
    // "By Friday, 40 ships were waiting", "At its peak, 65 ships",
    // "65 ships were waiting", "as of Tuesday evening, 58".
    let moment = measure("wait", "ship", Stage::Moment);
    let peak = measure("wait", "ship", Stage::Peak);
    let any = measure("wait", "ship", Stage::Any);
    let so_far = measure("wait", "ship", Stage::Partial);
    for (a, b) in [
        (&moment, &peak),
        (&moment, &any),
        (&moment, &moment),
        (&moment, &so_far),
        (&peak, &any),
        (&peak, &so_far),
    ] {
        assert_eq!(stages(a, b), Some(Stages::AgreeOnly), "{a:?} / {b:?}");
        assert_eq!(stages(b, a), Some(Stages::AgreeOnly), "{b:?} / {a:?}");
    }
    // Two reports of the peak: one value.
    assert_eq!(stages(&peak, &peak), Some(Stages::Both));
    // Another measure at a moment is still another measure.
    assert_eq!(
        stages(&moment, &measure("anchored", "ship", Stage::Any)),
        None
    );
}

#[test]
fn another_measures_count_ties_two_reports_whatever_their_places_but_not_the_pair_itself() {
    let a = crash(
        "Czech Republic",
        Some(11),
        &["injured|person|3.8e1", "killed|person|1.1e1"],
    );
    let b = crash(
        "Czech Republic",
        None,
        &["injured|person|3.8e1", "killed|person|1.4e1"],
    );
    // The dead (11 and 14) compared: tied by the 38 injured both report.
    let own = [stated(11.0), stated(14.0)];
    assert_eq!(
        one_story(&[], &a, &b, Some(day(12)), Some(day(12)), own),
        Some(StoryTie::Shared)
    );
    // The injured compared: the 38 is the pair itself and the dead
    // differ; only the day both were filed on ties them, for agreement.
    let own = [stated(38.0), stated(38.0)];
    assert_eq!(
        one_story(&[], &a, &b, Some(day(12)), Some(day(12)), own),
        Some(StoryTie::Day)
    );
    // Filed a week apart: another accident.
    assert_eq!(
        one_story(&[], &a, &b, Some(day(12)), Some(day(19)), own),
        None
    );
    // Another country the same day, the same counts.
    let f = crash(
        "Slovakia",
        Some(11),
        &["injured|person|3.8e1", "killed|person|1.1e1"],
    );
    let own = [stated(11.0), stated(11.0)];
    assert_eq!(
        one_story(&[], &a, &f, Some(day(11)), Some(day(11)), own),
        None
    );
    // Both dated, a day apart: a place may differ, not the day as well.
    let c = crash("Czech Republic", Some(10), &["injured|person|3.8e1"]);
    assert_eq!(
        one_story(&[], &a, &c, Some(day(11)), Some(day(11)), own),
        None
    );
}

#[test]
fn one_toll_on_one_day_ties_only_harm_a_report_leads_with_and_only_a_telling_toll() {
    let a = crash("Colombia", None, &[]);
    let b = crash("Colombia", None, &[]);
    let nine = [stated(9.0), stated(9.0)];
    assert_eq!(
        one_story(&[], &a, &b, Some(day(4)), Some(day(4)), nine),
        Some(StoryTie::Day)
    );
    // Filed a day apart, neither dated: nothing says one day.
    assert_eq!(
        one_story(&[], &a, &b, Some(day(4)), Some(day(5)), nine),
        None
    );
    // Two dead are said of many accidents of a day.
    let two = [stated(2.0), stated(2.0)];
    assert_eq!(
        one_story(&[], &a, &b, Some(day(4)), Some(day(4)), two),
        None
    );
    // Not the harm the report leads with.
    let background = EventSig {
        lead: false,
        ..b.clone()
    };
    assert_eq!(
        one_story(&[], &a, &background, Some(day(4)), Some(day(4)), nine),
        None
    );
    // A sentencing of one day and one term is no story.
    let sentencing = |e: &EventSig| EventSig {
        kind: EventKind::Sentencing,
        lead: false,
        ..e.clone()
    };
    let twelve = [stated(12.0), stated(12.0)];
    assert_eq!(
        one_story(
            &[],
            &sentencing(&a),
            &sentencing(&b),
            Some(day(4)),
            Some(day(4)),
            twelve
        ),
        None
    );
}

#[test]
fn files_of_no_event_are_one_story_by_what_else_they_state() {
    let a: Vec<String> = vec!["turnout|%|6.12e1".into(), "who|e3".into()];
    let b: Vec<String> = vec!["turnout|%|6.7e1".into(), "who|e3".into()];
    let own = [
        (61.15f64.to_bits(), 61.25f64.to_bits()),
        (66.5f64.to_bits(), 67.5f64.to_bits()),
    ];
    // One person both files are about is not enough: an election report
    // names its winner and counts every party's seats.
    assert_eq!(
        one_story_of_files((&a, Some(day(24))), (&b, Some(day(24))), own),
        None
    );
    // With a count both state besides, they are one story.
    let a: Vec<String> = vec![
        "turnout|%|6.12e1".into(),
        "who|e3".into(),
        "seats|seat|3.8e1".into(),
    ];
    let b: Vec<String> = vec![
        "turnout|%|6.7e1".into(),
        "who|e3".into(),
        "seats|seat|3.8e1".into(),
    ];
    assert_eq!(
        one_story_of_files((&a, Some(day(24))), (&b, Some(day(24))), own).as_deref(),
        Some("both about one person")
    );
    // Another town's election: other people, the same turnout (the pair
    // itself is no evidence).
    let c: Vec<String> = vec!["turnout|%|6.12e1".into(), "who|e9".into()];
    let same = [
        (61.15f64.to_bits(), 61.25f64.to_bits()),
        (61.15f64.to_bits(), 61.25f64.to_bits()),
    ];
    assert_eq!(
        one_story_of_files((&a, Some(day(24))), (&c, Some(day(24))), same),
        None
    );
    // Undated or filed days apart: nothing to tie.
    assert_eq!(
        one_story_of_files((&a, None), (&b, Some(day(24))), own),
        None
    );
    assert_eq!(
        one_story_of_files((&a, Some(day(2))), (&b, Some(day(24))), own),
        None
    );
}
