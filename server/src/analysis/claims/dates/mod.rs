//! Dates as intervals of days.
//!
//! [`scan`] reads every common written form (datelines with times and
//! zones, numeric and ISO dates, month names, weekdays, relative dates);
//! [`DateExpr`] keeps what was written, and [`resolve`] turns it into a day
//! interval: absolute forms on their own, partial and relative ones against
//! an anchor (the file's publication interval) and the tense around them.
//! Nothing here panics or loops on odd input: numbers longer than four
//! digits are never read, impossible days ("February 30") give no date.
pub mod calendar;
mod clock;
pub mod context;
pub mod foreign;
mod relative;
pub mod resolve;
pub mod scan;
pub mod tokens;

use serde::{Deserialize, Serialize};

pub use calendar::{hull, max_distance, min_distance, month_name, Unit, Ymd};
pub use resolve::{resolve, Tense};
pub use scan::{scan, Found};

/// "last", "next", "this" before a weekday or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Which {
    Last,
    Next,
    This,
}

/// Dates relative to the time of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relative {
    /// today 0, yesterday -1, tomorrow 1, "the day before yesterday" -2.
    Day(i8),
    /// "last week" (-1), "this month" (0), "next year" (1).
    Period(Unit, i8),
    /// "two days ago".
    Ago(Unit, u16),
    /// "earlier this month": from the period's start to the anchor.
    EarlierThis(Unit),
    /// "later this year": from the anchor to the period's end.
    LaterThis(Unit),
    /// "last weekend" (-1), "this weekend" (0), "next weekend" (1).
    Weekend(i8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A part of a month or year ("early March", "the end of 2022", "Q3").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Early,
    Mid,
    Late,
    Quarter(u8),
    Half(u8),
    Season(Season),
}

/// A date as written: any of its fields may be missing. A numeric date
/// whose first two fields are both <= 12 keeps the other reading in `swap`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateExpr {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: Option<u8>,
    /// Numeric form, day first by default; the month-first reading if it
    /// is a different valid day.
    pub swap: Option<Ymd>,
    /// Written with a time of day ("23:30", "5:03pm PDT"): a timestamp.
    pub time: bool,
    /// Written in digits only (numeric or ISO).
    pub numeric: bool,
    /// 0 = Monday.
    pub weekday: Option<u8>,
    /// "last Tuesday", "next March".
    pub which: Option<Which>,
    pub rel: Option<Relative>,
    pub part: Option<Part>,
}

/// Narrow a range to a part of it.
fn narrow(r: (Ymd, Ymd), part: Option<Part>) -> (Ymd, Ymd) {
    let Some(part) = part else { return r };
    let (lo, hi) = (r.0.days(), r.1.days());
    let len = hi - lo + 1;
    let third = |k: i64| {
        let a = lo + len * k / 3;
        let b = lo + len * (k + 1) / 3 - 1;
        (Ymd::from_days(a), Ymd::from_days(b.max(a)))
    };
    // Quarters, halves and seasons apply to a year.
    let months = |a: u8, b: u8| {
        let y = r.0.y;
        (Ymd::first_of_month(y, a), Ymd::last_of_month(y, b))
    };
    let whole_year = r.0.m == 1 && r.0.d == 1 && r.1.m == 12 && r.1.d == 31 && r.0.y == r.1.y;
    match part {
        Part::Early => third(0),
        Part::Mid => third(1),
        Part::Late => third(2),
        Part::Quarter(q) if whole_year && (1..=4).contains(&q) => months(3 * q - 2, 3 * q),
        Part::Half(h) if whole_year && (1..=2).contains(&h) => months(6 * h - 5, 6 * h),
        Part::Season(s) if whole_year => match s {
            Season::Spring => months(3, 5),
            Season::Summer => months(6, 8),
            Season::Autumn => months(9, 11),
            // "winter 2024": the winter that starts or ends in 2024.
            Season::Winter => (
                Ymd::first_of_month(r.0.y, 1),
                Ymd::last_of_month(r.0.y + 1, 2),
            ),
        },
        _ => r,
    }
}

impl DateExpr {
    /// The day range of an absolute expression, given a year when it has
    /// none. Relative expressions ("yesterday", "last Tuesday") need an
    /// anchor: see [`resolve`].
    pub fn range(&self, year: Option<i32>) -> Option<(Ymd, Ymd)> {
        if self.rel.is_some() || self.which.is_some() {
            return None;
        }
        let y = self.y.or(year)?;
        let r = match (self.m, self.d) {
            (Some(m), Some(d)) => {
                let x = Ymd::new(y, m, d)?;
                match self.swap {
                    Some(s) => (x.min(s), x.max(s)),
                    None => (x, x),
                }
            }
            (Some(m), None) => (Ymd::new(y, m, 1)?, Ymd::last_of_month(y, m)),
            (None, None) if self.weekday.is_none() => (Ymd::new(y, 1, 1)?, Ymd::new(y, 12, 31)?),
            _ => return None,
        };
        Some(narrow(r, self.part))
    }

    /// Names a day of a month (with or without a year).
    pub fn is_day(&self) -> bool {
        self.d.is_some() && self.m.is_some()
    }

    /// Needs no anchor: has a year.
    pub fn is_absolute(&self) -> bool {
        self.y.is_some() && self.rel.is_none() && self.which.is_none()
    }

    /// A full date: day, month and year.
    pub fn is_full(&self) -> bool {
        self.is_day() && self.y.is_some()
    }
}

/// Read a date from a short text (a recogniser's mention): the longest
/// expression in it.
pub fn parse(s: &str) -> Option<DateExpr> {
    scan(s, 0, s.len())
        .into_iter()
        .max_by_key(|f| f.end - f.start)
        .map(|f| f.expr)
}

/// Read the date around a mention `[start, end)` of `text`, with its
/// context: a weekday before it, "last" before a weekday, a time after it.
/// Returns the expression overlapping the mention most.
pub fn read_at(text: &str, start: usize, end: usize) -> Option<Found> {
    let a = super::words::floor_boundary(text, start.saturating_sub(24));
    let b = super::words::floor_boundary(text, end.saturating_add(32).min(text.len()));
    // Never across a line: a dateline's neighbour is another field.
    let a = text[a..start].rfind('\n').map(|p| a + p + 1).unwrap_or(a);
    let b = text[end.min(b)..b].find('\n').map(|p| end + p).unwrap_or(b);
    scan(text, a, b)
        .into_iter()
        .filter(|f| f.start < end && start < f.end)
        .max_by_key(|f| (f.end.min(end) - f.start.max(start), f.end - f.start))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// Where a publication date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A dateline or timestamp line at the head of the page.
    Dateline,
    /// "Published/Posted/Updated ..." lines.
    Byline,
    /// A dated report verb in the lede ("Reuters reported on December 17").
    Report,
    /// Estimated from the dates the text mentions, their tense and the
    /// relative expressions around them.
    Content,
    /// Settled by the folder's other reports of the same story (see
    /// `claims::folder_dates`): the page states none.
    Folder,
}

/// The inferred publication date: a day range (one day when sure),
/// confidence and the reason, for hovers and code lenses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PubDate {
    pub lo: Ymd,
    pub hi: Ymd,
    pub confidence: Confidence,
    pub reason: String,
    pub source: DateSource,
    /// Where the date was read (for an estimate: the date that bounds it).
    pub start: usize,
    pub end: usize,
}

impl PubDate {
    pub fn describe(&self) -> String {
        if self.lo == self.hi {
            self.lo.long()
        } else {
            format!("{} to {}", self.lo.long(), self.hi.long())
        }
    }

    pub fn range(&self) -> (Ymd, Ymd) {
        (self.lo, self.hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_keep_both_readings() {
        let d = parse("04/02/2024, 23:30").unwrap();
        assert_eq!((d.y, d.m, d.d), (Some(2024), Some(2), Some(4)));
        assert_eq!(d.swap, Ymd::new(2024, 4, 2));
        assert!(d.time);
        assert_eq!(
            d.range(None),
            Some((Ymd::new(2024, 2, 4).unwrap(), Ymd::new(2024, 4, 2).unwrap()))
        );
    }

    #[test]
    fn month_name_forms() {
        let d = parse("December 17").unwrap();
        assert_eq!((d.y, d.m, d.d), (None, Some(12), Some(17)));
        let d = parse("13 June").unwrap();
        assert_eq!((d.m, d.d), (Some(6), Some(13)));
        let d = parse("since February 2024").unwrap();
        assert_eq!((d.y, d.m, d.d), (Some(2024), Some(2), None));
        assert_eq!(parse("the late 1990s"), None);
        // Relative dates are read, but have no range without an anchor.
        let w = parse("next week").unwrap();
        assert_eq!(w.rel, Some(Relative::Period(Unit::Week, 1)));
        assert_eq!(w.range(Some(2024)), None);
        let d = parse("the end of 2022").unwrap();
        assert_eq!((d.y, d.m), (Some(2022), None));
    }

    #[test]
    fn parts_narrow_ranges() {
        let r = |s: &str| parse(s).unwrap().range(None).unwrap();
        let ymd = |y, m, d| Ymd::new(y, m, d).unwrap();
        assert_eq!(r("the end of 2022"), (ymd(2022, 9, 1), ymd(2022, 12, 31)));
        assert_eq!(r("early March 2024"), (ymd(2024, 3, 1), ymd(2024, 3, 10)));
        assert_eq!(r("Q2 2024"), (ymd(2024, 4, 1), ymd(2024, 6, 30)));
        assert_eq!(
            r("in the second half of 2023"),
            (ymd(2023, 7, 1), ymd(2023, 12, 31))
        );
        assert_eq!(r("summer 2019"), (ymd(2019, 6, 1), ymd(2019, 8, 31)));
    }

    #[test]
    fn read_at_takes_the_context_of_a_mention() {
        let t = "WASHINGTON — On Monday 12 November, officials met.";
        let a = t.find("12 November").unwrap();
        let f = read_at(t, a, a + "12 November".len()).unwrap();
        assert_eq!(&t[f.start..f.end], "Monday 12 November");
        assert_eq!(f.expr.weekday, Some(0));
    }
}
