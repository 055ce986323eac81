//! Comparison on small folders written for these tests: one event told in
//! other words by several outlets, and near misses (another event of the
//! same kind) that must stay apart.
use super::test_folder::*;
use super::ConflictKind;

#[test]
fn an_unnamed_disaster_told_in_other_words_conflicts_on_its_toll() {
    let s = folder(&[
        (
            "a.txt",
            "ROME, July 9, 2022 (Reuters) - A tourist boat capsized off Sicily on Friday, killing 12 people, the coast guard said.\n",
        ),
        (
            "b.txt",
            "July 9, 2022\n\nThe vessel sank on Friday near Sicily, killing 19 people, according to the coast guard.\n",
        ),
        (
            "c.txt",
            "July 9, 2022\n\nA fishing boat capsized on Thursday off Sardinia, killing 19 people, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    // Another boat, another island, another day.
    assert!(
        !any_conflict(&s, "a.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
    assert!(!corroborating(&s, "b.txt", "c.txt"), "{all}");
}

#[test]
fn a_meeting_called_talks_elsewhere_conflicts_on_its_city() {
    let s = folder(&[
        (
            "a.txt",
            "NAIROBI, May 10, 2022 (AP) — Kenyan Foreign Minister Amina Odhiambo and Ugandan Foreign Minister Peter Okello met in Kampala on Tuesday, officials said.\n",
        ),
        (
            "b.txt",
            "May 11, 2022\n\nAmina Odhiambo and Peter Okello held talks in Entebbe on Tuesday, the ministry said.\n",
        ),
        (
            "c.txt",
            "May 11, 2022\n\nAmina Odhiambo met Tanzanian Foreign Minister Joseph Mrema in Dodoma on Monday, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    // Another meeting of one of them, with someone else.
    assert!(
        !any_conflict(&s, "a.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
}

#[test]
fn a_named_fire_lends_its_name_to_the_fire_of_later_sentences() {
    let s = folder(&[
        (
            "a.txt",
            "November 14, 2018\n\nThe Pine Hollow Fire broke out on Sunday, November 11, in Deschutes County, officials said. The fire has burned 8,000 acres, the Forest Service said on Wednesday.\n",
        ),
        (
            "b.txt",
            "November 14, 2018\n\nThe Pine Hollow Fire has burned 3,500 acres, the Forest Service said on Wednesday.\n",
        ),
        (
            "c.txt",
            "November 14, 2018\n\nThe Cedar Gulch Fire broke out on Sunday, November 11, in Shasta County, officials said. The fire has burned 3,500 acres, Cal Fire said on Wednesday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    // Another fire, started the same day, of the same size so far.
    assert!(
        !any_conflict(&s, "a.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
    assert!(!corroborating(&s, "b.txt", "c.txt"), "{all}");
    assert!(!corroborating(&s, "a.txt", "c.txt"), "{all}");
}

#[test]
fn a_prime_minister_without_a_country_is_of_the_country_the_report_is_from() {
    let s = folder(&[
        (
            "a.txt",
            "TALLINN, March 3, 2021 (Reuters) - Estonian Prime Minister Kaja Lepp said on Wednesday that the government would raise defence spending. Lepp spoke in Tallinn after a cabinet session.\n",
        ),
        (
            "b.txt",
            "Tallinn, 4 March 2021\n\nPrime Minister Mart Kivi told reporters in Tallinn on Thursday that Estonia would not raise taxes this year. Kivi was later in Tartu.\n",
        ),
        (
            "c.txt",
            "RIGA, 4 March 2021\n\nPrime Minister Ilze Berzina told reporters in Riga on Thursday that Latvia would not raise taxes. Berzina later flew to Daugavpils.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    // Latvia's prime minister is another office.
    assert!(
        !any_conflict(&s, "a.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "c.txt"),
        "{:#?}",
        conflict_texts(&s)
    );
}

#[test]
fn one_acquisition_in_three_wordings_and_another_by_the_same_buyer() {
    let s = folder(&[
        (
            "a.txt",
            "March 2, 2021\n\nBrisbane-based Solano Logistics agreed to buy Kestrel Freight for A$1.4 billion, the companies said on Tuesday.\n",
        ),
        (
            "b.txt",
            "March 2, 2021\n\nKestrel Freight is being sold to Solano Logistics for A$1.1 billion, according to a filing.\n",
        ),
        (
            "c.txt",
            "March 3, 2021\n\nSolano Logistics's A$1.4 billion purchase of Kestrel Freight is its largest deal.\n",
        ),
        (
            "d.txt",
            "March 2, 2021\n\nSolano Logistics also agreed to acquire Harrow Cold Storage for A$300 million on Tuesday.\n",
        ),
        (
            "e.txt",
            "March 2, 2021\n\nSolano Logistics, which is headquartered in Sydney, has agreed to buy Kestrel Freight.\n",
        ),
        (
            "g.txt",
            "March 2, 2021\n\nSolano Logistics is based in Queensland, the company said on Tuesday.\n",
        ),
    ]);
    let all = facts(&s);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{k:#?}\n{all}"
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    // Another acquisition by the same buyer.
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, other, "d.txt"), "{k:#?}");
        assert!(!corroborating(&s, other, "d.txt"), "{all}");
    }
    // Two cities of one country for one headquarters; a state whose
    // cities the gazetteer does not list is neither.
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "e.txt"),
        "{k:#?}\n{all}"
    );
    assert!(!any_conflict(&s, "a.txt", "g.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "e.txt", "g.txt"), "{k:#?}");
}

#[test]
fn a_meeting_of_described_ministers_dated_two_ways_in_one_city() {
    let s = folder(&[
        (
            "a.txt",
            "KAMPALA, Wednesday 12 April 2023 (AP) — Water ministers from the Nile Basin countries met in Kampala on Tuesday to discuss a new water-sharing treaty, officials said.\n",
        ),
        (
            "c.txt",
            "April 12, 2023\n\nThe ministers responsible for water in the Nile Basin met in Kampala on Monday, April 10, according to a statement.\n",
        ),
        (
            "e.txt",
            "April 12, 2023\n\nFisheries ministers of the Lake Victoria countries met in Jinja on Thursday, April 6, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventDate, "a.txt", "c.txt"),
        "{k:#?}\n{all}"
    );
    // Another meeting, another city, another day.
    assert!(!any_conflict(&s, "a.txt", "e.txt"), "{k:#?}");
    assert!(!any_conflict(&s, "c.txt", "e.txt"), "{k:#?}");
    assert!(!corroborating(&s, "a.txt", "e.txt"), "{all}");
}

#[test]
fn towns_of_one_state_are_two_places_and_an_unknown_town_is_not_its_state() {
    let s = folder(&[
        (
            "a.txt",
            "March 2, 2021\n\nMarlow Freight, the Denver, Colorado, company behind a trucking app, is being sold to Solano Logistics.\n",
        ),
        (
            "b.txt",
            "March 2, 2021\n\nMarlow Freight, the Greeley, Colorado, company that runs a trucking app, is being sold to Solano Logistics.\n",
        ),
        (
            "c.txt",
            "March 2, 2021\n\nMarlow Freight, a Denver-based trucking company, is being sold.\n",
        ),
        (
            "d.txt",
            "March 2, 2021\n\nMarlow Freight, which is headquartered in Brindlecomb, Colorado, is being sold.\n",
        ),
        (
            "e.txt",
            "March 2, 2021\n\nMarlow Freight, which is headquartered in Denver, Colorado, is being sold.\n",
        ),
    ]);
    let all = facts(&s);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "b.txt"),
        "{k:#?}\n{all}"
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
    assert!(corroborating(&s, "a.txt", "e.txt"), "{all}");
    // A town the gazetteer does not know agrees with no town of its
    // state, and conflicts with none either.
    for other in ["a.txt", "b.txt", "c.txt", "e.txt"] {
        assert!(!corroborating(&s, other, "d.txt"), "{other}\n{all}");
        assert!(!any_conflict(&s, other, "d.txt"), "{k:#?}");
    }
    assert!(!corroborating(&s, "b.txt", "e.txt"), "{all}");
}

#[test]
fn an_earlier_accident_of_the_kind_is_not_the_reported_one() {
    let s = folder(&[
        (
            "a.txt",
            "July 9, 2022\n\nA bus plunged into a ravine near Cusco on Friday, killing 12 people, police said. In 2019 a bus overturned near Cusco, killing 31 people. A similar crash near Cusco last year killed 19 people, police said.\n",
        ),
        (
            "b.txt",
            "July 9, 2022\n\nA bus crashed into a gorge near Cusco on Friday, killing 12 people, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
}

#[test]
fn described_ministers_meeting_in_two_cities_and_another_meeting_of_other_ministers() {
    let s = folder(&[
        (
            "a.txt",
            "KAMPALA, Wednesday 12 April 2023 (AP) — Water ministers from the Nile Basin countries met in Kampala on Tuesday to discuss a new water-sharing treaty, officials said.\n",
        ),
        (
            "d.txt",
            "April 12, 2023\n\nNile Basin water ministers met in Entebbe on Tuesday, officials said.\n",
        ),
        (
            "e.txt",
            "April 12, 2023\n\nFisheries ministers of the Lake Victoria countries met in Entebbe on Tuesday, officials said.\n",
        ),
        (
            "f.txt",
            "April 12, 2023\n\nNile Basin water ministers met in Kampala on Tuesday, officials said.\n",
        ),
    ]);
    let all = facts(&s);
    let k = conflict_texts(&s);
    assert!(
        conflicting(&s, ConflictKind::EventPlace, "a.txt", "d.txt"),
        "{k:#?}\n{all}"
    );
    assert!(corroborating(&s, "a.txt", "f.txt"), "{all}");
    // Other ministers, the same day: another meeting, wherever it was.
    for other in ["a.txt", "d.txt", "f.txt"] {
        assert!(!any_conflict(&s, other, "e.txt"), "{k:#?}");
        assert!(!corroborating(&s, other, "e.txt"), "{other}\n{all}");
    }
}

#[test]
fn a_source_described_in_passing_is_placed_too() {
    let s = folder(&[
        (
            "a.txt",
            "May 4, 2022\n\nOrlen Gas Trading, based in Gdansk, has said it acted lawfully at all times.\n",
        ),
        (
            "b.txt",
            "May 4, 2022\n\nOrlen Gas Trading, headquartered in Warsaw, supplies most of the gas burned in the region, the ministry said.\n",
        ),
        (
            "c.txt",
            "May 5, 2022\n\nOrlen Gas Trading, whose headquarters are in Gdansk, has said it will cooperate with the inquiry.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Location, "a.txt", "b.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    assert!(
        conflicting(&s, ConflictKind::Location, "b.txt", "c.txt"),
        "{:#?}\n{all}",
        conflict_texts(&s)
    );
    assert!(corroborating(&s, "a.txt", "c.txt"), "{all}");
}
