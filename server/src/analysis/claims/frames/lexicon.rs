//! Words that name an event of news, and the kind of event they name.
//!
//! Kinds are coarse on purpose: two reports of one event often use
//! different words for it ("knocked out", "a seventh-round stoppage", "won
//! by knockout"; "crashed", "the crash"; "will pay ... for", "the
//! acquisition", "agreed to be sold to"), and what tells two events of one
//! kind apart is who took part, when and where (see
//! `claims::compare::event`), never the word.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Quake,
    Crash,
    Fire,
    Storm,
    Attack,
    Meeting,
    /// Summits, conferences, forums: meetings that last days.
    Summit,
    Contest,
    Theft,
    Sentencing,
    /// A court's decision that is no sentence ("the Constitutional Court
    /// ruled", "a judgment handed down on Monday").
    Ruling,
    Acquisition,
    Hiring,
    Dismissal,
    Election,
    Release,
    Pledge,
    Approval,
    Study,
    /// An outbreak of disease, dated by the day it was declared or
    /// began; told apart by where it is.
    Outbreak,
    /// A labour agreement: a pay deal, a wage settlement, a collective
    /// agreement between a union and an employer. Its figures (a rise in
    /// per cent, a lump sum, its cost) are no price of a purchase.
    Labour,
    /// An agreement that buys nothing: a trade deal, a peace accord, a
    /// sponsorship, a loan, a plea deal, a supply contract.
    Accord,
    /// A strike by workers ("the strike at the port of Antwerp", "a
    /// walkout by nurses"): told apart by who struck and where.
    Strike,
    /// A march, a protest or a demonstration: one of a day, told apart
    /// by its place and day (its marchers are seldom named).
    Protest,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Quake => "earthquake",
            EventKind::Crash => "crash or accident",
            EventKind::Fire => "fire",
            EventKind::Storm => "storm or flood",
            EventKind::Attack => "attack",
            EventKind::Meeting => "meeting",
            EventKind::Summit => "summit",
            EventKind::Contest => "fight or game",
            EventKind::Theft => "theft",
            EventKind::Sentencing => "sentencing",
            EventKind::Ruling => "court ruling",
            EventKind::Acquisition => "acquisition",
            EventKind::Hiring => "appointment",
            EventKind::Dismissal => "dismissal",
            EventKind::Election => "election",
            EventKind::Release => "release",
            EventKind::Pledge => "pledge",
            EventKind::Approval => "approval",
            EventKind::Study => "study",
            EventKind::Outbreak => "outbreak",
            EventKind::Labour => "labour agreement",
            EventKind::Accord => "agreement",
            EventKind::Strike => "strike",
            EventKind::Protest => "protest",
        }
    }

    /// Events that often last several days (a summit, talks, a fire, an
    /// election count): a date one day off is no contradiction.
    pub fn multi_day(self) -> bool {
        matches!(
            self,
            EventKind::Summit
                | EventKind::Fire
                | EventKind::Storm
                | EventKind::Study
                | EventKind::Strike
        )
    }

    /// Natural events: nobody takes part, so the place (and the time) is
    /// what tells two of them apart.
    pub fn natural(self) -> bool {
        matches!(
            self,
            EventKind::Quake
                | EventKind::Fire
                | EventKind::Storm
                | EventKind::Crash
                | EventKind::Outbreak
                | EventKind::Protest
        )
    }

    /// Events that kill and injure people, whose casualties are counted.
    pub fn harms_people(self) -> bool {
        matches!(
            self,
            EventKind::Quake
                | EventKind::Crash
                | EventKind::Fire
                | EventKind::Storm
                | EventKind::Attack
        )
    }

    /// Events a report leads with though it names nobody in them ("A
    /// strong earthquake struck on Tuesday", "On Friday night thousands
    /// marched"): their day is compared with other reports' lead event of
    /// the kind (see `index::event::one_lead_event`).
    pub fn told_as_lead(self) -> bool {
        self.harms_people() || matches!(self, EventKind::Protest | EventKind::Outbreak)
    }

    /// Whether a place named as the object ("struck Sumbawa", "hit the
    /// coast") is where it happened rather than who took part.
    pub fn strikes_places(self) -> bool {
        matches!(
            self,
            EventKind::Quake
                | EventKind::Storm
                | EventKind::Attack
                | EventKind::Fire
                | EventKind::Outbreak
        )
    }

    /// Whether a country or city can take part (aid goes to Mozambique, an
    /// election is held by Latvia): a place argument is then a participant.
    pub fn places_take_part(self) -> bool {
        matches!(self, EventKind::Pledge | EventKind::Election)
    }
}

/// Verb lemmas and the event they name.
#[rustfmt::skip]
const VERBS: &[(&str, EventKind)] = &[
    ("crash", EventKind::Crash), ("collide", EventKind::Crash), ("derail", EventKind::Crash),
    ("overturn", EventKind::Crash), ("ram", EventKind::Crash), ("burn", EventKind::Fire),
    ("plunge", EventKind::Crash),
    ("collapse", EventKind::Crash), ("capsize", EventKind::Crash), ("sink", EventKind::Crash),
    ("attack", EventKind::Attack), ("bomb", EventKind::Attack), ("shoot", EventKind::Attack),
    ("explode", EventKind::Attack), ("ambush", EventKind::Attack),
    ("meet", EventKind::Meeting), ("confer", EventKind::Meeting), ("gather", EventKind::Meeting),
    ("convene", EventKind::Meeting),
    ("beat", EventKind::Contest), ("defeat", EventKind::Contest), ("knock", EventKind::Contest),
    ("outpoint", EventKind::Contest), ("outscore", EventKind::Contest), ("rout", EventKind::Contest),
    ("steal", EventKind::Theft), ("rob", EventKind::Theft), ("loot", EventKind::Theft),
    ("burgle", EventKind::Theft),
    ("sentence", EventKind::Sentencing), ("jail", EventKind::Sentencing),
    ("imprison", EventKind::Sentencing), ("fine", EventKind::Sentencing),
    ("convict", EventKind::Sentencing), ("acquit", EventKind::Sentencing),
    ("rule", EventKind::Ruling), ("quash", EventKind::Ruling), ("annul", EventKind::Ruling),
    ("acquire", EventKind::Acquisition), ("buy", EventKind::Acquisition),
    ("purchase", EventKind::Acquisition), ("sell", EventKind::Acquisition),
    ("pay", EventKind::Acquisition), ("merge", EventKind::Acquisition),
    ("appoint", EventKind::Hiring), ("hire", EventKind::Hiring), ("recruit", EventKind::Hiring),
    // "was sworn in as finance minister on Tuesday", "swore in X as".
    ("swear", EventKind::Hiring), ("swore", EventKind::Hiring), ("sworn", EventKind::Hiring),
    ("sack", EventKind::Dismissal), ("fire", EventKind::Dismissal), ("dismiss", EventKind::Dismissal),
    ("oust", EventKind::Dismissal), ("resign", EventKind::Dismissal), ("axe", EventKind::Dismissal),
    ("quit", EventKind::Dismissal),
    ("elect", EventKind::Election),
    ("launch", EventKind::Release), ("release", EventKind::Release), ("unveil", EventKind::Release),
    ("pledge", EventKind::Pledge), ("donate", EventKind::Pledge), ("give", EventKind::Pledge),
    ("provide", EventKind::Pledge), ("grant", EventKind::Pledge), ("allocate", EventKind::Pledge),
    ("approve", EventKind::Approval), ("pass", EventKind::Approval), ("adopt", EventKind::Approval),
    // (Lower case only: "March" is a month; see `event_find`.)
    ("march", EventKind::Protest), ("protest", EventKind::Protest),
];

/// Noun lemmas and the event they name.
#[rustfmt::skip]
const NOUNS: &[(&str, EventKind)] = &[
    ("earthquake", EventKind::Quake), ("quake", EventKind::Quake), ("tremor", EventKind::Quake),
    ("aftershock", EventKind::Quake),
    ("crash", EventKind::Crash), ("collision", EventKind::Crash), ("derailment", EventKind::Crash),
    ("rockfall", EventKind::Crash), ("rockburst", EventKind::Crash),
    ("collapse", EventKind::Crash), ("accident", EventKind::Crash), ("sinking", EventKind::Crash),
    ("fire", EventKind::Fire), ("wildfire", EventKind::Fire), ("blaze", EventKind::Fire),
    ("capsize", EventKind::Crash), ("shipwreck", EventKind::Crash), ("stampede", EventKind::Crash), ("landslide", EventKind::Storm),
    ("mudslide", EventKind::Storm), ("eruption", EventKind::Quake), ("tsunami", EventKind::Quake),
    ("bushfire", EventKind::Fire),
    ("flood", EventKind::Storm), ("flooding", EventKind::Storm), ("storm", EventKind::Storm),
    ("cyclone", EventKind::Storm), ("hurricane", EventKind::Storm), ("typhoon", EventKind::Storm),
    ("tornado", EventKind::Storm), ("landfall", EventKind::Storm),
    ("attack", EventKind::Attack), ("bombing", EventKind::Attack), ("shooting", EventKind::Attack),
    ("explosion", EventKind::Attack), ("blast", EventKind::Attack), ("airstrike", EventKind::Attack),
    ("meeting", EventKind::Meeting), ("talk", EventKind::Meeting), ("visit", EventKind::Meeting),
    ("gathering", EventKind::Meeting), ("negotiation", EventKind::Meeting),
    ("summit", EventKind::Summit), ("conference", EventKind::Summit), ("forum", EventKind::Summit),
    ("congress", EventKind::Summit),
    ("fight", EventKind::Contest), ("bout", EventKind::Contest), ("knockout", EventKind::Contest),
    ("stoppage", EventKind::Contest), ("game", EventKind::Contest), ("match", EventKind::Contest),
    ("theft", EventKind::Theft), ("robbery", EventKind::Theft), ("heist", EventKind::Theft),
    ("burglary", EventKind::Theft),
    ("sentence", EventKind::Sentencing), ("sentencing", EventKind::Sentencing),
    ("verdict", EventKind::Sentencing),
    ("conviction", EventKind::Sentencing), ("acquittal", EventKind::Sentencing),
    ("ruling", EventKind::Ruling), ("judgment", EventKind::Ruling),
    ("judgement", EventKind::Ruling),
    ("acquisition", EventKind::Acquisition), ("takeover", EventKind::Acquisition),
    ("purchase", EventKind::Acquisition), ("merger", EventKind::Acquisition),
    ("buyout", EventKind::Acquisition), ("deal", EventKind::Acquisition),
    // Other words for a deal, whose day reports give as the deal's
    // ("the agreement signed on Monday", "the settlement, struck on
    // Thursday night").
    ("agreement", EventKind::Acquisition), ("settlement", EventKind::Acquisition),
    ("accord", EventKind::Acquisition), ("pact", EventKind::Acquisition),
    ("outbreak", EventKind::Outbreak), ("epidemic", EventKind::Outbreak),
    // A labour strike, only where workers are spoken of (see
    // `mentions_labour`): "a drone strike" is an attack, "his strike" a
    // goal.
    ("strike", EventKind::Strike), ("walkout", EventKind::Strike),
    ("appointment", EventKind::Hiring),
    ("dismissal", EventKind::Dismissal), ("sacking", EventKind::Dismissal),
    ("resignation", EventKind::Dismissal),
    ("election", EventKind::Election), ("referendum", EventKind::Election),
    ("vote", EventKind::Election),
    ("launch", EventKind::Release), ("release", EventKind::Release), ("debut", EventKind::Release),
    ("sale", EventKind::Release),
    ("pledge", EventKind::Pledge), ("donation", EventKind::Pledge),
    ("budget", EventKind::Approval),
    ("study", EventKind::Study), ("trial", EventKind::Study), ("survey", EventKind::Study),
    ("march", EventKind::Protest), ("protest", EventKind::Protest),
    ("demonstration", EventKind::Protest),
];

/// Objects of "win" that are one day's contest ("won the third stage",
/// "won the final"): the win is the contest's result, on its day. Not a
/// title, a seat, a contract or an election, won over a season or a
/// count.
const CONTESTS_WON: &[&str] = &[
    "stage",
    "match",
    "game",
    "final",
    "fight",
    "bout",
    "sprint",
    "leg",
    "derby",
    "semi-final",
    "semifinal",
    "tie",
    "duel",
];

/// Whether "win" with an object of this lemma is a contest won (see
/// [`CONTESTS_WON`]).
pub fn contest_won(verb: &str, object: &str) -> bool {
    verb.eq_ignore_ascii_case("win") && CONTESTS_WON.contains(&object.to_ascii_lowercase().as_str())
}

/// The event a word names, by its lemma and whether it is used as a verb.
pub fn event_word(lemma: &str, verb: bool) -> Option<EventKind> {
    let table = if verb { VERBS } else { NOUNS };
    let low = lemma.to_ascii_lowercase();
    table.iter().find(|(w, _)| *w == low).map(|(_, k)| *k)
}

/// The event a regular verb form names when the lemmatiser missed its
/// lemma ("fined" taken for a form of "fin"): the form less its ending.
pub fn event_verb_form(form: &str) -> Option<EventKind> {
    let low = form.to_ascii_lowercase();
    // ("beaten", lemmatised as "beate".)
    ["ed", "d", "es", "s", "ing", "en"]
        .iter()
        .filter_map(|end| low.strip_suffix(end))
        .find_map(|stem| event_word(stem, true).or_else(|| event_word(&format!("{stem}e"), true)))
}

/// Irregular verb forms of the event verbs ("stole", "paid").
const IRREGULAR: &[&str] = &[
    "stole", "stolen", "sold", "bought", "paid", "gave", "given", "met", "beaten", "shot",
    "fought", "sank", "sunk", "robbed", "jailed", "held", "burnt", "rammed", "swore", "sworn",
    // "lost to the Comets", "a 94-88 loss to Brisbane" (a game only with
    // "to" and a name).
    "lost", "loss", "losses", // "won the stage", "the biggest win of his career".
    "won", "win", "wins", "winning", "victory", // "ran aground", "went aground".
    "aground",
];

/// Whether a sentence may name an event: one of its words is an inflected
/// form of an event word (checked before the sentence is parsed, so that
/// only such sentences and those stating amounts pay for a parse).
pub fn mentions_event_word(sentence: &str) -> bool {
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| {
            let mut set = std::collections::HashSet::new();
            for (w, _) in VERBS.iter().chain(NOUNS) {
                let w = w.to_string();
                let stem = w.strip_suffix('e').unwrap_or(&w).to_string();
                for form in [
                    w.clone(),
                    format!("{w}s"),
                    format!("{w}es"),
                    format!("{w}d"),
                    format!("{w}ed"),
                    format!("{stem}ed"),
                    format!("{stem}ing"),
                    format!("{w}ing"),
                    // "crashes", "attacks"; a final consonant doubled
                    // ("robbed", "jailed" are listed).
                    format!("{}ies", w.strip_suffix('y').unwrap_or(&w)),
                ] {
                    set.insert(form);
                }
            }
            set.extend(IRREGULAR.iter().map(|w| w.to_string()));
            set
        });
    sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .any(|w| FORMS.contains(&w.to_ascii_lowercase()))
}

/// Nouns of the shore a storm reaches ("crossed the coast").
const SHORES: &[&str] = &["coast", "coastline", "shore", "shoreline"];

/// Whether a verb lemma and its object's lemma tell of a storm reaching
/// land: "crossed the coast", "crossed the Odisha coastline".
pub fn crosses_shore(verb: &str, object: &str) -> bool {
    verb.eq_ignore_ascii_case("cross") && SHORES.contains(&object.to_ascii_lowercase().as_str())
}

/// Whether a sentence may tell of a storm crossing the coast (checked
/// before parsing, as [`mentions_event_word`]).
pub fn mentions_shore_crossing(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_ascii_lowercase)
        .collect();
    words
        .iter()
        .any(|w| matches!(w.as_str(), "cross" | "crosses" | "crossed" | "crossing"))
        && words.iter().any(|w| SHORES.contains(&w.as_str()))
}

/// Verbs of acting on a ruling or a sentence someone else handed down:
/// their subject appeals or reviews it, it did not rule.
pub const REVIEW_VERBS: &[&str] = &[
    "appeal",
    "challenge",
    "suspend",
    "overturn",
    "quash",
    "uphold",
    "review",
    "stay",
    "contest",
    "reverse",
    "annul",
    "welcome",
    "criticise",
    "criticize",
    "condemn",
    "reject",
    "ignore",
    "implement",
    "enforce",
    "respect",
];

/// Verbs of another act that takes an event as its topic: "the council
/// will debate the fire on 4 November", "MPs discussed the crash on
/// Tuesday", "a service marking the attack was held on Sunday". Their day
/// is the debate's, the hearing's or the memorial's, never the event's,
/// and who debates took no part in it.
pub const TOPIC_VERBS: &[&str] = &[
    "debate",
    "discuss",
    "examine",
    "investigate",
    "probe",
    "review",
    "consider",
    "analyse",
    "analyze",
    "mark",
    "commemorate",
    "remember",
    "mourn",
    "recall",
    "blame",
    "postpone",
    "schedule",
    "reschedule",
];

/// Words for a court or its judges: "ruled" and "a judgment" are a
/// court's decision only in a sentence that has one.
const COURT_WORDS: &[&str] = &[
    "court",
    "courts",
    "concourt",
    "tribunal",
    "judge",
    "judges",
    "justice",
    "justices",
    "bench",
    "magistrate",
    "magistrates",
];

/// Whether a sentence speaks of a court or a judge.
pub fn mentions_court(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| COURT_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Words that speak of workers and their disputes: a "strike" is a
/// labour strike only in a sentence with one of them.
const LABOUR_WORDS: &[&str] = &[
    "workers",
    "union",
    "unions",
    "staff",
    "employees",
    "dockers",
    "dockworkers",
    "pilots",
    "nurses",
    "doctors",
    "teachers",
    "drivers",
    "miners",
    "wage",
    "wages",
    "pay",
    "strikers",
    "picket",
    "pickets",
    "industrial",
    "labour",
    "labor",
    "walkout",
    "stoppage",
];

/// Words before "strike" that make it an attack or no strike at all ("a
/// drone strike", "a lightning strike").
const NOT_LABOUR_STRIKE: &[&str] = &[
    "air",
    "drone",
    "missile",
    "rocket",
    "military",
    "artillery",
    "lightning",
    "nuclear",
    "preemptive",
    "pre-emptive",
    "first",
    "hunger",
    "retaliatory",
    "israeli",
    "russian",
];

/// Whether a sentence speaks of workers (see [`LABOUR_WORDS`]) and its
/// word before "strike" (lower case, if any) makes it no attack.
pub fn labour_strike(sentence: &str, before: Option<&str>) -> bool {
    if before.is_some_and(|w| NOT_LABOUR_STRIKE.contains(&w)) {
        return false;
    }
    sentence
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| LABOUR_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether a sentence writes a number as a word ("Thirty-nine people
/// died"), which the recogniser may leave out.
pub fn mentions_number_word(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .any(crate::analysis::claims::quantity::number::is_number_word)
}

/// Whether a sentence has a word that counts casualties ("died",
/// "killed", "missing", "injured").
pub fn mentions_casualty_word(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        crate::analysis::claims::quantity::measure::is_casualty_cue(&w.to_ascii_lowercase())
    })
}

/// Prepositions that introduce where something happens.
pub const PLACE_CASES: &[&str] = &[
    "in", "at", "near", "outside", "off", "inside", "across", "over", "on", "into", "onto",
];

/// Prepositions that introduce when something happens (a date mention
/// under them, or bare).
pub const TIME_CASES: &[&str] = &["on", "in", "at", "during", "since", "early", "late"];

/// Nouns of what an accident happens to, and the class of thing each is:
/// one accident is reported as "the launch", "the ferry", "the vessel",
/// never as "the bus". A speedboat is told apart from a passenger vessel.
#[rustfmt::skip]
const STRUCK: &[(&str, &str)] = &[
    ("bus", "bus"), ("minibus", "bus"), ("coach", "bus"),
    ("car", "road vehicle"), ("truck", "road vehicle"), ("lorry", "road vehicle"),
    ("van", "road vehicle"), ("jeep", "road vehicle"), ("tanker", "road vehicle"),
    ("ferry", "vessel"), ("launch", "vessel"), ("boat", "vessel"), ("vessel", "vessel"),
    ("ship", "vessel"), ("steamer", "vessel"), ("trawler", "vessel"),
    ("speedboat", "speedboat"), ("canoe", "small boat"), ("dinghy", "small boat"),
    ("train", "train"), ("locomotive", "train"),
    ("plane", "aircraft"), ("jet", "aircraft"), ("aircraft", "aircraft"),
    ("airliner", "aircraft"), ("helicopter", "helicopter"),
    ("factory", "factory"), ("plant", "factory"), ("warehouse", "factory"),
    ("mill", "factory"), ("workshop", "factory"),
    ("mine", "mine"), ("shaft", "mine"), ("colliery", "mine"), ("quarry", "mine"),
    ("refinery", "factory"), ("smelter", "factory"), ("building", "building"), ("tower", "building"),
    ("market", "market"), ("hotel", "building"), ("hospital", "building"),
    // Structures that fall on people ("the crane fell at the terminal",
    // "scaffolding came down on Tuesday").
    ("crane", "crane"), ("scaffolding", "structure"), ("scaffold", "structure"),
    ("bridge", "bridge"), ("footbridge", "bridge"), ("roof", "structure"),
    ("balcony", "structure"), ("grandstand", "structure"),
];

/// The class of thing an accident happened to, by a noun's lemma ("the
/// launch" and "the ferry" are vessels).
pub fn struck_class(lemma: &str) -> Option<&'static str> {
    let low = lemma.to_ascii_lowercase();
    // "buses", "ferries", "boats".
    let forms = [
        Some(low.clone()),
        low.strip_suffix("es")
            .filter(|s| s.ends_with('s'))
            .map(str::to_string),
        low.strip_suffix("ies").map(|s| format!("{s}y")),
        low.strip_suffix('s').map(str::to_string),
    ];
    STRUCK
        .iter()
        .find(|(w, _)| forms.iter().flatten().any(|f| f == w))
        .map(|(_, c)| *c)
}

/// Verbs that tell of an accident only with a vehicle as their subject:
/// "a bus fell off the highway", "the launch went down", "the truck
/// skidded" (shares fall, prices roll over, nobody died).
const MISHAPS: &[&str] = &[
    "fall", "skid", "veer", "roll", "topple", "tumble", "swerve", "flip", "slide", "go", "leave",
    "come",
];

/// What a vehicle leaves in an accident ("the train left the tracks", "a
/// plane left the runway"): not a place it set off from.
pub const LEFT_IN_MISHAP: &[&str] = &["track", "tracks", "rail", "rails", "road", "runway"];

/// Whether a verb lemma is one of [`MISHAPS`] (for "go", only with
/// "down" or "off", for "leave" only with a track or a road left, which
/// the caller checks).
pub fn mishap_verb(lemma: &str) -> bool {
    MISHAPS.contains(&lemma.to_ascii_lowercase().as_str())
}

/// Words that make "launch" a boat rather than a product's release: the
/// sentence speaks of water, passengers or sinking.
const VESSEL_WORDS: &[&str] = &[
    "capsize",
    "capsized",
    "capsizes",
    "sank",
    "sink",
    "sinks",
    "sunk",
    "river",
    "passengers",
    "passenger",
    "aboard",
    "overloaded",
    "overcrowded",
    "ferry",
    "vessel",
    "boat",
    "drowned",
    "waterway",
    "terminal",
    "divers",
    "went down",
    "double-decker",
];

/// Whether a sentence speaks of a launch as a boat.
pub fn vessel_sentence(sentence: &str) -> bool {
    let low = sentence.to_ascii_lowercase();
    VESSEL_WORDS
        .iter()
        .any(|w| crate::analysis::claims::words::has_phrase(&low, w).is_some())
}

/// Whether a sentence may tell of a vehicle's accident in words that are
/// no event word alone ("a bus fell into the river", "the launch went
/// down"): a vehicle's noun and a verb of [`MISHAPS`].
pub fn mentions_mishap(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_ascii_lowercase)
        .collect();
    let vehicle = words
        .iter()
        .any(|w| struck_class(w).is_some_and(falls_in_accident));
    vehicle
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "fell"
                    | "fallen"
                    | "falls"
                    | "skidded"
                    | "veered"
                    | "rolled"
                    | "toppled"
                    | "tumbled"
                    | "swerved"
                    | "flipped"
                    | "slid"
                    | "went"
                    | "gone"
                    | "came"
            )
        })
}

/// Classes of [`STRUCK`] whose fall is an accident: vehicles, and
/// structures that come down on people ("the crane fell", "a bridge came
/// down"; "shares fell" is none).
pub fn falls_in_accident(class: &str) -> bool {
    is_vehicle(class) || matches!(class, "crane" | "structure" | "bridge" | "building")
}

/// Classes of [`STRUCK`] that move: a sentence's only vehicle is what its
/// accident happened to, whatever the parse attached.
pub fn is_vehicle(class: &str) -> bool {
    matches!(
        class,
        "bus"
            | "road vehicle"
            | "vessel"
            | "speedboat"
            | "small boat"
            | "train"
            | "aircraft"
            | "helicopter"
    )
}

/// Words that say what kind of place a name is when written after it or
/// as its last word ("Chandpur district", "the Meghna River", "the
/// Prithvi Highway"), with the grain they compare at.
#[rustfmt::skip]
const PLACE_WORDS: &[(&str, &str)] = &[
    ("district", "district"), ("upazila", "district"), ("subdistrict", "district"),
    // ("region" is its own grain, compared with none: "the Kurdistan
    // region" contains "Erbil province".)
    ("province", "province"), ("state", "province"), ("region", "region"),
    ("governorate", "province"), ("prefecture", "province"), ("county", "county"),
    ("city", "city"), ("town", "city"), ("municipality", "city"), ("village", "village"),
    ("river", "river"), ("highway", "highway"), ("motorway", "highway"),
    ("expressway", "highway"), ("lake", "lake"),
    // "near Ukerewe Island", "the island of Linosa": a boat sinks at one.
    ("island", "island"), ("isle", "island"),
];

/// The grain of a place word ("district" -> "district", "town" -> "city").
pub fn place_grain(word: &str) -> Option<&'static str> {
    let low = word.to_ascii_lowercase();
    PLACE_WORDS.iter().find(|(w, _)| *w == low).map(|(_, g)| *g)
}

#[cfg(test)]
mod struck_tests {
    use super::*;

    #[test]
    fn vehicles_are_classed_and_mishaps_need_one() {
        assert_eq!(struck_class("launch"), Some("vessel"));
        assert_eq!(struck_class("Ferries"), Some("vessel"));
        assert_eq!(struck_class("buses"), Some("bus"));
        assert_eq!(struck_class("speedboat"), Some("speedboat"));
        assert!(mentions_mishap(
            "A bus fell into a river in central Nepal on Friday."
        ));
        assert!(mentions_mishap("The launch went down near Matlab."));
        assert!(!mentions_mishap("Shares fell 3% on Friday."));
        assert!(vessel_sentence("The launch capsized in the Meghna River."));
        assert!(!vessel_sentence("The launch of the phone is set for May."));
        assert_eq!(place_grain("District"), Some("district"));
        assert_eq!(place_grain("Highway"), Some("highway"));
        assert_eq!(place_grain("capital"), None);
    }
}
