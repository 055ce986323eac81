//! The tagger's two passes at inference, computed for speed with the same
//! result as [`super::tagger::features`] and [`super::tagger::features2`]
//! scored by the two pass models.
//!
//! - Both passes' models share one [`Table`], so one lookup of a feature
//!   gives its weights in both.
//! - Most of a token's features do not depend on the tags chosen before it
//!   (its word, suffixes, shape, neighbours, ambiguity classes: 29 of 36).
//!   They are looked up once, in the first pass, which keeps their
//!   second-pass sum for the second pass; only the 7 features of the
//!   previous tags and the 8 of the first pass's tags are looked up again.
//!
//! Scores are integer sums of the same weights as the models', so the tags
//! are identical.
use super::lex::Lex;
use super::tagger::{class_at, first_pass_features, prev_value, shape_at, suf3_at, word_at};
use super::weights::Table;
use crate::analysis::learn::hash::feature;
use crate::analysis::learn::perceptron::{argmax, Model};

/// The tagger's weights in the form inference reads.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggerWeights {
    table: Table,
    n_tags: usize,
    two_passes: bool,
}

impl TaggerWeights {
    pub fn new(first: &Model, second: Option<&Model>) -> TaggerWeights {
        let models: Vec<&Model> = std::iter::once(first).chain(second).collect();
        TaggerWeights {
            table: Table::new(&models),
            n_tags: first.n_classes(),
            two_passes: second.is_some(),
        }
    }

    /// Tag a sentence; `dict` gives the tag of a word it is sure of.
    pub fn tag(
        &self,
        lex: &[Lex],
        amb: &[u64],
        dict: impl Fn(&Lex) -> Option<usize>,
    ) -> Vec<usize> {
        let t = self.n_tags;
        let width = self.table.width();
        let mut acc = vec![0i32; width];
        let mut feats = Vec::with_capacity(40);
        let mut rows = Vec::with_capacity(40);
        // Second-pass sums of each token's first-pass features that do not
        // read previous tags (tokens the dictionary tags have none).
        let mut kept: Vec<i32> = Vec::new();
        let mut kept_at = vec![usize::MAX; lex.len()];
        let mut first = Vec::with_capacity(lex.len());
        for i in 0..lex.len() {
            if let Some(tag) = dict(&lex[i]) {
                first.push(tag);
                continue;
            }
            acc.iter_mut().for_each(|s| *s = 0);
            own_features(lex, amb, i, &mut feats);
            self.table.add_all(&feats, &mut rows, &mut acc);
            if self.two_passes {
                kept_at[i] = kept.len();
                kept.extend_from_slice(&acc[t..]);
            }
            let (p1, p2) = (prev_value(&first, i, 1), prev_value(&first, i, 2));
            prev_tag_features(lex, amb, i, p1, p2, &mut feats);
            self.table.add_all(&feats, &mut rows, &mut acc);
            first.push(argmax(&acc[..t], |_| true).unwrap_or(0));
        }
        if !self.two_passes {
            return first;
        }
        let mut tags = Vec::with_capacity(lex.len());
        for i in 0..lex.len() {
            if let Some(tag) = dict(&lex[i]) {
                tags.push(tag);
                continue;
            }
            let k = kept_at[i];
            acc[..t].iter_mut().for_each(|s| *s = 0);
            acc[t..].copy_from_slice(&kept[k..k + t]);
            let (p1, p2) = (prev_value(&tags, i, 1), prev_value(&tags, i, 2));
            prev_tag_features(lex, amb, i, p1, p2, &mut feats);
            first_pass_features(lex, &first, i, p1, &mut feats);
            self.table.add_all(&feats, &mut rows, &mut acc);
            tags.push(argmax(&acc[t..], |_| true).unwrap_or(0));
        }
        tags
    }
}

/// The features of [`super::tagger::features`] that do not read the
/// previous tags. Same keys.
fn own_features(lex: &[Lex], amb: &[u64], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let x = &lex[i];
    let ii = i as isize;
    let w = x.word;
    let a = amb[i];
    let a1 = class_at(amb, ii + 1);
    out.extend([
        feature(0, &[]),
        feature(1, &[w]),
        feature(2, &[x.suf1]),
        feature(3, &[x.suf2]),
        feature(4, &[x.suf3]),
        feature(5, &[x.suf4]),
        feature(6, &[x.pre1]),
        feature(7, &[x.pre2]),
        feature(8, &[x.shape]),
        feature(9, &[x.flags, (i == 0) as u64]),
        feature(14, &[word_at(lex, ii - 1)]),
        feature(15, &[suf3_at(lex, ii - 1)]),
        feature(16, &[word_at(lex, ii - 2)]),
        feature(17, &[word_at(lex, ii + 1)]),
        feature(18, &[suf3_at(lex, ii + 1)]),
        feature(19, &[word_at(lex, ii + 2)]),
        feature(20, &[shape_at(lex, ii + 1)]),
        feature(21, &[word_at(lex, ii - 1), w]),
        feature(22, &[w, word_at(lex, ii + 1)]),
        feature(24, &[shape_at(lex, ii - 1), x.shape]),
        feature(30, &[a]),
        feature(32, &[a, a1]),
        feature(33, &[a1]),
        feature(34, &[class_at(amb, ii + 2)]),
        feature(35, &[a, x.suf3]),
        feature(37, &[a1, class_at(amb, ii + 2)]),
        feature(38, &[word_at(lex, ii - 1), x.suf2]),
        feature(39, &[word_at(lex, ii - 2), x.suf2]),
        feature(40, &[w, suf3_at(lex, ii + 1)]),
    ]);
}

/// The features of [`super::tagger::features`] that read the previous
/// tags `p1`, `p2`. Same keys.
fn prev_tag_features(lex: &[Lex], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let x = &lex[i];
    let w = x.word;
    let a = amb[i];
    let a1 = class_at(amb, i as isize + 1);
    out.extend([
        feature(10, &[p1]),
        feature(11, &[p2]),
        feature(12, &[p1, p2]),
        feature(13, &[p1, w]),
        feature(23, &[p1, x.suf3]),
        feature(31, &[a, p1]),
        feature(36, &[p1, a, a1]),
        feature(41, &[p2, p1, a]),
    ]);
}

#[cfg(test)]
mod tests {
    use super::super::engine::load_embedded;
    use super::super::tagger::{features, features2};
    use super::*;

    /// The three lists together are the keys of `features` and
    /// `features2`, at every position of real sentences, whatever the
    /// previous tags; and the fast tags are the reference tags.
    #[test]
    fn same_keys_and_tags_as_the_models() {
        let model = load_embedded().expect("built-in weights");
        let tagger = &model.tagger;
        let mut words = 0;
        for s in super::super::parse_scoring::tests::sentences() {
            let s = s.as_str();
            let spans = super::super::tokenize::tokenize(s, 0, s.len());
            let lex: Vec<Lex> = spans.iter().map(|t| Lex::new(&s[t.start..t.end])).collect();
            let amb = tagger.dict.classes_of(&lex);
            let first = tagger.tag_first(&lex);
            let (mut reference, mut fast, mut extra) = (Vec::new(), Vec::new(), Vec::new());
            for i in 0..lex.len() {
                let p1 = i as u64 % 7;
                let p2 = prev_value(&first, i, 2);
                features2(&lex, &amb, &first, i, p1, p2, &mut reference);
                own_features(&lex, &amb, i, &mut fast);
                prev_tag_features(&lex, &amb, i, p1, p2, &mut extra);
                fast.extend_from_slice(&extra);
                features(&lex, &amb, i, p1, p2, &mut extra);
                assert_eq!(fast.len(), extra.len());
                first_pass_features(&lex, &first, i, p1, &mut fast);
                reference.sort_unstable();
                fast.sort_unstable();
                assert_eq!(fast, reference);
                words += 1;
            }
            assert_eq!(tagger.tag(&lex), tagger.tag_reference(&lex), "{s}");
        }
        assert!(words > 1000, "{words} words");
    }
}
