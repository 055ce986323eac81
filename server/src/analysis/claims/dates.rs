//! Dates inside claims and the publication date of a file.
//!
//! Value mentions come from the recogniser as spans; this module reads them
//! (numeric, ISO, month-name forms), keeps both readings of a numeric date
//! whose day and month could be swapped, and infers the file's date from a
//! dateline or a dated report verb, saying how sure it is and why.
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A civil day. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn month_name(m: u8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ymd {
    pub fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = self.y as i64 - if self.m <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn last_of_month(y: i32, m: u8) -> Ymd {
        Ymd {
            y,
            m,
            d: days_in_month(y, m),
        }
    }

    /// "4 February 2024".
    pub fn long(self) -> String {
        format!("{} {} {}", self.d, month_name(self.m), self.y)
    }
}

/// A date as written: any of its fields may be missing. A numeric date
/// whose first two fields are both <= 12 keeps the other reading in `swap`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: Option<u8>,
    /// Numeric form, day first by default; the month-first reading if it
    /// is a different valid day.
    pub swap: Option<Ymd>,
    /// Written with a time of day ("23:30"): a dateline.
    pub time: bool,
    pub numeric: bool,
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})(,?\s+\d{1,2}:\d{2})?").unwrap()
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b").unwrap());
static MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?").unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b(?:s)?").unwrap());
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)?\b").unwrap());

fn month_index(abbr: &str) -> u8 {
    let a = abbr.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| m.to_ascii_lowercase().starts_with(&a[..3.min(a.len())]))
        .map(|i| i as u8 + 1)
        .unwrap_or(0)
}

/// Read a date mention's text. Decades ("the late 1990s") and relative
/// dates ("next week", "Monday") give `None`.
pub fn parse(s: &str) -> Option<DateExpr> {
    if let Some(c) = NUMERIC.captures(s) {
        let a: u8 = c[1].parse().ok()?;
        let b: u8 = c[2].parse().ok()?;
        let y: i32 = c[3].parse().ok()?;
        let time = c.get(4).is_some();
        let (dm, md) = (Ymd::new(y, b, a), Ymd::new(y, a, b));
        let (main, swap) = match (dm, md) {
            (Some(x), Some(z)) if x != z => (x, Some(z)),
            (Some(x), _) => (x, None),
            (None, Some(z)) => (z, None),
            (None, None) => return None,
        };
        return Some(DateExpr {
            y: Some(main.y),
            m: Some(main.m),
            d: Some(main.d),
            swap,
            time,
            numeric: true,
        });
    }
    if let Some(c) = ISO.captures(s) {
        let d = Ymd::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some(DateExpr {
            y: Some(d.y),
            m: Some(d.m),
            d: Some(d.d),
            swap: None,
            time: false,
            numeric: true,
        });
    }
    if s.trim_end().ends_with('s') && YEAR.is_match(s) && s.contains("0s") {
        return None; // a decade
    }
    let y = YEAR.captures(s).and_then(|c| c[1].parse::<i32>().ok());
    let m = MONTH_WORD
        .captures(s)
        .map(|c| month_index(&c[1]))
        .filter(|&m| m > 0);
    // A day number only next to a month name, never the year itself.
    let d = m.and_then(|_| {
        DAY.captures_iter(s)
            .filter_map(|c| c[1].parse::<u8>().ok())
            .find(|&d| (1..=31).contains(&d))
    });
    // "May" alone is too often the verb; the recogniser already filters
    // most, but a month needs a day or a year to be a date here.
    if m.is_some() && d.is_none() && y.is_none() {
        return None;
    }
    if y.is_none() && m.is_none() {
        return None;
    }
    Some(DateExpr {
        y,
        m,
        d,
        swap: None,
        time: false,
        numeric: false,
    })
}

impl DateExpr {
    /// The day range this expression covers, given a year when it has none.
    pub fn range(&self, year: Option<i32>) -> Option<(Ymd, Ymd)> {
        let y = self.y.or(year)?;
        Some(match (self.m, self.d) {
            (Some(m), Some(d)) => {
                let x = Ymd::new(y, m, d)?;
                match self.swap {
                    Some(s) => (x.min(s), x.max(s)),
                    None => (x, x),
                }
            }
            (Some(m), None) => (Ymd { y, m, d: 1 }, Ymd::last_of_month(y, m)),
            _ => (Ymd { y, m: 1, d: 1 }, Ymd { y, m: 12, d: 31 }),
        })
    }

    pub fn is_day(&self) -> bool {
        self.d.is_some() && self.m.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

/// The inferred publication date: a day range (one day when sure),
/// confidence and the reason, for hovers and code lenses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PubDate {
    pub lo: Ymd,
    pub hi: Ymd,
    pub confidence: Confidence,
    pub reason: String,
    /// Where the date was read.
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
}

/// Largest distance in days between any day of `a` and any day of `b`.
pub fn max_distance(a: (Ymd, Ymd), b: (Ymd, Ymd)) -> i64 {
    (a.1.days() - b.0.days())
        .abs()
        .max((b.1.days() - a.0.days()).abs())
}

/// Smallest distance in days (0 when the ranges overlap).
pub fn min_distance(a: (Ymd, Ymd), b: (Ymd, Ymd)) -> i64 {
    if a.1 < b.0 {
        b.0.days() - a.1.days()
    } else if b.1 < a.0 {
        a.0.days() - b.1.days()
    } else {
        0
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
        let d = parse("25/03/2024").unwrap();
        assert_eq!((d.m, d.d, d.swap), (Some(3), Some(25), None));
        let d = parse("03/25/2024").unwrap();
        assert_eq!((d.m, d.d, d.swap), (Some(3), Some(25), None));
        assert_eq!(parse("05/05/2024").unwrap().swap, None);
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
        assert_eq!(parse("next week"), None);
        let d = parse("the end of 2022").unwrap();
        assert_eq!((d.y, d.m), (Some(2022), None));
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(
            Ymd::new(2024, 3, 1).unwrap().days() - Ymd::new(2024, 2, 28).unwrap().days(),
            2
        );
        assert!(Ymd::new(2023, 2, 29).is_none());
        let a = (
            Ymd::new(2024, 6, 1).unwrap(),
            Ymd::new(2024, 6, 30).unwrap(),
        );
        let b = (
            Ymd::new(2024, 12, 17).unwrap(),
            Ymd::new(2024, 12, 17).unwrap(),
        );
        assert!(min_distance(a, b) > 150);
        assert_eq!(min_distance(a, a), 0);
    }
}
