//! Which groups each claim's facts are members of, in one flat table.
//!
//! A `Vec` per claim cost 24 bytes for each of the folder's claims (most
//! are members of nothing) and an allocation for each of the others; the
//! table is three arrays: where each file's claims start, where each
//! claim's memberships start, and the memberships.
use super::{FactRef, Group};
use crate::analysis::snapshot::FileId;

#[derive(Clone, Debug, Default)]
pub(super) struct Members {
    /// Per file, the index of its first claim in `claim_start`; one more
    /// entry than files.
    file_start: Vec<u32>,
    /// Per claim of every file, the index of its first membership in
    /// `entries`; one more entry than claims.
    claim_start: Vec<u32>,
    /// (fact number or `WHOLE_CLAIM`, group), by claim, each claim's in
    /// the order of its groups.
    entries: Vec<(u32, u32)>,
}

impl Members {
    /// Memberships of no group, for files of `claims[f]` claims each.
    pub(super) fn empty(claims: impl Iterator<Item = usize>) -> Members {
        let mut file_start = vec![0u32];
        let mut total = 0usize;
        for n in claims {
            total += n;
            file_start.push(to_u32(total));
        }
        Members {
            file_start,
            claim_start: vec![0; total + 1],
            entries: Vec::new(),
        }
    }

    /// The memberships of `groups` (group `g` is `groups[g]`), each
    /// claim's in group order and, within a group, in the group's order.
    pub(super) fn fill(&mut self, groups: &[Group]) {
        let facts = || {
            groups
                .iter()
                .enumerate()
                .flat_map(|(g, gr)| gr.facts.iter().map(move |f| (f, g as u32)))
        };
        // A default (empty) table has no files to fill.
        let Some(claims) = self.claim_start.len().checked_sub(1) else {
            return;
        };
        let mut count = vec![0u32; claims + 1];
        for (f, _) in facts() {
            if let Some(c) = self.claim_index(f) {
                count[c + 1] += 1;
            }
        }
        for c in 0..claims {
            count[c + 1] += count[c];
        }
        self.claim_start.clone_from(&count);
        self.entries = vec![(0, 0); count[claims] as usize];
        for (f, g) in facts() {
            if let Some(c) = self.claim_index(f) {
                self.entries[count[c] as usize] = (f.fact, g);
                count[c] += 1;
            }
        }
    }

    fn claim_index(&self, f: &FactRef) -> Option<usize> {
        let first = *self.file_start.get(f.file as usize)? as usize;
        let end = *self.file_start.get(f.file as usize + 1)? as usize;
        let c = first + f.claim as usize;
        (c < end).then_some(c)
    }

    /// The memberships of claim `claim` of file `file` (none for a claim
    /// the index does not have).
    pub(super) fn of(&self, file: FileId, claim: u32) -> &[(u32, u32)] {
        let f = FactRef {
            file,
            claim,
            fact: 0,
        };
        match self.claim_index(&f) {
            Some(c) => {
                &self.entries[self.claim_start[c] as usize..self.claim_start[c + 1] as usize]
            }
            None => &[],
        }
    }

    /// Files in the table.
    pub(super) fn files(&self) -> usize {
        self.file_start.len().saturating_sub(1)
    }

    /// Claims of file `file` (0 for a file the index does not have).
    pub(super) fn claims(&self, file: FileId) -> usize {
        let f = file as usize;
        match (self.file_start.get(f), self.file_start.get(f + 1)) {
            (Some(&a), Some(&b)) => (b - a) as usize,
            _ => 0,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 claims in a folder")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(facts: &[(u32, u32, u32)]) -> Group {
        Group {
            facts: facts
                .iter()
                .map(|&(file, claim, fact)| FactRef { file, claim, fact })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn memberships_are_those_of_a_list_per_claim() {
        // Three files of 2, 0 and 3 claims.
        let groups = vec![
            group(&[(0, 1, 0), (2, 0, 1), (2, 2, 0)]),
            group(&[(0, 1, 1)]),
            group(&[(2, 0, 0), (2, 0, 1)]),
            group(&[(0, 0, u32::MAX), (2, 2, u32::MAX)]),
        ];
        let mut m = Members::empty([2, 0, 3].into_iter());
        m.fill(&groups);
        // What one list per claim, pushed group by group, would hold.
        let mut lists = [vec![Vec::new(); 2], vec![], vec![Vec::new(); 3]];
        for (g, gr) in groups.iter().enumerate() {
            for f in &gr.facts {
                lists[f.file as usize][f.claim as usize].push((f.fact, g as u32));
            }
        }
        assert_eq!(m.files(), 3);
        for (fi, claims) in lists.iter().enumerate() {
            assert_eq!(m.claims(fi as FileId), claims.len());
            for (ci, l) in claims.iter().enumerate() {
                assert_eq!(m.of(fi as FileId, ci as u32), l.as_slice(), "{fi} {ci}");
            }
        }
        assert_eq!(m.of(0, 1), &[(0, 0), (1, 1)]);
        // Outside the table: nothing.
        assert!(m.of(1, 0).is_empty());
        assert!(m.of(0, 2).is_empty());
        assert!(m.of(7, 0).is_empty());
        assert_eq!(m.claims(7), 0);
        let mut none = Members::default();
        none.fill(&groups);
        assert_eq!((none.files(), none.of(0, 0)), (0, &[][..]));
    }
}
