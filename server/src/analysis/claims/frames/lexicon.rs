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
    Acquisition,
    Hiring,
    Dismissal,
    Election,
    Release,
    Pledge,
    Approval,
    Study,
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
            EventKind::Acquisition => "acquisition",
            EventKind::Hiring => "appointment",
            EventKind::Dismissal => "dismissal",
            EventKind::Election => "election",
            EventKind::Release => "release",
            EventKind::Pledge => "pledge",
            EventKind::Approval => "approval",
            EventKind::Study => "study",
        }
    }

    /// Events that often last several days (a summit, talks, a fire, an
    /// election count): a date one day off is no contradiction.
    pub fn multi_day(self) -> bool {
        matches!(
            self,
            EventKind::Summit | EventKind::Fire | EventKind::Storm | EventKind::Study
        )
    }

    /// Natural events: nobody takes part, so the place (and the time) is
    /// what tells two of them apart.
    pub fn natural(self) -> bool {
        matches!(
            self,
            EventKind::Quake | EventKind::Fire | EventKind::Storm | EventKind::Crash
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

    /// Whether a place named as the object ("struck Sumbawa", "hit the
    /// coast") is where it happened rather than who took part.
    pub fn strikes_places(self) -> bool {
        matches!(
            self,
            EventKind::Quake | EventKind::Storm | EventKind::Attack | EventKind::Fire
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
    ("acquire", EventKind::Acquisition), ("buy", EventKind::Acquisition),
    ("purchase", EventKind::Acquisition), ("sell", EventKind::Acquisition),
    ("pay", EventKind::Acquisition), ("merge", EventKind::Acquisition),
    ("appoint", EventKind::Hiring), ("hire", EventKind::Hiring), ("recruit", EventKind::Hiring),
    ("sack", EventKind::Dismissal), ("fire", EventKind::Dismissal), ("dismiss", EventKind::Dismissal),
    ("oust", EventKind::Dismissal), ("resign", EventKind::Dismissal), ("axe", EventKind::Dismissal),
    ("elect", EventKind::Election),
    ("launch", EventKind::Release), ("release", EventKind::Release), ("unveil", EventKind::Release),
    ("pledge", EventKind::Pledge), ("donate", EventKind::Pledge), ("give", EventKind::Pledge),
    ("provide", EventKind::Pledge), ("grant", EventKind::Pledge), ("allocate", EventKind::Pledge),
    ("approve", EventKind::Approval), ("pass", EventKind::Approval), ("adopt", EventKind::Approval),
];

/// Noun lemmas and the event they name.
#[rustfmt::skip]
const NOUNS: &[(&str, EventKind)] = &[
    ("earthquake", EventKind::Quake), ("quake", EventKind::Quake), ("tremor", EventKind::Quake),
    ("aftershock", EventKind::Quake),
    ("crash", EventKind::Crash), ("collision", EventKind::Crash), ("derailment", EventKind::Crash),
    ("collapse", EventKind::Crash), ("accident", EventKind::Crash), ("sinking", EventKind::Crash),
    ("fire", EventKind::Fire), ("wildfire", EventKind::Fire), ("blaze", EventKind::Fire),
    ("capsize", EventKind::Crash), ("shipwreck", EventKind::Crash), ("stampede", EventKind::Crash), ("landslide", EventKind::Storm),
    ("mudslide", EventKind::Storm), ("eruption", EventKind::Quake), ("tsunami", EventKind::Quake),
    ("bushfire", EventKind::Fire),
    ("flood", EventKind::Storm), ("flooding", EventKind::Storm), ("storm", EventKind::Storm),
    ("cyclone", EventKind::Storm), ("hurricane", EventKind::Storm), ("typhoon", EventKind::Storm),
    ("tornado", EventKind::Storm),
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
    ("sentence", EventKind::Sentencing), ("verdict", EventKind::Sentencing),
    ("conviction", EventKind::Sentencing), ("acquittal", EventKind::Sentencing),
    ("acquisition", EventKind::Acquisition), ("takeover", EventKind::Acquisition),
    ("purchase", EventKind::Acquisition), ("merger", EventKind::Acquisition),
    ("buyout", EventKind::Acquisition), ("deal", EventKind::Acquisition),
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
];

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
    ["ed", "d", "es", "s", "ing"]
        .iter()
        .filter_map(|end| low.strip_suffix(end))
        .find_map(|stem| event_word(stem, true).or_else(|| event_word(&format!("{stem}e"), true)))
}

/// Irregular verb forms of the event verbs ("stole", "paid").
const IRREGULAR: &[&str] = &[
    "stole", "stolen", "sold", "bought", "paid", "gave", "given", "met", "beaten", "shot",
    "fought", "sank", "sunk", "robbed", "jailed", "held", "burnt", "rammed",
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
