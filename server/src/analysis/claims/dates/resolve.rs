//! Dates relative to an anchor: the year of "Monday 12 November", the day
//! of "last Tuesday", the week of "last week", against the publication
//! interval of the file they are written in.
//!
//! A report describes the past or the near future of its publication date:
//! a partial date is placed in the year that puts it nearest the anchor,
//! on the side the tense points to, never silently in the next year. A
//! weekday written with the date ("Monday 12 November") picks the year
//! whose 12 November is a Monday. A wide anchor (an ambiguous or estimated
//! publication date) gives a wide result: the hull of the readings at both
//! ends of the anchor.
use super::calendar::{hull, period_of, shift_period, Unit, Ymd};
use super::{narrow, DateExpr, Relative, Which};

/// The tense of the clause around a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// The day interval an expression denotes, written at a time within
/// `anchor` (None: only absolute expressions resolve).
pub fn resolve(expr: &DateExpr, anchor: Option<(Ymd, Ymd)>, tense: Tense) -> Option<(Ymd, Ymd)> {
    if expr.is_absolute() {
        return expr.range(None);
    }
    let (lo, hi) = anchor?;
    let a = resolve_at(expr, lo, tense)?;
    if lo == hi {
        return Some(a);
    }
    let b = resolve_at(expr, hi, tense)?;
    Some(hull(a, b))
}

/// The most recent day with weekday `w` on or before `day` (`strict`:
/// before).
fn weekday_before(day: Ymd, w: u8, strict: bool) -> Ymd {
    let back = (day.weekday() as i64 - w as i64).rem_euclid(7);
    let back = if strict && back == 0 { 7 } else { back };
    day.add_days(-back)
}

fn weekday_after(day: Ymd, w: u8, strict: bool) -> Ymd {
    let fwd = (w as i64 - day.weekday() as i64).rem_euclid(7);
    let fwd = if strict && fwd == 0 { 7 } else { fwd };
    day.add_days(fwd)
}

fn one(d: Ymd) -> (Ymd, Ymd) {
    (d, d)
}

/// Cost of placing a date at `c` for a text written on `day`: the distance
/// in days, with the side the tense points to preferred.
fn cost(c: Ymd, day: Ymd, tense: Tense) -> i64 {
    let dist = c.days() - day.days();
    // On the side the tense rules out, only a few days' slack (the anchor
    // may be a little off) before any other reading wins.
    let against = |d: i64| if d <= 3 { d * 4 } else { 100_000 + d };
    match tense {
        Tense::Past if dist > 0 => against(dist),
        Tense::Future if dist < 0 => against(-dist),
        // Unknown: the past wins ties.
        Tense::Unknown if dist > 0 => dist + 1,
        _ => dist.abs(),
    }
}

fn resolve_at(expr: &DateExpr, day: Ymd, tense: Tense) -> Option<(Ymd, Ymd)> {
    if let Some(rel) = expr.rel {
        let r = match rel {
            Relative::Day(n) => one(day.add_days(n as i64)),
            Relative::Period(u, off) => shift_period(day, u, off as i32),
            Relative::Ago(u, n) => {
                let n = n as i64;
                match u {
                    Unit::Day => one(day.add_days(-n)),
                    Unit::Week => {
                        let c = day.add_days(-7 * n);
                        (c.add_days(-3), c.add_days(3))
                    }
                    Unit::Month => {
                        let c = day.add_months(-(n.min(100_000) as i32));
                        (c.add_days(-15), c.add_days(15))
                    }
                    Unit::Year => {
                        let c = day.add_months(-12 * n.min(10_000) as i32);
                        (c.add_days(-45), c.add_days(45))
                    }
                }
            }
            Relative::EarlierThis(u) => (period_of(day, u).0, day),
            Relative::LaterThis(u) => (day, period_of(day, u).1),
            Relative::Weekend(off) => {
                let mon = shift_period(day, Unit::Week, off as i32).0;
                (mon.add_days(5), mon.add_days(6))
            }
        };
        return Some(narrow(r, expr.part));
    }
    // A weekday alone.
    if let (Some(w), None) = (expr.weekday, expr.d) {
        return Some(match expr.which {
            None => match tense {
                Tense::Past => one(weekday_before(day, w, false)),
                Tense::Future => one(weekday_after(day, w, false)),
                Tense::Unknown => (weekday_before(day, w, false), weekday_after(day, w, false)),
            },
            // "last Tuesday" written on a Wednesday may mean yesterday or
            // eight days ago.
            Some(Which::Last) => {
                let p = weekday_before(day, w, true);
                if day.days() - p.days() <= 2 {
                    (p.add_days(-7), p)
                } else {
                    one(p)
                }
            }
            Some(Which::Next) => {
                let n = weekday_after(day, w, true);
                if n.days() - day.days() <= 2 {
                    (n, n.add_days(7))
                } else {
                    one(n)
                }
            }
            Some(Which::This) => one(period_of(day, Unit::Week).0.add_days(w as i64)),
        });
    }
    let m = expr.m?;
    // A month without a day or year.
    if expr.d.is_none() {
        let cands = [day.y - 1, day.y, day.y + 1];
        let month = |y: i32| (Ymd::first_of_month(y, m), Ymd::last_of_month(y, m));
        let this = (day.y, day.m);
        let y = match expr.which {
            Some(Which::Last) => cands
                .into_iter()
                .rev()
                .find(|&y| (y, m) < this)
                .unwrap_or(day.y - 1),
            Some(Which::Next) => cands
                .into_iter()
                .find(|&y| (y, m) > this)
                .unwrap_or(day.y + 1),
            Some(Which::This) => day.y,
            None => {
                // The month containing `day` counts as both past and future.
                cands
                    .into_iter()
                    .min_by_key(|&y| {
                        let (a, b) = month(y);
                        if a <= day && day <= b {
                            0
                        } else if b < day {
                            cost(b, day, tense)
                        } else {
                            cost(a, day, tense)
                        }
                    })
                    .unwrap_or(day.y)
            }
        };
        return Some(narrow(month(y), expr.part));
    }
    // Day and month: choose the year.
    let d = expr.d?;
    let cands: Vec<Ymd> = [day.y - 1, day.y, day.y + 1]
        .into_iter()
        .filter_map(|y| Ymd::new(y, m, d))
        .collect();
    let by_weekday: Vec<Ymd> = match expr.weekday {
        Some(w) => cands.iter().copied().filter(|c| c.weekday() == w).collect(),
        None => Vec::new(),
    };
    let pool = if by_weekday.is_empty() {
        &cands
    } else {
        &by_weekday
    };
    pool.iter()
        .copied()
        .min_by_key(|&c| cost(c, day, tense))
        .map(one)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::dates::parse;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    fn at(s: &str, anchor: Ymd, tense: Tense) -> (Ymd, Ymd) {
        let e = parse(s).unwrap_or_else(|| panic!("no date: {s}"));
        resolve(&e, Some((anchor, anchor)), tense).unwrap_or_else(|| panic!("{s}: {e:?}"))
    }

    #[test]
    fn partial_dates_take_the_year_of_the_anchor_never_silently_the_next() {
        // Thursday 15 November 2018.
        let a = ymd(2018, 11, 15);
        assert_eq!(
            at("Monday 12 November", a, Tense::Past),
            one(ymd(2018, 11, 12))
        );
        assert_eq!(
            at("Monday 12 November", a, Tense::Unknown),
            one(ymd(2018, 11, 12))
        );
        assert_eq!(at("12 November", a, Tense::Unknown), one(ymd(2018, 11, 12)));
        // A future date a week ahead stays in the year.
        assert_eq!(at("November 22", a, Tense::Future), one(ymd(2018, 11, 22)));
        // Late December read in early January is last year's.
        let jan = ymd(2019, 1, 3);
        assert_eq!(at("December 28", jan, Tense::Past), one(ymd(2018, 12, 28)));
        assert_eq!(
            at("December 28", jan, Tense::Unknown),
            one(ymd(2018, 12, 28))
        );
        // ... unless the tense looks ahead a whole year.
        assert_eq!(
            at("December 28", jan, Tense::Future),
            one(ymd(2019, 12, 28))
        );
        // The weekday decides between years: 2 August was a Friday in 2019.
        assert_eq!(
            at("Friday, August 2", ymd(2020, 1, 10), Tense::Unknown),
            one(ymd(2019, 8, 2))
        );
    }

    #[test]
    fn weekdays_and_relative_expressions() {
        let a = ymd(2018, 11, 15); // a Thursday
        assert_eq!(at("Tuesday", a, Tense::Past), one(ymd(2018, 11, 13)));
        assert_eq!(at("Tuesday", a, Tense::Future), one(ymd(2018, 11, 20)));
        assert_eq!(
            at("Tuesday", a, Tense::Unknown),
            (ymd(2018, 11, 13), ymd(2018, 11, 20))
        );
        assert_eq!(at("last Monday", a, Tense::Past), one(ymd(2018, 11, 12)));
        assert_eq!(
            at("last Tuesday", a, Tense::Past),
            (ymd(2018, 11, 6), ymd(2018, 11, 13))
        );
        assert_eq!(
            at("last Wednesday", a, Tense::Past),
            (ymd(2018, 11, 7), ymd(2018, 11, 14))
        );
        assert_eq!(at("yesterday", a, Tense::Past), one(ymd(2018, 11, 14)));
        assert_eq!(
            at("last week", a, Tense::Past),
            (ymd(2018, 11, 5), ymd(2018, 11, 11))
        );
        assert_eq!(at("two days ago", a, Tense::Past), one(ymd(2018, 11, 13)));
        assert_eq!(
            at("earlier this month", a, Tense::Past),
            (ymd(2018, 11, 1), a)
        );
        assert_eq!(
            at("last weekend", a, Tense::Past),
            (ymd(2018, 11, 10), ymd(2018, 11, 11))
        );
        assert_eq!(
            at("in March", a, Tense::Past),
            (ymd(2018, 3, 1), ymd(2018, 3, 31))
        );
        assert_eq!(
            at("in March", a, Tense::Future),
            (ymd(2019, 3, 1), ymd(2019, 3, 31))
        );
        assert_eq!(
            at("last December", a, Tense::Unknown),
            (ymd(2017, 12, 1), ymd(2017, 12, 31))
        );
        assert_eq!(
            at("by the end of the year", a, Tense::Future).1,
            ymd(2018, 12, 31)
        );
    }

    #[test]
    fn wide_anchors_give_wide_results() {
        let e = parse("yesterday").unwrap();
        let r = resolve(&e, Some((ymd(2024, 2, 4), ymd(2024, 4, 2))), Tense::Past).unwrap();
        assert_eq!(r, (ymd(2024, 2, 3), ymd(2024, 4, 1)));
        assert_eq!(resolve(&e, None, Tense::Past), None);
        let full = parse("9 July 2024").unwrap();
        assert_eq!(
            resolve(&full, None, Tense::Past),
            Some(one(ymd(2024, 7, 9)))
        );
    }
}
