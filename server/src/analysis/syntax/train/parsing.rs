//! Parser training: dependency labels by frequency, then the arc-hybrid
//! parser with the dynamic oracle, exploring its own mistakes after the
//! first epoch (Goldberg & Nivre 2012).
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::tagging::Tagged;
use super::TrainOptions;
use crate::analysis::learn::perceptron::{argmax, FinishOptions, Trainer};
use crate::analysis::learn::rng::SplitMix;
use crate::analysis::syntax::conllu::TreeSentence;
use crate::analysis::syntax::eval::{evaluate, Scores};
use crate::analysis::syntax::labels::DepRel;
use crate::analysis::syntax::lemma::Lemmatizer;
use crate::analysis::syntax::model::SyntaxModel;
use crate::analysis::syntax::parser::{
    combine_scores, direction, features as parser_features, Context, Parser,
};
use crate::analysis::syntax::tagger::TagSet;
use crate::analysis::syntax::transition::{projectivize, Gold, Move, State};

/// Dependency labels, most frequent first (a label's index is its place).
pub(super) struct Labels {
    pub list: Vec<DepRel>,
    index: FxHashMap<DepRel, u16>,
    pub root: u16,
}

/// The labels of the training data, by frequency.
pub(super) fn labels(train: &[TreeSentence]) -> Result<Labels, String> {
    let mut label_counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            let rel = DepRel::parse(&w.deprel)
                .ok_or_else(|| format!("unknown relation {:?} in training data", w.deprel))?;
            *label_counts.entry(rel.to_string()).or_default() += 1;
        }
    }
    let mut label_list: Vec<(String, usize)> = label_counts.into_iter().collect();
    label_list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let labels: Vec<DepRel> = label_list
        .iter()
        .map(|(l, _)| DepRel::parse(l).expect("parsed above"))
        .collect();
    let label_index: FxHashMap<DepRel, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (*l, i as u16))
        .collect();
    let root = *label_index
        .get(&DepRel::parse("root").expect("root"))
        .ok_or("no root label in training data")?;
    Ok(Labels {
        list: labels,
        index: label_index,
        root,
    })
}

/// Everything the parser is trained from; the tagger and lemmatiser are
/// there to score the development set as the finished model will.
pub(super) struct ParserInput<'a> {
    pub train: &'a [TreeSentence],
    pub tagged: &'a Tagged,
    pub tags: &'a TagSet,
    pub labels: &'a Labels,
    pub lemmatizer: &'a Lemmatizer,
}

/// Step 6 of training: the parser, scored on `dev` as it goes.
pub(super) fn train_parser(
    input: ParserInput,
    dev: &[TreeSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Parser {
    let ParserInput {
        train,
        tagged,
        tags,
        labels,
        lemmatizer,
    } = input;
    let (label_index, root) = (&labels.index, labels.root);
    let (train_tag, train_tags, tagger) = (&tagged.sents, &tagged.parser_tags, &tagged.tagger);
    let labels = &labels.list;
    let tags_set_upos = tags.upos.clone();
    let psents: Vec<ParseSent> = train
        .iter()
        .zip(train_tag)
        .zip(train_tags)
        .map(|((s, ts), tags)| {
            let mut heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            projectivize(&mut heads);
            let labs: Vec<u16> = s
                .words
                .iter()
                .map(|w| label_index[&DepRel::parse(&w.deprel).expect("parsed above")])
                .collect();
            ParseSent {
                cx: Context::new(&ts.lex, tags, &tags_set_upos),
                gold: Gold::new(&heads, &labs),
                n: s.words.len(),
            }
        })
        .collect();
    let n_labels = labels.len();
    let n_moves = 1 + 2 * n_labels;
    let mut trainer = Trainer::new(n_moves);
    let mut arc_trainer = Trainer::new(3);
    let mut arc_scores = [0f32; 3];
    let mut move_scores = vec![0f32; n_moves];
    let mut rng = SplitMix::new(opts.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..psents.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_moves];
    let mut costs = vec![u32::MAX; n_moves];
    let mut partial = SyntaxModel {
        tagger: tagger.clone(),
        lemmatizer: lemmatizer.clone(),
        parser: Parser::new(
            Trainer::new(n_moves).finish(FinishOptions::default()),
            Trainer::new(3).finish(FinishOptions::default()),
            n_labels,
            root,
        ),
        labels: labels.clone(),
        about: String::new(),
    };
    for epoch in 0..opts.parser_epochs {
        rng.shuffle(&mut order);
        let (mut moves, mut wrong) = (0usize, 0usize);
        for &k in &order {
            let s = &psents[k];
            let mut st = State::new(s.n);
            while !st.is_terminal() {
                parser_features(&st, &s.cx, &mut feats);
                trainer.scores(&feats, &mut move_scores);
                arc_trainer.scores(&feats, &mut arc_scores);
                combine_scores(&move_scores, &arc_scores, n_labels, &mut scores);
                move_costs(&st, &s.gold, n_labels, root, &mut costs);
                let min = *costs.iter().min().expect("moves");
                let guess = argmax(&scores, |i| costs[i] != u32::MAX).expect("a valid move");
                let best = argmax(&scores, |i| costs[i] == min).expect("a best move");
                let truth = if costs[guess] == min { guess } else { best };
                trainer.learn(&feats, truth, guess);
                let dir = |i| direction(Move::from_index(i, n_labels));
                arc_trainer.learn(&feats, dir(truth), dir(guess));
                moves += 1;
                wrong += (truth != guess) as usize;
                let explore = epoch >= opts.explore_from && rng.unit() < opts.explore_p;
                let next = if explore { guess } else { truth };
                st.apply(Move::from_index(next, n_labels));
            }
        }
        let last = epoch + 1 == opts.parser_epochs;
        let mut line = format!(
            "parser epoch {}: {:.2} % of training moves wrong, {} features",
            epoch + 1,
            100.0 * wrong as f64 / moves.max(1) as f64,
            trainer.n_features()
        );
        if (last || opts.dev_every_epoch) && !dev.is_empty() {
            partial.parser = Parser::new(
                trainer.finish(opts.parser_finish),
                arc_trainer.finish(opts.parser_finish),
                n_labels,
                root,
            );
            let sc: Scores = evaluate(&partial, dev);
            line += &format!("; dev UAS {:.2} LAS {:.2}", sc.uas_pct(), sc.las_pct());
        }
        log(line);
    }
    for trial in &opts.prune_trials {
        partial.parser = Parser::new(
            trainer.finish(*trial),
            arc_trainer.finish(*trial),
            n_labels,
            root,
        );
        let sc = evaluate(&partial, dev);
        let mut w = crate::analysis::learn::bytes::ByteWriter::new();
        partial.parser.model().write(&mut w);
        partial.parser.arcs().write(&mut w);
        log(format!(
            "pruning {trial:?}: parser {:.2} MB, dev UAS {:.2} LAS {:.2}",
            w.buf.len() as f64 / 1e6,
            sc.uas_pct(),
            sc.las_pct()
        ));
    }
    let model = trainer.finish(opts.parser_finish);
    let arcs = arc_trainer.finish(opts.parser_finish);
    log(format!(
        "parser: {} + {} features, {} + {} weights",
        model.n_features(),
        arcs.n_features(),
        model.n_weights(),
        arcs.n_weights()
    ));
    Parser::new(model, arcs, n_labels, root)
}

/// A sentence prepared for the parser.
struct ParseSent {
    cx: Context,
    gold: Gold,
    n: usize,
}

/// Cost of every move (`u32::MAX` for invalid ones).
fn move_costs(st: &State, gold: &Gold, n_labels: usize, root: u16, out: &mut [u32]) {
    out.iter_mut().for_each(|c| *c = u32::MAX);
    if st.is_valid(Move::Shift, root) {
        out[0] = st.cost(Move::Shift, gold);
    }
    // Unlabelled cost once per direction, then the label's own term.
    if st.can_left() {
        let s0 = st.s(0) as usize;
        let base = st.cost(Move::Left(u16::MAX), gold);
        let gold_arc = gold.heads[s0] as usize == st.b;
        // `cost` added one for the (impossible) label u16::MAX on a gold arc.
        let base = base - gold_arc as u32;
        for l in 0..n_labels as u16 {
            let m = Move::Left(l);
            if st.is_valid(m, root) {
                out[m.index(n_labels)] = base + (gold_arc && gold.labels[s0] != l) as u32;
            }
        }
    }
    if st.can_right() {
        let s0 = st.s(0) as usize;
        let base = st.cost(Move::Right(u16::MAX), gold);
        let gold_arc = gold.heads[s0] == st.s(1);
        let base = base - gold_arc as u32;
        for l in 0..n_labels as u16 {
            let m = Move::Right(l);
            if st.is_valid(m, root) {
                out[m.index(n_labels)] = base + (gold_arc && gold.labels[s0] != l) as u32;
            }
        }
    }
}
