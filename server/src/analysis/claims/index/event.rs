//! Event identity and place compatibility.
//!
//! Two reports speak of one event when it is of one kind, at compatible
//! times, with no contradicting participants and something in common (a
//! participant, or a place for events nobody takes part in). Two fights of
//! one boxer against different opponents, two thefts from different
//! museums, two quakes in different places, two acquisitions by one buyer
//! are different events, and their facts are never compared.
use super::sig::EventSig;
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::frames::{lexicon, EventKind};
use crate::analysis::claims::resolve::{city_areas, country_of, place_kind_str};
use crate::analysis::linking::name_facts::NameFacts;
use crate::analysis::linking::Entity;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// How a report's time bounds the event it reports: the event's own date,
/// else the week before the report up to its day.
fn event_time(e: &EventSig, filed: Option<(Ymd, Ymd)>) -> Option<(Ymd, Ymd)> {
    e.when
        .or_else(|| filed.map(|(lo, hi)| (lo.add_days(-7), hi)))
}

/// The class of an event kind: kinds one event is reported as. Talks
/// are called a meeting, a summit, a session; the words differ, the event
/// is one.
pub fn class(k: EventKind) -> EventKind {
    match k {
        EventKind::Summit => EventKind::Meeting,
        k => k,
    }
}

/// Events that happen to people unnamed (a crash, a fire, an outbreak of
/// disease): told apart by place and day, not by who took part.
fn happens_unnamed(k: EventKind) -> bool {
    super::story::HARMFUL.contains(&class(k)) || k.natural()
}

/// Days allowed between two datings of one event of this kind.
pub fn tolerance(e: &EventSig) -> i64 {
    if e.kind.multi_day() {
        3
    } else {
        0
    }
}

/// Days allowed between two datings of one event reported as `a` and as
/// `b` (a "meeting" that others call a "summit").
pub fn pair_tolerance(a: &EventSig, b: &EventSig) -> i64 {
    tolerance(a).max(tolerance(b))
}

/// Whether two events must stay apart for what they are, not what they
/// share: another event of the kind than the one an article reports (a
/// crash of last year) is never the reported one, and two such events
/// are one only when both are dated (then their dates tell).
pub fn kept_apart(a: &EventSig, b: &EventSig) -> bool {
    a.another != b.another || (a.another && (a.when.is_none() || b.when.is_none()))
}

/// What two descriptions of who took part say of two events (see
/// [`descriptions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Described {
    /// Nothing to tell: no description on a side, other head nouns, or
    /// one description finer than the other.
    Unknown,
    /// Of one head noun, each side's qualifying words said by the other
    /// report ("water ministers from the Nile Basin" and "Nile Basin
    /// ministers responsible for water").
    Alike,
    /// Of one head noun, each side with a qualifying word the other report
    /// never says ("water ministers" and "fisheries ministers").
    Apart,
}

/// Whether a word stem is among a sentence's stems (one stem the start of
/// the other, for words stemmed two ways: "fishery", "fisheri").
fn said(w: &str, words: &[String]) -> bool {
    words.iter().any(|x| {
        x == w || (x.len().min(w.len()) >= 4 && (x.starts_with(w) || w.starts_with(x.as_str())))
    })
}

/// Compares who took part in two events as their reports describe them.
pub fn descriptions(a: &EventSig, b: &EventSig) -> Described {
    let (Some((ha, ma)), Some((hb, mb))) = (a.descriptor.split_first(), b.descriptor.split_first())
    else {
        return Described::Unknown;
    };
    if ha != hb || (ma.is_empty() && mb.is_empty()) {
        return Described::Unknown;
    }
    let a_in_b = ma.iter().all(|w| said(w, &b.said));
    let b_in_a = mb.iter().all(|w| said(w, &a.said));
    // Who meets, votes or signs is what tells one such event from
    // another; what a crash or a fire struck is described loosely ("a
    // regional jet", "the passenger jet"), and alike by two accidents of a
    // day ("passengers were hurt" when a train derailed in one country and
    // in the next).
    // (Marchers are who a march is: "teachers marched" and "tenants
    // marched" in one city are two marches.)
    if super::story::HARMFUL.contains(&class(a.kind)) && a.kind != EventKind::Protest {
        return Described::Unknown;
    }
    match (a_in_b, b_in_a) {
        (true, true) => Described::Alike,
        (false, false) if !happens_unnamed(a.kind) => Described::Apart,
        _ => Described::Unknown,
    }
}

/// Whether two events are the same one, ignoring when: `Some(gap)` with the
/// days between their times as known (0 when they overlap or nothing dates
/// them), `None` when they differ by kind, participants or place.
pub fn same_event(
    entities: &[Entity],
    a: &EventSig,
    b: &EventSig,
    fa: Option<(Ymd, Ymd)>,
    fb: Option<(Ymd, Ymd)>,
) -> Option<i64> {
    if class(a.kind) != class(b.kind) || kept_apart(a, b) {
        return None;
    }
    // Vehicles of two classes: two accidents.
    if matches!((&a.vehicle, &b.vehicle), (Some(x), Some(y)) if x != y) {
        return None;
    }
    if one_accident(entities, a, b) {
        return Some(time_gap(a, b, fa, fb));
    }
    let (pa, pb) = (&a.participants, &b.participants);
    let named = |e: &EventSig| !e.participants.is_empty() || !e.names.is_empty();
    if named(a) && named(b) {
        let party = |x: u32, y: u32| same_party(entities, x, y);
        // A name the recogniser missed on one side and found on the other.
        let named_as = |names: &[String], p: &[u32]| {
            names
                .iter()
                .any(|n| p.iter().any(|&e| name_is(entities, n, e)))
        };
        // A loose name of one common word ("Court" of "the Supreme
        // Court", "Trade") is said of many bodies: sharing it is no
        // evidence of one event.
        let telling = |n: &String| {
            n.split_whitespace()
                .any(|w| w.len() >= 4 && !GENERIC.contains(&w) && !BODIES.contains(&w))
        };
        // A body named only by what it is ("the Supreme Court", "the
        // police") acts many times: a court is not a case. Sharing it is
        // no evidence of one event; a party, a name or a place must be
        // shared besides.
        let one_body = pa.iter().any(|&x| {
            generic_body(entities, x)
                && pb.iter().any(|&y| party(x, y))
                && same_matter(entities, x, a, b)
        });
        let shared = pa
            .iter()
            .any(|&x| !generic_body(entities, x) && pb.iter().any(|&y| party(x, y)))
            || one_body
            || a.names
                .iter()
                .any(|n| telling(n) && name_among(n, &b.names))
            || named_as(&a.names, pb)
            || named_as(&b.names, pa);
        if !shared {
            return None;
        }
        // One recipient, two donors described apart ("the Japanese
        // government" and "the South Korean government" pledged aid to
        // one country): two events.
        if descriptions(a, b) == Described::Apart {
            return None;
        }
        // Two names nobody recognised, one on each side: two of a kind.
        if a.names.iter().any(|n| !name_among(n, &b.names))
            && b.names.iter().any(|n| !name_among(n, &a.names))
        {
            return None;
        }
        // A participant on each side that the other lacks, of one kind (a
        // person against a person, a company against a company): the
        // fight against Adeyemi is not the fight against Salas.
        let only_a: Vec<u32> = pa
            .iter()
            .copied()
            .filter(|&x| !pb.iter().any(|&y| party(x, y)))
            .collect();
        let only_b: Vec<u32> = pb
            .iter()
            .copied()
            .filter(|&y| !pa.iter().any(|&x| party(x, y)))
            .collect();
        if kinds_clash(entities, &only_a, &only_b) {
            return None;
        }
    } else {
        // Described as two different sets of people (fisheries ministers,
        // water ministers): two events, whatever else they share.
        let anonymous = happens_unnamed(a.kind);
        match descriptions(a, b) {
            Described::Apart => return None,
            // People meet, vote, sign: a place and a day are shared by
            // many such events ("health officials met in Kampala",
            // "water ministers met in Kampala"). Without a name on one
            // side, only people described alike make them one.
            Described::Unknown if !anonymous => return None,
            _ => {}
        }
        // Nobody named on one side: the place must be the same, or, when
        // one report places it and the other does not, the day ("a boat
        // capsized on Friday" and "the vessel sank near Sicily on
        // Friday"). Another accident of the kind is another day or
        // another place.
        // (A country alone is no shared place: one country has many
        // accidents a day.)
        let finer = |e: &EventSig| -> Vec<u32> {
            e.places
                .iter()
                .copied()
                .filter(|&x| place_kind_str(&entities[x as usize]) != Some("country"))
                .collect()
        };
        let (fa_places, fb_places) = (finer(a), finer(b));
        let shared = !fa_places.is_empty()
            && !fb_places.is_empty()
            && places_agree(entities, &fa_places, &fb_places) == Some(true);
        // Only events that happen to people unnamed (a crash, a fire, a
        // quake): two sentencings of one day with no name are two.
        let unplaced = a.places.is_empty() || b.places.is_empty();
        if !(shared || (unplaced && anonymous && same_day(a, b))) {
            return None;
        }
    }
    // Places that cannot be one (two cities, two countries): two events
    // ("a court in Lyon fined" and "a court in Grenoble fined" the same
    // company). Comparing places leaves them out first.
    if places_agree(entities, &a.places, &b.places) == Some(false) {
        return None;
    }
    // Places in different countries are different events.
    if !a.places.is_empty()
        && !b.places.is_empty()
        && a.places.iter().all(|&x| {
            b.places
                .iter()
                .all(|&y| place_relation(entities, x, y) == PlaceRelation::OtherCountry)
        })
    {
        return None;
    }
    Some(time_gap(a, b, fa, fb))
}

/// Both events dated to a day or two, and the same ones (within what an
/// event of their kind lasts).
pub fn same_day(a: &EventSig, b: &EventSig) -> bool {
    let day = |e: &EventSig| e.when.filter(|(lo, hi)| hi.days() - lo.days() <= 1);
    matches!((day(a), day(b)), (Some(x), Some(y)) if dates::min_distance(x, y) <= pair_tolerance(a, b))
}

/// A participant on each side, of one kind, that the other side lacks.
fn kinds_clash(entities: &[Entity], only_a: &[u32], only_b: &[u32]) -> bool {
    only_a.iter().any(|&x| {
        only_b
            .iter()
            .any(|&y| entities[x as usize].kind == entities[y as usize].kind)
    })
}

/// Whether two events name participants that contradict each other (aid
/// to Mozambique and aid to Malawi; a fight against Adeyemi and one
/// against Salas).
pub fn participants_clash(entities: &[Entity], a: &EventSig, b: &EventSig) -> bool {
    let party = |x: u32, y: u32| same_party(entities, x, y);
    let only_a: Vec<u32> = a
        .participants
        .iter()
        .copied()
        .filter(|&x| !b.participants.iter().any(|&y| party(x, y)))
        .collect();
    let only_b: Vec<u32> = b
        .participants
        .iter()
        .copied()
        .filter(|&y| !a.participants.iter().any(|&x| party(x, y)))
        .collect();
    kinds_clash(entities, &only_a, &only_b)
}

/// Days between the times of two events as known (0 when they overlap or
/// nothing dates them).
pub fn time_gap(a: &EventSig, b: &EventSig, fa: Option<(Ymd, Ymd)>, fb: Option<(Ymd, Ymd)>) -> i64 {
    match (event_time(a, fa), event_time(b, fb)) {
        (Some(x), Some(y)) => dates::min_distance(x, y),
        _ => 0,
    }
}

/// Whether a loose name is among another report's, or one of their words
/// is it (the parser split "the KM Sinar Laut" into "sinar" and "laut"
/// in one report and kept "sinar laut" whole in another).
fn name_among(n: &str, names: &[String]) -> bool {
    names.iter().any(|m| {
        m == n || m.split_whitespace().any(|w| w == n) || n.split_whitespace().any(|w| w == m)
    })
}

/// Words of organisation names too common to identify one.
const GENERIC: &[&str] = &[
    "group",
    "bank",
    "company",
    "corp",
    "corporation",
    "systems",
    "holdings",
    "international",
    "national",
    "united",
    "news",
    "university",
    "museum",
    "club",
    "county",
    "city",
    "state",
    "department",
    "ministry",
    "council",
    "party",
    "foundation",
    "institute",
    "association",
    "the",
    "and",
];

/// Words of the names of public bodies that many share ("the Supreme
/// Court", "the High Court", "the Trade Ministry"): never a name alone.
const BODIES: &[&str] = &[
    "court",
    "tribunal",
    "supreme",
    "high",
    "government",
    "police",
    "parliament",
    "senate",
    "assembly",
    "cabinet",
    "committee",
    "commission",
    "agency",
    "office",
    "trade",
    "justice",
];

/// An organisation named only by words many bodies share ("the Supreme
/// Court", "the High Court", "Parliament", "the Police"): its name tells
/// which kind of body, not which one nor what it did.
pub fn generic_body(entities: &[Entity], x: u32) -> bool {
    name_facts(&entities[x as usize]).generic_body
}

/// The facts of `e`'s name the comparisons read, folded once per entity
/// (see [`crate::analysis::linking::name_facts`]).
pub fn name_facts(e: &Entity) -> &NameFacts {
    e.name_memo.get_or_init(|| {
        let key = ascii_key(&e.canonical);
        let words = key
            .split_whitespace()
            .filter(|w| w.len() >= 4 && !GENERIC.contains(w))
            .map(str::to_string)
            .collect();
        let body_words: Vec<&str> = key
            .split_whitespace()
            .filter(|w| !matches!(*w, "the" | "of" | "and"))
            .collect();
        let generic_body = e.kind == EntityKind::Organization
            && !body_words.is_empty()
            && body_words
                .iter()
                .all(|w| GENERIC.contains(w) || BODIES.contains(w));
        NameFacts {
            words,
            generic_body,
            place_kind: Default::default(),
            country: Default::default(),
        }
    })
}

/// Words of a report of what a body did that say nothing of the matter
/// ("ruled on Tuesday", "the judgment", "said").
const ACT_WORDS: &[&str] = &[
    "rul",
    "rule",
    "ruling",
    "judgment",
    "judgement",
    "verdict",
    "decision",
    "decid",
    "said",
    "say",
    "told",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "year",
    "day",
];

/// Whether two reports of what body `x` did say one matter: a content
/// word of one report's sentence besides the body's name and the act
/// ("a levy on salaries was unconstitutional") said in the other report
/// ("the levy", in its sentence or the next). The ban on imports and the
/// tender are two rulings of one court.
fn same_matter(entities: &[Entity], x: u32, a: &EventSig, b: &EventSig) -> bool {
    let stem = crate::analysis::claims::words::stem;
    let body: Vec<String> = ascii_key(&entities[x as usize].canonical)
        .split_whitespace()
        .map(stem)
        .collect();
    let telling = |w: &String| {
        w.len() >= 4
            && !w.chars().any(|c| c.is_ascii_digit())
            && !body.contains(w)
            && !ACT_WORDS.contains(&w.as_str())
            && !GENERIC.contains(&w.as_str())
            && !BODIES.contains(&w.as_str())
            && crate::analysis::claims::frames::lexicon::event_word(w, false).is_none()
    };
    let in_other = |s: &[String], o: &EventSig| {
        s.iter()
            .filter(|w| telling(w))
            .any(|w| o.said.contains(w) || o.file_said.contains(w))
    };
    in_other(&a.said, b) || in_other(&b.said, a)
}

/// Two entities that name one party: one entity, or names sharing a
/// distinctive word ("Norvik" and "Norvik Systems", "Wilk" and "Tomasz
/// Wilk") when linking kept them apart.
pub fn same_party(entities: &[Entity], x: u32, y: u32) -> bool {
    if x == y {
        return true;
    }
    let (ex, ey) = (&entities[x as usize], &entities[y as usize]);
    let (wx, wy) = (distinctive_words(ex), distinctive_words(ey));
    if ex.kind != ey.kind {
        // The recogniser typed one name two ways ("Calder Analytics" a
        // person here, a company there): one name's words inside the
        // other's.
        let inside = |a: &[String], b: &[String]| !a.is_empty() && a.iter().all(|w| b.contains(w));
        let names = |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Organization);
        return names(ex.kind) && names(ey.kind) && (inside(wx, wy) || inside(wy, wx));
    }
    // "Ridgeback Fire" and "Canyon Creek Fire", whatever the recogniser
    // took them for: named events, told apart by their first word.
    if named_event(wx) || named_event(wy) {
        return wx.first().is_some_and(|w| wy.first() == Some(w));
    }
    match ex.kind {
        // "Wilk" and "Tomasz Wilk": one surname ("Michael Dorsey" and
        // "Michael Jordan" share only a first name).
        EntityKind::Person => wx.last().is_some_and(|w| wy.last() == Some(w)),
        // "Calder" and "Calder Analytics": the name proper comes first
        // ("Halvorsen Foods" and "Norlake Foods" share only their trade).
        EntityKind::Organization => wx.first().is_some_and(|w| wy.first() == Some(w)),
        _ => false,
    }
}

/// A name whose last word is an event noun ("Ridgeback Fire", "Hurricane
/// ..." is told by its first word anyway).
fn named_event(words: &[String]) -> bool {
    words.len() > 1
        && words.last().is_some_and(|w| {
            crate::analysis::claims::frames::lexicon::event_word(w, false).is_some()
        })
}

/// Whether a folded name the recogniser missed names entity `e`: its
/// first distinctive word is the entity's.
pub fn name_is(entities: &[Entity], name: &str, e: u32) -> bool {
    let first = name
        .split_whitespace()
        .find(|w| w.len() >= 4 && !GENERIC.contains(w));
    first.is_some_and(|w| {
        distinctive_words(&entities[e as usize])
            .first()
            .map(String::as_str)
            == Some(w)
    })
}

/// The words of a name that can identify its bearer (not "Group", "Bank",
/// "of", initials).
pub fn distinctive_words(e: &Entity) -> &[String] {
    &name_facts(e).words
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRelation {
    /// One place, or one inside the other (a city in a country).
    Same,
    /// Two different cities (or venues' cities) of one country.
    OtherCity,
    /// In different countries.
    OtherCountry,
    /// Nothing known tells.
    Unknown,
}

/// The country a place is in, when the gazetteer knows one ("-" marks
/// seas and rivers of several countries: none).
fn country(e: &Entity) -> Option<String> {
    country_of(e).filter(|c| c != "-")
}

/// How two place entities relate, from their names and the gazetteer.
pub fn place_relation(entities: &[Entity], x: u32, y: u32) -> PlaceRelation {
    if x == y {
        return PlaceRelation::Same;
    }
    let (ex, ey) = (&entities[x as usize], &entities[y as usize]);
    let (nx, ny) = (place_keys(ex), place_keys(ey));
    if nx.iter().any(|n| ny.contains(n)) {
        return PlaceRelation::Same;
    }
    let (cx, cy) = (country(ex), country(ey));
    // A country and a place in it.
    if let Some(c) = &cy {
        if nx.contains(&ascii_key(c)) {
            return PlaceRelation::Same;
        }
    }
    if let Some(c) = &cx {
        if ny.contains(&ascii_key(c)) {
            return PlaceRelation::Same;
        }
    }
    match (cx, cy) {
        (Some(a), Some(b)) if a != b => PlaceRelation::OtherCountry,
        (Some(_), Some(_)) => {
            let city = |e: &Entity| place_kind_str(e) == Some("city");
            // Two cities of one division a few kilometres apart may be a
            // suburb and its city (Ikeja and Lagos): nothing tells.
            let apart = || !city_areas::may_be_within(&ex.canonical, &ey.canonical);
            if city(ex) && city(ey) && apart() {
                PlaceRelation::OtherCity
            } else {
                PlaceRelation::Unknown
            }
        }
        _ => PlaceRelation::Unknown,
    }
}

/// The folded names of a place, each also without a last word that says
/// what kind of place it is ("the Meghna River" is "Meghna").
fn place_keys(e: &Entity) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for n in std::iter::once(&e.canonical).chain(e.aliases.iter()) {
        let k = ascii_key(n);
        let k = k.strip_prefix("the ").map(str::to_string).unwrap_or(k);
        if let Some((rest, last)) = k.rsplit_once(' ') {
            if lexicon::place_grain(last).is_some() && !rest.is_empty() {
                keys.push(rest.to_string());
            }
        }
        keys.push(k);
    }
    keys
}

/// Whether place `outer` is place `inner` or contains it as the
/// gazetteer knows (a country and a city in it).
fn contains(entities: &[Entity], outer: u32, inner: u32) -> bool {
    if outer == inner {
        return true;
    }
    let (eo, ei) = (&entities[outer as usize], &entities[inner as usize]);
    let ko = place_keys(eo);
    place_keys(ei).iter().any(|k| ko.contains(k))
        || country(ei).is_some_and(|c| ko.contains(&ascii_key(&c)))
        || city_of_district(ei).is_some_and(|c| ko.contains(&c))
}

/// The city of a place the gazetteer does not know, written as the
/// city's name and a district's ("Augsburg-Lechhausen" is in Augsburg),
/// as a folded name.
fn city_of_district(e: &Entity) -> Option<String> {
    if country(e).is_some() {
        return None;
    }
    let (city, district) = e.canonical.split_once('-')?;
    (district.starts_with(char::is_uppercase)
        && crate::analysis::claims::resolve::place_kind_of_name(city).as_deref() == Some("city"))
    .then(|| ascii_key(city))
}

/// The finest place of a list written finest first ("Greeley, Colorado"):
/// the first that contains no other place of the list ("Uganda's capital
/// Kampala" is Kampala).
pub fn finest(entities: &[Entity], places: &[u32]) -> Option<u32> {
    places.iter().copied().find(|&x| {
        !places
            .iter()
            .any(|&y| y != x && contains(entities, x, y) && !contains(entities, y, x))
    })
}

/// Two sets of places: `Some(true)` when the finest place of one is a
/// place of the other or contains one ("Wiesbaden" and "Clay, a base in
/// Wiesbaden, Germany"), `Some(false)` when no place of one can be any
/// place of the other, `None` when nothing tells. Sharing a coarser place
/// is no agreement: "Denver, Colorado" and "Greeley, Colorado" are two
/// towns, and a town the gazetteer does not know is not its state.
pub fn places_agree(entities: &[Entity], a: &[u32], b: &[u32]) -> Option<bool> {
    let rel = |x: u32, y: u32| place_relation(entities, x, y);
    let coarser = |list: &[u32], other: &[u32]| {
        finest(entities, other).is_some_and(|f| list.iter().any(|&x| contains(entities, f, x)))
    };
    if coarser(a, b) || coarser(b, a) {
        return Some(true);
    }
    // The finest places named: cities. "Denver" and "Austin, Texas"
    // conflict through their cities (which state Denver is in the
    // gazetteer does not say); "at the O2 Arena in London" and "in
    // Cardiff" through London.
    let city = |x: &u32| place_kind_str(&entities[*x as usize]) == Some("city");
    let (ca, cb): (Vec<u32>, Vec<u32>) = (
        a.iter().copied().filter(city).collect(),
        b.iter().copied().filter(city).collect(),
    );
    let apart = |x: u32, y: u32| {
        matches!(
            rel(x, y),
            PlaceRelation::OtherCity | PlaceRelation::OtherCountry
        )
    };
    if !ca.is_empty() && !cb.is_empty() {
        return ca
            .iter()
            .all(|&x| cb.iter().all(|&y| apart(x, y)))
            .then_some(false);
    }
    // Else countries: every place the gazetteer knows is in another
    // country than every one of the other side.
    located_pairs_apart(entities, a, b).then_some(false)
}

/// Every gazetteer-known place of `a` is apart from every one of `b`
/// (places the gazetteer does not know, such as venues, are left out).
fn located_pairs_apart(entities: &[Entity], a: &[u32], b: &[u32]) -> bool {
    let known = |x: &u32| country(&entities[*x as usize]).is_some();
    let (ka, kb): (Vec<u32>, Vec<u32>) = (
        a.iter().copied().filter(known).collect(),
        b.iter().copied().filter(known).collect(),
    );
    !ka.is_empty()
        && !kb.is_empty()
        && ka.iter().all(|&x| {
            kb.iter().all(|&y| {
                matches!(
                    place_relation(entities, x, y),
                    PlaceRelation::OtherCity | PlaceRelation::OtherCountry
                )
            })
        })
}

/// The country of the first of `places` the gazetteer places in one.
pub fn country_of_places(entities: &[Entity], places: &[u32]) -> Option<String> {
    places
        .iter()
        .find_map(|&p| country(entities.get(p as usize)?))
}

#[path = "event_figures.rs"]
mod figures;
pub use figures::{figures_reason, file_figures, one_event_by_figures, shared_figures};

#[path = "event_accident.rs"]
mod accident;
pub use accident::{
    accident_places_agree, fresh_reports_of_two, grains_agree_in, lead_misdated, one_accident,
    one_lead_event, one_lead_of_a_day, one_undated_accident, AREA_GRAINS, LEAD_DATE_GAP,
};

#[cfg(test)]
#[path = "event_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "event_place_tests.rs"]
mod place_tests;

#[cfg(test)]
#[path = "event_identity_tests.rs"]
mod identity_tests;

#[cfg(test)]
#[path = "event_lead_tests.rs"]
mod lead_tests;

#[cfg(test)]
#[path = "event_name_facts_tests.rs"]
mod name_facts_tests;
