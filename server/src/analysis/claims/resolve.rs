//! Helpers of the claims index: resolving organisation names and places
//! to corpus entities and countries, and comparing times.
use std::collections::HashMap;

use super::dates::{self, Ymd};
use super::FileClaims;
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::text::fold::ascii_key;

#[path = "city_areas.rs"]
pub mod city_areas;

/// Folded name keys -> entity index, for organisations written inside
/// roles ("NATO" in "NATO Secretary General", "Alliance").
pub fn name_index(entities: &[Entity]) -> HashMap<String, u32> {
    let mut m: HashMap<String, (u32, usize)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if !matches!(e.kind, EntityKind::Organization | EntityKind::Location) {
            continue;
        }
        for n in std::iter::once(&e.canonical).chain(e.aliases.iter()) {
            let k = ascii_key(n);
            let entry = m.entry(k).or_insert((i as u32, e.mentions.len()));
            if e.mentions.len() > entry.1 {
                *entry = (i as u32, e.mentions.len());
            }
        }
    }
    m.into_iter().map(|(k, (i, _))| (k, i)).collect()
}

/// Whether the gazetteer knows a name as a place (a country, a city, a
/// region): the recogniser sometimes takes "Geneva" for a person.
pub fn is_known_place(name: &str) -> bool {
    let lx = Lexicon::get();
    if lx
        .lookup(name)
        .is_some_and(|id| lx.entry(id).subkind == "country")
    {
        return true;
    }
    place_entry(lx, name).is_some()
}

/// The gazetteer's place of a name, also as "<name> City" ("Marikina"
/// for "Marikina City", "Quezon" being a province is found first).
fn place_entry<'a>(
    lx: &'a Lexicon,
    name: &str,
) -> Option<&'a crate::analysis::ner::lexicon::GazEntry> {
    lx.place_named(name).or_else(|| {
        lx.place_named(&format!("{name} City"))
            .filter(|p| p.subkind == "city")
    })
}

/// The country a place name is in (a country is its own), when the
/// gazetteer knows: "Nairobi" is in Kenya.
pub fn country_of_name(name: &str) -> Option<String> {
    let lx = Lexicon::get();
    if let Some(id) = lx.lookup(name) {
        if lx.entry(id).subkind == "country" {
            return Some(lx.entry(id).name.clone());
        }
    }
    place_entry(lx, name).map(|p| p.country.clone())
}

/// What kind of place a name is, below a country ("city", "region",
/// ...), when the gazetteer knows.
pub fn place_kind_of_name(name: &str) -> Option<String> {
    place_entry(Lexicon::get(), name).map(|p| p.subkind.clone())
}

/// What kind of place an entity is ("country", "city", "region", ...),
/// when the gazetteer knows (looked up once per entity).
pub fn place_kind(e: &Entity) -> Option<String> {
    place_kind_str(e).map(str::to_string)
}

/// [`place_kind`] without a copy.
pub fn place_kind_str(e: &Entity) -> Option<&'static str> {
    let facts = super::index::event::name_facts(e);
    *facts.place_kind.get_or_init(|| {
        let lx = Lexicon::get();
        if let Some(id) = lx.lookup(&e.canonical) {
            if lx.entry(id).subkind == "country" {
                return Some("country");
            }
        }
        place_entry(lx, &e.canonical).map(|p| p.subkind.as_str())
    })
}

/// The country a place entity is in, when the gazetteer knows (looked up
/// once per entity).
pub fn country_of(e: &Entity) -> Option<String> {
    let facts = super::index::event::name_facts(e);
    facts
        .country
        .get_or_init(|| {
            let lx = Lexicon::get();
            if let Some(id) = lx.lookup(&e.canonical) {
                if lx.entry(id).subkind == "country" {
                    return Some(lx.entry(id).name.as_str());
                }
            }
            place_entry(lx, &e.canonical).map(|p| p.country.as_str())
        })
        .map(str::to_string)
}

/// The publication day range of a file, if the page states it. An
/// interval estimated from the content (low confidence, often a month or
/// years wide, right for about two in three pages) is kept out of these
/// rules: with them, two such pages would make statements "simultaneous"
/// and conflict on a guess. The comparison that weighs confidence uses
/// `FileDate::date` directly.
pub(super) fn self_when(fc: &FileClaims) -> Option<(Ymd, Ymd)> {
    fc.date
        .date
        .as_ref()
        .filter(|d| d.source != super::dates::DateSource::Content)
        .map(|d| (d.lo, d.hi))
}

/// Two statements about the present hold at the same time: in one file
/// (unless dated differently), or in files dated within a month.
pub(super) fn same_time(same_file: bool, a: Option<(Ymd, Ymd)>, b: Option<(Ymd, Ymd)>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if same_file && x == y => true,
        (Some(x), Some(y)) => dates::max_distance(x, y) <= 31,
        (None, None) => same_file,
        _ => same_file,
    }
}

pub(super) fn name_tokens(s: &str) -> Vec<String> {
    ascii_key(s)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}
