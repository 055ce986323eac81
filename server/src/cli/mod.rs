//! Command-line entry points: `lsp`, `entities`, and the corpus tools.
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub mod bench;
pub mod check;
pub mod claims;
pub mod entities;
pub mod eval;
pub mod export;
pub mod import;
pub mod load;
pub mod ner;
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
        /// Do not use the persisted index (the cache of analyses in the
        /// user's cache folder); the `cache` setting does the same.
        #[arg(long)]
        no_cache: bool,
    },
    /// List the entities of a folder of sources.
    Entities {
        /// Folder to analyse (default: current folder).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = entities::Format::Text)]
        format: entities::Format,
        #[command(flatten)]
        folder: FolderArgs,
    },
    /// Score recognition and cross-file linking against the GUM news and
    /// MEANTIME gold annotations (named mentions only; see the printed rule);
    /// `eval claims` scores claims against a development corpus.
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        #[command(subcommand)]
        what: Option<eval::claims::EvalCommand>,
        /// GUM brat folder (default: $CROSSCHECK_DATA/gum_news/brat or ../shared/data/gum_news/brat).
        #[arg(long)]
        gum: Option<PathBuf>,
        /// MEANTIME brat folder (default: $CROSSCHECK_DATA/meantime_en/docs or ../shared/data/meantime_en/docs).
        #[arg(long)]
        meantime: Option<PathBuf>,
        /// GUM CoNLL-U folder with splits.md, for the held-out dev and test
        /// split (default: $CROSSCHECK_DATA/ud/gum or ../shared/data/ud/gum).
        #[arg(long)]
        ud_gum: Option<PathBuf>,
        /// UD English-EWT folder with the Universal NER files, for the
        /// held-out EWT dev and test splits (default: $CROSSCHECK_DATA/ud/en_ewt
        /// or ../shared/data/ud/en_ewt).
        #[arg(long)]
        ud_ewt: Option<PathBuf>,
        /// Only these corpora (by short name: gum, meantime, gum-dev,
        /// gum-test, ewt-dev, ewt-test).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Also score another system's mentions (JSON written by
        /// scripts/spacy-side-by-side.sh) with the same scorer, side by side.
        #[arg(long)]
        predictions: Vec<PathBuf>,
        /// Print the corpora (short name, folder of .txt files) as JSON and
        /// exit: what an external system must read.
        #[arg(long)]
        list_corpora: bool,
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
        /// Exit with status 1 when a diagnostic or finding of this
        /// severity or higher is found (a broken configuration is an error).
        #[arg(long, value_enum, default_value_t = check::FailOn::Error)]
        fail_on: check::FailOn,
        #[command(flatten)]
        folder: FolderArgs,
    },
    /// Every claim of a folder with its attribution, hedges, facts,
    /// corroborations and conflicts (JSON for spreadsheets and tests).
    Claims(claims::Args),
    /// Export mentions and annotations as brat standoff or W3C Web Annotation.
    Export {
        #[arg(long, value_enum)]
        format: export::Format,
        /// Workspace folder.
        dir: PathBuf,
        /// Output folder (created; must not be DIR, and must be empty
        /// unless --force).
        out: PathBuf,
        /// Write into a non-empty OUT (files of the same name are replaced).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        folder: FolderArgs,
    },
    /// Tagger and dependency parser: train, evaluate, try (for developers).
    #[command(subcommand, hide = true)]
    Syntax(syntax::SyntaxCommand),
    /// Learned name tagger: train and score (for developers).
    #[command(subcommand, hide = true)]
    Ner(ner::NerCommand),
    /// Import a brat corpus's entity annotations into DIR/.crosscheck/.
    Import {
        #[arg(long, value_enum)]
        format: import::Format,
        /// Folder with DOC.txt and DOC.ann files.
        dir: PathBuf,
        /// Report what would change without writing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        folder: FolderArgs,
    },
}

/// How a folder is read (shared by the folder commands).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FolderArgs {
    /// Skip source files larger than this many bytes (default: the
    /// folder's maxFileSize in .crosscheck/config.json, else 10 MB).
    #[arg(long)]
    pub max_file_size: Option<u64>,
    /// Follow symbolic links that lead out of the folder (off by default:
    /// a folder from elsewhere could point them anywhere).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Do not use the persisted index (the cache of analyses in the user's
    /// cache folder, `$XDG_CACHE_HOME/crosscheck/`).
    #[arg(long)]
    pub no_cache: bool,
}

impl FolderArgs {
    pub fn options(&self) -> load::FolderOptions {
        load::FolderOptions {
            max_file_size: self.max_file_size,
            follow_links: self.follow_symlinks,
            no_cache: self.no_cache,
        }
    }
}

/// "1 mention", "2 mentions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

/// Run the command line. `serve_lsp` serves the language server (the
/// binary hands it in: the command line does not depend on the protocol
/// layer, both sit on the engine).
pub fn main(serve_lsp: fn(crate::engine::ServerOptions) -> i32) -> i32 {
    let cli = Cli::parse();
    init_logging();
    match cli.command {
        Command::Lsp { no_cache, .. } => {
            serve_lsp(crate::engine::ServerOptions { cache: !no_cache })
        }
        Command::Entities {
            dir,
            format,
            folder,
        } => entities::run(dir, format, &folder.options()),
        Command::Eval {
            what: Some(eval::claims::EvalCommand::Claims(args)),
            ..
        } => eval::claims::run(args),
        Command::Eval {
            what: None,
            gum,
            meantime,
            ud_gum,
            ud_ewt,
            only,
            predictions,
            list_corpora,
            format,
            details,
            top,
        } => eval::run(eval::Args {
            gum,
            meantime,
            ud_gum,
            ud_ewt,
            only,
            predictions,
            list_corpora,
            format,
            details,
            top,
        }),
        Command::Bench(cmd) => bench::main(cmd),
        Command::Syntax(cmd) => syntax::main(cmd),
        Command::Ner(cmd) => ner::main(cmd),
        Command::Check {
            dir,
            format,
            fail_on,
            folder,
        } => check::run(check::Args {
            dir,
            format,
            fail_on,
            folder: folder.options(),
        }),
        Command::Claims(args) => claims::run(args),
        Command::Export {
            format,
            dir,
            out,
            force,
            folder,
        } => export::run(dir, out, format, force, &folder.options()),
        Command::Import {
            format,
            dir,
            dry_run,
            folder,
        } => import::run(dir, format, &folder.options(), dry_run),
    }
}
