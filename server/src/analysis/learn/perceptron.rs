//! A multi-class averaged perceptron over sparse hashed features.
//!
//! Training ([`Trainer`]) keeps full-precision weights plus the running
//! totals needed for averaging (Collins 2002; the lazy "timestamp" trick of
//! updating a total only when its weight changes). [`Trainer::finish`]
//! averages, prunes rare features and tiny weights, quantises to `i16` with
//! one scale, folds keys to 32 bits, and returns a compact [`Model`] for
//! inference.
//!
//! Features are `u64` keys from [`super::hash::feature`]; classes are
//! `0..n_classes`. Everything is deterministic: no random state, and ties go
//! to the lowest class index.
use rustc_hash::FxHashMap;

use super::bytes::{ByteReader, ByteWriter, FormatError};
use super::hash::fold32;

#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u32,
    weight: f32,
    /// Sum of this weight over all past instances, up to `stamp`.
    total: f64,
    stamp: u64,
}

#[derive(Clone, Debug, Default)]
struct Row {
    /// Training instances the feature occurred in (for pruning).
    seen: u32,
    cells: Vec<Cell>,
}

/// Training-time weights.
pub struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u64, Row>,
    /// Instances seen so far: the averaging clock.
    clock: u64,
}

/// How [`Trainer::finish`] shrinks the model.
#[derive(Clone, Copy, Debug)]
pub struct FinishOptions {
    /// Drop features seen in fewer training instances than this.
    pub min_count: u32,
    /// Drop averaged weights whose magnitude is below this fraction of the
    /// largest one (besides those that quantise to zero anyway).
    pub min_relative_weight: f32,
    /// Largest quantised magnitude (≤ 32767): the largest weight maps to it,
    /// and weights below half a step become zero and are dropped. Fewer
    /// levels make a smaller file (weights are stored as variable-length
    /// integers) at some cost in precision.
    pub levels: u16,
}

impl Default for FinishOptions {
    fn default() -> Self {
        FinishOptions {
            min_count: 1,
            min_relative_weight: 0.0,
            levels: i16::MAX as u16,
        }
    }
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        assert!(n_classes > 0 && n_classes <= u16::MAX as usize);
        Trainer {
            n_classes,
            rows: FxHashMap::default(),
            clock: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Current (not averaged) scores of every class, written to `out`.
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for c in &row.cells {
                    out[c.class as usize] += c.weight;
                }
            }
        }
    }

    /// The best class among those `valid` allows, by current weights.
    pub fn predict(&self, feats: &[u64], valid: impl Fn(usize) -> bool) -> Option<usize> {
        let mut scores = vec![0.0f32; self.n_classes];
        self.scores(feats, &mut scores);
        argmax(&scores, valid)
    }

    /// One training instance: count its features and, when `guess` is not
    /// `truth`, move weight from `guess` to `truth`. Call it once per
    /// instance, also for correct guesses: the call advances the averaging
    /// clock.
    pub fn learn(&mut self, feats: &[u64], truth: usize, guess: usize) {
        self.clock += 1;
        let clock = self.clock;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            row.seen = row.seen.saturating_add(1);
            if truth != guess {
                bump(row, truth as u32, 1.0, clock);
                bump(row, guess as u32, -1.0, clock);
            }
        }
    }

    /// Distinct features seen so far.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Average, prune, quantise: the model to ship.
    pub fn finish(&self, opts: FinishOptions) -> Model {
        let clock = self.clock.max(1) as f64;
        // Averaged weights of the features that survive the count filter.
        let mut averaged: Vec<(u64, Vec<(u32, f32)>)> = Vec::new();
        let mut max_abs = 0.0f32;
        for (&key, row) in &self.rows {
            if row.seen < opts.min_count {
                continue;
            }
            let mut cells = Vec::new();
            for c in &row.cells {
                let total = c.total + (self.clock - c.stamp) as f64 * c.weight as f64;
                let avg = (total / clock) as f32;
                if avg != 0.0 {
                    max_abs = max_abs.max(avg.abs());
                    cells.push((c.class, avg));
                }
            }
            if !cells.is_empty() {
                averaged.push((key, cells));
            }
        }
        // Deterministic order regardless of hash-map iteration.
        averaged.sort_unstable_by_key(|(k, _)| *k);
        let levels = opts.levels.clamp(1, i16::MAX as u16) as f32;
        let scale = if max_abs > 0.0 { max_abs / levels } else { 1.0 };
        let floor = max_abs * opts.min_relative_weight;
        // Fold to 32-bit keys, summing the rare colliding features.
        let mut folded: std::collections::BTreeMap<u32, std::collections::BTreeMap<u32, i32>> =
            Default::default();
        for (key, cells) in averaged {
            for (class, w) in cells {
                if w.abs() < floor {
                    continue;
                }
                let q = (w / scale).round() as i32;
                if q != 0 {
                    *folded
                        .entry(fold32(key))
                        .or_default()
                        .entry(class)
                        .or_default() += q;
                }
            }
        }
        let mut m = Model {
            n_classes: self.n_classes,
            scale,
            keys: Vec::with_capacity(folded.len()),
            starts: vec![0],
            classes: Vec::new(),
            weights: Vec::new(),
            index: Vec::new(),
        };
        for (key, cells) in folded {
            let before = m.classes.len();
            for (class, q) in cells {
                let q = q.clamp(i16::MIN as i32, i16::MAX as i32);
                if q != 0 {
                    m.classes.push(class as u16);
                    m.weights.push(q as i16);
                }
            }
            if m.classes.len() > before {
                m.keys.push(key);
                m.starts.push(m.classes.len() as u32);
            }
        }
        m.build_index();
        m
    }
}

fn bump(row: &mut Row, class: u32, delta: f32, clock: u64) {
    let cell = match row.cells.iter_mut().position(|c| c.class == class) {
        Some(i) => &mut row.cells[i],
        None => {
            row.cells.push(Cell {
                class,
                weight: 0.0,
                total: 0.0,
                stamp: clock,
            });
            row.cells.last_mut().expect("just pushed")
        }
    };
    // Weights are constant between updates: add the span since the last one.
    cell.total += (clock - cell.stamp) as f64 * cell.weight as f64;
    cell.stamp = clock;
    cell.weight += delta;
}

/// Index of the highest score among the classes `valid` allows; ties go to
/// the lowest index. `None` when no class is allowed.
pub fn argmax<T: PartialOrd + Copy>(scores: &[T], valid: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if !valid(i) {
            continue;
        }
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// Averaged, quantised weights for inference. Scores are integers (the
/// quantised weights summed); multiply by [`Model::scale`] for the
/// perceptron's own units.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    n_classes: usize,
    scale: f32,
    /// Folded feature keys, strictly increasing.
    keys: Vec<u32>,
    /// Row `i` is `classes/weights[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    classes: Vec<u16>,
    weights: Vec<i16>,
    /// Open-addressing table from key to row index + 1 (0 = empty slot);
    /// rebuilt on load, never stored.
    index: Vec<u32>,
}

impl Model {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }
    /// Perceptron units per integer score unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Every row: its folded key and its `(class, weight)` cells, keys in
    /// increasing order (for laying the weights out in another form).
    pub fn rows(&self) -> impl Iterator<Item = (u32, impl Iterator<Item = (u16, i16)> + '_)> {
        self.keys.iter().enumerate().map(|(i, &k)| {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            let cells = self.classes[a..b].iter().copied();
            (k, cells.zip(self.weights[a..b].iter().copied()))
        })
    }

    fn build_index(&mut self) {
        let size = (self.keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut index = vec![0u32; size];
        for (i, &k) in self.keys.iter().enumerate() {
            let mut slot = slot_of(k, mask);
            while index[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            index[slot] = i as u32 + 1;
        }
        self.index = index;
    }

    fn row(&self, key: u64) -> Option<usize> {
        let k = fold32(key);
        let mask = self.index.len() - 1;
        let mut slot = slot_of(k, mask);
        loop {
            let i = self.index[slot];
            if i == 0 {
                return None;
            }
            if self.keys[i as usize - 1] == k {
                return Some(i as usize - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Integer scores of every class, written to `out` (length `n_classes`).
    pub fn scores(&self, feats: &[u64], out: &mut [i32]) {
        out.iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            if let Some(r) = self.row(f) {
                let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
                for (c, w) in self.classes[a..b].iter().zip(&self.weights[a..b]) {
                    out[*c as usize] += *w as i32;
                }
            }
        }
    }

    /// The best class among those `valid` allows.
    pub fn predict(&self, feats: &[u64], valid: impl Fn(usize) -> bool) -> Option<usize> {
        let mut scores = vec![0i32; self.n_classes];
        self.scores(feats, &mut scores);
        argmax(&scores, valid)
    }

    /// Append the model to `w`: keys delta-coded, weights zig-zag varints.
    pub fn write(&self, w: &mut ByteWriter) {
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        w.varint(self.keys.len() as u64);
        let mut prev = 0u32;
        for (i, &k) in self.keys.iter().enumerate() {
            w.varint((k - prev) as u64);
            prev = k;
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            w.varint((b - a) as u64);
            for j in a..b {
                w.varint(self.classes[j] as u64);
                w.varint_signed(self.weights[j] as i64);
            }
        }
    }

    /// Read what [`Model::write`] wrote, validating every field.
    pub fn read(r: &mut ByteReader) -> Result<Model, FormatError> {
        let invalid = |what: &str| FormatError::Invalid {
            what: what.to_owned(),
        };
        let n_classes = r.varint("class count")? as usize;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(invalid("class count out of range"));
        }
        let scale = r.f32("scale")?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(invalid("scale is not a positive number"));
        }
        // Each feature takes at least 4 bytes (delta, length, class, weight).
        let n = r.count(4, "feature count")?;
        let mut m = Model {
            n_classes,
            scale,
            keys: Vec::with_capacity(n),
            starts: Vec::with_capacity(n + 1),
            classes: Vec::new(),
            weights: Vec::new(),
            index: Vec::new(),
        };
        m.starts.push(0);
        let mut prev = 0u64;
        for i in 0..n {
            let delta = r.varint("feature key")?;
            if i > 0 && delta == 0 {
                return Err(invalid("feature keys not increasing"));
            }
            let key = prev + delta;
            if key > u32::MAX as u64 {
                return Err(invalid("feature key out of range"));
            }
            prev = key;
            m.keys.push(key as u32);
            let len = r.varint("row length")? as usize;
            if len == 0 || len > n_classes {
                return Err(invalid("row length out of range"));
            }
            for _ in 0..len {
                let c = r.varint("class")?;
                if c as usize >= n_classes {
                    return Err(invalid("class out of range"));
                }
                let w = r.varint_signed("weight")?;
                if w < i16::MIN as i64 || w > i16::MAX as i64 {
                    return Err(invalid("weight out of range"));
                }
                m.classes.push(c as u16);
                m.weights.push(w as i16);
            }
            m.starts.push(m.classes.len() as u32);
        }
        m.build_index();
        Ok(m)
    }
}

#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    // Keys are hashes already; one multiply spreads folded low bits.
    (key.wrapping_mul(0x9e37_79b1) as usize) & mask
}

#[cfg(test)]
mod tests {
    use super::super::hash::{feature, hash_str};
    use super::*;

    /// A toy task: the class is the index of the word in a vocabulary,
    /// with a distractor feature shared by all instances.
    fn toy() -> Vec<(Vec<u64>, usize)> {
        let words = ["alpha", "beta", "gamma", "delta"];
        let mut data = Vec::new();
        for round in 0..5 {
            for (i, w) in words.iter().enumerate() {
                data.push((
                    vec![
                        feature(1, &[hash_str(w)]),
                        feature(2, &[]),
                        feature(3, &[round as u64]),
                    ],
                    i,
                ));
            }
        }
        data
    }

    fn train(data: &[(Vec<u64>, usize)]) -> Trainer {
        let mut t = Trainer::new(4);
        for _ in 0..5 {
            for (f, y) in data {
                let guess = t.predict(f, |_| true).unwrap();
                t.learn(f, *y, guess);
            }
        }
        t
    }

    #[test]
    fn learns_a_separable_task() {
        let data = toy();
        let m = train(&data).finish(FinishOptions::default());
        for (f, y) in &data {
            assert_eq!(m.predict(f, |_| true), Some(*y));
        }
        // Restricting the classes is honoured.
        let f = &data[0].0;
        assert_ne!(m.predict(f, |c| c != 0), Some(0));
        assert_eq!(m.predict(f, |_| false), None);
        // An unseen feature scores nothing.
        let mut s = vec![0; 4];
        m.scores(&[feature(9, &[1])], &mut s);
        assert_eq!(s, vec![0; 4]);
    }

    #[test]
    fn training_is_deterministic_and_round_trips() {
        let data = toy();
        let a = train(&data).finish(FinishOptions::default());
        let b = train(&data).finish(FinishOptions::default());
        assert_eq!(a, b);
        let mut w = ByteWriter::new();
        a.write(&mut w);
        let mut r = ByteReader::new(&w.buf);
        let back = Model::read(&mut r).unwrap();
        r.finish("model").unwrap();
        assert_eq!(back, a);
        // Every truncation is an error, never a panic.
        for n in 0..w.buf.len() {
            let _ = Model::read(&mut ByteReader::new(&w.buf[..n])).unwrap_err();
        }
    }

    #[test]
    fn pruning_drops_rare_features() {
        let data = toy();
        let t = train(&data);
        let full = t.finish(FinishOptions::default());
        // Feature 3 values occur in 4 instances each per epoch (20 in all);
        // with a higher threshold only the per-word and shared ones remain.
        let pruned = t.finish(FinishOptions {
            min_count: 21,
            ..FinishOptions::default()
        });
        assert!(pruned.n_features() < full.n_features());
        assert!(pruned.n_features() > 0);
    }

    #[test]
    fn fewer_levels_drop_small_weights() {
        let data = toy();
        let t = train(&data);
        let full = t.finish(FinishOptions::default());
        let coarse = t.finish(FinishOptions {
            levels: 2,
            ..FinishOptions::default()
        });
        assert!(coarse.n_weights() < full.n_weights());
        assert!(coarse.n_weights() > 0);
    }

    #[test]
    fn averaging_uses_the_whole_history() {
        // A weight set at instance t counts for the instances after it: over
        // 4 instances, an update at the first holds for 3/4 of the time, one
        // at the third for 1/4, one at the last for none.
        let mut t = Trainer::new(2);
        let f1 = [feature(1, &[])];
        let f2 = [feature(2, &[])];
        let f3 = [feature(3, &[])];
        t.learn(&f1, 1, 0);
        t.learn(&f1, 1, 1);
        t.learn(&f2, 1, 0);
        t.learn(&f3, 1, 0);
        let m = t.finish(FinishOptions::default());
        let score = |f: &[u64]| {
            let mut s = vec![0; 2];
            m.scores(f, &mut s);
            s
        };
        assert_eq!(score(&f1), vec![-32767, 32767]);
        assert_eq!(score(&f2), vec![-10922, 10922]);
        assert_eq!(score(&f3), vec![0, 0]);
        assert!((m.scale() - 0.75 / 32767.0).abs() < 1e-9);
    }
}
