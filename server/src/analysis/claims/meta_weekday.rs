//! Weekday evidence for the order of a numeric publication date.
//!
//! A wire story says when its news was told by the weekday: "the ministry
//! said Wednesday", "announced on Tuesday", "this Thursday". That weekday
//! is the day of writing or the day before. Of the two readings of
//! "04/11/2020" (Wednesday 4 November, Saturday 11 April), only one can be
//! written on or the day after a Wednesday: the text settles the order.
use regex::Regex;
use std::sync::LazyLock;

use super::dates::calendar::WEEKDAYS;
use super::dates::Ymd;

/// A weekday right after a verb of telling in the past or after "this"
/// ("said Wednesday", "announced on Tuesday", "this Thursday").
static TOLD_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:said|says|announced|told\s+\w+|reported|confirmed|stated|declared|revealed|warned|added|disclosed|this)\s+(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    )
    .unwrap()
});

/// "on Thursday" in the lead: the day its news happened, the day of
/// writing or the one before, as a weekday of telling is.
static ON_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Oo]n\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").unwrap()
});

/// Words of a sentence that may put its weekday ahead ("will meet on
/// Monday", "is due on Friday").
const AHEAD: &[&str] = &[
    "will",
    "would",
    "shall",
    "due",
    "expected",
    "scheduled",
    "plans",
    "planned",
    "next",
    "until",
    "set",
    "going",
    "ahead",
];

/// How much of the page's start is its head and lead.
const LEAD_BYTES: usize = 600;

/// The weekdays of the lead's sentences that tell of the past ("capsized
/// on Wednesday"), as (the weekday's match, its name).
fn lead_days(text: &str) -> Vec<(String, String)> {
    let end = super::floor_boundary(text, LEAD_BYTES.min(text.len()));
    let mut out = Vec::new();
    for sentence in text[..end].split_inclusive(['.', '\n']) {
        let ahead = sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| AHEAD.contains(&w.to_ascii_lowercase().as_str()));
        if ahead {
            continue;
        }
        for c in ON_DAY.captures_iter(sentence) {
            if let (Some(whole), Some(name)) = (c.get(0), c.get(1)) {
                out.push((whole.as_str().to_string(), name.as_str().to_string()));
            }
        }
    }
    out
}

/// Whether a story written on `day` can say `weekday` of its news: the
/// same day or the day before.
fn fits(day: Ymd, weekday: u8) -> bool {
    day.weekday() == weekday || day.add_days(-1).weekday() == weekday
}

/// Which of two readings of a numeric date the weekdays of telling fit:
/// `Some((index, why))` when at least one fits one reading and none fits
/// the other.
pub(super) fn weekday_evidence(text: &str, readings: &[Ymd; 2]) -> Option<(usize, String)> {
    let mut fit = [0usize; 2];
    let mut quote: [Option<String>; 2] = [None, None];
    let told = TOLD_ON.captures_iter(text).take(32).filter_map(|c| {
        Some((
            c.get(0)?.as_str().to_string(),
            c.get(1)?.as_str().to_string(),
        ))
    });
    for (whole, name) in told.chain(lead_days(text)) {
        let Some(w) = WEEKDAYS.iter().position(|n| n.eq_ignore_ascii_case(&name)) else {
            continue;
        };
        for (i, r) in readings.iter().enumerate() {
            if fits(*r, w as u8) {
                fit[i] += 1;
                quote[i].get_or_insert_with(|| whole.clone());
            }
        }
    }
    let best = match fit {
        [a, 0] if a > 0 => 0,
        [0, b] if b > 0 => 1,
        _ => return None,
    };
    let q = quote[best].take()?;
    Some((
        best,
        format!(
            "'{q}' names the day of the news, the day of writing or the one before, and only {} fits it",
            readings[best].long()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn a_weekday_of_telling_picks_the_reading() {
        let r = [ymd(2020, 11, 4), ymd(2020, 4, 11)];
        let e = weekday_evidence("The ministry said Wednesday it would reopen schools.", &r);
        assert_eq!(e.map(|e| e.0), Some(0));
        let r = [ymd(2021, 8, 6), ymd(2021, 6, 8)];
        let e = weekday_evidence("The company announced Tuesday a plan to cut jobs.", &r);
        assert_eq!(e.map(|e| e.0), Some(1));
        let r = [ymd(2019, 9, 12), ymd(2019, 12, 9)];
        let e = weekday_evidence("Officials confirmed this Thursday that ten died.", &r);
        assert_eq!(e.map(|e| e.0), Some(0));
    }

    #[test]
    fn the_lead_s_past_weekday_picks_the_reading() {
        // 4 November 2020 is a Wednesday, 11 April a Saturday.
        let r = [ymd(2020, 11, 4), ymd(2020, 4, 11)];
        let t = "04/11/2020\n\nA ferry capsized off Buton on Wednesday, killing 12 people.";
        assert_eq!(weekday_evidence(t, &r).map(|e| e.0), Some(0));
        let t = "04/11/2020\n\nPolice arrested two men on Saturday after a break-in.";
        assert_eq!(weekday_evidence(t, &r).map(|e| e.0), Some(1));
        // A weekday ahead tells nothing of the day of writing.
        let t = "04/11/2020\n\nThe council will vote on Wednesday on the budget.";
        assert!(weekday_evidence(t, &r).is_none());
    }

    #[test]
    fn weekdays_that_fit_both_or_neither_settle_nothing() {
        // 4 November 2020 is a Wednesday, 11 April a Saturday.
        let r = [ymd(2020, 11, 4), ymd(2020, 4, 11)];
        assert!(weekday_evidence("He said Wednesday and she said on Saturday.", &r).is_none());
        assert!(weekday_evidence("He said Thursday.", &r).is_none());
        assert!(weekday_evidence("The match is on Monday.", &r).is_none());
        assert!(weekday_evidence("Nothing here.", &r).is_none());
    }
}
