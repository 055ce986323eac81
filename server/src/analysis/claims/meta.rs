//! What a file says about itself: when it was published and which outlets
//! it relies on. The date comes from a dateline ("04/02/2024, 23:30") or a
//! dated report ("reported by Reuters on December 17"); a missing year is
//! taken from the other dates in the text; a numeric date whose day and
//! month could be swapped is kept as two readings, with whatever in the
//! text favours one.
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use super::dates::{self, Confidence, DateExpr, PubDate, Ymd};
use super::words::floor_boundary;
use crate::analysis::model::{DocAnalysis, EntityKind};

/// A numeric date that reads as two different days.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
}

static NUMERIC_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}(?:,?\s+\d{1,2}:\d{2})?").unwrap()
});
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:end|beginning|start|middle)\s+of\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b|\bin\s+(January|February|March|April|June|July|August|September|October|November|December)\b(?:\s*[,.]|\s+[a-z])").unwrap()
});

const REPORT_WORDS: &[&str] = &[
    "reported",
    "said",
    "stated",
    "announced",
    "wrote",
    "published",
    "told",
    "reports",
    "says",
];
const FUTURE_WORDS: &[&str] = &["will", "upcoming", "scheduled", "due", "expected"];
const NEAR_FUTURE: &[&str] = &["from", "until", "till", "next"];

struct Dated {
    start: usize,
    end: usize,
    text: String,
    expr: DateExpr,
    sentence_low: String,
}

fn all_dates(text: &str, doc: &DocAnalysis) -> Vec<Dated> {
    let mut out = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.kind == EntityKind::Date) {
        if let Some(expr) = dates::parse(m.text(text)) {
            let s = doc
                .structure
                .sentence_at(m.start)
                .map(|i| doc.structure.sentences[i]);
            let sentence_low = s
                .map(|s| text[s.start..s.end].to_lowercase())
                .unwrap_or_default();
            out.push(Dated {
                start: m.start,
                end: m.end,
                text: m.text(text).to_string(),
                expr,
                sentence_low,
            });
        }
    }
    // Datelines often sit in lines flagged as page furniture, which carry
    // no mentions: scan the head of the text for numeric dates too (not
    // the teasers at the bottom of the page).
    let head = floor_boundary(text, head_end(text, doc));
    for mt in NUMERIC_ANY.find_iter(&text[..head]) {
        if out.iter().any(|d| d.start < mt.end() && mt.start() < d.end) {
            continue;
        }
        if let Some(expr) = dates::parse(mt.as_str()) {
            out.push(Dated {
                start: mt.start(),
                end: mt.end(),
                text: mt.as_str().to_string(),
                expr,
                sentence_low: String::new(),
            });
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Where the head of a page ends: after its fourth paragraph, and at
/// least 400 bytes in.
fn head_end(text: &str, doc: &DocAnalysis) -> usize {
    doc.structure
        .paragraphs
        .get(3)
        .map(|p| p.start)
        .unwrap_or(text.len())
        .max(400.min(text.len()))
}

/// Does the text before `pos` in the sentence put the date in the future?
fn future_context(d: &Dated, text: &str) -> bool {
    let before = &text[floor_boundary(text, d.start.saturating_sub(40))..d.start];
    let before = before.to_lowercase();
    let last: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    // "from/until/by January" only right before the date; "will take
    // office in January" a few words before.
    let near = last.iter().take(2).any(|w| NEAR_FUTURE.contains(w));
    near || last.iter().any(|w| FUTURE_WORDS.contains(w))
}

/// Order evidence from the other numeric dates: Some(true) = day first.
fn day_first_evidence(all: &[Dated]) -> Option<(bool, String)> {
    for d in all
        .iter()
        .filter(|d| d.expr.numeric && d.expr.swap.is_none())
    {
        let t = &d.text;
        let first: u32 = t.split(['/', '.']).next()?.trim().parse().ok()?;
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

/// A month named without a year in a sentence that speaks of the past ("At
/// the end of March, ... stated"): evidence for reading a numeric date.
struct MonthCue {
    start: usize,
    end: usize,
    month: u8,
}

/// Every [`MonthCue`] of the text, found once per file (each ambiguous
/// date then only compares months: scanning the text again for each date
/// made a file of many dates quadratic).
fn month_cues(text: &str) -> Vec<MonthCue> {
    let mut out = Vec::new();
    for c in MONTH_ONLY.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(name) = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str()) else {
            continue;
        };
        let Some(month) = (1..=12u8).find(|&m| dates::month_name(m) == name) else {
            continue;
        };
        // The sentence must speak of the past.
        let tail = &text[whole.end()..floor_boundary(text, whole.end() + 120)];
        let tail = tail.split(['.', '\n']).next().unwrap_or("");
        let past = tail
            .split_whitespace()
            .take(8)
            .any(|w| w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"));
        if past {
            out.push(MonthCue {
                start: whole.start(),
                end: whole.end(),
                month,
            });
        }
    }
    out
}

/// A recent past month named without a year ("At the end of March, ... stated")
/// favours the reading just after it.
fn month_evidence(
    text: &str,
    cues: &[MonthCue],
    readings: &[Ymd; 2],
    skip: (usize, usize),
) -> Option<(usize, String)> {
    for c in cues {
        if c.start < skip.1 && skip.0 < c.end {
            continue;
        }
        let (month, name) = (c.month, dates::month_name(c.month));
        // Months between that month (most recent occurrence) and each reading.
        let gap = |r: &Ymd| ((r.m as i32 - month as i32) + 12) % 12;
        let (g0, g1) = (gap(&readings[0]), gap(&readings[1]));
        let (best, other) = if g0 <= g1 { (0, g1) } else { (1, g0) };
        let gbest = g0.min(g1);
        if gbest <= 1 && other >= 3 {
            // Quote from the start of that sentence up to its verb.
            let from = text[..c.start]
                .rfind(['.', '\n'])
                .map(|p| p + 1)
                .unwrap_or(0);
            let upto = floor_boundary(text, c.end + 50);
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

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileDate {
    pub date: Option<PubDate>,
    /// Why there is no date, or what is unsure about it.
    pub note: String,
    pub ambiguities: Vec<DateAmbiguity>,
}

pub fn infer(text: &str, doc: &DocAnalysis) -> FileDate {
    let all = all_dates(text, doc);
    let mut out = FileDate::default();
    let order = day_first_evidence(&all);
    let cues = if order.is_none() && all.iter().any(|d| d.expr.swap.is_some()) {
        month_cues(text)
    } else {
        Vec::new()
    };
    for d in all.iter().filter(|d| d.expr.swap.is_some()) {
        if order.is_some() {
            continue; // the text tells the order
        }
        let dm = Ymd::new(d.expr.y.unwrap(), d.expr.m.unwrap(), d.expr.d.unwrap()).unwrap();
        let readings = [dm, d.expr.swap.unwrap()];
        let (favoured, context) = match month_evidence(text, &cues, &readings, (d.start, d.end)) {
            Some((i, why)) => (Some(i), why),
            None => (
                None,
                "nothing else in the text decides the order".to_string(),
            ),
        };
        out.ambiguities.push(DateAmbiguity {
            start: d.start,
            end: d.end,
            text: d.text.clone(),
            readings,
            favoured,
            context,
        });
    }
    // Dateline: a numeric date near the top (the first 400 bytes).
    let head_limit = head_end(text, doc);
    if let Some(d) = all.iter().find(|d| d.expr.numeric && d.start < head_limit) {
        let day = |e: &DateExpr| Ymd::new(e.y.unwrap(), e.m.unwrap(), e.d.unwrap()).unwrap();
        let main = day(&d.expr);
        let (lo, hi, confidence, reason) = match (d.expr.swap, &order) {
            (None, _) => (
                main,
                main,
                Confidence::High,
                format!("dateline '{}'", d.text),
            ),
            (Some(s), Some((day_first, why))) => {
                let x = if *day_first { main } else { s };
                (
                    x,
                    x,
                    Confidence::Medium,
                    format!("dateline '{}', day order: {why}", d.text),
                )
            }
            (Some(s), None) => {
                let amb = out.ambiguities.iter().find(|a| a.start == d.start);
                let fav = amb
                    .and_then(|a| {
                        a.favoured.map(|i| {
                            format!("; the text favours {}: {}", a.readings[i].long(), a.context)
                        })
                    })
                    .unwrap_or_default();
                (
                    main.min(s),
                    main.max(s),
                    Confidence::Low,
                    format!(
                        "dateline '{}' reads as {} (day first) or {} (month first){fav}",
                        d.text,
                        main.long(),
                        s.long()
                    ),
                )
            }
        };
        out.date = Some(PubDate {
            lo,
            hi,
            confidence,
            reason,
            start: d.start,
            end: d.end,
        });
        return out;
    }
    // A dated report verb in the first body paragraphs.
    let first_body = doc
        .structure
        .paragraphs
        .iter()
        .position(|p| !p.boilerplate && !p.headline)
        .unwrap_or(0);
    let limit = doc
        .structure
        .paragraphs
        .get(first_body + 2)
        .map(|p| p.end)
        .unwrap_or(text.len());
    let reported = all.iter().find(|d| {
        d.start < limit
            && d.expr.is_day()
            && REPORT_WORDS.iter().any(|w| d.sentence_low.contains(w))
            && !future_context(d, text)
    });
    if let Some(d) = reported {
        let (year, why, conf) = match d.expr.y {
            Some(y) => (Some(y), String::new(), Confidence::Medium),
            None => {
                // The latest date the text places in the past sets the year.
                let past = all
                    .iter()
                    .filter(|x| {
                        x.expr.y.is_some() && !future_context(x, text) && x.start != d.start
                    })
                    .filter_map(|x| x.expr.range(None).map(|r| (r.0, x)))
                    .max_by_key(|(r, _)| *r);
                match past {
                    Some((r, x)) => {
                        let (m, dd) = (d.expr.m.unwrap(), d.expr.d.unwrap());
                        let mut y = r.y;
                        if Ymd::new(y, m, dd).is_some_and(|c| c < r) {
                            y += 1;
                        }
                        (
                            Some(y),
                            format!(
                                "; year from '{}', the latest earlier date in the text",
                                x.text
                            ),
                            Confidence::Medium,
                        )
                    }
                    None => (None, String::new(), Confidence::Low),
                }
            }
        };
        match year.and_then(|y| Ymd::new(y, d.expr.m.unwrap(), d.expr.d.unwrap())) {
            Some(day) => {
                out.date = Some(PubDate {
                    lo: day,
                    hi: day,
                    confidence: conf,
                    reason: format!(
                        "dated report '{}'{why}; the article is from that day or shortly after",
                        d.text
                    ),
                    start: d.start,
                    end: d.end,
                });
            }
            None => {
                out.note = format!("'{}' dates a report, but the text gives no year", d.text);
            }
        }
        return out;
    }
    out.note = "no dateline or dated report in the text".to_string();
    // Bounds from the text: after the latest date it puts in the past,
    // before the earliest it puts in the future. Wide, so low confidence.
    let dated: Vec<(&Dated, (Ymd, Ymd))> = all
        .iter()
        .filter(|d| !d.expr.numeric)
        .filter_map(|d| d.expr.range(None).map(|r| (d, r)))
        .collect();
    let past = dated
        .iter()
        .filter(|(d, _)| !future_context(d, text))
        .max_by_key(|(_, r)| r.1);
    let future = dated
        .iter()
        .filter(|(d, _)| future_context(d, text))
        .min_by_key(|(_, r)| r.0);
    if let (Some((p, pr)), Some((f, fr))) = (past, future) {
        if pr.1 <= fr.0 {
            out.note.clear();
            out.date = Some(PubDate {
                lo: pr.1,
                hi: fr.0,
                confidence: Confidence::Low,
                reason: format!(
                    "no dateline; after '{}' (the latest past date in the text) and before '{}' (the earliest future one)",
                    p.text, f.text
                ),
                start: p.start,
                end: p.end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_report_takes_year_from_earlier_dates() {
        let t = "NATO has taken on the coordination of aid instead of the United States. This was reported by Reuters on December 17, citing its own source. This format has been discussed since February 2024 and Trump will take office in January 2025.";
        let doc = crate::analysis::analyze_document(t);
        let d = infer(t, &doc);
        let p = d.date.clone().unwrap_or_else(|| {
            panic!(
                "{d:?} {:?}",
                doc.mentions.iter().map(|m| m.text(t)).collect::<Vec<_>>()
            )
        });
        assert_eq!(p.lo, Ymd::new(2024, 12, 17).unwrap());
        assert_eq!(p.confidence, Confidence::Medium);
        assert!(p.reason.contains("February 2024"), "{}", p.reason);
    }

    #[test]
    fn undated_text_is_bounded_by_past_and_future_dates() {
        let t = "At the end of 2022, they set up a unit in Wiesbaden. Trump may return from January 2025.";
        let doc = crate::analysis::analyze_document(t);
        let p = infer(t, &doc).date.unwrap();
        assert_eq!(p.confidence, Confidence::Low);
        assert_eq!(
            (p.lo, p.hi),
            (
                Ymd::new(2022, 12, 31).unwrap(),
                Ymd::new(2025, 1, 1).unwrap()
            )
        );
    }

    #[test]
    fn ambiguous_dateline_is_low_confidence() {
        let t = "NATO may start 04/02/2024, 23:30\n\nNATO Secretary General Jens Stoltenberg will propose a plan.";
        let doc = crate::analysis::analyze_document(t);
        let d = infer(t, &doc);
        let p = d.date.unwrap();
        assert_eq!(p.confidence, Confidence::Low);
        assert_eq!(d.ambiguities.len(), 1);
        let t2 = "Published 04/02/2024, 23:30\n\nThe talks on 25/03/2024 failed.";
        let doc2 = crate::analysis::analyze_document(t2);
        let d2 = infer(t2, &doc2);
        assert!(d2.ambiguities.is_empty());
        assert_eq!(d2.date.unwrap().lo, Ymd::new(2024, 2, 4).unwrap());
    }
}
