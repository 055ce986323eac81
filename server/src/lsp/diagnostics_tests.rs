use super::*;
use std::path::Path;

fn item(path: &str, version: Option<i32>, n: usize) -> Item {
    Item {
        path: PathBuf::from(path),
        uri: path_to_uri(Path::new(path)).unwrap(),
        version,
        diags: Arc::new(vec![Diagnostic::default(); n]),
    }
}

#[test]
fn only_changes_and_removals_are_sent() {
    let mut published = Published::new();
    let b = Batch {
        items: vec![item("/w/a.txt", None, 1), item("/w/b.txt", Some(1), 0)],
        stale: vec![],
    };
    assert_eq!(diff(&mut published, b).len(), 2);
    // same again: nothing; a new version of b: b only
    let b = Batch {
        items: vec![item("/w/a.txt", None, 1), item("/w/b.txt", Some(2), 0)],
        stale: vec![],
    };
    let sent = diff(&mut published, b);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].2, Some(2));
    // b stale (kept), a gone (cleared)
    let b = Batch {
        items: vec![],
        stale: vec![PathBuf::from("/w/b.txt")],
    };
    let sent = diff(&mut published, b);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].0.as_str().ends_with("/w/a.txt") && sent[0].1.is_empty());
    assert!(published.contains_key(Path::new("/w/b.txt")));
}

#[test]
fn unchanged_workspaces_are_not_recomputed() {
    use crate::engine::workspaces::Workspaces;
    let state = State::default();
    let (a, b) = (PathBuf::from("/w/a"), PathBuf::from("/w/b"));
    *lock(&state.workspaces) = Workspaces::new(vec![a.clone(), b.clone()]);
    let text = "NATO may send more troops to Poland, according to sources in diplomatic circles.";
    for root in [&a, &b] {
        lock(&state.workspaces).set_file(&root.join("x.txt"), Arc::from(text));
    }
    let first = collect(&state);
    assert_eq!(first.items.len(), 2);
    assert!(first.items.iter().all(|i| i.diags.len() == 2));
    let snap_a = lock(&state.claims.computed)[0].snap.upgrade().unwrap();
    lock(&state.workspaces).set_file(&b.join("x.txt"), Arc::from("Kyiv is calm."));
    let second = collect(&state);
    assert!(std::sync::Weak::ptr_eq(
        &lock(&state.claims.computed)[0].snap,
        &Arc::downgrade(&snap_a)
    ));
    assert_eq!(second.items[0].diags.len(), 2);
    assert_eq!(second.items[1].diags.len(), 0);
    // new settings: recomputed
    lock(&state.settings).set_client(&serde_json::json!({"rules": {"hedged-claim": "off"}}));
    let third = collect(&state);
    assert_eq!(third.items[0].diags.len(), 1);
}

#[test]
fn config_errors_point_at_their_character() {
    let text = "{\n  \"rules\": {\"hedged-claim\": \"loud\"}\n}";
    let err = crate::config::Config::from_json(text).unwrap_err();
    let d = config_diagnostic(text, &err, Encoding::Utf16);
    assert_eq!(d.range.start.line, 1);
    assert_eq!(
        d.code,
        Some(NumberOrString::String("invalid-config".into()))
    );
    let err = ConfigError {
        line: 9,
        col: 99,
        message: "x".into(),
    };
    let d = config_diagnostic("{", &err, Encoding::Utf16);
    assert_eq!(d.range.start, d.range.end);
}
