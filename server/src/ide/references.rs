//! Find references: every mention of the entity under the cursor, in every
//! file of the snapshot, in file then text order.
use super::FileRange;
use crate::analysis::{FileId, Snapshot};

/// `None` when the cursor is not on a mention. With `include_declaration`
/// false the defining mention is left out (LSP `context.includeDeclaration`).
pub fn references(
    snap: &Snapshot,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Option<Vec<FileRange>> {
    let (_, entity) = snap.entity_at(file, offset)?;
    Some(
        entity
            .mentions
            .iter()
            .filter(|&&r| include_declaration || r != entity.definition)
            .map(|&r| FileRange::of_mention(snap, r))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    fn refs(fx: &str, decl: bool) -> Vec<String> {
        let f = Fixture::parse(fx);
        let (file, off) = f.cursor();
        references(&f.snap, file, off, decl)
            .unwrap_or_default()
            .into_iter()
            .map(|r| f.show(r))
            .collect()
    }

    #[test]
    fn all_files_all_spellings() {
        let fx = NATO.replacen("in Kyiv on", "in Ky|iv on", 1);
        let got = refs(&fx, true);
        assert_eq!(got, vec!["a.txt:Kyiv", "b.txt:Kiev", "c.txt:Kyiv"]);
    }

    #[test]
    fn include_declaration_false_drops_the_definition() {
        let fx = NATO.replacen("Stoltenberg said NATO", "|Stoltenberg said NATO", 1);
        let with = refs(&fx, true);
        let without = refs(&fx, false);
        assert!(
            with.contains(&"a.txt:Jens Stoltenberg".to_string()),
            "{with:?}"
        );
        assert_eq!(with.len(), without.len() + 1);
        assert!(!without.contains(&"a.txt:Jens Stoltenberg".to_string()));
        assert!(
            without.contains(&"b.txt:Stoltenberg".to_string()),
            "{without:?}"
        );
        assert!(!with.iter().any(|s| s.contains("Rutte")));
    }

    #[test]
    fn off_mention_is_none() {
        let f = Fixture::parse(&NATO.replacen("officials", "|officials", 1));
        let (file, off) = f.cursor();
        assert_eq!(references(&f.snap, file, off, true), None);
    }
}
