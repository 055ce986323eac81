//! Event identity on small folders written for these tests: one event
//! told in other words, and other events of its kind that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn described_ministers_in_other_words_conflict_on_day_and_city() {
    let s = folder(&[
        (
            "a.txt",
            "March 12, 2024\n\nKAMPALA (Reuters) - Water ministers from nine Nile Basin countries met in Kampala on Tuesday to discuss how to share the river's water during droughts, officials said.\n",
        ),
        (
            "c.txt",
            "13 March 2024\n\nMinisters responsible for water in the Nile Basin met in Kampala on Monday, March 11, and agreed to form a technical committee on droughts.\n",
        ),
        (
            "d.txt",
            "Published: 13 Mar 2024 08:10 GMT\n\nNile Basin water ministers met in Nairobi on Tuesday and agreed to create a committee to manage droughts, a spokesman said.\n",
        ),
        // Other people, the same day: other meetings.
        (
            "e.txt",
            "March 12, 2024\n\nFisheries ministers from three East African countries met in Mwanza on Tuesday and agreed to ban small-mesh nets.\n",
        ),
        (
            "f.txt",
            "March 13, 2024\n\nHealth officials from Uganda and Kenya met in Kampala on Wednesday to coordinate their response to a cholera outbreak.\n",
        ),
        (
            "g.txt",
            "March 13, 2024\n\nMinisters met in Kampala on Monday to discuss regional trade, a statement said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "c.txt"),
        "{k:#?}"
    );
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "d.txt"),
        "{k:#?}"
    );
    for (x, y) in [
        ("a.txt", "e.txt"),
        ("a.txt", "f.txt"),
        ("a.txt", "g.txt"),
        ("c.txt", "f.txt"),
        ("c.txt", "g.txt"),
        ("d.txt", "e.txt"),
    ] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn a_fine_is_a_ruling_with_a_day_and_the_court_s_city() {
    let s = folder(&[
        (
            "a.txt",
            "September 20, 2024\n\nA court in Lyon on Thursday fined Dalvora Chemicals €300,000 for polluting the Rhone river, prosecutors said.\n",
        ),
        (
            "b.txt",
            "20/09/2024\n\nThe Lyon criminal court on Wednesday, September 18, fined Dalvora Chemicals 300,000 euros over the pollution of the Rhone, the company said.\n",
        ),
        // Another court, a week later: another ruling.
        (
            "c.txt",
            "September 27, 2024\n\nA court in Grenoble on Thursday fined Dalvora Chemicals €50,000 for breaching safety rules at another plant, prosecutors said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}"
    );
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}");
}

#[test]
fn the_capital_named_by_its_country_is_the_city_of_the_meeting() {
    let s = folder(&[
        (
            "a.txt",
            "March 12, 2024\n\nKAMPALA (Reuters) - Water ministers from nine Nile Basin countries met in Kampala on Tuesday to discuss how to share the river's water during droughts, officials said.\n",
        ),
        (
            "c.txt",
            "Thursday, March 14, 2024\n\nThe meeting of Nile Basin water ministers held in the Ugandan capital on March 11 agreed to set up a drought committee, officials said.\n",
        ),
        // Another body, another capital, the same day: another meeting.
        (
            "e.txt",
            "March 11, 2024\n\nThe meeting of East African fisheries ministers held in the Kenyan capital on March 11 agreed to ban small-mesh nets.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "c.txt"),
        "{k:#?}"
    );
    assert!(!any_conflict(&s, "a.txt", "e.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "c.txt", "e.txt"), "{k:#?}");
}

#[test]
fn one_unnamed_accident_across_reports_compares_counts_and_districts() {
    let s = folder(&[
        (
            "a.txt",
            "Sun Apr 13, 2025 8:40pm BST\n\nDHAKA, April 13 (BSS) - An overcrowded passenger launch capsized in the Meghna River in Chandpur district on Sunday afternoon, killing at least 37 people, police said.\n\nIn June last year, a ferry capsized in Narayanganj after colliding with a cargo ship, killing 34 people.\n",
        ),
        (
            "b.txt",
            "The Daily Star | Monday, April 14, 2025\n\nThirty-nine people died when the launch sank in the Meghna on Sunday, officials said on Monday.\n",
        ),
        (
            "c.txt",
            "13 April 2025, 22:10\n\nTwenty-one people were killed when a passenger launch capsized in the Meghna River in Shariatpur district on Sunday, fire service officials said.\n\nTwelve of the people killed were women, officials said.\n",
        ),
        // Another boat, another river, two days later: another accident.
        (
            "e.txt",
            "Tuesday, April 15, 2025 6:15 PM\n\nSix people were killed when a speedboat capsized on the Padma river in Munshiganj district on Tuesday, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{k:#?}"
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{k:#?}"
    );
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "c.txt"),
        "{k:#?}"
    );
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}");
    for x in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, x, "e.txt"), "{x}: {k:#?}");
    }
    // Last year's ferry and a part of the dead conflict with nothing.
    assert_eq!(k.len(), 3, "{k:#?}");
}

#[test]
fn two_accidents_of_one_day_in_one_country_stay_apart_without_a_shared_place() {
    let s = folder(&[
        (
            "a.txt",
            "April 13, 2025\n\nDHAKA, April 13 - Thirty-nine people died when a launch capsized in central Bangladesh on Sunday, police said.\n",
        ),
        (
            "b.txt",
            "April 13, 2025\n\nTwelve people were killed when a bus plunged off a highway in northern Bangladesh on Sunday, police said.\n",
        ),
        (
            "c.txt",
            "April 14, 2025\n\nFive people were killed in an accident in Bangladesh on Sunday, police said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(k.is_empty(), "{k:#?}");
}

#[test]
fn a_meeting_dated_two_ways_conflicts_and_another_meeting_of_one_minister_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "June 5, 2024\n\nHANOI, June 5 (Reuters) - Vietnamese Trade Minister Nguyen Thi Lan and her Australian counterpart Mark Delaney met in Hanoi on Wednesday and agreed to conclude talks by the end of the year.\n",
        ),
        (
            "b.txt",
            "Thursday, 6/6/2024 | 08:40 GMT+7\n\nTrade Minister Nguyen Thi Lan held talks with Australian Trade Minister Mark Delaney in the Vietnamese capital on June 4.\n",
        ),
        // The same minister the day before, with another: another meeting.
        (
            "e.txt",
            "June 4, 2024 21:05 JST\n\nHANOI -- Vietnamese Trade Minister Nguyen Thi Lan met Japanese Economy Minister Kenji Ota in Hanoi on Tuesday to discuss chip plants.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}"
    );
    assert!(
        !conflicting(&s, ConflictKind::EventDate, "a.txt", "e.txt"),
        "{k:#?}"
    );
}

#[test]
fn two_courts_known_only_as_court_are_not_one_ruling() {
    // No court is a recognised name here: "Court" alone says nothing of
    // which court ruled, nor of which case (two rulings two days apart).
    let s = folder(&[
        (
            "a.txt",
            "May 31, 2024\n\nThe Supreme Court ruled on Tuesday May 28 that the ban on imports was lawful.\n",
        ),
        (
            "b.txt",
            "June 3, 2024\n\nThe Supreme Court ruled on Thursday that the tender was void.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}");
}

#[test]
fn ministers_meeting_in_a_participle_clause_are_described_like_those_who_met() {
    let s = folder(&[
        (
            "a.txt",
            "March 12, 2026\n\nWARSAW (Reuters) - Energy ministers from the Baltic Sea countries met in Warsaw on Thursday and agreed to connect their offshore wind farms, officials said.\n",
        ),
        (
            "b.txt",
            "March 12, 2026\n\nEnergy ministers from the eight Baltic Sea countries, meeting in Riga on Thursday, backed a plan to link offshore wind farms, the Latvian economy ministry said.\n",
        ),
        // Other ministers the same day, the same ministers three weeks
        // later: other meetings.
        (
            "c.txt",
            "March 12, 2026\n\nDefence ministers of the Nordic and Baltic countries, meeting in Vilnius on Thursday, discussed joint air defence, the Lithuanian defence ministry said.\n",
        ),
        (
            "d.txt",
            "April 2, 2026\n\nEnergy ministers from the Baltic Sea countries, meeting in Tallinn on Thursday, agreed to coordinate gas storage, the Estonian climate ministry said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{k:#?}"
    );
    for (x, y) in [
        ("a.txt", "c.txt"),
        ("b.txt", "c.txt"),
        ("a.txt", "d.txt"),
        ("b.txt", "d.txt"),
        ("c.txt", "d.txt"),
    ] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
        assert!(!corroborating(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn one_storm_named_with_or_without_its_class_is_one_event_and_another_storm_is_not() {
    let s = folder(&[
        (
            "a.txt",
            "October 13, 2025\n\nMANILA, Oct 13 (AFP) - Typhoon Mirasol made landfall in Isabela province on Monday, the disaster agency said.\n",
        ),
        (
            "b.txt",
            "October 14, 2025\n\nMirasol made landfall on Saturday October 11 near Palanan, Isabela, as a category 3 typhoon, the weather bureau said.\n",
        ),
        // Another typhoon, named, three days before the first report.
        (
            "c.txt",
            "October 14, 2025\n\nTyphoon Lando made landfall in Isabela province on Friday, the weather bureau said.\n",
        ),
    ]);
    let k = conflicts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{k:#?}"
    );
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{k:#?}");
    assert!(!corroborating(&s, "b.txt", "c.txt"), "{k:#?}");
}

#[test]
fn a_storm_that_struck_the_coast_made_landfall_that_day() {
    // A landfall in a relative clause, one written as a part of a day
    // and one as the storm striking the coast: all three date the day it
    // reached land, which a storm's days of life do not blur.
    let s = folder(&[
        (
            "a.txt",
            "May 14, 2025\n\nDHAKA, May 14 (Reuters) - Cyclone Shefali, which made landfall early Tuesday near the port of Mongla, killed at least nine people, officials said.\n",
        ),
        (
            "c.txt",
            "Posted 15 May 2025\n\nCyclone Shefali, which struck the Sundarbans coast on 12 May, moved faster than forecast.\n",
        ),
        (
            "d.txt",
            "Wednesday 14 May 2025 - 16:05\n\nKHULNA, Bangladesh (AFP) - Cyclone Shefali slammed into the coast of Bangladesh in the early hours of Tuesday, tearing roofs off homes.\n",
        ),
        // Another cyclone, another name.
        (
            "e.txt",
            "Monday, May 12, 2025\n\nSITTWE, May 12 - Cyclone Tarun, which made landfall on Sunday near Sittwe, damaged hundreds of homes, officials said.\n",
        ),
    ]);
    let k = conflicts(&s);
    for (x, y) in [("a.txt", "c.txt"), ("c.txt", "d.txt")] {
        assert!(
            conflicting(&s, ConflictKind::EventDate, x, y),
            "{x} {y}: {k:#?}"
        );
    }
    for (x, y) in [("a.txt", "d.txt"), ("a.txt", "e.txt"), ("c.txt", "e.txt")] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn a_date_as_the_modifier_of_a_ruling_dates_it() {
    let s = folder(&[
        (
            "a.txt",
            "April 1, 2025\n\nNAIROBI, April 1 (Reuters) - Kenya's High Court ruled on Monday that a levy on salaries was unconstitutional.\n",
        ),
        (
            "b.txt",
            "Daily Nation | 2 April 2025\n\nThe March 31 ruling by a three-judge bench of the High Court means employers must stop deducting the levy.\n",
        ),
        (
            "c.txt",
            // (What was ruled on makes it the same ruling: a court rules
            // on many cases.)
            "Posted 3 Apr 2025\n\nThe March 28 ruling by the High Court against the salary levy leaves a hole in this year's budget.\n",
        ),
        // The appeal court is asked to act on the ruling; it did not
        // rule (and "Monday's" in a plan names no day for sure).
        (
            "d.txt",
            "Wednesday, April 2, 2025\n\nTreasury officials said on Wednesday they would ask the Court of Appeal to suspend Monday's judgment by the High Court.\n",
        ),
        (
            "e.txt",
            "The Star | 5 April 2025\n\nThe April 4 ruling by the Court of Appeal upheld a 16% tax on fuel.\n",
        ),
    ]);
    let k = conflicts(&s);
    for (x, y) in [("a.txt", "c.txt"), ("b.txt", "c.txt")] {
        assert!(
            conflicting(&s, ConflictKind::EventDate, x, y),
            "{x} {y}: {k:#?}"
        );
    }
    for (x, y) in [
        ("a.txt", "b.txt"),
        ("d.txt", "e.txt"),
        ("a.txt", "d.txt"),
        ("a.txt", "e.txt"),
    ] {
        assert!(!any_conflict(&s, x, y), "{x} {y}: {k:#?}");
    }
}

#[test]
fn the_lead_harm_of_two_reports_is_one_event_whatever_grain_places_it() {
    let s = folder(&[
        (
            "a.txt",
            "Quake kills six\n\nLA PAZ, 21 February 2023 (EFE) - A magnitude 5.9 earthquake struck the mountains on Monday, killing at least six people, officials said.\n",
        ),
        (
            "b.txt",
            "Feb 21, 2023\n\nQuake in Bolivia\n\nA strong earthquake hit the Potosi department of southern Bolivia on Tuesday, killing six people, the civil defence office said.\n",
        ),
        (
            "c.txt",
            "Quake in Peru\n\nLIMA, 21 February 2023 (Andina) - A magnitude 4.9 earthquake shook the Peruvian region of Puno on Tuesday, without causing damage, officials said.\n",
        ),
        (
            "d.txt",
            "Aftershock in Bolivia\n\nLA PAZ, 24 February 2023 (EFE) - An earthquake of magnitude 4.1 shook the mountains on Friday, officials said.\n",
        ),
    ]);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "b.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
    // Another country the same day; a quake three days later.
    let k = conflicts(&s);
    assert!(
        k.iter()
            .all(|(_, a, b)| ![a, b].contains(&&"c.txt".to_string())
                && ![a, b].contains(&&"d.txt".to_string())),
        "{k:#?}"
    );
}

#[test]
fn a_year_less_dateline_takes_its_year_from_the_folder() {
    let s = folder(&[
        (
            "a.txt",
            "Quake in Peru\n\nLIMA, Nov 3 (Reuters) - A magnitude 6.0 earthquake struck the Peruvian region of Arequipa on Tuesday, killing at least eight people, officials said.\n",
        ),
        (
            "b.txt",
            "Arequipa quake damaged 300 homes\n\nLima, 4 November 2020\n\nThe earthquake that struck the Arequipa region on Tuesday damaged more than 300 homes, Peru's civil defence institute said on Wednesday.\n",
        ),
    ]);
    let ix = s.claims();
    let d = ix.files[0].date.date.as_ref().expect("dated");
    assert_eq!((d.lo.y, d.lo.m, d.lo.d), (2020, 11, 3), "{}", d.reason);
    assert!(d.reason.contains("b.txt"), "{}", d.reason);
    // The file's own claims keep the weekday rule's reading.
    let own = s.files[0].claims(&s.claim_settings);
    assert_ne!(own.date.date.as_ref().map(|d| d.lo.y), Some(2020));
    assert!(
        corroborating(&s, "a.txt", "b.txt"),
        "the quake's Tuesday in 2020 on both sides"
    );
}
