use super::*;
use crate::analysis::analyze_document;

fn facts(t: &str) -> Vec<(String, FactBody)> {
    let doc = analyze_document(t);
    doc.structure
        .sentences
        .iter()
        .flat_map(|s| {
            extract(&FactInput {
                text: t,
                doc: &doc,
                start: s.start,
                end: s.end,
                exclude: &[],
                anchor: None,
                frames: None,
                context: &[],
                country: None,
                another: false,
                dateline: None,
                toll_told: false,
                lead_harm: None,
            })
        })
        .map(|f| (f.text, f.body))
        .collect()
}

#[test]
fn quantities_need_a_named_subject_in_their_clause() {
    let f = facts("NATO has 32 members. The group coordinates supplies from nearly 50 countries.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "32 members");
    let f = facts("A spokesman said that the 32 countries of NATO have decided to act.");
    assert!(matches!(&f[0].1, FactBody::Quantity { amount, .. } if amount.unit == "country"));
}

#[test]
fn event_dates_and_places() {
    let f = facts("The NATO summit will be held in Washington on 9 July 2024.");
    let kinds: Vec<&str> = f
        .iter()
        .map(|(_, b)| match b {
            FactBody::EventDate { .. } => "event",
            FactBody::Location { .. } => "place",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, vec!["event", "place"], "{f:?}");
    assert!(matches!(&f[0].1, FactBody::EventDate { event, .. } if event == "summit"));
    // Places stop at "on": the date is not a place.
    assert_eq!(f[1].0, "Washington");
}

#[test]
fn roles_keep_qualifiers_and_dated_frames() {
    let f = facts("In 2019, NATO Secretary General Jens Stoltenberg visited Kyiv.");
    match &f[0].1 {
        FactBody::Role { role, when, .. } => {
            assert_eq!(role.title, "secretary general");
            assert_eq!(when.map(|w| w.0.y), Some(2019));
        }
        b => panic!("{b:?}"),
    }
}
