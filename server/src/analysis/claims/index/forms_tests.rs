//! Quantities in the forms news writes them that are read as one fact of
//! one event: a pledge in a list whose verb is said once, a price in a
//! nominal form, a prison term and its suspended part, a game's final
//! score, the people aboard a vessel, a quake's depth, a toll two
//! agencies give on one day. Each kind has a near miss that must stay
//! apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn the_second_pair_of_a_list_is_its_own_donors() {
    let s = folder(&[
        (
            "a.txt",
            "May 14, 2025\n\nNorway pledged $40 million and Sweden $18 million to the Sahel food appeal on Wednesday, the World Food Programme said.\n",
        ),
        (
            "b.txt",
            "May 14, 2025\n\nSweden pledged $18 million to the Sahel food appeal on Wednesday, the agency said.\n",
        ),
        (
            "c.txt",
            "May 14, 2025\n\nNorway has pledged $60 million in aid to the Sahel food appeal, the foreign ministry said on Wednesday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{all}"
    );
    // Read alone, Sweden's $18 million was Norway's.
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn a_price_in_a_nominal_form_is_the_deals() {
    let s = folder(&[
        (
            "a.txt",
            "June 18, 2025\n\nBrightmoor AG's planned purchase of Ostrava Logistics for 640 million euros won approval from the European Commission on Wednesday. Brightmoor said the deal would close in July.\n",
        ),
        (
            "b.txt",
            "June 18, 2025\n\nThe European Commission on Wednesday cleared Brightmoor AG's takeover of Ostrava Logistics. Its €720m deal for Ostrava Logistics gives the Hamburg group a foothold in central Europe.\n",
        ),
        (
            "c.txt",
            "June 18, 2025\n\nHalvorsen Group shareholders on Monday endorsed the takeover of Marlow Instruments. The price tag - €720m - is steep.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    // Another target's price of the same amount.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{all}");
    assert!(!corroborating(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn a_prison_term_is_the_whole_and_of_the_person_who_serves_it() {
    let s = folder(&[
        (
            "a.txt",
            "11 November 2025\n\nA Budapest court on Tuesday handed former minister Gabor Varga a 15-year sentence, five of which were suspended. His former chief of staff, Zsolt Kiss, was jailed for 12 years in the same case.\n",
        ),
        (
            "b.txt",
            "11 November 2025\n\nFormer minister Gabor Varga was jailed for 12 years on Tuesday for taking bribes.\n",
        ),
        (
            "c.txt",
            "11 November 2025\n\nThe fifteen-year term handed to Gabor Varga on Tuesday is the heaviest ever given to a minister.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{all}"
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
}

#[test]
fn two_scores_of_one_game_conflict_and_another_game_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "March 15, 2025\n\nThe Dunmore Hawks beat the Karlsby Rams 94-88 on Saturday night.\n",
        ),
        (
            "b.txt",
            "March 16, 2025\n\nKarlsby coach Tom Reyes defended his rotation after Saturday's 94-86 loss to the Dunmore Hawks.\n",
        ),
        (
            "c.txt",
            "15 March 2025\n\nThe Dunmore Hawks edged the Karlsby Rams 94 to 88 on Saturday.\n",
        ),
        (
            "d.txt",
            "March 12, 2025\n\nThe Dunmore Hawks beat the Rovik Pioneers 101-86 on Wednesday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, other, "d.txt"), "{other}\n{all}");
    }
}

#[test]
fn people_aboard_and_a_quakes_depth_are_one_measure_however_written() {
    let s = folder(&[
        (
            "a.txt",
            "Aug 12, 2025\n\nA ferry, the KM Sinar Laut, sank off Buton island in eastern Indonesia on Tuesday with 188 people on board, rescuers said.\n",
        ),
        (
            "b.txt",
            "12 August 2025\n\nA ferry, the KM Sinar Laut, sank off Buton island in eastern Indonesia on Tuesday while carrying 212 passengers, a police chief said.\n",
        ),
        (
            "c.txt",
            "20 February 2025\n\nA magnitude 6.8 earthquake struck southern Peru on Thursday at a depth of 83 kilometres, the U.S. Geological Survey said. A strong aftershock at a depth of 10 km followed.\n",
        ),
        (
            "d.txt",
            "20 February 2025\n\nThe Geophysical Institute of Peru put the depth of Thursday's earthquake in southern Peru at 38 km.\n",
        ),
    ]);
    let all = facts(&s);
    // More passengers than people aboard.
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "c.txt", "d.txt"),
        "{all}"
    );
    // The aftershock's depth is another quake's: only the one conflict.
    let depth: Vec<_> = conflict_texts(&s)
        .into_iter()
        .filter(|c| c.2.contains("10 km") || c.4.contains("10 km"))
        .collect();
    assert!(depth.is_empty(), "{depth:?}\n{all}");
}

#[test]
fn tolls_at_a_time_compare_only_between_reports_of_one_day() {
    let s = folder(&[
        (
            "a.txt",
            "Nov 6, 2025\n\nThe national disaster agency put the death toll from Tropical Storm Kalmaegi at 32 on Thursday.\n",
        ),
        (
            "b.txt",
            "November 6, 2025\n\nThe number of people killed by Tropical Storm Kalmaegi has risen to 23, the Office of Civil Defense said Thursday.\n",
        ),
        (
            "c.txt",
            "November 7, 2025\n\nThe death toll from Tropical Storm Kalmaegi rose to 40 on Friday, the disaster agency said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    // The next day's toll is a later count.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{all}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn a_toll_a_later_report_says_rose_is_no_contradiction_but_an_unexplained_one_is() {
    let earlier = (
        "a.txt",
        "Tue Oct 15, 2019 7:48am BST\n\nTwo people were killed and 23 others were hurt when a fire tore through a residential tower in the Ommoord district of Rotterdam late on Monday, the fire service said.\n",
    );
    let s = folder(&[
        earlier,
        (
            "b.txt",
            "16/10/2019 10:22\n\nA third resident has died after Monday night's fire in the Ommoord tower in Rotterdam, police said. That brings the toll to three dead.\n",
        ),
    ]);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{}", facts(&s));
    // The same later figure with nothing said of a rise disputes the
    // earlier report.
    let s = folder(&[
        earlier,
        (
            "b.txt",
            "16/10/2019 10:22\n\nThree people were killed when a fire tore through a residential tower in the Ommoord district of Rotterdam late on Monday, the fire service said.\n",
        ),
    ]);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{}",
        facts(&s)
    );
}

#[test]
fn a_term_in_years_and_months_is_one_term_and_the_years_an_offence_ran_are_none() {
    let s = folder(&[
        (
            "a.txt",
            "MUNICH, Sept 27, 2022 (Reuters) - A Munich court on Tuesday sentenced the founder of haulage group Kessler Spedition to six years and nine months in prison for evading 38.4 million euros in taxes over eight years.\n",
        ),
        (
            "b.txt",
            "27 September 2022\n\nA court in Munich has handed a prison sentence of six years and nine months to the founder of Kessler Spedition for tax evasion.\n",
        ),
        (
            "c.txt",
            "27 September 2022\n\nA court in Munich has handed a prison sentence of six years and two months to the founder of Kessler Spedition for tax evasion.\n",
        ),
    ]);
    let all = facts(&s);
    // Not "six years" against "over eight years".
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{all}");
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    // Not "six years" = "six years" while the months differ.
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{all}"
    );
}
