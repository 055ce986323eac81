//! A person called by first name alone where the sentence gives no other
//! cue: a line that only addresses or signs with the name ("Renee,",
//! "Thanks, Vince" ends a letter with "Vince" on its own line), and a
//! sentence that opens with the name and goes on with a verb ("Suzanne is
//! on leave", "Jacques has agreed"). Body text calls people so in letters,
//! interviews and features; any word may open a sentence, so only a given
//! name no English word spells counts there.
use super::common_words::is_english_word;
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::{lower, word, Para};
use crate::analysis::text::tokens::TokenKind;

/// Words that open a line of greeting before a name ("Hi Julie,", "Good
/// morning Debra -", "Thanks Josh!").
const GREETINGS: &[&str] = &[
    "hi",
    "hey",
    "hello",
    "dear",
    "thanks",
    "cheers",
    "welcome",
    "congratulations",
    "congrats",
    "good",
    "morning",
    "afternoon",
    "evening",
];

/// Verbs that, right after a sentence's first word, make it the subject:
/// auxiliaries and the verbs of saying the recogniser knows.
const AUXILIARIES: &[&str] = &[
    "is", "was", "has", "had", "will", "would", "can", "could", "does", "did", "should", "may",
    "might", "must", "wants", "wanted", "works", "worked", "lives", "lived",
];

/// The sentence `[ts, te)` is only the given name at token `k`, with
/// greeting words before it and punctuation after it.
pub(super) fn addressed_alone(p: &Para, k: usize, ts: usize, te: usize) -> bool {
    Lexicon::get().is_given_name(word(p, k))
        && word(p, k).chars().skip(1).any(char::is_lowercase)
        && (ts..k).all(|i| is_in(GREETINGS, lower(p, i)) || word(p, i) == ",")
        && (k + 1..te).all(|i| p.toks[i].kind != TokenKind::Word)
        && (k + 1..te)
            .all(|i| matches!(word(p, i), "," | "!" | "." | "-" | "--" | ":" | "\u{2014}"))
}

/// The sentence opens with the given name at token `k`, which is no
/// English word, followed by a verb ("Catriona is well", "Suzanne has
/// agreed").
pub(super) fn opens_as_subject(p: &Para, k: usize, te: usize) -> bool {
    let w = word(p, k);
    if !Lexicon::get().is_given_name(w) || is_english_word(lower(p, k)) || k + 1 >= te {
        return false;
    }
    let next = lower(p, k + 1);
    is_in(AUXILIARIES, next) || is_in(cues::PERSON_VERBS, next)
}
