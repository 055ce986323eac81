use super::{may_be_one_person, one_office_in_other_words};
use crate::analysis::claims::index::relate::Outcome;
use crate::analysis::claims::index::sig::{Sig, UNSTATED_ORG};

fn role(title: &str, org: &str, person: u32) -> Sig {
    Sig::Role {
        title: title.into(),
        org: org.into(),
        org_text: String::new(),
        person,
        implied: false,
        current: true,
        starts: false,
        left: false,
        outgoing: false,
        when: None,
        home: None,
    }
}

fn agree(x: &Sig, y: &Sig) -> bool {
    matches!(one_office_in_other_words(x, y), Some(Outcome::Agree(_)))
}

#[test]
fn a_title_and_its_head_word_of_one_person_agree() {
    let u = UNSTATED_ORG;
    let full = role("hospital director", u, 3);
    let short = role("director", u, 3);
    assert!(agree(&full, &short));
    assert!(agree(&short, &full));
    assert!(agree(
        &role("district collector", u, 5),
        &role("collector", "entity:organization:betul", 5)
    ));
    // Another person, another office, another organisation stated on
    // both sides, or a holder gone on one side: no agreement.
    assert!(!agree(&full, &role("director", u, 4)));
    assert!(!agree(&role("deputy director", u, 3), &short));
    assert!(!agree(
        &role("vice president", u, 3),
        &role("president", u, 3)
    ));
    assert!(!agree(
        &role("attorney general", u, 3),
        &role("general", u, 3)
    ));
    assert!(!agree(
        &role("hospital director", "entity:organization:a", 3),
        &role("director", "entity:organization:b", 3)
    ));
    let mut gone = role("director", u, 3);
    if let Sig::Role { left, current, .. } = &mut gone {
        *left = true;
        *current = false;
    }
    assert!(!agree(&full, &gone));
    // The same title is the caller's to compare.
    assert!(one_office_in_other_words(&short, &short).is_none());
}

#[test]
fn one_given_name_and_two_family_names_are_two_people() {
    assert!(!may_be_one_person("Mwila Chanda", "Mwila Kasonde"));
    assert!(may_be_one_person("Mark Rutte", "Rutte"));
    assert!(may_be_one_person("Kim Jong-un", "Kim Jong Un"));
    assert!(may_be_one_person("Anna Lindqvist", "Maria Lindqvist"));
    assert!(may_be_one_person(
        "Pedro Sánchez",
        "Pedro Sánchez Pérez-Castejón"
    ));
}
