//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the dynamic
//! oracle of Goldberg & Nivre (2013).
//!
//! Words are `0..n`; the artificial root is `n` and sits at the *end* of the
//! buffer, so it can only take a dependent when everything else is done.
//! Moves:
//! - `Shift`: push the buffer front onto the stack;
//! - `Left(l)`: `s0` becomes a dependent of the buffer front `b0`, pop;
//! - `Right(l)`: `s0` becomes a dependent of `s1`, pop.
//!
//! `Left` onto the root is allowed only when `s0` is the last stack item,
//! and only with the `root` label; so every finished parse is a single
//! projective tree. A sentence of `n` words takes exactly `2n` moves.

pub const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

impl Move {
    /// Class index for a model with `n_labels` labels:
    /// 0 = Shift, 1.. = Left(l), 1 + n_labels.. = Right(l).
    pub fn index(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l as usize,
            Move::Right(l) => 1 + n_labels + l as usize,
        }
    }

    pub fn from_index(i: usize, n_labels: usize) -> Move {
        if i == 0 {
            Move::Shift
        } else if i <= n_labels {
            Move::Left((i - 1) as u16)
        } else {
            Move::Right((i - 1 - n_labels) as u16)
        }
    }
}

/// A parser configuration, with what features need about children kept up
/// to date (two outermost children per side, counts, label sets).
#[derive(Clone, Debug)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// Buffer front; the buffer is `b..n` followed by the root `n`.
    pub b: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Leftmost and second-leftmost dependents (index `n` is the root).
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Bit set of the labels of left / right dependents (labels ≥ 64 share
    /// the last bit).
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
    on_stack: Vec<bool>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            l1: vec![NONE; n + 1],
            l2: vec![NONE; n + 1],
            r1: vec![NONE; n + 1],
            r2: vec![NONE; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            on_stack: vec![false; n + 1],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// The `k`-th stack item from the top, or `NONE`.
    pub fn s(&self, k: usize) -> u32 {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    /// The `k`-th buffer item (the root counts), or `NONE`.
    pub fn buf(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i as u32
        } else {
            NONE
        }
    }

    pub fn can_shift(&self) -> bool {
        self.b < self.n
    }

    pub fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1)
    }

    pub fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Whether `m` may be taken; `root` is the label index of `root`.
    pub fn is_valid(&self, m: Move, root: u16) -> bool {
        match m {
            Move::Shift => self.can_shift(),
            Move::Left(l) => self.can_left() && ((self.b == self.n) == (l == root)),
            Move::Right(l) => self.can_right() && l != root,
        }
    }

    fn attach(&mut self, d: u32, h: u32, label: u16) {
        let (d_, h_) = (d as usize, h as usize);
        self.heads[d_] = h;
        self.labels[d_] = label;
        let bit = 1u64 << label.min(63);
        if d < h {
            self.nl[h_] = self.nl[h_].saturating_add(1);
            self.lset[h_] |= bit;
            if self.l1[h_] == NONE || d < self.l1[h_] {
                self.l2[h_] = self.l1[h_];
                self.l1[h_] = d;
            } else if self.l2[h_] == NONE || d < self.l2[h_] {
                self.l2[h_] = d;
            }
        } else {
            self.nr[h_] = self.nr[h_].saturating_add(1);
            self.rset[h_] |= bit;
            if self.r1[h_] == NONE || d > self.r1[h_] {
                self.r2[h_] = self.r1[h_];
                self.r1[h_] = d;
            } else if self.r2[h_] == NONE || d > self.r2[h_] {
                self.r2[h_] = d;
            }
        }
    }

    /// Apply a move (which must be valid).
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b as u32);
                self.on_stack[self.b] = true;
                self.b += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().expect("valid move");
                self.on_stack[s0 as usize] = false;
                self.attach(s0, self.b as u32, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().expect("valid move");
                self.on_stack[s0 as usize] = false;
                let s1 = *self.stack.last().expect("valid move");
                self.attach(s0, s1, l);
            }
        }
    }

    /// Gold arcs that `m` makes unreachable (Goldberg & Nivre 2013), plus one
    /// for a wrong label on a gold arc. `gold` holds each word's gold head
    /// (`n` for the root), label, and dependents.
    pub fn cost(&self, m: Move, gold: &Gold) -> u32 {
        let n = self.n as u32;
        let b = self.b as u32;
        // Gold dependents of `h` still in the buffer (they can only attach
        // to `h` while it is on the stack).
        let deps_in_buffer = |h: u32| {
            gold.deps[h as usize]
                .iter()
                .filter(|&&d| d >= b && d < n)
                .count() as u32
        };
        match m {
            Move::Shift => {
                let mut c = gold.deps[self.b]
                    .iter()
                    .filter(|&&d| self.on_stack[d as usize])
                    .count() as u32;
                let h = gold.heads[self.b];
                let s0 = self.s(0);
                if h != n && h != s0 && self.on_stack[h as usize] {
                    c += 1;
                }
                // The root word must reach the root alone on the stack.
                if h == n && !self.stack.is_empty() {
                    c += 1;
                }
                c
            }
            Move::Left(l) => {
                let s0 = self.s(0);
                let h = gold.heads[s0 as usize];
                let mut c = deps_in_buffer(s0);
                if h != b {
                    let reachable =
                        h == self.s(1) || (h > b && h < n) || (h == n && self.stack.len() == 1);
                    c += reachable as u32;
                } else if gold.labels[s0 as usize] != l {
                    c += 1;
                }
                c
            }
            Move::Right(l) => {
                let s0 = self.s(0);
                let h = gold.heads[s0 as usize];
                let mut c = deps_in_buffer(s0);
                if h >= b && h < n {
                    c += 1;
                }
                if h == self.s(1) && gold.labels[s0 as usize] != l {
                    c += 1;
                }
                c
            }
        }
    }
}

/// A gold tree in the form the oracle needs.
#[derive(Clone, Debug)]
pub struct Gold {
    /// Head of each word; `n` for the root.
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Dependents of each word and of the root (index `n`).
    pub deps: Vec<Vec<u32>>,
}

impl Gold {
    /// `heads[i]` is 1-based as in CoNLL-U (0 = root).
    pub fn new(heads_1based: &[usize], labels: &[u16]) -> Gold {
        let n = heads_1based.len();
        let heads: Vec<u32> = heads_1based
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 })
            .collect();
        let mut deps = vec![Vec::new(); n + 1];
        for (d, &h) in heads.iter().enumerate() {
            deps[h as usize].push(d as u32);
        }
        Gold {
            heads,
            labels: labels.to_vec(),
            deps,
        }
    }
}

/// Whether a tree (1-based heads, 0 = root) has no crossing arcs.
pub fn is_projective(heads: &[usize]) -> bool {
    non_projective_arc(heads).is_none()
}

/// The dependent (0-based) of the shortest non-projective arc: an arc
/// `h → d` is non-projective when a word between `h` and `d` is not a
/// descendant of `h`.
fn non_projective_arc(heads: &[usize]) -> Option<usize> {
    let n = heads.len();
    // Is word `k` (1-based) a descendant of `h` (1-based, 0 = root)?
    let descends = |mut k: usize, h: usize| {
        for _ in 0..=n {
            if k == h {
                return true;
            }
            if k == 0 {
                return false;
            }
            k = heads[k - 1];
        }
        false
    };
    let mut best: Option<(usize, usize)> = None;
    for (d, &h) in heads.iter().enumerate() {
        let (lo, hi) = ((d + 1).min(h), (d + 1).max(h));
        if best.is_some_and(|(_, l)| hi - lo >= l) {
            continue;
        }
        if (lo + 1..hi).any(|k| !descends(k, h)) {
            best = Some((d, hi - lo));
        }
    }
    best.map(|(d, _)| d)
}

/// Make a tree projective by lifting: while an arc is crossed, reattach
/// the dependent of the shortest crossed arc to its head's head. Labels
/// are kept (the usual "lifting" approximation for training data).
pub fn projectivize(heads: &mut [usize]) {
    // Each lift moves a head one step up; bounded by n² lifts.
    let limit = heads.len() * heads.len() + 1;
    for _ in 0..limit {
        let Some(d) = non_projective_arc(heads) else {
            return;
        };
        let h = heads[d];
        if h == 0 {
            return;
        }
        heads[d] = heads[h - 1];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follow the zero-cost moves; the result must be the gold tree.
    fn oracle_parse(heads: &[usize], labels: &[u16], root: u16, n_labels: usize) -> Vec<u32> {
        let gold = Gold::new(heads, labels);
        let mut st = State::new(heads.len());
        let mut moves = 0;
        while !st.is_terminal() {
            let m = (0..1 + 2 * n_labels)
                .map(|i| Move::from_index(i, n_labels))
                .find(|&m| st.is_valid(m, root) && st.cost(m, &gold) == 0)
                .expect("a zero-cost move exists in a gold-reachable state");
            st.apply(m);
            moves += 1;
        }
        assert_eq!(moves, 2 * heads.len());
        for (d, &h) in gold.heads.iter().enumerate() {
            assert_eq!(st.heads[d], h);
            assert_eq!(st.labels[d], gold.labels[d]);
        }
        st.heads
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "NATO said Russia attacked Kyiv ." : said root; NATO nsubj; attacked ccomp
        let heads = [2, 0, 4, 2, 4, 2];
        let labels = [1, 0, 1, 2, 3, 4];
        oracle_parse(&heads, &labels, 0, 5);
        // A single word, a chain, a flat fan, right-branching.
        oracle_parse(&[0], &[0], 0, 1);
        oracle_parse(&[2, 3, 4, 0], &[1, 1, 1, 0], 0, 2);
        oracle_parse(&[0, 1, 1, 1, 1], &[0, 1, 1, 1, 1], 0, 2);
        oracle_parse(&[3, 3, 0, 3, 6, 4], &[1, 1, 0, 1, 1, 1], 0, 2);
    }

    #[test]
    fn oracle_reproduces_every_small_projective_tree() {
        // All head assignments for n = 1..=5 that form a single-rooted
        // projective tree.
        for n in 1..=5usize {
            let mut heads = vec![0usize; n];
            loop {
                if is_tree(&heads) && is_projective(&heads) {
                    let labels: Vec<u16> = heads.iter().map(|&h| (h == 0) as u16 ^ 1).collect();
                    // label 0 = root, 1 = other
                    oracle_parse(&heads, &labels, 0, 2);
                }
                // next assignment in base n+1
                let mut k = 0;
                while k < n {
                    heads[k] += 1;
                    if heads[k] <= n {
                        break;
                    }
                    heads[k] = 0;
                    k += 1;
                }
                if k == n {
                    break;
                }
            }
        }
    }

    fn is_tree(heads: &[usize]) -> bool {
        let n = heads.len();
        if heads.iter().filter(|&&h| h == 0).count() != 1 {
            return false;
        }
        for d in 0..n {
            if heads[d] == d + 1 {
                return false;
            }
            let mut x = d;
            let mut steps = 0;
            while heads[x] != 0 {
                x = heads[x] - 1;
                steps += 1;
                if steps > n {
                    return false;
                }
            }
        }
        true
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1->3, 2->4 cross: (word 1 head 3) and (word 2 head 4), root 3? build:
        // words 1..4: heads [3, 4, 0, 3] : arc(1,3) and arc(2,4) cross.
        let mut heads = vec![3, 4, 0, 3];
        assert!(!is_projective(&heads));
        projectivize(&mut heads);
        assert!(is_projective(&heads));
        assert!(is_tree(&heads));
    }

    #[test]
    fn any_move_sequence_ends_in_one_tree() {
        // Always take the first valid move in a rotating order: the result
        // must still be a single-rooted tree.
        for n in 1..8 {
            for rot in 0..3 {
                let mut st = State::new(n);
                let order = [Move::Right(1), Move::Left(1), Move::Shift, Move::Left(0)];
                let mut k = rot;
                while !st.is_terminal() {
                    let m = (0..4)
                        .map(|j| order[(k + j) % 4])
                        .find(|&m| st.is_valid(m, 0))
                        .unwrap();
                    st.apply(m);
                    k += 1;
                }
                let roots = st.heads.iter().filter(|&&h| h == n as u32).count();
                assert_eq!(roots, 1);
                assert!(st.heads.iter().all(|&h| h != NONE));
            }
        }
    }
}
