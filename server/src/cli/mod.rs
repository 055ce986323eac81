//! Command-line entry points: `lsp`, `entities`, and the corpus tools.
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub mod bench;
pub mod check;
pub mod entities;
pub mod eval;
pub mod export;
pub mod import;
pub mod load;
pub mod syntax;

#[derive(Parser, Debug)]
#[command(
    name = "crosscheck",
    version,
    about = "Entities, claims and sources in news text: a language server and its tools"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Speak the Language Server Protocol over stdio.
    Lsp {
        /// Accepted and ignored: clients append it.
        #[arg(long)]
        stdio: bool,
    },
    /// List the entities of a folder of sources.
    Entities {
        /// Folder to analyse (default: current folder).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = entities::Format::Text)]
        format: entities::Format,
        /// Skip files larger than this many bytes.
        #[arg(long, default_value_t = crate::workspace::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
    /// Score recognition and cross-file linking against the GUM news and
    /// MEANTIME gold annotations (named mentions only; see the printed rule).
    Eval {
        /// GUM brat folder (default: $CROSSCHECK_DATA/gum_news/brat or ../shared/data/gum_news/brat).
        #[arg(long)]
        gum: Option<PathBuf>,
        /// MEANTIME brat folder (default: $CROSSCHECK_DATA/meantime_en/docs or ../shared/data/meantime_en/docs).
        #[arg(long)]
        meantime: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = eval::Format::Text)]
        format: eval::Format,
        /// List false positives and false negatives by type.
        #[arg(long)]
        details: bool,
        /// How many of each to list with --details.
        #[arg(long, default_value_t = 40)]
        top: usize,
    },
    /// Performance benchmark: generate a corpus, then measure it.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Print the diagnostics of a folder (claims without sources,
    /// anonymous sources, hedges, conflicts, ambiguous dates).
    Check {
        /// Folder to check (default: current folder); its
        /// .crosscheck/config.json is read if present.
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = check::Format::Text)]
        format: check::Format,
        /// Exit with status 1 when a diagnostic of this severity or higher is found.
        #[arg(long, value_enum, default_value_t = check::FailOn::Error)]
        fail_on: check::FailOn,
        /// Skip files larger than this many bytes.
        #[arg(long, default_value_t = crate::workspace::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
    /// Export mentions and annotations as brat standoff or W3C Web Annotation.
    Export {
        #[arg(long, value_enum)]
        format: export::Format,
        /// Workspace folder.
        dir: PathBuf,
        /// Output folder (created; must not be DIR).
        out: PathBuf,
        /// Skip source files larger than this many bytes.
        #[arg(long, default_value_t = crate::workspace::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
    /// Tagger and dependency parser: train, evaluate, try (for developers).
    #[command(subcommand, hide = true)]
    Syntax(syntax::SyntaxCommand),
    /// Import a brat corpus's entity annotations into DIR/.crosscheck/.
    Import {
        #[arg(long, value_enum)]
        format: import::Format,
        /// Folder with DOC.txt and DOC.ann files.
        dir: PathBuf,
        /// Report what would change without writing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, default_value_t = crate::workspace::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
}

fn init_logging() {
    // Logs go to stderr: stdout is the protocol in `lsp` mode.
    let filter = tracing_subscriber::EnvFilter::try_from_env("CROSSCHECK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

pub fn main() -> i32 {
    let cli = Cli::parse();
    init_logging();
    match cli.command {
        Command::Lsp { .. } => crate::lsp::run_stdio(),
        Command::Entities {
            dir,
            format,
            max_file_size,
        } => entities::run(dir, format, max_file_size),
        Command::Eval {
            gum,
            meantime,
            format,
            details,
            top,
        } => eval::run(eval::Args {
            gum,
            meantime,
            format,
            details,
            top,
        }),
        Command::Bench(cmd) => bench::main(cmd),
        Command::Syntax(cmd) => syntax::main(cmd),
        Command::Check {
            dir,
            format,
            fail_on,
            max_file_size,
        } => check::run(dir, format, fail_on, max_file_size),
        Command::Export {
            format,
            dir,
            out,
            max_file_size,
        } => export::run(dir, out, format, max_file_size),
        Command::Import {
            format,
            dir,
            dry_run,
            max_file_size,
        } => import::run(dir, format, max_file_size, dry_run),
    }
}
