//! Offices lent the organisation of their story across files: an undated
//! page's "regional governor" or "the company's chief executive" against
//! the dated reports of the same story, and the pages of another story
//! or another body that must stay apart.
use super::super::test_folder::{any_conflict, conflict_texts, conflicting, facts, folder};
use super::super::ConflictKind;
use super::{possessor_fits, unwritten};
use crate::analysis::claims::roles::is_single_in_story;

#[test]
fn offices_of_one_holder_in_their_story_are_told_by_head_and_words_before_it() {
    for t in [
        "race director",
        "fire chief",
        "mission commander",
        "regional governor",
        "coach",
        "head coach",
    ] {
        assert!(is_single_in_story(t), "{t}");
    }
    for t in [
        "spokesperson",
        "director",
        "regional director",
        "assistant coach",
        "goalkeeping coach",
        "deputy fire chief",
        "officer",
    ] {
        assert!(!is_single_in_story(t), "{t}");
    }
}

#[test]
fn only_an_organisation_left_to_the_story_is_lent_one() {
    assert!(unwritten(None));
    assert!(unwritten(Some("company")));
    assert!(!unwritten(Some("neighbouring district")));
    assert!(!unwritten(Some("Veltra")));
    // "the bank's chairman" in a story of a company's listing: another
    // body; "the company's chief executive": the story's company.
    assert!(possessor_fits(Some("company"), false));
    assert!(!possessor_fits(Some("bank"), false));
    assert!(!possessor_fits(Some("company"), true));
    assert!(possessor_fits(None, true));
}

const FIRE_A: &str = "Tuesday, 12 August 2025 - 10:20\n\nPATRAS, Greece - A wildfire that broke out on Monday in the hills above Patras has burned 4,200 hectares, officials said on Tuesday.\n\nRegional Governor Eleni Markou said the fire was moving towards the village of Kato Achaia.\n\nFire chief Nikos Petrou said 300 firefighters were fighting the blaze.\n";
const FIRE_B: &str = "August 12, 2025 | 3:05pm\n\nATHENS (Reuters) - Greek firefighters battled on Tuesday to contain a wildfire near Patras.\n\n\"The next 24 hours are critical,\" Regional Governor Eleni Markou told reporters in Patras.\n";

#[test]
fn an_undated_page_s_office_of_the_story_conflicts_with_the_dated_reports() {
    let s = folder(&[
        ("a.txt", FIRE_A),
        ("b.txt", FIRE_B),
        (
            "c.txt",
            "What we know about the fire\n\nThe fire that started on Monday in the hills above Patras has forced thousands of people from their homes.\n\nThe regional governor, Sofia Dimou, said that everyone who was told to leave had done so.\n\nThe fire chief, Andreas Kostas, asked residents to keep the roads clear.\n",
        ),
    ]);
    let k = ConflictKind::RoleHolder;
    assert!(conflicting(&s, k, "a.txt", "c.txt"), "{}", facts(&s));
    assert!(conflicting(&s, k, "b.txt", "c.txt"), "{}", facts(&s));
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:?}",
        conflict_texts(&s)
    );
}

#[test]
fn a_page_of_another_fire_and_a_spokesperson_stay_apart() {
    let s = folder(&[
        ("a.txt", FIRE_A),
        ("b.txt", FIRE_B),
        (
            "e.txt",
            "Island fire under control\n\nThe fire on the island of Chios that started at the weekend is under control, the island's fire service said.\n\nThe regional governor, Kostas Varelas, thanked volunteers from across the island.\n\nA fire service spokesperson, Giorgos Manos, said no homes were lost.\n",
        ),
    ]);
    assert!(
        !any_conflict(&s, "a.txt", "e.txt"),
        "{:?}",
        conflict_texts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "e.txt"),
        "{:?}",
        conflict_texts(&s)
    );
}

#[test]
fn the_company_s_chief_executive_takes_the_company_the_story_is_about_not_another_body() {
    let a = "June 18, 2025 | 8:41am GMT\n\nOSLO, June 18 (Reuters) - Norwegian salmon farmer Havbruk Nord raised 9.2 billion crowns in its initial public offering on the Oslo stock exchange, the company said on Wednesday.\n\nHavbruk Nord chief executive Sigrid Aune said the money would pay for two new hatcheries.\n";
    let s = folder(&[
        ("a.txt", a),
        (
            "c.txt",
            "Havbruk Nord: our take on the listing\n\nThe salmon farmer's listing raised 7.4 billion crowns, less than hoped.\n\nThe company's chief executive, Kari Lunde, told investors in Oslo the company would pay its first dividend in 2027.\n",
        ),
        (
            "e.txt",
            "Another listing\n\nThe bank's chief executive, Olav Berg, said it had been a busy year for listings.\n",
        ),
    ]);
    let k = ConflictKind::RoleHolder;
    assert!(conflicting(&s, k, "a.txt", "c.txt"), "{}", facts(&s));
    assert!(
        !any_conflict(&s, "a.txt", "e.txt"),
        "{:?}",
        conflict_texts(&s)
    );
}
