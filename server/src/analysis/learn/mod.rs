//! Generic machine-learning building blocks for the analysis core.
//!
//! - [`perceptron`]: a multi-class averaged perceptron over sparse hashed
//!   features, with deterministic training, pruning and `i16` quantisation.
//! - [`hash`]: the stable hashes that turn feature strings into keys. They
//!   are part of the weight format.
//! - [`container`]: the weight-file envelope (magic, versions, named
//!   sections, checksum) and [`bytes`]: bounds-checked reading.
//!
//! Used by the tagger and dependency parser in `analysis::syntax`; written
//! to be reused by any other sequence or classification model (e.g. a
//! named-entity tagger).
//!
//! # Using it for a new model
//! ```
//! use crosscheck::analysis::learn::{hash, perceptron::{Trainer, FinishOptions, Model}};
//! use crosscheck::analysis::learn::container::{Container, ContainerWriter};
//! use crosscheck::analysis::learn::bytes::{ByteReader, ByteWriter};
//!
//! // Features: a template number plus hashed values.
//! let feats = |word: &str| vec![
//!     hash::feature(1, &[hash::hash_str(word)]),
//!     hash::feature(2, &[hash::hash_str(&word[word.len().saturating_sub(2)..])]),
//! ];
//! let data = [("Kyiv", 0usize), ("Warsaw", 0), ("said", 1), ("told", 1)];
//! let mut trainer = Trainer::new(2);
//! for _epoch in 0..5 {
//!     for (w, y) in data {
//!         let f = feats(w);
//!         let guess = trainer.predict(&f, |_| true).unwrap();
//!         trainer.learn(&f, y, guess); // once per instance, right or wrong
//!     }
//! }
//! let model = trainer.finish(FinishOptions::default());
//!
//! // Ship it: a section in a checksummed container.
//! let mut w = ByteWriter::new();
//! model.write(&mut w);
//! let file = ContainerWriter::new(*b"XCEXAMPL", 1).section("model", w.buf).finish();
//!
//! // Load it back, validated.
//! let c = Container::parse(&file, *b"XCEXAMPL", 1, "example").unwrap();
//! let model = Model::read(&mut ByteReader::new(c.section("model").unwrap())).unwrap();
//! assert_eq!(model.predict(&feats("said"), |_| true), Some(1));
//! ```
//!
//! Conventions worth keeping: shuffle training data with a seeded generator
//! ([`rng::SplitMix`]), never with a random seed, so a training command
//! reproduces its weights byte for byte; give each feature template its own
//! number and never reuse a number for a different feature within one model.
pub mod bytes;
pub mod container;
pub mod hash;
pub mod perceptron;
pub mod rng;
