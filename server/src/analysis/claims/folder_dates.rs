//! Dates the folder settles: what one report leaves open about when it
//! was written, other reports of the same story in the folder can tell.
//!
//! A year-less wire dateline ("LIMA, Feb 3 (AP) -") gets its year per
//! file from the lead's weekdays, a guess that often fits several years;
//! a numeric first line ("3/12/24") can read two ways; a page may state no
//! date at all. When other files of the folder report the same story
//! (they share names in their leads and, when both lead with an event, its
//! kind and places fit) and state their own full dates, those dates settle
//! the year (the one that puts the day within days of theirs), the order
//! (the reading within days of theirs) or, for an undated page, an
//! interval of days, each with a lower confidence and a reason that names
//! the peer. A report that shares no name may still share the event: it
//! tells of an event of the kind the peer leads with and states one of
//! its figures (the toll, the price); that dates the year or the order
//! of a day it writes, never more. An undated wire report whose lead
//! dates its news by weekdays is placed on the days near its story that
//! fit them. A file of another story never dates one: sharing a country
//! or an outlet is not sharing a story, and two lead events placed apart
//! are two stories unless their figures are one event's.
//!
//! Per-file analysis stays what it was (and cached as it was): this pass
//! runs over its results when the folder's claims are compared, and a
//! file whose date it settles is analysed again under that date.
use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::dates::{Confidence, DateSource, PubDate, Ymd};
use super::estimate::LookBack;
use super::frames::EventKind;
use super::meta::FileDate;

/// What a file's own text leaves open about its date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OpenDate {
    /// A day written without a year, whose year is a guess (from the
    /// lead's weekdays) or missing: its month and day, the weekday
    /// written with it, and the weekdays the lead tells its news on
    /// (each the day itself or the one before).
    NoYear {
        m: u8,
        d: u8,
        weekday: Option<u8>,
        lead: Vec<u8>,
        /// Where the day is written (to quote it when the file's own
        /// reading gave no date at all).
        #[serde(default)]
        at: (usize, usize),
    },
    /// A numeric date that reads as two days, nothing in the text
    /// deciding.
    Order { readings: [Ymd; 2] },
    /// No date stated (none at all, or an estimate from the content).
    Unstated,
}

/// How far from a peer's date a report of the same story is taken to be
/// written: a settled day must lie this close to a peer's.
const NEAR_DAYS: i64 = 10;

/// An undated report of a story is taken to be written from the first
/// peer's day to this many days after the last one's.
const AFTER_DAYS: i64 = 7;

/// Peers whose dates spread wider than this tell of a running story: an
/// undated page among them is placed by the burst of reports of its
/// event ([`burst`]), or not at all when that too spreads wider.
const SPREAD_DAYS: i64 = 14;

/// Peers filed within this many days of each other are one burst of
/// reports of a story (see [`burst`]).
const BURST_GAP_DAYS: i64 = 7;

/// A day an undated page tells of this long after its story's first
/// report is still the story's (an inquiry, a reopening); later ones are
/// of something else.
const LATER_DAYS: i64 = 92;

/// How much of a report is its lead, to read the weekday it tells its
/// news by.
const LEAD_BYTES: usize = 800;

/// A figure reported by more files than this is common to the folder,
/// not to one event: it finds no peers.
pub(crate) const COMMON_FIGURE_FILES: usize = 50;

/// An undated page's own estimate that spans more than this is no bound
/// on its late side (see [`super::estimate`]: "within five years of" the
/// latest past year it names): the reports of its story place it better.
const WEAK_ESTIMATE_DAYS: i64 = 2 * 366;

/// A lead name shared by more files than this is common to the folder
/// (its country's capital, an alliance every report names), not to one
/// story: it finds no peers.
pub(crate) const COMMON_NAME_FILES: usize = 50;

/// The event a file leads with: its class and where it happened.
#[derive(Clone, Debug)]
pub struct LeadEvent {
    pub class: EventKind,
    /// Corpus entities of its places.
    pub places: Vec<u32>,
}

/// One file as this pass sees it (its lists borrowed from what the
/// caller keeps between passes, or owned).
pub struct FolderFile<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub date: &'a FileDate,
    /// Corpus entities the lead names (headline and first paragraphs),
    /// sorted, without countries, outlets and the dateline's place.
    pub names: Cow<'a, [u32]>,
    pub lead: Option<Cow<'a, LeadEvent>>,
    /// The classes of every event the file tells of (its news, the
    /// background, another of the kind), sorted.
    pub kinds: Cow<'a, [EventKind]>,
    /// The figures it states (see [`figure_key`]), sorted.
    pub figures: Cow<'a, [String]>,
    /// The weekdays its lead dates its news by, when the lead is a wire
    /// dateline's (the day of writing or the one before), in text order.
    pub wire_weekdays: Cow<'a, [u8]>,
    /// Counts that grow as a story goes on (killed, injured, arrested...)
    /// it states, as (measure, value), sorted: an undated page stating
    /// a risen one is written after the reports of the smaller.
    pub counts: Cow<'a, [(String, u64)]>,
}

/// A figure as the folder compares it: the number as written, to four
/// significant digits, and its currency when it is money ("1.5 billion
/// euros" and "EUR 1.5bn" are one figure; "44 people" and "forty-four
/// dead" too). Small numbers, shares and spans of time say nothing of an
/// event: `None`.
pub fn figure_key(value: f64, unit: &str) -> Option<String> {
    let money = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    let time_or_share = matches!(unit, "%" | "pp")
        || super::quantity::DURATIONS.contains(&unit)
        || (1900.0..=2100.0).contains(&value) && value.fract() == 0.0 && !money;
    if !value.is_finite() || value < 5.0 || time_or_share {
        return None;
    }
    let cur = if money { unit } else { "" };
    Some(format!("{value:.3e}{cur}"))
}

/// Whether two files report one event whatever their names: one tells of
/// an event of the kind the other leads with, and both state one of its
/// figures ("the Lake Victoria ferry disaster that killed 44 people" in a
/// report of another capsizing, a report of the same meeting that places
/// it in another city). Two events of one kind rarely share a count.
fn shares_event(a: &FolderFile, b: &FolderFile) -> bool {
    let told = |f: &FolderFile, k: EventKind| f.kinds.binary_search(&k).is_ok();
    let leads_told =
        |x: &FolderFile, y: &FolderFile| x.lead.as_ref().is_some_and(|l| told(y, l.class));
    (leads_told(a, b) || leads_told(b, a)) && shares_figure(a, b)
}

fn shares_figure(a: &FolderFile, b: &FolderFile) -> bool {
    a.figures.iter().any(|x| b.figures.binary_search(x).is_ok())
}

/// Whether two files tell one story: two names of their leads shared,
/// or one and the kind of the event both lead with; never when both lead
/// with an event and its places are apart (`apart`).
fn same_story(a: &FolderFile, b: &FolderFile, apart: &dyn Fn(&[u32], &[u32]) -> bool) -> bool {
    let shared = a
        .names
        .iter()
        .filter(|x| b.names.binary_search(x).is_ok())
        .count();
    let same_kind = match (&a.lead, &b.lead) {
        (Some(x), Some(y)) => {
            if !x.places.is_empty() && !y.places.is_empty() && apart(&x.places, &y.places) {
                return false;
            }
            x.class == y.class
        }
        _ => false,
    };
    shared >= 2 || (same_kind && shared >= 1)
}

/// Whether an undated file reports the event a peer leads with: one
/// story is not enough (a plan and, months later, its outcome share every
/// name), the file must lead with an event of the peer's kind.
fn same_event_story(
    a: &FolderFile,
    b: &FolderFile,
    apart: &dyn Fn(&[u32], &[u32]) -> bool,
) -> bool {
    let same_lead = matches!((&a.lead, &b.lead), (Some(x), Some(y)) if x.class == y.class);
    // Or a figure of the event `a` leads with, which `b` tells of ("nine
    // killed in Saturday's crash" and a report whose lead is the toll).
    let told = a
        .lead
        .as_ref()
        .is_some_and(|l| b.kinds.binary_search(&l.class).is_ok());
    (same_lead && same_story(a, b, apart)) || (told && shares_figure(a, b))
}

/// Whether an undated page whose lead names no event of the peer's kind
/// (an explainer whose dam "gave way", a blog about "the water") still
/// reports the peer's story as recent news: two names of their leads
/// shared, and its own words tie it to the peer's day, a weekday it tells
/// its news by being the peer's day or the one before ("gave way on
/// Tuesday" beside a report of that Tuesday or the Wednesday after), or
/// news told as days before the writing ("yesterday the promoter
/// apologised") with two names shared, or one name and one of the
/// report's figures, or two of its figures. Names alone are not enough (a plan and, months
/// later, its outcome share every name).
fn told_as_recent(
    a: &FolderFile,
    b: &FolderFile,
    day: Ymd,
    apart: &dyn Fn(&[u32], &[u32]) -> bool,
) -> bool {
    let Some(back) = a.date.looks_back.as_ref() else {
        return false;
    };
    let shared = a
        .names
        .iter()
        .filter(|x| b.names.binary_search(x).is_ok())
        .count();
    let weekday = back
        .weekdays
        .iter()
        .any(|&w| day.weekday() == w || day.add_days(-1).weekday() == w);
    // Or one name and a figure of the report ("the earthquake killed 74
    // people" in an aid group's diary of the town), or two of its figures
    // (a letter that names the company only as "the company"), its
    // places not apart from the report's: a figure and a name, or two
    // figures, rarely belong to two stories, and the weekday or the
    // days-past words tie it to that report's days.
    let figures = a
        .figures
        .iter()
        .filter(|x| b.figures.binary_search(x).is_ok())
        .count();
    let by_figure = (figures >= 2 || shared >= 1 && figures >= 1)
        && !matches!((&a.lead, &b.lead), (Some(x), Some(y))
            if !x.places.is_empty() && !y.places.is_empty() && apart(&x.places, &y.places));
    ((shared >= 2 && same_story(a, b, apart)) || by_figure) && (weekday || back.after_news)
}

/// Whether an undated page that leads with no event the reader knows (a
/// blog's account of a march, a staff letter about a vote) reports a
/// peer's story: it states two of the peer's figures, or one of them and
/// one name of the peer's lead. A figure and a name together rarely
/// belong to two stories; a name alone (the city) often does.
fn shares_story_facts(a: &FolderFile, b: &FolderFile) -> bool {
    let figures = a
        .figures
        .iter()
        .filter(|x| b.figures.binary_search(x).is_ok())
        .count();
    let names = a
        .names
        .iter()
        .filter(|x| b.names.binary_search(x).is_ok())
        .count();
    a.lead.is_none() && (figures >= 2 || (figures >= 1 && names >= 1))
}

/// A date a peer states of itself: one day, read from its text (not
/// estimated, not guessed, not settled by the folder).
fn stated_day(f: &FolderFile) -> Option<Ymd> {
    let d = f.date.date.as_ref()?;
    (f.date.open.is_none()
        && d.lo == d.hi
        && d.confidence >= Confidence::Medium
        && d.source != DateSource::Content
        && d.source != DateSource::Folder)
        .then_some(d.lo)
}

fn quoted(f: &FolderFile) -> String {
    // A day whose year nothing in the text gave is quoted where it is
    // written, though the file has no date of its own.
    let span = match (f.date.date.as_ref(), f.date.open.as_ref()) {
        (Some(d), _) => (d.start, d.end),
        (None, Some(OpenDate::NoYear { at, .. })) => *at,
        _ => (0, 0),
    };
    let t = f.text.get(span.0..span.1).unwrap_or("");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The publication date the folder settles for each file (`None`: the
/// file's own reading stands). `apart` says whether two sets of place
/// entities cannot be one place.
pub fn settle(
    files: &[FolderFile],
    apart: &(dyn Fn(&[u32], &[u32]) -> bool + Sync),
) -> Vec<Option<PubDate>> {
    let open: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].date.open.is_some())
        .collect();
    let mut out: Vec<Option<PubDate>> = vec![None; files.len()];
    for (i, day) in settle_these(files, apart, &open, false) {
        out[i] = day;
    }
    out
}

/// Whether a file states its own day (what makes it a peer of others).
pub fn states_its_day(f: &FolderFile) -> bool {
    stated_day(f).is_some()
}

/// The dates [`settle`] gives the files `these` (of `files`), each the
/// same as the whole pass gives it: the files of the folder are read only
/// as peers, through the names and figures of `these`. With `only_wanted`
/// the peers are indexed by those names and figures alone (a few files
/// after an edit), else by all of them (the whole pass).
pub fn settle_these(
    files: &[FolderFile],
    apart: &(dyn Fn(&[u32], &[u32]) -> bool + Sync),
    these: &[usize],
    only_wanted: bool,
) -> Vec<(usize, Option<PubDate>)> {
    let mut want_names: FxHashSet<u32> = FxHashSet::default();
    let mut want_figures: FxHashSet<&str> = FxHashSet::default();
    if only_wanted {
        for &i in these {
            want_names.extend(files[i].names.iter().copied());
            want_figures.extend(files[i].figures.iter().map(String::as_str));
        }
    }
    // Files that state their day, by the names of their leads: a file's
    // peers are looked for among those sharing a name with it (a name in
    // the leads of many files tells no story apart, and would make a big
    // folder compare every file with every other).
    let mut by_name: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_figure: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, g) in files.iter().enumerate() {
        if stated_day(g).is_some() {
            for &n in g.names.iter() {
                if !only_wanted || want_names.contains(&n) {
                    by_name.entry(n).or_default().push(j);
                }
            }
            for x in g.figures.iter() {
                if !only_wanted || want_figures.contains(x.as_str()) {
                    by_figure.entry(x.as_str()).or_default().push(j);
                }
            }
        }
    }
    // (Each file's date is a function of its peers alone: in parallel.)
    these
        .par_iter()
        .map(|&i| (i, settle_one(files, i, &by_name, &by_figure, apart)))
        .collect()
}

fn settle_one(
    files: &[FolderFile],
    i: usize,
    by_name: &HashMap<u32, Vec<usize>>,
    by_figure: &HashMap<&str, Vec<usize>>,
    apart: &(dyn Fn(&[u32], &[u32]) -> bool + Sync),
) -> Option<PubDate> {
    let f = &files[i];
    let open = f.date.open.as_ref()?;
    let mut near: Vec<usize> = f
        .names
        .iter()
        .filter_map(|n| by_name.get(n))
        .filter(|js| js.len() <= COMMON_NAME_FILES)
        .flatten()
        .chain(
            f.figures
                .iter()
                .filter_map(|x| by_figure.get(x.as_str()))
                .filter(|js| js.len() <= COMMON_FIGURE_FILES)
                .flatten(),
        )
        .copied()
        .filter(|&j| j != i)
        .collect();
    near.sort_unstable();
    near.dedup();
    // Peers: other files of the story that state their day.
    let peers: Vec<(&FolderFile, Ymd)> = near
        .iter()
        .map(|&j| &files[j])
        .filter_map(|g| Some((g, stated_day(g)?)))
        // A year or an order is only chosen among the file's own
        // readings, each near a peer's day: sharing the event is
        // enough. An undated page takes its days from its peers:
        // it must lead with their event.
        .filter(|(g, day)| match open {
            OpenDate::Unstated => {
                same_event_story(f, g, apart) || told_as_recent(f, g, *day, apart)
            }
            _ => same_story(f, g, apart) || shares_event(f, g),
        })
        .collect();
    // An undated page whose lead names no event: the reports whose
    // figures and names it shares.
    let peers = if peers.is_empty() && matches!(open, OpenDate::Unstated) {
        near.iter()
            .map(|&j| &files[j])
            .filter(|g| shares_story_facts(f, g))
            .filter_map(|g| Some((g, stated_day(g)?)))
            .collect()
    } else {
        peers
    };
    tracing::trace!(
        "folder dates: {} open {:?}, names {:?}, lead {:?}, kinds {:?}, figures {:?}, peers {:?}",
        f.path,
        open,
        f.names,
        f.lead.as_ref().map(|l| l.class),
        f.kinds,
        f.figures,
        peers.iter().map(|(g, _)| g.path).collect::<Vec<_>>()
    );
    if peers.is_empty() {
        return None;
    }
    match open {
        OpenDate::NoYear {
            m,
            d,
            weekday,
            lead,
            ..
        } => settle_year(f, &peers, (*m, *d), *weekday, lead),
        OpenDate::Order { readings } => settle_order(f, &peers, readings),
        OpenDate::Unstated => settle_unstated(f, &peers),
    }
}

fn near(a: Ymd, b: Ymd) -> bool {
    (a.days() - b.days()).abs() <= NEAR_DAYS
}

/// The one day among `days` (deduplicated), if only one.
fn only(mut days: Vec<(Ymd, usize)>) -> Option<(Ymd, usize)> {
    days.sort_by_key(|x| x.0);
    days.dedup_by_key(|x| x.0);
    match days.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn settle_year(
    f: &FolderFile,
    peers: &[(&FolderFile, Ymd)],
    (m, d): (u8, u8),
    weekday: Option<u8>,
    lead: &[u8],
) -> Option<PubDate> {
    // The weekday written with the day must be its own; of the lead's
    // weekdays one must be the day or the one before (a lead also dates
    // what came before the news: "a 31% premium to Friday's close",
    // "closing price on Friday").
    let fits = |c: &Ymd| {
        weekday.is_none_or(|w| c.weekday() == w)
            && (lead.is_empty()
                || lead
                    .iter()
                    .any(|&w| c.weekday() == w || c.add_days(-1).weekday() == w))
    };
    let days: Vec<(Ymd, usize)> = peers
        .iter()
        .enumerate()
        .flat_map(|(k, (_, p))| {
            (p.y - 1..=p.y + 1)
                .filter_map(move |y| Ymd::new(y, m, d))
                .filter(move |c| near(*c, *p))
                .map(move |c| (c, k))
        })
        .filter(|(c, _)| fits(c))
        .collect();
    let (day, k) = only(days)?;
    let own = f.date.date.as_ref();
    if own.is_some_and(|o| o.lo == day && o.hi == day) {
        return None;
    }
    let (peer, pday) = peers[k];
    let mut out = own.cloned().unwrap_or(PubDate {
        lo: day,
        hi: day,
        confidence: Confidence::Medium,
        reason: String::new(),
        source: DateSource::Dateline,
        start: 0,
        end: 0,
    });
    let weekdays = if lead.is_empty() {
        ""
    } else {
        "; the lead's weekdays fit it"
    };
    out.reason = format!(
        "'{}' gives no year: {} from {} ('{}', {}), another report of the same story{weekdays}",
        quoted(f),
        day.y,
        peer.path,
        quoted(peer),
        pday.long()
    );
    out.lo = day;
    out.hi = day;
    out.confidence = Confidence::Medium;
    Some(out)
}

fn settle_order(
    f: &FolderFile,
    peers: &[(&FolderFile, Ymd)],
    readings: &[Ymd; 2],
) -> Option<PubDate> {
    let days: Vec<(Ymd, usize)> = peers
        .iter()
        .enumerate()
        .flat_map(|(k, (_, p))| {
            readings
                .iter()
                .filter(move |r| near(**r, *p))
                .map(move |r| (*r, k))
        })
        .collect();
    let (day, k) = only(days)?;
    let (peer, pday) = peers[k];
    let mut out = f.date.date.clone()?;
    out.reason = format!(
        "'{}' reads as {} or {}: {} is within days of {} ('{}', {}), another report of the same story",
        quoted(f),
        readings[0].long(),
        readings[1].long(),
        day.long(),
        peer.path,
        quoted(peer),
        pday.long()
    );
    out.lo = day;
    out.hi = day;
    out.confidence = Confidence::Medium;
    Some(out)
}

#[path = "folder_undated.rs"]
mod undated;
use undated::settle_unstated;

#[cfg(test)]
#[path = "folder_dates_tests.rs"]
mod tests;
