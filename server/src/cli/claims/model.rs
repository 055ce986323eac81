//! The exported shape of `crosscheck claims` (schema:
//! `server/schemas/claims-export.schema.json`, documented in the README).
//! The conversion from the analysis types into it is in [`super::export`].
//!
//! Everything downstream (the text and pair listings, `eval claims`, the
//! tests) reads this shape, never the analysis types: when the fact model
//! of the core changes, [`super::export::export`] is the only function to
//! update, and the schema version says whether readers must change too.
//!
//! Offsets are Unicode characters (end exclusive), as in `entities --format
//! json` and brat standoff. Lists are sorted, so the output of one folder is
//! byte-for-byte stable from run to run.
use serde::{Deserialize, Serialize};

/// Bumped when a reader of the export would have to change.
pub const SCHEMA_VERSION: u32 = 1;

/// Fact kinds, as exported and as `expected.json` names them.
pub const FACT_KINDS: &[&str] = &[
    "role_holder",
    "quantity",
    "event_date",
    "event_place",
    "location",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub version: u32,
    /// Sorted by path.
    pub files: Vec<FileOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileOut {
    /// Relative to the folder, `/`-separated.
    pub path: String,
    /// The publication date; `null` when neither the text nor the
    /// annotations give one.
    pub date: Option<DateOut>,
    /// Outlets the file relies on, in order of first mention.
    pub outlets: Vec<String>,
    /// In text order.
    pub claims: Vec<ClaimOut>,
    /// Every diagnostic of the file, as `check` reports it (annotations
    /// applied), in text order.
    pub diagnostics: Vec<DiagnosticOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateOut {
    /// First and last possible day, `YYYY-MM-DD` (equal when sure of the day).
    pub lo: String,
    pub hi: String,
    /// `high`, `medium` or `low`.
    pub confidence: String,
    pub reason: String,
    /// `text` (inferred from the file) or `annotation` (set by a person in
    /// `.crosscheck/`).
    pub origin: String,
    /// Where in the text it was read (absent for annotations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut {
    /// The claim's sentence.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub attribution: AttributionOut,
    pub hedges: Vec<SpanOut>,
    pub facts: Vec<FactOut>,
    /// Claims elsewhere that state the same thing, sorted by path and
    /// offset (the first `--max-links` of them).
    pub corroborated_by: Vec<CorroborationOut>,
    /// How many claims corroborate it in all.
    pub corroborations_total: usize,
    /// Claims (in other files or this one) that state an incompatible
    /// value (the first `--max-links` of them).
    pub conflicts_with: Vec<ConflictOut>,
    /// How many conflicting facts there are in all.
    pub conflicts_total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut {
    /// Who says so, outer first ("Reuters, citing a source": Reuters, then
    /// the source); empty when nobody does.
    pub chain: Vec<SourceOut>,
    /// Where the attribution was declared: `sentence`, `paragraph` or
    /// `document`; `null` when there is none.
    pub scope: Option<String>,
    /// Rests only on anonymous sources (outlets relaying them do not count).
    pub anonymous_only: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceOut {
    /// As written ("a company representative", "the agency").
    pub text: String,
    /// After resolution ("Reuters" for "the agency").
    pub name: String,
    /// `named` or `anonymous`.
    pub kind: String,
    /// A news outlet relaying reports, rather than a person or body on record.
    pub outlet: bool,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// Corpus entity id ("organization:nato"); `null` for a name the
    /// analysis did not link to an entity.
    pub id: Option<String>,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntervalOut {
    pub lo: String,
    pub hi: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactOut {
    /// One of [`FACT_KINDS`].
    pub kind: String,
    /// The words that state the value.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What the fact is about: the organisation or country of a role, the
    /// subject of an amount, the (first) participant of an event, the
    /// organisation that is located; `null` when the text names none.
    pub subject: Option<EntityOut>,
    /// What is stated of it: the role title, the measure, the event, what
    /// of the organisation is placed.
    pub predicate: String,
    pub value: ValueOut,
    /// When the fact holds, when known: a dated frame, else the file's date
    /// for statements about the present.
    pub time: Option<IntervalOut>,
    /// "former", "then", "acting"... (roles only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The event the fact belongs to, read from the sentence's structure
    /// (absent for facts of no event, or read without a parse): facts of
    /// different events are never compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventOut>,
    /// Negated in its clause ("did not pay"): compared with nothing.
    #[serde(default)]
    pub negated: bool,
    /// A hedge scopes over it ("may have killed"): compared with nothing.
    #[serde(default)]
    pub hedged: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    /// "crash or accident", "meeting", "acquisition"...
    pub kind: String,
    /// Who took part (people, organisations; countries that receive aid).
    pub participants: Vec<EntityOut>,
    /// Where it happened.
    pub places: Vec<PlaceOut>,
    /// When it happened, when the sentence dates it.
    pub time: Option<IntervalOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ValueOut {
    /// A role holder.
    Entity {
        id: Option<String>,
        name: String,
    },
    /// Numbers as intervals ("nearly 50" is below 50); `hi` null when
    /// unbounded ("more than 50").
    Amount {
        lo: f64,
        hi: Option<f64>,
        /// "USD", "EUR", "%", or the counted noun ("country").
        unit: String,
        /// "annual", "monthly" or empty.
        per: String,
    },
    /// A day range; `null` ends when the year is unknown.
    Date {
        lo: Option<String>,
        hi: Option<String>,
    },
    Places {
        places: Vec<PlaceOut>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceOut {
    pub id: Option<String>,
    pub name: String,
    pub country: Option<String>,
}

/// Another claim that agrees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorroborationOut {
    pub path: String,
    /// The other claim's sentence.
    pub start: usize,
    pub end: usize,
    /// Index into the other claim's `facts`; `null` when the whole
    /// assertion agrees rather than one fact.
    pub fact: Option<usize>,
    /// Index into this claim's `facts`, likewise.
    pub here_fact: Option<usize>,
    /// "same amount", "same role holder", "same assertion"...
    pub reason: String,
    /// Every pair of facts on which the two claims agree (the first is
    /// `fact`/`here_fact`/`reason`).
    pub agreements: Vec<AgreementOut>,
    /// The agreement is partial: the two reports dispute `disputes`.
    pub partial: bool,
    /// Facts the two reports disagree on although they agree on
    /// `agreements`: between the two claims, or, elsewhere in the two
    /// files, the date or place of the event an agreeing fact is of (also
    /// two days of it its kind cannot span where no conflict was found).
    pub disputes: Vec<DisputeOut>,
}

/// One pair of agreeing facts of two claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementOut {
    /// Index into the other claim's `facts` (`null`: the whole assertion).
    pub fact: Option<usize>,
    /// Index into this claim's `facts`, likewise.
    pub here_fact: Option<usize>,
    pub reason: String,
}

/// A fact on which two otherwise agreeing reports disagree: where it is
/// stated in each file (the claim sentence and the fact index) and both
/// values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeOut {
    /// The fact kind in conflict (one of [`FACT_KINDS`]).
    pub kind: String,
    pub subject: String,
    /// The claim of the other file that states it, and its fact.
    pub start: usize,
    pub end: usize,
    pub fact: usize,
    pub value: String,
    /// The claim of this file that states it, and its fact.
    pub here_start: usize,
    pub here_end: usize,
    pub here_fact: usize,
    pub here_value: String,
}

/// Another claim that disagrees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictOut {
    pub path: String,
    pub start: usize,
    pub end: usize,
    /// Index into the other claim's `facts`.
    pub fact: usize,
    /// Index into this claim's `facts`.
    pub here_fact: usize,
    /// The fact kind in conflict (one of [`FACT_KINDS`]).
    pub kind: String,
    /// What both state something about ("NATO secretary general").
    pub subject: String,
    /// The other claim's value, and this claim's.
    pub value: String,
    pub here_value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticOut {
    pub code: String,
    pub severity: String,
    pub start: usize,
    pub end: usize,
    pub message: String,
}
