//! Structured facts read from a claim sentence, enough to compare sources:
//! who holds which role, how much of what, when an event happens, where an
//! organisation or event is. Entities are kept as mention indices; the
//! index maps them to corpus entities.
//!
//! Every extractor prefers saying nothing to guessing: a quantity needs a
//! named subject in its own clause, an event date an event noun next to
//! the date, a location a locating verb.
use serde::{Deserialize, Serialize};

use super::dates::{self, DateExpr};
use super::frames::{Event, SentenceFrames};
use super::quantity::measure::{self, Measure, MeasureInput};
use super::quantity::{self, Amount, DURATIONS};
use super::roles::{self, NormRole};
use super::words::{content_stems, words};
use crate::analysis::model::{DocAnalysis, EntityKind, Mention};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FactBody {
    Role {
        person: u32,
        role: NormRole,
        role_text: String,
        /// A dated frame before the person ("In 2019, ..."): the role
        /// holds then, not at the file's date.
        when: Option<(dates::Ymd, dates::Ymd)>,
    },
    Quantity {
        /// The named subject of the amount's clause ("Norvik will pay"),
        /// when there is one; an amount of an event ("killing 41") may
        /// have none.
        subject: Option<u32>,
        amount: Amount,
        /// What the amount measures: only amounts of the same measure
        /// compare ([`measure::same_measure`]).
        measure: Measure,
        /// Content stems of the clause (what is being counted/measured).
        predicate: Vec<String>,
    },
    EventDate {
        /// Stem of the event noun ("summit", "election").
        event: String,
        /// Names in the event phrase ("NATO" in "the NATO summit").
        entities: Vec<u32>,
        date: DateExpr,
        /// The days it denotes, a partial or relative date ("13 June",
        /// "last Tuesday") resolved against the file's publication date and
        /// the tense of its clause.
        when: Option<(dates::Ymd, dates::Ymd)>,
    },
    /// Where an event happened ("crashed near Cochabamba", "met in
    /// Geneva", "at the O2 Arena in London").
    EventPlace {
        /// The event's kind ("crash", "meeting").
        event: String,
        /// Its participants.
        entities: Vec<u32>,
        places: Vec<u32>,
    },
    Location {
        subject: u32,
        /// What of the subject is placed ("headquarters", "mission").
        heads: Vec<String>,
        /// Place mentions after the locating verb.
        places: Vec<u32>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The span that states the value (role, amount, date, place).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub body: FactBody,
    /// The event the fact belongs to ("killing 41" of a crash, the date
    /// of a meeting), read from the parse: facts of different events are
    /// never compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
    /// Negated in its clause ("did not pay $1.2 billion").
    pub negated: bool,
    /// A hedge scopes over it ("may have killed 20").
    pub hedged: bool,
    /// An amount's own time when its sentence dates it away from the
    /// report ("gave €38 million last year"), or the day of a player's
    /// game ([`period::mark`]): only amounts of one period compare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<(dates::Ymd, dates::Ymd)>,
    /// What a price buys when a common noun says ("sold its packaging
    /// unit for"): the telling stems of the thing's head and modifiers,
    /// sorted ([`amount_objects::thing_bought`]). One seller's sales of
    /// two things are two prices. None when the thing is named (the
    /// deal's participants tell then) or nothing says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Vec<String>>,
    /// An amount of another participant than the one its report is
    /// about, told of only by description ("the other bidder", "his
    /// strike partner", "its rival"): compared with nothing
    /// ([`amount_actors::settle`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other_party: bool,
}

impl Fact {
    pub fn new(start: usize, end: usize, text: &str, body: FactBody) -> Fact {
        Fact {
            start,
            end,
            text: text[start..end].to_string(),
            body,
            event: None,
            negated: false,
            hedged: false,
            period: None,
            object: None,
            other_party: false,
        }
    }
}

const EVENT_NOUNS: &[&str] = &[
    "summit",
    "meeting",
    "election",
    "elections",
    "vote",
    "referendum",
    "conference",
    "talks",
    "visit",
    "inauguration",
    "ceremony",
    "congress",
    "forum",
    "session",
];

/// Mentions fully inside `[a, b)`, as indices.
pub fn mentions_in(doc: &DocAnalysis, a: usize, b: usize) -> Vec<u32> {
    let i = doc.mentions.partition_point(|m| m.end <= a);
    doc.mentions[i..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.start < b)
        .filter(|(_, m)| m.start >= a && m.end <= b)
        .map(|(k, _)| (i + k) as u32)
        .collect()
}

/// Lower-case particles inside a surname ("Pieter de Graaf", "Ursula von
/// der Leyen", "Luiz Inácio Lula da Silva").
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "la", "le",
    "ter", "ten", "bin", "ibn", "al", "el",
];

/// A person mention that reads as a name (not "of the United States"):
/// capitalised words, with surname particles between them.
fn looks_like_name(m: &Mention, text: &str) -> bool {
    let t = m.text(text);
    let ws: Vec<&str> = t.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase());
    ws.first().is_some_and(cap)
        && ws.last().is_some_and(cap)
        && ws.iter().all(|w| cap(w) || NAME_PARTICLES.contains(w))
}

/// Clause around `[a, b)` inside the sentence `[sa, sb)`: cut at `;`, `(`,
/// dashes, ", which", ", who", " that ".
fn clause(text: &str, sa: usize, sb: usize, a: usize, b: usize) -> (usize, usize) {
    // A clause boundary further than this from the value does not matter
    // (and a 10,000-word sentence costs no more than a short one).
    let sa = super::words::floor_boundary(text, a.saturating_sub(CLAUSE_REACH)).max(sa);
    let sb = super::words::floor_boundary(text, b.saturating_add(CLAUSE_REACH)).min(sb);
    let s = &text[sa..sb];
    let low = s.to_ascii_lowercase();
    let mut cuts: Vec<usize> = Vec::new();
    for pat in [
        ";", "(", ")", " – ", " — ", ", which", ", who", " that ", ", while", ", but", ". ",
    ] {
        let mut from = 0;
        while let Some(p) = low[from..].find(pat) {
            cuts.push(sa + from + p);
            cuts.push(sa + from + p + pat.len());
            from += p + pat.len();
        }
    }
    let start = cuts.iter().copied().filter(|&c| c <= a).max().unwrap_or(sa);
    let end = cuts.iter().copied().filter(|&c| c >= b).min().unwrap_or(sb);
    (start, end)
}

/// How far around a value its clause is looked for, in bytes.
const CLAUSE_REACH: usize = 400;

/// The mentions of `ms` (sorted by start) inside `[a, b)`.
fn within(doc: &DocAnalysis, ms: &[u32], a: usize, b: usize) -> Vec<u32> {
    let i = ms.partition_point(|&k| doc.mentions[k as usize].start < a);
    ms[i..]
        .iter()
        .copied()
        .take_while(|&k| doc.mentions[k as usize].start < b)
        .filter(|&k| doc.mentions[k as usize].end <= b)
        .collect()
}

pub struct FactInput<'a> {
    pub text: &'a str,
    pub doc: &'a DocAnalysis,
    pub start: usize,
    pub end: usize,
    /// Attribution spans (sources, cues): not part of what is asserted.
    pub exclude: &'a [(usize, usize)],
    /// The file's publication interval, to resolve partial and relative
    /// dates against (None when it is unknown or wider than a year).
    pub anchor: Option<(dates::Ymd, dates::Ymd)>,
    /// The sentence's parse and events, when it was parsed.
    pub frames: Option<&'a SentenceFrames>,
    /// Events the article reported before this sentence, with who took
    /// part or where, latest last: "Thirty-nine people died" and "the
    /// vessel sank on 12 March" are about the capsizing reported before.
    pub context: &'a [Event],
    /// The country the article is written from or about (its dateline's,
    /// else the one its places are mostly in): the country of an office of
    /// government that names none.
    pub country: Option<&'a str>,
    /// The sentence tells of another event than the reported one ("a
    /// similar accident in 2019"): it inherits none from the context.
    pub another: bool,
    /// The file's wire dateline ("LA PAZ, 21 February 2023 (EFE) -"):
    /// where the story was filed, not where its events happened.
    pub dateline: Option<(usize, usize)>,
    /// The article gave a casualty count of its own in an earlier
    /// sentence ("Two people were killed when fire engulfed a tower
    /// block"): a count after it with no event is of the same harm.
    pub toll_told: bool,
    /// The harm the lead reports when it names no place or participant
    /// (so it is no event of `context`): the event of a later toll of no
    /// event, when the article told of no identified one.
    pub lead_harm: Option<&'a Event>,
}

pub fn extract(inp: &FactInput) -> Vec<Fact> {
    let mut out = Vec::new();
    // A "sentence" longer than the parser reads is run-on text (a table,
    // a page without stops): facts read from it would be guesses, and the
    // readers below look back from each mention to the sentence start, so
    // their cost would grow with the square of its length.
    if inp.end.saturating_sub(inp.start) > crate::analysis::syntax::MAX_SENTENCE_BYTES {
        return out;
    }
    roles_of(inp, &mut out);
    offices(inp, &mut out);
    scores::scores(inp, &mut out);
    fact_sheet::labelled_count(inp, &mut out);
    key_numbers::key_numbers(inp, &mut out);
    fact_box::labelled_amounts(inp, &mut out);
    labelled::labelled_counts(inp, &mut out);
    labelled::bullet_counts(inp, &mut out);
    labelled::labelled_seat(inp, &mut out);
    quantities(inp, &mut out);
    goals_in_words(inp, &mut out);
    match inp.frames {
        Some(sf) => super::frames::facts::of_events(inp, sf, &mut out),
        None => event_dates(inp, &mut out),
    }
    // Counts no reader above took, read through the parse.
    counted::counted(inp, &mut out);
    // Amounts of described participants: another's, or one resolved.
    amount_actors::settle(inp, &mut out);
    // Counts at a stated moment or at their peak.
    amount_stages::mark(inp, &mut out);
    locations(inp, &mut out);
    based_in(inp, &mut out);
    the_place_company(inp, &mut out);
    city_possessive(inp, &mut out);
    // A sentence about another event of the kind (an earlier crash):
    // its facts are of that event, which comparison keeps apart.
    if inp.another {
        for e in out.iter_mut().filter_map(|f| f.event.as_mut()) {
            e.another = true;
        }
    }
    if let Some(sf) = inp.frames {
        for f in &mut out {
            if let Some(t) = sf.parse.token_at(f.start) {
                f.negated |= sf.negated_at(t);
            }
        }
    }
    out
}

/// The facts of a sentence's "Label: value" lines only (fact boxes,
/// who's-who lists, key numbers): all a line that is no sentence states.
pub fn extract_labelled(inp: &FactInput) -> Vec<Fact> {
    let mut out = Vec::new();
    if inp.end.saturating_sub(inp.start) > crate::analysis::syntax::MAX_SENTENCE_BYTES {
        return out;
    }
    offices::listed_offices(inp, &mut out);
    fact_sheet::labelled_count(inp, &mut out);
    key_numbers::key_numbers(inp, &mut out);
    fact_box::labelled_amounts(inp, &mut out);
    labelled::labelled_counts(inp, &mut out);
    labelled::bullet_counts(inp, &mut out);
    labelled::labelled_seat(inp, &mut out);
    out
}

fn roles_of(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    for mi in mentions_in(doc, inp.start, inp.end) {
        let m = &doc.mentions[mi as usize];
        if m.kind != EntityKind::Person || !looks_like_name(m, text) {
            continue;
        }
        for r in &m.roles {
            let from =
                super::words::floor_boundary(text, r.start.saturating_sub(16).max(inp.start));
            let before = &text[from..r.start];
            if let Some(mut norm) = roles::normalize(r, before) {
                let mut start = r.start.min(m.start);
                // "the Alliance's Secretary General": the recogniser leaves
                // the possessor out of the role; it is the organisation.
                if norm.org.is_none() {
                    if let Some(o) = possessor_before(doc, text, inp.start, r.start) {
                        norm.org = Some(o.text(text).to_string());
                        start = start.min(o.start);
                    }
                }
                out.push(Fact::new(
                    start,
                    m.end.max(r.end),
                    text,
                    FactBody::Role {
                        person: mi,
                        role: norm,
                        role_text: r.text.clone(),
                        when: dated_frame(doc, text, inp.start, start),
                    },
                ));
            }
        }
    }
}

/// The first date with a year between the sentence start and `at`.
fn dated_frame(
    doc: &DocAnalysis,
    text: &str,
    from: usize,
    at: usize,
) -> Option<(dates::Ymd, dates::Ymd)> {
    mentions_in(doc, from, at)
        .into_iter()
        .map(|i| &doc.mentions[i as usize])
        .filter(|m| m.kind == EntityKind::Date)
        .filter_map(|m| dates::parse(m.text(text)))
        .find(|d| d.y.is_some())
        .and_then(|d| d.range(None))
        .or_else(|| {
            // "In 2019, ..." at a sentence start is not always a mention.
            let c = FRAME_YEAR.captures(&text[from..at])?;
            let y: i32 = c[1].parse().ok()?;
            Some((dates::Ymd { y, m: 1, d: 1 }, dates::Ymd { y, m: 12, d: 31 }))
        })
}

static FRAME_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:in|since|during|until|by)\s+((?:19|20)\d{2})\b").unwrap()
});

/// An organisation or place named in the possessive right before `at`
/// ("NATO's ", "the Alliance’s ").
fn possessor_before<'d>(
    doc: &'d DocAnalysis,
    text: &str,
    from: usize,
    at: usize,
) -> Option<&'d Mention> {
    let before = text[from..at].trim_end();
    let stem = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))?;
    let end = from + stem.len();
    mentions_in(doc, from, end)
        .into_iter()
        .map(|i| &doc.mentions[i as usize])
        .find(|m| m.end == end && matches!(m.kind, EntityKind::Organization | EntityKind::Location))
}

/// Whether mention `m` lies in one of `spans` (a source, a cue).
fn in_spans(doc: &DocAnalysis, m: u32, spans: &[(usize, usize)]) -> bool {
    let men = &doc.mentions[m as usize];
    spans.iter().any(|&(a, b)| men.start < b && a < men.end)
}

fn event_dates(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    let ws = words(text, inp.start, inp.end);
    for &di in &ms {
        let d = &doc.mentions[di as usize];
        if d.kind != EntityKind::Date {
            continue;
        }
        // The date with its context ("Monday 12 November", "last
        // Tuesday"), resolved against the file's date.
        let Some(read) =
            dates::context::resolve_in_text(text, inp.start, inp.end, d.start, d.end, inp.anchor)
                .map(|r| (r.found.expr, Some(r.interval)))
                .or_else(|| dates::read_at(text, d.start, d.end).map(|f| (f.expr, None)))
        else {
            continue;
        };
        let (expr, when) = read;
        // A weekday or "last week" dates an event only when the file's
        // date pins it to one day.
        let one_day = when.is_some_and(|(a, b)| a == b);
        if expr.m.is_none() && !one_day {
            continue;
        }
        // The event noun: within 8 words before the date, same clause.
        let (ca, _) = clause(text, inp.start, inp.end, d.start, d.end);
        let wi = ws.partition_point(|w| w.end <= d.start);
        let lo = wi.saturating_sub(8);
        let ev = (lo..wi).rev().find(|&k| {
            ws[k].start >= ca && EVENT_NOUNS.contains(&ws[k].text.to_lowercase().as_str())
        });
        let Some(k) = ev else { continue };
        let noun = &ws[k];
        // Names in the event phrase: up to 4 words before the noun, and
        // "of X" right after it.
        let phrase_start = ws[k.saturating_sub(4)].start.max(ca);
        let entities: Vec<u32> = within(doc, &ms, phrase_start, noun.end + 16)
            .into_iter()
            .filter(|&x| {
                let m = &doc.mentions[x as usize];
                m.kind.is_name()
                    && m.kind != EntityKind::Location
                    && ((m.start >= phrase_start && m.end <= noun.start)
                        || (m.start > noun.end
                            && m.start <= noun.end + 12
                            && text[noun.end..m.start]
                                .trim()
                                .to_lowercase()
                                .starts_with("of")))
            })
            .collect();
        if entities.is_empty() {
            continue;
        }
        out.push(Fact::new(
            d.start,
            d.end,
            text,
            FactBody::EventDate {
                event: super::words::stem(noun.text),
                entities,
                date: expr,
                when,
            },
        ));
    }
}
pub mod acts;
mod amount_actors;
mod amount_deals;
mod amount_lists;
pub mod amount_objects;
mod amount_parties;
mod amount_parts;
mod amount_spots;
pub mod amount_stages;
mod amount_terms;
mod amounts;
mod bare_counts;
mod count_frames;
mod count_held;
mod count_reading;
mod count_states;
mod counted;
mod object_counts;
pub use counted::states_a_count;
mod fact_sheet;
pub use fact_sheet::is_labelled_count;
pub use offices::is_labelled_office;
mod goals;
mod holdings;
mod money_acts;
mod offices;
pub mod period;
mod physical;
mod physical_area;
mod physical_more;
mod places;
mod scores;
// Amounts a noun or verb measures, and fact-box lines.
mod fact_box;
// "Label: value" lines: fact boxes, who's-who lists, key numbers.
mod key_numbers;
mod labelled;
pub use labelled::labelled_shape;
mod measured;
mod measured_value;
mod sought;
pub use measured::measurable;
mod measured_words;
use amounts::quantities;
use goals::goals_in_words;
use offices::offices;
use places::{based_in, city_possessive, locations, the_place_company};

#[cfg(test)]
mod acts_tests;
#[cfg(test)]
mod counts_tests;
#[cfg(test)]
mod dateline_tests;
#[cfg(test)]
#[path = "object_counts_tests.rs"]
mod object_counts_tests;
#[cfg(test)]
mod parsed_tests;
#[cfg(test)]
mod tests;
