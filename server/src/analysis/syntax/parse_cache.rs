//! The parser's cache of sentences: compact parses, bounded by bytes,
//! least recently used dropped first.
//!
//! Why compact: a [`Parse`] holds three `String`s per token and a `Vec`
//! of children per token, about 6 KB for a sentence of 30 tokens, and the
//! old cache of 50,000 of them could hold hundreds of megabytes before it
//! was emptied. A [`Compact`] keeps per token its offsets, tag, head and
//! label in 12 bytes and the lemmas in one string; the forms are the
//! sentence's own text, which is the key. A parse is rebuilt from it per
//! request, which costs what cloning a cached `Parse` cost.
//!
//! Why two generations: emptying a full cache at once made a folder of
//! more sentences than the cache parse again sentences that it had just
//! parsed (a file's readers ask for one sentence several times: the
//! tense of a date, the event frames, the sources, whether a line has a
//! verb). New parses go to the young generation; a hit in the old one
//! moves the parse to the young one; when the young one is full, the old
//! one is dropped and the young one becomes old. What was used in the
//! last generation is kept: an approximation of least-recently-used
//! without a list to maintain.
use std::mem::size_of;

use rustc_hash::FxHashMap;

use super::model::SyntaxModel;
use super::tree::{Parse, Token};

/// One token of a compact parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CompactToken {
    /// Byte offsets into the sentence (sentences are at most
    /// `MAX_SENTENCE_BYTES`, well under `u16::MAX`).
    start: u16,
    end: u16,
    /// End of the token's lemma in [`Compact::lemmas`].
    lemma_end: u32,
    /// Combined tag index (see `TagSet`).
    tag: u16,
    /// Label index (see `SyntaxModel::labels`).
    label: u8,
    /// Head token, [`ROOT`] for the root (sentences have at most
    /// `MAX_SENTENCE_TOKENS` tokens, under `u8::MAX`).
    head: u8,
}

const ROOT: u8 = u8::MAX;

/// A parse as the cache keeps it (offsets relative to the sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compact {
    tokens: Box<[CompactToken]>,
    lemmas: Box<str>,
}

/// What one parsed token is made of, as the pipeline returns it.
pub struct TokenParts<'a> {
    pub start: usize,
    pub end: usize,
    pub tag: usize,
    pub label: usize,
    /// `None` for the root.
    pub head: Option<usize>,
    pub lemma: &'a str,
}

impl Compact {
    /// Packs the tokens; `None` when a field does not fit (never for
    /// sentences within the parser's limits: such a parse is then simply
    /// not cached).
    pub fn pack<'a>(parts: impl ExactSizeIterator<Item = TokenParts<'a>>) -> Option<Compact> {
        let mut tokens = Vec::with_capacity(parts.len());
        let mut lemmas = String::new();
        for p in parts {
            lemmas.push_str(p.lemma);
            tokens.push(CompactToken {
                start: u16::try_from(p.start).ok()?,
                end: u16::try_from(p.end).ok()?,
                lemma_end: u32::try_from(lemmas.len()).ok()?,
                tag: u16::try_from(p.tag).ok()?,
                label: u8::try_from(p.label).ok()?,
                head: match p.head {
                    None => ROOT,
                    Some(h) => u8::try_from(h).ok().filter(|&h| h != ROOT)?,
                },
            });
        }
        Some(Compact {
            tokens: tokens.into(),
            lemmas: lemmas.into(),
        })
    }

    /// The parse of `sentence` (the text this was packed from), with
    /// offsets moved by `base`.
    pub fn unpack(&self, model: &SyntaxModel, sentence: &str, base: usize) -> Parse {
        let tags = &model.tagger.tags;
        let mut lemma_start = 0;
        let tokens = self
            .tokens
            .iter()
            .map(|t| {
                let (s, e) = (t.start as usize, t.end as usize);
                let lemma_end = t.lemma_end as usize;
                let lemma = self.lemmas[lemma_start..lemma_end].to_owned();
                lemma_start = lemma_end;
                Token {
                    start: base + s,
                    end: base + e,
                    form: sentence[s..e].to_owned(),
                    upos: tags.upos[t.tag as usize],
                    xpos: tags.xpos[t.tag as usize].clone(),
                    lemma,
                    head: (t.head != ROOT).then_some(t.head as usize),
                    deprel: model.labels[t.label as usize],
                }
            })
            .collect();
        Parse::new(tokens)
    }

    /// Heap and inline bytes it holds.
    fn bytes(&self) -> usize {
        size_of::<Compact>() + self.tokens.len() * size_of::<CompactToken>() + self.lemmas.len()
    }
}

struct Entry {
    text: Box<str>,
    /// `None`: the sentence cannot be parsed (remembered too).
    parse: Option<Compact>,
}

impl Entry {
    fn bytes(&self) -> usize {
        // The map's slot: key, entry, and a control byte.
        let slot = size_of::<u64>() + size_of::<Entry>() + 1;
        slot + self.text.len() + self.parse.as_ref().map_or(0, Compact::bytes)
    }
}

#[derive(Default)]
struct Generation {
    map: FxHashMap<u64, Entry>,
    bytes: usize,
}

/// Parses by sentence (a hash of its text, the text compared on a hit).
pub struct ParseCache {
    young: Generation,
    old: Generation,
    /// Bytes a generation may hold before it is turned.
    budget: usize,
    /// Parses asked for and found, for statistics.
    hits: u64,
    misses: u64,
}

impl ParseCache {
    /// A cache whose two generations hold at most `budget` bytes each.
    pub fn new(budget: usize) -> ParseCache {
        ParseCache {
            young: Generation::default(),
            old: Generation::default(),
            budget,
            hits: 0,
            misses: 0,
        }
    }

    /// The parse of `sentence`, if kept (`Some(None)`: it cannot be
    /// parsed); a parse found in the old generation moves to the young
    /// one.
    pub fn get(&mut self, key: u64, sentence: &str) -> Option<Option<&Compact>> {
        let kept = |g: &Generation| g.map.get(&key).is_some_and(|e| &*e.text == sentence);
        if kept(&self.young) {
            self.hits += 1;
        } else if kept(&self.old) {
            self.hits += 1;
            let e = self.old.map.remove(&key).expect("checked above");
            self.old.bytes -= e.bytes();
            self.put(key, e);
        } else {
            self.misses += 1;
            return None;
        }
        self.young.map.get(&key).map(|e| e.parse.as_ref())
    }

    /// Keeps the parse of `sentence` (replacing one of the same key).
    pub fn insert(&mut self, key: u64, sentence: &str, parse: Option<Compact>) {
        self.put(
            key,
            Entry {
                text: sentence.into(),
                parse,
            },
        );
    }

    fn put(&mut self, key: u64, e: Entry) {
        if self.young.bytes + e.bytes() > self.budget && !self.young.map.is_empty() {
            tracing::debug!(
                "parse cache: a generation of {} sentences ({} KB) turned; {} found, {} parsed so far",
                self.young.map.len(),
                self.young.bytes / 1024,
                self.hits,
                self.misses
            );
            self.old = std::mem::take(&mut self.young);
        }
        self.young.bytes += e.bytes();
        if let Some(prev) = self.young.map.insert(key, e) {
            self.young.bytes -= prev.bytes();
        }
        // A sentence kept young is not kept twice.
        if let Some(prev) = self.old.map.remove(&key) {
            self.old.bytes -= prev.bytes();
        }
    }

    /// Sentences kept.
    pub fn len(&self) -> usize {
        self.young.map.len() + self.old.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes kept (estimated from the sizes of what is stored).
    pub fn bytes(&self) -> usize {
        self.young.bytes + self.old.bytes
    }

    /// Lookups that found a parse, and lookups that did not.
    pub fn hits_and_misses(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }
}

#[cfg(test)]
mod tests {
    use super::super::engine::{load_embedded, parse_uncached, SentenceParser};
    use super::*;

    const SENTENCES: &[&str] = &[
        "Officials said the talks had failed.",
        "KYIV, May 2 (Reuters) - Russia's army did not attack the city on Tuesday, NATO said.",
        "The 27-year-old, who was born in Köln, will fly to São Paulo next week.",
        "Two people were killed and 14 injured when the bus overturned near the border.",
        "\"We're not going anywhere,\" she told reporters.",
    ];

    #[test]
    fn a_parse_from_the_cache_is_the_parse() {
        let model = load_embedded().unwrap();
        let parser = SentenceParser::new(load_embedded());
        for s in SENTENCES {
            let direct = parse_uncached(&model, s).unwrap();
            let doc = format!("Headline\n\n{s}");
            let base = doc.len() - s.len();
            // The first request parses, the second is read from the cache.
            for _ in 0..2 {
                let p = parser.parse(&doc, base, doc.len()).unwrap();
                assert_eq!(p.len(), direct.len(), "{s}");
                for (x, y) in direct.tokens.iter().zip(&p.tokens) {
                    assert_eq!(x.start + base, y.start);
                    assert_eq!(x.end + base, y.end);
                    let rest = |t: &Token| {
                        (
                            t.form.clone(),
                            t.upos,
                            t.xpos.clone(),
                            t.lemma.clone(),
                            t.head,
                            t.deprel,
                        )
                    };
                    assert_eq!(rest(x), rest(y), "{s}");
                }
            }
        }
        let (_, hits, misses) = parser.cache_stats();
        assert_eq!(
            (hits, misses),
            (SENTENCES.len() as u64, SENTENCES.len() as u64)
        );
    }

    fn entry(cache: &mut ParseCache, s: &str) -> bool {
        cache
            .get(crate::analysis::learn::hash::hash_str(s), s)
            .is_some()
    }

    #[test]
    fn the_cache_stays_within_its_budget_and_keeps_what_is_used() {
        let model = load_embedded().unwrap();
        let compact = |s: &str| {
            let p = parse_uncached(&model, s).unwrap();
            // Tags and labels need not be the model's for this test.
            Compact::pack(p.tokens.iter().map(|t| TokenParts {
                start: t.start,
                end: t.end,
                tag: 0,
                label: 0,
                head: t.head,
                lemma: &t.lemma,
            }))
        };
        let c = compact(SENTENCES[0]);
        let per_entry = Entry {
            text: SENTENCES[0].into(),
            parse: c.clone(),
        }
        .bytes();
        // Room for ten such sentences in a generation.
        let mut cache = ParseCache::new(per_entry * 10);
        let kept = SENTENCES[0];
        let hash = crate::analysis::learn::hash::hash_str;
        cache.insert(hash(kept), kept, c.clone());
        for i in 0..200 {
            let s = format!("Sentence number {i} of a long folder.");
            cache.insert(hash(&s), &s, c.clone());
            assert!(
                cache.bytes() <= 2 * per_entry * 10 + 2 * per_entry,
                "{}",
                cache.bytes()
            );
            // Used once in a while: never dropped.
            if i % 5 == 0 {
                assert!(entry(&mut cache, kept), "dropped at {i}");
            }
        }
        assert!(cache.len() <= 22, "{}", cache.len());
        // Not used for a generation and more: dropped.
        assert!(!entry(&mut cache, "Sentence number 3 of a long folder."));
        assert!(entry(&mut cache, "Sentence number 199 of a long folder."));
        // An entry is never kept twice.
        let n = cache.len();
        assert!(entry(&mut cache, kept));
        assert_eq!(cache.len(), n);
    }

    #[test]
    fn a_compact_token_is_twelve_bytes() {
        // Against 112 bytes and three heap strings for a `Token`.
        assert_eq!(size_of::<CompactToken>(), 12);
        assert!(size_of::<Token>() >= 100, "{}", size_of::<Token>());
    }

    #[test]
    fn a_token_that_does_not_fit_is_not_packed() {
        let part = |head| TokenParts {
            start: 0,
            end: 4,
            tag: 1,
            label: 2,
            head,
            lemma: "kyiv",
        };
        assert!(Compact::pack([part(None)].into_iter()).is_some());
        assert!(Compact::pack([part(Some(255))].into_iter()).is_none());
        assert!(Compact::pack([part(Some(70_000))].into_iter()).is_none());
    }
}
