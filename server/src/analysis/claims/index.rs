//! Claims across files: which claims state the same fact (corroboration)
//! and which are incompatible (conflicts). Entities are compared through
//! the snapshot's linking, so "NATO", "the Alliance" and "North Atlantic
//! Alliance" are one organisation here.
//!
//! Conflicts are held to a higher standard than corroboration: a wrong
//! warning teaches users to ignore all warnings. Role holders conflict only
//! when both statements are about the present of files dated within a
//! month of each other (or the same file); quantities only for the same
//! subject, unit, measure ([`super::quantity::measure::same_measure`]) and
//! predicate, reported within two days, agreeing only when the amounts as
//! stated overlap; places only when their countries differ.
//!
//! Scale: facts are never compared pair by pair. Facts whose comparison
//! inputs are identical (same key, same value, same dates that the rules
//! look at) form one *group*; only group representatives are compared, and
//! agreements and conflicts are stored as edges between groups. A claim's
//! corroborators and conflicts are the members of the groups it is linked
//! to, expanded on demand (capped by the caller where shown). A corpus
//! where thousands of files state one fact, or a file that repeats one
//! sentence, is one group and costs linear time.
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use super::dates::{self, Ymd};
use super::facts::FactBody;
use super::quantity::{self, measure, measure::Measure};
use super::resolve::{country_of, name_index, name_tokens, same_time, self_when};
use super::roles;
use super::{ClaimSettings, FileClaims};
use crate::analysis::linking::Entity;
use crate::analysis::snapshot::{FileId, SourceFile};
use crate::analysis::text::fold::ascii_key;

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

/// Two claims in different files that state the same thing (`a < b`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Corroboration {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// "same role holder", "same amount", ..., or "same assertion".
    pub reason: String,
    /// The agreeing facts of `a` and `b` (indices into each claim's
    /// facts); `None` when the whole assertion agrees.
    pub facts: (Option<u32>, Option<u32>),
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
    members: Vec<Vec<Vec<(u32, u32)>>>,
    /// Lower-cased outlet -> files relying on it, in order.
    outlet_files: HashMap<String, Vec<FileId>>,
}

/// Everything the comparison rules look at for one fact, except which file
/// and claim it is in (same-file rules get that flag separately). Facts
/// with equal signatures relate identically to every other fact, so one
/// representative speaks for the group. Where a rule depends on dates the
/// dates are part of the signature: role holders carry their time (stated,
/// or the file's date), amounts their file's date, event dates the day
/// range read with their file's year. Groups are therefore "one value at
/// one date"; a corpus dated over many days has a group per value and day.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Sig {
    Role {
        title: String,
        /// `entity:<id>` or `text:<folded>`.
        org: String,
        /// As written (named in conflicts when not linked).
        org_text: String,
        person: u32,
        current: bool,
        when: Option<(Ymd, Ymd)>,
    },
    Quantity {
        subject: u32,
        unit: String,
        per: String,
        lo: u64,
        hi: u64,
        /// The amount as stated (bits of `Amount::stated`).
        stated: (u64, u64),
        vague: bool,
        measure: Measure,
        predicate: Vec<String>,
        text: String,
        /// The file's date: amounts compare only within two days.
        filed: Option<(Ymd, Ymd)>,
    },
    Event {
        event: String,
        entities: Vec<u32>,
        range: (Ymd, Ymd),
        text: String,
        /// The claim words a start or an end ("opens", "ends").
        phased: bool,
    },
    Location {
        subject: u32,
        heads: Vec<String>,
        places: Vec<u32>,
        text: String,
    },
    Assertion {
        /// Sorted, distinct.
        entities: Vec<u32>,
        /// Content stems as interned numbers, sorted, distinct.
        stems: Vec<u32>,
    },
}

/// Elements two sorted, distinct lists share.
fn shared_sorted(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl Sig {
    /// What the fact is about, without its value: only facts of one bucket
    /// are compared.
    fn bucket(&self) -> String {
        match self {
            Sig::Role { title, org, .. } => format!("role|{title}|{org}"),
            Sig::Quantity {
                subject, unit, per, ..
            } => format!("qty|{subject}|{unit}|{per}"),
            Sig::Event {
                event, entities, ..
            } => format!("event|{event}|{entities:?}"),
            Sig::Location { subject, .. } => format!("loc|{subject}"),
            Sig::Assertion { .. } => String::new(),
        }
    }
}

enum Outcome {
    Agree(&'static str),
    Conflict {
        kind: ConflictKind,
        subject: String,
        a_value: String,
        b_value: String,
    },
}

/// Events that often last several days (stems).
const MULTI_DAY: &[&str] = &[
    "summit",
    "conference",
    "talk",
    "talks",
    "forum",
    "congress",
    "session",
    "visit",
    "meeting",
];

/// Stems that date one phase of an event, not the event.
const PHASE_STEMS: &[&str] = &[
    "open", "close", "end", "begin", "start", "conclud", "last", "final", "first", "second",
    "third", "kick", "wrap", "until", "through",
];

pub struct Inputs<'a> {
    pub files: &'a [std::sync::Arc<SourceFile>],
    pub entities: &'a [Entity],
    pub mention_entity: &'a [Vec<u32>],
    pub settings: &'a ClaimSettings,
}

/// The comparison rules, on two signatures of one bucket (`x` the earlier
/// fact). These are the pairwise rules of old, unchanged; only what they
/// are applied to changed.
fn relate(
    inp: &Inputs,
    orgs: &HashMap<&str, &str>,
    x: &Sig,
    y: &Sig,
    same_file: bool,
) -> Option<Outcome> {
    match (x, y) {
        (
            Sig::Role {
                title: t1,
                org: o1,
                org_text,
                person: p1,
                current: c1,
                when: w1,
            },
            Sig::Role {
                title: t2,
                org: o2,
                person: p2,
                current: c2,
                when: w2,
                ..
            },
        ) if t1 == t2 && o1 == o2 => {
            let n1 = &inp.entities[*p1 as usize].canonical;
            let n2 = &inp.entities[*p2 as usize].canonical;
            let same_person =
                p1 == p2 || name_tokens(n1).iter().any(|t| name_tokens(n2).contains(t));
            if same_person {
                Some(Outcome::Agree("same role holder"))
            } else if *c1 && *c2 && same_time(same_file, *w1, *w2) {
                // The organisation as the corpus names it ("NATO" for "the
                // Alliance").
                let org = match o1.strip_prefix("entity:") {
                    Some(id) => orgs.get(id).copied().unwrap_or_default().to_string(),
                    None => org_text.clone(),
                };
                Some(Outcome::Conflict {
                    kind: ConflictKind::RoleHolder,
                    subject: format!("{org} {t1}"),
                    a_value: n1.clone(),
                    b_value: n2.clone(),
                })
            } else {
                None
            }
        }
        (
            Sig::Quantity {
                subject: s1,
                unit: u1,
                per: r1,
                lo: lo1,
                hi: hi1,
                stated: st1,
                vague: v1,
                measure: m1,
                predicate: p1,
                text: x1,
                filed: f1,
            },
            Sig::Quantity {
                subject: s2,
                unit: u2,
                per: r2,
                lo: lo2,
                hi: hi2,
                stated: st2,
                vague: v2,
                measure: m2,
                predicate: p2,
                text: x2,
                filed: f2,
            },
        ) if s1 == s2 && u1 == u2 && r1 == r2 && measure::same_measure(m1, m2) => {
            let shared = p1.iter().filter(|w| p2.contains(w)).count();
            // Same subject and unit is not enough ("32 countries of the
            // alliance decided" vs "arms from nearly 50 countries"): what
            // is counted must match too.
            let comparable = shared >= 2
                || (shared >= 1 && p1.len().min(p2.len()) <= 2)
                || (p1.is_empty() && p2.is_empty());
            // Amounts change (tolls rise, members join): only the same
            // file or files dated within two days compare.
            let same_moment = same_file
                || matches!((f1, f2), (Some(p), Some(q)) if dates::max_distance(*p, *q) <= 2);
            if !comparable || !same_moment {
                return None;
            }
            let (lo1, hi1, lo2, hi2) = (
                f64::from_bits(*lo1),
                f64::from_bits(*hi1),
                f64::from_bits(*lo2),
                f64::from_bits(*hi2),
            );
            let bits = |(a, b): (u64, u64)| (f64::from_bits(a), f64::from_bits(b));
            let ((sl1, sh1), (sl2, sh2)) = (bits(*st1), bits(*st2));
            if hi1 < lo2 || hi2 < lo1 {
                Some(Outcome::Conflict {
                    kind: ConflictKind::Quantity,
                    subject: format!("{} ({})", inp.entities[*s1 as usize].canonical, u1),
                    a_value: x1.clone(),
                    b_value: x2.clone(),
                })
            } else if !(*v1 || *v2 || sh1 < sl2 || sh2 < sl1) {
                // The same amount as stated: "at least four" and "12" are
                // compatible, not the same.
                Some(Outcome::Agree("same amount"))
            } else {
                None
            }
        }
        (
            Sig::Event {
                event: e1,
                entities: n1,
                range: r1,
                text: x1,
                phased: ph1,
            },
            Sig::Event {
                event: e2,
                entities: n2,
                range: r2,
                text: x2,
                phased: ph2,
            },
        ) if e1 == e2 && n1 == n2 => {
            let gap = dates::min_distance(*r1, *r2);
            // Summits and talks last days: "opens on 9 July" and "ends on
            // 11 July" agree. Only a clear gap, without words for a start
            // or an end, is a conflict.
            let multi_day = MULTI_DAY.contains(&e1.as_str());
            let tolerance = if multi_day { 5 } else { 0 };
            if gap <= tolerance {
                Some(Outcome::Agree("same event date"))
            } else if gap < 200 && !(*ph1 || *ph2) {
                let names: Vec<&str> = n1
                    .iter()
                    .map(|&e| inp.entities[e as usize].canonical.as_str())
                    .collect();
                Some(Outcome::Conflict {
                    kind: ConflictKind::EventDate,
                    subject: format!("{} {}", names.join(", "), e1),
                    a_value: x1.clone(),
                    b_value: x2.clone(),
                })
            } else {
                None
            }
        }
        (
            Sig::Location {
                subject: s1,
                heads: h1,
                places: ea,
                text: x1,
            },
            Sig::Location {
                subject: s2,
                heads: h2,
                places: eb,
                text: x2,
            },
        ) if s1 == s2
            && ((h1.is_empty() && h2.is_empty()) || h1.iter().any(|h| h2.contains(h))) =>
        {
            if ea.iter().any(|e| eb.contains(e)) {
                return Some(Outcome::Agree("same place"));
            }
            let ca: Vec<String> = ea
                .iter()
                .filter_map(|&e| country_of(&inp.entities[e as usize]))
                .collect();
            let cb: Vec<String> = eb
                .iter()
                .filter_map(|&e| country_of(&inp.entities[e as usize]))
                .collect();
            if !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|c| cb.contains(c)) {
                Some(Outcome::Conflict {
                    kind: ConflictKind::Location,
                    subject: format!("{} {}", inp.entities[*s1 as usize].canonical, h1.join("/"))
                        .trim()
                        .to_string(),
                    a_value: x1.clone(),
                    b_value: x2.clone(),
                })
            } else {
                None
            }
        }
        (
            Sig::Assertion {
                entities: a1,
                stems: a2,
            },
            Sig::Assertion {
                entities: b1,
                stems: b2,
            },
        ) => {
            let shared_e = shared_sorted(a1, b1);
            if shared_e < 2 && !(shared_e == 1 && a1.len() == 1 && b1.len() == 1) {
                return None;
            }
            let shared = shared_sorted(a2, b2);
            // Jaccard, not overlap with the shorter one: a long sentence
            // that mentions the same topic in passing is not the same
            // assertion.
            let union = (a2.len() + b2.len() - shared).max(1);
            let small = a2.len().min(b2.len()).max(1);
            let jaccard = shared as f64 / union as f64;
            let overlap = shared as f64 / small as f64;
            ((shared >= 3 && jaccard >= 0.25) || (shared >= 4 && overlap >= 0.5))
                .then_some(Outcome::Agree("same assertion"))
        }
        _ => None,
    }
}

/// Groups of equal signatures, in order of first member.
#[derive(Default)]
pub(super) struct Grouper {
    ids: HashMap<Sig, u32>,
    sigs: Vec<Sig>,
    facts: Vec<Vec<FactRef>>,
}

impl Grouper {
    fn add(&mut self, sig: Sig, at: FactRef) -> u32 {
        let n = self.sigs.len() as u32;
        let id = *self.ids.entry(sig).or_insert_with_key(|s| {
            self.sigs.push(s.clone());
            self.facts.push(Vec::new());
            n
        });
        self.facts[id as usize].push(at);
        id
    }
}

impl ClaimsIndex {
    pub fn build(inp: &Inputs, files: Vec<Arc<FileClaims>>) -> ClaimsIndex {
        let mut ix = ClaimsIndex {
            members: files
                .iter()
                .map(|fc| vec![Vec::new(); fc.claims.len()])
                .collect(),
            files,
            ..Default::default()
        };
        for (fi, fc) in ix.files.iter().enumerate() {
            for o in &fc.outlets {
                let v = ix.outlet_files.entry(o.to_ascii_lowercase()).or_default();
                if v.last() != Some(&(fi as FileId)) {
                    v.push(fi as FileId);
                }
            }
        }
        let names = name_index(inp.entities);
        let orgs: HashMap<&str, &str> = inp
            .entities
            .iter()
            .rev()
            .map(|e| (e.id.as_str(), e.canonical.as_str()))
            .collect();
        let mut facts = Grouper::default();
        for (fi, fc) in ix.files.iter().enumerate() {
            let me = &inp.mention_entity[fi];
            let filed = self_when(fc);
            for (ci, c) in fc.claims.iter().enumerate() {
                for (k, fact) in c.facts.iter().enumerate() {
                    let at = FactRef {
                        file: fi as FileId,
                        claim: ci as u32,
                        fact: k as u32,
                    };
                    let sig = match &fact.body {
                        FactBody::Role {
                            person, role, when, ..
                        } => {
                            let Some(org) = &role.org else { continue };
                            if !roles::is_single_holder(
                                &role.title,
                                &inp.settings.single_holder_roles,
                            ) {
                                continue;
                            }
                            let org_key = names
                                .get(&ascii_key(org))
                                .map(|e| format!("entity:{}", inp.entities[*e as usize].id))
                                .unwrap_or_else(|| format!("text:{}", ascii_key(org)));
                            Sig::Role {
                                title: role.title.clone(),
                                org: org_key,
                                org_text: org.clone(),
                                person: me[*person as usize],
                                current: roles::is_current(role.qualifier),
                                when: when.or(filed),
                            }
                        }
                        FactBody::Quantity {
                            subject,
                            amount,
                            measure,
                            predicate,
                        } => Sig::Quantity {
                            subject: me[*subject as usize],
                            // "12 dead" counts people.
                            unit: if amount.unit.is_empty() {
                                "person".to_string()
                            } else {
                                amount.unit.clone()
                            },
                            per: amount.per.clone(),
                            lo: amount.interval.lo.to_bits(),
                            hi: amount.interval.hi.to_bits(),
                            stated: (amount.stated.lo.to_bits(), amount.stated.hi.to_bits()),
                            vague: amount.form == quantity::Form::Vague,
                            measure: measure.clone(),
                            predicate: predicate.clone(),
                            text: fact.text.clone(),
                            filed,
                        },
                        FactBody::EventDate {
                            event,
                            entities,
                            date,
                            when,
                        } => {
                            // Without a year (its own, or resolved against
                            // the file's date) a date compares with nothing.
                            let Some(range) = date.range(None).or(*when) else {
                                continue;
                            };
                            let mut es: Vec<u32> =
                                entities.iter().map(|&m| me[m as usize]).collect();
                            es.sort();
                            es.dedup();
                            Sig::Event {
                                event: event.clone(),
                                entities: es,
                                range,
                                text: fact.text.clone(),
                                phased: c.stems.iter().any(|s| PHASE_STEMS.contains(&s.as_str())),
                            }
                        }
                        FactBody::Location {
                            subject,
                            heads,
                            places,
                            ..
                        } => Sig::Location {
                            subject: me[*subject as usize],
                            heads: heads.clone(),
                            places: places.iter().map(|&m| me[m as usize]).collect(),
                            text: fact.text.clone(),
                        },
                    };
                    facts.add(sig, at);
                }
            }
        }
        // Only facts about the same thing can agree or disagree: bucket the
        // groups, then compare group representatives within a bucket.
        let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
        for (g, sig) in facts.sigs.iter().enumerate() {
            buckets.entry(sig.bucket()).or_default().push(g as u32);
        }
        let mut bucket_list: Vec<Vec<u32>> = buckets.into_values().collect();
        bucket_list.sort();
        let pairs = bucket_list.iter().flat_map(|v| {
            v.iter()
                .enumerate()
                .flat_map(move |(k, &i)| v[k..].iter().map(move |&j| (i, j)))
        });
        let pairs: Vec<(u32, u32)> = pairs.collect();
        let started = std::time::Instant::now();
        let stats = (
            facts.facts.iter().map(Vec::len).sum::<usize>(),
            facts.sigs.len(),
            pairs.len(),
        );
        ix.add_groups(inp, &orgs, facts, pairs);
        let after_facts = started.elapsed();
        let (assertions, buckets, selves) = ix.assertion_groups(inp);
        let pair_count: usize = buckets.iter().map(|v| v.len() * (v.len() - 1) / 2).sum();
        let astats = (assertions.sigs.len(), pair_count);
        // Pairs of a bucket, compared as they come: a pair sharing several
        // entity pairs is compared more than once (its agreement is kept
        // once), which costs less than collecting and deduplicating
        // millions of pairs.
        let pairs = buckets.iter().flat_map(|v| {
            v.iter()
                .enumerate()
                .flat_map(move |(k, &i)| v[k + 1..].iter().map(move |&j| (i, j)))
        });
        let pairs = selves.iter().map(|&g| (g, g)).chain(pairs);
        ix.add_groups(inp, &orgs, assertions, pairs);
        let first = ix.groups.len() - astats.0;
        for g in first..ix.groups.len() {
            ix.groups[g].agrees.sort_unstable();
            ix.groups[g].agrees.dedup();
        }
        tracing::debug!(
            "claims index: {} facts in {} groups, {} group pairs ({:?}); {} assertion groups, {} pairs ({:?}); {} conflict edges",
            stats.0,
            stats.1,
            stats.2,
            after_facts,
            astats.0,
            astats.1,
            started.elapsed() - after_facts,
            ix.edges.len()
        );
        ix
    }

    /// Adds groups and the edges between the given pairs of them (indices
    /// local to `grouper`; a group may be paired with itself).
    fn add_groups(
        &mut self,
        inp: &Inputs,
        orgs: &HashMap<&str, &str>,
        grouper: Grouper,
        pairs: impl IntoIterator<Item = (u32, u32)>,
    ) {
        let base = self.groups.len() as u32;
        for (g, facts) in grouper.facts.into_iter().enumerate() {
            let id = base + g as u32;
            for f in &facts {
                self.members[f.file as usize][f.claim as usize].push((f.fact, id));
            }
            self.groups.push(Group {
                facts,
                ..Default::default()
            });
        }
        let sigs = &grouper.sigs;
        for (i, j) in pairs {
            let (x, y) = (&sigs[i as usize], &sigs[j as usize]);
            let cross = relate(inp, orgs, x, y, false);
            let same = relate(inp, orgs, x, y, true);
            let (gi, gj) = (base + i, base + j);
            if let Some(Outcome::Agree(reason)) = cross {
                self.groups[gi as usize].agrees.push((gj, reason));
                if gi != gj {
                    self.groups[gj as usize].agrees.push((gi, reason));
                }
            }
            let is_conflict = |o: &Option<Outcome>| matches!(o, Some(Outcome::Conflict { .. }));
            let (c1, c2) = (is_conflict(&cross), is_conflict(&same));
            if !c1 && !c2 {
                continue;
            }
            let Some(Outcome::Conflict {
                kind,
                subject,
                a_value,
                b_value,
            }) = (if c1 { cross } else { same })
            else {
                continue;
            };
            // The subject is worded from the earlier fact of a pair.
            let subject_ba = if gi == gj {
                subject.clone()
            } else {
                match relate(inp, orgs, y, x, !c1) {
                    Some(Outcome::Conflict { subject, .. }) => subject,
                    _ => subject.clone(),
                }
            };
            let e = self.edges.len() as u32;
            self.edges.push(Edge {
                kind,
                a: gi,
                b: gj,
                subject: [subject, subject_ba],
                a_value,
                b_value,
                cross: c1,
                same: c2,
            });
            self.groups[gi as usize].conflicts.push(e);
            if gi != gj {
                self.groups[gj as usize].conflicts.push(e);
            }
        }
    }

    /// Claims in different files with the same entities and the same key
    /// content words state the same thing. Claims with identical entities
    /// and stems are one group; candidate pairs of distinct groups share
    /// two entities (or their only one), so groups are bucketed by entity
    /// pairs.
    fn assertion_groups(&self, inp: &Inputs) -> (Grouper, Vec<Vec<u32>>, Vec<u32>) {
        let mut grouper = Grouper::default();
        let mut stem_ids: HashMap<&str, u32> = HashMap::new();
        for (fi, fc) in self.files.iter().enumerate() {
            let me = &inp.mention_entity[fi];
            for (ci, c) in fc.claims.iter().enumerate() {
                let mut es: Vec<u32> = c.names.iter().map(|&m| me[m as usize]).collect();
                es.sort();
                es.dedup();
                let mut stems: Vec<u32> = c
                    .stems
                    .iter()
                    .map(|w| {
                        let n = stem_ids.len() as u32;
                        *stem_ids.entry(w.as_str()).or_insert(n)
                    })
                    .collect();
                stems.sort_unstable();
                stems.dedup();
                let at = FactRef {
                    file: fi as FileId,
                    claim: ci as u32,
                    fact: WHOLE_CLAIM,
                };
                grouper.add(
                    Sig::Assertion {
                        entities: es,
                        stems,
                    },
                    at,
                );
            }
        }
        let mut buckets: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        for (g, sig) in grouper.sigs.iter().enumerate() {
            let Sig::Assertion {
                entities: es,
                stems,
            } = sig
            else {
                continue;
            };
            // Agreeing takes three shared stems.
            if stems.len() < 3 {
                continue;
            }
            if es.len() == 1 {
                buckets.entry((es[0], es[0])).or_default().push(g as u32);
            }
            for (k, &e1) in es.iter().enumerate().take(12) {
                for &e2 in es[k + 1..].iter().take(12) {
                    buckets.entry((e1, e2)).or_default().push(g as u32);
                }
            }
        }
        // Every bucketed group is compared with itself (its members agree
        // across files when it has the stems and entities to).
        let mut selves: Vec<u32> = buckets.values().flatten().copied().collect();
        selves.sort_unstable();
        selves.dedup();
        // Buckets in a fixed order (the result does not depend on it).
        let mut buckets: Vec<Vec<u32>> = buckets.into_values().filter(|v| v.len() > 1).collect();
        buckets.sort_unstable();
        (grouper, buckets, selves)
    }

    fn groups_of(&self, c: ClaimRef) -> &[(u32, u32)] {
        self.members
            .get(c.file as usize)
            .and_then(|f| f.get(c.claim as usize))
            .map(|v| v.as_slice())
            .unwrap_or_default()
    }

    /// Groups in conflict with `c` across files.
    fn conflicting_groups(&self, c: ClaimRef) -> HashSet<u32> {
        self.groups_of(c)
            .iter()
            .flat_map(|&(_, g)| {
                self.groups[g as usize]
                    .conflicts
                    .iter()
                    .map(move |&e| (g, &self.edges[e as usize]))
            })
            .filter(|(_, e)| e.cross)
            .map(|(g, e)| e.other(g))
            .collect()
    }

    /// Claims in other files that state what `c` states, in corpus order,
    /// each once, with the reason of its first agreeing fact. Claims in
    /// conflict with `c` do not also corroborate it. Linear in the members
    /// of the groups `c` agrees with.
    pub fn corroborating(&self, c: ClaimRef) -> Vec<Corroboration> {
        let conflicting = self.conflicting_groups(c);
        let mut best: HashMap<ClaimRef, ((u32, u32), &'static str)> = HashMap::new();
        for &(k, g) in self.groups_of(c) {
            for &(h, reason) in &self.groups[g as usize].agrees {
                for m in &self.groups[h as usize].facts {
                    if m.file == c.file {
                        continue;
                    }
                    let o = m.claim_ref();
                    // The reason of the first agreeing pair of facts, as
                    // when pairs were compared in corpus order.
                    let key = if c < o { (k, m.fact) } else { (m.fact, k) };
                    best.entry(o)
                        .and_modify(|b| {
                            if key < b.0 {
                                *b = (key, reason)
                            }
                        })
                        .or_insert((key, reason));
                }
            }
        }
        let mut out: Vec<Corroboration> = best
            .into_iter()
            .filter(|(o, _)| {
                conflicting.is_empty()
                    || !self
                        .groups_of(*o)
                        .iter()
                        .any(|(_, h)| conflicting.contains(h))
            })
            .map(|(o, (key, reason))| {
                let (a, b) = if c < o { (c, o) } else { (o, c) };
                let fact = |k: u32| (k != WHOLE_CLAIM).then_some(k);
                Corroboration {
                    a,
                    b,
                    reason: reason.to_string(),
                    facts: (fact(key.0), fact(key.1)),
                }
            })
            .collect();
        out.sort_by_key(|k| if k.a == c { k.b } else { k.a });
        out
    }

    /// Whether any claim in another file corroborates `c` (stops at the
    /// first).
    pub fn is_corroborated(&self, c: ClaimRef) -> bool {
        let conflicting = self.conflicting_groups(c);
        self.groups_of(c).iter().any(|&(_, g)| {
            self.groups[g as usize].agrees.iter().any(|&(h, _)| {
                self.groups[h as usize].facts.iter().any(|m| {
                    m.file != c.file
                        && (conflicting.is_empty()
                            || !self
                                .groups_of(m.claim_ref())
                                .iter()
                                .any(|(_, h)| conflicting.contains(h)))
                })
            })
        })
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
        self.members.iter().enumerate().flat_map(|(fi, f)| {
            (0..f.len()).map(move |ci| ClaimRef {
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

    /// Every corroborating pair of claims, `a < b`. Quadratic in the worst
    /// case: for tests and small corpora.
    pub fn corroboration_pairs(&self) -> Vec<Corroboration> {
        let mut out = Vec::new();
        for c in self.claim_refs() {
            out.extend(self.corroborating(c).into_iter().filter(|k| k.a == c));
        }
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
