//! The pure analysis core: no LSP, no I/O beyond what callers hand in.
//!
//! Per file, [`analyze_document`] turns text into a [`DocAnalysis`]:
//! sentences, paragraphs, boilerplate regions and entity mentions grouped into
//! document-local entities. Across files, [`linking`] merges local entities
//! into corpus entities, and [`Snapshot`] is the immutable view every editor
//! feature reads.
pub mod claims;
pub mod learn;
pub mod linking;
pub mod model;
pub mod ner;
pub mod overrides;
pub mod snapshot;
pub mod syntax;
pub mod text;

pub use model::*;
pub use snapshot::{AnalysisHost, FileId, Snapshot, SourceFile};

/// Analyse one document on its own: structure, entity mentions, local
/// entities.
pub fn analyze_document(text: &str) -> DocAnalysis {
    analyze_document_with(text, "", &overrides::Overrides::default())
}

/// Analyse one document of a workspace, with what people decided there
/// (knowledge-base names, links, "not an entity" marks).
pub fn analyze_document_with(
    text: &str,
    rel_path: &str,
    overrides: &overrides::Overrides,
) -> DocAnalysis {
    let structure = text::structure::DocStructure::of(text);
    let mentions = ner::recognize(text, &structure, rel_path, overrides);
    let (mentions, locals) = linking::local::cluster(text, mentions, overrides);
    DocAnalysis {
        structure,
        mentions,
        locals,
    }
}
