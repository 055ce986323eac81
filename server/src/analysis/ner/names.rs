//! Name recognition over runs of capitalised tokens.
//!
//! Per sentence: find runs of capitalised words (joined by connectors such
//! as "of" or "von der"), drop sentence-initial function words, split off a
//! role ("NATO Secretary General" + "Jens Stoltenberg"), then segment what
//! is left into gazetteer names, given-name + surname persons, and unknown
//! stretches classified by cue words. A last pass over the whole document
//! resolves bare single words against the names found ("Stoltenberg").
use rustc_hash::{FxHashMap, FxHashSet};

use super::acronyms::*;
use super::classify::*;
use super::common_words::{is_common, is_english_word};
use super::consistency::*;
use super::cues::{self, is_in};
use super::folder::{FileSummary, FolderView, OpenWord};
use super::lexicon::{GazHit, Lexicon};
use super::roles::*;
use super::runs::run;
pub(super) use super::segment::segment;
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
    /// The document reads as a report on a team sport (no tennis or golf
    /// result, whose sides are people).
    pub(super) team_sport: bool,
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

impl Pending {
    /// A name in body text that a local cue suggests is of kind `hint`.
    pub(super) fn hinted(
        start: usize,
        end: usize,
        sentence_initial: bool,
        hint: EntityKind,
    ) -> Self {
        Pending {
            start,
            end,
            sentence_initial,
            weak_person: false,
            hint: Some(hint),
            head_alias: false,
            headline: false,
        }
    }
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
    let doc_result = super::sports::reports_a_result(text, lower_words);
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
            team_sport: doc_sports,
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
        super::citations::author_citations(&mut para, &mut out);
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
            let mut sc = Scan {
                ts,
                te,
                lower_words,
                out: &mut out,
                pending: &mut pending,
            };
            sentence(&mut para, &mut sc);
            super::sports::sports_teams(
                &para,
                ts,
                te,
                (doc_sports, doc_result),
                &mut out[first_out..],
            );
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
    super::short_bodies::unbacked_bodies(text, &mut out);
    super::context::drop_term_acronyms(text, &mut out);
    complete_headline_names(text, structure, &mut out);
    super::sports::teams_throughout(text, &mut out, doc_sports || doc_result);
    acronyms_of_places(&mut out);
    super::us_states::state_abbreviations(text, &mut out);
    super::us_states::postal_codes(text, &mut out);
    super::name_edges::saint_names(text, &mut out);
    super::short_capitals::drop_short_capitals(text, &mut out);
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // Non-overlapping: keep the first (longest at a position).
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for mut c in out {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        if super::not_mentions::not_a_mention(text, &c) {
            continue;
        }
        super::context::legal_form_after_comma(text, &mut c);
        super::context::keep_abbreviation_dot(text, &mut c);
        kept.push(c);
    }
    super::name_suffixes::join_suffixes(text, &mut kept);
    super::name_lists::surname_first(text, &mut kept, lower_words);
    super::name_lists::persons_in_lists(text, &mut kept, lower_words);
    super::company::listed_with_companies(text, &mut kept);
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
    if words.len() >= 2 {
        return words.iter().filter(|w| starts_upper(w)).count() * 4 >= words.len() * 3;
    }
    // "Dayton Rallies Past Akron": too few listed words to count, but
    // every word is capitalised, and some are no known name.
    let all: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    all.len() >= 3
        && all.iter().all(|w| starts_upper(w))
        && all
            .iter()
            .any(|w| w.len() > 3 && !lx.is_given_name(w) && lx.lookup(w).is_none())
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
    w.chars().next().is_some_and(|c| c.is_uppercase()) || arabic_article(w)
}

/// "al-Sadr", "el-Sisi", "ash-Sharq": a name written with the Arabic
/// article in lower case is capitalised after it, and is a name's word.
pub(super) fn arabic_article(w: &str) -> bool {
    // Cheap tests first: this runs for every lower-case word of a text.
    let b = w.as_bytes();
    if b.len() < 4 || !matches!(b[0], b'a' | b'e' | b'u' | b'i' | b'b') {
        return false;
    }
    let Some(h) = b[..4].iter().position(|&c| c == b'-') else {
        return false;
    };
    let (article, rest) = (&w[..h], &w[h + 1..]);
    matches!(
        article,
        "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an" | "ud" | "ul" | "ibn" | "bin"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().skip(1).any(char::is_lowercase)
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
    // "US$5 billion", "AU$ 52.5 million", "HK$": a country's code glued to
    // a currency sign is part of an amount.
    if p.text[p.toks[i].end..].starts_with(['$', '£', '€', '¥']) {
        return false;
    }
    if starts_upper(w) {
        return true;
    }
    // "then-NATO", "ex-President"
    qualifier_prefix(w).is_some()
}

/// What the name readers of one sentence share, passed down as one: the
/// sentence's tokens `[ts, te)` in its paragraph, the words the document
/// also writes in lower case (a capitalised one of them opening a sentence
/// may be no name), and where candidates and undecided words go.
pub(super) struct Scan<'s> {
    pub ts: usize,
    pub te: usize,
    pub lower_words: &'s FxHashSet<String>,
    pub out: &'s mut Vec<Candidate>,
    pub pending: &'s mut Vec<Pending>,
}

pub(super) fn sentence(p: &mut Para, sc: &mut Scan) {
    let mut i = sc.ts;
    while i < sc.te {
        if !is_cap(p, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < sc.te && is_cap(p, j) {
                j += 1;
                continue;
            }
            if j + 1 < sc.te && p.toks[j].kind != TokenKind::Possessive {
                let l = lower(p, j);
                // "Banco do Brasil", "Partido dos Trabalhadores": the
                // contracted articles of Portuguese and French join a body's
                // name in its own language (not English "do").
                let foreign_of = matches!(l, "do" | "des" | "du")
                    && (i..j).any(|k| super::word_shapes::foreign_body_word(lower(p, k)));
                let conn = is_in(CONNECTORS, l)
                    || is_in(cues::NAME_PARTICLES, l)
                    || l == "&"
                    || foreign_of;
                if conn {
                    // "of the" + capitalised word
                    // "Federal Service for the Financial Markets", "Bank for
                    // the Settlement of ...": "for the" after a body's head.
                    let body_for = l == "for"
                        && (is_in(cues::ORG_HEADS, lower(p, j - 1))
                            || is_in(cues::ORG_LEADS, lower(p, j - 1)));
                    if (l == "of" || body_for)
                        && j + 2 < sc.te
                        && lower(p, j + 1) == "the"
                        && is_cap(p, j + 2)
                    {
                        j += 3;
                        continue;
                    }
                    if l != "the" && is_cap(p, j + 1) {
                        j += 2;
                        continue;
                    }
                }
            }
            // "Kessler Children's Hospital", "the Korean People's Army",
            // "Women's Health Center": a plural of people with "'s" inside a
            // body's name does not end it.
            if j + 1 < sc.te
                && (p.toks[j].kind == TokenKind::Possessive
                    || matches!(lower(p, j), "'s" | "\u{2019}s"))
                && matches!(lower(p, j - 1), "children" | "women" | "men" | "people")
                && is_cap(p, j + 1)
            {
                j += 2;
                continue;
            }
            // "St. Louis", "Ft. Worth": a known name whose abbreviation's
            // full stop would end the run; the run goes on to its end.
            if let Some(end) = super::name_edges::known_name_across(p, i, j, sc.te) {
                j = end;
                continue;
            }
            break;
        }
        run(p, i, j, sc);
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
    // "Apple Inc.": the name's full stop is a token of its own, outside
    // the run of capitalised words.
    let dot_after = end > k
        && end < p.toks.len()
        && p.toks[end].end == g.end
        && word(p, end) == "."
        && p.toks[end - 1].end == p.toks[end].start;
    let last = (k..end)
        .find(|&t| p.toks[t].end == g.end)
        .or(dot_after.then_some(end - 1))?;
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
    // "Leigh Block Museum", "Irving Independent School District": a
    // building or body named after a person is not the person.
    if j - k >= 2 && !(k + 1..j).any(|t| cues::is_in(cues::NEVER_SURNAME_HEADS, lower(p, t))) {
        j - k
    } else {
        0
    }
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
    let start = super::name_edges::leading_initial(p, a).unwrap_or(p.toks[a].start);
    let mut c = Candidate::new(start, p.toks[b - 1].end, EntityKind::Person, conf);
    c.roles = roles;
    out.push(c);
}

/// The word right before byte `at`, lower-cased ("" at the start): the
/// preposition or verb that tells a place from a team or a person.
pub(super) fn word_before(text: &str, at: usize) -> String {
    text[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase()
}

pub(super) fn next_word_lower(p: &Para, k: usize) -> Option<String> {
    let mut k = k;
    while k < p.toks.len() && matches!(word(p, k), "," | "\"" | "”" | "“") {
        k += 1;
    }
    (k < p.toks.len()).then(|| lower(p, k).to_string())
}
