//! Amounts in a list whose verb is said once: "Spain pledged 25 million
//! euros and Japan $12 million", "Germany gave €10 million, Japan $12
//! million and Canada C$5 million". Each amount after the first is the
//! name written right before it, of the measure and the event of the
//! first: read alone, "$12 million" would be Spain's (the clause's
//! subject), a wrong subject that makes a false conflict.
use super::*;

/// The words that join one (name, amount) pair of a list to the one
/// before it.
const JOINERS: &[&str] = &["and", ",", ", and", "while", "whereas", "with"];

/// The most text between the amount a list starts from and the name of
/// the next pair ("pledged $18 million to the Sahel appeal on
/// Wednesday, and Norway $45 million").
const MAX_GAP: usize = 90;

/// A name right before an amount, joined to an earlier amount of the
/// sentence: the mention, and the index in `out` of the earlier fact.
pub(super) fn gapped(inp: &FactInput, amount_start: usize, out: &[Fact]) -> Option<(u32, usize)> {
    let (text, doc) = (inp.text, inp.doc);
    let name = mentions_in(doc, inp.start, amount_start)
        .into_iter()
        .filter(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind.is_name() && m.end <= amount_start
        })
        .max_by_key(|&k| doc.mentions[k as usize].end)?;
    let m = &doc.mentions[name as usize];
    if !text[m.end..amount_start].trim().is_empty() {
        return None;
    }
    let before = text[inp.start..m.start].trim_end();
    let low = before.to_ascii_lowercase();
    let joined = JOINERS.iter().any(|j| {
        low.strip_suffix(j)
            .is_some_and(|rest| j.starts_with(',') || rest.is_empty() || rest.ends_with([' ', ',']))
    });
    if !joined {
        return None;
    }
    // The pair before: a fact of an amount of the sentence, not far
    // before, of a measure a word named, and of another party.
    let (k, prev) = out
        .iter()
        .enumerate()
        .rev()
        .find(|(_, f)| f.end <= m.start && f.start >= inp.start)?;
    let between = &text[prev.end..m.start];
    if between.len() > MAX_GAP || between.contains([';', ':', '(', ')']) {
        return None;
    }
    let FactBody::Quantity {
        subject, measure, ..
    } = &prev.body
    else {
        return None;
    };
    if measure.what.is_empty() || *subject == Some(name) {
        return None;
    }
    // The earlier pair's own party is written before its amount: a
    // list of (name, amount) pairs, not "killed 12 and injured 30".
    let party_before = subject.is_some_and(|s| doc.mentions[s as usize].end <= prev.start)
        || prev.event.as_ref().is_some_and(|e| {
            e.participants
                .iter()
                .any(|&p| doc.mentions[p as usize].end <= prev.start)
        });
    party_before.then_some((name, k))
}

/// The party of the first pair of a list: its subject, else who took
/// part in its event, written before its amount ("Norway pledged $40
/// million and Sweden $18 million", where the parse may give the first
/// amount no subject).
pub(super) fn first_party(inp: &FactInput, prev: &Fact, prev_subject: Option<u32>) -> Option<u32> {
    let doc = inp.doc;
    prev_subject.or_else(|| {
        prev.event
            .as_ref()?
            .participants
            .iter()
            .copied()
            .filter(|&p| doc.mentions[p as usize].end <= prev.start)
            .min_by_key(|&p| doc.mentions[p as usize].start)
    })
}

/// The event of a listed amount: the first pair's, with the first pair's
/// party replaced by this pair's name.
pub(super) fn listed_event(prev: &Fact, name: u32, first: Option<u32>) -> Option<Event> {
    let mut e = prev.event.clone()?;
    e.participants.retain(|&p| Some(p) != first);
    if !e.participants.contains(&name) {
        e.participants.push(name);
        e.participants.sort_unstable();
    }
    Some(e)
}

/// Gives a listed amount (the pair of `name`) the measure and the event of
/// the first pair (`out[k]`), and the first pair its party when the parse
/// gave it none.
pub(super) fn take_listed(
    inp: &FactInput,
    out: &mut [Fact],
    k: usize,
    name: u32,
    measure: &mut Measure,
    event: &mut Option<Event>,
) {
    let prev = &out[k];
    let FactBody::Quantity {
        subject: prev_subject,
        measure: prev_measure,
        ..
    } = &prev.body
    else {
        return;
    };
    *measure = Measure {
        unit: measure.unit.clone(),
        from: None,
        ..prev_measure.clone()
    };
    if measure.what.ends_with("aid") {
        measure.from = super::amount_parties::donor_country(inp, None, Some(name));
    }
    let prev_subject = *prev_subject;
    let first = first_party(inp, prev, prev_subject);
    *event = listed_event(prev, name, first);
    if let (None, Some(p)) = (prev_subject, first) {
        let from = super::amount_parties::donor_country(inp, None, Some(p));
        if let FactBody::Quantity {
            subject, measure, ..
        } = &mut out[k].body
        {
            *subject = Some(p);
            if measure.what.ends_with("aid") {
                measure.from = from;
            }
        }
    }
}
