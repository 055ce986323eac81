//! Counts read through the parse, outside the known event kinds.
use super::super::parsed_tests::parsed_facts;
use super::*;

/// (amount as written, measure, stage) of the quantity facts of the first
/// sentence of `t`.
fn counts(t: &str) -> Vec<(String, String, Stage, Option<String>)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity { measure, .. } => {
                Some((f.text, measure.what, measure.stage, measure.part))
            }
            _ => None,
        })
        .collect()
}

fn whats(t: &str) -> Vec<(String, String)> {
    counts(t).into_iter().map(|(a, w, ..)| (a, w)).collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn a_passive_or_intransitive_subject_is_counted_by_its_verb() {
    assert_eq!(
        whats("About 300 people were evacuated from nearby villages."),
        [pair("About 300 people", "displaced")]
    );
    assert_eq!(
        whats("Some 2,000 people rallied in the capital on Friday."),
        [pair("Some 2,000 people", "rally")]
    );
}
