//! Amounts compared within one story, on small folders written for these
//! tests: one accident placed in two towns, tied by another count both
//! reports give or by one toll on one day; the same counts from another
//! country the same day, or another accident a week later, stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

const CZ_A: &str = "BRNO, Oct 12 (Reuters) - Nine people were killed and 27 were injured when a bus overturned near Jihlava in the Czech Republic on Saturday, police said on Sunday.\n";
const CZ_B: &str = "12 October 2025\n\nThe bus crash near Havlickuv Brod, in the Czech Republic, on Saturday killed 9 people, and 27 people were injured, the regional police said on Sunday.\n";
const CZ_C: &str = "12.10.2025\n\nTwelve people were killed and 27 were injured in Saturday's bus crash near Jihlava, in the Czech Republic, the regional hospital said on Sunday.\n";
const SK: &str = "KOSICE, Oct 12 (AP) - Nine people were killed and 27 were injured when a bus overturned near Presov in Slovakia on Saturday, police said on Sunday.\n";

#[test]
fn one_crash_placed_in_two_towns_is_one_story_by_the_injured_both_report() {
    let s = folder(&[
        ("a.txt", CZ_A),
        ("b.txt", CZ_B),
        ("c.txt", CZ_C),
        ("d.txt", SK),
    ]);
    let k = conflict_texts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{}", facts(&s));
    // Twelve dead against nine the same day, the reports placing the crash
    // in two towns: tied by the 27 injured.
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{k:#?}\n{}",
        facts(&s)
    );
    // The same counts from a Slovak crash the same day.
    for x in ["a.txt", "b.txt", "c.txt"] {
        assert!(!corroborating(&s, x, "d.txt"), "{x}: {}", facts(&s));
        assert!(!any_conflict(&s, x, "d.txt"), "{x}: {k:#?}");
    }
}

#[test]
fn one_toll_on_one_day_in_two_towns_agrees_and_a_toll_a_week_later_stays_apart() {
    let s = folder(&[
        (
            "a.txt",
            "BOGOTA, June 4 (Reuters) - Nine miners died when a tunnel collapsed at a coal mine in Sutatausa, in central Colombia, on Tuesday, the mining agency said on Wednesday.\n",
        ),
        (
            "b.txt",
            "Wednesday, June 4, 2025\n\nA tunnel collapse at a coal mine near Cucunuba, Colombia, on Tuesday left nine miners dead, the mining agency said.\n",
        ),
        (
            "c.txt",
            "Wednesday 11 June 2025\n\nNine miners died on Tuesday when a tunnel collapsed at a coal mine near Zipaquira, Colombia, officials said.\n",
        ),
    ]);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{}", facts(&s));
    for x in ["a.txt", "b.txt"] {
        assert!(!corroborating(&s, x, "c.txt"), "{x}: {}", facts(&s));
    }
}
