//! One story's lead event that reports date a day apart or place apart
//! on one day: its date or place conflicts, and its counts still compare;
//! other events of the kind (of another year, another kind, a week
//! later) stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn a_collapse_dated_a_day_apart_is_one_event_whose_counts_conflict() {
    let s = folder(&[
        (
            "a.txt",
            "Crane collapse\n\nANTWERP, May 14, 2025 - A container crane collapsed at a terminal in Antwerp on Tuesday afternoon, injuring three dock workers, the port authority said.\n\nIn 2019 a crane fell at the port of Rotterdam, killing one worker.\n",
        ),
        (
            "b.txt",
            "Crane comes down\n\nANTWERP, 14 May 2025 - A giant crane came down at a container terminal in Antwerp on Wednesday morning, injuring four workers, police said.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}"
    );
    assert!(
        k.iter()
            .any(|(kind, _, x, _, y)| *kind == ConflictKind::Quantity
                && [x.as_str(), y.as_str()].contains(&"four workers")
                && [x.as_str(), y.as_str()].contains(&"three dock workers")),
        "{k:#?}"
    );
    // The collapse of 2019 is another: its dead are not the injured.
    assert!(
        !k.iter()
            .any(|(_, _, x, _, y)| x == "one worker" || y == "one worker"),
        "{k:#?}"
    );
}

#[test]
fn an_outbreak_declared_the_same_day_in_two_districts_conflicts_on_its_place() {
    let s = folder(&[
        (
            "a.txt",
            "Cholera\n\nLUSAKA, 14 May 2026 - Health officials declared a cholera outbreak in the northern district of Mbala on Monday.\n",
        ),
        (
            "b.txt",
            "Cholera in Zambia\n\nLUSAKA, 14 May 2026 - Health officials declared a cholera outbreak in the lakeside district of Mpulungu on Monday.\n",
        ),
    ]);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{:#?}",
        conflicts(&s)
    );
}

#[test]
fn marches_a_week_apart_in_one_city_are_two() {
    let s = folder(&[
        (
            "a.txt",
            "LISBON, March 16 (Lusa) - Tens of thousands of people marched through central Lisbon on Saturday to protest against soaring rents.\n",
        ),
        (
            "b.txt",
            "LISBON, 9 March 2024 (Lusa) - Around 40,000 teachers marched in Lisbon on Saturday to demand higher pay, the union said.\n",
        ),
    ]);
    assert!(conflicts(&s).is_empty(), "{:#?}", conflicts(&s));
}

#[test]
fn a_march_dated_a_day_apart_conflicts_on_its_day() {
    let s = folder(&[
        (
            "a.txt",
            "We marched\n\n17 May 2026\n\nOn Friday night thousands of us marched through Lisbon.\n",
        ),
        (
            "b.txt",
            "Arrests after march\n\n17 May 2026\n\nPolice arrested more than 120 people on Saturday evening after a march in Lisbon.\n",
        ),
    ]);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{:#?}",
        conflicts(&s)
    );
}
