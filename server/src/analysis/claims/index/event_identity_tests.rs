//! Event identity from evidence other than a shared name or place, on
//! small folders written for these tests: a lead quake whose report goes
//! on to the damage it did, a named vessel placed near two islands, and
//! unnamed donors or ministers whose reports share a precise figure; and
//! the events of the kind that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn a_lead_quake_told_with_its_landslide_conflicts_on_its_day_and_a_quake_abroad_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "QUITO, Aug 12 (Reuters) - A magnitude 6.3 earthquake shook the highlands of central Ecuador on Monday, killing at least nine people, the risk management agency said.\n\nSeveral adobe churches collapsed and a landslide buried part of a road near Ambato, officials said.\n",
        ),
        (
            "b.txt",
            "Tuesday 13 August 2024\n\nThe earthquake that struck the province of Tungurahua on Sunday has killed 12 people, Ecuador's risk management agency said on Tuesday.\n",
        ),
        // Two days later in the neighbouring country: another quake.
        (
            "c.txt",
            "LIMA, Aug 14 (AP) - A magnitude 5.2 earthquake struck northern Peru on Wednesday, injuring four people in the city of Piura, two days after a deadly quake in neighbouring Ecuador.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    for x in ["a.txt", "b.txt"] {
        assert!(!any_conflict(&s, x, "c.txt"), "{x}: {k:#?}");
        assert!(!corroborating(&s, x, "c.txt"), "{x}: {}", facts(&s));
    }
}

#[test]
fn a_named_vessel_near_two_islands_conflicts_and_a_boat_on_another_lake_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "KAMPALA, May 3 (Reuters) - At least 17 people drowned when the passenger boat MV Kalangala Pride capsized near Bukasa Island on Lake Victoria on Friday, police said.\n\nThe Kalangala Pride was carrying 90 passengers and bags of charcoal, police spokesman Fred Enanga said.\n",
        ),
        (
            "b.txt",
            "May 4, 2024\n\nDivers recovered more bodies on Saturday after the MV Kalangala Pride capsized near Bufumira Island on Friday evening, Uganda's marine police said.\n",
        ),
        // Three days later on another lake: another boat.
        (
            "c.txt",
            "May 6, 2024\n\nFive fishermen drowned when their boat capsized near Rwenshama on Lake Edward on Sunday, Uganda's police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    for x in ["a.txt", "b.txt"] {
        assert!(!any_conflict(&s, x, "c.txt"), "{x}: {k:#?}");
    }
}

#[test]
fn unnamed_donors_sharing_a_precise_figure_meet_in_one_city_and_another_conference_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "ISLAMABAD, Feb 20 (Reuters) - Donors pledged $265 million on Tuesday to help Pakistan house people driven from their homes by river erosion, at a conference held in Islamabad.\n",
        ),
        (
            "b.txt",
            "LAHORE, Feb 21 (AFP) - The $265 million promised at Tuesday's donor conference in Lahore will house fewer than half of the families who lost their homes, aid groups said on Wednesday.\n",
        ),
        // A week later, another country's conference: other figures.
        (
            "c.txt",
            "KATHMANDU, Feb 27 (Reuters) - Donors pledged $148 million on Tuesday to help Nepal rebuild schools, at a conference held in Kathmandu.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // The conflict says why the two reports are one conference.
    let subjects: Vec<String> = s
        .claims()
        .conflict_pairs()
        .into_iter()
        .filter(|c| c.kind == ConflictKind::EventPlace)
        .map(|c| c.subject)
        .collect();
    assert!(
        subjects.iter().any(|x| x.contains("265 million USD")),
        "{subjects:#?}"
    );
    for x in ["a.txt", "b.txt"] {
        assert!(!any_conflict(&s, x, "c.txt"), "{x}: {k:#?}");
    }
}

#[test]
fn a_round_figure_shared_by_two_conferences_does_not_make_them_one() {
    let s = folder(&[
        (
            "a.txt",
            "NAIROBI, June 4 (Reuters) - Donors pledged $50 million on Tuesday for drought relief in Kenya, at a conference held in Nairobi.\n",
        ),
        (
            "b.txt",
            "MOMBASA, June 5 (AFP) - Donors meeting in Mombasa on Wednesday promised $50 million for Kenya's drought-hit north, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}\n{}", facts(&s));
}
