//! `crosscheck import --format brat DIR`: bring a brat corpus's entity
//! annotations (`DOC.ann` beside `DOC.txt`) into `DIR/.crosscheck/`.
//! Existing annotations are kept; importing twice adds nothing.
use std::path::{Path, PathBuf};

use crate::annotations::brat::{import, ImportDoc};
use crate::annotations::store::write_atomic;
use crate::annotations::{AnnotationSet, LoadOptions};
use crate::workspace::{discover, read_source, ScanOptions};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Brat,
}

pub fn run(dir: PathBuf, format: Format, opts: &super::load::FolderOptions, dry_run: bool) -> i32 {
    match import_dir(&dir, format, opts, dry_run) {
        Ok(0) => {
            eprintln!("crosscheck: nothing to change in .crosscheck/ (already imported)");
            0
        }
        Ok(n) => {
            eprintln!(
                "crosscheck: {} {} in .crosscheck/",
                if dry_run { "would change" } else { "changed" },
                super::count(n, "file", "files")
            );
            0
        }
        Err(e) => {
            eprintln!("crosscheck: {e}");
            2
        }
    }
}

/// Import and write; returns how many files changed.
pub fn import_dir(
    dir: &Path,
    _format: Format,
    folder: &super::load::FolderOptions,
    dry_run: bool,
) -> anyhow::Result<usize> {
    let root = dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open folder {}: {e}", dir.display()))?;
    let (set, findings) = AnnotationSet::load_with(
        &root,
        &LoadOptions {
            follow_links: folder.follow_links,
            ..Default::default()
        },
    );
    for f in &findings {
        eprintln!("{f}");
    }
    let opts = ScanOptions {
        max_file_size: folder
            .max_file_size
            .unwrap_or(crate::workspace::DEFAULT_MAX_FILE_SIZE),
        extensions: vec!["ann".into()],
        follow_links: folder.follow_links,
    };
    let anns = discover(&root, &opts);
    if anns.is_empty() {
        anyhow::bail!(
            "no .ann files found in {} (a brat corpus has DOC.ann beside each DOC.txt); nothing was changed",
            dir.display()
        );
    }
    let mut texts = Vec::new();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let (a, t) = match (
            read_source(&root, &ann, &opts),
            read_source(&root, &txt, &opts),
        ) {
            (Ok(a), Ok(t)) => (a, t),
            (Err(e), _) => {
                eprintln!("crosscheck: skipped {}: {e}", ann.display());
                continue;
            }
            (_, Err(e)) => {
                eprintln!(
                    "crosscheck: skipped {}: its text {}: {e}",
                    ann.display(),
                    txt.display()
                );
                continue;
            }
        };
        texts.push((crate::workspace::slash_path(&root, &txt), t, a));
    }
    let docs: Vec<ImportDoc> = texts
        .iter()
        .map(|(s, t, a)| ImportDoc {
            source: s,
            text: t,
            ann: a,
        })
        .collect();
    let (changes, report) = import(&set, &docs).map_err(|e| anyhow::anyhow!("{e}"))?;
    for r in &report {
        eprintln!("crosscheck: {r}");
    }
    if !dry_run {
        for c in &changes {
            write_atomic(set.scope(), &c.path, c.expected.as_ref(), &c.new_text)?;
        }
    }
    Ok(changes.len())
}
