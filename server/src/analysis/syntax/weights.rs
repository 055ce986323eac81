//! Perceptron weights laid out for inference speed.
//!
//! A [`Model`] keeps its rows in a compact, file-shaped form: an index
//! table, a sorted key array, row starts, classes and weights, five
//! separate arrays. Scoring one feature touches all five at random places,
//! and with a few megabytes of weights each touch is a cache miss; that,
//! not arithmetic, was most of a parse (rows hold under two weights on
//! average). A [`Table`] holds the same weights in one open-addressing
//! array of 16-byte slots, each with its key and up to three weights, so
//! looking a feature up and reading its weights is usually one cache line.
//! Several models over the same features (the parser's labelled moves and
//! its three directions) share one table, their classes side by side, so
//! one lookup serves both.
//!
//! Scores are sums of the same integers as [`Model::scores`], so they are
//! identical whatever the order of the additions.
use crate::analysis::learn::hash::fold32;
use crate::analysis::learn::perceptron::Model;

/// A weight cell: class in the high 16 bits, the `i16` weight in the low
/// 16. Never 0: zero weights are not stored, so 0 marks an empty cell.
type Cell = u32;

/// First cell of a slot whose row did not fit: the row is
/// `spill[cells[1]..cells[1] + cells[2]]`. Class 0xffff never occurs
/// (tables have fewer classes).
const SPILLED: Cell = u32::MAX;

/// Cells kept in the slot itself.
const INLINE: usize = 3;

/// One slot of the open-addressing table; empty when `cells[0] == 0`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    cells: [Cell; INLINE],
}

/// Where a feature's weights are: a slot index, or [`NO_ROW`].
pub type Row = u32;
/// The feature has no weights.
pub const NO_ROW: Row = u32::MAX;

/// The weights of one or more models over the same feature keys, classes
/// of model `i` following those of models `0..i`.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    width: usize,
    mask: usize,
    slots: Vec<Slot>,
    spill: Vec<Cell>,
}

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    // Keys are hashes already; one multiply spreads the folded low bits.
    (key.wrapping_mul(0x9e37_79b1) as usize) & mask
}

#[inline]
fn cell(class: usize, weight: i16) -> Cell {
    ((class as u32) << 16) | weight as u16 as u32
}

#[inline]
fn add_cell(c: Cell, out: &mut [i32]) {
    out[(c >> 16) as usize] += c as u16 as i16 as i32;
}

impl Table {
    /// Lay out `models` side by side. Panics if their classes together
    /// exceed 0xfffe (no weight file has that many).
    pub fn new(models: &[&Model]) -> Table {
        let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = Default::default();
        let mut width = 0;
        for m in models {
            for (key, cells) in m.rows() {
                let row = rows.entry(key).or_default();
                row.extend(cells.map(|(c, w)| cell(width + c as usize, w)));
            }
            width += m.n_classes();
        }
        assert!(width < 0xffff, "too many classes for a weight table");
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        let mut spill = Vec::new();
        for (key, row) in rows {
            let row: Vec<Cell> = row.into_iter().filter(|&c| c as u16 != 0).collect();
            if row.is_empty() {
                continue;
            }
            let mut i = slot_of(key, mask);
            while slots[i].cells[0] != 0 {
                i = (i + 1) & mask;
            }
            let s = &mut slots[i];
            s.key = key;
            if row.len() <= INLINE {
                s.cells[..row.len()].copy_from_slice(&row);
            } else {
                s.cells = [SPILLED, spill.len() as u32, row.len() as u32];
                spill.extend_from_slice(&row);
            }
        }
        Table {
            width,
            mask,
            slots,
            spill,
        }
    }

    /// Classes of all the models together: the length of a score array.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The row of a feature key (as [`crate::analysis::learn::hash::feature`]
    /// makes them).
    #[inline]
    pub fn find(&self, key: u64) -> Row {
        let k = fold32(key);
        let mut i = slot_of(k, self.mask);
        loop {
            let s = &self.slots[i];
            if s.cells[0] == 0 {
                return NO_ROW;
            }
            if s.key == k {
                return i as Row;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add a row's weights to `out` (length [`Table::width`]).
    #[inline]
    pub fn add(&self, row: Row, out: &mut [i32]) {
        if row == NO_ROW {
            return;
        }
        let s = &self.slots[row as usize];
        if s.cells[0] == SPILLED {
            let (a, n) = (s.cells[1] as usize, s.cells[2] as usize);
            for &c in &self.spill[a..a + n] {
                add_cell(c, out);
            }
        } else {
            for &c in &s.cells {
                if c == 0 {
                    break;
                }
                add_cell(c, out);
            }
        }
    }

    /// Add the weights of every feature in `feats` to `out`. The lookups
    /// come first, all of them, so that their cache misses overlap instead
    /// of each waiting for the previous feature's additions.
    pub fn add_all(&self, feats: &[u64], rows: &mut Vec<Row>, out: &mut [i32]) {
        self.touch(feats.iter().map(|&f| slot_of(fold32(f), self.mask)));
        rows.clear();
        rows.extend(feats.iter().map(|&f| self.find(f)));
        for &r in rows.iter() {
            self.add(r, out);
        }
    }

    /// Read the first word of each of these slots, with no branch that
    /// depends on what is read: the loads go out together and their cache
    /// misses overlap, where the probing and adding that follow (whose
    /// branches wait on each load) would take them one at a time.
    #[inline]
    pub fn touch(&self, slots: impl Iterator<Item = usize>) {
        let mut x = 0u32;
        for i in slots {
            x ^= self.slots[i & self.mask].key;
        }
        std::hint::black_box(x);
    }

    /// [`Table::touch`] for rows already found ([`NO_ROW`] is skipped).
    #[inline]
    pub fn touch_rows(&self, rows: &[Row]) {
        self.touch(rows.iter().filter(|&&r| r != NO_ROW).map(|&r| r as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::learn::hash::{feature, hash_str};
    use crate::analysis::learn::perceptron::{FinishOptions, Trainer};

    fn trained(n_classes: usize, seed: u64) -> Model {
        let mut t = Trainer::new(n_classes);
        let mut x = seed;
        for _ in 0..3000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let feats: Vec<u64> = (0..6)
                .map(|k| feature(k, &[hash_str(&format!("{}", (x >> (8 + k * 5)) % 40))]))
                .collect();
            let truth = (x >> 40) as usize % n_classes;
            let guess = t.predict(&feats, |_| true).unwrap_or(0);
            t.learn(&feats, truth, guess);
        }
        t.finish(FinishOptions::default())
    }

    /// Every feature, seen or not, scores as the model scores it, for each
    /// model of a shared table; long rows (spilled) included.
    #[test]
    fn scores_equal_the_models() {
        let (a, b) = (trained(40, 1), trained(3, 2));
        let table = Table::new(&[&a, &b]);
        assert_eq!(table.width(), 43);
        assert!(!table.spill.is_empty(), "the test covers spilled rows");
        let mut rows = Vec::new();
        for v in 0..60 {
            let feats: Vec<u64> = (0..8)
                .map(|k| feature(k, &[hash_str(&format!("{}", (v + k) % 45))]))
                .collect();
            let (mut sa, mut sb) = (vec![0; 40], vec![0; 3]);
            a.scores(&feats, &mut sa);
            b.scores(&feats, &mut sb);
            let mut st = vec![0; 43];
            table.add_all(&feats, &mut rows, &mut st);
            assert_eq!(st[..40], sa[..]);
            assert_eq!(st[40..], sb[..]);
        }
    }
}
