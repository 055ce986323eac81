//! Times of day after or before a date: "5:03pm", "8:13 a.m. PDT",
//! "23:30 CET", "08:13:00 +0000", "GMT+1", with the separators datelines
//! put between a date and its time.
use super::tokens::{skip_dot, word, Tok};

/// Time zone abbreviations written after a time (upper case only).
const ZONES: &[&str] = &[
    "UTC", "GMT", "Z", "ET", "PT", "CT", "MT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
    "PDT", "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "CET", "CEST", "EET",
    "EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST",
    "NZST", "NZDT", "WIB", "PHT", "ICT", "SAST", "WAT", "EAT", "CAT", "GST", "PKT", "BRT", "ART",
];

fn ampm_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = word(toks, i)?;
    match t.lower().as_str() {
        "am" | "pm" => Some(skip_dot(toks, i + 1)),
        "a" | "p" => {
            let d = toks
                .get(i + 1)
                .filter(|d| d.is_punct('.') && !d.space_before)?;
            let _ = d;
            let m = toks.get(i + 2).filter(|m| m.is("m") && !m.space_before)?;
            let _ = m;
            Some(skip_dot(toks, i + 3))
        }
        _ => None,
    }
}

fn zone_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    // "(UTC)"
    if t.is_punct('(') {
        let k = zone_at(toks, i + 1)?;
        return toks.get(k).filter(|c| c.is_punct(')')).map(|_| k + 1);
    }
    if t.is_punct('+') || t.is_punct('-') {
        let n = toks.get(i + 1).filter(|n| !n.space_before && n.is_num())?;
        match n.text.len() {
            4 => return Some(i + 2),
            1 | 2 => {
                if let (Some(c), Some(m)) = (toks.get(i + 2), toks.get(i + 3)) {
                    if c.is_punct(':') && !c.space_before && m.is_num() && m.text.len() == 2 {
                        return Some(i + 4);
                    }
                }
                return Some(i + 2);
            }
            _ => return None,
        }
    }
    if t.is_word() && ZONES.contains(&t.text) {
        let k = i + 1;
        // "GMT+1", "UTC+02:00"
        if matches!(t.text, "GMT" | "UTC") {
            if let Some(s) = toks.get(k) {
                if !s.space_before && (s.is_punct('+') || s.is_punct('-')) {
                    if let Some(k2) = zone_at(toks, k) {
                        return Some(k2);
                    }
                }
            }
        }
        return Some(k);
    }
    None
}

/// A time of day; returns the index after it (zone included).
pub(super) fn time_at(toks: &[Tok], i: usize) -> Option<usize> {
    let h = toks.get(i)?.num(2)?;
    if h > 24 {
        return None;
    }
    let mut k = i + 1;
    let mut clock = false;
    if let (Some(c), Some(m)) = (toks.get(k), toks.get(k + 1)) {
        if c.is_punct(':') && !c.space_before && !m.space_before && m.text.len() == 2 {
            if m.num(2)? > 59 {
                return None;
            }
            k += 2;
            clock = true;
            if let (Some(c2), Some(s)) = (toks.get(k), toks.get(k + 1)) {
                if c2.is_punct(':') && !c2.space_before && s.text.len() == 2 && s.num(2).is_some() {
                    k += 2;
                }
            }
        }
    }
    let ampm = ampm_at(toks, k);
    if let Some(k2) = ampm {
        if h > 12 {
            return None;
        }
        k = k2;
    } else if !clock {
        return None;
    }
    if let Some(k2) = zone_at(toks, k) {
        k = k2;
    }
    Some(k)
}

/// Separators between a date and a time: `, @ | - – — · • / at`.
pub(super) fn sep_len(toks: &[Tok], i: usize) -> usize {
    let mut k = i;
    while k < i + 2 {
        match toks.get(k) {
            Some(t)
                if t.kind == super::tokens::Kind::Punct
                    && matches!(t.text, "," | "@" | "|" | "-" | "–" | "—" | "·" | "•" | "/") =>
            {
                k += 1
            }
            Some(t) if t.is("at") => k += 1,
            _ => break,
        }
    }
    k - i
}
