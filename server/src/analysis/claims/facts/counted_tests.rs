//! Counts read through the parse, outside the known event kinds.
use super::super::count_reading::{number_group, people_measure, read_count};
use super::super::parsed_tests::parsed_facts;
use super::*;

/// The reading of the number written `n` in `t`, through its parse alone:
/// (measure, partial, whole).
fn reading(t: &str, n: &str) -> Option<(String, bool, Option<String>)> {
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    let i = (0..p.len()).find(|&i| p.tokens[i].form == n)?;
    let (_, _, head) = number_group(&p, i);
    read_count(&p, head).map(|r| (r.what, r.partial, r.whole))
}

fn what(t: &str, n: &str) -> Option<String> {
    reading(t, n).map(|r| r.0)
}

fn some(w: &str) -> Option<String> {
    Some(w.to_string())
}

/// (amount as written, measure, stage, part) of the quantity facts of the
/// first sentence of `t`.
fn counts(t: &str) -> Vec<(String, String, Stage, Option<String>)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity { measure, .. } => {
                Some((f.text, measure.what, measure.stage, measure.part))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_passive_or_intransitive_subject_is_counted_by_its_verb() {
    let t = "About 300 people were evacuated from nearby villages.";
    assert_eq!(what(t, "300"), some("displaced"));
    assert_eq!(
        what(
            "Officials moved 1,200 residents out of the valley.",
            "1,200"
        ),
        some("move")
    );
    assert_eq!(
        what(
            "Some 2,000 people rallied in the capital on Friday.",
            "2,000"
        ),
        some("rally")
    );
    assert_eq!(
        what("Eleven people have now died in the outbreak.", "Eleven"),
        some("killed")
    );
    assert_eq!(
        what("Another 12 passengers were injured.", "12"),
        some("injured")
    );
    // End to end: the fact spans the counted noun, with no named subject.
    let c = counts(t);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].0.as_str(), c[0].1.as_str()),
        ("About 300 people", "displaced")
    );
}

#[test]
fn a_noun_that_names_a_measure_is_counted_by_itself() {
    let t = "Officials reported 12 deaths and 340 confirmed infections on Monday.";
    assert_eq!(what(t, "12"), some("killed"));
    assert_eq!(what(t, "340"), some("infected"));
    assert_eq!(
        what(
            "Health authorities have confirmed 87 cases and nine fatalities.",
            "nine"
        ),
        some("killed")
    );
    assert_eq!(
        what("Okafor scored three goals in the final.", "three"),
        some("goals")
    );
    // What happens to people wins over the noun counted ("killed 12
    // soldiers" counts the dead, not troops).
    assert_eq!(
        what("The blast killed 12 soldiers near the border.", "12"),
        some("killed")
    );
}

#[test]
fn a_part_of_a_whole_keeps_its_whole() {
    assert_eq!(
        reading("The ruling party holds 45 of the 120 seats.", "45"),
        Some(("seats".into(), false, some("120")))
    );
    assert_eq!(
        reading("The party won 45 seats out of 120.", "45"),
        Some(("seats".into(), false, some("120")))
    );
    // The whole is no count of its own here.
    assert_eq!(
        reading("The ruling party holds 45 of the 120 seats.", "120"),
        None
    );
}

#[test]
fn the_level_a_count_stands_at_is_of_its_subject_s_measure() {
    assert_eq!(
        reading("The death toll stands at 24, police said.", "24"),
        Some(("killed".into(), false, None))
    );
    assert_eq!(
        reading("The death toll has since risen to 57.", "57"),
        Some(("killed".into(), true, None))
    );
    assert_eq!(
        what("The number of injured stands at 35, police said.", "35"),
        some("injured")
    );
    assert_eq!(what("Injuries stood at 140.", "140"), some("injured"));
}

#[test]
fn the_parse_says_what_happens_to_the_people_counted() {
    let t = "The death toll stands at 24, and 60 people were injured.";
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    let at = |n: &str| (0..p.len()).find(|&i| p.tokens[i].form == n).unwrap();
    assert_eq!(people_measure(&p, at("24")), some("killed"));
    assert_eq!(people_measure(&p, at("60")), some("injured"));
    // A count of no people says nothing here.
    let t = "Okafor scored three goals.";
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    assert_eq!(people_measure(&p, 2), None);
}

#[test]
fn numbers_that_count_nothing_are_left_alone() {
    // Parts of names, index points, ranges, how often.
    assert_eq!(
        what("The S&P 500 gained eight points on Monday.", "500"),
        None
    );
    assert!(counts("The Dow fell 232.90 points to 6038.30 on Monday.").is_empty());
    assert_eq!(
        what("The jet will carry between 210 and 330 passengers.", "210"),
        None
    );
    assert!(
        counts("Marcus Hale had scored 30 points in a game only once in his career.").is_empty()
    );
    // A bare number under a verb that does nothing to people.
    assert_eq!(what("The council approved 12 on Tuesday.", "12"), None);
}

#[test]
fn a_sentence_states_a_count_unless_its_numbers_are_dates_or_shares() {
    assert!(states_a_count("About 300 people were evacuated."));
    assert!(states_a_count("Forty-four people died."));
    assert!(!states_a_count("The storm hit on 12 March 2023."));
    assert!(!states_a_count(
        "Turnout was 64 per cent, up from one in 2019."
    ));
}

#[test]
fn a_count_asked_for_or_planned_is_no_count_of_what_is() {
    assert!(counts("The union wants 500 more nurses hired at the hospital.").is_empty());
    assert!(counts("The carmaker plans to cut 1,200 jobs at the plant.").is_empty());
    let c = counts("The carmaker cut 1,200 jobs at the plant.");
    assert_eq!(c.len(), 1, "{c:?}");
    // Prison terms asked for are not the terms imposed.
    let asked = parsed_facts("Prosecutors had asked for a nine-year sentence for Okafor.");
    assert!(
        !asked
            .iter()
            .any(|f| matches!(&f.body, FactBody::Quantity { measure, .. } if measure.what == "prison term")),
        "{asked:?}"
    );
}
