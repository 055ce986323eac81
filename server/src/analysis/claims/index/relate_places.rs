//! Event places compared: one event as reports give it (by who took
//! part and when, or one accident that names nobody), whose places are
//! then the values.
use super::{event_subject, same_report_time, ConflictKind, Outcome, RelateContext};
use crate::analysis::claims::dates::Ymd;
use crate::analysis::claims::frames::EventKind;
use crate::analysis::claims::index::event::{
    accident_places_agree, class, descriptions, figures_reason, grains_agree_in, kept_apart,
    one_accident, one_event_by_figures, one_lead_of_a_day, one_undated_accident, pair_tolerance,
    places_agree, same_day, same_event, time_gap, Described, AREA_GRAINS, LEAD_DATE_GAP,
};
use crate::analysis::claims::index::sig::EventSig;
use crate::analysis::claims::resolve::{city_areas, country_of, place_kind};
use crate::analysis::linking::Entity;
use crate::analysis::text::fold::ascii_key;

/// Two reports' places of an event: `(event, text, filing interval)` each.
pub(super) fn event_places(
    cx: &RelateContext,
    (e1, x1, f1): (&EventSig, &String, Option<(Ymd, Ymd)>),
    (e2, x2, f2): (&EventSig, &String, Option<(Ymd, Ymd)>),
    same_file: bool,
    phases: (u8, u8),
) -> Option<Outcome> {
    // Identity by participants and time; the places are the values.
    let named = |e: &EventSig| !e.participants.is_empty() || !e.names.is_empty();
    // Nobody named, but one class of event, one day and people
    // described alike ("water ministers of the Nile Basin met"):
    // one event, whose places are then the values.
    let described = !named(e1)
        && !named(e2)
        && class(e1.kind) == class(e2.kind)
        && !kept_apart(e1, e2)
        && same_day(e1, e2)
        && descriptions(e1, e2) == Described::Alike;
    // Nobody named on one side at least, but the same precise figures
    // reported within days ("$310 million pledged at the donor
    // conference"): one event, whose places are then the values. Its
    // reports may date it a day apart (that is a conflict of its date).
    let both_named = named(e1) && named(e2);
    let by_figures = !both_named
        && !described
        && !common_abroad(e1, e2)
        && one_event_by_figures(cx.entities, e1, e2, f1, f2)
        && time_gap(e1, e2, f1, f2) <= pair_tolerance(e1, e2).max(LEAD_DATE_GAP);
    // A place written only as "the Kenyan capital" is compared for events
    // whose participants tell them apart, never by place alone.
    if (e1.places.is_empty() || e2.places.is_empty()) && !(named(e1) && named(e2)) && !by_figures {
        return None;
    }
    let outcome = |agree: bool| match agree {
        true => Outcome::Agree("same event place"),
        false => Outcome::Conflict {
            kind: ConflictKind::EventPlace,
            subject: event_subject(cx, e1),
            a_value: x1.clone(),
            b_value: x2.clone(),
        },
    };
    // Two towns or villages the gazetteer does not know, for an event
    // the rules below tell is one: apart (see `super::sites`).
    // Two courts' towns for one sentence: apart (see `super::sites`).
    let sites = || {
        (super::sites::unknown_sites_differ(cx.entities, e1, e2, phases)
            || super::sites::court_towns_apart(cx.entities, e1, e2))
        .then_some(false)
    };
    // One accident that names nobody: its places, grain by grain,
    // are the values (first the parts of one city).
    if one_accident(cx.entities, e1, e2) {
        if let Some(v) = regions_agree(cx.entities, e1, e2) {
            return v.map(outcome);
        }
        return parts_agree(e1, e2)
            .or_else(|| accident_places_agree(cx.entities, e1, e2))
            .or_else(sites)
            .map(outcome);
    }
    // The same, undated in one report as the parse reads it: then
    // the reports must be of one day, and the event's time as the
    // reports bound it one.
    if one_undated_accident(cx.entities, e1, e2)
        && same_report_time(same_file, f1, f2)
        && time_gap(e1, e2, f1, f2) <= pair_tolerance(e1, e2)
    {
        if let Some(v) = regions_agree(cx.entities, e1, e2) {
            return v.map(outcome);
        }
        return parts_agree(e1, e2)
            .or_else(|| accident_places_agree(cx.entities, e1, e2))
            .or_else(sites)
            .map(outcome);
    }
    // Each report's lead event, dated the same day in one country: one
    // event, placed apart by one report.
    if !both_named && one_lead_of_a_day(cx.entities, e1, e2, f1, f2) {
        if let Some(v) = regions_agree(cx.entities, e1, e2) {
            return v.map(outcome);
        }
        return parts_agree(e1, e2)
            .or_else(|| accident_places_agree(cx.entities, e1, e2))
            .or_else(sites)
            .map(outcome);
    }
    if by_figures {
        // Said why: the conflict names the figures both reports state.
        let verdict = compare_places(cx.entities, e1, e2).or_else(sites);
        return verdict.map(|agree| match outcome(agree) {
            Outcome::Conflict {
                kind,
                subject,
                a_value,
                b_value,
            } => Outcome::Conflict {
                kind,
                subject: format!("{subject}; {}", figures_reason(e1, e2)),
                a_value,
                b_value,
            },
            agree => agree,
        });
    }
    if !described && (!named(e1) || !named(e2)) {
        // Two parts of one city: maybe two events of one day there.
        if parts_agree(e1, e2) == Some(false) {
            return None;
        }
        let gap = same_event(cx.entities, e1, e2, f1, f2)?;
        return (gap <= pair_tolerance(e1, e2)).then_some(Outcome::Agree("same event place"));
    }
    let unplaced = |e: &EventSig| EventSig {
        places: Vec::new(),
        ..e.clone()
    };
    if !described {
        let gap = same_event(cx.entities, &unplaced(e1), &unplaced(e2), f1, f2)?;
        if gap > pair_tolerance(e1, e2) {
            return None;
        }
    }
    compare_places(cx.entities, e1, e2)
        .or_else(sites)
        .map(outcome)
}

/// Two events of a kind that happens every day somewhere (an accident, a
/// theft) in two countries: the same figures ("14 paintings", "three
/// dead") are a coincidence, never one event misplaced by a report. (One
/// conference's pledges, reported in two cities, stay one event.)
fn common_abroad(e1: &EventSig, e2: &EventSig) -> bool {
    let common = |e: &EventSig| e.kind.harms_people() || class(e.kind) == EventKind::Theft;
    common(e1) && common(e2) && matches!((&e1.country, &e2.country), (Some(x), Some(y)) if x != y)
}

/// The places two reports give one event: `Some(true)` when they agree,
/// `Some(false)` when they cannot both be right, `None` when nothing
/// tells.
fn compare_places(entities: &[Entity], e1: &EventSig, e2: &EventSig) -> Option<bool> {
    if let Some(v) = regions_agree(entities, e1, e2) {
        return v;
    }
    // Area by area first ("Binh Duong province" and "the province of
    // Dong Nai" cannot both be right; a town may lie in a city, so towns
    // are left to `places_agree`), for events held at one place (a storm
    // strikes several districts).
    let grains = (!e1.kind.strikes_places() && !e2.kind.strikes_places())
        .then(|| grains_agree_in(entities, e1, e2, AREA_GRAINS))
        .flatten();
    if grains == Some(false) {
        return Some(false);
    }
    if let Some(v) = parts_agree(e1, e2) {
        return Some(v);
    }
    places_agree(entities, &e1.places, &e2.places)
        .or(grains)
        .or_else(|| capitals_agree(entities, e1, e2))
}

/// Grains of a place written as a whole first-level division: "the Puno
/// region", "the region of Cusco", "Irkutsk province".
const DIVISION_WORDS: &[&str] = &["region", "province"];

/// Places an event names as a region that the gazetteer knows only as the
/// city the region is named after ("the Puno region", "the Irkutsk
/// region"): their names. Such a region is its capital's first-level
/// division, never a town 25 km around it.
fn regions_named_by_city(entities: &[Entity], e: &EventSig) -> Vec<String> {
    e.place_words
        .iter()
        .filter(|(_, w)| DIVISION_WORDS.contains(&w.as_str()))
        .filter_map(|&(x, _)| entities.get(x as usize))
        .filter(|ent| place_kind(ent).as_deref() == Some("city"))
        .map(|ent| ent.canonical.clone())
        .collect()
}

/// The towns an event names that are no region written so.
fn towns_of(entities: &[Entity], e: &EventSig) -> Vec<String> {
    e.places
        .iter()
        .filter(|x| {
            !e.place_words
                .iter()
                .any(|(p, w)| p == *x && DIVISION_WORDS.contains(&w.as_str()))
        })
        .filter_map(|&x| entities.get(x as usize))
        .filter(|ent| place_kind(ent).as_deref() == Some("city"))
        .map(|ent| ent.canonical.clone())
        .collect()
}

/// One event's places when a report gives it as a region named after its
/// capital ("a bus crash in the Puno region"): `None` when neither report
/// does (other rules compare); else `Some(verdict)`, by first-level
/// division only: a town or region of the same division agrees, one the
/// gazetteer puts in another division conflicts, and anything it cannot
/// place tells nothing (never the distance between the capital and a
/// town: a region is larger than a city).
fn regions_agree(entities: &[Entity], e1: &EventSig, e2: &EventSig) -> Option<Option<bool>> {
    let (r1, r2) = (
        regions_named_by_city(entities, e1),
        regions_named_by_city(entities, e2),
    );
    if r1.is_empty() && r2.is_empty() {
        return None;
    }
    let others =
        |regions: &[String], e: &EventSig, other_regions: &[String]| -> Vec<(String, String)> {
            let mut places: Vec<String> = towns_of(entities, e);
            places.extend(other_regions.iter().cloned());
            regions
                .iter()
                .flat_map(|r| places.iter().map(move |p| (r.clone(), p.clone())))
                .collect()
        };
    let mut pairs = others(&r1, e2, &r2);
    pairs.extend(others(&r2, e1, &[]));
    let verdicts: Vec<Option<bool>> = pairs
        .iter()
        .map(|(r, p)| city_areas::same_division(r, p))
        .collect();
    if verdicts.is_empty() || verdicts.iter().any(Option::is_none) {
        return Some(None);
    }
    // Some pair in one division agrees (the region and a town in it);
    // else every pair lies apart (pairs the gazetteer cannot place left
    // the comparison above).
    Some(Some(verdicts.contains(&Some(true))))
}

/// Places written only as "the Kenyan capital" (by the gazetteer's name
/// of the city, folded) against the other report's: `Some(true)` for the
/// same city or a country it lies in, `Some(false)` for another city the
/// gazetteer knows (or another country), `None` when nothing tells.
fn capitals_agree(entities: &[Entity], e1: &EventSig, e2: &EventSig) -> Option<bool> {
    let one_way = |caps: &[String], other: &EventSig| -> Option<bool> {
        let cap = caps.first()?;
        if caps.len() > 1 {
            return None;
        }
        if other.capitals.contains(cap) {
            return Some(true);
        }
        if !other.capitals.is_empty() && other.places.is_empty() {
            // Two capitals written so: two cities ("the Kenyan capital",
            // "the Ugandan capital").
            return Some(false);
        }
        let lx = crate::analysis::ner::lexicon::Lexicon::get();
        let cap_country = ascii_key(&lx.place_named(cap)?.country);
        let known: Vec<&Entity> = other
            .places
            .iter()
            .filter_map(|&x| entities.get(x as usize))
            .filter(|e| country_of(e).is_some_and(|c| c != "-"))
            .collect();
        if known.is_empty() {
            return None;
        }
        let names = |e: &Entity| -> Vec<String> {
            std::iter::once(&e.canonical)
                .chain(e.aliases.iter())
                .map(|n| ascii_key(n))
                .collect()
        };
        // The city itself, or the country it is in.
        if known.iter().any(|e| {
            names(e).contains(cap)
                || (place_kind(e).as_deref() == Some("country") && names(e).contains(&cap_country))
        }) {
            return Some(true);
        }
        // Another city of the gazetteer, or a place in another country.
        known
            .iter()
            .all(|e| {
                let other_country = country_of(e).is_some_and(|c| ascii_key(&c) != cap_country);
                other_country
                    || (place_kind(e).as_deref() == Some("city")
                        && !city_areas::may_be_within(&e.canonical, cap))
            })
            .then_some(false)
    };
    one_way(&e1.capitals, e2).or_else(|| one_way(&e2.capitals, e1))
}

/// The parts of `city` an event names.
fn parts_of<'a>(e: &'a EventSig, city: &str) -> Vec<&'a String> {
    e.parts
        .iter()
        .filter(|(_, c)| c == city)
        .map(|(p, _)| p)
        .collect()
}

/// Parts of one city as two reports give them ("the Tejgaon industrial
/// area of Dhaka", "Dhaka's Mirpur area"): `Some(true)` when they share
/// one, `Some(false)` when both name parts of one city and none is the
/// other's, `None` when one names no part of a city the other does (a
/// part and its city are one place).
pub(super) fn parts_agree(e1: &EventSig, e2: &EventSig) -> Option<bool> {
    // One name the start of the other ("Korangi", "Korangi Creek").
    let one = |x: &String, y: &String| {
        x == y || x.split_whitespace().next() == y.split_whitespace().next()
    };
    let mut verdict = None;
    for (_, city) in &e1.parts {
        let (a, b) = (parts_of(e1, city), parts_of(e2, city));
        if b.is_empty() {
            continue;
        }
        if a.iter().any(|x| b.iter().any(|y| one(x, y))) {
            verdict = Some(true);
        } else {
            return Some(false);
        }
    }
    verdict
}

#[cfg(test)]
#[path = "relate_places_tests.rs"]
mod tests;
