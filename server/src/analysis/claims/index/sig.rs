//! What one fact is compared on: its *signature*, with mentions replaced
//! by corpus entities. Facts with equal signatures relate identically to
//! every other fact, so one representative speaks for the group.
//!
//! [`file_sigs`] is a pure function of one file's claims, how its
//! mentions link and its date: an index that keeps per-file signature
//! lists can drop and recompute one file's after an edit.
use std::collections::HashMap;

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
        when: Option<(Ymd, Ymd)>,
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
    },
    EventPlace {
        event: EventSig,
        text: String,
        filed: Option<(Ymd, Ymd)>,
        lent: bool,
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
    "open", "begin", "start", "kick", "brok", "erupt", "landfall", "cross", "coast", "coastlin",
    "shor", "ashor",
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

/// What the signatures need besides the file's claims.
pub struct SigContext<'a> {
    pub entities: &'a [Entity],
    /// Folded organisation and place names -> entity (for organisations
    /// written inside roles).
    pub names: &'a HashMap<String, u32>,
    /// Folded names of every named entity (people too), for participants
    /// the recogniser missed in one file but found in another.
    pub all_names: &'a HashMap<String, u32>,
    pub settings: &'a ClaimSettings,
}

/// Folded canonical names and aliases of people, organisations and places
/// -> entity (the one with most mentions).
pub fn all_names(entities: &[Entity]) -> HashMap<String, u32> {
    let mut m: HashMap<String, (u32, usize)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if !e.kind.is_name() {
            continue;
        }
        for n in std::iter::once(&e.canonical).chain(e.aliases.iter()) {
            let entry = m
                .entry(ascii_key(n))
                .or_insert((i as u32, e.mentions.len()));
            if e.mentions.len() > entry.1 {
                *entry = (i as u32, e.mentions.len());
            }
        }
    }
    m.into_iter().map(|(k, (i, _))| (k, i)).collect()
}

fn linked(me: &[u32], ms: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = ms
        .iter()
        .filter_map(|&m| me.get(m as usize).copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Places in the order written, each once: a place is written finest
/// first ("Greeley, Colorado"), and comparison looks at the finest.
fn linked_in_order(me: &[u32], ms: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = Vec::new();
    for e in ms.iter().filter_map(|&m| me.get(m as usize).copied()) {
        if !v.contains(&e) {
            v.push(e);
        }
    }
    v
}

fn event_sig(cx: &SigContext, me: &[u32], e: &Event) -> EventSig {
    let mut participants = linked(me, &e.participants);
    let mut names = Vec::new();
    // A name the recogniser missed here may be an entity elsewhere.
    for n in &e.names {
        match cx.all_names.get(n) {
            Some(&id) => participants.push(id),
            None => names.push(n.clone()),
        }
    }
    participants.sort_unstable();
    participants.dedup();
    // Names under a description ("a Transandes jet") are participants,
    // not what describes them.
    let stem = crate::analysis::claims::words::stem;
    let named: Vec<String> = participants
        .iter()
        .filter_map(|&p| cx.entities.get(p as usize))
        .map(|e| ascii_key(&e.canonical))
        .chain(names.iter().cloned())
        .flat_map(|n| n.split_whitespace().map(stem).collect::<Vec<_>>())
        .collect();
    EventSig {
        kind: e.kind,
        participants,
        names,
        places: {
            // "The Ugandan capital": the city, when the corpus names it.
            let mut v = linked_in_order(me, &e.places);
            for n in &e.place_names {
                if let Some(&id) = cx.all_names.get(n) {
                    let place = cx.entities.get(id as usize).map(|x| x.kind)
                        == Some(crate::analysis::model::EntityKind::Location);
                    if place && !v.contains(&id) {
                        v.push(id);
                    }
                }
            }
            v
        },
        // Else by its gazetteer name alone.
        capitals: e
            .place_names
            .iter()
            .filter(|n| cx.all_names.get(*n).is_none())
            .cloned()
            .collect(),
        when: e.when,
        another: e.another,
        lead: false,
        lead_places: Vec::new(),
        descriptor: descriptor_stems(&e.descriptor, &named),
        said: Vec::new(),
        place_words: e
            .place_words
            .iter()
            .filter_map(|(m, w)| Some((*me.get(*m as usize)?, w.clone())))
            .collect(),
        vehicle: e.vehicle.clone(),
        country: None,
        parts: e.parts.clone(),
    }
}

/// A descriptor as compared: its head's stem, then the stems of its
/// other words but the participants' names, sorted, each once.
fn descriptor_stems(d: &[String], named: &[String]) -> Vec<String> {
    let stem = crate::analysis::claims::words::stem;
    let Some((head, rest)) = d.split_first() else {
        return Vec::new();
    };
    let head = stem(head);
    let mut v: Vec<String> = rest
        .iter()
        .flat_map(|w| w.split_whitespace().map(stem))
        .filter(|w| *w != head && !named.contains(w))
        .collect();
    v.sort();
    v.dedup();
    v.insert(0, head);
    v
}

/// The stems of a claim's words, the names in it included.
fn said_of(cx: &SigContext, me: &[u32], claim: &Claim) -> Vec<String> {
    let stem = crate::analysis::claims::words::stem;
    let mut v: Vec<String> = claim.stems.iter().map(|s| s.to_string()).collect();
    for &m in &claim.names {
        if let Some(e) = me
            .get(m as usize)
            .and_then(|&e| cx.entities.get(e as usize))
        {
            v.extend(ascii_key(&e.canonical).split_whitespace().map(stem));
        }
    }
    v.sort();
    v.dedup();
    v
}

/// The file's date for comparisons: stated, or estimated from the
/// content (then usually wide, so it constrains little).
fn filed_of(fc: &FileClaims) -> Option<(Ymd, Ymd)> {
    fc.date.date.as_ref().map(|d| (d.lo, d.hi))
}

/// The signatures of one file's facts (negated facts are not compared).
/// `me` maps the file's mentions to corpus entities.
pub fn file_sigs(
    cx: &SigContext,
    file: FileId,
    fc: &FileClaims,
    me: &[u32],
) -> Vec<(FactRef, Sig)> {
    let stated = self_when(fc);
    let filed = filed_of(fc);
    // What the file says of its events, across sentences.
    // (Every event of every sentence, fact or no fact: "The Pine Hollow
    // Fire broke out near Bend" names the fire the next sentence counts
    // the acres of.)
    let told: Vec<EventSig> = fc
        .claims
        .iter()
        .flat_map(|c| {
            c.events.iter().chain(
                c.facts
                    .iter()
                    .filter(|f| !f.negated)
                    .filter_map(|f| f.event.as_ref()),
            )
        })
        .filter(|e| !e.background && !e.negated && !e.another)
        .map(|e| event_sig(cx, me, e))
        .collect();
    let story = Story::of(cx, me, &fc.outlets, stated, &told);
    let fx = FileCx {
        me,
        stated,
        filed,
        story: &story,
        outlets: &fc.outlets,
    };
    let mut out = Vec::new();
    for (ci, c) in fc.claims.iter().enumerate() {
        for (k, fact) in c.facts.iter().enumerate() {
            // What did not happen, or only may, is compared with nothing.
            if fact.negated || fact.hedged {
                continue;
            }
            let at = FactRef {
                file,
                claim: ci as u32,
                fact: k as u32,
            };
            // The words that tie a date to its event, when the parse
            // gave them; else the whole sentence's.
            let phase = match fact.event.as_ref().filter(|e| !e.phase_words.is_empty()) {
                Some(e) => phase_of(&e.phase_words),
                None => phase_of(&c.stems),
            };
            if let Some(sig) = sig_of(cx, &fx, c, fact, phase) {
                out.push((at, sig));
            }
        }
    }
    super::offices::predecessors_leave(&mut out);
    super::offices::unimply_where_the_file_names_two(&mut out);
    out
}

/// What one file lends to the signatures of its facts.
pub(super) struct FileCx<'a> {
    pub me: &'a [u32],
    /// The file's stated date.
    stated: Option<(Ymd, Ymd)>,
    /// Its date, stated or estimated.
    filed: Option<(Ymd, Ymd)>,
    pub story: &'a Story,
    /// The outlets the file relies on (not what it is about).
    pub outlets: &'a [String],
}

/// The event of a fact, with what the file says of it elsewhere (places
/// too unless they are the fact's value), and whether that added anything.
fn fact_event(
    cx: &SigContext,
    fx: &FileCx,
    claim: &Claim,
    e: &Event,
    with_places: bool,
) -> (EventSig, bool) {
    let mut sig = event_sig(cx, fx.me, e);
    if !sig.descriptor.is_empty() {
        sig.said = said_of(cx, fx.me, claim);
    }
    if e.background || e.another {
        sig.country = super::event::country_of_places(cx.entities, &sig.places);
        return (sig, false);
    }
    the_files_capital(cx, fx, &mut sig);
    let mut rich = fx.story.enrich(&sig, with_places);
    let lent = rich != sig;
    rich.country = super::event::country_of_places(cx.entities, &rich.places)
        .or_else(|| fx.story.country.clone());
    rich.lead = fx
        .story
        .harm()
        .is_some_and(|u| super::event::class(u.kind) == super::event::class(e.kind));
    // The lead event's country, when its places tell none: the file's
    // one place of known country ("LA PAZ" over a quake "in the Andes").
    if rich.lead && rich.country.is_none() {
        rich.country = fx.story.sole_country.clone();
    }
    if rich.lead {
        rich.lead_places = linked(fx.me, &e.around);
        rich.lead_places.sort_unstable();
        rich.lead_places.dedup();
    }
    (rich, lent)
}

/// "In the capital": the capital of the country the file's places are
/// mostly in, as a place when the folder names it, else by its name;
/// nothing when no country dominates the file.
fn the_files_capital(cx: &SigContext, fx: &FileCx, sig: &mut EventSig) {
    let bare = crate::analysis::claims::frames::event::CAPITAL_OF_THE_FILE;
    if !sig.capitals.iter().any(|n| n == bare) {
        return;
    }
    sig.capitals.retain(|n| n != bare);
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let Some(city) = fx
        .story
        .country
        .as_deref()
        .and_then(|c| lx.capital_for(c))
        .map(|id| ascii_key(&lx.entry(id).name))
    else {
        return;
    };
    match cx.all_names.get(&city) {
        Some(&id)
            if cx.entities.get(id as usize).map(|e| e.kind)
                == Some(crate::analysis::model::EntityKind::Location) =>
        {
            if !sig.places.contains(&id) {
                sig.places.push(id);
            }
        }
        Some(_) => {}
        None => sig.capitals.push(city),
    }
}

fn sig_of(cx: &SigContext, fx: &FileCx, claim: &Claim, fact: &Fact, phase: u8) -> Option<Sig> {
    let (me, stated, filed) = (fx.me, fx.stated, fx.filed);
    let entity = |m: u32| me.get(m as usize).copied();
    Some(match &fact.body {
        FactBody::Role {
            person,
            role,
            when,
            role_text,
        } => {
            if !roles::is_single_holder(&role.title, &cx.settings.single_holder_roles) {
                return None;
            }
            // "The union's chairman", "the new trust's chief executive": a
            // common noun stands for the organisation the file is about.
            let written = role
                .org
                .as_ref()
                .filter(|o| o.chars().next().is_some_and(|c| !c.is_lowercase()));
            let implied = written.is_none();
            // Nothing to imply it from: the organisation stays unknown
            // (another file may state it for the same person, see
            // `build::settle_implied_orgs`; else it only agrees with the
            // same person's same title).
            let org = match written {
                Some(o) => o.clone(),
                None => super::offices::implied_org(cx, fx, claim, &role.title, *person)
                    .unwrap_or_default(),
            };
            let org = &org;
            // The case of a judge is its defendant, a person: found among
            // everyone named ("Okafor" in one report, "Emeka Okafor" in
            // another, are one case).
            let names = if role.title == roles::CASE_JUDGE {
                cx.all_names
            } else {
                cx.names
            };
            let org_key = if org.is_empty() {
                UNSTATED_ORG.to_string()
            } else {
                names
                    .get(&ascii_key(org))
                    .map(|e| format!("entity:{}", cx.entities[*e as usize].id))
                    .unwrap_or_else(|| format!("text:{}", ascii_key(org)))
            };
            Sig::Role {
                title: role.title.clone(),
                org: org_key,
                org_text: org.clone(),
                person: entity(*person)?,
                implied,
                current: roles::is_current(role.qualifier)
                    || super::offices::in_office_now(role.qualifier, role_text, claim),
                starts: super::offices::starts(role.qualifier, &fact.text, claim, when.or(stated)),
                left: matches!(
                    role.qualifier,
                    Some(RoleQualifier::Former | RoleQualifier::Outgoing)
                ),
                when: when.or(stated),
            }
        }
        FactBody::Quantity {
            subject,
            amount,
            measure,
            predicate,
        } => {
            let (event, lent) = match &fact.event {
                Some(e) => {
                    let (e, lent) = fact_event(cx, fx, claim, e, true);
                    (Some(e), lent)
                }
                // A bare count of the dead ("37 people died") is of the
                // one disaster the file tells of.
                None if subject.is_none() && relate::is_casualty(&measure.what) => {
                    (fx.story.harm().cloned(), true)
                }
                None => (None, false),
            };
            let main_place = event
                .as_ref()
                .filter(|e| e.places.is_empty())
                .and(fx.story.main_place);
            let event = event.map(Box::new);
            Sig::Quantity {
                subject: subject.and_then(entity),
                // "12 dead" counts people; so does a casualty count of a
                // group of them ("14 passengers injured"), a part of all
                // harmed (`measure.unit` keeps the group: only a part larger
                // than the whole conflicts, see `relate`).
                unit: if amount.unit.is_empty()
                    || ((relate::is_casualty(&measure.what)
                        || measure.what == quantity::measure::ABOARD)
                        && quantity::measure::is_people_group(&amount.unit))
                {
                    "person".to_string()
                } else {
                    amount.unit.clone()
                },
                per: amount.per.clone(),
                lo: amount.interval.lo.to_bits(),
                hi: amount.interval.hi.to_bits(),
                stated: (amount.stated.lo.to_bits(), amount.stated.hi.to_bits()),
                vague: amount.form == quantity::Form::Vague || fact.hedged,
                measure: measure.clone(),
                predicate: predicate.clone(),
                text: fact.text.clone(),
                event,
                filed: stated,
                lent,
                country: fx.story.country.clone(),
                main_place,
                period: fact.period,
            }
        }
        FactBody::EventDate {
            entities,
            date,
            when,
            event,
        } => {
            // Without a year (its own, or resolved against the file's
            // date) a date compares with nothing.
            let range = date.range(None).or(*when)?;
            let (ev, lent) = match &fact.event {
                Some(e) => fact_event(cx, fx, claim, e, true),
                // Read without a parse: the event noun and the names
                // before it.
                None => (
                    EventSig {
                        kind: noun_kind(event)?,
                        participants: linked(me, entities),
                        names: Vec::new(),
                        places: Vec::new(),
                        when: Some(range),
                        another: false,
                        descriptor: Vec::new(),
                        said: Vec::new(),
                        place_words: Vec::new(),
                        vehicle: None,
                        country: None,
                        capitals: Vec::new(),
                        lead: false,
                        lead_places: Vec::new(),
                        parts: Vec::new(),
                    },
                    false,
                ),
            };
            Sig::Event {
                event: ev,
                range,
                text: fact.text.clone(),
                phase,
                filed,
                lent,
            }
        }
        FactBody::EventPlace { .. } => {
            let (mut event, lent) = fact_event(cx, fx, claim, fact.event.as_ref()?, false);
            if event.country.is_none() && !event.another {
                event.country = fx.story.sole_country.clone();
            }
            // No place to compare (not even "the Ugandan capital" by its
            // gazetteer name): no fact to compare.
            if event.places.is_empty() && event.capitals.is_empty() {
                return None;
            }
            Sig::EventPlace {
                event,
                text: fact.text.clone(),
                filed,
                lent,
            }
        }
        FactBody::Location {
            subject,
            heads,
            places,
        } => Sig::Location {
            subject: entity(*subject)?,
            heads: heads.clone(),
            places: linked_in_order(me, places),
            text: fact.text.clone(),
            filed: stated,
        },
    })
}

/// The event kind of an event noun's stem (facts read without a parse).
fn noun_kind(stem: &str) -> Option<EventKind> {
    crate::analysis::claims::frames::lexicon::event_word(stem, false).or(match stem {
        "elect" | "election" => Some(EventKind::Election),
        "meet" | "talk" | "visit" | "session" => Some(EventKind::Meeting),
        "summit" | "conferenc" | "forum" | "congres" => Some(EventKind::Summit),
        "vot" | "referendum" => Some(EventKind::Election),
        "inauguration" | "ceremony" => Some(EventKind::Meeting),
        _ => None,
    })
}
