//! Amounts one story's reports must not set against each other, on
//! small folders written for these tests: a part counted against its
//! whole ("won two of its twelve matches"), the games a score is over,
//! and an amount whose clause names someone recognition missed (one
//! defendant's sentence against another's, one party's seats against
//! the winner's).
use super::super::test_folder::*;

#[test]
fn a_part_of_a_whole_counted_after_it_is_no_rival_of_the_whole() {
    let s = folder(&[
        (
            "a.txt",
            "LIMA, March 27, 2025 (EFE) - The football federation dismissed head coach Hector Villalba on Thursday.\n\nUnder his command Peru won two of its twelve qualifying matches, drawing four and losing six.\n",
        ),
        (
            "b.txt",
            "March 27, 2025\n\nPeru sacked coach Hector Villalba on Thursday.\n\nPeru have won two of 12 qualifying matches under Villalba.\n",
        ),
    ]);
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:#?}\n{}",
        conflict_texts(&s),
        facts(&s)
    );
}

#[test]
fn the_games_a_score_is_over_are_no_score() {
    let s = folder(&[
        (
            "a.txt",
            "March 26, 2025\n\nThe federation dismissed coach Hector Villalba on Wednesday.\n\nThe 61-year-old Argentine leaves with Peru last in qualifying with 10 points from 12 games.\n",
        ),
        (
            "b.txt",
            "March 27, 2025\n\nThe federation dismissed coach Hector Villalba on Wednesday.\n\nPeru are last with 10 points. There are seven games left, 21 points to play for.\n",
        ),
    ]);
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:#?}\n{}",
        conflict_texts(&s),
        facts(&s)
    );
}

#[test]
fn a_sentence_of_someone_unrecognised_is_not_the_story_s_sentence() {
    // The reports are tied by the sum both give; the businessman's
    // sentence is his, however recognition missed his name.
    let s = folder(&[
        (
            "a.txt",
            "PLOIESTI, May 16, 2024 (Agerpres) - The Court of Appeal on Thursday sentenced former county council president Mihai Stoica to eight years in prison for embezzlement.\n\nAccording to prosecutors, Stoica and four co-defendants diverted 4.3 million euros from road contracts between 2015 and 2019.\n",
        ),
        (
            "b.txt",
            "Thursday 16 May 2024\n\nMihai Stoica, the former president of the county council, received an eight-year prison sentence on Thursday in a corruption case.\n\nThe court found that Stoica had organised a scheme through which EUR 4.3 million was siphoned off from road contracts.\n\nThree other former officials received sentences of between three and four years. Businessman Cornel Ilie was sentenced to five years and four months.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}\n{}", facts(&s));
}

#[test]
fn one_party_s_seats_are_not_the_winner_s_when_its_name_is_unread() {
    let s = folder(&[
        (
            "a.txt",
            "BRAGA, 27 Sep 2021 (Lusa) - The mayor of Braga, Ricardo Sampaio, was re-elected on Sunday, winning six seats on the municipal executive.\n\nTurnout was 55.4%.\n",
        ),
        (
            "b.txt",
            "27/09/2021\n\nThe Socialists (PS), led by Helena Faria, won four seats, and the CDU one.\n\nTurnout was 55.4%.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(!any_conflict(&s, "a.txt", "b.txt"), "{k:#?}\n{}", facts(&s));
}

#[test]
fn arrests_at_a_past_march_a_year_names_are_not_this_march_s() {
    let s = folder(&[
        (
            "a.txt",
            "MONTREAL, March 16, 2025 (CP) - Montreal police arrested more than 120 people on Saturday evening after a march against higher transit fares turned violent.\n\nThe protest was the largest in Montreal since a 2015 march against austerity, when about 300 people were arrested over two nights.\n",
        ),
        (
            "b.txt",
            "Mar 16, 2025\n\nMontreal police arrested 184 people on Saturday night at a protest against transit fare increases.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(
        !k.iter().any(|c| c.2.contains("300") || c.4.contains("300")),
        "{k:#?}\n{}",
        facts(&s)
    );
}

#[test]
fn a_fire_risk_forecast_for_a_day_is_not_the_fire_s_date() {
    let s = folder(&[
        (
            "a.txt",
            "ATHENS, Aug 3, 2022 (AMNA) - A wildfire that ignited on Tuesday afternoon near Agios Christos has burned 2,400 hectares.\n\nThe civil protection ministry has warned of a very high fire risk in six regions for Thursday, with winds of up to 7 Beaufort forecast.\n",
        ),
        (
            "b.txt",
            "03.08.2022 | 11:20\n\nThe fire, which ignited on Tuesday afternoon near Agios Christos, has burned about 2,400 hectares of pine forest.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(k.is_empty(), "{k:#?}\n{}", facts(&s));
}

#[test]
fn a_plan_s_day_is_not_the_day_of_the_event_a_relative_clause_recalls() {
    let s = folder(&[
        (
            "a.txt",
            "HAMBURG, 9 October 2026 (dpa) -- A passenger ferry with 212 people on board ran aground off Heligoland on Thursday, the coastguard said.\n",
        ),
        (
            "b.txt",
            "HAMBURG, 10 October 2026 -- Tugs will try to pull the ferry that ran aground off Heligoland free on Friday.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(k.is_empty(), "{k:#?}\n{}", facts(&s));
}

#[test]
fn a_count_now_in_custody_is_no_rival_of_the_first_arrests() {
    // The first report's arrests and the later running total: a count
    // that grew, not two reports of one figure.
    let s = folder(&[
        (
            "a.txt",
            "KIMBERLEY, May 3, 2023 - Armed robbers attacked a cash van on the R64 on Tuesday morning.\n\nFour suspects were arrested a few hours later at a roadblock outside the town.\n",
        ),
        (
            "b.txt",
            "May 4, 2023\n\nArmed robbers attacked a cash van on the R64 on Tuesday morning.\n\nSix suspects are now in custody after two more men were arrested at a farm on Wednesday, police said.\n",
        ),
    ]);
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:#?}\n{}",
        conflict_texts(&s),
        facts(&s)
    );
}

#[test]
fn a_count_told_alike_a_day_later_still_agrees() {
    // The rescued told on the day and again two days later: a growing count
    // compared across days only for agreement, and it agrees.
    let s = folder(&[
        (
            "a.txt",
            "LOKOJA, July 8, 2021 - A wooden boat carrying 64 people capsized on the Benue River on Wednesday, killing at least 12, emergency officials said.\n\nLocal fishermen rescued 38 passengers.\n",
        ),
        (
            "b.txt",
            "July 10, 2021\n\nThe death toll in Wednesday's boat accident on the Benue River has risen to 15.\n\nThe boat was carrying 64 people when it capsized.\n\nThirty-eight passengers were rescued alive, the state emergency agency said.\n",
        ),
    ]);
    // The rescued of each report agree.
    assert!(corroborating_on(&s, "rescued"), "{}", facts(&s));
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
}

#[test]
fn the_same_toll_of_a_crash_a_week_later_does_not_agree() {
    // Another crash of the same kind in the same country, filed six days
    // later, with the same toll: no agreement.
    let s = folder(&[
        (
            "a.txt",
            "BRNO, Oct 12, 2025 - Nine people were killed and 30 were injured when a regional train derailed near Zlin on Saturday, the fire service said.\n",
        ),
        (
            "b.txt",
            "Oct 18, 2025\n\nNine people were killed when a freight train hit a bus at a level crossing near Olomouc, police said.\n\nThe accident came a week after a deadly derailment near Zlin.\n",
        ),
    ]);
    // The background sentence may agree on the derailment's place; the
    // tolls must not.
    assert!(!corroborating_on(&s, "killed"), "{}", facts(&s));
}
