//! The syntax weight file: tagger, lemmatiser and parser in one checksummed
//! container (see `learn::container`), and its loading.
use super::labels::DepRel;
use super::lemma::Lemmatizer;
use super::parser::Parser;
use super::tagger::{TagDict, TagSet, Tagger};
use crate::analysis::learn::bytes::{ByteReader, ByteWriter, FormatError};
use crate::analysis::learn::container::{Container, ContainerWriter};
use crate::analysis::learn::perceptron::Model;

pub const MAGIC: [u8; 8] = *b"XCSYNTAX";
/// Bump on any change to features, sections or their encoding.
/// Version 2 added the tag lexicon (section "taglex", the family of words
/// seen fewer than twice, see `word_family`); version 1 files still load,
/// and tag as they did.
pub const VERSION: u32 = 2;
const OLDEST_VERSION: u32 = 1;

/// Everything `parse` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxModel {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// Dependency label of each label index.
    pub labels: Vec<DepRel>,
    /// Free text: how the model was trained and how it scored.
    pub about: String,
}

impl SyntaxModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        // Without a lexicon the file is a version 1 file, byte for byte.
        let with_lexicon = !self.tagger.dict.lexicon.is_empty();
        let version = if with_lexicon {
            VERSION
        } else {
            OLDEST_VERSION
        };
        let mut c = ContainerWriter::new(MAGIC, version);
        c.section("about", self.about.as_bytes().to_vec());
        let mut w = ByteWriter::new();
        self.tagger.tags.write(&mut w);
        c.section("tags", w.buf);
        let mut w = ByteWriter::new();
        self.tagger.dict.write(&mut w);
        c.section("tagdict", w.buf);
        if with_lexicon {
            let mut w = ByteWriter::new();
            self.tagger.dict.write_lexicon(&mut w);
            c.section("taglex", w.buf);
        }
        let mut w = ByteWriter::new();
        self.tagger.model().write(&mut w);
        c.section("tagger", w.buf);
        if let Some(m) = self.tagger.second() {
            let mut w = ByteWriter::new();
            m.write(&mut w);
            c.section("tagger2", w.buf);
        }
        let mut w = ByteWriter::new();
        let names: Vec<String> = self.labels.iter().map(|l| l.to_string()).collect();
        w.strs(&names);
        w.varint(self.parser.root() as u64);
        c.section("labels", w.buf);
        let mut w = ByteWriter::new();
        self.parser.model().write(&mut w);
        c.section("parser", w.buf);
        let mut w = ByteWriter::new();
        self.parser.arcs().write(&mut w);
        c.section("arcs", w.buf);
        let mut w = ByteWriter::new();
        self.lemmatizer.write(&mut w);
        c.section("lemma", w.buf);
        c.finish()
    }

    /// Load and validate a weight file.
    pub fn from_bytes(data: &[u8]) -> Result<SyntaxModel, FormatError> {
        let c = match Container::parse(data, MAGIC, VERSION, "crosscheck syntax") {
            Err(FormatError::Version { found, .. })
                if (OLDEST_VERSION..VERSION).contains(&found) =>
            {
                Container::parse(data, MAGIC, found, "crosscheck syntax")?
            }
            c => c?,
        };
        let invalid = |what: String| FormatError::Invalid { what };
        let about = String::from_utf8_lossy(c.section("about")?).into_owned();

        let mut r = ByteReader::new(c.section("tags")?);
        let tags = TagSet::read(&mut r)?;
        r.finish("tags")?;
        let mut r = ByteReader::new(c.section("tagdict")?);
        let mut dict = TagDict::read(&mut r, tags.len())?;
        r.finish("tagdict")?;
        if c.section_names().any(|n| n == "taglex") {
            let mut r = ByteReader::new(c.section("taglex")?);
            dict.read_lexicon(&mut r)?;
            r.finish("taglex")?;
        }
        let mut r = ByteReader::new(c.section("tagger")?);
        let tag_model = Model::read(&mut r)?;
        r.finish("tagger")?;
        if tag_model.n_classes() != tags.len() {
            return Err(invalid(format!(
                "tagger has {} classes for {} tags",
                tag_model.n_classes(),
                tags.len()
            )));
        }

        let second = if c.section_names().any(|n| n == "tagger2") {
            let mut r = ByteReader::new(c.section("tagger2")?);
            let m = Model::read(&mut r)?;
            r.finish("tagger2")?;
            if m.n_classes() != tags.len() {
                return Err(invalid(
                    "second tagger pass has the wrong class count".into(),
                ));
            }
            Some(m)
        } else {
            None
        };

        let mut r = ByteReader::new(c.section("labels")?);
        let names = r.strs("labels")?;
        let root = r.varint("root label")? as usize;
        r.finish("labels")?;
        let mut labels = Vec::with_capacity(names.len());
        for n in &names {
            labels.push(DepRel::parse(n).ok_or_else(|| invalid(format!("unknown label {n:?}")))?);
        }
        if labels.is_empty() || labels.len() > 1000 || root >= labels.len() {
            return Err(invalid("label set out of range".into()));
        }
        let mut r = ByteReader::new(c.section("parser")?);
        let parse_model = Model::read(&mut r)?;
        r.finish("parser")?;
        if parse_model.n_classes() != 1 + 2 * labels.len() {
            return Err(invalid(format!(
                "parser has {} classes for {} labels",
                parse_model.n_classes(),
                labels.len()
            )));
        }
        let mut r = ByteReader::new(c.section("arcs")?);
        let arcs = Model::read(&mut r)?;
        r.finish("arcs")?;
        if arcs.n_classes() != 3 {
            return Err(invalid(format!(
                "arc model has {} classes",
                arcs.n_classes()
            )));
        }
        let mut r = ByteReader::new(c.section("lemma")?);
        let lemmatizer = Lemmatizer::read(&mut r)?;
        r.finish("lemma")?;
        Ok(SyntaxModel {
            tagger: Tagger::new(tags, dict, tag_model, second),
            lemmatizer,
            parser: Parser::new(parse_model, arcs, labels.len(), root as u16),
            labels,
            about,
        })
    }
}
