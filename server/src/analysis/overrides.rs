//! What people decided, fed back into the analysis. The annotation layer
//! (`crate::annotations`) reads `.crosscheck/`; the analysis only sees this:
//!
//! - knowledge-base entities, whose names and aliases are recognised
//!   everywhere and whose mentions link under the KB id;
//! - per file, spans a person linked to a KB entity and spans marked "not an
//!   entity", already re-anchored to the file's current text by a resolver
//!   the annotation layer supplies.
use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::model::EntityKind;

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct KbEntity {
    /// The KB id, used as the corpus entity id ("person:mariusz-blaszczak").
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
}

/// A span (byte offsets into the current text) linked to a KB entity.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SpanLink {
    pub start: usize,
    pub end: usize,
    pub entity: String,
}

#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct FileOverrides {
    pub links: Vec<SpanLink>,
    /// Spans that are not entities, whatever the recogniser thinks.
    pub not_entities: Vec<(usize, usize)>,
}

/// Given a file's relative path and current text, its overrides.
pub type FileResolver = Arc<dyn Fn(&str, &str) -> FileOverrides + Send + Sync>;

#[derive(Default)]
pub struct Overrides {
    /// Which overrides these are: 0 for "nothing decided", else unique to
    /// this value. An analysis records the generation it was made with,
    /// so a host never mixes files analysed under different decisions.
    generation: u64,
    kb: Vec<KbEntity>,
    by_id: HashMap<String, u32>,
    matcher: Option<AhoCorasick>,
    /// Pattern index -> KB entity index.
    pattern_entity: Vec<u32>,
    resolver: Option<FileResolver>,
}

impl std::fmt::Debug for Overrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Overrides")
            .field("kb", &self.kb.len())
            .field("resolver", &self.resolver.is_some())
            .finish()
    }
}

/// A KB name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KbHit {
    pub start: usize,
    pub end: usize,
    pub entity: u32,
}

impl Overrides {
    pub fn new(kb: Vec<KbEntity>, resolver: Option<FileResolver>) -> Overrides {
        let mut patterns = Vec::new();
        let mut pattern_entity = Vec::new();
        let mut by_id = HashMap::new();
        for (i, e) in kb.iter().enumerate() {
            by_id.insert(e.id.clone(), i as u32);
            for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
                // One-letter names would match everywhere.
                if name.trim().chars().count() >= 2 {
                    patterns.push(name.trim().to_string());
                    pattern_entity.push(i as u32);
                }
            }
        }
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("KB name automaton")
        });
        // Every non-empty value is new: its resolver may anchor differently
        // even when the knowledge base looks the same.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = if kb.is_empty() && resolver.is_none() {
            0
        } else {
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        };
        Overrides {
            generation,
            kb,
            by_id,
            matcher,
            pattern_entity,
            resolver,
        }
    }

    /// See the field: equal generations mean the same decisions.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A digest of what these overrides decide for one file (the knowledge
    /// base, and the file's links and marks as anchored to `text`), stable
    /// across processes: what a persisted analysis is keyed by. 0 when
    /// nothing is decided.
    pub fn fingerprint(&self, rel_path: &str, text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        if self.is_empty() {
            return 0;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.kb.hash(&mut h);
        self.file(rel_path, text).hash(&mut h);
        h.finish() | 1
    }

    pub fn is_empty(&self) -> bool {
        self.kb.is_empty() && self.resolver.is_none()
    }

    pub fn kb(&self) -> &[KbEntity] {
        &self.kb
    }

    pub fn kb_entity(&self, i: u32) -> &KbEntity {
        &self.kb[i as usize]
    }

    pub fn kb_index(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// KB names in `text`, exact case, on word boundaries.
    pub fn kb_hits(&self, text: &str) -> Vec<KbHit> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.find_iter(text)
            .filter(|h| {
                let before = text[..h.start()].chars().next_back();
                let after = text[h.end()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|h| KbHit {
                start: h.start(),
                end: h.end(),
                entity: self.pattern_entity[h.pattern().as_usize()],
            })
            .collect()
    }

    pub fn file(&self, rel_path: &str, text: &str) -> FileOverrides {
        match &self.resolver {
            Some(r) => r(rel_path, text),
            None => FileOverrides::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_kb_names_on_word_boundaries() {
        let o = Overrides::new(
            vec![KbEntity {
                id: "location:clay-kaserne".into(),
                kind: EntityKind::Location,
                name: "Clay Kaserne".into(),
                aliases: vec!["Clay".into()],
            }],
            None,
        );
        let t = "Based in Clay, not Clayton; Clay Kaserne is in Wiesbaden.";
        let hits: Vec<&str> = o.kb_hits(t).iter().map(|h| &t[h.start..h.end]).collect();
        assert_eq!(hits, vec!["Clay", "Clay Kaserne"]);
    }
}
