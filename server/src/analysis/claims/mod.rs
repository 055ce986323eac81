//! Claims: sentences that assert something checkable about entities (a
//! role, a number, a date, a place, an action), with who says so, how
//! hedged it is and the structured facts needed to compare sources.
//!
//! Per file, [`analyze`] is pure over the text and its [`DocAnalysis`];
//! across files, [`index::ClaimsIndex`] links claims that corroborate or
//! contradict each other, using the snapshot's entity linking.
pub mod attribution;
mod claimhood;
pub mod cues;
pub mod dateline;
pub mod dates;
pub mod estimate;
mod estimate_fresh;
pub mod facts;
pub mod folder_dates;
pub mod frames;
pub mod hedges;
pub mod index;
pub mod meta;
pub mod quantity;
pub mod resolve;
pub mod roles;
pub mod scope;
mod source_phrase;
pub mod sources;
pub mod stems;
pub mod words;

use serde::{Deserialize, Serialize};

pub use attribution::{Attribution, Scope, Source, SourceKind};
pub use dateline::Dateline;
use dates::DateSource;
pub use facts::{Fact, FactBody};
pub use hedges::Hedge;
pub use index::{ClaimRef, ClaimsIndex, Conflict, ConflictEnd, ConflictKind, Corroboration};
pub use meta::{DateAmbiguity, FileDate};

use crate::analysis::model::{DocAnalysis, EntityKind};
use cues::OPINION;
use words::{content_stems, words};

/// User-extensible word lists (from `.crosscheck/config.json`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimSettings {
    pub attribution_verbs: Vec<String>,
    pub hedges: Vec<String>,
    pub single_holder_roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub sentence: u32,
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
    /// Attributions that cover it, outer first (indices into
    /// `FileClaims::attributions`), and where they came from.
    pub attributions: Vec<u32>,
    pub level: Option<Scope>,
    pub hedges: Vec<Hedge>,
    pub facts: Vec<Fact>,
    /// Content stems, for near-identical assertions across files (interned:
    /// see [`stems`]).
    #[serde(deserialize_with = "stems::deserialize")]
    pub stems: Vec<stems::Stem>,
    /// Name mentions (indices into the file's mentions).
    pub names: Vec<u32>,
    /// States a number, a date or a structured fact (role, amount, event
    /// date, place): what `unverified-claim` requires before it fires.
    pub hard: bool,
    /// Quoted speech: its speaker is named around it, not in it.
    pub quoted: bool,
    /// Every event the sentence reports (negated ones left out; a
    /// background event keeps its flag), fact or no fact: the index
    /// builds a file's story from them.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub events: Vec<frames::Event>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileClaims {
    pub claims: Vec<Claim>,
    pub attributions: Vec<Attribution>,
    pub date: FileDate,
    /// Outlets the file relies on, in order of first mention.
    pub outlets: Vec<String>,
    /// The report tells of a toll that rose after the event ("a third
    /// resident has died", "the toll rose to 12"): its higher count is not
    /// a contradiction of an earlier day's report (see
    /// [`facts::amount_stages::tells_toll_rose`]).
    #[serde(default)]
    pub toll_rose: bool,
}

impl Claim {
    /// No source anywhere for a claim that states something hard to
    /// check (quoted speech and bare name pairs do not count).
    pub fn unverified(&self) -> bool {
        self.attributions.is_empty() && self.hard && !self.quoted
    }
}

impl FileClaims {
    /// The attribution chain of a claim, outer first.
    pub fn chain(&self, c: &Claim) -> Vec<&Source> {
        c.attributions
            .iter()
            .flat_map(|&a| self.attributions[a as usize].chain.iter())
            .collect()
    }

    pub fn anonymous_only(&self, c: &Claim) -> bool {
        !c.attributions.is_empty()
            && c.attributions
                .iter()
                .all(|&a| self.attributions[a as usize].anonymous_only())
    }

    /// The claim whose sentence contains `offset`.
    pub fn claim_at(&self, offset: usize) -> Option<usize> {
        self.claims
            .iter()
            .position(|c| c.start <= offset && offset <= c.end)
    }
}

mod analyze;
mod claim_signs;
pub use analyze::{analyze, analyze_dated};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_document;

    fn claims(t: &str) -> Vec<String> {
        let doc = analyze_document(t);
        analyze(t, &doc, &ClaimSettings::default())
            .claims
            .iter()
            .map(|c| t[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn questions_opinions_headlines_and_furniture_are_not_claims() {
        let t = "NATO to coordinate aid to Ukraine, says Stoltenberg\n\n\
                 NATO will coordinate military aid to Ukraine from Wiesbaden, Stoltenberg said.\n\n\
                 Will NATO send troops to Ukraine next year?\n\n\
                 We need more predictability in Ukraine and in Europe, he said.\n\n\
                 NATO to coordinate aid to Ukraine, says Stoltenberg\n\n\
                 Other News\n\nNATO has sent 40 tanks to Ukraine.";
        assert_eq!(
            claims(t),
            vec!["NATO will coordinate military aid to Ukraine from Wiesbaden, Stoltenberg said."]
        );
    }
}

#[cfg(test)]
mod box_lines_tests;
#[cfg(test)]
mod news_tests;

#[cfg(test)]
mod detect_tests;
