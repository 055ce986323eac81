//! Fact frames from sentence structure: the events a sentence reports
//! ([`event`]), with the words that name them ([`lexicon`]), and the
//! clause structure that decides whether a hedge qualifies a fact
//! ([`clauses`]).
//!
//! Everything here is per sentence and pure: the parse comes from the
//! process-wide cache ([`crate::analysis::syntax::parse`]), and a sentence
//! is parsed only when it can carry a fact (see [`worth_parsing`]).
pub mod clauses;
pub mod event;
pub mod facts;
pub mod lexicon;

pub use event::{Event, SentenceFrames, SentenceInput};
pub use lexicon::EventKind;

use crate::analysis::model::{DocAnalysis, EntityKind};

/// A sentence can carry a fact frame when it states an amount, or names
/// an event (see [`lexicon::mentions_event_word`]), next to at least one
/// name: only those are parsed. Without a name, only a sentence that
/// counts casualties or names an event with an amount, a date or a place
/// ("Thirty-nine people died", "the vessel sank on 12 March") can; its
/// event is then the one the article reports (see
/// [`facts::with_context`]). Parsing costs far more than the rest of a
/// sentence's analysis; dates and places alone are read without it.
pub fn worth_parsing(doc: &DocAnalysis, mentions: &[u32], sentence: &str) -> bool {
    let kind = |m: &u32| doc.mentions[*m as usize].kind;
    let amount = mentions
        .iter()
        .any(|m| matches!(kind(m), EntityKind::Quantity | EntityKind::Money));
    let counted = amount
        || sentence.bytes().any(|b| b.is_ascii_digit())
        || lexicon::mentions_number_word(sentence);
    if mentions.iter().any(|m| kind(m).is_name()) {
        return amount
            || hyphenated_amount(sentence)
            || crate::analysis::claims::facts::states_a_count(sentence)
            || lexicon::mentions_event_word(sentence)
            || lexicon::mentions_shore_crossing(sentence)
            || lexicon::mentions_mishap(sentence)
            || event::landings::mentions_landing(sentence)
            || (counted && lexicon::mentions_casualty_word(sentence));
    }
    let dated = mentions.iter().any(|m| kind(m) == EntityKind::Date);
    // A plain sentence stating a count ("About 300 people were
    // evacuated") is read through its parse (`facts::counted`).
    crate::analysis::claims::facts::states_a_count(sentence)
        || (counted && (lexicon::mentions_casualty_word(sentence) || mentions_aboard(sentence)))
        || ((counted || dated)
            && (lexicon::mentions_event_word(sentence)
                || lexicon::mentions_mishap(sentence)
                || event::landings::mentions_landing(sentence)
                || lexicon::mentions_shore_crossing(sentence)))
}

/// "a six-second lead", "a four-man breakaway", "a five-year deal": an
/// amount written as a number word joined to its unit, which the
/// recogniser leaves unmarked.
fn hyphenated_amount(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        w.split_once('-').is_some_and(|(n, rest)| {
            rest.starts_with(|c: char| c.is_ascii_alphabetic())
                && crate::analysis::claims::quantity::number::is_number_word(
                    &n.to_ascii_lowercase(),
                )
        })
    })
}

/// "had 188 passengers on board", "with 212 people aboard": the people
/// on a vessel or vehicle the article reports an accident of.
fn mentions_aboard(sentence: &str) -> bool {
    let low = sentence.to_ascii_lowercase();
    low.contains(" aboard") || low.contains(" on board")
}

#[cfg(test)]
mod hyphenated_tests {
    #[test]
    fn a_number_word_joined_to_its_unit_is_an_amount() {
        assert!(super::hyphenated_amount(
            "Vinter now has a six-second lead over Marco Ruiz."
        ));
        assert!(super::hyphenated_amount("A four-man breakaway was caught."));
        assert!(!super::hyphenated_amount(
            "The north-west of Spain, a well-known region."
        ));
        assert!(!super::hyphenated_amount("Twenty people came."));
    }
}
