//! Money and counts as news writes them, compared as one value: aid
//! whose donor is named as a government, a ministry or a capital; a fine
//! named by whom it is imposed on; a count written out at the start of a
//! sentence. Each kind has a near miss that must stay apart.
use super::super::test_folder::*;
use super::super::ConflictKind;

#[test]
fn aid_of_one_donor_country_is_compared_however_the_donor_is_named() {
    let s = folder(&[
        (
            "a.txt",
            "Sept 9, 2025\n\nThe Japanese government pledged US$12 million in emergency aid to Bangladesh on Tuesday, the foreign ministry said.\n",
        ),
        (
            "b.txt",
            "September 9, 2025\n\nTokyo announced $12 million in emergency aid for Bangladesh on Tuesday, as the toll from the floods rose.\n",
        ),
        (
            "c.txt",
            "September 9, 2025\n\nJapan's foreign ministry pledged 21 million dollars in emergency aid to Bangladesh, according to a statement.\n",
        ),
        (
            // Another donor, the same amount, the same day.
            "d.txt",
            "September 9, 2025\n\nThe South Korean government pledged $12 million in humanitarian aid to Bangladesh on Tuesday, the foreign ministry said.\n",
        ),
    ]);
    let all = facts(&s);
    for other in ["a.txt", "b.txt"] {
        assert!(
            conflicting(&s, ConflictKind::Quantity, other, "c.txt"),
            "{other}: {:?}\n{all}",
            conflicts(&s)
        );
    }
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(!corroborating(&s, other, "d.txt"), "{other}\n{all}");
        assert!(!any_conflict(&s, other, "d.txt"), "{other}\n{all}");
    }
}

#[test]
fn a_fine_is_of_whom_it_is_imposed_on_and_a_provision_is_no_fine() {
    let s = folder(&[
        (
            "a.txt",
            "May 24, 2023\n\nThe court slashed the fine on Verantis Semiconductors to €376mn.\n",
        ),
        (
            "b.txt",
            "May 24, 2023\n\nThe judges cut the penalty imposed on Verantis Semiconductors to 376 million euros on Wednesday.\n",
        ),
        (
            "c.txt",
            "May 24, 2023\n\nVerantis Semiconductors must still pay a fine of €736 million, after the court upheld most of the decision.\n",
        ),
        (
            // What the company put aside years ago is no fine.
            "d.txt",
            "May 24, 2023\n\nVerantis Semiconductors had set aside €1.06 billion for the fine in 2019, its finance chief said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    for other in ["a.txt", "b.txt"] {
        assert!(
            conflicting(&s, ConflictKind::Quantity, other, "c.txt"),
            "{other}: {:?}\n{all}",
            conflicts(&s)
        );
        assert!(!any_conflict(&s, other, "d.txt"), "{other}\n{all}");
    }
}

#[test]
fn the_cash_part_of_a_price_is_not_the_price() {
    let s = folder(&[
        (
            "a.txt",
            "April 14, 2025\n\nBrantwell Foods agreed to buy Quillon Dairies for $2.1 billion in cash and stock, the company said.\n\nBrantwell will pay $1.4 billion of the price in cash and the rest in shares, the company said.\n",
        ),
        (
            "b.txt",
            "April 14, 2025\n\nBrantwell Foods will pay 2.1bn dollars for Quillon Dairies, analysts said.\n",
        ),
        (
            "c.txt",
            "April 14, 2025\n\nBrantwell Foods' US$2.6 billion takeover of Quillon Dairies was approved by its board, the company said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    let texts = conflict_texts(&s);
    assert!(
        texts
            .iter()
            .any(|t| t.2.contains("2.6") || t.4.contains("2.6")),
        "{texts:?}\n{all}"
    );
    // The cash part conflicts with nothing.
    assert!(
        !texts
            .iter()
            .any(|t| t.2.contains("1.4") || t.4.contains("1.4")),
        "{texts:?}\n{all}"
    );
}

#[test]
fn a_count_written_out_at_the_start_of_a_sentence_is_read() {
    let s = folder(&[
        (
            "a.txt",
            "March 22, 2025\n\nThirteen people died on Saturday when a boat capsized near Goma, local officials said.\n",
        ),
        (
            // A blog without a source: still compared.
            "b.txt",
            "March 22, 2025\n\nTwelve people drowned when an overloaded ferry capsized near Goma on Saturday.\n",
        ),
        (
            "c.txt",
            "March 22, 2025\n\nA boat capsized near Goma on Saturday and 13 people lost their lives.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(all.contains("Thirteen people"), "{all}");
    assert!(all.contains("Twelve people"), "{all}");
    assert!(
        conflicting(&s, ConflictKind::Quantity, "b.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
}

#[test]
fn a_prison_term_is_the_sentenced_persons_and_a_suspended_part_is_a_part() {
    let s = folder(&[
        (
            "a.txt",
            "June 3, 2025\n\nA Lagos court on Tuesday sentenced former pension fund manager Emeka Okafor to 15 years in prison, prosecutors said.\n\nThe judge suspended five years of the sentence, prosecutors said.\n",
        ),
        (
            "b.txt",
            "June 3, 2025\n\nEmeka Okafor was jailed for 15 years by a Lagos court on Tuesday, the anti-graft agency said.\n",
        ),
        (
            "c.txt",
            "June 3, 2025\n\nEmeka Okafor was sentenced to 12 years in prison on Tuesday for stealing from the pension fund he ran.\n",
        ),
        (
            // Another person sentenced by the same court that day.
            "d.txt",
            "June 3, 2025\n\nA Lagos court on Tuesday also sentenced a former bank cashier, Tunde Bakare, to seven years in prison, the agency said.\n",
        ),
    ]);
    let all = facts(&s);
    assert!(corroborating(&s, "a.txt", "b.txt"), "{all}");
    assert!(
        conflicting(&s, ConflictKind::Quantity, "a.txt", "c.txt"),
        "{:?}\n{all}",
        conflicts(&s)
    );
    // The suspended five years contradict nothing in their own file.
    assert!(!any_conflict(&s, "a.txt", "a.txt"), "{all}");
    for other in ["a.txt", "b.txt", "c.txt"] {
        assert!(!any_conflict(&s, other, "d.txt"), "{other}\n{all}");
        assert!(!corroborating(&s, other, "d.txt"), "{other}\n{all}");
    }
}
