//! Datelines and bylines: where a page states when it was published.
//!
//! A date is a publication date only where the page's furniture puts it:
//! - after a publication keyword ("Published", "Posted", "Updated", "Last
//!   modified", "Date:"), anywhere before the page's trailing teasers;
//! - on a timestamp line in the head (little else on the line but the date,
//!   a time, bylines, separators and names: "By Jane Doe | May 2, 2019 |
//!   5:03pm");
//! - as a timestamp closing a title line ("... instead of the Pentagon
//!   04/02/2024, 23:30");
//! - in a wire dateline opening the story ("WASHINGTON, May 2 (Reuters) -")
//!   or a date opening the lede ("May 2, 2019 — The company said").
//!
//! A date next to an event noun or in a plan ("a November 22 release
//! date", "Release date: November 22", "the summit will be held on 3
//! March") is never one. Wire datelines without a date ("LONDON (Reuters)
//! -") are kept too: they name the place of writing and the agency, which
//! are not what the story is about.
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

use super::dates::context::DateContext;
use super::dates::{DateExpr, Ymd};
use super::words::{floor_boundary, words};
use crate::analysis::model::DocAnalysis;

/// A date found in a file, with where and how it is written.
#[derive(Clone, Debug)]
pub(super) struct Dated {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
    pub ctx: DateContext,
    /// The line it is on.
    pub line: (usize, usize),
    /// In the head of the page (its first lines).
    pub head: bool,
}

impl Dated {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What the page says about where and by whom a story was filed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    /// "WASHINGTON", "Kyiv, Ukraine".
    pub place: Option<(usize, usize)>,
    /// "Reuters" in "(Reuters)".
    pub agency: Option<(usize, usize)>,
    /// Its place is not in capitals and it names no agency ("Belgrade, 12
    /// March 2026 - "): only its whole date makes it one, a weaker sign.
    #[serde(default)]
    pub plain: bool,
}

/// Kinds of publication-date evidence, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Published,
    Timestamp,
    Wire,
    /// A dateline whose place is not in capitals, with no agency.
    PlainWire,
    Lede,
    Updated,
}

#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub dated: usize,
    pub kind: Kind,
    /// "dateline", "'Published' line", ...
    pub what: &'static str,
}

const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "posted",
    "date",
    "dated",
    "created",
    "filed",
    "released",
    "issued",
    "dateline",
    "written",
];
const UPDATED_WORDS: &[&str] = &["updated", "modified", "edited", "revised", "amended"];

/// Lower-case words a timestamp line may carry besides the date.
const FURNITURE_WORDS: &[&str] = &[
    "by",
    "and",
    "at",
    "on",
    "of",
    "the",
    "from",
    "in",
    "posted",
    "published",
    "updated",
    "last",
    "modified",
    "first",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "read",
    "reading",
    "time",
    "ago",
    "hours",
    "hour",
    "comments",
    "comment",
    "share",
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "news",
    "desk",
    "print",
    "email",
    "photo",
    "video",
    "local",
    "time",
    "st",
    "nd",
    "rd",
    "th",
];

/// Words before a date in a lede that make it the lede's opening, not a
/// date in a sentence.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    // PLACE[, REGION][, DATE] [(AGENCY) | /WIRE/ | (DATE)][.] - ...
    // (Spanish wires close the agency with ".-": "LIMA, 26/03/2025 (EFE).-")
    // DATE: "May 2[, 2019]", "2 May [2019]", "3 de março de 2023", "le 5
    // avril 2022", "12.05.2021".
    Regex::new(
        r"^(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3})(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}))?(?:,\s*(?P<date>(?:(?:le|am)\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?\p{L}{3,10}\.?(?:\s+(?:de\s+)?\d{4})?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})))?\s*(?:\((?P<agency>[A-Za-z][A-Za-z0-9 .&/’'\-]{1,40})\)|/(?P<wire>[A-Za-z][A-Za-z0-9 .&’'\-]{1,40})/|\((?P<pdate>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})\))?\s*\.?(?:-{1,2}|–|—|:)\s+\S",
    )
    .unwrap()
});

/// A business wire's dateline: "LONDON--(BUSINESS WIRE)--Feb. 14, 2020--".
static BUSINESS_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3})(?:,\s*[A-Z][A-Za-z.'’\-]*)?\s*-{1,2}\s*\((?P<agency>[A-Za-z][A-Za-z .&]{1,40})\)\s*-{1,2}\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})\s*(?:-{1,2}|–|—)\s*\S",
    )
    .unwrap()
});

/// A dateline that opens with its date and names the agency but no place:
/// "23.06.2021 (BTA) - ", "June 23, 2021 (Xinhua) — ". The agency is any
/// short capitalised name or acronym in parentheses, known to us or not.
static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*\((?P<agency>[A-Z][A-Za-z0-9&.\-]{1,15}(?:\s+[A-Z][A-Za-z0-9&.\-]{1,15}){0,2})\)\s*\.?(?:-{1,2}|–|—|:)\s+\S",
    )
    .unwrap()
});

/// A wire dateline opening the first body paragraphs.
pub(super) fn wire_dateline(text: &str, doc: &DocAnalysis) -> Option<Dateline> {
    let body = doc
        .structure
        .paragraphs
        .iter()
        .filter(|p| !p.boilerplate && !p.headline)
        .take(3);
    for p in body {
        let head = &text[p.start..super::words::floor_boundary(text, (p.start + 160).min(p.end))];
        if let Some(c) = DATE_FIRST.captures(head) {
            return Some(dateline_of(text, p.start, &c, None, c.name("agency")));
        }
        let Some(c) = WIRE.captures(head).or_else(|| BUSINESS_WIRE.captures(head)) else {
            continue;
        };
        let place = c.name("place")?;
        let agency = c.name("agency").or_else(|| c.name("wire"));
        // A place in capitals ("LONDON") or an agency in parentheses; a
        // capitalised sentence opening ("Officials said -") is neither.
        let caps = place
            .as_str()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && place.as_str().chars().filter(|c| c.is_alphabetic()).count() >= 3;
        // Or a whole date with its year after the place ("Belgrade, 12
        // March 2026 - "): a sentence does not open that way.
        let whole_date = c.name("date").is_some_and(|d| {
            d.as_str()
                .split(|c: char| !c.is_ascii_digit())
                .any(|x| x.len() == 4)
        });
        if !caps && agency.is_none() && !whole_date {
            continue;
        }
        let mut dl = dateline_of(text, p.start, &c, Some(place), agency);
        dl.plain = !caps && agency.is_none();
        return Some(dl);
    }
    None
}

/// The dateline a match at `at` describes, up to the dash that ends it.
fn dateline_of(
    text: &str,
    at: usize,
    c: &regex::Captures,
    place: Option<regex::Match>,
    agency: Option<regex::Match>,
) -> Dateline {
    let whole = c.get(0).expect("a match has its whole");
    // The match ends on the first character after the dash (an en or em
    // dash is several bytes: step back over the whole last character).
    let last = whole.as_str().chars().next_back().map_or(0, char::len_utf8);
    let end = at + whole.end() - last;
    let end = text[..end].trim_end().len();
    Dateline {
        start: at,
        end,
        place: place.map(|p| (at + p.start(), at + p.end())),
        agency: agency.map(|a| (at + a.start(), at + a.end())),
        plain: false,
    }
}

/// The publication keyword opening the field a date is in ("Updated:
/// May 3", "By Jane Doe | Posted on 2 May"): the field holds at most four
/// words before the date, the first of them the keyword. A verb in prose
/// ("figures released April 3") is no keyword.
fn keyword_before(text: &str, d: &Dated) -> Option<Kind> {
    // Four words back at most: the last 80 bytes of the line will do.
    let from = floor_boundary(text, d.start.saturating_sub(80)).max(d.line.0);
    let before = &text[from..d.start];
    let field = before
        .rsplit(['|', '·', '•', '—', '–'])
        .next()
        .unwrap_or(before);
    let ws = words(field, 0, field.len());
    if ws.is_empty() || ws.len() > 4 {
        return None;
    }
    let first = ws[0].text.to_ascii_lowercase();
    let second = ws.get(1).map(|w| w.text.to_ascii_lowercase());
    let key = match first.as_str() {
        "last" | "first" | "originally" => second?,
        _ => first,
    };
    if UPDATED_WORDS.contains(&key.as_str()) {
        Some(Kind::Updated)
    } else if PUBLISHED_WORDS.contains(&key.as_str()) {
        Some(Kind::Published)
    } else {
        None
    }
}

/// Longer lines are never page furniture.
const MAX_FURNITURE_LINE: usize = 400;

/// Lower-case words on the line outside its dates: few on a timestamp
/// line, many in a sentence.
fn prose_words(text: &str, line: (usize, usize), dates: &[&Dated]) -> usize {
    // A line this long is prose whatever it holds.
    if line.1 - line.0 > MAX_FURNITURE_LINE {
        return usize::MAX;
    }
    words(text, line.0, line.1)
        .iter()
        .filter(|w| !dates.iter().any(|d| d.start <= w.start && w.end <= d.end))
        .filter(|w| w.text.chars().next().is_some_and(|c| c.is_lowercase()))
        .filter(|w| !FURNITURE_WORDS.contains(&w.text.to_ascii_lowercase().as_str()))
        .count()
}

/// Only separators, a zone or a time after the date on its line.
fn ends_line(text: &str, d: &Dated) -> bool {
    d.line.1 - d.end <= 80
        && text[d.end..d.line.1].chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '|' | '·' | '•' | '-' | '–' | '—' | ',' | '.' | ')' | ']')
        })
}

/// A day without a year that a preposition ties to the words before it
/// ("Landfall: near Toamasina, on the morning of February 20."): a fact
/// box tells of a day, a stamp names its own.
fn told_day(text: &str, d: &Dated) -> bool {
    let from = floor_boundary(text, d.start.saturating_sub(24)).max(d.line.0);
    d.expr.y.is_none()
        && (governed(text, d)
            || words(text, from, d.start)
                .last()
                .is_some_and(|w| w.text.eq_ignore_ascii_case("of")))
}

/// A preposition right before the date ties it to the words before it
/// ("Vote on 04/02/2024, 10:00").
fn governed(text: &str, d: &Dated) -> bool {
    let from = floor_boundary(text, d.start.saturating_sub(24)).max(d.line.0);
    words(text, from, d.start).last().is_some_and(|w| {
        matches!(
            w.text.to_ascii_lowercase().as_str(),
            "on" | "for"
                | "at"
                | "by"
                | "from"
                | "until"
                | "till"
                | "before"
                | "after"
                | "in"
                | "since"
                | "to"
        )
    })
}

/// Whether a date with its year stands alone at the foot of the page: no
/// lower-case word on its line (a name in brackets may follow), at most
/// three short lines after it ("Share this article"), no event or
/// preposition tying it to words before it.
fn at_foot(text: &str, all: &[Dated], d: &Dated) -> bool {
    if d.expr.y.is_none() || d.ctx.event || governed(text, d) {
        return false;
    }
    let after: Vec<&str> = text[d.line.1..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if after.len() > 3 || after.iter().any(|l| l.chars().count() > 80) {
        return false;
    }
    let from = all.partition_point(|x| x.start < d.line.0);
    let on_line: Vec<&Dated> = all[from..]
        .iter()
        .take_while(|x| x.start < d.line.1)
        .collect();
    on_line.len() == 1 && prose_words(text, d.line, &on_line) == 0
}

/// Publication-date candidates among the dates of a file, best first.
pub(super) fn candidates(text: &str, all: &[Dated], wire: Option<&Dateline>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (i, d) in all.iter().enumerate() {
        if !d.expr.is_day() || d.expr.rel.is_some() || d.expr.which.is_some() {
            continue;
        }
        if let Some(k) = keyword_before(text, d) {
            if !d.ctx.event || d.ctx.report {
                out.push(Candidate {
                    dated: i,
                    kind: k,
                    what: if k == Kind::Updated {
                        "'Updated' line"
                    } else {
                        "'Published' line"
                    },
                });
            }
            continue;
        }
        // A wire dateline's date is in the lede, maybe past the head.
        if let Some(w) = wire.filter(|w| w.start <= d.start && d.end <= w.end) {
            out.push(Candidate {
                dated: i,
                kind: if w.plain { Kind::PlainWire } else { Kind::Wire },
                what: "wire dateline",
            });
            continue;
        }
        if !d.head {
            // A full date alone at the foot of the page, after the body
            // ("Wednesday, 6 March 2024", "July 25, 2018 (Mainichi
            // Japan)"): the page's own date, as a stamp at its head is.
            if at_foot(text, all, d) {
                out.push(Candidate {
                    dated: i,
                    kind: Kind::Timestamp,
                    what: "date at the foot",
                });
            }
            continue;
        }
        // `all` is in text order: the dates of this line are a range.
        let from = all.partition_point(|x| x.start < d.line.0);
        let on_line: Vec<&Dated> = all[from..]
            .iter()
            .take_while(|x| x.start < d.line.1)
            .collect();
        if prose_words(text, d.line, &on_line) <= 2 && !d.ctx.event && !told_day(text, d) {
            out.push(Candidate {
                dated: i,
                kind: Kind::Timestamp,
                what: "dateline",
            });
        } else if d.expr.time && ends_line(text, d) && !governed(text, d) {
            // A title and its timestamp: two fields on one line, so the
            // title's words say nothing about the date.
            out.push(Candidate {
                dated: i,
                kind: Kind::Timestamp,
                what: "timestamp after the title",
            });
        } else if !d.ctx.event
            && d.start == d.line.0
            && text[d.end..d.line.1]
                .trim_start()
                .starts_with(['-', '–', '—'])
        {
            out.push(Candidate {
                dated: i,
                kind: Kind::Lede,
                what: "date opening the lede",
            });
        }
    }
    out.sort_by_key(|c| (c.kind, all[c.dated].start));
    out
}

/// The year of a partial date (no year written) from the nearest dated
/// context: another dated field of the page (`fields`: an "Updated" line,
/// a timestamp), else the latest date the text puts in the past (a page
/// is published after what it reports). A weekday written with the date
/// picks among candidate years; else the weekdays of the lead do (see
/// `meta::year_by_weekday`). Returns the day, why and how sure.
pub(super) fn complete_year(
    text: &str,
    d: &Dated,
    all: &[Dated],
    fields: &[usize],
    today: Ymd,
) -> Option<(Ymd, String, super::dates::Confidence)> {
    use super::dates::Confidence;
    let (m, day) = (d.expr.m?, d.expr.d?);
    let fits =
        |y: i32| Ymd::new(y, m, day).filter(|c| d.expr.weekday.is_none_or(|w| c.weekday() == w));
    // Another dated field nearby (an "Updated" line, a footer date).
    let near = fields
        .iter()
        .map(|&i| &all[i])
        .filter(|x| x.start != d.start && x.expr.is_absolute())
        .filter_map(|x| x.expr.range(None).map(|r| (x, r)))
        .min_by_key(|(x, _)| x.start.abs_diff(d.start));
    if let Some((x, r)) = near {
        let anchor = r.0;
        let best = [anchor.y - 1, anchor.y, anchor.y + 1]
            .into_iter()
            .filter_map(fits)
            .min_by_key(|c| (c.days() - anchor.days()).abs());
        if let Some(c) = best {
            return Some((
                c,
                format!("year from '{}' nearby", x.text(text)),
                Confidence::Medium,
            ));
        }
    }
    // The latest date the text puts in the past (or at least not ahead,
    // and not as the date of an event).
    use super::dates::Tense;
    let latest = |ok: &dyn Fn(&Dated) -> bool| {
        all.iter()
            .filter(|x| x.start != d.start && x.expr.is_absolute() && ok(x))
            .filter_map(|x| x.expr.range(None).map(|r| (x, r)))
            .max_by_key(|(_, r)| r.0)
    };
    let past = latest(&|x| x.ctx.tense == Tense::Past)
        .or_else(|| latest(&|x| x.ctx.tense == Tense::Unknown && !x.ctx.event));
    let after_past = past.and_then(|(x, r)| {
        let c = (r.0.y..=r.0.y + 1).filter_map(fits).find(|c| *c >= r.0)?;
        Some((
            c,
            format!(
                "year from '{}', the latest earlier date in the text",
                x.text(text)
            ),
            // A full day shortly before ("cut prices on April 28, 2019")
            // is the story's own time; a year alone may be one it recalls
            // ("a collapse in 2009").
            x.expr.d.is_some() && c.days() - r.0.days() <= RECENT_DAYS,
        ))
    });
    if let Some((c, why, true)) = after_past {
        return Some((c, why, Confidence::Medium));
    }
    // The weekday the lead tells its news on (see `meta::year`): a guess
    // among years, low confidence.
    if let Some((c, why)) = super::meta::year_by_weekday(text, d, all, today) {
        return Some((c, why, Confidence::Low));
    }
    after_past.map(|(c, why, _)| (c, why, Confidence::Medium))
}

/// How many days before a year-less dateline a full date of the text is
/// still the story's own time.
const RECENT_DAYS: i64 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_name_place_and_agency() {
        for (t, place, agency) in [
            (
                "WASHINGTON, May 2 (Reuters) - The company said.",
                "WASHINGTON",
                Some("Reuters"),
            ),
            (
                "LONDON (Reuters) -- Britain's economy grew.",
                "LONDON",
                Some("Reuters"),
            ),
            (
                "Kyiv, Ukraine (AP) — Russian drones hit the city.",
                "Kyiv",
                Some("AP"),
            ),
            ("NEW YORK — Stocks fell on Monday.", "NEW YORK", None),
            // A Spanish wire closes its agency with ".-".
            (
                "LIMA, 26/03/2025 (EFE).- The federation on Wednesday dismissed its coach, a day after a home defeat left the team bottom of the qualifiers.",
                "LIMA",
                Some("EFE"),
            ),
        ] {
            let doc = crate::analysis::analyze_document(t);
            let d = wire_dateline(t, &doc).unwrap_or_else(|| panic!("{t}"));
            let p = d.place.unwrap();
            assert_eq!(&t[p.0..p.1], place, "{t}");
            assert_eq!(d.agency.map(|a| &t[a.0..a.1]), agency, "{t}");
        }
        // The first character after the dash may be several bytes wide.
        for t in [
            "Donors meet\n\nPARIS (AFP) — €5 billion was pledged on Monday by donors.\n\nMore.",
            "Court rules\n\nBERLIN (dpa) - “Fine,” the judge said on Monday.\n\nMore.",
        ] {
            let doc = crate::analysis::analyze_document(t);
            let d = wire_dateline(t, &doc).unwrap_or_else(|| panic!("{t}"));
            assert!(t.is_char_boundary(d.end), "{t}");
        }
        // Date first, an agency we have no list for, no place.
        for (t, agency) in [
            ("23.06.2021 (BTA) - Dock workers stopped work.", "BTA"),
            ("June 23, 2021 (Tanjug) — Nurses went on strike.", "Tanjug"),
            ("5 May 2022 (Kyodo News) - The bank said.", "Kyodo News"),
        ] {
            let doc = crate::analysis::analyze_document(t);
            let d = wire_dateline(t, &doc).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(d.place, None, "{t}");
            assert_eq!(d.agency.map(|a| &t[a.0..a.1]), Some(agency), "{t}");
            // Up to and with the dash, as a dateline with a place.
            let (before, after) = t.split_once(") ").unwrap();
            let dash: String = after.chars().take_while(|c| !c.is_whitespace()).collect();
            assert_eq!(&t[d.start..d.end], format!("{before}) {dash}"), "{t}");
        }
        // A date in a sentence with a parenthesis is no dateline.
        for t in [
            "23.06.2021 (a Wednesday) - the day the strike began.",
            "On 23.06.2021 (BTA) - workers struck.",
        ] {
            let doc = crate::analysis::analyze_document(t);
            assert!(wire_dateline(t, &doc).is_none(), "{t}");
        }
        let t = "Officials said - nothing.";
        let doc = crate::analysis::analyze_document(t);
        assert!(wire_dateline(t, &doc).is_none());
    }
}
