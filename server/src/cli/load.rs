//! Loading a folder for the command-line tools, as the server loads it: its
//! configuration, its sources (read safely, see `workspace::fs`), its
//! annotations, analysed together through `ide::annotated`.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::Snapshot;
use crate::annotations::{AnnotationSet, Finding, LoadOptions};
use crate::config::{Config, ConfigError};
use crate::ide::annotated::{analyse_annotated, findings_of, overrides_from, settle};
use crate::ide::diagnostics::Diagnostic;
use crate::workspace::{load_folder, ScanOptions, Skip, DEFAULT_MAX_FILE_SIZE};

/// What the command line can set about reading a folder.
#[derive(Clone, Debug, Default)]
pub struct FolderOptions {
    /// `--max-file-size`: wins over the folder's `maxFileSize`.
    pub max_file_size: Option<u64>,
    /// `--follow-symlinks`: follow links that lead out of the folder.
    pub follow_links: bool,
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
}

/// One source file's diagnostics, settled by the annotations.
pub struct FileReport<'a> {
    pub file: crate::analysis::FileId,
    pub path: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

/// Load and analyse `dir`; skipped files are reported on stderr.
pub fn load(dir: &Path, opts: &FolderOptions) -> anyhow::Result<Folder> {
    let root: PathBuf = dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open folder {}: {e}", dir.display()))?;
    if !root.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let (config, config_error) = Config::load(&root, opts.follow_links);
    let scan = ScanOptions {
        max_file_size: opts
            .max_file_size
            .or(config.max_file_size)
            .unwrap_or(DEFAULT_MAX_FILE_SIZE),
        follow_links: opts.follow_links,
        ..Default::default()
    };
    let loaded = load_folder(&root, &scan);
    for (p, why) in &loaded.skipped {
        eprintln!("crosscheck: skipped {}: {why}", p.display());
    }
    if loaded.files.is_empty() && loaded.skipped.is_empty() {
        eprintln!(
            "crosscheck: no .txt or .md files found in {} (hidden folders, .gitignore'd files and .crosscheck/ are not read)",
            dir.display()
        );
    }
    let (set, load_findings) = AnnotationSet::load_with(
        &root,
        &LoadOptions {
            follow_links: opts.follow_links,
            ..Default::default()
        },
    );
    let set = Arc::new(set);
    let mut host = analyse_annotated(
        &root,
        Arc::new(overrides_from(&set)),
        config.claims.clone(),
        loaded.files,
    );
    let snap = host.snapshot();
    let findings = findings_of(&set, load_findings, &snap);
    Ok(Folder {
        root,
        snap,
        config,
        config_error,
        set,
        findings,
        skipped: loaded.skipped,
        follow_links: opts.follow_links,
    })
}

impl Folder {
    /// Every source file's diagnostics, as the server publishes them.
    pub fn reports(&self) -> Vec<FileReport<'_>> {
        (0..self.snap.files.len() as crate::analysis::FileId)
            .map(|f| {
                let mut diagnostics = crate::ide::diagnostics::compute(&self.snap, &self.config, f);
                settle(&self.set, &self.snap, f, &mut diagnostics);
                FileReport {
                    file: f,
                    path: &self.snap.file(f).rel_path,
                    diagnostics,
                }
            })
            .collect()
    }
}
