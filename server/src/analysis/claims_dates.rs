//! The folder's pass over publication dates, between each file's claims
//! and the claims index: what a file leaves open about its date, the
//! other reports of its story settle (see [`claims::folder_dates`]). A
//! file whose date is settled is analysed again under it, so that its
//! "on Tuesday" falls in the right year; that analysis is kept in the
//! file while the settled date stays the same. Per-file claims (and
//! their persisted copies) are untouched: the pass reads them.
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::ClaimsKey;
use super::claims_dates_memo::{self, row_digest, DatesMemo, FileLead};

use super::claims::dates::PubDate;
use super::claims::folder_dates::{self, FolderFile, LeadEvent};
use super::claims::frames::EventKind;
use super::claims::index::event::{class, places_agree};
use super::claims::resolve::place_kind;
use super::claims::{ClaimSettings, FileClaims, FileDate};
use super::linking::Entity;
use super::snapshot::{ClaimsStore, DatingFacts, SourceFile};
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// How many paragraphs from the top (headline included) are the lead
/// whose names say what the story is.
const LEAD_PARAGRAPHS: usize = 3;

/// What the pass needs of a snapshot.
pub struct DatingInputs<'a> {
    pub files: &'a [Arc<SourceFile>],
    /// Where claims under a settled date are kept between runs.
    pub store: Option<&'a ClaimsStore>,
    pub entities: &'a [Entity],
    pub mention_entity: &'a [Vec<u32>],
    pub settings: &'a ClaimSettings,
}

/// The names of a file's lead: people, organisations and places below a
/// country, as corpus entities, without its outlets and its dateline.
fn lead_names(inp: &DatingInputs, i: usize, fc: &FileClaims) -> Vec<u32> {
    let f = &inp.files[i];
    let doc = &f.doc;
    let row = &inp.mention_entity[i];
    let outlets: Vec<String> = fc.outlets.iter().map(|o| ascii_key(o)).collect();
    let dateline = fc.date.dateline.as_ref().map(|d| (d.start, d.end));
    let mut out: Vec<u32> = Vec::new();
    let paragraphs = doc
        .structure
        .paragraphs
        .iter()
        .filter(|p| !p.boilerplate)
        .take(LEAD_PARAGRAPHS);
    for p in paragraphs {
        for (mi, m) in doc.mentions.iter().enumerate() {
            if m.start < p.start || m.end > p.end || !m.kind.is_name() {
                continue;
            }
            if dateline.is_some_and(|(a, b)| a <= m.start && m.end <= b) {
                continue;
            }
            let Some(&e) = row.get(mi) else { continue };
            let Some(ent) = inp.entities.get(e as usize) else {
                continue;
            };
            if place_kind(ent).as_deref() == Some("country")
                || outlets.contains(&ascii_key(&ent.canonical))
            {
                continue;
            }
            out.push(e);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The first event the file reports as its news (not negated, not in
/// the background, not another of its kind).
fn lead_event(inp: &DatingInputs, i: usize, fc: &FileClaims) -> Option<LeadEvent> {
    let row = &inp.mention_entity[i];
    let e = fc
        .claims
        .iter()
        .flat_map(|c| c.events.iter())
        .find(|e| !e.negated && !e.background && !e.another)?;
    Some(LeadEvent {
        class: class(e.kind),
        places: e
            .places
            .iter()
            .filter_map(|&m| row.get(m as usize).copied())
            .collect(),
    })
}

/// The classes of every event the file tells of, sorted.
fn event_kinds(fc: &FileClaims) -> Vec<EventKind> {
    let mut out: Vec<EventKind> = fc
        .claims
        .iter()
        .flat_map(|c| c.events.iter())
        .map(|e| class(e.kind))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Counts that grow as a story goes on, whose latest value tells how
/// far on a report is ("the toll rose to 74").
const RISING_COUNTS: &[&str] = &["killed", "injured", "missing", "arrested", "displaced"];

/// The rising counts the file states plainly (not hedged, not negated,
/// one number), as (measure, value), sorted.
fn rising_counts(fc: &FileClaims) -> Vec<(String, u64)> {
    use super::claims::facts::FactBody;
    let mut out: Vec<(String, u64)> = fc
        .claims
        .iter()
        .flat_map(|c| c.facts.iter())
        .filter(|f| !f.hedged && !f.negated)
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                amount, measure, ..
            } if RISING_COUNTS.contains(&measure.what.as_str())
                && amount.value.fract() == 0.0
                && amount.value >= 1.0 =>
            {
                Some((measure.what.clone(), amount.value as u64))
            }
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How far into a file its figures are read: the lead and what follows
/// it, not the archive of a long page.
const FIGURE_BYTES: usize = 6000;

/// The figures the file writes ("at least 44 people", "$310 million"),
/// as the folder compares them ([`folder_dates::figure_key`]), sorted;
/// read from the words, not from the claims' facts (a tally in a sentence
/// no measure was read for still tells which event it is), without the
/// numbers of dates and times.
fn figures(f: &SourceFile, fd: &FileDate) -> Vec<String> {
    let text = &f.text;
    let end = crate::analysis::claims::words::floor_boundary(text, FIGURE_BYTES.min(text.len()));
    // (And the wire dateline's: "SANTIAGO, 10 ene (EFE) -".)
    let dates: Vec<(usize, usize)> = f
        .doc
        .mentions
        .iter()
        .filter(|m| m.end <= end + 40 && m.kind == EntityKind::Date)
        .map(|m| (m.start, m.end))
        .chain(fd.dateline.as_ref().map(|d| (d.start, d.end)))
        .collect();
    let mut out: Vec<String> = super::claims::quantity::scan(text, 0, end)
        .into_iter()
        .filter(|x| !dates.iter().any(|&(a, b)| a < x.end && x.start < b))
        .filter(|x| !x.amount.increment)
        // A clock time the recogniser left out ("2:47 pm").
        .filter(|x| !text[..x.start].ends_with(':') && !text[x.end..].starts_with(':'))
        .filter_map(|x| folder_dates::figure_key(x.amount.value, &x.amount.unit))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Each file's claims, with those whose date the folder settles analysed
/// again under it.
pub fn settle(inp: &DatingInputs, claims: Vec<Arc<FileClaims>>) -> Vec<Arc<FileClaims>> {
    settle_with(inp, claims, None).0
}

/// What a pass took from the last one: files whose lead was kept, and
/// how many files it settled again (`None`: every file, from scratch).
pub type DatesReuse = (usize, Option<usize>);

/// [`settle`], from what the last pass over the same folder found
/// (`previous`, see [`claims_dates_memo`]: kept by the caller under the
/// same names, file numbering and settings), and what this one found
/// for the next.
pub fn settle_with(
    inp: &DatingInputs,
    claims: Vec<Arc<FileClaims>>,
    previous: Option<DatesMemo>,
) -> (Vec<Arc<FileClaims>>, Option<DatesMemo>, DatesReuse) {
    if claims.len() < 2 || claims.iter().all(|c| c.date.open.is_none()) {
        return (claims, None, (0, None));
    }
    let previous = previous.filter(|m| m.len() == claims.len());
    let rows: Vec<u64> = inp
        .mention_entity
        .par_iter()
        .map(|r| row_digest(r))
        .collect();
    // Each file's lead: kept while the file, its claims and its row are
    // the same, else read again.
    let leads: Vec<(Arc<FileLead>, bool)> = claims
        .par_iter()
        .enumerate()
        .map(|(i, fc)| {
            let f = &inp.files[i];
            if let Some(l) = previous.as_ref().and_then(|m| m.lead(i, f, fc, rows[i])) {
                return (l, true);
            }
            // A file's own figures and weekdays are kept in the file
            // (the same while its text and date are).
            let own = f.dating_facts(&fc.date, || DatingFacts {
                figures: figures(f, &fc.date),
                wire_weekdays: super::claims::meta::wire_lead_weekdays(&f.text, &fc.date),
            });
            let lead = FileLead {
                names: lead_names(inp, i, fc),
                lead: lead_event(inp, i, fc),
                kinds: event_kinds(fc),
                counts: rising_counts(fc),
                own,
            };
            (Arc::new(lead), false)
        })
        .collect();
    let (leads, kept): (Vec<Arc<FileLead>>, Vec<bool>) = leads.into_iter().unzip();
    let folder: Vec<FolderFile> = leads
        .iter()
        .zip(&claims)
        .enumerate()
        .map(|(i, (l, fc))| l.folder_file(&inp.files[i], fc))
        .collect();
    let apart = |a: &[u32], b: &[u32]| places_agree(inp.entities, a, b) == Some(false);
    let (settled, again) = match &previous {
        Some(p) => {
            let (settled, again) = claims_dates_memo::settle_changed(&folder, &apart, p, &kept);
            (settled, Some(again))
        }
        None => (folder_dates::settle(&folder, &apart), None),
    };
    let reuse = (kept.iter().filter(|k| **k).count(), again);
    let next = DatesMemo::of_pass(inp.files, &claims, &rows, &leads, &folder, &settled);
    drop(folder);
    drop(previous);
    let dates: Vec<Option<FileDate>> = claims
        .iter()
        .zip(settled)
        .map(|(fc, s)| s.map(|day| settled_date(fc, day)))
        .collect();
    let dated = dated_claims(inp, &dates);
    let claims = claims
        .into_iter()
        .zip(dated)
        .map(|(fc, d)| d.unwrap_or(fc))
        .collect();
    (claims, Some(next), reuse)
}

/// A file's date once the folder settled its day.
fn settled_date(fc: &FileClaims, day: PubDate) -> FileDate {
    let mut date: FileDate = fc.date.clone();
    for a in date.ambiguities.iter_mut() {
        if let Some(k) = a
            .readings
            .iter()
            .position(|r| *r == day.lo && day.lo == day.hi)
        {
            a.favoured = Some(k);
            a.context = day.reason.clone();
            a.settled = true;
        }
    }
    date.date = Some(day);
    date
}

/// The claims of each file under its settled date (`None` where the
/// folder settled nothing): those at hand in the file, else those the
/// store keeps for that date (a warm restart parses no sentence again),
/// else found now, in parallel, and stored.
fn dated_claims(inp: &DatingInputs, dates: &[Option<FileDate>]) -> Vec<Option<Arc<FileClaims>>> {
    let settings = inp.settings;
    let mut out: Vec<Option<Arc<FileClaims>>> = dates
        .par_iter()
        .enumerate()
        .map(|(i, d)| inp.files[i].dated_claims_if_known(settings, d.as_ref()?))
        .collect();
    // The keys of the persisted files still without them.
    let asked: Vec<(usize, ClaimsKey)> = match inp.store {
        Some(store) => (0..dates.len())
            .into_par_iter()
            .filter(|&i| out[i].is_none() && inp.files[i].persisted)
            .filter_map(|i| {
                let (f, date) = (&inp.files[i], dates[i].as_ref()?);
                let view = f.doc.folder_digest;
                let key = ClaimsKey::new(&f.text, &f.rel_path, &store.overrides, view, settings);
                Some((i, key.dated(date)?))
            })
            .collect(),
        None => Vec::new(),
    };
    let mut missed: Vec<(usize, ClaimsKey)> = Vec::new();
    if let Some(store) = inp.store.filter(|_| !asked.is_empty()) {
        let keys: Vec<ClaimsKey> = asked.iter().map(|(_, k)| *k).collect();
        for ((i, k), hit) in asked.into_iter().zip(store.cache.get_claims(&keys)) {
            match hit {
                Some(c) => {
                    let c = Arc::new(c);
                    let date = dates[i].clone().expect("asked for a settled date");
                    inp.files[i].set_dated_claims(settings, date, c.clone());
                    out[i] = Some(c);
                }
                None => missed.push((i, k)),
            }
        }
    }
    let made: Vec<(usize, Arc<FileClaims>)> = (0..dates.len())
        .into_par_iter()
        .filter(|&i| out[i].is_none())
        .filter_map(|i| {
            let date = dates[i].clone()?;
            Some((i, inp.files[i].claims_dated(settings, date)))
        })
        .collect();
    for (i, c) in made {
        out[i] = Some(c);
    }
    if let Some(store) = inp.store.filter(|_| !missed.is_empty()) {
        let entries: Vec<(ClaimsKey, &FileClaims)> = missed
            .iter()
            .filter_map(|(i, k)| Some((*k, &**out[*i].as_ref()?)))
            .collect();
        store.cache.put_claims(&entries);
    }
    out
}
