//! The date grammar: every common way news writes a day, a month, a year,
//! a time and a relative date, read from tokens.
//!
//! ```text
//! date   := [time sep] [weekday [,]] core [sep time]
//!         | part-prefix (month [year] | year | "the" unit)     early 2024, end of March
//!         | which (weekday | month | unit)                    last Tuesday, next month
//!         | relative                                          yesterday, two days ago
//!         | weekday                                           Monday
//! core   := YYYY-MM-DD[Thh:mm[:ss]][tz] | YYYY/MM/DD
//!         | D/M/Y  (also . and -; Y of two or four digits; day first by default)
//!         | Month D[st][,] [YYYY | 'YY]  |  D[st] [of] Month[,] [YYYY]
//!         | Month[,] YYYY | Month (after in/since/until/...) | YYYY (after in/since/...)
//! time   := h:mm[:ss] [am|pm|a.m.|p.m.] [tz] | h am|pm [tz]
//! sep    := , @ | - – — · • / at
//! ```
//!
//! Invalid days ("February 30", "32/13/2024") read as nothing. Numbers are
//! read only up to four digits, so a 400-digit number is no date.
use super::calendar::{days_in_month, Unit, Ymd};
use super::tokens::{tokenize, Tok};
use super::{DateExpr, Part, Relative, Season, Which};

/// A date expression found in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

/// Every date expression in `text[start..end]`, in order, not overlapping.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Found> {
    let toks = tokenize(text, start, end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&toks, i) {
            Some((j, expr)) if j > i => {
                out.push(Found {
                    start: toks[i].start,
                    end: toks[j - 1].end,
                    expr,
                });
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

const MONTH_ABBR: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Words after which a bare month or year is a date ("in March", "since
/// 2019").
const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "between",
    "and",
    "to",
    "on",
    "for",
    "as",
    "last",
    "next",
    "this",
    "that",
];

/// Time zone abbreviations written after a time (upper case only).
const ZONES: &[&str] = &[
    "UTC", "GMT", "Z", "ET", "PT", "CT", "MT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
    "PDT", "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "CET", "CEST", "EET",
    "EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST",
    "NZST", "NZDT", "WIB", "PHT", "ICT", "SAST", "WAT", "EAT", "CAT", "GST", "PKT", "BRT", "ART",
];

fn two_digit_year(v: u32) -> i32 {
    // The POSIX pivot: 69..99 are the 1900s, 00..68 the 2000s.
    if v >= 69 {
        1900 + v as i32
    } else {
        2000 + v as i32
    }
}

fn word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a Tok<'a>> {
    toks.get(i).filter(|t| t.is_word())
}

fn is_word(toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.is(w))
}

/// An adjacent '.' after an abbreviation ("Aug.", "Wed.").
fn skip_dot(toks: &[Tok], i: usize) -> usize {
    match toks.get(i) {
        Some(t) if t.is_punct('.') && !t.space_before => i + 1,
        _ => i,
    }
}

fn skip_comma(toks: &[Tok], i: usize) -> usize {
    match toks.get(i) {
        Some(t) if t.is_punct(',') => i + 1,
        _ => i,
    }
}

/// A month name or abbreviation, capitalised. Returns (next, month).
fn month_at(toks: &[Tok], i: usize) -> Option<(usize, u8)> {
    let t = word(toks, i)?;
    if !t.capitalised() || t.text.len() < 3 || t.text.len() > 9 {
        return None;
    }
    let l = t.lower();
    if let Some(k) = super::calendar::MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(&l))
    {
        return Some((
            if l == "may" {
                i + 1
            } else {
                skip_dot(toks, i + 1)
            },
            k as u8 + 1,
        ));
    }
    let k = match l.as_str() {
        "sept" => 8,
        _ => MONTH_ABBR.iter().position(|a| *a == l)?,
    };
    Some((skip_dot(toks, i + 1), k as u8 + 1))
}

/// A weekday name (full) or abbreviation (only `full == false`).
fn weekday_at(toks: &[Tok], i: usize, allow_abbr: bool) -> Option<(usize, u8)> {
    let t = word(toks, i)?;
    if !t.capitalised() {
        return None;
    }
    let l = t.lower();
    if let Some(k) = super::calendar::WEEKDAYS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(&l))
    {
        return Some((i + 1, k as u8));
    }
    if !allow_abbr {
        return None;
    }
    let k = match l.as_str() {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    };
    Some((skip_dot(toks, i + 1), k))
}

/// A day of the month, with an adjacent ordinal suffix.
fn day_at(toks: &[Tok], i: usize) -> Option<(usize, u8)> {
    let t = toks.get(i)?;
    let v = t.num(2)?;
    if !(1..=31).contains(&v) {
        return None;
    }
    let mut k = i + 1;
    if let Some(s) = toks.get(k) {
        if s.is_word() && !s.space_before {
            if matches!(s.lower().as_str(), "st" | "nd" | "rd" | "th") {
                k += 1;
            } else {
                return None; // "5km"
            }
        }
    }
    // "2.5", "3,000", "5:30" are not days.
    if let (Some(p), Some(n)) = (toks.get(k), toks.get(k + 1)) {
        if !p.space_before
            && (p.is_punct('.') || p.is_punct(',') || p.is_punct(':'))
            && n.is_num()
            && !n.space_before
        {
            return None;
        }
    }
    Some((k, v as u8))
}

/// A four-digit year 1800..=2199 (not a decade "1990s", not "2019-20").
fn year_at(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    let t = toks.get(i)?;
    let v = t.num(4).filter(|_| t.text.len() == 4)?;
    if !(1800..=2199).contains(&v) {
        return None;
    }
    if let Some(n) = toks.get(i + 1) {
        if !n.space_before && (n.is_word() || n.is_num()) {
            return None;
        }
        if !n.space_before
            && (n.is_punct(',') || n.is_punct('.'))
            && toks
                .get(i + 2)
                .is_some_and(|d| d.is_num() && !d.space_before)
        {
            return None; // "2,019" or "2019.5"
        }
    }
    Some((i + 1, v as i32))
}

/// "'19" / "’19".
fn short_year_at(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    let q = toks.get(i)?;
    if !(q.is_punct('\'') || q.is_punct('’')) {
        return None;
    }
    let n = toks.get(i + 1).filter(|n| !n.space_before)?;
    let v = n.num(2).filter(|_| n.text.len() == 2)?;
    Some((i + 2, two_digit_year(v)))
}

fn valid(y: Option<i32>, m: u8, d: u8) -> bool {
    match y {
        Some(y) => Ymd::new(y, m, d).is_some(),
        // Without a year, 29 February is possible.
        None => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(2000, m),
    }
}

/// The core of a date (day, month, year forms). Returns (next, expr).
fn core_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    let t = toks.get(i)?;
    if t.is_num() {
        if let Some(r) = iso_at(toks, i).or_else(|| numeric_at(toks, i)) {
            return Some(r);
        }
        // D [st] [of] Month [.] [,] [YYYY]
        if let Some((k, d)) = day_at(toks, i) {
            let k2 = if is_word(toks, k, "of") { k + 1 } else { k };
            if let Some((k3, m)) = month_at(toks, k2) {
                let k4 = skip_comma(toks, k3);
                let (next, y) = match year_at(toks, k4) {
                    Some((k5, y)) => (k5, Some(y)),
                    None => (k3, None),
                };
                if !valid(y, m, d) {
                    return None;
                }
                return Some((
                    next,
                    DateExpr {
                        y,
                        m: Some(m),
                        d: Some(d),
                        ..DateExpr::default()
                    },
                ));
            }
        }
        // A bare year after a preposition ("in 2019").
        if let Some((k, y)) = year_at(toks, i) {
            let after_prep = i > 0
                && !toks[i].newline_before
                && toks[i - 1].is_word()
                && DATE_PREPS.contains(&toks[i - 1].lower().as_str());
            let in_parens = i > 0 && !toks[i].newline_before && toks[i - 1].is_punct('(');
            if after_prep || in_parens {
                return Some((
                    k,
                    DateExpr {
                        y: Some(y),
                        ..DateExpr::default()
                    },
                ));
            }
        }
        return None;
    }
    let (k, m) = month_at(toks, i)?;
    // Month D [st] [,] [YYYY | 'YY]
    if let Some((k2, d)) = day_at(toks, k) {
        // "March 2019" is not day 20: a day has at most two digits, which
        // day_at checks; a following year needs a comma or a space.
        let k3 = skip_comma(toks, k2);
        let (next, y) = match year_at(toks, k3).or_else(|| short_year_at(toks, k3)) {
            Some((k4, y)) => (k4, Some(y)),
            None => (k2, None),
        };
        if !valid(y, m, d) {
            return None;
        }
        return Some((
            next,
            DateExpr {
                y,
                m: Some(m),
                d: Some(d),
                ..DateExpr::default()
            },
        ));
    }
    // Month [,] YYYY | Month 'YY
    let k2 = skip_comma(toks, k);
    if let Some((k3, y)) = year_at(toks, k2).or_else(|| short_year_at(toks, k)) {
        return Some((
            k3,
            DateExpr {
                y: Some(y),
                m: Some(m),
                ..DateExpr::default()
            },
        ));
    }
    // Month alone: only where a date is expected ("in March", "last May").
    let after_prep = i > 0
        && !toks[i].newline_before
        && toks[i - 1].is_word()
        && DATE_PREPS.contains(&toks[i - 1].lower().as_str());
    let full = toks[i].text.len() >= 3
        && super::calendar::MONTHS[m as usize - 1].len() == toks[i].text.len();
    (after_prep && full).then_some((
        k,
        DateExpr {
            m: Some(m),
            ..DateExpr::default()
        },
    ))
}

/// YYYY-MM-DD (with an optional time) or YYYY/MM/DD.
fn iso_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    let y = toks.get(i)?;
    if y.text.len() != 4 {
        return None;
    }
    let sep = toks.get(i + 1).filter(|s| !s.space_before)?;
    let sc = if sep.is_punct('-') {
        '-'
    } else if sep.is_punct('/') {
        '/'
    } else {
        return None;
    };
    let m = toks.get(i + 2).filter(|t| !t.space_before)?;
    let s2 = toks
        .get(i + 3)
        .filter(|s| !s.space_before && s.is_punct(sc))?;
    let d = toks.get(i + 4).filter(|t| !t.space_before)?;
    let _ = s2;
    let (yv, mv, dv) = (y.num(4)? as i32, m.num(2)? as u8, d.num(2)? as u8);
    if !(1800..=2199).contains(&yv) {
        return None;
    }
    let day = Ymd::new(yv, mv, dv)?;
    let mut k = i + 5;
    let mut time = false;
    // 'T08:13:00Z' or ' 08:13'
    if let Some(t) = toks.get(k) {
        if t.is("T") && !t.space_before {
            if let Some(k2) = time_at(toks, k + 1) {
                k = k2;
                time = true;
            }
        }
    }
    Some((
        k,
        DateExpr {
            y: Some(day.y),
            m: Some(day.m),
            d: Some(day.d),
            numeric: true,
            time,
            ..DateExpr::default()
        },
    ))
}

/// D/M/Y, M/D/Y (also with '.' or '-'), read day first; the month-first
/// reading is kept when it is a different valid day.
fn numeric_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    let a = toks.get(i)?;
    let s1 = toks.get(i + 1).filter(|s| !s.space_before)?;
    let sc = ['/', '.', '-'].into_iter().find(|&c| s1.is_punct(c))?;
    let b = toks.get(i + 2).filter(|t| !t.space_before)?;
    toks.get(i + 3)
        .filter(|s| !s.space_before && s.is_punct(sc))?;
    let c = toks.get(i + 4).filter(|t| !t.space_before)?;
    let (av, bv) = (a.num(2)?, b.num(2)?);
    let y = match c.text.len() {
        4 => c.num(4)? as i32,
        2 if sc == '/' => two_digit_year(c.num(2)?),
        _ => return None,
    };
    if !(1800..=2199).contains(&y) {
        return None;
    }
    // Part of a longer run ("10.1.2019.5", "1/2/2019/3", "1.2.12.2020").
    if let (Some(p), Some(n)) = (toks.get(i + 5), toks.get(i + 6)) {
        if !p.space_before && p.is_punct(sc) && n.is_num() && !n.space_before {
            return None;
        }
    }
    if i >= 2 {
        let p = &toks[i - 1];
        if !a.space_before && p.is_punct(sc) && toks[i - 2].is_num() {
            return None;
        }
    }
    let (dm, md) = (
        Ymd::new(y, bv as u8, av as u8),
        Ymd::new(y, av as u8, bv as u8),
    );
    let (main, swap) = match (dm, md) {
        (Some(x), Some(z)) if x != z => (x, Some(z)),
        (Some(x), _) => (x, None),
        (None, Some(z)) => (z, None),
        (None, None) => return None,
    };
    Some((
        i + 5,
        DateExpr {
            y: Some(main.y),
            m: Some(main.m),
            d: Some(main.d),
            swap,
            numeric: true,
            ..DateExpr::default()
        },
    ))
}

fn ampm_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = word(toks, i)?;
    match t.lower().as_str() {
        "am" | "pm" => Some(skip_dot(toks, i + 1)),
        "a" | "p" => {
            let d = toks
                .get(i + 1)
                .filter(|d| d.is_punct('.') && !d.space_before)?;
            let _ = d;
            let m = toks.get(i + 2).filter(|m| m.is("m") && !m.space_before)?;
            let _ = m;
            Some(skip_dot(toks, i + 3))
        }
        _ => None,
    }
}

fn zone_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    // "(UTC)"
    if t.is_punct('(') {
        let k = zone_at(toks, i + 1)?;
        return toks.get(k).filter(|c| c.is_punct(')')).map(|_| k + 1);
    }
    if t.is_punct('+') || t.is_punct('-') {
        let n = toks.get(i + 1).filter(|n| !n.space_before && n.is_num())?;
        match n.text.len() {
            4 => return Some(i + 2),
            1 | 2 => {
                if let (Some(c), Some(m)) = (toks.get(i + 2), toks.get(i + 3)) {
                    if c.is_punct(':') && !c.space_before && m.is_num() && m.text.len() == 2 {
                        return Some(i + 4);
                    }
                }
                return Some(i + 2);
            }
            _ => return None,
        }
    }
    if t.is_word() && ZONES.contains(&t.text) {
        let k = i + 1;
        // "GMT+1", "UTC+02:00"
        if matches!(t.text, "GMT" | "UTC") {
            if let Some(s) = toks.get(k) {
                if !s.space_before && (s.is_punct('+') || s.is_punct('-')) {
                    if let Some(k2) = zone_at(toks, k) {
                        return Some(k2);
                    }
                }
            }
        }
        return Some(k);
    }
    None
}

/// A time of day; returns the index after it (zone included).
pub(super) fn time_at(toks: &[Tok], i: usize) -> Option<usize> {
    let h = toks.get(i)?.num(2)?;
    if h > 24 {
        return None;
    }
    let mut k = i + 1;
    let mut clock = false;
    if let (Some(c), Some(m)) = (toks.get(k), toks.get(k + 1)) {
        if c.is_punct(':') && !c.space_before && !m.space_before && m.text.len() == 2 {
            if m.num(2)? > 59 {
                return None;
            }
            k += 2;
            clock = true;
            if let (Some(c2), Some(s)) = (toks.get(k), toks.get(k + 1)) {
                if c2.is_punct(':') && !c2.space_before && s.text.len() == 2 && s.num(2).is_some() {
                    k += 2;
                }
            }
        }
    }
    let ampm = ampm_at(toks, k);
    if let Some(k2) = ampm {
        if h > 12 {
            return None;
        }
        k = k2;
    } else if !clock {
        return None;
    }
    if let Some(k2) = zone_at(toks, k) {
        k = k2;
    }
    Some(k)
}

/// Separators between a date and a time: `, @ | - – — · • / at`.
fn sep_len(toks: &[Tok], i: usize) -> usize {
    let mut k = i;
    while k < i + 2 {
        match toks.get(k) {
            Some(t)
                if t.kind == super::tokens::Kind::Punct
                    && matches!(t.text, "," | "@" | "|" | "-" | "–" | "—" | "·" | "•" | "/") =>
            {
                k += 1
            }
            Some(t) if t.is("at") => k += 1,
            _ => break,
        }
    }
    k - i
}

/// A date with its optional weekday and times around it.
fn dated_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    let mut k = i;
    let mut weekday = None;
    if let Some((k2, w)) = weekday_at(toks, k, true) {
        weekday = Some(w);
        k = skip_comma(toks, k2);
    }
    let (mut next, mut expr) = core_at(toks, k)?;
    if weekday.is_some() && expr.d.is_none() {
        return None;
    }
    expr.weekday = weekday;
    // A time after a full or numeric date.
    if expr.d.is_some() && !expr.time {
        let s = sep_len(toks, next);
        if let Some(k2) = time_at(toks, next + s) {
            // A time on the next line is another field.
            if !toks[next + s].newline_before {
                next = k2;
                expr.time = true;
            }
        }
    }
    Some((next, expr))
}

fn part_at(toks: &[Tok], i: usize) -> Option<(usize, Part)> {
    let mut k = i;
    if is_word(toks, k, "the") {
        k += 1;
    }
    let l = word(toks, k)?.lower();
    let simple = match l.as_str() {
        "early" => Some(Part::Early),
        "mid" => Some(Part::Mid),
        "late" => Some(Part::Late),
        _ => None,
    };
    if let Some(p) = simple {
        let mut k2 = k + 1;
        if toks.get(k2).is_some_and(|t| t.is_punct('-')) {
            k2 += 1;
        }
        return Some((k2, p));
    }
    let of = |k: usize| is_word(toks, k, "of").then_some(k + 1);
    match l.as_str() {
        "end" => Some((of(k + 1)?, Part::Late)),
        "beginning" | "start" => Some((of(k + 1)?, Part::Early)),
        "middle" => Some((of(k + 1)?, Part::Mid)),
        "first" | "second" | "third" | "fourth" => {
            let n = match l.as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let unit = word(toks, k + 1)?.lower();
            let k2 = of(k + 2)?;
            match unit.as_str() {
                "half" if n <= 2 => Some((k2, Part::Half(n))),
                "quarter" => Some((k2, Part::Quarter(n))),
                _ => None,
            }
        }
        "spring" | "summer" | "autumn" | "fall" | "winter" => {
            let s = match l.as_str() {
                "spring" => Season::Spring,
                "summer" => Season::Summer,
                "winter" => Season::Winter,
                _ => Season::Autumn,
            };
            let k2 = if is_word(toks, k + 1, "of") {
                k + 2
            } else {
                k + 1
            };
            Some((k2, Part::Season(s)))
        }
        _ => None,
    }
}

fn unit_word(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

fn small_number(t: &Tok) -> Option<u32> {
    if let Some(v) = t.num(3) {
        return Some(v);
    }
    Some(match t.lower().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

/// Relative dates: "yesterday", "last week", "two days ago", "earlier this
/// month", "last Tuesday", "next March", "the end of the year".
fn relative_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    let t = toks.get(i)?;
    // "two days ago", "3 weeks ago"
    if let Some(n) = small_number(t) {
        let u = unit_word(&word(toks, i + 1)?.lower())?;
        if is_word(toks, i + 2, "ago") {
            return Some((
                i + 3,
                DateExpr {
                    rel: Some(Relative::Ago(u, n.min(10_000) as u16)),
                    ..DateExpr::default()
                },
            ));
        }
        return None;
    }
    if !t.is_word() {
        return None;
    }
    let l = t.lower();
    let rel = |k: usize, r: Relative| {
        Some((
            k,
            DateExpr {
                rel: Some(r),
                ..DateExpr::default()
            },
        ))
    };
    match l.as_str() {
        "yesterday" => return rel(i + 1, Relative::Day(-1)),
        "today" | "tonight" => return rel(i + 1, Relative::Day(0)),
        "tomorrow" => return rel(i + 1, Relative::Day(1)),
        _ => {}
    }
    // "the day before yesterday"
    if l == "the"
        && is_word(toks, i + 1, "day")
        && is_word(toks, i + 2, "before")
        && is_word(toks, i + 3, "yesterday")
    {
        return rel(i + 4, Relative::Day(-2));
    }
    // "earlier this month", "later this year"
    if matches!(l.as_str(), "earlier" | "later") && is_word(toks, i + 1, "this") {
        let u = unit_word(&word(toks, i + 2)?.lower())?;
        let r = if l == "earlier" {
            Relative::EarlierThis(u)
        } else {
            Relative::LaterThis(u)
        };
        return rel(i + 3, r);
    }
    let which = match l.as_str() {
        "last" | "past" | "previous" => Which::Last,
        "next" | "coming" => Which::Next,
        "this" => Which::This,
        _ => return None,
    };
    let next = toks.get(i + 1)?;
    if let Some((k, w)) = weekday_at(toks, i + 1, false) {
        return Some((
            k,
            DateExpr {
                weekday: Some(w),
                which: Some(which),
                ..DateExpr::default()
            },
        ));
    }
    if let Some((k, m)) = month_at(toks, i + 1) {
        if super::calendar::MONTHS[m as usize - 1].len() == next.text.len() {
            return Some((
                k,
                DateExpr {
                    m: Some(m),
                    which: Some(which),
                    ..DateExpr::default()
                },
            ));
        }
    }
    let off = match which {
        Which::Last => -1,
        Which::Next => 1,
        Which::This => 0,
    };
    let nl = next.lower();
    if let Some(u) = unit_word(&nl).filter(|_| !nl.ends_with('s')) {
        return rel(i + 2, Relative::Period(u, off));
    }
    match nl.as_str() {
        "weekend" => rel(i + 2, Relative::Weekend(off)),
        "night" if which == Which::Last => rel(i + 2, Relative::Day(-1)),
        "morning" | "afternoon" | "evening" if which == Which::This => rel(i + 2, Relative::Day(0)),
        _ => None,
    }
}

/// The longest date expression starting at token `i`: (next, expr).
fn match_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    // A date never runs over a line break (a dateline's neighbour is
    // another field).
    let line_end = (i + 1..toks.len())
        .find(|&j| toks[j].newline_before)
        .unwrap_or(toks.len());
    let toks = &toks[..line_end];
    let t = &toks[i];
    // Cheap rejection: a date starts with a number, a capitalised word or
    // one of a few lower-case words.
    if t.is_word()
        && !t.capitalised()
        && !matches!(
            t.lower().as_str(),
            "yesterday"
                | "today"
                | "tonight"
                | "tomorrow"
                | "the"
                | "earlier"
                | "later"
                | "last"
                | "past"
                | "previous"
                | "next"
                | "coming"
                | "this"
                | "early"
                | "mid"
                | "late"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "a"
                | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
        )
    {
        return None;
    }
    if t.kind == super::tokens::Kind::Punct {
        return None;
    }
    let mut best: Option<(usize, DateExpr)> = None;
    fn keep(best: &mut Option<(usize, DateExpr)>, r: Option<(usize, DateExpr)>) {
        if let Some((k, e)) = r {
            if best.is_none_or(|(b, _)| k > b) {
                *best = Some((k, e));
            }
        }
    }
    macro_rules! consider {
        ($e:expr) => {
            keep(&mut best, $e)
        };
    }
    // A time before the date ("5:03 PM ET, Thu May 2, 2019").
    if t.is_num() {
        if let Some(k) = time_at(toks, i) {
            let s = sep_len(toks, k);
            if let Some((k2, mut e)) = dated_at(toks, k + s) {
                if e.d.is_some() && !toks[k + s].newline_before {
                    e.time = true;
                    consider!(Some((k2, e)));
                }
            }
        }
    }
    consider!(dated_at(toks, i));
    // "early 2024", "end of March", "the end of the year", "Q1 2024"
    if let Some((k, part)) = part_at(toks, i) {
        let core = core_at(toks, k).or_else(|| {
            year_at(toks, k).map(|(k2, y)| {
                (
                    k2,
                    DateExpr {
                        y: Some(y),
                        ..DateExpr::default()
                    },
                )
            })
        });
        if let Some((k2, mut e)) = core {
            if e.d.is_none() && (e.m.is_some() || e.y.is_some()) {
                e.part = Some(part);
                consider!(Some((k2, e)));
            }
        } else if let Some((k2, m)) = month_at(toks, k) {
            if matches!(part, Part::Early | Part::Mid | Part::Late) {
                consider!(Some((
                    k2,
                    DateExpr {
                        m: Some(m),
                        part: Some(part),
                        ..DateExpr::default()
                    },
                )));
            }
        } else if is_word(toks, k, "the") || is_word(toks, k, "this") {
            if let Some(u) = word(toks, k + 1).and_then(|w| unit_word(&w.lower())) {
                if u != Unit::Day && matches!(part, Part::Early | Part::Mid | Part::Late) {
                    consider!(Some((
                        k + 2,
                        DateExpr {
                            rel: Some(Relative::Period(u, 0)),
                            part: Some(part),
                            ..DateExpr::default()
                        },
                    )));
                }
            }
        }
    }
    if t.is("Q") || t.is("H") {
        if let Some(n) = toks
            .get(i + 1)
            .filter(|n| !n.space_before)
            .and_then(|n| n.num(1))
        {
            let part = if t.is("Q") && (1..=4).contains(&n) {
                Some(Part::Quarter(n as u8))
            } else if t.is("H") && (1..=2).contains(&n) {
                Some(Part::Half(n as u8))
            } else {
                None
            };
            if let (Some(part), Some((k, y))) = (part, year_at(toks, i + 2)) {
                consider!(Some((
                    k,
                    DateExpr {
                        y: Some(y),
                        part: Some(part),
                        ..DateExpr::default()
                    },
                )));
            }
        }
    }
    consider!(relative_at(toks, i));
    if best.is_none() {
        if let Some((k, w)) = weekday_at(toks, i, false) {
            consider!(Some((
                k,
                DateExpr {
                    weekday: Some(w),
                    ..DateExpr::default()
                },
            )));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Option<(String, DateExpr)> {
        let f = scan(s, 0, s.len());
        f.into_iter()
            .max_by_key(|f| f.end - f.start)
            .map(|f| (s[f.start..f.end].to_string(), f.expr))
    }

    fn ymd(s: &str) -> (Option<i32>, Option<u8>, Option<u8>) {
        let (_, e) = one(s).unwrap_or_else(|| panic!("no date in {s:?}"));
        (e.y, e.m, e.d)
    }

    #[test]
    fn full_dates_in_every_common_form() {
        #[rustfmt::skip]
        let cases: &[(&str, (i32, u8, u8), &str)] = &[
            ("May 2, 2019 | 5:03pm", (2019, 5, 2), "May 2, 2019 | 5:03pm"),
            ("14 June 2019", (2019, 6, 14), "14 June 2019"),
            ("Friday August 2, 2019 @ 8:13am PDT", (2019, 8, 2), "Friday August 2, 2019 @ 8:13am PDT"),
            ("12/16/09", (2009, 12, 16), "12/16/09"),
            ("Posted: Aug. 2, 2019 at 5:03 p.m. ET", (2019, 8, 2), "Aug. 2, 2019 at 5:03 p.m. ET"),
            ("Updated 23:30 CET, 4 February 2024", (2024, 2, 4), "23:30 CET, 4 February 2024"),
            ("2019-08-02T08:13:00Z", (2019, 8, 2), "2019-08-02T08:13:00Z"),
            ("2019-08-02 08:13", (2019, 8, 2), "2019-08-02 08:13"),
            ("2019/08/02", (2019, 8, 2), "2019/08/02"),
            ("Fri, 02 Aug 2019 08:13:00 +0000", (2019, 8, 2), "Fri, 02 Aug 2019 08:13:00 +0000"),
            ("Sunday, April 17, 2016", (2016, 4, 17), "Sunday, April 17, 2016"),
            ("March 01 , 2008", (2008, 3, 1), "March 01 , 2008"),
            ("the 2nd of May, 2019", (2019, 5, 2), "2nd of May, 2019"),
            ("Sept. 5, 2021 — 11:00 AM EDT", (2021, 9, 5), "Sept. 5, 2021 — 11:00 AM EDT"),
            ("16.12.2009", (2009, 12, 16), "16.12.2009"),
            ("16-12-2009 · 17:45 GMT+1", (2009, 12, 16), "16-12-2009 · 17:45 GMT+1"),
            ("MAY 2, 2019", (2019, 5, 2), "MAY 2, 2019"),
            ("Dec 17 '19", (2019, 12, 17), "Dec 17 '19"),
        ];
        for (s, (y, m, d), span) in cases {
            let (got, e) = one(s).unwrap_or_else(|| panic!("no date in {s:?}"));
            assert_eq!((e.y, e.m, e.d), (Some(*y), Some(*m), Some(*d)), "{s}");
            assert_eq!(&got, span, "{s}");
        }
        let (_, e) = one("Friday August 2, 2019 @ 8:13am PDT").unwrap();
        assert_eq!(e.weekday, Some(4));
        assert!(e.time);
    }

    #[test]
    fn partial_and_coarse_dates() {
        assert_eq!(ymd("December 17"), (None, Some(12), Some(17)));
        assert_eq!(ymd("on 13 June"), (None, Some(6), Some(13)));
        assert_eq!(ymd("since February 2024"), (Some(2024), Some(2), None));
        assert_eq!(ymd("in 2019"), (Some(2019), None, None));
        assert_eq!(ymd("in November"), (None, Some(11), None));
        let (_, e) = one("Monday 12 November").unwrap();
        assert_eq!((e.weekday, e.m, e.d), (Some(0), Some(11), Some(12)));
        let (_, e) = one("At the end of 2022").unwrap();
        assert_eq!((e.y, e.part), (Some(2022), Some(Part::Late)));
        let (_, e) = one("in Q3 2024").unwrap();
        assert_eq!((e.y, e.part), (Some(2024), Some(Part::Quarter(3))));
        let (_, e) = one("mid-March").unwrap();
        assert_eq!((e.m, e.part), (Some(3), Some(Part::Mid)));
        let (_, e) = one("in the first half of 2023").unwrap();
        assert_eq!((e.y, e.part), (Some(2023), Some(Part::Half(1))));
    }

    #[test]
    fn relative_dates() {
        let rel = |s: &str| one(s).and_then(|(_, e)| e.rel);
        assert_eq!(rel("yesterday"), Some(Relative::Day(-1)));
        assert_eq!(rel("last week"), Some(Relative::Period(Unit::Week, -1)));
        assert_eq!(rel("next month"), Some(Relative::Period(Unit::Month, 1)));
        assert_eq!(rel("two days ago"), Some(Relative::Ago(Unit::Day, 2)));
        assert_eq!(rel("3 weeks ago"), Some(Relative::Ago(Unit::Week, 3)));
        assert_eq!(
            rel("earlier this month"),
            Some(Relative::EarlierThis(Unit::Month))
        );
        assert_eq!(rel("last night"), Some(Relative::Day(-1)));
        let (_, e) = one("last Tuesday").unwrap();
        assert_eq!((e.weekday, e.which), (Some(1), Some(Which::Last)));
        let (_, e) = one("said on Tuesday").unwrap();
        assert_eq!((e.weekday, e.which), (Some(1), None));
        let (_, e) = one("by the end of the year").unwrap();
        assert_eq!(
            (e.rel, e.part),
            (Some(Relative::Period(Unit::Year, 0)), Some(Part::Late))
        );
    }

    #[test]
    fn not_dates() {
        for s in [
            "32/13/2024",
            "February 30, 2024",
            "February 30",
            "the 1990s",
            "2019-20 season",
            "May I ask?",
            "Theresa May said",
            "they march in protest",
            "5.4bn",
            "1,200 troops",
            "version 1.2.3",
            "10.1.2019.5",
            "The Sun reported",
            "Jan Kowalski said",
            "40-50 people",
            "2.5 million",
        ] {
            let f = scan(s, 0, s.len());
            assert!(f.is_empty(), "{s}: {:?}", f);
        }
        let big = format!("{} {}", "9".repeat(400), "/12/2024");
        assert!(scan(&big, 0, big.len()).is_empty());
    }

    #[test]
    fn ambiguous_numeric_dates_keep_both_readings() {
        let (_, e) = one("04/02/2024, 23:30").unwrap();
        assert_eq!((e.y, e.m, e.d), (Some(2024), Some(2), Some(4)));
        assert_eq!(e.swap, Ymd::new(2024, 4, 2));
        assert!(e.time && e.numeric);
        let (_, e) = one("25/03/2024").unwrap();
        assert_eq!((e.m, e.d, e.swap), (Some(3), Some(25), None));
        let (_, e) = one("03/25/2024").unwrap();
        assert_eq!((e.m, e.d, e.swap), (Some(3), Some(25), None));
        assert_eq!(one("05/05/2024").unwrap().1.swap, None);
    }
}
