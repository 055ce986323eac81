//! One accident as two reports give it: its places compared grain by
//! grain (a district with a district), and whether two reports that name
//! nobody tell of one accident.
use super::{class, descriptions, kept_apart, participants_clash, place_relation, places_agree};
use super::{same_day, Described, PlaceRelation};
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::frames::{lexicon, EventKind};
use crate::analysis::claims::index::sig::EventSig;
use crate::analysis::claims::resolve::place_kind;
use crate::analysis::linking::Entity;
use crate::analysis::text::fold::ascii_key;

/// The grain a place of event `e` is compared at: the word written with
/// it ("district", "river", "near"), else its name's last word, else a
/// city the gazetteer knows.
pub(super) fn grain(entities: &[Entity], e: &EventSig, x: u32) -> Option<String> {
    let ent = &entities[x as usize];
    let named = ascii_key(&ent.canonical)
        .rsplit(' ')
        .next()
        .and_then(lexicon::place_grain)
        .map(str::to_string);
    if let Some((_, w)) = e.place_words.iter().find(|(p, _)| *p == x) {
        // "sank near Ukerewe Island", "off Kome Island": a boat is placed
        // by the island it sank at, near or off it; two islands are two
        // places (though an island and its lake are one).
        if w == "near" && named.as_deref() == Some("island") {
            return named;
        }
        return Some(w.clone());
    }
    named.or_else(|| (place_kind(ent).as_deref() == Some("city")).then(|| "city".to_string()))
}

/// Grains whose places one event has one of: a village, a place "near"
/// the event, a coarse area say too little to contradict another.
const COMPARED_GRAINS: &[&str] = &[
    "district", "province", "county", "city", "river", "highway", "lake", "island",
];

/// One event's places compared like with like: a district with a
/// district, a river with a river ("in Chandpur district" and "in
/// Shariatpur district" cannot both be right; "into the Meghna" and "in
/// the Meghna River" agree). `Some(false)` when some grain has a place on
/// each side and none of one side's is one of the other's, `Some(true)`
/// when a grain agrees and none contradicts, `None` when no grain is on
/// both sides.
pub fn grains_agree(entities: &[Entity], a: &EventSig, b: &EventSig) -> Option<bool> {
    grains_agree_in(entities, a, b, COMPARED_GRAINS)
}

/// Grains of places that never nest in one another (a district is in no
/// other district, an island in no other island; a town may be in a
/// city): the ones compared for events identified by who took part, whose
/// cities [`places_agree`] compares. A named ferry that sank near one
/// island did not sink near another.
pub const AREA_GRAINS: &[&str] = &["district", "province", "county", "island", "lake", "river"];

/// [`grains_agree`] over the given grains only.
pub fn grains_agree_in(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    grains: &[&str],
) -> Option<bool> {
    let mut verdict = None;
    for g in grains {
        let of = |e: &EventSig| -> Vec<u32> {
            e.places
                .iter()
                .copied()
                .filter(|&x| grain(entities, e, x).as_deref() == Some(g))
                .collect()
        };
        let (xs, ys) = (of(a), of(b));
        if xs.is_empty() || ys.is_empty() {
            continue;
        }
        let one = xs.iter().any(|&x| {
            ys.iter()
                .any(|&y| place_relation(entities, x, y) == PlaceRelation::Same)
        });
        if !one {
            return Some(false);
        }
        verdict = Some(true);
    }
    verdict
}

/// Places of an event that can contradict another report's: not those
/// "near" it.
fn placed_at(e: &EventSig) -> Vec<u32> {
    e.places
        .iter()
        .copied()
        .filter(|x| {
            !e.place_words
                .iter()
                .any(|(p, w)| p == x && matches!(w.as_str(), "near" | "village" | "direction"))
        })
        .collect()
}

/// How one accident's places as two reports give them compare: grain by
/// grain first, then as places (two cities apart); places "near" it
/// never contradict.
pub fn accident_places_agree(entities: &[Entity], a: &EventSig, b: &EventSig) -> Option<bool> {
    if let Some(v) = grains_agree(entities, a, b) {
        return Some(v);
    }
    let (pa, pb) = (placed_at(a), placed_at(b));
    if pa.is_empty() || pb.is_empty() {
        return near_cities_apart(entities, a, b).then_some(false);
    }
    places_agree(entities, &pa, &pb)
}

/// How far from a town an event "near" it may be, in kilometres: two
/// towns further apart than twice this cannot both be near one place.
const NEAR_KM: f64 = 20.0;

/// Whether the cities two reports place an accident at or near (one of
/// them "near") lie so far apart that no place is near both: "derailed
/// near Ploiesti" and "near Brasov" (100 km). Towns the gazetteer cannot
/// place (a resort, a village) are never compared so: two of them may be
/// neighbours.
fn near_cities_apart(entities: &[Entity], a: &EventSig, b: &EventSig) -> bool {
    let cities = |e: &EventSig| -> Vec<String> {
        e.places
            .iter()
            .map(|&x| &entities[x as usize])
            .filter(|ent| place_kind(ent).as_deref() == Some("city"))
            .map(|ent| ent.canonical.clone())
            .collect()
    };
    let (ca, cb) = (cities(a), cities(b));
    !ca.is_empty()
        && !cb.is_empty()
        && ca.iter().all(|x| {
            cb.iter().all(|y| {
                crate::analysis::claims::resolve::city_areas::km_between(x, y)
                    .is_some_and(|d| d > 2.0 * NEAR_KM)
            })
        })
}

/// Two reports of one accident that names nobody ("a launch capsized",
/// "a bus plunged into a river"): of one kind, on the same day, in one
/// country, to the same class of thing (a launch and a speedboat are two
/// accidents) or at a place both give (the same river, the same
/// district). Nothing else may tell them apart: people of one kind on each
/// side, another event of the kind (last year's ferry), two countries.
/// Their places may then disagree: that is what a report can get wrong.
pub fn one_accident(entities: &[Entity], a: &EventSig, b: &EventSig) -> bool {
    let named = |e: &EventSig| !e.participants.is_empty() || !e.names.is_empty();
    if class(a.kind) != class(b.kind)
        || !crate::analysis::claims::index::story::HARMFUL.contains(&class(a.kind))
        || (named(a) && named(b))
        || kept_apart(a, b)
        || participants_clash(entities, a, b)
        || descriptions(a, b) == Described::Apart
        || !same_day(a, b)
    {
        return false;
    }
    if matches!((&a.country, &b.country), (Some(x), Some(y)) if x != y) {
        return false;
    }
    let vehicle = match (&a.vehicle, &b.vehicle) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    let country = matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y);
    // A place finer than a country: two accidents of one day in one
    // country are common, in one river or district not.
    let fine = |x: &u32| place_kind(&entities[*x as usize]).as_deref() != Some("country");
    let shared_place = a.places.iter().filter(|x| fine(x)).any(|&x| {
        b.places
            .iter()
            .filter(|y| fine(y))
            .any(|&y| place_relation(entities, x, y) == PlaceRelation::Same)
    });
    if shared_place {
        return true;
    }
    // Two cities the gazetteer tells apart, one on each side, and two
    // days (a warehouse fire in Lahore, a factory fire in Karachi the day
    // before): two accidents of the kind in one country, not one that a
    // report misplaced and misdated. (On one day, two cities are what
    // one report got wrong: a place conflict.)
    let cities = |e: &EventSig| -> Vec<u32> {
        placed_at(e)
            .into_iter()
            .filter(|&x| place_kind(&entities[x as usize]).as_deref() == Some("city"))
            .collect()
    };
    let (ca, cb) = (cities(a), cities(b));
    let two_cities = !ca.is_empty()
        && !cb.is_empty()
        && ca.iter().all(|&x| {
            cb.iter()
                .all(|&y| place_relation(entities, x, y) == PlaceRelation::OtherCity)
        });
    let two_days = matches!(
        (a.when, b.when),
        (Some(x), Some(y)) if crate::analysis::claims::dates::min_distance(x, y) > 0
    );
    country && vehicle && !(two_cities && two_days)
}

/// Kinds of accident that happen at one place: a fire, a crash. (A quake
/// or a storm strikes many places, and two reports may name two of them.)
fn at_one_place(kind: EventKind) -> bool {
    matches!(class(kind), EventKind::Crash | EventKind::Fire)
}

/// A place finer than the regions that contain towns: a town, a village,
/// a river, a place the gazetteer does not know and no word makes a
/// province ("Khanh Binh", not "Binh Duong province" nor "Vietnam").
fn finer_than_region(entities: &[Entity], e: &EventSig, x: u32) -> bool {
    let kind = place_kind(&entities[x as usize]);
    !matches!(
        kind.as_deref(),
        Some("country") | Some("region") | Some("state")
    ) && !matches!(
        grain(entities, e, x).as_deref(),
        Some("province") | Some("county") | Some("near")
    )
}

/// Two reports of one accident that names nobody, at least one of them
/// undated as its sentence reads ("early on Tuesday" the parse may miss):
/// a fire or a crash of one class of thing (a factory, a bus) at a town
/// or village both name. The caller checks that the reports are of one
/// time. Their coarser places may then disagree ("in Khanh Binh town,
/// Binh Duong province" and "in Khanh Binh, Dong Nai province").
pub fn one_undated_accident(entities: &[Entity], a: &EventSig, b: &EventSig) -> bool {
    let named = |e: &EventSig| !e.participants.is_empty() || !e.names.is_empty();
    if class(a.kind) != class(b.kind)
        || !at_one_place(a.kind)
        || named(a)
        || named(b)
        || (a.when.is_some() && b.when.is_some())
        || kept_apart(a, b)
        || participants_clash(entities, a, b)
        || descriptions(a, b) == Described::Apart
    {
        return false;
    }
    if matches!((&a.country, &b.country), (Some(x), Some(y)) if x != y) {
        return false;
    }
    if !matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x == y) {
        return false;
    }
    a.places
        .iter()
        .filter(|&&x| finer_than_region(entities, a, x))
        .any(|&x| {
            b.places
                .iter()
                .filter(|&&y| finer_than_region(entities, b, y))
                .any(|&y| place_relation(entities, x, y) == PlaceRelation::Same)
        })
}

/// How many days apart two reports' publication days may be for their
/// lead events to be one (a quake is reported that day and the next).
const LEAD_FILED_DAYS: i64 = 2;

/// How many days apart two lead events taken for one may be dated and
/// still conflict: a report a day off is a misdating, two quakes days
/// apart in one country are more likely two quakes (an aftershock).
pub const LEAD_DATE_GAP: i64 = 1;

/// Whether two reports' lead events are one harmful event for comparing
/// its date: each file tells of one event of the kind (a quake, a storm,
/// a fire, a crash, an attack) as its news, in one country, and the files
/// were filed within days, even when one report places it no finer than
/// the country or at nothing the index can compare ("in the Andes") and
/// their days differ (which is then the conflict). Never when both place
/// it and the places do not agree, nor when a name, a participant or the
/// class of thing struck contradicts, nor for an event told in the
/// background.
pub fn one_lead_event(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
) -> bool {
    let k = class(a.kind);
    if k != class(b.kind)
        || !crate::analysis::claims::index::story::HARMFUL.contains(&k)
        || !(a.lead && b.lead)
        || kept_apart(a, b)
    {
        return false;
    }
    if !matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y) {
        return false;
    }
    if !matches!((fa, fb), (Some(x), Some(y)) if dates::min_distance(x, y) <= LEAD_FILED_DAYS) {
        return false;
    }
    if matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y) {
        return false;
    }
    // Two storms named apart are two storms.
    if !a.names.is_empty() && !b.names.is_empty() && !a.names.iter().any(|n| b.names.contains(n)) {
        return false;
    }
    // Placed on both sides (below the country), the places must not
    // disagree: a boat off Sicily and one off Sardinia a day apart are
    // two. Where the event has no such place, those its sentence names
    // stand in.
    let own = |e: &EventSig| -> Vec<u32> {
        e.places
            .iter()
            .copied()
            .filter(|&x| place_kind(&entities[x as usize]).as_deref() != Some("country"))
            .collect()
    };
    let fine = |e: &EventSig| -> Vec<u32> {
        let own = own(e);
        if own.is_empty() {
            e.lead_places.clone()
        } else {
            own
        }
    };
    // A place that only stands in (the city a report was spoken from:
    // "the emergency service said in Tehran") is weak evidence: a precise
    // figure both reports state outweighs it.
    let stand_in = own(a).is_empty() || own(b).is_empty();
    if stand_in && !super::shared_figures(a, b).is_empty() {
        let places = places_agree(entities, &a.places, &b.places);
        return !participants_clash(entities, a, b)
            && places != Some(false)
            && accident_places_agree(entities, a, b) != Some(false);
    }
    // Places of one grain that do not agree (two islands, two regions)
    // are two events; places of two grains (a village and a department,
    // a district and a place near it) may be one the gazetteer cannot
    // relate.
    let (pa, pb) = (fine(a), fine(b));
    let kind = |x: u32| place_kind(&entities[x as usize]);
    let one_grain = pa
        .iter()
        .any(|&x| pb.iter().any(|&y| kind(x).is_some() && kind(x) == kind(y)));
    match places_agree(entities, &pa, &pb) {
        Some(false) => return false,
        None if one_grain => return false,
        _ => {}
    }
    let places = places_agree(entities, &a.places, &b.places);
    !participants_clash(entities, a, b)
        && places != Some(false)
        && accident_places_agree(entities, a, b) != Some(false)
}

/// Two reports of an accident that names nobody, filed more than three
/// days apart, each dating its event within the week of its own report:
/// two accidents (two fires of one city a week apart), not one misdated.
/// Each side is (event, its dating, the report's filing).
pub fn fresh_reports_of_two(
    (e1, r1, f1): (&EventSig, (Ymd, Ymd), Option<(Ymd, Ymd)>),
    (e2, r2, f2): (&EventSig, (Ymd, Ymd), Option<(Ymd, Ymd)>),
) -> bool {
    let unnamed = |e: &EventSig| e.participants.is_empty() && e.names.is_empty();
    let own_week =
        |r: (Ymd, Ymd), f: Option<(Ymd, Ymd)>| f.is_some_and(|f| dates::max_distance(r, f) <= 7);
    let apart_filed = matches!((f1, f2), (Some(x), Some(y)) if dates::min_distance(x, y) > 3);
    unnamed(e1) && unnamed(e2) && apart_filed && own_week(r1, f1) && own_week(r2, f2)
}

/// Whether two reports' lead events, found one event by who or where,
/// are dated a day apart by reports filed within days of each other: one
/// report misdated the story's event (the date conflict says so), and
/// what both count of it (the injured, the dead) is still of one event.
/// Never for another event of the kind told in the background, nor
/// within one file (two days there are two events).
pub fn lead_misdated(
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
    same_file: bool,
) -> bool {
    let (Some(x), Some(y)) = (a.when, b.when) else {
        return false;
    };
    !same_file
        && class(a.kind) == class(b.kind)
        && a.lead
        && b.lead
        && !a.another
        && !b.another
        && !kept_apart(a, b)
        && dates::min_distance(x, y) <= LEAD_DATE_GAP
        && matches!((fa, fb), (Some(p), Some(q)) if dates::min_distance(p, q) <= LEAD_FILED_DAYS)
}

/// Whether two reports' lead events of a harmful kind are one event
/// dated to the same day, whatever places they give: each file leads
/// with it, in one country, filed within days, nothing named or
/// described apart. Its places are then what the reports compare ("a
/// cholera outbreak in the district of Mbala" and "in Mpulungu district",
/// declared the same Monday).
pub fn one_lead_of_a_day(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
) -> bool {
    let k = class(a.kind);
    k == class(b.kind)
        && crate::analysis::claims::index::story::HARMFUL.contains(&k)
        && a.lead
        && b.lead
        && !kept_apart(a, b)
        && same_day(a, b)
        && matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y)
        && matches!((fa, fb), (Some(x), Some(y)) if dates::min_distance(x, y) <= LEAD_FILED_DAYS)
        && !matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y)
        && (a.names.is_empty() || b.names.is_empty() || a.names.iter().any(|n| b.names.contains(n)))
        && !participants_clash(entities, a, b)
        && descriptions(a, b) != Described::Apart
}
