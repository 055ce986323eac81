//! `crosscheck entities [DIR] [--format text|json]`.
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

use super::count;
use crate::analysis::Snapshot;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    path: &'a str,
    /// Unicode character offsets, end exclusive (as in brat standoff).
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roles: Vec<String>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    name: &'a str,
    aliases: &'a [String],
    mention_count: usize,
    files: Vec<&'a str>,
    mentions: Vec<JsonMention<'a>>,
}

/// Byte offset -> character offset, for one text, with a cursor so a sorted
/// sequence of lookups is linear.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

pub fn run(dir: Option<PathBuf>, format: Format, opts: &super::load::FolderOptions) -> i32 {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    // With the folder's configuration, knowledge base and links, as the
    // server shows it.
    let folder = match super::load::load(&dir, opts) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return 2;
        }
    };
    if let Some(e) = &folder.config_error {
        eprintln!(
            "crosscheck: {}: {}",
            crate::config::CONFIG_PATH,
            e.describe()
        );
    }
    for f in &folder.findings {
        eprintln!("crosscheck: {}", f.message);
    }
    let snap = &folder.snap;
    let out = std::io::stdout();
    let mut out = out.lock();
    let res = match format {
        Format::Text => write_text(snap, &mut out),
        Format::Json => write_json(snap, &mut out),
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

fn sorted(snap: &Snapshot) -> Vec<usize> {
    let mut order: Vec<usize> = (0..snap.entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&snap.entities[a], &snap.entities[b]);
        (ea.kind, std::cmp::Reverse(ea.mentions.len()), &ea.id).cmp(&(
            eb.kind,
            std::cmp::Reverse(eb.mentions.len()),
            &eb.id,
        ))
    });
    order
}

fn files_of<'a>(snap: &'a Snapshot, e: &crate::analysis::linking::Entity) -> Vec<&'a str> {
    let mut v: Vec<&str> = e
        .mentions
        .iter()
        .map(|m| snap.files[m.file as usize].rel_path.as_str())
        .collect();
    v.dedup();
    v
}

fn write_text(snap: &Snapshot, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} in {}",
        count(snap.entities.len(), "entity", "entities"),
        count(snap.files.len(), "file", "files")
    )?;
    for i in sorted(snap) {
        let e = &snap.entities[i];
        let files = files_of(snap, e);
        write!(
            out,
            "{:<40} {:<12} {}  ({} in {}",
            e.id,
            e.kind.as_str(),
            e.canonical,
            count(e.mentions.len(), "mention", "mentions"),
            count(files.len(), "file", "files")
        )?;
        if !e.aliases.is_empty() {
            write!(out, "; also: {}", e.aliases.join(", "))?;
        }
        writeln!(out, ")")?;
    }
    Ok(())
}

fn write_json(snap: &Snapshot, out: &mut impl Write) -> std::io::Result<()> {
    let mut counters: Vec<CharCounter> = snap
        .files
        .iter()
        .map(|f| CharCounter {
            text: &f.text,
            byte: 0,
            chars: 0,
        })
        .collect();
    let mut list = Vec::new();
    for i in sorted(snap) {
        let e = &snap.entities[i];
        let mentions = e
            .mentions
            .iter()
            .map(|r| {
                let f = &snap.files[r.file as usize];
                let m = snap.mention(*r);
                let c = &mut counters[r.file as usize];
                let start = c.at(m.start);
                let end = c.at(m.end);
                JsonMention {
                    path: &f.rel_path,
                    start,
                    end,
                    text: m.text(&f.text),
                    roles: m.roles.iter().map(|r| r.text.clone()).collect(),
                }
            })
            .collect();
        list.push(JsonEntity {
            id: &e.id,
            kind: e.kind.as_str(),
            name: &e.canonical,
            aliases: &e.aliases,
            mention_count: e.mentions.len(),
            files: files_of(snap, e),
            mentions,
        });
    }
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}
