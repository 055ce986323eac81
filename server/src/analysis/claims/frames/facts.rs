//! Facts about events, from a parsed sentence: the date of an event and
//! the place of an event, each carrying the event (kind, participants,
//! time, place) it belongs to.
use super::event::SentenceFrames;
use crate::analysis::claims::dates;
use crate::analysis::claims::facts::{Fact, FactBody, FactInput};
use crate::analysis::model::EntityKind;

/// The date and place facts of the sentence's events. An event without a
/// named participant or place is too vague to compare ("the meeting
/// took place on Monday").
pub fn of_events(inp: &FactInput, sf: &SentenceFrames, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    for e in &sf.events {
        if e.negated
            || e.background
            || (e.participants.is_empty() && e.names.is_empty() && e.places.is_empty())
        {
            continue;
        }
        if let (Some(when), Some((a, b))) = (e.precise_when(), e.date_span) {
            if let Some(found) = dates::read_at(text, a, b) {
                let mut f = Fact::new(
                    a,
                    b,
                    text,
                    FactBody::EventDate {
                        event: e.kind.as_str().to_string(),
                        entities: e.participants.clone(),
                        date: found.expr,
                        when: Some(when),
                    },
                );
                f.event = Some(e.clone());
                out.push(f);
            }
        }
        let places: Vec<u32> = e
            .places
            .iter()
            .copied()
            .filter(|&m| doc.mentions[m as usize].kind == EntityKind::Location)
            .collect();
        if let (Some(&first), Some(&last)) = (e.places.first(), e.places.last()) {
            if places.is_empty() {
                continue;
            }
            let a = doc.mentions[first as usize].start;
            let b = doc.mentions[last as usize].end.max(a);
            let mut f = Fact::new(
                a,
                b,
                text,
                FactBody::EventPlace {
                    event: e.kind.as_str().to_string(),
                    entities: e.participants.clone(),
                    places: e.places.clone(),
                },
            );
            f.event = Some(e.clone());
            out.push(f);
        }
    }
}
