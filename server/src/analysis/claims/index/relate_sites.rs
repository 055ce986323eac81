//! Where one event happened, as two reports name a town or village the
//! gazetteer does not know: "a roof collapse at the coal mine near
//! Korvel" and "a coal mine near Dravinsk caved in", "the fire began near
//! the village of Kato Lefka" and "near the village of Ano Rema".
//!
//! The gazetteer cannot say how far apart two such names lie, so the
//! other rules leave them uncompared. Yet a report names the settlement
//! an event's site belongs to, and of one event there is one: two
//! reports that name two settlements for it cannot both be right. Only
//! settlements are compared so (a district, a river or a region may hold
//! the other report's town), never a place written as a direction away
//! from the event ("south of X"), and only for the one spot of an event
//! that reaches many places (where a fire began, where a storm made
//! landfall), never for the places it struck later.
use crate::analysis::claims::frames::lexicon;
use crate::analysis::claims::index::sig::EventSig;
use crate::analysis::claims::resolve::{country_of, place_kind};
use crate::analysis::linking::Entity;
use crate::analysis::text::fold::ascii_key;

/// The words written with a place that leave it a settlement: the event
/// happened in it, at it, near it, or in the village or town so named.
const SETTLEMENT_WORDS: &[&str] = &["near", "village", "town"];

/// The settlements the gazetteer does not know that event `e` names as
/// its site (folded names), or `None` when it also names a place the
/// gazetteer knows below a country (a known city is compared by the
/// other rules, and an unknown village may lie next to it).
fn unknown_settlements(entities: &[Entity], e: &EventSig) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for &x in &e.places {
        let ent = entities.get(x as usize)?;
        let kind = place_kind(ent);
        let known = country_of(ent).is_some() || kind.is_some();
        if known {
            if kind.as_deref() == Some("country") {
                continue;
            }
            return None;
        }
        let word = e
            .place_words
            .iter()
            .find(|(p, _)| *p == x)
            .map(|(_, w)| w.as_str());
        let name = ascii_key(&ent.canonical);
        // A place word anywhere in the name says what it is: "River
        // Niger" is a river, "Kebbi State" a region, whatever word ends it.
        let grain_not_settlement = name
            .split(' ')
            .any(|w| lexicon::place_grain(w).is_some_and(|g| !SETTLEMENT_WORDS.contains(&g)));
        let settlement =
            word.is_none_or(|w| SETTLEMENT_WORDS.contains(&w)) && !grain_not_settlement;
        if settlement {
            out.push(name);
        } else if word == Some("direction") {
            // "south of Pasolan": no site of its own.
            return None;
        }
    }
    Some(out)
}

/// Whether two folded names may be one place: one word of four letters
/// or more in common ("Kato Lefka" and "Lefka"), or two spellings of one
/// name, a letter apart ("Benko" and "Benco": a village's name is
/// transliterated in more than one way).
fn may_be_one(a: &str, b: &str) -> bool {
    a == b
        || a.split(' ')
            .filter(|w| w.len() >= 4)
            .any(|w| b.split(' ').any(|v| v == w))
        || (a.len().min(b.len()) >= 4 && edits(a, b) <= 1 + usize::from(a.len().min(b.len()) >= 8))
}

/// The edit distance between two short names (letters inserted, deleted
/// or changed).
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(x != y)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether two reports of one event (the caller has told it is one) name
/// two settlements the gazetteer does not know as its site, none of one
/// side's possibly the other's. `phases` are the phases each sentence
/// places ([`super::super::sig::Sig::EventPlace`]): an event that strikes
/// many places is compared only at its start (a fire's outbreak, a
/// storm's landfall) on both sides.
pub(super) fn unknown_sites_differ(
    entities: &[Entity],
    e1: &EventSig,
    e2: &EventSig,
    phases: (u8, u8),
) -> bool {
    let spreads = e1.kind.strikes_places() || e2.kind.strikes_places();
    if spreads && phases != (1, 1) {
        return false;
    }
    let (Some(a), Some(b)) = (
        unknown_settlements(entities, e1),
        unknown_settlements(entities, e2),
    ) else {
        return false;
    };
    !a.is_empty() && !b.is_empty() && a.iter().all(|x| b.iter().all(|y| !may_be_one(x, y)))
}

/// Whether two towns' folded names may be one town or a town and its
/// suburb: one name the start of the other ("cluj", "cluj napoca"), or
/// the gazetteer puts them within 30 km.
fn near(a: &str, b: &str) -> bool {
    crate::analysis::claims::resolve::city_areas::km_between(a, b).is_some_and(|d| d <= 30.0)
        || a.starts_with(b)
        || b.starts_with(a)
}

/// Two towns the gazetteer knows, as the seats of the court that gave one
/// sentence or ruling: "a court in Cluj sentenced X" and "The Brasov
/// Court of Appeal sentenced X". A court sits in one town, so two towns
/// of one country are two courts, unless the gazetteer puts them a
/// suburb's distance apart. One side gives the town through the court's
/// name (a name the folder writes nowhere else, see `EventSig::capitals`),
/// the other as a place.
pub(super) fn court_towns_apart(entities: &[Entity], e1: &EventSig, e2: &EventSig) -> bool {
    use crate::analysis::claims::frames::EventKind;
    let court = |e: &EventSig| matches!(e.kind, EventKind::Sentencing | EventKind::Ruling);
    if !court(e1) || !court(e2) {
        return false;
    }
    let one_way = |caps: &[String], other: &EventSig| -> bool {
        let [cap] = caps else {
            return false;
        };
        // A town written only as "the capital" on the other side: left
        // to the rules of capitals.
        if !other.capitals.is_empty() {
            return false;
        }
        let cities: Vec<&Entity> = other
            .places
            .iter()
            .filter_map(|&x| entities.get(x as usize))
            .filter(|e| place_kind(e).as_deref() != Some("country"))
            .collect();
        !cities.is_empty()
            && cities.iter().all(|e| {
                place_kind(e).as_deref() == Some("city")
                    && std::iter::once(&e.canonical)
                        .chain(e.aliases.iter())
                        .all(|n| ascii_key(n) != *cap && !near(&ascii_key(n), cap))
            })
    };
    one_way(&e1.capitals, e2) || one_way(&e2.capitals, e1)
}

#[cfg(test)]
mod tests {
    use super::may_be_one;

    #[test]
    fn names_sharing_a_word_may_be_one_place() {
        assert!(may_be_one("kato lefka", "lefka"));
        assert!(!may_be_one("kato lefka", "ano rema"));
        assert!(!may_be_one("korvel", "dravinsk"));
        assert!(may_be_one("benko", "benco"));
        assert!(may_be_one("ano rema", "ano remma"));
        assert!(!may_be_one("tumbe", "benko"));
    }
}

#[cfg(test)]
#[path = "relate_sites_tests.rs"]
mod folder_tests;
