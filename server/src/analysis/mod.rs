//! The pure analysis core: no LSP, no I/O beyond what callers hand in.
//!
//! Per file, [`analyze_document`] turns text into a [`DocAnalysis`]:
//! sentences, paragraphs, boilerplate regions and entity mentions grouped into
//! document-local entities. Across files, [`linking`] merges local entities
//! into corpus entities, and [`Snapshot`] is the immutable view every editor
//! feature reads.
pub mod cache;
pub mod claims;
pub mod claims_dates;
pub mod claims_dates_memo;
pub mod claims_parts;
pub mod claims_previous;
pub mod claims_turns;
pub mod folder_state;
pub mod freed_memory;
pub mod host;
pub mod learn;
pub mod linking;
pub mod model;
pub mod ner;
pub mod overrides;
pub mod snapshot;
pub mod source_file;
pub mod syntax;
pub mod test_delays;
pub mod text;
pub mod warm_up;

pub use host::AnalysisHost;
pub use model::*;
pub use snapshot::{FileId, Snapshot, SourceFile};

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
    analyze_document_in(text, rel_path, overrides, &ner::folder::FolderView::empty())
}

/// Analyse one document of a workspace with what the rest of the folder
/// says about the words it leaves undecided (see [`ner::folder`]). The
/// result records the view's digest and this file's own summary, so a host
/// can tell when an edit elsewhere calls for analysing it again.
pub fn analyze_document_in(
    text: &str,
    rel_path: &str,
    overrides: &overrides::Overrides,
    folder: &ner::folder::FolderView,
) -> DocAnalysis {
    let structure = text::structure::DocStructure::of(text);
    let (cands, summary, open) = ner::recognize(text, &structure, rel_path, overrides, folder);
    // Made without a view and with words left open: keep what re-typing
    // needs, so the folder pass does not analyse the file again.
    let retype = (folder.is_empty() && !open.is_empty()).then(|| {
        std::sync::Arc::new(ner::folder::Retype {
            cands: cands.clone(),
            open,
        })
    });
    let (mentions, locals) = linking::local::cluster(text, cands, overrides);
    DocAnalysis {
        structure,
        mentions,
        locals,
        summary,
        folder_digest: folder.digest(),
        retype,
    }
}

/// The light re-typing pass: `prev` (a first pass made without a view)
/// with `folder` applied, without analysing the text again. `None` when
/// `prev` kept nothing to re-type with.
pub fn retype_document(
    prev: &DocAnalysis,
    text: &str,
    overrides: &overrides::Overrides,
    folder: &ner::folder::FolderView,
) -> Option<DocAnalysis> {
    let r = prev.retype.as_ref()?;
    let (cands, changed) = r.apply(text, folder);
    if !changed && prev.folder_digest == 0 {
        // `prev` is the first pass and the view changes nothing in it: it
        // stands under the new digest.
        let mut same = prev.clone();
        same.folder_digest = folder.digest();
        return Some(same);
    }
    let (mentions, locals) = linking::local::cluster(text, cands, overrides);
    Some(DocAnalysis {
        structure: prev.structure.clone(),
        mentions,
        locals,
        summary: prev.summary.clone(),
        folder_digest: folder.digest(),
        retype: prev.retype.clone(),
    })
}
