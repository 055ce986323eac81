//! Sites of one event at towns or villages the gazetteer does not know,
//! and events dated by a night.
use crate::analysis::claims::index::test_folder::*;
use crate::analysis::claims::index::ConflictKind;

#[test]
fn two_unknown_villages_where_one_fire_began_conflict() {
    let s = folder(&[
        (
            "a.txt",
            "HERAKLION, Aug 4, 2025 (Wire) - The fire began near the village of Kato Lefka on Saturday afternoon and spread through pine forest, the fire service said.\n",
        ),
        (
            "b.txt",
            "CHANIA, 4 August 2025 - The blaze started near the village of Ano Rema on Saturday afternoon, fire officials said.\n",
        ),
        (
            "c.txt",
            "HERAKLION, 5 August 2025 - The fire started two kilometres south of Ano Rema on Saturday afternoon, the fire service said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // A place written as a direction from the site is no site.
    assert!(
        !conflicting(&s, ConflictKind::EventPlace, "a.txt", "c.txt"),
        "{k:#?}"
    );
}

#[test]
fn a_district_may_hold_the_town_a_boat_capsized_near() {
    let s = folder(&[
        (
            "a.txt",
            "LAGOS, July 14, 2025 (Wire) - A passenger boat capsized near Tumbe on Sunday, killing twelve people, police said.\n",
        ),
        (
            "b.txt",
            "ABUJA, 14 July 2025 - A passenger boat capsized on the river in Gwari district on Sunday, killing twelve people, police said.\n",
        ),
        (
            "c.txt",
            "ABUJA, 14 July 2025 - A passenger boat capsized near Benko in Ilor Local Government Area on Sunday, killing twelve people.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "c.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}");
}

#[test]
fn two_nights_conflict_and_an_evening_and_a_morning_may_be_one_night() {
    let s = folder(&[
        (
            "a.txt",
            "BRNO, June 9, 2025 (Wire) - A fire destroyed a furniture warehouse in Brno in the night from Friday to Saturday, firefighters said on Sunday.\n",
        ),
        (
            "b.txt",
            "9 June 2025\n\nA fire destroyed a furniture warehouse in Brno during the night from Saturday to Sunday, the fire service said.\n",
        ),
        (
            "c.txt",
            "9 June 2025\n\nThe fire at the furniture warehouse in Brno broke out late on Friday night, a fire service spokesman said.\n",
        ),
        (
            "d.txt",
            "9 June 2025\n\nA fire broke out at a furniture warehouse in Brno early on Saturday, firefighters said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "c.txt", "d.txt"), "{k:#?}");
    assert!(!corroborating(&s, "a.txt", "b.txt"), "{k:#?}");
}
