//! The last claims index built, kept for a snapshot whose own index is
//! not built yet (right after an edit): a hover inside a claim answers at
//! once, its own part (attribution, facts, hedges) from the edited file's
//! fresh claims and its cross-file part (corroboration, conflicts) from
//! the previous index, found by the claim's sentence, instead of waiting
//! for the folder's claims to be compared again.
//!
//! It is valid only for a file whose sentence is unchanged and while every
//! other file is the one the previous index was made from (checked at each
//! use); it is dropped once the snapshot's own index exists.
use std::collections::HashMap;
use std::sync::Arc;

use super::claims::{ClaimRef, ClaimSettings, ClaimsIndex};
use super::snapshot::{FileId, SourceFile};

/// Off when `CROSSCHECK_PREVIOUS_CLAIMS=0` (to measure what it saves:
/// every claim hover then waits for its snapshot's index, as before).
pub fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var("CROSSCHECK_PREVIOUS_CLAIMS").as_deref() != Ok("0"))
}

pub struct PreviousClaims {
    /// The index, as built for `files`.
    pub index: Arc<ClaimsIndex>,
    /// The files it was built from (shared with that snapshot).
    pub files: Vec<Arc<SourceFile>>,
    /// For each file replaced since: the canonical name of each of its
    /// mentions then (the index's facts name mentions by number, and the
    /// new version numbers them differently).
    pub names: HashMap<FileId, Vec<String>>,
    /// The word lists it was built with.
    pub settings: ClaimSettings,
}

impl PreviousClaims {
    /// Can this index speak for `file` of a snapshot with `files` and
    /// `settings`: the same word lists, the same files in the same order,
    /// each the same analysis except `file`, whose names at the time were
    /// kept?
    pub fn serves(
        &self,
        files: &[Arc<SourceFile>],
        settings: &ClaimSettings,
        file: FileId,
    ) -> bool {
        *settings == self.settings
            && files.len() == self.files.len()
            && self.names.contains_key(&file)
            && files
                .iter()
                .zip(&self.files)
                .enumerate()
                .all(|(i, (a, b))| {
                    if i as FileId == file {
                        a.path == b.path
                    } else {
                        Arc::ptr_eq(a, b)
                    }
                })
    }

    /// The claim of the previous version of `file` whose sentence is
    /// `sentence` (the nearest to `near`, in the previous text, when the
    /// sentence occurs more than once).
    pub fn claim_with(&self, file: FileId, sentence: &str, near: usize) -> Option<ClaimRef> {
        let text = &self.files.get(file as usize)?.text;
        let fc = self.index.files.get(file as usize)?;
        fc.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| text.get(c.start..c.end) == Some(sentence))
            .min_by_key(|(_, c)| c.start.abs_diff(near))
            .map(|(i, _)| ClaimRef {
                file,
                claim: i as u32,
            })
    }
}
