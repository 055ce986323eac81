//! Loading the weights once, parsing sentences on demand, caching results.
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use super::annotate::annotate;
use super::model::SyntaxModel;
use super::tokenize::tokenize;
use super::tree::{Parse, Token};
use crate::analysis::learn::bytes::FormatError;
use crate::analysis::learn::hash::hash_str;

/// Environment variable naming a weight file to use instead of the built-in
/// one (tests point it at missing or corrupt files).
pub const MODEL_ENV: &str = "CROSSCHECK_PARSER_MODEL";

/// The weights built into the binary (`server/data/models/syntax.xcm`).
static EMBEDDED: &[u8] = include_bytes!("../../../data/models/syntax.xcm");

/// Sentences longer than this many bytes are not parsed: real sentences are
/// far shorter (the longest in the training treebanks is under 800 bytes),
/// and a runaway "sentence" (a table, a list, a 5 MB paragraph without a
/// full stop) would only cost time for a meaningless tree.
pub const MAX_SENTENCE_BYTES: usize = 4000;
/// Sentences with more tokens than this are not parsed (the longest in the
/// training treebanks has 134).
pub const MAX_SENTENCE_TOKENS: usize = 200;
/// Cached parses kept before the cache is emptied.
const CACHE_CAPACITY: usize = 50_000;

/// Why the parser is unavailable.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// The file named by `CROSSCHECK_PARSER_MODEL` cannot be read.
    Unreadable { path: PathBuf, error: String },
    /// The weights are not a valid model for this build.
    Invalid { source: String, error: FormatError },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Unreadable { path, error } => write!(
                f,
                "parser weights {} cannot be read ({error}); set {MODEL_ENV} to a valid file or unset it to use the built-in weights",
                path.display()
            ),
            ModelError::Invalid { source, error } => {
                write!(f, "parser weights {source} are unusable: {error}")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// The built-in weight file's bytes.
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
}

/// Load weights from a file.
pub fn load_file(path: &Path) -> Result<SyntaxModel, ModelError> {
    let bytes = std::fs::read(path).map_err(|e| ModelError::Unreadable {
        path: path.to_owned(),
        error: e.to_string(),
    })?;
    SyntaxModel::from_bytes(&bytes).map_err(|error| ModelError::Invalid {
        source: path.display().to_string(),
        error,
    })
}

/// Load the built-in weights.
pub fn load_embedded() -> Result<SyntaxModel, ModelError> {
    SyntaxModel::from_bytes(EMBEDDED).map_err(|error| ModelError::Invalid {
        source: "built into this binary".into(),
        error,
    })
}

/// Load what `CROSSCHECK_PARSER_MODEL` names, else the built-in weights.
pub fn load_default() -> Result<SyntaxModel, ModelError> {
    match std::env::var_os(MODEL_ENV) {
        Some(p) if !p.is_empty() => load_file(Path::new(&p)),
        _ => load_embedded(),
    }
}

struct Cached {
    text: Box<str>,
    /// Offsets relative to the sentence start.
    parse: Option<Arc<Parse>>,
}

/// A parser with its weights (or the reason it has none) and a cache of
/// parses keyed by sentence text.
pub struct SentenceParser {
    model: Result<SyntaxModel, ModelError>,
    cache: Mutex<FxHashMap<u64, Cached>>,
}

impl SentenceParser {
    pub fn new(model: Result<SyntaxModel, ModelError>) -> SentenceParser {
        SentenceParser {
            model,
            cache: Mutex::new(FxHashMap::default()),
        }
    }

    /// The weights, or why there are none.
    pub fn model(&self) -> Result<&SyntaxModel, &ModelError> {
        self.model.as_ref()
    }

    /// Parse `text[start..end]` (one sentence), with offsets into `text`.
    ///
    /// `None` when the weights are unavailable, the range is not a valid
    /// `char`-boundary range of `text`, the sentence has no tokens, or it
    /// exceeds [`MAX_SENTENCE_BYTES`] / [`MAX_SENTENCE_TOKENS`]. Results are
    /// cached by sentence text, so asking again (or for the same sentence
    /// in another file) is a lookup.
    pub fn parse(&self, text: &str, start: usize, end: usize) -> Option<Parse> {
        let model = self.model.as_ref().ok()?;
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
            || end - start > MAX_SENTENCE_BYTES
        {
            return None;
        }
        let sentence = &text[start..end];
        let key = hash_str(sentence);
        let cached = {
            let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            cache
                .get(&key)
                .filter(|c| &*c.text == sentence)
                .map(|c| c.parse.clone())
        };
        let parse = match cached {
            Some(p) => p,
            None => {
                let p = parse_uncached(model, sentence).map(Arc::new);
                let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
                if cache.len() >= CACHE_CAPACITY {
                    cache.clear();
                }
                cache.insert(
                    key,
                    Cached {
                        text: sentence.into(),
                        parse: p.clone(),
                    },
                );
                p
            }
        }?;
        let mut out = (*parse).clone();
        for t in &mut out.tokens {
            t.start += start;
            t.end += start;
        }
        Some(out)
    }

    /// Cached sentences (for tests and statistics).
    pub fn cached(&self) -> usize {
        self.cache.lock().map(|c| c.len()).unwrap_or(0)
    }
}

/// Tokenise, tag, lemmatise and parse one sentence (offsets relative to it).
pub fn parse_uncached(model: &SyntaxModel, sentence: &str) -> Option<Parse> {
    let spans = tokenize(sentence, 0, sentence.len());
    if spans.is_empty() || spans.len() > MAX_SENTENCE_TOKENS {
        return None;
    }
    let forms: Vec<&str> = spans.iter().map(|s| &sentence[s.start..s.end]).collect();
    let a = annotate(model, &forms)?;
    let n = forms.len();
    let tags = &model.tagger.tags;
    let tokens = spans
        .iter()
        .enumerate()
        .map(|(i, s)| Token {
            start: s.start,
            end: s.end,
            form: forms[i].to_owned(),
            upos: tags.upos[a.tags[i]],
            xpos: tags.xpos[a.tags[i]].clone(),
            lemma: a.lemmas[i].clone(),
            head: (a.heads[i] as usize != n).then_some(a.heads[i] as usize),
            deprel: model.labels[a.labels[i] as usize],
        })
        .collect();
    Some(Parse::new(tokens))
}

static GLOBAL: OnceLock<SentenceParser> = OnceLock::new();

/// The process-wide parser: weights from `CROSSCHECK_PARSER_MODEL` or the
/// built-in ones, loaded and validated at first use. A failure is logged
/// once as a warning; from then on `parse` returns `None`.
pub fn global() -> &'static SentenceParser {
    GLOBAL.get_or_init(|| {
        let model = load_default();
        if let Err(e) = &model {
            tracing::warn!(
                "{e}; sentence structure is unavailable, claims fall back to word rules"
            );
        }
        SentenceParser::new(model)
    })
}
