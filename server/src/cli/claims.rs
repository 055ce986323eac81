//! `crosscheck claims [DIR] [--format json|text] [--pairs]`: every claim of
//! a folder with its attribution, hedges, facts, and the claims elsewhere
//! that corroborate or contradict it; the export a fact-checker takes to a
//! spreadsheet and what tests and `eval claims` read.
//!
//! The folder is loaded exactly as `check` loads it (configuration,
//! knowledge base, links and decisions of `.crosscheck/`). The JSON shape
//! lives in [`model`]; this file only loads and prints.
pub mod export;
pub mod model;
pub mod text;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::load::FolderOptions;
use crate::cli::FolderArgs;
pub use model::Export;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to analyse (default: current folder); its .crosscheck/
    /// configuration and annotations apply.
    pub dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// List every conflicting and corroborating pair of claims with both
    /// sentences, for reading, instead of the claims file by file.
    #[arg(long)]
    pub pairs: bool,
    /// Corroborating and conflicting claims listed per claim at most
    /// (the totals are always given); 0 lists them all.
    #[arg(long, default_value_t = 100)]
    pub max_links: usize,
    #[command(flatten)]
    pub folder: FolderArgs,
}

/// A folder's export and its texts (for line numbers in text listings).
pub struct Loaded {
    pub export: Export,
    /// `(path, text)` in the export's file order.
    pub texts: Vec<(String, std::sync::Arc<str>)>,
}

/// Load `dir` as `check` does and convert it, listing at most `max_links`
/// links per claim (`None`: all): the one code path of `claims` and `eval
/// claims`.
pub fn load(dir: &Path, opts: &FolderOptions, max_links: Option<usize>) -> anyhow::Result<Loaded> {
    let folder = crate::cli::load::load(dir, opts)?;
    let reports = folder.reports();
    let export = export::export(&export::Input {
        snap: &folder.snap,
        annotations: &folder.set,
        reports: &reports,
        max_links,
    });
    let mut texts: Vec<(String, std::sync::Arc<str>)> = folder
        .snap
        .files
        .iter()
        .map(|f| (f.rel_path.clone(), f.text.clone()))
        .collect();
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Loaded { export, texts })
}

pub fn run(args: Args) -> i32 {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let max_links = (args.max_links > 0).then_some(args.max_links);
    let loaded = match load(&dir, &args.folder.options(), max_links) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match (args.format, args.pairs) {
        (Format::Json, false) => serde_json::to_writer_pretty(&mut out, &loaded.export)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        (Format::Json, true) => {
            serde_json::to_writer_pretty(&mut out, &text::pairs(&loaded.export))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        (Format::Text, false) => text::write_claims(&loaded, &mut out),
        (Format::Text, true) => text::write_pairs(&loaded, &mut out),
    };
    match res {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            2
        }
    }
}
