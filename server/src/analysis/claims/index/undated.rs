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

use super::event::same_event;
use super::sig::{EventSig, Sig};
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

/// Dates the offices of undated files by the dated reports of the events
/// they share (see the module documentation): each such role's `when`
/// becomes the span of those reports' dates, widened by [`AROUND_DAYS`].
/// `settled` holds signatures already replaced (read and extended here).
pub(super) fn date_offices_by_events(
    entities: &[Entity],
    per_file: &[&[(FactRef, Sig)]],
    settled: &mut BTreeMap<(usize, usize), Sig>,
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
    if dated_events.is_empty() {
        return;
    }
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
        let mut span: Option<(Ymd, Ymd)> = None;
        for (_, s) in list.iter() {
            let Some((e, _)) = told(s).filter(|(e, _)| named(e)) else {
                continue;
            };
            for (g, other, (lo, hi)) in &dated_events {
                if *g == f || same_event(entities, e, other, None, None).is_none() {
                    continue;
                }
                span = Some(match span {
                    Some((a, b)) => (a.min(*lo), b.max(*hi)),
                    None => (*lo, *hi),
                });
            }
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
