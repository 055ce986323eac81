//! Placing an undated page among its story's reports (see
//! [`super`]): the burst of reports of its event, bounded by what the
//! page itself says of the days it looks back to and ahead to, or the
//! days a wire report's weekdays fit.
use super::*;

/// The reports of a story's event among peers that spread wider than
/// [`SPREAD_DAYS`] (a running story: the event, follow-ups weeks on):
/// the run of days, each within [`BURST_GAP_DAYS`] of the next, that
/// two thirds of them were filed in. `None` otherwise (which of two
/// stages or two events the page retells is unknown), or when the run
/// itself spreads too wide. Without such a run, the one run holding a
/// report of a day the page tells its news by (`weekdays`, each the
/// report's day or the one before: "gave way on Tuesday" is written
/// within the week of that Tuesday, not at the follow-ups weeks on).
fn burst<'a>(
    peers: &[(&'a FolderFile<'a>, Ymd)],
    weekdays: &[u8],
) -> Option<Vec<(&'a FolderFile<'a>, Ymd)>> {
    let mut sorted: Vec<(&FolderFile, Ymd)> = peers.to_vec();
    sorted.sort_by_key(|x| x.1);
    let mut runs: Vec<Vec<(&FolderFile, Ymd)>> = Vec::new();
    for p in sorted {
        match runs.last_mut() {
            Some(r)
                if r.last()
                    .is_some_and(|q| p.1.days() - q.1.days() <= BURST_GAP_DAYS) =>
            {
                r.push(p)
            }
            _ => runs.push(vec![p]),
        }
    }
    // The burst must hold two reports and two thirds of them all: in a
    // folder of one topic over years (every report names the company and
    // its plane) scattered peers tell no story.
    let most = runs.iter().map(|r| r.len()).max()?;
    let run = if most >= 2 && 3 * most >= 2 * peers.len() {
        runs.into_iter().find(|r| r.len() == most)?
    } else {
        let told = |r: &Vec<(&FolderFile, Ymd)>| {
            r.iter().any(|(_, d)| {
                weekdays
                    .iter()
                    .any(|&w| d.weekday() == w || d.add_days(-1).weekday() == w)
            })
        };
        let mut fits = runs.into_iter().filter(told);
        let one = fits.next()?;
        if fits.next().is_some() {
            return None;
        }
        one
    };
    let spread = run.last()?.1.days() - run.first()?.1.days();
    (spread <= SPREAD_DAYS).then_some(run)
}

/// Whether a report's lead tells its news as of its own day ("on
/// Saturday" in a report dated that Saturday, "today"): its event is
/// then on that day, not the one before.
fn news_on_own_day(f: &FolderFile, day: Ymd) -> bool {
    let end = crate::analysis::claims::words::floor_boundary(f.text, LEAD_BYTES.min(f.text.len()));
    let lead = &f.text[..end];
    let own = crate::analysis::claims::dates::calendar::weekday_name(day.weekday());
    let before = crate::analysis::claims::dates::calendar::weekday_name(day.add_days(-1).weekday());
    let has = |w: &str| {
        lead.split(|c: char| !c.is_alphanumeric())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    (has(own) || has("today")) && !has(before) && !has("yesterday")
}

/// The latest day an undated page puts in the past, near its story's
/// first report (`first`): a day written without a year takes the year
/// that puts it nearest; days long before the story are its background,
/// days long after it are of something else.
fn latest_own_day(back: &LookBack, first: Ymd) -> Option<Ymd> {
    back.days
        .iter()
        .filter_map(|&(y, m, d)| match y {
            Some(y) => Ymd::new(y, m, d),
            None => (first.y - 1..=first.y + 1)
                .filter_map(|y| Ymd::new(y, m, d))
                .min_by_key(|c| (c.days() - first.days()).abs()),
        })
        .filter(|c| c.days() - first.days() >= -NEAR_DAYS && c.days() - first.days() <= LATER_DAYS)
        .max()
}

pub(super) fn settle_unstated(f: &FolderFile, peers: &[(&FolderFile, Ymd)]) -> Option<PubDate> {
    let days = || peers.iter().map(|(_, d)| d.days());
    let spread = days().max()? - days().min()?;
    let peers = if spread > SPREAD_DAYS {
        let weekdays = f.date.looks_back.as_ref().map(|b| b.weekdays.as_slice());
        burst(peers, weekdays.unwrap_or(&[]))?
    } else {
        peers.to_vec()
    };
    let peers = peers.as_slice();
    let first = peers.iter().min_by_key(|(_, d)| *d)?;
    let last = peers.iter().max_by_key(|(_, d)| *d)?;
    let (mut lo, mut hi) = (first.1, last.1.add_days(AFTER_DAYS));
    let mut how = "written from the first of them to a week after the last".to_string();
    // A wire report that lost its date still dates its news by weekdays,
    // each the day of writing or the one before: of the days near the
    // story's that fit them all, the run nearest to a peer's day.
    if let Some((a, b)) = wire_days(&f.wire_weekdays, peers, first.1, last.1) {
        (lo, hi) = (a, b);
        how = "its lead's weekdays fit these days of it".to_string();
    }
    // A page that tells its news as days past ("yesterday", "last
    // Tuesday") is written after the event, which is the first report's
    // day when that report tells it as of its own day.
    let back = f.date.looks_back.as_ref();
    if back.is_some_and(|b| b.after_news) && news_on_own_day(first.0, first.1) {
        lo = lo.max(first.1.add_days(1));
        how.push_str("; it tells the news as days past, after the first report's day");
    }
    // It is written some days after its news when it counts them ("on
    // the third day after the typhoon", "for three days after the fire").
    if let Some(n) = back.map(|b| b.days_since).filter(|&n| n >= 2) {
        let p = first.1.add_days(i64::from(n) - 1);
        if p > lo {
            lo = p;
            hi = hi.max(p.add_days(AFTER_DAYS));
            how.push_str(&format!(
                "; {n} days gone by since its news, on or after {}",
                p.long()
            ));
        }
    }
    // It is written on or after the latest day it tells of, though that
    // day comes weeks after the reports ("the site has been closed since
    // ... the inspection began on 15 October").
    if let Some(p) = back.and_then(|b| latest_own_day(b, first.1)) {
        if p > lo {
            lo = p;
            hi = hi.max(p.add_days(AFTER_DAYS));
            how.push_str(&format!(
                "; on or after {}, the latest day it tells of",
                p.long()
            ));
        }
    }
    // The weekdays it tells of, placed on its story's days: it is
    // written on or after the latest ("detained on Wednesday" after a
    // fire on Saturday), and a stay it counts ("on our second day")
    // runs from the first of them after its news.
    let told = back.and_then(|b| told_weekdays(b, peers));
    if let Some(told) = told.as_ref() {
        let own = back.map_or(0, |b| b.own_days);
        let stay = told
            .arrived
            .filter(|_| own >= 2)
            .map(|a| a.add_days(i64::from(own) - 1));
        let p = told.latest.max(stay.unwrap_or(told.latest));
        if p > lo {
            lo = p;
            hi = hi.max(p.add_days(AFTER_DAYS));
            how.push_str(&format!(
                "; on or after {}, the latest day its weekdays tell of",
                p.long()
            ));
        }
    }
    // A page stating a count its story's reports saw rise ("the toll
    // rose to 74") is written after the latest report of a smaller one,
    // and not before the first of its own value.
    if let Some((p, what, v)) = risen_count(f, peers) {
        if p > lo {
            lo = p;
            hi = hi.max(p.add_days(AFTER_DAYS));
            how.push_str(&format!(
                "; on or after {}, its {what} count of {v} is later than the reports' smaller one",
                p.long()
            ));
        }
    }
    // A page that tells its news as fresh ("yesterday", "this morning",
    // "on Saturday") is written within days of the latest day it tells
    // of, not weeks.
    // (A weekday told without "last" is within the week of its own day:
    // that day, when the page's weekdays fall on the story's days.)
    if let Some(k) = back.and_then(|b| b.fresh) {
        let from = match told.as_ref() {
            Some(t) if k >= FRESH_WEEKDAY => t.latest,
            _ => lo,
        };
        let end = from.add_days(i64::from(k)).max(lo);
        if end < hi {
            hi = end;
            how.push_str(&format!("; it tells its news as fresh: by {}", end.long()));
        }
    }
    // A page that puts ahead a date its story's first report is past
    // ("deliveries will start in 2006" beside reports of 2007) tells an
    // earlier story of the same names.
    if back.and_then(|b| b.ahead).is_some_and(|a| a < first.1) {
        return None;
    }
    // It is written before the earliest day it puts ahead ("a hearing on
    // 7 April", "the vote on 3 June"), a day without a year taking the
    // first year that puts it on or after the story's first report.
    // One it puts on the first report's day is that report's news still
    // to come: the page is of the days before it (a plan, a preview).
    if let Some(a) = back.and_then(|b| earliest_ahead(b, first.1)) {
        if a <= first.1 {
            return None;
        }
        if lo <= a && a < hi {
            hi = a;
            how.push_str(&format!(
                "; before {}, the earliest day it puts ahead",
                a.long()
            ));
        }
    }
    // What the page's own content says still bounds it (its late side
    // only when the estimate is narrow); a page whose content puts it
    // elsewhere is left alone.
    if let Some(own) = f.date.date.as_ref() {
        lo = lo.max(own.lo);
        if own.hi.days() - own.lo.days() <= WEAK_ESTIMATE_DAYS {
            hi = hi.min(own.hi);
        }
    }
    if lo > hi {
        return None;
    }
    let others = peers.len() - 1;
    let more = match others {
        0 => String::new(),
        1 => " and one other report".to_string(),
        n => format!(" and {n} other reports"),
    };
    Some(PubDate {
        lo,
        hi,
        confidence: Confidence::Low,
        reason: format!(
            "no date in the text; it reports the story of {} ('{}', {}){more}: {how}",
            first.0.path,
            quoted(first.0),
            first.1.long()
        ),
        source: DateSource::Folder,
        start: 0,
        end: 0,
    })
}

/// The earliest day an undated page puts ahead, its year-less days
/// placed on or after its story's first report (`first`).
fn earliest_ahead(back: &LookBack, first: Ymd) -> Option<Ymd> {
    let yearless = back.ahead_days.iter().filter_map(|&(m, d)| {
        (first.y..=first.y + 1)
            .filter_map(|y| Ymd::new(y, m, d))
            .find(|c| *c >= first)
    });
    back.ahead.into_iter().chain(yearless).min()
}

/// The days a wire report whose lead dates its news by `weekdays` can be
/// written on, near its story's days (`first`..`last`, the peers'): every
/// weekday is the day or the one before. Of the runs of such days, the
/// one nearest to a peer's day; `None` without weekdays or when two runs
/// are as near.
fn wire_days(
    weekdays: &[u8],
    peers: &[(&FolderFile, Ymd)],
    first: Ymd,
    last: Ymd,
) -> Option<(Ymd, Ymd)> {
    if weekdays.is_empty() {
        return None;
    }
    let fits = |c: Ymd| {
        weekdays
            .iter()
            .all(|&w| c.weekday() == w || c.add_days(-1).weekday() == w)
    };
    let days: Vec<Ymd> = (-NEAR_DAYS..=last.days() - first.days() + AFTER_DAYS)
        .map(|k| first.add_days(k))
        .filter(|c| fits(*c))
        .collect();
    // Runs of consecutive days.
    let mut runs: Vec<(Ymd, Ymd)> = Vec::new();
    for d in days {
        match runs.last_mut() {
            Some(r) if r.1.add_days(1) == d => r.1 = d,
            _ => runs.push((d, d)),
        }
    }
    let distance = |r: &(Ymd, Ymd)| {
        peers
            .iter()
            .map(|(_, p)| {
                if *p < r.0 {
                    r.0.days() - p.days()
                } else if *p > r.1 {
                    p.days() - r.1.days()
                } else {
                    0
                }
            })
            .min()
            .unwrap_or(i64::MAX)
    };
    let best = runs.iter().map(distance).min()?;
    let mut nearest = runs.iter().filter(|r| distance(r) == best);
    let one = *nearest.next()?;
    nearest.next().is_none().then_some(one)
}

/// The day an undated page stating a risen count (see
/// [`FolderFile::counts`]) is written on or after: the day after the
/// latest report of a smaller value of that count, but no later than the
/// first report of its own value (a day's report may come a day late);
/// none when a report as early states as much or more. The latest such
/// day over its counts, with the count.
fn risen_count<'a>(f: &'a FolderFile, peers: &[(&FolderFile, Ymd)]) -> Option<(Ymd, &'a str, u64)> {
    f.counts
        .iter()
        .filter_map(|(what, v)| {
            let stated = |g: &FolderFile, pick: &dyn Fn(u64) -> bool| {
                g.counts.iter().any(|(w, x)| w == what && pick(*x))
            };
            let smaller = peers
                .iter()
                .filter(|(g, _)| stated(g, &|x| x < *v))
                .map(|(_, d)| *d)
                .max()?;
            // Its value a later report states, or none does (a final
            // figure the reports never reached); never one a report
            // states at or before the smaller one (a count of another
            // part, not a rise).
            if peers
                .iter()
                .any(|(g, d)| *d <= smaller && stated(g, &|x| x >= *v))
            {
                return None;
            }
            let own = peers
                .iter()
                .filter(|(g, _)| stated(g, &|x| x == *v))
                .map(|(_, d)| *d)
                .min();
            let after = smaller.add_days(1);
            Some((own.map_or(after, |o| o.min(after)), what.as_str(), *v))
        })
        .max_by_key(|x| x.0)
}

/// A fresh lead that allows this many days or more tells its news by a
/// weekday (see [`LookBack::fresh`]).
const FRESH_WEEKDAY: u8 = 6;

/// The days an undated page's weekdays tell of, among its story's
/// reports (`peers`): see [`told_weekdays`].
#[derive(Debug, PartialEq)]
struct Told {
    /// The latest of them.
    latest: Ymd,
    /// The earliest that comes after the story's news, when one does.
    arrived: Option<Ymd>,
}

/// The days the weekdays an undated page tells its news by fall on. A
/// weekday that is a report's day or the one before is that day (the
/// earliest such, when reports spread over weeks); the earliest of those
/// is the story's news. A weekday no report fits, told after one that
/// does or as after something ("three days after the quake"), tells a
/// later stage (arrests, a team's arrival), in the week after the news,
/// unless the page tells it as before the news ("had warned on
/// Thursday"); told first, it may be the day before the news. `None`
/// when no weekday fits a report: nothing ties them to the story's days.
fn told_weekdays(back: &LookBack, peers: &[(&FolderFile, Ymd)]) -> Option<Told> {
    let fits = |w: u8| {
        peers
            .iter()
            .flat_map(|(_, p)| [*p, p.add_days(-1)])
            .filter(|d| d.weekday() == w)
            .min()
    };
    let anchored: Vec<Ymd> = back.weekdays.iter().filter_map(|&w| fits(w)).collect();
    let news = *anchored.iter().min()?;
    let mut latest = *anchored.iter().max()?;
    let mut arrived: Option<Ymd> = None;
    // A weekday told after one of the news's is a later stage; one told
    // first is the news itself or what led to it, unless the page says
    // it came after.
    let rank = |w: u8| back.weekday_order.iter().position(|&x| x == w);
    let first_anchored = back.weekday_order.iter().position(|&w| fits(w).is_some());
    for &w in &back.weekdays {
        if fits(w).is_some() || back.before_weekdays.contains(&w) {
            continue;
        }
        let told_later = matches!((rank(w), first_anchored), (Some(r), Some(a)) if r > a);
        if !told_later && !back.after_weekdays.contains(&w) {
            continue;
        }
        let Some(d) = (1..=6).map(|k| news.add_days(k)).find(|d| d.weekday() == w) else {
            continue;
        };
        latest = latest.max(d);
        arrived = Some(arrived.map_or(d, |a| a.min(d)));
    }
    Some(Told { latest, arrived })
}

#[cfg(test)]
#[path = "folder_undated_tests.rs"]
mod tests;
