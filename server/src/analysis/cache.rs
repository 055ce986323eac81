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

use super::claims::{ClaimSettings, FileClaims, FileDate};
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

/// What a file's persisted claims are looked up by. Claims are a pure
/// function of the text, its analysis and the claim word lists: the key of
/// the analysis they were read from (its folder view being the one the
/// analysis was made with) and a digest of the word lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClaimsKey {
    pub analysis: CacheKey,
    pub settings: u64,
}

impl ClaimsKey {
    /// The key of the claims of `text` (at `rel_path`) read from an
    /// analysis made under `overrides` with folder view `view`.
    pub fn new(
        text: &str,
        rel_path: &str,
        overrides: &Overrides,
        view: u64,
        settings: &ClaimSettings,
    ) -> ClaimsKey {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        settings.attribution_verbs.hash(&mut h);
        settings.hedges.hash(&mut h);
        settings.single_holder_roles.hash(&mut h);
        ClaimsKey {
            analysis: CacheKey::new(text, rel_path, overrides, view),
            settings: h.finish(),
        }
    }
}

impl ClaimsKey {
    /// The key of the same file's claims read under `date`, one the
    /// folder settled for it (see `claims_dates`): a digest of the date
    /// joins the word lists'. A date that cannot be written gives none
    /// (those claims are then not stored).
    pub fn dated(&self, date: &FileDate) -> Option<ClaimsKey> {
        let bytes = serde_json::to_vec(date).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.settings.hash(&mut h);
        "settled date".hash(&mut h);
        bytes.hash(&mut h);
        Some(ClaimsKey {
            analysis: self.analysis,
            settings: h.finish(),
        })
    }
}

/// A persisted store of analyses. Failures are the store's to report
/// (once) and swallow: a lookup that fails is a miss.
pub trait AnalysisCache: Send + Sync {
    /// The analyses stored under `keys`, in order.
    fn get_many(&self, keys: &[CacheKey]) -> Vec<Option<DocAnalysis>>;
    /// Store analyses (one transaction).
    fn put_many(&self, entries: &[(CacheKey, &DocAnalysis)]);
    /// The claims stored under `keys`, in order (a store that keeps no
    /// claims answers none).
    fn get_claims(&self, keys: &[ClaimsKey]) -> Vec<Option<FileClaims>> {
        vec![None; keys.len()]
    }
    /// Store files' claims (one transaction).
    fn put_claims(&self, entries: &[(ClaimsKey, &FileClaims)]) {
        let _ = entries;
    }
    /// One file's stored folder-level result (its diagnostics, encoded by
    /// the caller) when folder `folder` was last stored in state `state`
    /// (a digest of everything the results depend on); `None` when the
    /// folder was stored in another state, or not at all.
    fn folder_result(&self, folder: u64, state: u64, file: u32) -> Option<Vec<u8>> {
        let _ = (folder, state, file);
        None
    }
    /// Every stored result of folder `folder` (file number, encoded
    /// result, in file order) when it was last stored in state `state`,
    /// read at once (one transaction); `None` as for [`Self::folder_result`].
    fn folder_results(&self, folder: u64, state: u64) -> Option<Vec<(u32, Vec<u8>)>> {
        let _ = (folder, state);
        None
    }
    /// Replace every stored result of folder `folder` by `rows` (file
    /// number, encoded result), made in state `state` (one transaction: a
    /// reader sees the old rows or the new ones, never a mix).
    fn put_folder_results(&self, folder: u64, state: u64, rows: &[(u32, Vec<u8>)]) {
        let _ = (folder, state, rows);
    }
}
