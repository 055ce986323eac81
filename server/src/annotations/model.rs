//! The on-disk data model of `.crosscheck/`: the knowledge base
//! (`entities.json`) and one annotation file per source.
//!
//! Every struct carries `extra`: fields this version does not know are kept
//! and written back, so a newer crosscheck (or a person) can add fields
//! without an older one deleting them on the next edit. Empty lists and
//! absent options are not written, so files stay small and diffs short.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version written into new files; older or newer versions are read as far
/// as their fields are understood.
pub const FORMAT_VERSION: u64 = 1;

pub type Extra = BTreeMap<String, Value>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// `.crosscheck/entities.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default = "version")]
    pub version: u64,
    #[serde(default)]
    pub entities: Vec<KbEntity>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn version() -> u64 {
    FORMAT_VERSION
}

impl KnowledgeBase {
    pub fn new() -> KnowledgeBase {
        KnowledgeBase {
            schema: None,
            version: FORMAT_VERSION,
            entities: Vec::new(),
            extra: Extra::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&KbEntity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut KbEntity> {
        self.entities.iter_mut().find(|e| e.id == id)
    }

    /// Insert keeping the list sorted by id when it already is (a new
    /// entity lands where a reader looks for it; old entries never move).
    pub fn insert(&mut self, e: KbEntity) {
        let at = self
            .entities
            .iter()
            .position(|x| x.id > e.id)
            .unwrap_or(self.entities.len());
        self.entities.insert(at, e);
    }
}

/// One entity of the knowledge base.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KbEntity {
    /// Stable key, `kind:slug` like the analysis ids (`person:jens-stoltenberg`).
    /// Never changes on rename, so references stay valid.
    pub id: String,
    /// person, organization, location, ... (free text is kept, not refused).
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Identifiers in other knowledge bases: `wikidata: "Q57"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub external_ids: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    /// Ids merged into this one: references to them still resolve here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A dated statement about an entity, with its source:
/// `{"predicate":"holds_role","role":"NATO Secretary General","from":"2014-10-01","to":"2024-10-01"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `holds_role`, `located_in`, `member_of`, ... (free text).
    pub predicate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Another entity id or a plain value (`location:brussels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// ISO 8601 date, partial allowed (`2014`, `2014-10`, `2014-10-01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// URL or workspace-relative path the fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `.crosscheck/annotations/<source path>.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnnotationFile {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default = "version")]
    pub version: u64,
    /// Workspace-relative path of the source, `/`-separated. Informative:
    /// the file's own location decides which source it annotates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissal>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl AnnotationFile {
    pub fn new(source: &str) -> AnnotationFile {
        AnnotationFile {
            version: FORMAT_VERSION,
            source: Some(source.to_string()),
            ..Default::default()
        }
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }
}

/// Facts about the source document as a whole, as corrected by a person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// ISO 8601 date, partial allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Outlets or agencies the story relies on (`Reuters`, `AP`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relies_on: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Metadata {
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// What an annotation says about its span.
pub mod kind {
    /// The span names the entity `entity`.
    pub const LINK: &str = "link";
    /// The span is not an entity (a recogniser false positive, hidden).
    pub const NOT_ENTITY: &str = "not_entity";
    /// The span is a claim with a verification `status`.
    pub const CLAIM: &str = "claim";
    pub const ALL: [&str; 3] = [LINK, NOT_ENTITY, CLAIM];
}

/// Claim verdicts.
pub const CLAIM_STATUSES: [&str; 4] = ["verified", "disputed", "false", "unverified"];

/// One annotation on a span of the source. A single struct for every kind
/// (rather than a tagged enum) so an annotation of a kind this version does
/// not know is still read, kept and written back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within its file.
    pub id: String,
    pub kind: String,
    pub target: Target,
    /// For `link`: the entity id (KB or analysis id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// For `claim`: verified, disputed, false, unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set by a person when they confirmed an orphan should stay detached.
    #[serde(default, skip_serializing_if = "is_false")]
    pub detached: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an annotation sits, in the manner of the W3C Web Annotation
/// TextQuoteSelector + TextPositionSelector: the quote and its context are
/// the truth, the position is only a hint.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The exact text annotated.
    pub quote: String,
    /// Up to 32 characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Code-point offsets (as in W3C and brat), end exclusive.
    pub start: u64,
    pub end: u64,
    /// Content hash of `quote` (`fnv1a64:<hex>`), to notice hand edits.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Evidence for a claim status: a URL, or a span of another source in the
/// workspace (`source` + `target`), or both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Workspace-relative path of another source file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A diagnostic a person dismissed. Keyed by content, not position, so the
/// dismissal survives edits elsewhere in the file and dies with the text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dismissal {
    /// Diagnostic code (`role-holder-conflict`, ...).
    pub code: String,
    pub quote: String,
    /// `fnv1a64` of prefix, quote and suffix (see `anchor::context_hash`).
    pub context_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Serialise the way every `.crosscheck/` file is written: two-space
/// pretty JSON, fields in declaration order then unknown fields sorted,
/// trailing newline. Re-serialising an unchanged model gives the same bytes.
pub fn to_pretty<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values always serialise");
    s.push('\n');
    s
}
