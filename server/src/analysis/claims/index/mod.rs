//! Claims across files: which claims state the same fact (corroboration)
//! and which are incompatible (conflicts). Entities are compared through
//! the snapshot's linking, so "NATO", "the Alliance" and "North Atlantic
//! Alliance" are one organisation here.
//!
//! Only facts are compared, never words: two claims corroborate each
//! other when they state one fact frame (one subject, one predicate or
//! measure, one event) with compatible values; they conflict when the
//! values cannot both be true. Facts of an event are compared only with
//! facts of the same event ([`event::same_event`]): same kind, compatible
//! time, no contradicting participants, a shared participant or place.
//!
//! - [`sig`]: what one fact is compared on, a pure function of one file's
//!   claims and how its mentions link ([`sig::file_sigs`]);
//! - [`build`]: the join: facts grouped by identical signature, groups
//!   bucketed by frame key, representatives compared within buckets;
//! - [`relate`]: the comparison rules; [`event`]: event identity and
//!   place compatibility;
//! - [`corroborate`]: the corroborations of a claim, every agreeing pair
//!   of facts and what the two reports dispute besides;
//! - this file: the conflicts of a claim.
//!
//! Conflicts are held to a higher standard than corroboration: a wrong
//! warning teaches users to ignore all warnings.
//!
//! Scale: facts are never compared pair by pair. Facts whose comparison
//! inputs are identical form one *group*; only group representatives are
//! compared, and agreements and conflicts are stored as edges between
//! groups. A claim's corroborators and conflicts are the members of the
//! groups it is linked to, expanded on demand (capped by the caller where
//! shown). A corpus where thousands of files state one fact, or a file
//! that repeats one sentence, is one group and costs linear time.
pub mod build;
mod corroborate;
mod corroborate_unread;
pub mod event;
mod members;
mod offices;
mod offices_heads;
pub mod patch;
pub mod relate;
pub mod sig;
pub mod story;
mod story_compare;
pub(crate) mod story_measures;
mod story_offices;
#[cfg(test)]
mod test_folder;
#[cfg(test)]
mod tests;
pub mod undated;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

pub use corroborate::{Agreement, Corroboration};

use super::{ClaimSettings, FileClaims};
use crate::analysis::linking::Entity;
use crate::analysis::snapshot::{FileId, SourceFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimRef {
    pub file: FileId,
    pub claim: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FactRef {
    pub file: FileId,
    pub claim: u32,
    pub fact: u32,
}

impl FactRef {
    pub fn claim_ref(&self) -> ClaimRef {
        ClaimRef {
            file: self.file,
            claim: self.claim,
        }
    }
}

/// The fact number of a claim's membership in an assertion group (claims
/// that state the same thing in near-identical words, not one fact).
pub(super) const WHOLE_CLAIM: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    RoleHolder,
    Quantity,
    EventDate,
    EventPlace,
    Location,
}

/// One conflicting pair of facts (`a` before `b` in corpus order), as
/// [`ClaimsIndex::conflict_pairs`] expands them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub a: FactRef,
    pub b: FactRef,
    /// What both state something about ("NATO secretary general").
    pub subject: String,
    pub a_value: String,
    pub b_value: String,
}

/// A fact in conflict with facts elsewhere that all state one other value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictEnd {
    pub kind: ConflictKind,
    /// The fact of the claim asked about.
    pub here: FactRef,
    /// What both state something about ("NATO secretary general").
    pub subject: String,
    pub here_value: String,
    pub there_value: String,
    /// The first conflicting facts, in corpus order (at most the cap asked
    /// for).
    pub others: Vec<FactRef>,
    /// How many facts conflict with `here` on this value, `others` included.
    pub total: usize,
}

/// Facts (or whole claims) whose comparison inputs are identical.
#[derive(Clone, Debug, Default)]
struct Group {
    /// Members in corpus order (file, claim, fact).
    facts: Vec<FactRef>,
    /// Groups whose members agree with this group's members in other
    /// files (this group itself included when its members agree).
    agrees: Vec<(u32, &'static str)>,
    /// Conflict edges (indices into `ClaimsIndex::edges`).
    conflicts: Vec<u32>,
}

/// Members of group `a` conflict with members of group `b` (`a` may be
/// `b`).
#[derive(Clone, Debug)]
struct Edge {
    kind: ConflictKind,
    a: u32,
    b: u32,
    /// The subject as worded from the earlier fact of a pair: `[0]` when
    /// the member of `a` comes first, `[1]` when the member of `b` does.
    subject: [String; 2],
    a_value: String,
    b_value: String,
    /// Members in different files conflict.
    cross: bool,
    /// Members in one file (distinct claims) conflict.
    same: bool,
}

impl Edge {
    fn other(&self, g: u32) -> u32 {
        if self.a == g {
            self.b
        } else {
            self.a
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct ClaimsIndex {
    pub files: Vec<Arc<FileClaims>>,
    groups: Vec<Group>,
    edges: Vec<Edge>,
    /// Per file and claim: (fact number or [`WHOLE_CLAIM`], group).
    members: members::Members,
    /// Lower-cased outlet -> files relying on it, in order.
    outlet_files: HashMap<String, Vec<FileId>>,
}

pub struct Inputs<'a> {
    pub files: &'a [std::sync::Arc<SourceFile>],
    pub entities: &'a [Entity],
    pub mention_entity: &'a [Vec<u32>],
    pub settings: &'a ClaimSettings,
}

impl ClaimsIndex {
    fn groups_of(&self, c: ClaimRef) -> &[(u32, u32)] {
        self.members.of(c.file, c.claim)
    }

    /// The conflicts of a claim: per fact and per other value, the first
    /// `cap` conflicting facts and how many there are. Ordered by fact,
    /// then by the first conflicting fact. Cost: logarithmic in group sizes
    /// plus `cap` per conflict edge.
    pub fn conflicts_of(&self, c: ClaimRef, cap: usize) -> Vec<ConflictEnd> {
        let mut out: Vec<ConflictEnd> = Vec::new();
        for &(k, g) in self.groups_of(c) {
            if k == WHOLE_CLAIM {
                continue;
            }
            let here = FactRef {
                file: c.file,
                claim: c.claim,
                fact: k,
            };
            let mut ends: Vec<ConflictEnd> = Vec::new();
            for &e in &self.groups[g as usize].conflicts {
                let edge = &self.edges[e as usize];
                let h = edge.other(g);
                let (first, others, total) = self.partners(h, here, edge, cap);
                let Some(first) = first else { continue };
                // Which side `here` is on (a self edge: both).
                let here_is_a = edge.a == g;
                let (hv, tv) = if here_is_a {
                    (&edge.a_value, &edge.b_value)
                } else {
                    (&edge.b_value, &edge.a_value)
                };
                let a_first = (here < first) == here_is_a;
                let subject = &edge.subject[if a_first { 0 } else { 1 }];
                match ends
                    .iter_mut()
                    .find(|x| x.kind == edge.kind && &x.subject == subject && &x.there_value == tv)
                {
                    Some(x) => {
                        x.others.extend(others);
                        x.others.sort();
                        x.others.truncate(cap);
                        x.total += total;
                    }
                    None => ends.push(ConflictEnd {
                        kind: edge.kind,
                        here,
                        subject: subject.clone(),
                        here_value: hv.clone(),
                        there_value: tv.clone(),
                        others,
                        total,
                    }),
                }
            }
            ends.sort_by_key(|x| x.others.first().copied());
            out.extend(ends);
        }
        out
    }

    /// Whether `c` conflicts with anything.
    pub fn has_conflict(&self, c: ClaimRef) -> bool {
        self.groups_of(c).iter().any(|&(k, g)| {
            k != WHOLE_CLAIM
                && self.groups[g as usize].conflicts.iter().any(|&e| {
                    let edge = &self.edges[e as usize];
                    let here = FactRef {
                        file: c.file,
                        claim: c.claim,
                        fact: k,
                    };
                    self.partners(edge.other(g), here, edge, 0).2 > 0
                })
        })
    }

    /// The members of group `h` that conflict with `here` through `edge`:
    /// the first one, the first `cap` and how many. Members are sorted, so
    /// those in `here`'s file and claim are ranges found by bisection.
    fn partners(
        &self,
        h: u32,
        here: FactRef,
        edge: &Edge,
        cap: usize,
    ) -> (Option<FactRef>, Vec<FactRef>, usize) {
        let fs = &self.groups[h as usize].facts;
        let f_lo = fs.partition_point(|m| m.file < here.file);
        let f_hi = fs.partition_point(|m| m.file <= here.file);
        let c_lo = fs.partition_point(|m| m.claim_ref() < here.claim_ref());
        let c_hi = fs.partition_point(|m| m.claim_ref() <= here.claim_ref());
        let n = fs.len();
        let segments: [(usize, usize); 2] = match (edge.cross, edge.same) {
            (true, true) => [(0, c_lo), (c_hi, n)],
            (true, false) => [(0, f_lo), (f_hi, n)],
            (false, true) => [(f_lo, c_lo), (c_hi, f_hi)],
            (false, false) => [(0, 0), (0, 0)],
        };
        let total = segments.iter().map(|(a, b)| b - a).sum();
        let mut it = segments.iter().flat_map(|&(a, b)| fs[a..b].iter().copied());
        let first = it.next();
        let mut others: Vec<FactRef> = first.into_iter().chain(it).take(cap).collect();
        others.truncate(cap);
        (first, others, total)
    }

    /// Every claim of the index, file by file.
    fn claim_refs(&self) -> impl Iterator<Item = ClaimRef> + '_ {
        (0..self.members.files()).flat_map(|fi| {
            (0..self.members.claims(fi as FileId)).map(move |ci| ClaimRef {
                file: fi as FileId,
                claim: ci as u32,
            })
        })
    }

    /// Every conflicting pair of facts, `a` before `b`. Quadratic in the
    /// worst case: for tests and small corpora.
    pub fn conflict_pairs(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for c in self.claim_refs() {
            for end in self.conflicts_of(c, usize::MAX) {
                for o in end.others.iter().filter(|o| **o > end.here) {
                    out.push(Conflict {
                        kind: end.kind,
                        a: end.here,
                        b: *o,
                        subject: end.subject.clone(),
                        a_value: end.here_value.clone(),
                        b_value: end.there_value.clone(),
                    });
                }
            }
        }
        out.sort_by_key(|k| (k.a, k.b));
        out
    }

    /// Outlets two files both rely on: their reports are not independent.
    pub fn shared_outlets(&self, a: FileId, b: FileId) -> Vec<String> {
        let oa = &self.files[a as usize].outlets;
        self.files[b as usize]
            .outlets
            .iter()
            .filter(|o| oa.iter().any(|x| x.eq_ignore_ascii_case(o)))
            .cloned()
            .collect()
    }

    /// Other files relying on one of the outlets `file` relies on, in
    /// order.
    pub fn same_outlet_files(&self, file: FileId) -> Vec<FileId> {
        let Some(fc) = self.files.get(file as usize) else {
            return Vec::new();
        };
        let mut out: Vec<FileId> = fc
            .outlets
            .iter()
            .filter_map(|o| self.outlet_files.get(&o.to_ascii_lowercase()))
            .flatten()
            .copied()
            .filter(|&f| f != file)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
