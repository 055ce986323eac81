//! Open documents: the client owns their text. One `Rope` per document for
//! cheap incremental edits and position conversion, plus a contiguous
//! `Arc<str>` of the same version for the analysis (regex and aho-corasick
//! need a `&str`).
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::{range_from_lsp, Encoding};

#[derive(Clone, Debug)]
pub struct Document {
    /// The URI exactly as the client spelled it, to answer in its terms.
    pub uri: Uri,
    pub version: i32,
    pub rope: Rope,
    pub text: Arc<str>,
    /// A background analysis of this buffer is running (see
    /// `lsp::analysis`); requests wait for it to finish.
    pub analysing: bool,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: &str) -> Document {
        Document {
            uri,
            version,
            rope: Rope::from_str(text),
            text: Arc::from(text),
            analysing: false,
        }
    }

    /// Apply one change: a ranged edit, or a full replacement when the
    /// change has no range. Ranges are clamped to the document.
    pub fn apply_change(&mut self, change: &TextDocumentContentChangeEvent, enc: Encoding) {
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some(r) => {
                let (a, b) = range_from_lsp(&self.rope, r, enc);
                let (ca, cb) = (self.rope.byte_to_char(a), self.rope.byte_to_char(b));
                self.rope.remove(ca..cb);
                self.rope.insert(ca, &change.text);
            }
        }
    }

    /// Apply changes in order (each one's positions refer to the text left
    /// by the previous one), then refresh the contiguous text.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: Encoding,
    ) {
        for c in changes {
            self.apply_change(c, enc);
        }
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
    use tower_lsp::ls_types::{Position, Range};

    fn change(r: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: r.map(|(a, b)| Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn changes_apply_in_order_and_full_replace() {
        let uri: Uri = "file:///t/a.txt".parse().unwrap();
        let mut d = Document::new(uri, 1, "Kiev is\nthe capital.");
        d.apply_changes(
            2,
            &[
                change(Some(((0, 0), (0, 4))), "Kyiv"),
                // refers to the text after the first change
                change(Some(((1, 4), (1, 11))), "capital city"),
                // past-end columns clamp
                change(Some(((0, 99), (0, 99))), "!"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(&*d.text, "Kyiv is!\nthe capital city.");
        assert_eq!(d.version, 2);
        d.apply_changes(3, &[change(None, "new")], Encoding::Utf16);
        assert_eq!(&*d.text, "new");
    }

    #[test]
    fn utf16_edits_after_astral_chars() {
        let uri: Uri = "file:///t/a.txt".parse().unwrap();
        let mut d = Document::new(uri.clone(), 1, "😀 Kiev");
        // 😀 is two UTF-16 units: "Kiev" starts at column 3
        d.apply_changes(
            2,
            &[change(Some(((0, 3), (0, 7))), "Kyiv")],
            Encoding::Utf16,
        );
        assert_eq!(&*d.text, "😀 Kyiv");
        let mut d = Document::new(uri, 1, "😀 Kiev");
        d.apply_changes(2, &[change(Some(((0, 5), (0, 9))), "Kyiv")], Encoding::Utf8);
        assert_eq!(&*d.text, "😀 Kyiv");
    }
}
