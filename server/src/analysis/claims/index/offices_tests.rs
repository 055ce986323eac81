//! Offices across a folder: a shorter title for the office a fuller one
//! names, the organisation another report states for the same person,
//! and a former holder named beside the present one.
use super::super::test_folder::{
    any_conflict, conflict_texts, conflicting, corroborating, facts, folder,
};
use super::super::ConflictKind;
use super::fuller_title;

#[test]
fn a_shorter_title_names_the_one_fuller_office_of_its_country() {
    let titles: Vec<String> = [
        "sanitation water minister",
        "water minister",
        "energy minister",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        fuller_title("water minister", &titles).as_deref(),
        Some("sanitation water minister")
    );
    assert_eq!(fuller_title("energy minister", &titles), None);
    // Two fuller offices: which is meant is unknown.
    let two: Vec<String> = [
        "sanitation water minister",
        "resources water minister",
        "water minister",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(fuller_title("water minister", &two), None);
    // An office of its own name is not the longer one.
    let foreign: Vec<String> = ["foreign minister", "foreign trade minister"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(fuller_title("foreign minister", &foreign), None);
}

#[test]
fn one_office_two_holders_on_one_day_in_long_and_short_titles() {
    let s = folder(&[
        (
            "a.txt",
            "LUSAKA, March 8, 2023 (Reuters) - Zambia's Minister of Water and Sanitation, Chanda Mwale, who chaired the meeting, said the pact would help farmers.\n",
        ),
        (
            "b.txt",
            "March 8, 2023\n\nWater minister Chanda Mwale told journalists that the pact was practical. Mwale's predecessor, former water minister Grace Zulu, had proposed it in 2019. Delegates came from Angola, Malawi and Botswana.\n",
        ),
        (
            "c.txt",
            "March 9, 2023\n\nZambia's water minister Chanda Mwale described the agreement as a turning point.\n",
        ),
        (
            "d.txt",
            "March 9, 2023\n\nThe meeting was opened by Zambia's water and sanitation minister, Mutale Sichinga, who urged delegates to share data.\n",
        ),
        (
            "e.txt",
            "March 9, 2023\n\nMalawi's water minister, Esther Phiri, said Malawi would connect 40 stations. Zambia's energy minister, Peter Lungu, said Kariba would benefit.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(
            conflicting(&s, ConflictKind::RoleHolder, "d.txt", other),
            "d vs {other}: {k:#?}\n{all}"
        );
    }
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    // Another country's water minister, another ministry, a former holder.
    for other in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        assert!(!any_conflict(&s, "e.txt", other), "{k:#?}");
    }
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}");
}

#[test]
fn an_appointment_starts_the_holding_that_another_report_contradicts() {
    let s = folder(&[
        (
            "a.txt",
            "Tuesday, November 23, 2021\n\nLithuania's parliament on Tuesday approved surgeon Dr Rasa Vaitkiene as health minister. Outgoing health minister Darius Baranauskas said on Monday that he would teach again.\n",
        ),
        (
            "b.txt",
            "24 November 2021\n\nLithuania's new health minister, Rasa Vaitkiene, takes over a ministry that has overspent.\n",
        ),
        (
            "c.txt",
            "November 24, 2021\n\nLithuania's health minister, Tomas Petrauskas, on Wednesday announced that planned operations would resume. Latvia's health minister, Ilze Berzina, said Latvia would wait.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "c.txt"),
        "{k:#?}\n{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "b.txt", "c.txt"),
        "{k:#?}\n{all}"
    );
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert_eq!(
        k.len(),
        2,
        "the predecessor and Latvia's minister conflict with nobody: {k:#?}"
    );
}

#[test]
fn two_appointments_to_one_office_in_one_week_conflict_and_a_later_one_succeeds() {
    let s = folder(&[
        (
            "a.txt",
            "January 19, 2023\n\nCroatia's parliament on Thursday confirmed Ivana Markovic, a 44-year-old energy economist, as economy minister.\n",
        ),
        (
            "b.txt",
            "January 20, 2023\n\nNew Economy Minister Petra Simic took office on Friday in Zagreb, Croatia, pledging a review of the gas deals.\n",
        ),
        (
            "c.txt",
            "March 20, 2023\n\nNew Economy Minister Marta Kovac took office on Monday in Zagreb, Croatia, after her predecessor resigned.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    // Two months later: a successor, not a contradiction.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}");
}

#[test]
fn a_company_s_finance_chief_called_its_chief_executive_conflicts_but_two_offices_do_not() {
    let s = folder(&[
        (
            "a.txt",
            "OSLO, June 3, 2024 (Reuters) - Halvorsen Shipping said on Monday profit fell. Halvorsen Shipping chief executive Erik Brun said rates had peaked. Finance chief Ingrid Solberg said costs were falling. Halvorsen Shipping expects a better year.\n",
        ),
        (
            "b.txt",
            "June 3, 2024\n\nHalvorsen Shipping said profit fell on Monday. Ingrid Solberg, chief executive of Halvorsen Shipping, told reporters that rates had peaked. Halvorsen Shipping shares fell.\n",
        ),
        (
            "c.txt",
            "June 3, 2024\n\nHalvorsen Shipping reported lower profit on Monday. The company's CFO, Tom Eide, said costs were falling. Former chief executive Lars Wik said Halvorsen Shipping had been too cautious. Halvorsen Shipping declined to comment.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    // One office, two holders.
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "c.txt"),
        "{k:#?}\n{all}"
    );
    // Her finance post (a) against another finance chief (c) is the
    // conflict above; a former chief executive conflicts with nobody, and
    // a chief executive and a finance chief are two offices.
    assert_eq!(k.len(), 2, "{k:#?}\n{all}");
}

#[test]
fn a_report_just_after_an_appointment_elsewhere_starts_the_holding_and_a_hedge_in_the_quote_spares_the_office(
) {
    let s = folder(&[
        (
            "a.txt",
            "NAIROBI, March 3, 2025 (Reuters) - Kenya's president on Monday named lawyer Amina Odhiambo as interior minister, replacing Peter Kamau.\n",
        ),
        (
            "b.txt",
            "March 4, 2025\n\nInterior Minister Amina Odhiambo said on Tuesday in Nairobi, Kenya, that police would be deployed to the border.\n",
        ),
        (
            "c.txt",
            "February 17, 2025\n\nInterior Minister Peter Kamau said on Monday in Nairobi, Kenya, that the border would stay open.\n",
        ),
        (
            "d.txt",
            "March 5, 2025\n\nKenya's interior minister, Peter Kamau, told reporters in Nairobi on Wednesday that the border might close.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    // Two days after another's appointment, with a hedge in what he said.
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "d.txt"),
        "{k:#?}\n{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "b.txt", "d.txt"),
        "{k:#?}\n{all}"
    );
    // Two weeks before the appointment the predecessor was minister: b,
    // dated the day after it, tells of the new holding.
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}\n{all}");
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}\n{all}");
}

#[test]
fn two_holders_to_come_conflict_but_not_with_the_interim_one() {
    let s = folder(&[
        (
            "a.txt",
            "June 10, 2025\n\nVantora Telecom said on Tuesday its new chief financial officer will be Sarah Lindqvist. Vantora Telecom shares rose.\n",
        ),
        (
            "b.txt",
            "June 10, 2025\n\nVantora Telecom has appointed Tomas Berg as chief financial officer, the company said on Tuesday. Vantora Telecom did not say when.\n",
        ),
        (
            "c.txt",
            "June 10, 2025\n\nInterim finance chief Eva Holm told analysts that Vantora Telecom expected debt to fall. Vantora Telecom kept its forecast.\n",
        ),
        (
            "d.txt",
            "June 10, 2025\n\nRival Norcell named Paul Eriksson as its chief financial officer on Tuesday. Vantora Telecom also reported.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    // The interim holder hands over; another company's officer.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "d.txt"), "{k:#?}");
}

#[test]
fn two_judges_of_one_sentencing_conflict_two_cases_of_one_court_do_not() {
    let s = folder(&[
        (
            "a.txt",
            "2 October 2025\n\nJudge Helen Carter of Southwark Crown Court on Thursday sentenced former fund manager Daniel Price to nine years in prison.\n",
        ),
        (
            "b.txt",
            "2 October 2025\n\nJudge Martin Hale on Thursday jailed Daniel Price for nine years.\n",
        ),
        (
            "c.txt",
            "2 October 2025\n\nAt Southwark Crown Court, Judge Martin Hale jailed a former accountant, Rita Vance, for four years.\n",
        ),
        (
            "d.txt",
            "2 October 2025\n\nDaniel Price was jailed for nine years on Thursday by Judge Helen Carter.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "b.txt", "d.txt"),
        "{k:#?}\n{all}"
    );
    assert!(corroborating(&s, "a.txt", "d.txt"), "{all}");
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "c.txt", "d.txt"), "{k:#?}");
}

#[test]
fn two_outgoing_holders_of_one_city_office_conflict_a_new_or_former_one_does_not() {
    let s = folder(&[
        (
            "b.txt",
            "Rojas elected in Valparaiso\n\n27 October 2026\n\nCamila Rojas was elected mayor of Valparaiso on Sunday. She will replace outgoing mayor Luis Herrera in December.\n",
        ),
        (
            "c.txt",
            "Valparaiso's new mayor promises cleaner port\n\nOctober 27, 2026\n\nCamila Rojas met the outgoing mayor, Jorge Paredes, on Monday to discuss the handover.\n",
        ),
        (
            "d.txt",
            "New mayor sets out priorities in Valparaiso\n\nOctober 27, 2026\n\nThe new mayor, Camila Rojas, said on Monday her first task would be the port. Former mayor Luis Herrera, who ran the city until 2018, congratulated her.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "b.txt", "c.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // The new holder against the outgoing one, a former holder against
    // the outgoing one: no contradiction, and no agreement of "former"
    // with "outgoing" either.
    assert!(!any_conflict(&s, "c.txt", "d.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "d.txt"), "{k:#?}");
}

#[test]
fn a_boss_a_chief_and_the_head_of_an_organisation_key_as_its_one_head() {
    let s = folder(&[
        (
            "a.txt",
            "OSLO, March 3, 2026 (Reuters) - Fjordline Energy chief executive Ingrid Solberg said on Tuesday the company would cut 400 jobs.\n",
        ),
        (
            "b.txt",
            "OSLO, March 3, 2026 - Fjordline Energy boss Ingrid Solberg told reporters on Tuesday that 400 positions would go.\n",
        ),
        (
            "c.txt",
            "STAVANGER, March 4, 2026 - The head of Fjordline Energy, Ingrid Solberg, confirmed on Wednesday that 400 offshore jobs would go.\n",
        ),
        (
            "d.txt",
            "BERGEN, March 3, 2026 - Nordkyst Shipping boss Erik Haugen said on Tuesday the group would order four ferries.\n",
        ),
        (
            "e.txt",
            "FRANKFURT, March 3, 2026 - IMF chief Anna Lind warned on Tuesday of a slowdown.\n",
        ),
        (
            "f.txt",
            "WASHINGTON, March 3, 2026 - The head of the International Monetary Fund, Anna Lind, warned on Tuesday of a slowdown.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    assert!(corroborating(&s, "b.txt", "c.txt"), "{all}");
    // An acronym and the full name, "chief" and "the head of".
    assert!(corroborating(&s, "e.txt", "f.txt"), "{all}");
    // Another company's boss.
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, "d.txt", other), "{k:#?}");
    }
}

#[test]
fn two_heads_of_one_organisation_on_one_day_conflict_but_not_a_head_of_nothing_named() {
    let s = folder(&[
        (
            "a.txt",
            "OSLO, March 3, 2026 (Reuters) - Fjordline Energy boss Ingrid Solberg said on Tuesday the company would cut 400 jobs.\n",
        ),
        (
            "b.txt",
            "STAVANGER, March 3, 2026 - Fjordline Energy's chief, Erik Haugen, said on Tuesday that the company would cut 400 jobs.\n",
        ),
        (
            "c.txt",
            "OSLO, March 3, 2026 - The head of research, Per Lund, said on Tuesday that gas prices would fall.\n",
        ),
    ]);
    let (k, all) = (conflict_texts(&s), facts(&s));
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    for other in ["a.txt", "b.txt"] {
        assert!(!any_conflict(&s, "c.txt", other), "{k:#?}");
    }
}

#[test]
fn presidents_of_two_regions_in_one_election_day_do_not_conflict() {
    // Two regions of one country vote the same day; each report names its
    // region's outgoing president. Neither is the country's president.
    let s = folder(&[
        (
            "a.txt",
            "Centre-right holds Molise\n\nJune 16, 2025\n\nLucia Ferrante won the regional election in Molise on Sunday. In Molise she will succeed outgoing president Donato Ricci, who did not run again.\n",
        ),
        (
            "e.txt",
            "Left wins Basilicata\n\nJune 16, 2025\n\nThe centre-left won the regional election in Basilicata on Sunday. In Basilicata, outgoing president Vito Mancuso, who ran for a second term, received 44.7 percent.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(!any_conflict(&s, "a.txt", "e.txt"), "{k:#?}\n{}", facts(&s));
}
