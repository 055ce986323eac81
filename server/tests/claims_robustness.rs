//! The claim layer never panics and keeps its ranges on character
//! boundaries, whatever the text (multi-byte punctuation, CRLF, odd dates).
use proptest::prelude::*;
use std::sync::Arc;

use crosscheck::analysis::AnalysisHost;
use crosscheck::config::Config;
use crosscheck::ide::{claim_hover, code_lens, diagnostics};

fn words() -> impl Strategy<Value = String> {
    let w = prop::sample::select(vec![
        "NATO",
        "Reuters",
        "said",
        "according to",
        "sources",
        "the agency",
        "Jens Stoltenberg",
        "Secretary General",
        "then-NATO",
        "may",
        "32 members",
        "nearly 50 countries",
        "04/02/2024",
        "December 17",
        "in 2019",
        "Wiesbaden",
        "headquartered in",
        "summit",
        "on 9 July 2024",
        "é",
        "“quoted”",
        "—",
        "’s",
        "Kyiv",
        ",",
        ".",
        "?",
        "\r\n",
        "\n\n",
        "citing",
        "This was reported by",
        "Błaszczak",
        "€40 billion",
        "about",
        "Before that,",
        "summit will be held in",
        "Brussels",
    ]);
    prop::collection::vec(w, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn pipeline_never_panics_and_ranges_are_char_boundaries(a in words(), b in words()) {
        let mut host = AnalysisHost::new(Some("/mem".into()));
        host.set_file("/mem/a.txt".into(), Arc::from(a.as_str()));
        host.set_file("/mem/b.txt".into(), Arc::from(b.as_str()));
        let snap = host.snapshot();
        for f in 0..snap.files.len() as u32 {
            let text = &snap.file(f).text;
            for d in diagnostics::compute(&snap, &Config::default(), f) {
                prop_assert!(d.start <= d.end && d.end <= text.len());
                prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
                for r in &d.related {
                    let t = &snap.file(r.file).text;
                    prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                }
            }
            for off in (0..=text.len()).filter(|&o| text.is_char_boundary(o)).step_by(7) {
                let _ = claim_hover::hover(&snap, f, off);
            }
            let _ = code_lens::file_lens(&snap, f);
        }
    }
}
