//! A file without a date still tells of its time through the events it
//! reports: an undated article on Nordhavn's bid for Brevik Seafood is of
//! the days the dated reports of that bid were filed. Offices it names
//! without a date ("Nordhavn chief executive Ingrid Haugen") are then
//! compared with those the dated reports name, instead of being kept out
//! of every comparison for want of a date.
//!
//! Only events that name who took part on both sides make two reports
//! one story (a shared participant, as [`super::event::same_event`] asks):
//! a crash or a storm nobody names is one of many.
use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::event::same_event;
use super::sig::{EventSig, Sig};
use super::story_offices::FileStory;
use super::FactRef;
use crate::analysis::claims::dates::Ymd;
use crate::analysis::linking::Entity;

/// Days a report of an event is taken to be filed around the reports it
/// shares the event with: a story runs for days, and offices compare only
/// within a month anyway ([`crate::analysis::claims::resolve::same_time`]).
const AROUND_DAYS: i64 = 7;

/// The events a signature tells of, with its file's date.
fn told(sig: &Sig) -> Option<(&EventSig, Option<(Ymd, Ymd)>)> {
    match sig {
        Sig::Quantity {
            event: Some(e),
            filed,
            ..
        } => Some((e, *filed)),
        Sig::Event { event, filed, .. } | Sig::EventPlace { event, filed, .. } => {
            Some((event, *filed))
        }
        _ => None,
    }
}

fn named(e: &EventSig) -> bool {
    !e.participants.is_empty() && !e.another
}

/// Whether a file states a date anywhere its signatures carry one.
fn dated(list: &[(FactRef, Sig)]) -> bool {
    list.iter().any(|(_, s)| match s {
        Sig::Quantity { filed, .. }
        | Sig::Event { filed, .. }
        | Sig::EventPlace { filed, .. }
        | Sig::Location { filed, .. } => filed.is_some(),
        _ => false,
    })
}

/// What [`date_offices_by_events`] found, kept for the next build of the
/// folder's index: after typing in one file, an undated file whose list
/// did not change is compared again only with the dated events of the
/// files that changed, instead of with every dated event of the folder
/// (the comparisons of every undated report with every dated one were a
/// quarter of a build after an edit). It holds while the entities' names
/// (what [`same_event`] reads besides the signatures) and the numbering of
/// the files are the same; the caller keeps it per names epoch and
/// numbering.
#[derive(Debug, Default)]
pub struct UndatedMemo {
    /// A digest of each file's signature list (see [`list_digest`]).
    digests: Vec<u128>,
    /// Per undated file with an undated office: the dated events of other
    /// files that its events are one with, as (file, filed from, to).
    matches: FxHashMap<usize, Vec<(usize, Ymd, Ymd)>>,
    /// What each file's list tells of its story (see
    /// [`super::story_offices`]), when the build made it: a function of
    /// the list and the entities' names, kept with the list's digest.
    pub(super) stories: Arc<Vec<Arc<FileStory>>>,
}

impl UndatedMemo {
    /// The digest of file `f`'s list in the build that made this memo.
    pub(super) fn digest(&self, f: usize) -> Option<u128> {
        self.digests.get(f).copied()
    }
}

/// A digest of one file's list from its signatures' digests (`sig_hash`):
/// equal digests, equal lists.
pub(super) fn list_digest(hashes: &[u128]) -> u128 {
    hashes.iter().fold(hashes.len() as u128, |h, &x| {
        h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B) ^ x
    })
}

/// The memo a build reads and the one it leaves: `previous` (taken from
/// the last build under the same names and numbering, or `None`) and the
/// digests of this build's per-file signatures.
pub(super) struct MemoUse<'a> {
    pub previous: Option<UndatedMemo>,
    pub hashes: &'a [&'a [u128]],
    pub next: Option<UndatedMemo>,
}

/// Dates the offices of undated files by the dated reports of the events
/// they share (see the module documentation): each such role's `when`
/// becomes the span of those reports' dates, widened by [`AROUND_DAYS`].
/// `settled` holds signatures already replaced (read and extended here).
/// With `memo`, what the previous build found for an unchanged file is
/// taken, and compared again only with the files that changed: the same
/// result as comparing everything (`tests/claims_incremental.rs`).
pub(super) fn date_offices_by_events(
    entities: &[Entity],
    per_file: &[&[(FactRef, Sig)]],
    settled: &mut BTreeMap<(usize, usize), Sig>,
    memo: Option<&mut MemoUse>,
) {
    let dated_events: Vec<(usize, &EventSig, (Ymd, Ymd))> = per_file
        .iter()
        .enumerate()
        .flat_map(|(f, list)| list.iter().map(move |(_, s)| (f, s)))
        .filter_map(|(f, s)| {
            let (e, filed) = told(s)?;
            Some((f, e, filed?))
        })
        .filter(|(_, e, _)| named(e))
        .collect();
    // Files whose lists differ from those the previous memo was made of
    // (`None`: no memo to start from, compare everything).
    let (digests, previous) = match &memo {
        Some(m) => {
            let digests: Vec<u128> = m.hashes.iter().map(|h| list_digest(h)).collect();
            let previous = m
                .previous
                .as_ref()
                .filter(|p| p.digests.len() == digests.len());
            (digests, previous)
        }
        None => (Vec::new(), None),
    };
    let changed: Option<Vec<bool>> = previous.map(|p| {
        p.digests
            .iter()
            .zip(&digests)
            .map(|(a, b)| a != b)
            .collect()
    });
    let mut kept: FxHashMap<usize, Vec<(usize, Ymd, Ymd)>> = FxHashMap::default();
    if !dated_events.is_empty() {
        for (f, list) in per_file.iter().enumerate() {
            if dated(list) {
                continue;
            }
            let undated_roles: Vec<usize> = (0..list.len())
                .filter(|&k| {
                    matches!(
                        settled.get(&(f, k)).unwrap_or(&list[k].1),
                        Sig::Role { when: None, .. }
                    )
                })
                .collect();
            if undated_roles.is_empty() {
                continue;
            }
            // The dated events this file's events are one with: what the
            // previous build found with the files that did not change,
            // and those of the files that did compared again.
            let before = match (&changed, previous) {
                (Some(ch), Some(p)) if !ch[f] => p.matches.get(&f),
                _ => None,
            };
            let mut matches: Vec<(usize, Ymd, Ymd)> = match (before, &changed) {
                (Some(b), Some(ch)) => b.iter().filter(|m| !ch[m.0]).copied().collect(),
                _ => Vec::new(),
            };
            let again = |g: usize| match (before, &changed) {
                (Some(_), Some(ch)) => ch[g],
                _ => true,
            };
            for (_, s) in list.iter() {
                let Some((e, _)) = told(s).filter(|(e, _)| named(e)) else {
                    continue;
                };
                for (g, other, (lo, hi)) in &dated_events {
                    if *g == f || !again(*g) || same_event(entities, e, other, None, None).is_none()
                    {
                        continue;
                    }
                    matches.push((*g, *lo, *hi));
                }
            }
            let span = matches
                .iter()
                .map(|&(_, lo, hi)| (lo, hi))
                .reduce(|(a, b), (lo, hi)| (a.min(lo), b.max(hi)));
            if memo.is_some() {
                kept.insert(f, matches);
            }
            let Some((lo, hi)) = span else {
                continue;
            };
            let around = (lo.add_days(-AROUND_DAYS), hi.add_days(AROUND_DAYS));
            for k in undated_roles {
                let mut sig = settled.get(&(f, k)).unwrap_or(&list[k].1).clone();
                if let Sig::Role { when, .. } = &mut sig {
                    *when = Some(around);
                }
                settled.insert((f, k), sig);
            }
        }
    }
    if let Some(m) = memo {
        m.next = Some(UndatedMemo {
            digests,
            matches: kept,
            stories: Arc::default(),
        });
    }
}
