//! A store of per-file analyses that outlives the process, seen from the
//! pure core: a trait the host calls, keyed by everything an analysis
//! depends on. The engine implements it over SQLite (`engine::cache`);
//! without one, nothing changes.
//!
//! An analysis is a function of the text, the file's path in its folder,
//! what the overrides decide for it (knowledge base, links, marks), the
//! folder view it was made with, and the analyser itself (code and
//! models): the key holds a digest of each. The analyser's digest is the
//! store's business (it knows which binary wrote an entry).
use std::hash::{Hash, Hasher};

use super::model::DocAnalysis;
use super::overrides::Overrides;

/// What a persisted analysis is looked up by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey {
    /// Digest and length of the text.
    pub text: u64,
    pub len: u64,
    /// Digest of the relative path and of what the overrides decide.
    pub context: u64,
    /// The folder view's digest (0: the first pass, made without one).
    pub view: u64,
}

impl CacheKey {
    pub fn new(text: &str, rel_path: &str, overrides: &Overrides, view: u64) -> CacheKey {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let text_digest = h.finish();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        rel_path.hash(&mut h);
        overrides.fingerprint(rel_path, text).hash(&mut h);
        CacheKey {
            text: text_digest,
            len: text.len() as u64,
            context: h.finish(),
            view,
        }
    }

    /// The same file under another folder view.
    pub fn with_view(self, view: u64) -> CacheKey {
        CacheKey { view, ..self }
    }
}

/// A persisted store of analyses. Failures are the store's to report
/// (once) and swallow: a lookup that fails is a miss.
pub trait AnalysisCache: Send + Sync {
    /// The analyses stored under `keys`, in order.
    fn get_many(&self, keys: &[CacheKey]) -> Vec<Option<DocAnalysis>>;
    /// Store analyses (one transaction).
    fn put_many(&self, entries: &[(CacheKey, &DocAnalysis)]);
}
