//! Open documents: the client owns their text. One `Rope` per document for
//! cheap incremental edits, plus a contiguous `Arc<str>` of the same
//! version for the analysis (regex and aho-corasick need a `&str`).
//!
//! No protocol types here: edits arrive as byte ranges (the LSP layer
//! converts positions against [`Document::rope`] first), and the URI is
//! kept as the client spelled it, as a string, to answer in its terms.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;

#[derive(Clone, Debug)]
pub struct Document {
    /// The URI exactly as the client spelled it.
    pub uri: String,
    pub version: i32,
    pub rope: Rope,
    pub text: Arc<str>,
    /// A background analysis of this buffer is running (see
    /// `engine::analysis`); requests wait for it to finish.
    pub analysing: bool,
}

impl Document {
    pub fn new(uri: impl Into<String>, version: i32, text: &str) -> Document {
        Document {
            uri: uri.into(),
            version,
            rope: Rope::from_str(text),
            text: Arc::from(text),
            analysing: false,
        }
    }

    /// Replace bytes `range` of the rope by `text` (`None`: the whole
    /// document). The range is clamped to the text and snapped down to
    /// character boundaries. Call [`Self::finish`] after the last edit of
    /// a batch.
    pub fn edit(&mut self, range: Option<(usize, usize)>, text: &str) {
        match range {
            None => self.rope = Rope::from_str(text),
            Some((a, b)) => {
                let len = self.rope.len_bytes();
                let (a, b) = (a.min(len), b.min(len));
                let (ca, cb) = (self.rope.byte_to_char(a), self.rope.byte_to_char(b));
                let (ca, cb) = (ca.min(cb), ca.max(cb));
                self.rope.remove(ca..cb);
                self.rope.insert(ca, text);
            }
        }
    }

    /// The edits of a batch are in: take `version` and refresh the
    /// contiguous text the analysis reads.
    pub fn finish(&mut self, version: i32) {
        self.version = version;
        self.text = Arc::from(self.rope.to_string());
    }
}

/// The open documents, keyed by file path (clients percent-encode URIs
/// differently; paths compare reliably).
#[derive(Default)]
pub struct Documents {
    docs: HashMap<PathBuf, Document>,
}

impl Documents {
    pub fn open(&mut self, path: PathBuf, doc: Document) {
        self.docs.insert(path, doc);
    }

    pub fn close(&mut self, path: &Path) -> Option<Document> {
        self.docs.remove(path)
    }

    pub fn get(&self, path: &Path) -> Option<&Document> {
        self.docs.get(path)
    }

    pub fn get_mut(&mut self, path: &Path) -> Option<&mut Document> {
        self.docs.get_mut(path)
    }

    pub fn is_open(&self, path: &Path) -> bool {
        self.docs.contains_key(path)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&PathBuf, &Document)> {
        self.docs.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_edits_clamp_and_replace() {
        let mut d = Document::new("file:///t/a.txt", 1, "Kiev is\nthe capital.");
        d.edit(Some((0, 4)), "Kyiv");
        d.edit(Some((99, 99)), "!");
        d.finish(2);
        assert_eq!(&*d.text, "Kyiv is\nthe capital.!");
        assert_eq!(d.version, 2);
        d.edit(None, "new");
        d.finish(3);
        assert_eq!(&*d.text, "new");
    }
}
