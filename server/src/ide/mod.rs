//! Editor features over an immutable [`Snapshot`]: one module per feature,
//! each a pure function answering in byte offsets and plain structs. No LSP
//! types here: `crate::lsp` converts (positions, URIs, protocol structs).
use crate::analysis::linking::global::MentionRef;
use crate::analysis::{FileId, Snapshot};

pub mod definition;
pub mod highlight;
pub mod hover;
pub mod references;
pub mod semantic_tokens;
pub mod symbols;

#[cfg(test)]
pub(crate) mod fixture;

/// A byte range `[start, end)` in one file of a snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileRange {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl FileRange {
    pub fn of_mention(snap: &Snapshot, r: MentionRef) -> FileRange {
        let m = snap.mention(r);
        FileRange {
            file: r.file,
            start: m.start,
            end: m.end,
        }
    }
}
pub mod annotated;
pub mod claim_hover;
pub mod code_lens;
pub mod diagnostics;
pub mod diagnostics_store;
