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
