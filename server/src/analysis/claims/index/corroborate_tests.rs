//! Corroborations with every agreeing pair of facts, and agreements in
//! part: reports that agree on one fact and dispute another are never
//! shown as plain corroboration.
use super::super::test_folder::*;
use super::super::{ClaimRef, ConflictKind, Corroboration};
use crate::analysis::Snapshot;

fn file_of(s: &Snapshot, path: &str) -> u32 {
    s.files.iter().position(|f| f.rel_path == path).unwrap() as u32
}

/// The corroboration between the first claims of two files that link.
fn between(s: &Snapshot, a: &str, b: &str) -> Option<Corroboration> {
    let (fa, fb) = (file_of(s, a), file_of(s, b));
    s.claims()
        .corroboration_pairs()
        .into_iter()
        .find(|k| (k.a.file, k.b.file) == (fa.min(fb), fa.max(fb)))
}

/// Whether every claim of a file that agrees with something agrees only
/// in part.
fn only_in_part(s: &Snapshot, path: &str) -> bool {
    let f = file_of(s, path);
    (0..s.claims().files[f as usize].claims.len()).all(|c| {
        !s.claims().is_corroborated(ClaimRef {
            file: f,
            claim: c as u32,
        })
    })
}

#[test]
fn a_pair_of_claims_that_conflicts_on_one_fact_agrees_only_in_part() {
    let s = folder(&[
        (
            "a.txt",
            "Monday, August 12, 2024\n\nKATHMANDU (Reuters) - A passenger bus skidded off a highway and plunged into the Trishuli river in central Nepal on Sunday, killing 14 people and injuring 22, police said.\n",
        ),
        (
            "b.txt",
            "12 August 2024\n\nFourteen people died and 35 were injured when a bus plunged into the Trishuli river in central Nepal on Sunday, officials said.\n",
        ),
        // Another accident the same weekend with the same figures: no
        // link at all.
        (
            "e.txt",
            "Monday, August 12, 2024\n\nPOKHARA (AP) - Fourteen people were killed and 22 injured on Saturday when a jeep fell into a gorge in western Nepal, police said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    let k = between(&s, "a.txt", "b.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(k.partial(), "{k:#?}");
    // Both values of the dispute, and every fact that agrees: the toll,
    // the day and the place.
    assert_eq!(k.disputes.len(), 1, "{k:#?}");
    assert_eq!(k.disputes[0].kind, ConflictKind::Quantity);
    assert_eq!(
        (
            k.disputes[0].a_value.as_str(),
            k.disputes[0].b_value.as_str()
        ),
        ("22", "35"),
        "{k:#?}"
    );
    let reasons: Vec<&str> = k.agreements.iter().map(|g| g.reason).collect();
    for r in ["same amount", "same event date", "same event place"] {
        assert!(reasons.contains(&r), "{r}: {k:#?}");
    }
    assert!(only_in_part(&s, "a.txt") && only_in_part(&s, "b.txt"));
    for x in ["a.txt", "b.txt"] {
        assert!(between(&s, x, "e.txt").is_none(), "{x}: {all}");
        assert!(!any_conflict(&s, x, "e.txt"), "{x}");
    }
}

#[test]
fn a_sentence_of_another_length_agrees_in_part_on_its_day() {
    let s = folder(&[
        (
            "a.txt",
            "Tue Mar 4, 2025 6:10pm EST\n\nABUJA, March 4 (Reuters) - A Federal High Court in Abuja on Tuesday sentenced former pension fund manager Chidi Nwosu to 14 years in prison for diverting retirees' savings, the anti-graft agency said.\n",
        ),
        (
            "b.txt",
            "March 4, 2025\n\nChidi Nwosu, the former pension fund manager, was jailed for ten years by a Federal High Court in Abuja on Tuesday for diverting retirees' savings, prosecutors said.\n",
        ),
    ]);
    let all = facts(&s);
    let k = between(&s, "a.txt", "b.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(k.partial(), "{k:#?}");
    assert!(
        k.disputes.iter().any(|d| d.kind == ConflictKind::Quantity),
        "{k:#?}"
    );
    assert!(
        k.agreements.iter().any(|g| g.reason == "same event date"),
        "{k:#?}"
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{all}"
    );
    assert!(only_in_part(&s, "a.txt") && only_in_part(&s, "b.txt"));
}

/// The planted plane crash of the development corpus: one report dates
/// the crash a day before the others in another sentence than its toll.
fn bolivia() -> std::sync::Arc<Snapshot> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/corpora/claims-dev/plane-crash-bolivia");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    folder(&refs)
}

#[test]
fn reports_that_date_one_event_apart_agree_on_its_toll_only_in_part() {
    let s = bolivia();
    let all = facts(&s);
    assert!(
        conflicting(
            &s,
            ConflictKind::EventDate,
            "a_reuters.txt",
            "d_guardian.txt"
        ),
        "{all}"
    );
    // The toll of 41 agrees, in sentences that do not date the crash.
    let k = between(&s, "a_reuters.txt", "d_guardian.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(k.partial(), "{k:#?}");
    assert!(
        k.disputes.iter().all(|d| d.kind == ConflictKind::EventDate
            && (d.a.claim, d.b.claim) != (k.a.claim, k.b.claim)),
        "{k:#?}"
    );
    // Two reports that date it alike agree plainly.
    let k = between(&s, "a_reuters.txt", "b_efe.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(!k.partial(), "{k:#?}");
}

/// A report that agrees on a toll but dates the event in another
/// sentence, which no comparison linked to the other report's date (its
/// file also places the event elsewhere, so nothing is lent): the days
/// still tell the agreement is in part only.
#[test]
fn a_toll_of_an_event_the_reports_date_apart_agrees_only_in_part() {
    let s = folder(&[
        (
            "a.txt",
            "Saturday, October 5, 2024\n\nLIMA (Reuters) - A bus plunged into a ravine near Abancay in southern Peru on Friday, killing 12 people, police said.\n",
        ),
        (
            "b.txt",
            "October 5, 2024\n\nTwelve people were killed when a bus fell into a ravine near Abancay in southern Peru, police said.\n\nThe bus crashed in Andahuaylas on Saturday morning, the regional government said.\n",
        ),
    ]);
    let all = facts(&s);
    let k = between(&s, "a.txt", "b.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(k.partial(), "{k:#?}");
    let d = &k.disputes[0];
    assert_eq!(d.kind, ConflictKind::EventDate, "{k:#?}");
    assert_eq!(
        (d.a_value.as_str(), d.b_value.as_str()),
        ("Friday", "Saturday")
    );
}

#[test]
fn a_ferry_toll_agrees_plainly_only_with_the_report_of_its_day() {
    let s = folder(&[
        (
            "a.txt",
            "Tuesday 14 May 2024\n\nGOMA (AFP) - An overloaded ferry capsized on Lake Kivu near Goma on Sunday, killing nine people, local officials said.\n",
        ),
        (
            "b.txt",
            "14/05/2024\n\nNine people drowned when a ferry capsized on Lake Kivu near Goma, the provincial governor said.\n\nThe vessel sank near Bukavu on Monday evening, witnesses said.\n",
        ),
        // The same toll, dated the same Sunday: plain agreement.
        (
            "c.txt",
            "May 14, 2024\n\nNine people died when a ferry capsized on Lake Kivu near Goma, the provincial governor said.\n\nThe boat went down near Goma on Sunday evening, the governor said.\n",
        ),
    ]);
    let all = facts(&s);
    for (x, y) in [("a.txt", "b.txt"), ("b.txt", "c.txt")] {
        let k = between(&s, x, y).unwrap_or_else(|| panic!("{x} {y}: {all}"));
        assert!(k.partial(), "{x} {y}: {k:#?}");
        assert!(
            k.disputes.iter().any(|d| d.kind == ConflictKind::EventDate),
            "{k:#?}"
        );
    }
    let k = between(&s, "a.txt", "c.txt").unwrap_or_else(|| panic!("{all}"));
    assert!(!k.partial(), "{k:#?}");
    assert!(!only_in_part(&s, "a.txt"));
}

/// An undated toll of one report meets a dated toll of the same country:
/// a truck and a minibus are two accidents whatever the toll, a bus and
/// a coach one kind of vehicle.
#[test]
fn tolls_of_two_kinds_of_vehicle_never_agree() {
    let s = folder(&[
        (
            "a.txt",
            "Tue Jan 16, 2024 7:42am EST\n\nGUATEMALA CITY (Reuters) - A crowded minibus plunged off a bridge into a ravine on the outskirts of Guatemala City, killing 11 people, firefighters said.\n",
        ),
        (
            "d.txt",
            "Tuesday 16 January 2024\n\nQUETZALTENANGO - A truck carrying farm workers overturned on a mountain road in western Guatemala on Sunday, killing 11 people, police said.\n",
        ),
        (
            "e.txt",
            "16 January 2024\n\nSANTIAGO (AFP) - A car carrying a family skidded off a coastal road in central Chile and fell into the sea, killing five people, police said.\n",
        ),
        (
            "f.txt",
            "January 16, 2024\n\nFive people died when a bus skidded off a coastal road in central Chile and fell into the sea on Monday, police said.\n",
        ),
        // One class of vehicle, worded otherwise: one accident.
        (
            "g.txt",
            "January 16, 2024\n\nEleven people were killed when a bus fell off a bridge on the outskirts of Guatemala City, firefighters said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(between(&s, "a.txt", "d.txt").is_none(), "{all}");
    assert!(between(&s, "e.txt", "f.txt").is_none(), "{all}");
    assert!(between(&s, "e.txt", "g.txt").is_none(), "{all}");
    assert!(between(&s, "a.txt", "g.txt").is_some(), "{all}");
    assert!(between(&s, "d.txt", "g.txt").is_none(), "{all}");
}

#[test]
fn two_sentences_that_share_a_day_but_place_the_accident_in_two_cities_agree_only_in_part() {
    // One toll and one day, but two towns 90 km apart: whether one
    // derailment misplaced or two, the two reports do not tell one story.
    let s = folder(&[
        (
            "a.txt",
            "SOFIA, May 17, 2025 (Reuters) - At least five people were killed and 30 injured when a passenger train derailed near Plovdiv in southern Bulgaria on Saturday, the interior ministry said.\n",
        ),
        (
            "b.txt",
            "SOFIA, May 18, 2025 (AFP) - Five people died and 30 were hurt when an express train left the tracks near Stara Zagora, in central Bulgaria, on Saturday afternoon, police said.\n",
        ),
        (
            "c.txt",
            "SOFIA, May 17, 2025 (BTA) - Five people were killed and 30 injured when a train derailed near Plovdiv on Saturday, the interior ministry said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(only_in_part(&s, "b.txt"), "{all}");
    assert!(
        between(&s, "a.txt", "b.txt").is_none_or(|k| k.partial()),
        "{all}"
    );
    // The same town: plain agreement stays.
    assert!(
        between(&s, "a.txt", "c.txt").is_some_and(|k| !k.partial()),
        "{all}"
    );
}

#[test]
fn a_role_holder_agreed_on_while_the_meeting_is_dated_and_placed_apart_agrees_only_in_part() {
    let s = folder(&[
        (
            "a.txt",
            "SANTIAGO, June 15, 2019 - Chile's top diplomat Isabel Fuentes and New Zealand Foreign Minister Tom Harwood held talks on 14 June in Geneva, where they agreed to speed up trade negotiations.\n",
        ),
        (
            "b.txt",
            "WELLINGTON, June 14, 2019 - New Zealand Foreign Minister Tom Harwood and Chilean Foreign Minister Isabel Fuentes met in Vienna on Thursday and agreed to aim for a trade deal by December.\n",
        ),
    ]);
    let all = facts(&s);
    let k = between(&s, "a.txt", "b.txt");
    assert!(k.as_ref().is_none_or(|k| k.partial()), "{k:#?}\n{all}");
}

#[test]
fn two_ferries_that_sank_off_two_islands_on_one_day_agree_only_in_part() {
    let s = folder(&[
        (
            "a.txt",
            "ROME, March 3, 2026 (Reuters) - A ferry sank off Sicily on Tuesday, killing 12 passengers, officials said.\n",
        ),
        (
            "b.txt",
            "ROME, March 3, 2026 (AFP) - A ferry sank off Sardinia on Tuesday, killing 12 passengers, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(only_in_part(&s, "a.txt"), "{all}");
    assert!(only_in_part(&s, "b.txt"), "{all}");
}
