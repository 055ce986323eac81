//! Sites of one event at towns or villages the gazetteer does not know,
//! courts' towns, and events dated by a night, on the when13-* folders of
//! claims-dev2.
use crate::analysis::claims::index::test_folder::*;
use crate::analysis::claims::index::ConflictKind;

macro_rules! corpus {
    ($dir:literal, $file:literal) => {
        (
            $file,
            include_str!(concat!(
                "../../../../../tests/corpora/claims-dev2/",
                $dir,
                "/",
                $file
            )),
        )
    };
}

#[test]
fn two_unknown_villages_where_one_fire_began_conflict() {
    let s = folder(&[
        corpus!("when13-fire-villages", "a_wire.txt"),
        corpus!("when13-fire-villages", "b_news.txt"),
        corpus!("when13-fire-villages", "c_local.txt"),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a_wire.txt", "b_news.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // A place written as a direction from the site is no site.
    assert!(!any_conflict(&s, "a_wire.txt", "c_local.txt"), "{k:#?}");
}

#[test]
fn a_district_may_hold_the_town_a_boat_capsized_near() {
    let s = folder(&[
        corpus!("when13-capsize-villages", "a_wire.txt"),
        corpus!("when13-capsize-villages", "b_news.txt"),
        corpus!("when13-capsize-villages", "c_daily.txt"),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a_wire.txt", "c_daily.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "a_wire.txt", "b_news.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b_news.txt", "c_daily.txt"), "{k:#?}");
}

#[test]
fn a_storm_is_placed_by_its_landfall_not_where_it_went() {
    let s = folder(&[
        corpus!("when13-typhoon-landfall", "a_wire.txt"),
        corpus!("when13-typhoon-landfall", "b_news.txt"),
        corpus!("when13-typhoon-landfall", "c_daily.txt"),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a_wire.txt", "b_news.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "b_news.txt", "c_daily.txt"), "{k:#?}");
    assert_eq!(k.len(), 1, "{k:#?}");
}

#[test]
fn two_nights_conflict_and_an_evening_and_a_morning_may_be_one_night() {
    let s = folder(&[
        corpus!("when13-night-warehouse", "a_wire.txt"),
        corpus!("when13-night-warehouse", "b_news.txt"),
        corpus!("when13-night-warehouse", "c_local.txt"),
        corpus!("when13-night-warehouse", "d_radio.txt"),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a_wire.txt", "b_news.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "c_local.txt", "d_radio.txt"), "{k:#?}");
}

#[test]
fn the_town_in_a_courts_name_is_where_it_sentenced() {
    let s = folder(&[
        (
            "a.txt",
            "Mayor jailed\n\n6 May 2025\n\nA court in Bucharest on Tuesday sentenced Ion Pavel to five years in prison for bribery.\n",
        ),
        (
            "b.txt",
            "Mayor jailed\n\n6 May 2025\n\nThe Brasov Court of Appeal on Tuesday sentenced Ion Pavel to five years in prison for bribery.\n",
        ),
        (
            "c.txt",
            "Mayor jailed\n\n6 May 2025\n\nThe Supreme Court on Tuesday sentenced Ion Pavel to five years in prison for bribery.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
}

#[test]
fn a_river_or_a_state_is_no_settlement_against_a_village_near_it() {
    // One report names the river and the state the boat went down in,
    // then the village it capsized near: a river holds the village.
    let s = folder(&[(
        "a.txt",
        "JALINGO, Nigeria, July 8, 2021 - A boat carrying 70 passengers capsized on the River Benue in Taraba State on Wednesday, killing at least 21 people.\n\nThe death toll in Wednesday's boat accident on the River Benue in Taraba State has risen to 21, the state government has said.\n\nThe agency's head told our correspondent on Thursday that 70 passengers were on the boat when it capsized near Odolu.\n",
    )]);
    assert!(
        !conflicting(&s, ConflictKind::EventPlace, "a.txt", "a.txt"),
        "{:#?}",
        conflicts(&s)
    );
}
