//! GUM's official dev and test documents as a held-out evaluation split.
//!
//! The treebank (`shared/data/ud/gum/*.conllu`, see its README) carries
//! entity spans in the MISC column, CorefUD style: `Entity=(ID-type-...`
//! opens a span on a token, `ID)` closes it, and the last field of the
//! opening is the Wikipedia identity when there is one. Each document is
//! written out as plain text (one sentence per line, a blank line between
//! paragraphs, spacing restored from `SpaceAfter=No`) with a brat `.ann`
//! beside it, so the held-out split is read, analysed and scored exactly
//! like the other corpora. Nothing here is tuned on: the split is only
//! reported.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Which official split a document belongs to, read from `splits.md`.
pub fn split_members(gum_dir: &Path, split: &str) -> anyhow::Result<Vec<String>> {
    let md = std::fs::read_to_string(gum_dir.join("splits.md"))
        .map_err(|e| anyhow::anyhow!("cannot read {}/splits.md: {e}", gum_dir.display()))?;
    let mut out = Vec::new();
    let mut current = String::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            current = h.trim().to_string();
        } else if current == split {
            if let Some(doc) = line.trim().strip_prefix("* ") {
                out.push(doc.trim().to_string());
            }
        }
    }
    Ok(out)
}

/// One entity span in character offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub ty: String,
    pub identity: Option<String>,
}

/// A document converted to text and spans.
#[derive(Debug, Default)]
pub struct Converted {
    pub text: String,
    pub spans: Vec<Span>,
}

struct Open {
    id: String,
    ty: String,
    identity: Option<String>,
    start: usize,
}

/// Parse the `Entity=` value of one token: openings (with their specs),
/// single-token spans and closings, in order.
fn entity_events(value: &str) -> Vec<(bool, String)> {
    // (true, spec) = open; (false, id) = close.
    let mut out = Vec::new();
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let j = (i + 1..b.len())
                .find(|&k| b[k] == b'(' || b[k] == b')')
                .unwrap_or(b.len());
            let spec = &value[i + 1..j];
            out.push((true, spec.to_string()));
            if j < b.len() && b[j] == b')' {
                let id = spec.split('-').next().unwrap_or("").to_string();
                out.push((false, id));
                i = j + 1;
            } else {
                i = j;
            }
        } else {
            let j = (i..b.len()).find(|&k| b[k] == b')').unwrap_or(b.len());
            let id = value[i..j].trim().to_string();
            if !id.is_empty() {
                out.push((false, id));
            }
            i = j + 1;
        }
    }
    out
}

/// Convert one CoNLL-U document (GUM, CorefUD entity annotation).
pub fn convert(conllu: &str) -> Converted {
    let mut c = Converted::default();
    let mut chars = 0usize; // character length of c.text
    let mut open: Vec<Open> = Vec::new();
    let mut sentence_open = false;
    let mut pending_space = false;
    let push = |c: &mut Converted, chars: &mut usize, s: &str| {
        c.text.push_str(s);
        *chars += s.chars().count();
    };
    for line in conllu.lines() {
        if line.starts_with("# newpar") && !line.starts_with("# newpar_block") {
            if !c.text.is_empty() && !c.text.ends_with("\n\n") {
                let sep = if c.text.ends_with('\n') { "\n" } else { "\n\n" };
                push(&mut c, &mut chars, sep);
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if sentence_open {
                push(&mut c, &mut chars, "\n");
                sentence_open = false;
                pending_space = false;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue; // multi-word token ranges and empty nodes carry no surface
        }
        if pending_space {
            push(&mut c, &mut chars, " ");
        }
        sentence_open = true;
        let form = cols[1];
        let tok_start = chars;
        push(&mut c, &mut chars, form);
        let tok_end = chars;
        let misc = cols[9];
        pending_space = !misc.split('|').any(|f| f == "SpaceAfter=No");
        let Some(value) = misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        for (is_open, s) in entity_events(value) {
            if is_open {
                let f: Vec<&str> = s.splitn(8, '-').collect();
                open.push(Open {
                    id: f[0].to_string(),
                    ty: f.get(1).copied().unwrap_or("").to_string(),
                    identity: (f.len() == 8).then(|| f[7].to_string()),
                    start: tok_start,
                });
            } else if let Some(k) = open.iter().rposition(|o| o.id == s) {
                let o = open.remove(k);
                c.spans.push(Span {
                    start: o.start,
                    end: tok_end,
                    ty: o.ty,
                    identity: o.identity,
                });
            }
        }
    }
    c
}

/// The brat standoff of a converted document (T lines, identity notes).
pub fn to_brat(c: &Converted) -> String {
    let chars: Vec<char> = c.text.chars().collect();
    let mut out = String::new();
    for (i, s) in c.spans.iter().enumerate() {
        let text: String = chars[s.start..s.end]
            .iter()
            .map(|&ch| if ch == '\n' { ' ' } else { ch })
            .collect();
        let _ = writeln!(out, "T{}\t{} {} {}\t{}", i + 1, s.ty, s.start, s.end, text);
        if let Some(id) = &s.identity {
            let _ = writeln!(
                out,
                "#{}\tAnnotatorNotes T{}\twikipedia={}",
                i + 1,
                i + 1,
                id
            );
        }
    }
    out
}

/// Write the documents of `split` under `out` as `.txt` + `.ann` pairs and
/// return the folder. Only documents present in `gum_dir` are written (the
/// shared copy holds the permissively licensed genres only).
pub fn write_split(gum_dir: &Path, split: &str, out: &Path) -> anyhow::Result<PathBuf> {
    let members = split_members(gum_dir, split)?;
    write_documents(gum_dir, &members, out).map_err(|e| anyhow::anyhow!("{split} split: {e}"))
}

/// Write the named documents of `gum_dir` under `out` (emptied first) as
/// `.txt` + `.ann` pairs; documents absent from `gum_dir` are skipped.
pub fn write_documents(gum_dir: &Path, members: &[String], out: &Path) -> anyhow::Result<PathBuf> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut n = 0;
    for doc in members {
        let path = gum_dir.join(format!("{doc}.conllu"));
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let c = convert(&src);
        std::fs::write(out.join(format!("{doc}.txt")), &c.text)?;
        std::fs::write(out.join(format!("{doc}.ann")), to_brat(&c))?;
        n += 1;
    }
    if n == 0 {
        anyhow::bail!("no documents of {} found", gum_dir.display());
    }
    Ok(out.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_nested_spans_and_spacing() {
        let src = "# newdoc id = x\n# newpar\n# text = NASA met Bill Ingalls.\n\
1\tNASA\tNASA\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-organization-new-s-cf1-1-coref-NASA)\n\
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tBill\tBill\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(2-person-new-s-cf2-1,2-coref-Bill_Ingalls\n\
4\tIngalls\tIngalls\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=2)|SpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let c = convert(src);
        assert_eq!(c.text, "NASA met Bill Ingalls.\n");
        assert_eq!(c.spans.len(), 2);
        assert_eq!((c.spans[0].start, c.spans[0].end), (0, 4));
        assert_eq!(c.spans[0].identity.as_deref(), Some("NASA"));
        assert_eq!(
            (c.spans[1].start, c.spans[1].end, c.spans[1].ty.as_str()),
            (9, 21, "person")
        );
        let ann = to_brat(&c);
        assert!(ann.contains("T2\tperson 9 21\tBill Ingalls"), "{ann}");
        assert!(ann.contains("wikipedia=Bill_Ingalls"));
    }

    #[test]
    fn parses_entity_events() {
        let ev = entity_events("(4-object-giv-s-cf1-1-coref)6)");
        assert_eq!(
            ev,
            vec![
                (true, "4-object-giv-s-cf1-1-coref".to_string()),
                (false, "4".to_string()),
                (false, "6".to_string())
            ]
        );
    }
}
