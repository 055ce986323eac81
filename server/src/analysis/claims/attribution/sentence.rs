//! The attribution cues of one sentence, read left to right: impersonal
//! passives ("it was said"), outlets that "understand", prefix cues
//! ("according to X", "citing Y") and verbs of saying (in [`super::verb`]).
//! Each cue adds its sources to one chain, ranked so that outlets come
//! before whom they quote.
use super::super::cues::*;
use super::super::sources::Memory;
use super::super::words::{words, Word};
use super::phrase::{gap_has_break, is_according, lower, phrase_end, phrase_start};
use super::{Context, Source, SourceKind};

pub(super) struct Found {
    pub(super) chain: Vec<(u8, usize, Source)>,
    pub(super) cue: (usize, usize),
    pub(super) according_first: bool,
}

/// "it was said", "it is understood", "it has been reported": the span of
/// an impersonal passive of saying.
fn impersonal(ws: &[Word], lw: &[String]) -> Option<(usize, usize)> {
    const VERBS: &[&str] = &[
        "said",
        "reported",
        "claimed",
        "alleged",
        "understood",
        "rumoured",
        "rumored",
        "learned",
        "learnt",
    ];
    for i in 0..lw.len().saturating_sub(2) {
        if lw[i] != "it" {
            continue;
        }
        let (aux_len, verb) = match (lw[i + 1].as_str(), lw.get(i + 2), lw.get(i + 3)) {
            ("is" | "was", Some(v), _) => (1, v),
            ("has" | "had", Some(b), Some(v)) if b == "been" => (2, v),
            _ => continue,
        };
        if VERBS.contains(&verb.as_str()) {
            // "it is said to" is a hedge, not a source.
            if lw.get(i + 2 + aux_len).is_some_and(|w| w == "to") && aux_len == 1 {
                continue;
            }
            return Some((ws[i].start, ws[i + 1 + aux_len].end));
        }
    }
    None
}

/// "The two men were said to be in good condition", "directors are said
/// to have pushed": a passive of saying over the subject, with nobody
/// named as who says it. The span of its words.
fn said_to(ws: &[Word], lw: &[String]) -> Option<(usize, usize)> {
    (1..lw.len().saturating_sub(2)).find_map(|i| {
        (matches!(lw[i].as_str(), "is" | "are" | "was" | "were")
            && matches!(
                lw[i + 1].as_str(),
                "said" | "understood" | "rumoured" | "rumored"
            )
            && lw[i + 2] == "to"
            && lw[i - 1] != "it")
            .then(|| (ws[i].start, ws[i + 2].end))
    })
}

/// Sources kept per sentence.
const MAX_CHAIN: usize = 32;

/// The state of reading one sentence: its words, and the sources and cue
/// found so far. The readers of each kind of cue are its methods.
pub(super) struct SentenceReader<'r> {
    pub(super) cx: &'r Context<'r>,
    pub(super) mem: &'r Memory,
    /// Start and end of the sentence.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) ws: &'r [Word<'r>],
    /// The words in lower case.
    pub(super) lw: &'r [String],
    /// Verbs of saying the user added in the settings (lower case).
    pub(super) extra_verbs: &'r [String],
    /// (rank, position, source): lower ranks come first.
    chain: Vec<(u8, usize, Source)>,
    cue: Option<(usize, usize)>,
    according_first: bool,
}

impl SentenceReader<'_> {
    /// Adds sources found by one cue, ranked from `rank` on.
    pub(super) fn push(&mut self, rank: u8, srcs: Vec<Source>) {
        for (k, s) in srcs.into_iter().enumerate() {
            // A sentence of thousands of cues (pasted or generated text)
            // keeps its first sources: reading stays linear.
            if self.chain.len() >= MAX_CHAIN {
                return;
            }
            if self
                .chain
                .iter()
                .any(|(_, _, c)| c.start < s.end && s.start < c.end && c.name == s.name)
            {
                continue;
            }
            // Saturating: a run-on sentence can list hundreds of sources.
            self.chain.push((
                rank.saturating_add(k.min(u8::MAX as usize) as u8),
                s.start,
                s,
            ));
        }
    }

    /// The first cue found is the one the claim shows.
    pub(super) fn mark_cue(&mut self, start: usize, end: usize) {
        self.cue.get_or_insert((start, end));
    }

    /// "It was said that ...", "it is understood", "X is said to": nobody
    /// on record.
    fn impersonal_cues(&mut self) {
        let text = self.cx.text;
        let spans: Vec<(usize, usize)> = impersonal(self.ws, self.lw)
            .into_iter()
            .chain(said_to(self.ws, self.lw))
            .collect();
        for (cs, ce) in spans {
            let src = Source {
                start: cs,
                end: ce,
                text: text[cs..ce].to_string(),
                name: text[cs..ce].to_string(),
                kind: SourceKind::Anonymous,
                outlet: false,
            };
            self.push(12, vec![src]);
            self.mark_cue(cs, ce);
        }
    }

    /// "Sky Sports News understands", "HSJ understands": the outlet relays
    /// what unnamed people told it. True when word `i` is such a cue.
    fn outlet_understands(&mut self, i: usize) -> bool {
        let (text, ws) = (self.cx.text, self.ws);
        if self.lw[i] != "understands" || i == 0 || gap_has_break(text, ws[i - 1].end, ws[i].start)
        {
            return false;
        }
        let st = phrase_start(text, ws, i - 1);
        if let Some(mut srcs) = self.cx.source(st, ws[i - 1].end, true, self.mem) {
            // Only an outlet learns things this way; a person who
            // "understands the concerns" is no relay.
            if srcs.iter().all(|s| s.kind == SourceKind::Named && s.outlet) {
                let (cs, ce) = (ws[i].start, ws[i].end);
                srcs.push(Source {
                    start: st,
                    end: ce,
                    text: text[st..ce].to_string(),
                    name: text[st..ce].to_string(),
                    kind: SourceKind::Anonymous,
                    outlet: false,
                });
                self.push(5, srcs);
                self.mark_cue(cs, ce);
            }
        }
        true
    }

    /// A prefix cue at word `i` ("according to X", "citing Y", "reported
    /// by Z"): reads its source and returns how many words the cue took.
    /// "according to" is also matched with a typo or without its "to"
    /// ("acording to", "according the CEO").
    fn prefix_cue(&mut self, i: usize) -> Option<usize> {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        let mut matched = None;
        if i + 1 < ws.len() && is_according(&lw[i]) && (lw[i] != "according" || lw[i + 1] != "to") {
            let n = if lw[i + 1] == "to" { 2 } else { 1 };
            if i + n < ws.len() && !gap_has_break(text, ws[i].end, ws[i + n - 1].end.max(ws[i].end))
            {
                matched = Some((&"according to", n));
            }
        }
        if matched.is_none() && in_prefix_cue(&lw[i]) {
            for (c, cw) in prefix_cues() {
                if i + cw.len() < ws.len() && (0..cw.len()).all(|k| lw[i + k] == cw[k]) {
                    matched = Some((c, cw.len()));
                    break;
                }
            }
        }
        let (c, n) = matched?;
        let (cs, ce) = (ws[i].start, ws[i + n - 1].end);
        let citing = matches!(*c, "citing" | "cite" | "cites" | "quoting");
        let report = citing
            || matches!(
                *c,
                "reported by" | "in an article by" | "in an interview with"
            );
        let pe = phrase_end(text, ws, i + n, self.end);
        let found = self
            .cx
            .source(ws[i + n].start, pe, report, self.mem)
            .or_else(|| {
                // "according to an Internet posting": a source all the same.
                (*c == "according to")
                    .then(|| self.cx.plain_source(ws[i + n].start, pe))
                    .flatten()
            });
        // "Eviralnews, citing NTV": the subject before the comma relays.
        let relay = (citing && i > 0 && text[ws[i - 1].end..cs].contains(','))
            .then(|| {
                let st = phrase_start(text, ws, i - 1);
                self.cx.source(st, ws[i - 1].end, true, self.mem)
            })
            .flatten()
            .filter(|srcs| srcs.iter().all(|s| s.kind == SourceKind::Named));
        if let Some(srcs) = found {
            let rank = if citing {
                20
            } else if *c == "in an interview with" {
                0
            } else {
                10
            };
            self.push(rank, srcs);
            self.mark_cue(cs, ce);
            if i == 0 && *c == "according to" {
                self.according_first = true;
            }
        }
        if let Some(srcs) = relay {
            self.push(0, srcs);
        }
        Some(n)
    }
}

/// The attribution cues of the sentence `a..b`, if it has any.
pub(super) fn find_in_sentence(cx: &Context, a: usize, b: usize, mem: &Memory) -> Option<Found> {
    let ws = words(cx.text, a, b);
    let lw: Vec<String> = ws.iter().map(lower).collect();
    let extra_verbs: Vec<String> = cx
        .settings
        .attribution_verbs
        .iter()
        .map(|v| v.to_lowercase())
        .collect();
    let mut r = SentenceReader {
        cx,
        mem,
        start: a,
        end: b,
        ws: &ws,
        lw: &lw,
        extra_verbs: &extra_verbs,
        chain: Vec::new(),
        cue: None,
        according_first: false,
    };
    r.impersonal_cues();
    let mut i = 0;
    while i < r.ws.len() {
        if r.outlet_understands(i) {
            i += 1;
        } else if let Some(n) = r.prefix_cue(i) {
            i += n;
        } else {
            r.verb_cue(i);
            i += 1;
        }
    }
    if r.chain.is_empty() && !r.parsed_subjects() {
        return None;
    }
    let mut chain = r.chain;
    // Outlets relay: they come before whom they quote.
    chain.sort_by_key(|(rank, pos, s)| (!s.outlet as u8, *rank, *pos));
    Some(Found {
        chain,
        cue: r.cue.unwrap_or((a, a)),
        according_first: r.according_first,
    })
}
