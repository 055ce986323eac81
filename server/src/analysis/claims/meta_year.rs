//! The year of a wire dateline that writes none ("SANTIAGO, May 10 (AFP)
//! -"), from the weekdays of its lead.
//!
//! Wire copy dates its news by the weekday: "capsized on Thursday", "rose
//! to 44 on Friday". That weekday is the day of the dateline or the one
//! before, which only some years fit. Of the years that fit, one where the
//! dateline's own day is that weekday is likelier (most wire leads tell
//! the news of the day), then the year the text itself names, then the
//! latest; never one after today, nor one before the latest past year the
//! text mentions (a story is not older than what it recalls).
use regex::Regex;
use std::sync::LazyLock;

use super::dateline::Dated;
use super::dates::calendar::WEEKDAYS;
use super::dates::Ymd;

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").unwrap()
});

/// Words before a weekday that put it away from the day of writing
/// ("next Monday", "last Friday", "until Sunday").
const AWAY: &[&str] = &[
    "next",
    "last",
    "coming",
    "until",
    "till",
    "by",
    "before",
    "from",
    "since",
    "following",
];

/// How far past the dateline the lead is read.
const LEAD_BYTES: usize = 400;

/// A story older than this is not guessed at.
const MAX_YEARS_BACK: i32 = 30;

/// Today's date (UTC), the latest a page can have been written.
/// `CROSSCHECK_TODAY=YYYY-MM-DD` fixes it, so that an evaluation of
/// year-less datelines gives the same figures on another day.
pub(crate) fn today() -> Ymd {
    if let Some(d) = std::env::var("CROSSCHECK_TODAY")
        .ok()
        .and_then(|v| fixed_day(&v))
    {
        return d;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ymd::from_days((secs / 86_400) as i64)
}

fn fixed_day(v: &str) -> Option<Ymd> {
    let mut parts = v.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Ymd::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// The weekdays the lead after `d` dates its news by (those not put away
/// by "next", "last"..., nor naming a thing: "Sunday's vote").
pub(super) fn lead_weekdays(text: &str, d: &Dated) -> Vec<(u8, String)> {
    weekdays_after(text, d.end)
}

/// The weekdays the lead from `from` (the end of a dateline) dates its
/// news by (see [`lead_weekdays`]).
pub(super) fn weekdays_after(text: &str, from: usize) -> Vec<(u8, String)> {
    let from = crate::analysis::claims::words::floor_boundary(text, from.min(text.len()));
    let end =
        crate::analysis::claims::words::floor_boundary(text, (from + LEAD_BYTES).min(text.len()));
    let lead = &text[from..end];
    // The first two sentences at most.
    let lead = match lead.match_indices(". ").nth(1) {
        Some((i, _)) => &lead[..i],
        None => lead,
    };
    let mut out = Vec::new();
    for m in WEEKDAY.find_iter(lead) {
        let before = lead[..m.start()]
            .split_whitespace()
            .next_back()
            .map(|w| w.to_ascii_lowercase());
        if before.is_some_and(|w| AWAY.contains(&w.as_str())) {
            continue;
        }
        if lead[m.end()..].starts_with(['\'', '’']) {
            continue;
        }
        if let Some(w) = WEEKDAYS.iter().position(|n| *n == m.as_str()) {
            out.push((w as u8, m.as_str().to_string()));
        }
    }
    out
}

/// The day a year-less dated line `d` stands for, settled by the lead's
/// weekdays, and why; `None` when the lead names none or no year fits.
pub(in crate::analysis::claims) fn year_by_weekday(
    text: &str,
    d: &Dated,
    all: &[Dated],
    today: Ymd,
) -> Option<(Ymd, String)> {
    let (m, day) = (d.expr.m?, d.expr.d?);
    let weekdays = lead_weekdays(text, d);
    if weekdays.is_empty() {
        return None;
    }
    // The latest year the text mentions that is not ahead of today.
    let named = all
        .iter()
        .filter(|x| x.start != d.start)
        .filter_map(|x| x.expr.y)
        .filter(|&y| y <= today.y)
        .max();
    let lowest = named.unwrap_or(today.y - MAX_YEARS_BACK);
    let best = (lowest..=today.y)
        .filter_map(|y| Ymd::new(y, m, day))
        .filter(|c| *c <= today)
        .filter(|c| d.expr.weekday.is_none_or(|w| c.weekday() == w))
        .filter(|c| {
            weekdays
                .iter()
                .all(|(w, _)| c.weekday() == *w || c.add_days(-1).weekday() == *w)
        })
        .max_by_key(|c| {
            let exact = weekdays.iter().filter(|(w, _)| c.weekday() == *w).count();
            (exact, Some(c.y) == named, c.y)
        })?;
    let said = &weekdays[0].1;
    Some((
        best,
        format!(
            "year {} from the lead's '{said}' (the dateline's day or the one before), the likeliest such year not after today",
            best.y
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_document;

    fn dated(t: &str) -> Option<(Ymd, String)> {
        let doc = analyze_document(t);
        let today = Ymd::new(2026, 12, 7).unwrap();
        let all = super::super::all_dates(t, &doc);
        let d = all
            .iter()
            .find(|d| d.expr.y.is_none() && d.expr.d.is_some())?;
        year_by_weekday(t, d, &all, today)
    }

    #[test]
    fn the_lead_s_weekday_settles_the_year() {
        for (t, want) in [
            // 16 September 2021 was a Thursday.
            (
                "JAKARTA, Indonesia, Sept 16 (Reuters) - A ferry capsized off Buton on Thursday, killing 12.",
                (2021, 9, 16),
            ),
            // 15 November 2024 was a Friday; 2020 is a year recalled.
            (
                "LONDON, Nov 15 (Reuters) - Shares fell on Friday. The index had last fallen this much in 2020.",
                (2024, 11, 15),
            ),
            // 10 May 2024 was a Friday; the 2009 collapse is a lower bound.
            (
                "SANTIAGO, May 10 (AFP) - The toll rose to 9 on Friday. A collapse in 2009 killed four.",
                (2024, 5, 10),
            ),
            // The text's own year, when its day is the weekday.
            (
                "GENEVA, June 13 (Reuters) - Ministers met on Thursday, their first talks of 2019.",
                (2019, 6, 13),
            ),
        ] {
            let got = dated(t).map(|(d, _)| (d.y, d.m, d.d));
            assert_eq!(got, Some(want), "{t}");
        }
    }

    #[test]
    fn weekdays_away_from_the_day_of_writing_settle_nothing() {
        for t in [
            "SYDNEY, Jan 18 (AAP) - The minister will visit next Monday.",
            "SYDNEY, Jan 18 (AAP) - Polls opened ahead of Sunday's vote.",
            "SYDNEY, Jan 18 (AAP) - The minister ordered an inquiry into a crash.",
        ] {
            assert!(dated(t).is_none(), "{t}");
        }
    }
}
