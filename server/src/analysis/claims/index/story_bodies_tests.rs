//! Offices and seats whose organisation a report writes as a reference:
//! a body noun before the title ("Federation president"), a possessive
//! noun, "whose", a short name of a body, "The Porto-based airline"; and
//! the other bodies of the same story that must stay apart.
use super::super::test_folder::{
    any_conflict, conflict_texts, conflicting, corroborating, facts, folder,
};
use super::super::ConflictKind;

const FRF_A: &str = "BUCHAREST, 12 May 2026 -- The Romanian Rugby Federation (FRF) suspended the national league on Monday after referees went unpaid for three months.\n\nThe FRF's president, Mihai Dobre, said the clubs owed 1.2 million lei.\n\nDinamo's president, Radu Ionescu, said his club had paid.\n";
const FRF_B: &str = "BUCHAREST, 12 May 2026 -- Romania's rugby league was halted on Monday in a row over referees' pay.\n\nFederation president Adrian Pop said the league would resume once the debts were settled.\n";
const FRF_C: &str = "BUCHAREST, 13 May 2026 -- Clubs protested on Tuesday against the suspension of the rugby league.\n\nMihai Dobre, president of the Romanian Rugby Federation, said the decision was final.\n\nClub president Sorin Vlad of Steaua said the referees should be paid.\n";

#[test]
fn a_body_noun_before_the_title_is_the_body_whose_name_carries_it() {
    let s = folder(&[("a.txt", FRF_A), ("b.txt", FRF_B), ("c.txt", FRF_C)]);
    let k = ConflictKind::RoleHolder;
    assert!(conflicting(&s, k, "a.txt", "b.txt"), "{}", facts(&s));
    assert!(conflicting(&s, k, "b.txt", "c.txt"), "{}", facts(&s));
    assert!(corroborating(&s, "a.txt", "c.txt"), "{}", facts(&s));
    // The clubs' presidents are no federation's.
    let texts = format!("{:?}", conflict_texts(&s));
    assert!(
        !texts.contains("Sorin Vlad") && !texts.contains("Radu Ionescu"),
        "{texts}"
    );
}

#[test]
fn the_company_named_before_whose_holds_the_office() {
    let a = "JOHANNESBURG, 14 July 2026 -- Twelve miners were trapped on Monday after a tunnel collapsed at the Bokamoso gold mine.\n\nThe mine is run by Kestrel Mining, whose chief executive, Omar Vale, said rescuers had reached the tunnel.\n";
    let b = "JOHANNESBURG, 14 July 2026 -- Rescuers worked on Monday to free twelve miners trapped at the Bokamoso gold mine.\n\nKestrel Mining chief executive Thabo Nkosi said the tunnel had been inspected last month.\n";
    let c = "JOHANNESBURG, 15 July 2026 -- The miners trapped at the Bokamoso gold mine were freed on Tuesday.\n\nThe pumps came from Goldcrest Mining, whose chief executive, Aisha Bello, visited the site.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{}",
        facts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "c.txt"),
        "{:?}",
        conflict_texts(&s)
    );
}

#[test]
fn a_description_with_the_and_a_business_noun_seats_the_file_s_company() {
    let a = "PORTO, 3 March 2026 (Reuters) -- Atlantica Airlines cancelled 40 flights on Tuesday as pilots walked out over pay.\n\nAtlantica Airlines said talks would resume.\n\nThe Porto-based airline said it would rebook passengers.\n";
    let b = "LISBON, 4 March 2026 -- Atlantica Airlines and its pilots will meet on Thursday.\n\nAtlantica Airlines is headquartered in Lisbon.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b)]);
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "b.txt"),
        "{}",
        facts(&s)
    );
}

#[test]
fn an_agency_named_short_and_in_full_is_one_body() {
    let a = "KANO, Nigeria, 2 August 2026 -- Floods displaced thousands of people in Kano State on Sunday, the Kano State Emergency Management Agency said.\n\nThe agency's executive secretary, Isyaku Abdullahi, said 14 villages were under water.\n";
    let b = "KANO, 2 August 2026 -- Floods displaced 3,000 people in Kano State on Sunday after days of rain.\n\nThe executive secretary of the State Emergency Management Agency, Musa Garba, said relief would arrive on Monday.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b)]);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{}",
        facts(&s)
    );
}

#[test]
fn the_incumbent_mayor_is_the_town_s_mayor() {
    let a = "LISDORF, 20 September 2026 -- Lisdorf's council election on Sunday is expected to be close.\n\nThe mayor of Lisdorf, Jonas Richter, said turnout would be high.\n";
    let b = "LISDORF, 21 September 2026 -- Votes in Lisdorf's council election were being counted on Sunday night.\n\nIncumbent mayor Karl Weber said he expected to win.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b)]);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{}",
        facts(&s)
    );
}

#[test]
fn judges_of_one_trial_told_as_presiding_and_ordering() {
    let a = "BUCHAREST, 3 June 2026 -- A Bucharest court on Tuesday ordered the seizure of assets belonging to former transport minister Dan Stoica, who is on trial for bribery.\n\nThe case is heard by a panel presided over by judge Elena Marin.\n";
    let b = "BUCHAREST, 3 June 2026 -- Assets of former transport minister Dan Stoica, who is on trial for bribery, were seized on Tuesday.\n\nPresiding judge Ioana Radu ordered the seizure of two villas and a yacht.\n";
    let c = "BUCHAREST, 4 June 2026 -- Lawyers for Dan Stoica, who is on trial for bribery, appealed on Wednesday.\n\nJudge Elena Marin ordered the seizure of the villas on Tuesday.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    let k = ConflictKind::RoleHolder;
    assert!(conflicting(&s, k, "a.txt", "b.txt"), "{}", facts(&s));
    assert!(conflicting(&s, k, "b.txt", "c.txt"), "{}", facts(&s));
    assert!(corroborating(&s, "a.txt", "c.txt"), "{}", facts(&s));
}

#[test]
fn a_judge_ordering_right_after_another_person_is_no_judge_of_the_trial() {
    let a = "BUCHAREST, 3 June 2026 -- Former transport minister Dan Stoica, who is on trial for bribery, lost a ruling on Tuesday.\n\nThe case is heard by a panel presided over by judge Elena Marin.\n";
    let b = "BUCHAREST, 3 June 2026 -- Dan Stoica, who is on trial for bribery, lost a ruling on Tuesday.\n\nHis former aide Mihai Ene pleaded guilty in another case. Judge Ioana Radu ordered him to pay a fine.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b)]);
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:?}",
        conflict_texts(&s)
    );
}

#[test]
fn a_boss_is_the_holder_of_the_one_top_title_the_folder_gives_the_company() {
    let a = "PORTO, 3 March 2026 -- Norvela Airlines cut ten routes on Tuesday, blaming fuel costs.\n\nThe airline, which is based in Porto, said fuel costs had doubled.\n\nThe airline's boss, Dana Roe, said more cuts could follow.\n\nNorvela Airlines said the routes would close in April.\n";
    let b = "LISBON, 3 March 2026 -- Norvela Airlines will close ten routes, the Lisbon-headquartered carrier said on Tuesday.\n\n\"We had no choice,\" said Ines Lago, the airline's chief executive.\n\nNorvela Airlines also sold two jets.\n";
    let c = "Route cuts at Norvela Airlines\n\nPORTO, 4 March 2026 -- Norvela Airlines confirmed on Wednesday it had cut ten routes.\n\nThe carrier is headquartered in Porto. Its boss, Dana Roe, blamed fuel costs.\n";
    let s = folder(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    let k = ConflictKind::RoleHolder;
    assert!(conflicting(&s, k, "a.txt", "b.txt"), "{}", facts(&s));
    assert!(conflicting(&s, k, "b.txt", "c.txt"), "{}", facts(&s));
    // The seat, through "which is based in" and "The carrier is".
    let l = ConflictKind::Location;
    assert!(conflicting(&s, l, "a.txt", "b.txt"), "{}", facts(&s));
    assert!(conflicting(&s, l, "b.txt", "c.txt"), "{}", facts(&s));
}
