//! Semantic tokens: one token per mention, typed by entity kind.
use crate::analysis::model::EntityKind;
use crate::analysis::{FileId, Snapshot};

/// Token type names, in legend order (the index is the token type).
pub const LEGEND: [&str; 6] = [
    "person",
    "organization",
    "location",
    "date",
    "money",
    "quantity",
];

pub fn token_type(kind: EntityKind) -> u32 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Date => 3,
        EntityKind::Money => 4,
        EntityKind::Quantity => 5,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub token_type: u32,
}

/// Tokens of `file` in text order; with `range`, only the mentions that
/// overlap `[range.0, range.1)`.
pub fn semantic_tokens(snap: &Snapshot, file: FileId, range: Option<(usize, usize)>) -> Vec<Token> {
    let Some(f) = snap.files.get(file as usize) else {
        return Vec::new();
    };
    let mentions = &f.doc.mentions;
    // Mentions are sorted and disjoint, so the first overlapping one is found
    // by binary search.
    let (lo, hi) = match range {
        None => (0, usize::MAX),
        Some((s, e)) => (s, e),
    };
    let first = mentions.partition_point(|m| m.end <= lo);
    mentions[first..]
        .iter()
        .take_while(|m| m.start < hi || (lo == hi && m.start <= hi))
        .filter(|m| m.start < m.end)
        .map(|m| Token {
            start: m.start,
            end: m.end,
            token_type: token_type(m.kind),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    #[test]
    fn legend_matches_entity_kinds() {
        for k in EntityKind::ALL {
            assert_eq!(LEGEND[token_type(k) as usize], k.as_str());
        }
    }

    #[test]
    fn full_and_range() {
        let f = Fixture::parse(NATO);
        let file = f.file("c.txt");
        let text = &f.snap.file(file).text;
        let show = |ts: Vec<Token>| -> Vec<(String, &str)> {
            ts.iter()
                .map(|t| {
                    (
                        text[t.start..t.end].to_string(),
                        LEGEND[t.token_type as usize],
                    )
                })
                .collect()
        };
        let all = show(semantic_tokens(&f.snap, file, None));
        assert_eq!(all[0], ("NATO".to_string(), "organization"));
        assert!(
            all.contains(&("Mark Rutte".to_string(), "person")),
            "{all:?}"
        );
        assert!(
            all.contains(&("Brussels".to_string(), "location")),
            "{all:?}"
        );
        let s = text.find("Rutte met").unwrap();
        let part = show(semantic_tokens(&f.snap, file, Some((s + 2, s + 8))));
        assert_eq!(part, vec![("Rutte".to_string(), "person")]);
        assert!(semantic_tokens(&f.snap, file, Some((text.len(), text.len()))).is_empty());
        assert!(semantic_tokens(&f.snap, 7, None).is_empty());
    }
}
