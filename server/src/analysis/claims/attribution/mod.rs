//! Who says so: attribution cues in a sentence ("according to X", "X said",
//! "reported by X", "X, citing Y", "notes a Reuters source") and their scope
//! (the sentence, the paragraph an "According to X," opens, or the whole
//! document a "This was reported by Reuters" declares).
//!
//! Sources are read as a reader would: "the agency" and "the publication"
//! resolve to the outlet named before, "he" to the person quoted before,
//! "this information" to the chain that introduced it. Chains are kept outer
//! first: the outlet that relays, then whom it cites.
use serde::{Deserialize, Serialize};

mod parsed;
mod participle;
mod phrase;
mod sentence;
mod verb;

use super::cues::*;
pub use super::sources::Context;
use super::sources::Memory;
use super::words::words;
use crate::analysis::model::EntityKind;
use sentence::{find_in_sentence, Found};
pub(super) use verb::people_plural;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Named,
    Anonymous,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub start: usize,
    pub end: usize,
    /// As written ("the publication", "sources in diplomatic circles").
    pub text: String,
    /// Display name after resolution ("Handelsblatt" for "the publication").
    pub name: String,
    pub kind: SourceKind,
    /// A news outlet (relays reports) rather than a person or body on record.
    pub outlet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    Paragraph,
    Document,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub sentence: u32,
    pub paragraph: u32,
    /// The cue words ("according to", "reported by", "said").
    pub cue_start: usize,
    pub cue_end: usize,
    /// Outer first: "Eviralnews, citing NTV" is [Eviralnews, NTV].
    pub chain: Vec<Source>,
    pub scope: Scope,
    /// "This was reported by X": also covers the sentences before it.
    pub backward: bool,
    /// The sentence says nothing but who reported it.
    pub only_attribution: bool,
}

impl Attribution {
    /// Rests only on anonymous sources: nobody on record, the origin unnamed
    /// (outlets that relay do not count as being on record for the fact).
    pub fn anonymous_only(&self) -> bool {
        self.chain
            .last()
            .is_some_and(|s| s.kind == SourceKind::Anonymous)
            && self
                .chain
                .iter()
                .all(|s| s.kind == SourceKind::Anonymous || s.outlet)
    }
}

/// Does the sentence say nothing but who reported it?
fn only_attribution(cx: &Context, a: usize, b: usize, f: &Found) -> bool {
    let mut n = 0;
    for w in words(cx.text, a, b) {
        let l = w.text.to_lowercase();
        let in_src = f
            .chain
            .iter()
            .any(|(_, _, s)| s.start <= w.start && w.end <= s.end);
        // Dates around a report ("on December 17") say when it was
        // reported; amounts and counts ("revenue of £1.9bn") and names
        // outside the source are content.
        let in_val = cx
            .doc
            .mention_at(w.start)
            .is_some_and(|m| cx.doc.mentions[m].kind == EntityKind::Date);
        if in_src || in_val || super::words::is_stopword(&l) || is_verb(&l) || in_prefix_cue(&l) {
            continue;
        }
        let in_name = cx
            .doc
            .mention_at(w.start)
            .is_some_and(|m| cx.doc.mentions[m].kind.is_name());
        n += if in_name { 2 } else { 1 };
    }
    n <= 1
}

/// All attributions of a document, in sentence order. `body[i]` tells
/// whether sentence `i` is body text (not boilerplate).
pub fn find(cx: &Context, body: &[bool]) -> Vec<Attribution> {
    let st = &cx.doc.structure;
    let mut mem = Memory::default();
    let mut out = Vec::new();
    // Rank of each paragraph among prose paragraphs (15 words or more):
    // captions, teasers and pull quotes above the lede do not count.
    let mut prose_rank = vec![usize::MAX; st.paragraphs.len()];
    let mut n = 0;
    for (pi, p) in st.paragraphs.iter().enumerate() {
        if p.boilerplate || p.headline {
            continue;
        }
        prose_rank[pi] = n;
        if words(cx.text, p.start, p.end).len() >= 15 {
            n += 1;
        }
    }
    for (si, s) in st.sentences.iter().enumerate() {
        if !body[si] {
            continue;
        }
        mem.anonymity_asked = super::sources::asks_anonymity(&cx.text[s.start..s.end]);
        if let Some(f) = find_in_sentence(cx, s.start, s.end, &mem) {
            let low = cx.text[s.start..s.end].to_lowercase();
            // "It was said that ...", "it is understood": an impersonal
            // source of this sentence, not a "This was reported by X" that
            // declares the source of the story.
            let impersonal = f.chain.iter().all(|(_, _, c)| {
                c.kind == SourceKind::Anonymous && c.text.to_lowercase().starts_with("it ")
            });
            let demonstrative = DEMONSTRATIVE
                .iter()
                .any(|d| low.starts_with(&format!("{d} ")))
                && f.cue.0 < s.start + 40
                && !impersonal;
            let early = prose_rank[s.paragraph as usize] <= 2;
            let lede_relay = prose_rank[s.paragraph as usize] == 0
                && f.chain.first().is_some_and(|(_, _, c)| c.outlet)
                && f.chain.len() > 1;
            // '..., " Stoltenberg said': the quote the paragraph opened.
            let closes_quote = cx.text[s.start..f.cue.0]
                .trim_end()
                .trim_end_matches(|c: char| c.is_alphanumeric() || c.is_whitespace() || c == '.')
                .ends_with([',', '"', '”', '“']);
            let quote_para = closes_quote
                && cx.text[s.start..f.cue.0].contains(['"', '”', '“'])
                && !f.according_first;
            // 'Stoltenberg replied: "...' opens a quotation that may run
            // over the following sentences of the paragraph.
            let opens_quote = {
                let after = cx.text[f.cue.1..s.end].trim_start();
                let after = after
                    .split_once(':')
                    .map(|(head, rest)| (head.split_whitespace().count() <= 6, rest));
                after.is_some_and(|(near, rest)| {
                    near && rest.trim_start().starts_with(['"', '“', '«'])
                })
            };
            let scope = if (demonstrative && early) || lede_relay {
                Scope::Document
            } else if demonstrative || f.according_first || quote_para || opens_quote {
                Scope::Paragraph
            } else {
                Scope::Sentence
            };
            let only = only_attribution(cx, s.start, s.end, &f);
            let chain: Vec<Source> = f.chain.into_iter().map(|(_, _, s)| s).collect();
            for c in &chain {
                if c.outlet && c.kind == SourceKind::Named {
                    mem.last_outlet = Some(c.clone());
                }
            }
            mem.remember_people(cx, s.start, s.end);
            mem.last_chain = chain.clone();
            out.push(Attribution {
                sentence: si as u32,
                paragraph: s.paragraph,
                cue_start: f.cue.0,
                cue_end: f.cue.1,
                chain,
                scope,
                backward: demonstrative || quote_para,
                only_attribution: only,
            });
        } else {
            mem.remember_people(cx, s.start, s.end);
        }
    }
    out
}

/// The attributions that cover sentence `si`, outer first: its own, else an
/// "According to X," or "This was reported by X" in its paragraph, else the
/// document's. Returns indices into `atts` and the level they came from.
/// Paragraph openings that turn to another story ("Before that, ...",
/// "Earlier, ...", "Recall that ..."): the document's source no longer
/// covers what follows.
pub const TOPIC_SHIFTS: &[&str] = &[
    "before that",
    "previously",
    "earlier",
    "recall that",
    "recall,",
    "we remind",
    "as a reminder",
    "read also",
    "also read",
    "see also",
    "in other news",
];

pub fn shifts_topic(paragraph_text: &str) -> bool {
    let low = paragraph_text.trim_start().to_lowercase();
    TOPIC_SHIFTS.iter().any(|t| low.starts_with(t))
}

/// As [`effective`], for a sentence after a change of story: document
/// attributions do not reach it.
pub fn effective_in(
    atts: &[Attribution],
    si: u32,
    para: u32,
    shifted: bool,
) -> (Vec<u32>, Option<Scope>) {
    Coverage::new(atts).of(si, para, shifted)
}

pub fn effective(atts: &[Attribution], si: u32, para: u32) -> (Vec<u32>, Option<Scope>) {
    Coverage::new(atts).of(si, para, false)
}

/// Which attributions cover which sentence ([`effective_in`]), for every
/// sentence of a document: attributions are in sentence order (as [`find`]
/// returns them), so a sentence's own and its paragraph's are ranges found
/// by bisection, and document-wide ones are listed once. Each sentence
/// costs its paragraph's attributions and the document-wide ones, not all
/// of the document's.
pub struct Coverage<'a> {
    atts: &'a [Attribution],
    /// Attributions of document scope, in order.
    docs: Vec<u32>,
}

impl<'a> Coverage<'a> {
    pub fn new(atts: &'a [Attribution]) -> Self {
        debug_assert!(atts.windows(2).all(|w| w[0].sentence <= w[1].sentence));
        Coverage {
            atts,
            docs: atts
                .iter()
                .enumerate()
                .filter(|(_, a)| a.scope == Scope::Document)
                .map(|(i, _)| i as u32)
                .collect(),
        }
    }

    /// The attributions that cover sentence `si` of paragraph `para`,
    /// outer first, and the level they came from. After a change of story
    /// (`shifted`) document attributions of other paragraphs count as
    /// sentence ones.
    pub fn of(&self, si: u32, para: u32, shifted: bool) -> (Vec<u32>, Option<Scope>) {
        let atts = self.atts;
        let scope = |a: &Attribution| {
            if shifted && a.scope == Scope::Document && a.paragraph != para {
                Scope::Sentence
            } else {
                a.scope
            }
        };
        let own: Vec<u32> = (atts.partition_point(|a| a.sentence < si)
            ..atts.partition_point(|a| a.sentence <= si))
            .map(|i| i as u32)
            .collect();
        let in_para = atts.partition_point(|a| a.paragraph < para)
            ..atts.partition_point(|a| a.paragraph <= para);
        let docs = || {
            self.docs
                .iter()
                .copied()
                .filter(|&i| scope(&atts[i as usize]) == Scope::Document)
        };
        // The outlet a paragraph or document relies on still relays what a
        // person says inside it ("Stoltenberg said", under "This was
        // reported by Reuters"): keep it as the outer link.
        let outer = |own: &[u32]| -> Option<u32> {
            let has_outlet = own
                .iter()
                .any(|&i| atts[i as usize].chain.iter().any(|s| s.outlet));
            if has_outlet {
                return None;
            }
            let paragraph = in_para.clone().map(|i| i as u32).filter(|&i| {
                let a = &atts[i as usize];
                scope(a) == Scope::Paragraph && (a.sentence < si || a.backward)
            });
            let mut cands: Vec<u32> = docs().chain(paragraph).collect();
            // In corpus order, as `max_by_key` breaks ties by the last.
            cands.sort_unstable();
            cands
                .into_iter()
                .filter(|&i| {
                    let a = &atts[i as usize];
                    a.sentence != si && a.chain.iter().any(|s| s.outlet)
                })
                .max_by_key(|&i| {
                    let a = &atts[i as usize];
                    (scope(a) == Scope::Paragraph, a.sentence)
                })
        };
        if !own.is_empty() {
            let mut v: Vec<u32> = outer(&own).into_iter().collect();
            v.extend(own);
            return (v, Some(Scope::Sentence));
        }
        let para_att = in_para
            .clone()
            .filter(|&i| {
                let a = &atts[i];
                scope(a) != Scope::Sentence && (a.sentence < si || a.backward)
            })
            .min_by_key(|&i| (atts[i].sentence as i64 - si as i64).abs());
        if let Some(i) = para_att {
            return (vec![i as u32], Some(Scope::Paragraph));
        }
        let doc: Vec<u32> = docs().take(1).collect();
        if !doc.is_empty() {
            return (doc, Some(Scope::Document));
        }
        (Vec::new(), None)
    }
}

#[cfg(test)]
mod tests;
