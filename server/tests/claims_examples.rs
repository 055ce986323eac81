//! Claims on the real scraped articles in `examples/nato-ukraine`:
//! attribution as a reader reads it, the ambiguous dateline, corroboration
//! across outlets, and no false conflicts.
mod common;

use common::*;
use crosscheck::analysis::claims::{Scope, SourceKind};
use crosscheck::ide::{claim_hover, code_lens};

const DIR: &str = "examples/nato-ukraine";

#[test]
fn handelsblatt_claims_carry_the_anonymous_diplomatic_sources() {
    let snap = load(DIR);
    let f = file(&snap, "000_");
    let fc = &snap.claims().files[f as usize];
    let carrying: Vec<_> = fc
        .claims
        .iter()
        .filter(|c| {
            fc.chain(c).iter().any(|s| {
                s.kind == SourceKind::Anonymous
                    && s.text == "sources in diplomatic and political circles"
            })
        })
        .collect();
    assert!(carrying.len() >= 3, "{:#?}", fc.claims);
    // The opening claim is among them, relayed by Handelsblatt.
    let c = claim_with(&snap, f, "NATO is considering taking over");
    assert_eq!(chain_names(&snap, f, c)[0], "Handelsblatt");
    assert!(fc.anonymous_only(&fc.claims[c]));
    assert!(fc.outlets.contains(&"Handelsblatt".to_string()));
}

#[test]
fn reuters_file_claims_are_attributed_to_reuters() {
    let snap = load(DIR);
    let f = file(&snap, "004_");
    let fc = &snap.claims().files[f as usize];
    assert!(fc.claims.len() >= 10);
    for c in &fc.claims {
        if c.level != Some(Scope::Sentence) {
            let names: Vec<&str> = fc.chain(c).iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names.first(), Some(&"Reuters"), "{names:?}");
        }
    }
    let c = claim_with(&snap, f, "NATO has taken on the coordination");
    assert_eq!(chain_names(&snap, f, c)[0], "Reuters");
    // "The agency reminded that Trump, who will take office in January
    // 2025, has stated that ...": Reuters relays what Trump stated.
    let c = claim_with(&snap, f, "The agency reminded");
    assert_eq!(chain_names(&snap, f, c), vec!["Reuters", "Trump"]);
    // The publication date: the dated report, year from the other dates.
    let d = fc.date.date.as_ref().unwrap();
    assert_eq!((d.lo.y, d.lo.m, d.lo.d), (2024, 12, 17));
}

#[test]
fn bloomberg_file_dateline_is_ambiguous() {
    let snap = load(DIR);
    let f = file(&snap, "001_");
    let ds = diags(&snap, f);
    let a = with_code(&ds, "ambiguous-date");
    assert_eq!(a.len(), 1, "{ds:#?}");
    assert!(snap.file(f).text[a[0].start..a[0].end].starts_with("04/02/2024"));
    assert!(
        a[0].message.contains("4 February 2024") && a[0].message.contains("2 April 2024"),
        "{}",
        a[0].message
    );
    let d = snap.claims().files[f as usize].date.date.as_ref().unwrap();
    assert_eq!(d.confidence.as_str(), "low");
    let c = claim_with(&snap, f, "According to the agency");
    assert_eq!(chain_names(&snap, f, c), vec!["Bloomberg"]);
}

#[test]
fn no_conflicting_claim_anywhere() {
    let snap = load(DIR);
    let all = all_diags(&snap);
    let conflicts: Vec<_> = all
        .iter()
        .filter(|(_, d)| d.code == "conflicting-claim")
        .collect();
    assert!(conflicts.is_empty(), "{conflicts:#?}");
}

#[test]
fn corroboration_rests_on_facts_never_on_shared_words() {
    let snap = load(DIR);
    // The takeover is reported in similar words in four files, but states
    // no fact frame (no amount, date, place or role): shared words alone
    // never corroborate.
    let f = file(&snap, "003_");
    let text = &snap.file(f).text;
    let at = text
        .find("NATO will assume responsibility for coordinating the supply of weapons")
        .unwrap();
    let h = claim_hover::hover(&snap, f, at).unwrap();
    assert!(!h.markdown.contains("Corroborated by"), "{}", h.markdown);
    // Attributed through the document's "This was stated by ... Voice of America reports".
    assert!(h.markdown.contains("Voice of America"), "{}", h.markdown);
    // Where the new NATO headquarters is: Wiesbaden, in 002 and in 004.
    let f = file(&snap, "002_");
    let text = &snap.file(f).text;
    let at = text.find("a new NATO headquarters in Wiesbaden").unwrap();
    let h = claim_hover::hover(&snap, f, at).unwrap();
    assert!(h.markdown.contains("Corroborated by"), "{}", h.markdown);
    assert!(h.markdown.contains("004_"), "{}", h.markdown);
}

#[test]
fn lens_lists_the_outlets_relied_on() {
    let snap = load(DIR);
    let l = code_lens::file_lens(&snap, file(&snap, "004_"));
    assert_eq!(l.outlets, vec!["Reuters"]);
    assert!(l.title.contains("relies on Reuters"), "{}", l.title);
    let l = code_lens::file_lens(&snap, file(&snap, "002_"));
    assert!(l.outlets.iter().any(|o| o == "Eviralnews"));
}
