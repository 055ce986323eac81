//! The pass over publication dates kept between builds of one folder's
//! claims index: after typing in one file, the other 10,000 files' leads
//! are not read again, and only the files whose date the edit can move
//! are settled again. Everything else is taken from the last pass.
//!
//! What a file gives the pass ([`FileLead`]: its lead's names, lead event,
//! kinds of events, figures) is a function of the file (text and
//! analysis), its claims, how its mentions link (its row of
//! `mention_entity`) and the entities' names. The caller keeps a memo only
//! while the names (the snapshot's names epoch), the file numbering and
//! the claim settings are the same; the file, its claims and its row are
//! compared here.
//!
//! A file's settled date is a function of its own lead and of the leads of
//! its peers, found through the names and figures it shares with files
//! that state their day (lists of more than [`COMMON_NAME_FILES`] files
//! ignored). A file that changed can move the date of the files sharing
//! one of its names or figures, before or after the change, and only
//! those: a list it left or joined is one of those; a list that was and
//! stays over the limit is read by nobody. So those files are settled
//! again, the others keep the date of the last pass
//! (`tests/claims_dates_incremental.rs` checks the result equals a pass
//! from scratch).
use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Weak};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::claims::dates::PubDate;
use super::claims::folder_dates::{
    self, FolderFile, LeadEvent, COMMON_FIGURE_FILES, COMMON_NAME_FILES,
};
use super::claims::frames::EventKind;
use super::claims::FileClaims;
use super::snapshot::{DatingFacts, SourceFile};

/// What one file gives the pass over dates, besides its date.
#[derive(Debug)]
pub struct FileLead {
    pub names: Vec<u32>,
    pub lead: Option<LeadEvent>,
    pub kinds: Vec<EventKind>,
    /// The counts that grow it states (see `FolderFile::counts`).
    pub counts: Vec<(String, u64)>,
    pub own: Arc<DatingFacts>,
}

impl FileLead {
    /// The file as the pass sees it.
    pub fn folder_file<'a>(&'a self, f: &'a SourceFile, fc: &'a FileClaims) -> FolderFile<'a> {
        FolderFile {
            path: &f.rel_path,
            text: &f.text,
            date: &fc.date,
            names: Cow::Borrowed(&self.names),
            lead: self.lead.as_ref().map(Cow::Borrowed),
            kinds: Cow::Borrowed(&self.kinds),
            figures: Cow::Borrowed(&self.own.figures),
            wire_weekdays: Cow::Borrowed(&self.own.wire_weekdays),
            counts: Cow::Borrowed(&self.counts),
        }
    }
}

/// One file of the last pass.
struct Kept {
    /// The file and claims it was made of (not kept alive: only told
    /// apart from others).
    source: Weak<SourceFile>,
    claims: Weak<FileClaims>,
    row: u64,
    lead: Arc<FileLead>,
    /// Whether it stated its own day (was a peer).
    stated: bool,
    settled: Option<PubDate>,
}

/// What the last pass over the folder's dates found (see the module
/// documentation).
#[derive(Default)]
pub struct DatesMemo {
    files: Vec<Kept>,
}

/// A digest of a file's row of `mention_entity`.
pub fn row_digest(row: &[u32]) -> u64 {
    let mut h = FxHasher::default();
    row.hash(&mut h);
    h.finish()
}

impl DatesMemo {
    /// The lead kept for file `i` when the file, its claims and its row
    /// are those it was made of.
    pub fn lead(
        &self,
        i: usize,
        f: &Arc<SourceFile>,
        fc: &Arc<FileClaims>,
        row: u64,
    ) -> Option<Arc<FileLead>> {
        let k = self.files.get(i)?;
        (Weak::as_ptr(&k.source) == Arc::as_ptr(f)
            && Weak::as_ptr(&k.claims) == Arc::as_ptr(fc)
            && k.row == row)
            .then(|| k.lead.clone())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The memo of a pass over `files` (made of `sources`, `claims`,
    /// `rows`, `leads`) that settled `settled`.
    pub fn of_pass(
        sources: &[Arc<SourceFile>],
        claims: &[Arc<FileClaims>],
        rows: &[u64],
        leads: &[Arc<FileLead>],
        files: &[FolderFile],
        settled: &[Option<PubDate>],
    ) -> DatesMemo {
        let files = (0..files.len())
            .map(|i| Kept {
                source: Arc::downgrade(&sources[i]),
                claims: Arc::downgrade(&claims[i]),
                row: rows[i],
                lead: leads[i].clone(),
                stated: folder_dates::states_its_day(&files[i]),
                settled: settled[i].clone(),
            })
            .collect();
        DatesMemo { files }
    }
}

/// The dates the folder settles for `files`, as [`folder_dates::settle`]
/// gives them, from the last pass (`previous`, over as many files) and
/// which files were `kept` as they were in it; with how many files were
/// settled again.
pub fn settle_changed(
    files: &[FolderFile],
    apart: &(dyn Fn(&[u32], &[u32]) -> bool + Sync),
    previous: &DatesMemo,
    kept: &[bool],
) -> (Vec<Option<PubDate>>, usize) {
    let changed: Vec<usize> = (0..files.len()).filter(|&i| !kept[i]).collect();
    // The names and figures of the changed files, before and after.
    let mut names: FxHashSet<u32> = FxHashSet::default();
    let mut figures: FxHashSet<&str> = FxHashSet::default();
    for &i in &changed {
        let old = &previous.files[i].lead;
        names.extend(old.names.iter().chain(files[i].names.iter()).copied());
        figures.extend(
            old.own
                .figures
                .iter()
                .chain(files[i].figures.iter())
                .map(String::as_str),
        );
    }
    // How many files stating their day have each of them now, and had
    // before (the changed files' part taken out and put back as it was).
    let mut name_count: FxHashMap<u32, (i64, i64)> = FxHashMap::default();
    let mut figure_count: FxHashMap<&str, (i64, i64)> = FxHashMap::default();
    for f in files.iter().filter(|f| folder_dates::states_its_day(f)) {
        for n in f.names.iter().filter(|n| names.contains(n)) {
            let c = name_count.entry(*n).or_default();
            c.0 += 1;
            c.1 += 1;
        }
        for x in f.figures.iter().filter(|x| figures.contains(x.as_str())) {
            let c = figure_count.entry(x.as_str()).or_default();
            c.0 += 1;
            c.1 += 1;
        }
    }
    for &i in &changed {
        let old = &previous.files[i];
        if folder_dates::states_its_day(&files[i]) {
            for n in files[i].names.iter() {
                name_count.entry(*n).or_default().1 -= 1;
            }
            for x in files[i].figures.iter() {
                figure_count.entry(x.as_str()).or_default().1 -= 1;
            }
        }
        if old.stated {
            for n in &old.lead.names {
                name_count.entry(*n).or_default().1 += 1;
            }
            for x in &old.lead.own.figures {
                figure_count.entry(x.as_str()).or_default().1 += 1;
            }
        }
    }
    // A list over the limit before and after is read by no file.
    let common =
        |(now, before): (i64, i64), limit: usize| now > limit as i64 && before > limit as i64;
    names.retain(|n| {
        !name_count
            .get(n)
            .is_some_and(|&c| common(c, COMMON_NAME_FILES))
    });
    figures.retain(|x| {
        !figure_count
            .get(x)
            .is_some_and(|&c| common(c, COMMON_FIGURE_FILES))
    });
    let again: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].date.open.is_some())
        .filter(|&i| {
            !kept[i]
                || files[i].names.iter().any(|n| names.contains(n))
                || files[i]
                    .figures
                    .iter()
                    .any(|x| figures.contains(x.as_str()))
        })
        .collect();
    tracing::debug!(
        "folder dates: {} files changed, {} settled again",
        changed.len(),
        again.len()
    );
    let mut out: Vec<Option<PubDate>> = (0..files.len())
        .map(|i| {
            if files[i].date.open.is_some() {
                previous.files[i].settled.clone()
            } else {
                None
            }
        })
        .collect();
    for (i, day) in folder_dates::settle_these(files, apart, &again, true) {
        out[i] = day;
    }
    (out, again.len())
}
