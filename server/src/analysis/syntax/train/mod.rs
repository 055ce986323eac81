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
mod parsing;
mod tagging;
#[cfg(test)]
pub(crate) mod tests;

use super::conllu::TreeSentence;
use super::lemma::Lemmatizer;
use super::model::SyntaxModel;
use crate::analysis::learn::perceptron::FinishOptions;

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

/// Trains the whole model; what it scored at each stage is reported
/// through `log`.
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
    // 1. to 3. Tags and the tagger.
    let tags = tagging::tag_set(train)?;
    let tagged = tagging::train_taggers(train, dev, &tags, opts, log);

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

    // 5. and 6. Labels and the parser.
    let labels = parsing::labels(train)?;
    let parser = parsing::train_parser(
        parsing::ParserInput {
            train,
            tagged: &tagged,
            tags: &tags,
            labels: &labels,
            lemmatizer: &lemmatizer,
        },
        dev,
        opts,
        log,
    );
    Ok(SyntaxModel {
        tagger: tagged.tagger,
        lemmatizer,
        parser,
        labels: labels.list,
        about: String::new(),
    })
}
