//! What the claims index reads of an entity's canonical name in every
//! comparison of two facts (the name's distinctive words, whether it names
//! a body only by what it is, what kind of place it is and in which
//! country), computed on first use and kept with the entity.
//!
//! Every claims build after an edit compares the events of undated reports
//! with every dated one and the offices of every story with each other:
//! folding the same names again in each comparison was most of the CPU a
//! build spent after a one-word edit. The facts depend on the canonical
//! name alone, which never changes for an entity value (a relink makes a
//! new value, with an empty memo), so keeping them changes no result.
use std::sync::OnceLock;

/// Facts of a name, made by the claims code (see
/// `claims::index::event::name_facts`).
#[derive(Clone, Debug)]
pub struct NameFacts {
    /// The words that can identify the bearer (folded, no "Group", "Bank",
    /// initials), in name order.
    pub words: Box<[String]>,
    /// An organisation named only by what it is ("the Supreme Court").
    pub generic_body: bool,
    /// What kind of place the gazetteer says it is, and its country.
    pub place_kind: OnceLock<Option<&'static str>>,
    pub country: OnceLock<Option<&'static str>>,
}

/// The memo slot an entity carries: empty until first read (a pointer and
/// a flag: 16 bytes for an entity nobody compares).
#[derive(Clone, Debug, Default)]
pub struct NameMemo(OnceLock<Box<NameFacts>>);

impl NameMemo {
    /// The facts, made by `make` on first use.
    pub fn get_or_init(&self, make: impl FnOnce() -> NameFacts) -> &NameFacts {
        self.0.get_or_init(|| Box::new(make()))
    }
}
