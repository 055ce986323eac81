//! Measures of a kind that need more than a cue word: the people a data
//! breach reached, kinds of aid that may be one.

/// Words that make aid humanitarian.
pub(super) const HUMANITARIAN: &[&str] = &["humanitarian", "emergency", "relief", "disaster"];

/// Other kinds of aid ("military funding" is military aid).
pub(super) const AID_KINDS: &[&str] = &[
    "military",
    "development",
    "food",
    "security",
    "defence",
    "defense",
];

/// Two kinds of aid that may be one: aid a report does not qualify and
/// humanitarian aid (an announcement of "aid for" a country hit by a
/// disaster, called "emergency aid" by another outlet). Military or
/// development aid stays apart from either.
pub(super) fn same_aid(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("aid", "humanitarian aid") | ("humanitarian aid", "aid")
    )
}

/// Measures of money an actor gives or pays: the one who announces it is
/// the one who gives it ("The EU announced €45 million in aid").
pub fn gives_money(what: &str) -> bool {
    what.ends_with("aid") || matches!(what, "price" | "investment")
}

/// The measure of the people a data breach reached.
pub const BREACH: &str = "breach victims";

/// Counted nouns that name the people whose data is held.
const DATA_SUBJECTS: &[&str] = &[
    "person",
    "customer",
    "user",
    "client",
    "member",
    "patient",
    "subscriber",
    "individual",
    "policyholder",
    "employee",
];

/// Whether an amount of `unit` in `clause` counts the people a data
/// breach reached: a breach word ("breach", "hackers", "cyber-attack",
/// "ransomware", "leak") or data that was exposed, stolen or accessed
/// ("their personal details stolen", "the records ... were exposed"), and
/// a counted noun of people.
pub fn breach_victims(clause: &str, unit: &str) -> bool {
    if !DATA_SUBJECTS.contains(&unit) {
        return false;
    }
    let low = clause.to_ascii_lowercase();
    let ws: Vec<&str> = low
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let breach = ws.iter().any(|w| {
        w.starts_with("breach")
            || w.starts_with("hack")
            || w.starts_with("cyber")
            || w.starts_with("ransomware")
            || w.starts_with("leak")
    });
    let taken = ws.iter().any(|w| {
        matches!(
            *w,
            "exposed" | "stolen" | "accessed" | "compromised" | "leaked" | "taken"
        )
    }) && ws.iter().any(|w| {
        matches!(
            *w,
            "data" | "details" | "records" | "information" | "names" | "addresses" | "passwords"
        )
    });
    breach || taken
}

/// Whether `before` (the words right before an organisation's name) ends
/// with a breach word and its preposition: "a data breach at ", "a
/// cyber-attack on ", "the hack of ".
pub fn after_breach_word(before: &str) -> bool {
    let low = before.to_ascii_lowercase();
    let mut ws = low.split_whitespace().rev();
    let (Some(prep), Some(noun)) = (ws.next(), ws.next()) else {
        return false;
    };
    matches!(prep, "at" | "on" | "of" | "against")
        && (noun.starts_with("breach")
            || noun.starts_with("hack")
            || noun.starts_with("cyber")
            || noun.starts_with("attack")
            || noun.starts_with("leak")
            || noun.starts_with("ransomware"))
}

/// Nouns that count people of one group: passengers, miners, women. A
/// casualty count of such a group is a part of the count of all people
/// harmed ("Fourteen passengers were injured" within "injuring 14").
const PEOPLE_GROUPS: &[&str] = &[
    "passenger",
    "worker",
    "miner",
    "villager",
    "resident",
    "civilian",
    "pilgrim",
    "student",
    "pupil",
    "child",
    "woman",
    "man",
    "soldier",
    "tourist",
    "fisherman",
    "migrant",
    "crew",
    "body",
    "patient",
    "spectator",
    "protester",
    "worshipper",
];

/// Whether a unit counts all people ("12 people", "12 dead").
fn all_people(unit: &str) -> bool {
    unit.is_empty() || unit == "person"
}

/// For casualty counts in two units, which is the part: `Some(true)` when
/// `a` counts a group of people ("passenger") and `b` all people,
/// `Some(false)` the other way round, None when neither or both are
/// groups (two groups say nothing of each other).
pub fn people_part(a: &str, b: &str) -> Option<bool> {
    let group = |u: &str| PEOPLE_GROUPS.contains(&u);
    match (group(a), group(b)) {
        (true, false) if all_people(b) => Some(true),
        (false, true) if all_people(a) => Some(false),
        _ => None,
    }
}

/// Whether a unit counts a group of people (see [`people_part`]).
pub fn is_people_group(unit: &str) -> bool {
    PEOPLE_GROUPS.contains(&unit)
}
