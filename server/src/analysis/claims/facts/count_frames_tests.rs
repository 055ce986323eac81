//! Measure frames read through the parse: restatements of one measure in
//! other words (verbs with their words, nouns a count is "of", the counted
//! noun itself, participles on it) key alike.
use super::super::count_reading::{number_group, read_count};
use super::super::parsed_tests::parsed_facts;
use crate::analysis::claims::FactBody;

/// The measure the parse reads for the number written `n` in `t`.
fn what(t: &str, n: &str) -> Option<String> {
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    let i = (0..p.len()).find(|&i| p.tokens[i].form == n)?;
    let (_, _, head) = number_group(&p, i);
    read_count(&p, head).map(|r| r.what)
}

/// (amount as written, measure, unit) of the quantity facts of `t`.
fn counts(t: &str) -> Vec<(String, String, String)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((f.text, measure.what, amount.unit)),
            _ => None,
        })
        .collect()
}

#[test]
fn dump() {
    for t in [
        "Nurses at Oslo University Hospital accepted a 4.5 per cent wage increase on Monday, the union said.",
        "Wages will rise by 4.5% from April, the hospital said.",
        "Some 40,000 customers lost power.",
        "A total of 212 deputies backed the bill, while 108 opposed it.",
        "Some 86,000 cars are being called back.",
    ] {
        let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
        eprintln!("{}", p.to_conllu());
        eprintln!("{:?}", counts(t));
        eprintln!("{:?}", (0..p.len()).map(|i| what(t, &p.tokens[i].form)).collect::<Vec<_>>());
    }
}
