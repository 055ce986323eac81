//! Amounts compared within one story: what ties two reports into one
//! story when what each says of its event does not, and which stages of
//! one measure may be compared at all.
//!
//! A report names its event's place and day once and then gives counts
//! ("47 people were injured", "More than 38,000 people were evacuated")
//! that name no event and no subject. Two such counts are compared only
//! when their reports tell one story: of one kind, filed within days, in
//! one country, nothing contradicting (participants, names, the class of
//! thing struck, an event of the background), dated alike when both are
//! dated, and sharing evidence besides the pair compared: a precise
//! figure ("$310 million", "212 passengers") or the count of another
//! measure ("killed 9" in both, when the injured are compared). Places
//! may then differ: one of the reports got the place wrong, and the place
//! conflict is reported on its own. Another accident of the kind on
//! another day, in another country, or sharing nothing but the compared
//! count stays apart.
use super::event::{
    class, descriptions, kept_apart, pair_tolerance, participants_clash, Described,
};
use super::sig::EventSig;
use super::story::HARMFUL;
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::quantity::measure::{self, Measure, Stage};
use crate::analysis::claims::quantity::{self, Form};
use crate::analysis::claims::FileClaims;
use crate::analysis::linking::Entity;

/// How many days apart two reports may be filed and still tell one story
/// by what they share (as for shared figures, see
/// [`super::event::one_event_by_figures`]).
const STORY_FILED_DAYS: i64 = 2;

/// The smallest count that tells a story: one, two or three dead are said
/// of many accidents of a day.
const FEWEST_TELLING: f64 = 5.0;

/// How two measures' stages let their amounts be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stages {
    /// One stage (or none said on both sides): agree or conflict.
    Both,
    /// A count at a time ("has risen to 23", "so far") against one that
    /// says no stage ("23 people were killed"): equal values agree, but a
    /// different value may be the count of another hour, never a conflict.
    AgreeOnly,
}

/// Whether amounts of measures `a` and `b` may be compared, and how.
pub fn stages(a: &Measure, b: &Measure) -> Option<Stages> {
    // A count at a stated moment, or the peak against anything but the
    // peak: stages of one changing count (see `facts::amount_stages`).
    let moment = |m: &Measure| m.stage == Stage::Moment;
    let peak = |m: &Measure| m.stage == Stage::Peak;
    if moment(a) || moment(b) || peak(a) != peak(b) {
        let any = |m: &Measure| Measure {
            stage: Stage::Any,
            ..m.clone()
        };
        return measure::same_measure(&any(a), &any(b)).then_some(Stages::AgreeOnly);
    }
    if measure::same_measure(a, b) {
        return Some(Stages::Both);
    }
    let partial_any = matches!(
        (a.stage, b.stage),
        (Stage::Partial, Stage::Any) | (Stage::Any, Stage::Partial)
    );
    if !partial_any {
        return None;
    }
    let b_as_a = Measure {
        stage: a.stage,
        ..b.clone()
    };
    if !measure::same_measure(a, &b_as_a) {
        return None;
    }
    // A share that "reached" or "rose to" a level ("Turnout reached 67 per
    // cent") is that level, not a count still growing: compared as any.
    Some(if matches!(a.unit.as_str(), "%" | "pp") {
        Stages::Both
    } else {
        Stages::AgreeOnly
    })
}

/// A count as a key of what a file states: "killed|person|9".
fn count_key(what: &str, unit: &str, value: f64) -> String {
    let unit = if unit.is_empty() || measure::is_people_group(unit) {
        "person"
    } else {
        unit
    };
    format!("{what}|{unit}|{value:e}")
}

/// The counts a file states of named measures (the dead, the injured,
/// the evacuated, a price...), exactly as stated ("at least 7" is no
/// count of a story: it grows), sorted and distinct.
pub fn file_counts(fc: &FileClaims) -> Vec<String> {
    let mut out: Vec<String> = fc
        .claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter(|f| !f.negated && !f.hedged)
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                amount, measure, ..
            } if amount.form == Form::Exact
                && amount.value >= FEWEST_TELLING
                && !amount.increment
                && amount.value.is_finite()
                && amount.value > 0.0
                && named_measure(measure, &amount.unit) =>
            {
                Some(count_key(&measure.what, &amount.unit, amount.value))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The people a file is about, as evidence keys beside its counts.
pub fn people_keys(people: &[u32]) -> impl Iterator<Item = String> + '_ {
    people.iter().map(|p| format!("who|e{p}"))
}

/// A measure a word names ("killed", "evacuated", "turnout"), not a bare
/// counted noun ("32 countries"): bare nouns count too many things to
/// compare without a subject.
pub fn named_measure(m: &Measure, unit: &str) -> bool {
    !m.what.is_empty() && m.what != unit && m.what != m.unit
}

/// Whether a stated amount (its interval as stated, bits of f64) is the
/// value of a figure or count key ("person:4.7e1", "injured|person|47").
fn is_value(key: &str, (lo, hi): (u64, u64)) -> bool {
    let v = key
        .rsplit(['|', ':'])
        .next()
        .and_then(|v| v.parse::<f64>().ok());
    let (lo, hi) = (f64::from_bits(lo), f64::from_bits(hi));
    v.is_some_and(|v| (lo..=hi).contains(&v))
}

/// What two reports share besides the amounts compared (`own`: each
/// side's amount as stated): precise figures and counts of named
/// measures.
pub(super) fn shared_besides(a: &EventSig, b: &EventSig, own: [(u64, u64); 2]) -> Vec<String> {
    let besides = |k: &&String| !own.iter().any(|&o| is_value(k, o));
    a.figures
        .iter()
        .filter(|f| b.figures.contains(f))
        .chain(a.counts.iter().filter(|c| b.counts.contains(c)))
        .filter(besides)
        .cloned()
        .collect()
}

/// What ties two reports into one story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryTie {
    /// A precise figure or another measure's count both state: their
    /// amounts agree or conflict.
    Shared,
    /// Only the day both date their event to (or both reports were filed
    /// on), and the amount compared itself (five or more): equal amounts
    /// agree; unequal ones may be two
    /// accidents of one day in one country (another place, another toll),
    /// never a conflict.
    Day,
}

/// Whether two events whose reports name no common participant or place
/// are one story (see the module's comment), and by what. `own` is each
/// side's amount as stated, left out of the evidence.
pub fn one_story(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
    own: [(u64, u64); 2],
) -> Option<StoryTie> {
    if class(a.kind) != class(b.kind) || kept_apart(a, b) || a.another || b.another {
        return None;
    }
    let (x, y) = fa.zip(fb)?;
    if dates::min_distance(x, y) > STORY_FILED_DAYS {
        return None;
    }
    if matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y)
        || descriptions(a, b) == Described::Apart
        || participants_clash(entities, a, b)
    {
        return None;
    }
    // Who one side names and the other does not, each way: the story is
    // one, the facts are of two of its events (the buyer's purchase of
    // last year in a report of this year's).
    let party = |x: &u32, other: &EventSig| {
        other
            .participants
            .iter()
            .any(|&y| super::event::same_party(entities, *x, y))
    };
    if a.participants.iter().any(|x| !party(x, b)) && b.participants.iter().any(|y| !party(y, a)) {
        return None;
    }
    // Two names nobody recognised, neither the other's: two of a kind.
    if !a.names.is_empty() && !b.names.is_empty() && !a.names.iter().any(|n| b.names.contains(n)) {
        return None;
    }
    // Harm is of a country and leads its report: a storm report recalling
    // another country's toll shares the toll, not the story.
    let harmful = HARMFUL.contains(&class(a.kind));
    let countries = match (&a.country, &b.country) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    if countries == Some(false) || harmful && (countries != Some(true) || !(a.lead && b.lead)) {
        return None;
    }
    // Dated on both sides: the days must be one (a place may differ, not
    // the day as well).
    if let (Some(x), Some(y)) = (a.when, b.when) {
        if dates::min_distance(x, y) > pair_tolerance(a, b) {
            return None;
        }
    }
    let shared = shared_besides(a, b, own);
    if !shared.is_empty() {
        tracing::trace!("one story by {shared:?}");
        return Some(StoryTie::Shared);
    }
    // Both dated to one day (a day or two wide at most), or both filed on
    // one day, and the amount telling: one story for agreeing only.
    let day = |e: &EventSig| e.when.filter(|(lo, hi)| hi.days() - lo.days() <= 1);
    let one_filing = x.0 == x.1 && x == y;
    let telling = own
        .iter()
        .all(|&(lo, hi)| (f64::from_bits(lo) + f64::from_bits(hi)) / 2.0 >= FEWEST_TELLING);
    // (Only for harm, which each report leads with: people are sentenced,
    // hired and paid the same amounts many times a day.)
    (harmful && (day(a).is_some() && day(b).is_some() || one_filing) && telling)
        .then_some(StoryTie::Day)
}

/// Two amounts of no subject, at least one of no event named: one story
/// when their files, filed within days, state something in common besides
/// the amounts compared (`story`: each file's evidence keys, see
/// `Sig::Quantity::story`; a side with none takes the other's event
/// evidence only through its own). What they share, as the conflict's
/// reason.
pub fn one_story_of_files(
    (a, fa): (&[String], Option<(Ymd, Ymd)>),
    (b, fb): (&[String], Option<(Ymd, Ymd)>),
    own: [(u64, u64); 2],
) -> Option<String> {
    let (x, y) = fa.zip(fb)?;
    if dates::min_distance(x, y) > STORY_FILED_DAYS {
        return None;
    }
    let shared: Vec<&String> = a
        .iter()
        .filter(|k| b.contains(k))
        .filter(|k| !own.iter().any(|&o| is_value(k, o)))
        .collect();
    // A person both files are about is not enough: an election report
    // names its winner and counts every party's seats ("The party won 28
    // of the 100 seats" beside "New Centre came second with 22 seats"). A
    // figure or a count they share ties the amounts to one story.
    shared.iter().find(|k| !k.starts_with("who|"))?;
    let first = shared.first()?;
    tracing::trace!("one story of files by {shared:?}");
    Some(if first.starts_with("who|") {
        "both about one person".to_string()
    } else {
        format!("both report {}", first.replace('|', " "))
    })
}

/// Why an amount without an event named in its sentence takes its
/// story's: a named measure of no subject.
pub fn lends_story(subject_named: bool, m: &Measure, amount: &quantity::Amount) -> bool {
    !subject_named && named_measure(m, &amount.unit)
}

#[cfg(test)]
#[path = "story_compare_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "story_folder_tests.rs"]
mod folder_tests;

#[cfg(test)]
#[path = "story_actors_tests.rs"]
mod actors_tests;

#[cfg(test)]
#[path = "story_apart_tests.rs"]
mod apart_tests;
