//! Loading a folder for the command-line tools.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::claims::ClaimSettings;
use crate::analysis::{AnalysisHost, Snapshot};
use crate::config::{Config, CONFIG_PATH};
use crate::lsp::annot_core::CheckAnnotations;
use crate::workspace::{load_folder, ScanOptions};

/// A folder loaded as `check` sees it: its configuration, its analysis
/// with the knowledge base and links of its annotations, and the
/// annotations themselves.
pub struct Checked {
    pub config: Config,
    pub snap: Arc<Snapshot>,
    pub annotations: CheckAnnotations,
}

/// Load `dir` with its `.crosscheck/config.json` (an invalid one is
/// reported on stderr and the defaults are used) and its annotations.
pub fn load_checked(dir: &Path, opts: &ScanOptions) -> anyhow::Result<Checked> {
    let (config, err) = Config::load(dir);
    if let Some(e) = err {
        eprintln!(
            "{}:{}:{}: error[config]: {} (using the defaults)",
            dir.join(CONFIG_PATH).display(),
            e.line,
            e.col,
            e.message
        );
    }
    let snap = analyse_folder_with(dir, opts, config.claims.clone())?;
    // Annotations (.crosscheck/): they feed the analysis and settle or add
    // diagnostics.
    let (snap, annotations) = CheckAnnotations::load(snap);
    Ok(Checked {
        config,
        snap,
        annotations,
    })
}

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
