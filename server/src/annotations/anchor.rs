//! Anchoring annotations to text that changes, after Hypothesis and the W3C
//! Web Annotation selectors.
//!
//! A [`Target`] stores the quote, 32 characters of context either side, a
//! code-point position hint and a hash. [`anchor`] places it in the current
//! text: at the hinted position if the quote is still there; else the exact
//! occurrence that best fits the context and hint; else a fuzzy match of
//! bounded edit distance near the hint or near exact hits of the context.
//! Candidates are scored like Hypothesis (quote 50, prefix 20, suffix 20,
//! position 2) but, unlike Hypothesis, a candidate below [`MIN_SCORE`] is
//! refused: a wrong placement is worse than an orphan, and orphans are kept.
use std::ops::Range;

use super::model::Target;

/// Characters of context stored either side of a quote.
pub const CONTEXT_CHARS: usize = 32;
/// Lowest combined score (0..=1) at which a candidate is accepted.
pub const MIN_SCORE: f32 = 0.6;
/// Lowest quote similarity for a fuzzy match, whatever the context says:
/// good context must not carry a different quote.
pub const MIN_QUOTE_SIMILARITY: f32 = 0.75;
/// Quotes longer than this (in characters) are only placed exactly.
pub const MAX_FUZZY_QUOTE: usize = 2000;
/// Characters searched either side of the hint for a fuzzy match.
const HINT_WINDOW: usize = 2000;
/// Exact hits of prefix/suffix examined for fuzzy windows.
const MAX_CONTEXT_HITS: usize = 16;
/// Exact hits of the quote examined (a one-letter quote in a long text).
const MAX_EXACT_HITS: usize = 10_000;

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hash written into `Target::hash` and dismissal keys. Not a security
/// measure: it only notices accidental edits.
pub fn content_hash(s: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(s.as_bytes()))
}

/// Hash of a quote with its context, keying dismissed diagnostics by content.
pub fn context_hash(prefix: &str, quote: &str, suffix: &str) -> String {
    content_hash(&format!("{prefix}\u{1f}{quote}\u{1f}{suffix}"))
}

/// Code point <-> byte conversion for one text, with a checkpoint every 256
/// characters so many lookups in a long text stay cheap.
pub struct CharIndex<'a> {
    text: &'a str,
    /// (char offset, byte offset) every `STEP` characters.
    marks: Vec<(usize, usize)>,
    chars: usize,
}

const STEP: usize = 256;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut marks = vec![(0, 0)];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            if n > 0 && n % STEP == 0 {
                marks.push((n, b));
            }
            n += 1;
        }
        CharIndex {
            text,
            marks,
            chars: n,
        }
    }

    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of code point `cp` (clamped to the end).
    pub fn byte(&self, cp: usize) -> usize {
        if cp >= self.chars {
            return self.text.len();
        }
        let (c0, b0) = self.marks[cp / STEP];
        match self.text[b0..].char_indices().nth(cp - c0) {
            Some((b, _)) => b0 + b,
            None => self.text.len(),
        }
    }

    /// Code point index of byte offset `b` (rounded down to a char boundary).
    pub fn cp(&self, b: usize) -> usize {
        let mut b = b.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        let i = self.marks.partition_point(|m| m.1 <= b) - 1;
        let (c0, b0) = self.marks[i];
        c0 + self.text[b0..b].chars().count()
    }
}

fn floor_boundary(text: &str, mut b: usize) -> usize {
    b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Up to `n` characters of `text` ending at byte `b`.
fn chars_before(text: &str, b: usize, n: usize) -> &str {
    let start = text[..b]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    if n == 0 {
        ""
    } else {
        &text[start..b]
    }
}

/// Up to `n` characters of `text` starting at byte `b`.
fn chars_after(text: &str, b: usize, n: usize) -> &str {
    let end = text[b..]
        .char_indices()
        .nth(n)
        .map(|(i, _)| b + i)
        .unwrap_or(text.len());
    &text[b..end]
}

/// The selector for byte span `span` of `text` (snapped to char boundaries).
pub fn target_for(text: &str, span: Range<usize>) -> Target {
    let idx = CharIndex::new(text);
    target_with(text, &idx, span)
}

pub fn target_with(text: &str, idx: &CharIndex, span: Range<usize>) -> Target {
    let s = floor_boundary(text, span.start);
    let e = floor_boundary(text, span.end.max(s));
    let quote = &text[s..e];
    Target {
        quote: quote.to_string(),
        prefix: chars_before(text, s, CONTEXT_CHARS).to_string(),
        suffix: chars_after(text, e, CONTEXT_CHARS).to_string(),
        start: idx.cp(s) as u64,
        end: idx.cp(e) as u64,
        hash: content_hash(quote),
        extra: Default::default(),
    }
}

/// Quote and context hash that key a dismissed diagnostic at `span`.
pub fn dismissal_key(text: &str, span: Range<usize>) -> (String, String) {
    let t = target_for(text, span);
    let h = context_hash(&t.prefix, &t.quote, &t.suffix);
    (t.quote, h)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The quote is still at the stored position.
    Position,
    /// The quote was found elsewhere, unchanged.
    Exact,
    /// Text close to the quote was found (see `score`).
    Fuzzy,
}

/// Where a target sits in the current text (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub start: usize,
    pub end: usize,
    pub method: Method,
    /// 0..=1, 1 for a match at the stored position.
    pub score: f32,
}

/// Why a target could not be placed.
#[derive(Clone, Debug, PartialEq)]
pub enum OrphanReason {
    EmptyQuote,
    /// Neither the quote nor anything near enough was found.
    NotFound,
    /// The best candidate scored below [`MIN_SCORE`].
    BelowThreshold {
        best: f32,
    },
    /// The source file is gone (deleted or renamed).
    SourceMissing,
}

impl std::fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OrphanReason::EmptyQuote => write!(f, "the annotation has an empty quote"),
            OrphanReason::NotFound => write!(f, "the quoted text is no longer in the source"),
            OrphanReason::BelowThreshold { best } => write!(
                f,
                "the closest text scores {best:.2}, under the minimum {MIN_SCORE:.2}"
            ),
            OrphanReason::SourceMissing => {
                write!(f, "the source file is missing (deleted or renamed)")
            }
        }
    }
}

pub type Anchoring = Result<Placed, OrphanReason>;

/// Place `t` in `text`.
pub fn anchor(text: &str, t: &Target) -> Anchoring {
    anchor_with(text, &CharIndex::new(text), t)
}

/// As [`anchor`], reusing a [`CharIndex`] across the targets of one text.
pub fn anchor_with(text: &str, idx: &CharIndex, t: &Target) -> Anchoring {
    let quote = t.quote.as_str();
    if quote.is_empty() {
        return Err(OrphanReason::EmptyQuote);
    }
    // A hand-edited position may be anything: clamp it to the text.
    let hint = usize::try_from(t.start)
        .unwrap_or(usize::MAX)
        .min(idx.char_len());
    let s = idx.byte(hint);
    if text[s..].starts_with(quote) {
        return Ok(Placed {
            start: s,
            end: s + quote.len(),
            method: Method::Position,
            score: 1.0,
        });
    }
    let ctx = Context {
        text,
        idx,
        t,
        hint,
        total: idx.char_len().max(1),
    };
    // Exact hits, best context first; the hint breaks ties.
    let mut best: Option<(f32, usize)> = None;
    for (b, _) in text.match_indices(quote).take(MAX_EXACT_HITS) {
        let sc = ctx.score(b, b + quote.len(), 1.0);
        if best.is_none_or(|(bs, _)| sc > bs) {
            best = Some((sc, b));
        }
    }
    if let Some((sc, b)) = best {
        if sc >= MIN_SCORE {
            return Ok(Placed {
                start: b,
                end: b + quote.len(),
                method: Method::Exact,
                score: sc,
            });
        }
    }
    let exact_best = best.map(|b| b.0);
    match fuzzy(&ctx) {
        Some(p) if p.score >= MIN_SCORE => Ok(p),
        Some(p) => Err(OrphanReason::BelowThreshold {
            best: p.score.max(exact_best.unwrap_or(0.0)),
        }),
        None => match exact_best {
            Some(best) => Err(OrphanReason::BelowThreshold { best }),
            None => Err(OrphanReason::NotFound),
        },
    }
}

struct Context<'a> {
    text: &'a str,
    idx: &'a CharIndex<'a>,
    t: &'a Target,
    hint: usize,
    total: usize,
}

impl Context<'_> {
    /// Hypothesis' weighting: quote 50, prefix 20, suffix 20, position 2.
    fn score(&self, s: usize, e: usize, quote_sim: f32) -> f32 {
        let (p, x) = (&self.t.prefix, &self.t.suffix);
        let before = chars_before(self.text, s, p.chars().count());
        let after = chars_after(self.text, e, x.chars().count());
        let ps = similarity(p, before);
        let xs = similarity(x, after);
        let cp = self.idx.cp(s);
        let pos = 1.0 - (cp.abs_diff(self.hint) as f32 / self.total as f32).min(1.0);
        (50.0 * quote_sim + 20.0 * ps + 20.0 * xs + 2.0 * pos) / 92.0
    }
}

/// 1 - edit distance / longer length (1 for two empty strings).
pub fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    1.0 - levenshtein(&a, &b) as f32 / n as f32
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Fuzzy search in windows near the hint and near exact hits of the
/// context; the best-scoring candidate, if any is within the error bound.
fn fuzzy(ctx: &Context) -> Option<Placed> {
    let pat: Vec<char> = ctx.t.quote.chars().collect();
    let m = pat.len();
    if m > MAX_FUZZY_QUOTE {
        return None;
    }
    let max_err = (m / 4).max(1);
    if max_err >= m {
        // A one-character quote with one error matches anything.
        return None;
    }
    let total = ctx.idx.char_len();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let reach = m + max_err + HINT_WINDOW;
    windows.push((
        ctx.hint.saturating_sub(reach),
        (ctx.hint + reach).min(total),
    ));
    let span = m + max_err;
    for (needle, after) in [(&ctx.t.prefix, true), (&ctx.t.suffix, false)] {
        if needle.chars().count() < 8 {
            continue;
        }
        let mut hits: Vec<usize> = ctx
            .text
            .match_indices(needle.as_str())
            .map(|(b, _)| ctx.idx.cp(b))
            .take(1000)
            .collect();
        hits.sort_by_key(|&c| c.abs_diff(ctx.hint));
        for c in hits.into_iter().take(MAX_CONTEXT_HITS) {
            let w = if after {
                let s = c + needle.chars().count();
                (s, (s + span).min(total))
            } else {
                (c.saturating_sub(span), c)
            };
            windows.push(w);
        }
    }
    let mut best: Option<Placed> = None;
    for (ws, we) in windows {
        if we <= ws {
            continue;
        }
        let (bs, be) = (ctx.idx.byte(ws), ctx.idx.byte(we));
        let win: Vec<char> = ctx.text[bs..be].chars().collect();
        for (s, e, err) in sellers(&pat, &win, max_err) {
            let q = 1.0 - err as f32 / m as f32;
            if q < MIN_QUOTE_SIMILARITY {
                continue;
            }
            let (sb, eb) = (ctx.idx.byte(ws + s), ctx.idx.byte(ws + e));
            if sb == eb {
                continue;
            }
            let sc = ctx.score(sb, eb, q);
            if best.as_ref().is_none_or(|b| sc > b.score) {
                best = Some(Placed {
                    start: sb,
                    end: eb,
                    method: Method::Fuzzy,
                    score: sc,
                });
            }
        }
    }
    best
}

/// Approximate matches of `pat` in `text` (Sellers' semi-global edit
/// distance): `(start, end, errors)` in chars of `text`, at most `k` errors.
/// Only the lowest-error candidates are returned (at most 64), as the rest
/// would lose on the quote score anyway.
fn sellers(pat: &[char], text: &[char], k: usize) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    // Column over the pattern: (cost, start in text).
    let mut prev: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut cur = prev.clone();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for j in 1..=text.len() {
        cur[0] = (0, j);
        for i in 1..=m {
            let diag = prev[i - 1];
            let sub = (diag.0 + usize::from(pat[i - 1] != text[j - 1]), diag.1);
            let del = (cur[i - 1].0 + 1, cur[i - 1].1);
            let ins = (prev[i].0 + 1, prev[i].1);
            // Prefer the later start on ties: shorter matches, no stray
            // leading characters.
            let mut b = sub;
            for c in [ins, del] {
                if c.0 < b.0 || (c.0 == b.0 && c.1 > b.1) {
                    b = c;
                }
            }
            cur[i] = b;
        }
        let (cost, start) = cur[m];
        if cost <= k {
            found.push((start, j, cost));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    found.sort_by_key(|&(s, e, c)| (c, s, e));
    found.truncate(64);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_round_trips() {
        let t = "Kyiv ¿Qué? 🙂 e\u{301} end".repeat(40);
        let idx = CharIndex::new(&t);
        for (cp, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(idx.byte(cp), b);
            assert_eq!(idx.cp(b), cp);
        }
        assert_eq!(idx.byte(idx.char_len()), t.len());
    }

    #[test]
    fn places_by_position_exact_and_fuzzy() {
        let old = "In Brussels, Jens Stoltenberg said the Alliance would grow.";
        let s = old.find("Jens").unwrap();
        let t = target_for(old, s..s + "Jens Stoltenberg".len());
        assert_eq!(anchor(old, &t).unwrap().method, Method::Position);
        let moved = format!("Yesterday. {old}");
        let p = anchor(&moved, &t).unwrap();
        assert_eq!(p.method, Method::Exact);
        assert_eq!(&moved[p.start..p.end], "Jens Stoltenberg");
        let typo = moved.replace("Stoltenberg", "Stoltenburg");
        let p = anchor(&typo, &t).unwrap();
        assert_eq!(p.method, Method::Fuzzy);
        assert_eq!(&typo[p.start..p.end], "Jens Stoltenburg");
        let gone = "A different story about the weather in Oslo entirely.";
        assert!(anchor(gone, &t).is_err());
    }
}
