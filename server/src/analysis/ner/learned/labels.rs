//! BIO tags over person, organisation and location, and spans from them.
use crate::analysis::model::EntityKind;

/// The tagger's classes, in class-index order (part of the weight format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    O = 0,
    BPer = 1,
    IPer = 2,
    BOrg = 3,
    IOrg = 4,
    BLoc = 5,
    ILoc = 6,
}

pub const N_TAGS: usize = 7;

const ALL: [Tag; N_TAGS] = [
    Tag::O,
    Tag::BPer,
    Tag::IPer,
    Tag::BOrg,
    Tag::IOrg,
    Tag::BLoc,
    Tag::ILoc,
];

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];

impl Tag {
    pub fn from_index(i: usize) -> Tag {
        ALL.get(i).copied().unwrap_or(Tag::O)
    }

    /// The tag opening (`inside == false`) or continuing a mention of `slot`.
    pub fn of(slot: u8, inside: bool) -> Tag {
        Tag::from_index(1 + 2 * slot as usize + inside as usize)
    }

    /// Kind slot (0 person, 1 organisation, 2 location); `None` for O.
    pub fn slot(self) -> Option<u8> {
        match self {
            Tag::O => None,
            t => Some((t as u8 - 1) / 2),
        }
    }

    pub fn kind(self) -> Option<EntityKind> {
        self.slot().map(|s| KINDS[s as usize])
    }

    pub fn is_inside(self) -> bool {
        matches!(self, Tag::IPer | Tag::IOrg | Tag::ILoc)
    }

    /// May this tag follow `prev`? An inside tag continues its own kind.
    pub fn may_follow(self, prev: Tag) -> bool {
        !self.is_inside() || prev.slot() == self.slot()
    }
}

/// Mentions from a tag sequence: (first token, last token + 1, kind).
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, t) in tags.iter().enumerate() {
        if t.is_inside() && open.is_some_and(|(_, k)| Some(k) == t.kind()) {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k));
        }
        if let Some(k) = t.kind() {
            open = Some((i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_spans() {
        for (i, t) in ALL.iter().enumerate() {
            assert_eq!(Tag::from_index(i), *t);
        }
        assert_eq!(Tag::of(1, true), Tag::IOrg);
        assert!(!Tag::ILoc.may_follow(Tag::BPer));
        assert!(Tag::ILoc.may_follow(Tag::BLoc));
        let tags = [
            Tag::BPer,
            Tag::IPer,
            Tag::O,
            Tag::BLoc,
            Tag::BOrg,
            Tag::IOrg,
        ];
        assert_eq!(
            spans(&tags),
            vec![
                (0, 2, EntityKind::Person),
                (3, 4, EntityKind::Location),
                (4, 6, EntityKind::Organization)
            ]
        );
    }
}
