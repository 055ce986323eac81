use super::super::parsed_tests::parsed_facts;
use super::super::FactBody;

/// Each amount of the first sentence: (text, measure, unit, lo, hi).
fn amounts(t: &str) -> Vec<(String, String, String, f64, f64)> {
    parsed_facts(t)
        .into_iter()
        .filter_map(|f| match f.body {
            FactBody::Quantity {
                measure, amount, ..
            } => Some((
                f.text.clone(),
                measure.what,
                amount.unit,
                amount.interval.lo,
                amount.interval.hi,
            )),
            _ => None,
        })
        .collect()
}

fn what_of(t: &str, amount: &str) -> Option<String> {
    amounts(t)
        .into_iter()
        .find(|x| x.0.contains(amount))
        .map(|x| x.1)
}

#[test]
fn a_mass_is_of_the_substance_seized_or_spilled() {
    for (t, a) in [
        (
            "Customs officers seized 4.2 tonnes of cocaine at the port on Monday.",
            "4.2 tonnes",
        ),
        (
            "Officers seized 4,200 kg of cocaine hidden in a banana shipment.",
            "4,200 kg",
        ),
        (
            "Police found 1.2 tonnes of cocaine in the truck.",
            "1.2 tonnes",
        ),
    ] {
        assert_eq!(what_of(t, a).as_deref(), Some("seized cocaine"), "{t}");
    }
    let t = "The tanker spilled 3,000 tonnes of crude oil off the coast.";
    assert_eq!(what_of(t, "3,000 tonnes").as_deref(), Some("spilled oil"));
    // Tonnes and kilograms are one unit: 4.2 tonnes is 4,150 to 4,250 kg.
    let a = amounts("Customs officers seized 4.2 tonnes of cocaine at the port on Monday.");
    assert_eq!(a[0].2, "kg");
    assert!(a[0].3 > 4100.0 && a[0].4 < 4300.0, "{a:?}");
    // A mass nothing names is no fact.
    assert_eq!(
        what_of("The shipment weighed 4.2 tonnes.", "4.2 tonnes"),
        None
    );
}

#[test]
fn a_height_is_of_the_thing_it_measures() {
    let t = "The volcano sent an ash column 5 km high into the sky.";
    assert_eq!(what_of(t, "5 km").as_deref(), Some("plume height"));
    let t = "A wave 12 metres high struck the coast.";
    assert_eq!(what_of(t, "12 metres").as_deref(), Some("wave height"));
    let t = "Oil washed up along 40 km of coastline.";
    assert_eq!(what_of(t, "40 km").as_deref(), Some("coastline length"));
    // Kilometres and metres are one unit.
    let a = amounts("The volcano sent an ash column 5 km high into the sky.");
    assert_eq!(a[0].2, "m");
}

#[test]
fn a_speed_is_of_the_wind_or_its_gusts() {
    let t = "The storm brought sustained winds of 150 km/h and gusts of up to 200 km/h.";
    assert_eq!(what_of(t, "150 km/h").as_deref(), Some("wind speed"));
    assert_eq!(what_of(t, "200 km/h").as_deref(), Some("wind gusts"));
    // Miles per hour are kilometres per hour: 90 mph is about 145 km/h.
    let a = amounts("Winds gusted at up to 90 mph on the coast.");
    assert_eq!(a[0].1, "wind gusts");
    assert_eq!(a[0].2, "km/h");
    assert!((a[0].4 - 90.5 * 1.609_344).abs() < 1.0, "{a:?}");
}

#[test]
fn an_age_is_of_the_person_its_noun_and_verb_name() {
    let t = "A 34-year-old man was arrested on Monday.";
    assert_eq!(what_of(t, "34").as_deref(), Some("age of man arrest"));
    let t = "The 34-year-old suspect appeared in court on Monday.";
    assert_eq!(what_of(t, "34").as_deref(), Some("age of suspect"));
}

#[test]
fn time_given_to_leave_and_money_raised_in_a_relative_clause() {
    let t = "Residents were given 48 hours to leave.";
    assert_eq!(what_of(t, "48 hours").as_deref(), Some("time to leave"));
    // Days are hours: two days is 36 to 60 hours, not 24.
    let a = amounts("Residents were given two days to evacuate.");
    assert_eq!(a[0].1, "time to leave");
    assert_eq!(a[0].2, "hour");
    assert!(a[0].3 > 24.5 && a[0].4 >= 48.0, "{a:?}");
    let t = "The IPO, which raised 1.1 billion euros, was the largest of the year.";
    assert_eq!(
        what_of(t, "1.1 billion euros").as_deref(),
        Some("investment")
    );
}

#[test]
fn cargo_storeys_race_distance_and_average_speed_name_what_they_measure() {
    let t = "The ship has about 1,700 tonnes of heavy fuel oil in her tanks.";
    assert_eq!(
        what_of(t, "1,700 tonnes").as_deref(),
        Some("carried fuel oil")
    );
    let t =
        "The Alva Star was carrying about 1,100 tonnes of heavy fuel oil and 280 tonnes of diesel.";
    assert_eq!(
        what_of(t, "1,100 tonnes").as_deref(),
        Some("carried fuel oil")
    );
    assert_eq!(what_of(t, "280 tonnes").as_deref(), Some("carried diesel"));
    // Storeys and floors are one count of a building's height.
    let t = "A fire tore through a 21-storey residential tower in east London.";
    assert_eq!(what_of(t, "21-storey").as_deref(), Some("building height"));
    let a = amounts("Flames spread quickly up the 21-floor building in Poplar on Tuesday.");
    assert_eq!(
        (a[0].1.as_str(), a[0].2.as_str()),
        ("building height", "storey")
    );
    assert_eq!(
        what_of(
            "Residents said smoke filled a flat on the ninth floor.",
            "ninth"
        ),
        None
    );
    let t = "The stage from Namur covered 178km and was ridden at an average speed of 45.3 km/h.";
    assert_eq!(what_of(t, "178km").as_deref(), Some("race distance"));
    assert_eq!(what_of(t, "45.3 km/h").as_deref(), Some("average speed"));
    let t = "Jonas Vinter won the fourth stage after 187 kilometres from Namur on Monday.";
    assert_eq!(
        what_of(t, "187 kilometres").as_deref(),
        Some("race distance")
    );
    // A point on the course is no distance of the race.
    let t = "Vinter attacked after 150 km but was caught.";
    assert_ne!(what_of(t, "150 km").as_deref(), Some("race distance"));
}

#[test]
fn a_term_to_go_to_prison_for_is_a_prison_term() {
    let t = "Klaus Berger will go to prison for six years and nine months.";
    assert_eq!(what_of(t, "six years").as_deref(), Some("prison term"));
}

#[test]
fn a_lead_in_seconds_is_over_the_rival_named() {
    for (t, a) in [
        (
            "Vinter leads Marco Ruiz by four seconds overall.",
            "four seconds",
        ),
        (
            "Vinter now has a four-second lead over Marco Ruiz.",
            "four-second",
        ),
    ] {
        assert_eq!(
            what_of(t, a).as_deref(),
            Some("lead over marco ruiz"),
            "{t}"
        );
    }
    // A winning margin is no lead.
    assert_eq!(
        what_of("Vinter won the stage by two seconds.", "two seconds"),
        None
    );
}
