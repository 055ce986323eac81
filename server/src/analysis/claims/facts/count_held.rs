//! Counts whose meaning is said by what follows the counted subject, by
//! a party's hold on seats, or by a team's record, where no verb of the
//! frame table names it:
//!
//! - the state a subject is in, read from the words right after its
//!   phrase (the parser often hangs them oddly): "Twelve miners remain
//!   blocked underground" (trapped), "A total of 34 workers were on the
//!   night shift", "37 workers had been underground when the roof
//!   collapsed" (at work when it happened), "86 passengers were on the
//!   boat when it capsized" (aboard);
//! - seats won or kept counted by the councillors or deputies who hold
//!   them: "secured six councillors", "kept the six councillors it had";
//! - a team's record: "won three, drew four and lost five", "won two of
//!   its twelve qualifying matches, drawing four and losing six", "a
//!   record of two wins, four draws and six defeats", and the matches
//!   played ("In 12 qualifiers, ...").
//!
//! Each is a fallback of `count_frames::frame_reading`: a verb of the
//! frame table ("were trapped", "were killed") wins.
use super::count_reading::{lemma, lower};
use crate::analysis::claims::quantity::measure::{ABOARD, AT_WORK};
use crate::analysis::claims::quantity::measure_frames::{counted_class, Counted};
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Words that may stand between a counted subject and its state: forms
/// of being and staying, and adverbs of still being so.
const LINKING: &[&str] = &[
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "remain",
    "remains",
    "remained",
    "still",
    "reportedly",
    "believed",
    "thought",
    "to",
    "all",
];

/// Participles and adjectives of people held where they are.
const HELD: &[&str] = &["trapped", "stranded", "stuck", "blocked", "entombed"];

/// Vehicles and vessels people are on or in.
const CARRIERS: &[&str] = &[
    "boat",
    "ship",
    "ferry",
    "vessel",
    "launch",
    "dinghy",
    "canoe",
    "plane",
    "aircraft",
    "jet",
    "airliner",
    "flight",
    "helicopter",
    "bus",
    "minibus",
    "coach",
    "train",
    "truck",
    "lorry",
];

/// Whether the counted phrase names people: a bare number, or a noun of
/// people ("miners", "passengers", "their colleagues", "workers").
fn of_people(p: &Parse, noun: Option<usize>) -> bool {
    noun.is_none_or(|n| {
        matches!(
            counted_class(Some(&lemma(p, n))),
            Counted::People | Counted::Jobs
        ) && lemma(p, n) != "job"
    })
}

/// The state the words after a counted subject say: `end` is the last
/// token of the counted phrase. Only a phrase that opens its clause's
/// predicate is read ("Twelve miners remain blocked underground"), never
/// one in a list or an object ("rescued 12 miners trapped ..." is read by
/// the frame of its verb).
pub(super) fn state_after(p: &Parse, noun: Option<usize>, end: usize) -> Option<&'static str> {
    if !of_people(p, noun) {
        return None;
    }
    let w = |i: usize| (i < p.len()).then(|| lower(p, i));
    let (k, remains) = predicate_after(p, end)?;
    let word = w(k)?;
    if HELD.contains(&word.as_str()) {
        return Some("trapped");
    }
    // "remain underground" after a collapse: trapped; "had been
    // underground when ...": at work there.
    if word == "underground" {
        return Some(if remains { "trapped" } else { AT_WORK });
    }
    if remains {
        return None;
    }
    // "were on the night shift", "were on duty", "were at work".
    let mut j = k + 1;
    while w(j).is_some_and(|x| matches!(x.as_str(), "the" | "a" | "their" | "its" | "that")) {
        j += 1;
    }
    // "the night shift", "the early shift": one word may name it.
    let shift = |i: usize| w(i).is_some_and(|x| matches!(x.as_str(), "shift" | "duty"));
    match word.as_str() {
        "on" if shift(j) || shift(j + 1) => Some(AT_WORK),
        "at" if w(k + 1).as_deref() == Some("work") => Some(AT_WORK),
        "working" if !w(k + 1).is_some_and(|x| x == "for" || x == "as") => Some(AT_WORK),
        "on" | "in" | "aboard" | "onboard" => {
            let c = (j..(j + 2).min(p.len())).find(|&i| CARRIERS.contains(&lemma(p, i).as_str()));
            c.filter(|&c| p.tokens[c].upos == Upos::Noun)
                .map(|_| ABOARD)
        }
        _ => None,
    }
}

/// The first word of the predicate after a counted subject whose last
/// token is `end`, and whether a verb of remaining or "still" comes
/// before it: "Twelve miners remain blocked", "Seven paintings, among
/// them two works by Ensor, were stolen" (an aside of the parts the count
/// includes is skipped). None unless a form of being or staying links
/// them.
pub(super) fn predicate_after(p: &Parse, end: usize) -> Option<(usize, bool)> {
    let w = |i: usize| (i < p.len()).then(|| lower(p, i));
    let mut k = end + 1;
    if w(k).as_deref() == Some(",")
        && w(k + 1).is_some_and(|x| matches!(x.as_str(), "among" | "including"))
    {
        let close = (k + 2..p.len().min(k + 12)).find(|&i| lower(p, i) == ",")?;
        k = close + 1;
    }
    let mut remains = false;
    let mut linked = false;
    while let Some(x) = w(k).filter(|x| LINKING.contains(&x.as_str())) {
        remains |= x.starts_with("remain") || x == "still";
        linked = true;
        k += 1;
    }
    linked.then_some((k, remains))
}

/// Councillors, deputies and the like: a party's seats counted by the
/// people who hold them.
const SEAT_HOLDERS: &[&str] = &[
    "seat",
    "councillor",
    "councilor",
    "mandate",
    "mp",
    "deputy",
    "lawmaker",
    "legislator",
    "senator",
];

/// Verbs of winning or keeping seats (not losing them: seats lost are
/// another count).
const HOLDING: &[&str] = &[
    "win", "secure", "keep", "retain", "hold", "take", "gain", "capture", "get", "obtain",
];

/// "secured six councillors", "kept the six councillors it had": the
/// seats the verb's subject won or kept.
pub(super) fn seats_held(
    p: &Parse,
    gov: Option<usize>,
    noun: Option<usize>,
) -> Option<&'static str> {
    let n = noun.filter(|&n| SEAT_HOLDERS.contains(&lemma(p, n).as_str()))?;
    let g = gov.filter(|&g| p.tokens[g].upos == Upos::Verb)?;
    let object = p.tokens[n].deprel.rel == Rel::Obj && p.head(n) == Some(g);
    (object && HOLDING.contains(&lemma(p, g).as_str())).then_some("seats")
}

/// The results a team's record counts, by verb and by noun.
const RESULT_VERBS: &[(&str, &str)] = &[("win", "wins"), ("draw", "draws"), ("lose", "losses")];
const RESULT_NOUNS: &[(&str, &str)] = &[
    ("win", "wins"),
    ("victory", "wins"),
    ("draw", "draws"),
    ("tie", "draws"),
    ("loss", "losses"),
    ("defeat", "losses"),
];
/// What a team plays.
const GAMES: &[&str] = &["match", "game", "qualifier", "fixture"];

fn result_verb(p: &Parse, v: usize) -> Option<&'static str> {
    if p.tokens[v].upos != Upos::Verb {
        return None;
    }
    let l = lemma(p, v);
    RESULT_VERBS.iter().find(|(w, _)| *w == l).map(|(_, m)| *m)
}

fn result_noun(p: &Parse, n: usize) -> Option<&'static str> {
    if p.tokens[n].upos != Upos::Noun {
        return None;
    }
    let l = lemma(p, n);
    RESULT_NOUNS.iter().find(|(w, _)| *w == l).map(|(_, m)| *m)
}

/// The distinct results the sentence's verbs or nouns name: a record
/// names at least two of wins, draws and losses ("won three, drew four
/// and lost five"; "two wins, four draws and six defeats").
fn results_named(p: &Parse, by_noun: bool) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for t in 0..p.len() {
        let r = if by_noun {
            result_noun(p, t).filter(|_| p.children_with(t, Rel::Nummod).next().is_some())
        } else {
            result_verb(p, t)
        };
        if let Some(r) = r.filter(|r| !seen.contains(r)) {
            seen.push(r);
        }
    }
    seen.len()
}

/// A count of a team's record: the results of a verb of winning,
/// drawing or losing whose object is a bare number, or a part of the
/// games played ("won two of its twelve matches"), in a sentence that
/// names two results at least; a count of result nouns ("four draws") in
/// a list of them; and the games played in such a sentence.
pub(super) fn record_reading(
    p: &Parse,
    gov: Option<usize>,
    noun: Option<usize>,
    num: usize,
) -> Option<&'static str> {
    let games = |n: usize| GAMES.contains(&lemma(p, n).as_str());
    match noun {
        Some(n) if games(n) => {
            // "won two of its twelve matches": the part is the wins (the
            // number is the part's; its noun the whole's).
            let part = p.head(n) == Some(num) || p.head(num) != Some(n);
            if part {
                let g = gov.and_then(|g| result_verb(p, g));
                return g.filter(|_| results_named(p, false) >= 2);
            }
            (results_named(p, false) >= 2 || results_named(p, true) >= 2).then_some("played")
        }
        Some(n) => result_noun(p, n).filter(|_| results_named(p, true) >= 2),
        None => {
            let g = gov.and_then(|g| result_verb(p, g))?;
            let object = p.tokens[num].deprel.rel == Rel::Obj;
            (object && results_named(p, false) >= 2).then_some(g)
        }
    }
}

/// The verb whose subject verb `g` shares: `g` itself when it has one,
/// else the verb it is conjoined to or a participle of ("won three, drew
/// four and lost five", "won two, drawing four and losing six").
pub(super) fn sharing_subject(p: &Parse, g: usize) -> usize {
    let mut v = g;
    for _ in 0..3 {
        if !p.subjects(v).is_empty() {
            break;
        }
        let up = p.head(v).filter(|&h| {
            p.tokens[h].upos == Upos::Verb
                && matches!(p.tokens[v].deprel.rel, Rel::Conj | Rel::Advcl | Rel::Xcomp)
        });
        match up {
            Some(h) => v = h,
            None => break,
        }
    }
    v
}

/// Ordinals that pick one day out of several.
const ONE_OF_DAYS: &[&str] = &["first", "second", "third", "opening", "last", "final"];

/// Whether verb `g` says its count is one day's of several ("grounding
/// 138 flights on the first day", "on Monday alone"): a part of the
/// total, which the frame of the verb must not compare with it.
pub(super) fn one_day_part(p: &Parse, g: usize) -> bool {
    p.children(g).iter().any(|&c| {
        let l = lemma(p, c);
        let day = matches!(
            l.as_str(),
            "day" | "morning" | "night" | "afternoon" | "evening"
        ) && p
            .children(c)
            .iter()
            .any(|&m| ONE_OF_DAYS.contains(&lemma(p, m).as_str()));
        day || (l == "alone" && p.tokens[c].deprel.rel == Rel::Advmod)
    })
}

#[cfg(test)]
#[path = "count_held_tests.rs"]
mod tests;
