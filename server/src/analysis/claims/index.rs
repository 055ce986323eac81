//! Claims across files: which claims state the same fact (corroboration)
//! and which are incompatible (conflicts). Entities are compared through
//! the snapshot's linking, so "NATO", "the Alliance" and "North Atlantic
//! Alliance" are one organisation here.
//!
//! Conflicts are held to a higher standard than corroboration: a wrong
//! warning teaches users to ignore all warnings. Role holders conflict only
//! when both statements are about the present of files dated within a
//! month of each other (or the same file); quantities only for the same
//! subject, unit and predicate, reported within two days; places only when
//! their countries differ.
use std::collections::HashMap;

use serde::Serialize;

use super::dates::{self, Ymd};
use super::facts::FactBody;
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    RoleHolder,
    Quantity,
    EventDate,
    Location,
}

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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Corroboration {
    pub a: ClaimRef,
    pub b: ClaimRef,
    /// "same fact" or "same assertion".
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct ClaimsIndex {
    pub files: Vec<std::sync::Arc<FileClaims>>,
    pub conflicts: Vec<Conflict>,
    pub corroborations: Vec<Corroboration>,
}

/// A fact with entities resolved to corpus entities.
#[derive(Clone, Debug)]
enum Key {
    Role {
        title: String,
        org: String,
        person: u32,
        current: bool,
        when: Option<(Ymd, Ymd)>,
    },
    Quantity {
        subject: u32,
        unit: String,
        per: String,
    },
    Event {
        event: String,
        entities: Vec<u32>,
    },
    Location {
        subject: u32,
        heads: Vec<String>,
    },
}

impl Key {
    /// What the fact is about, without its value.
    fn bucket(&self) -> String {
        match self {
            Key::Role { title, org, .. } => format!("role|{title}|{org}"),
            Key::Quantity { subject, unit, per } => format!("qty|{subject}|{unit}|{per}"),
            Key::Event { event, entities } => format!("event|{event}|{entities:?}"),
            Key::Location { subject, .. } => format!("loc|{subject}"),
        }
    }
}

struct Resolved {
    at: FactRef,
    key: Key,
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

impl ClaimsIndex {
    pub fn build(inp: &Inputs, files: Vec<std::sync::Arc<FileClaims>>) -> ClaimsIndex {
        let mut ix = ClaimsIndex {
            files,
            conflicts: Vec::new(),
            corroborations: Vec::new(),
        };
        let names = name_index(inp.entities);
        let mut resolved = Vec::new();
        for (fi, fc) in ix.files.iter().enumerate() {
            let me = &inp.mention_entity[fi];
            for (ci, c) in fc.claims.iter().enumerate() {
                for (k, fact) in c.facts.iter().enumerate() {
                    let at = FactRef {
                        file: fi as FileId,
                        claim: ci as u32,
                        fact: k as u32,
                    };
                    let key = match &fact.body {
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
                            Key::Role {
                                title: role.title.clone(),
                                org: org_key,
                                person: me[*person as usize],
                                current: roles::is_current(role.qualifier),
                                when: when.or_else(|| self_when(&ix.files[fi])),
                            }
                        }
                        FactBody::Quantity {
                            subject, amount, ..
                        } => Key::Quantity {
                            subject: me[*subject as usize],
                            unit: amount.unit.clone(),
                            per: amount.per.clone(),
                        },
                        FactBody::EventDate {
                            event, entities, ..
                        } => {
                            let mut es: Vec<u32> =
                                entities.iter().map(|&m| me[m as usize]).collect();
                            es.sort();
                            es.dedup();
                            Key::Event {
                                event: event.clone(),
                                entities: es,
                            }
                        }
                        FactBody::Location { subject, heads, .. } => Key::Location {
                            subject: me[*subject as usize],
                            heads: heads.clone(),
                        },
                    };
                    resolved.push(Resolved { at, key });
                }
            }
        }
        ix.compare(inp, &resolved);
        ix.near_identical(inp);
        ix.corroborations.sort_by_key(|c| (c.a, c.b));
        ix.corroborations.dedup_by_key(|c| (c.a, c.b));
        // Claims in conflict do not also corroborate each other.
        let conflicting: Vec<(ClaimRef, ClaimRef)> = ix
            .conflicts
            .iter()
            .map(|k| {
                let (a, b) = (k.a.claim_ref(), k.b.claim_ref());
                if a < b {
                    (a, b)
                } else {
                    (b, a)
                }
            })
            .collect();
        ix.corroborations
            .retain(|c| !conflicting.contains(&(c.a, c.b)));
        ix
    }

    fn fact(&self, r: FactRef) -> &super::Fact {
        &self.files[r.file as usize].claims[r.claim as usize].facts[r.fact as usize]
    }

    /// The publication day range of a file, if known well enough to
    /// compare times.
    fn when(&self, file: FileId) -> Option<(Ymd, Ymd)> {
        let d = self.files[file as usize].date.date.as_ref()?;
        Some((d.lo, d.hi))
    }

    pub(super) fn corroborate(&mut self, a: ClaimRef, b: ClaimRef, reason: &str) {
        if a.file == b.file {
            return;
        }
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.corroborations.push(Corroboration {
            a,
            b,
            reason: reason.to_string(),
        });
    }

    fn compare(&mut self, inp: &Inputs, facts: &[Resolved]) {
        // Only facts about the same thing can agree or disagree: bucket
        // them first so large corpora do not compare every pair.
        let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            buckets.entry(f.key.bucket()).or_default().push(i);
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for v in buckets.values() {
            for (k, &i) in v.iter().enumerate() {
                pairs.extend(v[k + 1..].iter().map(|&j| (i, j)));
            }
        }
        pairs.sort_unstable();
        for (i, j) in pairs {
            {
                let (x, y) = (&facts[i], &facts[j]);
                if x.at.claim_ref() == y.at.claim_ref() {
                    continue;
                }
                match (&x.key, &y.key) {
                    (
                        Key::Role {
                            title: t1,
                            org: o1,
                            person: p1,
                            current: c1,
                            when: w1,
                        },
                        Key::Role {
                            title: t2,
                            org: o2,
                            person: p2,
                            current: c2,
                            when: w2,
                        },
                    ) if t1 == t2 && o1 == o2 => {
                        let n1 = &inp.entities[*p1 as usize].canonical;
                        let n2 = &inp.entities[*p2 as usize].canonical;
                        let same_person =
                            p1 == p2 || name_tokens(n1).iter().any(|t| name_tokens(n2).contains(t));
                        if same_person {
                            self.corroborate(
                                x.at.claim_ref(),
                                y.at.claim_ref(),
                                "same role holder",
                            );
                        } else if *c1 && *c2 && same_time(x.at.file == y.at.file, *w1, *w2) {
                            // The organisation as the corpus names it ("NATO" for
                            // "the Alliance").
                            let org = match o1.strip_prefix("entity:") {
                                Some(id) => inp
                                    .entities
                                    .iter()
                                    .find(|e| e.id == id)
                                    .map(|e| e.canonical.clone())
                                    .unwrap_or_default(),
                                None => match &self.fact(x.at).body {
                                    FactBody::Role { role, .. } => {
                                        role.org.clone().unwrap_or_default()
                                    }
                                    _ => String::new(),
                                },
                            };
                            self.conflicts.push(Conflict {
                                kind: ConflictKind::RoleHolder,
                                a: x.at,
                                b: y.at,
                                subject: format!("{org} {t1}"),
                                a_value: n1.clone(),
                                b_value: n2.clone(),
                            });
                        }
                    }
                    (
                        Key::Quantity {
                            subject: s1,
                            unit: u1,
                            per: r1,
                        },
                        Key::Quantity {
                            subject: s2,
                            unit: u2,
                            per: r2,
                        },
                    ) if s1 == s2 && u1 == u2 && r1 == r2 => {
                        let (fa, fb) = (self.fact(x.at), self.fact(y.at));
                        let (
                            FactBody::Quantity {
                                amount: a1,
                                predicate: p1,
                                ..
                            },
                            FactBody::Quantity {
                                amount: a2,
                                predicate: p2,
                                ..
                            },
                        ) = (&fa.body, &fb.body)
                        else {
                            continue;
                        };
                        let shared = p1.iter().filter(|w| p2.contains(w)).count();
                        // Same subject and unit is not enough ("32 countries of the
                        // alliance decided" vs "arms from nearly 50 countries"): what
                        // is counted must match too.
                        let comparable = shared >= 2
                            || (shared >= 1 && p1.len().min(p2.len()) <= 2)
                            || (p1.is_empty() && p2.is_empty());
                        // Amounts change (tolls rise, members join): only the same
                        // file or files dated within two days compare.
                        let same_moment = x.at.file == y.at.file
                            || matches!(
                                (self.when(x.at.file), self.when(y.at.file)),
                                (Some(p), Some(q)) if dates::max_distance(p, q) <= 2
                            );
                        if !comparable || !same_moment {
                            continue;
                        }
                        if a1.interval.disjoint(&a2.interval) {
                            let subject =
                                format!("{} ({})", inp.entities[*s1 as usize].canonical, u1);
                            let (av, bv) = (fa.text.clone(), fb.text.clone());
                            self.conflicts.push(Conflict {
                                kind: ConflictKind::Quantity,
                                a: x.at,
                                b: y.at,
                                subject,
                                a_value: av,
                                b_value: bv,
                            });
                        } else {
                            self.corroborate(x.at.claim_ref(), y.at.claim_ref(), "same amount");
                        }
                    }
                    (
                        Key::Event {
                            event: e1,
                            entities: n1,
                        },
                        Key::Event {
                            event: e2,
                            entities: n2,
                        },
                    ) if e1 == e2 && n1 == n2 => {
                        let (fa, fb) = (self.fact(x.at), self.fact(y.at));
                        let (
                            FactBody::EventDate { date: d1, .. },
                            FactBody::EventDate { date: d2, .. },
                        ) = (&fa.body, &fb.body)
                        else {
                            continue;
                        };
                        let year = |f: FileId| {
                            self.when(f)
                                .and_then(|(lo, hi)| (lo.y == hi.y).then_some(lo.y))
                        };
                        let (Some(r1), Some(r2)) =
                            (d1.range(year(x.at.file)), d2.range(year(y.at.file)))
                        else {
                            continue;
                        };
                        let gap = dates::min_distance(r1, r2);
                        // Summits and talks last days: "opens on 9 July" and
                        // "ends on 11 July" agree. Only a clear gap, without
                        // words for a start or an end, is a conflict.
                        let multi_day = MULTI_DAY.contains(&e1.as_str());
                        let phased = [x.at, y.at].iter().any(|r| {
                            let c = &self.files[r.file as usize].claims[r.claim as usize];
                            c.stems.iter().any(|s| PHASE_STEMS.contains(&s.as_str()))
                        });
                        let tolerance = if multi_day { 5 } else { 0 };
                        if gap <= tolerance {
                            self.corroborate(x.at.claim_ref(), y.at.claim_ref(), "same event date");
                        } else if gap < 200 && !phased {
                            let names: Vec<&str> = n1
                                .iter()
                                .map(|&e| inp.entities[e as usize].canonical.as_str())
                                .collect();
                            self.conflicts.push(Conflict {
                                kind: ConflictKind::EventDate,
                                a: x.at,
                                b: y.at,
                                subject: format!("{} {}", names.join(", "), e1),
                                a_value: fa.text.clone(),
                                b_value: fb.text.clone(),
                            });
                        }
                    }
                    (
                        Key::Location {
                            subject: s1,
                            heads: h1,
                        },
                        Key::Location {
                            subject: s2,
                            heads: h2,
                        },
                    ) if s1 == s2
                        && ((h1.is_empty() && h2.is_empty())
                            || h1.iter().any(|h| h2.contains(h))) =>
                    {
                        let (fa, fb) = (self.fact(x.at), self.fact(y.at));
                        let (
                            FactBody::Location { places: pa, .. },
                            FactBody::Location { places: pb, .. },
                        ) = (&fa.body, &fb.body)
                        else {
                            continue;
                        };
                        let me_a = &inp.mention_entity[x.at.file as usize];
                        let me_b = &inp.mention_entity[y.at.file as usize];
                        let ea: Vec<u32> = pa.iter().map(|&m| me_a[m as usize]).collect();
                        let eb: Vec<u32> = pb.iter().map(|&m| me_b[m as usize]).collect();
                        if ea.iter().any(|e| eb.contains(e)) {
                            self.corroborate(x.at.claim_ref(), y.at.claim_ref(), "same place");
                            continue;
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
                            self.conflicts.push(Conflict {
                                kind: ConflictKind::Location,
                                a: x.at,
                                b: y.at,
                                subject: format!(
                                    "{} {}",
                                    inp.entities[*s1 as usize].canonical,
                                    h1.join("/")
                                )
                                .trim()
                                .to_string(),
                                a_value: fa.text.clone(),
                                b_value: fb.text.clone(),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    pub fn corroborating(&self, c: ClaimRef) -> Vec<&Corroboration> {
        self.corroborations
            .iter()
            .filter(|k| k.a == c || k.b == c)
            .collect()
    }

    pub fn conflicts_of(&self, c: ClaimRef) -> Vec<&Conflict> {
        self.conflicts
            .iter()
            .filter(|k| k.a.claim_ref() == c || k.b.claim_ref() == c)
            .collect()
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
}
