//! The parser's move scores at inference, computed for speed with the same
//! result as [`super::parser::features`] scored by the two [`Model`]s.
//!
//! What a parse spent its time on was looking up ~170 features per move in
//! two weight models, five cache misses each. Here:
//! - both models share one [`Table`] (one lookup per feature, usually one
//!   cache line);
//! - features of one token alone ("the word on top of the stack", "the tag
//!   of its leftmost dependent": 28 of them) are looked up once per token
//!   and sentence, not once per move;
//! - features of a dependency label alone, and the bias, are looked up
//!   once when the weights load;
//! - the ~130 features that conjoin several tokens are hashed and looked up
//!   per move, all lookups before any addition so that their misses
//!   overlap;
//! - a configuration with one legal move is not scored at all.
//!
//! Scores are integer sums of the same weights, so they are identical to
//! the models' whatever the order; [`super::parser::Parser::parse`] then
//! combines them exactly as before.
use super::parser::{child, count, dist, label_of, set, Context, ABSENT};
use super::transition::{State, NONE};
use super::weights::{Row, Table};
use crate::analysis::learn::hash::feature;
use crate::analysis::learn::perceptron::Model;

/// What a one-token feature reads of its token.
#[derive(Clone, Copy, Debug)]
enum Part {
    Word,
    Tag,
    WordTag,
}

/// The tokens a configuration's features look at.
#[derive(Clone, Copy, Debug)]
enum Role {
    S0,
    S1,
    S2,
    B0,
    B1,
    B2,
    S0L1,
    S0L2,
    S0R1,
    S0R2,
    S1L1,
    S1R1,
    B0L1,
    B0L2,
}

/// The templates of [`super::parser::features`] that read one token only.
const UNARY: [(u32, Role, Part); 28] = [
    (1, Role::S0, Part::Word),
    (2, Role::S0, Part::Tag),
    (3, Role::S0, Part::WordTag),
    (4, Role::S1, Part::Word),
    (5, Role::S1, Part::Tag),
    (6, Role::S1, Part::WordTag),
    (7, Role::B0, Part::Word),
    (8, Role::B0, Part::Tag),
    (9, Role::B0, Part::WordTag),
    (10, Role::B1, Part::Word),
    (11, Role::B1, Part::Tag),
    (12, Role::B1, Part::WordTag),
    (13, Role::B2, Part::Word),
    (14, Role::B2, Part::Tag),
    (15, Role::S2, Part::Tag),
    (16, Role::S2, Part::Word),
    (80, Role::S0L1, Part::Word),
    (81, Role::S0L1, Part::Tag),
    (83, Role::S0R1, Part::Word),
    (84, Role::S0R1, Part::Tag),
    (86, Role::S0L2, Part::Tag),
    (88, Role::S0R2, Part::Tag),
    (90, Role::B0L1, Part::Word),
    (91, Role::B0L1, Part::Tag),
    (93, Role::B0L2, Part::Tag),
    (95, Role::S1R1, Part::Tag),
    (97, Role::S1L1, Part::Tag),
    (99, Role::S1R1, Part::Word),
];

/// The templates that read one dependent's label only.
const LABEL: [(u32, Role); 8] = [
    (82, Role::S0L1),
    (85, Role::S0R1),
    (87, Role::S0L2),
    (89, Role::S0R2),
    (92, Role::B0L1),
    (94, Role::B0L2),
    (96, Role::S1R1),
    (98, Role::S1L1),
];

/// The parser's weights in the form inference reads.
#[derive(Clone, Debug, PartialEq)]
pub struct ParserWeights {
    table: Table,
    /// Labelled moves; the three directions follow in the table.
    n_moves: usize,
    n_labels: usize,
    bias: Row,
    /// Row of each [`LABEL`] template for labels `0..n_labels` and, last,
    /// for no dependent.
    labels: Vec<[Row; LABEL.len()]>,
}

impl ParserWeights {
    pub fn new(moves: &Model, arcs: &Model, n_labels: usize) -> ParserWeights {
        let table = Table::new(&[moves, arcs]);
        let labels = (0..=n_labels)
            .map(|l| {
                let v = if l == n_labels { ABSENT } else { l as u64 };
                LABEL.map(|(t, _)| table.find(feature(t, &[v])))
            })
            .collect();
        ParserWeights {
            bias: table.find(feature(0, &[])),
            table,
            n_moves: moves.n_classes(),
            n_labels,
            labels,
        }
    }

    /// Length of a score array: the moves, then the three directions.
    pub fn width(&self) -> usize {
        self.table.width()
    }

    pub fn n_moves(&self) -> usize {
        self.n_moves
    }
}

/// Per-sentence lookups and buffers of a [`Scorer`].
pub struct Scorer<'a> {
    w: &'a ParserWeights,
    cx: &'a Context,
    /// Rows of the [`UNARY`] templates for token `j` (`0..=n`, the root
    /// at `n`) at `unary[j * UNARY.len()..]`; the absent token last.
    unary: Vec<Row>,
    feats: Vec<u64>,
    rows: Vec<Row>,
}

impl<'a> Scorer<'a> {
    pub fn new(w: &'a ParserWeights, cx: &'a Context) -> Scorer<'a> {
        let n_tokens = cx.words.len(); // words and the root
        let mut unary = Vec::with_capacity((n_tokens + 1) * UNARY.len());
        for j in 0..=n_tokens {
            let (word, tag) = if j == n_tokens {
                (ABSENT, ABSENT)
            } else {
                (cx.words[j], cx.tags[j])
            };
            unary.extend(UNARY.iter().map(|&(t, _, part)| {
                w.table.find(match part {
                    Part::Word => feature(t, &[word]),
                    Part::Tag => feature(t, &[tag]),
                    Part::WordTag => feature(t, &[word, tag]),
                })
            }));
        }
        Scorer {
            w,
            cx,
            unary,
            feats: Vec::with_capacity(160),
            rows: Vec::with_capacity(160),
        }
    }

    /// Integer scores of every move and then every direction, as the
    /// models give them for `features(st, cx)`.
    pub fn scores(&mut self, st: &State, out: &mut [i32]) {
        out.iter_mut().for_each(|s| *s = 0);
        let t = &self.w.table;
        let roles = Roles::of(st);
        let none = self.cx.words.len();
        let mut unary = [0; UNARY.len()];
        for (k, &(_, role, _)) in UNARY.iter().enumerate() {
            let j = roles.get(role);
            let j = if j == NONE { none } else { j as usize };
            unary[k] = self.unary[j * UNARY.len() + k];
        }
        t.touch_rows(&unary);
        for &row in &unary {
            t.add(row, out);
        }
        for (k, &(template, role)) in LABEL.iter().enumerate() {
            let i = roles.get(role);
            let row = if i == NONE || i as usize >= st.n {
                self.w.labels[self.w.n_labels][k]
            } else {
                let l = st.labels[i as usize] as usize;
                match self.w.labels.get(l) {
                    Some(rows) if l < self.w.n_labels => rows[k],
                    _ => t.find(feature(template, &[l as u64])),
                }
            };
            t.add(row, out);
        }
        t.add(self.w.bias, out);
        joint_features(st, self.cx, &roles, &mut self.feats);
        t.add_all(&self.feats, &mut self.rows, out);
    }
}

/// The tokens of a configuration by [`Role`].
struct Roles {
    s0: u32,
    s1: u32,
    s2: u32,
    b0: u32,
    b1: u32,
    b2: u32,
    s0l1: u32,
    s0l2: u32,
    s0r1: u32,
    s0r2: u32,
    s1l1: u32,
    s1r1: u32,
    s1r2: u32,
    b0l1: u32,
    b0l2: u32,
}

impl Roles {
    fn of(st: &State) -> Roles {
        let (s0, s1, b0) = (st.s(0), st.s(1), st.buf(0));
        Roles {
            s0,
            s1,
            s2: st.s(2),
            b0,
            b1: st.buf(1),
            b2: st.buf(2),
            s0l1: child(&st.l1, s0),
            s0l2: child(&st.l2, s0),
            s0r1: child(&st.r1, s0),
            s0r2: child(&st.r2, s0),
            s1l1: child(&st.l1, s1),
            s1r1: child(&st.r1, s1),
            s1r2: child(&st.r2, s1),
            b0l1: child(&st.l1, b0),
            b0l2: child(&st.l2, b0),
        }
    }

    fn get(&self, r: Role) -> u32 {
        match r {
            Role::S0 => self.s0,
            Role::S1 => self.s1,
            Role::S2 => self.s2,
            Role::B0 => self.b0,
            Role::B1 => self.b1,
            Role::B2 => self.b2,
            Role::S0L1 => self.s0l1,
            Role::S0L2 => self.s0l2,
            Role::S0R1 => self.s0r1,
            Role::S0R2 => self.s0r2,
            Role::S1L1 => self.s1l1,
            Role::S1R1 => self.s1r1,
            Role::B0L1 => self.b0l1,
            Role::B0L2 => self.b0l2,
        }
    }
}

/// The templates of [`super::parser::features`] not in [`UNARY`],
/// [`LABEL`] or the bias: those that conjoin several tokens or read the
/// configuration (distances, valencies, label sets, commas). Same keys.
fn joint_features(st: &State, cx: &Context, r: &Roles, out: &mut Vec<u64>) {
    out.clear();
    let Roles {
        s0,
        s1,
        s2,
        b0,
        b1,
        b2,
        s0l1,
        s0l2,
        s0r1,
        s0r2,
        s1l1,
        s1r1,
        s1r2,
        b0l1,
        b0l2,
    } = *r;
    let (s0w, s0t, s1w, s1t, s2t) = (cx.w(s0), cx.t(s0), cx.w(s1), cx.t(s1), cx.t(s2));
    let (b0w, b0t, b1t, b2t) = (cx.w(b0), cx.t(b0), cx.t(b1), cx.t(b2));
    let f = |t: u32, parts: &[u64]| feature(t, parts);
    out.extend([
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
        // Labels of two dependents.
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

/// The keys [`Scorer::scores`] adds up for `st`, for tests: the joint
/// features, each one-token and one-label template, the bias.
#[cfg(test)]
pub fn all_keys(st: &State, cx: &Context) -> Vec<u64> {
    let roles = Roles::of(st);
    let mut out = Vec::new();
    joint_features(st, cx, &roles, &mut out);
    for &(t, role, part) in &UNARY {
        let j = roles.get(role);
        let (w, tag) = (cx.w(j), cx.t(j));
        out.push(match part {
            Part::Word => feature(t, &[w]),
            Part::Tag => feature(t, &[tag]),
            Part::WordTag => feature(t, &[w, tag]),
        });
    }
    for &(t, role) in &LABEL {
        out.push(feature(t, &[label_of(st, roles.get(role))]));
    }
    out.push(feature(0, &[]));
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::annotate::annotate;
    use super::super::engine::load_embedded;
    use super::super::lex::Lex;
    use super::super::parser::features;
    use super::super::tokenize::tokenize;
    use super::super::transition::Move;
    use super::*;

    /// Sentences of the example articles (a rough split is enough here).
    pub(in crate::analysis::syntax) fn sentences() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nato-ukraine");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("example folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(f).expect("example text");
            out.extend(
                text.split(". ")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty()),
            );
        }
        out
    }

    /// At every move of every sentence, the fast scores are the models'
    /// scores of `features`, the keys are the same multiset, and the parse
    /// is the reference parse.
    #[test]
    fn fast_scores_equal_the_models_at_every_move() {
        let model = load_embedded().expect("built-in weights");
        let p = &model.parser;
        let w = ParserWeights::new(p.model(), p.arcs(), p.n_labels());
        let k = w.n_moves();
        let (mut moves, mut arcs, mut fast) = (vec![0; k], [0; 3], vec![0; w.width()]);
        let (mut feats, mut steps, mut parsed_sentences) = (Vec::new(), 0, 0);
        for s in sentences() {
            let spans = tokenize(&s, 0, s.len());
            if spans.is_empty() || spans.len() > 200 {
                continue;
            }
            let forms: Vec<&str> = spans.iter().map(|t| &s[t.start..t.end]).collect();
            let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
            let tags = model.tagger.tag(&lex);
            let cx = Context::new(&lex, &tags, &model.tagger.tags.upos);
            let reference = p.parse_reference(&cx, forms.len());
            let parsed = p.parse(&cx, forms.len());
            assert_eq!(parsed.heads, reference.heads, "{s}");
            assert_eq!(parsed.labels, reference.labels, "{s}");
            assert!(annotate(&model, &forms).is_some());
            // Walk legal moves in a rotating order (configurations a
            // parse may or may not reach) and compare scores on the way.
            let mut scorer = Scorer::new(&w, &cx);
            let mut st = State::new(forms.len());
            while !st.is_terminal() {
                features(&st, &cx, &mut feats);
                p.model().scores(&feats, &mut moves);
                p.arcs().scores(&feats, &mut arcs);
                scorer.scores(&st, &mut fast);
                assert_eq!(fast[..k], moves[..], "{s}");
                assert_eq!(fast[k..], arcs[..], "{s}");
                let mut a = all_keys(&st, &cx);
                a.sort_unstable();
                feats.sort_unstable();
                assert_eq!(a, feats);
                steps += 1;
                let m = (0..k)
                    .map(|i| Move::from_index((i + steps) % k, p.n_labels()))
                    .find(|&m| st.is_valid(m, p.root()))
                    .expect("a legal move");
                st.apply(m);
            }
            parsed_sentences += 1;
        }
        assert!(
            parsed_sentences > 40 && steps > 2000,
            "{parsed_sentences} sentences, {steps} moves"
        );
    }
}
