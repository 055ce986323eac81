//! Part-of-speech tagger: greedy left-to-right averaged perceptron over a
//! combined tag set ("NOUN/NNS", "AUX/VBZ", ...), so one pass gives both the
//! universal tag and the Penn tag the parser and lemmatiser use. Frequent
//! unambiguous words are tagged from a dictionary (Honnibal's trick: fast
//! and as accurate).
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::labels::Upos;
use super::lex::Lex;
use super::tag_scoring::TaggerWeights;
use crate::analysis::learn::bytes::{ByteReader, ByteWriter, FormatError};
use crate::analysis::learn::hash::{feature, hash_str};
use crate::analysis::learn::perceptron::Model;

/// The combined tags a model predicts.
#[derive(Clone, Debug, PartialEq)]
pub struct TagSet {
    pub upos: Vec<Upos>,
    pub xpos: Vec<String>,
}

impl TagSet {
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    pub fn name(&self, t: usize) -> String {
        format!("{}/{}", self.upos[t], self.xpos[t])
    }

    pub fn index(&self, upos: &str, xpos: &str) -> Option<usize> {
        (0..self.len()).find(|&t| self.upos[t].as_str() == upos && self.xpos[t] == xpos)
    }

    pub fn write(&self, w: &mut ByteWriter) {
        let names: Vec<String> = (0..self.len()).map(|t| self.name(t)).collect();
        w.strs(&names);
    }

    pub fn read(r: &mut ByteReader) -> Result<TagSet, FormatError> {
        let names = r.strs("tag names")?;
        let mut set = TagSet {
            upos: Vec::new(),
            xpos: Vec::new(),
        };
        for n in names {
            let (u, x) = n.split_once('/').ok_or_else(|| FormatError::Invalid {
                what: format!("tag {n:?} is not UPOS/XPOS"),
            })?;
            let upos = Upos::parse(u).ok_or_else(|| FormatError::Invalid {
                what: format!("unknown UPOS {u:?}"),
            })?;
            set.upos.push(upos);
            set.xpos.push(x.to_owned());
        }
        if set.is_empty() || set.len() > u16::MAX as usize {
            return Err(FormatError::Invalid {
                what: "tag count out of range".into(),
            });
        }
        Ok(set)
    }
}

/// Tag values for positions before the sentence start.
const START: u64 = 0xfff0;
pub(super) const START2: u64 = 0xfff1;

pub(super) fn word_at(lex: &[Lex], i: isize) -> u64 {
    if i < 0 {
        hash_str("<s>")
    } else if i as usize >= lex.len() {
        hash_str("</s>")
    } else {
        lex[i as usize].word
    }
}

pub(super) fn suf3_at(lex: &[Lex], i: isize) -> u64 {
    if i < 0 || i as usize >= lex.len() {
        0
    } else {
        lex[i as usize].suf3
    }
}

pub(super) fn shape_at(lex: &[Lex], i: isize) -> u64 {
    if i < 0 || i as usize >= lex.len() {
        0
    } else {
        lex[i as usize].shape
    }
}

/// Ambiguity-class value of words the lexicon does not know.
pub fn unknown_class() -> u64 {
    hash_str("<unknown>")
}

pub(super) fn class_at(amb: &[u64], i: isize) -> u64 {
    if i < 0 {
        hash_str("<s>")
    } else if i as usize >= amb.len() {
        hash_str("</s>")
    } else {
        amb[i as usize]
    }
}

/// The features of token `i`, given the two tags before it. `amb` holds
/// each token's ambiguity class (see [`TagDict::class_of`]).
pub fn features(lex: &[Lex], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let x = &lex[i];
    let ii = i as isize;
    let w = x.word;
    let a = amb[i];
    out.push(feature(0, &[]));
    out.push(feature(1, &[w]));
    out.push(feature(2, &[x.suf1]));
    out.push(feature(3, &[x.suf2]));
    out.push(feature(4, &[x.suf3]));
    out.push(feature(5, &[x.suf4]));
    out.push(feature(6, &[x.pre1]));
    out.push(feature(7, &[x.pre2]));
    out.push(feature(8, &[x.shape]));
    out.push(feature(9, &[x.flags, (i == 0) as u64]));
    out.push(feature(10, &[p1]));
    out.push(feature(11, &[p2]));
    out.push(feature(12, &[p1, p2]));
    out.push(feature(13, &[p1, w]));
    out.push(feature(14, &[word_at(lex, ii - 1)]));
    out.push(feature(15, &[suf3_at(lex, ii - 1)]));
    out.push(feature(16, &[word_at(lex, ii - 2)]));
    out.push(feature(17, &[word_at(lex, ii + 1)]));
    out.push(feature(18, &[suf3_at(lex, ii + 1)]));
    out.push(feature(19, &[word_at(lex, ii + 2)]));
    out.push(feature(20, &[shape_at(lex, ii + 1)]));
    out.push(feature(21, &[word_at(lex, ii - 1), w]));
    out.push(feature(22, &[w, word_at(lex, ii + 1)]));
    out.push(feature(23, &[p1, x.suf3]));
    out.push(feature(24, &[shape_at(lex, ii - 1), x.shape]));
    // Ambiguity classes: which tags this and the neighbouring words can
    // take, a stand-in for the right context's tags.
    let a1 = class_at(amb, ii + 1);
    out.push(feature(30, &[a]));
    out.push(feature(31, &[a, p1]));
    out.push(feature(32, &[a, a1]));
    out.push(feature(33, &[a1]));
    out.push(feature(34, &[class_at(amb, ii + 2)]));
    out.push(feature(35, &[a, x.suf3]));
    out.push(feature(36, &[p1, a, a1]));
    out.push(feature(37, &[a1, class_at(amb, ii + 2)]));
    // A word's ending in the context of the words before it ("have died",
    // "has been killed": -ed after a form of "have" or "be" is a participle).
    out.push(feature(38, &[word_at(lex, ii - 1), x.suf2]));
    out.push(feature(39, &[word_at(lex, ii - 2), x.suf2]));
    out.push(feature(40, &[w, suf3_at(lex, ii + 1)]));
    // The two tags before and what this word can be: a word that can be a
    // verb after "the company" is the verb ("The chain runs 212 stores").
    out.push(feature(41, &[p2, p1, a]));
}

/// What the training data says about words: frequent words that (almost)
/// always take one tag, each repeated word's ambiguity class (a hash of
/// the set of tags it took), and the universal tags of every training word
/// (bits, see [`super::word_family`]) that give the class of a word seen
/// fewer than twice through its relatives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TagDict {
    pub map: FxHashMap<u64, u16>,
    pub classes: FxHashMap<u64, u64>,
    /// Empty in weight files of version 1, whose unknown words all have
    /// [`unknown_class`].
    pub lexicon: FxHashMap<u64, u8>,
}

impl TagDict {
    pub fn get(&self, lex: &Lex) -> Option<usize> {
        self.map.get(&lex.word).map(|&t| t as usize)
    }

    /// The ambiguity class of a word; for a word seen fewer than twice,
    /// its family ([`super::word_family::family`]), or [`unknown_class`]
    /// with a model without a lexicon.
    pub fn class_of(&self, lex: &Lex) -> u64 {
        match self.classes.get(&lex.word) {
            Some(&c) => c,
            None if self.lexicon.is_empty() => unknown_class(),
            None => super::word_family::family(&lex.norm, lex.flags & 1 == 1, &self.lexicon),
        }
    }

    /// Ambiguity classes of a sentence.
    pub fn classes_of(&self, lex: &[Lex]) -> Vec<u64> {
        lex.iter().map(|l| self.class_of(l)).collect()
    }

    pub fn write(&self, w: &mut ByteWriter) {
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort();
        w.varint(entries.len() as u64);
        for (k, t) in entries {
            w.u64(*k);
            w.varint(*t as u64);
        }
        let mut classes: Vec<_> = self.classes.iter().collect();
        classes.sort();
        w.varint(classes.len() as u64);
        for (k, c) in classes {
            w.u64(*k);
            w.u64(*c);
        }
    }

    /// The lexicon, a section of its own (absent from version 1 files).
    pub fn write_lexicon(&self, w: &mut ByteWriter) {
        let mut entries: Vec<_> = self.lexicon.iter().collect();
        entries.sort();
        w.varint(entries.len() as u64);
        for (k, bits) in entries {
            w.u64(*k);
            w.u8(*bits);
        }
    }

    pub fn read_lexicon(&mut self, r: &mut ByteReader) -> Result<(), FormatError> {
        let n = r.count(9, "tag lexicon")?;
        self.lexicon.reserve(n);
        for _ in 0..n {
            let k = r.u64("tag lexicon word")?;
            let bits = r.u8("tag lexicon tags")?;
            self.lexicon.insert(k, bits);
        }
        Ok(())
    }

    pub fn read(r: &mut ByteReader, n_tags: usize) -> Result<TagDict, FormatError> {
        let n = r.count(9, "tag dictionary")?;
        let mut map = FxHashMap::default();
        for _ in 0..n {
            let k = r.u64("tag dictionary word")?;
            let t = r.varint("tag dictionary tag")?;
            if t as usize >= n_tags {
                return Err(FormatError::Invalid {
                    what: "tag dictionary tag out of range".into(),
                });
            }
            map.insert(k, t as u16);
        }
        let n = r.count(16, "ambiguity classes")?;
        let mut classes = FxHashMap::default();
        for _ in 0..n {
            let k = r.u64("ambiguity class word")?;
            let c = r.u64("ambiguity class")?;
            classes.insert(k, c);
        }
        Ok(TagDict {
            map,
            classes,
            lexicon: FxHashMap::default(),
        })
    }
}

/// Features of the second pass: the first pass's features plus the tags
/// the first pass gave to the words on the right (and to this word).
pub fn features2(
    lex: &[Lex],
    amb: &[u64],
    first: &[usize],
    i: usize,
    p1: u64,
    p2: u64,
    out: &mut Vec<u64>,
) {
    features(lex, amb, i, p1, p2, out);
    first_pass_features(lex, first, i, p1, out);
}

/// The templates [`features2`] adds: the first pass's tags (`first`)
/// around token `i`. Appended to `out`; the fast scorer
/// ([`super::tag_scoring`]) appends the same.
pub(super) fn first_pass_features(
    lex: &[Lex],
    first: &[usize],
    i: usize,
    p1: u64,
    out: &mut Vec<u64>,
) {
    let right = |k: usize| first.get(i + k).map_or(START2 + 1, |&t| t as u64);
    let (n1, n2) = (right(1), right(2));
    let own = first[i] as u64;
    let w = lex[i].word;
    out.extend([
        feature(50, &[n1]),
        feature(51, &[n1, n2]),
        feature(52, &[p1, n1]),
        feature(53, &[w, n1]),
        feature(54, &[own]),
        feature(55, &[own, w]),
        feature(56, &[lex[i].suf3, n1]),
        feature(57, &[p1, own, n1]),
    ]);
}

/// A trained tagger: a left-to-right pass, then (when trained) a second
/// left-to-right pass that also sees the first pass's tags on the right.
#[derive(Clone)]
pub struct Tagger {
    pub tags: TagSet,
    pub dict: TagDict,
    model: Model,
    second: Option<Model>,
    /// The two models laid out for tagging (built from them, so never
    /// stored and never out of step with them).
    fast: Arc<TaggerWeights>,
}

impl PartialEq for Tagger {
    fn eq(&self, other: &Tagger) -> bool {
        // `fast` follows from the rest.
        (&self.tags, &self.dict, &self.model, &self.second)
            == (&other.tags, &other.dict, &other.model, &other.second)
    }
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("tags", &self.tags.len())
            .field("dict", &self.dict.map.len())
            .field("features", &self.model.n_features())
            .field("second", &self.second.as_ref().map(|m| m.n_features()))
            .finish()
    }
}

/// The tag value of a previous position, as the features see it.
pub fn prev_value(tags: &[usize], i: usize, back: usize) -> u64 {
    if i >= back {
        tags[i - back] as u64
    } else if back == 1 || i == 1 {
        START
    } else {
        START2
    }
}

impl Tagger {
    /// `model` is the first pass, `second` the optional second pass; both
    /// score the classes of `tags`.
    pub fn new(tags: TagSet, dict: TagDict, model: Model, second: Option<Model>) -> Tagger {
        let fast = Arc::new(TaggerWeights::new(&model, second.as_ref()));
        Tagger {
            tags,
            dict,
            model,
            second,
            fast,
        }
    }

    /// The first pass's weights.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The second pass's weights, when it has one.
    pub fn second(&self) -> Option<&Model> {
        self.second.as_ref()
    }

    /// Tag indices for a sentence.
    pub fn tag(&self, lex: &[Lex]) -> Vec<usize> {
        let amb = self.dict.classes_of(lex);
        let mut tags = self.fast.tag(lex, &amb, |l| self.dict.get(l));
        self.perfect_participles(lex, &mut tags);
        tags
    }

    /// A past form right after a form of "have" (adverbs between) is its
    /// participle and "have" its auxiliary: "have died", "has also
    /// struck". The treebanks rarely show a verb whose past tense they know
    /// well in that place, so the model keeps its past-tense reading.
    fn perfect_participles(&self, lex: &[Lex], tags: &mut [usize]) {
        let (Some(vbn), Some(vbd)) = (
            self.tags.index("VERB", "VBN"),
            self.tags.index("VERB", "VBD"),
        ) else {
            return;
        };
        for i in 1..tags.len() {
            if tags[i] != vbd {
                continue;
            }
            let mut j = i - 1;
            while j > 0 && i - j <= 2 && self.tags.xpos[tags[j]] == "RB" {
                j -= 1;
            }
            if !matches!(
                lex[j].norm.as_str(),
                "have" | "has" | "had" | "'ve" | "having"
            ) {
                continue;
            }
            tags[i] = vbn;
            let have = tags[j];
            if let Some(aux) = self.tags.index("AUX", &self.tags.xpos[have]) {
                tags[j] = aux;
            }
        }
    }

    /// [`Tagger::tag`] as it was written first: every feature looked up
    /// in each pass's model. The reference the fast path must equal.
    #[cfg(test)]
    pub fn tag_reference(&self, lex: &[Lex]) -> Vec<usize> {
        let amb = self.dict.classes_of(lex);
        let first = self.run(lex, &amb, &self.model, None);
        let mut tags = match &self.second {
            Some(m) => self.run(lex, &amb, m, Some(&first)),
            None => first,
        };
        self.perfect_participles(lex, &mut tags);
        tags
    }

    /// The first pass only.
    pub fn tag_first(&self, lex: &[Lex]) -> Vec<usize> {
        let amb = self.dict.classes_of(lex);
        self.run(lex, &amb, &self.model, None)
    }

    fn run(&self, lex: &[Lex], amb: &[u64], model: &Model, first: Option<&[usize]>) -> Vec<usize> {
        let mut tags = Vec::with_capacity(lex.len());
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..lex.len() {
            let t = match self.dict.get(&lex[i]) {
                Some(t) => t,
                None => {
                    let (p1, p2) = (prev_value(&tags, i, 1), prev_value(&tags, i, 2));
                    match first {
                        Some(f) => features2(lex, amb, f, i, p1, p2, &mut feats),
                        None => features(lex, amb, i, p1, p2, &mut feats),
                    }
                    model.scores(&feats, &mut scores);
                    crate::analysis::learn::perceptron::argmax(&scores, |_| true).unwrap_or(0)
                }
            };
            tags.push(t);
        }
        tags
    }
}
