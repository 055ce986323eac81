//! Tagger training: the tag set and dictionary from the data, the two
//! perceptron passes, and jackknifed tags for the parser's training data
//! (each fold tagged by taggers trained on the other folds, so the parser
//! learns from tags as noisy as the ones it will see).
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::TrainOptions;
use crate::analysis::learn::perceptron::{argmax, Model, Trainer};
use crate::analysis::learn::rng::SplitMix;
use crate::analysis::syntax::conllu::TreeSentence;
use crate::analysis::syntax::labels::Upos;
use crate::analysis::syntax::lex::Lex;
use crate::analysis::syntax::tagger::{
    features as tagger_features, features2 as tagger_features2, prev_value, TagDict, TagSet, Tagger,
};
use crate::analysis::syntax::word_family;

/// What tagger training hands to the rest: the final tagger, every training
/// sentence prepared for it, and the tags the parser trains on.
pub(super) struct Tagged {
    pub tagger: Tagger,
    pub sents: Vec<TagSent>,
    /// Jackknifed second-pass tags per training sentence (gold tags when
    /// there is one fold).
    pub parser_tags: Vec<Vec<usize>>,
}

/// A sentence prepared for the tagger.
pub(super) struct TagSent {
    pub lex: Vec<Lex>,
    pub gold: Vec<usize>,
}

/// Steps 1 to 3 of training: tags, folds, both tagger passes.
pub(super) fn train_taggers(
    train: &[TreeSentence],
    dev: &[TreeSentence],
    tags: &TagSet,
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Tagged {
    let to_tag_sent = |s: &TreeSentence| TagSent {
        lex: s.words.iter().map(|w| Lex::new(&w.form)).collect(),
        gold: gold_tags(s, tags),
    };
    let train_tag: Vec<TagSent> = train.iter().map(to_tag_sent).collect();
    let dev_tag: Vec<TagSent> = dev.iter().map(to_tag_sent).collect();
    let dict = tag_dict(&train_tag, tags, opts.dict_min_count, opts.dict_min_share);
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
            tag_dict(&owned, tags, opts.dict_min_count, opts.dict_min_share)
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
            train_tagger(&part, tags, &fold_dicts[k], &quiet, Pass::First, |_, _| {})
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
    let first = train_tagger(&all, tags, &dict, opts, Pass::First, |epoch, t| {
        log(format!(
            "tagger pass 1 epoch {}: dev {}",
            epoch + 1,
            tag_accuracy(t, &dev_tag)
        ));
    });
    let tagger = train_tagger(
        &all,
        tags,
        &dict,
        opts,
        Pass::Second {
            first: first.model(),
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
        tagger.model().n_features(),
        tagger.second().map_or(0, |m| m.n_features()),
        tagger.model().n_weights(),
        tagger.second().map_or(0, |m| m.n_weights()),
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
                    tags,
                    &fold_dicts[k],
                    &quiet,
                    Pass::Second {
                        first: first_folds[k].model(),
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
    Tagged {
        tagger,
        sents: train_tag,
        parser_tags: train_tags,
    }
}

pub(super) fn tag_set(train: &[TreeSentence]) -> Result<TagSet, String> {
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

fn tag_dict(sents: &[TagSent], tags: &TagSet, min_count: u32, min_share: f64) -> TagDict {
    let n_tags = tags.len();
    let bit = |t: usize| match tags.upos[t] {
        Upos::Verb => word_family::VERB,
        Upos::Noun => word_family::NOUN,
        Upos::Adj => word_family::ADJ,
        _ => 0,
    };
    let mut counts: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    // Regular "-ed" forms are past tenses and participles alike ("died",
    // "have died"): the context decides, never the dictionary.
    let mut regular_ed: FxHashSet<u64> = FxHashSet::default();
    for s in sents {
        for (l, &t) in s.lex.iter().zip(&s.gold) {
            counts.entry(l.word).or_insert_with(|| vec![0; n_tags])[t] += 1;
            if l.norm.ends_with("ed") {
                regular_ed.insert(l.word);
            }
        }
    }
    let past = |t: usize| matches!(tags.xpos[t].as_str(), "VBD" | "VBN");
    let mut map = FxHashMap::default();
    let mut classes = FxHashMap::default();
    let mut lexicon = FxHashMap::default();
    for (w, c) in counts {
        let bits = (0..n_tags).filter(|&t| c[t] > 0).fold(0, |b, t| b | bit(t));
        if bits != 0 {
            lexicon.insert(w, bits);
        }
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
        let left_to_context = past(best) && regular_ed.contains(&w);
        if total >= min_count && n as f64 / total as f64 >= min_share && !left_to_context {
            map.insert(w, best as u16);
        }
    }
    TagDict {
        map,
        classes,
        lexicon,
    }
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
        Pass::First => Tagger::new(tags.clone(), dict.clone(), trained, None),
        Pass::Second { first, .. } => {
            Tagger::new(tags.clone(), dict.clone(), first.clone(), Some(trained))
        }
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

fn gold_tags(s: &TreeSentence, tags: &TagSet) -> Vec<usize> {
    s.words
        .iter()
        .map(|w| tags.index(&w.upos, &w.xpos).unwrap_or(0))
        .collect()
}
