//! What one fact is compared on: its *signature*, with mentions replaced
//! by corpus entities. Facts with equal signatures relate identically to
//! every other fact, so one representative speaks for the group.
//!
//! [`file_sigs`] is a pure function of one file's claims, how its
//! mentions link and its date: an index that keeps per-file signature
//! lists can drop and recompute one file's after an edit.

use std::sync::Arc;

use super::relate;
use super::story::Story;
use super::FactRef;
use crate::analysis::claims::dates::Ymd;
use crate::analysis::claims::facts::{Fact, FactBody};
use crate::analysis::claims::frames::{Event, EventKind};
use crate::analysis::claims::quantity::{self, measure::Measure};
use crate::analysis::claims::resolve::self_when;
use crate::analysis::claims::roles;
use crate::analysis::claims::{Claim, ClaimSettings, FileClaims};
use crate::analysis::linking::Entity;
use crate::analysis::model::RoleQualifier;
use crate::analysis::snapshot::FileId;
use crate::analysis::text::fold::ascii_key;

/// A list of words its file lends to each of its facts' signatures:
/// shared by them (one allocation per file, not one per fact), read as a
/// slice.
pub type FileWords = Arc<[String]>;

/// An event with its mentions linked: what event identity looks at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventSig {
    pub kind: EventKind,
    /// Entity ids, sorted, distinct.
    pub participants: Vec<u32>,
    /// Participants the recogniser left out, by folded name.
    pub names: Vec<String>,
    pub places: Vec<u32>,
    /// The days it happened, when the text dates it.
    pub when: Option<(Ymd, Ymd)>,
    /// Who took part, as described rather than named ("water ministers
    /// from the Nile Basin countries"): the head noun's stem, then the
    /// stems of the words that qualify it, sorted.
    pub descriptor: Vec<String>,
    /// With a descriptor: the stems of every word of the sentence, names
    /// included, sorted (what the other report's descriptor is checked
    /// against, see [`super::event::descriptions`]).
    pub said: Vec<String>,
    /// Another event of the kind than the one its article reports (see
    /// [`super::event::kept_apart`]).
    pub another: bool,
    /// (place entity, its grain as written: "district", "river",
    /// "near"...), see [`super::event::grains_agree`].
    pub place_words: Vec<(u32, String)>,
    /// The class of thing an accident happened to ("bus", "vessel").
    pub vehicle: Option<String>,
    /// The country it happened in: its places', else the file's.
    pub country: Option<String>,
    /// The file's one harmful event (see [`super::story::Story::harm`]),
    /// told as its news, not in the background: what another report's
    /// lead event of the kind may be, whatever grain each places it at
    /// (see [`super::event::one_lead_event`]).
    pub lead: bool,
    /// For a lead event: the places below a country its sentence names,
    /// whatever the parse hung them on ("capsized off Sicily").
    pub lead_places: Vec<u32>,
    /// Cities written only as "the Kenyan capital" that the folder never
    /// names, by their gazetteer names, folded (see
    /// [`super::relate_places`]).
    pub capitals: Vec<String>,
    /// Parts of a city it happened in, (part, city) folded (see
    /// [`super::relate_places::parts_agree`]).
    pub parts: Vec<(String, String)>,
    /// For the date and place of an event: the precise amounts its file
    /// states (see [`super::event::one_event_by_figures`]); empty
    /// elsewhere.
    pub figures: FileWords,
    /// For an amount: the counts its file states of named measures, as
    /// "measure|unit|value" ("killed|person|9", "injured|person|47"; see
    /// [`super::story_compare::file_counts`]): with the figures, what
    /// ties two reports into one story when their places or participants
    /// do not; empty elsewhere.
    pub counts: FileWords,
    /// For an act of a body named only by what it is ("the High Court"):
    /// the stems of every sentence of its file, what the matter of the
    /// other report's sentence is looked for in (see
    /// [`super::event::same_event`]); empty elsewhere.
    pub file_said: FileWords,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Sig {
    Role {
        title: String,
        /// `entity:<id>` or `text:<folded>`.
        org: String,
        /// As written (named in conflicts when not linked).
        org_text: String,
        person: u32,
        /// The organisation is the one the file is about, not written
        /// with the role.
        implied: bool,
        current: bool,
        /// The holder starts at `when` ("New Economy Minister X took
        /// office", "parliament confirmed X as minister"): whoever held
        /// the office before then is no contradiction.
        starts: bool,
        /// The holder has left or is leaving ("former", "outgoing", the
        /// one an appointee replaces).
        left: bool,
        /// The holder is leaving now ("outgoing mayor X", the one an
        /// appointee or a winner replaces): of one office at one time
        /// there is one.
        outgoing: bool,
        when: Option<(Ymd, Ymd)>,
        /// For an office written without any organisation (or with a
        /// common noun for it: "the company's", "the region's"), what its
        /// file tells of its story: the organisation the folder's other
        /// reports of that story give it may stand in (see
        /// [`super::story_offices`]).
        home: Option<Box<super::story_offices::RoleHome>>,
    },
    Quantity {
        subject: Option<u32>,
        unit: String,
        per: String,
        lo: u64,
        hi: u64,
        /// The amount as stated (bits of `Amount::stated`).
        stated: (u64, u64),
        vague: bool,
        measure: Measure,
        predicate: Vec<String>,
        text: String,
        event: Option<Box<EventSig>>,
        /// When it was reported (the file's date): counts that grow are
        /// compared only between reports of one time.
        filed: Option<(Ymd, Ymd)>,
        /// The event took something from the file's other sentences
        /// ([`Story`]): good evidence across files, none within one.
        lent: bool,
        /// The file tells that its toll rose after the event
        /// (`FileClaims::toll_rose`).
        rose: bool,
        /// The country the file is about, when one dominates (see
        /// [`super::relate`]: unnamed events of one country reported on
        /// one day).
        country: Option<String>,
        /// The place the file names most (below a country), when the
        /// event names none: another report's place of it must be this.
        main_place: Option<u32>,
        /// The amount's own period when its sentence dates it away from
        /// the report, or the day of a player's game
        /// ([`crate::analysis::claims::facts::period`]).
        period: Option<(Ymd, Ymd)>,
        /// What a price buys, when a common noun says (see
        /// `Fact::object`).
        object: Option<Vec<String>>,
        /// For an amount of no subject whose sentence names no event: what
        /// its file states that ties it to another report of one story
        /// (precise figures, counts, the people it is about; see
        /// [`super::story_compare::one_story_of_files`]); empty elsewhere.
        story: FileWords,
    },
    Event {
        event: EventSig,
        range: (Ymd, Ymd),
        text: String,
        /// Which phase of the event the claim dates: 0 the event, 1 its
        /// start ("opens", "broke out"), 2 its end ("closes"), 3 a part
        /// ("the first day", "until").
        phase: u8,
        filed: Option<(Ymd, Ymd)>,
        lent: bool,
        /// The date names a night, dated by its evening (see
        /// `frames::Event::night`).
        night: bool,
    },
    EventPlace {
        event: EventSig,
        text: String,
        filed: Option<(Ymd, Ymd)>,
        lent: bool,
        /// Which phase of the event its sentence places (as
        /// `Sig::Event::phase`): where a fire began or a storm made
        /// landfall is one spot of an event that reaches many.
        phase: u8,
    },
    Location {
        subject: u32,
        heads: Vec<String>,
        places: Vec<u32>,
        text: String,
        filed: Option<(Ymd, Ymd)>,
    },
}

/// Stems that date a phase of an event rather than the event: its start,
/// its end, or some other part.
/// A storm's landfall ("made landfall", "crossed the coast") is the day
/// it reached land, one day of a storm that lasts several.
/// A storm that struck, hit or slammed into the coast ("coast", "shore",
/// "ashore") reached land: its landfall too.
const START_STEMS: &[&str] = &[
    "open", "begin", "began", "begun", "start", "kick", "brok", "erupt", "landfall", "cross",
    "coast", "coastlin", "shor", "ashor",
];
const END_STEMS: &[&str] = &["close", "end", "conclud", "wrap", "finish"];
const PART_STEMS: &[&str] = &["last", "final", "first", "second", "third", "until"];

/// The phase of an event a claim's words date (see `Sig::Event::phase`).
fn phase_of<S: AsRef<str>>(stems: &[S]) -> u8 {
    let has = |list: &[&str]| stems.iter().any(|s| list.contains(&s.as_ref()));
    if has(PART_STEMS) || (has(START_STEMS) && has(END_STEMS)) {
        3
    } else if has(START_STEMS) {
        1
    } else if has(END_STEMS) {
        2
    } else {
        0
    }
}

impl Sig {
    /// The frame keys of a fact: only facts sharing a key are compared. An
    /// event's facts are keyed by event kind and each participant (or
    /// place, for events nobody takes part in), so that two reports of one
    /// event meet in at least one bucket while a folder of a thousand
    /// meetings does not compare every meeting with every other.
    pub fn keys(&self, entities: &[Entity]) -> Vec<String> {
        let party = |e: u32| party_keys(entities, e);
        let by_event = |prefix: &str, e: &EventSig| -> Vec<String> {
            let k = super::event::class(e.kind).as_str();
            let mut v: Vec<String> = if !e.participants.is_empty() || !e.names.is_empty() {
                e.participants
                    .iter()
                    .flat_map(|&p| party(p))
                    .map(|p| format!("{prefix}|{k}|{p}"))
                    .chain(e.names.iter().filter_map(|n| {
                        // Keyed like an entity's name, by its first
                        // distinctive word.
                        let w = n.split_whitespace().find(|w| w.len() >= 4)?;
                        Some(format!("{prefix}|{k}|w{w}"))
                    }))
                    .collect()
            } else {
                Vec::new()
            };
            // Where it happened, named or not: "the meeting of Nile Basin
            // water ministers in the Ugandan capital" (a name the
            // recogniser missed) meets "water ministers met in Kampala".
            v.extend(e.places.iter().map(|p| format!("{prefix}|{k}|l{p}")));
            // The day it happened, when the text gives one: a report
            // naming nobody meets the others of that day (see
            // `event::same_event`).
            if let Some((lo, hi)) = e.when.filter(|(lo, hi)| hi.days() - lo.days() <= 1) {
                for d in lo.days()..=hi.days() {
                    v.push(format!("{LOOSE}{prefix}|{k}|t{d}"));
                }
            }
            // The precise figures its file states: reports that name
            // nobody and place it apart meet by them (see
            // `event::one_event_by_figures`).
            v.extend(
                e.figures
                    .iter()
                    .map(|f| format!("{LOOSE}{prefix}|{k}|f{f}")),
            );
            // The counts its file states (amounts only): reports of one
            // story that place it apart meet by them (see
            // `story_compare::one_story`).
            v.extend(e.counts.iter().map(|c| format!("{LOOSE}{prefix}|{k}|n{c}")));
            v.sort();
            v.dedup();
            v
        };
        let mut v = match self {
            // An office of no known organisation meets only the same
            // person's.
            Sig::Role {
                title, org, person, ..
            } if org == UNSTATED_ORG => vec![format!("role|{title}|{org}|{person}")],
            Sig::Role { title, org, .. } => vec![format!("role|{title}|{org}")],
            Sig::Quantity {
                subject,
                unit,
                per,
                event,
                ..
            } => {
                let mut v = match event {
                    Some(e) => by_event(&format!("qty|{unit}|{per}"), e),
                    None => Vec::new(),
                };
                // Aid meets aid of the same donor country, however each
                // report names the donor (see `relate::aid_donor`).
                if let Sig::Quantity {
                    measure:
                        Measure {
                            from: Some(from), ..
                        },
                    ..
                } = self
                {
                    v.push(format!("qty|{unit}|{per}|donor|{from}"));
                }
                if let Some(s) = subject {
                    v.extend(
                        party(*s)
                            .into_iter()
                            .map(|p| format!("qty|{unit}|{per}|{p}")),
                    );
                }
                // An amount of no subject and no event meets the amounts of
                // reports that state what its file states.
                if let Sig::Quantity { story, .. } = self {
                    v.extend(
                        story
                            .iter()
                            .map(|k| format!("{LOOSE}qty|{unit}|{per}|s{k}")),
                    );
                }
                // A measure of a story's own event (compensation, the value
                // stolen, the area burned) meets the same measure reported
                // on that day or the next (see `story_measures`).
                if let (Sig::Quantity { measure, .. }, Some(day)) = (self, report_day(self)) {
                    if super::story_measures::is_story_measure(measure) {
                        let what = &measure.what;
                        for d in [day, day + 1] {
                            v.push(format!("{LOOSE}qty|{unit}|{per}|m{what}|d{d}"));
                        }
                    }
                }
                // Events of one kind in one country reported on one day
                // (or the next) meet whatever they name.
                if let (
                    Some(e),
                    Some(day),
                    Sig::Quantity {
                        country: Some(c), ..
                    },
                ) = (event, report_day(self), self)
                {
                    let k = super::event::class(e.kind).as_str();
                    for d in [day, day + 1] {
                        v.push(format!("{LOOSE}qty|{unit}|{per}|{k}|c{c}|d{d}"));
                    }
                }
                v
            }
            Sig::Event {
                event,
                filed: Some((lo, hi)),
                ..
            } if event.lead && lo == hi => {
                // A report's lead harm meets the other reports' lead harm
                // of the kind in the country filed within days, whatever
                // each names (see `event::one_lead_event`).
                let mut v = by_event("date", event);
                if let Some(c) = &event.country {
                    let k = super::event::class(event.kind).as_str();
                    for d in lo.days()..=lo.days() + 2 {
                        v.push(format!("{LOOSE}date|{k}|lead|c{c}|d{d}"));
                    }
                }
                v
            }
            Sig::Event { event, .. } => by_event("date", event),
            Sig::EventPlace { event, .. } => by_event("place", event),
            Sig::Location { subject, .. } => party(*subject)
                .into_iter()
                .map(|p| format!("loc|{p}"))
                .collect(),
        };
        // One person's office under its head word ("director X",
        // "hospital director X") meets the fuller title's (see
        // `relate::titles`).
        if let Sig::Role { title, person, .. } = self {
            if let Some(head) = title.split_whitespace().last() {
                v.push(format!("role~{head}|{person}"));
            }
        }
        v.sort();
        v.dedup();
        v
    }
}

/// The organisation key of an office written without one that nothing
/// implies.
pub const UNSTATED_ORG: &str = "unstated";

/// The mark of a bucket key that gathers facts by day or country rather
/// than by who or what they are about: such a bucket can grow with the
/// corpus, and is compared only while small (see [`super::build`]).
pub const LOOSE: &str = "~";

/// The day a quantity was reported on, when the file's date is one day.
fn report_day(s: &Sig) -> Option<i64> {
    match s {
        Sig::Quantity {
            filed: Some((lo, hi)),
            ..
        } if lo == hi => Some(lo.days()),
        _ => None,
    }
}

/// Bucket keys of a party: the distinctive words of its name, so that
/// names linking kept apart ("Calder" and "Calder Analytics") still meet;
/// its id when its name has none.
fn party_keys(entities: &[Entity], e: u32) -> Vec<String> {
    let ent = &entities[e as usize];
    let words = super::event::distinctive_words(ent);
    // The word [`super::event::same_party`] matches on: a person's
    // surname, an organisation's first word.
    // A person's first word too: the recogniser may have typed a company
    // as a person ("Calder Analytics").
    match ent.kind {
        crate::analysis::model::EntityKind::Person if !words.is_empty() => {
            let mut v = vec![format!("w{}", words[words.len() - 1])];
            if words.len() > 1 {
                v.push(format!("w{}", words[0]));
            }
            v
        }
        crate::analysis::model::EntityKind::Organization if !words.is_empty() => {
            vec![format!("w{}", words[0])]
        }
        _ => vec![format!("e{e}")],
    }
}

#[path = "sig_build.rs"]
mod build;
pub(super) use build::FileCx;
pub use build::{all_names, file_sigs, SigContext};
