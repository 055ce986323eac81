//! The pure analysis core: no LSP, no I/O beyond what callers hand in.
//!
//! Per file, [`analyze_document`] turns text into a [`DocAnalysis`]:
//! sentences, paragraphs, boilerplate regions and entity mentions grouped into
//! document-local entities. Across files, [`linking`] merges local entities
//! into corpus entities, and [`Snapshot`] is the immutable view every editor
//! feature reads.
pub mod claims;
pub mod linking;
pub mod model;
pub mod ner;
pub mod snapshot;
pub mod text;

pub use model::*;
pub use snapshot::{AnalysisHost, FileId, Snapshot, SourceFile};

/// Analyse one document: structure, entity mentions, local entities.
pub fn analyze_document(text: &str) -> DocAnalysis {
    let structure = text::structure::DocStructure::of(text);
    let mentions = ner::recognize(text, &structure);
    let (mentions, locals) = linking::local::cluster(text, mentions);
    DocAnalysis {
        structure,
        mentions,
        locals,
    }
}
