//! Building the signatures of one file's facts ([`file_sigs`]): the
//! entities a fact's mentions link to, the event it belongs to, and the
//! file's date and story it borrows from. The types and their bucket keys
//! are in `sig.rs`.
use std::collections::HashMap;

use super::*;
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
        // A night runs into the next morning: its event may be the one
        // another report dates by that day ("stolen during the night from
        // Monday to Tuesday", "early on Tuesday").
        when: match e.when {
            Some((lo, hi)) if e.night => Some((lo, hi.add_days(1))),
            w => w,
        },
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
        figures: FileWords::default(),
        counts: FileWords::default(),
        file_said: FileWords::default(),
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
    let mut story = Story::of(cx, me, &fc.outlets, stated, &told);
    let lead_names: Vec<u32> = fc
        .claims
        .first()
        .map(|c| {
            c.names
                .iter()
                .filter_map(|&m| me.get(m as usize).copied())
                .collect()
        })
        .unwrap_or_default();
    story.people = Story::people_of(cx, me, &lead_names);
    // What every fact of the file may carry, made once and shared.
    let figures: FileWords = super::super::event::file_figures(cx.entities, me, fc).into();
    let counts: FileWords = super::super::story_compare::file_counts(fc).into();
    let people: Vec<String> = super::super::story_compare::people_keys(&story.people).collect();
    let fx = FileCx {
        me,
        stated,
        filed,
        story: &story,
        figures: figures.clone(),
        counts: counts.clone(),
        counts_people: counts.iter().chain(&people).cloned().collect(),
        story_keys: figures
            .iter()
            .chain(counts.iter())
            .chain(&people)
            .cloned()
            .collect(),
        file_stems: {
            let mut v: Vec<String> = fc
                .claims
                .iter()
                .flat_map(|c| c.stems.iter().map(|s| s.to_string()))
                .collect();
            v.sort();
            v.dedup();
            v.into()
        },
        outlets: &fc.outlets,
        rose: fc.toll_rose,
    };
    let mut out = Vec::new();
    for (ci, c) in fc.claims.iter().enumerate() {
        for (k, fact) in c.facts.iter().enumerate() {
            // What did not happen, or only may, is compared with nothing;
            // nor is an amount of a participant told of only by
            // description who is not the one the file is about.
            if fact.negated || fact.hedged || fact.other_party {
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
    super::super::offices::predecessors_leave(&mut out);
    super::super::offices::unimply_where_the_file_names_two(&mut out);
    out
}

/// What one file lends to the signatures of its facts.
pub(in crate::analysis::claims::index) struct FileCx<'a> {
    pub me: &'a [u32],
    /// The file's stated date.
    stated: Option<(Ymd, Ymd)>,
    /// Its date, stated or estimated.
    filed: Option<(Ymd, Ymd)>,
    pub story: &'a Story,
    /// The stems of every sentence of the file, sorted, each once.
    file_stems: FileWords,
    /// The precise amounts the file states (see
    /// [`super::super::event::file_figures`]).
    figures: FileWords,
    /// The counts the file states of named measures (see
    /// [`super::super::story_compare::file_counts`]).
    counts: FileWords,
    /// The counts, then the people the file is about (see
    /// [`super::super::story_compare::people_keys`]).
    counts_people: FileWords,
    /// The figures, the counts, then the people the file is about.
    story_keys: FileWords,
    /// The outlets the file relies on (not what it is about).
    pub outlets: &'a [String],
    /// The file tells that its toll rose after the event.
    rose: bool,
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
    // What the sentence says is what tells people described alike, and
    // two acts of one body named by what it is ("the High Court"), apart.
    if !sig.descriptor.is_empty()
        || sig
            .participants
            .iter()
            .any(|&p| super::super::event::generic_body(cx.entities, p))
    {
        sig.said = said_of(cx, fx.me, claim);
    }
    if sig
        .participants
        .iter()
        .any(|&p| super::super::event::generic_body(cx.entities, p))
    {
        sig.file_said = fx.file_stems.clone();
    }
    if e.background || e.another {
        sig.country = super::super::event::country_of_places(cx.entities, &sig.places);
        return (sig, false);
    }
    the_files_capital(cx, fx, &mut sig);
    let mut rich = fx.story.enrich(&sig, with_places);
    let lent = rich != sig;
    rich.country = super::super::event::country_of_places(cx.entities, &rich.places)
        .or_else(|| fx.story.country.clone());
    rich.lead = fx
        .story
        .lead_harm()
        .is_some_and(|u| super::super::event::class(u.kind) == super::super::event::class(e.kind));
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

/// The file's event `u` as an amount whose sentence names no event takes
/// it: with its country and, for harm, whether the file leads with it.
fn story_event(cx: &SigContext, fx: &FileCx, u: &EventSig) -> EventSig {
    let mut e = u.clone();
    e.country = super::super::event::country_of_places(cx.entities, &e.places)
        .or_else(|| fx.story.country.clone());
    e.lead = fx
        .story
        .lead_harm()
        .is_some_and(|h| super::super::event::class(h.kind) == super::super::event::class(u.kind));
    e
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

/// An organisation as a role's reading wrote it, without an article
/// before it or a possessive after it ("The FRF's" -> "FRF").
fn clean_org(o: &str) -> String {
    let o = o.trim();
    let o = o
        .strip_prefix("The ")
        .or_else(|| o.strip_prefix("the "))
        .unwrap_or(o);
    o.trim_end_matches("'s").trim_end_matches("’s").to_string()
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
            let in_story = roles::is_single_in_story(&role.title);
            // "The union's chairman", "the new trust's chief executive": a
            // common noun stands for the organisation the file is about.
            let written = role
                .org
                .as_ref()
                .filter(|o| o.chars().next().is_some_and(|c| !c.is_lowercase()));
            // "Northern Province medical officer": one holder of the body
            // named (a place, for some titles).
            let of_named = written.is_some_and(|o| {
                let place = cx.names.get(&ascii_key(o)).is_some_and(|&e| {
                    cx.entities[e as usize].kind == crate::analysis::model::EntityKind::Location
                });
                roles::single_where_named(&role.title, place)
            });
            // A body noun written for the organisation ("Company head X",
            // "the federation's president", "the agency's executive
            // secretary").
            let body_noun = role
                .org
                .as_deref()
                .filter(|o| roles::is_body_noun(o.trim_end_matches("'s")))
                .filter(|_| written.is_none());
            let of_body = body_noun.is_some() && roles::single_where_named(&role.title, false);
            if !roles::is_single_holder(&role.title, &cx.settings.single_holder_roles)
                && !in_story
                && !of_named
                && !of_body
            {
                return None;
            }
            // ("The FRF's president": the recogniser's reading keeps the
            // article and the possessive.)
            let written = written.map(|o| clean_org(o));
            let implied = written.is_none();
            // "the head of research", "the delegation's chief": a head
            // without its organisation named heads something unknown.
            if implied && role.title == roles::GENERIC_HEAD && body_noun.is_none() {
                return None;
            }
            // Nothing to imply it from: the organisation stays unknown
            // (another file may state it for the same person, see
            // `build::settle_implied_orgs`; else it only agrees with the
            // same person's same title).
            let org = match written {
                Some(o) => o,
                None if body_noun.is_some() => super::super::offices::body_org(
                    cx,
                    fx,
                    claim,
                    body_noun.unwrap_or_default(),
                    *person,
                )
                .unwrap_or_default(),
                // (An office of the story is the story's: see
                // `story_offices`.)
                None if in_story => String::new(),
                None => super::super::offices::implied_org(cx, fx, claim, &role.title, *person)
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
                    || super::super::offices::in_office_now(role.qualifier, role_text, claim),
                starts: super::super::offices::starts(
                    role.qualifier,
                    &fact.text,
                    claim,
                    when.or(stated),
                ),
                left: matches!(
                    role.qualifier,
                    Some(RoleQualifier::Former | RoleQualifier::Outgoing)
                ),
                outgoing: role.qualifier == Some(RoleQualifier::Outgoing),
                when: when.or(stated),
                home: (org.is_empty()
                    && super::super::story_offices::unwritten(role.org.as_deref()))
                .then(|| {
                    Box::new(super::super::story_offices::home_of(
                        cx.entities,
                        fx,
                        role.org.as_deref(),
                    ))
                }),
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
                // one disaster the file tells of, else of the one it leads
                // with.
                None if subject.is_none() && relate::is_casualty(&measure.what) => (
                    fx.story
                        .harm()
                        .or(fx.story.lead_harm())
                        .map(|u| story_event(cx, fx, u)),
                    true,
                ),
                // Any other named measure of no subject and no event
                // ("Turnout was 61%", "38,000 people were evacuated"): of
                // the event the file tells of.
                None if super::super::story_compare::lends_story(
                    subject.is_some(),
                    measure,
                    amount,
                ) =>
                {
                    (fx.story.lead().map(|u| story_event(cx, fx, u)), true)
                }
                None => (None, false),
            };
            // What else the file states: what ties it to another report
            // of one story (see `story_compare::one_story`); for an event
            // its sentence does not name and that is no harm, the people
            // the file is about too.
            let of_story = fact.event.is_none() && !relate::is_casualty(&measure.what);
            let event = event.map(|mut e| {
                e.figures = fx.figures.clone();
                e.counts = if of_story {
                    fx.counts_people.clone()
                } else {
                    fx.counts.clone()
                };
                e
            });
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
                rose: fx.rose,
                country: fx.story.country.clone(),
                main_place,
                period: fact.period,
                object: fact.object.clone(),
                // (A measure of the story's own event carries them whatever
                // event its sentence names: see `story_measures`.)
                story: if (of_story || super::super::story_measures::is_story_measure(measure))
                    && subject.is_none()
                {
                    fx.story_keys.clone()
                } else {
                    FileWords::default()
                },
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
                        figures: FileWords::default(),
                        counts: FileWords::default(),
                        file_said: FileWords::default(),
                    },
                    false,
                ),
            };
            let mut ev = ev;
            ev.figures = fx.figures.clone();
            Sig::Event {
                event: ev,
                range,
                text: fact.text.clone(),
                phase,
                filed,
                lent,
                night: fact.event.as_ref().is_some_and(|e| e.night),
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
            event.figures = fx.figures.clone();
            Sig::EventPlace {
                event,
                text: fact.text.clone(),
                filed,
                lent,
                phase,
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
