//! Protocol edits onto the engine's open documents: LSP ranges are turned
//! into byte ranges against the document's rope, one change at a time
//! (each change's positions refer to the text left by the previous one).
use tower_lsp::ls_types::TextDocumentContentChangeEvent;

use super::convert::{range_from_lsp, Encoding};
pub use crate::engine::documents::{Document, Documents};

/// Apply `changes` in order, then take `version`.
pub fn apply_changes(
    doc: &mut Document,
    version: i32,
    changes: &[TextDocumentContentChangeEvent],
    enc: Encoding,
) {
    for c in changes {
        let range = c.range.map(|r| range_from_lsp(&doc.rope, r, enc));
        doc.edit(range, &c.text);
    }
    doc.finish(version);
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
        let mut d = Document::new("file:///t/a.txt", 1, "Kiev is\nthe capital.");
        apply_changes(
            &mut d,
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
        apply_changes(&mut d, 3, &[change(None, "new")], Encoding::Utf16);
        assert_eq!(&*d.text, "new");
    }

    #[test]
    fn utf16_edits_after_astral_chars() {
        let mut d = Document::new("file:///t/a.txt", 1, "😀 Kiev");
        // 😀 is two UTF-16 units: "Kiev" starts at column 3
        apply_changes(
            &mut d,
            2,
            &[change(Some(((0, 3), (0, 7))), "Kyiv")],
            Encoding::Utf16,
        );
        assert_eq!(&*d.text, "😀 Kyiv");
        let mut d = Document::new("file:///t/a.txt", 1, "😀 Kiev");
        apply_changes(
            &mut d,
            2,
            &[change(Some(((0, 5), (0, 9))), "Kyiv")],
            Encoding::Utf8,
        );
        assert_eq!(&*d.text, "😀 Kyiv");
    }
}
