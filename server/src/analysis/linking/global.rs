//! Cross-file linking. Local entities that share a key (gazetteer entry,
//! full name, acronym) become one corpus entity; a lone surname joins the
//! one full-name person with that surname, if there is exactly one.
use rustc_hash::FxHashMap;
use std::sync::Arc;

use super::local::{KB_KEY, ORG_SHORT, ORG_WORD};
use crate::analysis::model::{EntityKind, MentionForm};
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::overrides::Overrides;
use crate::analysis::snapshot::SourceFile;
use crate::analysis::text::fold::{ascii_key, fold_key};

/// A mention somewhere in the corpus: file index and mention index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionRef {
    pub file: u32,
    pub mention: u32,
}

#[derive(Clone, Debug)]
pub struct Entity {
    /// Stable id: kind and folded canonical name ("person:jens-stoltenberg").
    pub id: String,
    pub kind: EntityKind,
    /// The fullest common form.
    pub canonical: String,
    /// Other surface forms, folded duplicates removed.
    pub aliases: Vec<String>,
    /// Every mention, in file then text order.
    pub mentions: Vec<MentionRef>,
    /// The defining mention: the first full-name mention in the corpus.
    pub definition: MentionRef,
    /// Number of distinct files it is mentioned in.
    pub file_count: u32,
    /// What the claims index reads of the canonical name, kept on first
    /// use (see [`super::name_facts`]).
    pub name_memo: super::name_facts::NameMemo,
}

struct Dsu(Vec<u32>);
impl Dsu {
    fn find(&mut self, x: u32) -> u32 {
        let mut r = x;
        while self.0[r as usize] != r {
            r = self.0[r as usize];
        }
        let mut x = x;
        while self.0[x as usize] != r {
            let n = self.0[x as usize];
            self.0[x as usize] = r;
            x = n;
        }
        r
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi as usize] = lo;
        }
    }
}

pub struct Linking {
    pub entities: Vec<Entity>,
    /// `[file][mention]` -> index into `entities`.
    pub mention_entity: Vec<Vec<u32>>,
}

fn slug(s: &str) -> String {
    let k = ascii_key(s);
    let mut out: String = k
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    out.trim_matches('-').to_string()
}

/// Link the local entities of `files` (in FileId order) into corpus entities.
pub fn link(files: &[Arc<SourceFile>], overrides: &Overrides) -> Linking {
    // Flatten local entities.
    let mut base = Vec::with_capacity(files.len());
    let mut n = 0u32;
    for f in files {
        base.push(n);
        n += f.doc.locals.len() as u32;
    }
    let mut dsu = Dsu((0..n).collect());
    let mut owner: FxHashMap<&str, u32> = FxHashMap::default();
    let mut short: Vec<(u32, &str)> = Vec::new();
    let mut org_short: Vec<(u32, &str)> = Vec::new();
    let mut org_word: Vec<(u32, &str)> = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        for (li, le) in f.doc.locals.iter().enumerate() {
            let id = base[fi] + li as u32;
            for key in &le.keys {
                if le.short_only && key.starts_with("per-short:") {
                    short.push((id, key.trim_start_matches("per-short:")));
                    continue;
                }
                if let Some(w) = key.strip_prefix(ORG_SHORT) {
                    org_short.push((id, w));
                    continue;
                }
                if let Some(w) = key.strip_prefix(ORG_WORD) {
                    org_word.push((id, w));
                    continue;
                }
                match owner.get(key.as_str()) {
                    Some(&o) => dsu.union(o, id),
                    None => {
                        owner.insert(key.as_str(), id);
                    }
                }
            }
        }
    }
    // Lone surnames: join the unique full-name person with that surname.
    let mut surname_owner: FxHashMap<&str, Option<u32>> = FxHashMap::default();
    for (fi, f) in files.iter().enumerate() {
        for (li, le) in f.doc.locals.iter().enumerate() {
            if le.kind != EntityKind::Person || le.short_only {
                continue;
            }
            let id = dsu.find(base[fi] + li as u32);
            if let Some(k) = le.keys.iter().find(|k| k.starts_with("per:")) {
                let last = k
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches("per:");
                let e = surname_owner.entry(last).or_insert(Some(id));
                if e.is_some_and(|o| dsu.find(o) != id) {
                    *e = None; // two different people share the surname
                }
            }
        }
    }
    let mut short_owner: FxHashMap<&str, u32> = FxHashMap::default();
    for (id, sur) in short {
        match surname_owner.get(sur) {
            Some(Some(o)) => dsu.union(*o, id),
            Some(None) => {}
            None => match short_owner.get(sur) {
                Some(&o) => dsu.union(o, id),
                None => {
                    short_owner.insert(sur, id);
                }
            },
        }
    }

    // One-word organisations: join the unique full name containing the word.
    let mut word_owner: FxHashMap<&str, Option<u32>> = FxHashMap::default();
    for (id, w) in org_word {
        let root = dsu.find(id);
        let e = word_owner.entry(w).or_insert(Some(root));
        if e.is_some_and(|o| dsu.find(o) != root) {
            *e = None;
        }
    }
    for (id, w) in org_short {
        if let Some(Some(o)) = word_owner.get(w) {
            dsu.union(*o, id);
        }
    }

    // Collect entities.
    let mut root_index: FxHashMap<u32, u32> = FxHashMap::default();
    let mut groups: Vec<Vec<(u32, u32)>> = Vec::new(); // (file, local)
    for (fi, f) in files.iter().enumerate() {
        for li in 0..f.doc.locals.len() {
            let r = dsu.find(base[fi] + li as u32);
            let gi = *root_index.entry(r).or_insert_with(|| {
                groups.push(Vec::new());
                (groups.len() - 1) as u32
            });
            groups[gi as usize].push((fi as u32, li as u32));
        }
    }
    let mut mention_entity: Vec<Vec<u32>> = files
        .iter()
        .map(|f| vec![0; f.doc.mentions.len()])
        .collect();
    let mut entities = Vec::with_capacity(groups.len());
    for (ei, g) in groups.iter().enumerate() {
        for &(fi, li) in g {
            for &m in &files[fi as usize].doc.locals[li as usize].mentions {
                mention_entity[fi as usize][m as usize] = ei as u32;
            }
        }
        entities.push(summarize(files, g, overrides));
    }
    // Stable ids: unique, with a numeric suffix on collisions (ordered by
    // the definition's position, so the suffix does not depend on hashing).
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        (&entities[a].id, entities[a].definition).cmp(&(&entities[b].id, entities[b].definition))
    });
    let mut prev = String::new();
    let mut dup = 1;
    for i in order {
        if entities[i].id == prev {
            dup += 1;
            entities[i].id = format!("{}-{}", prev, dup);
        } else {
            prev = entities[i].id.clone();
            dup = 1;
        }
    }
    Linking {
        entities,
        mention_entity,
    }
}

/// An entity from its member local entities (file, local): kind, canonical
/// name, aliases, mentions, definition. Shared by the full and the
/// incremental linker so both give the same answer.
fn summarize(files: &[Arc<SourceFile>], g: &[(u32, u32)], overrides: &Overrides) -> Entity {
    let lx = Lexicon::get();
    let (f0, l0) = g[0];
    let first = &files[f0 as usize].doc.locals[l0 as usize];
    let kind = first.kind;
    let gaz = first
        .keys
        .iter()
        .find_map(|k| k.strip_prefix("gaz:"))
        .and_then(|n| n.parse::<u32>().ok());
    // An entity of the knowledge base keeps its id and name.
    let kb = g.iter().find_map(|&(fi, li)| {
        files[fi as usize].doc.locals[li as usize]
            .keys
            .iter()
            .find_map(|k| k.strip_prefix(KB_KEY))
            .and_then(|id| overrides.kb_index(id))
    });
    let mut mentions = Vec::new();
    // fold -> (count, length score, surface); full forms outrank short
    // ones of any length.
    let mut counts: FxHashMap<&str, (usize, usize, &str)> = FxHashMap::default();
    for &(fi, li) in g {
        let le = &files[fi as usize].doc.locals[li as usize];
        for &m in &le.mentions {
            mentions.push(MentionRef {
                file: fi,
                mention: m,
            });
        }
        for form in &le.forms {
            let len = form.text.chars().count() + if form.full { 1000 } else { 0 };
            let e = counts
                .entry(form.fold.as_str())
                .or_insert((0, len, form.text.as_str()));
            e.0 += form.count as usize;
            e.1 = e.1.max(len);
        }
    }
    mentions.sort();
    // A known name is displayed as the corpus writes it: the list's
    // name if the corpus uses it, else the most frequent full form.
    let gaz_name = gaz.map(|id| lx.entry(id).name.clone());
    let canonical = match &gaz_name {
        _ if kb.is_some() => overrides.kb_entity(kb.unwrap()).name.clone(),
        Some(name) if counts.contains_key(fold_key(name).as_str()) => name.clone(),
        Some(_) => counts
            .values()
            .filter(|c| c.1 >= 1000)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(a.2)))
            .or_else(|| {
                counts
                    .values()
                    .max_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(a.2)))
            })
            .map(|c| c.2.to_string())
            .unwrap_or_default(),
        None => counts
            .values()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)).then(b.2.cmp(a.2)))
            .map(|c| c.2.to_string())
            .unwrap_or_default(),
    };
    let canon_fold = fold_key(&canonical);
    let mut aliases: Vec<String> = counts
        .iter()
        .filter(|(k, _)| **k != canon_fold.as_str())
        .map(|(_, v)| v.2.to_string())
        .collect();
    aliases.sort();
    let definition = definition_of(files, &mentions, &canonical);
    let mut file_count = 0;
    let mut last = u32::MAX;
    for r in &mentions {
        if r.file != last {
            file_count += 1;
            last = r.file;
        }
    }
    Entity {
        // Known names keep the list's id whatever the corpus contains.
        id: match kb {
            Some(k) => overrides.kb_entity(k).id.clone(),
            None => format!(
                "{}:{}",
                kind.as_str(),
                slug(gaz_name.as_deref().unwrap_or(&canonical))
            ),
        },
        kind,
        canonical,
        aliases,
        mentions,
        definition,
        file_count,
        name_memo: Default::default(),
    }
}

/// The defining mention among `mentions` (sorted, not empty): the first
/// written exactly as the canonical name, else the first full name, else
/// the first.
fn definition_of(
    files: &[Arc<SourceFile>],
    mentions: &[MentionRef],
    canonical: &str,
) -> MentionRef {
    let canon_key = ascii_key(canonical);
    let mref = |r: &MentionRef| &files[r.file as usize].doc.mentions[r.mention as usize];
    let text_of = |r: &MentionRef| mref(r).text(&files[r.file as usize].text);
    mentions
        .iter()
        .find(|r| ascii_key(text_of(r)) == canon_key)
        .or_else(|| mentions.iter().find(|r| mref(r).form == MentionForm::Full))
        .copied()
        .unwrap_or(mentions[0])
}

/// Does `new` link exactly as `old` did: the same local entities with the
/// same kinds, keys and short-form flags, in the same order? Then every
/// cross-file decision (which keys meet, which surnames are unique) is
/// unchanged, and only this file's mentions move.
pub fn same_link_signature(old: &SourceFile, new: &SourceFile) -> bool {
    old.doc.locals.len() == new.doc.locals.len()
        && old
            .doc
            .locals
            .iter()
            .zip(&new.doc.locals)
            .all(|(a, b)| a.kind == b.kind && a.short_only == b.short_only && a.keys == b.keys)
}

/// Relink after one file changed without changing its link signature: the
/// previous entities are kept (same order, same ids), the changed file's
/// mentions are re-pointed, and only the entities it touches are
/// summarised again. `None` when a canonical name would change (an id may
/// then change too): the caller relinks in full. The previous linking is
/// taken by value and changed in place: a caller that owns it (no request
/// holds the previous snapshot) copies no entity.
pub fn relink_changed(
    prev_entities: Vec<Entity>,
    prev_mention_entity: Vec<Vec<u32>>,
    files: &[Arc<SourceFile>],
    f: u32,
    old: &SourceFile,
    overrides: &Overrides,
) -> Option<Linking> {
    let new = &files[f as usize];
    if !same_link_signature(old, new) || prev_mention_entity.len() != files.len() {
        return None;
    }
    let local_entity: Vec<u32> = old
        .doc
        .locals
        .iter()
        .map(|le| prev_mention_entity[f as usize][le.mentions[0] as usize])
        .collect();
    let mut mention_entity = prev_mention_entity;
    mention_entity[f as usize] = new
        .doc
        .mentions
        .iter()
        .map(|m| local_entity[m.local as usize])
        .collect();
    let mut entities = prev_entities;
    let mut affected = local_entity.clone();
    affected.sort_unstable();
    affected.dedup();
    for e in affected {
        // The common case of typing: the file's forms of this entity are
        // unchanged, so are its name, aliases and counts; only its
        // mentions in this file moved. Splice them in instead of
        // summarising every file that mentions the entity again.
        let locals: Vec<usize> = (0..local_entity.len())
            .filter(|&li| local_entity[li] == e)
            .collect();
        if locals
            .iter()
            .all(|&li| old.doc.locals[li].forms == new.doc.locals[li].forms)
        {
            let slot = &mut entities[e as usize];
            let lo = slot.mentions.partition_point(|r| r.file < f);
            let hi = slot.mentions.partition_point(|r| r.file <= f);
            let mut here: Vec<MentionRef> = locals
                .iter()
                .flat_map(|&li| new.doc.locals[li].mentions.iter())
                .map(|&m| MentionRef {
                    file: f,
                    mention: m,
                })
                .collect();
            here.sort_unstable();
            slot.mentions.splice(lo..hi, here);
            slot.definition = definition_of(files, &slot.mentions, &slot.canonical);
            continue;
        }
        let mut members: Vec<(u32, u32)> = entities[e as usize]
            .mentions
            .iter()
            .filter(|r| r.file != f)
            .map(|r| {
                (
                    r.file,
                    files[r.file as usize].doc.mentions[r.mention as usize].local,
                )
            })
            .collect();
        members.extend(
            local_entity
                .iter()
                .enumerate()
                .filter(|&(_, &le)| le == e)
                .map(|(li, _)| (f, li as u32)),
        );
        members.sort_unstable();
        members.dedup();
        let fresh = summarize(files, &members, overrides);
        let slot = &mut entities[e as usize];
        if fresh.canonical != slot.canonical || fresh.kind != slot.kind {
            return None;
        }
        *slot = Entity {
            id: std::mem::take(&mut slot.id),
            ..fresh
        };
    }
    Some(Linking {
        entities,
        mention_entity,
    })
}
