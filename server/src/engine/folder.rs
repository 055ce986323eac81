//! A folder loaded through the engine in one go, for the command-line
//! tools: its configuration, its sources (read safely, see
//! `workspace::fs`) and its annotations, indexed exactly as the server
//! indexes a workspace folder, then taken as one immutable view.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::workspaces::Workspaces;
use super::{lock, Engine};
use crate::analysis::Snapshot;
use crate::annotations::{AnnotationSet, Finding};
use crate::config::{Config, ConfigError};
use crate::ide::diagnostics::Diagnostic;
use crate::workspace::{ScanOptions, Skip, DEFAULT_MAX_FILE_SIZE};

/// What the command line can set about reading a folder.
#[derive(Clone, Debug, Default)]
pub struct FolderOptions {
    /// `--max-file-size`: wins over the folder's `maxFileSize`.
    pub max_file_size: Option<u64>,
    /// `--follow-symlinks`: follow links that lead out of the folder.
    pub follow_links: bool,
    /// `--no-cache`: do not use the persisted index.
    pub no_cache: bool,
}

/// A folder, analysed with its configuration and annotations.
pub struct Folder {
    pub root: PathBuf,
    pub snap: Arc<Snapshot>,
    pub config: Config,
    /// `.crosscheck/config.json` could not be used (defaults apply).
    pub config_error: Option<ConfigError>,
    pub set: Arc<AnnotationSet>,
    /// About the `.crosscheck/` files.
    pub findings: Vec<Finding>,
    /// Sources not analysed, with why.
    pub skipped: Vec<(PathBuf, Skip)>,
    /// Links out of the folder were followed (`--follow-symlinks`).
    pub follow_links: bool,
    /// The engine that loaded it (for tools that go on changing it).
    pub engine: Arc<Engine>,
}

/// One source file's diagnostics, settled by the annotations.
pub struct FileReport<'a> {
    pub file: crate::analysis::FileId,
    pub path: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

/// An engine holding the one folder `root` (canonical), not yet indexed.
pub fn engine_for(root: &Path, opts: &FolderOptions) -> Arc<Engine> {
    let engine = Arc::new(Engine::new());
    engine.set_scan(ScanOptions {
        max_file_size: opts.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        follow_links: opts.follow_links,
        ..Default::default()
    });
    engine.size_limit_fixed.store(
        opts.max_file_size.is_some(),
        std::sync::atomic::Ordering::SeqCst,
    );
    engine.use_cache(!opts.no_cache, None);
    *lock(&engine.workspaces) = Workspaces::new(vec![root.to_path_buf()]);
    engine
}

/// Load and analyse `dir`; skipped files are reported on stderr.
pub fn load(dir: &Path, opts: &FolderOptions) -> anyhow::Result<Folder> {
    let root: PathBuf = dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open folder {}: {e}", dir.display()))?;
    if !root.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let engine = engine_for(&root, opts);
    let skipped = engine.index_root(&root, false);
    for (p, why) in &skipped {
        eprintln!("crosscheck: skipped {}: {why}", p.display());
    }
    let view = engine
        .folder_view(&root)
        .ok_or_else(|| anyhow::anyhow!("cannot index {}", dir.display()))?;
    if view.snap.files.is_empty() && skipped.is_empty() {
        eprintln!(
            "crosscheck: no .txt or .md files found in {} (hidden folders, .gitignore'd files and .crosscheck/ are not read)",
            dir.display()
        );
    }
    let (config, config_error) = {
        let settings = lock(&engine.settings);
        match settings.folder(&root) {
            Some(fc) => (fc.config().clone(), fc.error.clone()),
            None => (Config::default(), None),
        }
    };
    let findings = engine.folder_findings(&root);
    Ok(Folder {
        root,
        snap: view.snap,
        config,
        config_error,
        set: view.annotations.unwrap_or_default(),
        findings,
        skipped,
        follow_links: opts.follow_links,
        engine,
    })
}

impl Folder {
    /// Every source file's diagnostics, as the server publishes them
    /// (files in parallel, in file order).
    pub fn reports(&self) -> Vec<FileReport<'_>> {
        use crate::ide::diagnostics_store;
        use rayon::prelude::*;
        // Read back from the persisted index when it holds this folder
        // state's; else the claims index first, once: every file's
        // diagnostics read it.
        let mut read = diagnostics_store::stored_all(&self.snap, &self.config)
            .filter(|all| !all.is_empty() && all.iter().all(Option::is_some));
        let stored = read.is_some();
        if !stored {
            self.snap.claims();
        }
        let raw: Vec<(crate::analysis::FileId, Vec<Diagnostic>)> = match read.take() {
            Some(all) => all
                .into_iter()
                .enumerate()
                .map(|(f, d)| (f as crate::analysis::FileId, d.unwrap_or_default()))
                .collect(),
            None => (0..self.snap.files.len() as crate::analysis::FileId)
                .into_par_iter()
                .map(|f| {
                    (
                        f,
                        crate::ide::diagnostics::compute(&self.snap, &self.config, f),
                    )
                })
                .collect(),
        };
        if !stored {
            diagnostics_store::store_all(&self.snap, &self.config, &raw);
        }
        raw.into_par_iter()
            .map(|(f, mut diagnostics)| {
                crate::ide::annotated::settle(&self.set, &self.snap, f, &mut diagnostics);
                FileReport {
                    file: f,
                    path: &self.snap.file(f).rel_path,
                    diagnostics,
                }
            })
            .collect()
    }
}
