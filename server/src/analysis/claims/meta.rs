//! What a file says about itself: when it was published and where it was
//! filed. The date comes, best first, from a publication keyword line
//! ("Published May 2, 2019"), a timestamp line or title timestamp, a wire
//! dateline ("WASHINGTON, May 2 (Reuters) -"), a date opening the lede, an
//! "Updated" line, a dated report in the lede ("reported by Reuters on
//! December 17"), and failing all of these an interval estimated from the
//! dates the text mentions ([`super::estimate`]). A missing year comes from
//! the nearest dated context; a numeric date whose day and month could be
//! swapped is kept as two readings, with whatever in the text favours one.
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

use super::dateline::{self, Candidate, Dated, Dateline, Kind};
use super::dates::context::classify;
use super::dates::{self, Confidence, DateSource, PubDate, Ymd};
pub use super::folder_dates::OpenDate;
use super::words::floor_boundary;
use crate::analysis::model::{DocAnalysis, EntityKind};
use crate::analysis::text::structure::lines;

/// A numeric date that reads as two different days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateAmbiguity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Day-first reading, then month-first.
    pub readings: [Ymd; 2],
    /// Index into `readings` the context favours, if any.
    pub favoured: Option<usize>,
    /// What in the text favours it, or why nothing does.
    pub context: String,
    /// The favoured reading is settled, not merely likelier: a weekday the
    /// story tells its news on fits only it (see [`weekday`]).
    #[serde(default)]
    pub settled: bool,
}

#[path = "meta_year.rs"]
mod year;
pub(super) use year::{today, year_by_weekday};

/// The weekdays a wire lead that gives no date dates its news by (each
/// the day of writing or the one before): those after its dateline
/// (`FileDate::dateline`), in text order.
pub fn wire_lead_weekdays(text: &str, fd: &FileDate) -> Vec<u8> {
    match (&fd.dateline, &fd.date) {
        (Some(dl), None)
        | (
            Some(dl),
            Some(PubDate {
                source: DateSource::Content,
                ..
            }),
        ) => year::weekdays_after(text, dl.end)
            .into_iter()
            .map(|(w, _)| w)
            .collect(),
        _ => Vec::new(),
    }
}
#[path = "meta_weekday.rs"]
mod weekday;

static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:end|beginning|start|middle)\s+of\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b|\bin\s+(January|February|March|April|June|July|August|September|October|November|December)\b(?:\s*[,.]|\s+[a-z])").unwrap()
});

/// The head of a page: its first twelve lines, at most 2,000 bytes (the
/// whole first line, up to 4,000, when it is longer).
fn head_end(text: &str, ls: &[(usize, usize)]) -> usize {
    let twelfth = ls.get(11).map(|l| l.1).unwrap_or(text.len());
    let first = ls.first().map(|l| l.1).unwrap_or(0).min(4000);
    floor_boundary(text, twelfth.min(2000).max(first))
}

/// Lines that start with a publication keyword, anywhere before the
/// page's trailing furniture, short enough to be a byline.
fn keyword_line(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let low = line
        .trim_start()
        .trim_start_matches(['|', '·', '•', '-', '*', '('])
        .trim_start();
    let first: String = low
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        first.as_str(),
        "published"
            | "posted"
            | "updated"
            | "last"
            | "modified"
            | "date"
            | "dated"
            | "first"
            | "originally"
            | "created"
            | "publication"
    )
}

fn all_dates(text: &str, doc: &DocAnalysis) -> Vec<Dated> {
    let st = &doc.structure;
    let ls = lines(text);
    let head = head_end(text, &ls);
    let line_of = |pos: usize| {
        let k = ls.partition_point(|l| l.1 < pos);
        ls.get(k).copied().unwrap_or((pos, pos))
    };
    let sentence_of = |pos: usize| {
        st.sentence_at(pos)
            .map(|i| (st.sentences[i].start, st.sentences[i].end))
    };
    let mut out: Vec<Dated> = Vec::new();
    // Spans taken, by start: kept spans never overlap, so only the one
    // starting last before `f.end` can overlap `f`.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut push = |out: &mut Vec<Dated>, f: dates::Found, head: bool| {
        if taken
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &e)| e > f.start)
        {
            return;
        }
        taken.insert(f.start, f.end);
        let line = line_of(f.start);
        // Furniture is read line by line, prose sentence by sentence.
        let (sa, sb) = if head {
            line
        } else {
            sentence_of(f.start).unwrap_or(line)
        };
        out.push(Dated {
            start: f.start,
            end: f.end,
            expr: f.expr,
            ctx: classify(text, sa, sb, f.start, f.end),
            line,
            head,
        });
    };
    for f in dates::scan(text, 0, head) {
        push(&mut out, f, true);
    }
    // Agencies writing in or from other languages date their datelines
    // with their own month names ("LISBOA, 3 de março de 2023 (Lusa) -"):
    // read in the head and at the opening of the first paragraphs only.
    for f in dates::foreign::scan_foreign(text, 0, head) {
        push(&mut out, f, true);
    }
    for p in st.paragraphs.iter().filter(|p| !p.boilerplate).take(3) {
        let end = super::words::floor_boundary(text, (p.start + 160).min(p.end));
        for f in dates::foreign::scan_foreign(text, p.start, end) {
            push(&mut out, f, p.start < head);
        }
    }
    // Their wire datelines may write a short month and no year ("SANTIAGO,
    // 10 ene (EFE) -"): read inside the dateline only.
    if let Some(dl) = dateline::wire_dateline(text, doc) {
        for f in dates::foreign::scan_dateline_short(text, dl.start, dl.end) {
            push(&mut out, f, dl.start < head);
        }
    }
    // Byline lines past the head, before the trailing teasers.
    let body_end = st
        .paragraphs
        .iter()
        .rev()
        .find(|p| !p.boilerplate)
        .map(|p| p.end)
        .unwrap_or(text.len());
    for &(a, b) in ls.iter().filter(|l| l.0 >= head && l.1 <= body_end) {
        if keyword_line(&text[a..b]) {
            for f in dates::scan(text, a, b) {
                push(&mut out, f, false);
            }
        }
    }
    // Dates the recogniser found in the body, read with their context.
    for m in doc.mentions.iter().filter(|m| m.kind == EntityKind::Date) {
        if m.end <= head {
            continue;
        }
        if let Some(f) = dates::read_at(text, m.start, m.end) {
            push(&mut out, f, false);
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Order evidence from the other numeric dates: Some(true) = day first.
fn day_first_evidence(text: &str, all: &[Dated]) -> Option<(bool, String)> {
    for d in all
        .iter()
        .filter(|d| d.expr.numeric && d.expr.swap.is_none() && d.expr.is_day())
    {
        let t = d.text(text);
        let first: u32 = t.split(['/', '.', '-']).next()?.trim().parse().ok()?;
        // ISO dates are year first: no evidence either way.
        if first > 31 {
            continue;
        }
        if first > 12 {
            return Some((
                true,
                format!("'{t}' elsewhere in the text is written day first"),
            ));
        }
        if d.expr.d.is_some_and(|x| x > 12) {
            return Some((
                false,
                format!("'{t}' elsewhere in the text is written month first"),
            ));
        }
    }
    None
}

/// Time zones whose writers put the month first (North America), and
/// zones of countries that put the day first.
const MONTH_FIRST_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "AKDT", "HST",
];
const DAY_FIRST_ZONES: &[&str] = &[
    "GMT", "BST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "IST", "AEST", "AEDT", "ACST",
    "ACDT", "AWST", "NZST", "NZDT", "SAST", "EAT", "WAT", "CAT", "MSK", "PKT", "WIB", "SGT", "HKT",
];

/// Publication labels of languages that write numeric dates day first
/// (French, Spanish, Portuguese, Italian, German, Dutch, Polish, Czech).
/// English "Published" is no evidence: both orders use it.
const DAY_FIRST_LABELS: &[&str] = &[
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "publicação",
    "pubblicato",
    "aggiornato",
    "actualizado",
    "veröffentlicht",
    "aktualisiert",
    "gepubliceerd",
    "bijgewerkt",
    "opublikowano",
    "aktualizacja",
    "publikováno",
    "aktualizováno",
];

/// Countries whose numeric dates are month first, or mixed.
const MONTH_FIRST_COUNTRIES: &[&str] = &["United States"];
const MIXED_COUNTRIES: &[&str] = &["Canada", "Philippines"];

/// The writing convention of the line a numeric date is on: a time zone
/// written with it ("07:30 PM ET" is North American, month first; "GMT",
/// "AEDT" day first), or the place of a short credit line ("The
/// Advertiser, Adelaide — 08/11/2021", "La Paz, 12/06/2019 (EFE)") or
/// of the wire dateline. A long line (a headline) names what the story is
/// about, not where it was written: it is no evidence.
fn convention_evidence(
    text: &str,
    d: &Dated,
    dateline: Option<&Dateline>,
) -> Option<(bool, String)> {
    let (a, b) = d.line;
    let line = &text[a..b];
    let date = d.text(text);
    // The zone is read with the time, inside the date's span or after it.
    let words: Vec<&str> = text[d.start..b]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    if let Some(z) = words.iter().find(|w| MONTH_FIRST_ZONES.contains(w)) {
        return Some((
            false,
            format!("'{date}' is written with the North American time zone {z}: month first"),
        ));
    }
    if let Some(z) = words.iter().find(|w| DAY_FIRST_ZONES.contains(w)) {
        return Some((
            true,
            format!("'{date}' is written with the time zone {z}: day first"),
        ));
    }
    // A label in a language whose writers put the day first ("Publié le
    // 10/06/2016 à 06:30", "Publicado el", "Veröffentlicht am").
    let label = text[a..b]
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .find(|w| DAY_FIRST_LABELS.contains(&w.as_str()));
    if let Some(w) = label {
        return Some((
            true,
            format!("'{date}' is labelled '{w}', in a language that writes the day first"),
        ));
    }
    let rest: String = format!("{}{}", &text[a..d.start], &text[d.end..b]);
    let short = rest.split_whitespace().count() <= 6;
    let mut places: Vec<(usize, usize)> = Vec::new();
    if short {
        places.push((a, b));
    }
    if let Some(p) = dateline.and_then(|dl| dl.place) {
        places.push(p);
    }
    for (pa, pb) in places {
        let seg = if (pa, pb) == (a, b) {
            line
        } else {
            &text[pa..pb]
        };
        let names: Vec<&str> = seg
            .split(|c: char| !(c.is_alphabetic() || c == ' ' || c == '-' || c == '\''))
            .map(str::trim)
            .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
            .collect();
        for n in names {
            // "The Advertiser" is no place; try the name and its last words.
            let ws: Vec<&str> = n.split_whitespace().collect();
            for k in 0..ws.len().min(3) {
                let cand = ws[k..].join(" ");
                let Some(country) = super::resolve::country_of_name(&cand) else {
                    continue;
                };
                if MIXED_COUNTRIES.contains(&country.as_str()) {
                    return None;
                }
                let day_first = !MONTH_FIRST_COUNTRIES.contains(&country.as_str());
                return Some((
                    day_first,
                    format!(
                        "'{date}' is filed from {cand} ({country}), where dates are written {}",
                        if day_first {
                            "day first"
                        } else {
                            "month first"
                        }
                    ),
                ));
            }
        }
    }
    None
}

/// A recent past month named without a year ("At the end of March, ... stated")
/// favours the reading just after it.
fn month_evidence(
    text: &str,
    readings: &[Ymd; 2],
    skip: (usize, usize),
) -> Option<(usize, String)> {
    for c in MONTH_ONLY.captures_iter(text) {
        let whole = c.get(0)?;
        if whole.start() < skip.1 && skip.0 < whole.end() {
            continue;
        }
        let name = c.get(1).or_else(|| c.get(2))?.as_str();
        let month = (1..=12u8).find(|&m| dates::month_name(m) == name)?;
        // The sentence must speak of the past.
        let tail = &text[whole.end()..floor_boundary(text, whole.end() + 120)];
        let tail = tail.split(['.', '\n']).next().unwrap_or("");
        let past = tail
            .split_whitespace()
            .take(8)
            .any(|w| w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"));
        if !past {
            continue;
        }
        // Months between that month (most recent occurrence) and each reading.
        let gap = |r: &Ymd| ((r.m as i32 - month as i32) + 12) % 12;
        let (g0, g1) = (gap(&readings[0]), gap(&readings[1]));
        let (best, other) = if g0 <= g1 { (0, g1) } else { (1, g0) };
        let gbest = g0.min(g1);
        if gbest <= 1 && other >= 3 {
            // Quote from the start of that sentence up to its verb.
            let from = text[..whole.start()]
                .rfind(['.', '\n'])
                .map(|p| p + 1)
                .unwrap_or(0);
            let upto = floor_boundary(text, whole.end() + 50);
            let snippet: String = text[from..upto]
                .split('\n')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            return Some((
                best,
                format!(
                    "'{snippet}…' names {name} as a recent past month, which fits {} better",
                    readings[best].long()
                ),
            ));
        }
    }
    None
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileDate {
    pub date: Option<PubDate>,
    /// Why there is no date, or what is unsure about it.
    pub note: String,
    pub ambiguities: Vec<DateAmbiguity>,
    /// A wire dateline ("WASHINGTON, May 2 (Reuters) -"): its place and
    /// agency are where the story was filed, not what it is about.
    pub dateline: Option<Dateline>,
    /// What the text leaves open about its date (a year, the order of
    /// day and month, the date itself), for the folder's other reports of
    /// the story to settle (see [`super::folder_dates`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<OpenDate>,
    /// What an undated page says of the days it looks back to, for the
    /// folder to bound its date by (see [`super::estimate::LookBack`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub looks_back: Option<super::estimate::LookBack>,
}

impl FileDate {
    /// The publication interval to resolve partial and relative dates of
    /// the text against ("Monday 12 November", "last week"), when it is
    /// known to within a year.
    pub fn anchor(&self) -> Option<(Ymd, Ymd)> {
        self.date
            .as_ref()
            .map(|d| d.range())
            .filter(|(lo, hi)| hi.days() - lo.days() <= 366)
    }
}

fn ambiguities(text: &str, all: &[Dated], order: &Option<(bool, String)>) -> Vec<DateAmbiguity> {
    if order.is_some() {
        return Vec::new(); // the text tells the order
    }
    let mut out = Vec::new();
    // Each reading costs a pass over the text for evidence: the first
    // ambiguous dates get it, the rest of a page full of them do not.
    let mut budget = 16;
    for d in all.iter().filter(|d| d.expr.swap.is_some()) {
        let (Some(y), Some(m), Some(day), Some(swap)) = (d.expr.y, d.expr.m, d.expr.d, d.expr.swap)
        else {
            continue;
        };
        let Some(dm) = Ymd::new(y, m, day) else {
            continue;
        };
        let readings = [dm, swap];
        let settling = if budget > 0 {
            weekday::weekday_evidence(text, &readings)
        } else {
            None
        };
        let settled = settling.is_some();
        let evidence = if budget > 0 {
            budget -= 1;
            settling.or_else(|| month_evidence(text, &readings, (d.start, d.end)))
        } else {
            None
        };
        let (favoured, context) = match evidence {
            Some((i, why)) => (Some(i), why),
            None => (
                None,
                "nothing else in the text decides the order".to_string(),
            ),
        };
        out.push(DateAmbiguity {
            start: d.start,
            end: d.end,
            text: d.text(text).to_string(),
            readings,
            favoured,
            context,
            settled,
        });
    }
    out
}

/// The publication date a candidate gives: its day range, confidence and
/// reason, or why it gives none.
fn from_candidate(
    text: &str,
    all: &[Dated],
    c: &Candidate,
    fields: &[usize],
    order: &Option<(bool, String)>,
    amb: &[DateAmbiguity],
) -> Result<PubDate, String> {
    let d = &all[c.dated];
    let quoted = d
        .text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let source = match c.kind {
        Kind::Published | Kind::Updated => DateSource::Byline,
        _ => DateSource::Dateline,
    };
    let base = match c.kind {
        Kind::Updated | Kind::PlainWire => Confidence::Medium,
        _ => Confidence::High,
    };
    let mk = |lo: Ymd, hi: Ymd, confidence: Confidence, reason: String| PubDate {
        lo,
        hi,
        confidence,
        reason,
        source,
        start: d.start,
        end: d.end,
    };
    let updated = if c.kind == Kind::Updated {
        "; the page may first have appeared earlier"
    } else {
        ""
    };
    let (Some(m), Some(day)) = (d.expr.m, d.expr.d) else {
        return Err(format!("'{quoted}' names no day"));
    };
    let Some(y) = d.expr.y else {
        return match dateline::complete_year(text, d, all, fields, year::today()) {
            Some((x, why, sure)) => Ok(mk(
                x,
                x,
                sure.min(base),
                format!("{} '{quoted}', {why}{updated}", c.what),
            )),
            None => Err(format!("the {} '{quoted}' gives no year", c.what)),
        };
    };
    let Some(main) = Ymd::new(y, m, day) else {
        return Err(format!("'{quoted}' is not a valid day"));
    };
    let weekday_note = match d.expr.weekday {
        Some(w) if main.weekday() != w && d.expr.swap.is_none() => {
            "; but its weekday does not match the day"
        }
        _ => "",
    };
    let confidence = if weekday_note.is_empty() {
        base
    } else {
        Confidence::Medium.min(base)
    };
    Ok(match (d.expr.swap, order) {
        (None, _) => mk(
            main,
            main,
            confidence,
            format!("{} '{quoted}'{weekday_note}{updated}", c.what),
        ),
        (Some(s), Some((day_first, why))) => {
            let x = if *day_first { main } else { s };
            mk(
                x,
                x,
                Confidence::Medium.min(base),
                format!("{} '{quoted}', day order: {why}", c.what),
            )
        }
        (Some(s), None) => {
            // A weekday the story tells its news on settles the order.
            let settled = amb
                .iter()
                .find(|a| a.start == d.start && a.settled)
                .and_then(|a| Some((a.readings[a.favoured?], a.context.clone())));
            if let Some((x, why)) = settled {
                return Ok(mk(
                    x,
                    x,
                    Confidence::Medium.min(base),
                    format!("{} '{quoted}', day order: {why}", c.what),
                ));
            }
            let fav = amb
                .iter()
                .find(|a| a.start == d.start)
                .and_then(|a| {
                    a.favoured.map(|i| {
                        format!("; the text favours {}: {}", a.readings[i].long(), a.context)
                    })
                })
                .unwrap_or_default();
            mk(
                main.min(s),
                main.max(s),
                Confidence::Low,
                format!(
                    "{} '{quoted}' reads as {} (day first) or {} (month first){fav}",
                    c.what,
                    main.long(),
                    s.long()
                ),
            )
        }
    })
}

/// A dated report verb in the lede: "This was reported by Reuters on
/// December 17", "the ministry said on 3 May".
fn dated_report(
    text: &str,
    doc: &DocAnalysis,
    all: &[Dated],
    fields: &[usize],
) -> Option<Result<PubDate, String>> {
    let st = &doc.structure;
    let first_body = st
        .paragraphs
        .iter()
        .position(|p| !p.boilerplate && !p.headline)
        .unwrap_or(0);
    let limit = st
        .paragraphs
        .get(first_body + 2)
        .map(|p| p.end)
        .unwrap_or(text.len());
    let d = all
        .iter()
        .find(|d| d.start < limit && d.expr.is_day() && d.ctx.report && !d.ctx.event)?;
    let quoted = d
        .text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let day = match d.expr.y {
        Some(y) => Ymd::new(y, d.expr.m?, d.expr.d?).map(|x| (x, String::new())),
        None => dateline::complete_year(text, d, all, fields, year::today())
            .map(|(x, why, _)| (x, format!("; {why}"))),
    };
    Some(match day {
        Some((x, why)) => Ok(PubDate {
            lo: x,
            hi: x,
            confidence: Confidence::Medium,
            reason: format!(
                "dated report '{quoted}'{why}; the article is from that day or shortly after"
            ),
            source: DateSource::Report,
            start: d.start,
            end: d.end,
        }),
        None => Err(format!(
            "'{quoted}' dates a report, but the text gives no year"
        )),
    })
}

pub fn infer(text: &str, doc: &DocAnalysis) -> FileDate {
    let mut all = all_dates(text, doc);
    let mut out = FileDate {
        dateline: dateline::wire_dateline(text, doc),
        ..FileDate::default()
    };
    let order = day_first_evidence(text, &all).or_else(|| {
        // The first ambiguous date of the page's head (its dateline or
        // timestamp) tells the page's convention.
        all.iter()
            .filter(|d| d.head && d.expr.swap.is_some())
            .take(1)
            .find_map(|d| convention_evidence(text, d, out.dateline.as_ref()))
    });
    out.ambiguities = ambiguities(text, &all, &order);
    let mut notes: Vec<String> = Vec::new();
    let cands = dateline::candidates(text, &all, out.dateline.as_ref());
    let fields: Vec<usize> = cands.iter().map(|c| c.dated).collect();
    // The best few candidates decide (a page of a thousand bylines is
    // not read a thousand times).
    // A day the text gives without a year that none could be found for.
    let mut no_year: Option<OpenDate> = None;
    for c in cands.iter().take(16) {
        let d = &all[c.dated];
        let open_year = || {
            Some(OpenDate::NoYear {
                m: d.expr.m?,
                d: d.expr.d?,
                weekday: d.expr.weekday,
                lead: year::lead_weekdays(text, d)
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect(),
                at: (d.start, d.end),
            })
        };
        match from_candidate(text, &all, c, &fields, &order, &out.ambiguities) {
            Ok(p) => {
                // A year guessed from weekdays alone, or a day and month
                // the text cannot order, stay open to the folder.
                out.open = if d.expr.y.is_none() && p.confidence == Confidence::Low {
                    open_year()
                } else if d.expr.swap.is_some() && p.lo != p.hi {
                    Some(OpenDate::Order {
                        readings: [p.lo, p.hi],
                    })
                } else {
                    None
                };
                out.date = Some(p);
                out.note = notes.join("; ");
                return out;
            }
            Err(why) => {
                if d.expr.y.is_none() && no_year.is_none() {
                    no_year = open_year();
                }
                notes.push(why)
            }
        }
    }
    match dated_report(text, doc, &all, &fields) {
        Some(Ok(p)) => {
            out.date = Some(p);
            out.note = notes.join("; ");
            return out;
        }
        Some(Err(why)) => notes.push(why),
        None => {}
    }
    if notes.is_empty() {
        notes.push("no dateline or dated report in the text".to_string());
    }
    super::estimate::mark_scheduled(text, doc, &mut all);
    out.date = super::estimate::estimate(text, &all);
    out.looks_back = Some(super::estimate::looks_back(text, &all));
    out.open = no_year.or(Some(OpenDate::Unstated));
    out.note = notes.join("; ");
    out
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;
