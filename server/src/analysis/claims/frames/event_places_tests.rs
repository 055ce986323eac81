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
