//! Who says so: attribution cues in a sentence ("according to X", "X said",
//! "reported by X", "X, citing Y", "notes a Reuters source") and their scope
//! (the sentence, the paragraph an "According to X," opens, or the whole
//! document a "This was reported by Reuters" declares).
//!
//! Sources are read as a reader would: "the agency" and "the publication"
//! resolve to the outlet named before, "he" to the person quoted before,
//! "this information" to the chain that introduced it. Chains are kept outer
//! first: the outlet that relays, then whom it cites.
use serde::Serialize;

use super::words::{has_phrase, words, Word};
use super::ClaimSettings;
use crate::analysis::model::{DocAnalysis, EntityKind};
use crate::analysis::ner::lexicon::Lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Named,
    Anonymous,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    Paragraph,
    Document,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Cues followed by their source.
const PREFIX_CUES: &[&str] = &[
    "according to",
    "reported by",
    "stated by",
    "said by",
    "announced by",
    "confirmed by",
    "in an article by",
    "in an interview with",
    "citing",
    "cite",
    "cites",
    "quoting",
    "quoted by",
    "as noted by",
];

/// Verbs of saying whose subject is the source.
const VERBS: &[&str] = &[
    "concluded",
    "observed",
    "characterized",
    "characterised",
    "described",
    "speculated",
    "theorized",
    "predicted",
    "estimated",
    "alleged",
    "asserted",
    "testified",
    "recalled",
    "said",
    "says",
    "say",
    "stated",
    "states",
    "state",
    "reported",
    "reports",
    "report",
    "wrote",
    "writes",
    "write",
    "told",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "added",
    "explained",
    "claimed",
    "claims",
    "warned",
    "reminded",
    "stressed",
    "emphasized",
    "emphasised",
    "believes",
    "insisted",
    "revealed",
    "declared",
    "argued",
    "acknowledged",
    "acknowledges",
    "admitted",
    "tweeted",
    "replied",
    "expressed",
    "informed",
    "published",
];

/// Verb forms that are also nouns: a cue only before "that", a colon or
/// comma, a quote or the end of the sentence.
const NOUN_LIKE: &[&str] = &[
    "states", "state", "reports", "report", "notes", "claims", "say", "write",
];

/// Words that make a source phrase anonymous.
const ANON_WORDS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "insider",
    "insiders",
    "diplomat",
    "diplomats",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "anonymous",
    "unnamed",
    "interlocutor",
    "interlocutors",
    "informant",
    "circles",
    "aide",
    "aides",
    "familiar",
    "professor",
    "observers",
    "observer",
    "people",
    "person",
];

/// Nouns that refer back to an outlet named before.
const OUTLET_ANAPHORS: &[&str] = &[
    "agency",
    "publication",
    "newspaper",
    "outlet",
    "edition",
    "paper",
    "portal",
    "channel",
    "broadcaster",
    "magazine",
    "website",
    "site",
    "authors",
    "journalists",
    "article",
    "media",
];

const MEDIA_NOUNS: &[&str] = &[
    "newspaper",
    "agency",
    "publication",
    "outlet",
    "magazine",
    "channel",
    "broadcaster",
    "tv",
    "radio",
    "website",
    "portal",
    "news",
    "journal",
    "times",
    "post",
    "daily",
    "press",
    "gazeta",
];

const PREPOSITIONS: &[&str] = &["with", "to", "of", "from", "for", "by", "near", "close"];

const CLAUSE_STOPS: &[&str] = &[
    "that", "who", "whose", "which", "on", "before", "after", "during", "when", "while", "as",
    "to", "because", "and", "but", "if", "than", "the", "about", "over",
];

/// Adverbs between a subject and its verb ("Politico recently reported").
const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "recently",
    "previously",
    "first",
    "earlier",
    "later",
    "then",
    "further",
    "reportedly",
    "already",
    "once",
    "again",
];

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

fn gap_has_break(text: &str, a: usize, b: usize) -> bool {
    text[a..b].chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '.' | '«' | '»' | '–' | '—'
        )
    })
}

/// Analysis state carried through the document (for anaphora).
#[derive(Default)]
struct Memory {
    last_outlet: Option<Source>,
    last_person: Option<String>,
    last_chain: Vec<Source>,
}

pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a DocAnalysis,
    pub settings: &'a ClaimSettings,
}

impl Context<'_> {
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &crate::analysis::Mention> {
        let i = self.doc.mentions.partition_point(|m| m.end <= a);
        self.doc.mentions[i..]
            .iter()
            .take_while(move |m| m.start < b)
            .filter(move |m| m.start >= a && m.end <= b)
    }

    fn is_media_org(&self, name: &str) -> bool {
        let lx = Lexicon::get();
        lx.lookup(name)
            .is_some_and(|id| lx.entry(id).subkind == "media")
    }

    fn is_known_non_media_org(&self, name: &str) -> bool {
        let lx = Lexicon::get();
        lx.lookup(name).is_some_and(|id| {
            let e = lx.entry(id);
            e.subkind != "media"
        })
    }

    /// Classify a source phrase `[a, b)`; `report_cue` is true for cues
    /// that only outlets use ("reported by", "writes", "citing").
    fn source(&self, a: usize, b: usize, report_cue: bool, mem: &Memory) -> Option<Vec<Source>> {
        let phrase = self.text[a..b].trim_matches(|c: char| !c.is_alphanumeric());
        if phrase.is_empty() {
            return None;
        }
        let off = a + self.text[a..b].find(phrase).unwrap_or(0);
        let (a, b) = (off, off + phrase.len());
        let low = phrase.to_lowercase();
        let ws = words(self.text, a, b);
        let lw: Vec<String> = ws.iter().map(lower).collect();
        let has = |list: &[&str]| lw.iter().any(|w| list.contains(&w.as_str()));
        let names: Vec<&crate::analysis::Mention> = self
            .mentions_in(a, b)
            .filter(|m| m.kind.is_name())
            .collect();
        let mk = |name: &str, kind, outlet| Source {
            start: a,
            end: b,
            text: phrase.to_string(),
            name: name.to_string(),
            kind,
            outlet,
        };
        // Dates and amounts are never sources ("on December 17, citing").
        if self.mentions_in(a, b).any(|m| !m.kind.is_name()) {
            return None;
        }
        let media_word = has(MEDIA_NOUNS);
        // A named person at the head of the phrase speaks on record.
        if let Some(p) = names.iter().rev().find(|m| m.kind == EntityKind::Person) {
            // "experts aligned with Trump" is not Trump speaking.
            let lead = self.text[a..p.start].to_lowercase();
            let governed = lead
                .split_whitespace()
                .last()
                .is_some_and(|w| PREPOSITIONS.contains(&w));
            if !governed && (p.end == b || !has(ANON_WORDS)) {
                return Some(vec![mk(p.text(self.text), SourceKind::Named, false)]);
            }
        }
        let org = names.iter().find(|m| m.kind != EntityKind::Person);
        if has(ANON_WORDS) && !(lw.len() == 1 && lw[0] == "people") {
            let mut v = Vec::new();
            if let Some(o) = org {
                let n = o.text(self.text);
                if self.is_media_org(n) || (report_cue && !self.is_known_non_media_org(n)) {
                    v.push(Source {
                        start: o.start,
                        end: o.end,
                        text: n.to_string(),
                        name: n.to_string(),
                        kind: SourceKind::Named,
                        outlet: true,
                    });
                }
            }
            v.push(mk(phrase, SourceKind::Anonymous, false));
            return Some(v);
        }
        // A capitalised name the recogniser cut short ("Voice of America"
        // where it saw only "America").
        let title_run = ws.len() <= 5
            && ws.iter().all(|w| {
                w.text.chars().next().is_some_and(|c| c.is_uppercase())
                    || matches!(w.text, "of" | "the" | "and" | "for")
            });
        if let Some(o) = org.filter(|o| title_run && (o.end - o.start) < phrase.len()) {
            let _ = o;
            let n = phrase.trim_start_matches("The ").trim_start_matches("the ");
            let outlet = self.is_media_org(n) || media_word || report_cue;
            return Some(vec![mk(n, SourceKind::Named, outlet)]);
        }
        if let Some(o) = org {
            let n = o.text(self.text);
            let outlet = self.is_media_org(n)
                || media_word
                || (report_cue && !self.is_known_non_media_org(n));
            // "a spokesman for the military alliance": the body speaks.
            return Some(vec![mk(n, SourceKind::Named, outlet)]);
        }
        if has(OUTLET_ANAPHORS) {
            if let Some(o) = &mem.last_outlet {
                return Some(vec![Source {
                    start: a,
                    end: b,
                    text: phrase.to_string(),
                    ..o.clone()
                }]);
            }
            return None;
        }
        if matches!(low.as_str(), "he" | "she" | "him" | "her") {
            return mem
                .last_person
                .as_ref()
                .map(|p| vec![mk(p, SourceKind::Named, false)]);
        }
        if low.starts_with("this information")
            || low.starts_with("the information")
            || low.starts_with("this data")
            || low.starts_with("the report")
            || low.starts_with("these reports")
            || low.starts_with("this report")
        {
            return (!mem.last_chain.is_empty()).then(|| mem.last_chain.clone());
        }
        // A capitalised phrase the recogniser missed ("Voice of America").
        let first_upper = phrase.chars().next().is_some_and(|c| c.is_uppercase());
        let caps = ws
            .iter()
            .filter(|w| w.text.chars().next().is_some_and(|c| c.is_uppercase()))
            .count();
        let last_upper = ws
            .last()
            .is_some_and(|w| w.text.chars().next().is_some_and(|c| c.is_uppercase()));
        if first_upper
            && caps * 2 >= ws.len()
            && (ws.len() <= 5 || (ws.len() <= 8 && last_upper))
            && !matches!(low.as_str(), "this" | "it" | "they" | "we" | "i")
        {
            return Some(vec![mk(
                phrase,
                SourceKind::Named,
                report_cue || media_word,
            )]);
        }
        None
    }
}

impl Context<'_> {
    /// A source phrase taken as written (a document, a posting, a study).
    fn plain_source(&self, a: usize, b: usize) -> Option<Vec<Source>> {
        let phrase = self.text[a..b].trim_matches(|c: char| !c.is_alphanumeric());
        let low = phrase.to_lowercase();
        if phrase.is_empty() || matches!(low.as_str(), "it" | "this" | "that" | "them" | "they") {
            return None;
        }
        let start = a + self.text[a..b].find(phrase).unwrap_or(0);
        Some(vec![Source {
            start,
            end: start + phrase.len(),
            text: phrase.to_string(),
            name: phrase.to_string(),
            kind: SourceKind::Named,
            outlet: false,
        }])
    }
}

/// End of a source phrase that starts at word `i`.
fn phrase_end(text: &str, ws: &[Word], i: usize, sent_end: usize) -> usize {
    let mut end = ws[i].end;
    let mut k = i + 1;
    while k < ws.len() && k < i + 10 {
        if gap_has_break(text, ws[k - 1].end, ws[k].start) {
            break;
        }
        let l = ws[k].text.to_lowercase();
        // "on December 17", "who", "that": the source ended.
        if CLAUSE_STOPS.contains(&l.as_str()) && l != "the" && l != "and"
            || (l == "the" && k > i + 1)
        {
            break;
        }
        end = ws[k].end;
        k += 1;
    }
    end.min(sent_end)
}

/// Start of the subject phrase ending at word `j` (inclusive).
fn phrase_start(text: &str, ws: &[Word], j: usize) -> usize {
    let mut start = ws[j].start;
    let mut k = j;
    while k > 0 && j - k < 7 {
        if gap_has_break(text, ws[k - 1].end, ws[k].start) {
            break;
        }
        let l = ws[k - 1].text.to_lowercase();
        if CLAUSE_STOPS.contains(&l.as_str()) && l != "the" {
            break;
        }
        k -= 1;
        start = ws[k].start;
        if l == "the" {
            break;
        }
    }
    start
}

struct Found {
    chain: Vec<(u8, usize, Source)>,
    cue: (usize, usize),
    according_first: bool,
}

fn find_in_sentence(cx: &Context, a: usize, b: usize, mem: &Memory) -> Option<Found> {
    let text = cx.text;
    let ws = words(text, a, b);
    let lw: Vec<String> = ws.iter().map(lower).collect();
    let mut chain: Vec<(u8, usize, Source)> = Vec::new();
    let mut cue: Option<(usize, usize)> = None;
    let mut according_first = false;
    let extra: Vec<String> = cx
        .settings
        .attribution_verbs
        .iter()
        .map(|v| v.to_lowercase())
        .collect();
    let push = |rank: u8, srcs: Vec<Source>, chain: &mut Vec<(u8, usize, Source)>| {
        for (k, s) in srcs.into_iter().enumerate() {
            if chain
                .iter()
                .any(|(_, _, c)| c.start < s.end && s.start < c.end && c.name == s.name)
            {
                continue;
            }
            chain.push((rank + k as u8, s.start, s));
        }
    };
    let mut i = 0;
    while i < ws.len() {
        // Prefix cues: match the words of the cue at i.
        let mut matched = None;
        for c in PREFIX_CUES {
            let cw: Vec<&str> = c.split(' ').collect();
            if i + cw.len() < ws.len() && (0..cw.len()).all(|k| lw[i + k] == cw[k]) {
                matched = Some((c, cw.len()));
                break;
            }
        }
        if let Some((c, n)) = matched {
            let (cs, ce) = (ws[i].start, ws[i + n - 1].end);
            let citing = matches!(*c, "citing" | "cite" | "cites" | "quoting");
            let report = citing
                || matches!(
                    *c,
                    "reported by" | "in an article by" | "in an interview with"
                );
            let pe = phrase_end(text, &ws, i + n, b);
            let found = cx.source(ws[i + n].start, pe, report, mem).or_else(|| {
                // "according to an Internet posting": a source all the same.
                (*c == "according to").then(|| cx.plain_source(ws[i + n].start, pe)).flatten()
            });
            if let Some(srcs) = found {
                let rank = if citing {
                    20
                } else if *c == "in an interview with" {
                    0
                } else {
                    10
                };
                push(rank, srcs, &mut chain);
                cue.get_or_insert((cs, ce));
                if i == 0 && *c == "according to" {
                    according_first = true;
                }
            }
            // "Eviralnews, citing NTV": the subject before the comma relays.
            if citing && i > 0 && text[ws[i - 1].end..cs].contains(',') {
                let st = phrase_start(text, &ws, i - 1);
                if let Some(srcs) = cx.source(st, ws[i - 1].end, true, mem) {
                    if srcs.iter().all(|s| s.kind == SourceKind::Named) {
                        push(0, srcs, &mut chain);
                    }
                }
            }
            i += n;
            continue;
        }
        let l = lw[i].as_str();
        let is_verb = VERBS.contains(&l) || extra.iter().any(|v| v == l);
        if is_verb {
            let next_ok = i + 1 == ws.len()
                || gap_has_break(text, ws[i].end, ws[i + 1].start)
                || lw[i + 1] == "that";
            if NOUN_LIKE.contains(&l) && !next_ok {
                i += 1;
                continue;
            }
            let report = matches!(
                l,
                "reported" | "reports" | "report" | "wrote" | "writes" | "write" | "published"
            );
            // Subject before the verb.
            let mut j = i;
            while j > 0
                && SKIP_BEFORE_VERB.contains(&lw[j - 1].as_str())
                && !gap_has_break(text, ws[j - 1].end, ws[j].start)
            {
                j -= 1;
            }
            let mut got = false;
            if j > 0 && !gap_has_break(text, ws[j - 1].end, ws[j].start) {
                let st = phrase_start(text, &ws, j - 1);
                if let Some(srcs) = cx.source(st, ws[j - 1].end, report, mem) {
                    push(if report { 5 } else { 12 }, srcs, &mut chain);
                    got = true;
                }
            }
            // "Valeska Paris, an Australian woman, has claimed": the name
            // that opens the sentence, across its apposition.
            if !got && j > 0 {
                let opener = cx
                    .mentions_in(a, ws[j - 1].end)
                    .next()
                    .filter(|m| {
                        let lead = &text[a..m.start];
                        m.kind.is_name()
                            && !lead.contains(',')
                            && lead.split_whitespace().count() <= 5
                    });
                if let Some(m) = opener {
                    // Only within the first clause: "X met Y, who said" is
                    // not X speaking.
                    let between = text[m.end..ws[j].start].to_ascii_lowercase();
                    let same_clause = !between
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "who" | "which" | "that" | "and" | "but" | "when" | "after"));
                    if same_clause {
                        if let Some(srcs) = cx.source(m.start, m.end, report, mem) {
                            push(if report { 5 } else { 12 }, srcs, &mut chain);
                            got = true;
                        }
                    }
                }
            }
            // Inverted: "..., says Stoltenberg", "notes a Reuters source".
            // The source must follow at once ("reported that NATO..." is
            // not NATO speaking).
            if !got
                && i + 1 < ws.len()
                && i > 0
                && gap_has_break(text, ws[i - 1].end, ws[i].start)
                && !CLAUSE_STOPS.contains(&lw[i + 1].as_str())
                && !gap_has_break(text, ws[i].end, ws[i + 1].start)
            {
                let pe = phrase_end(text, &ws, i + 1, b);
                if let Some(srcs) = cx.source(ws[i + 1].start, pe, report, mem) {
                    push(if report { 5 } else { 12 }, srcs, &mut chain);
                    got = true;
                }
            }
            // ", Voice of America reports." after a comma: subject is the
            // capitalised run before the verb even across the comma gap.
            if got {
                cue.get_or_insert((ws[i].start, ws[i].end));
            }
        }
        i += 1;
    }
    if chain.is_empty() {
        return None;
    }
    // Outlets relay: they come before whom they quote.
    chain.sort_by_key(|(rank, pos, s)| (!s.outlet as u8, *rank, *pos));
    Some(Found {
        chain,
        cue: cue.unwrap_or((a, a)),
        according_first,
    })
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
        let in_val = cx
            .mentions_in(w.start, w.end.max(w.start + 1))
            .next()
            .is_some()
            || cx
                .doc
                .mention_at(w.start)
                .is_some_and(|m| !cx.doc.mentions[m].kind.is_name());
        if in_src
            || in_val
            || super::words::is_stopword(&l)
            || VERBS.contains(&l.as_str())
            || PREFIX_CUES.iter().any(|c| c.split(' ').any(|x| x == l))
        {
            continue;
        }
        n += 1;
    }
    n <= 1
}

const DEMONSTRATIVE: &[&str] = &[
    "this",
    "it",
    "that",
    "these",
    "the information",
    "this information",
];

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
        if let Some(f) = find_in_sentence(cx, s.start, s.end, &mem) {
            let low = cx.text[s.start..s.end].to_lowercase();
            let demonstrative = DEMONSTRATIVE
                .iter()
                .any(|d| low.starts_with(&format!("{d} ")))
                && f.cue.0 < s.start + 40;
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
            let scope = if (demonstrative && early) || lede_relay {
                Scope::Document
            } else if demonstrative || f.according_first || quote_para {
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
            for m in cx.mentions_in(s.start, s.end) {
                if m.kind == EntityKind::Person {
                    mem.last_person = Some(m.text(cx.text).to_string());
                }
            }
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
            for m in cx.mentions_in(s.start, s.end) {
                if m.kind == EntityKind::Person {
                    mem.last_person = Some(m.text(cx.text).to_string());
                }
            }
        }
    }
    let _ = has_phrase;
    out
}

/// The attributions that cover sentence `si`, outer first: its own, else an
/// "According to X," or "This was reported by X" in its paragraph, else the
/// document's. Returns indices into `atts` and the level they came from.
pub fn effective(atts: &[Attribution], si: u32, para: u32) -> (Vec<u32>, Option<Scope>) {
    let own: Vec<u32> = atts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.sentence == si)
        .map(|(i, _)| i as u32)
        .collect();
    // The outlet a paragraph or document relies on still relays what a
    // person says inside it ("Stoltenberg said", under "This was reported
    // by Reuters"): keep it as the outer link.
    let outer = |own: &[u32]| -> Option<u32> {
        let has_outlet = own
            .iter()
            .any(|&i| atts[i as usize].chain.iter().any(|s| s.outlet));
        if has_outlet {
            return None;
        }
        atts.iter()
            .enumerate()
            .filter(|(_, a)| a.sentence != si && a.chain.iter().any(|s| s.outlet))
            .filter(|(_, a)| {
                a.scope == Scope::Document
                    || (a.scope == Scope::Paragraph
                        && a.paragraph == para
                        && (a.sentence < si || a.backward))
            })
            .max_by_key(|(_, a)| (a.scope == Scope::Paragraph, a.sentence))
            .map(|(i, _)| i as u32)
    };
    if !own.is_empty() {
        let mut v: Vec<u32> = outer(&own).into_iter().collect();
        v.extend(own);
        return (v, Some(Scope::Sentence));
    }
    let para_att = atts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.paragraph == para && a.scope != Scope::Sentence)
        .filter(|(_, a)| a.sentence < si || a.backward)
        .min_by_key(|(_, a)| (a.sentence as i64 - si as i64).abs());
    if let Some((i, _)) = para_att {
        return (vec![i as u32], Some(Scope::Paragraph));
    }
    let doc: Vec<u32> = atts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.scope == Scope::Document)
        .map(|(i, _)| i as u32)
        .take(1)
        .collect();
    if !doc.is_empty() {
        return (doc, Some(Scope::Document));
    }
    (Vec::new(), None)
}
