//! Where an event happened, on small folders written for these tests: a
//! province named after a town, "the province of X", a place hung on a
//! participant, "the <Demonym> capital", and other events of the kind in
//! the same places that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn a_factory_fire_in_another_province_conflicts_and_another_fire_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "Tuesday, March 12, 2024\n\nSix workers were killed when a fire broke out at a footwear factory in Khanh Binh town, Binh Duong province, early on Tuesday, local authorities said.\n",
        ),
        (
            "b.txt",
            "March 12, 2024\n\nHANOI, March 12 (Reuters) - A fire at a shoe factory in Vietnam's southern province of Binh Duong killed six people, state media reported.\n",
        ),
        (
            "c.txt",
            "March 12, 2024\n\nA fire at a footwear factory in Khanh Binh, Dong Nai province, killed six workers early on Tuesday, the provincial People's Committee said.\n",
        ),
        // Six days later, in the province c names: another fire.
        (
            "e.txt",
            "Monday, March 18, 2024\n\nTwo people were killed when a fire broke out at a furniture warehouse in Bien Hoa city, Dong Nai province, on Sunday night, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "c.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(corroborating(&s, "a.txt", "b.txt"), "{}", facts(&s));
    for (x, y) in [("a.txt", "e.txt"), ("b.txt", "e.txt"), ("c.txt", "e.txt")] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
    assert!(!corroborating(&s, "c.txt", "e.txt"), "{}", facts(&s));
}

#[test]
fn a_meeting_in_another_city_conflicts_however_its_place_is_written() {
    let s = folder(&[
        (
            "a.txt",
            "March 13, 2024\n\nKenyan Foreign Minister Alice Wanjiru and her Ugandan counterpart Peter Okello met in Nairobi on Tuesday to discuss a border dispute, officials said.\n",
        ),
        (
            "b.txt",
            "March 13, 2024\n\nKAMPALA (Reuters) - Uganda's foreign minister Peter Okello held talks with Kenyan Foreign Minister Alice Wanjiru in Arusha on Tuesday, the ministry said.\n",
        ),
        (
            "c.txt",
            "March 13, 2024\n\nKenyan Foreign Minister Alice Wanjiru and her Ugandan counterpart Peter Okello met in the Tanzanian capital on Tuesday, officials said.\n\nTanzania moved its government to Dodoma in 2019.\n",
        ),
        // The same minister a week later with someone else: another meeting.
        (
            "e.txt",
            "March 20, 2024\n\nAlice Wanjiru met Tanzanian Foreign Minister Juma Mwinyi in Dodoma on Tuesday to discuss trade, the ministry said.\n",
        ),
    ]);
    let k = conflicts(&s);
    for (x, y) in [("a.txt", "b.txt"), ("a.txt", "c.txt"), ("b.txt", "c.txt")] {
        assert!(
            conflicting(&s, ConflictKind::EventPlace, x, y),
            "{x} {y}: {k:#?}\n{}",
            facts(&s)
        );
    }
    for x in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, x, "e.txt"), "{x}: {k:#?}");
        assert!(!corroborating(&s, x, "e.txt"), "{x}: {}", facts(&s));
    }
}

#[test]
fn who_attended_a_summit_names_it_and_its_city_is_compared() {
    let s = folder(&[
        (
            "a.txt",
            "March 13, 2024\n\nThe summit of East African leaders was held in Kigali on Tuesday, with Kenyan President John Mbeki and Ugandan President Samuel Kato attending.\n",
        ),
        (
            "b.txt",
            "March 13, 2024\n\nKenyan President John Mbeki and Ugandan President Samuel Kato met in Kampala on Tuesday for a summit of East African leaders, officials said.\n",
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
fn a_province_and_the_region_around_it_do_not_conflict() {
    let s = folder(&[
        (
            "c.txt",
            "March 13, 2024\n\nA fire at a textile factory in Soran, Erbil province, killed four workers on Tuesday, officials said.\n",
        ),
        (
            "d.txt",
            "March 13, 2024\n\nFour workers died when a fire broke out at a textile factory in Soran in the Kurdistan region on Tuesday, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(!any_conflict(&s, "c.txt", "d.txt"), "{k:#?}\n{}", facts(&s));
}

#[test]
fn a_meeting_of_two_countries_nobody_names_a_person_of_is_one_event() {
    let s = folder(&[
        (
            "a.txt",
            "Monday, June 1, 2026\n\nThe trade ministers of Colombia and Venezuela met in Cucuta on Monday and agreed to lift tariffs on food, officials said.\n",
        ),
        (
            "b.txt",
            "June 1, 2026\n\nColombia and Venezuela agreed to lift food tariffs. Officials from both countries gathered in Maracaibo on Monday, the Venezuelan government said.\n",
        ),
        (
            "c.txt",
            "June 2, 2026\n\nDelegations from Colombia and Venezuela held talks in Cucuta on Monday on food tariffs.\n",
        ),
        // The countries as demonyms.
        (
            "f.txt",
            "June 1, 2026\n\nColombian and Venezuelan officials met in Maracaibo on Monday and agreed to lift food tariffs.\n",
        ),
        // Other countries, the same day; the same countries a month later.
        (
            "d.txt",
            "June 1, 2026\n\nThe trade ministers of Senegal and Mali met in Thies on Monday to discuss rail freight, officials said.\n",
        ),
        (
            "e.txt",
            "Monday, July 6, 2026\n\nThe trade ministers of Colombia and Venezuela met in Barranquilla on Monday to review the tariff deal, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    for (x, y) in [("a.txt", "b.txt"), ("b.txt", "c.txt")] {
        assert!(
            conflicting(&s, ConflictKind::EventPlace, x, y),
            "{x} {y}: {k:#?}\n{}",
            facts(&s)
        );
    }
    assert!(corroborating(&s, "a.txt", "c.txt"), "{}", facts(&s));
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "f.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    for x in ["a.txt", "b.txt", "c.txt", "f.txt"] {
        for y in ["d.txt", "e.txt"] {
            assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
            assert!(!corroborating(&s, x, y), "{x} {y}: {}", facts(&s));
        }
    }
}

#[test]
fn the_capital_of_a_demonym_is_its_city_though_no_report_names_it() {
    let s = folder(&[
        (
            "a.txt",
            "March 5, 2026\n\nSenegalese President Amadou Diallo and Gambian President Lamin Ceesay met in the Senegalese capital on Thursday to discuss a bridge, officials said.\n",
        ),
        (
            "b.txt",
            "March 5, 2026\n\nAmadou Diallo and Lamin Ceesay met in Thies on Thursday to discuss a new bridge, officials said.\n",
        ),
        (
            "c.txt",
            "March 5, 2026\n\nAmadou Diallo and Lamin Ceesay met in Senegal on Thursday to discuss a bridge, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // The country the capital is in: no contradiction.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
}

#[test]
fn a_suburb_and_its_city_do_not_conflict_a_city_apart_does() {
    let s = folder(&[
        (
            "a.txt",
            "November 3, 2026\n\nA five-storey building collapsed in the Yaba district of Lagos on Tuesday, killing two people, emergency officials said.\n",
        ),
        (
            "b.txt",
            "November 3, 2026\n\nA five-storey building collapsed in Ikeja on Tuesday, killing two people, rescuers said.\n",
        ),
        (
            "c.txt",
            "November 3, 2026\n\nA five-storey building collapsed in Ibadan on Tuesday, killing two people, rescuers said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}\n{}", facts(&s));
    for x in ["a.txt", "b.txt"] {
        assert!(
            conflicting(&s, ConflictKind::EventPlace, x, "c.txt"),
            "{x}: {k:#?}\n{}",
            facts(&s)
        );
    }
}

#[test]
fn the_capital_alone_is_the_capital_of_the_country_the_file_is_about() {
    let s = folder(&[
        (
            "a.txt",
            "November 6, 2026\n\nACCRA, Nov 6 - Ghanaian President Kofi Mensah and opposition leader Ama Owusu met in the capital on Friday to discuss electoral reform, the presidency said. Ghana's electoral commission welcomed the talks.\n",
        ),
        (
            "b.txt",
            "November 6, 2026\n\nKofi Mensah and Ama Owusu met in Kumasi on Friday to discuss electoral reform, their aides said.\n",
        ),
        // No country dominates the file: which capital is unknown.
        (
            "c.txt",
            "November 6, 2026\n\nKofi Mensah and Ama Owusu met in the capital on Friday. Togo, Benin and Ghana sent observers; Togo and Benin praised the talks.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}\n{}", facts(&s));
}

#[test]
fn the_district_on_a_verb_joined_to_the_accident_places_it() {
    let s = folder(&[
        (
            "a.txt",
            "Saturday, August 22, 2026\n\nA truck left the road in Dolakha district and plunged into the Tamakoshi River on Friday, killing five people, police said.\n",
        ),
        (
            "b.txt",
            "August 22, 2026\n\nFive people died when a truck plunged into the Tamakoshi River in Ramechhap district on Friday, police said.\n",
        ),
        // Where the truck had come from is no place of the accident.
        (
            "c.txt",
            "August 22, 2026\n\nThe truck, which had left Kathmandu at dawn, plunged into the Tamakoshi River in Ramechhap district on Friday, killing five people, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}\n{}", facts(&s));
}

#[test]
fn an_accident_in_another_city_a_day_after_one_it_recalls_is_another() {
    let s = folder(&[
        (
            "a.txt",
            "MUMBAI, March 4, 2025 (Reuters) - A fire at a chemical factory in the Turbhe industrial area of Mumbai killed 11 workers on Tuesday, fire officials said.\n",
        ),
        // "<City>'s <X> area" places it in Pune; the factory "a day after"
        // is what the fire it recalls struck.
        (
            "b.txt",
            "PUNE, March 5, 2025 (PTI) - Four workers died when fire broke out at a warehouse in Pune's Bhosari area on Wednesday, a day after a deadly blaze at a Mumbai chemical factory, officials said.\n",
        ),
        (
            "c.txt",
            "LAGOS, June 9, 2025 (AFP) - A four-storey building collapsed in the Ojodu area of Lagos on Monday, killing seven people, emergency officials said.\n",
        ),
        (
            "d.txt",
            "IBADAN, June 10, 2025 (AP) - Two people were killed when a three-storey building collapsed in Ibadan's Bodija neighbourhood on Tuesday, a day after a similar collapse in Lagos, rescuers said.\n",
        ),
        // Near miss: the same city, the same day, another toll.
        (
            "e.txt",
            "June 9, 2025\n\nA four-storey building collapsed in Lagos on Monday, killing five people, rescuers said.\n",
        ),
    ]);
    let k = conflicts(&s);
    for (x, y) in [("a.txt", "b.txt"), ("c.txt", "d.txt"), ("d.txt", "e.txt")] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}\n{}", facts(&s));
    }
    assert!(
        conflicting(&s, ConflictKind::Quantity, "c.txt", "e.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
}
