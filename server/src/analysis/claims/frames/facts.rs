//! Facts about events, from a parsed sentence: the date of an event and
//! the place of an event, each carrying the event (kind, participants,
//! time, place) it belongs to.
use super::event::{Event, SentenceFrames};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::facts::{Fact, FactBody, FactInput};
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// The date and place facts of the sentence's events. An event without a
/// named participant or place is too vague to compare ("the meeting
/// took place on Monday").
pub fn of_events(inp: &FactInput, sf: &SentenceFrames, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let around = places_around(inp);
    for own in &sf.events {
        // The event as the context identifies it; its places stay those
        // this sentence names (an inherited place is no claim of it).
        let mut e = with_context(own, inp.context, inp.another, inp.anchor);
        if e.kind.told_as_lead() {
            e.around = around.clone();
        }
        let e = &e;
        if e.negated || e.background {
            continue;
        }
        // An event that names nobody and no place is too vague to compare,
        // except the harm a report leads with ("A strong earthquake struck
        // on Tuesday, killing 14"): its day is compared with other
        // reports' lead event of the kind in the country (see
        // `index::event::one_lead_event`).
        if !identified(e) {
            let lead = e.kind.told_as_lead()
                && !inp.another
                && !e.another
                && !inp.context.iter().any(|c| c.kind == e.kind)
                && lead_dating(text, e);
            if lead {
                date_fact(text, e, out);
            }
            // "Meeting in the Estonian capital on 11 June, the eight
            // ministers signed": a place written as a description is a
            // place the sentence gives, though it names nobody (whether
            // it is compared is the index's to judge); its date alone
            // stays too vague.
            capital_fact(inp, own, e, out);
            continue;
        }
        date_fact(text, e, out);
        let places: Vec<u32> = own
            .places
            .iter()
            .copied()
            .filter(|&m| doc.mentions[m as usize].kind == EntityKind::Location)
            .collect();
        capital_fact(inp, own, e, out);
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

/// "in the Ugandan capital": the place fact of the city it stands for, by
/// name (the index finds it when the folder names it), for an event
/// `own` whose sentence names no place (`e`: the event in its context).
fn capital_fact(inp: &FactInput, own: &Event, e: &Event, out: &mut Vec<Fact>) {
    if !own.places.is_empty() || own.place_names.is_empty() {
        return;
    }
    // "The Brasov Court of Appeal sentenced": the court's name.
    let court = || {
        own.participants.iter().find_map(|&m| {
            let men = &inp.doc.mentions[m as usize];
            super::event::court_town(men.text(inp.text)).map(|_| (men.start, men.end))
        })
    };
    let Some((a, b)) = capital_span(inp.text, inp.start, inp.end).or_else(court) else {
        return;
    };
    let mut f = Fact::new(
        a,
        b,
        inp.text,
        FactBody::EventPlace {
            event: e.kind.as_str().to_string(),
            entities: e.participants.clone(),
            places: Vec::new(),
        },
    );
    let mut ev = e.clone();
    ev.place_names = own.place_names.clone();
    f.event = Some(ev);
    out.push(f);
}

/// The places below a country the sentence names, outside its dateline
/// and its sources (see `Event::around`).
fn places_around(inp: &FactInput) -> Vec<u32> {
    let outside = |a: usize, b: usize| {
        !inp.dateline.is_some_and(|(x, y)| x <= a && b <= y)
            && !inp.exclude.iter().any(|&(x, y)| x <= a && b <= y)
    };
    crate::analysis::claims::facts::mentions_in(inp.doc, inp.start, inp.end)
        .into_iter()
        .filter(|&m| {
            let men = &inp.doc.mentions[m as usize];
            let name = men.text(inp.text);
            men.kind == EntityKind::Location
                && outside(men.start, men.end)
                && crate::analysis::claims::resolve::country_of_name(name)
                    .is_none_or(|c| ascii_key(&c) != ascii_key(name))
        })
        .collect()
}

/// Whether the date of an event that names nobody dates the harm a report
/// leads with: one day ("this week" dates too loosely), written after the
/// event word ("struck on Tuesday") or as a weekday's possessive
/// ("Monday's earthquake"); a date before the noun may name a past event
/// whose year it leaves out ("the September 11th attacks").
fn lead_dating(text: &str, e: &Event) -> bool {
    let (Some((lo, hi)), Some((a, b))) = (e.when, e.date_span) else {
        return false;
    };
    if lo != hi {
        return false;
    }
    if b > e.start {
        return true;
    }
    // "On Friday night thousands marched", "arrested on Saturday after a
    // march": a day under "on" is the day of what the sentence tells, not
    // the name of a past event ("the September 11 attacks").
    let before = text.get(..a).unwrap_or("").trim_end();
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if last_word.eq_ignore_ascii_case("on") {
        return true;
    }
    let written = text.get(a..b).unwrap_or("");
    let after = text.get(b..).unwrap_or("");
    crate::analysis::claims::dates::calendar::WEEKDAYS
        .iter()
        .any(|w| written.eq_ignore_ascii_case(w))
        && (after.starts_with("'s") || after.starts_with("’s"))
}

/// The date fact of event `e`, when a date precise to days is attached.
fn date_fact(text: &str, e: &Event, out: &mut Vec<Fact>) {
    let (Some(when), Some((a, b))) = (e.precise_when(), e.date_span) else {
        return;
    };
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

/// The words "<Qualifier> capital" of a sentence ("Ugandan capital",
/// "Uganda's capital"), for a fact read from them.
fn capital_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.get(start..end)?;
    let at = s.find(" capital")? + 1;
    let before = s[..at].trim_end();
    let word = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    Some((start + word, start + at + "capital".len()))
}

/// Words that tell of another event than the one the article reports
/// ("a similar accident last year", "the previous crash"). Not "since"
/// nor a superlative: "the worst flooding since 2019", "the first crash
/// since the airline resumed flights" measure the reported event against
/// the past, they report it.
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
    "history",
    "recent years",
    // "In a separate incident, a rockfall at a quarry ... killed two":
    // another event of the kind, told beside the lead one.
    "separate",
    "elsewhere",
];

/// Words after which a year is a point of comparison, not the time of an
/// event told ("since 2019", "the deadliest since 2004").
const SINCE: &[&str] = &["since", "since at least", "ever since"];

/// Whether a sentence speaks of an event other than the reported one: a
/// word says so, or it names a year other than the report's.
pub fn tells_of_another(sentence: &str, anchor: Option<(Ymd, Ymd)>) -> bool {
    let low = sentence.to_ascii_lowercase();
    OTHER_EVENT.iter().any(|w| {
        crate::analysis::claims::words::has_phrase(&low, w)
            .is_some_and(|at| !(*w == "history" && superlative_before(&low[..at])))
    }) || YEAR.find_iter(sentence).any(|m| {
        let y: i32 = m.as_str().parse().unwrap_or(0);
        let before = low[..m.start()].trim_end();
        let compared = SINCE.iter().any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        !compared && anchor.is_none_or(|(lo, hi)| y < lo.y || y > hi.y)
    })
}

/// "The largest in the company's 40-year history", "the deadliest in
/// the country's history": a superlative measures the reported event
/// against the past (`before`: the sentence up to "history").
fn superlative_before(before: &str) -> bool {
    static SUPERLATIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\bthe\s+(?:\w{2,}est|most\s+\w+|worst|best)\b[^.;]{0,60}\b(?:in|of)\b[^.;,]{0,40}$",
        )
        .unwrap()
    });
    let from =
        crate::analysis::claims::words::floor_boundary(before, before.len().saturating_sub(120));
    SUPERLATIVE.is_match(&before[from..])
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
    another: bool,
    anchor: Option<(Ymd, Ymd)>,
) -> Event {
    let mut e = e.clone();
    if identified(&e) || e.background || another {
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
pub fn casualty_context(context: &[Event], another: bool) -> Option<Event> {
    if another {
        return None;
    }
    context
        .iter()
        .rev()
        .find(|c| c.kind.harms_people())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The event dates of `t`'s claims, as written.
    fn event_dates(t: &str) -> Vec<String> {
        let doc = crate::analysis::analyze_document(t);
        let fc = crate::analysis::claims::analyze(t, &doc, &Default::default());
        fc.claims
            .iter()
            .flat_map(|c| c.facts.iter())
            .filter(|f| matches!(f.body, FactBody::EventDate { .. }))
            .map(|f| f.text.clone())
            .collect()
    }

    #[test]
    fn the_harm_a_report_leads_with_is_dated_though_it_names_nobody() {
        for (t, want) in [
            (
                "QUITO, March 9, 2022 (Reuters) - A strong earthquake struck on Tuesday, killing at least 14 people, officials said.",
                "Tuesday",
            ),
            (
                "Lima, 22 February 2023\n\nMonday's earthquake destroyed the old church, the governor said on Wednesday.",
                "Monday",
            ),
        ] {
            assert_eq!(event_dates(t), vec![want.to_string()], "{t}");
        }
        // A date before the noun may name a past event by its day alone;
        // a week dates nothing; a meeting of nobody named is too vague.
        for t in [
            "NEW YORK, September 12, 2006 - Markets fell to their lowest since reopening after the September 11 attacks, traders said.",
            "DETROIT, December 12, 2008 - Earlier this week, the carmakers pleaded for funds to prevent a collapse, officials said.",
            "GENEVA, June 11, 2015 - The meeting took place on Tuesday, officials said.",
        ] {
            assert!(event_dates(t).is_empty(), "{t}: {:?}", event_dates(t));
        }
    }

    #[test]
    fn a_second_event_is_told_by_what_says_so_not_by_a_comparison() {
        let day = Ymd::new(2024, 3, 10).map(|d| (d, d));
        for t in [
            "It was the worst ferry disaster in Bangladesh since 2015, officials said.",
            "The fire was the deadliest since at least 2019.",
            "Since Monday, rescuers have recovered 40 bodies.",
        ] {
            assert!(!tells_of_another(t, day), "{t}");
        }
        for t in [
            "A similar accident on the lake killed 40 people in 2019.",
            "In 2015, a ferry sank in the same river, killing 70.",
            "Another fire broke out in the same district last year.",
            "In a separate incident, a rockfall at a quarry killed two workers on Wednesday.",
            "Elsewhere, a bus overturned near the border, injuring nine.",
        ] {
            assert!(tells_of_another(t, day), "{t}");
        }
    }
}
