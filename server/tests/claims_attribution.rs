//! Attribution and hedges on `tests/corpora/attribution-scope/`: unnamed
//! institutional sources are anonymous, sources in unusual word order or
//! with a typo are found (so the claim is not "unverified"), and a hedge
//! counts only where it scopes over the claim.
mod common;

use common::*;

const DIR: &str = "tests/corpora/attribution-scope";

/// The claim of each body paragraph of a file, in order.
fn claims_of(snap: &crosscheck::analysis::Snapshot, prefix: &str) -> Vec<usize> {
    let f = file(snap, prefix);
    let text = &snap.file(f).text;
    let fc = &snap.claims().files[f as usize];
    text.split("\n\n")
        .skip(1)
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let at = text.find(p.trim()).unwrap();
            fc.claim_at(at)
                .unwrap_or_else(|| panic!("{prefix}: no claim at {p:?}"))
        })
        .collect()
}

#[test]
fn unnamed_institutional_sources_are_anonymous() {
    let snap = load(DIR);
    let f = file(&snap, "anonymous_institutional");
    let fc = &snap.claims().files[f as usize];
    let text = &snap.file(f).text;
    for c in claims_of(&snap, "anonymous_institutional") {
        let claim = &fc.claims[c];
        assert!(
            fc.anonymous_only(claim),
            "{}: {:?}",
            &text[claim.start..claim.end],
            fc.chain(claim)
        );
    }
    let ds = diags(&snap, f);
    // An unnamed spokesperson is anonymous even for a named body ("a NATO
    // spokesperson"), as "a company representative" is.
    assert_eq!(with_code(&ds, "anonymous-source").len(), 10, "{ds:#?}");
    assert!(with_code(&ds, "unverified-claim").is_empty(), "{ds:#?}");
}

#[test]
fn sources_in_any_word_order_are_found() {
    let snap = load(DIR);
    let f = file(&snap, "named_sources");
    let fc = &snap.claims().files[f as usize];
    let text = &snap.file(f).text;
    for c in claims_of(&snap, "named_sources") {
        let claim = &fc.claims[c];
        let chain = fc.chain(claim);
        assert!(
            !chain.is_empty() && !fc.anonymous_only(claim),
            "{}: {chain:?}",
            &text[claim.start..claim.end]
        );
    }
    let ds = diags(&snap, f);
    assert!(with_code(&ds, "unverified-claim").is_empty(), "{ds:#?}");
    assert!(with_code(&ds, "anonymous-source").is_empty(), "{ds:#?}");
}

#[test]
fn hedges_count_only_over_the_main_predicate() {
    let snap = load(DIR);
    let f = file(&snap, "hedge_scope");
    let text = &snap.file(f).text;
    let ds = diags(&snap, f);
    let hedged: Vec<&str> = with_code(&ds, "hedged-claim")
        .iter()
        .map(|d| &text[d.start..d.end])
        .collect();
    // "may have killed 20" and the quoted speech itself are hedged; a
    // relative clause, a quotation inside a clause, "could not be
    // reached" and "that is expected to" are not.
    assert_eq!(hedged, vec!["may", "may"], "{ds:#?}");
    let lines: Vec<usize> = with_code(&ds, "hedged-claim")
        .iter()
        .map(|d| text[..d.start].matches('\n').count())
        .collect();
    assert_eq!(lines, vec![2, 12], "{ds:#?}");
}
