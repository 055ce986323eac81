//! Document symbols (this file's entities grouped by type) and workspace
//! symbols (entities found by name or alias).
use std::collections::HashMap;

use super::FileRange;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;
use crate::analysis::{FileId, Snapshot};

/// One entity as this file sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSymbol {
    /// Index into `Snapshot::entities`.
    pub entity: u32,
    pub name: String,
    pub kind: EntityKind,
    /// "3 mentions here".
    pub detail: String,
    /// The entity's first mention in this file (range = selection range: the
    /// outline jumps there).
    pub start: usize,
    pub end: usize,
}

/// The entities of one type ("People"), spanning its members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolGroup {
    pub kind: EntityKind,
    pub name: &'static str,
    pub start: usize,
    pub end: usize,
    pub children: Vec<DocSymbol>,
}

pub fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Location => "Locations",
        EntityKind::Date => "Dates",
        EntityKind::Money => "Money",
        EntityKind::Quantity => "Quantities",
    }
}

pub fn document_symbols(snap: &Snapshot, file: FileId) -> Vec<SymbolGroup> {
    let Some(f) = snap.files.get(file as usize) else {
        return Vec::new();
    };
    // entity -> (first mention range, count), in order of first appearance.
    let mut order: Vec<u32> = Vec::new();
    let mut seen: HashMap<u32, (usize, usize, usize)> = HashMap::new();
    for (mi, m) in f.doc.mentions.iter().enumerate() {
        let e = snap.entity_of(file, mi);
        seen.entry(e).and_modify(|s| s.2 += 1).or_insert_with(|| {
            order.push(e);
            (m.start, m.end, 1)
        });
    }
    let mut groups = Vec::new();
    for kind in EntityKind::ALL {
        let children: Vec<DocSymbol> = order
            .iter()
            .filter(|&&e| snap.entities[e as usize].kind == kind)
            .map(|&e| {
                let (start, end, n) = seen[&e];
                DocSymbol {
                    entity: e,
                    name: snap.entities[e as usize].canonical.clone(),
                    kind,
                    detail: format!("{n} mention{} here", if n == 1 { "" } else { "s" }),
                    start,
                    end,
                }
            })
            .collect();
        if children.is_empty() {
            continue;
        }
        let start = children.iter().map(|c| c.start).min().unwrap_or(0);
        let end = children.iter().map(|c| c.end).max().unwrap_or(0);
        groups.push(SymbolGroup {
            kind,
            name: group_name(kind),
            start,
            end,
            children,
        });
    }
    groups
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub entity: u32,
    pub name: String,
    pub kind: EntityKind,
    /// The alias that matched, when it was not the canonical name.
    pub matched_alias: Option<String>,
    pub definition: FileRange,
    /// Rank: 0 prefix, 1 word start, 2 substring, 3 empty query.
    pub rank: u8,
    pub mentions: usize,
}

/// How well `key` matches the folded query: prefix > word start > substring.
fn rank(key: &str, q: &str) -> Option<u8> {
    if key.starts_with(q) {
        Some(0)
    } else if key.match_indices(q).any(|(i, _)| key[..i].ends_with(' ')) {
        Some(1)
    } else if key.contains(q) {
        Some(2)
    } else {
        None
    }
}

/// Entities whose canonical name or an alias contains `query`, case- and
/// diacritic-insensitively ("blaszczak" finds "Błaszczak"), best first. An
/// empty query lists the most mentioned entities. At most `limit` results.
pub fn workspace_symbols(snap: &Snapshot, query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let q = ascii_key(query);
    let mut out: Vec<WorkspaceSymbol> = Vec::new();
    for (ei, e) in snap.entities.iter().enumerate() {
        let hit = if q.is_empty() {
            Some((3, None))
        } else {
            std::iter::once((&e.canonical, None))
                .chain(e.aliases.iter().map(|a| (a, Some(a.clone()))))
                .filter_map(|(name, alias)| rank(&ascii_key(name), &q).map(|r| (r, alias)))
                .min_by_key(|(r, _)| *r)
        };
        if let Some((rank, matched_alias)) = hit {
            out.push(WorkspaceSymbol {
                entity: ei as u32,
                name: e.canonical.clone(),
                kind: e.kind,
                matched_alias,
                definition: FileRange::of_mention(snap, e.definition),
                rank,
                mentions: e.mentions.len(),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.rank, std::cmp::Reverse(a.mentions), &a.name).cmp(&(
            b.rank,
            std::cmp::Reverse(b.mentions),
            &b.name,
        ))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    #[test]
    fn document_symbols_grouped_by_type() {
        let f = Fixture::parse(NATO);
        let groups = document_symbols(&f.snap, f.file("a.txt"));
        let shape: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|g| (g.name, g.children.iter().map(|c| c.name.as_str()).collect()))
            .collect();
        assert_eq!(shape[0], ("People", vec!["Jens Stoltenberg"]));
        assert_eq!(shape[1], ("Organizations", vec!["NATO"]));
        assert_eq!(shape[2].0, "Locations");
        assert!(
            shape[2].1.contains(&"Kyiv") && shape[2].1.contains(&"Ukraine"),
            "{shape:?}"
        );
        let people = &groups[0];
        assert_eq!(people.children[0].detail, "2 mentions here");
        let text = &f.snap.file(f.file("a.txt")).text;
        assert_eq!(
            &text[people.children[0].start..people.children[0].end],
            "Jens Stoltenberg"
        );
        for g in &groups {
            for c in &g.children {
                assert!(g.start <= c.start && c.end <= g.end);
            }
        }
        assert!(document_symbols(&f.snap, 42).is_empty());
    }

    #[test]
    fn workspace_symbols_fold_and_rank() {
        let f = Fixture::parse(NATO);
        let names = |q: &str| -> Vec<String> {
            workspace_symbols(&f.snap, q, 10)
                .into_iter()
                .map(|s| s.name)
                .collect()
        };
        assert_eq!(names("stoltenberg"), vec!["Jens Stoltenberg"]);
        assert_eq!(names("STOLT"), vec!["Jens Stoltenberg"]);
        // "kiev" is an alias of Kyiv
        let kiev = workspace_symbols(&f.snap, "kiev", 10);
        assert_eq!(kiev[0].name, "Kyiv");
        assert_eq!(kiev[0].matched_alias.as_deref(), Some("Kiev"));
        // diacritics
        let f2 = Fixture::parse("%! a.txt\nDefence Minister Mariusz Błaszczak spoke in Warsaw.\n");
        let s = workspace_symbols(&f2.snap, "blaszczak", 10);
        assert_eq!(s[0].name, "Mariusz Błaszczak");
        assert_eq!(s[0].rank, 1, "word start");
    }

    #[test]
    fn ranking_prefix_then_word_start_then_substring() {
        assert_eq!(rank("rutte", "ru"), Some(0));
        assert_eq!(rank("mark rutte", "ru"), Some(1));
        assert_eq!(rank("brussels", "ru"), Some(2));
        assert_eq!(rank("kyiv", "ru"), None);
    }

    #[test]
    fn empty_query_lists_most_mentioned_capped() {
        let f = Fixture::parse(NATO);
        let s = workspace_symbols(&f.snap, "", 2);
        assert_eq!(s.len(), 2);
        assert!(s[0].mentions >= s[1].mentions);
        assert_eq!(s[0].name, "NATO");
    }
}
