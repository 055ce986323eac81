//! A publication interval for a page that states no date, from what it
//! says: it was written after the latest date it puts in the past and
//! before the earliest it puts in the future. A deictic expression
//! ("yesterday", "last week", "on Tuesday") next to that latest past day
//! says the events are days old: the page was written within a month of
//! it. Without either, pages often look back years (a report mentions
//! "the 2008 crisis"): the upper bound is five years on.
//!
//! Measured on the 144 GUM and MEANTIME news texts with their dateline
//! line removed: 73 get an interval and 49 of those hold the true date;
//! the lower bound holds for 51 of 53, the bound from a future date for 28
//! of 29; how far the page is from its latest past date varies from days
//! to decades, hence the wide default.
//! Always low confidence: enough to place the page among others instead of
//! leaving it out, never enough to tell days apart.
use super::dateline::Dated;
use super::dates::{Confidence, DateSource, PubDate, Tense, Ymd};
use crate::analysis::model::DocAnalysis;
use serde::{Deserialize, Serialize};

/// How long after its latest past date a page is assumed to be written:
/// with deictic expressions, and without.
const NEAR_DAYS: i64 = 31;
const FAR_DAYS: i64 = 5 * 365 + 1;

/// How many years after the latest year a page names a weekday-dated day
/// without a year ("Monday 12 November") is looked for.
const WEEKDAY_YEARS: i32 = 7;

/// A day written with its weekday but no year ("Monday 12 November"),
/// placed in the first year from `from` whose day falls on that weekday.
fn by_weekday(d: &Dated, from: i32) -> Option<Ymd> {
    let (w, m, day) = (d.expr.weekday?, d.expr.m?, d.expr.d?);
    if d.expr.y.is_some() || d.expr.rel.is_some() || d.expr.which.is_some() {
        return None;
    }
    (from..=from + WEEKDAY_YEARS)
        .filter_map(|y| Ymd::new(y, m, day))
        .find(|x| x.weekday() == w)
}

/// "yesterday", "last week", "on Tuesday": a day counted from the
/// writing.
fn is_deictic(d: &Dated) -> bool {
    d.expr.rel.is_some() || (d.expr.weekday.is_some() && d.expr.d.is_none())
}

/// A deictic day in the past or undecided, on another line than the
/// latest past date `p`, when `p` is no later than a year the page names
/// only as a year or a day whose line tells nothing of the writing: the
/// page's news is then told by that deixis, and `p` is background.
fn news_deixis<'a>(all: &'a [Dated], p: &Dated) -> Option<&'a Dated> {
    use super::dates::{Relative, Which};
    // Only what looks back from the writing ("next week", "later this
    // year", "tomorrow" tell the news ahead, not of it).
    let ahead = |d: &Dated| {
        d.expr.which == Some(Which::Next)
            || match d.expr.rel {
                Some(Relative::Day(k)) => k > 0,
                Some(Relative::Period(_, k)) | Some(Relative::Weekend(k)) => k > 0,
                Some(Relative::LaterThis(_)) => true,
                _ => false,
            }
    };
    all.iter()
        .filter(|d| d.line != p.line && d.ctx.tense != Tense::Future && !ahead(d))
        .find(|d| is_deictic(d))
}

/// What an undated page tells of the days it looks back to, kept for the
/// folder ([`super::folder_dates`]): a page that retells a dated story
/// was written on or after the latest day it puts in the past, though it
/// writes that day without a year ("On 14 October a fire broke out", "the
/// inspection began on 15 October"), which only the story's reports give.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LookBack {
    /// Days the page puts in the past (or leaves undecided, outside any
    /// plan), as (year if written, month, day).
    pub days: Vec<(Option<i32>, u8, u8)>,
    /// It tells its news as days before the writing ("yesterday", "last
    /// Tuesday", "last week", "two days ago").
    pub after_news: bool,
    /// The end of the earliest whole date it puts ahead ("by 2006", "in
    /// April 2005"): the page is written before it, however far its
    /// past dates are.
    #[serde(default)]
    pub ahead: Option<Ymd>,
    /// Days it puts ahead without a year ("a hearing on 7 April", "until
    /// 31 March"), as (month, day): the story's reports give the year.
    #[serde(default)]
    pub ahead_days: Vec<(u8, u8)>,
    /// Weekdays it tells its news by, in the past or undecided ("gave way
    /// on Tuesday", "Last Tuesday the dam broke"; 0 = Monday): the day of
    /// a report of its story, or the day before, when it is one story.
    #[serde(default)]
    pub weekdays: Vec<u8>,
    /// Days it tells as gone by since its news ("on the third day after
    /// the typhoon", "for three days after the fire", "back after nine
    /// days"): the page is written at least that long after its story's
    /// first report, less a day (the first report may be of the event's
    /// own day). Zero when it tells none.
    #[serde(default)]
    pub days_since: u32,
    /// Weekdays it tells of things before its news by ("had warned on
    /// Thursday", "on Friday, before the storm"): no later stage.
    #[serde(default)]
    pub before_weekdays: Vec<u8>,
    /// Its weekdays in the order it first tells them: one told after the
    /// news's weekday may be a later stage; one told first is the news
    /// or what led to it.
    #[serde(default)]
    pub weekday_order: Vec<u8>,
    /// Weekdays it tells as after something ("on Wednesday, three days
    /// after the earthquake").
    #[serde(default)]
    pub after_weekdays: Vec<u8>,
    /// The most days it counts of its own stay ("on our second day"):
    /// counted from the day it arrived, the earliest day it tells of
    /// after its story's news.
    #[serde(default)]
    pub own_days: u32,
    /// Its lead tells the news as fresh ("yesterday", "this morning",
    /// "on Saturday") and as nothing older ("last week", "days ago"):
    /// the most days after the latest day it tells of that the words
    /// allow (see [`fresh_days`]).
    #[serde(default)]
    pub fresh: Option<u8>,
}

/// Words that put a sentence's span of days ahead or in a plan ("will
/// last for three days", "could take five days"): no time gone by.
const NOT_GONE_BY: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "expected",
    "expects",
    "plans",
    "planned",
    "scheduled",
    "until",
    "next",
    "within",
    "every",
    "per",
    "each",
    "hours",
    "usually",
    "typically",
    "often",
    "last",
    "ago",
];

/// The most days a page tells as gone by since its news (see
/// [`LookBack::days_since`]): "on the third day", "for three days",
/// "after nine days", "three days after", in sentences of no plan, at
/// most a month; and the most of them it counts as its own stay ("our
/// second day", [`LookBack::own_days`]).
fn days_gone_by(text: &str) -> (u32, u32) {
    let mut best = 0u32;
    let mut own = 0u32;
    for sentence in text.split(['.', '!', '?', '\n']) {
        let ws: Vec<String> = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        // ("up to five days" is a limit; "set up a kitchen" none.)
        let up_to = ws.windows(2).any(|p| p[0] == "up" && p[1] == "to");
        if up_to || ws.iter().any(|w| NOT_GONE_BY.contains(&w.as_str())) {
            continue;
        }
        for (i, w) in ws.iter().enumerate() {
            let next = |k: usize| ws.get(i + k).map(String::as_str);
            let prev = |k: usize| i.checked_sub(k).and_then(|j| ws.get(j)).map(String::as_str);
            // "the third day", "a third day".
            let ordinal =
                crate::analysis::text::ordinals::ordinal_value(w).filter(|n| (2..=10).contains(n));
            let n = match ordinal {
                Some(n)
                    if next(1) == Some("day") && matches!(prev(1), Some("the" | "a" | "our")) =>
                {
                    // "our second day" counts the writer's own stay too.
                    if prev(1) == Some("our") && n <= 30 {
                        own = own.max(n);
                    }
                    n
                }
                _ => {
                    let count = super::quantity::number::word_value(w)
                        .or_else(|| w.parse::<f64>().ok())
                        .filter(|v| v.fract() == 0.0 && *v >= 2.0);
                    // "for three days", "after nine days", "three days
                    // after", "three days later".
                    match count {
                        Some(v)
                            if next(1) == Some("days")
                                && (matches!(prev(1), Some("for" | "after"))
                                    || matches!(next(2), Some("after" | "later"))) =>
                        {
                            v as u32
                        }
                        _ => continue,
                    }
                }
            };
            if n <= 30 {
                best = best.max(n);
            }
        }
    }
    (best, own)
}

/// Words before a date that make it a limit still to come when its clause
/// says no tense ("can apply until 30 September", "the deadline of 1
/// June", "due on 27 August").
const LIMITS: &[&str] = &[
    "until",
    "till",
    "deadline",
    "due",
    "due on",
    "no later than",
];

/// Whether the date `d` of `text` is written as a limit (see [`LIMITS`]),
/// or followed by "deadline" ("before the 30 September deadline").
fn written_as_limit(text: &str, d: &Dated) -> bool {
    let mut from = d.start.saturating_sub(24).max(d.line.0);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..d.start].to_lowercase();
    let before = before
        .trim_end()
        .trim_end_matches(" the")
        .trim_end_matches(" on");
    let after = text[d.end..d.line.1.max(d.end)].to_lowercase();
    LIMITS
        .iter()
        .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
        || after.trim_start().starts_with("deadline")
}

pub(super) fn looks_back(text: &str, all: &[Dated]) -> LookBack {
    use super::dates::{Relative, Unit, Which};
    for d in all {
        tracing::trace!("undated page's date '{}': {:?}", d.text(text), d.ctx);
    }
    // A limit still to come in a clause of no tense is no day the page
    // looks back on; it bounds the page from above.
    let limit = |d: &Dated| d.ctx.tense == Tense::Unknown && written_as_limit(text, d);
    let days = all
        .iter()
        .filter(|d| {
            d.ctx.tense == Tense::Past
                || (d.ctx.tense == Tense::Unknown && !d.ctx.event && !limit(d))
        })
        .filter(|d| d.expr.rel.is_none() && d.expr.which.is_none())
        .filter_map(|d| Some((d.expr.y, d.expr.m?, d.expr.d?)))
        .collect();
    let before_writing = |d: &Dated| match d.expr.rel {
        Some(Relative::Day(k)) => k < 0,
        Some(Relative::Period(Unit::Week | Unit::Month, k)) => k < 0,
        Some(Relative::Ago(Unit::Day | Unit::Week, _)) => true,
        _ => d.expr.which == Some(Which::Last) && d.expr.weekday.is_some(),
    };
    let after_news = all
        .iter()
        .any(|d| d.ctx.tense != Tense::Future && before_writing(d));
    let ahead = all
        .iter()
        .filter(|d| (d.ctx.tense == Tense::Future || limit(d)) && d.expr.is_absolute())
        .filter_map(|d| d.expr.range(None))
        .map(|r| r.1)
        .min();
    let ahead_days = all
        .iter()
        .filter(|d| (d.ctx.tense == Tense::Future || limit(d)) && d.expr.y.is_none())
        .filter(|d| d.expr.rel.is_none() && d.expr.which.is_none())
        .filter_map(|d| Some((d.expr.m?, d.expr.d?)))
        .collect();
    let mut weekdays: Vec<u8> = all
        .iter()
        .filter(|d| d.ctx.tense != Tense::Future && d.expr.d.is_none() && d.expr.rel.is_none())
        .filter(|d| matches!(d.expr.which, None | Some(Which::Last)))
        .filter_map(|d| d.expr.weekday)
        .collect();
    weekdays.sort_unstable();
    weekdays.dedup();
    // A weekday told both of the news and of what came before it is the
    // news's.
    let mut before_weekdays: Vec<u8> = weekdays
        .iter()
        .copied()
        .filter(|&w| {
            all.iter()
                .filter(|d| d.expr.weekday == Some(w) && d.expr.d.is_none())
                .all(|d| super::estimate_fresh::told_before(text, d))
        })
        .collect();
    before_weekdays.dedup();
    let told: Vec<&Dated> = all
        .iter()
        .filter(|d| d.ctx.tense != Tense::Future && d.expr.d.is_none() && d.expr.rel.is_none())
        .filter(|d| matches!(d.expr.which, None | Some(Which::Last)))
        .collect();
    let mut weekday_order: Vec<u8> = Vec::new();
    for w in told.iter().filter_map(|d| d.expr.weekday) {
        if !weekday_order.contains(&w) {
            weekday_order.push(w);
        }
    }
    let mut after_weekdays: Vec<u8> = told
        .iter()
        .filter(|d| super::estimate_fresh::told_after(text, d))
        .filter_map(|d| d.expr.weekday)
        .collect();
    after_weekdays.sort_unstable();
    after_weekdays.dedup();
    let (days_since, own_days) = days_gone_by(text);
    LookBack {
        days,
        after_news,
        ahead,
        ahead_days,
        fresh: super::estimate_fresh::fresh_days(text, all, &before_weekdays),
        weekdays,
        days_since,
        before_weekdays,
        weekday_order,
        after_weekdays,
        own_days,
    }
}

/// Days of the body whose clause is in the present tense with nothing of
/// the past ("Shareholders vote on 3 June", "The annual meeting is on 11
/// June") are what the page puts ahead: news writes its schedule in the
/// present; a "will" may stand further back than the words read around
/// the date ("We will present our proposals to the committee on 12
/// November"). Read from the parse, for an undated page only (its
/// estimate is all these dates serve), outside headlines, and only where
/// the words around the date told no tense.
pub(super) fn mark_scheduled(text: &str, doc: &DocAnalysis, all: &mut [Dated]) {
    let st = &doc.structure;
    // A headline writes the past in the present ("Dam bursts on Tuesday").
    let headline = |at: usize| {
        st.paragraphs
            .iter()
            .any(|p| p.headline && p.start <= at && at < p.end)
    };
    for d in all.iter_mut() {
        if headline(d.start)
            || d.ctx.tense != Tense::Unknown
            || d.expr.m.is_none()
            || d.expr.d.is_none()
        {
            continue;
        }
        let Some(i) = st.sentence_at(d.start) else {
            continue;
        };
        let s = (st.sentences[i].start, st.sentences[i].end);
        let at = (d.start, d.end);
        // A "will" beyond the words read around the date ("We will
        // present our proposals to the interior committee on 12
        // November").
        let parsed = super::dates::context::parsed_tense(text, s, at, true);
        if parsed == Some(Tense::Future)
            || super::dates::context::scheduled_present(text, s, at)
            || super::dates::context::demanded_or_possible(text, s, at)
        {
            d.ctx.tense = Tense::Future;
            d.ctx.event = true;
        }
    }
}

pub(super) fn estimate(text: &str, all: &[Dated]) -> Option<PubDate> {
    let mut dated: Vec<(&Dated, (Ymd, Ymd))> = all
        .iter()
        .filter(|d| d.expr.is_absolute())
        .filter_map(|d| d.expr.range(None).map(|r| (d, r)))
        .collect();
    // "Since the fire started on Monday 12 November ... the worst since
    // the fire in 2017": the first Monday 12 November from 2017 on is in
    // 2018. Only days the text puts in the past, after the latest year it
    // names.
    if let Some(from) = dated
        .iter()
        .filter(|(d, _)| d.ctx.tense != Tense::Future)
        .map(|(_, r)| r.1.y)
        .max()
    {
        for d in all.iter().filter(|d| d.ctx.tense == Tense::Past) {
            if let Some(x) = by_weekday(d, from) {
                dated.push((d, (x, x)));
            }
        }
    }
    let past = dated
        .iter()
        .filter(|(d, _)| d.ctx.tense == Tense::Past)
        .max_by_key(|(_, r)| r.0);
    let future = dated
        .iter()
        .filter(|(d, _)| d.ctx.tense == Tense::Future)
        .min_by_key(|(_, r)| r.1);
    let unknown_used = past.is_none();
    let mut past = past;
    if past.is_none() {
        // Most dates in news are of things that happened; an undecided one
        // that dates no event will do for a lower bound, if it names a
        // month or comes before what the text puts ahead (a bare year
        // alone is as often a target as a memory).
        past = dated
            .iter()
            .filter(|(d, r)| {
                d.ctx.tense == Tense::Unknown
                    && !d.ctx.event
                    && (d.expr.m.is_some() || future.is_some_and(|(_, fr)| r.1 < fr.0))
            })
            .max_by_key(|(_, r)| r.0);
    }
    // Markers of the future ("will", "by 2050") are surer than those of
    // the past: a past date beyond a future one was misread.
    if let (Some((_, pr)), Some((_, fr))) = (past, future) {
        if pr.0 > fr.1 {
            past = dated
                .iter()
                .filter(|(d, r)| d.ctx.tense == Tense::Past && r.0 <= fr.1)
                .max_by_key(|(_, r)| r.0);
        }
    }
    // A deictic day on the line of the latest past day, or a weekday
    // anywhere that is that day's own ("The fire started on 4 August ...
    // On Tuesday firefighters held the line", 4 August a Tuesday): the
    // page's news is that day's. (A weekday of another day leaves it
    // background: "September 11, 2001 ... on Friday".)
    let deictic_near = |p: &Dated, day: Ymd| {
        all.iter().find(|d| {
            is_deictic(d)
                && (d.line == p.line
                    || (d.expr.rel.is_none()
                        && d.expr.which.is_none()
                        && d.ctx.tense != Tense::Future
                        && d.expr.weekday == Some(day.weekday())))
        })
    };
    let quote = |d: &Dated| {
        d.text(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match (past, future) {
        (Some((p, pr)), f) => {
            let lo = pr.0;
            let day_precise = pr.0 == pr.1;
            let deictic = deictic_near(p, lo).filter(|_| day_precise);
            let window = if deictic.is_some() { NEAR_DAYS } else { FAR_DAYS };
            // "Rents have risen 94% since 2015 ... The sun came out for us
            // yesterday": the latest past date is one the text looks back
            // to, its news is told by days counted from the writing.
            let background = deictic.is_none().then(|| news_deixis(all, p)).flatten();
            // A day the text puts ahead without a year ("containment by
            // November 30") bounds the writing once the past day is known
            // (never from a year looked back to: "since 2015 ... back on
            // the streets on 25 April" is no April of 2015).
            let ahead = all
                .iter()
                .filter(|_| background.is_none() && p.expr.m.is_some())
                .filter(|d| d.ctx.tense == Tense::Future && d.expr.is_day() && d.expr.y.is_none())
                .filter_map(|d| {
                    super::dates::resolve(&d.expr, Some((lo, lo)), Tense::Future).map(|r| (d, r))
                })
                .filter(|(_, r)| r.1 >= lo && r.1.days() - lo.days() <= window)
                .min_by_key(|(_, r)| r.1);
            let f = f.map(|(d, r)| (*d, *r)).or(ahead);
            // Nothing is written after today; a page whose news is told
            // by deixis away from its latest past date may be any time
            // after it, up to today.
            let today = super::meta::today();
            let hi = match (f, background) {
                (Some((_, fr)), _) => fr.1,
                (None, Some(_)) if today > lo => today,
                (None, _) if today > lo => lo.add_days(window).min(today),
                (None, _) => lo.add_days(window),
            };
            let mut reason = format!(
                "no dateline; after '{}', the latest date the text {}",
                quote(p),
                if unknown_used {
                    "mentions"
                } else {
                    "puts in the past"
                }
            );
            if let Some((fd, _)) = f {
                reason.push_str(&format!(
                    ", and by '{}', the earliest it puts ahead",
                    quote(fd)
                ));
            } else if let Some(x) = deictic {
                reason.push_str(&format!("; '{}' puts the writing close to it", quote(x)));
            } else if let Some(x) = background {
                reason.push_str(&format!(
                    "; it tells its news by '{}', away from that date, which it looks back to: any time after it, by today",
                    quote(x)
                ));
            } else if hi == today {
                reason.push_str("; nothing dates it later: within five years of it, by today");
            } else {
                reason.push_str("; nothing dates it later: within five years of it");
            }
            Some(PubDate {
                lo,
                hi,
                confidence: Confidence::Low,
                reason,
                source: DateSource::Content,
                start: p.start,
                end: p.end,
            })
        }
        (None, Some((f, fr))) => Some(PubDate {
            lo: fr.1.add_days(-FAR_DAYS),
            hi: fr.1,
            confidence: Confidence::Low,
            reason: format!(
                "no dateline; by '{}', the earliest date the text puts ahead; within five years before it",
                quote(f)
            ),
            source: DateSource::Content,
            start: f.start,
            end: f.end,
        }),
        (None, None) => None,
    }
}

#[cfg(test)]
#[path = "estimate_tests.rs"]
mod tests;
