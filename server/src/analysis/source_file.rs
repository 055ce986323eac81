//! One source file of a workspace as the analysis holds it: its text, its
//! document analysis (entities, structure) and, computed on first use and
//! kept, its line index, the facts that date it and its claims (dated or
//! not). Shared by snapshots through `Arc`s; [`super::snapshot::Snapshot`]
//! is the folder's view over them.
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::claims::{ClaimSettings, FileClaims, FileDate};
use super::model::DocAnalysis;
use super::ner::folder::FolderView;
use super::overrides::Overrides;
use super::text::line_index::LineIndex;

type DatedClaims = (ClaimSettings, FileDate, Arc<FileClaims>);

#[derive(Debug)]
pub struct SourceFile {
    /// Absolute path (or a synthetic one for unsaved buffers).
    pub path: PathBuf,
    /// Path relative to the workspace root, `/`-separated, for display.
    pub rel_path: String,
    pub text: Arc<str>,
    pub doc: DocAnalysis,
    /// The [`Overrides::generation`] this file was analysed with: a host
    /// takes only files analysed under its own overrides.
    pub overrides_generation: u64,
    /// The analysis failed (a bug in the recogniser): it holds nothing and
    /// must not be persisted.
    pub failed: bool,
    /// Its analysis is in the host's persisted store (read from it or
    /// written to it): its claims are kept there too. Not so for the
    /// passing versions of an edited buffer, which would fill the store.
    pub persisted: bool,
    /// Claims of this file for the settings they were computed with: a
    /// new snapshot reuses them while the text and settings are unchanged.
    claims_cache: Mutex<Option<(ClaimSettings, Arc<FileClaims>)>>,
    /// Its claims under a date the folder settled (see `claims_dates`),
    /// for the settings and date they were computed with.
    dated_claims: Mutex<Option<DatedClaims>>,
    /// What the folder's pass over dates reads of this file alone (its
    /// figures and wire weekdays, see `claims_dates`), for the date its
    /// claims gave it: scanning every file's lead for figures again at
    /// each claims build was most of the build after an edit.
    dating: Mutex<Option<(FileDate, Arc<DatingFacts>)>>,
    line_index: std::sync::OnceLock<LineIndex>,
}

/// What the folder's pass over dates reads of one file alone.
#[derive(Debug, Default)]
pub struct DatingFacts {
    pub figures: Vec<String>,
    pub wire_weekdays: Vec<u8>,
}

impl SourceFile {
    pub fn analyze(path: PathBuf, rel_path: String, text: Arc<str>) -> SourceFile {
        Self::analyze_with(path, rel_path, text, &Overrides::default())
    }

    /// Analyse with the workspace's knowledge base and per-file decisions.
    pub fn analyze_with(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        overrides: &Overrides,
    ) -> SourceFile {
        Self::analyze_in(path, rel_path, text, overrides, &FolderView::empty())
    }

    /// Analyse with the knowledge base and what the folder says about the
    /// words this file leaves undecided.
    pub fn analyze_in(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        overrides: &Overrides,
        folder: &FolderView,
    ) -> SourceFile {
        // A bug in the recogniser must cost one file its entities, never
        // the server its life: a panic here yields an empty analysis.
        let mut failed = false;
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::analyze_document_in(&text, &rel_path, overrides, folder)
        }))
        .unwrap_or_else(|_| {
            failed = true;
            tracing::error!(
                "analysis of {} failed; the file is shown without entities",
                path.display()
            );
            super::DocAnalysis {
                structure: super::text::structure::DocStructure::default(),
                mentions: Vec::new(),
                locals: Vec::new(),
                summary: Default::default(),
                folder_digest: folder.digest(),
                retype: None,
            }
        });
        SourceFile {
            path,
            rel_path,
            text,
            doc,
            overrides_generation: overrides.generation(),
            failed,
            persisted: false,
            claims_cache: Mutex::new(None),
            dated_claims: Mutex::new(None),
            dating: Mutex::new(None),
            line_index: std::sync::OnceLock::new(),
        }
    }

    /// A file whose analysis was made earlier (a persisted one) under the
    /// same inputs.
    pub fn from_analysis(
        path: PathBuf,
        rel_path: String,
        text: Arc<str>,
        doc: DocAnalysis,
        overrides: &Overrides,
    ) -> SourceFile {
        SourceFile {
            path,
            rel_path,
            text,
            doc,
            overrides_generation: overrides.generation(),
            failed: false,
            persisted: false,
            claims_cache: Mutex::new(None),
            dated_claims: Mutex::new(None),
            dating: Mutex::new(None),
            line_index: std::sync::OnceLock::new(),
        }
    }

    /// This file with `folder` applied by re-typing its first pass, when it
    /// kept one; `None` otherwise.
    pub fn retyped(&self, overrides: &Overrides, folder: &FolderView) -> Option<SourceFile> {
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::retype_document(&self.doc, &self.text, overrides, folder)
        }))
        .ok()??;
        Some(SourceFile::from_analysis(
            self.path.clone(),
            self.rel_path.clone(),
            self.text.clone(),
            doc,
            overrides,
        ))
    }

    /// Line starts of the text, computed on first use.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::of(&self.text))
    }

    /// What the pass over dates reads of this file for `date` (the date
    /// its claims gave it), made by `make` once per date.
    pub fn dating_facts(
        &self,
        date: &FileDate,
        make: impl FnOnce() -> DatingFacts,
    ) -> Arc<DatingFacts> {
        if let Some((d, facts)) = &*self.dating.lock().unwrap_or_else(|e| e.into_inner()) {
            if d == date {
                return facts.clone();
            }
        }
        let facts = Arc::new(make());
        *self.dating.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((date.clone(), facts.clone()));
        facts
    }

    /// This file's claims under `settings` when they are at hand.
    pub fn claims_if_known(&self, settings: &ClaimSettings) -> Option<Arc<FileClaims>> {
        let cache = self.claims_cache.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .as_ref()
            .filter(|(s, _)| s == settings)
            .map(|(_, c)| c.clone())
    }

    /// Take this file's claims under `settings` from elsewhere (a
    /// persisted copy made from the same text, analysis and settings).
    pub fn set_claims(&self, settings: &ClaimSettings, claims: Arc<FileClaims>) {
        *self.claims_cache.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((settings.clone(), claims));
    }

    /// This file's claims under `settings`, computed once per settings.
    pub fn claims(&self, settings: &ClaimSettings) -> Arc<FileClaims> {
        let mut cache = self.claims_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((s, c)) = cache.as_ref() {
            if s == settings {
                return c.clone();
            }
        }
        let c = Arc::new(super::claims::analyze(&self.text, &self.doc, settings));
        *cache = Some((settings.clone(), c.clone()));
        c
    }

    /// This file's claims under `settings` and a settled `date` when they
    /// are at hand.
    pub fn dated_claims_if_known(
        &self,
        settings: &ClaimSettings,
        date: &FileDate,
    ) -> Option<Arc<FileClaims>> {
        let cache = self.dated_claims.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .as_ref()
            .filter(|(s, d, _)| s == settings && d == date)
            .map(|(_, _, c)| c.clone())
    }

    /// Take this file's claims under `settings` and `date` from elsewhere
    /// (a persisted copy made from the same text, analysis, settings and
    /// date).
    pub fn set_dated_claims(&self, settings: &ClaimSettings, date: FileDate, c: Arc<FileClaims>) {
        *self.dated_claims.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((settings.clone(), date, c));
    }

    /// This file's claims under `settings` when it was written on `date`
    /// (one the folder settled), computed once per settings and date.
    pub fn claims_dated(&self, settings: &ClaimSettings, date: FileDate) -> Arc<FileClaims> {
        let mut cache = self.dated_claims.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((s, d, c)) = cache.as_ref() {
            if s == settings && *d == date {
                return c.clone();
            }
        }
        let c = Arc::new(super::claims::analyze_dated(
            &self.text,
            &self.doc,
            settings,
            date.clone(),
        ));
        *cache = Some((settings.clone(), date, c.clone()));
        c
    }
}
