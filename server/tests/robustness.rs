//! The analysis must never panic and must produce spans on character
//! boundaries, whatever the text: curly quotes, combining marks, emoji,
//! CR-only line ends, U+2028, very long lines.
use crosscheck::analysis::analyze_document;
use proptest::prelude::*;

fn check(text: &str) {
    let d = analyze_document(text);
    let mut prev_end = 0;
    for m in &d.mentions {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start >= prev_end, "overlapping mentions");
        prev_end = m.end;
        for r in &m.roles {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    for s in &d.structure.sentences {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

/// Pieces of news text and awkward characters, shuffled into documents.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NATO Secretary General Jens Stoltenberg said".to_string()),
        Just("then-NATO".to_string()),
        Just("n’t".to_string()),
        Just("Błaszczak’s".to_string()),
        Just("U.S.".to_string()),
        Just("(SAG-U)".to_string()),
        Just("\u{201c}Kyiv\u{201d}".to_string()),
        Just("04/02/2024, 23:30".to_string()),
        Just("nearly 50 countries".to_string()),
        Just("ex-".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{2028}".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(" and ".to_string()),
        Just(" of ".to_string()),
        "[A-Za-zÀ-ÿ’'\\-\\. ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn never_panics_and_spans_stay_on_boundaries(parts in prop::collection::vec(piece(), 0..40)) {
        let text: String = parts.join(" ");
        check(&text);
        let glued: String = parts.concat();
        check(&glued);
    }
}

#[test]
fn long_single_line_and_empty_text() {
    check("");
    check(" \n\r\n ");
    let line = "Jens Stoltenberg met Mark Rutte in Kyiv and they said nothing. ".repeat(20_000);
    check(&line);
}
