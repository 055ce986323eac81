//! Helpers of the claims index: resolving organisation names and places
//! to corpus entities and countries, and finding near-identical assertions
//! across files.
use std::collections::HashMap;

use super::dates::{self, Ymd};
use super::index::{ClaimRef, ClaimsIndex, Inputs};
use super::FileClaims;
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;
use crate::analysis::ner::lexicon::Lexicon;
use crate::analysis::snapshot::FileId;
use crate::analysis::text::fold::ascii_key;

/// Folded name keys -> entity index, for organisations written inside
/// roles ("NATO" in "NATO Secretary General", "Alliance").
pub(super) fn name_index(entities: &[Entity]) -> HashMap<String, u32> {
    let mut m: HashMap<String, (u32, usize)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if !matches!(e.kind, EntityKind::Organization | EntityKind::Location) {
            continue;
        }
        for n in std::iter::once(&e.canonical).chain(e.aliases.iter()) {
            let k = ascii_key(n);
            let entry = m.entry(k).or_insert((i as u32, e.mentions.len()));
            if e.mentions.len() > entry.1 {
                *entry = (i as u32, e.mentions.len());
            }
        }
    }
    m.into_iter().map(|(k, (i, _))| (k, i)).collect()
}

pub(super) fn places_country() -> &'static HashMap<String, String> {
    static M: std::sync::LazyLock<HashMap<String, String>> = std::sync::LazyLock::new(|| {
        include_str!("../../../data/gazetteer/places.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Some((ascii_key(f.first()?.trim()), f.get(2)?.trim().to_string()))
            })
            .filter(|(_, c)| !c.is_empty())
            .collect()
    });
    &M
}

/// The country a place entity is in, when the gazetteer knows.
pub(super) fn country_of(e: &Entity) -> Option<String> {
    let lx = Lexicon::get();
    if let Some(id) = lx.lookup(&e.canonical) {
        if lx.entry(id).subkind == "country" {
            return Some(lx.entry(id).name.clone());
        }
    }
    places_country().get(&ascii_key(&e.canonical)).cloned()
}

/// The publication day range of a file, if known.
pub(super) fn self_when(fc: &FileClaims) -> Option<(Ymd, Ymd)> {
    fc.date.date.as_ref().map(|d| (d.lo, d.hi))
}

/// Two statements about the present hold at the same time: in one file
/// (unless dated differently), or in files dated within a month.
pub(super) fn same_time(same_file: bool, a: Option<(Ymd, Ymd)>, b: Option<(Ymd, Ymd)>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if same_file && x == y => true,
        (Some(x), Some(y)) => dates::max_distance(x, y) <= 31,
        (None, None) => same_file,
        _ => same_file,
    }
}

pub(super) fn name_tokens(s: &str) -> Vec<String> {
    ascii_key(s)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

impl ClaimsIndex {
    /// Claims in different files with the same entities and the same key
    /// content words state the same thing.
    pub(super) fn near_identical(&mut self, inp: &Inputs) {
        let mut sigs: Vec<(ClaimRef, Vec<u32>, &Vec<String>)> = Vec::new();
        for (fi, fc) in self.files.iter().enumerate() {
            let me = &inp.mention_entity[fi];
            for (ci, c) in fc.claims.iter().enumerate() {
                let mut es: Vec<u32> = c.names.iter().map(|&m| me[m as usize]).collect();
                es.sort();
                es.dedup();
                sigs.push((
                    ClaimRef {
                        file: fi as FileId,
                        claim: ci as u32,
                    },
                    es,
                    &c.stems,
                ));
            }
        }
        // Candidates share two entities (or their only one): bucket by
        // entity pairs instead of comparing every pair of claims.
        let mut buckets: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
        for (i, (_, es, _)) in sigs.iter().enumerate() {
            if es.len() == 1 {
                buckets.entry((es[0], es[0])).or_default().push(i);
            }
            for (k, &e1) in es.iter().enumerate().take(12) {
                for &e2 in es[k + 1..].iter().take(12) {
                    buckets.entry((e1, e2)).or_default().push(i);
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for v in buckets.values() {
            for (k, &i) in v.iter().enumerate() {
                pairs.extend(v[k + 1..].iter().map(|&j| (i.min(j), i.max(j))));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut found = Vec::new();
        for (i, j) in pairs {
            {
                let (a, b) = (&sigs[i], &sigs[j]);
                if a.0.file == b.0.file {
                    continue;
                }
                let shared_e = a.1.iter().filter(|e| b.1.contains(e)).count();
                if shared_e < 2 && !(shared_e == 1 && a.1.len() == 1 && b.1.len() == 1) {
                    continue;
                }
                let shared = a.2.iter().filter(|w| b.2.contains(w)).count();
                // Jaccard, not overlap with the shorter one: a long sentence
                // that mentions the same topic in passing is not the same
                // assertion.
                let union = (a.2.len() + b.2.len() - shared).max(1);
                let small = a.2.len().min(b.2.len()).max(1);
                let jaccard = shared as f64 / union as f64;
                let overlap = shared as f64 / small as f64;
                if (shared >= 3 && jaccard >= 0.25) || (shared >= 4 && overlap >= 0.5) {
                    found.push((a.0, b.0));
                }
            }
        }
        for (a, b) in found {
            self.corroborate(a, b, "same assertion");
        }
    }
}
