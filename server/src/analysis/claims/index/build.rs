//! The join: every file's fact signatures grouped (identical signatures
//! are one group), groups bucketed by frame key, and representatives of
//! one bucket compared. The per-file part ([`super::sig::file_sigs`]) is a
//! pure function of one file; this part only needs the lists.
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::relate::{relate, Outcome, RelateContext};
use super::sig::{all_names, file_sigs, Sig, SigContext, LOOSE};
use super::{ClaimsIndex, Edge, FactRef, Group, Inputs};
use crate::analysis::claims::resolve::name_index;
use crate::analysis::claims::FileClaims;
use crate::analysis::snapshot::FileId;

/// Groups of equal signatures, in order of first member. Signatures are
/// borrowed from the per-file lists (kept by the caller, shared between
/// snapshots): grouping copies none.
#[derive(Default)]
pub(super) struct Grouper<'a> {
    ids: HashMap<&'a Sig, u32>,
    sigs: Vec<&'a Sig>,
    facts: Vec<Vec<FactRef>>,
}

impl<'a> Grouper<'a> {
    fn add(&mut self, sig: &'a Sig, at: FactRef) -> u32 {
        let n = self.sigs.len() as u32;
        let id = *self.ids.entry(sig).or_insert_with(|| {
            self.sigs.push(sig);
            self.facts.push(Vec::new());
            n
        });
        self.facts[id as usize].push(at);
        id
    }
}

/// A 128-bit digest of a signature: two SipHash values of it under two
/// prefixes. Comparisons are remembered by the digests of the pair (see
/// [`PairMemo`]); at 128 bits two different signatures of one folder do
/// not meet by chance.
pub fn sig_hash(sig: &Sig) -> u128 {
    let half = |prefix: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        prefix.hash(&mut h);
        sig.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// The key of an ordered pair of signature digests.
fn pair_key(x: u128, y: u128) -> u128 {
    // An odd multiplier is a bijection: distinct pairs give distinct keys
    // but by a 2^-128 chance.
    x.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) ^ y
}

/// What comparing two groups gave: every `relate` outcome [`add_groups`]
/// uses for the pair. Most pairs give nothing and cost no allocation.
#[derive(Default)]
struct PairOutcome {
    cross: Option<Outcome>,
    same: Option<Outcome>,
    /// The subject as worded from the other group's side (conflicts).
    subject_ba: Option<String>,
}

/// The outcomes of a join's comparisons, by [`pair_key`] of the two
/// signatures: `relate` is a pure function of the pair and the
/// entities' names, so while those names are the same a later join
/// takes the outcome instead of comparing again (after an edit, only
/// the edited file's new signatures meet anything new).
#[derive(Default)]
pub struct PairMemo(HashMap<u128, Option<Box<PairOutcome>>>);

impl PairMemo {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A join's use of a memo: the digests of the lists' signatures, the
/// previous join's outcomes (valid for these entities), and the outcomes
/// of this one.
pub struct JoinMemo<'a> {
    /// `hashes[f][k]` is [`sig_hash`] of `per_file[f][k]`.
    pub hashes: &'a [&'a [u128]],
    pub old: Option<&'a PairMemo>,
    pub new: PairMemo,
    /// Pairs compared, and those taken from `old`.
    pub compared: usize,
    pub reused: usize,
}

/// What the join reads: every file's signature list, and optionally a
/// memo of comparisons.
pub struct Lists<'a, 'm> {
    pub per_file: &'a [&'a [(FactRef, Sig)]],
    pub memo: Option<&'m mut JoinMemo<'a>>,
}

/// Loose buckets (events of one day, of one country reported on one day)
/// with more groups than this are not compared at all.
const MAX_LOOSE_BUCKET: usize = 64;

/// Buckets larger than this are compared only within a window of groups
/// (a frame key shared by thousands of distinct values is a list, not a
/// fact to cross-check pair by pair).
const MAX_BUCKET_PAIRS: usize = 2_000_000;

impl ClaimsIndex {
    pub fn build(inp: &Inputs, files: Vec<Arc<FileClaims>>) -> ClaimsIndex {
        let names = name_index(inp.entities);
        let everyone = all_names(inp.entities);
        let sx = SigContext {
            entities: inp.entities,
            names: &names,
            all_names: &everyone,
            settings: inp.settings,
        };
        let per_file: Vec<Vec<(FactRef, Sig)>> = files
            .iter()
            .enumerate()
            .map(|(fi, fc)| file_sigs(&sx, fi as FileId, fc, &inp.mention_entity[fi]))
            .collect();
        let lists: Vec<&[(FactRef, Sig)]> = per_file.iter().map(Vec::as_slice).collect();
        Self::join(inp, files, &lists)
    }

    /// Join per-file signature lists (file `i`'s list first lists facts of
    /// file `i`) into the index. The lists are only read: a caller that
    /// keeps them between snapshots (`analysis::claims_parts`) copies
    /// nothing per build.
    pub fn join(
        inp: &Inputs,
        files: Vec<Arc<FileClaims>>,
        per_file: &[&[(FactRef, Sig)]],
    ) -> ClaimsIndex {
        Self::join_with(
            inp,
            files,
            Lists {
                per_file,
                memo: None,
            },
        )
    }

    /// [`Self::join`], taking comparisons from and recording them in
    /// `lists.memo` when there is one.
    pub fn join_with(inp: &Inputs, files: Vec<Arc<FileClaims>>, lists: Lists) -> ClaimsIndex {
        let Lists { per_file, memo } = lists;
        let settled_roles = super::offices::settle_roles(per_file);
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
        let orgs: HashMap<&str, &str> = inp
            .entities
            .iter()
            .rev()
            .map(|e| (e.id.as_str(), e.canonical.as_str()))
            .collect();
        let cx = RelateContext {
            entities: inp.entities,
            orgs: &orgs,
        };
        let mut grouper = Grouper::default();
        // The digest of each group's signature (with a memo only).
        let mut digests: Vec<u128> = Vec::new();
        if std::env::var_os("CROSSCHECK_DEBUG_FACTS").is_some() {
            for (at, sig) in per_file.iter().copied().flatten() {
                tracing::info!("fact {at:?}: {sig:?} keys {:?}", sig.keys(inp.entities));
            }
        }
        let mut settled = settled_roles.iter().peekable();
        for (fi, list) in per_file.iter().enumerate() {
            for (k, (at, sig)) in list.iter().enumerate() {
                let (sig, was_settled) = match settled.peek() {
                    Some((f, i, s)) if (*f, *i) == (fi, k) => {
                        settled.next();
                        (s, true)
                    }
                    _ => (sig, false),
                };
                let before = grouper.sigs.len();
                grouper.add(sig, *at);
                if let Some(m) = &memo {
                    if grouper.sigs.len() > before {
                        digests.push(if was_settled {
                            sig_hash(sig)
                        } else {
                            m.hashes[fi][k]
                        });
                    }
                }
            }
        }
        // Only facts of one frame can agree or disagree: bucket the groups
        // by frame key, then compare representatives within a bucket. A
        // pair sharing several keys is compared once.
        let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
        for (g, sig) in grouper.sigs.iter().enumerate() {
            for k in sig.keys(inp.entities) {
                buckets.entry(k).or_default().push(g as u32);
            }
        }
        // A day's or a country's events in a large corpus are many
        // different events: such buckets are compared only while small.
        buckets.retain(|k, v| !k.starts_with(LOOSE) || v.len() <= MAX_LOOSE_BUCKET);
        let mut bucket_list: Vec<Vec<u32>> = buckets.into_values().collect();
        bucket_list.sort();
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut budget = MAX_BUCKET_PAIRS;
        for v in &bucket_list {
            for (k, &i) in v.iter().enumerate() {
                for &j in &v[k..] {
                    if budget == 0 {
                        break;
                    }
                    let p = (i.min(j), i.max(j));
                    if seen.insert(p) {
                        budget -= 1;
                        pairs.push(p);
                    }
                }
            }
        }
        if budget == 0 {
            tracing::warn!(
                "claims index: more than {MAX_BUCKET_PAIRS} fact pairs to compare; the rest are skipped"
            );
        }
        let started = std::time::Instant::now();
        let stats = (
            grouper.facts.iter().map(Vec::len).sum::<usize>(),
            grouper.sigs.len(),
            pairs.len(),
        );
        let memo = memo.map(|m| (m, digests.as_slice()));
        ix.add_groups(&cx, grouper, pairs, memo);
        tracing::debug!(
            "claims index: {} facts in {} groups, {} group pairs ({:?}); {} conflict edges",
            stats.0,
            stats.1,
            stats.2,
            started.elapsed(),
            ix.edges.len()
        );
        ix
    }

    /// Adds groups and the edges between the given pairs of them (a group
    /// may be paired with itself).
    fn add_groups(
        &mut self,
        cx: &RelateContext,
        grouper: Grouper<'_>,
        pairs: impl IntoIterator<Item = (u32, u32)>,
        mut memo: Option<(&mut JoinMemo, &[u128])>,
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
            let (x, y) = (sigs[i as usize], sigs[j as usize]);
            let key = memo
                .as_ref()
                .map(|(_, d)| pair_key(d[i as usize], d[j as usize]));
            let known = match (&memo, key) {
                (Some((m, _)), Some(k)) => m.old.and_then(|o| o.0.get(&k)),
                _ => None,
            };
            let PairOutcome {
                cross,
                same,
                subject_ba,
            } = match known {
                Some(o) => o.as_deref().cloned().unwrap_or_default(),
                None => compare(cx, x, y, i == j),
            };
            if let (Some((m, _)), Some(k)) = (&mut memo, key) {
                m.compared += 1;
                m.reused += known.is_some() as usize;
                let nothing = cross.is_none() && same.is_none() && subject_ba.is_none();
                let kept = (!nothing).then(|| {
                    Box::new(PairOutcome {
                        cross: copy_outcome(&cross),
                        same: copy_outcome(&same),
                        subject_ba: subject_ba.clone(),
                    })
                });
                m.new.0.insert(k, kept);
            }
            if std::env::var_os("CROSSCHECK_DEBUG_FACTS").is_some() {
                let o = |r: &Option<Outcome>| match r {
                    Some(Outcome::Agree(why)) => why.to_string(),
                    Some(Outcome::Conflict { .. }) => "conflict".to_string(),
                    None => "-".to_string(),
                };
                tracing::info!(
                    "pair {:?} {:?}: {}",
                    self.groups[(base + i) as usize].facts[0],
                    self.groups[(base + j) as usize].facts[0],
                    o(&cross)
                );
            }
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
            let subject_ba = subject_ba.unwrap_or_else(|| subject.clone());
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
}

/// Compare the signatures of two groups (`x` and `y` one group's when
/// `self_pair`): across files, within a file, and for a conflict the
/// subject as worded from `y`'s side.
fn compare(cx: &RelateContext, x: &Sig, y: &Sig, self_pair: bool) -> PairOutcome {
    let cross = relate(cx, x, y, false);
    let same = relate(cx, x, y, true);
    let is_conflict = |o: &Option<Outcome>| matches!(o, Some(Outcome::Conflict { .. }));
    let c1 = is_conflict(&cross);
    // The subject is worded from the earlier fact of a pair.
    let subject_ba = (!self_pair && (c1 || is_conflict(&same)))
        .then(|| match relate(cx, y, x, !c1) {
            Some(Outcome::Conflict { subject, .. }) => Some(subject),
            _ => None,
        })
        .flatten();
    PairOutcome {
        cross,
        same,
        subject_ba,
    }
}

fn copy_outcome(o: &Option<Outcome>) -> Option<Outcome> {
    o.as_ref().map(|o| match o {
        Outcome::Agree(why) => Outcome::Agree(why),
        Outcome::Conflict {
            kind,
            subject,
            a_value,
            b_value,
        } => Outcome::Conflict {
            kind: *kind,
            subject: subject.clone(),
            a_value: a_value.clone(),
            b_value: b_value.clone(),
        },
    })
}

impl Clone for PairOutcome {
    fn clone(&self) -> PairOutcome {
        PairOutcome {
            cross: copy_outcome(&self.cross),
            same: copy_outcome(&self.same),
            subject_ba: self.subject_ba.clone(),
        }
    }
}
