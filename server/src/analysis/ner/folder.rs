//! Consistency across the folder.
//!
//! A name written in full in one file ("Jens Stoltenberg", "General
//! Motors") tells what its short forms are in every other file
//! ("Stoltenberg", "GM"), even where that file gives no cue of its own or
//! puts the word where any word is capitalised (a sentence start, a
//! headline). And a single capitalised word that several files write in
//! the middle of sentences ("Chrysler", "Fiat") is a name, typed by the
//! contexts it appears in across those files.
//!
//! The folder-level pass is cheap and separable, so an engine can cache
//! it per file:
//! 1. each file's analysis yields a [`FileSummary`]: the short forms its
//!    full names license, the capitalised single words it could not decide,
//!    with the cues seen around them, and which of those it also writes in
//!    lower case;
//! 2. [`FolderEvidence`] adds the summaries up (and subtracts a file's old
//!    summary when it changes), so no file is read twice;
//! 3. a file's analysis takes only a [`FolderView`], the evidence
//!    restricted to the words that file left open. Its digest says whether
//!    an edit elsewhere changed anything for this file: most edits change
//!    no other file's view, and then nothing else is analysed again.
use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};

use crate::analysis::model::EntityKind;

/// Kind index in the vote arrays.
fn slot(k: EntityKind) -> Option<usize> {
    match k {
        EntityKind::Person => Some(0),
        EntityKind::Organization => Some(1),
        EntityKind::Location => Some(2),
        _ => None,
    }
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];

/// What one file says about one word (a key as `ascii_key` makes it; an
/// acronym licensed by an organisation's initials is keyed `acr:<letters>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WordVotes {
    /// Short forms of full names written in this file, by kind: a person's
    /// surname, a distinctive word or the initials of an organisation.
    pub named: [u16; 3],
    /// Cues around the word where the file left it undecided: a verb of
    /// saying or a title (person), a company cue (organisation), a place
    /// preposition (location).
    pub cue: [u16; 3],
    /// Occurrences left undecided in the middle of a sentence.
    pub open_mid: u16,
    /// The file also writes the word in lower case: an ordinary word.
    pub lower: bool,
    /// The word is a frequent English word ("Apple", "Mark"): never
    /// guessed from recurrence alone.
    pub english: bool,
}

/// One file's contribution to the folder evidence, sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileSummary {
    pub words: Vec<(String, WordVotes)>,
    /// Keys of the words this file left undecided: the only ones the folder
    /// can change in it.
    pub open: Vec<String>,
}

/// Decision for one word, as a file's analysis sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub kind: EntityKind,
    /// Backed by a full name somewhere in the folder: good enough even for
    /// a sentence-initial or headline word.
    pub strong: bool,
}

#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    named: [u32; 3],
    cue: [u32; 3],
    /// Files leaving the word open mid-sentence.
    files_mid: u32,
    /// Files writing it in lower case.
    files_lower: u32,
    /// Undecided mid-sentence occurrences, all files together.
    mid: u32,
    files_english: u32,
}

/// The evidence of a whole folder: summaries added up.
#[derive(Clone, Debug, Default)]
pub struct FolderEvidence {
    words: FxHashMap<String, Stats>,
}

impl FolderEvidence {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn apply(&mut self, s: &FileSummary, sign: i64) {
        let upd = |x: &mut u32, d: i64| *x = (*x as i64 + sign * d).max(0) as u32;
        for (k, v) in &s.words {
            let st = self.words.entry(k.clone()).or_default();
            for i in 0..3 {
                upd(&mut st.named[i], v.named[i] as i64);
                upd(&mut st.cue[i], v.cue[i] as i64);
            }
            upd(&mut st.files_mid, (v.open_mid > 0) as i64);
            upd(&mut st.files_lower, v.lower as i64);
            upd(&mut st.mid, v.open_mid as i64);
            upd(&mut st.files_english, v.english as i64);
            if st.named == [0; 3]
                && st.cue == [0; 3]
                && st.files_mid == 0
                && st.files_lower == 0
                && st.mid == 0
                && st.files_english == 0
            {
                self.words.remove(k);
            }
        }
    }

    pub fn add(&mut self, s: &FileSummary) {
        self.apply(s, 1);
    }

    pub fn remove(&mut self, s: &FileSummary) {
        self.apply(s, -1);
    }

    pub fn from_summaries<'a>(all: impl IntoIterator<Item = &'a FileSummary>) -> FolderEvidence {
        let mut e = FolderEvidence::default();
        for s in all {
            e.add(s);
        }
        e
    }

    /// What the folder says `key` is, if anything.
    pub fn verdict(&self, key: &str) -> Option<Verdict> {
        let st = self.words.get(key)?;
        // A word some file writes in lower case is an ordinary word,
        // unless it is no English word and full names across the folder
        // contain it far more often ("the scientology website" in a quoted
        // message does not undo twenty "Church of Scientology").
        let named_total: u32 = st.named.iter().sum();
        let distinctive = st.files_english == 0 && named_total >= 3 * st.files_lower;
        if st.files_lower > 0 && !distinctive {
            return None;
        }
        let best = |v: &[u32; 3]| -> Option<EntityKind> {
            let (i, &m) = v.iter().enumerate().max_by_key(|(_, &n)| n)?;
            let rest: u32 = v.iter().sum::<u32>() - m;
            (m > 0 && m >= 2 * rest).then_some(KINDS[i])
        };
        if st.named.iter().any(|&n| n > 0) {
            return best(&st.named).map(|kind| Verdict { kind, strong: true });
        }
        // A bare word recurring mid-sentence in two or more files, typed by
        // its contexts. (Recurrence within one file, or a default kind for
        // a word with no cue, were measured and lost precision.)
        if st.files_mid >= 2 {
            let kind = best(&st.cue);
            return kind.map(|kind| Verdict {
                kind,
                strong: false,
            });
        }
        None
    }

    /// The evidence restricted to the words `summary` left open.
    pub fn view_for(&self, summary: &FileSummary) -> FolderView {
        let mut words: Vec<(String, Verdict)> = summary
            .open
            .iter()
            .filter_map(|k| self.verdict(k).map(|v| (k.clone(), v)))
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        FolderView::new(words)
    }
}

/// The part of the folder evidence one file's analysis reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderView {
    words: Vec<(String, Verdict)>,
    digest: u64,
}

impl FolderView {
    pub fn new(mut words: Vec<(String, Verdict)>) -> FolderView {
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let mut h = rustc_hash::FxHasher::default();
        words.hash(&mut h);
        FolderView {
            digest: if words.is_empty() { 0 } else { h.finish() },
            words,
        }
    }

    pub fn empty() -> FolderView {
        FolderView::default()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Identifies the view: an analysis made with the same digest needs no
    /// redoing.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    pub fn get(&self, key: &str) -> Option<Verdict> {
        self.words
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.words[i].1)
    }
}

/// A word a file left undecided, where it stands: what the light re-typing
/// pass needs to apply a new view without analysing the file again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenWord {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub acronym: bool,
    /// In the middle of a sentence (not a sentence start, not a headline).
    pub mid: bool,
    /// A gazetteer entry's short form that counts only where the entry is
    /// named in full ("Ford" for Ford Motor Company): a full name elsewhere
    /// in the folder whose short form it is makes it that entry.
    #[serde(default)]
    pub gaz: Option<u32>,
}

impl OpenWord {
    /// The mention the folder makes of this word, if it decides it: a
    /// strong verdict anywhere, a weak one only mid-sentence.
    pub fn candidate(&self, view: &FolderView) -> Option<super::Candidate> {
        let v = view.get(&self.key).or_else(|| {
            self.acronym
                .then(|| view.get(&format!("acr:{}", self.key)))
                .flatten()
        })?;
        if let Some(g) = self.gaz {
            // Only a full name of the same kind makes the short form that
            // entry; a person named "Ford" elsewhere says nothing of it.
            // (An entry this binary does not have, from an analysis stored
            // by another, decides nothing.)
            let entry = super::lexicon::Lexicon::get().entries.get(g as usize)?;
            if !v.strong || v.kind != entry.kind {
                return None;
            }
            let mut c = super::Candidate::new(self.start, self.end, v.kind, 0.8);
            c.gaz = Some(g);
            return Some(c);
        }
        (v.strong || self.mid).then(|| super::Candidate::new(self.start, self.end, v.kind, 0.7))
    }
}

/// What a file's first pass (made without a folder view) keeps so that a
/// view can be applied later by re-typing alone: its candidates and the
/// words it left open.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Retype {
    pub cands: Vec<super::Candidate>,
    pub open: Vec<OpenWord>,
}

impl Retype {
    /// The first pass's candidates with `view` applied: each open word the
    /// folder decides replaces whatever the file guessed at that place.
    /// The candidates, and whether they differ from the first pass's (they
    /// do not when every word the view decides was already guessed as the
    /// same kind at the same place).
    pub fn apply(&self, text: &str, view: &FolderView) -> (Vec<super::Candidate>, bool) {
        // A word inside a longer name the file read ("Jr" of "Iván
        // DeJesús, Jr.", "Karl" of "Marx, Karl") stays in it: the longest
        // name first.
        let inside_longer = |n: &super::Candidate| {
            let i = self.cands.partition_point(|c| c.end <= n.start);
            self.cands.get(i).is_some_and(|c| {
                c.start <= n.start && n.end <= c.end && c.end - c.start > n.end - n.start
            })
        };
        let new: Vec<super::Candidate> = self
            .open
            .iter()
            .filter_map(|w| w.candidate(view))
            .filter(|c| !super::not_mentions::not_a_mention(text, c))
            .filter(|c| !inside_longer(c))
            .collect();
        let same = |n: &super::Candidate| {
            let i = self.cands.partition_point(|c| c.start < n.start);
            self.cands.get(i).is_some_and(|c| {
                (c.start, c.end, c.kind) == (n.start, n.end, n.kind)
                        // A contextual short form the folder confirms.
                        && (n.gaz.is_none() || (c.gaz == n.gaz && !c.contextual))
            })
        };
        if new.iter().all(same) {
            return (self.cands.clone(), false);
        }
        let mut out: Vec<super::Candidate> = self
            .cands
            .iter()
            .filter(|c| !new.iter().any(|n| n.start < c.end && c.start < n.end))
            .cloned()
            .collect();
        out.extend(new);
        out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        (out, true)
    }
}

/// Builds a [`FileSummary`] while a file is analysed.
#[derive(Default)]
pub struct SummaryBuilder {
    words: FxHashMap<String, WordVotes>,
    open: Vec<String>,
}

impl SummaryBuilder {
    pub fn named(&mut self, key: String, kind: EntityKind) {
        if let Some(i) = slot(kind) {
            let v = self.words.entry(key).or_default();
            v.named[i] = v.named[i].saturating_add(1);
        }
    }

    /// A word the file left undecided, with the kind its context hints at.
    pub fn open(
        &mut self,
        key: String,
        mid_sentence: bool,
        hint: Option<EntityKind>,
        english: bool,
    ) {
        let v = self.words.entry(key.clone()).or_default();
        v.english |= english;
        if mid_sentence {
            v.open_mid = v.open_mid.saturating_add(1);
        }
        if let Some(i) = hint.and_then(slot) {
            v.cue[i] = v.cue[i].saturating_add(1);
        }
        self.open.push(key);
    }

    /// Mark words the file writes in lower case (`is_lower(key)`).
    pub fn finish(mut self, is_lower: impl Fn(&str) -> bool) -> FileSummary {
        let mut words: Vec<(String, WordVotes)> = self
            .words
            .drain()
            .map(|(k, mut v)| {
                v.lower = !k.starts_with("acr:") && is_lower(&k);
                (k, v)
            })
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        self.open.sort();
        self.open.dedup();
        FileSummary {
            words,
            open: self.open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(f: impl FnOnce(&mut SummaryBuilder), lower: &[&str]) -> FileSummary {
        let mut b = SummaryBuilder::default();
        f(&mut b);
        b.finish(|k| lower.contains(&k))
    }

    #[test]
    fn full_names_decide_and_lower_case_vetoes() {
        let a = summary(|b| b.named("stoltenberg".into(), EntityKind::Person), &[]);
        let b = summary(|b| b.open("stoltenberg".into(), false, None, false), &[]);
        let c = summary(
            |b| b.open("security".into(), true, None, true),
            &["security"],
        );
        let e = FolderEvidence::from_summaries([&a, &b, &c]);
        let v = e.view_for(&b);
        assert_eq!(
            v.get("stoltenberg"),
            Some(Verdict {
                kind: EntityKind::Person,
                strong: true
            })
        );
        assert!(e.view_for(&c).is_empty());
    }

    #[test]
    fn a_stray_lower_case_does_not_undo_a_distinctive_name() {
        let org = EntityKind::Organization;
        let named = |n: usize| {
            summary(
                |b| {
                    for _ in 0..n {
                        b.named("zorvathy".into(), org)
                    }
                },
                &[],
            )
        };
        let (a, b) = (named(4), named(3));
        let quoting = summary(
            |b| b.open("zorvathy".into(), true, None, false),
            &["zorvathy"],
        );
        let reader = summary(|b| b.open("zorvathy".into(), true, None, false), &[]);
        let e = FolderEvidence::from_summaries([&a, &b, &quoting, &reader]);
        assert_eq!(
            e.view_for(&reader).get("zorvathy").map(|v| v.kind),
            Some(org)
        );
        // Named only once for each file writing it in lower case: an ordinary word.
        let e = FolderEvidence::from_summaries([&named(2), &quoting, &reader]);
        assert!(e.view_for(&reader).is_empty());
        // An English word written in lower case anywhere stays vetoed.
        let english = summary(|b| b.open("zorvathy".into(), true, None, true), &[]);
        let e = FolderEvidence::from_summaries([&a, &b, &quoting, &english]);
        assert!(e.view_for(&english).is_empty());
    }

    #[test]
    fn a_contextual_short_form_takes_only_a_full_name_of_its_kind() {
        let lx = super::super::lexicon::Lexicon::get();
        let ford = lx.lookup("Ford Motor Company").unwrap();
        let word = OpenWord {
            start: 0,
            end: 4,
            key: "ford".into(),
            acronym: false,
            mid: true,
            gaz: Some(ford),
        };
        let view = |kind, strong| FolderView::new(vec![("ford".into(), Verdict { kind, strong })]);
        let c = word
            .candidate(&view(EntityKind::Organization, true))
            .unwrap();
        assert_eq!((c.kind, c.gaz), (EntityKind::Organization, Some(ford)));
        // A person named Ford elsewhere, or a guess from recurrence alone,
        // says nothing of the company.
        assert!(word.candidate(&view(EntityKind::Person, true)).is_none());
        assert!(word
            .candidate(&view(EntityKind::Organization, false))
            .is_none());
        // An entry this binary does not have decides nothing.
        let stale = OpenWord {
            gaz: Some(u32::MAX),
            ..word
        };
        assert!(stale
            .candidate(&view(EntityKind::Organization, true))
            .is_none());
    }

    #[test]
    fn recurring_words_need_two_files_and_a_cue() {
        let org = Some(EntityKind::Organization);
        let a = summary(|b| b.open("chrysler".into(), true, org, false), &[]);
        let b = summary(|b| b.open("chrysler".into(), true, None, false), &[]);
        let one = FolderEvidence::from_summaries([&a]);
        assert_eq!(one.verdict("chrysler"), None);
        let mut two = FolderEvidence::from_summaries([&a, &b]);
        assert_eq!(
            two.verdict("chrysler").map(|v| (v.kind, v.strong)),
            Some((EntityKind::Organization, false))
        );
        // Removing a summary undoes it exactly.
        two.remove(&b);
        assert_eq!(two.verdict("chrysler"), None);
        two.remove(&a);
        assert!(two.is_empty());
    }
}
