//! The state of a folder's snapshot as one digest: everything its claims
//! index, and so every file's diagnostics, is a function of. Results
//! stored under it (see `AnalysisCache::put_folder_results`) are read back
//! only by a snapshot with the same digest, so a warm restart on an
//! unchanged folder can publish them before its claims index is built.
//!
//! What goes in: each file, in file order, by the key of its persisted
//! claims (text, length, relative path and what the overrides decide for
//! it, the folder view it was analysed with, the claim word lists), and
//! whether its analysis failed; each entity's names (what `relate` and the
//! bucket keys read) and mention and file counts (what the name tables
//! read); and each file's row of `mention_entity` (what its fact
//! signatures read). The analyser's identity is added by the store.
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::cache::ClaimsKey;
use super::snapshot::Snapshot;

fn digest(x: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// The digest of `snap`'s state; `None` without a store (nothing to read
/// results back from).
pub fn state_digest(snap: &Snapshot) -> Option<u64> {
    let store = snap.claims_store.as_ref()?;
    let settings = &snap.claim_settings;
    let files: Vec<u64> = snap
        .files
        .par_iter()
        .zip(snap.mention_entity.par_iter())
        .map(|(f, row)| {
            let view = f.doc.folder_digest;
            let key = ClaimsKey::new(&f.text, &f.rel_path, &store.overrides, view, settings);
            digest((key, f.failed, row))
        })
        .collect();
    let entities: Vec<u64> = snap
        .entities
        .par_iter()
        .map(|e| {
            digest((
                &e.id,
                e.kind,
                &e.canonical,
                &e.aliases,
                e.mentions.len(),
                e.file_count,
            ))
        })
        .collect();
    Some(digest((files, entities)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::snapshot::ClaimsStore;
    use crate::analysis::SourceFile;
    use std::path::PathBuf;
    use std::sync::Arc;

    struct NoStore;
    impl crate::analysis::cache::AnalysisCache for NoStore {
        fn get_many(
            &self,
            keys: &[crate::analysis::cache::CacheKey],
        ) -> Vec<Option<crate::analysis::DocAnalysis>> {
            vec![None; keys.len()]
        }
        fn put_many(
            &self,
            _: &[(
                crate::analysis::cache::CacheKey,
                &crate::analysis::DocAnalysis,
            )],
        ) {
        }
    }

    fn snap(texts: &[(&str, &str)]) -> Snapshot {
        let files = texts
            .iter()
            .map(|(p, t)| {
                Arc::new(SourceFile::analyze(
                    PathBuf::from(format!("/w/{p}")),
                    p.to_string(),
                    Arc::from(*t),
                ))
            })
            .collect();
        let mut s = Snapshot::build(Some(PathBuf::from("/w")), files);
        s.claims_store = Some(ClaimsStore {
            cache: Arc::new(NoStore),
            overrides: Default::default(),
        });
        s
    }

    #[test]
    fn the_digest_follows_texts_paths_and_links() {
        let a = "NATO met in Kyiv on Monday. Jens Stoltenberg said 40 troops died.";
        let b = "Stoltenberg spoke in Brussels.";
        let base = state_digest(&snap(&[("a.txt", a), ("b.txt", b)]));
        assert!(base.is_some());
        assert_eq!(base, state_digest(&snap(&[("a.txt", a), ("b.txt", b)])));
        let edited = "Stoltenberg spoke in Berlin.";
        assert_ne!(
            base,
            state_digest(&snap(&[("a.txt", a), ("b.txt", edited)]))
        );
        assert_ne!(base, state_digest(&snap(&[("a.txt", a), ("c.txt", b)])));
        assert_ne!(base, state_digest(&snap(&[("a.txt", a)])));
        let no_store = Snapshot::build(None, Vec::new());
        assert_eq!(state_digest(&no_store), None);
    }
}
