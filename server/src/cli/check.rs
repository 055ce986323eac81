//! `crosscheck check [DIR] [--format text|json|sarif] [--fail-on LEVEL]`:
//! every diagnostic of a folder, for terminals and CI.
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

use crate::analysis::{FileId, Snapshot};
use crate::config::{Config, Rule, Severity};
use crate::ide::diagnostics::{self, Diagnostic};
use crate::workspace::ScanOptions;

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

/// 1-based line and column (in characters) of byte offsets; lines break at
/// `\n`, `\r\n` and `\r`, as in LSP. Character counts are kept every
/// [`CHECKPOINT`] bytes, so a column costs at most that much counting even
/// on a very long line.
pub struct LineIndex {
    /// Line starts, shared with the rest of the server.
    lines: crate::analysis::text::line_index::LineIndex,
    /// (byte offset at a character boundary, characters before it).
    marks: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut marks = vec![(0, 0)];
        for (n, (at, _)) in text.char_indices().enumerate() {
            if at >= marks.last().unwrap().0 + CHECKPOINT {
                marks.push((at, n));
            }
        }
        LineIndex {
            lines: crate::analysis::text::line_index::LineIndex::of(text),
            marks,
        }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= offset) - 1;
        let (at, n) = self.marks[k];
        n + text[at..offset].chars().count()
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, start) = self.lines.line_of(offset);
        let col = self.chars_before(text, offset) - self.chars_before(text, start);
        (line + 1, col + 1)
    }
}

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

pub struct FileReport<'a> {
    pub file: FileId,
    pub path: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn collect<'a>(snap: &'a Snapshot, config: &Config) -> Vec<FileReport<'a>> {
    (0..snap.files.len() as FileId)
        .map(|f| FileReport {
            file: f,
            path: &snap.file(f).rel_path,
            diagnostics: diagnostics::compute(snap, config, f),
        })
        .collect()
}

pub fn run(dir: Option<PathBuf>, format: Format, fail_on: FailOn, max_file_size: u64) -> i32 {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    let opts = ScanOptions {
        max_file_size,
        ..Default::default()
    };
    let super::load::Checked {
        config,
        snap,
        annotations,
    } = match super::load::load_checked(&dir, &opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    };
    let mut reports = collect(&snap, &config);
    annotations.apply(&snap, &mut reports);
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match format {
        Format::Text => write_text(&snap, &reports, &mut out).and_then(|()| {
            annotations
                .finding_lines()
                .iter()
                .try_for_each(|l| writeln!(out, "{l}"))
        }),
        Format::Json => write_json(&snap, &reports, &mut out),
        Format::Sarif => write_sarif(&snap, &reports, &mut out),
    };
    if let Err(e) = res {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    }
    let mut counts = [0usize; 5];
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        counts[d.severity as usize] += 1;
    }
    if format == Format::Text {
        eprintln!(
            "{} files: {} errors, {} warnings, {} information, {} hints",
            snap.files.len(),
            counts[Severity::Error as usize],
            counts[Severity::Warning as usize],
            counts[Severity::Information as usize],
            counts[Severity::Hint as usize]
        );
    }
    let failed = fail_on.threshold().is_some_and(|t| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.severity >= t)
    });
    i32::from(failed)
}

fn write_text(
    snap: &Snapshot,
    reports: &[FileReport],
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
    Ok(())
}

fn position(lines: &mut Lines, file: FileId, start: usize, end: usize) -> serde_json::Value {
    let (sl, sc) = lines.line_col(file, start);
    let (el, ec) = lines.line_col(file, end);
    let path = &lines.snap.file(file).rel_path;
    json!({"path": path, "line": sl, "column": sc, "endLine": el, "endColumn": ec})
}

fn write_json(
    snap: &Snapshot,
    reports: &[FileReport],
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
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

fn sarif_location(lines: &mut Lines, file: FileId, start: usize, end: usize) -> serde_json::Value {
    let p = position(lines, file, start, end);
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

fn write_sarif(
    snap: &Snapshot,
    reports: &[FileReport],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let rules: Vec<serde_json::Value> = Rule::ALL
        .iter()
        .map(|r| json!({"id": r.code(), "shortDescription": {"text": r.description()}}))
        .collect();
    let mut lines = Lines::new(snap);
    let mut results = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "note",
            };
            let related: Vec<serde_json::Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let mut l = sarif_location(&mut lines, rel.file, rel.start, rel.end);
                    l["id"] = json!(i);
                    l["message"] = json!({"text": rel.message});
                    l
                })
                .collect();
            let mut res = json!({
                "ruleId": d.code,
                "ruleIndex": Rule::ALL.iter().position(|x| *x == d.rule).unwrap_or(0),
                "level": level,
                "message": {"text": d.message},
                "locations": [sarif_location(&mut lines, r.file, d.start, d.end)],
            });
            if !related.is_empty() {
                res["relatedLocations"] = json!(related);
            }
            results.push(res);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_columns_count_characters() {
        let t = "ab\r\ncé d\rx\ny";
        let li = LineIndex::new(t);
        assert_eq!(li.line_col(t, 0), (1, 1));
        assert_eq!(li.line_col(t, 4), (2, 1));
        assert_eq!(li.line_col(t, t.find('d').unwrap()), (2, 4));
        assert_eq!(li.line_col(t, t.find('x').unwrap()), (3, 1));
        assert_eq!(li.line_col(t, t.len()), (4, 2));
    }

    #[test]
    fn columns_on_long_lines_count_characters_past_checkpoints() {
        let t = format!("{}\n{}x", "é".repeat(1000), "ab".repeat(700));
        let li = LineIndex::new(&t);
        assert_eq!(li.line_col(&t, 2 * 999), (1, 1000));
        assert_eq!(li.line_col(&t, t.find('x').unwrap()), (2, 1401));
        for (n, (at, _)) in t.char_indices().enumerate().step_by(37) {
            let line = t[..at].matches('\n').count();
            let start = t[..at].rfind('\n').map_or(0, |p| p + 1);
            let col = t[start..at].chars().count();
            assert_eq!(li.line_col(&t, at), (line + 1, col + 1), "{n}");
        }
    }
}
