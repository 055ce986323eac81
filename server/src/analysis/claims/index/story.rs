//! What one file is about, as far as comparison needs it: the event of
//! each kind it reports (when it reports one), and the country and the
//! organisation it is mostly about.
//!
//! A report names an event's participants once and then speaks of "the
//! crash", "the fire", "the deal": "The fire has burned 12,400 acres" is
//! about the Ridgeback Fire its first sentence named. A fact whose event
//! names nobody takes what the file's other sentences say of the event of
//! that kind, but only when everything the file says of events of that
//! kind fits one event (no two sets of participants, no two cities, no
//! two days): a file that tells of two crashes lends nothing.
use std::collections::HashMap;

use super::event::{
    class, participants_clash, place_relation, places_agree, same_party, tolerance, PlaceRelation,
};
use super::sig::{EventSig, SigContext};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::frames::EventKind;
use crate::analysis::claims::resolve::{country_of, place_kind};
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// Events of which counts of the dead, injured, missing or arrested are
/// told (a march ends in arrests and clashes, an outbreak in deaths).
pub const HARMFUL: &[EventKind] = &[
    EventKind::Crash,
    EventKind::Fire,
    EventKind::Quake,
    EventKind::Storm,
    EventKind::Attack,
    EventKind::Protest,
    EventKind::Outbreak,
];

/// An event class of the file: what its reports say together, or nothing
/// when they cannot be one event.
#[derive(Clone, Debug)]
struct ClassStory {
    class: EventKind,
    union: Option<EventSig>,
    /// How many of the file's event mentions are of this class.
    told: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Story {
    classes: Vec<ClassStory>,
    /// The country most of the file's places are in (its name as the
    /// gazetteer gives it), when one clearly dominates.
    pub country: Option<String>,
    /// The country of the file's one place of known country, named once
    /// ("KATHMANDU:" over a bus crash in a district the gazetteer does not
    /// know): too weak to gather counts by, enough to place an accident
    /// whose places the gazetteer lacks (see `sig::sig_of`).
    pub sole_country: Option<String>,
    /// The organisation the file names most, when one clearly dominates.
    pub org: Option<u32>,
    /// The place below a country the file names most, when one clearly
    /// dominates.
    pub main_place: Option<u32>,
    /// The people the file is about: named twice or more, or in its first
    /// claim (see [`Story::people_of`]).
    pub people: Vec<u32>,
    /// Whether the day the file gives its event can be lent: not when the
    /// file's own date is uncertain ("09/03/2019": a "Tuesday" of March
    /// or of September).
    lend_when: bool,
}

/// Whether `e` can be the same event as everything in `u` (both of one
/// class and one file): nothing contradicts, and `e` either names nothing
/// ("the fire", "the accident") or shares a participant, a name or a
/// place with `u`. An event that names others (a quake on another island,
/// a fire elsewhere) makes the file tell of two.
fn fits(entities: &[Entity], u: &EventSig, e: &EventSig) -> bool {
    if participants_clash(entities, u, e) {
        return false;
    }
    // Any two places apart: two cities, two countries.
    if u.places.iter().any(|&x| {
        e.places
            .iter()
            .any(|&y| places_agree(entities, &[x], &[y]) == Some(false))
    }) {
        return false;
    }
    if let (Some(a), Some(b)) = (u.when, e.when) {
        if dates::min_distance(a, b) > tolerance(u).max(tolerance(e)) {
            return false;
        }
    }
    let empty =
        |e: &EventSig| e.participants.is_empty() && e.names.is_empty() && e.places.is_empty();
    // One side names who or what took part and nothing else, the other
    // names nobody ("a ferry capsized near Ukara Island on Thursday", "the
    // MV Kisiwa Bora was carrying 212 passengers"): nothing tells of two.
    let unnamed = |e: &EventSig| e.participants.is_empty() && e.names.is_empty();
    let only_named = |e: &EventSig| !unnamed(e) && e.places.is_empty() && e.when.is_none();
    empty(e)
        || empty(u)
        || (only_named(e) && unnamed(u))
        || (only_named(u) && unnamed(e))
        || e.participants
            .iter()
            .any(|&x| u.participants.iter().any(|&y| same_party(entities, x, y)))
        || e.names.iter().any(|n| u.names.contains(n))
        || e.places.iter().any(|&x| {
            u.places
                .iter()
                .any(|&y| place_relation(entities, x, y) == PlaceRelation::Same)
        })
}

/// Places added after those already there, each once: the first stays
/// the finest the fact itself wrote.
fn extend_places(to: &mut Vec<u32>, more: &[u32]) {
    for &p in more {
        if !to.contains(&p) {
            to.push(p);
        }
    }
}

fn merge(u: &mut EventSig, e: &EventSig) {
    u.participants.extend(&e.participants);
    u.participants.sort_unstable();
    u.participants.dedup();
    u.names.extend(e.names.iter().cloned());
    u.names.sort();
    u.names.dedup();
    extend_places(&mut u.places, &e.places);
    // The most precise dating.
    let width = |w: Option<(Ymd, Ymd)>| w.map(|(a, b)| b.days() - a.days());
    if e.when.is_some() && (u.when.is_none() || width(e.when) < width(u.when)) {
        u.when = e.when;
    }
}

impl Story {
    /// Reads the story of one file from the events of its facts (`events`:
    /// each fact's event as linked, background events left out).
    pub fn of(
        cx: &SigContext,
        me: &[u32],
        outlets: &[String],
        filed: Option<(Ymd, Ymd)>,
        events: &[EventSig],
    ) -> Story {
        let mut classes: Vec<ClassStory> = Vec::new();
        for e in events {
            let c = class(e.kind);
            match classes.iter_mut().find(|s| s.class == c) {
                Some(s) => {
                    s.told += 1;
                    if let Some(u) = &mut s.union {
                        if fits(cx.entities, u, e) {
                            merge(u, e);
                        } else {
                            // Why a file lends nothing of its events of a
                            // kind (`CROSSCHECK_LOG=debug`).
                            tracing::debug!("story: two events of {c:?}: {u:?} / {e:?}");
                            s.union = None;
                        }
                    }
                }
                None => classes.push(ClassStory {
                    class: c,
                    union: Some(EventSig {
                        kind: c,
                        ..e.clone()
                    }),
                    told: 1,
                }),
            }
        }
        tracing::debug!(
            "story: classes {:?}",
            classes
                .iter()
                .map(|s| (s.class, s.union.is_some()))
                .collect::<Vec<_>>()
        );
        Story {
            classes,
            country: dominant_country(cx, me),
            sole_country: sole_country(cx, me),
            org: dominant_org(cx, me, outlets),
            main_place: main_place(cx, me),
            people: Vec::new(),
            lend_when: filed.is_some_and(|(lo, hi)| hi.days() - lo.days() <= 1),
        }
    }

    /// What the file says of its event of `e`'s class, when it tells of
    /// one.
    pub fn event_of(&self, kind: EventKind) -> Option<&EventSig> {
        let c = class(kind);
        self.classes
            .iter()
            .find(|s| s.class == c)
            .and_then(|s| s.union.as_ref())
    }

    /// `e` with what the file says elsewhere of its event: participants,
    /// unrecognised names, the date, and the places unless they are what
    /// the fact states.
    pub fn enrich(&self, e: &EventSig, with_places: bool) -> EventSig {
        let Some(u) = self.event_of(e.kind) else {
            return e.clone();
        };
        let mut out = e.clone();
        out.participants.extend(&u.participants);
        out.participants.sort_unstable();
        out.participants.dedup();
        out.names.extend(u.names.iter().cloned());
        out.names.sort();
        out.names.dedup();
        if with_places {
            extend_places(&mut out.places, &u.places);
        }
        if out.when.is_none() && self.lend_when {
            out.when = u.when;
        }
        out
    }

    /// The one harmful event the file tells of (a crash, a fire, a quake,
    /// a storm, an attack): what a bare count of the dead is about. None
    /// when it tells of several kinds, or of two events of one kind.
    pub fn harm(&self) -> Option<&EventSig> {
        let mut found = self.classes.iter().filter(|s| HARMFUL.contains(&s.class));
        let one = found.next()?;
        if found.next().is_some() {
            return None;
        }
        one.union.as_ref()
    }

    /// The event a file tells of, for an amount whose sentence names none
    /// ("Turnout was 61%", "More than 38,000 people were evacuated"): its
    /// lead harm, else the one event of the kind it tells of most (at
    /// least twice, more often than any other kind), when everything it
    /// says of that kind fits one event. None for a file of briefs.
    pub fn lead(&self) -> Option<&EventSig> {
        if let Some(h) = self.lead_harm() {
            return Some(h);
        }
        let mut by_told: Vec<&ClassStory> = self.classes.iter().collect();
        by_told.sort_by_key(|s| std::cmp::Reverse(s.told));
        let top = by_told.first()?;
        let second = by_told.get(1).map_or(0, |s| s.told);
        (top.told > second).then_some(top.union.as_ref()).flatten()
    }

    /// The harmful event the file leads with: of the class it tells of
    /// first and most (a quake whose report goes on to the houses that
    /// collapsed and the landslide it set off), when everything the file
    /// says of that class fits one event. What another report's lead
    /// event of the kind may be (see [`super::event::one_lead_event`]);
    /// unlike [`Story::harm`], a file telling of several kinds of harm
    /// still has one.
    pub fn lead_harm(&self) -> Option<&EventSig> {
        let mut harms = self.classes.iter().filter(|s| HARMFUL.contains(&s.class));
        // Classes are kept in the order the file first tells of them.
        let first = harms.next()?;
        if harms.any(|s| s.told > first.told) {
            return None;
        }
        first.union.as_ref()
    }
}

impl Story {
    /// The people a file is about: people named twice or more, or in its
    /// first claim (the lead), sorted. What ties an amount of no subject
    /// ("Turnout was 61%") to another report's of the same election when
    /// the parse tied nobody to the event.
    pub fn people_of(cx: &SigContext, me: &[u32], lead: &[u32]) -> Vec<u32> {
        let n = counts(cx, me, EntityKind::Person);
        let mut v: Vec<u32> = n
            .iter()
            .filter(|(e, c)| **c >= 2 || lead.contains(e))
            .map(|(e, _)| *e)
            .collect();
        v.sort_unstable();
        v
    }
}

/// Mentions per entity of one kind in the file.
fn counts(cx: &SigContext, me: &[u32], kind: EntityKind) -> HashMap<u32, usize> {
    let mut n: HashMap<u32, usize> = HashMap::new();
    for &e in me {
        if cx
            .entities
            .get(e as usize)
            .is_some_and(|ent| ent.kind == kind)
        {
            *n.entry(e).or_default() += 1;
        }
    }
    n
}

/// The place below a country named most (at least twice, and clearly
/// more than any other).
fn main_place(cx: &SigContext, me: &[u32]) -> Option<u32> {
    let mut v: Vec<(usize, u32)> = counts(cx, me, EntityKind::Location)
        .into_iter()
        .filter(|(e, _)| place_kind(&cx.entities[*e as usize]).as_deref() != Some("country"))
        .map(|(e, c)| (c, e))
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    let (top, e) = *v.first()?;
    let second = v.get(1).map(|x| x.0).unwrap_or(0);
    (top >= 2 && 2 * top >= 3 * second.max(1)).then_some(e)
}

/// The organisation named at least twice, twice as often as any other
/// and in at least half of the mentions of organisations (the outlets the
/// file relies on left out): a file of briefs about several companies is
/// about none; a short report that names its company twice ("Tarrant
/// Resources will shut ... Chief executive Naomi Fletcher said") is about
/// it.
fn dominant_org(cx: &SigContext, me: &[u32], outlets: &[String]) -> Option<u32> {
    // (A news agency the gazetteer knows is an outlet too, wherever the
    // file names it: "the medical officer told Xinhua".)
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let outlet = |e: u32| {
        let canonical = &cx.entities[e as usize].canonical;
        let name = ascii_key(canonical);
        outlets.iter().any(|o| ascii_key(o) == name)
            || lx
                .lookup(canonical)
                .is_some_and(|id| lx.entry(id).subkind == "media")
    };
    let mut v: Vec<(usize, u32)> = counts(cx, me, EntityKind::Organization)
        .into_iter()
        .filter(|(e, _)| !outlet(*e))
        .map(|(e, c)| (c, e))
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    let all: usize = v.iter().map(|x| x.0).sum();
    let (top, e) = *v.first()?;
    let second = v.get(1).map(|x| x.0).unwrap_or(0);
    // (Twice, against one mention of an analyst's firm, is enough too.)
    (top >= 2 && top >= 2 * second && 2 * top >= all).then_some(e)
}

/// The country the file's places are mostly in: at least two mentions of
/// places in it, and at least two in three of the mentions of places
/// whose country is known.
fn dominant_country(cx: &SigContext, me: &[u32]) -> Option<String> {
    let mut votes: HashMap<String, usize> = HashMap::new();
    let mut all = 0;
    for (e, c) in counts(cx, me, EntityKind::Location) {
        if let Some(country) = country_of(&cx.entities[e as usize]).filter(|c| c != "-") {
            *votes.entry(country).or_default() += c;
            all += c;
        }
    }
    let (country, top) = votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (top >= 2 && 3 * top >= 2 * all).then_some(country)
}

/// The country of the file's only place whose country is known, named
/// once.
fn sole_country(cx: &SigContext, me: &[u32]) -> Option<String> {
    let known: Vec<(String, usize)> = counts(cx, me, EntityKind::Location)
        .into_iter()
        .filter_map(|(e, c)| {
            let country = country_of(&cx.entities[e as usize]).filter(|c| c != "-")?;
            Some((country, c))
        })
        .collect();
    match known.as_slice() {
        [(country, 1)] => Some(country.clone()),
        _ => None,
    }
}

/// Offices of a state: without a country written, the country the file
/// is about.
pub fn office_of_state(title: &str) -> bool {
    matches!(
        title,
        "president"
            | "vice president"
            | "prime minister"
            | "chancellor"
            | "national security adviser"
            | "secretary of state"
            | "king"
            | "queen"
    ) || title.ends_with(" minister")
        || (title.ends_with(" secretary") && title != "press secretary")
}

/// Offices of an organisation (a company, a central bank, an agency):
/// without one written, the organisation the file is about.
pub fn office_of_company(title: &str) -> bool {
    matches!(
        title,
        "chief executive"
            | "ceo"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chief financial officer"
            | "chief operating officer"
            | "managing director"
            | "governor"
            | "director general"
            | "secretary general"
            // A club's: the club the file is about.
            | "manager"
            | "head coach"
            | "police chief"
    )
}
