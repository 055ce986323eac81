//! The facts of a name kept with its entity (see `name_facts`) are those
//! its canonical name gives, and a new entity value starts without them.
use super::super::test_folder::folder;
use super::*;
use crate::analysis::linking::name_facts::NameMemo;

/// The facts as the comparisons made them before they were kept.
fn folded(e: &Entity) -> (Vec<String>, bool) {
    let key = ascii_key(&e.canonical);
    let words = key
        .split_whitespace()
        .filter(|w| w.len() >= 4 && !GENERIC.contains(w))
        .map(str::to_string)
        .collect();
    let rest: Vec<&str> = key
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "of" | "and"))
        .collect();
    let generic = e.kind == EntityKind::Organization
        && !rest.is_empty()
        && rest
            .iter()
            .all(|w| GENERIC.contains(w) || BODIES.contains(w));
    (words, generic)
}

#[test]
fn kept_name_facts_are_those_of_the_canonical_name() {
    let s = folder(&[
        (
            "a.txt",
            "March 12, 2024\n\nThe Supreme Court in Nairobi ruled on Tuesday that Calder Analytics Group must pay Tomasz Wilk 40,000 shillings.\n",
        ),
        (
            "b.txt",
            "March 13, 2024\n\nWilk said Calder would appeal the ruling of the High Court in Kenya.\n",
        ),
    ]);
    assert!(s.entities.len() >= 4, "{:?}", s.entities);
    for e in &s.entities {
        let (words, generic) = folded(e);
        // Read twice: the second read is the kept one.
        for _ in 0..2 {
            let f = name_facts(e);
            assert_eq!(f.words.to_vec(), words, "{}", e.canonical);
            assert_eq!(f.generic_body, generic, "{}", e.canonical);
        }
        let fresh = Entity {
            name_memo: NameMemo::default(),
            ..e.clone()
        };
        assert_eq!(
            crate::analysis::claims::resolve::place_kind(e),
            crate::analysis::claims::resolve::place_kind(&fresh)
        );
        assert_eq!(
            crate::analysis::claims::resolve::country_of(e),
            crate::analysis::claims::resolve::country_of(&fresh)
        );
    }
    let court = s
        .entities
        .iter()
        .find(|e| e.canonical.contains("Supreme Court"))
        .expect("the court is an entity");
    assert!(name_facts(court).generic_body);
    let kenya = s
        .entities
        .iter()
        .find(|e| e.canonical == "Kenya")
        .expect("Kenya is an entity");
    assert_eq!(
        crate::analysis::claims::resolve::place_kind_str(kenya),
        Some("country")
    );
}

#[test]
fn an_entity_made_anew_does_not_keep_another_names_facts() {
    let s = folder(&[(
        "a.txt",
        "March 12, 2024\n\nCalder Analytics said on Tuesday it had hired 40 engineers in Nairobi.\n",
    )]);
    let calder = s
        .entities
        .iter()
        .find(|e| e.canonical.starts_with("Calder"))
        .expect("Calder is an entity");
    assert_eq!(name_facts(calder).words[0], "calder");
    // What a relink does when a summary is made again: a new value.
    let renamed = Entity {
        canonical: "Norvik Systems".to_string(),
        name_memo: NameMemo::default(),
        ..calder.clone()
    };
    assert_eq!(
        name_facts(&renamed).words.to_vec(),
        vec!["norvik".to_string()]
    );
}
