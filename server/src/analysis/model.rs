//! Plain data produced by the analysis core. Offsets are byte offsets into the
//! document text (UTF-8), half-open `[start, end)`; the LSP layer converts them.
use serde::Serialize;

use super::text::structure::DocStructure;

/// The kinds of entity crosscheck recognises. The names double as the
/// semantic-token type names the editors colour.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Date,
    Money,
    Quantity,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Date,
        EntityKind::Money,
        EntityKind::Quantity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Date => "date",
            EntityKind::Money => "money",
            EntityKind::Quantity => "quantity",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Names (person, organisation, location) are linked across files;
    /// values (dates, amounts) are linked only when their text is equal.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            EntityKind::Person | EntityKind::Organization | EntityKind::Location
        )
    }
}

/// Time qualifier written in front of a role: "then-", "former", ...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleQualifier {
    Then,
    Former,
    Acting,
    Future,
    Incoming,
    Outgoing,
}

impl RoleQualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleQualifier::Then => "then",
            RoleQualifier::Former => "former",
            RoleQualifier::Acting => "acting",
            RoleQualifier::Future => "future",
            RoleQualifier::Incoming => "incoming",
            RoleQualifier::Outgoing => "outgoing",
        }
    }
}

/// A title or role attached to a person mention ("NATO Secretary General",
/// "Mark Rutte, NATO's Secretary General"). Kept as an attribute of the person
/// mention, never as an entity of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RoleAttr {
    pub start: usize,
    pub end: usize,
    /// The role as written, without the qualifier ("NATO Secretary General").
    pub text: String,
    pub qualifier: Option<RoleQualifier>,
}

/// How a mention names its entity; decides canonical names and definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// The fullest form seen ("Jens Stoltenberg", "Security Assistance Group-Ukraine").
    Full,
    /// A shortened form resolved to a fuller one ("Stoltenberg").
    Short,
    /// An acronym ("SAG-U", "NATO").
    Acronym,
    /// A descriptive alias ("the Alliance").
    Alias,
    /// A value (date, money, quantity).
    Value,
}

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub form: MentionForm,
    /// Roles written next to this (person) mention.
    pub roles: Vec<RoleAttr>,
    /// Index of the document-local entity this mention belongs to.
    pub local: u32,
    /// 0..=1: how sure the recogniser is (cue-based names score higher
    /// than bare capitalised words).
    pub confidence: f32,
}

impl Mention {
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        &doc_text[self.start..self.end]
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// An entity as one document sees it: its mentions grouped by
/// within-document resolution (surname to full name, acronym to expansion).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct LocalEntity {
    pub kind: EntityKind,
    /// The fullest form in this document.
    pub name: String,
    /// Other surface forms in this document (folded duplicates removed).
    pub aliases: Vec<String>,
    /// Keys used to link across files (see `text::fold`).
    pub keys: Vec<String>,
    /// Indices into `DocAnalysis::mentions`, in text order.
    pub mentions: Vec<u32>,
    /// Mention that carries the fullest name (the local definition).
    pub defining: u32,
    /// Distinct surface forms with their counts, computed once per file so
    /// cross-file linking only merges these summaries.
    pub forms: Vec<SurfaceForm>,
    /// True when the entity was only seen in a short form (a lone surname):
    /// such entities link across files only to an unambiguous full name.
    pub short_only: bool,
}

/// One way a local entity is written, and how often.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct SurfaceForm {
    /// `fold_key` of the text: forms equal under folding are one form.
    pub fold: String,
    /// The text as first written.
    pub text: String,
    pub count: u32,
    /// Written in full at least once (not as a short form or acronym).
    pub full: bool,
}

/// Everything the core knows about one document on its own.
#[derive(Clone, Debug)]
pub struct DocAnalysis {
    pub structure: DocStructure,
    /// Sorted by start offset, non-overlapping.
    pub mentions: Vec<Mention>,
    pub locals: Vec<LocalEntity>,
    /// What this document tells the rest of its folder (short forms of its
    /// full names, the words it left undecided); independent of the folder.
    pub summary: crate::analysis::ner::folder::FileSummary,
    /// Digest of the folder view the analysis was made with (0: none).
    pub folder_digest: u64,
    /// What the light re-typing pass needs (first pass only; dropped once
    /// the folder pass of a cold index is done, to save memory).
    pub retype: Option<std::sync::Arc<crate::analysis::ner::folder::Retype>>,
}

impl DocAnalysis {
    /// The mention covering `offset` (touching its end counts, as editors
    /// place the cursor right after a word).
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.end < offset);
        (i..self.mentions.len())
            .take(2)
            .find(|&i| self.mentions[i].start <= offset && offset <= self.mentions[i].end)
    }
}
