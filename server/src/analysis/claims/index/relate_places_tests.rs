//! Event places compared on small folders: parts of one city, towns an
//! accident happened near, and the places of a meeting or a pledge given
//! through what it produced.
use crate::analysis::claims::index::test_folder::*;
use crate::analysis::claims::index::ConflictKind;

#[test]
fn two_parts_of_one_city_conflict_and_a_part_agrees_with_its_city() {
    let s = folder(&[
        (
            "a.txt",
            "May 6, 2025\n\nA fire broke out at a textile mill in the Landhi industrial area of Karachi on Monday, killing nine workers, officials said.\n",
        ),
        (
            "b.txt",
            "May 6, 2025\n\nNine workers died on Monday when a fire broke out at a textile mill in Karachi's Orangi area, rescue officials said.\n",
        ),
        (
            "c.txt",
            "May 6, 2025\n\nA fire at a textile mill in Karachi killed nine workers on Monday, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    for (x, y) in [("a.txt", "c.txt"), ("b.txt", "c.txt")] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn towns_far_apart_cannot_both_be_near_an_accident() {
    let s = folder(&[
        (
            "a.txt",
            "July 7, 2025\n\nA freight train derailed near Ploiesti on Monday, spilling fuel, the railway company said.\n",
        ),
        (
            "b.txt",
            "July 7, 2025\n\nA freight train derailed near Brasov on Monday, spilling fuel, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
}

#[test]
fn the_talks_after_which_ministers_agreed_place_their_meeting() {
    let s = folder(&[
        (
            "a.txt",
            "October 22, 2025\n\nEU agriculture ministers met in Luxembourg on Wednesday and agreed to cut cod quotas, the presidency said.\n",
        ),
        (
            "b.txt",
            "October 23, 2025\n\nThe European Union's agriculture ministers agreed on Wednesday to cut cod quotas after talks in Brussels, a diplomat said.\n",
        ),
        // Talks of their own time are another meeting.
        (
            "c.txt",
            "October 23, 2025\n\nEU agriculture ministers agreed on Wednesday to cut cod quotas, weeks after talks last month in Brussels had failed, a diplomat said.\n",
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
fn a_part_named_by_an_acronym_is_a_place_not_a_party() {
    // "MIDC" is taken for an organisation: it must not make the fire one
    // with a participant, which reports naming nobody are never compared
    // with.
    let s = folder(&[
        (
            "a.txt",
            "March 11, 2025\n\nA fire at a chemical factory in the MIDC industrial area of Pune killed six workers on Tuesday, officials said.\n",
        ),
        (
            "b.txt",
            "March 11, 2025\n\nSix workers were killed when a fire broke out at a chemical factory in Pune's Hadapsar area on Tuesday, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
}

#[test]
fn ministers_of_countries_meeting_in_a_city_and_talks_hung_on_an_object() {
    let s = folder(&[
        (
            "a.txt",
            "June 12, 2025\n\nRIGA (Reuters) - Defence ministers of Estonia, Latvia and Lithuania, meeting in Riga on Thursday, agreed to build a joint ammunition plant, officials said.\n",
        ),
        (
            "b.txt",
            "June 12, 2025\n\nThe defence ministers of Estonia, Latvia and Lithuania agreed on Thursday to build a joint ammunition plant after talks in Tallinn, the Estonian defence ministry said.\n",
        ),
        // The same ministers a month later: another meeting.
        (
            "c.txt",
            "July 10, 2025\n\nThe defence ministers of Estonia, Latvia and Lithuania met in Vilnius on Thursday to discuss air defence, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    for (x, y) in [("a.txt", "c.txt"), ("b.txt", "c.txt")] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn a_region_named_after_its_capital_is_compared_by_division() {
    let s = folder(&[
        (
            "a.txt",
            "March 16, 2026\n\nA bus plunged into a gorge in the Puno region on Sunday, killing 17 people, police said.\n",
        ),
        (
            "b.txt",
            "March 16, 2026\n\nSeventeen people were killed when a bus fell into a ravine near Juliaca on Sunday, officials said.\n",
        ),
        (
            "c.txt",
            "March 16, 2026\n\nA bus plunged off a mountain road in the southern region of Cusco on Sunday, killing 17 people, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    // Juliaca lies in the Puno region, 37 km from Puno itself: the region,
    // not the city, is what a report said.
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}\n{}", facts(&s));
    for other in ["a.txt", "b.txt"] {
        assert!(
            conflicting(&s, ConflictKind::EventPlace, "c.txt", other),
            "{other}: {k:#?}\n{}",
            facts(&s)
        );
    }
}

#[test]
fn deaths_at_a_named_shaft_place_an_accident() {
    let s = folder(&[
        (
            "a.txt",
            "June 9, 2026\n\nNine miners were killed on Tuesday when a cage plunged down the Thabazimbi shaft outside Carletonville, the owner said.\n",
        ),
        (
            "b.txt",
            "June 10, 2026\n\nThe union demanded an inquiry after nine workers were killed at the Thabazimbi shaft in Rustenburg on Tuesday.\n",
        ),
        (
            "c.txt",
            "June 10, 2026\n\nThe injured were taken to a hospital in Klerksdorp, and the dead came from Mthatha, the union said on Tuesday.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // Hospitals and home towns are no places of the accident.
    for x in ["a.txt", "b.txt"] {
        assert!(!any_conflict(&s, x, "c.txt"), "{x}: {k:#?}");
    }
}
