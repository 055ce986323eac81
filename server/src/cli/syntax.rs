//! `crosscheck syntax ...` (hidden): train, evaluate and try the tagger and
//! dependency parser.
//!
//! ```text
//! # Reproduce the shipped weights (release build; a few minutes on 2 cores):
//! cargo run --release -- syntax train --ud ../shared/data/ud --out server/data/models/syntax.xcm
//! # Score a weight file (default: the embedded one) on GUM dev/test:
//! cargo run --release -- syntax eval --ud ../shared/data/ud
//! # Parse text:
//! cargo run -- syntax parse "NATO said Russia did not attack Kyiv."
//! ```
//!
//! Data: GUM (`ud/gum/*.conllu` with its official `splits.md`) and the
//! English Web Treebank dev and test files (`ud/en_ewt/`). Training uses GUM
//! train + EWT dev + EWT test; GUM dev is the only set looked at while
//! tuning; GUM test is reported, never tuned on.
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;

use crate::analysis::learn::perceptron::FinishOptions;
use crate::analysis::syntax::conllu::{self, TreeSentence};
use crate::analysis::syntax::eval::{evaluate, Scores};
use crate::analysis::syntax::model::SyntaxModel;
use crate::analysis::syntax::train::{train, TrainOptions};

#[derive(Subcommand, Debug)]
pub enum SyntaxCommand {
    /// Train the tagger, lemmatiser and parser; write the weight file.
    Train {
        /// The `ud` folder (default: $CROSSCHECK_DATA/ud or ../shared/data/ud).
        #[arg(long)]
        ud: Option<PathBuf>,
        /// Where to write the weights.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = TrainOptions::default().tagger_epochs)]
        tagger_epochs: usize,
        #[arg(long, default_value_t = TrainOptions::default().parser_epochs)]
        parser_epochs: usize,
        #[arg(long, default_value_t = TrainOptions::default().folds)]
        folds: usize,
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
        /// Score GUM dev after every epoch (slower; for tuning).
        #[arg(long)]
        dev_every_epoch: bool,
        /// Also report dev scores and sizes for these pruning settings,
        /// each "MIN_COUNT:MIN_RELATIVE_WEIGHT:LEVELS" (for tuning).
        #[arg(long, value_delimiter = ',')]
        prune_trials: Vec<String>,
        /// Parser pruning: drop features seen fewer times than this.
        #[arg(long, default_value_t = TrainOptions::default().parser_finish.min_count)]
        min_count: u32,
        /// Parser pruning: drop weights below this fraction of the largest.
        #[arg(long, default_value_t = TrainOptions::default().parser_finish.min_relative_weight)]
        min_weight: f32,
        /// Extra sentences derived from the training data with news
        /// attribution frames ("X, officials said.").
        #[arg(long, default_value_t = TrainOptions::default().augment)]
        augment: usize,
        /// Parser quantisation: the largest weight's integer magnitude.
        #[arg(long, default_value_t = TrainOptions::default().parser_finish.levels)]
        levels: u16,
    },
    /// Score a weight file on GUM dev and test (and the news documents).
    Eval {
        #[arg(long)]
        ud: Option<PathBuf>,
        /// Weight file (default: the one built into this binary, or
        /// $CROSSCHECK_PARSER_MODEL).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also score with gold tags and list attachment by relation (dev).
        #[arg(long)]
        details: bool,
    },
    /// Parse text (the argument, or the source files given with --file) and
    /// print CoNLL-U, one block per sentence, with byte offsets in MISC.
    Parse {
        /// Text to parse (split into sentences as documents are).
        text: Option<String>,
        /// Source files to parse instead (every non-boilerplate sentence).
        #[arg(long, num_args = 1..)]
        file: Vec<PathBuf>,
        /// Print only throughput (tokens/s, sentences/s) on stderr.
        #[arg(long)]
        stats: bool,
    },
}

/// Sentences of the three GUM splits and the two EWT files.
pub struct Treebanks {
    pub gum_train: Vec<TreeSentence>,
    pub gum_dev: Vec<TreeSentence>,
    pub gum_test: Vec<TreeSentence>,
    pub ewt: Vec<TreeSentence>,
    pub gum_train_docs: usize,
}

/// Document names of one split in GUM's `splits.md` ("## train" then
/// "  * GUM_news_afghan" lines).
pub fn split_names(splits_md: &str, split: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in splits_md.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ") {
            inside = h.trim() == split;
            continue;
        }
        if inside {
            if let Some(name) = t.strip_prefix("* ") {
                out.push(name.trim().to_owned());
            }
        }
    }
    out
}

fn read_file(path: &Path) -> Result<Vec<TreeSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    conllu::read(&text, &name).map_err(|e| format!("{}: {e}", path.display()))
}

/// Read GUM by its official split (documents absent from the folder, the
/// non-permissive genres, are skipped) and the EWT files.
pub fn load(ud: &Path) -> Result<Treebanks, String> {
    let gum = ud.join("gum");
    let splits_path = gum.join("splits.md");
    let splits = std::fs::read_to_string(&splits_path)
        .map_err(|e| format!("{}: {e}", splits_path.display()))?;
    let read_split = |split: &str| -> Result<(Vec<TreeSentence>, usize), String> {
        let mut out = Vec::new();
        let mut docs = 0;
        for name in split_names(&splits, split) {
            let p = gum.join(format!("{name}.conllu"));
            if p.is_file() {
                out.extend(read_file(&p)?);
                docs += 1;
            }
        }
        Ok((out, docs))
    };
    let (gum_train, gum_train_docs) = read_split("train")?;
    let (gum_dev, _) = read_split("dev")?;
    let (gum_test, _) = read_split("test")?;
    let mut ewt = Vec::new();
    for f in ["en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"] {
        ewt.extend(read_file(&ud.join("en_ewt").join(f))?);
    }
    if gum_train.is_empty() || gum_dev.is_empty() || gum_test.is_empty() {
        return Err(format!("{}: a GUM split is empty", gum.display()));
    }
    Ok(Treebanks {
        gum_train,
        gum_dev,
        gum_test,
        ewt,
        gum_train_docs,
    })
}

fn is_news(s: &TreeSentence) -> bool {
    s.doc.starts_with("GUM_news_")
}

/// Scores on GUM dev, test and the news documents of test, as text lines.
pub fn report(model: &SyntaxModel, tb: &Treebanks) -> (Vec<(String, Scores)>, String) {
    let news: Vec<TreeSentence> = tb.gum_test.iter().filter(|s| is_news(s)).cloned().collect();
    let rows = vec![
        ("GUM dev".to_owned(), evaluate(model, &tb.gum_dev)),
        ("GUM test".to_owned(), evaluate(model, &tb.gum_test)),
        ("GUM test, news".to_owned(), evaluate(model, &news)),
    ];
    let mut text = rows
        .iter()
        .map(|(name, sc)| format!("{name:<16} {}", sc.row()))
        .collect::<Vec<_>>()
        .join("\n");
    let mut both = tb.gum_dev.clone();
    both.extend(tb.gum_test.iter().cloned());
    let tok = crate::analysis::syntax::eval::tokenizer_scores(&both);
    text += &format!(
        "\ntokeniser on GUM dev+test `# text` ({} sentences): {} of {} gold tokens, {} predicted, F1 {:.2}",
        tok.sentences, tok.matched, tok.gold, tok.predicted, tok.f1()
    );
    (rows, text)
}

fn ud_dir(flag: Option<PathBuf>) -> PathBuf {
    crate::cli::eval::resolve(flag, "ud")
}

pub fn main(cmd: SyntaxCommand) -> i32 {
    match run(cmd) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            2
        }
    }
}

fn run(cmd: SyntaxCommand) -> Result<(), String> {
    match cmd {
        SyntaxCommand::Train {
            ud,
            out,
            tagger_epochs,
            parser_epochs,
            folds,
            seed,
            dev_every_epoch,
            prune_trials,
            min_count,
            min_weight,
            levels,
            augment,
        } => {
            let ud = ud_dir(ud);
            let tb = load(&ud)?;
            let mut trials = Vec::new();
            for t in &prune_trials {
                let parts: Vec<&str> = t.split(':').collect();
                let [c, w, l] = parts[..] else {
                    return Err(format!("--prune-trials: {t:?} is not COUNT:WEIGHT:LEVELS"));
                };
                trials.push(FinishOptions {
                    min_count: c.parse().map_err(|_| format!("bad count in {t:?}"))?,
                    min_relative_weight: w.parse().map_err(|_| format!("bad weight in {t:?}"))?,
                    levels: l.parse().map_err(|_| format!("bad levels in {t:?}"))?,
                });
            }
            let opts = TrainOptions {
                tagger_epochs,
                parser_epochs,
                folds,
                seed,
                dev_every_epoch,
                prune_trials: trials,
                augment,
                parser_finish: FinishOptions {
                    min_count,
                    min_relative_weight: min_weight,
                    levels,
                },
                ..TrainOptions::default()
            };
            let mut data = tb.gum_train.clone();
            data.extend(tb.ewt.iter().cloned());
            let start = Instant::now();
            let mut model = train(&data, &tb.gum_dev, &opts, &mut |line| {
                eprintln!("[{:>6.1}s] {line}", start.elapsed().as_secs_f64())
            })?;
            let secs = start.elapsed().as_secs_f64();
            let (_, table) = report(&model, &tb);
            // No time stamps or durations: the file must be reproducible.
            model.about = format!(
                "crosscheck syntax model: UD English tagger, lemmatiser and arc-hybrid parser.\n\
                 Trained with `crosscheck syntax train` on GUM train ({} documents of the \
                 permissive genres, {} sentences) + UD English-EWT dev and test ({} sentences); \
                 options: tagger epochs {}, parser epochs {}, folds {}, seed {}, parser pruning {:?}, \
                 augmentation {} (see `analysis::syntax::augment`).\n\
                 Data: GUM (Zeldes 2017; annotations CC BY 4.0), UD English-EWT \
                 (Silveira et al. 2014; CC BY-SA 4.0).\nScores (gold tokens, predicted tags):\n{}",
                tb.gum_train_docs,
                tb.gum_train.len(),
                tb.ewt.len(),
                opts.tagger_epochs,
                opts.parser_epochs,
                opts.folds,
                opts.seed,
                opts.parser_finish,
                opts.augment,
                table
            );
            let bytes = model.to_bytes();
            std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            println!("{table}");
            println!(
                "wrote {} ({:.2} MB) in {:.0} s of training",
                out.display(),
                bytes.len() as f64 / 1e6,
                secs
            );
            Ok(())
        }
        SyntaxCommand::Eval { ud, model, details } => {
            let tb = load(&ud_dir(ud))?;
            let loaded;
            let m: &SyntaxModel = match model {
                Some(p) => {
                    let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                    loaded = SyntaxModel::from_bytes(&bytes)
                        .map_err(|e| format!("{}: {e}", p.display()))?;
                    &loaded
                }
                None => crate::analysis::syntax::model_or_error().map_err(|e| e.to_string())?,
            };
            let (_, table) = report(m, &tb);
            println!("{table}");
            if details {
                let g = crate::analysis::syntax::eval::evaluate_gold_tags(m, &tb.gum_dev);
                println!("{:<16} {}", "GUM dev, gold tags", g.row());
                println!("GUM dev UPOS confusions (gold -> predicted):");
                for (g, p, n) in crate::analysis::syntax::eval::upos_confusions(m, &tb.gum_dev, 15)
                {
                    println!("  {g:>6} -> {p:<6} {n}");
                }
                println!("GUM dev by gold relation: words, UAS, LAS");
                for (rel, n, h, l) in crate::analysis::syntax::eval::by_relation(m, &tb.gum_dev) {
                    println!(
                        "  {rel:<14} {n:>5}  {:5.1}  {:5.1}",
                        100.0 * h as f64 / n as f64,
                        100.0 * l as f64 / n as f64
                    );
                }
            }
            Ok(())
        }
        SyntaxCommand::Parse { text, file, stats } => run_parse(text, file, stats),
    }
}

/// Sentences worth parsing in a document: those outside boilerplate.
fn sentences_of(text: &str) -> Vec<(usize, usize)> {
    let st = crate::analysis::text::structure::DocStructure::of(text);
    st.sentences
        .iter()
        .filter(|s| !st.paragraphs[s.paragraph as usize].boilerplate)
        .map(|s| (s.start, s.end))
        .collect()
}

fn run_parse(text: Option<String>, files: Vec<PathBuf>, stats: bool) -> Result<(), String> {
    use crate::analysis::syntax;
    use std::io::Write;
    // Fail early and clearly when the weights are unusable.
    syntax::model_or_error().map_err(|e| e.to_string())?;
    let mut docs: Vec<(String, String)> = Vec::new();
    if let Some(t) = text {
        docs.push(("<argument>".into(), t));
    }
    for f in files {
        let t = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        docs.push((f.display().to_string(), t));
    }
    if docs.is_empty() {
        return Err("nothing to parse: give TEXT or --file".into());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // Sentence boundaries first, so that the figures time the parser only.
    let ranges: Vec<Vec<(usize, usize)>> = docs.iter().map(|(_, t)| sentences_of(t)).collect();
    let start = Instant::now();
    let cpu_start = thread_cpu_ns();
    let (mut sentences, mut tokens, mut skipped) = (0usize, 0usize, 0usize);
    for ((name, text), ranges) in docs.iter().zip(&ranges) {
        for &(a, b) in ranges {
            match syntax::parse(text, a, b) {
                Some(p) => {
                    sentences += 1;
                    tokens += p.len();
                    if !stats {
                        let r = writeln!(
                            out,
                            "# file = {name}\n# text = {}\n{}",
                            &text[a..b].replace('\n', " "),
                            p.to_conllu()
                        );
                        if r.is_err() {
                            return Ok(()); // closed pipe
                        }
                    }
                }
                None => skipped += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    if stats {
        eprintln!(
            "{sentences} sentences, {tokens} tokens parsed ({skipped} skipped) in {:.3} s: {:.0} tokens/s, {:.0} sentences/s",
            secs,
            tokens as f64 / secs,
            sentences as f64 / secs
        );
        // Wall time counts waiting for a core on a busy machine; the
        // thread's CPU time does not.
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
            let cpu = (b - a) as f64 / 1e9;
            eprintln!(
                "parser CPU time {cpu:.3} s: {:.0} tokens per CPU-second",
                tokens as f64 / cpu.max(1e-9)
            );
        }
    }
    Ok(())
}

/// This thread's time on a CPU so far, in nanoseconds (Linux; `None`
/// elsewhere).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_split_lists() {
        let md = "# Splits\n\n## dev\n\n  * GUM_a\n  * GUM_b\n\n## train\n\n  * GUM_c\n";
        assert_eq!(split_names(md, "dev"), ["GUM_a", "GUM_b"]);
        assert_eq!(split_names(md, "train"), ["GUM_c"]);
        assert!(split_names(md, "test").is_empty());
    }
}
