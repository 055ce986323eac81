//! Document highlight: the mentions of the entity under the cursor in the
//! current file only.
use crate::analysis::{FileId, Snapshot};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    /// This mention is the entity's definition.
    pub is_definition: bool,
}

pub fn highlights(snap: &Snapshot, file: FileId, offset: usize) -> Vec<Highlight> {
    let Some((_, entity)) = snap.entity_at(file, offset) else {
        return Vec::new();
    };
    entity
        .mentions
        .iter()
        .filter(|r| r.file == file)
        .map(|&r| {
            let m = snap.mention(r);
            Highlight {
                start: m.start,
                end: m.end,
                is_definition: r == entity.definition,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    #[test]
    fn same_entity_same_file_only() {
        let f =
            Fixture::parse(&NATO.replacen("Stoltenberg said NATO", "Stoltenberg| said NATO", 1));
        let (file, off) = f.cursor();
        let text = &f.snap.file(file).text;
        let got: Vec<(&str, bool)> = highlights(&f.snap, file, off)
            .iter()
            .map(|h| (&text[h.start..h.end], h.is_definition))
            .collect();
        assert_eq!(
            got,
            vec![("Jens Stoltenberg", true), ("Stoltenberg", false)]
        );
    }

    #[test]
    fn empty_off_mention() {
        let f = Fixture::parse(&NATO.replacen("officials", "|officials", 1));
        let (file, off) = f.cursor();
        assert!(highlights(&f.snap, file, off).is_empty());
    }
}
