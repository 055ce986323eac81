//! A learned name tagger over the rules' output.
//!
//! An averaged perceptron (`analysis::learn`) tags the tokens of each
//! sentence with BIO tags over person, organisation and location, reading
//! left to right (greedy, its own previous tags as features). Its features
//! are the word and its neighbours, shapes, gazetteer hits, title cues,
//! whether the document writes the word in lower case, and the rules'
//! own mention and confidence for the token ([`features`]): it learns where
//! the rules cut a name wrongly, type it wrongly or miss it.
//!
//! Only tokens that can be part of a name (capitalised, inside a rule
//! mention, or a connector or number between such tokens) are scored, so
//! the cost is a few hundred hash lookups per name, not per word.
//!
//! The weights are built into the binary (`server/data/models/ner.xcm`,
//! trained by `crosscheck ner train`). The tagger runs only when
//! `CROSSCHECK_NER_MODEL` is `builtin` (those weights) or names a weight
//! file; unset or `none`, the rules decide alone. Missing or corrupt
//! weights leave the rules in charge, with one warning in the log.
pub mod features;
pub mod labels;
pub mod sentences;
pub mod train;

use std::sync::OnceLock;

use super::Candidate;
use crate::analysis::learn::bytes::{ByteReader, ByteWriter, FormatError};
use crate::analysis::learn::container::{Container, ContainerWriter};
use crate::analysis::learn::perceptron::Model;
use features::{token_features, SentenceFlags, TokenInfo};
use labels::{Tag, N_TAGS};

pub const MAGIC: [u8; 8] = *b"XCNERTAG";
/// Bump on any change to features, tags or sections.
pub const VERSION: u32 = 1;
/// `builtin` or a weight file turns the tagger on; unset or `none`, it is off.
pub const MODEL_ENV: &str = "CROSSCHECK_NER_MODEL";

static EMBEDDED: &[u8] = include_bytes!("../../../../data/models/ner.xcm");

/// The tagger's weights and how they were made.
#[derive(Clone, Debug, PartialEq)]
pub struct NerModel {
    pub model: Model,
    pub about: String,
}

impl NerModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut c = ContainerWriter::new(MAGIC, VERSION);
        c.section("about", self.about.as_bytes().to_vec());
        let mut w = ByteWriter::new();
        self.model.write(&mut w);
        c.section("tagger", w.buf);
        c.finish()
    }

    pub fn from_bytes(data: &[u8]) -> Result<NerModel, FormatError> {
        let c = Container::parse(data, MAGIC, VERSION, "crosscheck name tagger")?;
        let about = String::from_utf8_lossy(c.section("about")?).into_owned();
        let mut r = ByteReader::new(c.section("tagger")?);
        let model = Model::read(&mut r)?;
        r.finish("tagger")?;
        if model.n_classes() != N_TAGS {
            return Err(FormatError::Invalid {
                what: format!("tagger has {} classes, not {N_TAGS}", model.n_classes()),
            });
        }
        Ok(NerModel { model, about })
    }
}

/// The built-in weight file's bytes.
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
}

/// The weights this process uses, or why there are none. The tagger is
/// off unless `CROSSCHECK_NER_MODEL` asks for it: measured on the bench
/// corpus it costs 30-40 % more analysis time for a person-only gain that
/// is small on news (see README, *The learned name tagger*).
fn load() -> Result<Option<NerModel>, String> {
    match std::env::var_os(MODEL_ENV) {
        None => Ok(None),
        Some(v) if v == "none" || v.is_empty() => Ok(None),
        Some(v) if v == "builtin" => NerModel::from_bytes(EMBEDDED)
            .map(Some)
            .map_err(|e| format!("built-in name tagger weights are unusable: {e}")),
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "name tagger weights {} cannot be read ({e})",
                    std::path::Path::new(&path).display()
                )
            })?;
            NerModel::from_bytes(&bytes).map(Some).map_err(|e| {
                format!(
                    "name tagger weights {} are unusable: {e}",
                    std::path::Path::new(&path).display()
                )
            })
        }
    }
}

/// The process-wide tagger, loaded at first use. A failure is logged once
/// as a warning, and recognition runs on the rules alone.
pub fn global() -> Option<&'static NerModel> {
    static GLOBAL: OnceLock<Option<NerModel>> = OnceLock::new();
    GLOBAL
        .get_or_init(|| {
            load().unwrap_or_else(|e| {
                tracing::warn!("{e}; names are recognised by the rules alone");
                None
            })
        })
        .as_ref()
}

/// Tag one sentence greedily, left to right. Tokens the tagger may not
/// tag are O. `margins` gets, per token, how far the chosen tag's score is
/// above O's (integer score units of the model). With `outside_rules`,
/// only tokens outside the rules' mentions are scored, and the rules' tags
/// stand for the others (all the shipped combination needs, at a fraction
/// of the cost).
pub fn tag_sentence(
    model: &Model,
    toks: &[TokenInfo],
    flags: SentenceFlags,
    feats: &mut Vec<u64>,
    margins: &mut Vec<i32>,
    outside_rules: bool,
) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(toks.len());
    let mut scores = [0i32; N_TAGS];
    margins.clear();
    for i in 0..toks.len() {
        if !toks[i].taggable {
            tags.push(Tag::O);
            margins.push(0);
            continue;
        }
        let prev = if i > 0 { tags[i - 1] } else { Tag::O };
        if outside_rules && toks[i].rule != Tag::O {
            // Inside a rule mention: the rules' reading stands in.
            tags.push(toks[i].rule);
            margins.push(0);
            continue;
        }
        if outside_rules && prev == Tag::O && (!toks[i].upper_start || toks[i].function_word) {
            // Nothing the shipped combination keeps starts here.
            tags.push(Tag::O);
            margins.push(0);
            continue;
        }
        let prev2 = if i > 1 { tags[i - 2] } else { Tag::O };
        token_features(toks, i, prev, prev2, flags, feats);
        model.scores(feats, &mut scores);
        let best = crate::analysis::learn::perceptron::argmax(&scores, |c| {
            Tag::from_index(c).may_follow(prev)
        })
        .map_or(Tag::O, Tag::from_index);
        tags.push(best);
        margins.push(scores[best as usize] - scores[Tag::O as usize]);
    }
    tags
}

/// Where the tagger decides in the shipped recogniser, chosen by measuring
/// every combination (`crosscheck ner train --holdout 4 --mix ...`) on
/// held-back training documents and on GUM news (the rules' tuning set):
/// only adding person names the rules left out wins on both (person F1 on
/// the held-back documents .54 -> .63, on GUM news .772 -> .779), when
/// the tagger is sure (margin 5; 10 and more lose recall) and the name is
/// not one word the document also writes in lower case. Letting it
/// retype, re-cut or drop the rules' mentions lost on GUM news, and on the
/// held-back documents for location; organisations and locations stay the
/// rules' (see README, *Accuracy*). Retyping only the rules' shape-only
/// guesses (a capitalised pair with no cue) was measured per kind too:
/// to person it wins a little (held-back person .583 -> .590, GUM news
/// .796 -> .797); to organisation or location it is level or loses
/// (GUM news organisation .784 -> .783, MEANTIME location .824 -> .822).
pub const SHIPPED_MIX: Mix = Mix {
    retype: [false; 3],
    add: [true, false, false],
    drop: [false; 3],
    respan: [false; 3],
    retype_guesses: [true, false, false],
    add_margin: 5.0,
};

/// The rules' candidates with the tagger's reading applied where
/// [`SHIPPED_MIX`] lets it decide; values and knowledge-base names are
/// left as they are.
pub fn refine(
    doc: &sentences::DocInput,
    cands: Vec<Candidate>,
    model: &NerModel,
) -> Vec<Candidate> {
    let found = tagged_mentions(
        doc,
        &cands,
        model,
        SHIPPED_MIX.reads_rule_mentions(),
        SHIPPED_MIX.reads_guesses(),
    );
    combine(cands, found, &SHIPPED_MIX)
}

/// The tagger's mentions in a document, given the rules' candidates: over
/// every token (`everywhere`), or only outside the rules' mentions in the
/// sentences that have such a capitalised word.
pub fn tagged_mentions(
    doc: &sentences::DocInput,
    cands: &[Candidate],
    model: &NerModel,
    everywhere: bool,
    guesses: bool,
) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut feats = Vec::new();
    let mut margins = Vec::new();
    let scale = model.model.scale();
    let which = if everywhere {
        sentences::Which::All
    } else if guesses {
        sentences::Which::WithGapsOrGuesses
    } else {
        sentences::Which::WithGaps
    };
    sentences::for_each_sentence(doc, cands, which, |toks, flags| {
        let tags = tag_sentence(
            &model.model,
            toks,
            flags,
            &mut feats,
            &mut margins,
            !flags.inside_rules,
        );
        for (a, b, kind) in labels::spans(&tags) {
            // A name starts and ends with a capitalised word ("Chairman
            // of", "6" are pieces of something else).
            if !toks[a].upper_start || !toks[b - 1].upper_start {
                continue;
            }
            let c = Candidate::new(toks[a].start, toks[b - 1].end, kind, 0.8);
            if super::not_mentions::not_a_mention(doc.text, &c) {
                continue;
            }
            let margin = margins[a..b].iter().copied().min().unwrap_or(0) as f32 * scale;
            let lone_word = b - a == 1 && toks[a].doc_lower;
            found.push(Found {
                cand: c,
                margin,
                lone_word,
            });
        }
    });
    found
}

/// A mention the tagger read, with how sure it was.
#[derive(Clone, Debug)]
pub struct Found {
    pub cand: Candidate,
    /// The lowest margin of its tokens over O, in perceptron units.
    pub margin: f32,
    /// One ordinary English word, or one the document also writes in lower case.
    pub lone_word: bool,
}

/// Where the tagger decides, per kind (person, organisation, location):
/// `retype` a rule mention it reads with the same span; `add` mentions
/// the rules did not touch; `drop` rule mentions it sees nothing in;
/// `respan` rule mentions it reads with other bounds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mix {
    pub retype: [bool; 3],
    pub add: [bool; 3],
    pub drop: [bool; 3],
    pub respan: [bool; 3],
    /// Retype a rule mention typed by its shape alone (confidence at most
    /// [`GUESS_CONFIDENCE`]) to the tagger's kind, per the tagger's kind.
    pub retype_guesses: [bool; 3],
    /// Least margin over O (perceptron units) for a mention to be added.
    pub add_margin: f32,
}

/// The rules' confidence for a name typed by its shape alone ("a pair of
/// capitalised words with no cue is most often a person").
pub const GUESS_CONFIDENCE: f32 = 0.5;

impl Mix {
    /// Whether the combination reads the tagger inside the rules' own
    /// mentions (to retype, re-cut or drop them), or only outside them.
    pub const fn reads_rule_mentions(&self) -> bool {
        let mut k = 0;
        while k < 3 {
            if self.retype[k] || self.drop[k] || self.respan[k] {
                return true;
            }
            k += 1;
        }
        false
    }

    /// Whether the combination reads the sentences with guesses in full.
    pub const fn reads_guesses(&self) -> bool {
        self.retype_guesses[0] || self.retype_guesses[1] || self.retype_guesses[2]
    }

    /// Parse "add:per,retype:loc,drop:*,margin:2.5" (for measuring combinations).
    pub fn parse(s: &str) -> Mix {
        let mut m = Mix::default();
        for item in s.split(',').filter(|x| !x.is_empty()) {
            let (what, kinds) = item.split_once(':').unwrap_or((item, "*"));
            if what == "margin" {
                m.add_margin = kinds.parse().unwrap_or(0.0);
                continue;
            }
            let slots: &[usize] = match kinds {
                "per" => &[0],
                "org" => &[1],
                "loc" => &[2],
                _ => &[0, 1, 2],
            };
            for &k in slots {
                match what {
                    "retype" => m.retype[k] = true,
                    "add" => m.add[k] = true,
                    "drop" => m.drop[k] = true,
                    "respan" => m.respan[k] = true,
                    "guess" => m.retype_guesses[k] = true,
                    _ => {}
                }
            }
        }
        m
    }
}

fn slot(c: &Candidate) -> usize {
    features::kind_slot(c.kind).unwrap_or(0) as usize
}

/// Merge the tagger's mentions into the rules' candidates.
pub fn combine(cands: Vec<Candidate>, found: Vec<Found>, mix: &Mix) -> Vec<Candidate> {
    let lx = super::lexicon::Lexicon::get();
    let is_name = |c: &Candidate| features::kind_slot(c.kind).is_some() && c.kb.is_none();
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len() + found.len());
    let (names, rest): (Vec<Candidate>, Vec<Candidate>) = cands.into_iter().partition(is_name);
    out.extend(rest);
    let overlaps = |a: &Candidate, b: &Candidate| a.start < b.end && b.start < a.end;
    let found_c: Vec<&Candidate> = found.iter().map(|f| &f.cand).collect();
    for c in &names {
        let exact = found_c
            .iter()
            .find(|f| (f.start, f.end) == (c.start, c.end));
        let over = found_c.iter().find(|f| overlaps(f, c));
        if let Some(f) = exact {
            let mut c = c.clone();
            let guess = c.confidence <= GUESS_CONFIDENCE && mix.retype_guesses[slot(f)];
            if (mix.retype[slot(f)] || guess) && c.kind != f.kind {
                c.kind = f.kind;
                if c.gaz.is_some_and(|g| lx.entry(g).kind != f.kind) {
                    c.gaz = None;
                }
                c.contextual = false;
            }
            out.push(c);
        } else if over.is_some_and(|f| mix.respan[slot(f)]) {
            // replaced by the tagger's reading below
        } else if over.is_none() && mix.drop[slot(c)] {
            // the tagger sees no name here
        } else {
            out.push(c.clone());
        }
    }
    for Found {
        cand: f,
        margin,
        lone_word,
    } in found
    {
        let over = names.iter().filter(|c| overlaps(&f, c)).count();
        if names.iter().any(|c| (c.start, c.end) == (f.start, f.end)) {
            continue;
        }
        let add = over == 0 && mix.add[slot(&f)] && margin >= mix.add_margin && !lone_word;
        if add || (over > 0 && mix.respan[slot(&f)]) {
            out.push(f);
        }
    }
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    // Non-overlapping, first (longest) kept.
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|k| c.start < k.end) {
            continue;
        }
        kept.push(c);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::EntityKind;

    fn found(start: usize, end: usize, margin: f32, lone_word: bool) -> Found {
        Found {
            cand: Candidate::new(start, end, EntityKind::Person, 0.8),
            margin,
            lone_word,
        }
    }

    #[test]
    fn the_shipped_mix_adds_only_sure_well_formed_persons() {
        let rules = vec![
            Candidate::new(0, 5, EntityKind::Location, 0.9),
            Candidate::new(10, 14, EntityKind::Date, 0.9),
        ];
        let tagger = vec![
            found(0, 5, 50.0, false),   // the rules' own mention: kept as theirs
            found(20, 26, 50.0, false), // sure: added
            found(30, 36, 1.0, false),  // unsure: not added
            found(40, 46, 50.0, true),  // a lone ordinary word: not added
        ];
        let out = combine(rules, tagger, &SHIPPED_MIX);
        let got: Vec<(usize, usize, EntityKind)> =
            out.iter().map(|c| (c.start, c.end, c.kind)).collect();
        assert_eq!(
            got,
            vec![
                (0, 5, EntityKind::Location),
                (10, 14, EntityKind::Date),
                (20, 26, EntityKind::Person)
            ]
        );
    }

    #[test]
    fn mixes_parse() {
        let m = Mix::parse("add:per,retype:loc,drop:*,margin:2.5");
        assert_eq!(m.add, [true, false, false]);
        assert_eq!(m.retype, [false, false, true]);
        assert_eq!(m.drop, [true; 3]);
        assert_eq!(m.add_margin, 2.5);
        assert_eq!(Mix::parse(""), Mix::default());
    }

    #[test]
    fn shipped_weights_load_and_bad_bytes_are_errors() {
        let m = NerModel::from_bytes(embedded_bytes()).expect("built-in weights");
        assert!(m.about.contains("GUM"));
        assert!(m.model.n_features() > 1000);
        assert_eq!(NerModel::from_bytes(&m.to_bytes()), Ok(m.clone()));
        let mut bytes = embedded_bytes().to_vec();
        let k = bytes.len() / 2;
        bytes[k] ^= 1;
        assert!(NerModel::from_bytes(&bytes).is_err());
        assert!(NerModel::from_bytes(&[]).is_err());
    }
}
