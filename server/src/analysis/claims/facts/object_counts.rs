//! Frames of counts the verb-and-object reading of `count_frames` does not
//! reach: a count a verb sweeps "through" ("the water swept through seven
//! villages"), and a venue's size ("a 40,000-seat stadium", "a stadium
//! with 40,000 seats", "the stadium holds about 40,000 spectators"). The
//! frame rows are `quantity::object_frames`.
use super::count_reading::lemma;
use crate::analysis::claims::quantity::measure_frames::{counted_class, frame_for, Cue, WordKind};
use crate::analysis::claims::quantity::object_frames::{is_venue, venue_crowd};
use crate::analysis::syntax::{Parse, Rel, Upos};

/// The frame of a count whose phrase `x` (counting `noun`) stands in its
/// clause as no subject or object, when one of these forms says it.
pub(super) fn object_reading(p: &Parse, noun: Option<usize>, x: usize) -> Option<&'static str> {
    if let Some(m) = venue_size(p, noun, x) {
        return Some(m);
    }
    swept_through(p, noun, x)
}

/// "swept through seven villages", "tore across 300 homes": an oblique
/// "through" or "across" of a verb that says what the event did in
/// passing through.
fn swept_through(p: &Parse, noun: Option<usize>, x: usize) -> Option<&'static str> {
    let n = noun?;
    if !matches!(p.tokens[x].deprel.rel, Rel::Obl | Rel::Nmod) {
        return None;
    }
    let case = p.case_marker(x)?;
    if !matches!(case.as_str(), "through" | "across") {
        return None;
    }
    // The verb, or a past form the tagger took for a noun ("Floodwaters
    // from the Koshi swept through"): only a frame's verb with "through"
    // names anything below, so a true noun ("a tour through seven
    // villages") names nothing.
    // The parser may hang the phrase on the subject instead: the word
    // right before "through" is then the verb.
    let before = p
        .children_with(x, Rel::Case)
        .next()
        .and_then(|c| c.checked_sub(1));
    let words = [case];
    let counted = counted_class(Some(&lemma(p, n)));
    [p.head(x), before]
        .into_iter()
        .flatten()
        .filter(|&v| matches!(p.tokens[v].upos, Upos::Verb | Upos::Noun))
        .find_map(|v| through_frame(p, v, &words, counted))
}

/// The frame verb `v` names with "through" for a count of `counted`.
fn through_frame(
    p: &Parse,
    v: usize,
    words: &[String],
    counted: crate::analysis::claims::quantity::measure_frames::Counted,
) -> Option<&'static str> {
    let noun_tagged = p.tokens[v].upos == Upos::Noun;
    [lemma(p, v), p.tokens[v].form.to_ascii_lowercase()]
        .iter()
        .find_map(|l| {
            frame_for(&Cue {
                lemma: l,
                kind: WordKind::Verb,
                words,
                counted,
                // Things an event acted on, never people who left.
                people_named: false,
            })
            // A word tagged a noun names the frame only as a verb that
            // needs "through" ("swept"), never alone ("a flood").
            .filter(|f| !noun_tagged || f.verbs_with.iter().any(|(w, _)| w == l))
        })
        .map(|f| f.measure)
}

/// A venue's size: seats counted on a venue noun ("a 40,000-seat
/// stadium", "a stadium with 40,000 seats"), or a crowd a venue holds
/// ("the stadium holds 40,000 spectators", "which can hold 40,000
/// fans"). A parliament's seats, or people held by police, are no
/// venue's.
fn venue_size(p: &Parse, noun: Option<usize>, x: usize) -> Option<&'static str> {
    let n = noun?;
    let counted = lemma(p, n);
    let venue_noun =
        |t: usize| matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn) && is_venue(&lemma(p, t));
    if counted == "seat" && p.head(n).is_some_and(venue_noun) {
        return Some("capacity");
    }
    // "holds 40,000 spectators" / "can hold 40,000 fans": a verb of
    // holding whose subject is a venue, or which holds a crowd's noun.
    if p.tokens[x].deprel.rel != Rel::Obj {
        return None;
    }
    let v = p.head(x)?;
    if !matches!(lemma(p, v).as_str(), "hold" | "seat" | "accommodate") {
        return None;
    }
    let subject_venue = p.subjects(v).into_iter().any(venue_noun)
        || p.head(v)
            .is_some_and(|h| p.tokens[v].deprel.rel == Rel::Acl && venue_noun(h));
    (subject_venue && (venue_crowd(&counted) || counted == "people")).then_some("capacity")
}

/// The place a count of no event is told of apart from its story's
/// whole: a sentence that opens on a named place ("In Saptari district,
/// 40 houses were inundated") or names a neighbouring one before the
/// count ("In neighbouring West Bengal, 2.5 lakh people were shifted",
/// "while neighbouring Kerala evacuated 900"). Such a count is of a part
/// of the area the story covers, compared only with counts of that part
/// (see `Measure::part`). `ms` are the sentence's mentions, `start` the
/// sentence's start and `ns` the count's.
pub(super) fn place_part(
    text: &str,
    doc: &crate::analysis::model::DocAnalysis,
    ms: &[u32],
    start: usize,
    ns: usize,
) -> Option<String> {
    let before = &text[start..ns];
    // "neighbouring X": the capitalised words after it, recognised as a
    // place or not.
    let lower = before.to_ascii_lowercase();
    let near = ["neighbouring ", "neighboring "]
        .iter()
        .filter_map(|w| lower.find(w).map(|i| i + w.len()))
        .min();
    if let Some(i) = near {
        let name: Vec<&str> = before[i..]
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', ';', ':']))
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .collect();
        if !name.is_empty() {
            return Some(format!("in {}", name.join(" ").to_lowercase()));
        }
    }
    let opener = before.trim_start();
    let lead = start + (before.len() - opener.len());
    // The opening phrase, up to its comma, when it is a place phrase.
    let (a, b) = opener
        .starts_with("In ")
        .then(|| opener.find(','))
        .flatten()
        .map(|c| (lead, lead + c))?;
    ms.iter().find_map(|&k| {
        let m = &doc.mentions[k as usize];
        (m.kind == crate::analysis::model::EntityKind::Location && a <= m.start && m.end <= b)
            .then(|| format!("in {}", text[m.start..m.end].to_lowercase()))
    })
}
