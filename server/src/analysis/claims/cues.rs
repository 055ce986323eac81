//! Closed word lists for attribution and hedging: the cues a reader of
//! English news relies on to tell who says something and how firmly.
//! Users extend the verbs and hedges in `.crosscheck/config.json`.
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A verb of saying (the built-in list; hashed, as every word of every
/// claim sentence is looked up).
pub fn is_verb(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| VERBS.iter().copied().collect());
    SET.contains(w)
}

/// The prefix cues split into words, once.
pub fn prefix_cues() -> &'static [(&'static str, Vec<&'static str>)] {
    static SPLIT: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
        PREFIX_CUES
            .iter()
            .map(|c| (*c, c.split(' ').collect()))
            .collect()
    });
    &SPLIT
}

/// A word of some prefix cue ("according", "to", "citing").
pub fn in_prefix_cue(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| PREFIX_CUES.iter().flat_map(|c| c.split(' ')).collect());
    SET.contains(w)
}

/// Cues followed by their source.
#[rustfmt::skip]
pub const PREFIX_CUES: &[&str] = &[
    "according to", "reported by", "stated by", "said by", "announced by", "confirmed by",
    "in an article by", "in an interview with", "citing", "cite", "cites", "quoting", "quoted by",
    "as noted by", "as per", "as reported by", "as told to", "in the words of",
];

/// Verbs of saying whose subject is the source.
#[rustfmt::skip]
pub const VERBS: &[&str] = &[
    "concluded", "observed", "characterized", "characterised", "described", "speculated",
    "theorized", "predicted", "estimated", "alleged", "asserted", "testified", "recalled", "said",
    "commented", "remarked", "observes", "recalls", "answered",
    "says", "say", "stated", "states", "state", "reported", "reports", "report", "wrote", "writes",
    "write", "told", "announced", "announces", "confirmed", "confirms", "noted", "notes", "added",
    "explained", "claimed", "claims", "warned", "reminded", "stressed", "emphasized", "emphasised",
    "believes", "insisted", "revealed", "declared", "argued", "acknowledged", "acknowledges",
    "admitted", "tweeted", "replied", "expressed", "informed", "published",
    "estimates", "adds", "explains", "warns", "insists", "argues", "reveals", "tells", "admits",
    "alleges", "maintains", "maintained", "contends", "contended", "concludes", "predicts",
    "cautioned", "cautions", "stresses", "emphasizes", "emphasises", "indicated", "indicates",
    "asserts", "denied", "denies", "calculated", "calculates", "reckons", "reckoned",
    "projected", "projects", "forecast", "forecasts", "quoted", "posted", "wrote", "recounted",
    "recounts", "suggested", "suggests", "disclosed", "discloses", "announced", "affirmed",
    "reiterated", "conceded", "concedes", "countered", "responded", "clarified", "specified",
    "quotes", "indicate", "suggest", "estimate", "believe", "claim", "warn", "argue", "insist",
    "confirm", "reveal", "predict", "allege", "maintain", "contend", "admit", "deny", "add",
    "note", "suspect", "suspects", "suspected", "reckon", "expect", "expects", "accused",
    "blamed",
];

/// Verbs that report a finding: a cue only before "that" ("the
/// researchers found that ...").
#[rustfmt::skip]
pub const FINDING_VERBS: &[&str] = &[
    "found", "finds", "showed", "shows", "learned", "learnt", "discovered",
    "determined",
];

/// Verbs that report a doubt raised: a cue only before "whether", "if",
/// "why" or "how" ("unions questioned whether ...").
#[rustfmt::skip]
pub const DOUBT_VERBS: &[&str] = &["questioned", "questions", "asked", "wondered"];

/// Verb forms that are also nouns: a cue only before "that", a colon or
/// comma, a quote or the end of the sentence.
#[rustfmt::skip]
pub const NOUN_LIKE: &[&str] = &[
    "states", "state", "reports", "report", "notes", "claims", "say", "write", "estimates",
    "forecast", "forecasts", "projects", "posted", "quoted", "quotes", "estimate", "claim",
    "believe", "warn", "confirm", "reveal", "predict", "allege", "maintain", "admit", "deny",
    "add", "note", "indicate", "suggest", "argue", "insist", "contend", "suspect", "suspects",
    "suspected", "reckon", "expect", "expects", "accused", "blamed",
];

/// Words that make a source phrase anonymous.
#[rustfmt::skip]
pub const ANON_WORDS: &[&str] = &[
    "source", "sources", "official", "officials", "insider", "insiders", "diplomat", "diplomats",
    "expert", "experts", "analyst", "analysts", "anonymous", "unnamed", "interlocutor",
    "interlocutors", "informant", "circles", "aide", "aides", "familiar", "professor", "observers",
    "observer", "people", "person",
    "individuals", "witnesses", "poster", "posters", "users", "commenters", "someone", "insider",
    "reports", "rumours", "rumors", "residents", "locals", "eyewitnesses", "eyewitness",
    "activists", "authorities", "lawmakers", "legislators", "executives",
    "employees", "workers", "negotiators", "participants", "attendees", "accounts",
    // People who saw or lived it, unnamed: what they say rests on nobody
    // on record.
    "resident", "neighbours", "neighbors", "neighbour", "neighbor", "witness", "worker",
    "employee", "staff", "staffers", "staffer", "rescuers", "rescuer", "firefighters",
    "volunteers", "passengers", "passenger", "survivors", "survivor", "relatives", "villagers",
    "villager", "bystanders", "onlookers", "colleagues", "friends", "members", "bankers",
    "traders", "investors", "doctors", "nurses", "teachers", "parents", "students", "fans",
    "protesters", "protestors", "campaigners", "critics", "coaches", "developers",
    "specialists", "consultants", "advisers", "advisors",
    "managers", "shopkeepers", "farmers", "drivers", "pilots", "crew", "guards", "organisers",
    "organizers",
    // Officers of a body, unnamed ("Prosecutors in Zagreb said").
    // ("Economists polled by Reuters" are a named outlet's poll: not here.)
    "prosecutors", "investigators", "detectives", "paramedics", "medics",
];

/// A body's voice: named when the body is, anonymous otherwise.
#[rustfmt::skip]
pub const SPOKES: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen",
    "representative", "representatives",
];

/// Media named by kind, no outlet: anonymous institutional sources.
#[rustfmt::skip]
pub const MEDIA_CLASS: &[&str] = &[
    "media", "outlets", "newspapers", "tabloids", "press", "broadcasters", "channels",
];

/// Phrases that refer back to the chain that gave the information.
#[rustfmt::skip]
pub const DEMONSTRATIVE_REPORTS: &[&str] = &[
    "this information", "the information", "this data", "the report", "these reports",
    "this report", "these data", "the data",
];

/// Unique roles of a story: "the CEO said" is identifiable.
#[rustfmt::skip]
pub const ROLE_NOUNS: &[&str] = &[
    "ceo", "chief", "executive", "president", "chairman", "chairwoman", "chair", "director",
    "minister", "mayor", "governor", "secretary", "commander", "head", "prosecutor", "judge",
    "ambassador", "coach", "manager", "founder", "owner", "premier", "chancellor", "king",
    "queen", "pope", "sheriff", "superintendent", "principal", "captain", "leader", "cfo",
    "coo", "cto", "chairperson",
];

/// Bodies that speak on record as such ("police said", "the ministry said").
#[rustfmt::skip]
pub const INSTITUTIONS: &[&str] = &[
    "police", "army", "military", "government", "ministry", "prosecutors", "prosecution",
    "court", "company", "firm", "group", "bank", "council", "department", "agency", "commission",
    "regulator", "regulators", "union", "club", "team", "embassy", "parliament", "senate",
    "congress", "cabinet", "kremlin", "pentagon", "navy", "coastguard",
    "hospital", "university", "school", "airline",
    "manufacturer", "carrier", "operator", "statement", "communique", "tribunal", "investigators",
    "ministries", "governments", "companies", "prosecutor's", "office", "alliance", "bloc",
    "authority", "watchdog", "administration", "presidency", "secretariat",
];

/// Bodies counted in the plural or with an indefinite word ("railway
/// unions", "some doctors' unions", "a hospital"): several unnamed bodies,
/// or one that is not identified, are not on record.
#[rustfmt::skip]
pub const COUNTABLE_BODIES: &[&str] = &[
    "union", "unions", "company", "companies", "firm", "firms", "bank", "banks", "group",
    "groups", "agency", "agencies", "ministry", "ministries", "government", "governments",
    "council", "councils", "department", "departments", "hospital", "hospitals", "school",
    "schools", "university", "universities", "airline", "airlines", "club", "clubs", "team",
    "teams", "embassy", "embassies", "office", "offices", "organisation", "organisations",
    "organization", "organizations", "association", "associations", "charity", "charities",
    "operator", "operators", "carrier", "carriers", "manufacturer", "manufacturers",
];

/// Words that make a body indefinite: not one the reader can identify.
#[rustfmt::skip]
pub const INDEFINITE: &[&str] = &[
    "a", "an", "some", "several", "many", "other", "various", "two", "three", "four", "few",
    "one", "multiple", "numerous", "certain",
];

/// Nouns that refer back to an outlet named before.
#[rustfmt::skip]
pub const OUTLET_ANAPHORS: &[&str] = &[
    "agency", "publication", "newspaper", "outlet", "edition", "paper", "portal", "channel",
    "broadcaster", "magazine", "website", "site", "authors", "journalists", "article",
];

#[rustfmt::skip]
pub const MEDIA_NOUNS: &[&str] = &[
    "newspaper", "agency", "publication", "outlet", "magazine", "channel", "broadcaster", "tv",
    "radio", "website", "portal", "news", "journal", "times", "post", "daily", "press", "gazeta",
];

#[rustfmt::skip]
pub const PREPOSITIONS: &[&str] = &[
    "with", "to", "of", "from", "for", "by", "near", "close",
];

#[rustfmt::skip]
pub const CLAUSE_STOPS: &[&str] = &[
    "that", "who", "whose", "which", "on", "before", "after", "during", "when", "while", "as",
    "to", "because", "and", "but", "if", "than", "the", "about", "over",
    "where", "whom", "whether",
];

/// Adverbs between a subject and its verb ("Politico recently reported").
#[rustfmt::skip]
pub const SKIP_BEFORE_VERB: &[&str] = &[
    "also", "has", "have", "had", "was", "were", "is", "recently", "previously", "first",
    "earlier", "later", "then", "further", "reportedly", "already", "once", "again", "now",
    "still", "privately", "publicly", "widely", "generally", "repeatedly",
];

#[rustfmt::skip]
pub const DEMONSTRATIVE: &[&str] = &[
    "this", "it", "that", "these", "the information", "this information",
];

/// Words that make the assertion itself speculative. Adjectives that only
/// qualify a noun ("the possible return of Trump", "a potential change")
/// are left out: the sentence may still assert something firm.
#[rustfmt::skip]
pub const HEDGES: &[&str] = &[
    "may", "might", "could", "is considering", "are considering", "was considering", "considering",
    "apparently", "reportedly", "allegedly", "possibly", "is likely to", "are likely to",
    "likely to", "plans are being leaked", "is expected to", "are expected to", "expected to",
    "presumably", "seems", "seem to", "appears to", "appear to", "it is believed", "potentially",
    "rumoured", "rumored", "unconfirmed", "is said to", "are said to", "perhaps",
    "is forecast to", "are forecast to", "is set to", "are set to", "is unlikely to",
    "are unlikely to", "it is thought", "is thought to", "are thought to", "is believed to",
    "are believed to", "was believed to", "were believed to", "suspect",
    "suspects", "is suspected", "are suspected", "was suspected",
    // "It is understood that she was his second choice": unnamed sourcing
    // put as the paper's belief; "more are likely": a likelihood, no fact.
    "it is understood", "is likely", "are likely",
];

/// Words that report a feeling, not a fact.
#[rustfmt::skip]
pub const FEELINGS: &[&str] = &[
    "felt", "feel", "feels", "feeling", "scared", "frightened", "terrified", "afraid", "happy",
    "sad", "shocked", "devastated", "heartbroken", "relieved", "angry", "furious", "upset",
    "proud", "grateful", "thankful", "pleased", "delighted", "disappointed", "excited",
    "worried", "anxious", "nervous", "terrible", "horrible", "awful", "wonderful", "amazing",
    "love", "loved", "miss", "missed him", "missed her", "glad", "sorry", "surprised",
    "thrilled", "honoured", "honored", "saddened", "stunned",
];

#[rustfmt::skip]
pub const OPINION: &[&str] = &[
    "i think", "we think", "we need", "i believe", "we believe", "believes", "in my opinion",
    "should", "must", "it is important", "hope", "the longer", "we certainly", "appreciate",
];
