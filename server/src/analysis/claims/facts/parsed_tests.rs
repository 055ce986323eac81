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
