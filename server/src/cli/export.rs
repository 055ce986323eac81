//! `crosscheck export --format brat|w3c DIR OUT`: the analysis' mentions
//! with the people's annotations applied, as brat standoff or W3C Web
//! Annotation JSON-LD. Sources are never modified; OUT may not be DIR.
use std::path::{Path, PathBuf};

use crate::annotations::anchor::CharIndex;
use crate::annotations::brat::{export_doc, ExportMention};
use crate::annotations::w3c;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Brat,
    W3c,
}

/// `news/a.txt` -> (`news/a.txt`, `news/a.ann`); other extensions keep
/// theirs (`a.md` -> `a.md.txt`).
fn brat_names(rel: &str) -> (String, String) {
    match rel.strip_suffix(".txt") {
        Some(stem) => (rel.to_string(), format!("{stem}.ann")),
        None => (format!("{rel}.txt"), format!("{rel}.ann")),
    }
}

/// The (text, annotation) file names of each source in brat: distinct even
/// when two sources would map to one name (`a.md` and `a.md.txt` both want
/// `a.md.txt`): `.txt` sources keep theirs, the others get a numbered stem.
/// Also returns a note for each renamed source.
fn brat_plan(rels: &[&str]) -> (Vec<(String, String)>, Vec<String>) {
    let mut used = std::collections::HashSet::new();
    let mut plan = vec![(String::new(), String::new()); rels.len()];
    let mut notes = Vec::new();
    // Natural names first for .txt sources, then the rest in order.
    let mut order: Vec<usize> = (0..rels.len()).collect();
    order.sort_by_key(|&i| (!rels[i].ends_with(".txt"), i));
    for i in order {
        let (mut txt, mut ann) = brat_names(rels[i]);
        let mut n = 2;
        while used.contains(&txt) || used.contains(&ann) {
            let stem = rels[i].strip_suffix(".txt").unwrap_or(rels[i]);
            txt = format!("{stem}-{n}.txt");
            ann = format!("{stem}-{n}.ann");
            n += 1;
        }
        if n > 2 {
            notes.push(format!(
                "{} is exported as {txt} and {ann} (its usual names belong to another source)",
                rels[i]
            ));
        }
        used.insert(txt.clone());
        used.insert(ann.clone());
        plan[i] = (txt, ann);
    }
    (plan, notes)
}

fn write(out: &Path, rel: &str, content: &str) -> std::io::Result<()> {
    let p = out.join(rel);
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d)?;
    }
    std::fs::write(p, content)
}

pub fn run(
    dir: PathBuf,
    out: PathBuf,
    format: Format,
    force: bool,
    opts: &super::load::FolderOptions,
) -> i32 {
    match export(&dir, &out, format, force, opts) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            2
        }
    }
}

pub fn export(
    dir: &Path,
    out: &Path,
    format: Format,
    force: bool,
    opts: &super::load::FolderOptions,
) -> anyhow::Result<()> {
    let folder = super::load::load(dir, opts)?;
    let (snap, set, root) = (&folder.snap, &folder.set, &folder.root);
    if out.canonicalize().is_ok_and(|o| o == *root) {
        anyhow::bail!(
            "OUT must not be the workspace itself (the copies would overwrite the sources)"
        );
    }
    if let Ok(mut entries) = std::fs::read_dir(out) {
        if entries.next().is_some() && !force {
            anyhow::bail!(
                "{} is not empty: export into an empty (or new) folder, or pass --force to write into it anyway",
                out.display()
            );
        }
    }
    std::fs::create_dir_all(out)?;
    let out = out.canonicalize()?;
    if out.starts_with(root) {
        eprintln!("crosscheck: note: {} is inside the workspace; its .txt copies will be read as sources next time unless ignored", out.display());
    }
    for f in &folder.findings {
        eprintln!("{f}");
    }
    let rels: Vec<&str> = snap.files.iter().map(|f| f.rel_path.as_str()).collect();
    let (names, notes) = brat_plan(&rels);
    if format == Format::Brat {
        for n in &notes {
            eprintln!("crosscheck: {n}");
        }
    }
    let name_of = |id: &str| snap.entity_by_id(id).map(|e| e.canonical.clone());
    let mut items = Vec::new();
    for (fid, f) in snap.files.iter().enumerate() {
        let anchors = set.anchor_file(&f.rel_path, &f.text);
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
                let ann = export_doc(set, &f.rel_path, &f.text, &mentions, &anchors, &name_of);
                let (txt, annp) = &names[fid];
                write(&out, txt, &f.text)?;
                write(&out, annp, &ann)?;
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
                    let iri = w3c::entity_iri(set, &e.id);
                    items.push(w3c::mention(
                        &f.rel_path,
                        i,
                        &f.text,
                        &idx,
                        m.start..m.end,
                        &iri,
                    ));
                }
                items.extend(w3c::export_file(set, &f.rel_path, &f.text, &anchors));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sources_never_share_an_output_file() {
        let (plan, notes) = brat_plan(&["a.md", "a.md.txt", "b.txt", "b.md"]);
        assert_eq!(plan[1], ("a.md.txt".to_string(), "a.md.ann".to_string()));
        assert_eq!(
            plan[0],
            ("a.md-2.txt".to_string(), "a.md-2.ann".to_string())
        );
        assert_eq!(plan[2], ("b.txt".to_string(), "b.ann".to_string()));
        assert_eq!(plan[3], ("b.md.txt".to_string(), "b.md.ann".to_string()));
        let all: std::collections::HashSet<&String> =
            plan.iter().flat_map(|(t, a)| [t, a]).collect();
        assert_eq!(all.len(), 8);
        assert_eq!(notes.len(), 1, "{notes:?}");
    }
}
