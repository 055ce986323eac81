//! Hover: an entity card in markdown.
//!
//! ```text
//! **Jens Stoltenberg** — person
//! Also written: Stoltenberg
//! Roles:
//! - NATO Secretary General (`a.txt`, `c.txt`)
//! - then-NATO Secretary General (`b.txt`)
//! 4 mentions in 2 files
//! Defined in `a.txt`:
//! > NATO Secretary General Jens Stoltenberg met officials in Kyiv on Monday.
//! ```
//! Roles are listed with the file they come from because fact-checkers need
//! to see *who* said someone held a role, and when ("then-", "former").
use crate::analysis::model::{RoleAttr, RoleQualifier};
use crate::analysis::text::fold::fold_key;
use crate::analysis::{FileId, Snapshot};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoverResult {
    /// The mention under the cursor.
    pub start: usize,
    pub end: usize,
    pub markdown: String,
}

/// A role as compared across mentions: qualifier and folded text.
type RoleKey = (Option<RoleQualifier>, String);

/// Longest defining sentence shown, in characters.
const MAX_SENTENCE_CHARS: usize = 300;

pub fn hover(snap: &Snapshot, file: FileId, offset: usize) -> Option<HoverResult> {
    let (at, entity) = snap.entity_at(file, offset)?;
    let here = snap.mention(at);
    let mut md = format!(
        "**{}** — {}\n",
        escape(&entity.canonical),
        entity.kind.as_str()
    );
    if !entity.aliases.is_empty() {
        let aliases: Vec<String> = entity.aliases.iter().map(|a| escape(a)).collect();
        md.push_str(&format!("\nAlso written: {}\n", aliases.join(", ")));
    }

    // Roles in corpus order, one line per (qualifier, folded text), with
    // every file that writes it.
    let mut roles: Vec<(RoleKey, String, Vec<&str>)> = Vec::new();
    for &r in &entity.mentions {
        let path = snap.file(r.file).rel_path.as_str();
        for role in &snap.mention(r).roles {
            let key = (role.qualifier, fold_key(&role.text));
            match roles.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, files)) if !files.contains(&path) => files.push(path),
                Some(_) => {}
                None => roles.push((key, role_label(role), vec![path])),
            }
        }
    }
    let roles: Vec<String> = roles
        .into_iter()
        .map(|(_, label, files)| {
            let files: Vec<String> = files.iter().map(|f| format!("`{f}`")).collect();
            format!("- {} ({})", escape(&label), files.join(", "))
        })
        .collect();
    if !roles.is_empty() {
        md.push_str("\nRoles:\n");
        md.push_str(&roles.join("\n"));
        md.push('\n');
    }

    let n = entity.mentions.len();
    let m = entity.file_count;
    md.push_str(&format!(
        "\n{n} mention{} in {m} file{}\n",
        if n == 1 { "" } else { "s" },
        if m == 1 { "" } else { "s" }
    ));

    let def_file = snap.file(entity.definition.file);
    let def = snap.mention(entity.definition);
    if let Some(si) = def_file.doc.structure.sentence_at(def.start) {
        let s = def_file.doc.structure.sentences[si];
        let sentence = squash(&def_file.text[s.start..s.end]);
        if !sentence.is_empty() {
            md.push_str(&format!(
                "\nDefined in `{}`:\n> {}\n",
                def_file.rel_path,
                escape(&sentence)
            ));
        }
    }
    Some(HoverResult {
        start: here.start,
        end: here.end,
        markdown: md,
    })
}

/// "then-NATO Secretary General", "former NATO Secretary General".
pub fn role_label(role: &RoleAttr) -> String {
    match role.qualifier {
        None => role.text.clone(),
        Some(RoleQualifier::Then) => format!("then-{}", role.text),
        Some(q) => format!("{} {}", q.as_str(), role.text),
    }
}

/// One line, white space runs collapsed, cut at a char boundary.
fn squash(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.char_indices().nth(MAX_SENTENCE_CHARS) {
        Some((cut, _)) => format!("{}…", &joined[..cut]),
        None => joined,
    }
}

/// Escape the characters that would turn news text into markdown markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    fn hover_at(fx: &str) -> Option<(String, String)> {
        let f = Fixture::parse(fx);
        let (file, off) = f.cursor();
        let h = hover(&f.snap, file, off)?;
        let text = &f.snap.file(file).text;
        Some((text[h.start..h.end].to_string(), h.markdown))
    }

    #[test]
    fn person_card() {
        let (range, md) = hover_at(&NATO.replacen(
            "The Alliance agreed, Stoltenberg",
            "The Alliance agreed, Stolt|enberg",
            1,
        ))
        .unwrap();
        assert_eq!(range, "Stoltenberg");
        assert!(md.starts_with("**Jens Stoltenberg** — person\n"), "{md}");
        assert!(md.contains("Also written: Stoltenberg"), "{md}");
        assert!(md.contains("- NATO Secretary General (`a.txt`)"), "{md}");
        assert!(
            md.contains("- then-NATO Secretary General (`b.txt`)"),
            "{md}"
        );
        assert!(md.contains("4 mentions in 2 files"), "{md}");
        assert!(
            md.contains("Defined in `a.txt`:\n> NATO Secretary General Jens Stoltenberg met officials in Kyiv on Monday."),
            "{md}"
        );
    }

    /// A lower-case qualifier before a capitalised role run is kept.
    #[test]
    fn former_qualifier_is_shown() {
        let fx = "%! a.txt\nLater, former NATO Secretary General Jens Stoltenberg visited Kiev.\n";
        let (_, md) = hover_at(&fx.replacen("Stoltenberg", "Stolten|berg", 1)).unwrap();
        assert!(
            md.contains("- former NATO Secretary General (`a.txt`)"),
            "{md}"
        );
    }

    #[test]
    fn one_line_per_role_with_its_files() {
        let fx = "%! a.txt\nNATO Secretary General Jens Stoltenberg spoke.\n\
                  %! b.txt\nNATO Secretary General Jens Stoltenberg agreed.\n";
        let (_, md) = hover_at(&fx.replacen("Stoltenberg", "Stolten|berg", 1)).unwrap();
        assert!(
            md.contains("- NATO Secretary General (`a.txt`, `b.txt`)\n"),
            "{md}"
        );
        assert_eq!(md.matches("- NATO Secretary General").count(), 1, "{md}");
    }

    #[test]
    fn location_card_lists_spellings() {
        let (_, md) = hover_at(&NATO.replacen("visited Kiev", "visited Ki|ev", 1)).unwrap();
        assert!(md.starts_with("**Kyiv** — location"), "{md}");
        assert!(md.contains("Kiev"), "{md}");
        assert!(md.contains("3 mentions in 3 files"), "{md}");
        assert!(!md.contains("Roles:"), "{md}");
    }

    #[test]
    fn long_sentences_are_cut_and_markup_escaped() {
        let long = format!("%! a.txt\nNATO said *this* {} end.\n", "word ".repeat(200));
        let (_, md) = hover_at(&long.replacen("NATO", "NA|TO", 1)).unwrap();
        assert!(md.contains("\\*this\\*"), "{md}");
        assert!(md.trim_end().ends_with('…'), "{md}");
    }

    #[test]
    fn role_labels() {
        let mut r = RoleAttr {
            start: 0,
            end: 0,
            text: "NATO Secretary General".into(),
            qualifier: Some(RoleQualifier::Then),
        };
        assert_eq!(role_label(&r), "then-NATO Secretary General");
        r.qualifier = Some(RoleQualifier::Former);
        assert_eq!(role_label(&r), "former NATO Secretary General");
        r.qualifier = None;
        assert_eq!(role_label(&r), "NATO Secretary General");
    }
}
