//! The deal a price belongs to when the parse hangs it on another word:
//! "The price tag - $2.4bn - is more than three times Marlow's annual
//! sales" (the price is the takeover's the article reported, not the
//! "sales"), "the sale of Ostrava Logistics to Brightmoor" (a company
//! sold is bought: an acquisition, not a product going on sale).
use super::*;
use crate::analysis::claims::frames::EventKind;

/// Whether an event is a deal: an acquisition, or the sale of a company
/// to another ("the sale of X to Y", two organisations taking part).
fn as_deal(inp: &FactInput, e: &Event) -> Option<Event> {
    if e.kind == EventKind::Acquisition {
        return Some(e.clone());
    }
    let word = inp.text.get(e.start..e.end)?.to_ascii_lowercase();
    let orgs = e
        .participants
        .iter()
        .filter(|&&p| inp.doc.mentions[p as usize].kind == EntityKind::Organization)
        .count();
    (e.kind == EventKind::Release && word == "sale" && orgs >= 1).then(|| Event {
        kind: EventKind::Acquisition,
        ..e.clone()
    })
}

/// The deal of a price: its own event when that is a deal, else the
/// sentence's one deal, else the deal the article reported last (never
/// for a sentence about another event: "bought Wistula for €150m in
/// 2022").
pub(super) fn deal_of_price(inp: &FactInput, own: Option<Event>) -> Option<Event> {
    if let Some(d) = own.as_ref().and_then(|e| as_deal(inp, e)) {
        return Some(d);
    }
    let in_sentence: Vec<Event> = inp
        .frames
        .map(|sf| {
            sf.events
                .iter()
                .filter(|e| !e.negated)
                .filter_map(|e| as_deal(inp, e))
                .collect()
        })
        .unwrap_or_default();
    match in_sentence.len() {
        1 => return in_sentence.into_iter().next(),
        0 => {}
        // Two deals in one sentence: which one is not for a guess.
        _ => return own,
    }
    if inp.another {
        return own;
    }
    inp.context
        .iter()
        .rev()
        .filter(|e| !e.another && !e.background)
        .find_map(|e| as_deal(inp, e).filter(|d| !d.participants.is_empty()))
        .or(own)
}

/// The buyer of a price whose own clause names none, from the clause the
/// purchase hangs on when that clause reaches or makes a deal: "Dia
/// reached an agreement on Monday to acquire Gadis for €1.53 billion",
/// "Dia struck a deal to buy Gadis for ...". Only through a word of a
/// deal, so that "analysts said the acquisition of X for $2bn" takes no
/// speaker for the buyer.
pub(super) fn buyer_above(
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    doc: &crate::analysis::model::DocAnalysis,
) -> Option<u32> {
    let p = &sf.parse;
    let mut x = p.clause_of(t);
    let mut through_deal = false;
    for _ in 0..4 {
        let h = p.head(x)?;
        let deal_word = |k: usize| {
            matches!(
                super::count_reading::lemma(p, k).as_str(),
                "agreement" | "deal" | "accord" | "agree" | "offer" | "bid" | "plan"
            )
        };
        // "reached an agreement to acquire": the deal is the object of
        // the verb the purchase hangs on.
        if deal_word(h) || p.children(h).iter().any(|&c| deal_word(c)) {
            through_deal = true;
        }
        x = p.clause_of(h);
        if through_deal {
            if let Some(m) = sf.subject_of(x, doc) {
                return Some(m);
            }
        }
        // The top clause reached: nothing above names the buyer.
        p.head(x)?;
    }
    None
}
