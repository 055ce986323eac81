//! Amounts of no subject that are not the story's, on small folders
//! written for these tests: another bidder's offer, a labour agreement's
//! figures beside a purchase, stages of a count that changes. None of
//! them conflicts with the story's amount.
use super::super::test_folder::*;

#[test]
fn other_bidders_offers_are_not_the_price() {
    let s = folder(&[
        (
            "a.txt",
            "TORONTO, Sept 3, 2025 (Wire) - Maple Foods agreed on Wednesday to buy Corran Dairies for $1.4 billion, the companies said.\n\nA rival bidder had offered $1.1 billion for Corran in July, people familiar with the matter said.\n",
        ),
        (
            "b.txt",
            "September 3, 2025\n\nMaple Foods will pay $1.4 billion for Corran Dairies, the company said on Wednesday.\n\nThe other bidder, a private equity fund, had offered $1.2 billion. A second company walked away after offering $950 million.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(k.is_empty(), "{k:#?}\n{}", facts(&s));
}

#[test]
fn a_labour_agreements_figures_are_no_price() {
    let s = folder(&[
        (
            "a.txt",
            "LYON, 9 October 2025 (Wire) - Workers at carmaker Velmar accepted a pay deal on Thursday, the CGT union said.\n\nVelmar bought battery maker Ionis for 120 million euros in March.\n",
        ),
        (
            "b.txt",
            "Thursday 9 October 2025\n\nVelmar agreed a collective agreement with its unions on Thursday, a Velmar spokeswoman said. Workers will also receive a lump sum of 1,500 euros.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(k.is_empty(), "{k:#?}\n{}", facts(&s));
}

#[test]
fn counts_at_stated_moments_and_the_peak_do_not_conflict() {
    let s = folder(&[
        (
            "a.txt",
            "DUNMARRA, 21 November 2025 (Wire) - By Friday, 40 ships were waiting to enter the port of Dunmarra, the port authority said.\n\nAt its peak on Wednesday, 65 ships were waiting at anchor, the authority said.\n",
        ),
        (
            "b.txt",
            "21 November 2025\n\nForty ships were waiting to enter the port of Dunmarra on Friday, the port authority said.\n\nOn the first day of the strike, 12 ships were waiting outside the harbour.\n",
        ),
    ]);
    let k = conflict_texts(&s);
    assert!(k.is_empty(), "{k:#?}\n{}", facts(&s));
}
