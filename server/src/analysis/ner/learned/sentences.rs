//! The sentences of a document as the tagger reads them: tokens described
//! with what the gazetteers and the rules' candidates say about them.
//! Shared by inference and training, so both see exactly the same input.
use rustc_hash::FxHashSet;

use super::features::{describe, kind_slot, SentenceFlags, SentenceInput, TokenInfo};
use super::labels::Tag;
use crate::analysis::ner::common_words::{is_common, is_english_word};
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::ner::names::{is_all_caps, is_title_case};
use crate::analysis::ner::Candidate;
use crate::analysis::text::structure::DocStructure;
use crate::analysis::text::tokens::{tokenize_into, Token, TokenKind};

/// A gazetteer name's byte span and kind slot.
type GazSpan = (usize, usize, u8);

/// A document and what holds for all of it.
pub struct DocInput<'a> {
    pub text: &'a str,
    pub structure: &'a DocStructure,
    /// Words the document writes starting in lower case.
    pub lower_words: &'a FxHashSet<String>,
    /// A sports report (team names are organisations there).
    pub sports: bool,
}

/// Sentences longer than this many tokens are left to the rules (a list, a
/// table, a paragraph without full stops): their cost would grow with no
/// gain.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Which sentences [`for_each_sentence`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Every prose sentence (training, scoring).
    All,
    /// Only sentences with a capitalised word the rules left out (not a
    /// sentence-initial function word): the only places where the shipped
    /// combination can add a name. Most sentences have none, and describing
    /// them would cost as much as the rules themselves.
    WithGaps,
    /// As `WithGaps`, and also the sentences with a rule mention typed by
    /// its shape alone ([`super::GUESS_CONFIDENCE`]), read in full.
    WithGapsOrGuesses,
}

/// Call `f` with each sentence of the document's prose paragraphs, its
/// tokens described. `cands` are the rules' candidates, sorted by start.
pub fn for_each_sentence(
    doc: &DocInput,
    cands: &[Candidate],
    which: Which,
    mut f: impl FnMut(&[TokenInfo], SentenceFlags),
) {
    let lx = Lexicon::get();
    let text = doc.text;
    let mut toks: Vec<Token> = Vec::new();
    let mut infos: Vec<TokenInfo> = Vec::new();
    let mut rule: Vec<(Tag, u8, bool)> = Vec::new();
    let mut blocked: Vec<bool> = Vec::new();
    for (pi, p) in doc.structure.paragraphs.iter().enumerate() {
        if p.boilerplate {
            continue;
        }
        toks.clear();
        tokenize_into(text, p.start, p.end, &mut toks);
        if toks.is_empty() {
            continue;
        }
        // Computed for the paragraph's first sentence described.
        let mut para_info: Option<(bool, Vec<GazSpan>)> = None;
        let first = doc
            .structure
            .sentences
            .partition_point(|s| (s.paragraph as usize) < pi);
        for s in doc.structure.sentences[first..]
            .iter()
            .take_while(|s| s.paragraph as usize == pi)
        {
            let ts = toks.partition_point(|t| t.start < s.start);
            let te = toks.partition_point(|t| t.start < s.end);
            if ts >= te || te - ts > MAX_SENTENCE_TOKENS {
                continue;
            }
            let stoks = &toks[ts..te];
            let guesses = which == Which::WithGapsOrGuesses && has_guess(stoks, cands);
            if which != Which::All && !guesses && !has_gap(text, stoks, cands) {
                continue;
            }
            let (title_case, gaz) = para_info.get_or_insert_with(|| {
                let title_case =
                    (p.headline && p.end - p.start < 300 && is_title_case(text, &toks))
                        || is_all_caps(text, &toks);
                let gaz = lx
                    .find(&text[p.start..p.end])
                    .into_iter()
                    .filter(|h| !h.contextual)
                    .filter_map(|h| {
                        let slot = kind_slot(lx.entry(h.entry).kind)?;
                        Some((h.start + p.start, h.end + p.start, slot))
                    })
                    .collect();
                (title_case, gaz)
            });
            let (title_case, gaz) = (*title_case, &*gaz);
            rule_tags(stoks, cands, &mut rule, &mut blocked);
            let g0 = gaz.partition_point(|g| g.1 <= stoks[0].start);
            let inp = SentenceInput {
                text,
                toks: stoks,
                rule: &rule,
                blocked: &blocked,
                gaz: &gaz[g0..],
                lower_words: doc.lower_words,
                full: which == Which::All || guesses,
            };
            describe(&inp, &mut infos);
            let flags = SentenceFlags {
                title_case: title_case || p.headline,
                sports: doc.sports,
                inside_rules: which == Which::All || guesses,
            };
            f(&infos, flags);
        }
    }
}

/// A name mention in the sentence that the rules typed by its shape alone.
fn has_guess(toks: &[Token], cands: &[Candidate]) -> bool {
    let (s, e) = (toks[0].start, toks[toks.len() - 1].end);
    let first = cands.partition_point(|c| c.end <= s);
    cands[first..]
        .iter()
        .take_while(|c| c.start < e)
        .any(|c| c.kind.is_name() && c.kb.is_none() && c.confidence <= super::GUESS_CONFIDENCE)
}

/// A capitalised word no candidate covers that could begin a name: not a
/// function word ("The", "In"), not a title or nationality word
/// ("President", "American"), not an ordinary English word opening the
/// sentence ("Officials said").
fn has_gap(text: &str, toks: &[Token], cands: &[Candidate]) -> bool {
    let lx = Lexicon::get();
    let mut ci = cands.partition_point(|c| c.end <= toks[0].start);
    let mut buf = [0u8; 24];
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        while ci < cands.len() && cands[ci].end <= t.start {
            ci += 1;
        }
        if cands.get(ci).is_some_and(|c| c.start <= t.start) {
            continue;
        }
        let w = t.text(text);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if w.len() > buf.len() || !w.is_ascii() {
            return true;
        }
        for (d, s) in buf.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let Ok(l) = std::str::from_utf8(&buf[..w.len()]) else {
            return true;
        };
        let ordinary = is_common(l)
            || lx.titles.contains(l)
            || lx.demonyms.contains_key(l)
            || (i == 0 && is_english_word(l));
        if !ordinary {
            return true;
        }
    }
    false
}

/// The rules' tag, confidence and gazetteer origin of each token, and
/// which tokens are taken by values or knowledge-base names.
fn rule_tags(
    toks: &[Token],
    cands: &[Candidate],
    rule: &mut Vec<(Tag, u8, bool)>,
    blocked: &mut Vec<bool>,
) {
    rule.clear();
    blocked.clear();
    let mut ci = cands.partition_point(|c| c.end <= toks[0].start);
    let mut open: Option<usize> = None;
    for t in toks {
        while ci < cands.len() && cands[ci].end <= t.start {
            ci += 1;
        }
        let c = cands
            .get(ci)
            .filter(|c| c.start <= t.start && t.end <= c.end);
        match c {
            Some(c) if c.kb.is_none() && kind_slot(c.kind).is_some() => {
                let slot = kind_slot(c.kind).unwrap_or(0);
                let inside = open == Some(ci);
                open = Some(ci);
                let conf = (c.confidence * 4.0).clamp(0.0, 3.0) as u8;
                rule.push((Tag::of(slot, inside), conf, c.gaz.is_some()));
                blocked.push(false);
            }
            Some(_) => {
                open = None;
                rule.push((Tag::O, 0, false));
                blocked.push(true);
            }
            None => {
                open = None;
                rule.push((Tag::O, 0, false));
                blocked.push(false);
            }
        }
    }
}
