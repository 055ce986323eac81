//! Training and scoring the name tagger on documents with gold mentions.
//!
//! The rules run first on each training document, exactly as at inference
//! (without knowledge base or folder), so the tagger learns from the rules'
//! real output where to trust it. Training is deterministic: documents are
//! shuffled with a seeded generator, and the same data and options give the
//! same weights byte for byte.
use rustc_hash::FxHashSet;

use super::features::kind_slot;
use super::features::{token_features, SentenceFlags, TokenInfo};
use super::labels::{spans, Tag, N_TAGS};
use super::sentences::{for_each_sentence, DocInput, Which};
use super::{combine, tagged_mentions, Mix, NerModel};
use crate::analysis::learn::perceptron::{FinishOptions, Model, Trainer};
use crate::analysis::learn::rng::SplitMix;
use crate::analysis::model::EntityKind;
use crate::analysis::ner::Candidate;
use crate::analysis::overrides::Overrides;
use crate::analysis::text::structure::DocStructure;

/// A training or test document: its text and its gold person,
/// organisation and location mentions (byte offsets).
#[derive(Clone, Debug)]
pub struct GoldText {
    pub name: String,
    pub text: String,
    pub gold: Vec<(usize, usize, EntityKind)>,
}

#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    pub finish: FinishOptions,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 8,
            finish: FinishOptions {
                min_count: 2,
                min_relative_weight: 0.0,
                levels: 1000,
            },
        }
    }
}

/// One sentence ready for training: described tokens and gold tags.
struct Prepared {
    toks: Vec<TokenInfo>,
    flags: SentenceFlags,
    gold: Vec<Tag>,
}

/// The rules' candidates for a document, as the first pass makes them
/// (no knowledge base, no folder view), and the document's input.
pub fn rules_only(text: &str) -> (DocStructure, FxHashSet<String>, Vec<Candidate>) {
    let structure = DocStructure::of(text);
    let lower = crate::analysis::ner::lowercase_words(text, &structure);
    let (cands, _, _) = crate::analysis::ner::names::recognize(
        text,
        &structure,
        &[],
        &Overrides::default(),
        &crate::analysis::ner::folder::FolderView::empty(),
        &lower,
    );
    (structure, lower, cands)
}

fn prepare(docs: &[GoldText]) -> Vec<Vec<Prepared>> {
    docs.iter()
        .map(|d| {
            let (structure, lower, cands) = rules_only(&d.text);
            let input = DocInput {
                text: &d.text,
                structure: &structure,
                lower_words: &lower,
                sports: crate::analysis::ner::is_sports_doc(&lower),
            };
            let mut out = Vec::new();
            for_each_sentence(&input, &cands, Which::All, |toks, flags| {
                let gold = gold_tags(&d.text, toks, &d.gold);
                out.push(Prepared {
                    toks: toks.to_vec(),
                    flags,
                    gold,
                });
            });
            out
        })
        .collect()
}

/// Gold BIO tags of a sentence, bare convention (no leading article, no
/// trailing possessive). A gold mention with a token the tagger may not tag
/// (lower case, punctuation) is left out: the tagger could never produce it.
fn gold_tags(text: &str, toks: &[TokenInfo], gold: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; toks.len()];
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return tags;
    };
    // Outer mentions first: of nested names, the outermost is the mention.
    let mut gold = gold.to_vec();
    gold.sort_by_key(|g| (g.0, std::cmp::Reverse(g.1)));
    for &(s, e, kind) in &gold {
        if e <= first.start || s >= last.end {
            continue;
        }
        let Some(slot) = super::features::kind_slot(kind) else {
            continue;
        };
        let mut a = toks.partition_point(|t| t.start < s);
        let mut b = toks.partition_point(|t| t.start < e);
        while b > a && toks[b - 1].possessive {
            b -= 1;
        }
        if b - a > 1 {
            let w = text[toks[a].start..toks[a].end].to_lowercase();
            if matches!(w.as_str(), "the" | "a" | "an") {
                a += 1;
            }
        }
        if a >= b || !toks[a..b].iter().all(|t| t.taggable) {
            continue;
        }
        if tags[a..b].iter().any(|t| *t != Tag::O) {
            continue; // nested or overlapping gold: the first (outer) one wins
        }
        for (k, t) in tags[a..b].iter_mut().enumerate() {
            *t = Tag::of(slot, k > 0);
        }
    }
    tags
}

/// Train on `docs`; `progress` hears each finished epoch.
pub fn train(docs: &[GoldText], opts: TrainOptions, mut progress: impl FnMut(usize)) -> Model {
    let prepared = prepare(docs);
    let mut order: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(d, ss)| (0..ss.len()).map(move |s| (d, s)))
        .collect();
    let mut rng = SplitMix::new(opts.seed);
    let mut trainer = Trainer::new(N_TAGS);
    let mut feats = Vec::new();
    let mut scores = [0f32; N_TAGS];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let p = &prepared[d][s];
            let mut tags: Vec<Tag> = Vec::with_capacity(p.toks.len());
            for i in 0..p.toks.len() {
                if !p.toks[i].taggable {
                    tags.push(Tag::O);
                    continue;
                }
                let prev = if i > 0 { tags[i - 1] } else { Tag::O };
                let prev2 = if i > 1 { tags[i - 2] } else { Tag::O };
                token_features(&p.toks, i, prev, prev2, p.flags, &mut feats);
                trainer.scores(&feats, &mut scores);
                let guess = crate::analysis::learn::perceptron::argmax(&scores, |c| {
                    Tag::from_index(c).may_follow(prev)
                })
                .unwrap_or(0);
                trainer.learn(&feats, p.gold[i] as usize, guess);
                tags.push(Tag::from_index(guess));
            }
        }
        progress(epoch + 1);
    }
    trainer.finish(opts.finish)
}

/// Exact-span counts per kind (person, organisation, location).
#[derive(Clone, Copy, Debug, Default)]
pub struct SpanCounts {
    pub tp: [usize; 3],
    pub fp: [usize; 3],
    pub fn_: [usize; 3],
}

impl SpanCounts {
    pub fn f1(&self, k: usize) -> f64 {
        f1(self.tp[k], self.fp[k], self.fn_[k])
    }
    pub fn micro(&self) -> f64 {
        f1(
            self.tp.iter().sum(),
            self.fp.iter().sum(),
            self.fn_.iter().sum(),
        )
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
}

/// Score the rules with the tagger combined as `mix` says (`None`: the
/// rules alone) against the gold mentions of `docs` (bare spans, inside
/// prose sentences).
pub fn score(docs: &[GoldText], model: Option<(&NerModel, &Mix)>) -> SpanCounts {
    let mut c = SpanCounts::default();
    for d in docs {
        let (structure, lower, cands) = rules_only(&d.text);
        let input = DocInput {
            text: &d.text,
            structure: &structure,
            lower_words: &lower,
            sports: crate::analysis::ner::is_sports_doc(&lower),
        };
        let mut gold: Vec<(usize, usize, EntityKind)> = Vec::new();
        for_each_sentence(&input, &cands, Which::All, |toks, _| {
            let tags = gold_tags(&d.text, toks, &d.gold);
            gold.extend(
                spans(&tags)
                    .into_iter()
                    .map(|(a, b, k)| (toks[a].start, toks[b - 1].end, k)),
            );
        });
        let pred = match model {
            Some((m, mix)) => {
                let found = tagged_mentions(
                    &input,
                    &cands,
                    m,
                    mix.reads_rule_mentions(),
                    mix.reads_guesses(),
                );
                combine(cands, found, mix)
            }
            None => cands,
        };
        let pred: Vec<(usize, usize, EntityKind)> = pred
            .iter()
            .filter(|p| kind_slot(p.kind).is_some())
            .map(|p| (p.start, p.end, p.kind))
            .collect();
        for x in &pred {
            let k = kind_slot(x.2).unwrap_or(0) as usize;
            if gold.contains(x) {
                c.tp[k] += 1;
            } else {
                c.fp[k] += 1;
            }
        }
        for x in gold.iter().filter(|x| !pred.contains(x)) {
            c.fn_[kind_slot(x.2).unwrap_or(0) as usize] += 1;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents written for this test: names in sentence positions where
    /// a capital says nothing, and ordinary capitalised words.
    fn docs() -> Vec<GoldText> {
        let mut out = Vec::new();
        let names = ["Quorvel", "Brastin", "Yelvane", "Dortmel", "Fenwary"];
        for (i, n) in names.iter().enumerate() {
            let text = format!(
                "Yesterday the council met.\n\n{n} said the plan was sound. Nobody agreed with {n} at first.\n"
            );
            let mut gold = Vec::new();
            for (s, _) in text.match_indices(n) {
                gold.push((s, s + n.len(), EntityKind::Person));
            }
            out.push(GoldText {
                name: format!("d{i}"),
                text,
                gold,
            });
        }
        out
    }

    #[test]
    fn training_is_deterministic_and_learns_its_data() {
        let opts = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train(&docs(), opts, |_| {});
        let b = train(&docs(), opts, |_| {});
        assert_eq!(a, b);
        let m = NerModel {
            model: a,
            about: String::new(),
        };
        let everything = Mix::parse("add:*,retype:*,drop:*,respan:*");
        let c = score(&docs(), Some((&m, &everything)));
        assert!(c.f1(0) > 0.9, "{c:?}");
    }
}
