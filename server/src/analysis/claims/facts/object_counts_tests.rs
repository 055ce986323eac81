//! Counts of things an event acted on, of people it moved and of workers
//! on strike, read through the parse: restatements with other verbs and
//! synonym nouns key alike (measure and unit); parts, other nouns and
//! other places do not.
use super::parsed_tests::parsed_facts;
use crate::analysis::claims::FactBody;

/// (measure, unit, part) of the quantity facts of `t`'s first sentence.
fn read(t: &str) -> Vec<(String, String, Option<String>)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((measure.what, amount.unit, measure.part)),
            _ => None,
        })
        .collect()
}

fn one(t: &str) -> (String, String) {
    let r = read(t);
    assert_eq!(r.len(), 1, "{t}: {r:?}");
    (r[0].0.clone(), r[0].1.clone())
}

fn is(what: &str, unit: &str) -> (String, String) {
    (what.to_string(), unit.to_string())
}

#[test]
fn machines_an_attack_hit_key_alike_in_any_words() {
    let m = is("machines hit", "computer");
    assert_eq!(
        one("The attack encrypted about 1,200 computers on Tuesday."),
        m
    );
    assert_eq!(one("In all, 2,100 computers were affected."), m);
    assert_eq!(
        one("The hackers locked roughly 1,200 PCs at the hospital."),
        m
    );
    assert_eq!(one("The malware crippled 900 machines."), m);
}

#[test]
fn flooded_villages_key_alike_and_apart_from_houses() {
    let v = is("flooded", "village");
    assert_eq!(
        one("The river burst its banks on Monday, flooding 17 villages."),
        v
    );
    assert_eq!(one("Seven villages were inundated."), v);
    assert_eq!(one("The water swept through seven villages."), v);
    // The parser hangs "through seven villages" on the subject here.
    assert_eq!(
        one("Floodwaters from the Koshi swept through seven villages in Sunsari district on Sunday night, destroying crops and cutting roads, officials said on Monday."),
        v
    );
    assert_eq!(
        one("Floodwaters also inundated about 300 houses."),
        is("flooded", "house")
    );
}

#[test]
fn a_kind_of_a_thing_is_no_count_of_the_things() {
    let r = read("The landslide buried 11 vehicles, including two buses.");
    assert_eq!((r[0].0.as_str(), r[0].1.as_str()), ("buried", "vehicle"));
    assert!(r[1..].iter().all(|(_, u, _)| u != "vehicle"), "{r:?}");
}

#[test]
fn people_moved_out_of_harms_way_are_the_displaced() {
    for t in [
        "Some 38 patients were transferred to other hospitals.",
        "Eighty-three patients had to be moved to other hospitals.",
        "About 500 residents were shifted to safer places.",
    ] {
        assert_eq!(one(t).0, "displaced", "{t}");
    }
    // Staff moved to a new unit are no evacuees.
    let r = read("The bank transferred 300 employees to its new unit in Leeds.");
    assert!(r.iter().all(|(w, _, _)| w != "displaced"), "{r:?}");
}

#[test]
fn workers_on_strike_key_alike_but_not_those_who_marched() {
    let s = is("on strike", "teacher");
    assert_eq!(one("Some 230,000 teachers went on strike on Monday."), s);
    assert_eq!(one("About 320,000 teachers heeded the strike call."), s);
    assert_eq!(
        one("About 320,000 teachers are taking part in the strike."),
        s
    );
    assert_ne!(
        one("In Lusaka, 5,000 striking teachers marched to parliament.").0,
        "on strike"
    );
}

#[test]
fn a_venues_size_is_its_capacity_not_a_crowd_or_a_parliaments_seats() {
    let c = is("capacity", "seat");
    assert_eq!(one("The stadium holds about 40,000 spectators."), c);
    assert_eq!(one("The final will be played in a 40,000-seat stadium."), c);
    assert_ne!(one("The party holds 45 of the 120 seats.").0, "capacity");
    assert_ne!(one("Police held 40 fans after the match.").0, "capacity");
}

#[test]
fn a_count_of_a_neighbouring_place_is_a_part_of_the_story() {
    let r = read("In neighbouring West Bengal, 2.5 lakh people were shifted to safer places.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "displaced");
    assert_eq!(r[0].2.as_deref(), Some("in west bengal"));
    let r = read("About 2,300 residents were shifted to safer places.");
    assert_eq!(r[0].2, None);
}

#[test]
fn job_cuts_of_a_number_hung_on_a_later_verb_are_jobs_cut() {
    assert_eq!(
        one("Job cuts of around 1,800 were announced on Tuesday.").0,
        "jobs cut"
    );
}
