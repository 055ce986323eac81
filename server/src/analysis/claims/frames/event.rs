//! Events of one sentence, read from its dependency parse: what happened
//! (the event word's kind), who took part (names among the subjects,
//! objects and prepositional arguments of the event word or of the verb
//! it is an argument of), where (places under "in", "at", "near"...) and
//! when (a date attached to the same words, resolved against the file's
//! date).
//!
//! Only what the tree attaches to the event counts: a name elsewhere in
//! the sentence (the outlet of a dateline, the source of the report, a
//! place in a relative clause) is not a participant.
use serde::{Deserialize, Serialize};

use super::lexicon::{self, EventKind};
use crate::analysis::claims::dates::Ymd;
use crate::analysis::model::DocAnalysis;
use crate::analysis::syntax::{Parse, Rel, Sub, Upos};

#[path = "event_agreements.rs"]
mod agreements;
#[path = "event_args.rs"]
mod args;
#[path = "event_city_parts.rs"]
mod city_parts;
#[path = "event_contests.rs"]
mod contests;
#[path = "event_courts.rs"]
mod courts;
#[path = "event_dates.rs"]
mod dating;
pub(crate) use courts::court_town;
#[path = "event_describe.rs"]
mod describe;
#[path = "event_find.rs"]
mod find;
#[path = "event_landings.rs"]
pub(crate) mod landings;
#[path = "event_occasion.rs"]
mod occasion;
#[path = "event_openings.rs"]
mod openings;
#[path = "event_parties.rs"]
mod parties;
#[path = "event_places.rs"]
mod places;
#[path = "event_relative.rs"]
mod relative;
#[path = "event_storms.rs"]
mod storms;
#[path = "event_vehicles.rs"]
mod vehicles;
use args::event_at;

/// "In the capital", no country written: the capital of the country the
/// file is about, which only the whole file tells (see
/// `index::sig::fact_event`). Not a name: no entity is called so.
pub const CAPITAL_OF_THE_FILE: &str = "*capital";
use find::find_events;
use openings::{dateline_end, fronted_date};
use vehicles::{site_fatality, vehicle_mishap, vehicle_of};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// The event word.
    pub start: usize,
    pub end: usize,
    /// Person and organisation mentions that take part (places too for
    /// events places take part in: aid to a country).
    pub participants: Vec<u32>,
    /// Place mentions where it happened (venues included).
    pub places: Vec<u32>,
    /// Proper names that take part but that the recogniser left out
    /// ("a Transandes jet"), folded.
    pub names: Vec<String>,
    /// The days it happened, when a date is attached (a month or a year
    /// too).
    pub when: Option<(Ymd, Ymd)>,
    /// The date as written.
    pub date_span: Option<(usize, usize)>,
    /// "did not meet", "no deal was signed".
    pub negated: bool,
    /// A reference point, not what the sentence reports: "two days after
    /// a deadly quake on Sumbawa".
    pub background: bool,
    /// Who took part, described by a common noun rather than named (the
    /// names under it are participants too): the head noun's lemma first, then its noun modifiers and the names
    /// under it, folded ("Water ministers from nine Nile Basin countries"
    /// gives `minister`, `nile basin`, `water`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptor: Vec<String>,
    /// Another event of its kind than the one the article reports ("a
    /// similar crash last year", "in 2019 a ferry sank"): never the
    /// reported one, whatever it shares with it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub another: bool,
    /// What kind of place each of `places` is, when a word says so
    /// ("Chandpur district", "the Meghna River", "near Matlab": `near`):
    /// one event's places are compared grain by grain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place_words: Vec<(u32, String)>,
    /// The class of thing an accident happened to ("bus", "vessel",
    /// "speedboat"), when the sentence says: a launch's capsize and a
    /// speedboat's are two accidents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<String>,
    /// Places written as a description of them, by the gazetteer's name,
    /// folded ("in the Ugandan capital": `kampala`), or
    /// [`CAPITAL_OF_THE_FILE`] for "the capital" alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place_names: Vec<String>,
    /// Parts of a city the recogniser or the gazetteer may not know,
    /// written as within it ("the Tejgaon industrial area of Dhaka",
    /// "Dhaka's Mirpur area", "in Landhi, Karachi"): (the part's name,
    /// the city's), folded. Two parts of one city named differently are
    /// two places; a part and its city are one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<(String, String)>,
    /// Stems of the words that tie the date to the event (see
    /// `event_dates::phase_words`): whether it dates the event, its start,
    /// its end or a part. Empty when undated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phase_words: Vec<String>,
    /// For the harm a report leads with: the place mentions below a
    /// country its sentence names outside the dateline, whatever the
    /// parse hung them on ("capsized off Sicily"), so that two reports'
    /// lead events placed apart stay apart (see
    /// `index::event::one_lead_event`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub around: Vec<u32>,
    /// Its date names a night ("on Friday night", "late on Friday", "in
    /// the night from Friday to Saturday"), dated by its evening: the
    /// event may have happened after midnight, on the next day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub night: bool,
}

impl Event {
    /// The day (or the few days) it happened, when the text says so
    /// precisely enough to compare with another report's date.
    pub fn precise_when(&self) -> Option<(Ymd, Ymd)> {
        self.when.filter(|&(lo, hi)| hi.days() - lo.days() <= 7)
    }
}

/// What the event reader needs of one sentence.
pub struct SentenceInput<'a> {
    pub text: &'a str,
    pub doc: &'a DocAnalysis,
    pub start: usize,
    pub end: usize,
    /// Mentions of the sentence (indices, sorted).
    pub mentions: &'a [u32],
    /// Attribution spans: their names are sources, not participants.
    pub exclude: &'a [(usize, usize)],
    /// The file's publication interval.
    pub anchor: Option<(Ymd, Ymd)>,
}

/// A parsed sentence with its mentions placed on tokens and its events.
pub struct SentenceFrames {
    pub parse: Parse,
    /// (mention, its head token), for the sentence's mentions that cover
    /// a token.
    heads: Vec<(u32, usize)>,
    /// (mention, its head token) of the names the sentence gives as its
    /// sources: no participants, except of what a source says of itself
    /// ("X announced his resignation", "X, who quit on Tuesday, said").
    speakers: Vec<(u32, usize)>,
    pub events: Vec<Event>,
    /// Per event: the tokens whose arguments belong to it (the event word
    /// and, for a noun, the verb it is an argument of).
    cores: Vec<Vec<usize>>,
    /// Proper-noun tokens no mention covers (outside the dateline and the
    /// sources).
    loose: Vec<bool>,
}

/// Verbs of reporting: a count they seem to govern is the content of
/// what is reported.
const REPORTING: &[&str] = &[
    "say",
    "report",
    "tell",
    "state",
    "confirm",
    "announce",
    "add",
    "estimate",
    "according",
];

/// Nouns of people, bodies and gear that an event noun before them
/// qualifies ("the fire service", "crash investigators", "disaster
/// agency", "election officials"): the phrase names them, not an event.
const QUALIFIED: &[&str] = &[
    "service",
    "brigade",
    "department",
    "official",
    "officer",
    "chief",
    "agency",
    "authority",
    "commission",
    "investigator",
    "fighter",
    "crew",
    "team",
    "expert",
    "victim",
    "survivor",
    "station",
    "engine",
    "truck",
    "alarm",
    "drill",
    "exit",
    "safety",
    "insurance",
    // A risk, a warning or a season of an event is no event ("a very high
    // fire risk for Thursday", "a flood warning", "the fire season").
    "risk",
    "danger",
    "hazard",
    "threat",
    "warning",
    "alert",
    "watch",
    "season",
    "prevention",
];

/// Words that open a clause about something else than the event
/// ("Mozambique, where rain has killed 86").
const RELATIVE_ADVERBS: &[&str] = &[
    "where", "when", "while", "whereas", "after", "before", "since",
];

/// Relations through which a name belongs to the argument it is under
/// ("a Transandes jet", "Tom Harwood and Isabel Fuentes", "its chief
/// executive, Hugo Brandt").
fn follows(p: &Parse, t: usize, places: bool) -> bool {
    let d = p.tokens[t].deprel;
    match d.rel {
        // ("list": the parser's reading of a title and a name run
        // together, "Vietnamese Trade Minister Nguyen Thi Lan".)
        Rel::Compound | Rel::Flat | Rel::Appos | Rel::Conj | Rel::Amod | Rel::List => true,
        // "Lowell's former finance chief": the possessor qualifies the
        // participant, it does not take part.
        Rel::Nmod if d.sub == Some(Sub::Poss) => false,
        Rel::Nmod => {
            let case = p.case_marker(t);
            match case.as_deref() {
                Some("of") => true,
                Some(c) => places && lexicon::PLACE_CASES.contains(&c),
                None => places,
            }
        }
        // "sentenced former fund manager Emeka Okafor": a name right after
        // its title, however the parser hung it there (as an object).
        _ => {
            p.tokens[t].upos == Upos::Propn
                && p.case_marker(t).is_none()
                && p.head(t).is_some_and(|h| {
                    h < t
                        && p.tokens[h].upos == Upos::Noun
                        && (h + 1..t).all(|x| p.tokens[x].upos == Upos::Propn)
                })
        }
    }
}

impl SentenceFrames {
    /// The head token of mention `m`, if the parse covers it.
    pub fn head_of(&self, m: u32) -> Option<usize> {
        self.heads.iter().find(|(x, _)| *x == m).map(|(_, t)| *t)
    }

    /// Mentions whose head is `t`.
    fn mentions_at(&self, t: usize) -> impl Iterator<Item = u32> + '_ {
        self.heads
            .iter()
            .filter(move |(_, h)| *h == t)
            .map(|(m, _)| *m)
    }

    /// Names under argument token `t`, following the relations of
    /// [`follows`] (and prepositional place modifiers when `places`).
    fn names_under(&self, t: usize, places: bool) -> Vec<u32> {
        self.names_and_loose(t, places, &mut Vec::new())
    }

    /// [`Self::names_under`], and the proper nouns no mention covers
    /// (folded, a name's words joined) into `loose`.
    fn names_and_loose(&self, t: usize, places: bool, loose: &mut Vec<String>) -> Vec<u32> {
        let p = &self.parse;
        let mut out: Vec<u32> = Vec::new();
        let mut stack = vec![t];
        let mut seen = 0;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            out.extend(self.mentions_at(x));
            if self.loose[x] && !self.loose_head_above(x) {
                let mut parts: Vec<usize> = std::iter::once(x)
                    .chain(p.children(x).iter().copied().filter(|&c| {
                        self.loose[c] && matches!(p.tokens[c].deprel.rel, Rel::Flat | Rel::Compound)
                    }))
                    .collect();
                parts.sort_unstable();
                let words: Vec<&str> = parts.iter().map(|&c| p.tokens[c].form.as_str()).collect();
                loose.push(crate::analysis::text::fold::ascii_key(&words.join(" ")));
            }
            for &c in p.children(x) {
                if follows(p, c, places) {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether `x` is part of a longer loose name headed above it.
    fn loose_head_above(&self, x: usize) -> bool {
        let p = &self.parse;
        matches!(p.tokens[x].deprel.rel, Rel::Flat | Rel::Compound)
            && p.head(x).is_some_and(|h| self.loose[h])
    }

    /// The event whose words govern token `t`: `t` or its nearest
    /// ancestor is one of an event's core tokens.
    pub fn event_over(&self, t: usize) -> Option<usize> {
        std::iter::once(t)
            .chain(self.parse.ancestors(t))
            .find_map(|x| self.cores.iter().position(|c| c.contains(&x)))
            .or_else(|| self.harm_causing(t))
            // A sentence that reports one event: its amounts are that
            // event's, however the parse attached them; not those of a
            // relative clause ("Mozambique, where rain has killed 86").
            .or_else(|| {
                let p = &self.parse;
                // ("A ferry capsized ..., killing 27": a participle of harm
                // the parser hung on a noun is still the event's.)
                let relative = std::iter::once(t).chain(p.ancestors(t)).any(|x| {
                    (p.tokens[x].deprel.rel == Rel::Acl
                        && !crate::analysis::claims::quantity::measure::is_casualty_cue(
                            &p.tokens[x].form.to_ascii_lowercase(),
                        ))
                        || p.children(x).iter().any(|&c| {
                            matches!(p.tokens[c].deprel.rel, Rel::Advmod | Rel::Mark)
                                && RELATIVE_ADVERBS
                                    .contains(&p.tokens[c].form.to_ascii_lowercase().as_str())
                        })
                });
                (self.events.len() == 1 && !relative).then_some(0)
            })
    }

    /// The harm a death or an injury counted at `t` came of: "Thirty-nine
    /// people died when the launch sank", "two were hurt after the bus
    /// overturned" (a clause of time or cause on the verb of harm).
    fn harm_causing(&self, t: usize) -> Option<usize> {
        let p = &self.parse;
        let harmed = std::iter::once(t).chain(p.ancestors(t)).find(|&x| {
            is_verbal(p, x)
                && crate::analysis::claims::quantity::measure::is_casualty_cue(
                    &p.tokens[x].form.to_ascii_lowercase(),
                )
        })?;
        p.children_with(harmed, Rel::Advcl).find_map(|c| {
            self.cores
                .iter()
                .position(|core| core.contains(&c))
                .filter(|&i| self.events[i].kind.harms_people())
        })
    }

    /// An event of the sentence that harms people, for a count of
    /// casualties the parse hung elsewhere ("Rescuers searched ... after a
    /// bus plunged ..., killing 24"): the first one, when there is one.
    pub fn harm_event(&self) -> Option<usize> {
        self.events
            .iter()
            .position(|e| e.kind.harms_people() && !e.background && !e.negated)
    }

    /// Whether the predicate that governs count `t` counts casualties:
    /// "killing 24", "24 people died", "the toll rose to 24", "12 dead"
    /// do; "at least 60 people swam ashore or were pulled out" does not,
    /// whatever word of harm the sentence has elsewhere. A verb of
    /// reporting ("..., local media report") governs nothing here.
    pub fn clause_counts_casualties(&self, t: usize) -> bool {
        let p = &self.parse;
        let cue = |x: usize| {
            crate::analysis::claims::quantity::measure::is_casualty_cue(
                &p.tokens[x].form.to_ascii_lowercase(),
            )
        };
        let n = match p.tokens[t].deprel.rel {
            Rel::Nummod | Rel::Amod | Rel::Det | Rel::Compound => p.head(t).unwrap_or(t),
            _ => t,
        };
        if cue(n) || p.children(n).iter().any(|&c| cue(c)) {
            return true;
        }
        let Some(h) = p.head(n) else { return true };
        if !is_verbal(p, h) || REPORTING.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str())
        {
            return true;
        }
        // "lost their lives": the object names the harm.
        let mut near: Vec<usize> = vec![h];
        near.extend(p.objects(h));
        near.extend(
            p.children(h)
                .iter()
                .copied()
                .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Conj | Rel::Xcomp)),
        );
        for s in p.subjects(h) {
            near.extend((0..p.len()).filter(|&x| p.dominates(s, x)));
        }
        near.into_iter().any(cue)
    }

    /// The named subject of the clause that token `t` is in: the subject
    /// of its clause head, resolved to a name mention under it.
    pub fn subject_of(&self, t: usize, doc: &DocAnalysis) -> Option<u32> {
        let p = &self.parse;
        let clause = p.clause_of(t);
        for s in p.subjects(clause) {
            if let Some(m) = self
                .names_under(s, false)
                .into_iter()
                .find(|&m| doc.mentions[m as usize].kind.is_name())
            {
                return Some(m);
            }
        }
        None
    }

    /// The name, folded, that the subject of the clause of token `t` is
    /// when no mention covers it ("Businessman Cornel Ilie was sentenced
    /// to five years", "The Socialists (PS) won four seats"): the amount
    /// is that someone's, whom recognition missed, not the story's. Only
    /// the subject's head and the words of its name count, not a clause
    /// or an apposition hanging on it ("led by Helena Faria"); a
    /// capitalised first word of the sentence alone tells nothing.
    pub fn unread_subject_name(&self, t: usize, doc: &DocAnalysis) -> Option<String> {
        let p = &self.parse;
        let covered = |x: usize| {
            let tok = &p.tokens[x];
            doc.mentions
                .iter()
                .any(|m| m.start < tok.end && tok.start < m.end)
        };
        let capitalised = |x: usize| {
            let f = &p.tokens[x].form;
            f.chars().next().is_some_and(|c| c.is_uppercase())
                && f.chars().any(|c| c.is_lowercase())
        };
        let clause = p.clause_of(t);
        p.subjects(clause).into_iter().find_map(|s| {
            let mut words: Vec<usize> = std::iter::once(s)
                .chain(
                    p.children(s)
                        .iter()
                        .copied()
                        .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Flat | Rel::Compound)),
                )
                .filter(|&x| capitalised(x) && matches!(p.tokens[x].upos, Upos::Noun | Upos::Propn))
                .collect();
            words.sort_unstable();
            let unread = words
                .iter()
                .any(|&x| self.loose[x] || (x > 0 && !covered(x)));
            (unread && !words.iter().any(|&x| covered(x))).then(|| {
                let w: Vec<&str> = words.iter().map(|&x| p.tokens[x].form.as_str()).collect();
                crate::analysis::text::fold::ascii_key(&w.join(" "))
            })
        })
    }

    /// Whether the clause of token `t` is negated.
    pub fn negated_at(&self, t: usize) -> bool {
        self.parse.is_negated(t)
    }
}

/// Parse the sentence and read its events. `None` when the parser has no
/// weights or the sentence is too long to parse (callers fall back to
/// word rules).
pub fn read(inp: &SentenceInput) -> Option<SentenceFrames> {
    // A dateline ("MATARAM, Indonesia (Reuters) - ") is no part of the
    // sentence's grammar, and parsing it in misleads the tagger.
    let dateline_end = dateline_end(inp.text, inp.start, inp.end);
    let parse = crate::analysis::syntax::parse(inp.text, dateline_end, inp.end)?;
    let mut heads = Vec::new();
    let mut speakers = Vec::new();
    for &m in inp.mentions {
        let men = &inp.doc.mentions[m as usize];
        if men.start < dateline_end {
            continue;
        }
        let source = inp
            .exclude
            .iter()
            .any(|&(a, b)| men.start < b && a < men.end)
            && men.kind.is_name();
        let inside: Vec<usize> = (0..parse.len())
            .filter(|&t| {
                let tok = &parse.tokens[t];
                tok.start >= men.start && tok.end <= men.end
            })
            .collect();
        let head = inside.iter().copied().find(|&t| {
            parse
                .head(t)
                .is_none_or(|h| parse.tokens[h].start < men.start || parse.tokens[h].end > men.end)
        });
        match head {
            Some(h) if source => speakers.push((m, h)),
            Some(h) => heads.push((m, h)),
            None => {}
        }
    }
    // Proper nouns no mention covers; a sentence's first word is
    // capitalised anyway and not taken.
    // A person's title ("Vietnamese Trade Minister Nguyen Thi Lan") is
    // covered by that person: its capitalised words name nobody else.
    let covered = |t: &crate::analysis::syntax::Token| {
        inp.mentions.iter().any(|&m| {
            let men = &inp.doc.mentions[m as usize];
            (t.start < men.end && men.start < t.end)
                || men.roles.iter().any(|r| t.start < r.end && r.start < t.end)
        })
    };
    let lexicon = crate::analysis::ner::lexicon::Lexicon::get();
    let loose: Vec<bool> = parse
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            i > 0
                && t.upos == Upos::Propn
                && t.start >= dateline_end
                && t.form.chars().next().is_some_and(|c| c.is_uppercase())
                && t.form.chars().any(|c| c.is_lowercase())
                && !covered(t)
                && !inp.exclude.iter().any(|&(a, b)| t.start < b && a < t.end)
                // "her Ugandan counterpart": a country's adjective names
                // no party (two reports of one meeting write "Kenyan" and
                // "Ugandan" each on its side).
                && lexicon.country(&t.form).is_none()
        })
        .collect();
    let mut sf = SentenceFrames {
        parse,
        heads,
        speakers,
        events: Vec::new(),
        cores: Vec::new(),
        loose,
    };
    find_events(&mut sf, inp);
    Some(sf)
}

fn is_verbal(p: &Parse, t: usize) -> bool {
    matches!(p.tokens[t].upos, Upos::Verb)
}

#[cfg(test)]
#[path = "event_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "event_places_tests.rs"]
mod places_tests;

#[cfg(test)]
#[path = "event_dates_tests.rs"]
mod event_dates_tests;

#[cfg(test)]
#[path = "event_words_tests.rs"]
mod event_words_tests;
