//! The gates that decide whether two facts of one kind are compared at
//! all: a hedge over the sentence but not over the fact, an amount whose
//! time its sentence does not give, a donor named in a list. Each kind has
//! a near miss that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn a_price_in_a_definite_subject_is_not_hedged_by_the_predicate() {
    let s = folder(&[
        (
            "a.txt",
            "OSLO, May 6, 2025 (Wirewire) - Tindvik Energy's agreement to acquire Fjellnes Power for $3.2 billion is likely to draw scrutiny from regulators, analysts said.\n",
        ),
        (
            "b.txt",
            "May 6, 2025\n\nTindvik Energy will buy Fjellnes Power for $3.6 billion, the companies said on Tuesday.\n",
        ),
        (
            "c.txt",
            "May 6, 2025\n\nA deal worth $2.9 billion for Fjellnes Power could be signed by Tindvik Energy next month, people familiar with the talks said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // An indefinite deal that may happen states no price of the deal.
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{:?}", conflicts(&s));
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{:?}", conflicts(&s));
}

#[test]
fn a_result_without_its_day_is_the_game_of_its_report() {
    let s = folder(&[
        (
            "a.txt",
            "PERTH, March 9, 2025 - The Perth Falcons beat the Hobart Herons 88-80 on Saturday night at the Arena.\n",
        ),
        (
            "b.txt",
            "March 9, 2025\n\nPerth beat Hobart 88-84 in front of a full house.\n",
        ),
        (
            "c.txt",
            "March 9, 2025\n\nPerth beat Hobart 97-72 last season, their biggest win of the year.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // Last season's game is another game.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{:?}", conflicts(&s));
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{:?}", conflicts(&s));
}

#[test]
fn a_donor_named_in_a_list_of_pledges_pledges_alone() {
    let s = folder(&[
        (
            "a.txt",
            "LILONGWE, April 3 (Wirewire) - International donors pledged $200 million on Thursday to help Malawi recover from floods that killed 40 people, at a conference held in Lilongwe.\n\nThe African Development Bank was the largest single donor, committing 50 million euros, while Norway pledged 30 million euros and Canada $14 million, according to a list released by the finance ministry.\n",
        ),
        (
            "b.txt",
            "April 4, 2025\n\nCanada leads Western support for flood-hit Malawi\n\nCanada has pledged $41 million to Malawi, the Canadian high commission said after Thursday's conference. Australia offered $6 million.\n",
        ),
        (
            "c.txt",
            "April 4, 2025\n\nAustralia has pledged $14.5 million to Malawi, its embassy said after Thursday's conference.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // Another donor's pledge to the same country is another pledge.
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{:?}", conflicts(&s));
}

#[test]
fn an_undated_report_of_a_deal_is_of_the_deal_s_days_for_its_offices() {
    let s = folder(&[
        (
            "a.txt",
            "BERGEN, June 3 (Reuters) - Norwegian ferry group Halvard agreed on Monday to buy rival Korsnes Line for $800 million in cash and shares, creating the largest ferry operator on the coast.\n\nHalvard will pay 95 crowns per share, a 20% premium to the closing price on Friday.\n\n\"This gives us the routes we need,\" Halvard chief executive Marit Solberg told reporters in Bergen.\n\nThe deal is expected to close in the fourth quarter. Last year rival Nordlys Ferjer bought Vestkyst Linjer for $300 million.\n",
        ),
        (
            "b.txt",
            "June 3, 2024 | 4:10pm\n\nHalvard Shipping will acquire Korsnes Line for $800 million, the companies said on Monday.\n\nHalvard chief executive Erik Dahl said the purchase would double the fleet.\n",
        ),
        (
            "c.txt",
            "Halvard repaints its fleet\n\nHalvard chief executive Petter Moe said the company would repaint all 40 ferries in new colours by the end of the decade.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::RoleHolder, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // An undated report of no event the dated ones tell of has no time:
    // its chief executive may be of another year.
    assert!(!any_conflict(&s, "b.txt", "c.txt"), "{:?}", conflicts(&s));
    assert!(!any_conflict(&s, "a.txt", "c.txt"), "{:?}", conflicts(&s));
}

#[test]
fn one_seller_s_sales_of_two_things_are_two_prices() {
    let s = folder(&[
        (
            "a.txt",
            "July 3, 2025\n\nThe Harrow Group has sold its packaging unit for $450 million, the company said on Thursday.\n",
        ),
        (
            "b.txt",
            "July 3, 2025\n\nThe Harrow Group sold its trucking business for $120 million to a private equity firm, it said on Thursday.\n",
        ),
        (
            "c.txt",
            "July 4, 2025\n\nThe Harrow Group has sold its packaging business for $380 million, a spokeswoman said on Thursday.\n",
        ),
        (
            "d.txt",
            "July 4, 2025\n\nThe Harrow Group's $900 million purchase of Kestrel Cartons could take months to clear, lawyers said on Friday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // A company bought by name is not the unit sold.
    assert!(
        !any_conflict(&s, "a.txt", "d.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !any_conflict(&s, "c.txt", "d.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn a_price_of_nobody_named_is_not_that_of_the_player_another_report_names() {
    let s = folder(&[
        (
            "a.txt",
            "PORTO, May 6 (Reuters) - Portuguese club Vila Nova have agreed to sell Brazilian midfielder Caio Ramos to Redhill Athletic for 38 million euros, the club said on Tuesday.\n",
        ),
        (
            "b.txt",
            "May 6, 2025\n\nRedhill Athletic have signed Caio Ramos from Vila Nova.\n\nVila Nova sold the midfielder's teammate to a French club for €19m in February, bringing their income from sales this year to more than €60m.\n",
        ),
        (
            "c.txt",
            "May 7, 2025\n\nRedhill Athletic paid Vila Nova €38m for Caio Ramos, the club confirmed on Tuesday.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(
        !any_conflict(&s, "a.txt", "b.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    assert!(
        !any_conflict(&s, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}
