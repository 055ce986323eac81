//! Name recognition over runs of capitalised tokens.
//!
//! Per sentence: find runs of capitalised words (joined by connectors such
//! as "of" or "von der"), drop sentence-initial function words, split off a
//! role ("NATO Secretary General" + "Jens Stoltenberg"), then segment what
//! is left into gazetteer names, given-name + surname persons, and unknown
//! stretches classified by cue words. A last pass over the whole document
//! resolves bare single words against the names found ("Stoltenberg").
use rustc_hash::{FxHashMap, FxHashSet};

use super::classify::*;
use super::common_words::{is_common, is_english_word};
use super::consistency::*;
use super::cues::{self, is_in};
use super::folder::{FileSummary, FolderView, OpenWord};
use super::lexicon::{GazHit, Lexicon};
use super::roles::*;
use super::values::{find_values, ValueMatch};
use super::Candidate;
use crate::analysis::model::{EntityKind, RoleAttr};
use crate::analysis::overrides::{KbHit, Overrides};
use crate::analysis::text::structure::DocStructure;
use crate::analysis::text::tokens::{tokenize_into, Token, TokenKind};

pub(super) const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&", "the"];

pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Token>,
    /// Each token in lower case.
    pub(super) lowers: Vec<String>,
    /// Token covered by a value mention (dates, money) or already claimed.
    pub(super) blocked: Vec<bool>,
    pub(super) gaz: Vec<GazHit>,
    /// Index of the first gazetteer hit starting at or after a token start.
    pub(super) gaz_at: FxHashMap<usize, usize>,
    pub(super) title_case: bool,
}

/// A single capitalised word not yet classified: kept only if the document
/// names something with that word elsewhere.
pub(super) struct Pending {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence_initial: bool,
    pub(super) weak_person: bool,
    /// The kind a local cue suggests when the document does not decide.
    pub(super) hint: Option<EntityKind>,
    /// "the Church", "the Agency": a head word standing for the one
    /// organisation of the document whose name contains it.
    pub(super) head_alias: bool,
    /// In a headline (any word may be capitalised there).
    pub(super) headline: bool,
}

pub fn recognize(
    text: &str,
    structure: &DocStructure,
    kb_hits: &[KbHit],
    overrides: &Overrides,
    folder: &FolderView,
    lower_words: &FxHashSet<String>,
) -> (Vec<Candidate>, FileSummary, Vec<OpenWord>) {
    let lx = Lexicon::get();
    let doc_sports = super::is_sports_doc(lower_words);
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
            block_range(&toks, &mut blocked, v.start, v.end);
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
        let mut gaz_at = FxHashMap::default();
        for (gi, g) in gaz.iter().enumerate() {
            gaz_at.entry(g.start).or_insert(gi);
        }
        // Headlines in title case, and text in capitals, capitalise words
        // that are no names: they are read through the lexicons and what
        // the document and folder know, not by their case.
        let title_case = (p.headline && p.end - p.start < 300 && is_title_case(text, &toks))
            || is_all_caps(text, &toks);
        let lowers = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        let mut para = Para {
            text,
            lowers,
            toks,
            blocked,
            gaz,
            gaz_at,
            title_case,
        };
        // Names from the workspace's knowledge base come first.
        let first_kb = kb_hits.partition_point(|h| h.start < p.start);
        for h in kb_hits[first_kb..].iter().take_while(|h| h.end <= p.end) {
            let mut c = Candidate::new(h.start, h.end, overrides.kb_entity(h.entity).kind, 1.0);
            c.kb = Some(h.entity);
            out.push(c);
            block_range(&para.toks, &mut para.blocked, h.start, h.end);
        }
        glued_hits(&mut para, &mut out);
        lowercase_hits(&mut para, &mut out);
        quoted_expansions(&mut para, &mut out);
        let first = structure
            .sentences
            .partition_point(|s| (s.paragraph as usize) < pi);
        for s in structure.sentences[first..]
            .iter()
            .take_while(|s| s.paragraph as usize == pi)
        {
            let ts = para.toks.partition_point(|t| t.start < s.start);
            let te = para.toks.partition_point(|t| t.start < s.end);
            let before = pending.len();
            let first_out = out.len();
            sentence(&mut para, ts, te, lower_words, &mut out, &mut pending);
            super::context::sports_teams(&para, ts, te, doc_sports, &mut out[first_out..]);
            if para.title_case || p.headline {
                for pd in &mut pending[before..] {
                    pd.headline = true;
                }
            }
        }
    }
    let mut open_words = Vec::new();
    let summary = resolve_pending(
        text,
        &mut out,
        pending,
        folder,
        lower_words,
        &mut open_words,
    );
    super::context::surnames_over_places(text, &mut out);
    super::context::drop_term_acronyms(text, &mut out);
    complete_headline_names(text, structure, &mut out);
    super::context::teams_throughout(text, &mut out, doc_sports);
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // Non-overlapping: keep the first (longest at a position).
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for mut c in out {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        if super::context::not_a_mention(text, &c) {
            continue;
        }
        super::context::keep_abbreviation_dot(text, &mut c);
        kept.push(c);
    }
    (kept, summary, open_words)
}

/// Mark the tokens overlapping `[start, end)` as taken (tokens are sorted,
/// so this is a binary search, not a scan).
pub(super) fn block_range(toks: &[Token], blocked: &mut [bool], start: usize, end: usize) {
    let first = toks.partition_point(|t| t.end <= start);
    for (ti, t) in toks.iter().enumerate().skip(first) {
        if t.start >= end {
            break;
        }
        blocked[ti] = true;
    }
}

/// Headline-style capitalisation ("NATO Wants to Take Over Arms
/// Supplies"): most ordinary English words are capitalised. Names are left
/// out of the count, so a sentence-case headline full of names is not
/// mistaken for one.
pub(super) fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let lx = Lexicon::get();
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.len() > 3 && !lx.is_given_name(w) && lx.lookup(w).is_none())
        .filter(|w| is_english_word(&w.to_lowercase()))
        .collect();
    words.len() >= 2 && words.iter().filter(|w| starts_upper(w)).count() * 4 >= words.len() * 3
}

/// Text written in capitals: four or more words, nearly all letters upper case.
pub(super) fn is_all_caps(text: &str, toks: &[Token]) -> bool {
    let (mut upper, mut letters, mut words) = (0usize, 0usize, 0usize);
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        for c in t.text(text).chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += c.is_uppercase() as usize;
        }
    }
    words >= 4 && letters >= 12 && upper * 10 >= letters * 9
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn word<'a>(p: &Para<'a>, i: usize) -> &'a str {
    p.toks[i].text(p.text)
}

/// The token in lower case (computed once per paragraph).
pub(super) fn lower<'a>(p: &'a Para, i: usize) -> &'a str {
    &p.lowers[i]
}

/// A token that can be part of a name run.
pub(super) fn is_cap(p: &Para, i: usize) -> bool {
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

pub(super) fn sentence(
    p: &mut Para,
    ts: usize,
    te: usize,
    lower_words: &FxHashSet<String>,
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
                let conn = is_in(CONNECTORS, l) || is_in(cues::NAME_PARTICLES, l) || l == "&";
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

/// Gazetteer hit starting exactly at token `k` and ending on a token end
/// within `[k, end)`: (hit index, token length).
pub(super) fn gaz_at(p: &Para, k: usize, end: usize) -> Option<(usize, usize)> {
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
pub(super) fn given_name_person(p: &Para, k: usize, end: usize) -> usize {
    let lx = Lexicon::get();
    if !lx.is_given_name(word(p, k)) || k + 1 >= end {
        return 0;
    }
    let mut j = k + 1;
    while j < end && j - k < 5 {
        let l = lower(p, j);
        if is_in(cues::NAME_PARTICLES, l) && j + 1 < end {
            j += 1;
            continue;
        }
        if !starts_upper(word(p, j)) || is_common(l) || title_at(p, j, end) > 0 {
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
pub(super) fn run(
    p: &mut Para,
    mut a: usize,
    b: usize,
    ts: usize,
    te: usize,
    lower_words: &FxHashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
) {
    let lx = Lexicon::get();
    // "Jake Sullivan and Jens Stoltenberg": "and" joins two names, not one,
    // unless the whole is an organisation or a known name spans it.
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| lower(p, k) == "and") {
        let spanned = p
            .gaz
            .iter()
            .any(|g| g.start < p.toks[k].start && p.toks[k].end < g.end);
        let whole_known =
            |x: usize, y: usize| y > x && gaz_at(p, x, y).is_some_and(|(_, n)| n == y - x);
        if !spanned && (!org_shaped(p, a, b) || whole_known(a, k) || whole_known(k + 1, b)) {
            run(p, a, k, ts, te, lower_words, out, pending);
            run(p, k + 1, b, ts, te, lower_words, out, pending);
            return;
        }
    }
    if p.title_case {
        // Headline capitals and text in capitals: no titles, cues or name
        // shapes to read, only known names; the rest waits for the
        // document and folder passes.
        segment(p, a, b, ts, te, lower_words, out, pending, false);
        return;
    }
    // "Alvin Yeung of Civic Party": a person's name, then the body they
    // belong to, is two names.
    if let Some(k) = (a + 2..b.saturating_sub(1)).find(|&k| lower(p, k) == "of") {
        let person_like = lx.is_given_name(word(p, a))
            && k - a <= 3
            && (a..k).all(|t| {
                let w = lower(p, t);
                starts_upper(word(p, t))
                    && !is_in(cues::ORG_HEADS, w)
                    && !is_in(cues::ORG_LEADS, w)
                    && title_at(p, t, k) == 0
                    && gaz_at(p, t, k).is_none()
            });
        if person_like {
            run(p, a, k, ts, te, lower_words, out, pending);
            run(p, k + 1, b, ts, te, lower_words, out, pending);
            return;
        }
    }
    let mut person_cue = false;
    // Honorific right before the run: "Mr. Smith".
    if a >= 1 && is_in(cues::HONORIFICS, lower(p, a - 1).trim_end_matches('.')) {
        person_cue = true;
    }
    if a >= 2 && word(p, a - 1) == "." && is_in(cues::HONORIFICS, lower(p, a - 2)) {
        person_cue = true;
    }
    // Strip leading honorifics, qualifiers and function words.
    let mut run_qualifier = None;
    while a < b {
        let l = lower(p, a);
        if b - a > 1 {
            if let Some(q) = cues::qualifier(l) {
                if l != "new" {
                    run_qualifier = Some(q);
                    a += 1;
                    continue;
                }
            }
        }
        if is_in(cues::HONORIFICS, l) {
            person_cue = true;
            a += 1;
            continue;
        }
        // "LA Weekly": a particle in capitals is an abbreviation.
        let caps = word(p, a).len() > 1 && word(p, a).chars().all(|c| !c.is_lowercase());
        let conn = !caps && (is_in(CONNECTORS, l) || is_in(cues::NAME_PARTICLES, l));
        // "Al Jazeera": a particle that starts a known name stays; so does
        // one that is a given name ("Ben Chan").
        let starts_known = gaz_at(p, a, b).is_some()
            || (b - a > 1 && starts_upper(word(p, a)) && lx.is_given_name(word(p, a)));
        if (conn && !starts_known)
            || (is_common(l) && gaz_at(p, a, b).is_none() && !lx.is_given_name(word(p, a)))
        {
            a += 1;
            continue;
        }
        break;
    }
    // Trailing connectors.
    let mut b = b;
    while b > a && {
        let l = lower(p, b - 1);
        is_in(CONNECTORS, l) || is_in(cues::NAME_PARTICLES, l)
    } {
        b -= 1;
    }
    if a >= b {
        return;
    }

    // A known name covering the whole run wins over any title word in it
    // ("General Motors", "Prime Video").
    if gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a) {
        segment(p, a, b, ts, te, lower_words, out, pending, false);
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
    // Names inside a title are mentions too ("NATO Secretary General",
    // "US President"), even when the title list spells them out.
    if let Some(ft) = first_title {
        let role_toks_end = role_end.unwrap_or(b);
        let (rs, re_) = (p.toks[ft].start, p.toks[role_toks_end - 1].end);
        for g in p
            .gaz
            .iter()
            .filter(|g| !g.contextual && g.start >= rs && g.end <= re_)
        {
            let mut c = Candidate::new(g.start, g.end, lx.entry(g.entry).kind, 0.9);
            c.gaz = Some(g.entry);
            out.push(c);
        }
    }
    let lead_role = leading_role(p, a);
    // "President of the United States": what follows a title after "of"
    // completes the role; there is no name.
    if let Some(re) = role_end {
        if matches!(lower(p, re), "of" | "for" | "to" | "on") {
            let ft = first_title.unwrap_or(a);
            if ft > a {
                segment(p, a, ft, ts, te, lower_words, out, pending, false);
            }
            segment(p, re + 1, b, ts, te, lower_words, out, pending, false);
            return;
        }
    }
    // "General Motors", "Commercial Airplanes Division": the words after
    // a title-like word name an organisation, not a person.
    if let (Some(re), Some(ft)) = (role_end, first_title) {
        let last = lower(p, b - 1);
        if ft == a && last.split('-').any(|x| is_in(cues::ORG_HEADS, x)) {
            segment(p, a, b, ts, te, lower_words, out, pending, false);
            return;
        }
        let _ = re;
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
            // A lower-case qualifier right before the run: "former NATO
            // Secretary General Jens Stoltenberg".
            None => (
                p.toks[a].start,
                (a > 0 && p.toks[a - 1].kind == TokenKind::Word)
                    .then(|| cues::qualifier(lower(p, a - 1)))
                    .flatten(),
            ),
        };
        if let Some((_, q)) = qualifier_prefix(word(p, a)) {
            qualifier = Some(q);
        }
        qualifier = qualifier.or(run_qualifier);
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
    if let (Some(ft), None) = (first_title, role_end) {
        // Only titles ("Defence Ministers", "President"): no entity, but the
        // modifiers before them may be ("NATO Defence Ministers").
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
        // The name stops at a connector: "legislator Ann Chiang | of DAB".
        let name_end = (a..b)
            .find(|&k| is_in(CONNECTORS, lower(p, k)))
            .unwrap_or(b);
        let n = name_end - a;
        if (1..=4).contains(&n) && gaz_at(p, a, name_end).is_none_or(|(_, gl)| gl < n) {
            person(p, a, name_end, vec![role], 0.9, out);
            if name_end + 1 < b {
                segment(p, name_end + 1, b, ts, te, lower_words, out, pending, false);
            }
            return;
        }
    }
    segment(p, a, b, ts, te, lower_words, out, pending, person_cue);
}

/// Emit a person over tokens `[a, b)`, with its roles and any role written
/// after it ("Mark Rutte, NATO's Secretary General").
pub(super) fn person(
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

/// Split `[a, b)` into gazetteer names, given-name persons and unknown
/// stretches, and classify each.
#[allow(clippy::too_many_arguments)]
pub(super) fn segment(
    p: &mut Para,
    a: usize,
    b: usize,
    ts: usize,
    te: usize,
    lower_words: &FxHashSet<String>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<Pending>,
    person_cue: bool,
) {
    let lx = Lexicon::get();
    if person_cue {
        person(p, a, b, Vec::new(), 0.9, out);
        return;
    }
    if !p.title_case && org_shaped(p, a, b) {
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        let whole_gaz = gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a);
        if !whole_gaz {
            parenthetical_acronym(p, b, s, out);
            let mut c = Candidate::new(s, e, EntityKind::Organization, 0.8);
            // "Apple Computer", "Boeing Commercial Airplanes": a known
            // organisation's name with a company head is that organisation.
            if let Some((gi, _)) = gaz_at(p, a, b) {
                let hit = p.gaz[gi];
                let last = lower(p, b - 1).trim_end_matches('.');
                let company_form = matches!(
                    last,
                    "computer"
                        | "computers"
                        | "motor"
                        | "motors"
                        | "company"
                        | "corporation"
                        | "inc"
                        | "corp"
                        | "ltd"
                        | "llc"
                        | "co"
                        | "plc"
                        | "holdings"
                        | "airplanes"
                        | "aircraft"
                        | "ag"
                        | "gmbh"
                        | "sa"
                );
                if company_form
                    && !hit.contextual
                    && lx.entry(hit.entry).kind == EntityKind::Organization
                {
                    c.gaz = Some(hit.entry);
                }
            }
            out.push(c);
            return;
        }
    }
    // Longest name first: a place inside a longer name is not a mention.
    if !p.title_case {
        if let Some(kind) = super::context::place_in_name(p, a, b, ts) {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            parenthetical_acronym(p, b, s, out);
            out.push(Candidate::new(s, e, kind, 0.8));
            return;
        }
    }
    let mut k = a;
    let mut unknown_start = None;
    while k < b {
        let l = lower(p, k);
        let is_conn = is_in(CONNECTORS, l) && !starts_upper(word(p, k));
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
                // "the newspaper Express": a cue noun confirms a word-like alias.
                let cue = (k > 0).then(|| lower(p, k - 1));
                let confirmed = cue.is_some_and(|w| match c.kind {
                    EntityKind::Organization => is_in(cues::ORG_INTRO, w),
                    EntityKind::Location => is_in(cues::PLACE_INTRO, w),
                    _ => false,
                });
                c.contextual = hit.contextual && !confirmed;
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

pub(super) fn next_word_lower(p: &Para, k: usize) -> Option<String> {
    let mut k = k;
    while k < p.toks.len() && matches!(word(p, k), "," | "\"" | "”" | "“") {
        k += 1;
    }
    (k < p.toks.len()).then(|| lower(p, k).to_string())
}
