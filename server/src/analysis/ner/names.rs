//! Name recognition over runs of capitalised tokens.
//!
//! Per sentence: find runs of capitalised words (joined by connectors such
//! as "of" or "von der"), drop sentence-initial function words, split off a
//! role ("NATO Secretary General" + "Jens Stoltenberg"), then segment what
//! is left into gazetteer names, given-name + surname persons, and unknown
//! stretches classified by cue words. A last pass over the whole document
//! resolves bare single words against the names found ("Stoltenberg").
use std::collections::{HashMap, HashSet};

use super::common_words::{is_common, is_english_word};
use super::cues::{self, is_in};
use super::lexicon::{GazHit, Lexicon};
use super::values::{find_values, ValueMatch};
use super::Candidate;
use crate::analysis::model::{EntityKind, RoleAttr, RoleQualifier};
use crate::analysis::text::fold::ascii_key;
use crate::analysis::text::structure::DocStructure;
use crate::analysis::text::tokens::{tokenize_into, Token, TokenKind};

const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&", "the"];

struct Para<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Token covered by a value mention (dates, money) or already claimed.
    blocked: Vec<bool>,
    gaz: Vec<GazHit>,
    /// Index of the first gazetteer hit starting at or after a token start.
    gaz_at: HashMap<usize, usize>,
    title_case: bool,
}

/// A single capitalised word not yet classified: kept only if the document
/// names something with that word elsewhere.
struct Pending {
    start: usize,
    end: usize,
    sentence_initial: bool,
    weak_person: bool,
}

pub fn recognize(text: &str, structure: &DocStructure) -> Vec<Candidate> {
    let lx = Lexicon::get();
    let lower_words = lowercase_vocabulary(text, structure);
    let mut out: Vec<Candidate> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut values: Vec<ValueMatch> = Vec::new();
    for (pi, p) in structure.paragraphs.iter().enumerate() {
        if p.boilerplate {
            continue;
        }
        let mut toks = Vec::new();
        tokenize_into(text, p.start, p.end, &mut toks);
        values.clear();
        find_values(text, p.start, p.end, &mut values);
        let mut blocked = vec![false; toks.len()];
        for v in &values {
            out.push(Candidate::new(v.start, v.end, v.kind, 0.9));
            for (ti, t) in toks.iter().enumerate() {
                if t.start < v.end && v.start < t.end {
                    blocked[ti] = true;
                }
            }
        }
        let gaz: Vec<GazHit> = lx
            .find(&text[p.start..p.end])
            .into_iter()
            .map(|h| GazHit {
                start: h.start + p.start,
                end: h.end + p.start,
                ..h
            })
            .collect();
        let mut gaz_at = HashMap::new();
        for (gi, g) in gaz.iter().enumerate() {
            gaz_at.entry(g.start).or_insert(gi);
        }
        let title_case = p.headline && is_title_case(text, &toks);
        let mut para = Para {
            text,
            toks,
            blocked,
            gaz,
            gaz_at,
            title_case,
        };
        glued_hits(&mut para, &mut out);
        quoted_expansions(&mut para, &mut out);
        for s in structure
            .sentences
            .iter()
            .filter(|s| s.paragraph as usize == pi)
        {
            let ts = para.toks.partition_point(|t| t.start < s.start);
            let te = para.toks.partition_point(|t| t.start < s.end);
            sentence(&mut para, ts, te, &lower_words, &mut out, &mut pending);
        }
    }
    resolve_pending(text, &mut out, pending);
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // Non-overlapping: keep the first (longest at a position).
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        kept.push(c);
    }
    kept
}

/// Words the document writes in lower case somewhere: a sentence-initial
/// capitalised word that also appears in lower case is an ordinary word.
fn lowercase_vocabulary(text: &str, structure: &DocStructure) -> HashSet<String> {
    let mut set = HashSet::new();
    let mut toks = Vec::new();
    for p in structure.paragraphs.iter().filter(|p| !p.boilerplate) {
        toks.clear();
        tokenize_into(text, p.start, p.end, &mut toks);
        for t in &toks {
            let w = t.text(text);
            if t.kind == TokenKind::Word && w.chars().next().is_some_and(|c| c.is_lowercase()) {
                set.insert(w.to_string());
            }
        }
    }
    set
}

fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.len() > 3)
        .collect();
    words.len() >= 3 && words.iter().filter(|w| starts_upper(w)).count() * 4 >= words.len() * 3
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Upper-case abbreviations of common nouns, not organisations.
const NOT_ORG_ACRONYMS: &[&str] = &[
    "GDP", "CEO", "CFO", "COO", "CTO", "AI", "GMT", "UTC", "COVID", "PM", "MP", "MPS", "TV", "ID",
    "PR", "IT", "HIV", "AIDS", "LNG", "GPS", "DNA", "VAT", "IPO", "OK", "USB", "PC", "FAQ", "PDF",
    "SMS", "AM", "FM", "CD", "DVD", "HQ", "VIP", "ATM", "UFO", "OMG", "LOL", "BC", "AD", "BCE",
    "CE", "SUV", "API", "GHz", "MW", "GW", "KW", "KM", "MPH", "RPG", "ICBM", "SAM", "UAV", "APC",
    "IFV", "MLRS", "HIMARS", "ATACMS", "I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    "XX", "XXI", "NB", "PS", "RIP", "ASAP", "FYI", "NEW", "UPDATE", "BREAKING", "VIDEO", "PHOTO",
];

fn is_acronym(w: &str) -> bool {
    if NOT_ORG_ACRONYMS.contains(&w.trim_end_matches('s')) || NOT_ORG_ACRONYMS.contains(&w) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '&'))
}

/// Gazetteer names glued to a preceding lower-case word ("statedNATO") or
/// inside a hyphenated token ("US-led", "NATO-Ukraine") are not reachable
/// through token runs; emit them directly.
fn glued_hits(p: &mut Para, out: &mut Vec<Candidate>) {
    let lx = Lexicon::get();
    let mut by_token: HashMap<usize, Vec<GazHit>> = HashMap::new();
    for g in &p.gaz {
        if g.contextual {
            continue;
        }
        let ti = p.toks.partition_point(|t| t.end <= g.start);
        let Some(t) = p.toks.get(ti) else { continue };
        let inside = t.start < g.start || g.end < t.end;
        if inside && t.start <= g.start && g.end <= t.end {
            by_token.entry(ti).or_default().push(*g);
        }
    }
    for (ti, hits) in by_token {
        let t = p.toks[ti];
        let w = t.text(p.text);
        let lw = w.to_lowercase();
        // "then-NATO" starts a role: it stays in runs.
        if lw.starts_with("then-") || lw.starts_with("ex-") {
            continue;
        }
        // Capitalised parts of a hyphenated token that no hit covers
        // ("Group-Ukraine"): the token belongs to a longer name.
        let glued = hits.iter().any(|h| {
            h.start > t.start
                && p.text[..h.start].chars().next_back().is_some_and(|c| c.is_lowercase())
        });
        let uncovered = w.split(['-', '\u{2010}', '\u{2011}']).scan(t.start, |pos, part| {
            let s = *pos;
            *pos += part.len() + 1;
            Some((s, part))
        });
        let mut part_uncovered = false;
        for (s, part) in uncovered {
            let cap = part.chars().next().is_some_and(|c| c.is_uppercase());
            if cap && !hits.iter().any(|h| h.start <= s && s + part.len() <= h.end) {
                part_uncovered = true;
            }
        }
        if part_uncovered && !glued {
            continue;
        }
        for h in hits {
            let mut c = Candidate::new(h.start, h.end, lx.entry(h.entry).kind, 0.85);
            c.gaz = Some(h.entry);
            out.push(c);
        }
        p.blocked[ti] = true;
    }
}

/// A quoted name followed by its acronym names an organisation:
/// `"NATO Support and Training in Security for Ukraine" (NSATU)`.
fn quoted_expansions(p: &mut Para, out: &mut Vec<Candidate>) {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"["“«]([A-Z][^"”»\n]{2,100})["”»]\s*\(([A-Z][A-Za-z0-9&.\-]{1,12})\)"#).unwrap()
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
        let (ns, ne, as_, ae) = (ps + name.start(), ps + name.end(), ps + acr.start(), ps + acr.end());
        out.push(Candidate::new(ns, ne, EntityKind::Organization, 0.85));
        let mut a = Candidate::new(as_, ae, EntityKind::Organization, 0.85);
        a.expands = Some(ns);
        out.push(a);
        for (ti, t) in p.toks.iter().enumerate() {
            if (t.start >= ns && t.end <= ne) || (t.start >= as_ && t.end <= ae) {
                p.blocked[ti] = true;
            }
        }
    }
}

fn word<'a>(p: &Para<'a>, i: usize) -> &'a str {
    p.toks[i].text(p.text)
}

fn lower(p: &Para, i: usize) -> String {
    word(p, i).to_lowercase()
}

/// A token that can be part of a name run.
fn is_cap(p: &Para, i: usize) -> bool {
    if p.blocked[i] || p.toks[i].kind != TokenKind::Word {
        return false;
    }
    let w = word(p, i);
    if starts_upper(w) {
        return true;
    }
    // "then-NATO", "ex-President"
    qualifier_prefix(w).is_some()
}

fn qualifier_prefix(w: &str) -> Option<(usize, RoleQualifier)> {
    for (pre, q) in [
        ("then-", RoleQualifier::Then),
        ("ex-", RoleQualifier::Former),
    ] {
        if w.len() > pre.len()
            && w[..pre.len()].eq_ignore_ascii_case(pre)
            && starts_upper(&w[pre.len()..])
        {
            return Some((pre.len(), q));
        }
    }
    None
}

fn sentence(
    p: &mut Para,
    ts: usize,
    te: usize,
    lower_words: &HashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
) {
    let mut i = ts;
    while i < te {
        if !is_cap(p, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < te && is_cap(p, j) {
                j += 1;
                continue;
            }
            if j + 1 < te && p.toks[j].kind != TokenKind::Possessive {
                let l = lower(p, j);
                let conn = is_in(CONNECTORS, &l) || is_in(cues::NAME_PARTICLES, &l) || l == "&";
                if conn {
                    // "of the" + capitalised word
                    if l == "of" && j + 2 < te && lower(p, j + 1) == "the" && is_cap(p, j + 2) {
                        j += 3;
                        continue;
                    }
                    if l != "the" && is_cap(p, j + 1) {
                        j += 2;
                        continue;
                    }
                }
            }
            break;
        }
        run(p, i, j, ts, te, lower_words, out, pending);
        i = j;
    }
}

/// Longest title phrase starting at token `k` within `[k, end)`; returns its
/// token length. Plural titles ("Defence Ministers") count as titles too.
fn title_at(p: &Para, k: usize, end: usize) -> usize {
    let lx = Lexicon::get();
    let max = lx.max_title_words.min(end - k);
    for len in (1..=max).rev() {
        let mut phrase = String::new();
        let mut ok = true;
        for t in k..k + len {
            if p.toks[t].kind != TokenKind::Word {
                ok = false;
                break;
            }
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            let w = word(p, t);
            let w = match qualifier_prefix(w) {
                Some((n, _)) => &w[n..],
                None => w,
            };
            phrase.push_str(&w.to_lowercase().replace('-', " "));
        }
        if !ok {
            continue;
        }
        if lx.titles.contains(&phrase)
            || phrase
                .strip_suffix('s')
                .is_some_and(|s| lx.titles.contains(s))
        {
            return len;
        }
    }
    0
}

/// Gazetteer hit starting exactly at token `k` and ending on a token end
/// within `[k, end)`: (hit index, token length).
fn gaz_at(p: &Para, k: usize, end: usize) -> Option<(usize, usize)> {
    let mut start = p.toks[k].start;
    if let Some((n, _)) = qualifier_prefix(word(p, k)) {
        start += n;
    }
    let gi = *p.gaz_at.get(&start)?;
    let g = &p.gaz[gi];
    let last = (k..end).find(|&t| p.toks[t].end == g.end)?;
    Some((gi, last + 1 - k))
}

/// Given name followed by capitalised surname(s): token length of the name.
fn given_name_person(p: &Para, k: usize, end: usize) -> usize {
    let lx = Lexicon::get();
    if !lx.is_given_name(word(p, k)) || k + 1 >= end {
        return 0;
    }
    let mut j = k + 1;
    while j < end && j - k < 5 {
        let l = lower(p, j);
        if is_in(cues::NAME_PARTICLES, &l) && j + 1 < end {
            j += 1;
            continue;
        }
        if !starts_upper(word(p, j)) || is_common(&l) || title_at(p, j, end) > 0 {
            break;
        }
        j += 1;
    }
    if j - k >= 2 {
        j - k
    } else {
        0
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    p: &mut Para,
    mut a: usize,
    b: usize,
    ts: usize,
    te: usize,
    lower_words: &HashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
) {
    let lx = Lexicon::get();
    let mut person_cue = false;
    // Honorific right before the run: "Mr. Smith".
    if a >= 1
        && is_in(
            cues::HONORIFICS,
            &lower(p, a - 1).trim_end_matches('.').to_string(),
        )
    {
        person_cue = true;
    }
    if a >= 2 && word(p, a - 1) == "." && is_in(cues::HONORIFICS, &lower(p, a - 2)) {
        person_cue = true;
    }
    // Strip leading honorifics and function words.
    while a < b {
        let l = lower(p, a);
        if is_in(cues::HONORIFICS, &l) {
            person_cue = true;
            a += 1;
            continue;
        }
        let conn = is_in(CONNECTORS, &l) || is_in(cues::NAME_PARTICLES, &l);
        if conn || (is_common(&l) && gaz_at(p, a, b).is_none() && !lx.is_given_name(word(p, a))) {
            a += 1;
            continue;
        }
        break;
    }
    // Trailing connectors.
    let mut b = b;
    while b > a && {
        let l = lower(p, b - 1);
        is_in(CONNECTORS, &l) || is_in(cues::NAME_PARTICLES, &l)
    } {
        b -= 1;
    }
    if a >= b {
        return;
    }

    // A role inside the run: "NATO Secretary General | Jens Stoltenberg".
    let mut role_end = None;
    let mut first_title = None;
    let mut k = a;
    while k < b {
        let n = title_at(p, k, b);
        if n > 0 {
            first_title.get_or_insert(k);
            if k + n < b && title_at(p, k + n, b) == 0 {
                role_end = Some(k + n);
            }
            k += n;
        } else {
            k += 1;
        }
    }
    let lead_role = leading_role(p, a);
    // "President of the United States": what follows a title after "of"
    // completes the role; there is no name.
    if let Some(re) = role_end {
        if matches!(lower(p, re).as_str(), "of" | "for" | "to" | "on") {
            let ft = first_title.unwrap_or(a);
            if ft > a {
                segment(p, a, ft, ts, te, lower_words, out, pending, false);
            }
            segment(p, re + 1, b, ts, te, lower_words, out, pending, false);
            return;
        }
    }
    if let (Some(re), Some(ft)) = (role_end, first_title) {
        // Name part: trim gazetteer words a title list missed
        // ("Commander Europe | Christopher Cavoli").
        let mut ns = re;
        while ns + 2 <= b {
            let next_is_name = lx.is_given_name(word(p, ns + 1)) || ns + 2 < b;
            match gaz_at(p, ns, b) {
                Some((_, n)) if n == 1 && next_is_name && ns + 1 < b => ns += 1,
                _ => break,
            }
        }
        // Modifiers of the role ("NATO", "US", "White House") are mentions too.
        segment(p, a, ft, ts, te, lower_words, out, pending, false);
        let (role_start, mut qualifier) = match &lead_role {
            Some((s, q)) => (*s, *q),
            None => (p.toks[a].start, None),
        };
        if let Some((n, q)) = qualifier_prefix(word(p, a)) {
            qualifier = Some(q);
            let _ = n;
        }
        let role_text_start = match qualifier_prefix(word(p, a)) {
            Some((n, _)) if role_start == p.toks[a].start => role_start + n,
            _ => role_start,
        };
        let role = RoleAttr {
            start: role_text_start,
            end: p.toks[ns - 1].end,
            text: p.text[role_text_start..p.toks[ns - 1].end].to_string(),
            qualifier,
        };
        if ns > re {
            segment(p, re, ns, ts, te, lower_words, out, pending, false);
        }
        person(p, ns, b, vec![role], 0.95, out);
        return;
    }
    if first_title.is_some() && role_end.is_none() {
        // Only titles ("Defence Ministers", "President"): no entity, but the
        // modifiers before them may be ("NATO Defence Ministers").
        let ft = first_title.unwrap();
        if ft > a {
            segment(p, a, ft, ts, te, lower_words, out, pending, false);
        }
        return;
    }
    if let Some((rs, q)) = lead_role {
        // Lower-case role before the run: "military expert Alexander Stepanov".
        let role = RoleAttr {
            start: rs,
            end: p.toks[a - 1].end,
            text: p.text[rs..p.toks[a - 1].end].to_string(),
            qualifier: q,
        };
        let n = b - a;
        if n <= 4 && gaz_at(p, a, b).is_none_or(|(_, gl)| gl < n) {
            person(p, a, b, vec![role], 0.9, out);
            return;
        }
    }
    segment(p, a, b, ts, te, lower_words, out, pending, person_cue);
}

/// A role written before token `a` in lower case or as a separate run:
/// "military expert", "former President", "Ukrainian leader". Returns the
/// role's start offset and qualifier.
fn leading_role(p: &Para, a: usize) -> Option<(usize, Option<RoleQualifier>)> {
    let lx = Lexicon::get();
    let mut k = a;
    let mut start = None;
    // Title phrases ending right before `a`.
    'outer: while k > 0 {
        for len in (1..=lx.max_title_words.min(k)).rev() {
            if title_at(p, k - len, k) == len {
                k -= len;
                start = Some(k);
                continue 'outer;
            }
        }
        break;
    }
    let mut s = start?;
    // Capitalised modifiers (demonyms, organisations): "Ukrainian leader".
    while s > 0 && p.toks[s - 1].kind == TokenKind::Word && starts_upper(word(p, s - 1)) {
        let l = lower(p, s - 1);
        if is_common(&l) {
            break;
        }
        s -= 1;
    }
    let mut qualifier = None;
    if s > 0 {
        qualifier = cues::qualifier(&lower(p, s - 1));
    }
    if let Some((n, q)) = qualifier_prefix(word(p, s)) {
        return Some((p.toks[s].start + n, Some(q)));
    }
    Some((p.toks[s].start, qualifier))
}

/// Emit a person over tokens `[a, b)`, with its roles and any role written
/// after it ("Mark Rutte, NATO's Secretary General").
fn person(
    p: &Para,
    a: usize,
    b: usize,
    mut roles: Vec<RoleAttr>,
    conf: f32,
    out: &mut Vec<Candidate>,
) {
    if a >= b {
        return;
    }
    if let Some(r) = trailing_role(p, b) {
        roles.push(r);
    }
    let mut c = Candidate::new(p.toks[a].start, p.toks[b - 1].end, EntityKind::Person, conf);
    c.roles = roles;
    out.push(c);
}

/// ", [the|a] [Org['s]] Title [of Org]" right after a name.
fn trailing_role(p: &Para, b: usize) -> Option<RoleAttr> {
    if b >= p.toks.len() || word(p, b) != "," {
        return None;
    }
    let mut k = b + 1;
    let end = (k + 8).min(p.toks.len());
    let mut qualifier = None;
    while k < end && matches!(lower(p, k).as_str(), "the" | "a" | "an") {
        k += 1;
    }
    if k < end {
        if let Some(q) = cues::qualifier(&lower(p, k)) {
            qualifier = Some(q);
            k += 1;
        }
    }
    let role_start = k;
    while k < end {
        let n = title_at(p, k, end);
        if n > 0 {
            let mut e = k + n;
            // "Secretary General of NATO"
            if e + 1 < p.toks.len() && lower(p, e) == "of" && starts_upper(word(p, e + 1)) {
                e += 2;
                while e < p.toks.len()
                    && p.toks[e].kind == TokenKind::Word
                    && starts_upper(word(p, e))
                {
                    e += 1;
                }
            }
            let (s, en) = (p.toks[role_start].start, p.toks[e - 1].end);
            return Some(RoleAttr {
                start: s,
                end: en,
                text: p.text[s..en].to_string(),
                qualifier,
            });
        }
        let t = &p.toks[k];
        let ok = t.kind == TokenKind::Possessive
            || (t.kind == TokenKind::Word && starts_upper(word(p, k)))
            || matches!(lower(p, k).as_str(), "alliance's" | "bloc's" | "country's");
        if !ok {
            return None;
        }
        k += 1;
    }
    None
}

/// Split `[a, b)` into gazetteer names, given-name persons and unknown
/// stretches, and classify each.
#[allow(clippy::too_many_arguments)]
fn segment(
    p: &mut Para,
    a: usize,
    b: usize,
    ts: usize,
    te: usize,
    lower_words: &HashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
    person_cue: bool,
) {
    let lx = Lexicon::get();
    if person_cue {
        person(p, a, b, Vec::new(), 0.9, out);
        return;
    }
    if org_shaped(p, a, b) {
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        let whole_gaz = gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a);
        if !whole_gaz {
            parenthetical_acronym(p, b, s, out);
            out.push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            return;
        }
    }
    let mut k = a;
    let mut unknown_start = None;
    while k < b {
        let l = lower(p, k);
        let is_conn = is_in(CONNECTORS, &l) && !starts_upper(word(p, k));
        let g = gaz_at(p, k, b);
        let pl = if p.title_case {
            0
        } else {
            given_name_person(p, k, b)
        };
        let gl = g.map(|(_, n)| n).unwrap_or(0);
        if (gl > 0 || pl > 0) && !is_conn {
            if let Some(us) = unknown_start.take() {
                unknown(p, us, k, ts, te, lower_words, out, pending);
            }
            if pl >= 2 && pl > gl {
                person(p, k, k + pl, Vec::new(), 0.85, out);
                k += pl;
            } else {
                let (gi, n) = g.unwrap();
                let hit = p.gaz[gi];
                let mut c = Candidate::new(hit.start, hit.end, lx.entry(hit.entry).kind, 0.9);
                c.gaz = Some(hit.entry);
                c.contextual = hit.contextual;
                parenthetical_acronym(p, k + n, hit.start, out);
                out.push(c);
                k += n;
            }
            continue;
        }
        if unknown_start.is_none() {
            unknown_start = Some(k);
        }
        k += 1;
    }
    if let Some(us) = unknown_start {
        unknown(p, us, b, ts, te, lower_words, out, pending);
    }
}

/// A run that names an organisation as a whole even if it contains a place
/// or an organisation: it ends in an organisation head ("Ukraine Defense
/// Contact Group", "US Armed Forces"), or a head is followed by a
/// connector ("Contact Group on Defence of Ukraine", "Ministry of Defence").
fn org_shaped(p: &Para, a: usize, b: usize) -> bool {
    if b - a < 2 {
        return false;
    }
    let last = lower(p, b - 1);
    if last.split('-').any(|x| is_in(cues::ORG_HEADS, x)) && !is_common_head_only(p, a, b) {
        return true;
    }
    (a..b - 1).any(|k| {
        let w = lower(p, k);
        (is_in(cues::ORG_HEADS, &w) || is_in(cues::ORG_LEADS, &w))
            && matches!(lower(p, k + 1).as_str(), "of" | "on" | "for")
            && starts_upper(word(p, k))
    })
}

/// "The Group": a head with nothing but function words before it.
fn is_common_head_only(p: &Para, a: usize, b: usize) -> bool {
    (a..b - 1).all(|k| is_common(&lower(p, k)))
}

/// "(SAG-U)" right after a name: an acronym of it.
fn parenthetical_acronym(p: &Para, k: usize, expansion_start: usize, out: &mut Vec<Candidate>) {
    if k + 2 < p.toks.len()
        && word(p, k) == "("
        && word(p, k + 2) == ")"
        && is_acronym(word(p, k + 1))
    {
        let t = p.toks[k + 1];
        let mut c = Candidate::new(t.start, t.end, EntityKind::Organization, 0.85);
        c.expands = Some(expansion_start);
        out.push(c);
    }
}

fn next_word_lower(p: &Para, k: usize) -> Option<String> {
    let mut k = k;
    while k < p.toks.len() && matches!(word(p, k), "," | "\"" | "”" | "“") {
        k += 1;
    }
    (k < p.toks.len()).then(|| lower(p, k))
}

#[allow(clippy::too_many_arguments)]
fn unknown(
    p: &mut Para,
    a: usize,
    b: usize,
    ts: usize,
    _te: usize,
    lower_words: &HashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
) {
    // Trim connectors at the edges.
    let (mut a, mut b) = (a, b);
    while a < b && !starts_upper(word(p, a)) && qualifier_prefix(word(p, a)).is_none() {
        a += 1;
    }
    while b > a && !starts_upper(word(p, b - 1)) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let words: Vec<String> = (a..b).map(|k| lower(p, k)).collect();
    let last = words.last().unwrap().clone();
    let last_parts: Vec<&str> = last.split('-').collect();
    let has_conn = words.iter().any(|w| is_in(CONNECTORS, w));
    let org_head = words
        .iter()
        .any(|w| w.split('-').any(|x| is_in(cues::ORG_HEADS, x)));
    let org_lead = is_in(cues::ORG_LEADS, &words[0]) && words.iter().any(|w| w == "of");
    let before = (a > 0).then(|| lower(p, a - 1));
    let before2 = (a > 1).then(|| lower(p, a - 2));
    let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
    let n = b - a;

    if has_conn && !(org_head || org_lead) {
        // "Biden and Trump": classify the parts separately.
        let mut k = a;
        while k < b {
            let mut j = k;
            while j < b && !is_in(CONNECTORS, &lower(p, j)) {
                j += 1;
            }
            if j > k {
                unknown(p, k, j, ts, _te, lower_words, out, pending);
            }
            k = j + 1;
        }
        return;
    }
    // Parenthetical acronym after this stretch.
    parenthetical_acronym(p, b, s, out);

    if p.title_case {
        // Headlines in title case capitalise everything: only the document
        // pass may confirm these words.
        if n == 1 {
            pending.push(Pending {
                start: s,
                end: e,
                sentence_initial: a == ts,
                weak_person: false,
            });
        }
        return;
    }
    if org_lead || (org_head && (last_parts.iter().any(|x| is_in(cues::ORG_HEADS, x)) || has_conn))
    {
        if n == 1 && is_common(&last) {
            return;
        }
        out.push(Candidate::new(s, e, EntityKind::Organization, 0.8));
        return;
    }
    if n >= 2 && last_parts.iter().any(|x| is_in(cues::PLACE_HEADS, x)) {
        out.push(Candidate::new(s, e, EntityKind::Location, 0.75));
        return;
    }
    let intro = match (before.as_deref(), before2.as_deref()) {
        (Some("of"), Some(w)) => Some(w.to_string()),
        (Some(w), _) => Some(w.to_string()),
        _ => None,
    };
    if let Some(w) = intro.as_deref() {
        if is_in(cues::PLACE_INTRO, w) {
            out.push(Candidate::new(s, e, EntityKind::Location, 0.8));
            return;
        }
        if is_in(cues::ORG_INTRO, w) && before.as_deref() != Some("of") {
            out.push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            return;
        }
    }
    // "Jasieniec (Poland)", "Wiesbaden, Germany", "Clay, an American military base"
    if let Some(kind) = apposition_kind(p, b) {
        out.push(Candidate::new(s, e, kind, 0.75));
        return;
    }
    let first_word = word(p, a);
    if n == 1 && is_acronym(first_word) {
        out.push(Candidate::new(s, e, EntityKind::Organization, 0.7));
        return;
    }
    let next = next_word_lower(p, b);
    let sentence_initial = a == ts;
    if n == 1 && sentence_initial && lower_words.contains(&first_word.to_lowercase()) {
        return;
    }
    if let Some(nx) = next.as_deref() {
        if is_in(cues::SOURCE_VERBS, nx) && n <= 2 {
            out.push(Candidate::new(s, e, EntityKind::Organization, 0.6));
            return;
        }
        if is_in(cues::PERSON_VERBS, nx) && (2..=3).contains(&n) {
            out.push(Candidate::new(s, e, EntityKind::Person, 0.7));
            return;
        }
    }
    if matches!(before.as_deref(), Some("source")) && a >= 2 && word(p, a - 1) == ":" {
        out.push(Candidate::new(s, e, EntityKind::Organization, 0.6));
        return;
    }
    if (2..=3).contains(&n)
        && (a..b).all(|k| {
            let w = word(p, k);
            w.chars().skip(1).any(|c| c.is_lowercase()) && !is_common(&w.to_lowercase())
        })
        && !(a..b).all(|k| is_english_word(&lower(p, k)))
    {
        // Name-shaped pair or triple with no other cue: most often a person.
        let person_like = before
            .as_deref()
            .is_none_or(|w| !is_in(cues::PLACE_PREPS, w));
        let kind = if person_like {
            EntityKind::Person
        } else {
            EntityKind::Location
        };
        out.push(Candidate::new(s, e, kind, 0.5));
        return;
    }
    if n == 1 {
        let weak_person = next
            .as_deref()
            .is_some_and(|nx| is_in(cues::PERSON_VERBS, nx));
        if before
            .as_deref()
            .is_some_and(|w| is_in(cues::PLACE_PREPS, w))
            && !Lexicon::get().is_given_name(first_word)
            && !is_english_word(&first_word.to_lowercase())
        {
            out.push(Candidate::new(s, e, EntityKind::Location, 0.55));
            return;
        }
        pending.push(Pending {
            start: s,
            end: e,
            sentence_initial,
            weak_person,
        });
    }
}

/// What a parenthesis or apposition after token `b` says the name is.
fn apposition_kind(p: &Para, b: usize) -> Option<EntityKind> {
    let lx = Lexicon::get();
    let t = |k: usize| (k < p.toks.len()).then(|| word(p, k));
    if t(b) == Some("(") && t(b + 2) == Some(")") {
        let inner = word(p, b + 1);
        if let Some(id) = lx.lookup(inner) {
            if lx.entry(id).subkind == "country" {
                return Some(EntityKind::Location);
            }
        }
    }
    if t(b) == Some(",") {
        if let Some(next) = t(b + 1) {
            if let Some(id) = lx.lookup(next) {
                let e = lx.entry(id);
                // "Wiesbaden, Germany." but not "OBOZ.UA, US President".
                let boundary = t(b + 2).is_none_or(|w| {
                    w.chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() || c.is_lowercase())
                });
                if boundary
                    && e.kind == EntityKind::Location
                    && matches!(e.subkind.as_str(), "country" | "state" | "region")
                {
                    return Some(EntityKind::Location);
                }
            }
            if matches!(next.to_lowercase().as_str(), "a" | "an" | "the") {
                for k in b + 2..(b + 7).min(p.toks.len()) {
                    let w = word(p, k).to_lowercase();
                    if matches!(w.as_str(), "," | "." | ";") {
                        break;
                    }
                    if is_in(cues::PLACE_INTRO, &w)
                        || matches!(w.as_str(), "base" | "airport" | "port" | "facility")
                    {
                        return Some(EntityKind::Location);
                    }
                    if is_in(cues::ORG_INTRO, &w) {
                        return Some(EntityKind::Organization);
                    }
                }
            }
        }
    }
    None
}

/// Single capitalised words are names only if the document backs them: a
/// surname of a person named in full, a word of an organisation's name, or
/// a person cue. Sentence-initial words need such backing too.
fn resolve_pending(text: &str, out: &mut Vec<Candidate>, pending: Vec<Pending>) {
    let mut by_word: HashMap<String, EntityKind> = HashMap::new();
    let mut names: HashMap<String, EntityKind> = HashMap::new();
    for c in out.iter().filter(|c| c.kind.is_name() && !c.contextual) {
        let t = &text[c.start..c.end];
        names.insert(ascii_key(t), c.kind);
        let parts: Vec<&str> = t.split_whitespace().collect();
        if c.kind == EntityKind::Person && parts.len() >= 2 {
            by_word
                .entry(ascii_key(parts[parts.len() - 1]))
                .or_insert(c.kind);
        }
    }
    for pd in pending {
        let key = ascii_key(&text[pd.start..pd.end]);
        let kind = names.get(&key).or_else(|| by_word.get(&key)).copied();
        match kind {
            Some(k) => out.push(Candidate::new(pd.start, pd.end, k, 0.8)),
            None if pd.weak_person && !pd.sentence_initial => {
                out.push(Candidate::new(pd.start, pd.end, EntityKind::Person, 0.5))
            }
            None => {}
        }
    }
}
