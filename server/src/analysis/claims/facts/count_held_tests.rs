//! Counts read from the state after their subject, seats held and a
//! team's record.
use super::super::count_reading::{number_group, read_count};

/// The measure the parse reads for the number written `n` in `t`.
fn what(t: &str, n: &str) -> Option<String> {
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    let i = (0..p.len()).find(|&i| p.tokens[i].form == n)?;
    let (_, _, head) = number_group(&p, i);
    read_count(&p, head).map(|r| r.what)
}

fn some(w: &str) -> Option<String> {
    Some(w.to_string())
}

#[test]
fn people_held_where_they_are_are_trapped() {
    assert_eq!(
        what("Twelve miners remain blocked underground.", "Twelve"),
        some("trapped")
    );
    assert_eq!(
        what(
            "A roof collapse killed two miners on Tuesday, leaving 13 of their colleagues trapped underground.",
            "13"
        ),
        some("trapped")
    );
}

#[test]
fn people_on_shift_or_underground_when_it_struck_are_at_work() {
    assert_eq!(
        what("A total of 34 workers were on the night shift.", "34"),
        some("at work")
    );
    assert_eq!(
        what(
            "37 workers had been underground when the roof collapsed.",
            "37"
        ),
        some("at work")
    );
}

#[test]
fn people_on_a_boat_are_aboard() {
    assert_eq!(
        what("86 passengers were on the boat when it capsized.", "86"),
        some("aboard")
    );
}

#[test]
fn councillors_won_or_kept_are_seats() {
    assert_eq!(
        what("The Liberals secured six councillors.", "six"),
        some("seats")
    );
    assert_eq!(
        what("Labour kept the six councillors it had.", "six"),
        some("seats")
    );
    // Councillors arrested are no seats.
    assert_ne!(
        what("Police arrested six councillors.", "six"),
        some("seats")
    );
}

#[test]
fn a_record_counts_wins_draws_and_losses() {
    let t = "In 12 qualifiers, they won three, drew four and lost five.";
    assert_eq!(what(t, "12"), some("played"));
    assert_eq!(what(t, "three"), some("wins"));
    assert_eq!(what(t, "four"), some("draws"));
    assert_eq!(what(t, "five"), some("losses"));
    let t = "The team won two of its twelve qualifying matches, drawing four and losing six.";
    assert_eq!(what(t, "two"), some("wins"));
    assert_eq!(what(t, "six"), some("losses"));
    let t = "Their record was two wins, four draws and six defeats.";
    assert_eq!(what(t, "four"), some("draws"));
    // One verb of winning alone is no record.
    assert_ne!(what("The party won three.", "three"), some("wins"));
}

#[test]
fn one_days_part_of_a_total_names_no_frame() {
    assert_eq!(
        what("The carrier has scrapped 412 flights.", "412"),
        some("cancelled")
    );
    assert_ne!(
        what(
            "It grounded 138 flights on the first day of the storm.",
            "138"
        ),
        some("cancelled")
    );
}

#[test]
fn things_stolen_and_batches_recalled() {
    assert_eq!(
        what("Thieves stole six works from the gallery.", "six"),
        some("stolen")
    );
    assert_eq!(
        what("The theft of five paintings shocked the city.", "five"),
        some("stolen")
    );
    assert_eq!(
        what(
            "The company announced a recall of 38 batches of its tablet.",
            "38"
        ),
        some("recalled")
    );
    assert_eq!(
        what(
            "The regulator listed 28 batches of tablets that the company recalled on Tuesday.",
            "28"
        ),
        some("recalled")
    );
}

#[test]
fn a_participle_after_a_left_count_is_its_state_wherever_it_hangs() {
    assert_eq!(
        what(
            "A roof collapse at the Bielszowice Deep coal mine near Katowice killed two miners on Tuesday, leaving 13 of their colleagues trapped underground, the mine's operator said.",
            "13"
        ),
        some("trapped")
    );
}

#[test]
fn a_whole_takes_the_clause_on_its_noun_and_the_part_does_not() {
    let t = "Police recovered nine of the 14 paintings stolen from the museum.";
    assert_eq!(what(t, "14"), some("stolen"));
    assert_ne!(what(t, "nine"), some("stolen"));
    assert_eq!(
        what(
            "Seven paintings, among them two works by James Ensor, were stolen from the museum.",
            "Seven"
        ),
        some("stolen")
    );
}
