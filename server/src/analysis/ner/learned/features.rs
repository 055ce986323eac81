//! What the learned tagger sees of each token: the word and its
//! neighbours, its shape, what the gazetteers and the rules say about it,
//! title cues before it, and whether the document also writes it in lower
//! case. Every feature is a template number plus hashed values
//! (`learn::hash::feature`); the numbers are part of the weight format.
use rustc_hash::FxHashSet;

use super::labels::{Tag, N_TAGS};
use crate::analysis::learn::hash::{feature, hash_bytes, hash_str};
use crate::analysis::model::EntityKind;
use crate::analysis::ner::common_words::{is_common, is_english_word};
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::text::tokens::{Token, TokenKind};

/// Words that join the parts of a name ("Bank of England", "Procter &
/// Gamble", "Charles de Gaulle"): taggable between two taggable tokens.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "the", "de", "del", "della", "la", "le", "von", "van", "der", "den",
    "du", "da", "di", "al", "el", "bin", "ibn", "y", "on", "upon",
];

/// The kind index of a name kind in tags and features.
pub fn kind_slot(k: EntityKind) -> Option<u8> {
    match k {
        EntityKind::Person => Some(0),
        EntityKind::Organization => Some(1),
        EntityKind::Location => Some(2),
        _ => None,
    }
}

/// One token of a sentence, with what the rest of the recogniser knows.
#[derive(Clone, Debug)]
pub struct TokenInfo {
    pub start: usize,
    pub end: usize,
    /// Lower-case hash of the word (0 for punctuation is fine: it is a hash too).
    pub lower: u64,
    pub shape: u64,
    pub suffix: u64,
    /// The rules' tag for this token, with how sure they were (0..=3).
    pub rule: Tag,
    pub rule_conf: u8,
    /// The rules' mention came from a gazetteer name.
    pub rule_gaz: bool,
    /// Gazetteer name covering the token: kind slot, first token or not.
    pub gaz: Option<(u8, bool)>,
    pub given_name: bool,
    /// A frequent English word (lower-cased).
    pub english: bool,
    /// The document also writes this word in lower case.
    pub doc_lower: bool,
    /// The previous word is a person title ("President", "Dr.").
    pub after_title: bool,
    pub upper_start: bool,
    /// A function word ("The", "In", "I").
    pub function_word: bool,
    pub all_caps: bool,
    pub possessive: bool,
    /// The tagger may give this token a name tag; every other token is O.
    pub taggable: bool,
    /// Blocked: covered by a value or a knowledge-base name.
    pub blocked: bool,
}

/// What holds for a whole sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceFlags {
    /// A headline or a title-case / all-caps paragraph: capitals say little.
    pub title_case: bool,
    pub sports: bool,
    /// Tag the tokens inside the rules' mentions too (not a feature: how
    /// much of the sentence the tagger reads).
    pub inside_rules: bool,
}

/// Hash of the word in lower case, without allocating.
pub fn hash_lower(w: &str) -> u64 {
    if w.bytes().all(|b| !b.is_ascii_uppercase()) {
        return hash_str(w);
    }
    if w.is_ascii() {
        let mut buf = [0u8; 64];
        if w.len() <= buf.len() {
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            return hash_bytes(&buf[..w.len()]);
        }
    }
    hash_str(&w.to_lowercase())
}

/// "Xx", "XX", "X.X.", "dd", "Xx-Xx": characters as classes, runs of one
/// class cut to two.
pub fn shape(w: &str) -> u64 {
    let mut out = [0u8; 12];
    let mut n = 0;
    let mut run = 0;
    let mut last = 0u8;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if k == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        if n == out.len() {
            break;
        }
        out[n] = k;
        n += 1;
    }
    hash_bytes(&out[..n])
}

fn suffix_hash(w: &str) -> u64 {
    let start = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    hash_lower(&w[start..])
}

/// Input for [`describe`]: one sentence's tokens and what the recogniser
/// found around them.
pub struct SentenceInput<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// For each token: the rules' tag, confidence (0..=3) and gazetteer origin.
    pub rule: &'a [(Tag, u8, bool)],
    pub blocked: &'a [bool],
    /// Gazetteer hits over the sentence (byte spans, kind slot).
    pub gaz: &'a [(usize, usize, u8)],
    /// Words the document writes starting in lower case.
    pub lower_words: &'a FxHashSet<String>,
    /// Describe tokens inside the rules' mentions in full too (training);
    /// otherwise only the word features a neighbour reads are computed
    /// for them, since inference never scores them.
    pub full: bool,
}

/// Describe each token of a sentence.
pub fn describe(inp: &SentenceInput, out: &mut Vec<TokenInfo>) {
    let lx = Lexicon::get();
    out.clear();
    let mut gi = 0;
    for (i, t) in inp.toks.iter().enumerate() {
        let w = t.text(inp.text);
        let word = t.kind == TokenKind::Word;
        let upper_start = word && w.chars().next().is_some_and(|c| c.is_uppercase());
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters > 1 && w.chars().all(|c| !c.is_lowercase());
        while gi < inp.gaz.len() && inp.gaz[gi].1 <= t.start {
            gi += 1;
        }
        let gaz = inp
            .gaz
            .get(gi)
            .filter(|g| g.0 <= t.start && t.end <= g.1)
            .map(|g| (g.2, g.0 == t.start));
        let (rule, rule_conf, rule_gaz) = inp.rule[i];
        let named_like =
            upper_start || rule != Tag::O || (word && w.chars().any(char::is_uppercase));
        let scored = inp.full || rule == Tag::O;
        let (given_name, english, doc_lower, function_word) = if named_like && scored {
            let lower = w.to_lowercase();
            (
                lx.is_given_name(w),
                is_english_word(&lower),
                inp.lower_words.contains(&lower),
                is_common(&lower),
            )
        } else {
            (false, false, false, false)
        };
        let after_title = i > 0 && upper_start && scored && {
            let p = inp.toks[i - 1].text(inp.text);
            let p = p.trim_end_matches('.').to_lowercase();
            lx.titles.contains(&p)
        };
        out.push(TokenInfo {
            start: t.start,
            end: t.end,
            lower: hash_lower(w),
            shape: shape(w),
            suffix: suffix_hash(w),
            rule,
            rule_conf,
            rule_gaz,
            gaz,
            given_name,
            english,
            doc_lower,
            after_title,
            upper_start,
            function_word,
            all_caps,
            possessive: t.kind == TokenKind::Possessive,
            taggable: !inp.blocked[i] && named_like,
            blocked: inp.blocked[i],
        });
    }
    // Connectors between taggable tokens, and numbers after one ("Apollo 11").
    for i in 1..out.len() {
        if out[i].taggable || out[i].blocked || !out[i - 1].taggable {
            continue;
        }
        let t = &inp.toks[i];
        let w = t.text(inp.text);
        let next = out.get(i + 1).is_some_and(|n| n.taggable);
        let connector = (t.kind == TokenKind::Word || w == "&")
            && next
            && CONNECTORS.iter().any(|c| w.eq_ignore_ascii_case(c));
        if connector || t.kind == TokenKind::Number {
            out[i].taggable = true;
        }
    }
}

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

fn b(x: bool) -> u64 {
    x as u64
}

/// The features of token `i`, given the tags already chosen before it.
pub fn token_features(
    toks: &[TokenInfo],
    i: usize,
    prev: Tag,
    prev2: Tag,
    flags: SentenceFlags,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &toks[i];
    let at = |d: isize| -> Option<&TokenInfo> {
        let j = i as isize + d;
        (j >= 0).then(|| toks.get(j as usize)).flatten()
    };
    let low = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.lower);
    let shp = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.shape);
    let rtag = |d: isize| at(d).map_or(N_TAGS as u64, |x| x.rule as u64);
    let first = i == 0;
    let p = prev as u64;
    out.push(feature(1, &[]));
    out.push(feature(2, &[t.lower]));
    out.push(feature(3, &[low(-1)]));
    out.push(feature(4, &[low(1)]));
    out.push(feature(5, &[low(-2)]));
    out.push(feature(6, &[low(2)]));
    out.push(feature(7, &[t.shape]));
    out.push(feature(8, &[shp(-1), t.shape]));
    out.push(feature(9, &[t.shape, shp(1)]));
    out.push(feature(10, &[t.suffix]));
    out.push(feature(11, &[p]));
    out.push(feature(12, &[p, prev2 as u64]));
    out.push(feature(13, &[p, t.lower]));
    out.push(feature(
        14,
        &[t.rule as u64, t.rule_conf as u64, b(t.rule_gaz)],
    ));
    out.push(feature(15, &[rtag(-1), t.rule as u64]));
    out.push(feature(16, &[t.rule as u64, rtag(1)]));
    out.push(feature(17, &[t.rule as u64, t.shape, b(flags.title_case)]));
    out.push(feature(18, &[t.rule as u64, p]));
    match t.gaz {
        Some((k, first_tok)) => out.push(feature(19, &[k as u64, b(first_tok)])),
        None => out.push(feature(19, &[9])),
    }
    out.push(feature(
        20,
        &[b(t.given_name), b(t.english), b(t.doc_lower), b(first)],
    ));
    out.push(feature(21, &[b(first), t.shape, b(flags.title_case)]));
    out.push(feature(22, &[b(t.after_title), p]));
    out.push(feature(
        23,
        &[b(t.all_caps), b(t.english), b(flags.title_case)],
    ));
    out.push(feature(24, &[low(-1), t.lower]));
    out.push(feature(25, &[t.lower, low(1)]));
    out.push(feature(
        26,
        &[b(at(1).is_some_and(|n| n.possessive)), t.rule as u64],
    ));
    out.push(feature(27, &[b(flags.sports), t.rule as u64, low(1)]));
    out.push(feature(28, &[b(flags.sports), t.rule as u64, low(-1)]));
    out.push(feature(
        29,
        &[
            at(-1).and_then(|x| x.gaz).map_or(9, |g| g.0 as u64),
            t.gaz.map_or(9, |g| g.0 as u64),
            at(1).and_then(|x| x.gaz).map_or(9, |g| g.0 as u64),
        ],
    ));
    out.push(feature(30, &[b(t.english), b(t.doc_lower), t.rule as u64]));
}
