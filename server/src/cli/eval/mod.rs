//! `crosscheck eval`: recognition and cross-file linking scored against the
//! gold annotations of GUM news and MEANTIME (brat standoff, kept outside the
//! repository in `shared/data`). Each corpus is indexed as ONE workspace, the
//! way the server indexes a folder, so linking is measured across its files.
//!
//! Targets are reported, never asserted: the recogniser is rule-based and
//! the numbers are there to steer it.
//!
//! ```text
//! cargo run -- eval                      # both corpora, text tables
//! cargo run -- eval --details --top 40   # plus false positives/negatives by type
//! cargo run -- eval --format json
//! cargo run -- eval --gum DIR --meantime DIR   # or CROSSCHECK_DATA=.../shared/data
//! ```
pub mod claims;
pub mod conllu;
pub mod ewt;
pub mod gold;
pub mod score;
mod text;
mod words;
use text::{side_by_side, write_text};

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::analysis::{EntityKind, Snapshot};
use crate::workspace::ScanOptions;
use gold::{Corpus, Exclusion, GoldDoc};
use score::{DocMatch, LinkScores, Mode, Pred, Prf, Scores, KINDS};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Where a corpus lives: the flag, else `$CROSSCHECK_DATA/<sub>`, else
/// `<repo>/../shared/data/<sub>` (the repository checkout this binary was
/// built from), else `../shared/data/<sub>` from the current folder.
pub fn resolve(flag: Option<PathBuf>, sub: &str) -> PathBuf {
    if let Some(p) = flag {
        return p;
    }
    if let Some(d) = std::env::var_os("CROSSCHECK_DATA") {
        return PathBuf::from(d).join(sub);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let p = repo.join("../shared/data").join(sub);
    if p.is_dir() {
        return p;
    }
    PathBuf::from("../shared/data").join(sub)
}

pub const GUM_SUB: &str = "gum_news/brat";
pub const MEANTIME_SUB: &str = "meantime_en/docs";
pub const UD_GUM_SUB: &str = "ud/gum";
pub const UD_EWT_SUB: &str = "ud/en_ewt";

/// One corpus to score: a short name (for `--only` and external
/// predictions), a display name, its gold format and its folder.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusSpec {
    pub short: &'static str,
    pub name: &'static str,
    #[serde(skip)]
    pub corpus: Corpus,
    pub dir: PathBuf,
    /// Documents nothing was tuned or trained on.
    pub held_out: bool,
}

/// The corpora of a run: GUM news, MEANTIME, and GUM's official dev and
/// test documents converted from CoNLL-U into a folder under the system
/// temporary directory (rewritten on every run; see [`conllu`]).
pub fn corpora(a: &Args) -> anyhow::Result<Vec<CorpusSpec>> {
    let wanted = |s: &str| a.only.is_empty() || a.only.iter().any(|o| o == s);
    let mut out = Vec::new();
    if wanted("gum") {
        out.push(CorpusSpec {
            short: "gum",
            name: "GUM news",
            corpus: Corpus::Gum,
            dir: resolve(a.gum.clone(), GUM_SUB),
            held_out: false,
        });
    }
    if wanted("meantime") {
        out.push(CorpusSpec {
            short: "meantime",
            name: "MEANTIME en",
            corpus: Corpus::Meantime,
            dir: resolve(a.meantime.clone(), MEANTIME_SUB),
            held_out: false,
        });
    }
    let ud = resolve(a.ud_gum.clone(), UD_GUM_SUB);
    for (short, name, split) in [
        ("gum-dev", "GUM dev (held out)", "dev"),
        ("gum-test", "GUM test (held out)", "test"),
    ] {
        if !wanted(short) {
            continue;
        }
        if !ud.join("splits.md").is_file() {
            eprintln!(
                "note: {} has no splits.md; the held-out GUM {split} split is skipped",
                ud.display()
            );
            continue;
        }
        let dir = std::env::temp_dir().join("crosscheck-eval").join(short);
        let dir = conllu::write_split(&ud, split, &dir)?;
        out.push(CorpusSpec {
            short,
            name,
            corpus: Corpus::Gum,
            dir,
            held_out: true,
        });
    }
    let ewt = resolve(a.ud_ewt.clone(), UD_EWT_SUB);
    for (short, name, split) in [
        ("ewt-dev", "EWT dev (held out)", "dev"),
        ("ewt-test", "EWT test (held out)", "test"),
    ] {
        if !wanted(short) {
            continue;
        }
        if !ewt.join(format!("uner-en_ewt-ud-{split}.iob2")).is_file() {
            eprintln!(
                "note: {} has no Universal NER {split} file; the EWT {split} split is skipped",
                ewt.display()
            );
            continue;
        }
        let dir = std::env::temp_dir().join("crosscheck-eval").join(short);
        let dir = ewt::write_split(&ewt, split, &dir)?;
        out.push(CorpusSpec {
            short,
            name,
            corpus: Corpus::Uner,
            dir,
            held_out: true,
        });
    }
    Ok(out)
}

#[derive(Debug, Serialize)]
pub struct GoldCounts {
    /// Gold mentions whose type maps to this kind.
    pub of_type: usize,
    /// Of those, named (scored).
    pub named: usize,
    /// Of the named, how many are the name ending a description (rule 6).
    pub named_tail: usize,
    pub excluded: BTreeMap<&'static str, usize>,
}

#[derive(Debug, Serialize)]
pub struct Example {
    pub count: usize,
    pub text: String,
    /// What the other side has at that place.
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct CorpusReport {
    pub corpus: &'static str,
    /// Which system's mentions were scored ("crosscheck" or an external one).
    pub system: String,
    pub held_out: bool,
    pub dir: String,
    pub docs: usize,
    /// Files left out because the analyser panicked on them.
    pub crashed: Vec<String>,
    pub gold: BTreeMap<&'static str, GoldCounts>,
    /// Our person/organization/location mentions.
    pub predicted: BTreeMap<&'static str, usize>,
    /// Predictions matching no named gold mention but an unscored one of their type.
    pub ignored: BTreeMap<&'static str, usize>,
    /// Exact span as annotated, and type.
    pub strict: Scores,
    /// Exact span and type, leading article and trailing possessive
    /// taken off both sides.
    pub bare: Scores,
    pub lenient: Scores,
    /// Exact bare span, whatever the type (did we find the name at all).
    pub span: Prf,
    pub linking: LinkScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub false_positives: Option<BTreeMap<&'static str, Vec<Example>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub false_negatives: Option<BTreeMap<&'static str, Vec<Example>>>,
    /// With --details: the most frequent unscored gold mentions per reason,
    /// so the named rule itself can be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unscored: Option<BTreeMap<&'static str, Vec<Example>>>,
}

/// Our name mentions of every file, in character offsets, keyed by file name.
fn predictions(snap: &Snapshot) -> HashMap<String, Vec<Pred>> {
    let mut out = HashMap::new();
    for (fi, f) in snap.files.iter().enumerate() {
        let mut b2c = vec![0usize; f.text.len() + 1];
        let mut n = 0;
        for (b, c) in f.text.char_indices() {
            b2c[b] = n;
            n += 1;
            let _ = c;
        }
        b2c[f.text.len()] = n;
        let preds = f
            .doc
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| KINDS.contains(&m.kind))
            .map(|(mi, m)| {
                let text = m.text(&f.text);
                let head = m.start + text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                Pred {
                    start: b2c[m.start],
                    end: b2c[m.end],
                    kind: m.kind,
                    text: text.to_string(),
                    entity: snap.entity_of(fi as u32, mi),
                    head: b2c[head],
                }
            })
            .collect();
        let name = f.rel_path.rsplit('/').next().unwrap_or("").to_string();
        out.insert(name, preds);
    }
    out
}

/// Examples grouped by kind name.
type ByKind = BTreeMap<&'static str, Vec<Example>>;

fn top(
    map: HashMap<(EntityKind, String, String), usize>,
    n: usize,
) -> BTreeMap<&'static str, Vec<Example>> {
    let mut out: BTreeMap<&'static str, Vec<Example>> = BTreeMap::new();
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((k, text, note), count) in v {
        let e = out.entry(k.as_str()).or_default();
        if e.len() < n {
            e.push(Example { count, text, note });
        }
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// False positives and false negatives (bare spans) with what the other side
/// had at that place, grouped by kind and text.
fn details(
    docs: &[GoldDoc],
    preds: &[Vec<Pred>],
    matches: &[DocMatch],
    n: usize,
) -> (ByKind, ByKind) {
    let mut fp = HashMap::new();
    let mut fneg = HashMap::new();
    // Where a text is annotated anywhere in the corpus: tells an annotation
    // gap (MEANTIME annotates only some mentions) from a recogniser error.
    let mut elsewhere: HashMap<&str, String> = HashMap::new();
    for d in docs {
        for g in &d.mentions {
            elsewhere
                .entry(&g.text)
                .or_insert_with(|| g.kind.as_str().to_string());
        }
        for o in &d.others {
            elsewhere.entry(&o.3).or_insert_with(|| o.2.clone());
        }
    }
    for ((d, ps), m) in docs.iter().zip(preds).zip(matches) {
        let mut hit = vec![false; d.mentions.len()];
        for (pi, p) in ps.iter().enumerate() {
            if let Some(gi) = m.bare[pi] {
                hit[gi] = true;
                continue;
            }
            if m.ignored[pi] {
                continue;
            }
            let note = d
                .mentions
                .iter()
                .filter(|g| overlaps((g.start, g.end), (p.start, p.end)))
                .min_by_key(|g| (g.kind != p.kind, g.end - g.start))
                .map(|g| {
                    let what = if g.kind != p.kind {
                        "gold"
                    } else if g.named() {
                        "span differs from gold"
                    } else {
                        "unscored gold"
                    };
                    format!("{what} {} \"{}\"", g.kind.as_str(), g.text)
                })
                .or_else(|| {
                    d.others
                        .iter()
                        .filter(|o| overlaps((o.0, o.1), (p.start, p.end)))
                        .min_by_key(|o| o.1 - o.0)
                        .map(|o| format!("gold {} \"{}\"", o.2, o.3))
                })
                .unwrap_or_else(|| match elsewhere.get(p.text.as_str()) {
                    Some(t) => format!("no gold here; annotated {t} elsewhere"),
                    None => "no gold here".into(),
                });
            *fp.entry((p.kind, p.text.clone(), note)).or_insert(0) += 1;
        }
        for (gi, g) in d.mentions.iter().enumerate() {
            if !g.named() || hit[gi] {
                continue;
            }
            let note = ps
                .iter()
                .filter(|p| overlaps((g.start, g.end), (p.start, p.end)))
                .map(|p| format!("predicted {} \"{}\"", p.kind.as_str(), p.text))
                .collect::<Vec<_>>()
                .join("; ");
            let note = if note.is_empty() {
                "nothing predicted".into()
            } else {
                note
            };
            *fneg.entry((g.kind, g.text.clone(), note)).or_insert(0) += 1;
        }
    }
    (top(fp, n), top(fneg, n))
}

fn unscored_examples(docs: &[GoldDoc], n: usize) -> ByKind {
    let mut count: HashMap<(Exclusion, &str, EntityKind), usize> = HashMap::new();
    for g in docs.iter().flat_map(|d| &d.mentions) {
        if let Some(x) = g.excluded {
            *count.entry((x, &g.text, g.kind)).or_insert(0) += 1;
        }
    }
    let mut v: Vec<_> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: ByKind = BTreeMap::new();
    for ((x, text, kind), count) in v {
        let e = out.entry(x.as_str()).or_default();
        if e.len() < n {
            e.push(Example {
                count,
                text: text.to_string(),
                note: kind.as_str().to_string(),
            });
        }
    }
    out
}

/// Index `dir` as one workspace, leaving out (and naming) files on which the
/// analyser panics: one bad file should cost its own score, not the whole run.
fn analyse_isolated(dir: &Path) -> anyhow::Result<(std::sync::Arc<Snapshot>, Vec<String>)> {
    let root = dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open folder {}: {e}", dir.display()))?;
    let loaded = crate::workspace::load_folder(&root, &ScanOptions::default());
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crashed = Vec::new();
    let mut files = Vec::new();
    for (path, text) in loaded.files {
        let t = text.clone();
        match std::panic::catch_unwind(move || crate::analysis::analyze_document(&t)) {
            Ok(_) => files.push((path, text)),
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                eprintln!("crosscheck: eval: analyser panicked on {name}, left out: {msg}");
                crashed.push(name.into_owned());
            }
        }
    }
    std::panic::set_hook(hook);
    let mut host = crate::analysis::AnalysisHost::new(Some(root));
    host.set_files(files);
    Ok((host.snapshot(), crashed))
}

/// Index `dir` as one workspace and score it.
pub fn eval_corpus(spec: &CorpusSpec, detail: Option<usize>) -> anyhow::Result<CorpusReport> {
    let mut docs = gold::load(spec.corpus, &spec.dir)?;
    let (snap, crashed) = analyse_isolated(&spec.dir)?;
    docs.retain(|d| !crashed.contains(&d.name));
    let mut by_name = predictions(&snap);
    let preds: Vec<Vec<Pred>> = docs
        .iter()
        .map(|d| by_name.remove(&d.name).unwrap_or_default())
        .collect();
    Ok(report(spec, "crosscheck", docs, preds, crashed, detail))
}

/// Another system's mentions of one corpus, as written by the side-by-side
/// script: `{file name: [[start, end, type(, entity id)], ...]}` in
/// character offsets.
/// Mentions are linked across files by their folded text (same-string
/// linking), the baseline such a system gives a user.
pub fn eval_external(
    spec: &CorpusSpec,
    system: &str,
    files: &serde_json::Map<String, serde_json::Value>,
    detail: Option<usize>,
) -> anyhow::Result<CorpusReport> {
    let docs = gold::load(spec.corpus, &spec.dir)?;
    let mut ids: HashMap<(EntityKind, String), u32> = HashMap::new();
    let mut preds = Vec::new();
    for d in &docs {
        let chars: Vec<char> = d.text.chars().collect();
        let mut ps = Vec::new();
        for m in files
            .get(&d.name)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let (Some(s), Some(e), Some(t)) = (m[0].as_u64(), m[1].as_u64(), m[2].as_str()) else {
                continue;
            };
            let (s, e) = (s as usize, (e as usize).min(chars.len()));
            let Some(kind) = EntityKind::parse(t).filter(|k| KINDS.contains(k)) else {
                continue;
            };
            if s >= e {
                continue;
            }
            let text: String = chars[s..e].iter().collect();
            let (bs, be) = score::bare_span(&chars, s, e);
            // An entity id as a fourth field links as that system linked;
            // without one, mentions link by their folded text.
            let key: String = match m.get(3).and_then(|v| v.as_str()) {
                Some(id) => format!("id:{id}"),
                None => chars[bs..be].iter().collect::<String>().to_lowercase(),
            };
            let n = ids.len() as u32;
            let entity = *ids.entry((kind, key)).or_insert(n);
            let head = s + text
                .rfind(char::is_whitespace)
                .map_or(0, |i| text[..=i].chars().count());
            ps.push(Pred {
                start: s,
                end: e,
                kind,
                text,
                entity,
                head,
            });
        }
        preds.push(ps);
    }
    Ok(report(spec, system, docs, preds, Vec::new(), detail))
}

/// Cross-file linking counts every named mention, nested ones included
/// (rule 8 concerns recognition spans, not identity).
fn link_with_nested(docs: &[GoldDoc], preds: &[Vec<Pred>]) -> LinkScores {
    let docs: Vec<GoldDoc> = docs
        .iter()
        .map(|d| GoldDoc {
            name: d.name.clone(),
            text: d.text.clone(),
            mentions: d
                .mentions
                .iter()
                .cloned()
                .map(|mut m| {
                    if m.excluded == Some(Exclusion::Nested) {
                        m.excluded = None;
                    }
                    m
                })
                .collect(),
            others: d.others.clone(),
        })
        .collect();
    let matches: Vec<DocMatch> = docs
        .iter()
        .zip(preds)
        .map(|(d, p)| score::match_doc(d, p))
        .collect();
    score::link_scores(&docs, preds, &matches)
}

fn report(
    spec: &CorpusSpec,
    system: &str,
    docs: Vec<GoldDoc>,
    preds: Vec<Vec<Pred>>,
    crashed: Vec<String>,
    detail: Option<usize>,
) -> CorpusReport {
    let matches: Vec<DocMatch> = docs
        .iter()
        .zip(&preds)
        .map(|(d, p)| score::match_doc(d, p))
        .collect();
    let mut gold = BTreeMap::new();
    let mut predicted = BTreeMap::new();
    let mut ignored = BTreeMap::new();
    for k in KINDS {
        let all: Vec<_> = docs
            .iter()
            .flat_map(|d| &d.mentions)
            .filter(|g| g.kind == k)
            .collect();
        let mut excluded = BTreeMap::new();
        for x in Exclusion::ALL {
            excluded.insert(
                x.as_str(),
                all.iter().filter(|g| g.excluded == Some(x)).count(),
            );
        }
        gold.insert(
            k.as_str(),
            GoldCounts {
                of_type: all.len(),
                named: all.iter().filter(|g| g.named()).count(),
                named_tail: all.iter().filter(|g| g.tail).count(),
                excluded,
            },
        );
        let kind_preds = preds
            .iter()
            .zip(&matches)
            .flat_map(|(ps, m)| ps.iter().zip(&m.ignored).filter(move |(p, _)| p.kind == k));
        let (mut n, mut ign) = (0, 0);
        for (_, &i) in kind_preds {
            n += 1;
            ign += i as usize;
        }
        predicted.insert(k.as_str(), n);
        ignored.insert(k.as_str(), ign);
    }
    let (false_positives, false_negatives, unscored) = match detail {
        Some(n) => {
            let (a, b) = details(&docs, &preds, &matches, n);
            (Some(a), Some(b), Some(unscored_examples(&docs, n.min(15))))
        }
        None => (None, None, None),
    };
    CorpusReport {
        corpus: spec.name,
        system: system.to_string(),
        held_out: spec.held_out,
        dir: spec.dir.display().to_string(),
        docs: docs.len(),
        crashed,
        gold,
        predicted,
        ignored,
        strict: score::score(&docs, &preds, &matches, Mode::Strict),
        bare: score::score(&docs, &preds, &matches, Mode::Bare),
        lenient: score::score(&docs, &preds, &matches, Mode::Lenient),
        span: score::span_score(&docs, &preds, &matches),
        linking: link_with_nested(&docs, &preds),
        false_positives,
        false_negatives,
        unscored,
    }
}

pub struct Args {
    pub gum: Option<PathBuf>,
    pub meantime: Option<PathBuf>,
    pub ud_gum: Option<PathBuf>,
    pub ud_ewt: Option<PathBuf>,
    pub only: Vec<String>,
    pub predictions: Vec<PathBuf>,
    pub list_corpora: bool,
    pub format: Format,
    pub details: bool,
    pub top: usize,
}

/// An external system's predictions: `{"system": name, "corpora": {short:
/// {file: [[start, end, type], ...]}}}`.
fn load_predictions(path: &Path) -> anyhow::Result<(String, serde_json::Value)> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{} is not valid JSON: {e}", path.display()))?;
    let system = v["system"].as_str().unwrap_or("external").to_string();
    Ok((system, v["corpora"].clone()))
}

pub fn run(a: Args) -> i32 {
    let detail = a.details.then_some(a.top);
    let specs = match corpora(&a) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crosscheck: eval: {e}");
            return 2;
        }
    };
    if a.list_corpora {
        println!(
            "{}",
            serde_json::to_string_pretty(&specs).unwrap_or_default()
        );
        return 0;
    }
    let mut externals = Vec::new();
    for p in &a.predictions {
        match load_predictions(p) {
            Ok(x) => externals.push(x),
            Err(e) => {
                eprintln!("crosscheck: eval: {e}");
                return 2;
            }
        }
    }
    let mut reports = Vec::new();
    let empty = serde_json::Map::new();
    for spec in &specs {
        match eval_corpus(spec, detail) {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("crosscheck: {}: {e}", spec.name);
                return 2;
            }
        }
        for (system, corpora) in &externals {
            let files = corpora[spec.short].as_object().unwrap_or(&empty);
            match eval_external(spec, system, files, detail) {
                Ok(r) => reports.push(r),
                Err(e) => {
                    eprintln!("crosscheck: {} ({system}): {e}", spec.name);
                    return 2;
                }
            }
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match a.format {
        Format::Json => serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "named_rule": gold::NAMED_RULE, "corpora": reports }),
        )
        .map_err(std::io::Error::other)
        .and_then(|()| writeln!(out)),
        Format::Text => writeln!(out, "{}\n", gold::NAMED_RULE)
            .and_then(|()| reports.iter().try_for_each(|r| write_text(r, &mut out)))
            .and_then(|()| {
                if externals.is_empty() {
                    Ok(())
                } else {
                    side_by_side(&reports, &mut out)
                }
            }),
    };
    match res {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            1
        }
    }
}

#[cfg(test)]
#[path = "mod_tests.rs"]
mod tests;
