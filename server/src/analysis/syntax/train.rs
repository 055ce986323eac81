//! Training: tagger, lemmatiser and parser from UD treebank sentences.
//!
//! Deterministic: sentences are shuffled with a seeded generator, maps are
//! iterated in sorted order, and the weight file is byte-identical for the
//! same data and options.
//!
//! 1. Tag set (combined UPOS/XPOS pairs) and tag dictionary from the data.
//! 2. Tagger: greedy averaged perceptron, trained on its own predictions
//!    for the previous tags.
//! 3. Jackknifing: the training sentences are tagged by taggers trained on
//!    the other folds (by document), so the parser learns from tags as
//!    noisy as the ones it will see.
//! 4. Lemmatiser rules and exceptions.
//! 5. Parser: arc-hybrid with the dynamic oracle, exploring its own
//!    mistakes after the first epoch (Goldberg & Nivre 2012).
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::conllu::TreeSentence;
use super::eval::{evaluate, Scores};
use super::labels::{DepRel, Upos};
use super::lemma::Lemmatizer;
use super::lex::Lex;
use super::model::SyntaxModel;
use super::parser::{combine_scores, direction, features as parser_features, Context, Parser};
use super::tagger::{
    features as tagger_features, features2 as tagger_features2, prev_value, TagDict, TagSet, Tagger,
};
use super::transition::{projectivize, Gold, Move, State};
use crate::analysis::learn::perceptron::{argmax, FinishOptions, Model, Trainer};
use crate::analysis::learn::rng::SplitMix;

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Jackknife folds for the parser's training tags (≤ 1: gold tags).
    pub folds: usize,
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own moves with
    /// probability `explore_p` instead of the oracle's.
    pub explore_from: usize,
    pub explore_p: f64,
    /// A word enters the tag dictionary when seen this often...
    pub dict_min_count: u32,
    /// ...with its most frequent tag at least this share of the time.
    pub dict_min_share: f64,
    pub tagger_finish: FinishOptions,
    pub parser_finish: FinishOptions,
    /// Score on the development set after every epoch (slower).
    pub dev_every_epoch: bool,
    /// Sentences derived from the training data with news attribution
    /// frames added ("X, officials said."; see `augment`).
    pub augment: usize,
    /// Extra pruning settings to try on the development set at the end
    /// (for choosing `parser_finish`; the model keeps `parser_finish`).
    pub prune_trials: Vec<FinishOptions>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 8,
            parser_epochs: 15,
            folds: 5,
            seed: 1,
            explore_from: 1,
            explore_p: 0.9,
            dict_min_count: 20,
            dict_min_share: 0.97,
            // Few quantisation levels: each weight fits one byte in the
            // file, and the smallest ones are dropped. On GUM dev, 31 levels
            // cost nothing measurable against 32,767 and shrink the parser
            // from 22 MB to 5.6 MB; 19 levels cost about 0.2 UAS and make it
            // 2.2 MB; 15 levels cost 1.1 UAS.
            tagger_finish: FinishOptions {
                min_count: 2,
                min_relative_weight: 0.0,
                levels: 31,
            },
            parser_finish: FinishOptions {
                min_count: 2,
                min_relative_weight: 0.0,
                levels: 19,
            },
            dev_every_epoch: true,
            prune_trials: Vec::new(),
            augment: 600,
        }
    }
}

/// A sentence prepared for the tagger.
struct TagSent {
    lex: Vec<Lex>,
    gold: Vec<usize>,
}

fn tag_set(train: &[TreeSentence]) -> Result<TagSet, String> {
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            *counts.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
        }
    }
    let mut pairs: Vec<_> = counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut set = TagSet {
        upos: Vec::new(),
        xpos: Vec::new(),
    };
    for ((u, x), _) in pairs {
        let upos = Upos::parse(&u).ok_or_else(|| format!("unknown UPOS {u:?} in training data"))?;
        set.upos.push(upos);
        set.xpos.push(x);
    }
    Ok(set)
}

fn tag_dict(sents: &[TagSent], n_tags: usize, min_count: u32, min_share: f64) -> TagDict {
    let mut counts: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for s in sents {
        for (l, &t) in s.lex.iter().zip(&s.gold) {
            counts.entry(l.word).or_insert_with(|| vec![0; n_tags])[t] += 1;
        }
    }
    let mut map = FxHashMap::default();
    let mut classes = FxHashMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        // Words seen once are left unknown, as most test words they stand
        // for will be; a class keeps the tags with a real share.
        if total >= 2 {
            let set: Vec<u64> = (0..n_tags)
                .filter(|&t| c[t] > 0 && c[t] as f64 >= 0.05 * total as f64)
                .map(|t| t as u64)
                .collect();
            classes.insert(w, crate::analysis::learn::hash::feature(0xc1a55, &set));
        }
        let (best, &n) = c
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
            .expect("tags");
        if total >= min_count && n as f64 / total as f64 >= min_share {
            map.insert(w, best as u16);
        }
    }
    TagDict { map, classes }
}

/// Which tagger pass to train.
#[derive(Clone, Copy)]
enum Pass<'a> {
    First,
    /// The second pass, given the first pass's model and its (jackknifed)
    /// tags for each training sentence.
    Second {
        first: &'a Model,
        first_tags: &'a [Vec<usize>],
    },
}

fn train_tagger(
    sents: &[&TagSent],
    tags: &TagSet,
    dict: &TagDict,
    opts: &TrainOptions,
    pass: Pass,
    mut on_epoch: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut trainer = Trainer::new(tags.len());
    let mut rng = SplitMix::new(opts.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; tags.len()];
    let mut tagger = None;
    let amb: Vec<Vec<u64>> = sents.iter().map(|s| dict.classes_of(&s.lex)).collect();
    let build = |trained: Model| match pass {
        Pass::First => Tagger {
            tags: tags.clone(),
            dict: dict.clone(),
            model: trained,
            second: None,
        },
        Pass::Second { first, .. } => Tagger {
            tags: tags.clone(),
            dict: dict.clone(),
            model: first.clone(),
            second: Some(trained),
        },
    };
    for epoch in 0..opts.tagger_epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let s = sents[k];
            let amb = &amb[k];
            let mut prev: Vec<usize> = Vec::with_capacity(s.lex.len());
            for i in 0..s.lex.len() {
                if let Some(t) = dict.get(&s.lex[i]) {
                    prev.push(t);
                    continue;
                }
                let (p1, p2) = (prev_value(&prev, i, 1), prev_value(&prev, i, 2));
                match pass {
                    Pass::First => tagger_features(&s.lex, amb, i, p1, p2, &mut feats),
                    Pass::Second { first_tags, .. } => {
                        tagger_features2(&s.lex, amb, &first_tags[k], i, p1, p2, &mut feats)
                    }
                }
                trainer.scores(&feats, &mut scores);
                let guess = argmax(&scores, |_| true).unwrap_or(0);
                trainer.learn(&feats, s.gold[i], guess);
                prev.push(guess);
            }
        }
        let last = epoch + 1 == opts.tagger_epochs;
        if last || opts.dev_every_epoch {
            let t = build(trainer.finish(opts.tagger_finish));
            on_epoch(epoch, &t);
            tagger = Some(t);
        }
    }
    tagger.unwrap_or_else(|| build(trainer.finish(opts.tagger_finish)))
}

/// Tag accuracy, UPOS accuracy, and UPOS accuracy on words the lexicon
/// does not know (with their share).
fn tag_accuracy(tagger: &Tagger, sents: &[TagSent]) -> String {
    let (mut ok, mut upos_ok, mut n, mut unk, mut unk_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    for s in sents {
        let pred = tagger.tag(&s.lex);
        for ((p, g), l) in pred.iter().zip(&s.gold).zip(&s.lex) {
            let u = tagger.tags.upos[*p] == tagger.tags.upos[*g];
            ok += (p == g) as usize;
            upos_ok += u as usize;
            n += 1;
            if !tagger.dict.classes.contains_key(&l.word) {
                unk += 1;
                unk_ok += u as usize;
            }
        }
    }
    format!(
        "tag {:.2} UPOS {:.2}; unknown words ({:.1} %) UPOS {:.2}",
        pct(ok, n),
        pct(upos_ok, n),
        pct(unk, n),
        pct(unk_ok, unk)
    )
}

/// A sentence prepared for the parser.
struct ParseSent {
    cx: Context,
    gold: Gold,
    n: usize,
}

fn gold_tags(s: &TreeSentence, tags: &TagSet) -> Vec<usize> {
    s.words
        .iter()
        .map(|w| tags.index(&w.upos, &w.xpos).unwrap_or(0))
        .collect()
}

/// Training data: the sentences, the labels' order, and what the model
/// scored at each stage, reported through `log`.
pub fn train(
    train: &[TreeSentence],
    dev: &[TreeSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Result<SyntaxModel, String> {
    if train.is_empty() {
        return Err("no training sentences".into());
    }
    let mut data = train.to_vec();
    data.extend(super::augment::attribution_frames(
        train,
        opts.augment,
        opts.seed,
    ));
    let train = &data[..];
    // 1. Tags.
    let tags = tag_set(train)?;
    let to_tag_sent = |s: &TreeSentence| TagSent {
        lex: s.words.iter().map(|w| Lex::new(&w.form)).collect(),
        gold: gold_tags(s, &tags),
    };
    let train_tag: Vec<TagSent> = train.iter().map(to_tag_sent).collect();
    let dev_tag: Vec<TagSent> = dev.iter().map(to_tag_sent).collect();
    let dict = tag_dict(
        &train_tag,
        tags.len(),
        opts.dict_min_count,
        opts.dict_min_share,
    );
    log(format!(
        "{} training sentences, {} tags, {} dictionary words",
        train.len(),
        tags.len(),
        dict.map.len()
    ));

    // 2. Folds by document, for jackknifing: each fold is tagged by taggers
    //    trained on the other folds, with a dictionary of their own.
    let folds = opts.folds.max(1);
    let mut docs: Vec<&str> = train.iter().map(|s| s.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    let fold_of_doc: FxHashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, i % folds))
        .collect();
    let fold: Vec<usize> = train.iter().map(|s| fold_of_doc[s.doc.as_str()]).collect();
    let quiet = TrainOptions {
        dev_every_epoch: false,
        ..opts.clone()
    };
    let fold_parts: Vec<Vec<usize>> = (0..folds)
        .map(|k| {
            (0..train.len())
                .filter(|&i| fold[i] != k || folds == 1)
                .collect()
        })
        .collect();
    let fold_dicts: Vec<TagDict> = fold_parts
        .iter()
        .map(|part| {
            let owned: Vec<TagSent> = part
                .iter()
                .map(|&i| TagSent {
                    lex: train_tag[i].lex.clone(),
                    gold: train_tag[i].gold.clone(),
                })
                .collect();
            tag_dict(&owned, tags.len(), opts.dict_min_count, opts.dict_min_share)
        })
        .collect();
    let agreement = |tagged: &[Vec<usize>]| {
        let (mut ok, mut n) = (0, 0);
        for (p, s) in tagged.iter().zip(&train_tag) {
            ok += p.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
            n += p.len();
        }
        100.0 * ok as f64 / n.max(1) as f64
    };
    // First pass, per fold.
    let first_folds: Vec<Tagger> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let part: Vec<&TagSent> = fold_parts[k].iter().map(|&i| &train_tag[i]).collect();
            train_tagger(&part, &tags, &fold_dicts[k], &quiet, Pass::First, |_, _| {})
        })
        .collect();
    let first_tags: Vec<Vec<usize>> = train_tag
        .iter()
        .zip(&fold)
        .map(|(s, &f)| first_folds[f].tag_first(&s.lex))
        .collect();
    log(format!(
        "jackknifed first-pass tags ({folds} folds): {:.2} % right",
        agreement(&first_tags)
    ));

    // 3. The tagger on all training data: first pass, then second pass.
    let all: Vec<&TagSent> = train_tag.iter().collect();
    let first = train_tagger(&all, &tags, &dict, opts, Pass::First, |epoch, t| {
        log(format!(
            "tagger pass 1 epoch {}: dev {}",
            epoch + 1,
            tag_accuracy(t, &dev_tag)
        ));
    });
    let tagger = train_tagger(
        &all,
        &tags,
        &dict,
        opts,
        Pass::Second {
            first: &first.model,
            first_tags: &first_tags,
        },
        |epoch, t| {
            log(format!(
                "tagger pass 2 epoch {}: dev {}",
                epoch + 1,
                tag_accuracy(t, &dev_tag)
            ));
        },
    );
    log(format!(
        "tagger: {} + {} features, {} + {} weights",
        tagger.model.n_features(),
        tagger.second.as_ref().map_or(0, |m| m.n_features()),
        tagger.model.n_weights(),
        tagger.second.as_ref().map_or(0, |m| m.n_weights()),
    ));

    // Second pass per fold: the parser's training tags.
    let train_tags: Vec<Vec<usize>> = if opts.folds > 1 {
        let second_folds: Vec<Tagger> = (0..folds)
            .into_par_iter()
            .map(|k| {
                let part: Vec<&TagSent> = fold_parts[k].iter().map(|&i| &train_tag[i]).collect();
                let part_first: Vec<Vec<usize>> = fold_parts[k]
                    .iter()
                    .map(|&i| first_tags[i].clone())
                    .collect();
                train_tagger(
                    &part,
                    &tags,
                    &fold_dicts[k],
                    &quiet,
                    Pass::Second {
                        first: &first_folds[k].model,
                        first_tags: &part_first,
                    },
                    |_, _| {},
                )
            })
            .collect();
        let tagged: Vec<Vec<usize>> = train_tag
            .iter()
            .zip(&fold)
            .map(|(s, &f)| second_folds[f].tag(&s.lex))
            .collect();
        log(format!(
            "jackknifed training tags ({folds} folds): {:.2} % right",
            agreement(&tagged)
        ));
        tagged
    } else {
        train_tag.iter().map(|s| s.gold.clone()).collect()
    };

    // 4. Lemmatiser.
    let lemmatizer = Lemmatizer::learn(
        train
            .iter()
            .flat_map(|s| s.words.iter())
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str())),
    );
    log(format!(
        "lemmatiser: {} rules, {} exceptions",
        lemmatizer.n_rules(),
        lemmatizer.n_exceptions()
    ));

    // 5. Labels, by frequency.
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

    // 6. Parser.
    let tags_set_upos = tags.upos.clone();
    let psents: Vec<ParseSent> = train
        .iter()
        .zip(&train_tag)
        .zip(&train_tags)
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
        parser: Parser {
            model: Trainer::new(n_moves).finish(FinishOptions::default()),
            arcs: Trainer::new(3).finish(FinishOptions::default()),
            n_labels,
            root,
        },
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
            partial.parser.model = trainer.finish(opts.parser_finish);
            partial.parser.arcs = arc_trainer.finish(opts.parser_finish);
            let sc: Scores = evaluate(&partial, dev);
            line += &format!("; dev UAS {:.2} LAS {:.2}", sc.uas_pct(), sc.las_pct());
        }
        log(line);
    }
    for trial in &opts.prune_trials {
        partial.parser.model = trainer.finish(*trial);
        partial.parser.arcs = arc_trainer.finish(*trial);
        let sc = evaluate(&partial, dev);
        let mut w = crate::analysis::learn::bytes::ByteWriter::new();
        partial.parser.model.write(&mut w);
        partial.parser.arcs.write(&mut w);
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
    Ok(SyntaxModel {
        tagger,
        lemmatizer,
        parser: Parser {
            model,
            arcs,
            n_labels,
            root,
        },
        labels,
        about: String::new(),
    })
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::syntax::conllu::TreeWord;

    fn sent(doc: &str, words: &[(&str, &str, &str, &str, usize, &str)]) -> TreeSentence {
        TreeSentence {
            doc: doc.into(),
            id: String::new(),
            text: String::new(),
            words: words
                .iter()
                .map(|&(f, l, u, x, h, d)| TreeWord {
                    form: f.into(),
                    lemma: l.into(),
                    upos: u.into(),
                    xpos: x.into(),
                    head: h,
                    deprel: d.into(),
                })
                .collect(),
        }
    }

    /// A tiny treebank: enough to check that training runs end to end, is
    /// deterministic and learns its own data.
    pub(crate) fn tiny() -> Vec<TreeSentence> {
        let mut v = Vec::new();
        let names = ["NATO", "Russia", "Ukraine", "Kyiv", "Moscow", "Germany"];
        let verbs = [("said", "say"), ("warned", "warn"), ("claimed", "claim")];
        let acts = [("attacked", "attack"), ("shelled", "shell"), ("hit", "hit")];
        let mut k = 0;
        for a in names {
            for (v1, l1) in verbs {
                for (v2, l2) in acts {
                    let b = names[(k + 1) % names.len()];
                    let c = names[(k + 2) % names.len()];
                    k += 1;
                    v.push(sent(
                        &format!("d{}", k % 7),
                        &[
                            (a, a, "PROPN", "NNP", 2, "nsubj"),
                            (v1, l1, "VERB", "VBD", 0, "root"),
                            (b, b, "PROPN", "NNP", 4, "nsubj"),
                            (v2, l2, "VERB", "VBD", 2, "ccomp"),
                            (c, c, "PROPN", "NNP", 4, "obj"),
                            (".", ".", "PUNCT", ".", 2, "punct"),
                        ],
                    ));
                    v.push(sent(
                        &format!("d{}", k % 5),
                        &[
                            (a, a, "PROPN", "NNP", 4, "nsubj"),
                            ("did", "do", "AUX", "VBD", 4, "aux"),
                            ("not", "not", "PART", "RB", 4, "advmod"),
                            (l2, l2, "VERB", "VB", 0, "root"),
                            ("the", "the", "DET", "DT", 6, "det"),
                            ("city", "city", "NOUN", "NN", 4, "obj"),
                            (".", ".", "PUNCT", ".", 4, "punct"),
                        ],
                    ));
                }
            }
        }
        v
    }

    fn small_opts() -> TrainOptions {
        TrainOptions {
            tagger_epochs: 3,
            parser_epochs: 4,
            folds: 3,
            dict_min_count: 5,
            dev_every_epoch: false,
            augment: 40,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let data = tiny();
        let opts = small_opts();
        let a = train(&data, &data[..4], &opts, &mut |_| {}).unwrap();
        let b = train(&data, &data[..4], &opts, &mut |_| {}).unwrap();
        let (ba, bb) = (a.to_bytes(), b.to_bytes());
        assert_eq!(ba, bb, "same data and options, same bytes");
        let sc = evaluate(&a, &data);
        assert!(sc.upos_pct() > 99.0, "{}", sc.row());
        assert!(sc.las_pct() > 95.0, "{}", sc.row());
        // The file round-trips.
        let back = SyntaxModel::from_bytes(&ba).unwrap();
        assert_eq!(back, a);
    }
}
