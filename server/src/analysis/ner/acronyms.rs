//! Acronyms: which capitalised tokens are acronyms at all, and which
//! name they abbreviate when a document introduces one in parentheses
//! ("Security Assistance Group-Ukraine (SAG-U)", a quoted name and its
//! acronym), or which grade a credit rating gives ("a AAA rating").
#[allow(unused_imports)]
use super::names::*;
use super::Candidate;
use crate::analysis::model::EntityKind;

/// Upper-case abbreviations of common nouns, not organisations.
pub(super) const NOT_ORG_ACRONYMS: &[&str] = &[
    "GDP", "CEO", "CFO", "COO", "CTO", "AI", "GMT", "UTC", "COVID", "PM", "MP", "MPS", "TV", "ID",
    "PR", "IT", "HIV", "AIDS", "LNG", "GPS", "DNA", "VAT", "IPO", "OK", "USB", "PC", "FAQ", "PDF",
    "SMS", "AM", "FM", "CD", "DVD", "HQ", "VIP", "ATM", "UFO", "OMG", "LOL", "BC", "AD", "BCE",
    "CE", "SUV", "API", "GHz", "MW", "GW", "KW", "KM", "MPH", "RPG", "ICBM", "SAM", "UAV", "APC",
    "IFV", "MLRS", "HIMARS", "ATACMS", "I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    "XX", "XXI", "NB", "PS", "RIP", "ASAP", "FYI", "NEW", "UPDATE", "BREAKING", "VIDEO", "PHOTO",
];

pub(super) fn is_acronym(w: &str) -> bool {
    if NOT_ORG_ACRONYMS.contains(&w.trim_end_matches('s')) || NOT_ORG_ACRONYMS.contains(&w) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '&'))
}

/// A quoted name followed by its acronym names an organisation:
/// `"NATO Support and Training in Security for Ukraine" (NSATU)`.
pub(super) fn quoted_expansions(p: &mut Para, out: &mut Vec<Candidate>) {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"["“«]([A-Z][^"”»\n]{2,100})["”»]\s*\(([A-Z][A-Za-z0-9&.\-]{1,12})\)"#)
            .unwrap()
    });
    let (ps, pe) = match (p.toks.first(), p.toks.last()) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => return,
    };
    let para = &p.text[ps..pe];
    for c in RE.captures_iter(para) {
        let (name, acr) = (c.get(1).unwrap(), c.get(2).unwrap());
        let first_upper = |s: &str| s.chars().next().map(|c| c.to_ascii_uppercase());
        if first_upper(name.as_str()) != first_upper(acr.as_str()) || !is_acronym(acr.as_str()) {
            continue;
        }
        let (ns, ne, as_, ae) = (
            ps + name.start(),
            ps + name.end(),
            ps + acr.start(),
            ps + acr.end(),
        );
        out.push(Candidate::new(ns, ne, EntityKind::Organization, 0.85));
        let mut a = Candidate::new(as_, ae, EntityKind::Organization, 0.85);
        a.expands = Some(ns);
        out.push(a);
        block_range(&p.toks, &mut p.blocked, ns, ne);
        block_range(&p.toks, &mut p.blocked, as_, ae);
    }
}

/// Can `acronym` abbreviate `name`? A short name must start with the
/// acronym's first letter: "WASHINGTON (AP)", "LOS ANGELES (AP)" and
/// "DAYTON, Ohio (AP)" are a dateline and the wire agency's credit, not a
/// place's acronym. A longer name may be abbreviated in another language
/// ("Doctors Without Borders (MSF)").
pub(super) fn abbreviates(name: &str, acronym: &str) -> bool {
    let Some(first) = acronym.chars().next().map(|c| c.to_lowercase().next()) else {
        return false;
    };
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    words.len() >= 3
        || words
            .first()
            .is_some_and(|w| w.chars().next().map(|c| c.to_lowercase().next()) == Some(first))
}

/// "(SAG-U)" right after a name: an acronym of it.
pub(super) fn parenthetical_acronym(
    p: &Para,
    k: usize,
    expansion_start: usize,
    out: &mut Vec<Candidate>,
) {
    if k + 2 < p.toks.len()
        && word(p, k) == "("
        && word(p, k + 2) == ")"
        && is_acronym(word(p, k + 1))
        && abbreviates(&p.text[expansion_start..p.toks[k - 1].end], word(p, k + 1))
    {
        let t = p.toks[k + 1];
        let mut c = Candidate::new(t.start, t.end, EntityKind::Organization, 0.85);
        c.expands = Some(expansion_start);
        out.push(c);
    }
}

/// "a AAA rating", "cut it to BBB": a credit grade in a sentence about
/// ratings, not a body (the motoring club "AAA" stays a name elsewhere).
pub(super) fn credit_grade(p: &Para, k: usize, ts: usize, te: usize) -> bool {
    let w = word(p, k).trim_end_matches(['+', '-']);
    let grade = !w.is_empty()
        && w.len() <= 3
        && w.chars().all(|c| matches!(c, 'A' | 'B' | 'C'))
        && w.chars().all(|c| w.starts_with(c));
    let moody = matches!(
        w.trim_end_matches(['1', '2', '3']),
        "Aaa" | "Aa" | "Baa" | "Ba" | "Caa"
    );
    (grade || moody)
        && (ts..te).any(|t| {
            let l = lower(p, t);
            l.starts_with("rating")
                || l.starts_with("downgrad")
                || l.starts_with("upgrad")
                || matches!(
                    l,
                    "rated" | "moody's" | "fitch" | "s&p" | "creditworthiness"
                )
        })
}

/// An acronym introduced for a place ("Johnson Space Center (JSC)", "Los
/// Angeles International Airport (LAX)") names that place, not a body.
pub(super) fn acronyms_of_places(out: &mut [Candidate]) {
    let places: rustc_hash::FxHashSet<usize> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Location)
        .map(|c| c.start)
        .collect();
    for c in out.iter_mut() {
        if c.kind == EntityKind::Organization && c.expands.is_some_and(|s| places.contains(&s)) {
            c.kind = EntityKind::Location;
        }
    }
}
