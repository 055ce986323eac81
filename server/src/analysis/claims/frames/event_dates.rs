//! The date of an event, read from the parse around its words: a date
//! hung below the event's words ([`date_below`]), on the verb of harm an
//! accident's clause explains ([`date_of_harm`]), in a possessive before
//! the event noun ([`possessive_date_words`]), resolved against the
//! sentence and the file ([`resolve_date`]), and the words that say which
//! phase of the event it dates ([`phase_words`]). [`super::args::event_at`]
//! puts them together.
use super::{is_verbal, SentenceFrames, SentenceInput};
use crate::analysis::claims::dates;
use crate::analysis::claims::frames::lexicon;
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Sub, Upos};

/// The words that say which phase of an event a date is of ("the
/// summit opens on Monday", "the fire broke out on Sunday", "the first day
/// of the talks"): those between the event word and its date, the event's
/// core words, and the modifiers of the event word and of the noun it
/// qualifies, stemmed. Never the rest of the sentence: "met on Thursday
/// and agreed to a deal by the end of the year" dates the meeting, not an
/// end.
pub(super) fn phase_words(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    anchor: usize,
    core: &[usize],
    (a, b): (usize, usize),
) -> Vec<String> {
    let p = &sf.parse;
    let tok = &p.tokens[anchor];
    let (from, to) = (tok.start.min(a), tok.end.max(b));
    let mut out = crate::analysis::claims::words::content_stems(inp.text, from, to);
    let modifiers = |t: usize| {
        p.children(t)
            .iter()
            .copied()
            .filter(|&c| {
                matches!(
                    p.tokens[c].deprel.rel,
                    Rel::Amod | Rel::Advmod | Rel::Compound
                )
            })
            .collect::<Vec<_>>()
    };
    let mut toks: Vec<usize> = core.to_vec();
    toks.extend(modifiers(anchor));
    if let Some(h) = p.head(anchor).filter(|_| !is_verbal(p, anchor)) {
        toks.extend(modifiers(h));
    }
    for t in toks {
        out.push(crate::analysis::claims::words::stem(&p.tokens[t].form));
    }
    out.sort();
    out.dedup();
    out
}

/// The date on the verb of harm an accident's clause explains ("died on
/// Saturday when the train derailed", "were killed on Sunday after the
/// bus plunged").
pub(super) fn date_of_harm(
    sf: &SentenceFrames,
    anchor: usize,
    kind_of: &dyn Fn(u32) -> EntityKind,
) -> Option<u32> {
    let p = &sf.parse;
    if p.tokens[anchor].deprel.rel != Rel::Advcl {
        return None;
    }
    let h = p.head(anchor)?;
    let harm = crate::analysis::claims::quantity::measure::is_casualty_cue(
        &p.tokens[h].form.to_ascii_lowercase(),
    );
    if !harm {
        return None;
    }
    p.children(h)
        .iter()
        .filter(|&&d| matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Nmod | Rel::Advmod))
        .find_map(|&d| sf.mentions_at(d).find(|&m| kind_of(m) == EntityKind::Date))
}

/// The days date mention `m` stands for, resolved against the sentence
/// and the file's date.
pub(super) fn resolve_date(inp: &SentenceInput, m: u32) -> Option<(dates::Ymd, dates::Ymd)> {
    let men = &inp.doc.mentions[m as usize];
    resolve_span(inp, men.start, men.end)
}

/// The days the date written at `[a, b)` stands for (see [`resolve_date`]).
pub(super) fn resolve_span(
    inp: &SentenceInput,
    a: usize,
    b: usize,
) -> Option<(dates::Ymd, dates::Ymd)> {
    let Some(r) = dates::context::resolve_in_text(inp.text, inp.start, inp.end, a, b, inp.anchor)
    else {
        return dates::read_at(inp.text, a, b)?.expr.range(None);
    };
    // A bare weekday the context cannot place ("Wednesday's crash") is
    // the past one: reports tell what happened.
    let (lo, hi) = r.interval;
    let e = r.found.expr;
    let weekday_only = e.weekday.is_some() && e.m.is_none() && e.d.is_none();
    if weekday_only && hi != lo {
        return Some((lo, lo));
    }
    // "would ask the court to suspend Monday's judgment": a weekday that
    // names a thing ("Monday's") keeps the tense of the clause around it,
    // which may be about acting on something past ("suspend", "appeal")
    // or about something ahead ("ahead of Sunday's vote"): the words do
    // not tell which Monday, so the event is left undated.
    let ahead = inp.anchor.is_some_and(|(_, last)| lo > last);
    if weekday_only && ahead && inp.text[b..].starts_with(['\'', '’']) {
        return None;
    }
    Some((lo, hi))
}

/// A date the parse made the head of an accident's clause ("on Saturday
/// evening when a train derailed") or hung on the verb of harm ("died
/// ... on Saturday evening when"), as the text span of its words (the
/// recogniser may have left "Saturday evening" out).
pub(super) fn date_words_of_harm(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    anchor: usize,
) -> Option<(usize, usize)> {
    let p = &sf.parse;
    let rel = p.tokens[anchor].deprel.rel;
    let h = p.head(anchor)?;
    let mut candidates: Vec<usize> = Vec::new();
    if rel == Rel::Acl {
        candidates.push(h);
    }
    if rel == Rel::Advcl || rel == Rel::Acl {
        let verb = if rel == Rel::Acl { p.head(h) } else { Some(h) };
        if let Some(v) = verb.filter(|&v| {
            crate::analysis::claims::quantity::measure::is_casualty_cue(
                &p.tokens[v].form.to_ascii_lowercase(),
            )
        }) {
            candidates.extend(
                p.children(v)
                    .iter()
                    .copied()
                    .filter(|&d| matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Nmod)),
            );
        }
    }
    candidates.into_iter().find_map(|t| {
        let start = p
            .children(t)
            .iter()
            .copied()
            .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Compound | Rel::Amod))
            .map(|c| p.tokens[c].start)
            .min()
            .unwrap_or(p.tokens[t].start)
            .min(p.tokens[t].start);
        let end = p.tokens[t].end;
        let found = dates::read_at(inp.text, start, end)?;
        Some((found.start, found.end))
    })
}

/// "Last week's crash", "Sunday's vote": a possessive before the event
/// noun that reads as a date, as the span of its words, when the
/// recogniser left it out (it may, at a sentence's start).
pub(super) fn possessive_date_words(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    anchor: usize,
) -> Option<(usize, usize)> {
    let p = &sf.parse;
    if is_verbal(p, anchor) {
        return None;
    }
    p.children(anchor).iter().copied().find_map(|c| {
        let d = p.tokens[c].deprel;
        if d.rel != Rel::Nmod || d.sub != Some(Sub::Poss) || c > anchor {
            return None;
        }
        let start = (0..=c)
            .find(|&x| p.dominates(c, x))
            .map_or(p.tokens[c].start, |x| p.tokens[x].start);
        let found = dates::read_at(inp.text, start, p.tokens[c].end)?;
        Some((found.start, found.end))
    })
}

/// Nouns of a part of a day, that a date qualifies with "of" ("the early
/// hours of Tuesday", "the night of 3 March"): the part dates what
/// happened in it as the day does.
const PARTS_OF_DAY: &[&str] = &[
    "hour",
    "hours",
    "morning",
    "afternoon",
    "evening",
    "night",
    "dawn",
    "daybreak",
    "midday",
    "noon",
];

/// Whether date mention `m` names a day or a weekday (not a month, a
/// year or a season).
pub(super) fn names_a_day(inp: &SentenceInput, m: u32) -> bool {
    let men = &inp.doc.mentions[m as usize];
    dates::read_at(inp.text, men.start, men.end)
        .is_some_and(|f| f.expr.weekday.is_some() || f.expr.d.is_some())
}

/// A date mention whose head reaches one of the event's core tokens
/// through noun modifiers and obliques only (not through another verb).
pub(super) fn date_below(
    sf: &SentenceFrames,
    core: &[usize],
    kind_of: &dyn Fn(u32) -> EntityKind,
) -> Option<u32> {
    let p = &sf.parse;
    sf.heads.iter().find_map(|&(m, h)| {
        if kind_of(m) != EntityKind::Date {
            return None;
        }
        // "on Monday", "Monday": a day of the event; "from Monday to
        // Tuesday", "until Monday": a span or a bound. "In the early hours
        // of Tuesday", "on the night of 3 March": a part of that day.
        // "In the night from Friday to Saturday", "the night between
        // Friday and Saturday": the night of the first day.
        let case = p.case_marker(h);
        let head_lemma = p.head(h).map(|t| p.tokens[t].lemma.to_ascii_lowercase());
        let part_of_day = match case.as_deref() {
            Some("of") => head_lemma
                .as_deref()
                .is_some_and(|l| PARTS_OF_DAY.contains(&l)),
            Some("from") | Some("between") => head_lemma.as_deref() == Some("night"),
            _ => false,
        };
        if !part_of_day
            && p.case_marker(h)
                .is_some_and(|c| !["on", "at", "in"].contains(&c.as_str()))
        {
            return None;
        }
        // "met Nguyen Thi Lan in Hanoi last Tuesday": a bare date the
        // parser coordinated with an argument of the event (no date is
        // one more participant) dates the event.
        if p.tokens[h].deprel.rel == Rel::Conj
            && p.case_marker(h).is_none()
            && p.head(h).is_some_and(|a| {
                let d = p.tokens[a].deprel;
                (d.is_object() || d.is_subject()) && p.head(a).is_some_and(|v| core.contains(&v))
            })
        {
            return Some(m);
        }
        // "sentenced him on April 2 to 12 years": a date with its own
        // "on" that the parser took for a number of the noun after it is
        // no number: it dates the verb above that noun.
        if p.tokens[h].deprel.rel == Rel::Nummod
            && p.case_marker(h).as_deref() == Some("on")
            && p.head(h)
                .and_then(|n| p.head(n))
                .is_some_and(|v| core.contains(&v) && is_verbal(p, v))
        {
            return Some(m);
        }
        let mut x = h;
        for step in 0..4 {
            let dep = p.tokens[x].deprel;
            // "A court in Lyon on Thursday fined": the date the parser
            // hung inside the subject, before its verb.
            let subject = step > 0 && dep.is_subject() && h < p.head(x)?;
            // Through an object only when it is a thing ("crossed the coast
            // near Paradip on Tuesday"); a named object with a date under
            // it ("visits Easton on Tuesday") is left to the parse's own
            // attachment.
            let thing_object = dep.is_object() && p.tokens[x].upos == Upos::Noun;
            if !subject
                && !thing_object
                && !matches!(
                    dep.rel,
                    Rel::Nmod | Rel::Obl | Rel::Compound | Rel::Appos | Rel::Flat
                )
            {
                return None;
            }
            x = p.head(x)?;
            if subject && !core.contains(&x) {
                return None;
            }
            // "a premium to Celmar's closing price on Monday": a date on a
            // common noun dates that thing, not the event above it; only a
            // place ("in the Vietnamese capital on June 4"), a subject ("a
            // court ... on Thursday fined") or an object ("crossed the
            // coast near Paradip on Tuesday") carries the event's date.
            if !core.contains(&x)
                && p.tokens[x].upos == Upos::Noun
                && !time_of_day(p, x)
                // "sworn in on Monday evening" (the particle "in" taken
                // for a preposition of "evening"): a part of a day is
                // dated as the day.
                && !PARTS_OF_DAY.contains(&p.tokens[x].lemma.to_ascii_lowercase().as_str())
                && !p.tokens[x].deprel.is_subject()
                && !p.tokens[x].deprel.is_object()
                && !p.case_marker(x).is_some_and(|c| {
                    lexicon::PLACE_CASES.contains(&c.as_str()) || PATH_CASES.contains(&c.as_str())
                })
            {
                return None;
            }
            if core.contains(&x) {
                return Some(m);
            }
            if is_verbal(p, x) {
                return None;
            }
        }
        None
    })
}

/// Nouns of a time of day ("shortly after 10 am on Tuesday", "at 4:21
/// a.m. on June 16", "just before midnight on Saturday", "before dawn on
/// Tuesday"): a date the
/// parser hung on the time dates what happened at that time, whatever
/// preposition the time takes.
const TIMES_OF_DAY: &[&str] = &[
    "a.m.", "p.m.", "am", "pm", "noon", "midnight", "midday", "dawn", "daybreak", "sunrise",
    "sunset", "dusk",
];

/// Whether token `t` is a time of day (see [`TIMES_OF_DAY`]), or a clock
/// time ("4:21", "10.30") with such a word or a number before it.
fn time_of_day(p: &Parse, t: usize) -> bool {
    let tok = &p.tokens[t];
    let clock = |f: &str| {
        let mut parts = f.splitn(2, [':', '.']);
        let (h, m) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    };
    TIMES_OF_DAY.contains(&tok.lemma.to_ascii_lowercase().as_str())
        || TIMES_OF_DAY.contains(&tok.form.to_ascii_lowercase().as_str())
        || (tok.upos == Upos::Num && clock(&tok.form))
}

/// Prepositions of the path an event took through a place ("a fire tore
/// through a garment factory in Lahore on Tuesday", "a storm swept along
/// the coast on Monday"): the place is the event's, and a date under it
/// dates the event.
const PATH_CASES: &[&str] = &["through", "along"];

/// The day a date mention under verb `v` gives: "on Monday", "Monday",
/// "on the morning of March 3", never a bound ("until Monday", "by 3
/// May") nor a span.
fn day_on(sf: &SentenceFrames, v: usize, kind_of: &dyn Fn(u32) -> EntityKind) -> Option<u32> {
    let p = &sf.parse;
    p.children(v)
        .iter()
        .copied()
        .filter(|&d| matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Advmod | Rel::Nmod))
        .filter(|&d| {
            p.case_marker(d)
                .is_none_or(|c| ["on", "at", "in"].contains(&c.as_str()))
        })
        .find_map(|d| {
            let here = sf.mentions_at(d).find(|&m| kind_of(m) == EntityKind::Date);
            // "on the morning of March 3": the day under the part of it.
            here.or_else(|| {
                PARTS_OF_DAY
                    .contains(&p.tokens[d].lemma.to_ascii_lowercase().as_str())
                    .then(|| {
                        p.children(d)
                            .iter()
                            .filter(|&&x| p.case_marker(x).as_deref() == Some("of"))
                            .find_map(|&x| {
                                sf.mentions_at(x).find(|&m| kind_of(m) == EntityKind::Date)
                            })
                    })
                    .flatten()
            })
        })
}

/// Verbs whose day is the day of the act they commit to: "Nordvik agreed
/// on Monday to buy Solberg". Not a vote or a decision: shareholders
/// vote weeks after a deal was agreed, a board decides before it is.
const COMMITTING: &[&str] = &["agree"];

/// The date of the verb an event's verb completes ("agreed on Monday to
/// buy": the buying was agreed that day, and that is the day reports
/// give the deal). Not a plan, a vote, a report or a wish ("said on Monday it
/// would buy", "plans to buy"): those verbs are not committing.
pub(super) fn date_of_commitment(
    sf: &SentenceFrames,
    anchor: usize,
    kind_of: &dyn Fn(u32) -> EntityKind,
) -> Option<u32> {
    let p = &sf.parse;
    // (The parser may take the infinitive for a clause of purpose: an
    // advcl marked "to".)
    let to_clause = p.tokens[anchor].deprel.rel == Rel::Advcl
        && p.children_with(anchor, Rel::Mark)
            .any(|m| p.tokens[m].form.eq_ignore_ascii_case("to"));
    if !is_verbal(p, anchor) || !(p.tokens[anchor].deprel.rel == Rel::Xcomp || to_clause) {
        return None;
    }
    let h = p.head(anchor)?;
    let lemma = p.tokens[h].lemma.to_ascii_lowercase();
    if !is_verbal(p, h) || !COMMITTING.contains(&lemma.as_str()) || p.negator(h).is_some() {
        return None;
    }
    day_on(sf, h, kind_of)
}

/// The date of the agreement an event's verb acts under ("will pay $640
/// million under an agreement signed on March 11", "is paying $460
/// million in a deal agreed on Monday"): the clause on the noun of the
/// event's argument tells when the event was agreed, which is its day.
pub(super) fn date_of_agreement(
    sf: &SentenceFrames,
    core: &[usize],
    kind_of: &dyn Fn(u32) -> EntityKind,
) -> Option<u32> {
    let p = &sf.parse;
    core.iter()
        .copied()
        .filter(|&c| is_verbal(p, c))
        .flat_map(|c| p.children(c).iter().copied())
        .filter(|&n| matches!(p.tokens[n].deprel.rel, Rel::Obl | Rel::Nmod))
        .flat_map(|n| p.children_with(n, Rel::Acl))
        .filter(|&v| {
            is_verbal(p, v) && AGREEING.contains(&p.tokens[v].lemma.to_ascii_lowercase().as_str())
        })
        .find_map(|v| day_on(sf, v, kind_of))
}

/// Verbs of reaching an agreement: talks "after" which the sentence's
/// subject agreed, signed or struck a deal ended in it.
const AGREEING: &[&str] = &[
    "agree", "sign", "reach", "strike", "seal", "clinch", "conclude",
];

/// Talks that ended in an agreement the sentence reports ("The ministers
/// agreed on Thursday to swap gas after talks in Tashkent"): the verb of
/// agreeing (the first verb above the talks) and the date on it, if any. Such talks are the sentence's news, not a point
/// of reference, and the agreement's day is theirs.
pub(super) fn concluded_talks(
    sf: &SentenceFrames,
    anchor: usize,
    kind_of: &dyn Fn(u32) -> EntityKind,
) -> Option<(usize, Option<u32>)> {
    let p = &sf.parse;
    if p.case_marker(anchor).as_deref() != Some("after") || is_verbal(p, anchor) {
        return None;
    }
    // The first verb above the talks (the parser may hang them on a noun
    // of the agreement: "to swap 2 billion cubic metres a year after
    // talks").
    let mut h = p.head(anchor)?;
    for _ in 0..5 {
        if is_verbal(p, h) {
            if !AGREEING.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str()) {
                return None;
            }
            let date = p
                .children(h)
                .iter()
                .filter(|&&d| matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Advmod | Rel::Obj))
                .find_map(|&d| sf.mentions_at(d).find(|&m| kind_of(m) == EntityKind::Date));
            return Some((h, date));
        }
        h = p.head(h)?;
    }
    None
}

/// Who left an office when the sentence gives them as its source: "X
/// announced his resignation on Friday" (the noun's possessor is a
/// pronoun, the subject of the verb it is the object of), "X, who quit on
/// Tuesday, said" (the relative clause's verb has no object). Only of a
/// departure: who announces an appointment or a deal is often not who is
/// appointed or bought.
pub(super) fn leaver_who_speaks(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    kind: lexicon::EventKind,
    anchor: usize,
    core: &[usize],
) -> Option<u32> {
    if kind != lexicon::EventKind::Dismissal {
        return None;
    }
    let p = &sf.parse;
    // A person named in the argument ("Kisumu mayor Daniel Wekesa", whose
    // head may be the title).
    let person = |t: usize| {
        sf.speakers
            .iter()
            .find(|&&(m, h)| {
                (h == t || p.dominates(t, h))
                    && inp.doc.mentions[m as usize].kind == EntityKind::Person
            })
            .map(|&(m, _)| m)
    };
    if is_verbal(p, anchor) {
        if !p.objects(anchor).is_empty() {
            return None;
        }
        // "X, who quit": the relative clause's head is who quit.
        let relative = p.tokens[anchor].deprel.rel == Rel::Acl
            && p.subjects(anchor).iter().any(|&s| {
                matches!(
                    p.tokens[s].form.to_ascii_lowercase().as_str(),
                    "who" | "that"
                )
            });
        if relative {
            return p.head(anchor).and_then(person);
        }
        return p.subjects(anchor).into_iter().find_map(person);
    }
    let own = p.children(anchor).iter().any(|&c| {
        p.tokens[c].deprel.sub == Some(Sub::Poss)
            && matches!(
                p.tokens[c].form.to_ascii_lowercase().as_str(),
                "his" | "her" | "their"
            )
    });
    let verb = core
        .iter()
        .copied()
        .find(|&c| c != anchor && is_verbal(p, c))?;
    if !own || !p.tokens[anchor].deprel.is_object() {
        return None;
    }
    p.subjects(verb).into_iter().find_map(person)
}

/// Words that name a day from the report's own ("today", "yesterday",
/// "tonight").
const DEICTIC_DAYS: &[&str] = &["today", "yesterday", "tonight"];

/// A day named from the report's own, hung on one of the event's verbs
/// as an oblique or an adverb ("landed shortly after 2pm today"), as the
/// span of its word: the recogniser may leave it out.
pub(super) fn deictic_day_words(sf: &SentenceFrames, core: &[usize]) -> Option<(usize, usize)> {
    let p = &sf.parse;
    core.iter()
        .copied()
        .filter(|&c| is_verbal(p, c))
        .flat_map(|c| p.children(c).iter().copied())
        .find(|&d| {
            matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Advmod)
                && DEICTIC_DAYS.contains(&p.tokens[d].form.to_ascii_lowercase().as_str())
        })
        .map(|d| (p.tokens[d].start, p.tokens[d].end))
}

/// How the date written at `span` of `text` names a night, which may run
/// past midnight into the next day: `Some(true)` for a night written as
/// one ("the night of Friday", "the night from Friday to Saturday", "the
/// night between Friday and Saturday"), `Some(false)` for an evening
/// that may reach past midnight ("Friday night", "late on Friday", "late
/// Friday": a game or a meeting that evening ends before it), `None`
/// for none.
pub(super) fn names_a_night(text: &str, span: (usize, usize)) -> Option<bool> {
    let (before, written, after) = (
        text.get(..span.0)?,
        text.get(span.0..span.1)?,
        text.get(span.1..)?,
    );
    let before = before.trim_end().to_ascii_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    let ends_with = |w: &str| before.ends_with(&format!(" {w}")) || before == w;
    if ["night of", "night from", "night between"]
        .iter()
        .any(|w| ends_with(w))
    {
        return Some(true);
    }
    let written = written.to_ascii_lowercase();
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let evening = written.split_whitespace().any(|w| w == "night")
        || next.eq_ignore_ascii_case("night")
        || ["late on", "late"].iter().any(|w| ends_with(w));
    evening.then_some(false)
}
