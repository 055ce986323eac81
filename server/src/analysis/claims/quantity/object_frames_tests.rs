//! The frames of counts of things an event acted on: the verb's class is
//! the measure, the counted noun's class the unit.
use super::super::measure_frames::{counted_class, frame_for, frame_unit, Counted, Cue, WordKind};

fn verb(lemma: &str, words: &[&str], noun: &str) -> Option<&'static str> {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    frame_for(&Cue {
        lemma,
        kind: WordKind::Verb,
        words: &words,
        counted: counted_class(Some(noun)),
        people_named: false,
    })
    .map(|f| f.measure)
}

#[test]
fn synonyms_of_a_thing_fold_to_one_unit() {
    assert_eq!(counted_class(Some("pc")), Counted::Object("computer"));
    assert_eq!(counted_class(Some("machine")), Counted::Object("computer"));
    assert_eq!(frame_unit("machines hit", "pc"), Some("computer"));
    assert_eq!(frame_unit("flooded", "settlement"), Some("village"));
    assert_eq!(frame_unit("destroyed", "home"), Some("house"));
    // A kind of vehicle is a part of the vehicles, not the vehicles.
    assert_eq!(frame_unit("buried", "bus"), None);
    assert_eq!(counted_class(Some("laptop")), Counted::Other);
}

#[test]
fn verbs_of_one_effect_name_one_measure() {
    for v in ["encrypt", "lock", "affect", "hit", "infect", "cripple"] {
        assert_eq!(verb(v, &[], "computer"), Some("machines hit"), "{v}");
    }
    for v in ["flood", "inundate", "submerge"] {
        assert_eq!(verb(v, &[], "village"), Some("flooded"), "{v}");
    }
    assert_eq!(verb("sweep", &["through"], "village"), Some("flooded"));
    assert_eq!(verb("wash", &["away"], "bridge"), Some("destroyed"));
    assert_eq!(verb("close", &[], "road"), Some("closed"));
    assert_eq!(
        verb("transfer", &["hospital"], "patient"),
        Some("displaced")
    );
    assert_eq!(verb("move", &["patient"], "patient"), Some("displaced"));
    assert_eq!(verb("go", &["strike"], "teacher"), Some("on strike"));
    assert_eq!(
        verb("heed", &["call", "strike"], "teacher"),
        Some("on strike")
    );
}

#[test]
fn a_verb_says_its_effect_only_of_its_own_things() {
    // "hit" and "affected" are loose of people and of places.
    assert_eq!(verb("hit", &[], "village"), None);
    assert_eq!(verb("affect", &[], "people"), None);
    // "flooded" says nothing of machines, nor of people.
    assert_eq!(verb("flood", &[], "computer"), None);
    // Moving staff to a new unit is no evacuation; joining a club no
    // strike.
    assert_eq!(verb("transfer", &["unit"], "staff"), None);
    assert_eq!(verb("join", &["club"], "teacher"), None);
}
