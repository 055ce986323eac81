//! Finding the events of a sentence: each event word (a verb of harm,
//! meeting or ruling, or a noun naming one), its arguments read by
//! `args::event_at`, and the merging of words that name one event (a
//! relative clause of the same kind, a vehicle and its mishap).
use super::contests;
use super::*;

pub(super) fn find_events(sf: &mut SentenceFrames, inp: &SentenceInput) {
    let n = sf.parse.len();
    // Whether some word of the sentence names an event that harms people
    // ("killed in a blast at the plant"): deaths at a work site are then
    // that event's, not an accident of their own.
    let harm_named = (0..n).any(|t| {
        let tok = &sf.parse.tokens[t];
        [true, false]
            .into_iter()
            .any(|verb| lexicon::event_word(&tok.lemma, verb).is_some_and(|k| k.harms_people()))
    });
    let mut found: Vec<(Event, Vec<usize>)> = Vec::new();
    for a in 0..n {
        let tok = &sf.parse.tokens[a];
        // A participle used as an adjective ("collapsed homes") names no
        // event of the sentence.
        let verb = is_verbal(&sf.parse, a) && tok.deprel.rel != Rel::Amod;
        // The tagger leaves some rarer nouns as foreign words ("X").
        let noun = matches!(tok.upos, Upos::Noun | Upos::Propn | Upos::X);
        // A common noun qualifying another names that other thing: "the
        // fire service", "crash investigators", "election officials".
        // (Only before nouns of people, bodies and gear: the parser also
        // makes "quake" a compound of a verb it took for a noun, "the
        // magnitude 6.1 quake struck".)
        let qualifier = tok.upos == Upos::Noun
            && tok.deprel.rel == Rel::Compound
            && sf.parse.head(a).is_some_and(|h| {
                let head = &sf.parse.tokens[h];
                head.upos == Upos::Noun
                    && QUALIFIED.contains(&head.lemma.to_ascii_lowercase().as_str())
            });
        if qualifier {
            continue;
        }
        // (An adjectival participle is neither.)
        if !verb && !noun && contests::misread_copula(&sf.parse, a).is_none() {
            continue;
        }
        // "held talks" with "talks" tagged as a verb: a noun in a verb's
        // place, without a subject of its own.
        let noun_as_verb = verb
            && sf.parse.head(a).is_some()
            && matches!(tok.deprel.rel, Rel::Ccomp | Rel::Xcomp | Rel::Obj)
            && !sf
                .parse
                .children(a)
                .iter()
                .any(|&c| sf.parse.tokens[c].deprel.is_subject());
        // "The Comets beat the Herons" read as "the Comets [are] the
        // Herons"; "the Herons lost to the Comets".
        let misread = contests::misread_copula(&sf.parse, a);
        let as_verb = misread
            .or_else(|| contests::lost_to(&sf.parse, a).then_some(EventKind::Contest))
            .or_else(|| lexicon::event_word(&tok.lemma, verb))
            .or_else(|| lexicon::event_word(&tok.form, verb))
            .or_else(|| verb.then(|| lexicon::event_verb_form(&tok.form)).flatten())
            .or_else(|| (verb && vehicle_mishap(&sf.parse, a)).then_some(EventKind::Crash))
            // "The flight was forced to land at Shannon", "an emergency
            // landing": an aircraft's incident.
            .or_else(|| {
                let p = &sf.parse;
                ((verb && super::landings::aircraft_landing(p, a))
                    || (noun && super::landings::emergency_landing(p, a)))
                .then_some(EventKind::Crash)
            })
            // "Nine workers were killed at the X shaft in Rustenburg".
            .or_else(|| {
                (verb && site_fatality(&sf.parse, a, harm_named)).then_some(EventKind::Crash)
            })
            // "The ship ran aground off the Bluff": a vessel's accident,
            // whatever verb takes "aground".
            .or_else(|| {
                let p = &sf.parse;
                (verb
                    && p.children(a)
                        .iter()
                        .any(|&c| p.tokens[c].form.eq_ignore_ascii_case("aground")))
                .then_some(EventKind::Crash)
            })
            // "won the third stage", "claimed the biggest win of his
            // career": a contest of one day, won.
            .or_else(|| {
                let p = &sf.parse;
                (verb
                    && p.objects(a)
                        .into_iter()
                        .any(|o| lexicon::contest_won(&tok.lemma, &p.tokens[o].lemma)))
                .then_some(EventKind::Contest)
            })
            .or_else(|| (noun && contests::claimed_win(&sf.parse, a)).then_some(EventKind::Contest))
            // "The cyclone crossed the coast near Paradip": its landfall.
            .or_else(|| {
                let p = &sf.parse;
                (verb
                    && p.objects(a)
                        .into_iter()
                        .any(|o| lexicon::crosses_shore(&tok.lemma, &p.tokens[o].lemma)))
                .then_some(EventKind::Storm)
            });
        let as_noun = || {
            let form = tok.form.to_ascii_lowercase();
            let singular = form.strip_suffix('s').unwrap_or(&form).to_string();
            noun_as_verb
                .then(|| lexicon::event_word(&singular, false))
                .flatten()
        };
        let noun = noun || (as_verb.is_none() && as_noun().is_some());
        let Some(kind) = as_verb.or_else(as_noun) else {
            continue;
        };
        // "March" is a month, "marched" a protest; "a demonstration of
        // the product" shows a thing.
        if kind == EventKind::Protest
            && (!tok.form.starts_with(|c: char| c.is_lowercase())
                || sf.parse.children(a).iter().any(|&c| {
                    sf.parse.tokens[c].deprel.rel == Rel::Nmod
                        && sf.parse.case_marker(c).as_deref() == Some("of")
                }))
        {
            continue;
        }
        // "a pay deal", "a trade agreement": deals that buy nothing.
        let kind = super::agreements::refine(&sf.parse, a, kind);
        // "The launch capsized", "Sunday's launch capsize": a boat, not a
        // product's release.
        if kind == EventKind::Release
            && tok.lemma.eq_ignore_ascii_case("launch")
            && lexicon::vessel_sentence(&inp.text[inp.start..inp.end])
        {
            continue;
        }
        // "Ruled out", "the ruling party", "ruled the country for 30
        // years": a ruling only where a court is spoken of.
        if kind == EventKind::Ruling
            && (!lexicon::mentions_court(&inp.text[inp.start..inp.end])
                || sf.parse.children(a).iter().any(|&c| {
                    sf.parse.tokens[c].deprel.rel == Rel::Compound
                        && sf.parse.tokens[c].form.eq_ignore_ascii_case("out")
                }))
        {
            continue;
        }
        // "The strike at the port", "a walkout by nurses": a labour
        // strike only where workers are spoken of, and never "a drone
        // strike".
        if kind == EventKind::Strike {
            let p = &sf.parse;
            let before = p
                .children(a)
                .iter()
                .filter(|&&c| matches!(p.tokens[c].deprel.rel, Rel::Compound | Rel::Amod))
                .map(|&c| p.tokens[c].form.to_ascii_lowercase())
                .next_back();
            if verb || !lexicon::labour_strike(&inp.text[inp.start..inp.end], before.as_deref()) {
                continue;
            }
        }
        // A noun inside a name ("Ridgeback Fire") names the event too.
        let mut core = vec![a];
        // The copula's head is what the misread verb acted on.
        if misread.is_some() {
            core.extend(sf.parse.head(a));
        }
        if noun {
            let d = tok.deprel;
            let argument = d.is_subject()
                || d.is_object()
                || matches!(d.rel, Rel::Obl | Rel::Xcomp | Rel::Ccomp)
                || (d.rel == Rel::Flat || d.rel == Rel::Compound);
            // "asked the appeal court to suspend the judgment": who acts
            // on a ruling (appeals, suspends, overturns it) is not who
            // ruled.
            let head_lemma = sf
                .parse
                .head(a)
                .map(|h| sf.parse.tokens[h].lemma.to_ascii_lowercase());
            let reviewed = matches!(kind, EventKind::Ruling | EventKind::Sentencing)
                && d.is_object()
                && head_lemma
                    .as_deref()
                    .is_some_and(|l| lexicon::REVIEW_VERBS.contains(&l));
            // "will debate the fire on 4 November", "the crash will be
            // discussed on Monday": the verb is another act about the
            // event; its date and its doers are not the event's.
            let topic = super::args::topic_of_act(&sf.parse, a);
            let reviewed = reviewed || topic;
            if let Some(h) = sf.parse.head(a).filter(|_| argument && !reviewed) {
                if matches!(
                    sf.parse.tokens[h].upos,
                    Upos::Verb | Upos::Noun | Upos::Propn
                ) {
                    core.push(h);
                    // "The Ridgeback Fire had burned": the name's head
                    // noun is the subject of the verb.
                    if d.rel == Rel::Flat || d.rel == Rel::Compound {
                        if let Some(hh) = sf.parse.head(h).filter(|_| {
                            let hd = sf.parse.tokens[h].deprel;
                            hd.is_subject() || hd.is_object()
                        }) {
                            core.push(hh);
                        }
                    }
                }
            }
        }
        // "agreed to send troops following a meeting in Abuja": the verb
        // of what the meeting produced tells who met and when.
        if noun {
            if let Some(v) = super::occasion::occasion_of_outcome(&sf.parse, kind, a) {
                if !core.contains(&v) {
                    core.push(v);
                }
            }
        }
        // "The Ridgeback Fire, which started on Monday": a relative clause
        // on the event noun tells of the event.
        if noun {
            let relcl: Vec<usize> = sf
                .parse
                .children_with(a, Rel::Acl)
                .filter(|&c| is_verbal(&sf.parse, c))
                .collect();
            core.extend(relcl);
        }
        let mut ev = event_at(sf, inp, kind, a, &core);
        if ev.participants.is_empty() && ev.names.is_empty() {
            ev.participants
                .extend(super::dating::leaver_who_speaks(sf, inp, kind, a, &core));
        }
        // "Cyclone Shefali, which struck the coast on 12 May,": a clause
        // set off after the noun dates it, wherever the parser hung it.
        if noun && ev.when.is_none() {
            if let Some(m) = super::relative::clause_date(sf, inp, a) {
                let men = &inp.doc.mentions[m as usize];
                if let Some(when) = dating::resolve_date(inp, m) {
                    ev.when = Some(when);
                    ev.date_span = Some((men.start, men.end));
                    ev.phase_words = dating::phase_words(sf, inp, a, &[a], (men.start, men.end));
                }
            }
        }
        if kind.harms_people() {
            ev.vehicle = vehicle_of(&sf.parse, &core).map(str::to_string);
        }
        found.push((ev, core));
    }
    // One event per kind and clause: "beat Adeyemi ... a seventh-round
    // stoppage" in one sentence is one fight.
    let mut merged: Vec<(Event, Vec<usize>)> = Vec::new();
    for (ev, core) in found {
        // ("cyclone Kavera, which crossed the coast": a relative clause
        // on the event's words tells of the same event.)
        let relative_on = |c: &[usize]| {
            let p = &sf.parse;
            core.first().is_some_and(|&a| {
                p.tokens[a].deprel.rel == Rel::Acl && p.head(a).is_some_and(|h| c.contains(&h))
            })
        };
        let same = merged.iter_mut().find(|(e, c)| {
            e.kind == ev.kind && (c.iter().any(|x| core.contains(x)) || relative_on(c))
        });
        match same {
            Some((e, c)) => {
                e.participants.extend(ev.participants);
                e.participants.sort_unstable();
                e.participants.dedup();
                e.places.extend(ev.places);
                e.places.sort_unstable();
                e.places.dedup();
                e.names.extend(ev.names);
                e.names.sort();
                e.names.dedup();
                if e.when.is_none() {
                    e.when = ev.when;
                    e.date_span = ev.date_span;
                    e.phase_words = ev.phase_words;
                }
                e.place_words.extend(ev.place_words);
                e.place_names.extend(ev.place_names);
                e.parts.extend(ev.parts);
                e.parts.sort();
                e.parts.dedup();
                e.place_names.sort();
                e.place_names.dedup();
                e.place_words.sort();
                e.place_words.dedup();
                if e.vehicle.is_none() {
                    e.vehicle = ev.vehicle;
                }
                e.negated |= ev.negated;
                c.extend(core);
            }
            None => merged.push((ev, core)),
        }
    }
    // "The launch capsized": a noun of a release that is an argument of a
    // verb of harm names the vessel or thing harmed, not a release.
    let harm_verbs: Vec<usize> = merged
        .iter()
        .filter(|(e, _)| e.kind.harms_people())
        .flat_map(|(_, c)| c.iter().copied())
        .filter(|&x| is_verbal(&sf.parse, x))
        .collect();
    merged.retain(|(e, c)| {
        !(e.kind == EventKind::Release && c.iter().skip(1).any(|x| harm_verbs.contains(x)))
    });
    // "In June last year, a ferry capsized ..., killing 34 people": a
    // date fronted before a comma dates the whole sentence, whatever the
    // parser hung it on.
    if let Some((m, when)) = fronted_date(sf, inp) {
        let men = &inp.doc.mentions[m as usize];
        for (e, _) in merged.iter_mut().filter(|(e, _)| e.when.is_none()) {
            e.when = Some(when);
            e.date_span = Some((men.start, men.end));
        }
    }
    for (e, c) in merged {
        sf.events.push(e);
        sf.cores.push(c);
    }
}
