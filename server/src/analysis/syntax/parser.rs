//! The greedy dependency parser: arc-hybrid moves chosen by an averaged
//! perceptron over the configuration's features (words and tags of the top
//! three stack items and the first three buffer items, their outermost
//! dependents and the labels of those, distances, valencies, label sets,
//! commas in between; after Zhang & Nivre 2011, adapted to arc-hybrid).
use super::labels::Upos;
use std::sync::Arc;

use super::lex::Lex;
use super::parse_scoring::{ParserWeights, Scorer};
use super::transition::{Move, State, NONE};
use crate::analysis::learn::hash::{feature, hash_str};
use crate::analysis::learn::perceptron::{argmax, Model};

/// Per-token values the parser's features read, for words `0..n` and the
/// root at `n`.
pub struct Context {
    pub words: Vec<u64>,
    /// Combined tag index + 1 (0 never occurs; the root has its own value).
    pub tags: Vec<u64>,
    /// Universal tag + 1 (coarser than `tags`, so better estimated).
    pub upos: Vec<u64>,
    /// Comma-like tokens before each position (prefix counts).
    commas: Vec<u32>,
}

pub(super) const ABSENT: u64 = 0x7fff_fffe;
const ROOT_TAG: u64 = 0x7fff_fffd;

impl Context {
    pub fn new(lex: &[Lex], tags: &[usize], upos_of_tag: &[Upos]) -> Context {
        let n = lex.len();
        let mut words: Vec<u64> = lex.iter().map(|l| l.word).collect();
        words.push(hash_str("<root>"));
        let mut t: Vec<u64> = tags.iter().map(|&t| t as u64 + 1).collect();
        t.push(ROOT_TAG);
        let mut u: Vec<u64> = tags
            .iter()
            .map(|&t| upos_of_tag.get(t).map_or(0, |u| *u as u64 + 1))
            .collect();
        u.push(ROOT_TAG);
        let mut commas = Vec::with_capacity(n + 2);
        let mut c = 0;
        commas.push(0);
        for l in lex {
            if matches!(l.norm.as_str(), "," | ";" | ":" | "--" | "-" | "(" | ")") {
                c += 1;
            }
            commas.push(c);
        }
        commas.push(c);
        Context {
            words,
            tags: t,
            upos: u,
            commas,
        }
    }

    pub(super) fn w(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.words[i as usize]
        }
    }

    pub(super) fn t(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.tags[i as usize]
        }
    }

    pub(super) fn u(&self, i: u32) -> u64 {
        if i == NONE {
            ABSENT
        } else {
            self.upos[i as usize]
        }
    }

    /// Comma-like tokens strictly between `a` and `b` (capped at 3).
    pub(super) fn commas_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 9;
        }
        let (lo, hi) = (a.min(b) as usize, a.max(b) as usize);
        let c = self.commas[hi] - self.commas[lo + 1];
        c.min(3) as u64
    }
}

pub(super) fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

pub(super) fn child(v: &[u32], i: u32) -> u32 {
    if i == NONE {
        NONE
    } else {
        v[i as usize]
    }
}

pub(super) fn label_of(st: &State, i: u32) -> u64 {
    if i == NONE || i as usize >= st.n {
        ABSENT
    } else {
        st.labels[i as usize] as u64
    }
}

pub(super) fn count(v: &[u8], i: u32) -> u64 {
    if i == NONE {
        ABSENT
    } else {
        v[i as usize] as u64
    }
}

pub(super) fn set(v: &[u64], i: u32) -> u64 {
    if i == NONE {
        ABSENT
    } else {
        v[i as usize]
    }
}

/// The features of a configuration.
pub fn features(st: &State, cx: &Context, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0t, s1w, s1t, s2t, s2w) =
        (cx.w(s0), cx.t(s0), cx.w(s1), cx.t(s1), cx.t(s2), cx.w(s2));
    let (b0w, b0t, b1w, b1t, b2w, b2t) =
        (cx.w(b0), cx.t(b0), cx.w(b1), cx.t(b1), cx.w(b2), cx.t(b2));
    let s0l1 = child(&st.l1, s0);
    let s0l2 = child(&st.l2, s0);
    let s0r1 = child(&st.r1, s0);
    let s0r2 = child(&st.r2, s0);
    let s1l1 = child(&st.l1, s1);
    let s1r1 = child(&st.r1, s1);
    let s1r2 = child(&st.r2, s1);
    let b0l1 = child(&st.l1, b0);
    let b0l2 = child(&st.l2, b0);
    let f = |t: u32, parts: &[u64]| feature(t, parts);
    out.extend([
        f(0, &[]),
        // Single items.
        f(1, &[s0w]),
        f(2, &[s0t]),
        f(3, &[s0w, s0t]),
        f(4, &[s1w]),
        f(5, &[s1t]),
        f(6, &[s1w, s1t]),
        f(7, &[b0w]),
        f(8, &[b0t]),
        f(9, &[b0w, b0t]),
        f(10, &[b1w]),
        f(11, &[b1t]),
        f(12, &[b1w, b1t]),
        f(13, &[b2w]),
        f(14, &[b2t]),
        f(15, &[s2t]),
        f(16, &[s2w]),
        // Pairs.
        f(20, &[s0w, s0t, b0w, b0t]),
        f(21, &[s0w, s0t, b0w]),
        f(22, &[s0w, b0w, b0t]),
        f(23, &[s0w, s0t, b0t]),
        f(24, &[s0t, b0w, b0t]),
        f(25, &[s0w, b0w]),
        f(26, &[s0t, b0t]),
        f(27, &[b0t, b1t]),
        f(28, &[s1w, s1t, s0w, s0t]),
        f(29, &[s1t, s0t]),
        f(30, &[s1w, s0w]),
        f(31, &[s1t, s0w]),
        f(32, &[s1w, s0t]),
        f(33, &[s1t, b0t]),
        f(34, &[s1w, s1t, s0t]),
        f(35, &[s1t, s0w, s0t]),
        // Triples of tags.
        f(40, &[b0t, b1t, b2t]),
        f(41, &[s0t, b0t, b1t]),
        f(42, &[s1t, s0t, b0t]),
        f(43, &[s2t, s1t, s0t]),
        f(44, &[s0t, cx.t(s0l1), b0t]),
        f(45, &[s0t, cx.t(s0r1), b0t]),
        f(46, &[s0t, b0t, cx.t(b0l1)]),
        f(47, &[s1t, s0t, cx.t(s0l1)]),
        f(48, &[s1t, s0t, cx.t(s0r1)]),
        f(49, &[s1t, cx.t(s1r1), s0t]),
        f(50, &[s1t, cx.t(s1l1), s0t]),
        f(51, &[s0t, cx.t(s0l1), cx.t(s0l2)]),
        f(52, &[s0t, cx.t(s0r1), cx.t(s0r2)]),
        f(53, &[b0t, cx.t(b0l1), cx.t(b0l2)]),
        f(54, &[s1t, cx.t(s1r1), cx.t(s1r2)]),
        f(55, &[s2t, s1t, b0t]),
        // Distances.
        f(60, &[s0w, dist(s0, b0)]),
        f(61, &[s0t, dist(s0, b0)]),
        f(62, &[b0w, dist(s0, b0)]),
        f(63, &[b0t, dist(s0, b0)]),
        f(64, &[s0t, b0t, dist(s0, b0)]),
        f(65, &[s1t, s0t, dist(s1, s0)]),
        f(66, &[s1w, dist(s1, s0)]),
        f(67, &[s0w, dist(s1, s0)]),
        f(68, &[s1w, s0w, dist(s1, s0)]),
        // Valency.
        f(70, &[s0w, count(&st.nr, s0)]),
        f(71, &[s0t, count(&st.nr, s0)]),
        f(72, &[s0w, count(&st.nl, s0)]),
        f(73, &[s0t, count(&st.nl, s0)]),
        f(74, &[b0w, count(&st.nl, b0)]),
        f(75, &[b0t, count(&st.nl, b0)]),
        f(76, &[s1w, count(&st.nr, s1)]),
        f(77, &[s1t, count(&st.nr, s1)]),
        f(78, &[s1t, count(&st.nl, s1)]),
        // Dependents and their labels.
        f(80, &[cx.w(s0l1)]),
        f(81, &[cx.t(s0l1)]),
        f(82, &[label_of(st, s0l1)]),
        f(83, &[cx.w(s0r1)]),
        f(84, &[cx.t(s0r1)]),
        f(85, &[label_of(st, s0r1)]),
        f(86, &[cx.t(s0l2)]),
        f(87, &[label_of(st, s0l2)]),
        f(88, &[cx.t(s0r2)]),
        f(89, &[label_of(st, s0r2)]),
        f(90, &[cx.w(b0l1)]),
        f(91, &[cx.t(b0l1)]),
        f(92, &[label_of(st, b0l1)]),
        f(93, &[cx.t(b0l2)]),
        f(94, &[label_of(st, b0l2)]),
        f(95, &[cx.t(s1r1)]),
        f(96, &[label_of(st, s1r1)]),
        f(97, &[cx.t(s1l1)]),
        f(98, &[label_of(st, s1l1)]),
        f(99, &[cx.w(s1r1)]),
        f(100, &[s0t, label_of(st, s0l1), label_of(st, s0l2)]),
        f(101, &[s0t, label_of(st, s0r1), label_of(st, s0r2)]),
        f(102, &[b0t, label_of(st, b0l1), label_of(st, b0l2)]),
        // Label sets.
        f(110, &[s0w, set(&st.lset, s0)]),
        f(111, &[s0t, set(&st.lset, s0)]),
        f(112, &[s0t, set(&st.rset, s0)]),
        f(113, &[b0t, set(&st.lset, b0)]),
        f(114, &[s1t, set(&st.rset, s1)]),
        f(115, &[s1t, set(&st.lset, s1)]),
        f(116, &[s0w, set(&st.rset, s0)]),
        // Punctuation between the candidates.
        f(120, &[s0t, b0t, cx.commas_between(s0, b0)]),
        f(121, &[s1t, s0t, cx.commas_between(s1, s0)]),
        f(122, &[s0w, cx.commas_between(s0, b0)]),
        f(123, &[s1w, s0t, cx.commas_between(s1, s0)]),
    ]);
    // The same configurations over universal tags: coarser, so better
    // estimated from a small treebank.
    let (s0u, s1u, s2u, b0u, b1u) = (cx.u(s0), cx.u(s1), cx.u(s2), cx.u(b0), cx.u(b1));
    out.extend([
        f(130, &[s0u, b0u]),
        f(131, &[s1u, s0u]),
        f(132, &[s0u, b0u, b1u]),
        f(133, &[s1u, s0u, b0u]),
        f(134, &[s2u, s1u, s0u]),
        f(135, &[s0w, b0u]),
        f(136, &[s0u, b0w]),
        f(137, &[s1u, s0w]),
        f(138, &[s1w, s0u]),
        f(139, &[s0u, cx.u(s0l1), b0u]),
        f(140, &[s0u, cx.u(s0r1), b0u]),
        f(141, &[s0u, b0u, cx.u(b0l1)]),
        f(142, &[s1u, s0u, cx.u(s0l1)]),
        f(143, &[s1u, s0u, cx.u(s0r1)]),
        f(144, &[s1u, cx.u(s1r1), s0u]),
        f(145, &[s0u, b0u, dist(s0, b0)]),
        f(146, &[s1u, s0u, dist(s1, s0)]),
        f(147, &[s0u, b0u, cx.commas_between(s0, b0)]),
        f(148, &[s1u, s0u, cx.commas_between(s1, s0)]),
        f(149, &[s0u, set(&st.lset, s0), set(&st.rset, s0)]),
        f(150, &[s1u, s0u, label_of(st, s0l1), label_of(st, s0r1)]),
    ]);
}

/// The direction class of a move in the arc model: 0 Shift, 1 Left, 2 Right.
pub fn direction(m: Move) -> usize {
    match m {
        Move::Shift => 0,
        Move::Left(_) => 1,
        Move::Right(_) => 2,
    }
}

/// A trained parser. A move's score is factored: the labelled move's own
/// weights plus the weights of its direction (Shift / Left / Right) in
/// `arcs`, so evidence about *whether* to attach is shared by all labels
/// (which matters with a small treebank and ~50 labels).
#[derive(Clone)]
pub struct Parser {
    /// Classes: every labelled move (see [`Move::index`]).
    model: Model,
    /// Classes: the three directions.
    arcs: Model,
    n_labels: usize,
    /// Index of the `root` label.
    root: u16,
    /// The same weights laid out for parsing (built from the two models,
    /// so never stored and never out of step with them).
    fast: Arc<ParserWeights>,
}

impl PartialEq for Parser {
    fn eq(&self, other: &Parser) -> bool {
        // `fast` follows from the rest.
        (&self.model, &self.arcs, self.n_labels, self.root)
            == (&other.model, &other.arcs, other.n_labels, other.root)
    }
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parser")
            .field("moves", &self.model.n_classes())
            .field(
                "features",
                &(self.model.n_features(), self.arcs.n_features()),
            )
            .field("n_labels", &self.n_labels)
            .field("root", &self.root)
            .finish()
    }
}

/// Combined move scores from the two parts (in perceptron units).
pub fn combine_scores(moves: &[f32], arcs: &[f32; 3], n_labels: usize, out: &mut [f32]) {
    for (i, o) in out.iter_mut().enumerate() {
        *o = moves[i] + arcs[direction(Move::from_index(i, n_labels))];
    }
}

/// The only legal move of a configuration that has one: Shift onto an
/// empty stack, or the last word to the root.
fn forced(st: &State, root: u16) -> Option<Move> {
    if st.stack.is_empty() && st.can_shift() {
        Some(Move::Shift)
    } else if st.stack.len() == 1 && !st.can_shift() {
        Some(Move::Left(root))
    } else {
        None
    }
}

impl Parser {
    /// `model` scores the labelled moves of `n_labels` labels (`root` is
    /// the index of `root`), `arcs` the three directions.
    pub fn new(model: Model, arcs: Model, n_labels: usize, root: u16) -> Parser {
        let fast = Arc::new(ParserWeights::new(&model, &arcs, n_labels));
        Parser {
            model,
            arcs,
            n_labels,
            root,
            fast,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn arcs(&self) -> &Model {
        &self.arcs
    }

    pub fn n_labels(&self) -> usize {
        self.n_labels
    }

    pub fn root(&self) -> u16 {
        self.root
    }

    /// Parse a tagged sentence: heads (`n` for the root) and label indices.
    pub fn parse(&self, cx: &Context, n: usize) -> State {
        let mut st = State::new(n);
        let w = &*self.fast;
        let mut scorer = Scorer::new(w, cx);
        let k = w.n_moves();
        let mut ints = vec![0i32; w.width()];
        let mut moves = vec![0f32; k];
        let mut scores = vec![0f32; k];
        let (ms, as_) = (self.model.scale(), self.arcs.scale());
        while !st.is_terminal() {
            // The argmax over one legal move is that move, whatever the
            // scores.
            if let Some(m) = forced(&st, self.root) {
                st.apply(m);
                continue;
            }
            scorer.scores(&st, &mut ints);
            for (m, &v) in moves.iter_mut().zip(&ints[..k]) {
                *m = v as f32 * ms;
            }
            let arcs = [ints[k], ints[k + 1], ints[k + 2]].map(|v| v as f32 * as_);
            combine_scores(&moves, &arcs, self.n_labels, &mut scores);
            let best = argmax(&scores, |i| {
                st.is_valid(Move::from_index(i, self.n_labels), self.root)
            });
            // Some move is always valid until the state is terminal; never
            // loop forever regardless.
            let Some(i) = best else { break };
            st.apply(Move::from_index(i, self.n_labels));
        }
        st
    }

    /// [`Parser::parse`] as it was written first: every feature of
    /// [`features`] looked up in both models at every move. The reference
    /// the fast path must equal.
    #[cfg(test)]
    pub fn parse_reference(&self, cx: &Context, n: usize) -> State {
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(160);
        let k = self.model.n_classes();
        let mut ints = vec![0i32; k];
        let mut arc_ints = [0i32; 3];
        let mut moves = vec![0f32; k];
        let mut scores = vec![0f32; k];
        let (ms, as_) = (self.model.scale(), self.arcs.scale());
        while !st.is_terminal() {
            features(&st, cx, &mut feats);
            self.model.scores(&feats, &mut ints);
            self.arcs.scores(&feats, &mut arc_ints);
            for (m, &v) in moves.iter_mut().zip(&ints) {
                *m = v as f32 * ms;
            }
            let arcs = arc_ints.map(|v| v as f32 * as_);
            combine_scores(&moves, &arcs, self.n_labels, &mut scores);
            let best = argmax(&scores, |i| {
                st.is_valid(Move::from_index(i, self.n_labels), self.root)
            });
            let Some(i) = best else { break };
            st.apply(Move::from_index(i, self.n_labels));
        }
        st
    }
}
