//! Measure frames read through the parse: restatements of one measure in
//! other words (verbs with their words, nouns a count is "of", the counted
//! noun itself, participles on it) key alike.
use super::super::count_reading::{number_group, read_count};
use super::super::parsed_tests::parsed_facts;
use crate::analysis::claims::FactBody;

/// The measure the parse reads for the number written `n` in `t`.
fn what(t: &str, n: &str) -> Option<String> {
    let p = crate::analysis::syntax::parse(t, 0, t.len()).expect("parse");
    let i = (0..p.len()).find(|&i| p.tokens[i].form == n)?;
    let (_, _, head) = number_group(&p, i);
    read_count(&p, head).map(|r| r.what)
}

/// (amount as written, measure, unit) of the quantity facts of `t`.
fn counts(t: &str) -> Vec<(String, String, String)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((f.text, measure.what, amount.unit)),
            _ => None,
        })
        .collect()
}

fn some(w: &str) -> Option<String> {
    Some(w.to_string())
}

#[test]
fn restatements_of_an_evacuation_key_alike() {
    assert_eq!(
        what("About 300 people were evacuated from the valley.", "300"),
        some("displaced")
    );
    assert_eq!(
        what(
            "The flood forced 300 people from their homes on Monday.",
            "300"
        ),
        some("displaced")
    );
    assert_eq!(
        what(
            "The evacuation of 300 residents was completed on Monday night.",
            "300"
        ),
        some("displaced")
    );
}

#[test]
fn restatements_of_a_rescue_key_alike() {
    assert_eq!(
        what("Rescue crews pulled 37 people from the water.", "37"),
        some("rescued")
    );
    assert_eq!(
        what("Thirty-seven people were rescued from the ship.", "Thirty"),
        some("rescued")
    );
    assert_eq!(
        what(
            "Officials said 37 survivors had been taken to shelters.",
            "37"
        ),
        some("rescued")
    );
}

#[test]
fn jobs_lost_are_one_measure_however_written() {
    assert_eq!(
        what(
            "Some 1,150 workers will lose their jobs when the plant closes.",
            "1,150"
        ),
        some("jobs cut")
    );
    assert_eq!(
        what(
            "The closure of the plant will cost 1,500 jobs, the mayor said.",
            "1,500"
        ),
        some("jobs cut")
    );
    assert_eq!(
        what(
            "Unions protested against the loss of 1,150 jobs at the plant.",
            "1,150"
        ),
        some("jobs cut")
    );
    // Misparsed "and cut" (taken for a noun): the word before the number
    // with the counted noun.
    let t = "Veltro Motors will close its assembly plant in Kragujevac by the end of the year and cut 1,150 jobs, the Italian carmaker said on Tuesday.";
    assert_eq!(
        counts(t),
        vec![("1,150 jobs".into(), "jobs cut".into(), "job".into())]
    );
}

#[test]
fn queues_and_votes_key_by_meaning() {
    assert_eq!(
        what(
            "About 2,300 trucks were waiting at the border crossing.",
            "2,300"
        ),
        some("waiting")
    );
    assert_eq!(
        what(
            "A customs failure left some 2,300 lorries queuing at the crossing.",
            "2,300"
        ),
        some("waiting")
    );
    assert_eq!(
        what("A queue of 3,200 trucks formed at the crossing.", "3,200"),
        some("waiting")
    );
    assert_eq!(
        what(
            "A total of 212 deputies backed the bill, while 108 opposed it.",
            "212"
        ),
        some("votes for")
    );
    assert_eq!(
        what(
            "A total of 212 deputies backed the bill, while 108 opposed it.",
            "108"
        ),
        some("votes against")
    );
    // Backed by others, approved by a council: no vote cast by the count.
    for (t, n) in [
        (
            "More than 850 firefighters backed by 12 water-dropping aircraft were battling three fronts.",
            "850",
        ),
        ("About 300 police were backed by army units.", "300"),
        ("The council approved 12 new schools.", "12"),
    ] {
        let m = what(t, n);
        assert!(
            !m.as_deref().is_some_and(|m| m.starts_with("votes")),
            "{t}: {m:?}"
        );
    }
}

#[test]
fn a_leaving_verb_takes_the_state_right_after_each_count() {
    // "leaving eight people dead and at least 62 injured": eight dead,
    // never eight injured.
    let t = "A powerful earthquake rattled the region on May 10, leaving eight people dead and at least 62 injured.";
    assert_eq!(what(t, "eight"), some("killed"));
    // A bare count with its state after it, a second count conjoined: the
    // parser hangs the second on the first, whose state is its own.
    let t = "The storm made landfall before dawn Saturday, leaving at least 12 dead and seven missing, officials said.";
    assert_eq!(what(t, "12"), some("killed"));
    assert_eq!(what(t, "seven"), some("missing"));
}

#[test]
fn a_count_before_a_comma_counts_no_noun_after_it() {
    // The parser may make the 17 count the officials who said it.
    let t = "A wooden boat carrying 86 people capsized on the river on Wednesday, killing at least 17, emergency officials said.";
    let c = counts(t);
    let killed: Vec<_> = c.iter().filter(|x| x.1 == "killed").collect();
    assert_eq!(killed.len(), 1, "{c:?}");
    assert_ne!(killed[0].2, "official", "{c:?}");
}

#[test]
fn nominal_readings_give_the_verbal_measure_and_unit() {
    // A recall's cars and vehicles are one unit; a nominal recall reads
    // as the verb.
    let a = counts("Ardena recalled 86,000 cars on Monday.");
    let b = counts("The recall of 86,000 vehicles was announced on Monday.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].1.as_str(), a[0].2.as_str()), ("recalled", "vehicle"));
    assert_eq!((b[0].1.as_str(), b[0].2.as_str()), ("recalled", "vehicle"));
    let c = counts("Police arrested 23 people.");
    let d = counts("The arrest of 23 people was confirmed by police.");
    assert_eq!(c[0].1, "arrested");
    assert_eq!(d[0].1, "arrested");
    assert_eq!(c[0].2, d[0].2);
}

#[test]
fn words_that_only_sound_alike_name_no_frame() {
    // Trees are cut, matches lost, people wait: no frame.
    assert_ne!(
        what("Crews cut 300 trees along the road.", "300").as_deref(),
        Some("jobs cut")
    );
    assert_ne!(
        what("The team lost 12 matches last season.", "12").as_deref(),
        Some("jobs cut")
    );
    assert_ne!(
        what("About 300 people waited outside the court.", "300").as_deref(),
        Some("waiting")
    );
}

#[test]
fn a_workforce_is_one_measure_however_written() {
    for (t, n) in [
        (
            "Halvorsen employs about 4,800 people around the world.",
            "4,800",
        ),
        ("Kestrel has about 21,000 employees.", "21,000"),
        ("The bank has a workforce of 21,000.", "21,000"),
    ] {
        assert_eq!(what(t, n), some("employed"), "{t}");
    }
    // Who was there is no workforce.
    assert_ne!(
        what("Around 300 workers were inside the building.", "300"),
        some("employed")
    );
    assert_ne!(
        what(
            "The factory had 300 workers inside when the fire broke out.",
            "300"
        ),
        some("employed")
    );
}

#[test]
fn the_company_that_employs_is_the_files() {
    let t = "January 13, 2020\n\n\
        Halvorsen Foods said Monday it will move its headquarters to Chicago.\n\n\
        Halvorsen Foods makes frozen meals.\n\n\
        The company has about 4,800 employees worldwide.\n";
    let doc = crate::analysis::analyze_document(t);
    let fc = crate::analysis::claims::analyze(t, &doc, &Default::default());
    let subjects: Vec<String> = fc
        .claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter_map(|f| match &f.body {
            FactBody::Quantity {
                subject: Some(s),
                measure,
                ..
            } if measure.what == "employed" => Some(doc.mentions[*s as usize].text(t).to_string()),
            _ => None,
        })
        .collect();
    assert!(
        subjects.iter().any(|s| s.starts_with("Halvorsen")),
        "{subjects:?}"
    );
}

/// The casualty counts (as written) of `t`'s claims.
fn tolls(t: &str) -> Vec<String> {
    let doc = crate::analysis::analyze_document(t);
    let fc = crate::analysis::claims::analyze(t, &doc, &Default::default());
    fc.claims
        .iter()
        .flat_map(|c| &c.facts)
        .filter_map(|f| match &f.body {
            FactBody::Quantity { measure, .. }
                if crate::analysis::claims::quantity::measure::is_casualty_measure(
                    &measure.what,
                ) =>
            {
                Some(f.text.clone())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_toll_in_the_lead_of_a_wire_report_is_read_though_it_names_no_event() {
    let t = "DAR ES SALAAM, Sept 17 (AFP) - The death toll rose to 44 on Friday as navy divers pulled more bodies from the water, Tanzanian authorities said.\n\n\
        Seven of the dead were children.\n";
    assert_eq!(tolls(t), vec!["44".to_string()]);
    // Later in an article, a toll of no event may be of another one: it
    // is left out as before.
    let t = "QUITO, May 12 (Reuters) - A magnitude 5.9 earthquake shook southern Ecuador on Thursday, killing two people, two days after a stronger quake in neighbouring Peru.\n\n\
        Officials said 17 people were injured.\n";
    assert!(!tolls(t).iter().any(|x| x.contains("17")), "{:?}", tolls(t));
}
