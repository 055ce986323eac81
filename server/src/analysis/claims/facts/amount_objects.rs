//! What a price buys, when a common noun says: "The Harrow Group has sold
//! its packaging unit for $450 million" and "Harrow sold its trucking
//! business for $120 million" are two sales by one seller, told apart
//! only by the thing sold. A thing named ("bought Korsnes Line") is a
//! participant of the deal and is compared as one.
use super::*;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Words of a bought thing that say nothing of which thing it is (what
/// tells "its packaging unit" from "its trucking business" is packaging
/// and trucking), as stemmed.
const VAGUE: &[&str] = &[
    "stake",
    "share",
    "part",
    "deal",
    "asset",
    "busines",
    "unit",
    "division",
    "arm",
    "subsidiari",
    "operation",
    "compani",
    "firm",
    "group",
    "hold",
    "holding",
    "portfolio",
    "interest",
    "it",
    "that",
];

/// The stems of what the deal `e` of a price buys, when the deal word's
/// object (or "of" complement: "the sale of its packaging unit") is a
/// common noun: the head and its noun and adjective modifiers. Never the
/// price itself (`amount`, its byte span: "paid 2.5 million euros for").
pub(super) fn thing_bought(
    inp: &FactInput,
    e: &Event,
    amount: (usize, usize),
) -> Option<Vec<String>> {
    let p = &inp.frames?.parse;
    let word = p.token_at(e.start)?;
    let obj = p.child_with(word, Rel::Obj).or_else(|| {
        // "the sale of X", "its takeover of X"
        p.children_with(word, Rel::Nmod).find(|&c| {
            p.children_with(c, Rel::Case)
                .any(|k| p.tokens[k].lemma.eq_ignore_ascii_case("of"))
        })
    })?;
    let (a, b) = p.subtree_span(obj);
    if a < amount.1 && amount.0 < b {
        return None;
    }
    let words = described(p, obj)?;
    // A name the recogniser found in the phrase or the nouns after it
    // (the parser may tag a name as a common noun).
    let r = p.subtree(obj);
    let end = (r.end..p.len())
        // (up to the next function word: the tagger may take a noun of a
        // name's description for a verb, "fish farmer Brevik Seafood")
        .take_while(|&i| {
            !matches!(
                p.tokens[i].upos,
                Upos::Adp | Upos::Punct | Upos::Sym | Upos::Num | Upos::Cconj | Upos::Sconj
            )
        })
        .last()
        .unwrap_or(r.end - 1);
    let (from, to) = (p.tokens[r.start].start, p.tokens[end].end);
    let named = inp
        .doc
        .mentions
        .iter()
        .any(|m| m.kind.is_name() && m.start < to && from < m.end);
    (!named).then_some(words)
}

/// A common-noun phrase's head and modifiers, stemmed and sorted; None
/// for a name, a pronoun or a word too vague to tell things apart.
fn described(p: &Parse, head: usize) -> Option<Vec<String>> {
    let t = &p.tokens[head];
    if t.upos != Upos::Noun {
        return None;
    }
    // A name anywhere in the phrase ("rival fish farmer Brevik Seafood")
    // makes the thing named; a number makes it an amount ("142 crowns a
    // share"), not a thing.
    // The parser may hang the name apart from the nouns before it ("rival
    // fish farmer Brevik Seafood"): the run of nouns after the phrase
    // counts too.
    let r = p.subtree(head);
    let after = (r.end..p.len())
        .take_while(|&i| matches!(p.tokens[i].upos, Upos::Noun | Upos::Propn))
        .collect::<Vec<_>>();
    if r.chain(after)
        .any(|i| matches!(p.tokens[i].upos, Upos::Propn | Upos::Num))
    {
        return None;
    }
    let stem = crate::analysis::claims::words::stem;
    let mut v = vec![stem(&t.lemma.to_ascii_lowercase())];
    for &c in p.children(head) {
        let d = &p.tokens[c];
        let modifies = matches!(d.deprel.rel, Rel::Compound | Rel::Amod);
        // A name among the modifiers ("its Korsnes ferry unit") makes
        // the thing named.
        if modifies && d.upos == Upos::Propn {
            return None;
        }
        if modifies && matches!(d.upos, Upos::Noun | Upos::Adj | Upos::Verb) {
            v.push(stem(&d.lemma.to_ascii_lowercase()));
        }
    }
    v.retain(|w| !VAGUE.contains(&w.as_str()));
    v.sort();
    v.dedup();
    (!v.is_empty()).then_some(v)
}

/// Whether two prices are of two things bought: both say what, and no
/// word of one thing is a word of the other ("packaging unit" and
/// "trucking business"; not "packaging unit" and "packaging business").
pub fn things_apart(a: &Option<Vec<String>>, b: &Option<Vec<String>>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => !x.iter().any(|w| y.contains(w)),
        _ => false,
    }
}
