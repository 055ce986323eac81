//! Where events happened, as sentences of news put it (issue 10, places):
//! meetings as the occasion of what they produced, pledges placed by
//! their conference, parts of a city, islands, venues of games.
use super::tests::events;
use super::EventKind;
use crate::analysis::claims::dates::Ymd;

fn day() -> Option<Ymd> {
    Ymd::new(2025, 10, 22)
}

/// The places of the first event of `kind` in the first sentence of `t`.
fn places_of(t: &str, kind: EventKind) -> Vec<String> {
    events(t, day())
        .into_iter()
        .find(|e| e.0 == kind)
        .map(|e| e.2)
        .unwrap_or_else(|| panic!("no {kind:?} in {t:?}"))
}

#[test]
fn talks_after_which_people_agreed_are_where_they_agreed() {
    for t in [
        "The European Union's agriculture ministers agreed on Wednesday to cut cod quotas after talks in Brussels, a minister said.",
        "ECOWAS defence ministers agreed on Sunday to send 1,500 troops to the border region following a meeting in Abuja, officials said.",
    ] {
        let e = events(t, day());
        let m = e.iter().find(|e| e.0 == EventKind::Meeting).unwrap_or_else(|| panic!("{t}: {e:?}"));
        assert!(!m.1.is_empty(), "who met: {t}: {e:?}");
        assert_eq!(m.2.len(), 1, "{t}: {e:?}");
    }
    // Talks of their own time are another, earlier meeting.
    let t = "ECOWAS defence ministers approved the deployment on Sunday, weeks after talks last month in Abuja had ended without a deal.";
    assert!(
        events(t, day())
            .iter()
            .all(|e| e.0 != EventKind::Meeting || e.2.is_empty()),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn a_pledge_is_placed_by_its_conference() {
    for (t, place) in [
        ("Japan and Saudi Arabia made the largest pledges of $600 million for Afghanistan at a meeting held in Doha on Monday, officials said.", "Doha"),
        ("Germany and the European Union led pledges of $1.2 billion for Sudan at a conference held in Brussels on Thursday, officials said.", "Brussels"),
    ] {
        assert_eq!(places_of(t, EventKind::Pledge), vec![place.to_string()], "{t}");
    }
}

#[test]
fn an_island_close_to_which_a_boat_sank_places_it() {
    let t = "Nineteen people drowned on Monday when a boat carrying traders capsized close to Kome Island, police said.";
    assert_eq!(
        places_of(t, EventKind::Crash),
        vec!["Kome Island".to_string()]
    );
}

#[test]
fn a_game_read_with_beat_as_a_copula_or_lost_to_is_a_game_with_its_venue() {
    let t = "The Brisbane Comets beat the Cairns Herons at Carrington Arena in Brisbane on Saturday night.";
    let e = events(t, day());
    let g = e
        .iter()
        .find(|e| e.0 == EventKind::Contest)
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(g.1.len(), 2, "{e:?}");
    assert!(g.2.contains(&"Brisbane".to_string()), "{e:?}");
    let t = "The Cairns Herons lost to the Brisbane Comets on the Gold Coast on Saturday.";
    let e = events(t, day());
    let g = e
        .iter()
        .find(|e| e.0 == EventKind::Contest)
        .unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(g.1.len(), 2, "{e:?}");
    // "lost" alone is no game.
    let t = "The Cairns company lost 40 jobs on Saturday.";
    assert!(events(t, day()).iter().all(|e| e.0 != EventKind::Contest));
}

#[test]
fn a_region_named_by_a_demonym_is_a_place_not_a_participant() {
    // The recogniser takes "Peruvian Andes" for a person.
    let t = "Four people died when a strong earthquake hit Cusco in the Peruvian Andes on Monday, officials said.";
    let e = events(t, day());
    let q = e
        .iter()
        .find(|e| e.0 == EventKind::Quake)
        .unwrap_or_else(|| panic!("{e:?}"));
    assert!(q.1.is_empty(), "{e:?}");
}

/// The first event of `kind` in the first sentence of `t`, as read.
fn event_of(t: &str, kind: EventKind) -> Option<super::Event> {
    super::tests::read_events(t, day())
        .into_iter()
        .map(|(e, _)| e)
        .find(|e| e.kind == kind)
}

#[test]
fn a_fire_is_where_the_named_firm_it_gutted_is() {
    for (t, place) in [
        ("The fire that gutted Noor Textiles Ltd in Lahore's Shahdara area started in a storeroom, investigators said.", "Lahore"),
        ("Nine workers were killed on Sunday when a blaze destroyed Crescent Mills Ltd in Multan, police said.", "Multan"),
    ] {
        assert!(places_of(t, EventKind::Fire).contains(&place.to_string()), "{t}: {:?}", events(t, day()));
    }
    // A place the firm is only from is no place of the fire.
    let t = "A fire gutted a warehouse of Crescent Mills Ltd, a company from Multan, on Sunday, police said.";
    assert!(
        !places_of(t, EventKind::Fire).contains(&"Multan".to_string()),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn a_name_that_qualifies_the_noun_after_it_encloses_no_place() {
    // "Sindh" qualifies "health officials": no region the town lies in.
    let t = "Twelve workers have died in the blaze that destroyed Crescent Mills Ltd in Landhi, Sindh labour officials confirmed on Friday.";
    let places = places_of(t, EventKind::Fire);
    assert!(!places.contains(&"Sindh".to_string()), "{places:?}");
    let t = "A fire destroyed Crescent Mills Ltd in Tan Uyen, Binh Duong province, on Sunday.";
    let places = places_of(t, EventKind::Fire);
    assert!(places.contains(&"Binh Duong".to_string()), "{places:?}");
}

#[test]
fn the_accident_that_caused_deaths_is_reported_though_dated() {
    for t in [
        "Five people have died following Saturday's derailment near Plovdiv, the health ministry said on Sunday.",
        "Twelve people died after Monday's bus crash in Dhading district, police said.",
    ] {
        let e = event_of(t, EventKind::Crash).unwrap_or_else(|| panic!("{t}"));
        assert!(!e.background, "{t}: {e:?}");
        assert!(!e.places.is_empty(), "{t}: {e:?}");
    }
    // An accident a count is only measured against stays background.
    let t = "Rail traffic resumed on Monday, two days after Saturday's derailment near Plovdiv.";
    assert!(
        event_of(t, EventKind::Crash).is_none_or(|e| e.background),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn a_vehicle_that_left_the_tracks_or_the_road_had_an_accident_there() {
    for (t, place) in [
        (
            "Five people died when an express train left the tracks near Stara Zagora on Saturday.",
            "Stara Zagora",
        ),
        (
            "Two people were hurt when a bus left the road near Pokhara on Friday night.",
            "Pokhara",
        ),
    ] {
        assert!(
            places_of(t, EventKind::Crash).contains(&place.to_string()),
            "{t}: {:?}",
            events(t, day())
        );
    }
    // Leaving a town is setting off.
    let t = "The ferry left Mwanza on Monday morning with 200 passengers.";
    assert!(
        events(t, day()).iter().all(|e| e.0 != EventKind::Crash),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn a_ship_named_with_its_prefix_is_a_vessel() {
    for t in [
        "The MV Kisiwa Bora went down on Thursday close to Ukara Island, police said.",
        "The MS Baltic Star went down near Gotland on Friday, the coast guard said.",
    ] {
        assert!(
            !places_of(t, EventKind::Crash).is_empty(),
            "{t}: {:?}",
            events(t, day())
        );
    }
}

#[test]
fn talks_on_the_verb_that_reports_an_agreement_are_where_it_was_reached() {
    for (t, place) in [
        ("Energy ministers from the three Baltic states agreed on Wednesday to build a gas storage site, Lithuanian Energy Minister Tomas Vaitkus said after talks in Vilnius.", "Vilnius"),
        ("The two governments have agreed to reopen the border crossing, Foreign Minister Ana Costa told reporters after talks in Lisbon.", "Lisbon"),
    ] {
        let e = event_of(t, EventKind::Meeting).unwrap_or_else(|| panic!("{t}: {:?}", events(t, day())));
        assert!(!e.background, "{t}: {e:?}");
        assert_eq!(places_of(t, EventKind::Meeting), vec![place.to_string()], "{t}");
    }
    // A statement after talks that agreed nothing: the talks are a
    // point of reference.
    let t = "Foreign Minister Ana Costa told reporters after talks in Lisbon that the dispute remained open.";
    assert!(
        event_of(t, EventKind::Meeting).is_none_or(|e| e.background),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn a_scored_loss_to_a_town_is_a_game_with_the_town_as_a_team() {
    for (t, place) in [
        ("Cairns Herons coach Dale Whitford blamed slow starts for Saturday's 101-93 loss to Perth in Melbourne.", "Melbourne"),
        ("Cairns slumped to a 101-93 loss to Perth at Riverside Arena on Saturday, their third defeat in a row.", "Riverside Arena"),
    ] {
        let e = events(t, day());
        let g = e.iter().find(|e| e.0 == EventKind::Contest).unwrap_or_else(|| panic!("{t}: {e:?}"));
        assert!(g.1.contains(&"Perth".to_string()), "{t}: {e:?}");
        assert_eq!(g.2, vec![place.to_string()], "{t}: {e:?}");
    }
    // A loss to a rival without a score is a firm's.
    let t = "Nokia blamed the loss to Samsung in Europe on its prices.";
    assert!(
        events(t, day()).iter().all(|e| e.0 != EventKind::Contest),
        "{:?}",
        events(t, day())
    );
}

#[test]
fn deaths_at_a_work_site_are_an_accident_there_unless_another_event_is_named() {
    for (t, place) in [
        ("Nine workers were killed at the Thabazimbi shaft in Rustenburg on Tuesday, the union said.", "Rustenburg"),
        ("Four men died at a colliery near Rybnik on Monday, the mine's owner said.", "Rybnik"),
    ] {
        assert_eq!(places_of(t, EventKind::Crash), vec![place.to_string()], "{t}");
    }
    // A blast named: the deaths are the blast's, no accident of their own.
    let t = "Four men were killed in a blast at a chemical plant in Rybnik on Monday, police said.";
    assert!(
        events(t, day()).iter().all(|e| e.0 != EventKind::Crash),
        "{:?}",
        events(t, day())
    );
    // Deaths at a market are no accident by themselves.
    let t = "Four people were killed at a market in Rybnik on Monday, police said.";
    assert!(events(t, day()).is_empty(), "{:?}", events(t, day()));
}

#[test]
fn a_theft_is_placed_where_it_took_from() {
    for (t, place) in [
        ("Thieves stole 14 paintings from the Groeninge Museum in Bruges on Sunday, police said.", "Bruges"),
        ("Fourteen paintings were stolen from a gallery in Rotterdam on Saturday, police said.", "Rotterdam"),
    ] {
        assert_eq!(places_of(t, EventKind::Theft), vec![place.to_string()], "{t}");
    }
}

#[test]
fn a_strike_is_placed_where_its_workers_strike_and_a_drone_strike_is_none() {
    for (t, place) in [
        ("The strike at the port of Rotterdam by dockworkers on Tuesday left 40 ships waiting, the union said.", "Rotterdam"),
        ("A strike by dockworkers at the port of Antwerp on Tuesday left 40 ships waiting, the union said.", "Antwerp"),
    ] {
        assert_eq!(places_of(t, EventKind::Strike), vec![place.to_string()], "{t}");
    }
    for t in [
        "A drone strike killed four people in Gaza on Tuesday, health officials said.",
        "The strike in the 89th minute gave Rovers a 2-1 win in Leeds on Tuesday.",
    ] {
        assert!(
            events(t, day()).iter().all(|e| e.0 != EventKind::Strike),
            "{t}: {:?}",
            events(t, day())
        );
    }
}

#[test]
fn a_boat_that_sank_off_a_place_is_placed_there() {
    for (t, place) in [
        (
            "A ferry sank off Sicily on Tuesday, killing 12 passengers, officials said.",
            "Sicily",
        ),
        (
            "A ferry sank off Sardinia on Tuesday, killing 12 passengers, officials said.",
            "Sardinia",
        ),
    ] {
        assert_eq!(
            places_of(t, EventKind::Crash),
            vec![place.to_string()],
            "{t}"
        );
    }
}
