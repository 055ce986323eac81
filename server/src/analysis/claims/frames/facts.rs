//! Facts about events, from a parsed sentence: the date of an event and
//! the place of an event, each carrying the event (kind, participants,
//! time, place) it belongs to.
use super::event::{Event, SentenceFrames};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::facts::{Fact, FactBody, FactInput};
use crate::analysis::model::EntityKind;

/// The date and place facts of the sentence's events. An event without a
/// named participant or place is too vague to compare ("the meeting
/// took place on Monday").
pub fn of_events(inp: &FactInput, sf: &SentenceFrames, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let sentence = &text[inp.start..inp.end];
    for own in &sf.events {
        // The event as the context identifies it; its places stay those
        // this sentence names (an inherited place is no claim of it).
        let e = &with_context(own, inp.context, sentence, inp.anchor);
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
        let places: Vec<u32> = own
            .places
            .iter()
            .copied()
            .filter(|&m| doc.mentions[m as usize].kind == EntityKind::Location)
            .collect();
        if let (Some(&first), Some(&last)) = (own.places.first(), own.places.last()) {
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

/// Words that tell of another event than the one the article reports
/// ("a similar accident last year", "the previous crash").
const OTHER_EVENT: &[&str] = &[
    "another",
    "previous",
    "similar",
    "earlier",
    "last year",
    "years ago",
    "months ago",
    "ago",
    "former",
    "worst",
    "since",
    "history",
    "recent years",
];

/// Whether a sentence speaks of an event other than the reported one: a
/// word says so, or it names a year other than the report's.
pub fn tells_of_another(sentence: &str, anchor: Option<(Ymd, Ymd)>) -> bool {
    let low = sentence.to_ascii_lowercase();
    OTHER_EVENT
        .iter()
        .any(|w| crate::analysis::claims::words::has_phrase(&low, w).is_some())
        || YEAR.find_iter(sentence).any(|m| {
            let y: i32 = m.as_str().parse().unwrap_or(0);
            anchor.is_none_or(|(lo, hi)| y < lo.y || y > hi.y)
        })
}

static YEAR: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b(?:19|20)\d{2}\b").unwrap());

/// Whether an event says who took part or where.
pub fn identified(e: &Event) -> bool {
    !e.participants.is_empty() || !e.names.is_empty() || !e.places.is_empty()
}

/// An event its sentence does not identify ("the vessel sank on 12
/// March", "died in this accident"): when the article reported an event
/// of its kind before, with who or where, it is that one, unless the
/// sentence tells of another ("a similar accident in 2015") or dates it
/// elsewhere.
pub fn with_context(
    e: &Event,
    context: &[Event],
    sentence: &str,
    anchor: Option<(Ymd, Ymd)>,
) -> Event {
    let mut e = e.clone();
    if identified(&e) || e.background || tells_of_another(sentence, anchor) {
        return e;
    }
    let Some(c) = context.iter().rev().find(|c| c.kind == e.kind) else {
        return e;
    };
    // Undated, the reported event is of the week before the report.
    let reported = c
        .when
        .or_else(|| anchor.map(|(lo, hi)| (lo.add_days(-7), hi)));
    if let (Some((a, b)), Some((x, y))) = (e.when, reported) {
        if b.days() + 7 < x.days() || y.days() + 7 < a.days() {
            return e;
        }
    }
    e.participants = c.participants.clone();
    e.names = c.names.clone();
    e.places = c.places.clone();
    if e.when.is_none() {
        e.when = c.when;
    }
    e
}

/// The event a count of casualties with no event in its sentence belongs
/// to: the latest one the article reported of a kind that harms people.
pub fn casualty_context(
    context: &[Event],
    sentence: &str,
    anchor: Option<(Ymd, Ymd)>,
) -> Option<Event> {
    if tells_of_another(sentence, anchor) {
        return None;
    }
    context
        .iter()
        .rev()
        .find(|c| c.kind.harms_people())
        .cloned()
}
