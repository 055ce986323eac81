//! A storm's name as what tells one storm's event from another's: two
//! reports of one typhoon's landfall name the typhoon ("Typhoon Mirasol",
//! "Mirasol"), two typhoons of a season have two names. The recogniser
//! leaves storm names out of its mentions, so they are loose names of the
//! event (see `SentenceFrames::names_and_loose`), written here without the
//! word that says what kind of storm it is.
use super::{is_verbal, SentenceFrames, SentenceInput};
use crate::analysis::syntax::{Rel, Upos};
use crate::analysis::text::fold::ascii_key;

/// Words of a storm's class before its name ("Super Typhoon", "Tropical
/// Storm", "Severe Cyclonic Storm"): one storm is written with and without
/// them, and upgraded from one class to the next.
const STORM_CLASS: &[&str] = &[
    "super",
    "severe",
    "very",
    "extremely",
    "tropical",
    "cyclonic",
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "depression",
];

/// A storm event's loose names without their class words ("typhoon
/// mirasol" is "mirasol"); a class word alone names no storm.
pub(super) fn storm_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = names
        .into_iter()
        .map(|n| {
            n.split_whitespace()
                .skip_while(|w| STORM_CLASS.contains(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|n| !n.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// "Mirasol made landfall near Palanan": a proper noun opening the
/// sentence as the subject of the storm's verb, that no mention covers,
/// is the storm's name (a loose name elsewhere in a sentence is found as
/// any other; the sentence's first word is capitalised whatever it is, so
/// only a storm verb's subject is taken there).
pub(super) fn opening_storm_name(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    core: &[usize],
) -> Option<String> {
    let p = &sf.parse;
    let first = p.tokens.first()?;
    let subject = core
        .iter()
        .filter(|&&c| is_verbal(p, c))
        .any(|&c| p.subjects(c).contains(&0));
    let covered = inp.mentions.iter().any(|&m| {
        let men = &inp.doc.mentions[m as usize];
        first.start < men.end && men.start < first.end
    }) || inp
        .exclude
        .iter()
        .any(|&(a, b)| first.start < b && a < first.end);
    let proper = first.upos == Upos::Propn
        && first.form.chars().next().is_some_and(char::is_uppercase)
        && first.form.chars().any(char::is_lowercase);
    if !subject || covered || !proper {
        return None;
    }
    // "Mirasol" or a name of two words ("Tropical Storm Kiko" reads as
    // its parts flattened under the name's first word).
    let mut parts: Vec<usize> = std::iter::once(0)
        .chain(p.children(0).iter().copied().filter(|&c| {
            p.tokens[c].upos == Upos::Propn && matches!(p.tokens[c].deprel.rel, Rel::Flat)
        }))
        .collect();
    parts.sort_unstable();
    let words: Vec<&str> = parts.iter().map(|&c| p.tokens[c].form.as_str()).collect();
    Some(ascii_key(&words.join(" ")))
}

/// The name written right after a storm's class word ("Tropical Storm
/// Kalmaegi", "the toll from Typhoon Mirasol"): the proper nouns that
/// follow the event word, however the parser hung them.
pub(super) fn name_after_class(sf: &SentenceFrames, anchor: usize) -> Option<String> {
    let p = &sf.parse;
    let word = p.tokens[anchor].form.to_ascii_lowercase();
    if !STORM_CLASS.contains(&word.as_str())
        || !p.tokens[anchor]
            .form
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return None;
    }
    let words: Vec<&str> = (anchor + 1..p.len())
        .take_while(|&t| {
            let tok = &p.tokens[t];
            tok.upos == Upos::Propn
                && tok.form.chars().next().is_some_and(char::is_uppercase)
                && tok.form.chars().any(char::is_lowercase)
        })
        .take(2)
        .map(|t| p.tokens[t].form.as_str())
        .collect();
    (!words.is_empty()).then(|| ascii_key(&words.join(" ")))
}
