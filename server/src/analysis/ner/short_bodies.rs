//! Short forms of bodies that say what they are: "the Supreme Court", "the
//! National Assembly", "the Security Service", "Labour". The gazetteer
//! keeps them contextual (they count only where the document names their
//! entry in full), because many countries have one. A document that never
//! names which one still names a body: the short form is an organisation
//! of its own, linked to no entry, rather than no mention at all.
use rustc_hash::FxHashSet;

use super::cues::{is_in, ORG_HEADS};
use super::lexicon::Lexicon;
use super::Candidate;
use crate::analysis::model::EntityKind;

/// Turn the document's unbacked contextual short forms of bodies into
/// unlinked organisations: a form whose last word is an organisation's
/// head, qualified by another word ("Supreme Court", "National
/// Assembly"), or a party's short name in mid-sentence ("Labour won").
pub(super) fn unbacked_bodies(text: &str, out: &mut [Candidate]) {
    if !out.iter().any(|c| c.contextual) {
        return;
    }
    let lx = Lexicon::get();
    let named: FxHashSet<u32> = out
        .iter()
        .filter(|c| !c.contextual)
        .filter_map(|c| c.gaz)
        .collect();
    for c in out
        .iter_mut()
        .filter(|c| c.contextual && c.kind == EntityKind::Organization && c.kb.is_none())
    {
        let Some(g) = c.gaz.filter(|g| !named.contains(g)) else {
            continue;
        };
        let form = &text[c.start..c.end];
        let words: Vec<&str> = form.split_whitespace().collect();
        let Some(last) = words.last() else {
            continue;
        };
        let content: Vec<&&str> = words
            .iter()
            .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "of"))
            .collect();
        let capitalised = content.iter().all(|w| w.starts_with(char::is_uppercase));
        // A head alone ("the Union", "the Commission") may stand for many
        // things; a qualified one ("Supreme Court") names a body.
        let headed = is_in(ORG_HEADS, &last.to_lowercase()) && content.len() >= 2 && capitalised;
        // "Labour won", "voters deserted the Conservatives": a party's
        // short name inside a sentence (at its start it may be a word).
        let mid = text[..c.start]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, ',' | ';' | ':'));
        let party = lx.entry(g).subkind == "party" && mid && capitalised;
        if headed || party {
            c.contextual = false;
            c.gaz = None;
        }
    }
}
