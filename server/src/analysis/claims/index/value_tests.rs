//! Values of one frame written in the word orders news uses: an
//! acquisition's price, an organisation's seat, the people a data breach
//! reached, the aid a donor gives one country. Each kind has a near miss
//! that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn a_price_including_debt_is_the_whole_price_of_the_deal() {
    let s = folder(&[
        (
            "a.txt",
            "LONDON, March 4, 2025 (Wirewire) - Harlow Foods has agreed to acquire Bexley Dairies for $1.4 billion including debt, the companies said on Tuesday.\n",
        ),
        (
            "b.txt",
            "March 5, 2025\n\nHarlow Foods has agreed to buy Bexley Dairies for $1.9bn, a spokesman said.\n",
        ),
        (
            "c.txt",
            "March 4, 2025\n\nBexley Dairies is being sold to Harlow Foods for US$1.4bn, the dairy group said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
}

#[test]
fn an_organisation_seated_in_two_cities_conflicts() {
    let s = folder(&[
        (
            "a.txt",
            "DETROIT, May 2, 2025 - Tollend Motors, a Lansing-based maker of electric trucks, said on Friday it would hire 300 workers.\n",
        ),
        (
            "b.txt",
            "May 2, 2025\n\nTollend Motors, which has its headquarters in Toledo, said on Friday it would hire 300 workers.\n",
        ),
        (
            "c.txt",
            "May 3, 2025\n\nToledo's Tollend Motors said on Friday it would add a second shift.\n",
        ),
        (
            "d.txt",
            "May 3, 2025\n\nTollend Motors, headquartered in Lansing in Ingham County, says the plant will open next year.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::Location, "c.txt", "d.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(corroborating(&s, "b.txt", "c.txt"), "{all}");
    assert!(corroborating(&s, "a.txt", "d.txt"), "{all}");
}

#[test]
fn a_country_in_the_possessive_places_no_organisation() {
    // "France's Verrane" says the company is French, not where it sits;
    // an office elsewhere is no seat.
    let s = folder(&[
        (
            "a.txt",
            "May 2, 2025\n\nFrance's Verrane Group said on Friday it would close a plant.\n",
        ),
        (
            "b.txt",
            "May 2, 2025\n\nVerrane Group, which has an office in Toledo, said on Friday it would close a plant.\n",
        ),
        (
            "c.txt",
            "May 2, 2025\n\nLyon-based Verrane Group said on Friday it would close a plant.\n",
        ),
        (
            // A capital for its government, dealing with an alliance.
            "d.txt",
            "May 2, 2025\n\nKyiv's NATO allies met on Friday. Kyiv's Atlantic Alliance partners agreed. Kyiv's Defence Ministry said so.\n",
        ),
        (
            "e.txt",
            "May 2, 2025\n\nNATO, headquartered in Brussels, said on Friday it would meet. The Atlantic Alliance, which has its headquarters in Brussels, agreed. Moscow's Defence Ministry denied it.\n",
        ),
    ]);
    assert!(
        conflicts(&s).is_empty(),
        "{:?}\n{}",
        conflicts(&s),
        facts(&s)
    );
}

#[test]
fn headquarters_and_based_in_name_one_seat() {
    let s = folder(&[
        (
            "a.txt",
            "May 2, 2025\n\nTollend Motors has its headquarters in Toledo, the company said on Friday.\n",
        ),
        (
            "b.txt",
            "May 2, 2025\n\nLansing-based Tollend Motors said on Friday it would hire 300 workers.\n",
        ),
        (
            "c.txt",
            "May 2, 2025\n\nTollend Motors said its research centre in Lansing would hire 300 workers.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // A centre of the company is not its seat.
    assert!(
        !conflicting(&s, ConflictKind::Location, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn the_people_a_data_breach_reached_are_one_count_however_named() {
    let s = folder(&[
        (
            "a.txt",
            "May 2, 2025\n\nNearly 5.4m customers of Corvel Energy have had their personal details stolen in a cyber-attack, the company has confirmed.\n",
        ),
        (
            "b.txt",
            "May 2, 2025\n\nThe records of 3.1 million customers of Corvel Energy were exposed, the company said.\n",
        ),
        (
            "c.txt",
            "May 3, 2025\n\nMore than five million people have been affected by a data breach at Corvel Energy, the regulator said.\n",
        ),
        (
            // Customers served, no breach: another measure.
            "d.txt",
            "May 2, 2025\n\nCorvel Energy, which has 3.1 million customers, said its prices would rise.\n",
        ),
        (
            // Another company's breach.
            "e.txt",
            "May 2, 2025\n\nHackers accessed the names of 3.1 million customers of Brindle Water, the company said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // "More than five million" holds 5.4 million, not 3.1 million.
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    for other in ["d.txt", "e.txt", "f.txt"] {
        assert!(
            !conflicts(&s).iter().any(|k| k.1 == other || k.2 == other),
            "{other}: {:?}\n{all}",
            conflicts(&s)
        );
    }
}

#[test]
fn aid_of_one_donor_to_one_country_is_one_measure_however_named() {
    let s = folder(&[
        (
            "a.txt",
            "BRUSSELS, April 2, 2025 - The European Union announced €45 million in emergency aid for Malawi on Wednesday, the Commission said.\n",
        ),
        (
            "b.txt",
            "April 2, 2025\n\nThe European Union announced EUR 54 million in aid for Malawi on Wednesday, officials said.\n",
        ),
        (
            "c.txt",
            "April 2, 2025\n\nThe European Union committed EUR 45m in new humanitarian funding for Malawi, officials said.\n",
        ),
        (
            // Another country.
            "d.txt",
            "April 2, 2025\n\nThe European Union announced EUR 20 million in aid for Zambia on Wednesday, officials said.\n",
        ),
        (
            // Another kind of aid.
            "e.txt",
            "April 2, 2025\n\nThe European Union announced EUR 30 million in military aid for Malawi on Wednesday, officials said.\n",
        ),
        (
            // A past tranche: last year's aid, not this week's.
            "f.txt",
            "April 2, 2025\n\nThe European Union gave €38 million in humanitarian aid to Malawi last year, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    for other in ["d.txt", "e.txt"] {
        assert!(
            !conflicts(&s).iter().any(|k| k.1 == other || k.2 == other),
            "{other}: {:?}\n{all}",
            conflicts(&s)
        );
    }
}

#[test]
fn a_contract_is_priced_in_the_dollars_of_its_country_and_kept_to_its_object() {
    let s = folder(&[
        (
            "a.txt",
            "OTTAWA, March 3, 2025 - The Canadian government plans to award a $200-million contract for 40 vehicles to Ridgeway Defence, officials said.\n",
        ),
        (
            "b.txt",
            "March 3, 2025\n\nRidgeway Defence said it won a contract valued at C$200MM (approximately US$165 million) for 40 vehicles.\n",
        ),
        (
            "c.txt",
            "OTTAWA, March 4, 2025 - The Canadian government approved a $260-million deal with Ridgeway Defence for 40 vehicles, officials said.\n",
        ),
        (
            // Another contract of the company: radios, not vehicles.
            "d.txt",
            "OTTAWA, March 3, 2025 - The Canadian government awarded a $90-million contract for 300 radios to Ridgeway Defence, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // C$200MM is the Canadian article's $200 million, not its US$165 million.
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    for other in ["d.txt", "e.txt"] {
        assert!(
            !conflicts(&s).iter().any(|k| k.1 == other || k.2 == other),
            "{other}: {:?}\n{all}",
            conflicts(&s)
        );
    }
    // "scored twice" in two games is no agreement either.
    assert!(!corroborating(&s, "b.txt", "e.txt"), "{all}");
}

#[test]
fn a_fine_of_someone_unnamed_is_not_the_companys_fine() {
    let s = folder(&[
        (
            "a.txt",
            "LYON, March 6, 2025 - A court in Lyon on Thursday fined the haulier Verlane Transport €250,000 for a chemical spill. The lorry's driver received a suspended sentence and a €15,000 fine.\n",
        ),
        (
            "b.txt",
            "March 7, 2025\n\nVerlane Transport was fined €400,000 by the Lyon criminal court on Thursday for the spill.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // One conflict, the company's: the driver's fine is not compared.
    let n = conflicts(&s)
        .iter()
        .filter(|k| k.0 == ConflictKind::Quantity)
        .count();
    assert_eq!(n, 1, "{:?}\n{all}", conflicts(&s));
}

#[test]
fn a_bare_dollar_outside_a_dollar_country_is_no_canadian_dollar() {
    let s = folder(&[
        (
            "a.txt",
            "WASHINGTON, March 3, 2025 - The Pentagon plans to award a $200-million contract for 40 vehicles to Ridgeway Defence, officials said.\n",
        ),
        (
            "b.txt",
            "March 3, 2025\n\nRidgeway Defence said it won a contract valued at C$260MM for 40 vehicles.\n",
        ),
    ]);
    assert!(
        conflicts(&s).is_empty(),
        "{:?}\n{}",
        conflicts(&s),
        facts(&s)
    );
}

#[test]
fn a_new_office_holder_conflicts_with_another_named_after_the_start_only() {
    let s = folder(&[
        (
            "a.txt",
            "LILONGWE, June 3, 2025 - Malawi's parliament on Tuesday confirmed Chikondi Banda, a 51-year-old epidemiologist, as health minister, the speaker said.\n",
        ),
        (
            "b.txt",
            "June 4, 2025\n\nMalawi's health minister, Joseph Mwale, on Wednesday announced a cholera vaccination campaign.\n",
        ),
        (
            // The predecessor, named before the appointment.
            "c.txt",
            "June 1, 2025\n\nMalawi's health minister, Peter Phiri, on Sunday visited Zomba.\n",
        ),
        (
            // Past, acting and deputy holders are not the holder.
            "d.txt",
            "June 4, 2025\n\nFormer health minister Peter Phiri, Malawi's acting health minister Ruth Kachali and deputy health minister Alice Tembo visited Zomba.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !conflicting(&s, ConflictKind::RoleHolder, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !conflicts(&s)
            .iter()
            .any(|k| k.1 == "d.txt" || k.2 == "d.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn a_minister_called_new_who_took_office_is_the_holder_from_then() {
    let s = folder(&[
        (
            "a.txt",
            "ZAGREB, January 17, 2023 - Croatia's Economy Minister Davor Horvat said on Tuesday the gas deals were lawful.\n",
        ),
        (
            "b.txt",
            "ZAGREB, January 20, 2023 - New Economy Minister Petra Šimić took office on Friday, pledging a review of the gas deals.\n",
        ),
        (
            "c.txt",
            "ZAGREB, January 21, 2023 - Croatia's economy minister, Ivan Kos, said on Saturday the review would take a month.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        !conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn a_players_goals_in_one_game_are_one_count_in_words_or_figures() {
    let s = folder(&[
        (
            "a.txt",
            "May 4, 2025\n\nTom Ashby scored three goals as Kelso Rovers beat Dunmore City 5-2 on Saturday, the club said.\n",
        ),
        (
            "b.txt",
            "May 4, 2025\n\nTom Ashby scored twice and set up another goal as Kelso Rovers beat Dunmore City 5-2 on Saturday, the club said.\n",
        ),
        (
            "c.txt",
            "May 4, 2025\n\nTom Ashby completed a hat-trick as Kelso Rovers beat Dunmore City 5-2 on Saturday, the club said.\n",
        ),
        (
            // A season's goals are another count.
            "d.txt",
            "May 4, 2025\n\nTom Ashby has scored 20 goals this season, the club said.\n",
        ),
        (
            // Another game, on another day.
            "e.txt",
            "May 4, 2025\n\nTom Ashby scored twice for Kelso Rovers in a 3-3 draw against Harlow Town on Wednesday, the club said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    assert!(
        !conflicts(&s)
            .iter()
            .any(|k| k.1 == "d.txt" || k.2 == "d.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn one_donors_aid_to_one_country_conflicts_however_the_recipient_is_written() {
    let s = folder(&[
        (
            "a.txt",
            "March 3, 2025\n\nBritain on Monday pledged $50m in humanitarian aid to Nepal after the floods, the Foreign Office said.\n",
        ),
        (
            "b.txt",
            "March 3, 2025\n\nThe UK government pledged $15m in aid for flood victims in Nepal, officials said on Monday.\n",
        ),
        (
            "c.txt",
            "March 3, 2025\n\nIndia on Monday pledged $50m in aid to Nepal for flood relief, its foreign ministry said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // Another donor's aid of the same amount: neither agrees nor conflicts.
    assert!(!corroborating(&s, "a.txt", "c.txt"), "{all}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn a_round_amount_and_another_near_it_do_not_agree() {
    let s = folder(&[
        (
            "a.txt",
            "June 12, 2024\n\nThe World Bank approved a $300 million grant for Malawi on Wednesday to rebuild roads damaged by the cyclone.\n",
        ),
        (
            "b.txt",
            "June 12, 2024\n\nThe World Bank has approved a grant of $350 million to Malawi, the bank said on Wednesday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(!corroborating(&s, "a.txt", "b.txt"), "{all}");
}

#[test]
fn casualty_counts_of_one_sinking_bare_or_of_passengers() {
    let s = folder(&[
        (
            "a.txt",
            "October 3, 2024\n\nAn overloaded passenger ferry capsized on Lake Victoria near Bukoba on Thursday, killing 31 people and injuring 14, police said.\n",
        ),
        (
            "b.txt",
            "October 3, 2024\n\nFourteen passengers were injured when the launch sank near Bukoba on Thursday, police said.\n",
        ),
        (
            "c.txt",
            "October 3, 2024\n\nTwenty-four people were killed when the ferry capsized in Lake Victoria near Bukoba on Thursday, police said.\n",
        ),
        (
            "d.txt",
            "October 4, 2024\n\nThe death toll from the sinking of a ferry on Lake Victoria near Bukoba has risen to 38, regional officials said on Friday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // A toll that has risen since is a later count.
    assert!(!any_conflict(&s, "a.txt", "d.txt"), "{all}");
    assert!(!any_conflict(&s, "c.txt", "d.txt"), "{all}");
}

#[test]
fn aid_whose_donor_is_unnamed_is_not_another_donors() {
    let s = folder(&[
        (
            "a.txt",
            "June 12, 2024\n\nThe British government will provide €30 million in humanitarian aid to Sudan, a spokesman said on Wednesday.\n",
        ),
        (
            "b.txt",
            "June 12, 2024\n\nGermany pledged €45 million in humanitarian aid to Sudan on Wednesday, the foreign ministry said.\n",
        ),
        (
            "c.txt",
            "June 12, 2024\n\nThe German government will provide €45 million in humanitarian aid to Sudan, a spokesman said on Wednesday.\n\nGermany has given Sudan aid since the war began.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{all}");
    // "The German government" is Germany where the file names it.
    assert!(corroborating(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn amounts_a_thousandfold_apart_are_of_two_things() {
    // A company's value against a share's price; a count against the
    // same count in thousands. A planted difference stays comparable.
    use super::quantities::orders_apart;
    assert!(orders_apart((20.0, 24.0), (4.55e9, 4.65e9)));
    assert!(orders_apart((4.55e9, 4.65e9), (22.5, 23.5)));
    assert!(orders_apart((4.0, 4.0), (4200.0, 4200.0)));
    assert!(!orders_apart((4100.0, 4100.0), (1400.0, 1400.0)));
    assert!(!orders_apart((4.0, 4.0), (400.0, 400.0)));
    assert!(!orders_apart((0.0, 0.0), (12.0, 12.0)));
}
