//! The join: every file's fact signatures grouped (identical signatures
//! are one group), groups bucketed by frame key, and representatives of
//! one bucket compared. The per-file part ([`super::sig::file_sigs`]) is a
//! pure function of one file; this part only needs the lists.
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::patch::{patch, FullJoin, JoinState, Joined, PatchInputs, SigList, MAX_LOOSE_BUCKET};
use super::relate::{relate, Outcome, RelateContext};
use super::sig::{all_names, file_sigs, Sig, SigContext, LOOSE};
use super::{ClaimsIndex, Edge, FactRef, Group, Inputs};
use crate::analysis::claims::resolve::name_index;
use crate::analysis::claims::FileClaims;
use crate::analysis::snapshot::FileId;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

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
pub(super) fn pair_key(x: u128, y: u128) -> u128 {
    // An odd multiplier is a bijection: distinct pairs give distinct keys
    // but by a 2^-128 chance.
    x.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) ^ y
}

/// What comparing two groups gave: every `relate` outcome [`apply`]
/// uses for the pair. Most pairs give nothing and cost no allocation.
#[derive(Default)]
pub(super) struct PairOutcome {
    cross: Option<Outcome>,
    same: Option<Outcome>,
    /// The subject as worded from the other group's side (conflicts).
    subject_ba: Option<String>,
}

impl PairOutcome {
    pub(super) fn is_nothing(&self) -> bool {
        self.cross.is_none() && self.same.is_none() && self.subject_ba.is_none()
    }
}

/// The outcomes of a join's comparisons, by [`pair_key`] of the two
/// signatures: `relate` is a pure function of the pair and the
/// entities' names, so while those names are the same a later join
/// takes the outcome instead of comparing again (after an edit, only
/// the edited file's new signatures meet anything new).
#[derive(Default)]
pub struct PairMemo(FxHashMap<u128, Option<Box<PairOutcome>>>);

impl PairMemo {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn get(&self, key: u128) -> Option<PairOutcome> {
        self.0
            .get(&key)
            .map(|o| o.as_deref().cloned().unwrap_or_default())
    }

    pub(super) fn insert(&mut self, key: u128, o: &PairOutcome) {
        let kept = (!o.is_nothing()).then(|| Box::new(o.clone()));
        self.0.insert(key, kept);
    }
}

/// A join's use of a memo: the digests of the lists' signatures, and the
/// state of the previous join (its comparisons, and what a patch starts
/// from) when it holds for these entities.
pub struct JoinMemo<'a> {
    /// `hashes[f][k]` is [`sig_hash`] of `per_file[f][k]`.
    pub hashes: &'a [&'a [u128]],
    /// The lists themselves, as shared `Arc`s (what the state keeps).
    pub lists: &'a [SigList],
    pub names_epoch: u64,
    /// The previous join's state; replaced by this join's.
    pub state: Option<JoinState>,
    /// Pairs compared, and those taken from the memo.
    pub compared: usize,
    pub reused: usize,
    /// The join was a patch of the previous one.
    pub patched: bool,
    /// With a patch, the files whose place in the join may have changed
    /// (see [`super::patch::PatchStats::dirty`]).
    pub dirty: Option<Vec<u32>>,
    /// What the previous build found dating offices of undated files (for
    /// the same names and file numbers, else `None`); replaced by this
    /// build's.
    pub undated: Option<super::undated::UndatedMemo>,
}

/// What the join reads: every file's signature list, and optionally a
/// memo of comparisons.
pub struct Lists<'a, 'm> {
    pub per_file: &'a [&'a [(FactRef, Sig)]],
    pub memo: Option<&'m mut JoinMemo<'a>>,
}

/// Buckets larger than this are compared only within a window of groups
/// (a frame key shared by thousands of distinct values is a list, not a
/// fact to cross-check pair by pair).
pub(super) const MAX_BUCKET_PAIRS: usize = 2_000_000;

/// Pairs compared in parallel before their outcomes are taken in order.
const PAIRS_PER_BLOCK: usize = 16_384;

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

    /// The index's per-file parts: one empty membership list per claim,
    /// and the files relying on each outlet.
    fn started(files: Vec<Arc<FileClaims>>) -> ClaimsIndex {
        let mut ix = ClaimsIndex {
            members: super::members::Members::empty(files.iter().map(|fc| fc.claims.len())),
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
        ix
    }

    /// [`Self::join`], taking comparisons from and recording them in
    /// `lists.memo` when there is one, and patching the previous join
    /// when its state is there and the change is small.
    pub fn join_with(inp: &Inputs, files: Vec<Arc<FileClaims>>, lists: Lists) -> ClaimsIndex {
        let Lists { per_file, mut memo } = lists;
        let mut undated = memo.as_mut().map(|m| super::undated::MemoUse {
            previous: m.undated.take(),
            hashes: m.hashes,
            next: None,
        });
        let settled_roles = super::offices::settle_roles(inp.entities, per_file, undated.as_mut());
        if let (Some(u), Some(m)) = (undated, memo.as_mut()) {
            m.undated = u.next;
        }
        let mut ix = Self::started(files);
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
        let Some(m) = memo else {
            return full_join(&cx, ix, per_file, settled_roles, None);
        };
        let state = m.state.take().filter(|s| s.names_epoch == m.names_epoch);
        let old = match state {
            Some(state) => {
                let pi = PatchInputs {
                    entities: inp.entities,
                    cx: &cx,
                    lists: m.lists,
                    hashes: m.hashes,
                    settled: &settled_roles,
                };
                match patch(state, &pi) {
                    Ok((joined, state, stats)) => {
                        m.compared = stats.compared;
                        m.reused = stats.reused;
                        m.patched = true;
                        m.dirty = Some(stats.dirty);
                        m.state = Some(state);
                        ix.apply(joined);
                        return ix;
                    }
                    // A full join, with the comparisons made so far.
                    Err(memo) => Some(memo),
                }
            }
            None => None,
        };
        full_join(&cx, ix, per_file, settled_roles, Some((m, old)))
    }

    /// Adds the groups of `joined` and the edges of its pairs.
    fn apply(&mut self, joined: Joined) {
        let base = self.groups.len() as u32;
        for facts in joined.groups {
            self.groups.push(Group {
                facts,
                ..Default::default()
            });
        }
        self.members.fill(&self.groups);
        for (i, j, outcome) in joined.found {
            let PairOutcome {
                cross,
                same,
                subject_ba,
            } = outcome;
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

/// The join of every list: facts grouped by signature, groups bucketed by
/// frame key, the pairs of each bucket compared (or their outcome taken
/// from `memo`'s old comparisons). With a memo, the state a later join
/// patches is left in it.
fn full_join(
    cx: &RelateContext,
    mut ix: ClaimsIndex,
    per_file: &[&[(FactRef, Sig)]],
    settled_roles: Vec<(usize, usize, Sig)>,
    memo: Option<(&mut JoinMemo, Option<PairMemo>)>,
) -> ClaimsIndex {
    let entities = cx.entities;
    let mut grouper = Grouper::default();
    // The digest of each group's signature, and of each listed fact as
    // grouped (with a memo only).
    let mut digests: Vec<u128> = Vec::new();
    let mut fact_digests: Vec<Vec<u128>> = Vec::new();
    if std::env::var_os("CROSSCHECK_DEBUG_FACTS").is_some() {
        for (i, e) in entities.iter().enumerate() {
            tracing::info!(
                "entity {i}: {:?} {:?} {:?} {:?}",
                e.canonical,
                e.kind,
                crate::analysis::claims::resolve::place_kind(e),
                crate::analysis::claims::resolve::country_of(e)
            );
        }
        for (at, sig) in per_file.iter().copied().flatten() {
            tracing::info!("fact {at:?}: {sig:?} keys {:?}", sig.keys(entities));
        }
    }
    let mut settled = settled_roles.iter().peekable();
    for (fi, list) in per_file.iter().enumerate() {
        let mut ds = Vec::new();
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
            if let Some((m, _)) = &memo {
                let d = if was_settled {
                    sig_hash(sig)
                } else {
                    m.hashes[fi][k]
                };
                ds.push(d);
                if grouper.sigs.len() > before {
                    digests.push(d);
                }
            }
        }
        if memo.is_some() {
            fact_digests.push(ds);
        }
    }
    // Only facts of one frame can agree or disagree: bucket the groups
    // by frame key, then compare representatives within a bucket. A
    // pair sharing several keys is compared once.
    let group_keys: Vec<Vec<String>> = grouper.sigs.iter().map(|s| s.keys(entities)).collect();
    let mut buckets: HashMap<&str, Vec<u32>> = HashMap::new();
    for (g, keys) in group_keys.iter().enumerate() {
        for k in keys {
            buckets.entry(k.as_str()).or_default().push(g as u32);
        }
    }
    // A day's or a country's events in a large corpus are many
    // different events: such buckets are compared only while small.
    buckets.retain(|k, v| !k.starts_with(LOOSE) || v.len() <= MAX_LOOSE_BUCKET);
    let mut bucket_list: Vec<Vec<u32>> = buckets.into_values().collect();
    bucket_list.sort();
    let bound: usize = bucket_list
        .iter()
        .map(|v| v.len() * (v.len() + 1) / 2)
        .sum();
    let mut seen: FxHashSet<(u32, u32)> = FxHashSet::default();
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
    drop(seen);
    if budget == 0 {
        tracing::warn!(
            "claims index: more than {MAX_BUCKET_PAIRS} fact pairs to compare; the rest are skipped"
        );
    }
    let started = std::time::Instant::now();
    let n_pairs = pairs.len();
    let sigs = &grouper.sigs;
    let mut new_memo = PairMemo::default();
    let mut found: Vec<(u32, u32, PairOutcome)> = Vec::new();
    let (mut compared, mut reused) = (0, 0);
    let keyed = memo.is_some();
    let old = memo.as_ref().and_then(|(_, old)| old.as_ref());
    let key_of = |i: u32, j: u32| keyed.then(|| pair_key(digests[i as usize], digests[j as usize]));
    // `compare` is a pure function of the pair: blocks of pairs are
    // compared in parallel (a large folder has millions of pairs, which
    // one thread took seconds over), then taken in order, so the memo and
    // `found` are what one thread would make. Blocks bound the outcomes
    // held at once.
    for block in pairs.chunks(PAIRS_PER_BLOCK) {
        let outcomes: Vec<(Option<u128>, bool, PairOutcome)> = block
            .par_iter()
            .map(|&(i, j)| {
                let key = key_of(i, j);
                let known = old.zip(key).and_then(|(old, k)| old.get(k));
                let was_known = known.is_some();
                let o = known
                    .unwrap_or_else(|| compare(cx, sigs[i as usize], sigs[j as usize], i == j));
                (key, was_known, o)
            })
            .collect();
        for (&(i, j), (key, was_known, o)) in block.iter().zip(outcomes) {
            compared += 1;
            reused += was_known as usize;
            if let Some(k) = key {
                new_memo.insert(k, &o);
            }
            if !o.is_nothing() {
                found.push((i, j, o));
            }
        }
    }
    // In order of the pair: what a patch of the join gives too.
    found.sort_unstable_by_key(|(i, j, _)| (*i, *j));
    let facts = std::mem::take(&mut grouper.facts);
    if let Some((m, _)) = memo {
        m.compared = compared;
        m.reused = reused;
        // A join that left pairs out cannot be patched exactly.
        if bound <= MAX_BUCKET_PAIRS {
            m.state = Some(JoinState::from_full(FullJoin {
                names_epoch: m.names_epoch,
                lists: m.lists.to_vec(),
                digests: fact_digests,
                settled: settled_roles
                    .iter()
                    .map(|(f, k, s)| (*f, *k, sig_hash(s)))
                    .collect(),
                settled_sigs: settled_roles
                    .iter()
                    .map(|(f, k, s)| ((*f, *k), s.clone()))
                    .collect(),
                groups: digests
                    .iter()
                    .zip(group_keys)
                    .zip(&facts)
                    .map(|((d, k), f)| (*d, k, f.clone()))
                    .collect(),
                found: &found,
                memo: new_memo,
            }));
        }
    }
    let stats = (
        facts.iter().map(Vec::len).sum::<usize>(),
        facts.len(),
        n_pairs,
    );
    ix.apply(Joined {
        groups: facts,
        found,
    });
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

/// Compare the signatures of two groups (`x` and `y` one group's when
/// `self_pair`): across files, within a file, and for a conflict the
/// subject as worded from `y`'s side.
pub(super) fn compare(cx: &RelateContext, x: &Sig, y: &Sig, self_pair: bool) -> PairOutcome {
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
