//! Small readings around an amount that say what it is a part of or
//! whether it counts anything: a number word opening a sentence, money
//! put aside for a cost, a part of a whole named before its amount.

/// The noun a number word written out directly before it counts
/// ("Thirteen people died", "Twelve passengers"), however the parser
/// took the word: a number word opening a sentence is often tagged a
/// name, a pronoun or even a verb.
pub(super) fn noun_counted_next(p: &crate::analysis::syntax::Parse, t: usize) -> Option<usize> {
    let tok = &p.tokens[t];
    if tok.upos == crate::analysis::syntax::Upos::Num
        || !crate::analysis::claims::quantity::number::is_number_word(&tok.form)
        // "One person said": one is as often a pronoun as a count.
        || tok.form.eq_ignore_ascii_case("one")
    {
        return None;
    }
    let next = t + 1;
    (next < p.len() && p.tokens[next].upos == crate::analysis::syntax::Upos::Noun).then_some(next)
}

/// Whether the words before an amount put it aside for a cost ("set
/// aside", "earmarked", "a provision of").
pub(super) fn provision_before(before: &str) -> bool {
    let low = before.to_ascii_lowercase();
    let ws: Vec<&str> = low.split_whitespace().rev().take(4).collect();
    let near = |w: &str| ws.iter().take(3).any(|x| *x == w);
    (ws.first() == Some(&"aside") || ws.get(1) == Some(&"aside"))
        || [
            "earmarked",
            "provisioned",
            "reserved",
            "provision",
            "provisions",
        ]
        .iter()
        .any(|w| near(w))
}

/// A part of a whole named just before its amount: "the cash portion
/// (amounts to)", "the stock component", "a first tranche (of)", "an
/// upfront payment (of)". The part as `in cash` names it ("cash"), or the
/// words themselves. "As part of a $2 billion deal" names no part: the
/// amount there is the whole.
pub(super) fn part_named_before(before: &str) -> Option<String> {
    const PAID_IN: &[&str] = &[
        "cash", "stock", "share", "shares", "equity", "debt", "loan", "grant",
    ];
    const PART_NOUNS: &[&str] = &["portion", "component", "element", "part", "share"];
    const INSTALMENTS: &[&str] = &[
        "tranche",
        "instalment",
        "installment",
        "payment",
        "disbursement",
    ];
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "initial", "final", "last", "next", "upfront",
    ];
    let low = before.to_ascii_lowercase();
    let ws: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let recent = &ws[ws.len().saturating_sub(8)..];
    // "values X's equity at", "an equity value of": what the owners get,
    // the price less the debt the buyer takes on.
    if recent.iter().rev().take(4).any(|w| *w == "equity") {
        return Some("equity".to_string());
    }
    recent.windows(2).find_map(|w| {
        let (q, n) = (w[0], w[1]);
        if PART_NOUNS.contains(&n) && PAID_IN.contains(&q) {
            Some(match q {
                "share" | "shares" => "stock".to_string(),
                _ => q.to_string(),
            })
        } else if INSTALMENTS.contains(&n) && ORDINALS.contains(&q) {
            Some(format!("{q} {n}"))
        } else {
            None
        }
    })
}

/// Lengths followed by a direction or "from"/"away": where something is.
pub(super) fn is_distance(
    text: &str,
    amount: &crate::analysis::claims::quantity::Amount,
    end: usize,
) -> bool {
    const LENGTHS: &[&str] = &[
        "metre",
        "meter",
        "kilometre",
        "kilometer",
        "km",
        "m",
        "mile",
        "foot",
        "feet",
        "ft",
        "yard",
        "nautical mile",
    ];
    if !LENGTHS.contains(&amount.unit.as_str()) {
        return false;
    }
    let after = crate::analysis::claims::words::words(
        text,
        end,
        crate::analysis::claims::words::floor_boundary(text, end + 40),
    );
    after.iter().take(3).any(|w| {
        let l = w.text.to_ascii_lowercase();
        l.starts_with("north")
            || l.starts_with("south")
            || l.ends_with("east")
            || l.ends_with("west")
            || matches!(
                l.as_str(),
                "from"
                    | "away"
                    | "off"
                    | "offshore"
                    | "inland"
                    | "outside"
                    | "short"
                    | "below"
                    | "above"
                    | "underground"
            )
    })
}

#[cfg(test)]
mod part_tests {
    use super::part_named_before;

    #[test]
    fn a_part_named_before_its_amount() {
        for (before, part) in [
            (
                "The cash portion of the acquisition amounts to ",
                Some("cash"),
            ),
            ("The cash portion amounts to ", Some("cash")),
            ("The share component of the deal totals ", Some("stock")),
            ("A first tranche of ", Some("first tranche")),
            ("The offer values Celmar's equity at ", Some("equity")),
            ("an upfront payment of ", Some("upfront payment")),
            // The whole, not a part of it.
            ("The agreement is part of a ", None),
            ("Brantwell will pay ", None),
        ] {
            assert_eq!(part_named_before(before).as_deref(), part, "{before}");
        }
    }
}
