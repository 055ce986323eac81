//! Corroborations of a claim: every pair of facts on which it agrees with a
//! claim in another file, and what the two reports dispute besides.
//!
//! Two claims may agree on one fact and disagree on another ("killing 12
//! people on Friday" and "killing 12 people on Saturday"), and two reports
//! may agree on a toll while dating the event differently in other
//! sentences. Such an agreement is *partial*: it is listed with the
//! facts in dispute, never as plain corroboration, because a fact-checker
//! who reads "corroborated" takes the two reports to tell one story.
//! Agreeing on a fact of an event takes the two reports to be of one
//! event, so two days its kind cannot span are a dispute even where no
//! comparison linked the two datings (a file that also places the event
//! elsewhere lends its day to nothing); such a dispute is shown with the
//! agreement only, never as a conflict of its own.
use std::collections::{BTreeMap, HashMap};

use super::{ClaimRef, ClaimsIndex, Conflict, ConflictKind, FactRef, WHOLE_CLAIM};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::frames::EventKind;
use crate::analysis::claims::index::event::class;
use crate::analysis::claims::{Fact, FactBody};
use crate::analysis::snapshot::FileId;

/// One pair of agreeing facts of two claims (`a`'s fact, `b`'s fact;
/// `None` when the whole assertion agrees).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Agreement {
    pub facts: (Option<u32>, Option<u32>),
    /// "same role holder", "same amount", "same event date"...
    pub reason: &'static str,
}

/// Two claims in different files that state the same thing (`a < b`).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Corroboration {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// The reason of the first agreeing pair of facts.
    pub reason: String,
    /// The first agreeing facts of `a` and `b` (indices into each claim's
    /// facts); `None` when the whole assertion agrees.
    pub facts: (Option<u32>, Option<u32>),
    /// Every agreeing pair of facts, in order of `a`'s fact then `b`'s
    /// (the first is `facts`).
    pub agreements: Vec<Agreement>,
    /// Facts the two reports disagree on: between the two claims, or, in
    /// other sentences of the two files, the date or the place of the
    /// event an agreeing fact belongs to (a conflict found, or two datings
    /// of it that its kind cannot span although no comparison linked
    /// them). Each with `a` in `a`'s file. Not empty: the agreement is
    /// partial.
    pub disputes: Vec<Conflict>,
}

impl Corroboration {
    /// The two claims agree on something but the reports disagree on
    /// another fact of the same claims or of the same event.
    pub fn partial(&self) -> bool {
        !self.disputes.is_empty()
    }
}

/// The day each file gives the reported event of a class, once found.
type DayCache = HashMap<(FileId, EventKind), Option<(FactRef, (Ymd, Ymd))>>;

/// Conflict kinds that say which event a report tells of: a report that
/// dates or places an event otherwise tells of another event, or of one
/// of them wrongly, and its other facts of it agree only in part.
fn identifies_event(k: ConflictKind) -> bool {
    matches!(k, ConflictKind::EventDate | ConflictKind::EventPlace)
}

impl ClaimsIndex {
    /// The class of the event a fact belongs to, for a reported (not a
    /// background or another) event.
    pub(super) fn event_class(&self, f: FactRef) -> Option<EventKind> {
        let fact = self
            .files
            .get(f.file as usize)?
            .claims
            .get(f.claim as usize)?
            .facts
            .get(f.fact as usize)?;
        let e = fact.event.as_ref()?;
        (!e.another && !e.background).then(|| class(e.kind))
    }

    pub(super) fn fact(&self, f: FactRef) -> Option<&Fact> {
        self.files
            .get(f.file as usize)?
            .claims
            .get(f.claim as usize)?
            .facts
            .get(f.fact as usize)
    }

    /// A dating of a reported event: an event date stated plainly (not
    /// negated, not hedged) of an event that is not background, to a day
    /// or two. Its event class and days.
    pub(super) fn dating(&self, f: FactRef) -> Option<(EventKind, (Ymd, Ymd))> {
        let fact = self.fact(f)?;
        let FactBody::EventDate { when, .. } = &fact.body else {
            return None;
        };
        let days = (*when).or(fact.event.as_ref()?.when)?;
        let k = self.event_class(f)?;
        (!fact.negated && !fact.hedged && days.1.days() - days.0.days() <= 1).then_some((k, days))
    }

    /// The day the event of an agreeing fact happened, as its report
    /// says, and the fact that says it: a dating of the event's class in
    /// the fact's own claim, else the one day the file's datings of that
    /// class agree on (none when they differ: the file tells of two such
    /// events, or is unsure). The file's day is kept in `cache`: a file of
    /// thousands of claims is read once per query, not per agreement.
    fn day_of(&self, f: FactRef, cache: &mut DayCache) -> Option<(FactRef, (Ymd, Ymd))> {
        let k = self.event_class(f)?;
        let fc = self.files.get(f.file as usize)?;
        let datings = |claims: std::ops::Range<usize>| {
            claims
                .flat_map(|ci| {
                    let n = fc.claims[ci].facts.len();
                    (0..n).map(move |x| FactRef {
                        file: f.file,
                        claim: ci as u32,
                        fact: x as u32,
                    })
                })
                .filter_map(|r| self.dating(r).filter(|d| d.0 == k).map(|d| (r, d.1)))
                .collect::<Vec<_>>()
        };
        let one_day = |all: Vec<(FactRef, (Ymd, Ymd))>| {
            let (first, days) = *all.first()?;
            all.iter()
                .all(|(_, d)| dates::min_distance(*d, days) == 0)
                .then_some((first, days))
        };
        let ci = f.claim as usize;
        let own = datings(ci..ci + 1);
        if !own.is_empty() {
            return one_day(own);
        }
        *cache
            .entry((f.file, k))
            .or_insert_with(|| one_day(datings(0..fc.claims.len())))
    }

    /// The two reports date the event of an agreeing pair of facts on
    /// days its kind cannot span, although no date conflict was found
    /// (the date facts were not compared: their sentences say too little
    /// to tell it is one event). The agreement assumes it is one event;
    /// the days say the reports disagree about it.
    fn undetected_dating(
        &self,
        fa: FactRef,
        fb: FactRef,
        cache: &mut DayCache,
    ) -> Option<Conflict> {
        let kind = self.event_class(fa)?;
        if self.event_class(fb)? != kind {
            return None;
        }
        let ((ra, da), (rb, db)) = (self.day_of(fa, cache)?, self.day_of(fb, cache)?);
        let tolerance = if kind.multi_day() { 3 } else { 0 };
        if dates::min_distance(da, db) <= tolerance {
            return None;
        }
        let text = |r: FactRef| self.fact(r).map(|f| f.text.clone()).unwrap_or_default();
        Some(Conflict {
            kind: ConflictKind::EventDate,
            a: ra,
            b: rb,
            subject: kind.as_str().to_string(),
            a_value: text(ra),
            b_value: text(rb),
        })
    }

    /// Every conflict of a fact of file `file` with a fact of file
    /// `other`, `a` in `file`. Members of a group are sorted, so those of
    /// `other` are a range found by bisection.
    fn file_conflicts(&self, file: FileId, other: FileId) -> Vec<Conflict> {
        let mut out = Vec::new();
        for ci in 0..self.members.claims(file) {
            let groups = self.members.of(file, ci as u32);
            for &(k, g) in groups.iter().filter(|(k, _)| *k != WHOLE_CLAIM) {
                let here = FactRef {
                    file,
                    claim: ci as u32,
                    fact: k,
                };
                for &e in &self.groups[g as usize].conflicts {
                    let edge = &self.edges[e as usize];
                    if !edge.cross {
                        continue;
                    }
                    let h = edge.other(g);
                    let fs = &self.groups[h as usize].facts;
                    let lo = fs.partition_point(|m| m.file < other);
                    let hi = fs.partition_point(|m| m.file <= other);
                    let here_is_a = edge.a == g;
                    let (hv, tv) = if here_is_a {
                        (&edge.a_value, &edge.b_value)
                    } else {
                        (&edge.b_value, &edge.a_value)
                    };
                    for &there in &fs[lo..hi] {
                        let a_first = (here < there) == here_is_a;
                        out.push(Conflict {
                            kind: edge.kind,
                            a: here,
                            b: there,
                            subject: edge.subject[if a_first { 0 } else { 1 }].clone(),
                            a_value: hv.clone(),
                            b_value: tv.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    /// What claims `c` and `o` (in other files) dispute although they
    /// agree through `agreements` (facts of `c` first): conflicts between
    /// the two claims, and conflicts between their files on the date or
    /// place of an event an agreeing fact belongs to. `file_disputes`
    /// caches the second per other file.
    fn disputes(
        &self,
        c: ClaimRef,
        o: ClaimRef,
        agreements: &[(u32, u32)],
        file_disputes: &mut HashMap<FileId, Vec<Conflict>>,
        days: &mut DayCache,
    ) -> Vec<Conflict> {
        let all = file_disputes
            .entry(o.file)
            .or_insert_with(|| self.file_conflicts(c.file, o.file));
        let classes: Vec<EventKind> = agreements
            .iter()
            .flat_map(|&(k, m)| {
                [
                    FactRef {
                        file: c.file,
                        claim: c.claim,
                        fact: k,
                    },
                    FactRef {
                        file: o.file,
                        claim: o.claim,
                        fact: m,
                    },
                ]
            })
            .filter(|f| f.fact != WHOLE_CLAIM)
            .filter_map(|f| self.event_class(f))
            .collect();
        let mut out: Vec<Conflict> = all
            .iter()
            .filter(|x| {
                let between_claims = x.a.claim_ref() == c && x.b.claim_ref() == o;
                let of_event = identifies_event(x.kind)
                    && [x.a, x.b]
                        .iter()
                        .any(|f| self.event_class(*f).is_some_and(|k| classes.contains(&k)));
                between_claims || of_event
            })
            .cloned()
            .collect();
        // Datings and placings of one kind of event in the two claims that
        // no comparison linked but cannot both hold.
        for u in self.unread_contradictions(c, o) {
            if !out.iter().any(|x| x.a == u.a && x.b == u.b) {
                out.push(u);
            }
        }
        if !out.iter().any(|x| x.kind == ConflictKind::EventDate) {
            let at = |r: ClaimRef, k: u32| FactRef {
                file: r.file,
                claim: r.claim,
                fact: k,
            };
            out.extend(
                agreements
                    .iter()
                    .filter(|(k, m)| *k != WHOLE_CLAIM && *m != WHOLE_CLAIM)
                    .find_map(|&(k, m)| self.undetected_dating(at(c, k), at(o, m), days)),
            );
        }
        out
    }

    /// Claims in other files that state what `c` states, in corpus order,
    /// each once, with every pair of facts on which they agree and what
    /// they dispute besides (see [`Corroboration::partial`]). Linear in
    /// the members of the groups `c` agrees with.
    pub fn corroborating(&self, c: ClaimRef) -> Vec<Corroboration> {
        // Other claim -> agreeing (fact of c, fact of o) -> reason.
        let mut found: HashMap<ClaimRef, BTreeMap<(u32, u32), &'static str>> = HashMap::new();
        for &(k, g) in self.groups_of(c) {
            for &(h, reason) in &self.groups[g as usize].agrees {
                for m in &self.groups[h as usize].facts {
                    if m.file == c.file {
                        continue;
                    }
                    found
                        .entry(m.claim_ref())
                        .or_default()
                        .entry((k, m.fact))
                        .or_insert(reason);
                }
            }
        }
        let mut file_disputes: HashMap<FileId, Vec<Conflict>> = HashMap::new();
        let mut days = DayCache::new();
        let fact = |k: u32| (k != WHOLE_CLAIM).then_some(k);
        let mut out: Vec<Corroboration> = found
            .into_iter()
            .map(|(o, pairs)| {
                let keys: Vec<(u32, u32)> = pairs.keys().copied().collect();
                let mut disputes = self.disputes(c, o, &keys, &mut file_disputes, &mut days);
                let c_first = c < o;
                // Agreements and disputes as `a`'s fact, `b`'s fact.
                let mut agreements: Vec<Agreement> = pairs
                    .into_iter()
                    .map(|((k, m), reason)| Agreement {
                        facts: if c_first {
                            (fact(k), fact(m))
                        } else {
                            (fact(m), fact(k))
                        },
                        reason,
                    })
                    .collect();
                agreements.sort();
                if !c_first {
                    for d in &mut disputes {
                        std::mem::swap(&mut d.a, &mut d.b);
                        std::mem::swap(&mut d.a_value, &mut d.b_value);
                    }
                }
                disputes.sort_by_key(|d| (d.a, d.b));
                disputes.dedup();
                let (a, b) = if c_first { (c, o) } else { (o, c) };
                Corroboration {
                    a,
                    b,
                    reason: agreements[0].reason.to_string(),
                    facts: agreements[0].facts,
                    agreements,
                    disputes,
                }
            })
            .collect();
        out.sort_by_key(|k| if k.a == c { k.b } else { k.a });
        out
    }

    /// Whether a claim in another file corroborates `c` without dispute
    /// (see [`Corroboration::partial`]).
    pub fn is_corroborated(&self, c: ClaimRef) -> bool {
        self.corroborating(c).iter().any(|k| !k.partial())
    }

    /// Every corroborating pair of claims, `a < b`. Quadratic in the worst
    /// case: for tests and small corpora.
    pub fn corroboration_pairs(&self) -> Vec<Corroboration> {
        let mut out = Vec::new();
        for c in self.claim_refs() {
            out.extend(self.corroborating(c).into_iter().filter(|k| k.a == c));
        }
        out
    }
}

#[cfg(test)]
#[path = "corroborate_tests.rs"]
mod tests;
