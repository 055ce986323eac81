//! Go to definition: from any mention to its entity's defining mention.
//! Every mention of an entity answers with the same target, so "Stoltenberg"
//! in one file and "Jens Stoltenberg" in another land on the same place.
use super::FileRange;
use crate::analysis::{FileId, Snapshot};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The mention under the cursor (the link's origin).
    pub origin: FileRange,
    pub target: FileRange,
}

pub fn goto_definition(snap: &Snapshot, file: FileId, offset: usize) -> Option<Definition> {
    let (at, entity) = snap.entity_at(file, offset)?;
    Some(Definition {
        origin: FileRange::of_mention(snap, at),
        target: FileRange::of_mention(snap, entity.definition),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::fixture::{Fixture, NATO};

    fn def_at(fx: &str) -> Option<String> {
        let f = Fixture::parse(fx);
        let (file, off) = f.cursor();
        goto_definition(&f.snap, file, off).map(|d| f.show(d.target))
    }

    #[test]
    fn short_and_full_mentions_share_a_target() {
        let short = def_at(&NATO.replacen("Stoltenberg said NATO", "Stolten|berg said NATO", 1));
        let full = def_at(&NATO.replacen(
            "General Jens Stoltenberg visited",
            "General Jens Stolt|enberg visited",
            1,
        ));
        assert_eq!(short.as_deref(), Some("a.txt:Jens Stoltenberg"));
        assert_eq!(short, full);
    }

    #[test]
    fn cursor_right_after_a_word_counts() {
        let d = def_at(&NATO.replacen("in Brussels.", "in Brussels|.", 1));
        assert_eq!(d.as_deref(), Some("c.txt:Brussels"));
    }

    #[test]
    fn different_people_have_different_targets() {
        let rutte = def_at(&NATO.replacen("Rutte met", "Ru|tte met", 1));
        assert_eq!(rutte.as_deref(), Some("c.txt:Mark Rutte"));
    }

    #[test]
    fn nothing_outside_mentions_or_past_the_end() {
        let f = Fixture::parse(&NATO.replacen("officials", "offi|cials", 1));
        let (file, off) = f.cursor();
        assert_eq!(goto_definition(&f.snap, file, off), None);
        assert_eq!(goto_definition(&f.snap, file, usize::MAX), None);
        assert_eq!(goto_definition(&f.snap, 99, 0), None);
    }
}
