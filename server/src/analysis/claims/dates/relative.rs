//! Relative dates and parts of periods: "yesterday", "two days ago",
//! "last Tuesday", "next month", "earlier this year", "early 2024", "the
//! end of March", "Q3", "summer".
use super::calendar::Unit;
use super::scan::{month_at, weekday_at};
use super::tokens::{is_word, word, Tok};
use super::{DateExpr, Part, Relative, Season, Which};

pub(super) fn part_at(toks: &[Tok], i: usize) -> Option<(usize, Part)> {
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

pub(super) fn unit_word(w: &str) -> Option<Unit> {
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
pub(super) fn relative_at(toks: &[Tok], i: usize) -> Option<(usize, DateExpr)> {
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
