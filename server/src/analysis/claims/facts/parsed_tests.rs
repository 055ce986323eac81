use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::frames;

/// Facts of the first sentence of `t` read with its parse.
pub(crate) fn parsed_facts(t: &str) -> Vec<Fact> {
    let doc = analyze_document(t);
    let s = &doc.structure.sentences[0];
    let ms = mentions_in(&doc, s.start, s.end);
    let sf = frames::event::read(&frames::SentenceInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        mentions: &ms,
        exclude: &[],
        anchor: None,
    });
    extract(&FactInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        exclude: &[],
        anchor: None,
        frames: sf.as_ref(),
        context: &[],
        country: None,
        another: false,
        dateline: None,
        toll_told: false,
        lead_harm: None,
    })
}

#[test]
fn numbers_the_recogniser_left_out_are_amounts_of_their_event() {
    let f = parsed_facts(
        "A Transandes regional jet crashed near Cochabamba on Wednesday, killing 41 of the 49 people on board.",
    );
    let q: Vec<(&str, &str)> = f
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Quantity { measure, .. } => Some((f.text.as_str(), measure.what.as_str())),
            _ => None,
        })
        .collect();
    assert!(q.contains(&("41", "killed")), "{f:#?}");
    assert!(
        f.iter().all(|f| f
            .event
            .as_ref()
            .is_some_and(|e| e.kind == frames::EventKind::Crash)),
        "{f:#?}"
    );
}

/// Each goals fact of the first sentence: (count, opponent).
fn goals(t: &str) -> Vec<(f64, Option<String>)> {
    parsed_facts(t)
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                amount, measure, ..
            } if measure.what == "goals" => Some((amount.value, measure.to.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn goals_in_one_game_are_keyed_by_its_opponent() {
    let nordvik = Some("nordvik".to_string());
    assert_eq!(
        goals("Jonas Lindqvist scored three goals as Vargfjell HC beat Nordvik HF 5-2 on Thursday night."),
        [(3.0, nordvik.clone())]
    );
    assert_eq!(
        goals(
            "Jonas Lindqvist found the net three times on Thursday as Vargfjell beat Nordvik 5-2."
        ),
        [(3.0, nordvik.clone())]
    );
    assert_eq!(
        goals("Jonas Lindqvist, who had a hat trick against Nordvik two days earlier, now has 26 goals this season."),
        [(3.0, nordvik)]
    );
    // No other team named: no game to compare.
    assert_eq!(
        goals("Jonas Lindqvist scored once for Vargfjell."),
        [(1.0, None)]
    );
}

#[test]
fn a_place_based_description_is_not_the_subject() {
    const T: &str =
        "Berlin-based Lumio Grid has raised €60 million in a Series B round led by Halvard Ventures.";
    let doc = analyze_document(T);
    let f = parsed_facts(T);
    let subject = f.iter().find_map(|f| match &f.body {
        FactBody::Quantity { subject, .. } => *subject,
        _ => None,
    });
    let name = subject.map(|s| doc.mentions[s as usize].text(T));
    assert_eq!(name, Some("Lumio Grid"), "{f:#?}");
}
