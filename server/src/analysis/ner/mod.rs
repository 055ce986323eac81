//! Entity recognition for English news text, without a trained model:
//! values by regular grammars ([`values`]), names from runs of capitalised
//! tokens classified by gazetteers ([`lexicon`]), roles and titles, cue
//! words ([`cues`]) and consistency within the document ([`names`]).
pub mod acronyms;
pub mod citations;
pub mod classify;
pub mod common_words;
pub mod company;
pub mod consistency;
pub mod context;
pub mod cues;
pub mod first_names;
pub mod folder;
pub mod group_words;
pub mod learned;
pub mod lexicon;
pub mod name_edges;
pub mod name_lists;
pub mod name_shapes;
pub mod name_suffixes;
pub mod names;
pub mod not_mentions;
pub mod place_persons;
pub mod roles;
pub mod runs;
pub mod segment;
pub mod short_bodies;
pub mod short_capitals;
pub mod sports;
pub mod us_states;
pub mod values;
pub mod word_shapes;

use rustc_hash::FxHashSet;

use crate::analysis::model::{EntityKind, RoleAttr};
use crate::analysis::overrides::{FileOverrides, Overrides};
use crate::analysis::text::structure::DocStructure;

/// A recognised mention before document-level grouping.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub roles: Vec<RoleAttr>,
    pub confidence: f32,
    /// Gazetteer entry this mention matched, if any.
    pub gaz: Option<u32>,
    /// Matched only a contextual alias ("the Alliance"): kept only if the
    /// same gazetteer entity is named otherwise in the document.
    pub contextual: bool,
    /// For an acronym introduced in parentheses, the start offset of the
    /// expansion candidate it abbreviates ("Security Assistance Group-Ukraine (SAG-U)").
    pub expands: Option<usize>,
    /// Knowledge-base entity (index into the workspace overrides) this
    /// mention is known or linked to.
    pub kb: Option<u32>,
}

impl Candidate {
    pub fn new(start: usize, end: usize, kind: EntityKind, confidence: f32) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            roles: Vec::new(),
            confidence,
            gaz: None,
            contextual: false,
            expands: None,
            kb: None,
        }
    }
}

/// All mentions of `text`, sorted by start, non-overlapping. Boilerplate
/// paragraphs produce none. Knowledge-base names (`overrides`) are
/// recognised first, then per-file decisions (links, "not an entity") are
/// applied over the result.
///
/// `folder` is what the rest of the folder says about the words this file
/// leaves undecided (see [`folder`]); the returned summary is what this
/// file tells the folder, and does not depend on `folder`.
pub fn recognize(
    text: &str,
    structure: &DocStructure,
    rel_path: &str,
    overrides: &Overrides,
    folder: &folder::FolderView,
) -> (Vec<Candidate>, folder::FileSummary, Vec<folder::OpenWord>) {
    let kb_hits = overrides.kb_hits(text);
    let lower_words = lowercase_words(text, structure);
    let (cands, summary, open) =
        names::recognize(text, structure, &kb_hits, overrides, folder, &lower_words);
    let cands = match learned::global() {
        Some(model) => {
            let doc = learned::sentences::DocInput {
                text,
                structure,
                lower_words: &lower_words,
                sports: is_sports_doc(&lower_words),
            };
            learned::refine(&doc, cands, model)
        }
        None => cands,
    };
    if overrides.is_empty() {
        return (cands, summary, open);
    }
    let file = overrides.file(rel_path, text);
    let cands = apply_decisions(cands, &file, overrides, text.len());
    // A word a person decided about is no longer open.
    let decided = |w: &folder::OpenWord| {
        file.not_entities
            .iter()
            .chain(
                file.links
                    .iter()
                    .map(|l| (l.start, l.end))
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .any(|&(s, e)| w.start < e && s < w.end)
    };
    let open = open.into_iter().filter(|w| !decided(w)).collect();
    (cands, summary, open)
}

/// The words a document writes starting in lower case (its ordinary words).
pub fn lowercase_words(text: &str, structure: &DocStructure) -> FxHashSet<String> {
    consistency::lowercase_vocabulary(text, structure)
}

/// Whether the document reads as a sports report.
pub fn is_sports_doc(lower_words: &FxHashSet<String>) -> bool {
    sports::is_sports_doc(lower_words.iter().map(String::as_str))
}

/// Apply what a person decided for this file: "not an entity" spans drop
/// whatever overlaps them; a linked span replaces what overlaps it with a
/// mention of the KB entity.
fn apply_decisions(
    mut cands: Vec<Candidate>,
    file: &FileOverrides,
    overrides: &Overrides,
    len: usize,
) -> Vec<Candidate> {
    let overlaps = |c: &Candidate, s: usize, e: usize| c.start < e && s < c.end;
    cands.retain(|c| !file.not_entities.iter().any(|&(s, e)| overlaps(c, s, e)));
    for link in &file.links {
        if link.start >= link.end || link.end > len {
            continue;
        }
        let Some(kb) = overrides.kb_index(&link.entity) else {
            continue; // unknown id: reported by the annotation layer
        };
        cands.retain(|c| !overlaps(c, link.start, link.end));
        let mut c = Candidate::new(link.start, link.end, overrides.kb_entity(kb).kind, 1.0);
        c.kb = Some(kb);
        cands.push(c);
    }
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    cands
}
