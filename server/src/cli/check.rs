//! `crosscheck check [DIR] [--format text|json|sarif] [--fail-on LEVEL]`:
//! every diagnostic of a folder, for terminals and CI.
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::count;
use super::load::{load, FileReport, Folder, FolderOptions};
use crate::analysis::{FileId, Snapshot};
use crate::annotations::Severity as FSeverity;
use crate::config::{Config, Rule, Severity, CONFIG_PATH, INVALID_CONFIG};
use crate::ide::annotated::loaded_text;
use crate::ide::diagnostics;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Information => Some(Severity::Information),
            FailOn::Never => None,
        }
    }
}

pub use crate::analysis::text::line_index::LineColumns as LineIndex;

/// Line indexes of the files a report touches, built once per file.
struct Lines<'a> {
    snap: &'a Snapshot,
    built: std::collections::HashMap<FileId, LineIndex>,
}

impl<'a> Lines<'a> {
    fn new(snap: &'a Snapshot) -> Self {
        Lines {
            snap,
            built: Default::default(),
        }
    }

    fn line_col(&mut self, file: FileId, offset: usize) -> (usize, usize) {
        let text = &self.snap.file(file).text;
        self.built
            .entry(file)
            .or_insert_with(|| LineIndex::new(text))
            .line_col(text, offset)
    }
}

/// A finding about a file of `.crosscheck/` (or its configuration): where,
/// how bad, what.
pub struct FindingLine {
    /// Relative to the folder, `/`-separated.
    pub path: String,
    /// 1-based line and column (characters) of start and end.
    pub start: (usize, usize),
    pub end: (usize, usize),
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

/// The findings about the folder's `.crosscheck/` files and configuration,
/// in the order the server would list them.
pub fn finding_lines(folder: &Folder) -> Vec<FindingLine> {
    let mut out = Vec::new();
    if let Some(e) = &folder.config_error {
        let text = Config::read_file(&folder.root, folder.follow_links)
            .ok()
            .flatten()
            .unwrap_or_default();
        let r = e.byte_range(&text);
        let li = LineIndex::new(&text);
        out.push(FindingLine {
            path: CONFIG_PATH.to_string(),
            start: li.line_col(&text, r.start),
            end: li.line_col(&text, r.end),
            severity: Severity::Error,
            code: INVALID_CONFIG,
            message: e.describe(),
        });
    }
    // One index per file: a file can carry thousands of findings.
    let mut indexes: std::collections::HashMap<&Path, LineIndex> = Default::default();
    for f in &folder.findings {
        let text = loaded_text(&folder.set, &f.path).unwrap_or("");
        let (start, end) = match &f.range {
            Some(r) if r.end <= text.len() => {
                let li = indexes
                    .entry(f.path.as_path())
                    .or_insert_with(|| LineIndex::new(text));
                (li.line_col(text, r.start), li.line_col(text, r.end))
            }
            _ => ((1, 1), (1, 1)),
        };
        out.push(FindingLine {
            path: crate::workspace::slash_path(&folder.root, &f.path),
            start,
            end,
            severity: match f.severity {
                FSeverity::Error => Severity::Error,
                FSeverity::Warning => Severity::Warning,
                FSeverity::Info => Severity::Information,
            },
            code: f.code,
            message: f.message.clone(),
        });
    }
    out
}

pub struct Args {
    pub dir: Option<PathBuf>,
    pub format: Format,
    pub fail_on: FailOn,
    pub folder: FolderOptions,
}

pub fn run(args: Args) -> i32 {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let folder = match load(&dir, &args.folder) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    };
    let reports = folder.reports();
    let findings = finding_lines(&folder);
    if let Some(parser) = crate::analysis::syntax::engine::loaded() {
        let (bytes, hits, misses) = parser.cache_stats();
        tracing::debug!(
            "parse cache: {} KB kept; {hits} sentences found in it, {misses} parsed",
            bytes / 1024
        );
    }
    let snap = &folder.snap;
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match args.format {
        Format::Text => write_text(snap, &reports, &findings, &mut out),
        Format::Json => write_json(snap, &reports, &findings, &mut out),
        Format::Sarif => write_sarif(snap, &reports, &findings, &mut out),
    };
    if let Err(e) = res {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    }
    let severities: Vec<Severity> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.severity))
        .chain(findings.iter().map(|f| f.severity))
        .collect();
    let mut counts = [0usize; 5];
    for s in &severities {
        counts[*s as usize] += 1;
    }
    if args.format == Format::Text {
        eprintln!(
            "{}: {}, {}, {} information, {}",
            count(snap.files.len(), "file", "files"),
            count(counts[Severity::Error as usize], "error", "errors"),
            count(counts[Severity::Warning as usize], "warning", "warnings"),
            counts[Severity::Information as usize],
            count(counts[Severity::Hint as usize], "hint", "hints"),
        );
    }
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|t| severities.iter().any(|s| *s >= t));
    i32::from(failed)
}

fn write_text(
    snap: &Snapshot,
    reports: &[FileReport],
    findings: &[FindingLine],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut lines = Lines::new(snap);
    for r in reports {
        for d in &r.diagnostics {
            let (l, c) = lines.line_col(r.file, d.start);
            writeln!(
                out,
                "{}:{l}:{c}: {}[{}]: {}",
                r.path,
                d.severity.as_str(),
                d.code,
                d.message
            )?;
            for rel in &d.related {
                let (rl, rc) = lines.line_col(rel.file, rel.start);
                let path = &snap.file(rel.file).rel_path;
                writeln!(out, "    {path}:{rl}:{rc}: {}", rel.message)?;
            }
        }
    }
    for f in findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            f.path,
            f.start.0,
            f.start.1,
            f.severity.as_str(),
            f.code,
            f.message
        )?;
    }
    Ok(())
}

fn position(lines: &mut Lines, file: FileId, start: usize, end: usize) -> serde_json::Value {
    let (sl, sc) = lines.line_col(file, start);
    let (el, ec) = lines.line_col(file, end);
    let path = &lines.snap.file(file).rel_path;
    json!({"path": path, "line": sl, "column": sc, "endLine": el, "endColumn": ec})
}

fn finding_position(f: &FindingLine) -> serde_json::Value {
    json!({"path": f.path, "line": f.start.0, "column": f.start.1,
           "endLine": f.end.0, "endColumn": f.end.1})
}

fn write_json(
    snap: &Snapshot,
    reports: &[FileReport],
    findings: &[FindingLine],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut lines = Lines::new(snap);
    let mut list = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let mut v = position(&mut lines, r.file, d.start, d.end);
            v["severity"] = json!(d.severity.as_str());
            v["code"] = json!(d.code);
            v["source"] = json!(diagnostics::SOURCE);
            v["message"] = json!(d.message);
            v["related"] = json!(d
                .related
                .iter()
                .map(|rel| {
                    let mut p = position(&mut lines, rel.file, rel.start, rel.end);
                    p["message"] = json!(rel.message);
                    p
                })
                .collect::<Vec<_>>());
            list.push(v);
        }
    }
    for f in findings {
        let mut v = finding_position(f);
        v["severity"] = json!(f.severity.as_str());
        v["code"] = json!(f.code);
        v["source"] = json!(diagnostics::SOURCE);
        v["message"] = json!(f.message);
        v["related"] = json!([]);
        list.push(v);
    }
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

fn sarif_location(p: serde_json::Value) -> serde_json::Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": p["path"], "uriBaseId": "SRCROOT"},
            "region": {
                "startLine": p["line"], "startColumn": p["column"],
                "endLine": p["endLine"], "endColumn": p["endColumn"]
            }
        }
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

fn write_sarif(
    snap: &Snapshot,
    reports: &[FileReport],
    findings: &[FindingLine],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut rules: Vec<serde_json::Value> = Rule::ALL
        .iter()
        .map(|r| json!({"id": r.code(), "shortDescription": {"text": r.description()}}))
        .collect();
    let mut rule_ids: Vec<String> = Rule::ALL.iter().map(|r| r.code().to_string()).collect();
    let mut lines = Lines::new(snap);
    let mut results = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let related: Vec<serde_json::Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let mut l = sarif_location(position(&mut lines, rel.file, rel.start, rel.end));
                    l["id"] = json!(i);
                    l["message"] = json!({"text": rel.message});
                    l
                })
                .collect();
            let mut res = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": d.message},
                "locations": [sarif_location(position(&mut lines, r.file, d.start, d.end))],
            });
            if let Some(i) = rule_ids.iter().position(|x| x == d.code) {
                res["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                res["relatedLocations"] = json!(related);
            }
            results.push(res);
        }
    }
    for f in findings {
        let i = match rule_ids.iter().position(|x| x == f.code) {
            Some(i) => i,
            None => {
                rule_ids.push(f.code.to_string());
                rules.push(json!({"id": f.code, "shortDescription": {
                    "text": "A problem in the folder's .crosscheck/ files or configuration."}}));
                rule_ids.len() - 1
            }
        };
        results.push(json!({
            "ruleId": f.code,
            "ruleIndex": i,
            "level": sarif_level(f.severity),
            "message": {"text": f.message},
            "locations": [sarif_location(finding_position(f))],
        }));
    }
    let root_uri = snap
        .root
        .as_ref()
        .map(|p| format!("file://{}/", p.display()))
        .unwrap_or_default();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
