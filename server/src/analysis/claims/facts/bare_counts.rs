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
            } else if verb == "stand" {
                Some(BareCount::TollNow)
            } else {
                None
            }
        }
        _ => None,
    }
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
