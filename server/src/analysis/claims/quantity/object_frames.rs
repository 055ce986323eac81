//! Frames of counts of things an event acted on, and of people it moved
//! or drew in: "encrypted 1,200 computers" / "1,200 PCs were affected" /
//! "locked 1,200 machines"; "flooding 17 villages" / "seven villages were
//! inundated" / "swept through seven villages"; "38 patients were
//! transferred" / "had to be moved"; "230,000 teachers went on strike" /
//! "heeded the strike call"; "31,000 tickets had been sold"; "holds 40,000
//! spectators" / "a 40,000-seat stadium".
//!
//! A count's frame is a pair: the class of what the event did (the verb's
//! effect: hit and put out of use, flooded, buried, destroyed, damaged,
//! cancelled, closed, sold) and the class of the counted noun, whose
//! synonyms fold to one unit ("computers", "PCs" and "machines" count one
//! thing). The verb class is the measure and the noun class the unit, so
//! two counts meet only when both match: "flooded 17 villages" never meets
//! "flooded 300 houses", nor "destroyed 17 villages". A kind of a thing is
//! a part of it, not the thing ("11 vehicles, including two buses"): its
//! noun keeps its own unit.
//!
//! The rows use [`super::measure_frames::Frame`] and are searched after
//! that table's (see `measure_frames::frame_for`).
use super::measure_frames::{Counted, Frame};

/// Counted nouns (lemmas) of things an event acts on, with the class they
/// fold to: synonyms only, never a kind of the thing ("laptop", "bus").
const OBJECT_NOUNS: &[(&str, &[&str])] = &[
    (
        "computer",
        &["computer", "pc", "machine", "workstation", "desktop"],
    ),
    ("village", &["village", "settlement", "hamlet"]),
    ("building", &["building"]),
    ("bridge", &["bridge"]),
    ("road", &["road"]),
    ("flight", &["flight"]),
    ("school", &["school"]),
    ("store", &["store", "shop"]),
    ("ticket", &["ticket"]),
    ("seat", &["seat"]),
    // Works of art a theft takes: a report's "six works" and another's
    // "five paintings" count one haul.
    (
        "artwork",
        &["artwork", "work", "painting", "canvas", "masterpiece"],
    ),
    ("item", &["item", "object", "artefact", "artifact", "piece"]),
];

/// People a count may name by their trade or tie, beyond the general
/// list of `measure_frames::counted_class` ("230,000 teachers went on
/// strike", "4,000 nurses walked out").
const MORE_PEOPLE: &[&str] = &[
    "teacher",
    "nurse",
    "doctor",
    "midwife",
    "physician",
    "dockworker",
    "docker",
    "pilot",
    "cabin",
    "attendant",
    "employee",
    "striker",
    "marcher",
    "participant",
    "runner",
    "fan",
    "supporter",
    "unionist",
    "trader",
    "farmer",
    "lecturer",
    "academic",
    "official",
    "servant",
    // "leaving 13 of their colleagues trapped".
    "colleague",
    "comrade",
    "workmate",
    "co-worker",
    "coworker",
];

/// The class of a counted noun (its lemma) this table knows: a thing
/// (`Counted::Object`) or people of a trade.
pub fn counted_more(noun: &str) -> Option<Counted> {
    if MORE_PEOPLE.contains(&noun) {
        return Some(Counted::People);
    }
    OBJECT_NOUNS
        .iter()
        .find(|(_, ws)| ws.contains(&noun))
        .map(|(class, _)| Counted::Object(class))
}

const COMPUTERS: Counted = Counted::Object("computer");
const VILLAGES: Counted = Counted::Object("village");
const BUILDINGS: Counted = Counted::Object("building");
const BRIDGES: Counted = Counted::Object("bridge");
const ROADS: Counted = Counted::Object("road");
const FLIGHTS: Counted = Counted::Object("flight");
const SCHOOLS: Counted = Counted::Object("school");
const STORES: Counted = Counted::Object("store");
const TICKETS: Counted = Counted::Object("ticket");
const SEATS: Counted = Counted::Object("seat");
const ARTWORKS: Counted = Counted::Object("artwork");
const ITEMS: Counted = Counted::Object("item");

/// What floods, slides and storms bury, destroy or damage.
const STRUCTURES: &[Counted] = &[
    VILLAGES,
    BUILDINGS,
    BRIDGES,
    ROADS,
    Counted::Households,
    Counted::Vehicles,
];
/// Where people are moved to when they are taken out of harm's way
/// ("transferred to other hospitals", "shifted to safer places").
const SAFE_WORDS: &[&str] = &[
    "hospital",
    "clinic",
    "safety",
    "safe",
    "safer",
    "shelter",
    "camp",
    "patient",
    "evacuation",
    "relief",
    "higher",
];
/// Words of a walkout: "went on strike", "heeded the strike call",
/// "joined the walkout", "taking part in the stoppage".
const STRIKE_WORDS: &[&str] = &["strike", "walkout", "stoppage", "picket"];
/// A sweep through a place: "swept through seven villages".
const THROUGH: &[&str] = &["through", "across"];

/// The rows, searched after `measure_frames::FRAMES`.
#[rustfmt::skip]
pub static MORE_FRAMES: &[Frame] = &[
    // People moved out of harm's way are the displaced: "38 patients
    // were transferred to other hospitals", "had to be moved", "shifted
    // to safer places". Moving and transferring say it only with where to
    // (or of patients): "transferred 300 staff to a new unit" is no
    // evacuation.
    Frame {
        measure: "displaced",
        counts: &[Counted::People],
        verbs: &[],
        verbs_with: &[("transfer", SAFE_WORDS), ("move", SAFE_WORDS), ("shift", SAFE_WORDS)],
        nouns: &[],
        nouns_with: &[("transfer", SAFE_WORDS)],
        adjectives: &[],
        verbs_of_people: &[],
    },
    // Workers on strike: "went on strike", "heeded the strike call",
    // "joined the walkout", "taking part in the strike", "walked out",
    // "were on strike". Not "5,000 striking teachers marched": the
    // marchers, a part of the strikers.
    Frame {
        measure: "on strike",
        counts: &[Counted::People],
        verbs: &[],
        verbs_with: &[
            ("go", STRIKE_WORDS), ("heed", STRIKE_WORDS), ("join", STRIKE_WORDS),
            ("take", STRIKE_WORDS), ("walk", &["out"]), ("stage", STRIKE_WORDS),
        ],
        nouns: &[],
        nouns_with: &[("strike", &["on"])],
        adjectives: &[],
        verbs_of_people: &[],
    },
    // Machines an attack or a fault put out of use: "encrypted 1,200
    // computers", "2,100 computers were affected", "locked 1,200 PCs",
    // "crippled 900 machines". Of machines only: "affected" and "hit"
    // say nothing this definite of people or places.
    Frame {
        measure: "machines hit",
        counts: &[COMPUTERS],
        verbs: &[
            "affect", "hit", "encrypt", "lock", "cripple", "infect", "disable", "paralyse",
            "paralyze", "compromise", "wipe",
        ],
        verbs_with: &[("knock", &["out", "offline"]), ("take", &["offline", "down"])],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["affected", "infected", "encrypted", "locked", "compromised"],
        verbs_of_people: &[],
    },
    // "flooding 17 villages", "seven villages were inundated", "swept
    // through seven villages", "300 homes were under water".
    Frame {
        measure: "flooded",
        counts: STRUCTURES,
        verbs: &["flood", "inundate", "submerge", "swamp", "deluge"],
        verbs_with: &[("sweep", THROUGH), ("swept", THROUGH), ("surge", THROUGH)],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["flooded", "inundated", "submerged"],
        verbs_of_people: &[],
    },
    // "buried 11 vehicles", "11 vehicles were buried".
    Frame {
        measure: "buried",
        counts: STRUCTURES,
        verbs: &["bury", "engulf"],
        verbs_with: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["buried"],
        verbs_of_people: &[],
    },
    // "destroyed 300 houses", "razed 12 villages", "300 homes were
    // flattened", "burned down 40 houses".
    Frame {
        measure: "destroyed",
        counts: STRUCTURES,
        verbs: &["destroy", "raze", "flatten", "obliterate", "gut"],
        // "washed away 40 houses", "swept away 12 bridges".
        verbs_with: &[("burn", &["down"]), ("wash", &["away"]), ("sweep", &["away"]), ("swept", &["away"])],
        nouns: &[],
        nouns_with: &[("destruction", &["house", "home", "building", "village"])],
        adjectives: &["destroyed", "razed", "flattened", "gutted"],
        verbs_of_people: &[],
    },
    Frame {
        measure: "damaged",
        counts: STRUCTURES,
        verbs: &["damage"],
        verbs_with: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["damaged"],
        verbs_of_people: &[],
    },
    // "thieves stole six works", "Five paintings were stolen", "the
    // theft of five paintings".
    Frame {
        measure: "stolen",
        counts: &[ARTWORKS, ITEMS, Counted::Vehicles],
        verbs: &["steal", "loot", "snatch", "pilfer"],
        verbs_with: &[],
        nouns: &["theft", "heist", "haul"],
        nouns_with: &[],
        adjectives: &["stolen", "looted"],
        verbs_of_people: &[],
    },
    // "More than 200 flights were cancelled", "grounded 200 flights".
    Frame {
        measure: "cancelled",
        counts: &[FLIGHTS],
        verbs: &["cancel", "scrap", "ground", "scrub"],
        verbs_with: &[],
        nouns: &["cancellation"],
        nouns_with: &[],
        adjectives: &["cancelled", "canceled", "grounded"],
        verbs_of_people: &[],
    },
    // "400 schools were closed", "shut 40 stores", "the closure of 40
    // shops", "closed 12 roads".
    Frame {
        measure: "closed",
        counts: &[SCHOOLS, STORES, ROADS, BRIDGES],
        verbs: &["close", "shut"],
        verbs_with: &[],
        nouns: &["closure"],
        nouns_with: &[],
        adjectives: &["closed", "shut"],
        verbs_of_people: &[],
    },
    // "31,000 tickets had been sold", "sold 31,000 tickets", "ticket
    // sales of 31,000".
    Frame {
        measure: "tickets sold",
        counts: &[TICKETS],
        verbs: &["sell"],
        verbs_with: &[],
        nouns: &["sale"],
        nouns_with: &[],
        adjectives: &["sold"],
        verbs_of_people: &[],
    },
    // A venue's size: "a 40,000-seat stadium", "a stadium with 40,000
    // seats" (see `venue_seats`), "holds about 40,000 spectators" (see
    // `venue_holds`): never a crowd that came, nor a parliament's seats.
    Frame {
        measure: "capacity",
        counts: &[SEATS],
        verbs: &[],
        verbs_with: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &[],
        verbs_of_people: &[],
    },
];

/// Whether a count of frame `measure` of this table grows as reports
/// come in (damage is tallied, flights cancelled through the day, more
/// workers join a strike): compared only between reports of one day, as
/// casualty counts are. A venue's size does not grow, nor a theft's haul
/// (what was taken is known once the theft is found).
pub fn grows(measure: &str) -> bool {
    !matches!(measure, "capacity" | "stolen") && MORE_FRAMES.iter().any(|f| f.measure == measure)
}

/// Nouns of a place people watch from.
const VENUES: &[&str] = &[
    "stadium",
    "arena",
    "venue",
    "ground",
    "hall",
    "theatre",
    "theater",
    "auditorium",
    "amphitheatre",
    "bowl",
    "velodrome",
];

/// Whether a noun (lemma) names a venue.
pub fn is_venue(noun: &str) -> bool {
    VENUES.contains(&noun)
}

/// Who a venue holds: "holds about 40,000 spectators" (a crowd's
/// nouns; "people" is said of cells and camps too).
pub fn venue_crowd(noun: &str) -> bool {
    matches!(noun, "spectator" | "fan" | "supporter" | "seat")
}

/// The unit a count of frame `f` is compared in: the class its counted
/// noun folds to ("pc" is "computer"; "home" and "house" are one).
pub fn fold_unit(f: &Frame, unit: &str) -> Option<&'static str> {
    if !MORE_FRAMES.iter().any(|m| std::ptr::eq(m, f)) {
        return None;
    }
    if f.measure == "capacity" {
        return Some("seat");
    }
    if f.counts == STRUCTURES && matches!(unit, "house" | "home" | "dwelling") {
        return Some("house");
    }
    match counted_more(unit)? {
        Counted::Object(class) => Some(class),
        _ => None,
    }
}

/// Lemmas to try for a verb the lemmatiser left odd ("crippl" for
/// "crippled", "floode" for "flooding"): its form without the ending.
pub fn base_forms(form: &str) -> Vec<String> {
    let mut v = Vec::new();
    for end in ["ing", "ed", "d", "es", "s"] {
        if let Some(stem) = form.strip_suffix(end).filter(|s| s.len() >= 3) {
            v.push(stem.to_string());
            v.push(format!("{stem}e"));
        }
    }
    v
}

#[cfg(test)]
#[path = "object_frames_tests.rs"]
mod tests;
