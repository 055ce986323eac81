//! Loading the weights once, parsing sentences on demand, caching results.
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use super::annotate::{annotate, Annotated};
use super::model::SyntaxModel;
use super::parse_cache::{Compact, ParseCache, TokenParts};
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
/// Bytes of compact parses each of the cache's two generations holds
/// (about 20,000 sentences of news; see [`ParseCache`]).
const CACHE_GENERATION_BYTES: usize = 16 << 20;

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

/// A parser with its weights (or the reason it has none) and a cache of
/// parses keyed by sentence text.
pub struct SentenceParser {
    model: Result<SyntaxModel, ModelError>,
    cache: Mutex<ParseCache>,
}

impl SentenceParser {
    pub fn new(model: Result<SyntaxModel, ModelError>) -> SentenceParser {
        SentenceParser::with_cache(model, CACHE_GENERATION_BYTES)
    }

    /// A parser whose cache's generations hold `bytes` each (tests).
    pub fn with_cache(model: Result<SyntaxModel, ModelError>, bytes: usize) -> SentenceParser {
        SentenceParser {
            model,
            cache: Mutex::new(ParseCache::new(bytes)),
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
    /// in another file) is a lookup while the sentence is among the
    /// recently used ones.
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
        {
            let mut cache = self.lock();
            if let Some(found) = cache.get(key, sentence) {
                return found.map(|c| c.unpack(model, sentence, start));
            }
        }
        let annotated = annotate_sentence(model, sentence);
        let compact = annotated.as_ref().map(|(spans, a)| pack(spans, a));
        let parse = match (&annotated, &compact) {
            (None, _) => None,
            (Some(_), Some(Some(c))) => Some(c.unpack(model, sentence, start)),
            // Too big to pack (not within the parser's limits): built as
            // is, and not kept.
            (Some((spans, a)), _) => Some(build(model, sentence, spans, a, start)),
        };
        match compact {
            None => self.lock().insert(key, sentence, None),
            Some(Some(c)) => self.lock().insert(key, sentence, Some(c)),
            Some(None) => {}
        }
        parse
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ParseCache> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Cached sentences (for tests and statistics).
    pub fn cached(&self) -> usize {
        self.lock().len()
    }

    /// Bytes the cache holds, and its hits and misses (statistics).
    pub fn cache_stats(&self) -> (usize, u64, u64) {
        let c = self.lock();
        let (hits, misses) = c.hits_and_misses();
        (c.bytes(), hits, misses)
    }
}

/// Tokenise, tag, lemmatise and parse one sentence: its token spans and
/// their analyses. `None` when it has no tokens or too many.
fn annotate_sentence(
    model: &SyntaxModel,
    sentence: &str,
) -> Option<(Vec<super::tokenize::Span>, Annotated)> {
    let spans = tokenize(sentence, 0, sentence.len());
    if spans.is_empty() || spans.len() > MAX_SENTENCE_TOKENS {
        return None;
    }
    let forms: Vec<&str> = spans.iter().map(|s| &sentence[s.start..s.end]).collect();
    let a = annotate(model, &forms)?;
    Some((spans, a))
}

/// The analyses packed for the cache; `None` when a field does not fit.
fn pack(spans: &[super::tokenize::Span], a: &Annotated) -> Option<Compact> {
    let n = spans.len();
    Compact::pack(spans.iter().enumerate().map(|(i, s)| TokenParts {
        start: s.start,
        end: s.end,
        tag: a.tags[i],
        label: a.labels[i] as usize,
        head: (a.heads[i] as usize != n).then_some(a.heads[i] as usize),
        lemma: &a.lemmas[i],
    }))
}

/// The parse of the analysed sentence, offsets moved by `base`.
fn build(
    model: &SyntaxModel,
    sentence: &str,
    spans: &[super::tokenize::Span],
    a: &Annotated,
    base: usize,
) -> Parse {
    let n = spans.len();
    let tags = &model.tagger.tags;
    let tokens = spans
        .iter()
        .enumerate()
        .map(|(i, s)| Token {
            start: base + s.start,
            end: base + s.end,
            form: sentence[s.start..s.end].to_owned(),
            upos: tags.upos[a.tags[i]],
            xpos: tags.xpos[a.tags[i]].clone(),
            lemma: a.lemmas[i].clone(),
            head: (a.heads[i] as usize != n).then_some(a.heads[i] as usize),
            deprel: model.labels[a.labels[i] as usize],
        })
        .collect();
    Parse::new(tokens)
}

/// Tokenise, tag, lemmatise and parse one sentence (offsets relative to it).
pub fn parse_uncached(model: &SyntaxModel, sentence: &str) -> Option<Parse> {
    let (spans, a) = annotate_sentence(model, sentence)?;
    Some(build(model, sentence, &spans, &a, 0))
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

/// The process-wide parser if something has used it (statistics that
/// should not load the weights).
pub fn loaded() -> Option<&'static SentenceParser> {
    GLOBAL.get()
}
