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

/// A 10,000-word sentence full of sources, hedges, dates and amounts, and a
/// page full of ambiguous dates and bylines: read to the end, with bounded
/// sources per sentence (the time it takes is a benchmark matter; in a
/// release build a 5 MB single paragraph of this takes seconds).
#[test]
fn one_huge_sentence_of_every_construct_is_read() {
    let parts = [
        "NATO may send 40 tanks to Ukraine on Monday 12 November,",
        "according the CEO,",
        "officials said",
        "actions that may impact Kyiv",
        "at least 12 people were killed",
        "US$334 million in cash and stock",
        "32/13/2024",
        "February 30, 2024",
        "last Tuesday",
        "hundreds of people",
        "state media said",
        "it was said that",
        "04/02/2024",
        "Posted: May 2, 2019 | 5:03pm",
    ];
    let mut words = Vec::new();
    let mut k = 0usize;
    while words.len() < 10_000 {
        words.push(parts[k % parts.len()]);
        k = (k * 7 + 3) % 1_000_003;
    }
    let long_number = "9".repeat(400);
    words.push(&long_number);
    let text = format!("Headline 14/05/2019, 10:00\n\n{}.\n", words.join(" "));
    let mut host = AnalysisHost::new(Some("/mem".into()));
    host.set_file("/mem/a.txt".into(), Arc::from(text.as_str()));
    let snap = host.snapshot();
    let fc = &snap.claims().files[0];
    assert!(fc.attributions.iter().all(|a| a.chain.len() <= 32));
    assert!(fc.claims.iter().any(|c| !c.hedges.is_empty()));
    let d = fc.date.date.as_ref().expect("the dateline");
    assert_eq!((d.lo.y, d.lo.m, d.lo.d), (2019, 5, 14));
    let _ = diagnostics::compute(&snap, &Config::default(), 0);
}
