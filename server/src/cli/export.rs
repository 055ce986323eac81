//! `crosscheck export --format brat|w3c DIR OUT`: the analysis' mentions
//! with the people's annotations applied, as brat standoff or W3C Web
//! Annotation JSON-LD. Sources are never modified; OUT may not be DIR.
use std::path::{Path, PathBuf};

use crate::annotations::anchor::CharIndex;
use crate::annotations::brat::{export_doc, ExportMention};
use crate::annotations::{w3c, AnnotationSet};
use crate::workspace::ScanOptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Brat,
    W3c,
}

/// `news/a.txt` -> (`news/a.txt`, `news/a.ann`); other extensions keep
/// theirs (`a.md.txt`), so `a.md` and `a.txt` cannot collide.
fn brat_names(rel: &str) -> (String, String) {
    match rel.strip_suffix(".txt") {
        Some(stem) => (rel.to_string(), format!("{stem}.ann")),
        None => (format!("{rel}.txt"), format!("{rel}.ann")),
    }
}

fn write(out: &Path, rel: &str, content: &str) -> std::io::Result<()> {
    let p = out.join(rel);
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d)?;
    }
    std::fs::write(p, content)
}

pub fn run(dir: PathBuf, out: PathBuf, format: Format, max_file_size: u64) -> i32 {
    match export(&dir, &out, format, max_file_size) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            2
        }
    }
}

pub fn export(dir: &Path, out: &Path, format: Format, max_file_size: u64) -> anyhow::Result<()> {
    let opts = ScanOptions {
        max_file_size,
        ..Default::default()
    };
    let snap = super::load::analyse_folder(dir, &opts)?;
    let root = snap.root.clone().expect("analyse_folder sets the root");
    std::fs::create_dir_all(out)?;
    let out = out.canonicalize()?;
    if out == root {
        anyhow::bail!(
            "OUT must not be the workspace itself (the copies would overwrite the sources)"
        );
    }
    if out.starts_with(&root) {
        eprintln!("crosscheck: note: {} is inside the workspace; its .txt copies will be read as sources next time unless ignored", out.display());
    }
    let (set, findings) = AnnotationSet::load(&root);
    for f in &findings {
        eprintln!("{f}");
    }
    let exists = |s: &str| snap.files.iter().any(|f| f.rel_path == s);
    for f in set.missing_sources(&exists) {
        eprintln!("{f}");
    }
    let name_of = |id: &str| snap.entity_by_id(id).map(|e| e.canonical.clone());
    let mut items = Vec::new();
    for (fid, f) in snap.files.iter().enumerate() {
        let anchors = set.anchor_file(&f.rel_path, &f.text);
        for o in &anchors.findings {
            eprintln!("{o}");
        }
        match format {
            Format::Brat => {
                let mentions: Vec<ExportMention> = f
                    .doc
                    .mentions
                    .iter()
                    .enumerate()
                    .map(|(i, m)| ExportMention {
                        span: m.start..m.end,
                        kind: m.kind.as_str(),
                        entity: Some(
                            snap.entities[snap.entity_of(fid as u32, i) as usize]
                                .id
                                .as_str(),
                        ),
                    })
                    .collect();
                let ann = export_doc(&set, &f.rel_path, &f.text, &mentions, &anchors, &name_of);
                let (txt, annp) = brat_names(&f.rel_path);
                write(&out, &txt, &f.text)?;
                write(&out, &annp, &ann)?;
            }
            Format::W3c => {
                let idx = CharIndex::new(&f.text);
                // Spans an annotation already covers are not repeated as
                // bare mentions.
                let covered: Vec<_> = anchors.placed.iter().map(|a| a.span.clone()).collect();
                for (i, m) in f.doc.mentions.iter().enumerate() {
                    if covered.contains(&(m.start..m.end)) {
                        continue;
                    }
                    let e = &snap.entities[snap.entity_of(fid as u32, i) as usize];
                    let iri = w3c::entity_iri(&set, &e.id);
                    items.push(w3c::mention(
                        &f.rel_path,
                        i,
                        &f.text,
                        &idx,
                        m.start..m.end,
                        &iri,
                    ));
                }
                items.extend(w3c::export_file(&set, &f.rel_path, &f.text, &anchors));
            }
        }
    }
    if format == Format::W3c {
        let mut s = serde_json::to_string_pretty(&w3c::collection(items))?;
        s.push('\n');
        write(&out, "annotations.jsonld", &s)?;
    }
    eprintln!(
        "crosscheck: exported {} files to {}",
        snap.files.len(),
        out.display()
    );
    Ok(())
}
