//! Counts read from the state people are in, the whole they make up and
//! the side of a vote they are on.
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
fn people_under_arrest_or_in_custody_are_arrested() {
    assert_eq!(
        what("The protest ended with 218 people under arrest.", "218"),
        some("arrested")
    );
    assert_eq!(
        what(
            "\"184 of our comrades spent the night in handcuffs,\" a union leader said.",
            "184"
        ),
        some("arrested")
    );
}

#[test]
fn people_on_board_and_the_whole_crew_are_aboard() {
    assert_eq!(
        what("A plane with 186 passengers on board landed safely.", "186"),
        some("aboard")
    );
    assert_eq!(
        what("The plane landed with 182 people on board.", "182"),
        some("aboard")
    );
    assert_eq!(
        what("All 182 people aboard got out.", "182"),
        some("aboard")
    );
    assert_eq!(what("All 22 crew members were safe.", "22"), some("aboard"));
    assert_eq!(
        what(
            "The jet was carrying 176 passengers and a crew of six.",
            "six"
        ),
        some("aboard")
    );
    assert_eq!(what("Its crew of 24 was rescued.", "24"), some("aboard"));
    // The state as the predicate the count is subject of, whoever said so.
    assert_eq!(
        what(
            "Survivors said about 60 people had been on board when the boat left.",
            "60"
        ),
        some("aboard")
    );
    assert_eq!(
        what("Some 60 migrants were aboard the pirogue.", "60"),
        some("aboard")
    );
    // A verb of harm wins over the group.
    assert_eq!(
        what("All 22 crew members were killed.", "22"),
        some("killed")
    );
}

#[test]
fn votes_are_read_by_their_side() {
    assert_eq!(
        what(
            "Parliament confirmed his cabinet by a vote of 79 to 66.",
            "79"
        ),
        some("votes for")
    );
    assert_eq!(
        what(
            "Parliament confirmed his cabinet by a vote of 79 to 66.",
            "66"
        ),
        some("votes against")
    );
    assert_eq!(
        what("The motion passed by 79 votes to 66.", "66"),
        some("votes against")
    );
    assert_eq!(
        what(
            "The cabinet was confirmed by 79 votes in the 151-member parliament.",
            "79"
        ),
        some("votes for")
    );
    assert_eq!(
        what("A total of 81 deputies voted to confirm Ivanov.", "81"),
        some("votes for")
    );
    assert_eq!(
        what(
            "The prime minister won the backing of 79 lawmakers, with 66 voting against.",
            "66"
        ),
        some("votes against")
    );
    assert_eq!(
        what(
            "The prime minister won the backing of 79 lawmakers, with 66 voting against.",
            "79"
        ),
        some("votes for")
    );
}

#[test]
fn a_range_of_numbers_is_no_tally() {
    assert_eq!(
        what("Between 210 and 330 passengers were on the ferry.", "210"),
        None
    );
}

#[test]
fn a_term_behind_bars_is_no_arrest() {
    assert_ne!(
        what(
            "He will effectively serve 10 years behind bars after the court handed him a 15-year sentence.",
            "10"
        ),
        some("arrested")
    );
}

/// (amount as written, measure, low end) of the quantity facts of `t`.
fn counts(t: &str) -> Vec<(String, String, f64)> {
    super::super::parsed_tests::parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            crate::analysis::claims::FactBody::Quantity {
                measure, amount, ..
            } => Some((f.text, measure.what, amount.interval.lo.ceil())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_participle_counts_a_number_in_words_whole() {
    let c = counts(
        "A fire raced up the outside of a tower block in Bradford on Monday, killing two residents and injuring thirty-two.",
    );
    assert!(
        c.iter().any(|(_, w, lo)| w == "injured" && *lo == 32.0),
        "{c:?}"
    );
}

#[test]
fn a_toll_raised_to_or_unchanged_at_a_level_is_of_the_dead() {
    let c =
        counts("A fire in Bradford on Monday has killed a woman, raising the death toll to three.");
    assert!(
        c.iter().any(|(_, w, lo)| w == "killed" && *lo == 3.0),
        "{c:?}"
    );
    let c = counts("After the fire in Bradford on Monday, the death toll was unchanged at two.");
    assert!(
        c.iter().any(|(_, w, lo)| w == "killed" && *lo == 2.0),
        "{c:?}"
    );
}

#[test]
fn a_body_is_counted_by_its_members() {
    assert_eq!(
        what("Rusu will head a cabinet of 16 ministers.", "16"),
        some("members")
    );
    assert_eq!(
        what(
            "Rusu and his 18 ministers were sworn in on Wednesday.",
            "18"
        ),
        some("members")
    );
    // Not any possessor's workers.
    assert_ne!(
        what("The company and its 300 workers were praised.", "300"),
        some("members")
    );
}

#[test]
fn the_second_of_two_counts_keeps_its_own_verb() {
    // "more than 300 have fallen ill": the sick, not the dead of the
    // clause before.
    let t =
        "Seventeen people have died and more than 300 have fallen ill since the outbreak began.";
    assert_eq!(what(t, "300"), some("infected"));
    assert_eq!(what(t, "Seventeen"), some("killed"));
}

#[test]
fn colleagues_and_comrades_are_counted_as_people() {
    let c = counts("A crane collapse in Esenyurt on Tuesday killed four of their colleagues.");
    assert!(
        c.iter().any(|(_, w, lo)| w == "killed" && *lo == 4.0),
        "{c:?}"
    );
    let f = super::super::parsed_tests::parsed_facts(
        "A crane collapse in Esenyurt on Tuesday killed four of their colleagues.",
    );
    assert!(f.iter().all(|f| match &f.body {
        crate::analysis::claims::FactBody::Quantity { amount, .. } => amount.unit != "colleague",
        _ => true,
    }));
}
