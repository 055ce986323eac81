//! More measures of size read from the words around a length, a mass, a
//! speed or a count of storeys, for what news compares across outlets
//! beyond [`super::physical`]'s hauls, plumes and winds: the cargo a ship
//! carries ("has about 1,700 tonnes of heavy fuel oil in her tanks", "was
//! carrying 1,100 tonnes of heavy fuel oil and 280 tonnes of diesel"),
//! the height of a building in storeys ("a 21-storey residential tower",
//! "the 21-floor building"), the distance a race or a stage covers ("the
//! stage covered 187 km", "won after 187 kilometres") and a race's
//! average speed ("averaged 43.5 km/h", "at an average speed of 45.3
//! km/h").
//!
//! Each names what is measured, so that fuel oil and diesel aboard are
//! two measures; nothing named, no measure.
use super::count_reading::{lemma, lower};
use super::physical::{is_noun, of_after};
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Whether a measure of this module names the thing it measures by
/// itself (a stage's distance, a building's height, a cargo), so that a
/// subject its clause gives is no holder of it.
pub(super) fn of_the_thing_named(what: &str) -> bool {
    matches!(what, "race distance" | "average speed" | "building height")
        || what.starts_with("carried ")
}

/// The substance of "N tonnes of heavy fuel oil": the nouns of the "of"
/// phrase up to its head, by lemma ("fuel oil", "diesel").
fn substance(p: &Parse, last: usize, head: usize) -> String {
    (last + 2..=head)
        .filter(|&k| is_noun(p, k))
        .map(|k| lemma(p, k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that say a mass is aboard a vessel or in its tanks.
const ABOARD: &[&str] = &["aboard", "board", "tank", "tanks", "bunkers", "cargo"];

/// The verb a mass is the object of, through the conjuncts of a list
/// ("carrying 1,100 tonnes of fuel oil and 280 tonnes of diesel").
fn verb_over(p: &Parse, last: usize) -> Option<usize> {
    let mut t = last;
    for _ in 0..4 {
        let h = p.head(t)?;
        if p.tokens[h].upos == Upos::Verb {
            return Some(h);
        }
        if !matches!(p.tokens[t].deprel.rel, Rel::Conj | Rel::Nmod) {
            return None;
        }
        t = h;
    }
    None
}

/// "The ship has about 1,700 tonnes of heavy fuel oil in her tanks", "was
/// carrying about 1,100 tonnes of heavy fuel oil", "with 280 tonnes of
/// diesel on board": the cargo carried, by substance. Having or holding
/// says it only with a word of tanks or of being aboard.
pub(super) fn cargo(p: &Parse, first: usize, last: usize) -> Option<String> {
    let what = of_after(p, last)?;
    let name = substance(p, last, what);
    if name.is_empty() {
        return None;
    }
    let aboard = (first.saturating_sub(8)..p.len().min(what + 6))
        .any(|k| ABOARD.contains(&lower(p, k).as_str()));
    let verb = verb_over(p, last).map(|v| lemma(p, v));
    let carried = match verb.as_deref() {
        Some("carry" | "transport" | "ship" | "load") => true,
        Some("have" | "hold" | "contain" | "store") => aboard,
        _ => {
            aboard
                && (what + 1..p.len().min(what + 4)).any(|k| ABOARD.contains(&lower(p, k).as_str()))
        }
    };
    carried.then(|| format!("carried {name}"))
}

/// Nouns of buildings whose height news gives in storeys.
const BUILDINGS: &[&str] = &[
    "tower",
    "block",
    "building",
    "skyscraper",
    "tenement",
    "hotel",
    "highrise",
    "apartment",
];

fn is_building(p: &Parse, t: usize) -> bool {
    is_noun(p, t) && BUILDINGS.contains(&lemma(p, t).as_str())
}

/// "a 21-storey residential tower", "the 21-floor building", "a tower of
/// 21 storeys", "the block has 21 floors": the building's height. A
/// position ("a flat on the ninth floor") is no count of storeys.
pub(super) fn building_height(p: &Parse, first: usize, last: usize) -> Option<String> {
    const NAME: &str = "building height";
    // The building noun after the storeys, over adjectives ("residential").
    let mut k = last + 1;
    while k < p.len() && k <= last + 4 {
        if is_building(p, k) {
            return Some(NAME.into());
        }
        let f = lower(p, k);
        if !(f == "-" || matches!(p.tokens[k].upos, Upos::Adj | Upos::Noun)) {
            break;
        }
        k += 1;
    }
    // "a tower of 21 storeys".
    let before = first.checked_sub(1)?;
    if lower(p, before) == "of" && before.checked_sub(1).is_some_and(|b| is_building(p, b)) {
        return Some(NAME.into());
    }
    // "The block has 21 floors", "the tower rises 21 storeys".
    let v = p.head(last).filter(|&v| {
        p.tokens[v].upos == Upos::Verb && matches!(lemma(p, v).as_str(), "have" | "rise" | "stand")
    })?;
    p.subjects(v)
        .into_iter()
        .any(|s| is_building(p, s))
        .then(|| NAME.into())
}

/// Nouns of a race or one of its parts.
const RACES: &[&str] = &["stage", "race", "leg", "route", "course", "ride"];

fn is_race(p: &Parse, t: usize) -> bool {
    is_noun(p, t) && RACES.contains(&lemma(p, t).as_str())
}

/// "the stage covered 187 km", "a 187km stage", "won the stage after 187
/// kilometres": the distance the race covers. "attacked after 150 km" is
/// a point on the course, not its length: only verbs of winning or
/// finishing end it.
pub(super) fn race_length(p: &Parse, first: usize, last: usize) -> Option<String> {
    const NAME: &str = "race distance";
    let mut k = last + 1;
    if k < p.len() && lower(p, k) == "-" {
        k += 1;
    }
    if k < p.len() && is_race(p, k) {
        return Some(NAME.into());
    }
    let v = p.head(last).filter(|&v| p.tokens[v].upos == Upos::Verb)?;
    let verb = lemma(p, v);
    let covers = matches!(
        verb.as_str(),
        "cover" | "ride" | "race" | "run" | "span" | "stretch"
    ) && p.subjects(v).into_iter().any(|s| is_race(p, s));
    let ends = first.checked_sub(1).is_some_and(|b| lower(p, b) == "after")
        && matches!(verb.as_str(), "win" | "finish" | "end" | "triumph")
        && (0..p.len()).any(|t| is_race(p, t));
    (covers || ends).then(|| NAME.into())
}

/// "The peloton averaged 43.5 km/h", "ridden at an average speed of 45.3
/// km/h": an average speed, by the word "average" just before.
pub(super) fn average_speed(p: &Parse, first: usize, _last: usize) -> Option<String> {
    (first.saturating_sub(4)..first)
        .any(|k| matches!(lower(p, k).as_str(), "average" | "averaged" | "averaging"))
        .then(|| "average speed".into())
}

/// The rival a lead is over: the name under token `t`, by its words
/// (a compound or flat chain of proper nouns ending at or starting from
/// `t`), lower case.
fn name_words(p: &Parse, t: usize) -> Option<String> {
    if p.tokens[t].upos != Upos::Propn {
        return None;
    }
    let mut a = t;
    while a > 0 && p.tokens[a - 1].upos == Upos::Propn {
        a -= 1;
    }
    let mut b = t;
    while b + 1 < p.len() && p.tokens[b + 1].upos == Upos::Propn {
        b += 1;
    }
    Some((a..=b).map(|k| lower(p, k)).collect::<Vec<_>>().join(" "))
}

/// The first proper noun after token `from` (within a few words).
fn name_after(p: &Parse, from: usize) -> Option<String> {
    (from + 1..p.len().min(from + 4))
        .find(|&k| p.tokens[k].upos == Upos::Propn)
        .and_then(|k| name_words(p, k))
}

/// A lead in time over a named rival: "leads Marco Ruiz by four seconds
/// overall", "has a four-second lead over Marco Ruiz", "is four seconds
/// clear of Marco Ruiz". The measure names the rival ("lead over marco
/// ruiz"): a lead over another rider is another measure. A winning margin
/// ("won by two seconds") is no lead.
pub(super) fn lead_gap(p: &Parse, first: usize, last: usize) -> Option<String> {
    let mut k = last + 1;
    if k < p.len() && lower(p, k) == "-" {
        k += 1;
    }
    let next = (k < p.len()).then(|| lower(p, k));
    let rival = match next.as_deref() {
        // "a four-second lead over X", "four seconds clear of X".
        Some("lead" | "clear" | "ahead" | "advantage") => name_after(p, k),
        _ => {
            // "leads X by four seconds".
            let by = first.checked_sub(1).filter(|&b| lower(p, b) == "by")?;
            let v = p.head(last).filter(|&v| lemma(p, v) == "lead")?;
            (v + 1..by)
                .find(|&o| p.tokens[o].upos == Upos::Propn)
                .and_then(|o| name_words(p, o))
        }
    }?;
    Some(format!("lead over {rival}"))
}
