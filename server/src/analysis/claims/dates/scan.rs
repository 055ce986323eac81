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
use super::clock::{sep_len, time_at};
use super::relative::{part_at, relative_at, unit_word};
use super::tokens::{is_word, skip_comma, skip_dot, tokenize, word, Tok};
use super::{DateExpr, Part, Relative};

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

/// Lower-case words a date expression may start with.
#[rustfmt::skip]
const START_WORDS: &[&str] = &[
    "yesterday", "today", "tonight", "tomorrow", "the", "earlier", "later", "last", "past",
    "previous", "next", "coming", "this", "early", "mid", "late", "end", "beginning", "start",
    "middle", "first", "second", "third", "fourth", "spring", "summer", "autumn", "fall", "winter",
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
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

fn two_digit_year(v: u32) -> i32 {
    // The POSIX pivot: 69..99 are the 1900s, 00..68 the 2000s.
    if v >= 69 {
        1900 + v as i32
    } else {
        2000 + v as i32
    }
}

/// A month name or abbreviation, capitalised. Returns (next, month).
pub(super) fn month_at(toks: &[Tok], i: usize) -> Option<(usize, u8)> {
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
        _ => MONTH_ABBR.iter().position(|a| l == *a)?,
    };
    Some((skip_dot(toks, i + 1), k as u8 + 1))
}

/// A weekday name (full) or abbreviation (only `full == false`).
pub(super) fn weekday_at(toks: &[Tok], i: usize, allow_abbr: bool) -> Option<(usize, u8)> {
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
pub(super) fn year_at(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
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
pub(super) fn core_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
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

/// YYYY-MM-DD (with an optional time), YYYY/MM/DD, or YYYY.MM.DD (with
/// the Hungarian closing dot: "2022.08.23. 15:30").
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
    } else if sep.is_punct('.') {
        '.'
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

/// D/M/Y, M/D/Y (also with '.' or '-'), read day first; with '/' or '-'
/// the month-first reading is kept when it is a different valid day.
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
        // Dotted numeric dates are written day first (German, Dutch,
        // Polish, Romanian, Croatian ... "12.07.2024"): one reading.
        (Some(x), Some(_)) if sc == '.' => (x, None),
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

/// The longest date expression starting at token `i`: (next, expr).
fn match_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
    // A date never runs over a line break (a dateline's neighbour is
    // another field).
    // (No expression is longer than 32 tokens: look no further.)
    let horizon = toks.len().min(i + 32);
    let line_end = (i + 1..horizon)
        .find(|&j| toks[j].newline_before)
        .unwrap_or(horizon);
    let toks = &toks[..line_end];
    let t = &toks[i];
    // Cheap rejection: a date starts with a number, a capitalised word or
    // one of a few lower-case words.
    if t.is_word() && !t.capitalised() && !START_WORDS.contains(&t.lower().as_str()) {
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
#[path = "scan_tests.rs"]
mod tests;
