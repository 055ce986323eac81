//! Entity recognition for English news text, without a trained model:
//! values by regular grammars ([`values`]), names from runs of capitalised
//! tokens classified by gazetteers ([`lexicon`]), roles and titles, cue
//! words ([`cues`]) and consistency within the document ([`names`]).
pub mod classify;
pub mod common_words;
pub mod consistency;
pub mod cues;
pub mod lexicon;
pub mod names;
pub mod roles;
pub mod values;

use crate::analysis::model::{EntityKind, RoleAttr};
use crate::analysis::text::structure::DocStructure;

/// A recognised mention before document-level grouping.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub roles: Vec<RoleAttr>,
    pub confidence: f32,
    /// Gazetteer entry this mention matched, if any.
    pub gaz: Option<u32>,
    /// Matched only a contextual alias ("the Alliance"): kept only if the
    /// same gazetteer entity is named otherwise in the document.
    pub contextual: bool,
    /// For an acronym introduced in parentheses, the start offset of the
    /// expansion candidate it abbreviates ("Security Assistance Group-Ukraine (SAG-U)").
    pub expands: Option<usize>,
}

impl Candidate {
    pub fn new(start: usize, end: usize, kind: EntityKind, confidence: f32) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            roles: Vec::new(),
            confidence,
            gaz: None,
            contextual: false,
            expands: None,
        }
    }
}

/// All mentions of `text`, sorted by start, non-overlapping. Boilerplate
/// paragraphs produce none.
pub fn recognize(text: &str, structure: &DocStructure) -> Vec<Candidate> {
    names::recognize(text, structure)
}
