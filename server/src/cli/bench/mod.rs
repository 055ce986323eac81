//! `crosscheck bench`: a deterministic corpus generator and the performance
//! benchmark run over it (see `bench/README.md` at the repository root).
pub mod gen;
pub mod run;
pub mod varied;

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Write a deterministic news-like corpus (about 3 KB per file, plus
    /// big_100k.txt) built from the examples and, if present, the GUM and
    /// MEANTIME texts in shared/data.
    GenCorpus {
        out: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        files: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Use only the repository's examples, not shared/data.
        #[arg(long)]
        no_shared: bool,
        /// Whole real texts from shared/data (GUM, MEANTIME, UD GUM and
        /// EWT documents) with names and numbers varied in each copy,
        /// instead of recombined paragraphs.
        #[arg(long, conflicts_with = "no_shared")]
        varied: bool,
    },
    /// Measure cold indexing, peak memory, re-analysis after edits and
    /// hover/definition/references latency on a generated corpus.
    Run {
        corpus: PathBuf,
        #[arg(long)]
        json: bool,
        /// Edits of big_100k.txt to time.
        #[arg(long, default_value_t = 50)]
        edits: usize,
        /// Cursor positions to time each feature at.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Keep analyses and claims in a persisted index in this folder:
        /// a second run measures a warm start.
        #[arg(long)]
        cache: Option<PathBuf>,
    },
}

pub fn main(cmd: BenchCommand) -> i32 {
    match cmd {
        BenchCommand::GenCorpus {
            out,
            files,
            seed,
            varied: true,
            ..
        } => match varied::generate(&out, files, seed, &super::eval::resolve(None, "")) {
            Ok(w) => {
                eprintln!(
                    "wrote {} files, {:.1} MB to {} (varied copies of {} source texts)",
                    w.files,
                    w.bytes as f64 / 1e6,
                    out.display(),
                    w.sources
                );
                0
            }
            Err(e) => {
                eprintln!("crosscheck: gen-corpus: {e}");
                1
            }
        },
        BenchCommand::GenCorpus {
            out,
            files,
            seed,
            no_shared,
            ..
        } => {
            let shared: Vec<PathBuf> = if no_shared {
                Vec::new()
            } else {
                [super::eval::GUM_SUB, super::eval::MEANTIME_SUB]
                    .into_iter()
                    .map(|s| super::eval::resolve(None, s))
                    .filter(|p| p.is_dir())
                    .collect()
            };
            match gen::generate(&out, files, seed, &shared) {
                Ok(s) => {
                    eprintln!(
                        "wrote {} files, {:.1} MB to {} ({} source paragraphs; shared texts: {})",
                        s.files,
                        s.bytes as f64 / 1e6,
                        out.display(),
                        s.paragraphs,
                        if shared.is_empty() {
                            "none".to_string()
                        } else {
                            shared
                                .iter()
                                .map(|p| p.display().to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    );
                    0
                }
                Err(e) => {
                    eprintln!("crosscheck: gen-corpus: {e}");
                    1
                }
            }
        }
        BenchCommand::Run {
            corpus,
            json,
            edits,
            queries,
            seed,
            cache,
        } => match run::run(
            &corpus,
            &run::RunOptions {
                edits,
                queries,
                seed,
                cache,
            },
        ) {
            Ok(r) => {
                if json {
                    println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
                } else {
                    print!("{}", run::table(&r));
                }
                0
            }
            Err(e) => {
                eprintln!("crosscheck: bench run: {e}");
                1
            }
        },
    }
}
