//! Sentence structure: a UD tokeniser, part-of-speech tagger, lemmatiser
//! and greedy transition-based dependency parser, all trained on the UD
//! English treebanks GUM and EWT (see `server/data/models/README.md`).
//!
//! # Use
//! ```
//! use crosscheck::analysis::syntax::{self, labels::Rel};
//!
//! let text = "Kyiv, May 2. NATO said Russia did not attack the city.";
//! let p = syntax::parse(text, 13, text.len()).expect("weights are built in");
//! let said = p.root();
//! assert_eq!(p.tokens[said].lemma, "say");
//! let subj = p.subjects(said)[0];
//! assert_eq!(p.tokens[subj].form, "NATO");
//! let attack = p.reported_clause(said).unwrap();
//! assert_eq!(p.tokens[attack].lemma, "attack");
//! assert!(p.negator(attack).is_some());
//! assert_eq!(p.tokens[p.objects(attack)[0]].form, "city");
//! // Offsets are bytes into `text`.
//! assert_eq!(&text[p.tokens[subj].start..p.tokens[subj].end], "NATO");
//! ```
//!
//! - [`parse`] is lazy and cached: nothing is loaded or computed until a
//!   caller asks for a sentence, and a sentence already parsed (in any
//!   file) is a hash lookup. Ask only for sentences that can carry a fact.
//! - It returns `None` (callers fall back to word rules) when the weights are
//!   missing or corrupt (logged once), for invalid ranges, and for
//!   sentences over [`MAX_SENTENCE_BYTES`] or [`MAX_SENTENCE_TOKENS`]:
//!   parse time is linear in the sentence length and bounded.
//! - [`Parse`] answers what a fact extractor asks: [`Parse::subjects`],
//!   [`Parse::objects`], [`Parse::obliques`], [`Parse::agent`],
//!   [`Parse::reported_clause`] (the clause under "said"),
//!   [`Parse::negator`], [`Parse::modals`] and [`Parse::in_scope_of`],
//!   [`Parse::clause_of`], [`Parse::subtree_span`].
//!
//! # Parts
//! - [`tokenize`]: UD English tokens with byte offsets;
//! - [`tagger`]: combined UPOS/XPOS averaged-perceptron tagger;
//! - [`lemma`]: suffix rules and exceptions learnt from the treebanks;
//! - [`transition`] and [`parser`]: arc-hybrid parser, dynamic oracle;
//! - [`model`]: the weight file; [`engine`]: loading, limits, and
//!   [`parse_cache`], the bounded cache of compact parses;
//! - [`train`], [`eval`], [`conllu`]: reproducing and scoring the weights
//!   (`crosscheck syntax train|eval`).
pub mod annotate;
pub mod augment;
pub mod conllu;
pub mod engine;
pub mod eval;
pub mod labels;
pub mod lemma;
pub mod lex;
pub mod model;
#[cfg(test)]
mod news_tagging_tests;
pub mod parse_cache;
pub mod parse_scoring;
pub mod parser;
pub mod tag_scoring;
pub mod tagger;
pub mod tokenize;
pub mod train;
pub mod transition;
pub mod tree;
pub mod weights;
pub mod word_family;

pub use engine::{
    global, ModelError, SentenceParser, MAX_SENTENCE_BYTES, MAX_SENTENCE_TOKENS, MODEL_ENV,
};
pub use labels::{DepRel, Rel, Sub, Upos};
pub use tree::{Parse, Token};

/// Parse `text[start..end]`, one sentence of a document, with the
/// process-wide weights and cache. Offsets in the result are bytes into
/// `text`. See the module documentation for when it returns `None`.
pub fn parse(text: &str, start: usize, end: usize) -> Option<Parse> {
    global().parse(text, start, end)
}

/// The process-wide weights, or why they are unavailable. Call at start-up
/// to report a broken installation early.
pub fn model_or_error() -> Result<&'static model::SyntaxModel, &'static ModelError> {
    global().model()
}
