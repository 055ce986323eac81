//! Counts of casualties written as a bare number, with no noun after it:
//! "killing 12 and injuring 30" (the objects of verbs of harm) and "the
//! toll rose to 38" (the level a toll reaches). The amount reader needs a
//! counted noun; here the parse says what the number counts: people.
use super::*;
use crate::analysis::claims::words::floor_boundary;
use crate::analysis::syntax::{Parse, Rel};

/// Verbs whose "to" argument is the level a toll has risen to since an
/// earlier count.
const RISING: &[&str] = &[
    "rise", "climb", "reach", "increase", "jump", "grow", "hit", "mount", "soar",
];

/// Verbs by which a source gives a toll its level ("put the toll at").
const PUTTING: &[&str] = &["put", "place", "set", "estimate", "fix"];

/// The clause a bare count belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BareCount {
    /// The object of a verb of harm: "killing 12", "injuring 30".
    Harmed,
    /// The level a death toll reaches: "the toll rose to 38", "has
    /// climbed to 38", "stood at 38" (a count at a time).
    TollLevel,
    /// What a toll stands at: the count of the dead as reported, with no
    /// earlier count implied ("the death toll stands at 31").
    TollNow,
}

/// Whether number token `t` is a bare count of casualties, and which.
pub(super) fn bare_count(p: &Parse, t: usize) -> Option<BareCount> {
    let h = p.head(t)?;
    let head_word = p.tokens[h].form.to_ascii_lowercase();
    match p.tokens[t].deprel.rel {
        Rel::Obj if measure::is_casualty_cue(&head_word) && is_verb(p, h) => {
            Some(BareCount::Harmed)
        }
        // "police said 31 had died", "14 were injured".
        Rel::Nsubj if measure::is_casualty_cue(&head_word) && is_verb(p, h) => {
            Some(BareCount::Harmed)
        }
        // "killed at least 12": the parser may read "at least" as a
        // preposition and its object.
        Rel::Obl
            if measure::is_casualty_cue(&head_word)
                && is_verb(p, h)
                && p.children(t).iter().any(|&c| {
                    matches!(
                        p.tokens[c].form.to_ascii_lowercase().as_str(),
                        "least" | "most"
                    )
                }) =>
        {
            Some(BareCount::Harmed)
        }
        // "put the death toll from the storm at 32 on Thursday",
        // "estimated the toll at 32": the count at the time it is put.
        Rel::Obl
            if p.case_marker(t).as_deref() == Some("at")
                && PUTTING.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str())
                && p.children_with(h, Rel::Obj).any(|o| is_toll(p, o)) =>
        {
            Some(BareCount::TollLevel)
        }
        Rel::Obl
            if matches!(p.case_marker(t).as_deref(), Some("to" | "at"))
                && p.subjects(h).into_iter().any(|s| is_toll(p, s)) =>
        {
            let verb = p.tokens[h].lemma.to_ascii_lowercase();
            if RISING.contains(&verb.as_str()) {
                Some(BareCount::TollLevel)
            } else if matches!(
                verb.as_str(),
                "stand" | "remain" | "stay" | "unchanged" | "steady"
            ) {
                Some(BareCount::TollNow)
            } else {
                None
            }
        }
        _ => raised_toll(p, t).then_some(BareCount::TollLevel),
    }
}

/// Verbs by which an event or a finding raises a toll to a level
/// ("raising the death toll to four", "That brings the toll to three").
const RAISING: &[&str] = &["raise", "bring", "push", "take", "lift", "drive", "put"];

/// Whether number token `t` is the level a toll is raised to: "to"
/// right before it, and the toll the object of a verb of raising before
/// that, however the parser hung the "to" phrase ("brings the toll to
/// three dead" may come out with the number under "to").
fn raised_toll(p: &Parse, t: usize) -> bool {
    let Some(to) = t.checked_sub(1) else {
        return false;
    };
    if !p.tokens[to].form.eq_ignore_ascii_case("to") {
        return false;
    }
    (to.saturating_sub(8)..to).rev().any(|o| {
        is_toll(p, o)
            && p.tokens[o].deprel.rel == Rel::Obj
            && p.head(o).is_some_and(|v| {
                is_verb(p, v) && RAISING.contains(&p.tokens[v].lemma.to_ascii_lowercase().as_str())
            })
            // No other number between the toll and this one.
            && (o + 1..to).all(|x| !p.tokens[x].form.starts_with(|c: char| c.is_ascii_digit()))
    })
}

fn is_verb(p: &Parse, t: usize) -> bool {
    matches!(
        p.tokens[t].upos,
        crate::analysis::syntax::Upos::Verb | crate::analysis::syntax::Upos::Aux
    )
}

/// "the (death) toll", "the number of dead": a count of the killed.
fn is_toll(p: &Parse, s: usize) -> bool {
    let w = p.tokens[s].lemma.to_ascii_lowercase();
    // "the number of dead", "the number of people killed by the storm".
    let of_the_dead = || {
        p.children_with(s, Rel::Nmod).any(|c| {
            let form = p.tokens[c].form.to_ascii_lowercase();
            matches!(form.as_str(), "dead" | "deaths" | "fatalities" | "victims")
                || (matches!(form.as_str(), "people" | "persons")
                    && p.children_with(c, Rel::Acl).any(|v| {
                        matches!(
                            p.tokens[v].form.to_ascii_lowercase().as_str(),
                            "killed" | "dead"
                        )
                    }))
        })
    };
    w == "toll" || (w == "number" && of_the_dead())
}

/// Read a bare count at `start..end` as a number of people, with the
/// modifier written before it ("at least 12", "more than 30").
pub(super) fn read_bare(text: &str, start: usize, end: usize) -> Option<quantity::Found> {
    let end = number_word_end(text, end);
    let from = floor_boundary(text, start.saturating_sub(30));
    let from = text[from..start]
        .rfind('\n')
        .map(|i| from + i + 1)
        .unwrap_or(from);
    // What follows the number may still qualify it ("107 or more").
    let tail = &text[end..floor_boundary(text, (end + 12).min(text.len()))];
    const NOUN: &str = " people";
    let written = format!("{}{NOUN}{tail}", &text[from..end]);
    let f = quantity::read(&written, start - from, end - from)?;
    // The number itself must be what was read, not a neighbour.
    if f.end < end - from || f.start > start - from {
        return None;
    }
    let past_noun = (end - from + NOUN.len()).min(f.end);
    let end = end + (f.end - past_noun);
    Some(quantity::Found {
        start: from + f.start,
        end: floor_boundary(text, end.min(text.len())),
        amount: f.amount,
    })
}

/// The end of a number written in words whose token ends at `end`: past
/// "-two" of "thirty-two", which the tokenizer splits ("injuring
/// thirty-two" is 32, not 30).
fn number_word_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(tail) = rest.strip_prefix('-') else {
        return end;
    };
    let word: String = tail
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let ahead = &text[..end];
    let before: String = ahead
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !word.is_empty()
        && quantity::number::is_number_word(&word)
        && quantity::number::is_number_word(&before)
    {
        end + 1 + word.len()
    } else {
        end
    }
}
