//! The join kept between builds and patched for the files that changed.
//!
//! A full join ([`super::build`]) groups every fact, buckets every group
//! and lists every pair of a bucket, although after typing in one file
//! only that file's facts differ. [`JoinState`] keeps what a join found,
//! by signature digest: each group's members and bucket keys, each
//! bucket's groups, and the outcomes of the pairs that gave something.
//! [`patch`] takes the changed files' facts out of their groups and puts
//! their new ones in, and compares only the pairs that a new group (or
//! one whose first member moved) makes; what it hands back is what a
//! full join of the same lists gives (groups in order of first member,
//! outcomes in order of the pair), which `tests/claims_incremental.rs`
//! and `engine_props` check.
//!
//! The state holds while the entities' names do (bucket keys and
//! comparisons read nothing else of the folder): the caller keeps it per
//! names epoch.
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::build::{compare, pair_key, sig_hash, PairMemo, PairOutcome, MAX_BUCKET_PAIRS};
use super::relate::RelateContext;
use super::sig::{Sig, LOOSE};
use super::FactRef;
use crate::analysis::linking::Entity;

/// Loose buckets (events of one day, of one country reported on one day)
/// with more groups than this are not compared at all.
pub(super) const MAX_LOOSE_BUCKET: usize = 64;

/// One file's signature list as a join reads it.
pub type SigList = Arc<Vec<(FactRef, Sig)>>;

/// What a join found, kept for the next one (see the module notes).
pub struct JoinState {
    /// The names epoch it holds under.
    pub names_epoch: u64,
    /// The lists it was made from (shared with the claims parts): a file
    /// whose list is another `Arc` changed.
    lists: Vec<SigList>,
    /// The digests of each file's facts as grouped (implied organisations
    /// settled), in list order.
    digests: Vec<Vec<u128>>,
    /// Settled signatures: (file, position in its list, digest).
    settled: Vec<(usize, usize, u128)>,
    /// The settled signatures themselves (what their groups compare).
    settled_sigs: FxHashMap<(usize, usize), Sig>,
    groups: FxHashMap<u128, Slot>,
    /// Bucket keys, each once (a group holds their numbers).
    key_ids: FxHashMap<String, u32>,
    /// Per key number: whether it is a loose key, and its groups.
    loose: Vec<bool>,
    buckets: Vec<Vec<u128>>,
    /// Outcomes that gave something, by (earlier group, later group) in
    /// order of first member (a group may be paired with itself).
    found: FxHashMap<(u128, u128), PairOutcome>,
    /// Every comparison made under these names, by [`pair_key`].
    pub memo: PairMemo,
    /// The memo's size after the last full join (it is cleared when
    /// patches have grown it far beyond).
    memo_base: usize,
    /// Sum over comparable buckets of n(n+1)/2: at most the pairs a full
    /// join would list.
    pair_bound: usize,
}

/// A group: its signature is its first member's (found in the lists, not
/// copied).
struct Slot {
    /// Bucket key numbers, sorted.
    keys: Vec<u32>,
    /// Members in the order a full join lists them (file, then list
    /// position, which is the order of `FactRef`s).
    facts: Vec<FactRef>,
    /// Groups this one has an entry of `found` with.
    links: FxHashSet<u128>,
}

/// A bucket whose groups are compared.
fn comparable(loose: bool, len: usize) -> bool {
    !loose || len <= MAX_LOOSE_BUCKET
}

/// The pairs a bucket of `len` groups lists when comparable.
fn bound(loose: bool, len: usize) -> usize {
    if comparable(loose, len) {
        len * (len + 1) / 2
    } else {
        0
    }
}

/// A join's result in the form both paths produce: the groups' members
/// in order of first member, and the pairs that gave something, `(i, j)`
/// with `i <= j`, sorted.
pub(super) struct Joined {
    pub(super) groups: Vec<Vec<FactRef>>,
    pub(super) found: Vec<(u32, u32, PairOutcome)>,
}

/// What a full join hands over to make the state from.
pub(super) struct FullJoin<'a> {
    pub names_epoch: u64,
    pub lists: Vec<SigList>,
    pub digests: Vec<Vec<u128>>,
    pub settled: Vec<(usize, usize, u128)>,
    pub settled_sigs: FxHashMap<(usize, usize), Sig>,
    /// Per group (in group order): digest, bucket keys, members.
    pub groups: Vec<(u128, Vec<String>, Vec<FactRef>)>,
    pub(super) found: &'a [(u32, u32, PairOutcome)],
    pub memo: PairMemo,
}

impl JoinState {
    pub(super) fn from_full(j: FullJoin) -> JoinState {
        let mut state = JoinState {
            names_epoch: j.names_epoch,
            lists: j.lists,
            digests: j.digests,
            settled: j.settled,
            settled_sigs: j.settled_sigs,
            groups: FxHashMap::default(),
            key_ids: FxHashMap::default(),
            loose: Vec::new(),
            buckets: Vec::new(),
            found: FxHashMap::default(),
            memo_base: j.memo.len(),
            memo: j.memo,
            pair_bound: 0,
        };
        debug_assert!(
            state
                .lists
                .iter()
                .all(|l| l.windows(2).all(|w| w[0].0 < w[1].0)),
            "a file's facts are listed in order"
        );
        let ids: Vec<u128> = j.groups.iter().map(|g| g.0).collect();
        for (d, keys, facts) in j.groups {
            let keys = state.intern(&keys);
            for &k in &keys {
                state.buckets[k as usize].push(d);
            }
            let slot = Slot {
                keys,
                facts,
                links: FxHashSet::default(),
            };
            state.groups.insert(d, slot);
        }
        for (i, j2, o) in j.found {
            let (x, y) = (ids[*i as usize], ids[*j2 as usize]);
            link(&mut state.groups, x, y);
            state.found.insert((x, y), o.clone());
        }
        state.pair_bound = state
            .buckets
            .iter()
            .zip(&state.loose)
            .map(|(v, &l)| bound(l, v.len()))
            .sum();
        state
    }

    /// The numbers of bucket keys, sorted (new keys get one).
    fn intern(&mut self, keys: &[String]) -> Vec<u32> {
        let mut out: Vec<u32> = keys
            .iter()
            .map(|k| match self.key_ids.get(k) {
                Some(&n) => n,
                None => {
                    let n = self.buckets.len() as u32;
                    self.key_ids.insert(k.clone(), n);
                    self.loose.push(k.starts_with(LOOSE));
                    self.buckets.push(Vec::new());
                    n
                }
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The signature group `d` compares with: its first member's.
    fn sig(&self, d: u128) -> &Sig {
        let m = self.groups[&d].facts[0];
        let f = m.file as usize;
        let list = &self.lists[f];
        let k = list
            .binary_search_by_key(&m, |(at, _)| *at)
            .expect("a member is listed");
        self.settled_sigs.get(&(f, k)).unwrap_or(&list[k].1)
    }
}

fn link(groups: &mut FxHashMap<u128, Slot>, x: u128, y: u128) {
    if let Some(s) = groups.get_mut(&x) {
        s.links.insert(y);
    }
    if let Some(s) = groups.get_mut(&y) {
        s.links.insert(x);
    }
}

fn unlink(state: &mut JoinState, x: u128, y: u128) {
    state.found.remove(&(x, y));
    state.found.remove(&(y, x));
    if let Some(s) = state.groups.get_mut(&x) {
        s.links.remove(&y);
    }
    if let Some(s) = state.groups.get_mut(&y) {
        s.links.remove(&x);
    }
}

/// What a patch reads besides the state.
pub struct PatchInputs<'a> {
    pub entities: &'a [Entity],
    pub cx: &'a RelateContext<'a>,
    pub lists: &'a [SigList],
    /// `hashes[f][k]` is [`sig_hash`] of `lists[f][k]`.
    pub hashes: &'a [&'a [u128]],
    /// Settled signatures of these lists (see `offices::settle_roles`).
    pub settled: &'a [(usize, usize, Sig)],
}

/// Counts of a patch, for [`crate::analysis::claims_parts::Reuse`].
#[derive(Default)]
pub struct PatchStats {
    pub compared: usize,
    pub reused: usize,
    /// The files whose place in the join may differ from before the
    /// patch, sorted: those whose lists changed, the other members of the
    /// groups their facts left or joined, and the members of every group
    /// linked to those (before or after) or whose pair was compared again
    /// and gave something either time. No other file's groups, links or
    /// outcomes changed, so no other file's conflicts did (what the
    /// diagnostics after an edit recompute).
    pub dirty: Vec<u32>,
}

/// Adds the files of `d`'s members, and with `linked` those of every
/// group linked to it, to `out`.
fn note(state: &JoinState, d: u128, linked: bool, out: &mut FxHashSet<u32>) {
    let Some(slot) = state.groups.get(&d) else {
        return;
    };
    out.extend(slot.facts.iter().map(|m| m.file));
    if linked {
        for l in &slot.links {
            if let Some(s) = state.groups.get(l) {
                out.extend(s.facts.iter().map(|m| m.file));
            }
        }
    }
}

/// Patch `state` to the join of `inp.lists`. Refused, handing back the
/// comparisons made so far, when a full join is the better (or the only
/// exact) way: another number of files, many files changed, or more
/// pairs than a full join would compare.
pub(super) fn patch(
    mut state: JoinState,
    inp: &PatchInputs,
) -> Result<(Joined, JoinState, PatchStats), PairMemo> {
    let n = inp.lists.len();
    if state.lists.len() != n {
        return Err(state.memo);
    }
    let settled: Vec<(usize, usize, u128)> = inp
        .settled
        .iter()
        .map(|(f, k, s)| (*f, *k, sig_hash(s)))
        .collect();
    let mut changed: Vec<bool> = (0..n)
        .map(|f| !Arc::ptr_eq(&state.lists[f], &inp.lists[f]))
        .collect();
    if settled != state.settled {
        let old: FxHashSet<&(usize, usize, u128)> = state.settled.iter().collect();
        let new: FxHashSet<&(usize, usize, u128)> = settled.iter().collect();
        for (f, _, _) in old.symmetric_difference(&new) {
            changed[*f] = true;
        }
    }
    let files: Vec<usize> = (0..n).filter(|&f| changed[f]).collect();
    if files.len() > 64 && files.len() * 8 > n {
        return Err(state.memo);
    }
    // Who the changed files' facts were grouped and linked with before.
    let mut dirty: FxHashSet<u32> = files.iter().map(|&f| f as u32).collect();
    for &f in &files {
        for &d in &state.digests[f] {
            note(&state, d, true, &mut dirty);
        }
    }
    // From here on the state describes the new lists.
    state.lists = inp.lists.to_vec();
    state.settled = settled;
    state.settled_sigs = inp
        .settled
        .iter()
        .map(|(f, k, s)| ((*f, *k), s.clone()))
        .collect();
    // Take the changed files' facts out of their groups.
    let mut first_before: FxHashMap<u128, Option<FactRef>> = FxHashMap::default();
    for &f in &files {
        let mut old = std::mem::take(&mut state.digests[f]);
        old.sort_unstable();
        old.dedup();
        for d in old {
            let Some(slot) = state.groups.get_mut(&d) else {
                continue;
            };
            first_before
                .entry(d)
                .or_insert_with(|| slot.facts.first().copied());
            slot.facts.retain(|m| m.file as usize != f);
        }
    }
    // Put their new facts in, at their file's place.
    let mut born: Vec<u128> = Vec::new();
    for &f in &files {
        let list = &inp.lists[f];
        let mut ds = Vec::with_capacity(list.len());
        let mut here: FxHashMap<u128, Vec<FactRef>> = FxHashMap::default();
        for (k, (at, sig)) in list.iter().enumerate() {
            let (d, sig) = match state.settled_sigs.get(&(f, k)) {
                Some(s) => (sig_hash(s), s),
                None => (inp.hashes[f][k], sig),
            };
            ds.push(d);
            if !state.groups.contains_key(&d) {
                let keys = sig.keys(inp.entities);
                let keys = state.intern(&keys);
                state.groups.insert(
                    d,
                    Slot {
                        keys,
                        facts: Vec::new(),
                        links: FxHashSet::default(),
                    },
                );
                first_before.insert(d, None);
                born.push(d);
            }
            here.entry(d).or_default().push(*at);
        }
        for (d, facts) in here {
            let slot = state.groups.get_mut(&d).expect("inserted above");
            first_before
                .entry(d)
                .or_insert_with(|| slot.facts.first().copied());
            let at = slot.facts.partition_point(|m| (m.file as usize) < f);
            slot.facts.splice(at..at, facts);
        }
        state.digests[f] = ds;
    }
    // Groups left empty go; new ones join their buckets.
    let gone: Vec<u128> = first_before
        .keys()
        .copied()
        .filter(|d| state.groups.get(d).is_some_and(|s| s.facts.is_empty()))
        .collect();
    let mut touched: FxHashMap<u32, usize> = FxHashMap::default();
    for d in &gone {
        let slot = state.groups.get(d).expect("listed from the map");
        let links: Vec<u128> = slot.links.iter().copied().collect();
        for &k in &slot.keys {
            let v = &mut state.buckets[k as usize];
            touched.entry(k).or_insert(v.len());
            v.retain(|x| x != d);
        }
        for y in links {
            unlink(&mut state, *d, y);
        }
        state.groups.remove(d);
    }
    born.retain(|d| state.groups.contains_key(d));
    for d in &born {
        for &k in &state.groups[d].keys {
            let v = &mut state.buckets[k as usize];
            touched.entry(k).or_insert(v.len());
            v.push(*d);
        }
    }
    let mut opened: Vec<u32> = Vec::new();
    let mut closed: Vec<u32> = Vec::new();
    for (&k, &before) in &touched {
        let loose = state.loose[k as usize];
        let now = state.buckets[k as usize].len();
        state.pair_bound = state.pair_bound - bound(loose, before) + bound(loose, now);
        match (comparable(loose, before), comparable(loose, now)) {
            (false, true) => opened.push(k),
            (true, false) => closed.push(k),
            _ => {}
        }
    }
    if state.pair_bound > MAX_BUCKET_PAIRS {
        return Err(state.memo);
    }
    let first = |state: &JoinState, d: &u128| state.groups[d].facts[0];
    // Pairs of a bucket no longer compared stay only through another.
    for k in closed {
        let members = state.buckets[k as usize].clone();
        for (a, x) in members.iter().enumerate() {
            for y in &members[a..] {
                let linked = state.groups[x].links.contains(y);
                if linked && !shares_comparable(&state, *x, *y) {
                    note(&state, *x, false, &mut dirty);
                    note(&state, *y, false, &mut dirty);
                    unlink(&mut state, *x, *y);
                }
            }
        }
    }
    // Pairs to compare: those of new groups and of groups whose first
    // member moved (their order against others may have turned), and
    // those of buckets compared from now on.
    let mut candidates: FxHashSet<(u128, u128)> = FxHashSet::default();
    let mut add = |x: u128, y: u128| {
        candidates.insert(if x <= y { (x, y) } else { (y, x) });
    };
    let moved: Vec<u128> = first_before
        .iter()
        .filter(|(d, before)| {
            state
                .groups
                .get(*d)
                .is_some_and(|s| s.facts.first() != before.as_ref())
        })
        .map(|(d, _)| *d)
        .collect();
    for d in &moved {
        for &k in &state.groups[d].keys {
            let v = &state.buckets[k as usize];
            if comparable(state.loose[k as usize], v.len()) {
                for y in v {
                    add(*d, *y);
                }
            }
        }
    }
    for k in opened {
        let v = &state.buckets[k as usize];
        for (a, x) in v.iter().enumerate() {
            for y in &v[a..] {
                add(*x, *y);
            }
        }
    }
    let mut stats = PatchStats::default();
    let mut candidates: Vec<(u128, u128)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    for (x, y) in candidates {
        // Oriented as a full join would: the group of the earlier first
        // member first.
        let (x, y) = if first(&state, &x) <= first(&state, &y) {
            (x, y)
        } else {
            (y, x)
        };
        let was = state.groups[&x].links.contains(&y);
        unlink(&mut state, x, y);
        let key = pair_key(x, y);
        stats.compared += 1;
        let outcome = match state.memo.get(key) {
            Some(o) => {
                stats.reused += 1;
                o
            }
            None => {
                let o = compare(inp.cx, state.sig(x), state.sig(y), x == y);
                state.memo.insert(key, &o);
                o
            }
        };
        let gives = !outcome.is_nothing();
        if was || gives {
            note(&state, x, false, &mut dirty);
            note(&state, y, false, &mut dirty);
        }
        if gives {
            link(&mut state.groups, x, y);
            state.found.insert((x, y), outcome);
        }
    }
    // Who they are grouped and linked with now.
    for &f in &files {
        for &d in &state.digests[f] {
            note(&state, d, true, &mut dirty);
        }
    }
    let mut dirty: Vec<u32> = dirty.into_iter().collect();
    dirty.sort_unstable();
    stats.dirty = dirty;
    if state.memo.len() > 2 * state.memo_base + 200_000 {
        state.memo = PairMemo::default();
        state.memo_base = 0;
    }
    let joined = state.joined();
    Ok((joined, state, stats))
}

/// Whether groups `x` and `y` share a bucket that is compared.
fn shares_comparable(state: &JoinState, x: u128, y: u128) -> bool {
    let ky = &state.groups[&y].keys;
    state.groups[&x].keys.iter().any(|&k| {
        ky.binary_search(&k).is_ok()
            && comparable(state.loose[k as usize], state.buckets[k as usize].len())
    })
}

impl JoinState {
    /// The join's result from the state (see [`Joined`]).
    fn joined(&self) -> Joined {
        let mut order: Vec<(FactRef, u128)> =
            self.groups.iter().map(|(d, s)| (s.facts[0], *d)).collect();
        order.sort_unstable();
        let id: FxHashMap<u128, u32> = order
            .iter()
            .enumerate()
            .map(|(i, (_, d))| (*d, i as u32))
            .collect();
        let groups = order
            .iter()
            .map(|(_, d)| self.groups[d].facts.clone())
            .collect();
        let mut found: Vec<(u32, u32, PairOutcome)> = self
            .found
            .iter()
            .map(|((x, y), o)| (id[x], id[y], o.clone()))
            .collect();
        found.sort_unstable_by_key(|(i, j, _)| (*i, *j));
        Joined { groups, found }
    }
}
