//! `crosscheck bench run CORPUS`: the performance figures the server must
//! meet on a large workspace, measured in-process on the analysis core.
//!
//! The editor features are the ones the server calls, `crate::ide`
//! (answers in byte offsets), measured twice: the `ide` call alone, and the
//! call plus turning every result range into lines and UTF-16 columns
//! through each file's line index, as the server's handlers do for files
//! that are not open. Protocol costs (JSON, transport, ropes of open
//! buffers) are measured through the real protocol by `bench/lsp.py`.
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::gen::Rng;
use crate::analysis::text::columns::{line_col, Encoding};
use crate::analysis::{AnalysisHost, FileId, Snapshot};
use crate::ide::{self, FileRange};
use crate::workspace::{load_folder, ScanOptions};

pub const FEATURE_SOURCE: &str = "crate::ide::{symbols::workspace_symbols, hover::hover, \
     definition::goto_definition, references::references}; \"+lsp\" adds result ranges \
     to UTF-16 lines and columns through each file's line index, as the handlers do";

/// One feature request the way the LSP handler makes it; returns the
/// number of results so the work cannot be optimised away.
fn feature(snap: &Snapshot, which: Feature, file: FileId, off: usize, lsp: bool) -> usize {
    let loc = Positions { snap };
    match which {
        Feature::Hover => match ide::hover::hover(snap, file, off) {
            Some(h) if lsp => {
                // The handler converts the hovered range in the open file.
                let r = loc.range(FileRange {
                    file,
                    start: h.start,
                    end: h.end,
                });
                h.markdown.len() + r.0 .0 as usize
            }
            Some(h) => h.markdown.len(),
            None => 0,
        },
        Feature::Definition => match ide::definition::goto_definition(snap, file, off) {
            Some(d) if lsp => loc.location(d.target).map_or(0, |l| l.0 .0 as usize),
            Some(d) => d.target.start,
            None => 0,
        },
        Feature::References => match ide::references::references(snap, file, off, true) {
            Some(refs) if lsp => refs.into_iter().filter_map(|r| loc.location(r)).count(),
            Some(refs) => refs.len(),
            None => 0,
        },
    }
}

/// Result ranges to (line, UTF-16 column) pairs, what a location needs.
struct Positions<'a> {
    snap: &'a Snapshot,
}

type LineCol = (u32, u32);

impl Positions<'_> {
    fn range(&self, r: FileRange) -> (LineCol, LineCol) {
        let f = self.snap.file(r.file);
        let ix = f.line_index();
        (
            line_col(&f.text, ix, r.start, Encoding::Utf16),
            line_col(&f.text, ix, r.end.max(r.start), Encoding::Utf16),
        )
    }

    fn location(&self, r: FileRange) -> Option<(LineCol, LineCol)> {
        Some(self.range(r))
    }
}

#[derive(Clone, Copy)]
enum Feature {
    Hover,
    Definition,
    References,
}

#[derive(Debug, Serialize, Default)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub samples: usize,
}

fn latency(mut v: Vec<Duration>) -> Latency {
    v.sort();
    let at = |q: f64| {
        let i = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1;
        v[i].as_secs_f64() * 1000.0
    };
    if v.is_empty() {
        return Latency::default();
    }
    Latency {
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        max_ms: at(1.0),
        samples: v.len(),
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub corpus: String,
    pub build: &'static str,
    pub threads: usize,
    pub files: usize,
    pub bytes: u64,
    pub entities: usize,
    pub mentions: usize,
    pub scan_ms: f64,
    pub analyse_ms: f64,
    /// The folder-level pass: files whose folder view changed analysed
    /// again with it (part of the cold index).
    pub folder_ms: f64,
    pub folder_reanalysed: usize,
    pub link_ms: f64,
    pub symbol_query_ms: f64,
    /// Scan + analyse + link + first workspace-symbol answer.
    pub cold_index_ms: f64,
    /// CPU seconds (all threads) of the cold index and of its analysis step.
    pub cold_index_cpu_s: f64,
    pub analyse_cpu_s: f64,
    /// Analysis throughput per core: bytes over the CPU time of the
    /// analysis step (first pass, every file).
    pub analyse_mb_per_cpu_s: f64,
    /// 1-minute load average when the run started (other processes on the
    /// machine stretch every wall time above).
    pub load_average_at_start: f64,
    pub peak_rss_mb: f64,
    /// `set_file` of the 100 KB file with one word changed (analysis only).
    pub edit_analyse: Latency,
    /// The same plus `snapshot()` (re-linking the workspace): what a
    /// request after the edit waits for.
    pub edit_reanalysis: Latency,
    /// After that, the edited file's diagnostics (claims index included).
    pub edit_diagnostics: Latency,
    /// The claims index part of `edit_diagnostics` (the file's claims
    /// found again, signatures, the join).
    pub edit_claims_index: Latency,
    /// The edited file's own claims found again (no cross-file work):
    /// what a claim hover right after the edit waits for beyond the
    /// relink, when the previous index speaks for the rest.
    pub edit_own_claims: Latency,
    /// Edits after which the workspace was relinked incrementally (the
    /// previous linking kept, the file's entities patched).
    pub edits_relinked_incrementally: usize,
    /// Edits after which the claims index's join was patched (only the
    /// edited file's facts regrouped and their new pairs compared).
    pub edits_join_patched: usize,
    /// The 100 KB file's diagnostics right after the cold index (what
    /// opening it waits for), and whether they were read back from the
    /// persisted index (a warm start) rather than computed with the
    /// claims index.
    pub open_diagnostics_ms: f64,
    pub open_diagnostics_stored: bool,
    /// Claims index and diagnostics of every file, after the cold index.
    pub check_ms: f64,
    /// After that: storing every file's diagnostics (when they were
    /// computed) or building the claims index (when they were read back).
    pub after_check_ms: f64,
    pub check_diagnostics: usize,
    pub hover: Latency,
    pub hover_lsp: Latency,
    pub definition: Latency,
    pub definition_lsp: Latency,
    pub references: Latency,
    pub references_lsp: Latency,
    pub feature_source: &'static str,
}

/// Peak resident set size of this process (VmHWM), in MB.
pub fn peak_rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time of this process, all threads, user + system, in seconds. Wall
/// times on a shared machine depend on the load; CPU time much less so.
pub fn cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces): state is
    // field 3, utime and stime fields 14 and 15, in USER_HZ (100 on Linux).
    let rest = s.rsplit_once(')').map_or("", |r| r.1);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// The 1-minute load average, to read the wall times against.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Byte ranges of lower-case ASCII words (4+ letters) of `text`: the words
/// the edit benchmark changes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_lowercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - s >= 4 && (i == b.len() || !b[i].is_ascii_alphanumeric()) {
                out.push((s, i));
            }
        }
        i += 1;
    }
    out
}

/// What `bench run` is asked to do.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Edits of big_100k.txt to time.
    pub edits: usize,
    /// Cursor positions to time each feature at.
    pub queries: usize,
    pub seed: u64,
    /// Keep analyses and claims in a persisted index in this folder (a
    /// second run is then a warm start, as the server's).
    pub cache: Option<PathBuf>,
}

pub fn run(corpus: &Path, opts: &RunOptions) -> anyhow::Result<Report> {
    let RunOptions {
        edits,
        queries,
        seed,
        ..
    } = *opts;
    let root: PathBuf = corpus.canonicalize()?;
    let load = load_average();
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    let loaded = load_folder(&root, &ScanOptions::default());
    let scan = t0.elapsed();
    let bytes: u64 = loaded.files.iter().map(|(_, t)| t.len() as u64).sum();
    let mut host = AnalysisHost::new(Some(root.clone()));
    if let Some(dir) = &opts.cache {
        let store = crate::engine::cache::SqliteCache::open(dir)
            .ok_or_else(|| anyhow::anyhow!("cannot use the cache in {}", dir.display()))?;
        host.set_cache(Some(Arc::new(store)));
    }
    let t1 = Instant::now();
    let cpu1 = cpu_seconds();
    host.set_files(loaded.files);
    let analyse = t1.elapsed();
    let analyse_cpu = cpu_seconds() - cpu1;
    let tf = Instant::now();
    let folder_reanalysed = host.refresh_folder();
    let folder = tf.elapsed();
    let t2 = Instant::now();
    let snap = host.snapshot();
    let link = t2.elapsed();
    let t3 = Instant::now();
    let syms = ide::symbols::workspace_symbols(&snap, "rutte", 100);
    let query = t3.elapsed();
    let cold = t0.elapsed();
    let cold_cpu = cpu_seconds() - cpu0;
    std::hint::black_box(syms);
    let rss_cold = peak_rss_mb();
    // What `crosscheck check` adds: the cross-file claims index and every
    // file's diagnostics (the server computes these in the background,
    // debounced, after the entity features are already answering).
    // First, what opening the 100 KB file waits for: its diagnostics
    // (read back from the persisted index on a warm start, else the
    // claims index built first).
    let config = crate::config::Config::default();
    let big = root.join("big_100k.txt");
    let t_open = Instant::now();
    let open_file = snap.file_id(&big);
    if let Some(f) = open_file {
        std::hint::black_box(crate::ide::diagnostics::compute(&snap, &config, f));
    }
    let open_diagnostics = t_open.elapsed();
    let open_diagnostics_stored = open_file.is_some() && !snap.claims_ready();
    let t4 = Instant::now();
    let diags = crate::ide::diagnostics::compute_all(&snap, &config);
    let check = t4.elapsed();
    let check_diagnostics: usize = diags.iter().map(|(_, d)| d.len()).sum();
    // Computed (not read back): kept for the next run, as the server
    // and `check` keep them. Read back: the claims index is built now,
    // as the server does in the background, for the edits below.
    let t5 = Instant::now();
    if snap.claims_ready() {
        crate::ide::diagnostics_store::store_all(&snap, &config, &diags);
    } else {
        snap.claims();
    }
    let after_check = t5.elapsed();
    drop(diags);

    // Editor features at random mention positions.
    let mut rng = Rng::new(seed);
    let all: Vec<(u32, usize)> = snap
        .files
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| (0..f.doc.mentions.len()).map(move |m| (fi as u32, m)))
        .collect();
    let positions: Vec<(FileId, usize)> = (0..queries.min(all.len() * 4))
        .map(|_| {
            let (fi, mi) = all[rng.below(all.len())];
            let m = &snap.files[fi as usize].doc.mentions[mi];
            (fi, m.start + rng.below(m.end - m.start))
        })
        .collect();
    let time_each = |which: Feature, lsp: bool| {
        latency(
            positions
                .iter()
                .map(|&(file, off)| {
                    let t = Instant::now();
                    // The server resolves the request's path first.
                    let fid = snap.file_id(&snap.file(file).path).unwrap_or(file);
                    std::hint::black_box(feature(&snap, which, fid, off, lsp));
                    t.elapsed()
                })
                .collect(),
        )
    };
    let hover = time_each(Feature::Hover, false);
    let hover_lsp = time_each(Feature::Hover, true);
    let definition = time_each(Feature::Definition, false);
    let definition_lsp = time_each(Feature::Definition, true);
    let references = time_each(Feature::References, false);
    let references_lsp = time_each(Feature::References, true);
    let (entities, mentions) = (snap.entities.len(), all.len());
    let files = snap.files.len();
    drop(positions);
    drop(snap);

    // Edits in the 100 KB file: one word changed each time.
    let original = host.text(&big).ok_or_else(|| {
        anyhow::anyhow!("{} has no big_100k.txt (run gen-corpus)", corpus.display())
    })?;
    let ws = words(&original);
    let (mut ea, mut er, mut ec, mut ei) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut eo = Vec::new();
    let (mut incremental, mut patched) = (0, 0);
    for i in 0..edits {
        let (s, e) = ws[rng.below(ws.len())];
        let repl = if &original[s..e] == "report" {
            "update"
        } else {
            "report"
        };
        let text: Arc<str> = Arc::from(format!("{}{repl}{}", &original[..s], &original[e..]));
        let t = Instant::now();
        host.set_file(big.clone(), text);
        let a = t.elapsed();
        let snap = host.snapshot();
        er.push(t.elapsed());
        ea.push(a);
        incremental += snap.incremental as usize;
        // The edited file's diagnostics (the background publisher's work).
        let tc = Instant::now();
        if let Some(f) = snap.file_id(&big) {
            std::hint::black_box(snap.file(f).claims(&snap.claim_settings));
        }
        eo.push(tc.elapsed());
        std::hint::black_box(snap.claims());
        ei.push(tc.elapsed());
        patched += snap.claims_reuse().is_some_and(|r| r.patched) as usize;
        if let Some(f) = snap.file_id(&big) {
            std::hint::black_box(crate::ide::diagnostics::compute(
                &snap,
                &crate::config::Config::default(),
                f,
            ));
        }
        ec.push(tc.elapsed());
        std::hint::black_box(&snap);
        drop(snap);
        if i + 1 == edits {
            host.set_file(big.clone(), original.clone());
        }
    }
    Ok(Report {
        corpus: corpus.display().to_string(),
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        threads: rayon::current_num_threads(),
        files,
        bytes,
        entities,
        mentions,
        scan_ms: ms(scan),
        analyse_ms: ms(analyse),
        folder_ms: ms(folder),
        folder_reanalysed,
        link_ms: ms(link),
        symbol_query_ms: ms(query),
        cold_index_ms: ms(cold),
        cold_index_cpu_s: cold_cpu,
        analyse_cpu_s: analyse_cpu,
        analyse_mb_per_cpu_s: if analyse_cpu > 0.0 {
            bytes as f64 / 1e6 / analyse_cpu
        } else {
            0.0
        },
        load_average_at_start: load,
        peak_rss_mb: peak_rss_mb().max(rss_cold),
        edit_analyse: latency(ea),
        edit_reanalysis: latency(er),
        edit_diagnostics: latency(ec),
        edit_claims_index: latency(ei),
        edit_own_claims: latency(eo),
        edits_relinked_incrementally: incremental,
        edits_join_patched: patched,
        open_diagnostics_ms: ms(open_diagnostics),
        open_diagnostics_stored,
        check_ms: ms(check),
        after_check_ms: ms(after_check),
        check_diagnostics,
        hover,
        hover_lsp,
        definition,
        definition_lsp,
        references,
        references_lsp,
        feature_source: FEATURE_SOURCE,
    })
}

/// The table printed by `bench run`, with the targets.
pub fn table(r: &Report) -> String {
    // (measure, value, target in ms or MB; None = shown without a target)
    let mut rows: Vec<(String, f64, &str, Option<f64>)> = vec![
        (
            "cold index to first workspace-symbol answer".into(),
            r.cold_index_ms,
            "ms",
            Some(2000.0),
        ),
        ("peak RSS (VmHWM)".into(), r.peak_rss_mb, "MB", Some(400.0)),
        (
            format!(
                "diagnostics of the 100 KB file after the cold index ({})",
                if r.open_diagnostics_stored {
                    "read back"
                } else {
                    "claims index built"
                }
            ),
            r.open_diagnostics_ms,
            "ms",
            Some(if r.open_diagnostics_stored {
                300.0
            } else {
                1000.0
            }),
        ),
        (
            format!(
                "check: claims + diagnostics of all files ({} diagnostics)",
                r.check_diagnostics
            ),
            r.check_ms,
            "ms",
            None,
        ),
        (
            "  then diagnostics stored, or claims index built".into(),
            r.after_check_ms,
            "ms",
            None,
        ),
        (
            "edit in 100 KB file + re-link, p50".into(),
            r.edit_reanalysis.p50_ms,
            "ms",
            None,
        ),
        (
            "edit in 100 KB file + re-link, p99".into(),
            r.edit_reanalysis.p99_ms,
            "ms",
            Some(10.0),
        ),
        (
            "  then its diagnostics (background), p50".into(),
            r.edit_diagnostics.p50_ms,
            "ms",
            None,
        ),
        (
            "  then its diagnostics (background), p99".into(),
            r.edit_diagnostics.p99_ms,
            "ms",
            None,
        ),
        (
            "    of which the claims index, p50".into(),
            r.edit_claims_index.p50_ms,
            "ms",
            None,
        ),
        (
            "    of which the file's own claims, p50".into(),
            r.edit_own_claims.p50_ms,
            "ms",
            None,
        ),
        (
            "  set_file alone (re-analyse the file), p50".into(),
            r.edit_analyse.p50_ms,
            "ms",
            None,
        ),
        (
            "  set_file alone (re-analyse the file), p99".into(),
            r.edit_analyse.p99_ms,
            "ms",
            None,
        ),
    ];
    for (name, ide, lsp, target) in [
        ("hover", &r.hover, &r.hover_lsp, 5.0),
        ("definition", &r.definition, &r.definition_lsp, 5.0),
        ("references", &r.references, &r.references_lsp, 20.0),
    ] {
        rows.push((format!("{name} (ide), p50"), ide.p50_ms, "ms", None));
        rows.push((format!("{name} (ide), p99"), ide.p99_ms, "ms", None));
        rows.push((
            format!("{name} (ide + lsp locations), p50"),
            lsp.p50_ms,
            "ms",
            None,
        ));
        rows.push((
            format!("{name} (ide + lsp locations), p99"),
            lsp.p99_ms,
            "ms",
            Some(target),
        ));
    }
    let mut s = format!(
        "corpus {} ({} files, {:.1} MB, {} entities, {} mentions; {} build, {} threads)\n\
         cold index = scan {:.0} ms + analyse {:.0} ms + folder pass {:.0} ms ({} files again) + link {:.0} ms + symbol query {:.2} ms\n\
         cpu time: cold index {:.1} s, of which analyse {:.1} s ({:.2} MB/s per core); load average at start {:.2} \
         on {} cores (wall times stretch under load)\n\
         features: {}\n\n",
        r.corpus,
        r.files,
        r.bytes as f64 / 1e6,
        r.entities,
        r.mentions,
        r.build,
        r.threads,
        r.scan_ms,
        r.analyse_ms,
        r.folder_ms,
        r.folder_reanalysed,
        r.link_ms,
        r.symbol_query_ms,
        r.cold_index_cpu_s,
        r.analyse_cpu_s,
        r.analyse_mb_per_cpu_s,
        r.load_average_at_start,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        r.feature_source
    );
    s.push_str(&format!(
        "{:<48} {:>12}  {:<11} {}\n",
        "measure", "value", "target", "met"
    ));
    for (name, v, unit, target) in rows {
        let (t, met) = match target {
            Some(t) => (format!("<= {t} {unit}"), if v <= t { "yes" } else { "NO" }),
            None => (String::new(), ""),
        };
        s.push_str(&format!("{name:<48} {v:>9.3} {unit:<2}  {t:<11} {met}\n"));
    }
    if r.build == "debug" {
        s.push_str(
            "\nnote: debug build; the targets apply to a release build (cargo run --release)\n",
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_on_a_small_generated_corpus() {
        let d = tempfile::tempdir().unwrap();
        super::super::gen::generate(d.path(), 30, 3, &[]).unwrap();
        let opts = RunOptions {
            edits: 3,
            queries: 50,
            seed: 1,
            cache: None,
        };
        let r = run(d.path(), &opts).unwrap();
        assert_eq!(r.files, 31);
        assert!(r.mentions > 0 && r.entities > 0);
        assert_eq!(r.hover.samples, 50);
        assert_eq!(r.edit_reanalysis.samples, 3);
        assert!(r.peak_rss_mb > 0.0);
        assert!(r.cold_index_cpu_s >= 0.0 && r.analyse_cpu_s <= r.cold_index_cpu_s + 0.05);
        assert_eq!(r.references_lsp.samples, 50);
        assert!(table(&r).contains("hover (ide + lsp locations), p99"));
    }

    #[test]
    fn edit_words_are_lowercase_words() {
        let t = "NATO said, in Kyiv: allies agreed.";
        let w: Vec<&str> = words(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, vec!["said", "allies", "agreed"]);
    }
}
