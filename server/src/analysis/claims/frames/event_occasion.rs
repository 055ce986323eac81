//! Meetings as the occasion of another event: the talks after which
//! ministers agreed are where they agreed ("agreed on Wednesday ... after
//! talks in Brussels"); the conference at which donors pledged is where
//! they pledged ("pledges for Sudan at a conference held in Brussels",
//! "donors meeting in the Belgian capital pledged").
use super::{SentenceFrames, SentenceInput};
use crate::analysis::claims::frames::lexicon::{self, EventKind};
use crate::analysis::claims::index::event::class;
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Verbs of what a meeting produces: "ministers agreed ... after talks in
/// Brussels", "signed the accord following a meeting in Accra".
const OUTCOME_VERBS: &[&str] = &[
    "agree", "sign", "decide", "approve", "adopt", "reach", "endorse", "conclude", "settle",
    "pledge", "commit", "vote",
];

/// Whether a meeting noun under "after" or "following" (token `anchor`)
/// is the occasion of what its verb reports, not an earlier event: the
/// talks after which ministers agreed are the talks where they agreed
/// ("agreed on Wednesday ... after talks in Brussels"). A meeting of its
/// own date ("after talks last month") stays background: a date on the
/// noun dates another meeting.
pub(super) fn occasion_of_outcome(p: &Parse, kind: EventKind, anchor: usize) -> Option<usize> {
    if class(kind) != EventKind::Meeting
        || !matches!(
            p.case_marker(anchor).as_deref(),
            Some("after") | Some("following")
        )
        || !matches!(p.tokens[anchor].deprel.rel, Rel::Obl | Rel::Nmod)
    {
        return None;
    }
    if own_time(p, anchor) {
        return None;
    }
    // The verb it hangs on, or the verb whose complement that is ("agreed
    // to send troops following a meeting in Abuja").
    let outcome = |t: usize| {
        p.tokens[t].upos == Upos::Verb
            && OUTCOME_VERBS.contains(&p.tokens[t].lemma.to_ascii_lowercase().as_str())
    };
    let mut h = p.head(anchor)?;
    // "agreed to build a plant after talks in Tallinn": hung on the
    // object, it still tells when the verb happened.
    if p.tokens[anchor].deprel.rel == Rel::Nmod {
        if !p.tokens[h].deprel.is_object() {
            return None;
        }
        h = p.head(h)?;
    }
    if outcome(h) {
        return Some(h);
    }
    // "Ministers agreed on Wednesday to buy ..., a minister said after
    // talks in Tallinn": talks hung on the verb that reports the outcome
    // are where the outcome it reports was reached.
    // (Or the parser joined the two clauses: "agreed ..., Y said".)
    if REPORTING_VERBS.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str()) {
        let joined = matches!(p.tokens[h].deprel.rel, Rel::Conj | Rel::Parataxis)
            .then(|| p.head(h))
            .flatten()
            .filter(|&v| outcome(v));
        return p
            .children(h)
            .iter()
            .copied()
            .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Ccomp | Rel::Advcl))
            .find(|&v| outcome(v))
            .or(joined);
    }
    matches!(p.tokens[h].deprel.rel, Rel::Xcomp | Rel::Advcl)
        .then(|| p.head(h))
        .flatten()
        .filter(|&v| outcome(v))
}

/// Verbs that report what someone said, announced or confirmed.
const REPORTING_VERBS: &[&str] = &["say", "tell", "announce", "confirm", "state", "add"];

/// Whether token `t` names a meeting ("conference", "summit", "talks";
/// "meeting" as a noun or a verb).
pub(super) fn meeting_word(p: &Parse, t: usize) -> bool {
    let tok = &p.tokens[t];
    let verb = tok.upos == Upos::Verb;
    [tok.lemma.as_str(), tok.form.as_str()]
        .iter()
        .filter_map(|w| lexicon::event_word(w, verb))
        .any(|k| class(k) == EventKind::Meeting)
}

/// The places a meeting word (token `m`) is given: "a conference in
/// Geneva", "a conference held in Brussels", "meeting in the Belgian
/// capital": place mentions, and capitals written as such (see
/// `places::capital_named`).
pub(super) fn places_of_meeting(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    m: usize,
) -> (Vec<u32>, Vec<String>) {
    let p = &sf.parse;
    let (mut places, mut names) = (Vec::new(), Vec::new());
    // The meeting word's own phrases, and those of a verb set after it
    // ("held in Brussels").
    let heads: Vec<usize> = std::iter::once(m)
        .chain(
            p.children_with(m, Rel::Acl)
                .filter(|&v| p.tokens[v].upos == Upos::Verb),
        )
        .collect();
    for h in heads {
        for &d in p.children(h) {
            if !matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Nmod)
                || p.case_marker(d).as_deref() != Some("in")
            {
                continue;
            }
            names.extend(super::places::capital_named(p, d));
            places.extend(sf.names_under(d, true).into_iter().filter(|&x| {
                let men = &inp.doc.mentions[x as usize];
                men.kind == EntityKind::Location
                    || crate::analysis::claims::resolve::is_known_place(men.text(inp.text))
            }));
        }
    }
    (places, names)
}

/// Where a pledge was made, as the meeting it was made at says: a
/// meeting word under "at" in the phrases of its arguments ("pledges of
/// $1.2 billion for Sudan at a conference held in Brussels", however the
/// parser hung it), or the meeting of the people who pledged ("donors
/// meeting in the Belgian capital pledged"). Token `arg` is an argument
/// of the pledge's word `c`.
pub(super) fn places_of_occasion(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    c: usize,
    arg: usize,
) -> (Vec<u32>, Vec<String>) {
    let p = &sf.parse;
    let (mut places, mut names) = (Vec::new(), Vec::new());
    let mut take = |m: usize| {
        let (x, n) = places_of_meeting(sf, inp, m);
        places.extend(x);
        names.extend(n);
    };
    for &d in p.children(arg) {
        let at = matches!(p.case_marker(d).as_deref(), Some("at") | Some("during"));
        if p.tokens[d].deprel.rel == Rel::Nmod && at && meeting_word(p, d) {
            take(d);
        }
    }
    if p.subjects(c).contains(&arg) {
        for v in p.children_with(arg, Rel::Acl) {
            if p.tokens[v].upos == Upos::Verb && meeting_word(p, v) {
                take(v);
            }
        }
    }
    (places, names)
}

/// Verbs of what an accident does to people.
const HARM_VERBS: &[&str] = &["die", "drown", "perish", "injure", "hurt", "trap", "burn"];

/// Whether an accident noun under "after" (token `anchor`) is the cause of
/// the harm its verb reports, not an earlier event: "seventeen workers
/// died on Tuesday after a fire broke out at a factory", "nine people have
/// died following Saturday's derailment near Sinaia". The deaths it
/// caused are its own, whenever it happened: a date in its phrase dates
/// it, it does not make it another event.
pub(super) fn cause_of_harm(p: &Parse, kind: EventKind, anchor: usize) -> bool {
    if !kind.told_as_lead()
        || !matches!(
            p.case_marker(anchor).as_deref(),
            Some("after") | Some("following")
        )
        || p.tokens[anchor].deprel.rel != Rel::Obl
    {
        return false;
    }
    // "Police arrested 120 people on Saturday evening after a march": the
    // arrests a march ended in are its own, unless the march has a date
    // of its own ("after a protest last week").
    let ended_in =
        |l: &str| kind == EventKind::Protest && ARRESTS.contains(&l) && !own_time(p, anchor);
    p.head(anchor).is_some_and(|h| {
        let lemma = p.tokens[h].lemma.to_ascii_lowercase();
        p.tokens[h].upos == Upos::Verb && (HARM_VERBS.contains(&lemma.as_str()) || ended_in(&lemma))
    })
}

/// Verbs of what police do at the end of a march.
const ARRESTS: &[&str] = &["arrest", "detain", "disperse", "kettle"];

/// Whether a date word sits in the phrase of noun `anchor` ("last month",
/// "in May", "talks on Monday"): an event of its own time.
fn own_time(p: &Parse, anchor: usize) -> bool {
    // Any date word in the noun's phrase ("last month", "in May",
    // "talks on Monday") makes it a meeting of its own time.
    let cal = &crate::analysis::claims::dates::calendar::WEEKDAYS;
    let months = &crate::analysis::claims::dates::calendar::MONTHS;
    let mut stack = p.children(anchor).to_vec();
    let mut dated = false;
    while let Some(t) = stack.pop() {
        let w = p.tokens[t].form.to_ascii_lowercase();
        dated |= cal
            .iter()
            .chain(months.iter())
            .any(|d| d.eq_ignore_ascii_case(&w))
            || matches!(
                w.as_str(),
                "last" | "previous" | "earlier" | "ago" | "year" | "month" | "week"
            )
            || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
        stack.extend(p.children(t).iter().copied());
    }
    dated
}
