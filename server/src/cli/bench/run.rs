//! `crosscheck bench run CORPUS`: the performance figures the server must
//! meet on a large workspace, measured in-process on the analysis core.
//!
//! `crate::ide` (hover, definition, references, workspace symbols) was not
//! on main when this was written, so the editor features are measured as the
//! snapshot lookups they are built from ([`lookups`]): find the file, the
//! mention under the cursor and its entity, then build the answer in byte
//! offsets, as the ide layer does (position encoding is the LSP layer's).
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::gen::Rng;
use crate::analysis::{AnalysisHost, Snapshot};
use crate::workspace::{load_folder, ScanOptions};

pub const FEATURE_SOURCE: &str =
    "snapshot lookups equivalent to ide::{hover,definition,references,workspace_symbols} \
     (crate::ide was not on main when the benchmark was written)";

/// The feature equivalents measured.
pub mod lookups {
    use crate::analysis::Snapshot;
    use std::fmt::Write as _;
    use std::path::Path;

    /// Workspace symbols: entities whose name or an alias contains `query`
    /// (case-insensitive), with the file and byte range of the definition.
    pub fn workspace_symbols(
        snap: &Snapshot,
        query: &str,
        limit: usize,
    ) -> Vec<(String, String, usize, usize)> {
        let q = query.to_lowercase();
        let mut out = Vec::new();
        for e in &snap.entities {
            let hit = e.canonical.to_lowercase().contains(&q)
                || e.aliases.iter().any(|a| a.to_lowercase().contains(&q));
            if hit {
                let m = snap.mention(e.definition);
                let f = snap.file(e.definition.file);
                out.push((e.canonical.clone(), f.rel_path.clone(), m.start, m.end));
                if out.len() == limit {
                    break;
                }
            }
        }
        out
    }

    /// Hover: the entity card for the mention under `offset`.
    pub fn hover(snap: &Snapshot, path: &Path, offset: usize) -> Option<String> {
        let fid = snap.file_id(path)?;
        let (_, e) = snap.entity_at(fid, offset)?;
        let mut s = format!("**{}** ({})\n\n", e.canonical, e.kind.as_str());
        if !e.aliases.is_empty() {
            let _ = writeln!(s, "Also: {}\n", e.aliases.join(", "));
        }
        let def = snap.file(e.definition.file);
        let _ = write!(
            s,
            "{} mentions in {} files; defined in {}",
            e.mentions.len(),
            e.file_count,
            def.rel_path
        );
        Some(s)
    }

    /// Definition: the file and byte range of the entity's defining mention.
    pub fn definition<'a>(
        snap: &'a Snapshot,
        path: &Path,
        offset: usize,
    ) -> Option<(&'a Path, usize, usize)> {
        let fid = snap.file_id(path)?;
        let (_, e) = snap.entity_at(fid, offset)?;
        let m = snap.mention(e.definition);
        Some((&snap.file(e.definition.file).path, m.start, m.end))
    }

    /// References: every mention of the entity, as file and byte range.
    pub fn references<'a>(
        snap: &'a Snapshot,
        path: &Path,
        offset: usize,
    ) -> Vec<(&'a Path, usize, usize)> {
        let Some(fid) = snap.file_id(path) else {
            return Vec::new();
        };
        let Some((_, e)) = snap.entity_at(fid, offset) else {
            return Vec::new();
        };
        e.mentions
            .iter()
            .map(|r| {
                let m = snap.mention(*r);
                (snap.file(r.file).path.as_path(), m.start, m.end)
            })
            .collect()
    }
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
    pub link_ms: f64,
    pub symbol_query_ms: f64,
    /// Scan + analyse + link + first workspace-symbol answer.
    pub cold_index_ms: f64,
    pub peak_rss_mb: f64,
    /// `set_file` of the 100 KB file with one word changed (analysis only).
    pub edit_analyse: Latency,
    /// The same plus `snapshot()` (re-linking the workspace): what a
    /// request after the edit waits for.
    pub edit_reanalysis: Latency,
    pub hover: Latency,
    pub definition: Latency,
    pub references: Latency,
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

pub fn run(corpus: &Path, edits: usize, queries: usize, seed: u64) -> anyhow::Result<Report> {
    let root: PathBuf = corpus.canonicalize()?;
    let t0 = Instant::now();
    let loaded = load_folder(&root, &ScanOptions::default());
    let scan = t0.elapsed();
    let bytes: u64 = loaded.files.iter().map(|(_, t)| t.len() as u64).sum();
    let mut host = AnalysisHost::new(Some(root.clone()));
    let t1 = Instant::now();
    host.set_files(loaded.files);
    let analyse = t1.elapsed();
    let t2 = Instant::now();
    let snap = host.snapshot();
    let link = t2.elapsed();
    let t3 = Instant::now();
    let syms = lookups::workspace_symbols(&snap, "rutte", 100);
    let query = t3.elapsed();
    let cold = t0.elapsed();
    std::hint::black_box(syms);
    let rss_cold = peak_rss_mb();

    // Editor features at random mention positions.
    let mut rng = Rng::new(seed);
    let all: Vec<(u32, usize)> = snap
        .files
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| (0..f.doc.mentions.len()).map(move |m| (fi as u32, m)))
        .collect();
    let positions: Vec<(&Path, usize)> = (0..queries.min(all.len() * 4))
        .map(|_| {
            let (fi, mi) = all[rng.below(all.len())];
            let m = &snap.files[fi as usize].doc.mentions[mi];
            let off = m.start + rng.below(m.end - m.start);
            (snap.files[fi as usize].path.as_path(), off)
        })
        .collect();
    let time_each = |f: &dyn Fn(&Snapshot, &Path, usize) -> usize| {
        positions
            .iter()
            .map(|&(p, off)| {
                let t = Instant::now();
                std::hint::black_box(f(&snap, p, off));
                t.elapsed()
            })
            .collect::<Vec<_>>()
    };
    let hover = time_each(&|s, p, o| lookups::hover(s, p, o).map_or(0, |h| h.len()));
    let definition = time_each(&|s, p, o| lookups::definition(s, p, o).map_or(0, |d| d.1));
    let references = time_each(&|s, p, o| lookups::references(s, p, o).len());
    let (entities, mentions) = (snap.entities.len(), all.len());
    let files = snap.files.len();
    drop(positions);
    drop(snap);

    // Edits in the 100 KB file: one word changed each time.
    let big = root.join("big_100k.txt");
    let original = host.text(&big).ok_or_else(|| {
        anyhow::anyhow!("{} has no big_100k.txt (run gen-corpus)", corpus.display())
    })?;
    let ws = words(&original);
    let (mut ea, mut er) = (Vec::new(), Vec::new());
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
        link_ms: ms(link),
        symbol_query_ms: ms(query),
        cold_index_ms: ms(cold),
        peak_rss_mb: peak_rss_mb().max(rss_cold),
        edit_analyse: latency(ea),
        edit_reanalysis: latency(er),
        hover: latency(hover),
        definition: latency(definition),
        references: latency(references),
        feature_source: FEATURE_SOURCE,
    })
}

/// The table printed by `bench run`, with the targets.
pub fn table(r: &Report) -> String {
    let mut rows = vec![
        (
            "cold index to first workspace-symbol answer",
            r.cold_index_ms,
            "ms",
            "<= 2000 ms",
            r.cold_index_ms <= 2000.0,
        ),
        (
            "peak RSS (VmHWM)",
            r.peak_rss_mb,
            "MB",
            "<= 400 MB",
            r.peak_rss_mb <= 400.0,
        ),
        (
            "re-analysis after an edit in 100 KB file, p50",
            r.edit_reanalysis.p50_ms,
            "ms",
            "",
            true,
        ),
        (
            "re-analysis after an edit in 100 KB file, p99",
            r.edit_reanalysis.p99_ms,
            "ms",
            "<= 10 ms",
            r.edit_reanalysis.p99_ms <= 10.0,
        ),
        (
            "  of which set_file (analysis only), p99",
            r.edit_analyse.p99_ms,
            "ms",
            "",
            true,
        ),
        ("hover p50", r.hover.p50_ms, "ms", "", true),
        (
            "hover p99",
            r.hover.p99_ms,
            "ms",
            "<= 5 ms",
            r.hover.p99_ms <= 5.0,
        ),
        ("definition p50", r.definition.p50_ms, "ms", "", true),
        (
            "definition p99",
            r.definition.p99_ms,
            "ms",
            "<= 5 ms",
            r.definition.p99_ms <= 5.0,
        ),
        ("references p50", r.references.p50_ms, "ms", "", true),
        (
            "references p99",
            r.references.p99_ms,
            "ms",
            "<= 20 ms",
            r.references.p99_ms <= 20.0,
        ),
    ];
    let mut s = format!(
        "corpus {} ({} files, {:.1} MB, {} entities, {} mentions; {} build, {} threads)\n\
         cold index = scan {:.0} ms + analyse {:.0} ms + link {:.0} ms + symbol query {:.2} ms\n\
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
        r.link_ms,
        r.symbol_query_ms,
        r.feature_source
    );
    s.push_str(&format!(
        "{:<48} {:>12}  {:<11} {}\n",
        "measure", "value", "target", "met"
    ));
    for (name, v, unit, target, ok) in rows.drain(..) {
        let met = if target.is_empty() {
            ""
        } else if ok {
            "yes"
        } else {
            "NO"
        };
        s.push_str(&format!(
            "{name:<48} {v:>9.3} {unit:<2}  {target:<11} {met}\n"
        ));
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
        let r = run(d.path(), 3, 50, 1).unwrap();
        assert_eq!(r.files, 31);
        assert!(r.mentions > 0 && r.entities > 0);
        assert_eq!(r.hover.samples, 50);
        assert_eq!(r.edit_reanalysis.samples, 3);
        assert!(r.peak_rss_mb > 0.0);
        assert!(table(&r).contains("hover p99"));
    }

    #[test]
    fn edit_words_are_lowercase_words() {
        let t = "NATO said, in Kyiv: allies agreed.";
        let w: Vec<&str> = words(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, vec!["said", "allies", "agreed"]);
    }
}
