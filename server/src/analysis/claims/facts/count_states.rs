//! Counts of people read from the state they are in or the whole they
//! make up, where no verb of the frame table names it: "ended with 218
//! people under arrest", "184 of our comrades spent the night in
//! handcuffs" (arrested); "a plane with 186 passengers on board", "All 182
//! people aboard", "Its 176 passengers", "a crew of six", "All 22 crew
//! members" (the people aboard, by group); "with 66 voting against", "by
//! a vote of 79 to 66", "confirmed by 79 votes" (votes).
//!
//! The parser hangs such phrases anywhere ("on board" on the verb after
//! the counted noun, "All" on the predicate), so the words right after
//! or before the counted phrase are read as written; the tree says only
//! which clause they are in. Each reading is a fallback: a verb of the
//! frame table ("were killed", "were rescued") wins.
use super::count_reading::SCALE_UNITS;
use super::count_reading::{lemma, lower};
use crate::analysis::claims::quantity::measure::{self, ABOARD};
use crate::analysis::claims::quantity::measure_frames::{counted_class, Counted};
use crate::analysis::syntax::{Parse, Rel, Upos};

/// A preposition and the nouns after it that say a state of people, and
/// the measure that state counts.
const STATES: &[(&str, &[&str], &str)] = &[
    ("under", &["arrest"], "arrested"),
    (
        "in",
        &["custody", "handcuffs", "detention", "jail", "cells"],
        "arrested",
    ),
    ("into", &["custody", "detention"], "arrested"),
    ("behind", &["bars"], "arrested"),
    ("on", &["board"], ABOARD),
];

/// Verbs of staying in a state ("spent the night in custody", "remain
/// under arrest"): a state phrase anywhere in their clause is their
/// subject's.
const STAYING: &[&str] = &["spend", "remain", "stay", "be", "sit", "languish"];

/// The state the words from token `k` on say, if any: "on board",
/// "aboard", "under arrest".
fn state_at(p: &Parse, k: usize) -> Option<&'static str> {
    let w = |i: usize| (i < p.len()).then(|| lower(p, i));
    if w(k).as_deref() == Some("aboard") {
        return Some(ABOARD);
    }
    let prep = w(k)?;
    let noun = w(k + 1)?;
    STATES
        .iter()
        .find(|(pr, nouns, _)| *pr == prep && nouns.contains(&noun.as_str()))
        .map(|(_, _, m)| *m)
}

/// The last token of the counted phrase: the counted noun with its
/// compounds, or the number.
pub(super) fn phrase_end(p: &Parse, noun: Option<usize>, num: usize) -> usize {
    let (_, last, _) = super::count_reading::number_group(p, num);
    noun.map_or(last, |n| n.max(last))
}

/// The measure a state phrase gives a count of people: right after the
/// counted phrase ("218 people under arrest", "186 passengers on
/// board"), or in the clause of a verb of staying the count is subject
/// of ("184 of our comrades spent the night in handcuffs").
pub(super) fn state_reading(
    p: &Parse,
    gov: Option<usize>,
    noun: Option<usize>,
    num: usize,
) -> Option<&'static str> {
    // Only people are under arrest or on board: "10 years behind bars"
    // is a term, "40 tonnes on board" cargo.
    let people = noun.is_none_or(|n| {
        let l = lemma(p, n);
        match counted_class(Some(&l)) {
            Counted::People => true,
            Counted::Other => {
                !SCALE_UNITS.contains(&l.as_str())
                    && !measure::is_physical_unit(&l)
                    && p.tokens[n].upos == Upos::Noun
            }
            _ => false,
        }
    });
    if !people {
        return None;
    }
    let end = phrase_end(p, noun, num);
    if let Some(m) = state_at(p, end + 1) {
        return Some(m);
    }
    let g = gov?;
    // "about 60 people had been on board": the state is the predicate
    // the count is subject of.
    // "60 migrants were aboard the pirogue": the vessel is the predicate.
    if p.tokens[g].upos == Upos::Noun && p.case_marker(g).as_deref() == Some("aboard") {
        return Some(ABOARD);
    }
    if let Some(m) = state_at(p, g).or_else(|| g.checked_sub(1).and_then(|k| state_at(p, k))) {
        if p.tokens[g].upos != Upos::Verb {
            return Some(m);
        }
    }
    if !STAYING.contains(&lemma(p, g).as_str()) {
        return None;
    }
    // The state phrase stays in the verb's clause, after the count.
    let span = p.subtree(g);
    (end + 1..span.end)
        .filter(|&k| p.clause_of(k) == p.clause_of(g))
        .find_map(|k| state_at(p, k).filter(|m| *m != ABOARD))
}

/// Nouns for the people a vehicle or vessel carries, and its crew.
fn aboard_group(p: &Parse, n: usize) -> bool {
    match lemma(p, n).as_str() {
        "passenger" | "crew" | "crewman" | "crewmember" => true,
        // "crew members"
        "member" => p
            .children_with(n, Rel::Compound)
            .any(|c| lemma(p, c) == "crew"),
        _ => false,
    }
}

/// "All 22 crew members", "Its 176 passengers", "the 22 crew members":
/// the whole of the passengers or the crew, which counts the people
/// aboard, whatever happens to them after ("were safe", "left the
/// aircraft"); a verb of harm or rescue is read before this.
pub(super) fn whole_aboard(p: &Parse, noun: Option<usize>, num: usize) -> Option<&'static str> {
    let n = noun.filter(|&n| aboard_group(p, n))?;
    let whole = |num: usize| {
        let (first, _, _) = super::count_reading::number_group(p, num);
        first.checked_sub(1).is_some_and(|b| {
            matches!(
                lower(p, b).as_str(),
                "all" | "its" | "their" | "the" | "'s" | "’s"
            )
        })
    };
    if whole(num) {
        return Some(ABOARD);
    }
    // "Its 176 passengers and six crew": the second group of a pair
    // whose first is the whole of its group.
    let h = p.head(n).filter(|_| p.tokens[n].deprel.rel == Rel::Conj)?;
    let hnum = p
        .children_with(h, Rel::Nummod)
        .find(|&c| p.tokens[c].upos == Upos::Num)?;
    (aboard_group(p, h) && whole(hnum)).then_some(ABOARD)
}

/// "a crew of six", "Its crew of 24": the noun of a crew whose size is
/// the number (written as "of" right before it), which counts the people
/// aboard of that group.
pub(super) fn crew_of(p: &Parse, first: usize) -> Option<usize> {
    let of = first.checked_sub(1).filter(|&o| lower(p, o) == "of")?;
    let n = of.checked_sub(1)?;
    (p.tokens[n].upos == Upos::Noun && aboard_group(p, n)).then_some(n)
}

/// Bodies whose size is counted by their members ("a cabinet of 16
/// ministers", "a panel of five judges").
const BODIES: &[&str] = &[
    "cabinet",
    "government",
    "council",
    "board",
    "committee",
    "panel",
    "commission",
    "bench",
    "delegation",
    "squad",
];

/// Members that make up such a body.
const MEMBERS: &[&str] = &[
    "minister",
    "member",
    "commissioner",
    "judge",
    "councillor",
    "councilor",
    "director",
    "delegate",
    "player",
];

/// "a cabinet of 16 ministers", "He and his 18 ministers were sworn in":
/// the size of a body, counted by its members, whoever heads it.
pub(super) fn body_size(p: &Parse, noun: Option<usize>, num: usize) -> Option<&'static str> {
    let n = noun.filter(|&n| MEMBERS.contains(&lemma(p, n).as_str()))?;
    if p.children(n).iter().any(|&c| lemma(p, c) == "crew") {
        return None;
    }
    let (first, _, _) = super::count_reading::number_group(p, num);
    let before = |k: usize| first.checked_sub(k).map(|b| lower(p, b));
    let of_body = before(1).as_deref() == Some("of")
        && first
            .checked_sub(2)
            .is_some_and(|b| BODIES.contains(&lemma(p, b).as_str()));
    let his = matches!(before(1).as_deref(), Some("his" | "her"));
    (of_body || his).then_some("members")
}

/// Verbs whose object or agent is a count of votes cast for what was
/// decided: "confirmed by 79 votes", "won 79 votes", "passed with 79
/// votes".
const WON_BY_VOTES: &[&str] = &[
    "confirm", "approve", "pass", "elect", "win", "receive", "secure", "get", "garner", "adopt",
    "back", "endorse", "ratify", "obtain", "carry", "collect", "poll", "gather", "attract", "gain",
    "take", "capture",
];

/// Which side a count of votes ("79 votes") is on: against when the
/// words after it say so ("79 votes against"), for when they say so or
/// when a verb of winning or passing governs it ("was confirmed by 79
/// votes"). None when nothing says (a tally's total, "151 votes cast").
pub(super) fn votes_side(p: &Parse, noun: Option<usize>) -> Option<&'static str> {
    let n = noun.filter(|&n| lemma(p, n) == "vote")?;
    let next = (n + 1 < p.len()).then(|| lower(p, n + 1));
    match next.as_deref() {
        Some("against") => return Some("votes against"),
        Some("for" | "in") => return Some("votes for"),
        Some("cast") => return None,
        _ => {}
    }
    let by_verb = p.ancestors(n).take(3).any(|v| {
        matches!(p.tokens[v].upos, Upos::Verb) && WON_BY_VOTES.contains(&lemma(p, v).as_str())
    });
    by_verb.then_some("votes for")
}

/// A tally of a vote written as two numbers, "by a vote of 79 to 66",
/// "by 79 votes to 66", "voted 79-66": the first number counts the votes
/// for, the second those against. `first..=last` is one number's tokens.
pub(super) fn tally_side(p: &Parse, first: usize, last: usize) -> Option<&'static str> {
    let joined =
        |x: usize| x < p.len() && matches!(lower(p, x).as_str(), "to" | "-" | "–" | "against");
    let numeral = |x: usize| x < p.len() && p.tokens[x].upos == Upos::Num;
    let vote_word = |x: usize| {
        x < p.len() && matches!(lemma(p, x).as_str(), "vote") && p.tokens[x].upos != Upos::Num
    };
    // "a vote of 79 to 66", "voted 79-66": the first of the two.
    let opens = |a: usize| {
        a >= 1 && ((lower(p, a - 1) == "of" && a >= 2 && vote_word(a - 2)) || vote_word(a - 1))
    };
    if joined(last + 1) && numeral(last + 2) && opens(first) {
        return Some("votes for");
    }
    // "79 votes to 66": the first, then the second.
    if vote_word(last + 1) && joined(last + 2) && numeral(last + 3) {
        return Some("votes for");
    }
    if first >= 2 && joined(first - 1) {
        let (a, _, _) = super::count_reading::number_group(p, first - 2);
        if numeral(first - 2) && opens(a) {
            return Some("votes against");
        }
        if first >= 3 && vote_word(first - 2) && numeral(first - 3) {
            return Some("votes against");
        }
    }
    None
}

/// Verbs whose object is the one a vote is on ("voted to confirm Ion
/// Rusu", "confirmed Ion Rusu by a vote of 79 to 21").
const VOTED_ON: &[&str] = &[
    "confirm", "approve", "elect", "endorse", "ratify", "appoint", "reject", "oust", "remove",
];

/// The object of the verb a count of votes decided, looked for among the
/// count's governors and their complements ("81 deputies voted to
/// confirm Ion Rusu"): the one the votes are on.
pub(super) fn voted_on(p: &Parse, t: usize) -> Option<usize> {
    for v in p.ancestors(t).take(4) {
        let verbs = std::iter::once(v).chain(p.children_with(v, Rel::Xcomp));
        for x in verbs.collect::<Vec<_>>() {
            if p.tokens[x].upos == Upos::Verb && VOTED_ON.contains(&lemma(p, x).as_str()) {
                if let Some(o) = p.children_with(x, Rel::Obj).next() {
                    return Some(o);
                }
            }
        }
    }
    None
}

/// Whether a verb of deciding by vote ("confirmed", "approved",
/// "passed") governs token `t`: "by 79 votes" under it counts the votes
/// cast, not a margin.
pub(super) fn voted_on_verb(p: &Parse, t: usize) -> bool {
    p.ancestors(t).take(4).any(|v| {
        p.tokens[v].upos == Upos::Verb && {
            let l = lemma(p, v);
            VOTED_ON.contains(&l.as_str()) || matches!(l.as_str(), "pass" | "adopt")
        }
    })
}

#[cfg(test)]
#[path = "count_states_tests.rs"]
mod tests;
