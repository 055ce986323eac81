//! `crosscheck eval claims [--corpus DIR] [--details]`: the claims of a
//! development corpus scored against its `expected.json` — conflict recall,
//! false conflicts, false corroborations, publication dates, and the
//! attribution and hedge diagnostics.
//!
//! Each sub-folder of the corpus is one workspace (a folder a person would
//! open), loaded through the same code path as `crosscheck claims`; paths in
//! `expected.json` are relative to the corpus. Figures are reported, never
//! asserted: they are there to steer the analysis.
pub mod expected;
pub mod score;

use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::claims::model::Export;
pub use score::Scores;

#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Score claims, conflicts, corroborations, publication dates and the
    /// attribution/hedge diagnostics against a corpus's expected.json.
    Claims(Args),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus folder with expected.json (default: tests/corpora/claims-dev
    /// of this checkout).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// List every miss and false hit.
    #[arg(long)]
    pub details: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[arg(long, default_value_t = crate::workspace::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

pub fn default_corpus() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpora/claims-dev");
    if p.is_dir() {
        p.canonicalize().unwrap_or(p)
    } else {
        PathBuf::from("tests/corpora/claims-dev")
    }
}

/// The corpus's workspaces: its sub-folders (hidden ones left out), or the
/// corpus itself when it has none. Names in path order.
pub fn workspaces(corpus: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(corpus)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type()?.is_dir() && !name.starts_with('.') {
            out.push(name);
        }
    }
    out.sort();
    if out.is_empty() {
        out.push(String::new());
    }
    Ok(out)
}

/// Every workspace of the corpus loaded and exported as `crosscheck
/// claims` does, paths made relative to the corpus.
pub fn export_corpus(corpus: &Path, max_file_size: u64) -> anyhow::Result<Export> {
    let mut all = Export {
        version: crate::cli::claims::model::SCHEMA_VERSION,
        files: Vec::new(),
    };
    for ws in workspaces(corpus)? {
        let dir = corpus.join(&ws);
        // Every link: the scores must not depend on a display limit.
        let loaded = crate::cli::claims::load(
            &dir,
            &crate::cli::load::FolderOptions {
                max_file_size: Some(max_file_size),
                ..Default::default()
            },
            None,
        )?;
        let prefix = |p: &mut String| {
            if !ws.is_empty() {
                *p = format!("{ws}/{p}");
            }
        };
        for mut f in loaded.export.files {
            prefix(&mut f.path);
            for c in &mut f.claims {
                c.corroborated_by
                    .iter_mut()
                    .for_each(|k| prefix(&mut k.path));
                c.conflicts_with
                    .iter_mut()
                    .for_each(|k| prefix(&mut k.path));
            }
            all.files.push(f);
        }
    }
    all.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(all)
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub corpus: String,
    pub workspaces: usize,
    #[serde(flatten)]
    pub scores: Scores,
}

/// Load, export and score a corpus.
pub fn evaluate(corpus: &Path, max_file_size: u64) -> anyhow::Result<Report> {
    let exp = expected::load(corpus).map_err(|errors| {
        anyhow::anyhow!(
            "{}: invalid expectations:\n  {}",
            corpus.join("expected.json").display(),
            errors.join("\n  ")
        )
    })?;
    let export = export_corpus(corpus, max_file_size)?;
    Ok(Report {
        corpus: corpus.display().to_string(),
        workspaces: workspaces(corpus)?.len(),
        scores: score::score(&export, &exp),
    })
}

pub fn run(a: Args) -> i32 {
    let corpus = a.corpus.unwrap_or_else(default_corpus);
    let mut report = match evaluate(&corpus, a.max_file_size) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    };
    if !a.details {
        report.scores.details.clear();
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match a.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &report)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
        Format::Text => write_text(&report, &mut out),
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

fn fig(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |v| format!("{v:.2}"))
}

fn write_text(r: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let s = &r.scores;
    writeln!(
        out,
        "Claims evaluation on {} ({} workspaces, {} files, {} claims, {} facts)\n",
        r.corpus, r.workspaces, s.files, s.claims, s.facts
    )?;
    let c = &s.conflicts;
    writeln!(
        out,
        "conflicts            recall {} ({} of {} expected); precision {} ({} of {} conflicting pairs expected)",
        fig(c.recall),
        c.found,
        c.expected,
        fig(c.precision),
        c.pairs_expected,
        c.pairs_found
    )?;
    let kinds: Vec<String> = c
        .by_kind
        .iter()
        .map(|(k, n)| format!("{k} {}/{}", n.found, n.expected))
        .collect();
    writeln!(out, "  found by kind      {}", kinds.join(", "))?;
    let listed: usize = c.must_not.values().map(|n| n.expected).sum();
    let whys: Vec<String> = c
        .must_not
        .iter()
        .map(|(k, n)| format!("{k} {}/{}", n.found, n.expected))
        .collect();
    writeln!(
        out,
        "  false conflicts    {} of {} listed non-conflicts ({}); {} more unlisted",
        c.false_listed,
        listed,
        whys.join(", "),
        c.false_unlisted
    )?;
    let k = &s.corroborations;
    writeln!(
        out,
        "corroborations       recall {} ({} of {} through a fact; {} more by word overlap only); {} corroborating pairs in all",
        fig(k.recall),
        k.found,
        k.expected,
        k.found_as_assertion_only,
        k.pairs_found
    )?;
    let f = &s.false_corroborations;
    let whys: Vec<String> = f
        .by_reason
        .iter()
        .map(|(k, n)| format!("{k} {}/{}", n.found, n.expected))
        .collect();
    writeln!(
        out,
        "false corroborations {} of {} pairs that must not agree ({}); {} conflicting pairs shown as plain agreement on another fact",
        f.found,
        f.checked,
        whys.join(", "),
        f.plain_on_conflict
    )?;
    let d = &s.dates;
    writeln!(
        out,
        "publication dates    stated: {} of {} right ({}); estimated: {} of {} within range; scheduled days avoided: {} of {}; no date given: {}",
        d.stated_correct,
        d.stated,
        fig(d.stated_accuracy),
        d.estimated_correct,
        d.estimated,
        d.traps_avoided,
        d.traps,
        d.undated
    )?;
    writeln!(
        out,
        "diagnostics          code              tp  fn  fp  tn  precision  recall"
    )?;
    for (code, x) in &s.diagnostics {
        writeln!(
            out,
            "                     {code:<17} {:>3} {:>3} {:>3} {:>3}  {:>9}  {:>6}",
            x.tp,
            x.fn_,
            x.fp,
            x.tn,
            fig(x.precision),
            fig(x.recall)
        )?;
    }
    if !s.details.is_empty() {
        writeln!(out, "\nDetails ({})", s.details.len())?;
        for x in &s.details {
            writeln!(out, "\n- {}", x.what)?;
            writeln!(out, "    {}", x.a)?;
            if let Some(b) = &x.b {
                writeln!(out, "    {b}")?;
            }
            if !x.note.is_empty() {
                writeln!(out, "    note: {}", x.note)?;
            }
        }
    }
    Ok(())
}
