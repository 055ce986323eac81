//! A hover inside a claim right after an edit elsewhere in the file
//! answers from the previous claims index, without building the new one,
//! and says what the new index would say.
use std::path::PathBuf;
use std::sync::Arc;

use super::hover;
use crate::analysis::AnalysisHost;

const A: &str = "KYIV, June 3, 2024 (Reuters) - Officials said 40 people died in the attack \
on Monday, according to police.\n\nThe weather was calm in the afternoon.\n\nDefence Minister \
Oleh Marchenko said 25 were wounded.\n";
const B: &str = "KYIV, June 3, 2024 (AP) - Officials said 40 people died in the attack on \
Monday, according to police.\n\nDefence Minister Oleh Marchenko said 31 were wounded.\n";
const C: &str = "KYIV, June 3, 2024 (AFP) - Police said 52 people died in the attack on \
Monday.\n";

fn host() -> AnalysisHost {
    let mut host = AnalysisHost::new(Some("/mem".into()));
    host.set_file("/mem/a.txt".into(), Arc::from(A));
    host.set_file("/mem/b.txt".into(), Arc::from(B));
    host.set_file("/mem/c.txt".into(), Arc::from(C));
    host
}

/// Every claim hover of `a.txt` in `text`, by claim start.
fn hovers(snap: &crate::analysis::Snapshot, text: &str) -> Vec<String> {
    let f = snap.file_id(&PathBuf::from("/mem/a.txt")).unwrap();
    let own = snap.file(f).claims(&snap.claim_settings);
    own.claims
        .iter()
        .filter(|c| !text[c.start..c.end].contains("calm"))
        .filter_map(|c| hover(snap, f, c.start + 1))
        .map(|h| format!("{}..{}\n{}", h.start, h.end, h.markdown))
        .collect()
}

#[test]
fn an_edit_elsewhere_answers_from_the_previous_index() {
    let mut host = host();
    let before = host.snapshot();
    before.claims(); // built, as the diagnostics build it
    drop(before);
    // Typing in the sentence that states no fact: offsets after it move.
    let edited = A.replace("was calm", "was very calm");
    host.set_file("/mem/a.txt".into(), Arc::from(edited.as_str()));
    let snap = host.snapshot();
    let quick = hovers(&snap, &edited);
    assert!(
        !snap.claims_ready(),
        "the hover built the claims index instead of reading the previous one"
    );
    assert!(
        quick.iter().any(|h| h.contains("Corroborated by")),
        "{quick:#?}"
    );
    assert!(
        quick.iter().any(|h| h.contains("Contradicted by")),
        "{quick:#?}"
    );
    // What a snapshot made from scratch says, its index built.
    let mut fresh = AnalysisHost::new(Some("/mem".into()));
    fresh.set_file("/mem/a.txt".into(), Arc::from(edited.as_str()));
    fresh.set_file("/mem/b.txt".into(), Arc::from(B));
    fresh.set_file("/mem/c.txt".into(), Arc::from(C));
    let fresh = fresh.snapshot();
    fresh.claims();
    assert_eq!(quick, hovers(&fresh, &edited));
}

#[test]
fn an_edited_claim_waits_for_the_new_index() {
    let mut host = host();
    host.snapshot().claims();
    let edited = A.replace("25 were wounded", "31 were wounded");
    host.set_file("/mem/a.txt".into(), Arc::from(edited.as_str()));
    let snap = host.snapshot();
    let hs = hovers(&snap, &edited);
    assert!(
        snap.claims_ready(),
        "the edited sentence needs the new index"
    );
    let wounded: Vec<&String> = hs.iter().filter(|h| h.contains("31")).collect();
    assert!(
        wounded.iter().all(|h| !h.contains("Contradicted by")),
        "{wounded:#?}"
    );
}

#[test]
fn another_file_changed_since_the_previous_index_is_not_served_from_it() {
    let mut host = host();
    host.snapshot().claims();
    host.set_file(
        "/mem/a.txt".into(),
        Arc::from(A.replace("was calm", "was still")),
    );
    host.set_file("/mem/b.txt".into(), Arc::from(B.replace("31", "25")));
    let snap = host.snapshot();
    let f = snap.file_id(&PathBuf::from("/mem/a.txt")).unwrap();
    assert!(snap.previous_claims(f).is_none());
}
