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

use super::cues::*;
pub use super::sources::Context;
use super::sources::Memory;
use super::words::{words, Word};
use crate::analysis::model::EntityKind;

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

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

fn gap_has_break(text: &str, a: usize, b: usize) -> bool {
    // "2,400 participants": a separator inside a number is no break.
    let digit_before = text[..a]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let digit_after = text[b..].chars().next().is_some_and(|c| c.is_ascii_digit());
    if digit_before && digit_after && matches!(&text[a..b], "," | ".") {
        return false;
    }
    text[a..b].chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '.' | '«' | '»' | '–' | '—'
        )
    })
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
        // "people familiar with the matter": the goes on after a
        // preposition.
        let after_prep = matches!(
            ws[k - 1].text.to_lowercase().as_str(),
            "with" | "of" | "from" | "in" | "at" | "for"
        );
        if CLAUSE_STOPS.contains(&l.as_str()) && l != "the" && l != "and"
            || (l == "the" && k > i + 1 && !after_prep)
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
        // "a person close to the company": "to" after "close" or "next"
        // goes on with the phrase.
        let close_to = l == "to"
            && k >= 2
            && matches!(
                ws[k - 2].text.to_lowercase().as_str(),
                "close" | "closest" | "next"
            );
        // A subject never reaches across another verb ("Eastman says
        // iodine ... is").
        if (CLAUSE_STOPS.contains(&l.as_str()) && l != "the" && !close_to)
            || (ws[k - 1].text.starts_with(|c: char| c.is_lowercase())
                && (is_verb(&l)
                    || matches!(
                        l.as_str(),
                        "is" | "are" | "was" | "were" | "have" | "has" | "had" | "not"
                    )))
        {
            break;
        }
        k -= 1;
        start = ws[k].start;
        // "the matter" in "people familiar with the matter": a prepositional
        // phrase goes on to its head.
        let prep_before = k > 0
            && (matches!(
                ws[k - 1].text.to_lowercase().as_str(),
                "with" | "of" | "from" | "in" | "at" | "for"
            ) || (k > 1
                && ws[k - 1].text.eq_ignore_ascii_case("to")
                && matches!(
                    ws[k - 2].text.to_lowercase().as_str(),
                    "close" | "closest" | "next"
                )));
        if l == "the" && !prep_before {
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

/// "according" or a typo of it one or two letters away ("acording",
/// "accroding", "accoridng"); never another word ("recording").
fn is_according(w: &str) -> bool {
    if w == "according" {
        return true;
    }
    w.len() >= 7
        && w.len() <= 11
        && w.starts_with("ac")
        && w.ends_with("ng")
        && edit_distance(w, "according") <= 2
}

/// Optimal string alignment distance (adjacent transpositions count one),
/// for short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
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
            // A sentence of thousands of cues (pasted or generated text)
            // keeps its first sources: reading stays linear.
            if chain.len() >= MAX_CHAIN {
                return;
            }
            if chain
                .iter()
                .any(|(_, _, c)| c.start < s.end && s.start < c.end && c.name == s.name)
            {
                continue;
            }
            // Saturating: a run-on sentence can list hundreds of sources.
            chain.push((
                rank.saturating_add(k.min(u8::MAX as usize) as u8),
                s.start,
                s,
            ));
        }
    };
    // "It was said that ...", "it is understood", "X is said to": nobody
    // on record.
    for (cs, ce) in impersonal(&ws, &lw).into_iter().chain(said_to(&ws, &lw)) {
        let src = Source {
            start: cs,
            end: ce,
            text: text[cs..ce].to_string(),
            name: text[cs..ce].to_string(),
            kind: SourceKind::Anonymous,
            outlet: false,
        };
        push(12, vec![src], &mut chain);
        cue.get_or_insert((cs, ce));
    }
    let mut i = 0;
    while i < ws.len() {
        // "Sky Sports News understands", "HSJ understands": the outlet
        // relays what unnamed people told it.
        if lw[i] == "understands" && i > 0 && !gap_has_break(text, ws[i - 1].end, ws[i].start) {
            let st = phrase_start(text, &ws, i - 1);
            if let Some(srcs) = cx.source(st, ws[i - 1].end, true, mem) {
                // Only an outlet learns things this way; a person who
                // "understands the concerns" is no relay.
                if srcs.iter().all(|s| s.kind == SourceKind::Named && s.outlet) {
                    let mut srcs = srcs;
                    srcs.push(Source {
                        start: st,
                        end: ws[i].end,
                        text: text[st..ws[i].end].to_string(),
                        name: text[st..ws[i].end].to_string(),
                        kind: SourceKind::Anonymous,
                        outlet: false,
                    });
                    push(5, srcs, &mut chain);
                    cue.get_or_insert((ws[i].start, ws[i].end));
                }
            }
            i += 1;
            continue;
        }
        // Prefix cues: match the words of the cue at i; "according to"
        // also with a typo or without its "to" ("acording to", "according
        // the CEO").
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
                (*c == "according to")
                    .then(|| cx.plain_source(ws[i + n].start, pe))
                    .flatten()
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
        // A verb of saying is written in lower case ("United States" is
        // not "states"), and never inside a name.
        let lower_case = ws[i].text.chars().next().is_some_and(|c| c.is_lowercase());
        let in_name = cx.doc.mention_at(ws[i].start).is_some_and(|m| {
            cx.doc.mentions[m].kind.is_name() && cx.doc.mentions[m].start < ws[i].start
        });
        let is_verb = lower_case
            && !in_name
            && (is_verb(l)
                || FINDING_VERBS.contains(&l)
                || DOUBT_VERBS.contains(&l)
                || extra.iter().any(|v| v == l));
        if is_verb {
            // ", notes a Reuters source": inverted after a comma.
            // "Paris claims she was", "the ministry estimates 40 died": a
            // name or pronoun before, a clause after.
            let subject_before = i > 0
                && (ws[i - 1].text.starts_with(|c: char| c.is_uppercase())
                    || matches!(lw[i - 1].as_str(), "he" | "she" | "they" | "it" | "we")
                    || ANON_WORDS.contains(&lw[i - 1].as_str())
                    || INSTITUTIONS.contains(&lw[i - 1].as_str()))
                && !matches!(
                    lw[i - 1].as_str(),
                    "the" | "a" | "an" | "these" | "those" | "his" | "her" | "their" | "its"
                );
            let clause_after = i + 1 < ws.len()
                && matches!(
                    lw[i + 1].as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "there"
                );
            // "Meteorologists say warmer seas ...", "organisers say more
            // than 130,000 marched": after a plural noun of people or
            // bodies, "say" is the verb whatever follows.
            let mut subj = i;
            while subj > 0 && SKIP_BEFORE_VERB.contains(&lw[subj - 1].as_str()) {
                subj -= 1;
            }
            let people_before = subj > 0 && people_noun(&lw[subj - 1]);
            // "say" is a noun only after a determiner ("have a say", "the
            // final say"); elsewhere it is the verb ("Coaches around the
            // conference say the race ...").
            let say_verb = l == "say"
                && i > 0
                && !matches!(
                    lw[i - 1].as_str(),
                    "a" | "the"
                        | "final"
                        | "their"
                        | "his"
                        | "her"
                        | "its"
                        | "no"
                        | "any"
                        | "more"
                        | "greater"
                        | "real"
                        | "our"
                        | "your"
                        | "last"
                );
            let next_ok = i + 1 == ws.len()
                || gap_has_break(text, ws[i].end, ws[i + 1].start)
                || lw[i + 1] == "that"
                || (i > 0 && text[ws[i - 1].end..ws[i].start].contains(','))
                || (subject_before && clause_after)
                || people_before
                || say_verb;
            // "researchers found that ...", "unions questioned whether
            // ...": a finding or a doubt reported, only with its "that" or
            // "whether" ("found the body" is no attribution).
            let finding = FINDING_VERBS.contains(&l);
            let doubt = DOUBT_VERBS.contains(&l);
            let next = lw.get(i + 1).map(String::as_str);
            if (finding && next != Some("that"))
                || (doubt && !matches!(next, Some("whether" | "if" | "why" | "how")))
            {
                i += 1;
                continue;
            }
            if NOUN_LIKE.contains(&l) && !next_ok {
                i += 1;
                continue;
            }
            // "Corvane reported revenue of £1.4bn", "the firm reported a
            // net loss": a body stating its own figures, not an outlet
            // relaying news (whose object is a clause or "on ...").
            let states_figures = matches!(l, "reported" | "reports" | "report" | "published")
                && reports_own_figures(cx, &ws, &lw, i);
            let report = !states_figures
                && matches!(
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
            // "Officials at the ministry, speaking on condition of
            // anonymity, said": the subject is before the aside that asks
            // for anonymity.
            if mem.anonymity_asked && j > 1 && gap_has_break(text, ws[j - 1].end, ws[j].start) {
                let open = (j.saturating_sub(10)..j - 1)
                    .rev()
                    .find(|&k| k > 0 && text[ws[k - 1].end..ws[k].start].contains(','));
                let aside = open.filter(|&k| {
                    lw[k..j].iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "anonymity"
                                | "anonymously"
                                | "named"
                                | "identified"
                                | "authorized"
                                | "authorised"
                        )
                    })
                });
                if let Some(k) = aside {
                    let st = phrase_start(text, &ws, k - 1);
                    if let Some(srcs) = cx.source(st, ws[k - 1].end, report, mem) {
                        push(12, srcs, &mut chain);
                        cue.get_or_insert((ws[i].start, ws[i].end));
                        i += 1;
                        continue;
                    }
                }
            }
            // "Critics, however, say": a connective set off by commas
            // stands between the subject and its verb.
            if j > 1
                && CONNECTIVES.contains(&lw[j - 1].as_str())
                && text[ws[j - 1].end..ws[j].start].trim() == ","
                && text[ws[j - 2].end..ws[j - 1].start].trim() == ","
            {
                let st = phrase_start(text, &ws, j - 2);
                if let Some(srcs) = cx.source(st, ws[j - 2].end, report, mem) {
                    push(if report { 5 } else { 12 }, srcs, &mut chain);
                    cue.get_or_insert((ws[i].start, ws[i].end));
                    i += 1;
                    continue;
                }
            }
            // "officials have not said": nothing is attributed.
            if j > 0 && matches!(lw[j - 1].as_str(), "not" | "never" | "n't" | "t") {
                i += 1;
                continue;
            }
            let mut got = false;
            // "A spokesperson(,) who declined to be named(,) confirmed": the
            // subject is before the relative clause.
            let rel = (j.saturating_sub(9)..j).rev().find(|&k| {
                k > 0
                    && matches!(lw[k].as_str(), "who" | "which")
                    && !(k + 1..j).any(|x| super::cues::is_verb(&lw[x]))
            });
            if let Some(k) = rel
                .filter(|_| mem.anonymity_asked || gap_has_break(text, ws[j - 1].end, ws[j].start))
            {
                let st = phrase_start(text, &ws, k - 1);
                if let Some(srcs) = cx.source(st, ws[k - 1].end, report, mem) {
                    push(if report { 5 } else { 12 }, srcs, &mut chain);
                    got = true;
                }
            }
            if !got && j > 0 && !gap_has_break(text, ws[j - 1].end, ws[j].start) {
                let st = phrase_start(text, &ws, j - 1);
                if let Some(srcs) = cx.source(st, ws[j - 1].end, report, mem) {
                    push(if report { 5 } else { 12 }, srcs, &mut chain);
                    got = true;
                }
            }
            // Inverted: "..., says Stoltenberg", "notes a Reuters source".
            // The source must follow at once ("reported that NATO..." is
            // not NATO speaking).
            // Who is told is not who tells ("..., told reporters").
            if !got
                && i + 1 < ws.len()
                && i > 0
                && !matches!(l, "told" | "tells" | "informed")
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
            // "Valeska Paris, an Australian woman, has claimed": the name
            // that opens the sentence, across its apposition.
            // ", as noted, ": the page's own aside, not the opener speaking.
            let aside = j > 0 && lw[j - 1] == "as";
            if !got && j > 0 && !aside {
                let opener = cx.mentions_in(a, ws[j - 1].end).next().filter(|m| {
                    let lead = &text[a..m.start];
                    matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                        && !lead.contains(',')
                        && lead.split_whitespace().count() <= 5
                });
                if let Some(m) = opener {
                    // Only within the first clause: "X met Y, who said" is
                    // not X speaking.
                    let between = text[m.end..ws[j].start].to_ascii_lowercase();
                    // ", an Australian woman and former Scientologist, ":
                    // an apposition may hold an "and".
                    let apposition = {
                        let t = between.trim();
                        t.starts_with(',') && t.ends_with(',') && t.matches(',').count() == 2
                    };
                    let same_clause = !between.split(|c: char| !c.is_alphanumeric()).any(|w| {
                        matches!(w, "who" | "which" | "that" | "but" | "when" | "after")
                            || (w == "and" && !apposition)
                    });
                    if same_clause {
                        if let Some(srcs) = cx.source(m.start, m.end, report, mem) {
                            push(if report { 5 } else { 12 }, srcs, &mut chain);
                            got = true;
                        }
                    }
                }
            }
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

/// Connectives set off by commas between a subject and its verb.
const CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "too",
    "also",
    "therefore",
    "instead",
    "nonetheless",
    "nevertheless",
    "moreover",
    "furthermore",
    "in",
    "turn",
];

/// A plural noun of people or bodies ("meteorologists", "lawyers",
/// "organisers", "unions"): "say" after it is a verb.
pub(super) fn people_noun(w: &str) -> bool {
    ANON_WORDS.contains(&w)
        || INSTITUTIONS.contains(&w)
        || COUNTABLE_BODIES.contains(&w)
        || people_plural(w)
}

/// A plural of a noun of agents by its ending ("lawyers", "economists",
/// "politicians", "advocates", "insiders"): a kind of people.
pub(super) fn people_plural(w: &str) -> bool {
    w.len() > 5
        && [
            "ers", "ists", "ians", "ors", "ants", "ents", "ees", "ates", "bosses", "leaders",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !matches!(
            w,
            "numbers"
                | "papers"
                | "matters"
                | "orders"
                | "others'"
                | "figures"
                | "letters"
                | "documents"
                | "statements"
                | "comments"
                | "reports"
                | "members'"
                | "headquarters"
                | "quarters"
                | "waters"
                | "centers"
                | "monitors"
                | "estimates"
                | "updates"
                | "dates"
                | "rates"
        )
}

/// Results a body reports about itself.
const OWN_FIGURES: &[&str] = &[
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "loss",
    "losses",
    "earnings",
    "income",
    "turnover",
    "results",
    "growth",
    "deficit",
    "surplus",
    "figures",
    "record",
    "net",
    "pre-tax",
    "operating",
    "quarterly",
    "annual",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "full-year",
    "half-year",
    "underlying",
    "adjusted",
    "rise",
    "fall",
    "drop",
    "decline",
    "increase",
    "jump",
    "slump",
];

/// Is the verb of saying at word `i` ("reported", "published") followed by
/// figures the subject states about itself ("reported revenue of £1.9bn",
/// "reported a 5% rise in sales") rather than by what it relays?
fn reports_own_figures(cx: &Context, ws: &[Word], lw: &[String], i: usize) -> bool {
    let next = (i + 1..ws.len().min(i + 4))
        .find(|&k| !matches!(lw[k].as_str(), "a" | "an" | "its" | "their" | "his" | "her"));
    let Some(k) = next else {
        return false;
    };
    OWN_FIGURES.contains(&lw[k].as_str())
        || cx.doc.mention_at(ws[k].start).is_some_and(|m| {
            matches!(
                cx.doc.mentions[m].kind,
                EntityKind::Money | EntityKind::Quantity
            )
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
#[path = "attribution_tests.rs"]
mod tests;
