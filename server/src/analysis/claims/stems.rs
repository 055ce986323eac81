//! Content stems shared by every claim that uses them.
//!
//! Each claim keeps the sorted stems of its words (near-identical
//! assertions across files are found from them). A folder's claims hold
//! millions of them, drawn from a vocabulary of some tens of thousands:
//! as separate `String`s they were the largest part of a built claims
//! index's memory. Interned, each claim holds pointers, and each stem is
//! stored once for the life of the process (the vocabulary grows only by
//! the new words typed, a few bytes each).
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashSet;
use serde::{Deserialize, Deserializer};

/// One interned stem.
pub type Stem = Arc<str>;

/// Shards of the table, so parallel claim extraction rarely waits.
const SHARDS: usize = 16;

fn table() -> &'static [Mutex<FxHashSet<Stem>>; SHARDS] {
    static T: OnceLock<[Mutex<FxHashSet<Stem>>; SHARDS]> = OnceLock::new();
    T.get_or_init(Default::default)
}

/// The one shared copy of `s`.
pub fn intern(s: &str) -> Stem {
    let shard = &table()[rustc_hash::FxBuildHasher.hash_one(s) as usize % SHARDS];
    // Held for a lookup or an insert only, never across other work.
    let mut set = shard.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = set.get(s) {
        return found.clone();
    }
    let stem: Stem = Arc::from(s);
    set.insert(stem.clone());
    stem
}

/// Interned stems of a list (order kept).
pub fn intern_all(list: Vec<String>) -> Vec<Stem> {
    list.iter().map(|s| intern(s)).collect()
}

/// Serde: read a list of stems as interned ones (persisted claims).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Stem>, D::Error> {
    let list: Vec<std::borrow::Cow<'de, str>> = Vec::deserialize(d)?;
    Ok(list.iter().map(|s| intern(s)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_stems_share_one_copy() {
        let a = intern("minist");
        let b = intern(&String::from("minist"));
        assert!(Arc::ptr_eq(&a, &b));
        assert_ne!(&*intern("ministx"), &*a);
    }

    #[test]
    fn persisted_lists_read_back_interned_and_equal() {
        let stems = intern_all(vec!["agre".into(), "talk".into()]);
        let json = serde_json::to_string(&stems).unwrap();
        assert_eq!(json, r#"["agre","talk"]"#);
        let mut de = serde_json::Deserializer::from_str(&json);
        let back = deserialize(&mut de).unwrap();
        assert_eq!(back, stems);
        assert!(Arc::ptr_eq(&back[0], &stems[0]));
    }
}
