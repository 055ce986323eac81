//! Loading a folder for the command-line tools.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::claims::ClaimSettings;
use crate::analysis::{AnalysisHost, Snapshot};
use crate::workspace::{load_folder, ScanOptions};

/// Analyse every source under `dir`; skipped files are reported on stderr.
pub fn analyse_folder(dir: &Path, opts: &ScanOptions) -> anyhow::Result<Arc<Snapshot>> {
    analyse_folder_with(dir, opts, ClaimSettings::default())
}

/// As [`analyse_folder`], with the claim word lists of a configuration.
pub fn analyse_folder_with(
    dir: &Path,
    opts: &ScanOptions,
    settings: ClaimSettings,
) -> anyhow::Result<Arc<Snapshot>> {
    let root: PathBuf = dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open folder {}: {e}", dir.display()))?;
    if !root.is_dir() {
        anyhow::bail!("{} is not a folder", dir.display());
    }
    let loaded = load_folder(&root, opts);
    for (p, why) in &loaded.skipped {
        eprintln!("crosscheck: skipped {}: {why}", p.display());
    }
    let mut host = AnalysisHost::new(Some(root));
    host.set_claim_settings(settings);
    host.set_files(loaded.files);
    Ok(host.snapshot())
}
