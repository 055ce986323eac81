//! One event's arguments, read from the parse around its core tokens:
//! participants, places, the date ([`event_at`], with the date readers of
//! `event_dates.rs`) and the common noun that describes unnamed
//! participants ([`describe`]).
use super::city_parts::{city_parts, town_after_noun, town_of_part};
use super::dating::{
    concluded_talks, date_below, date_of_agreement, date_of_commitment, date_of_harm,
    date_words_of_harm, names_a_day, phase_words, possessive_date_words, resolve_date,
    resolve_span,
};
use super::describe::describe;
use super::parties::{
    acl_subject, both_countries, countries_of_people, demonym_countries, is_country,
    meeting_parties, possessor_of_delegates,
};
use super::places::{
    after_off, areas_of_joined_verb, capital_named, close_to, demonym_place, enclosing_places,
    name_cut_short, named_after_grain, place_word, places_of_party, places_of_struck,
    places_taken_from, typed_place,
};
use super::{is_verbal, Event, SentenceFrames, SentenceInput};
use crate::analysis::claims::frames::lexicon::{self, EventKind};
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Rel, Sub};

/// Read one event's participants, places and date.
pub(super) fn event_at(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    kind: EventKind,
    anchor: usize,
    core: &[usize],
) -> Event {
    let p = &sf.parse;
    let doc = inp.doc;
    let mut participants: Vec<u32> = Vec::new();
    let mut places: Vec<u32> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut date: Option<u32> = None;
    let mut place_names: Vec<String> = Vec::new();
    let kind_of = |m: u32| doc.mentions[m as usize].kind;
    // Countries among the arguments of a meeting ("the foreign ministers
    // of Peru and Ecuador met"): the parties, when nobody is named.
    let mut party_countries: Vec<u32> = Vec::new();
    // And their demonyms ("Peruvian and Ecuadorian officials"), as the
    // countries' entries.
    let mut party_demonyms: Vec<u32> = Vec::new();
    // Bodies whose people met ("the European Union's ministers"): parties,
    // though their names sit in the description of who met.
    let mut delegated: Vec<u32> = Vec::new();
    let meeting = crate::analysis::claims::index::event::class(kind) == EventKind::Meeting;
    let take_part = |ms: Vec<u32>,
                     participants: &mut Vec<u32>,
                     places: &mut Vec<u32>,
                     countries: &mut Vec<u32>| {
        for m in ms {
            match kind_of(m) {
                // "the Peruvian Andes" taken for a person: a place, never
                // a participant.
                EntityKind::Person if demonym_place(inp, m) && kind.strikes_places() => {
                    places.push(m)
                }
                EntityKind::Person if demonym_place(inp, m) => {}
                EntityKind::Person | EntityKind::Organization => participants.push(m),
                EntityKind::Location if kind.places_take_part() => participants.push(m),
                // "Saturday's loss to Brisbane", "Brisbane beat Adelaide":
                // a town among who played is a team called by its town
                // (where they played is written with "in", "at", "on").
                EntityKind::Location if kind == EventKind::Contest => participants.push(m),
                EntityKind::Location if kind.strikes_places() => places.push(m),
                EntityKind::Location if meeting && is_country(inp, m) => countries.push(m),
                _ => {}
            }
        }
    };
    for (k, &c) in core.iter().enumerate() {
        let mut args: Vec<usize> = Vec::new();
        if is_verbal(p, c) || k > 0 {
            // A verb misread as a copula: its head is its object.
            if k > 0 && matches!(p.tokens[core[0]].deprel.rel, Rel::Cop | Rel::Case) {
                args.push(c);
            }
            args.extend(p.subjects(c));
            // "Defence ministers of Estonia and Latvia, meeting in Riga,
            // agreed": who a participle of meeting qualifies met.
            args.extend(acl_subject(p, c, meeting));
            args.extend(p.objects(c));
            if let Some(ag) = p.agent(c) {
                args.push(ag);
            }
        }
        // The event word itself when it is a name's head ("the Ridgeback
        // Fire") and the arguments of a noun.
        if k == 0 && !is_verbal(p, c) {
            args.push(c);
        }
        // "a factory fire in the SITE industrial area of Karachi": the town
        // of the area written right after the event noun.
        if k == 0 && !is_verbal(p, c) {
            places.extend(town_after_noun(p, inp, c));
        }
        for &d in p.children(c) {
            let dep = p.tokens[d].deprel;
            if core.contains(&d) {
                continue;
            }
            // Dates first: "on Wednesday", "Wednesday's crash", "last night".
            let date_here = sf.mentions_at(d).find(|&m| kind_of(m) == EntityKind::Date);
            if let Some(m) = date_here {
                // "made landfall early Tuesday": a bare day the parser took
                // for the object of the event's verb is still its date (a
                // day is nothing a storm, a court or a meeting acts on).
                let bare_day = dep.rel == Rel::Obj
                    && is_verbal(p, c)
                    && p.case_marker(d).is_none()
                    && names_a_day(inp, m);
                // "the 12 May summit", "the March 30 ruling": a date
                // before the event noun, as its modifier.
                let before_noun =
                    matches!(dep.rel, Rel::Nummod | Rel::Amod) && !is_verbal(p, c) && d < c;
                if (bare_day
                    || before_noun
                    || matches!(dep.rel, Rel::Obl | Rel::Nmod | Rel::Compound | Rel::Advmod))
                    && date.is_none()
                {
                    date = Some(m);
                }
                // "went down on Thursday close to Ukara Island": the parser
                // may hang "close to" on the date.
                for x in p.children(d).iter().flat_map(|&x| p.children(x).to_vec()) {
                    if close_to(p, x).is_some_and(|h| p.head(h) == Some(d)) {
                        places.extend(
                            sf.names_under(x, true)
                                .into_iter()
                                .filter(|&m| kind_of(m) == EntityKind::Location),
                        );
                    }
                }
                continue;
            }
            match dep.rel {
                Rel::Obl | Rel::Nmod => {
                    let case = p.case_marker(d);
                    let case = case.as_deref();
                    if dep.sub == Some(Sub::Poss) {
                        args.push(d);
                    } else if case.is_some_and(|c| {
                        lexicon::PLACE_CASES.contains(&c)
                            // "marched through Lisbon", "a fire tore
                            // through a block in Hoogvliet": the path of a
                            // march or of harm is its place.
                            || (kind.told_as_lead() && c == "through")
                    }) {
                        place_names.extend(capital_named(p, d));
                        for m in sf.names_under(d, true) {
                            let men = &doc.mentions[m as usize];
                            // "met in Geneva": a place, whatever the
                            // recogniser took it for.
                            // "off the Prithvi Highway", "into the Meghna
                            // River": a name of a kind of place.
                            let known_place = men.kind != EntityKind::Location
                                && (crate::analysis::claims::resolve::is_known_place(
                                    men.text(inp.text),
                                ) || typed_place(men.text(inp.text))
                                    || demonym_place(inp, m));
                            match kind_of(m) {
                                _ if known_place => places.push(m),
                                EntityKind::Location => places.push(m),
                                // Venues ("at the O2 Arena"): a name that
                                // heads the phrase. A firm that qualifies a
                                // common noun ("at the Shell refinery in
                                // Pernis") owns the site, it is no place:
                                // one firm has many refineries.
                                EntityKind::Organization
                                    if case == Some("at") && sf.head_of(m) == Some(d) =>
                                {
                                    places.push(m)
                                }
                                EntityKind::Person | EntityKind::Organization => {
                                    participants.push(m)
                                }
                                _ => {}
                            }
                        }
                        // "at a meeting held in Doha": where the meeting
                        // was is where it happened.
                        if super::occasion::meeting_word(p, d) {
                            let (x, n) = super::occasion::places_of_meeting(sf, inp, d);
                            places.extend(x);
                            place_names.extend(n);
                        }
                        // "in Vietnam's southern province of Binh Duong".
                        places.extend(named_after_grain(p, inp, d));
                        // "in Lahore's Shahdara area": in Lahore; "at a
                        // factory in Dhaka's Mirpur area": in Dhaka.
                        places.extend(town_of_part(sf, inp, d));
                        for &x in p.children(d) {
                            if p.tokens[x].deprel.rel == Rel::Nmod
                                && matches!(p.case_marker(x).as_deref(), Some("in") | Some("at"))
                            {
                                places.extend(town_of_part(sf, inp, x));
                            }
                        }
                    } else if !matches!(case, Some("according to") | Some("as")) {
                        // "stole paintings from the museum in Dresden":
                        // where the theft took from is where it happened.
                        if kind == EventKind::Theft && case == Some("from") {
                            places.extend(places_taken_from(sf, inp, d));
                        }
                        // "a strike by dockworkers at the port of Antwerp":
                        // where the strikers are is where they strike.
                        if kind == EventKind::Strike && case == Some("by") {
                            places.extend(places_taken_from(sf, inp, d));
                        }
                        args.push(d);
                    }
                }
                // "capsized close to Kome Island": the place is under
                // "close".
                Rel::Xcomp | Rel::Advmod => {
                    for x in p
                        .children(d)
                        .iter()
                        .copied()
                        .filter(|&x| close_to(p, x) == Some(d))
                    {
                        places.extend(
                            sf.names_under(x, true)
                                .into_iter()
                                .filter(|&m| kind_of(m) == EntityKind::Location),
                        );
                    }
                }
                Rel::Compound | Rel::Amod if k == 0 => args.push(d),
                _ => {}
            }
        }
        // Who receives: "50 million euros in emergency aid to Malawi",
        // under the object of "pledged".
        if kind.places_take_part() {
            let mut stack: Vec<(usize, usize)> = p
                .objects(c)
                .into_iter()
                .chain(p.children_with(c, Rel::Obl))
                .map(|o| (o, 0))
                .collect();
            while let Some((o, depth)) = stack.pop() {
                for &r in p.children(o) {
                    if p.tokens[r].deprel.rel != Rel::Nmod || depth > 3 {
                        continue;
                    }
                    match p.case_marker(r).as_deref() {
                        Some("to") | Some("for") => args.push(r),
                        _ => stack.push((r, depth + 1)),
                    }
                }
            }
        }
        for a in args {
            // (The head of a misread copula is no event word: an argument.)
            let object_of_copula =
                k > 0 && a == c && matches!(p.tokens[core[0]].deprel.rel, Rel::Cop | Rel::Case);
            if core.contains(&a) && a != anchor && !object_of_copula {
                continue;
            }
            let ms = sf.names_and_loose(a, false, &mut names);
            take_part(ms, &mut participants, &mut places, &mut party_countries);
            // "Delegations from Peru and Ecuador", "negotiators from the
            // two countries": the countries of the people who met.
            if meeting && (p.subjects(c).contains(&a) || acl_subject(p, c, meeting) == Some(a)) {
                let bodies = possessor_of_delegates(sf, a);
                delegated.extend(bodies.iter().copied());
                take_part(bodies, &mut participants, &mut places, &mut party_countries);
                party_countries.extend(countries_of_people(sf, inp, a));
                party_countries.extend(both_countries(sf, inp, a));
                party_demonyms.extend(demonym_countries(p, a));
            }
            if kind.harms_people() {
                places.extend(places_of_struck(sf, inp, a));
            }
            // "robbed a jeweller's in Antwerp", "looted a museum in Kabul":
            // what a theft's verb acted on is where it took from.
            if kind == EventKind::Theft && is_verbal(p, c) && p.objects(c).contains(&a) {
                let robbed = matches!(
                    p.tokens[c].lemma.to_ascii_lowercase().as_str(),
                    "rob" | "loot" | "burgle" | "raid"
                );
                if robbed {
                    places.extend(places_taken_from(sf, inp, a));
                }
            }
            // "pledges for Sudan at a conference held in Brussels".
            if kind == EventKind::Pledge {
                let (x, n) = super::occasion::places_of_occasion(sf, inp, c, a);
                places.extend(x);
                place_names.extend(n);
            }
            if crate::analysis::claims::index::event::class(kind) == EventKind::Meeting
                || kind == EventKind::Contest
            {
                places.extend(places_of_party(sf, inp, a));
            }
        }
        // "sank off Sicily", however the parser hung the place (the
        // object of "sank off", a phrase under the date): a place right
        // after "off" below the accident's verb is where it happened.
        if kind.harms_people() && is_verbal(p, c) {
            places.extend(inp.mentions.iter().copied().filter(|&m| {
                kind_of(m) == EntityKind::Location
                    && after_off(inp, m)
                    && sf.head_of(m).is_some_and(|h| below(p, h, c))
            }));
        }
        // "The bus left the highway in Dhading district and plunged into
        // the river": the area the accident's other verb of one subject
        // puts it in.
        if kind.harms_people() && is_verbal(p, c) {
            places.extend(areas_of_joined_verb(sf, inp, c));
        }
        // "The summit was held in Kigali, with Kenyan President John Mbeki
        // and Ugandan President Samuel Kato attending": who attended took
        // part.
        if crate::analysis::claims::index::event::class(kind) == EventKind::Meeting
            && is_verbal(p, c)
        {
            for x in p.children_with(c, Rel::Advcl) {
                let with = p.children(x).iter().any(|&m| {
                    p.tokens[m].deprel.rel == Rel::Mark
                        && p.tokens[m].form.eq_ignore_ascii_case("with")
                });
                if with {
                    for s in p.subjects(x) {
                        let ms = sf.names_and_loose(s, false, &mut names);
                        take_part(ms, &mut participants, &mut places, &mut party_countries);
                    }
                }
            }
        }
        // "A court in Lyon fined", "the Lyon criminal court fined": where
        // the court sits is where the ruling was made.
        if matches!(kind, EventKind::Sentencing | EventKind::Ruling) && is_verbal(p, c) {
            for s in p.subjects(c) {
                places.extend(
                    sf.names_under(s, true)
                        .into_iter()
                        .filter(|&m| kind_of(m) == EntityKind::Location),
                );
            }
        }
    }
    // "agreed on Thursday ... after talks in Tashkent": the talks ended
    // in the agreement, on its day.
    let concluded = if meeting {
        concluded_talks(sf, anchor, &kind_of)
    } else {
        None
    };
    if let Some((verb, on)) = concluded {
        if date.is_none() {
            date = on;
        }
        // Who agreed is who talked ("the energy ministers of Uzbekistan
        // and Kazakhstan agreed ... after talks").
        for s in p.subjects(verb) {
            let ms = sf.names_and_loose(s, false, &mut names);
            take_part(ms, &mut participants, &mut places, &mut party_countries);
        }
    }
    // A date the parser hung on a place or a name of the event ("on Lake
    // Kivu on Monday"): it still dates the event.
    if date.is_none() {
        date = date_below(sf, core, &kind_of);
    }
    // "agreed on Monday to buy", "under an agreement signed on March 11":
    // the day the event was agreed.
    if date.is_none() {
        date = date_of_commitment(sf, anchor, &kind_of)
            .or_else(|| date_of_agreement(sf, core, &kind_of));
    }
    // "A fire killed six workers and injured 11 early on Tuesday": a date
    // on a verb joined to the event's verb dates the event too.
    if date.is_none() {
        date = core
            .iter()
            .filter(|&&c| is_verbal(p, c))
            .flat_map(|&c| p.children_with(c, Rel::Conj))
            .filter(|&j| is_verbal(p, j))
            .flat_map(|j| p.children(j).iter().copied())
            .filter(|&d| matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Advmod))
            .find_map(|d| sf.mentions_at(d).find(|&m| kind_of(m) == EntityKind::Date));
    }
    // "Three people died on Saturday night when a train came off the
    // rails": the day the harm is dated on is the accident's.
    if date.is_none() && kind.harms_people() {
        date = date_of_harm(sf, anchor, &kind_of);
    }
    // The event's own name ("the Ridgeback Fire") names the event, not
    // someone who takes part: two fires' names are two fires.
    participants.retain(|&m| {
        if sf.head_of(m) == Some(anchor) && !is_verbal(p, anchor) {
            names.push(crate::analysis::text::fold::ascii_key(
                doc.mentions[m as usize].text(inp.text),
            ));
            false
        } else {
            true
        }
    });
    // A meeting nobody in it is named at: the countries whose people met
    // are its parties (the ministers of Peru and Ecuador meeting today are
    // not those of Chile and Bolivia), never when a person or a body is
    // named (then the country is only what qualifies them).
    if participants.is_empty() && names.is_empty() {
        if let Some((named, written)) = meeting_parties(inp, party_countries, party_demonyms) {
            participants = named;
            names.extend(written);
        }
    }
    participants.sort_unstable();
    participants.dedup();
    // "in Khanh Binh town, Binh Duong province": the province too.
    let enclosing = enclosing_places(sf, inp, &places);
    places.extend(enclosing);
    places.sort_unstable();
    places.dedup();
    places.retain(|m| !participants.contains(m) && !name_cut_short(inp, *m));
    names.sort();
    names.dedup();
    // A loose word that is the event word itself is no name.
    let own = crate::analysis::text::fold::ascii_key(&p.tokens[anchor].form);
    names.retain(|n| !n.is_empty() && *n != own);
    // A storm is told from another by its name, written with or without
    // its class ("Typhoon Mirasol", "Mirasol").
    if crate::analysis::claims::index::event::class(kind) == EventKind::Storm {
        names.extend(super::storms::opening_storm_name(sf, inp, core));
        names.extend(super::storms::name_after_class(sf, anchor));
        names = super::storms::storm_names(names);
    }
    let described = describe(sf, inp, core, anchor);
    // "Water ministers from nine Nile Basin countries met": a name the
    // recogniser missed inside the description of who met qualifies them
    // (which ministers), it is no party. Only for events people hold: what
    // a crash struck ("a Transandes jet") is named by its operator.
    if !kind.harms_people() {
        names.retain(|n| {
            !n.split_whitespace()
                .all(|w| described.loose.iter().any(|l| l == w))
        });
        participants.retain(|m| !described.people.contains(m) || delegated.contains(m));
    }
    // "will debate the collapse on 4 June": a date after an event noun
    // that another act takes as its topic is that act's, wherever the
    // parser hung it ("Tuesday's collapse", before the noun, still dates
    // the collapse).
    if let Some(m) = date {
        let after_noun = doc.mentions[m as usize].start >= p.tokens[anchor].end;
        if after_noun && topic_of_act(p, anchor) {
            date = None;
        }
    }
    let harm_words = if date.is_none() && kind.harms_people() {
        date_words_of_harm(sf, inp, anchor)
    } else {
        None
    };
    let harm_words = harm_words.or_else(|| {
        date.is_none()
            .then(|| possessive_date_words(sf, inp, anchor))
            .flatten()
    });
    // "The flight landed shortly after 2pm today": a day named from the
    // report's own ("today", "yesterday") that the recogniser left out.
    let harm_words = harm_words.or_else(|| {
        date.is_none()
            .then(|| super::dating::deictic_day_words(sf, core))
            .flatten()
    });
    // "Tugs will try to pull the ferry that ran aground off Heligoland
    // free on Friday": in a sentence told ahead, a date the parser hung in
    // a relative clause of a past event is the plan's, not the event's.
    let relative =
        p.tokens[anchor].deprel.rel == Rel::Acl && p.tokens[anchor].deprel.sub == Some(Sub::Relcl);
    let told_ahead = p.children_with(p.root(), Rel::Aux).any(|a| {
        let f = p.tokens[a].form.to_ascii_lowercase().replace('’', "'");
        matches!(f.as_str(), "will" | "shall" | "'ll")
    });
    if relative && told_ahead {
        date = None;
    }
    let (when, date_span) = match date {
        None if harm_words.is_some() => {
            let (a, b) = harm_words.unwrap_or_default();
            let r = resolve_span(inp, a, b);
            (r, r.map(|_| (a, b)))
        }
        Some(m) => {
            let men = &doc.mentions[m as usize];
            // A month or a year still tells two events apart ("next
            // month's fight"), though it dates none precisely enough to
            // state its date (see `precise_when`).
            let r = resolve_date(inp, m);
            (r, r.map(|_| (men.start, men.end)))
        }
        None => (None, None),
    };
    let negated = core
        .iter()
        .any(|&c| is_verbal(p, c) && p.negator(c).is_some());
    let parts = city_parts(inp, &places);
    // "in the SITE industrial area of Karachi": a part's name the
    // recogniser took for a body takes no part.
    participants.retain(|&m| {
        let name = crate::analysis::text::fold::ascii_key(doc.mentions[m as usize].text(inp.text));
        !parts.iter().any(|(part, _)| *part == name)
    });
    // "The Brasov Court of Appeal sentenced": the court's town, when the
    // sentence names no other place.
    if places.is_empty() && super::courts::court_event(kind) {
        place_names.extend(
            participants
                .iter()
                .filter(|&&m| kind_of(m) == EntityKind::Organization)
                .filter_map(|&m| {
                    super::courts::court_town(doc.mentions[m as usize].text(inp.text))
                }),
        );
    }
    let place_words = places
        .iter()
        .filter_map(|&m| Some((m, place_word(sf, inp, m)?)))
        .collect();
    let tok = &p.tokens[anchor];
    let phase_words = date_span
        .map(|span| phase_words(sf, inp, anchor, core, span))
        .unwrap_or_default();
    Event {
        phase_words,
        around: Vec::new(),
        // A night an event of any hour happened in (a fire, a crash, a
        // theft), not the evening of a game, a meeting or a march.
        night: date_span
            .and_then(|span| super::dating::names_a_night(inp.text, span))
            .is_some_and(|written_as_night| {
                written_as_night || kind.harms_people() || kind == EventKind::Theft
            }),
        place_words,
        place_names,
        parts,
        vehicle: None,
        descriptor: described.words,
        another: false,
        kind,
        start: tok.start,
        end: tok.end,
        participants,
        places,
        names,
        when,
        date_span,
        negated,
        background: matches!(
            p.case_marker(anchor).as_deref(),
            Some("after") | Some("before") | Some("since") | Some("following") | Some("until")
        ) && !is_verbal(p, anchor)
            && concluded.is_none()
            && super::occasion::occasion_of_outcome(p, kind, anchor).is_none()
            && !super::occasion::cause_of_harm(p, kind, anchor),
    }
}

/// Whether event noun `n` is what another act is about: the object or
/// passive subject of a verb of [`lexicon::TOPIC_VERBS`] ("debate the
/// fire", "the crash will be examined").
pub(super) fn topic_of_act(p: &crate::analysis::syntax::Parse, n: usize) -> bool {
    // (Whatever its tag: "discuss the crash" with "crash" tagged a verb
    // is still an object.)
    let d = p.tokens[n].deprel;
    (d.is_object() || d.is_passive_subject())
        && p.head(n).is_some_and(|h| {
            lexicon::TOPIC_VERBS.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str())
        })
}

/// Whether token `t` lies below token `top` in the parse (within a few
/// steps).
fn below(p: &crate::analysis::syntax::Parse, t: usize, top: usize) -> bool {
    let mut x = t;
    for _ in 0..8 {
        match p.head(x) {
            Some(h) if h == top => return true,
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}
