//! The date a relative clause or an apposition set off by commas gives an
//! event noun: "Cyclone Shefali, which struck the coast on 12 May, ...",
//! "the quake, which hit at 3.40 a.m. on Friday, ...". The parser often
//! hangs such a clause on the main verb instead of the noun (or takes the
//! day for an object), so it is read here from the words: the clause
//! opens right after the noun's name with ", which" or ", that" and runs
//! to the next comma.
use super::{SentenceFrames, SentenceInput};
use crate::analysis::claims::dates;
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::Upos;

/// A clause longer than this is no aside on the noun.
const MAX_CLAUSE_TOKENS: usize = 16;

/// Words right before a date that make it a bound or a plan, not the day
/// the event happened ("which lasted until Monday", "which is due by 3
/// May").
const NOT_ON: &[&str] = &[
    "until", "till", "before", "after", "since", "by", "from", "to", "for", "through", "between",
];

/// Verbs of a clause that tell of something else than the event taking
/// place: a plan, a report, a delay ("which had been scheduled for",
/// "which officials said", "which was postponed").
const NOT_THE_EVENT: &[&str] = &[
    "say", "tell", "report", "announce", "schedule", "plan", "expect", "postpone", "delay", "move",
    "cancel", "follow", "precede", "replace", "recall",
];

/// The date mention of the clause set off after the event noun at token
/// `anchor`, when it dates the event.
pub(super) fn clause_date(sf: &SentenceFrames, inp: &SentenceInput, anchor: usize) -> Option<u32> {
    let p = &sf.parse;
    let n = p.len();
    // The noun's name after it ("Cyclone Shefali"): proper nouns.
    let mut i = anchor + 1;
    while i < n && p.tokens[i].upos == Upos::Propn {
        i += 1;
    }
    if i + 1 >= n || p.tokens[i].form != "," {
        return None;
    }
    let rel = p.tokens[i + 1].form.to_ascii_lowercase();
    if rel != "which" && rel != "that" {
        return None;
    }
    let from = i + 2;
    let to = (from..n.min(from + MAX_CLAUSE_TOKENS)).find(|&k| p.tokens[k].form == ",")?;
    // Its verb: the first one, and one that tells of the event.
    let verb = (from..to).find(|&k| p.tokens[k].upos == Upos::Verb)?;
    if NOT_THE_EVENT.contains(&p.tokens[verb].lemma.to_ascii_lowercase().as_str()) {
        return None;
    }
    let (a, b) = (p.tokens[verb].start, p.tokens[to].start);
    inp.mentions.iter().copied().find(|&m| {
        let men = &inp.doc.mentions[m as usize];
        if men.kind != EntityKind::Date || men.start < a || men.end > b {
            return false;
        }
        let before = inp.text[a..men.start]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty() && !matches!(*w, "early" | "late" | "the"))
            .map(str::to_ascii_lowercase);
        !before.is_some_and(|w| NOT_ON.contains(&w.as_str()))
            && dates::read_at(inp.text, men.start, men.end)
                .is_some_and(|f| f.expr.weekday.is_some() || f.expr.d.is_some())
    })
}
