//! Figures as evidence of one event: two reports that state the same
//! precise amounts ("$310 million", "1,500 million euro" and "1.5 billion
//! euros", "212 passengers") tell of one story, even when neither names
//! who took part ("international donors", "Nordic and Baltic defence
//! ministers") and their places disagree (which is then the conflict).
//!
//! Round amounts ("300 people", "$5 million") are said of many events and
//! count for nothing; a precise one (two significant digits or more) is
//! rarely said of two events of one kind reported within days.
use super::{class, descriptions, kept_apart, participants_clash, Described};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::facts::FactBody;
use crate::analysis::claims::index::sig::EventSig;
use crate::analysis::claims::index::story::HARMFUL;
use crate::analysis::claims::quantity;
use crate::analysis::claims::FileClaims;
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;

/// How many days apart two reports may be filed for the figures they
/// share to tie their events (a donor conference reported that day and
/// the next).
const FIGURES_FILED_DAYS: i64 = 2;

/// The precise amounts a file states (its money and quantity mentions,
/// parsed, and the amounts of its facts: "a magnitude 6.1 quake"), each
/// as "unit:value", sorted and distinct. Shares, percentages and spans of
/// time are left out: they are said of anything.
pub fn file_figures(entities: &[Entity], me: &[u32], fc: &FileClaims) -> Vec<String> {
    let mut ids: Vec<u32> = me.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let stated = fc
        .claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter(|f| !f.negated && !f.hedged)
        .filter_map(|f| match &f.body {
            FactBody::Quantity { amount, .. } => amount_figure(amount),
            _ => None,
        });
    let mut out: Vec<String> = ids
        .into_iter()
        .filter_map(|e| entities.get(e as usize))
        .filter(|e| matches!(e.kind, EntityKind::Money | EntityKind::Quantity))
        .filter_map(|e| figure(&e.canonical))
        .chain(stated)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// One mention's amount as a figure, when it is precise and of a unit
/// worth comparing.
fn figure(text: &str) -> Option<String> {
    amount_figure(&quantity::parse(text)?)
}

/// An amount as a figure (see [`figure`]).
fn amount_figure(a: &quantity::Amount) -> Option<String> {
    let unit = a.unit.as_str();
    if unit.is_empty()
        || unit == "%"
        || unit == "pp"
        || quantity::DURATIONS.contains(&unit)
        || !a.value.is_finite()
        || a.value <= 0.0
        || a.increment
    {
        return None;
    }
    // People counted as workers, passengers or people are one count
    // ("seventeen workers", "killed 17 people").
    let unit = if quantity::measure::is_people_group(unit) {
        "person"
    } else {
        unit
    };
    precise(a.value).then(|| format!("{unit}:{:e}", a.value))
}

/// Two significant digits or more ("310 million", "1.5 billion", "17",
/// "6.8"; not "300", "5 million").
fn precise(v: f64) -> bool {
    let s = format!("{v:e}");
    s.split('e').next().is_some_and(|m| m.contains('.'))
}

/// The figures two reports share.
pub fn shared_figures<'a>(a: &'a EventSig, b: &EventSig) -> Vec<&'a String> {
    a.figures.iter().filter(|f| b.figures.contains(f)).collect()
}

/// Whether two reports' events are one by the figures both state: of one
/// class, filed within days (or one undated), nothing telling them apart
/// (people described as two groups, participants or names of one kind on
/// each side, two classes of vehicle, an event of the background), and
/// for harm (a quake, a fire, a crash), in one country: a report of one
/// quake that recalls the toll of another abroad shares its figure, not
/// its event. The places and dates are left to the caller: they are the
/// values compared.
pub fn one_event_by_figures(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
) -> bool {
    if class(a.kind) != class(b.kind) || kept_apart(a, b) || a.another || b.another {
        return false;
    }
    if shared_figures(a, b).is_empty() {
        return false;
    }
    if matches!((fa, fb), (Some(x), Some(y)) if dates::min_distance(x, y) > FIGURES_FILED_DAYS) {
        return false;
    }
    if matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y) {
        return false;
    }
    if descriptions(a, b) == Described::Apart || participants_clash(entities, a, b) {
        return false;
    }
    // Two names nobody recognised, neither the other's: two of a kind.
    if !a.names.is_empty() && !b.names.is_empty() && !a.names.iter().any(|n| b.names.contains(n)) {
        return false;
    }
    if HARMFUL.contains(&class(a.kind))
        && !matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y)
    {
        return false;
    }
    true
}

/// Why two reports are taken for one event by their figures, for the
/// conflict's subject.
pub fn figures_reason(a: &EventSig, b: &EventSig) -> String {
    let shared: Vec<String> = shared_figures(a, b)
        .into_iter()
        .take(2)
        .map(|f| {
            let (unit, v) = f.split_once(':').unwrap_or(("", f));
            let v: f64 = v.parse().unwrap_or(0.0);
            let n = if v >= 1e9 {
                format!("{} billion", v / 1e9)
            } else if v >= 1e6 {
                format!("{} million", v / 1e6)
            } else {
                format!("{v}")
            };
            format!("{n} {unit}")
        })
        .collect();
    format!("one event: both report {}", shared.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precise_figures_are_kept_and_round_ones_left_out() {
        assert!(figure("$310 million").is_some());
        assert_eq!(figure("1.5 billion euros"), figure("1,500 million euros"));
        assert!(figure("212 passengers").is_some());
        assert_eq!(figure("17 workers"), figure("seventeen people"));
        assert!(figure("300 people").is_none());
        assert!(figure("$5 million").is_none());
        assert!(figure("12%").is_none());
        assert!(figure("three days").is_none());
    }
}
