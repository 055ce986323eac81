//! The folder-level pass: a name written in full in one file decides its
//! short form in another; an edit elsewhere re-analyses only the files
//! whose view of the folder changed; removing the full name undoes it.
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::{AnalysisHost, EntityKind};

fn kind_of(host: &mut AnalysisHost, file: &str, word: &str) -> Option<EntityKind> {
    let s = host.snapshot();
    let f = s.files.iter().find(|f| f.rel_path == file)?;
    f.doc
        .mentions
        .iter()
        .find(|m| m.text(&f.text) == word)
        .map(|m| m.kind)
}

const A: &str = "The ferry operator Kestrelline will close, its owner Oswin Tallowby said.";
const B: &str = "Unions asked for talks, but Tallowby would not meet them on Monday.";
const C: &str = "Port officials expect two bids for the route next year.";

fn host() -> AnalysisHost {
    let mut h = AnalysisHost::new(Some(PathBuf::from("/w")));
    h.set_files(vec![
        (PathBuf::from("/w/a.txt"), Arc::from(A)),
        (PathBuf::from("/w/b.txt"), Arc::from(B)),
        (PathBuf::from("/w/c.txt"), Arc::from(C)),
    ]);
    h
}

#[test]
fn a_full_name_in_one_file_types_the_surname_in_another() {
    let mut h = host();
    assert_eq!(
        kind_of(&mut h, "b.txt", "Tallowby"),
        Some(EntityKind::Person)
    );
    // Alone, b.txt cannot tell: "Tallowby" has no cue there.
    let mut alone = AnalysisHost::new(Some(PathBuf::from("/w")));
    alone.set_files(vec![(PathBuf::from("/w/b.txt"), Arc::from(B))]);
    assert_eq!(kind_of(&mut alone, "b.txt", "Tallowby"), None);
}

#[test]
fn edits_reanalyse_only_files_whose_view_changed() {
    let mut h = host();
    h.snapshot();
    // An edit in c.txt that changes nothing any other file left open.
    h.set_file(
        PathBuf::from("/w/c.txt"),
        Arc::from("Port officials expect three bids for the route next year."),
    );
    assert_eq!(h.refresh_folder(), 0, "no other file needs analysing again");
    // The full name goes from a.txt: b.txt's view changes, b.txt alone is
    // analysed again, and "Tallowby" is no longer a known person there.
    h.set_file(
        PathBuf::from("/w/a.txt"),
        Arc::from("The ferry operator Kestrelline will close, its owner said."),
    );
    assert_eq!(h.refresh_folder(), 1);
    assert_eq!(kind_of(&mut h, "b.txt", "Tallowby"), None);
    // And back.
    h.set_file(PathBuf::from("/w/a.txt"), Arc::from(A));
    assert_eq!(
        kind_of(&mut h, "b.txt", "Tallowby"),
        Some(EntityKind::Person)
    );
    h.remove_file(std::path::Path::new("/w/a.txt"));
    assert_eq!(kind_of(&mut h, "b.txt", "Tallowby"), None);
}
