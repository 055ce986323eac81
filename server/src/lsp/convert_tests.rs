//! Position conversion and rope-edit properties.
use super::*;
use crate::lsp::documents::Document;
use proptest::prelude::*;
use tower_lsp::ls_types::TextDocumentContentChangeEvent;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// Pieces that stress line breaks and code-unit widths.
const PIECES: &[&str] = &[
    "a",
    "Kyiv",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{85}",
    "😀",
    "e\u{301}",
    "¿Qué hace él?",
    "Błaszczak",
    "\t",
    "👩‍👩‍👧",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Char boundaries of `s`, except the one between `\r` and `\n`: LSP has no
/// position there (it is inside a line terminator).
fn boundaries(s: &str) -> Vec<usize> {
    (0..=s.len())
        .filter(|&i| s.is_char_boundary(i))
        .filter(|&i| {
            !(i > 0 && s.as_bytes()[i - 1] == b'\r' && s.as_bytes().get(i) == Some(&b'\n'))
        })
        .collect()
}

proptest! {
    #[test]
    fn line_index_positions_equal_rope_positions(text in text_strategy()) {
        let rope = Rope::from_str(&text);
        let ix = LineIndex::of(&text);
        for enc in ENCODINGS {
            for off in 0..=text.len() {
                prop_assert_eq!(
                    offset_to_position_indexed(&text, &ix, off, enc),
                    offset_to_position(&rope, off, enc),
                    "{:?} at {}", enc, off
                );
            }
        }
    }

    #[test]
    fn offsets_round_trip(text in text_strategy()) {
        let rope = Rope::from_str(&text);
        for enc in ENCODINGS {
            for off in boundaries(&text) {
                let pos = offset_to_position(&rope, off, enc);
                prop_assert_eq!(position_to_offset(&rope, pos, enc), Some(off), "{:?} {:?}", enc, pos);
            }
        }
    }

    #[test]
    fn any_position_lands_on_a_boundary(text in text_strategy(), line in 0u32..50, col in 0u32..80) {
        let rope = Rope::from_str(&text);
        for enc in ENCODINGS {
            let off = position_to_offset_clamped(&rope, Position::new(line, col), enc);
            prop_assert!(off <= text.len());
            prop_assert!(text.is_char_boundary(off));
        }
    }

    #[test]
    fn rope_edits_equal_string_edits(
        text in text_strategy(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), text_strategy()), 1..8),
        enc_i in 0usize..3,
    ) {
        let enc = ENCODINGS[enc_i];
        let mut doc = Document::new("file:///t/a.txt", 0, &text);
        let mut expected = text.clone();
        for (i, (a, b, ins)) in edits.into_iter().enumerate() {
            let bs = boundaries(&expected);
            let (a, b) = (bs[a.index(bs.len())], bs[b.index(bs.len())]);
            let (a, b) = (a.min(b), a.max(b));
            let range = range_to_lsp(&doc.rope, a, b, enc);
            crate::lsp::documents::apply_changes(&mut doc, i as i32, &[TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: ins.clone() }], enc);
            expected.replace_range(a..b, &ins);
            prop_assert_eq!(&*doc.text, expected.as_str());
        }
    }
}

#[test]
fn lines_break_only_at_lsp_terminators() {
    let rope = Rope::from_str("Kyiv\u{2028}Warsaw\u{85}Berlin\nParis\r\nRome\rOslo");
    assert_eq!(rope.len_lines(), 4);
    let t = "Kyiv\u{2028}Warsaw\u{85}Berlin\nParis\r\nRome\rOslo";
    let oslo = t.find("Oslo").unwrap();
    assert_eq!(
        offset_to_position(&rope, oslo, Encoding::Utf16),
        Position::new(3, 0)
    );
}

#[test]
fn columns_per_encoding() {
    let t = "¿Qué hace él? 😀 Błaszczak";
    let rope = Rope::from_str(t);
    let b = t.find("Błaszczak").unwrap();
    assert_eq!(
        offset_to_position(&rope, b, Encoding::Utf8).character,
        b as u32
    );
    assert_eq!(offset_to_position(&rope, b, Encoding::Utf16).character, 17);
    assert_eq!(offset_to_position(&rope, b, Encoding::Utf32).character, 16);
}

#[test]
fn past_end_columns_clamp_and_surrogates_snap() {
    let t = "a😀b\r\nsecond";
    let rope = Rope::from_str(t);
    // column 99 on line 0 -> end of "a😀b", before \r\n
    assert_eq!(
        position_to_offset(&rope, Position::new(0, 99), Encoding::Utf16),
        Some(6)
    );
    // utf-16 column 2 is inside the surrogate pair of 😀 -> its start
    assert_eq!(
        position_to_offset(&rope, Position::new(0, 2), Encoding::Utf16),
        Some(1)
    );
    // utf-8 column 3 is inside 😀 -> its start
    assert_eq!(
        position_to_offset(&rope, Position::new(0, 3), Encoding::Utf8),
        Some(1)
    );
    // a line past the end
    assert_eq!(
        position_to_offset(&rope, Position::new(5, 0), Encoding::Utf16),
        None
    );
    assert_eq!(
        position_to_offset_clamped(&rope, Position::new(5, 0), Encoding::Utf16),
        t.len()
    );
    // offsets past the end clamp too
    assert_eq!(
        offset_to_position(&rope, 10_000, Encoding::Utf16),
        Position::new(1, 6)
    );
}

#[test]
fn empty_text() {
    let rope = Rope::from_str("");
    for enc in ENCODINGS {
        assert_eq!(offset_to_position(&rope, 0, enc), Position::new(0, 0));
        assert_eq!(position_to_offset(&rope, Position::new(0, 0), enc), Some(0));
        assert_eq!(position_to_offset(&rope, Position::new(0, 7), enc), Some(0));
        assert_eq!(position_to_offset(&rope, Position::new(1, 0), enc), None);
    }
}

#[test]
fn five_megabyte_single_line() {
    let unit = "NATO é 😀 ";
    let t = unit.repeat(5 * 1024 * 1024 / unit.len());
    let rope = Rope::from_str(&t);
    let off = t.len() - unit.len();
    for enc in ENCODINGS {
        let pos = offset_to_position(&rope, off, enc);
        assert_eq!(pos.line, 0);
        assert_eq!(position_to_offset(&rope, pos, enc), Some(off));
    }
    let end = offset_to_position(&rope, t.len(), Encoding::Utf16);
    assert_eq!(end.character as usize, t.encode_utf16().count());
}

#[test]
fn negotiation() {
    use tower_lsp::ls_types::GeneralClientCapabilities;
    let caps = |v: Option<Vec<PositionEncodingKind>>| ClientCapabilities {
        general: Some(GeneralClientCapabilities {
            position_encodings: v,
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(negotiate(&ClientCapabilities::default()), Encoding::Utf16);
    assert_eq!(negotiate(&caps(None)), Encoding::Utf16);
    assert_eq!(
        negotiate(&caps(Some(vec![
            PositionEncodingKind::UTF16,
            PositionEncodingKind::UTF8
        ]))),
        Encoding::Utf8
    );
    assert_eq!(
        negotiate(&caps(Some(vec![PositionEncodingKind::UTF32]))),
        Encoding::Utf32
    );
    assert_eq!(
        negotiate(&caps(Some(vec![
            PositionEncodingKind::UTF32,
            PositionEncodingKind::UTF16
        ]))),
        Encoding::Utf16
    );
}

#[test]
fn uris_and_paths() {
    let uri: Uri = "file:///tmp/news/K%C3%BCrzel%20a.txt".parse().unwrap();
    assert_eq!(
        uri_to_path(&uri),
        Some(PathBuf::from("/tmp/news/Kürzel a.txt"))
    );
    let back = path_to_uri(Path::new("/tmp/news/Kürzel a.txt")).unwrap();
    assert_eq!(
        uri_to_path(&back),
        Some(PathBuf::from("/tmp/news/Kürzel a.txt"))
    );
    let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
    assert_eq!(uri_to_path(&untitled), None);
    let v = uri_to_doc_path(&untitled);
    assert!(v.starts_with(VIRTUAL_ROOT) && v.file_name().unwrap() == "untitled:Untitled-1");
    assert_eq!(
        uri_to_doc_path(&uri),
        PathBuf::from("/tmp/news/Kürzel a.txt")
    );
    let odd: Uri = "vscode-notebook-cell:/a/b.ipynb#x".parse().unwrap();
    assert_eq!(
        uri_to_doc_path(&odd).parent(),
        Some(Path::new(VIRTUAL_ROOT))
    );
}
