//! Measures of a story's own event that its reports state without a
//! subject and that no other event of the story shares: the compensation
//! paid in a settlement, the value of what was stolen, the money taken
//! in a fraud, the area a fire burned, a storm's sustained winds, the
//! length of a strike. "He will be paid $1.8 million as part of the
//! settlement" and "would receive compensation of 1.2 million dollars"
//! are one fact of one story, though neither sentence names who pays and
//! each report's lead event may be read as another kind (the crash that
//! led to the suit, the deal that settled it).
//!
//! Two such amounts are compared when their reports are of one story:
//! filed within a day of each other, of one country when both say, with
//! no event of either told as another or dated apart, and sharing
//! something besides the amounts compared (a precise figure, a count, a
//! person both are about), or, failing that, a lead event of one kind in
//! one country. A subject one side names must be someone the other
//! report is about ("Ion Marin diverted 4.3 million euros" against "a
//! loss of 3.4 million euros" in a report about Marin).
use super::event::{class, kept_apart, pair_tolerance, places_agree};
use super::sig::EventSig;
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::quantity::measure::{Basis, Measure};
use crate::analysis::linking::Entity;

/// The measures of a story's own event, stated once per story.
pub const STORY_MEASURES: &[&str] = &[
    "damages",
    "value",
    "money diverted",
    "area burned",
    "wind speed",
    "strike",
];

/// Whether an amount of measure `m` is of its story's own event: one of
/// [`STORY_MEASURES`], a total (not an average or a change), of the
/// whole.
pub fn is_story_measure(m: &Measure) -> bool {
    STORY_MEASURES.contains(&m.what.as_str())
        && m.basis == Basis::Total
        && m.part.is_none()
        && m.per.is_empty()
}

/// One side of a comparison of story measures.
pub struct Side<'a> {
    pub subject: Option<u32>,
    pub event: Option<&'a EventSig>,
    pub filed: Option<(Ymd, Ymd)>,
    pub country: Option<&'a str>,
    /// The file's story keys (`Sig::Quantity::story`).
    pub story: &'a [String],
    /// The amount as stated (bits of its interval).
    pub stated: (u64, u64),
    /// Whether the event was lent by the file's story (not named in the
    /// amount's own sentence).
    pub lent: bool,
}

/// Whether a key ("EUR:1.2e7", "value|EUR|1.2e7") is an amount's own value.
fn is_own(key: &str, (lo, hi): (u64, u64)) -> bool {
    let v = key
        .rsplit(['|', ':'])
        .next()
        .and_then(|v| v.parse::<f64>().ok());
    let (lo, hi) = (f64::from_bits(lo), f64::from_bits(hi));
    v.is_some_and(|v| (lo..=hi).contains(&v))
}

/// Why two amounts of one story measure are of one story (the subject a
/// conflict names), or None.
pub fn one_story_measure(entities: &[Entity], m1: &Measure, a: &Side, b: &Side) -> Option<String> {
    if !is_story_measure(m1) || a.subject.is_some() && b.subject.is_some() {
        return None;
    }
    // Reports of one day or the next.
    if !matches!((a.filed, b.filed), (Some(x), Some(y)) if dates::max_distance(x, y) <= 1) {
        return None;
    }
    if matches!((a.country, b.country), (Some(x), Some(y)) if x != y) {
        return None;
    }
    if let (Some(x), Some(y)) = (a.event, b.event) {
        if x.another || y.another || kept_apart(x, y) {
            return None;
        }
        // Two places apart: two fires of one day in one country. A place
        // the amount's own sentence names ("A fire on the island of Evia
        // burned 50,000 hectares") must be the other's.
        let own_place = |s: &Side, e: &EventSig| !s.lent && !e.places.is_empty();
        let agree = places_agree(entities, &x.places, &y.places);
        if agree == Some(false) || (own_place(a, x) || own_place(b, y)) && agree != Some(true) {
            return None;
        }
        if let (Some(p), Some(q)) = (x.when, y.when) {
            if dates::min_distance(p, q) > pair_tolerance(x, y) {
                return None;
            }
        }
    } else if [a.event, b.event].iter().flatten().any(|e| e.another) {
        return None;
    }
    // A subject one side names is someone the other report is about.
    let about = |s: Option<u32>, other: &Side| {
        s.is_none_or(|p| other.story.iter().any(|k| *k == format!("who|e{p}")))
    };
    if !about(a.subject, b) || !about(b.subject, a) {
        return None;
    }
    let shared = a
        .story
        .iter()
        .filter(|k| b.story.contains(k))
        .find(|k| !is_own(k, a.stated) && !is_own(k, b.stated));
    if let Some(k) = shared {
        return Some(
            if k.starts_with("who|") || a.subject.is_some() || b.subject.is_some() {
                "one story (both about one person)".to_string()
            } else {
                format!("one story (both report {})", k.replace('|', " "))
            },
        );
    }
    if a.subject.is_some() || b.subject.is_some() {
        return Some("one story (both about one person)".to_string());
    }
    // Nothing shared but the story itself: events of one kind that harms
    // nobody (a theft, a fraud, a settlement: one a day in a country's
    // news, where fires and storms are many), in one country.
    let harmful = |e: &EventSig| super::story::HARMFUL.contains(&class(e.kind));
    // One side may tell of no event in the sentences read ("Thieves broke
    // into the museum"): the other's, in the same country, stands.
    let c = a.country.or(b.country)?;
    let kind = match (a.event, b.event) {
        (Some(x), Some(y)) if class(x.kind) == class(y.kind) => x,
        (Some(x), None) | (None, Some(x)) => x,
        _ => return None,
    };
    (!harmful(kind)).then(|| format!("one story ({} in {c})", class(kind.kind).as_str()))
}

/// Whether one side names the subject of a story measure and the other,
/// of no subject, is from a report not about it (`story`: that report's
/// story keys).
pub fn lent_to_another(
    m: &Measure,
    (s1, story1): (&Option<u32>, &[String]),
    (s2, story2): (&Option<u32>, &[String]),
) -> bool {
    if !is_story_measure(m) {
        return false;
    }
    // Not about it: the report is about someone or something named, and
    // not this subject. A report about nothing recognition named (its
    // "The Pine Hollow Fire" missed) is left to the other rules.
    let not_about = |s: u32, story: &[String]| {
        story.iter().any(|k| k.starts_with("who|"))
            && !story.iter().any(|k| *k == format!("who|e{s}"))
    };
    match (s1, s2) {
        (Some(s), None) => not_about(*s, story2),
        (None, Some(s)) => not_about(*s, story1),
        _ => false,
    }
}
