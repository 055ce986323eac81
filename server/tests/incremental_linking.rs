//! After an edit, the snapshot built incrementally (previous linking kept,
//! only the edited file's entities summarised again) must equal a snapshot
//! built from scratch: same entities, ids, names, mentions, definitions.
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::{AnalysisHost, Snapshot};
use proptest::prelude::*;

fn corpus() -> Vec<(PathBuf, Arc<str>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nato-ukraine");
    let mut v: Vec<(PathBuf, Arc<str>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, Arc::from(t))
        })
        .collect();
    v.sort();
    v
}

fn summary(s: &Snapshot) -> Vec<String> {
    let mut out: Vec<String> = s
        .entities
        .iter()
        .map(|e| {
            let ms: Vec<String> = e
                .mentions
                .iter()
                .map(|r| {
                    format!(
                        "{}@{}",
                        s.files[r.file as usize].rel_path,
                        s.mention(*r).start
                    )
                })
                .collect();
            format!(
                "{} {:?} {} {:?} def={}@{} files={} [{}]",
                e.id,
                e.kind,
                e.canonical,
                e.aliases,
                s.files[e.definition.file as usize].rel_path,
                s.mention(e.definition).start,
                e.file_count,
                ms.join(",")
            )
        })
        .collect();
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/nato-ukraine"
    ))
    .canonicalize()
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    #[test]
    fn incremental_relink_equals_full_build(
        file in 0usize..5,
        at in 0usize..4000,
        insert in prop_oneof![
            Just("and ".to_string()),
            Just("Stoltenberg said ".to_string()),
            Just("the ".to_string()),
            Just("Kyiv ".to_string()),
            Just("".to_string()),
        ],
        delete in 0usize..12,
    ) {
        let files = corpus();
        let mut host = AnalysisHost::new(Some(root()));
        host.set_files(files.clone());
        let _ = host.snapshot();
        let (path, text) = &files[file % files.len()];
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + delete).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let edited = format!("{}{}{}", &text[..at], insert, &text[end..]);
        host.set_file(path.clone(), Arc::from(edited.as_str()));
        let incremental = host.snapshot();

        let mut fresh = AnalysisHost::new(Some(root()));
        let mut all = files.clone();
        all[file % files.len()].1 = Arc::from(edited.as_str());
        fresh.set_files(all);
        let full = fresh.snapshot();
        prop_assert_eq!(summary(&incremental), summary(&full));
        prop_assert_eq!(&incremental.mention_entity, &full.mention_entity);
    }
}

#[test]
fn an_edit_away_from_names_takes_the_fast_path() {
    let files = corpus();
    let mut host = AnalysisHost::new(Some(root()));
    host.set_files(files.clone());
    assert!(!host.snapshot().incremental);
    let (path, text) = &files[3];
    let at = text.find("predictability").unwrap();
    let edited = format!("{}more {}", &text[..at], &text[at..]);
    host.set_file(path.clone(), Arc::from(edited.as_str()));
    let s = host.snapshot();
    assert!(
        s.incremental,
        "an edit that changes no name relinks incrementally"
    );
    // A new name in the file changes how it links: full build.
    let edited2 = format!("{edited}\nOlaf Scholz agreed.");
    host.set_file(path.clone(), Arc::from(edited2.as_str()));
    assert!(!host.snapshot().incremental);
}
