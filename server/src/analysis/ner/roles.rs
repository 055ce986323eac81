//! Roles and titles around a person's name: "NATO Secretary General Jens
//! Stoltenberg", "military expert Alexander Stepanov", "Mark Rutte, NATO's
//! Secretary General", with their time qualifiers ("then-", "former").

use super::common_words::is_common;
use super::cues::{self};
use super::lexicon::Lexicon;
#[allow(unused_imports)]
use super::names::*;
#[allow(unused_imports)]
use super::{classify::*, consistency::*};
use crate::analysis::model::{RoleAttr, RoleQualifier};
use crate::analysis::text::tokens::TokenKind;

pub(super) fn qualifier_prefix(w: &str) -> Option<(usize, RoleQualifier)> {
    for (pre, q) in [
        ("then-", RoleQualifier::Then),
        ("ex-", RoleQualifier::Former),
    ] {
        if w.len() > pre.len()
            && w.get(..pre.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(pre))
            && w.get(pre.len()..).is_some_and(starts_upper)
        {
            return Some((pre.len(), q));
        }
    }
    None
}

/// Longest title phrase starting at token `k` within `[k, end)`; returns its
/// token length. Plural titles ("Defence Ministers") count as titles too.
pub(super) fn title_at(p: &Para, k: usize, end: usize) -> usize {
    let lx = Lexicon::get();
    let strip = |t: usize| -> &str {
        let w = lower(p, t);
        match qualifier_prefix(word(p, t)) {
            Some((n, _)) => &w[n.min(w.len())..],
            None => w,
        }
    };
    // Most tokens cannot start a title: one set lookup rejects them.
    let first = strip(k);
    let first_word = first.split('-').next().unwrap_or("");
    if p.toks[k].kind != TokenKind::Word
        || !(lx.title_starts.contains(first_word)
            || first_word
                .strip_suffix('s')
                .is_some_and(|w| lx.title_starts.contains(w)))
    {
        return 0;
    }
    // Grow the phrase a token at a time; keep the longest title seen.
    let max = lx.max_title_words.min(end - k);
    let mut phrase = String::new();
    let mut best = 0;
    for t in k..k + max {
        if p.toks[t].kind != TokenKind::Word {
            break;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        for ch in strip(t).chars() {
            phrase.push(if ch == '-' { ' ' } else { ch });
        }
        if lx.titles.contains(&phrase)
            || phrase
                .strip_suffix('s')
                .is_some_and(|s| lx.titles.contains(s))
        {
            best = t + 1 - k;
        }
    }
    best
}

/// A role written before token `a` in lower case or as a separate run:
/// "military expert", "former President", "Ukrainian leader". Returns the
/// role's start offset and qualifier.
pub(super) fn leading_role(p: &Para, a: usize) -> Option<(usize, Option<RoleQualifier>)> {
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
        if is_common(l) {
            break;
        }
        s -= 1;
    }
    let mut qualifier = None;
    if s > 0 {
        qualifier = cues::qualifier(lower(p, s - 1));
    }
    if let Some((n, q)) = qualifier_prefix(word(p, s)) {
        return Some((p.toks[s].start + n, Some(q)));
    }
    Some((p.toks[s].start, qualifier))
}

/// ", [the|a] [Org['s]] Title [of Org]" right after a name.
pub(super) fn trailing_role(p: &Para, b: usize) -> Option<RoleAttr> {
    if b >= p.toks.len() || word(p, b) != "," {
        return None;
    }
    let mut k = b + 1;
    let end = (k + 8).min(p.toks.len());
    let mut qualifier = None;
    while k < end && matches!(lower(p, k), "the" | "a" | "an") {
        k += 1;
    }
    if k < end {
        if let Some(q) = cues::qualifier(lower(p, k)) {
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
            || matches!(lower(p, k), "alliance's" | "bloc's" | "country's");
        if !ok {
            return None;
        }
        k += 1;
    }
    None
}
