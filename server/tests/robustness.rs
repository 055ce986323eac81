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

/// (text, kind) of every name mention.
fn names(text: &str) -> Vec<(String, crosscheck::analysis::EntityKind)> {
    analyze_document(text)
        .mentions
        .iter()
        .filter(|m| m.kind.is_name())
        .map(|m| (m.text(text).to_string(), m.kind))
        .collect()
}

#[test]
fn all_caps_document_yields_known_names_only() {
    let t = "OFFICIALS IN KYIV SAID ON MONDAY THAT NATO WOULD MEET IN BRUSSELS.\n\n\
             THE MINISTER DECLINED TO COMMENT ON THE REPORT AND LEFT FOR WARSAW.\n";
    check(t);
    let n = names(t);
    for known in ["KYIV", "NATO", "BRUSSELS", "WARSAW"] {
        assert!(n.iter().any(|(s, _)| s == known), "{known}: {n:?}");
    }
    for word in ["OFFICIALS", "SAID", "THE MINISTER", "REPORT", "DECLINED"] {
        assert!(!n.iter().any(|(s, _)| s.contains(word)), "{word}: {n:?}");
    }
}

#[test]
fn text_without_capitals_yields_no_guessed_names() {
    let t = "officials in the capital said on monday that the alliance would meet again. \
             the minister declined to comment and left for the border.";
    check(t);
    assert!(names(t).is_empty(), "{:?}", names(t));
}

#[test]
fn a_two_megabyte_list_of_names() {
    let firsts = [
        "Anna", "Boris", "Chen", "Dmitri", "Elif", "Farid", "Greta", "Hiro",
    ];
    let lasts = [
        "Kowalski",
        "Okafor",
        "Lindqvist",
        "Moreau",
        "Tanaka",
        "Haddad",
    ];
    let mut t = String::new();
    let mut i = 0;
    while t.len() < 2_000_000 {
        t.push_str(firsts[i % firsts.len()]);
        t.push(' ');
        t.push_str(lasts[(i / 3) % lasts.len()]);
        t.push_str(if i % 7 == 6 { "\n" } else { ", " });
        i += 1;
    }
    check(&t);
    let d = analyze_document(&t);
    assert!(d.mentions.len() > 100, "a list of names yields names");
}

#[test]
fn a_name_with_twenty_parts_is_bounded() {
    let long: Vec<String> = (0..20).map(|i| format!("Zarqa{i}ville")).collect();
    let t = format!(
        "Officials said {} arrived in Paris on Monday. {} then left.",
        long.join(" "),
        long.join(" ")
    );
    check(&t);
    // Mentions stay inside the text and do not swallow the sentence.
    for (s, _) in names(&t) {
        assert!(!s.contains("arrived") && !s.contains("then left"), "{s}");
    }
}

#[test]
fn names_in_other_scripts_and_with_emoji() {
    let t = "Officials said Владимир Путин met Αλέξης Τσίπρας and محمد بن سلمان in Athens. \
             The singer Taylor 🎤 Swift and Zoë 🇫🇷 Dupont spoke to Reuters 📰 on Monday.";
    check(t);
    let n = names(t);
    assert!(n.iter().any(|(s, _)| s == "Athens"), "{n:?}");
    assert!(n.iter().any(|(s, _)| s == "Reuters"), "{n:?}");
    // An emoji ends a name: no mention holds one.
    assert!(
        !n.iter()
            .any(|(s, _)| s.chars().any(|c| c as u32 >= 0x1F000)),
        "{n:?}"
    );
}
