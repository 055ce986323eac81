//! Shapes of capitalised pairs that name things, not people: a pair that
//! ends in the plural of an ordinary noun ("Quillon Dairies", "Archaeological
//! Sites"), a product line's last word ("MacBook Pro").
use super::common_words::is_english_word;
use super::lexicon::Lexicon;
use super::names::{lower, word, Para};

/// "Sunken Gardens", "Archaeological Sites", "Apps Stores": a pair
/// or triple ending in the plural of an ordinary noun, not opened by a given
/// name, names a thing (a show, a list, a shop), not a person. Surnames that
/// look plural are the plural of a given name ("Roberts", "Williams") or
/// come after one ("Tyra Banks", "Robert Burns").
pub(super) fn plural_thing(p: &Para, a: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    let last = lower(p, b - 1);
    let singulars: Vec<String> = if let Some(s) = last.strip_suffix("ies") {
        vec![format!("{s}y")]
    } else if let Some(s) = last.strip_suffix("ves") {
        vec![format!("{s}fe"), format!("{s}f")]
    } else if let Some(s) = last.strip_suffix('s') {
        vec![s.to_string()]
    } else {
        return false;
    };
    let Some(singular) = singulars
        .into_iter()
        .find(|s| s.len() >= 3 && !s.ends_with('s') && is_english_word(s))
    else {
        return false;
    };
    !lx.is_given_name(&singular)
        && !lx.is_given_name(word(p, b - 1))
        && !lx.is_given_name(word(p, a))
}

/// "MacBook Pro", "Galaxy Ultra", "iPad Mini": a word a product line ends
/// in, after a word that is no given name, names a model, not a person.
pub(super) fn product_line(p: &Para, a: usize, b: usize) -> bool {
    matches!(lower(p, b - 1), "pro" | "max" | "mini" | "ultra" | "lite")
        && !Lexicon::get().is_given_name(word(p, a))
}

/// Verbs whose object is a person: "the council appointed Draco", "police
/// arrested Okafor", "voters elected Marsh". A lone capitalised word after
/// one is a person's name, as one before a verb of saying is. Verbs that
/// take companies as often ("praised", "accused", "convicted") are left out.
const PERSON_OBJECT_VERBS: &[&str] = &[
    "appointed",
    "appoint",
    "appoints",
    "nominated",
    "nominate",
    "fired",
    "sacked",
    "interviewed",
    "arrested",
    "detained",
    "married",
    "divorced",
    "succeeded",
    "sentenced",
    "acquitted",
    "pardoned",
    "impeached",
    "assassinated",
    "kidnapped",
    "elected",
];

/// A lone name after a verb whose object is a person (`before`: the word
/// before it, lower case).
pub(super) fn after_person_object_verb(before: Option<&str>) -> bool {
    before.is_some_and(|w| PERSON_OBJECT_VERBS.contains(&w))
}
