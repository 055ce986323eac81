//! The pure edit API: each edit returns the new text of the files it
//! touches, with a minimal text edit, and re-serialising changes nothing
//! else.
use std::path::Path;

use crosscheck::annotations::edit::{
    add_alias, create_entity_from_mention, delete_annotation, dismiss_diagnostic, link_mention,
    mark_not_entity, merge_entities, minimal_edit, reattach, refresh_anchors, rename_entity,
    set_claim_status, set_metadata, span_evidence, FileChange, MetadataPatch,
};
use crosscheck::annotations::model::{to_pretty, AnnotationFile, KnowledgeBase};
use crosscheck::annotations::store::{write_atomic, Scope};
use crosscheck::annotations::AnnotationSet;

mod annotation_fixture;
use annotation_fixture::{example, root_of, workspace};

fn apply(changes: &[FileChange]) {
    for c in changes {
        // The minimal edit reproduces the new text from the old.
        let mut t = c.old_text.clone();
        t.replace_range(c.edit.range.clone(), &c.edit.new_text);
        assert_eq!(t, c.new_text);
        write_atomic(
            Scope::folder(&root_of(&c.path)),
            &c.path,
            c.expected.as_ref(),
            &c.new_text,
        )
        .unwrap();
    }
}

const SRC: &str = "news/nato-summit.txt";

fn text(root: &Path) -> String {
    std::fs::read_to_string(root.join(SRC)).unwrap()
}

fn span(t: &str, w: &str) -> std::ops::Range<usize> {
    let s = t.find(w).unwrap();
    s..s + w.len()
}

#[test]
fn fixtures_are_in_canonical_form() {
    // Re-serialising an unchanged file gives the same bytes: edits touch
    // only what they change.
    let kb = std::fs::read_to_string(example().join(".crosscheck/entities.json")).unwrap();
    let m: KnowledgeBase = serde_json::from_str(&kb).unwrap();
    assert_eq!(to_pretty(&m), kb);
    let af = std::fs::read_to_string(
        example().join(".crosscheck/annotations/news/nato-summit.txt.json"),
    )
    .unwrap();
    let m: AnnotationFile = serde_json::from_str(&af).unwrap();
    assert_eq!(to_pretty(&m), af);
}

#[test]
fn link_then_relink_then_not_entity_is_one_annotation() {
    let d = workspace();
    let t = text(d.path());
    let sp = span(&t, "Bild");
    let (set, _) = AnnotationSet::load(d.path());
    let c = link_mention(&set, SRC, &t, sp.clone(), "organization:bild").unwrap();
    assert_eq!(c.len(), 1);
    // Only an insertion in the annotations list: nothing else moves.
    assert_eq!(c[0].edit.range.len(), 0, "{:?}", c[0].edit);
    apply(&c);
    let (set, _) = AnnotationSet::load(d.path());
    apply(&link_mention(&set, SRC, &t, sp.clone(), "organization:bild-zeitung").unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    apply(&mark_not_entity(&set, SRC, &t, sp.clone()).unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    let f = set.file(SRC).unwrap();
    assert_eq!(f.annotations.len(), 5);
    let a = set.anchor_file(SRC, &t);
    assert!(a.not_entities().any(|s| s == sp));
    assert!(!a.links().any(|(s, _)| s == sp));
}

#[test]
fn create_entity_from_mention_adds_kb_entry_and_link() {
    let d = workspace();
    let t = text(d.path());
    let (set, _) = AnnotationSet::load(d.path());
    let (c, id) = create_entity_from_mention(
        &set,
        SRC,
        &t,
        span(&t, "Bild"),
        "organization",
        Some("Bild-Zeitung"),
    )
    .unwrap();
    assert_eq!(id, "organization:bild-zeitung");
    assert_eq!(c.len(), 2);
    apply(&c);
    let (set, findings) = AnnotationSet::load(d.path());
    assert!(findings.is_empty(), "{findings:#?}");
    let e = set.entity(&id).unwrap();
    assert_eq!(e.aliases, vec!["Bild"]);
    assert!(set.anchor_file(SRC, &t).links().any(|(_, e)| e == id));
    // A second entity with the same name gets a fresh id.
    let (c, id2) = create_entity_from_mention(
        &set,
        SRC,
        &t,
        span(&t, "German newspaper"),
        "organization",
        Some("Bild-Zeitung"),
    )
    .unwrap();
    assert_eq!(id2, "organization:bild-zeitung-2");
    apply(&c);
}

#[test]
fn aliases_rename_and_merge_rewrite_references() {
    let d = workspace();
    let t = text(d.path());
    let lookup = |id: &str| {
        (id == "person:j-stoltenberg").then(|| ("person".to_string(), "J. Stoltenberg".to_string()))
    };
    let (set, _) = AnnotationSet::load(d.path());
    apply(&add_alias(&set, "person:jens-stoltenberg", "NATO chief", &lookup).unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    apply(&rename_entity(&set, "organization:nato", "NATO", &lookup).unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    let nato = set.entity("organization:nato").unwrap();
    assert_eq!(nato.name, "NATO");
    assert!(nato
        .aliases
        .contains(&"North Atlantic Treaty Organization".to_string()));
    assert!(!nato.aliases.contains(&"NATO".to_string()));
    // The source text is never touched by a rename.
    assert_eq!(text(d.path()), t);
    // Link a mention to an analysis-only id, then merge it into the KB entity.
    apply(
        &link_mention(
            &set,
            SRC,
            &t,
            span(&t, "Stoltenberg told"),
            "person:j-stoltenberg",
        )
        .unwrap(),
    );
    let (set, _) = AnnotationSet::load(d.path());
    let c = merge_entities(
        &set,
        "person:jens-stoltenberg",
        "person:j-stoltenberg",
        &lookup,
    )
    .unwrap();
    assert_eq!(c.len(), 2, "KB and the one file referring to the old id");
    apply(&c);
    let (set, _) = AnnotationSet::load(d.path());
    let e = set.entity("person:j-stoltenberg").unwrap();
    assert_eq!(
        e.id, "person:jens-stoltenberg",
        "merged ids resolve to the survivor"
    );
    assert!(e.aliases.contains(&"J. Stoltenberg".to_string()));
    assert!(e.aliases.contains(&"NATO chief".to_string()));
    let f = set.file(SRC).unwrap();
    assert!(f
        .annotations
        .iter()
        .all(|a| a.entity.as_deref() != Some("person:j-stoltenberg")));
    assert!(merge_entities(
        &set,
        "person:jens-stoltenberg",
        "person:j-stoltenberg",
        &lookup
    )
    .is_err());
    assert!(merge_entities(&set, "person:jens-stoltenberg", "person:nobody", &lookup).is_err());
}

#[test]
fn claims_dismissals_metadata() {
    let d = workspace();
    let t = text(d.path());
    let kyiv = std::fs::read_to_string(d.path().join("news/kyiv-update.txt")).unwrap();
    let (set, _) = AnnotationSet::load(d.path());
    let claim = span(&t, "40,000 troops had been trained by allies this year");
    let ev = span_evidence(
        "news/kyiv-update.txt",
        &kyiv,
        span(&kyiv, "about 30,000 soldiers"),
        None,
    );
    apply(
        &set_claim_status(
            &set,
            SRC,
            &t,
            claim.clone(),
            "false",
            vec![ev.clone()],
            Some("30,000 per the ministry"),
        )
        .unwrap(),
    );
    assert!(set_claim_status(&set, SRC, &t, claim.clone(), "probably", vec![], None).is_err());
    let (set, _) = AnnotationSet::load(d.path());
    let a = set
        .file(SRC)
        .unwrap()
        .annotations
        .iter()
        .find(|a| a.kind == "claim")
        .unwrap()
        .clone();
    assert_eq!(a.status.as_deref(), Some("false"));
    assert_eq!(a.evidence.len(), 3);
    assert_eq!(a.note.as_deref(), Some("30,000 per the ministry"));
    let sp = span(&t, "BRUSSELS");
    apply(&dismiss_diagnostic(&set, SRC, &t, sp.clone(), "unknown-place", None).unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    assert!(set.is_dismissed(SRC, "unknown-place", &t, sp.clone()));
    // Keyed by content: survives an edit elsewhere, not a change of context.
    let moved = format!("Updated.\n{t}");
    assert!(set.is_dismissed(SRC, "unknown-place", &moved, sp.start + 9..sp.end + 9));
    apply(
        &set_metadata(
            &set,
            SRC,
            MetadataPatch {
                outlet: Some(Some("Reuters Brussels".into())),
                relies_on: Some(vec![]),
                ..Default::default()
            },
        )
        .unwrap(),
    );
    assert!(set_metadata(
        &set,
        SRC,
        MetadataPatch {
            published: Some(Some("18/09/2022".into())),
            ..Default::default()
        }
    )
    .is_err());
    let (set, _) = AnnotationSet::load(d.path());
    let m = set.metadata(SRC).unwrap();
    assert_eq!(m.outlet.as_deref(), Some("Reuters Brussels"));
    assert!(m.relies_on.is_empty());
    assert_eq!(m.published.as_deref(), Some("2022-09-18"));
}

#[test]
fn orphans_can_be_reattached_or_deleted_and_moves_refreshed() {
    let d = workspace();
    let t = text(d.path());
    let edited = t
        .replace("Jens Stoltenberg", "the alliance chief")
        .replace("BRUSSELS", "BRUSSELS, Belgium");
    let (set, _) = AnnotationSet::load(d.path());
    let a = set.anchor_file(SRC, &edited);
    let orphan = a
        .orphans
        .iter()
        .find(|o| o.id == "link-stoltenberg")
        .expect("orphaned");
    apply(
        &reattach(
            &set,
            SRC,
            &orphan.id,
            &edited,
            span(&edited, "the alliance chief"),
        )
        .unwrap(),
    );
    std::fs::write(d.path().join(SRC), &edited).unwrap();
    let (set, _) = AnnotationSet::load(d.path());
    let a = set.anchor_file(SRC, &edited);
    assert!(a.orphans.is_empty());
    let c = refresh_anchors(&set, SRC, &edited).unwrap();
    assert_eq!(c.len(), 1, "moved annotations get fresh positions");
    apply(&c);
    let (set, _) = AnnotationSet::load(d.path());
    assert!(set
        .anchor_file(SRC, &edited)
        .placed
        .iter()
        .all(|p| p.method == crosscheck::annotations::anchor::Method::Position));
    assert!(refresh_anchors(&set, SRC, &edited).unwrap().is_empty());
    apply(&delete_annotation(&set, SRC, "not-sunday").unwrap());
    let (set, _) = AnnotationSet::load(d.path());
    assert_eq!(set.file(SRC).unwrap().annotations.len(), 3);
    assert!(delete_annotation(&set, SRC, "not-sunday").is_err());
}

#[test]
fn minimal_edit_respects_char_boundaries() {
    let e = minimal_edit("aéb", "aèb");
    assert_eq!(e.range, 1..3);
    assert_eq!(e.new_text, "è");
    let e = minimal_edit("abc", "abc");
    assert!(e.range.is_empty() && e.new_text.is_empty());
    let e = minimal_edit("", "{}\n");
    assert_eq!((e.range, e.new_text.as_str()), (0..0, "{}\n"));
}

#[test]
fn annotations_of_a_renamed_source_can_be_moved() {
    use crosscheck::annotations::edit::{apply_change, move_annotations};
    let d = workspace();
    let new = "news/nato-renamed.txt";
    std::fs::rename(d.path().join(SRC), d.path().join(new)).unwrap();
    let (set, _) = AnnotationSet::load(d.path());
    let c = move_annotations(&set, SRC, new).unwrap();
    assert_eq!(c.len(), 2);
    assert!(c[1].delete);
    for c in &c {
        apply_change(Scope::folder(d.path()), c).unwrap();
    }
    let (set, findings) = AnnotationSet::load(d.path());
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(set.file(SRC).is_none());
    let t = std::fs::read_to_string(d.path().join(new)).unwrap();
    let a = set.anchor_file(new, &t);
    assert_eq!((a.placed.len(), a.orphans.len()), (4, 0));
    assert_eq!(
        set.metadata(new).unwrap().outlet.as_deref(),
        Some("Reuters")
    );
    assert!(set
        .missing_sources(&|s| d.path().join(s).exists())
        .is_empty());
}

#[test]
fn editor_buffers_update_the_set() {
    let d = workspace();
    let (mut set, _) = AnnotationSet::load(d.path());
    let p = d
        .path()
        .join(".crosscheck/annotations/news/nato-summit.txt.json");
    let f = set.update_file(&p, "{\"annotations\": [".into()).unwrap();
    assert_eq!(f[0].code, "invalid-json");
    assert!(set.file(SRC).is_none());
    let kb = d.path().join(".crosscheck/entities.json");
    let f = set
        .update_file(&kb, "{\"entities\": [{\"id\": \"person:a\", \"type\": \"person\", \"name\": \"Ann Able\", \"merged_from\": [\"person:b\"]}]}".into())
        .unwrap();
    assert!(f.is_empty());
    assert_eq!(set.resolve_id("person:b"), "person:a");
    assert!(set
        .update_file(&d.path().join("news/x.txt"), String::new())
        .is_none());
}
