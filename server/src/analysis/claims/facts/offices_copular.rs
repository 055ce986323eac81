//! An office named before a copula and its holder after it: "its new
//! chief financial officer will be Sarah Lindqvist", "Brandt Logistik's
//! next chief operating officer is Lukas Meyer".
use super::*;

/// Copulas that give an office its holder, now or to come; those of the
/// past ("was") tell of a holding that may be over.
const COPULAS: &[&[&str]] = &[
    &["will", "be"],
    &["would", "be"],
    &["is", "to", "be"],
    &["is"],
];

/// The office the words before a copula right before the name (word
/// `i0`) name, when they do: an office with its qualifier ("new",
/// "next") or its organisation ("its", "Brandt Logistik's"), and nothing
/// else between the start of the clause and it.
pub(super) fn copular_office(inp: &FactInput, ws: &[Word], i0: usize) -> Option<Office> {
    let text = inp.text;
    let joined = |a: usize, b: usize| text[ws[a].end..ws[b].start].trim().is_empty();
    let cop = COPULAS.iter().find(|c| {
        i0 > c.len()
            && (i0 - c.len()..i0).all(|k| joined(k, k + 1))
            && ws[i0 - c.len()..i0]
                .iter()
                .zip(c.iter())
                .all(|(w, c)| low(w) == *c)
    })?;
    let end = i0 - cop.len();
    // The office phrase: words joined by spaces back to a stop word or
    // the start of the clause.
    let mut a = end;
    while a > 0 && end - a < 8 {
        if a < end && !joined(a - 1, a) {
            break;
        }
        let w = low(&ws[a - 1]);
        if STOP.contains(&w.as_str()) && w != "the" {
            break;
        }
        a -= 1;
    }
    let its = a > 0 && matches!(low(&ws[a - 1]).as_str(), "its" | "their");
    // The clause starts with the office ("The bank's new chief executive
    // will be ...", "..., its new CFO will be ..."): nothing of it before.
    let starts_clause = a == 0
        || its
        || matches!(text[ws[a - 1].end..ws[a].start].trim(), "," | ";" | ":")
        || low(&ws[a - 1]) == "that";
    if !starts_clause {
        return None;
    }
    let lw: Vec<String> = ws[a..end].iter().map(low).collect();
    let qualified = lw
        .iter()
        .any(|w| matches!(w.as_str(), "new" | "next" | "incoming"));
    let possessed = its || lw.iter().any(|w| w.ends_with("'s"));
    if !qualified && !possessed {
        return None;
    }
    // The longest phrase that reads as an office. Of an office of state
    // "the next president will be X" is as often a forecast as news.
    let mut o = (a..end).find_map(|s| read_office(inp, &ws[s..end]))?;
    let head = o.title.rsplit(' ').next().unwrap_or("");
    if GOVERNMENT.contains(&head) {
        return None;
    }
    if lw.iter().any(|w| w == "next") {
        o.qualifier = o.qualifier.or(Some(RoleQualifier::Incoming));
    }
    // "Its new chief financial officer will be X": a holder to come.
    if cop[0] != "is" {
        o.qualifier = o.qualifier.or(Some(RoleQualifier::Incoming));
    }
    if o.org.is_none() && its {
        o.org = antecedent_org(inp, ws[a].start);
    }
    Some(o)
}
