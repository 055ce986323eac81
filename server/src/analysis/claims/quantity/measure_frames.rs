//! Measure frames: one meaning of a counted amount, whatever words an
//! outlet uses for it. "300 people were evacuated", "forced 300 from their
//! homes", "the evacuation of 300 people" and "300 evacuees" are one
//! measure; so are "12 were rescued", "12 were pulled from the water" and
//! "12 survivors", or "cut 300 jobs", "300 workers will lose their jobs",
//! "300 job losses" and "the closure will cost 300 jobs".
//!
//! A frame lists the verbs (by lemma, with the dependent words the meaning
//! needs: "lose" says jobs lost only with "job" among its words), nouns and
//! adjectives that name it, and what it may count: "waiting" counts trucks
//! or ships, never people ("stranded" people are trapped); jobs lost count
//! jobs or the workers who lose them. A word that names nothing here leaves
//! the measure to the older cue tables (`measure_words.rs`).
//!
//! Precision first: a frame folds only words that restate one measure in
//! news ("backed the bill" is "voted for" it); words whose meaning varies
//! ("supported", "affected", "hit") name no frame.

/// What a counted noun counts, as far as frames care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// People, a group of them, or a bare number ("14 were injured").
    People,
    /// Road vehicles that queue: trucks, lorries, cars.
    Vehicles,
    /// Ships and boats.
    Ships,
    /// Jobs, posts, or the workers who hold them.
    Jobs,
    /// Products a maker recalls: cars, vehicles, units.
    Products,
    /// Homes, households, customers of a utility.
    Households,
    /// Anything else.
    Other,
    /// Things an event acts on, by the class their synonyms fold to
    /// ("computer" for computers, PCs and machines; see
    /// `object_frames`).
    Object(&'static str),
}

/// The part of speech a cue word is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    Verb,
    Noun,
    Adj,
}

/// One meaning of a measure and the words that say it.
pub struct Frame {
    /// The measure's name: the key both restatements get.
    pub measure: &'static str,
    /// What the frame may count.
    pub counts: &'static [Counted],
    /// Verbs that say the meaning alone (lemmas).
    pub verbs: &'static [&'static str],
    /// Verbs that say it only with one of the words among their
    /// dependents or the counted noun ("lose" + "job", "pull" + "water",
    /// "lay" + "off").
    pub verbs_with: &'static [(&'static str, &'static [&'static str])],
    /// Verbs that say it only with one of the words and only of a counted
    /// noun that names people: "300 residents had to leave their homes"
    /// are displaced, but a bare number may count the homes ("the storm
    /// left 40 damaged", "left homes damaged").
    pub verbs_of_people: &'static [(&'static str, &'static [&'static str])],
    /// Nouns that say it alone ("evacuation", "survivor", "recall").
    pub nouns: &'static [&'static str],
    /// Nouns that say it only with one of the words as a modifier or the
    /// counted noun ("loss" + "job", "cut" + "job", "creation" + "job").
    pub nouns_with: &'static [(&'static str, &'static [&'static str])],
    /// Adjectives and participles before or after the counted noun
    /// ("the 17 trapped miners", "500 trucks waiting").
    pub adjectives: &'static [&'static str],
}

const PEOPLE: &[Counted] = &[Counted::People];
const QUEUED: &[Counted] = &[Counted::Vehicles, Counted::Ships];
// "lay off 300 people", "300 will lose their jobs": jobs are counted by
// the people who hold them too.
const JOBS: &[Counted] = &[Counted::Jobs, Counted::People];
const PRODUCTS: &[Counted] = &[Counted::Products, Counted::Vehicles];
const HOMES: &[Counted] = &[Counted::Households];

/// Words that make a verb one of losing or cutting jobs.
const JOB_WORDS: &[&str] = &[
    "job",
    "post",
    "position",
    "role",
    "worker",
    "employee",
    "staff",
    "staffer",
    "workforce",
    "redundant",
    "off",
];

/// Where people are pulled or brought from or to when they are rescued.
const RESCUE_PLACES: &[&str] = &[
    "water", "sea", "river", "lake", "rubble", "wreckage", "debris", "ruins", "alive", "ashore",
    "safety", "mud", "ocean",
];

/// What people are forced from, or to, when they are displaced.
const HOME_WORDS: &[&str] = &[
    "home", "house", "village", "town", "flee", "leave", "evacuate", "homeless", "shelter", "camp",
];

/// The frames. Order matters where two could match: the first wins.
#[rustfmt::skip]
pub static FRAMES: &[Frame] = &[
    Frame {
        measure: "killed",
        counts: PEOPLE,
        verbs: &["kill", "die", "perish", "drown", "murder", "slay", "succumb", "electrocute", "crush"],
        verbs_with: &[("lose", &["life"]), ("claim", &["life"])],
        verbs_of_people: &[],
        nouns: &["death", "fatality", "dead", "body", "corpse"],
        nouns_with: &[],
        adjectives: &["dead", "killed"],
    },
    Frame {
        measure: "injured",
        counts: PEOPLE,
        verbs: &["injure", "wound", "hurt", "hospitalise", "hospitalize"],
        verbs_with: &[
            ("treat", &["injury", "wound", "hospital", "burn"]),
            ("suffer", &["injury", "wound", "burn", "fracture"]),
            ("admit", &["hospital"]),
        ],
        verbs_of_people: &[],
        nouns: &["injury"],
        nouns_with: &[],
        adjectives: &["injured", "wounded", "hurt"],
    },
    Frame {
        measure: "missing",
        counts: PEOPLE,
        verbs: &[],
        verbs_with: &[("remain", &["missing", "unaccounted"]), ("list", &["missing"]), ("report", &["missing"])],
        verbs_of_people: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["missing", "unaccounted"],
    },
    // Vehicles and ships that wait: "500 trucks were waiting", "left 500
    // lorries queuing", "a queue of 500 trucks", "500 stranded lorries".
    // Before "trapped", which takes stranded people.
    Frame {
        measure: "waiting",
        counts: QUEUED,
        verbs: &["wait", "queue", "idle", "strand", "anchor", "line", "stack", "stick"],
        verbs_with: &[("back", &["up"])],
        verbs_of_people: &[],
        nouns: &["queue", "backlog", "tailback", "line"],
        nouns_with: &[],
        adjectives: &["waiting", "queuing", "queueing", "stranded", "stuck", "idle", "idling", "anchored"],
    },
    Frame {
        measure: "trapped",
        counts: PEOPLE,
        verbs: &["trap", "strand", "entomb"],
        // "remain blocked underground", "are still stuck inside".
        verbs_with: &[("remain", &["trapped", "stranded", "stuck", "blocked", "underground"])],
        verbs_of_people: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &["trapped", "stranded", "entombed"],
    },
    Frame {
        measure: "rescued",
        counts: PEOPLE,
        verbs: &["rescue", "save", "airlift", "winch", "survive"],
        verbs_with: &[
            ("pull", RESCUE_PLACES), ("pluck", RESCUE_PLACES), ("bring", RESCUE_PLACES),
            ("recover", &["alive"]), ("drag", RESCUE_PLACES), ("lift", RESCUE_PLACES),
        ],
        verbs_of_people: &[],
        nouns: &["survivor", "rescue"],
        nouns_with: &[],
        adjectives: &["rescued", "surviving"],
    },
    Frame {
        measure: "displaced",
        counts: PEOPLE,
        verbs: &["evacuate", "displace", "flee", "relocate", "uproot"],
        verbs_with: &[
            ("force", HOME_WORDS), ("drive", HOME_WORDS), ("order", HOME_WORDS),
            // Not "taken to shelters": survivors and the injured are taken
            // there too.
        ],
        verbs_of_people: &[("leave", &["home", "house", "village", "town"]), ("abandon", &["home", "house", "village"])],
        nouns: &["evacuation", "evacuee", "displacement", "refugee"],
        nouns_with: &[],
        adjectives: &["displaced", "homeless", "evacuated"],
    },
    Frame {
        measure: "arrested",
        counts: PEOPLE,
        verbs: &["arrest", "detain", "apprehend"],
        verbs_with: &[("take", &["custody"]), ("round", &["up"])],
        verbs_of_people: &[],
        nouns: &["arrest", "detention", "detainee"],
        nouns_with: &[],
        adjectives: &["arrested", "detained"],
    },
    Frame {
        measure: "votes for",
        counts: PEOPLE,
        verbs: &["back", "approve"],
        // "voted to confirm him": what the vote passed.
        verbs_with: &[("vote", &[
            "for", "favour", "favor", "yes", "confirm", "approve", "elect", "endorse", "ratify",
            "adopt", "pass", "back",
        ])],
        verbs_of_people: &[],
        // "won the backing of 79 lawmakers".
        nouns: &["backing"],
        nouns_with: &[],
        adjectives: &[],
    },
    Frame {
        measure: "votes against",
        counts: PEOPLE,
        verbs: &["oppose", "reject"],
        verbs_with: &[("vote", &["against", "no", "reject", "oppose", "block"])],
        verbs_of_people: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &[],
    },
    // "cut 300 jobs", "300 workers will lose their jobs", "lay off 300
    // staff", "make 300 workers redundant", "will cost 300 jobs", "300 job
    // losses", "the loss of 300 jobs", "300 redundancies", "300 layoffs".
    Frame {
        measure: "jobs cut",
        counts: JOBS,
        verbs: &[],
        verbs_with: &[
            ("cut", JOB_WORDS), ("axe", JOB_WORDS), ("shed", JOB_WORDS), ("slash", JOB_WORDS),
            ("eliminate", JOB_WORDS), ("lose", JOB_WORDS), ("scrap", JOB_WORDS), ("lay", JOB_WORDS),
            ("make", &["redundant"]), ("cost", JOB_WORDS), ("dismiss", JOB_WORDS), ("fire", JOB_WORDS),
            ("sack", JOB_WORDS), ("abolish", JOB_WORDS), ("go", &["job", "post", "position", "role"]),
        ],
        verbs_of_people: &[],
        nouns: &["layoff", "redundancy"],
        nouns_with: &[("loss", JOB_WORDS), ("cut", JOB_WORDS), ("cutback", JOB_WORDS), ("reduction", JOB_WORDS)],
        adjectives: &["redundant"],
    },
    Frame {
        measure: "jobs created",
        counts: JOBS,
        verbs: &[],
        verbs_with: &[("create", JOB_WORDS), ("add", JOB_WORDS), ("generate", JOB_WORDS), ("hire", JOB_WORDS), ("recruit", JOB_WORDS)],
        verbs_of_people: &[],
        nouns: &[],
        nouns_with: &[("creation", JOB_WORDS)],
        adjectives: &["new"],
    },
    // "recalls 40,000 cars", "the recall of 40,000 vehicles", "40,000
    // cars are being called back".
    Frame {
        measure: "recalled",
        counts: PRODUCTS,
        verbs: &["recall"],
        verbs_with: &[("call", &["back"])],
        verbs_of_people: &[],
        nouns: &["recall"],
        nouns_with: &[],
        adjectives: &["recalled", "affected"],
    },
    // A workforce: "employs 4,800 people", "has about 21,000 employees",
    // "a workforce of 9,400". Not "300 workers were inside" (who was
    // there), nor "employed" alone (a share of a population).
    Frame {
        measure: "employed",
        counts: JOBS,
        verbs: &["employ"],
        verbs_with: &[("have", &["employee", "staff", "staffer"])],
        nouns: &["workforce", "headcount"],
        nouns_with: &[],
        adjectives: &[],
        verbs_of_people: &[],
    },
    // "left 40,000 homes without power", "40,000 customers lost power".
    Frame {
        measure: "without power",
        counts: HOMES,
        verbs: &[],
        verbs_with: &[
            ("lose", &["power", "electricity"]), ("leave", &["power", "electricity", "dark"]),
            ("cut", &["power", "electricity"]), ("plunge", &["darkness", "dark"]),
        ],
        verbs_of_people: &[],
        nouns: &["outage", "blackout"],
        nouns_with: &[],
        adjectives: &[],
    },
    // "more than 300 have fallen ill", "300 people were sickened": the
    // sick of an outbreak, never its dead (a count after "Seventeen people
    // have died and" names its own verb).
    Frame {
        measure: "infected",
        counts: PEOPLE,
        verbs: &["sicken"],
        verbs_with: &[("fall", &["ill", "sick"]), ("become", &["ill", "sick"]), ("get", &["ill", "sick"])],
        verbs_of_people: &[],
        nouns: &[],
        nouns_with: &[],
        adjectives: &[],
    },
];

/// What a counted noun (its lemma) counts; a bare number counts people.
pub fn counted_class(noun: Option<&str>) -> Counted {
    let Some(n) = noun else {
        return Counted::People;
    };
    match n {
        // Cars and vehicles wait in queues and are recalled: the frames of
        // recalls take vehicles too.
        "truck" | "lorry" | "hgv" | "vehicle" | "car" | "bus" | "van" | "trailer" => {
            Counted::Vehicles
        }
        "ship" | "vessel" | "boat" | "tanker" | "freighter" | "carrier" | "containership" => {
            Counted::Ships
        }
        "job" | "post" | "position" | "role" | "worker" | "employee" | "staff" | "staffer"
        | "workforce" => Counted::Jobs,
        // "a recall of 38 batches of its tablet": a drug maker's products
        // are recalled by the batch.
        "unit" | "model" | "product" | "device" | "phone" | "appliance" | "batch" | "lot" => {
            Counted::Products
        }
        "home" | "household" | "customer" | "property" | "house" | "premises" | "business"
        | "homes" => Counted::Households,
        "person" | "people" | "resident" | "passenger" | "villager" | "civilian" | "pilgrim"
        | "student" | "pupil" | "child" | "woman" | "man" | "soldier" | "tourist" | "fisherman"
        | "migrant" | "crew" | "patient" | "spectator" | "protester" | "worshipper" | "miner"
        | "survivor" | "evacuee" | "refugee" | "detainee" | "suspect" | "demonstrator"
        | "member" | "lawmaker" | "legislator" | "mp" | "deputy" | "senator" | "delegate"
        | "shareholder" | "councillor" | "councilor" | "voter" | "family" | "inhabitant"
        | "citizen" | "sailor" | "seafarer" | "guest" | "driver" | "rider" | "hiker"
        | "climber" | "diver" | "individual" | "adult" | "teenager" | "girl" | "boy" | "baby"
        | "officer" | "policeman" | "firefighter" | "journalist" | "activist" | "prisoner"
        | "inmate" | "victim" | "body" => Counted::People,
        _ => super::object_frames::counted_more(n).unwrap_or(Counted::Other),
    }
}

/// Whether a frame may count what `counted` counts. Workers are counted
/// by the frames of jobs ("300 workers will lose their jobs") and of
/// people alike.
fn fits(frame: &Frame, counted: Counted) -> bool {
    frame.counts.contains(&counted)
        || (counted == Counted::Jobs
            && frame.counts == PEOPLE
            && !frame.measure.starts_with("jobs"))
}

/// A word read as a frame cue: its lemma, its kind, the lemmas (lower
/// case) of its dependents and of the counted noun, and what is counted.
pub struct Cue<'a> {
    pub lemma: &'a str,
    pub kind: WordKind,
    pub words: &'a [String],
    pub counted: Counted,
    /// The counted noun is written and names people ("300 residents"),
    /// not a bare number.
    pub people_named: bool,
}

fn has_any(words: &[String], wanted: &[&str]) -> bool {
    words.iter().any(|w| wanted.contains(&w.as_str()))
}

/// The frame a word names for a count of `counted`, if any.
pub fn frame_for(cue: &Cue) -> Option<&'static Frame> {
    FRAMES
        .iter()
        .chain(super::object_frames::MORE_FRAMES)
        .find(|f| fits(f, cue.counted) && names(f, cue))
}

fn names(f: &Frame, cue: &Cue) -> bool {
    let l = cue.lemma;
    match cue.kind {
        WordKind::Verb => {
            f.verbs.contains(&l)
                || f
                    .verbs_with
                    .iter()
                    .any(|(v, with)| *v == l && has_any(cue.words, with))
                || (cue.people_named
                    && f.verbs_of_people
                        .iter()
                        .any(|(v, with)| *v == l && has_any(cue.words, with)))
                // "the 300 evacuated residents": a participle the tagger
                // calls a verb.
                || f.adjectives.contains(&l)
        }
        WordKind::Noun => {
            f.nouns.contains(&l)
                || f.nouns_with
                    .iter()
                    .any(|(n, with)| *n == l && has_any(cue.words, with))
        }
        WordKind::Adj => f.adjectives.contains(&l),
    }
}

/// The frame named `measure`, if it is one.
pub fn frame_named(measure: &str) -> Option<&'static Frame> {
    FRAMES
        .iter()
        .chain(super::object_frames::MORE_FRAMES)
        .find(|f| f.measure == measure)
}

/// The unit a frame's count is compared in: words that count one thing
/// within a frame are one unit ("300 workers will lose their jobs" and
/// "300 job cuts" count jobs; a queue of "lorries" is one of "trucks").
/// None leaves the unit as written.
pub fn frame_unit(measure: &str, unit: &str) -> Option<&'static str> {
    let f = frame_named(measure)?;
    if let Some(u) = super::object_frames::fold_unit(f, unit) {
        return Some(u);
    }
    if f.counts == JOBS {
        return Some("job");
    }
    // A recall's cars are its vehicles; a utility's customers its homes.
    if f.counts == PRODUCTS && matches!(unit, "car" | "vehicle") {
        return Some("vehicle");
    }
    if f.counts == HOMES
        && matches!(
            unit,
            "home" | "household" | "house" | "customer" | "property"
        )
    {
        return Some("household");
    }
    match unit {
        "truck" | "lorry" | "hgv" => Some("truck"),
        "ship" | "vessel" | "boat" | "containership" => Some("vessel"),
        "survivor" | "evacuee" | "refugee" | "detainee" | "layoff" | "redundancy" => Some("person"),
        _ => None,
    }
}

/// Whether frame `measure` counts people only ("displaced", "arrested"):
/// a group of them ("residents") is a part of all people it counts.
pub fn counts_people(measure: &str) -> bool {
    frame_named(measure).is_some_and(|f| f.counts == PEOPLE)
}

/// Fold the units of a count of frame `what`: the amount's unit (what the
/// index compares) and the measure's (which keeps a group of people, so
/// that "300 residents" within "300 people" is read as a part, as
/// casualty counts are).
pub fn fold_units(what: &str, amount_unit: &mut String, measure_unit: &mut String) {
    // A record counts matches, whatever the noun ("two wins", "won three",
    // "two of its twelve matches"); seats are counted by their holders
    // ("six councillors"); the people at work by any group of them.
    let folded = match what {
        "wins" | "draws" | "losses" | "played" => Some("match"),
        "seats" => Some("seat"),
        super::measure::AT_WORK => Some("person"),
        _ => None,
    };
    if let Some(u) = folded {
        *amount_unit = u.to_string();
        *measure_unit = u.to_string();
        return;
    }
    let Some(f) = frame_named(what) else { return };
    // Votes are cast by people, whatever the noun counting them ("79
    // lawmakers", "81 deputies", "79 votes").
    if f.measure.starts_with("votes") {
        *amount_unit = "person".to_string();
        *measure_unit = "person".to_string();
        return;
    }
    // "while 108 opposed it": a bare count whose verb the amount reader
    // took for its unit counts people.
    if f.counts == PEOPLE && counted_class(Some(amount_unit)) == Counted::Other {
        *amount_unit = "person".to_string();
        *measure_unit = "person".to_string();
        return;
    }
    if let Some(u) = frame_unit(what, amount_unit) {
        *amount_unit = u.to_string();
        *measure_unit = u.to_string();
    } else if f.counts == PEOPLE
        && (amount_unit.is_empty()
            || amount_unit == "person"
            || super::measure_kinds::is_people_group(amount_unit))
    {
        *amount_unit = "person".to_string();
    }
}

#[cfg(test)]
#[path = "measure_frames_tests.rs"]
mod tests;
