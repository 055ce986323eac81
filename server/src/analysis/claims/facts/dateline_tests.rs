use super::*;

#[test]
fn a_dateline_does_not_hide_the_event_of_its_sentence() {
    let t = "MATARAM, Indonesia (Reuters) - A magnitude 6.1 earthquake struck the Indonesian island of Sumbawa before dawn on Sunday, killing at least 46 people and injuring more than 300, the national disaster mitigation agency said.";
    let f = super::parsed_tests::parsed_facts(t);
    let quake = |x: &Fact| {
        x.event
            .as_ref()
            .is_some_and(|e| e.kind == crate::analysis::claims::frames::EventKind::Quake)
    };
    assert!(
        f.iter().any(|x| x.text == "at least 46 people" && quake(x)),
        "{f:#?}"
    );
    assert!(
        f.iter()
            .any(|x| matches!(x.body, FactBody::EventPlace { .. }) && quake(x)),
        "{f:#?}"
    );
}
