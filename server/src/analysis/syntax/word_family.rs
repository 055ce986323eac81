//! What a word the tag dictionary does not know says about its tags through
//! its family: the inflected forms it shares a stem with. "employs" was never
//! seen in training, but "employ" and "employed" were, as verbs, so an
//! unknown "-s" word with verb relatives after "The company" is more likely
//! a verb than a plural noun; "struck" has no regular relatives but is an
//! irregular past tense.
//!
//! The tagger uses the family in place of the ambiguity class of such a
//! word ([`super::tagger::TagDict::class_of`]), so every feature that reads
//! classes (its own, its neighbours') reads the family instead of one
//! "unknown" value.
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::learn::hash::{feature, hash_str};
use crate::analysis::ner::common_words::is_english_word;

/// The universal tags a training word was seen with, as bits.
pub const VERB: u8 = 1;
pub const NOUN: u8 = 2;
pub const ADJ: u8 = 4;

/// Which ending a word has, read as an inflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// "-s", "-es", "-ies": plural noun or third-person verb.
    S,
    /// "-ed", "-ied": past tense, participle, or adjective.
    Ed,
    /// "-ing": gerund, participle, or noun.
    Ing,
    /// "-ly": mostly adverbs.
    Ly,
    /// No inflectional ending.
    Bare,
}

/// Candidate stems of `w` (lower case) by its ending.
fn stems(w: &str) -> (Ending, Vec<String>) {
    let n = w.len();
    let cut = |k: usize| w[..n - k].to_owned();
    let undoubled = |stem: &str| {
        let b = stem.as_bytes();
        let l = b.len();
        (l >= 3 && b[l - 1] == b[l - 2] && !b"aeiouls".contains(&b[l - 1]))
            .then(|| stem[..l - 1].to_owned())
    };
    if n > 4 && w.ends_with("ies") {
        return (Ending::S, vec![cut(3) + "y"]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        let mut v = vec![cut(1)];
        if w.ends_with("es") {
            v.push(cut(2));
        }
        return (Ending::S, v);
    }
    if n > 4 && w.ends_with("ied") {
        return (Ending::Ed, vec![cut(3) + "y"]);
    }
    if n > 4 && w.ends_with("ed") {
        let base = cut(2);
        let mut v = vec![cut(1), base.clone()];
        v.extend(undoubled(&base));
        return (Ending::Ed, v);
    }
    if n > 5 && w.ends_with("ing") {
        let base = cut(3);
        let mut v = vec![base.clone(), base.clone() + "e"];
        v.extend(undoubled(&base));
        return (Ending::Ing, v);
    }
    if n > 4 && w.ends_with("ly") {
        let mut v = vec![cut(2)];
        if w.ends_with("ily") {
            v.push(cut(3) + "y");
        }
        return (Ending::Ly, v);
    }
    (Ending::Bare, vec![w.to_owned()])
}

/// The inflected forms of a stem a verb would have: "employ" → "employs",
/// "employed", "employing"; "injure" → "injured", "injuring"; "stop" →
/// "stopped"; "carry" → "carried". `(forms ending in -ed, forms ending in
/// -ing, other forms)`.
fn verb_forms(stem: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut ed = Vec::new();
    let mut ing = Vec::new();
    let mut other = vec![stem.to_owned(), format!("{stem}s"), format!("{stem}es")];
    if let Some(s) = stem.strip_suffix('e') {
        ed.push(format!("{stem}d"));
        ing.push(format!("{s}ing"));
    } else if let Some(s) = stem.strip_suffix('y') {
        ed.push(format!("{s}ied"));
        other.push(format!("{s}ies"));
        ed.push(format!("{stem}ed"));
        ing.push(format!("{stem}ing"));
    } else {
        ed.push(format!("{stem}ed"));
        ing.push(format!("{stem}ing"));
        if let Some(c) = stem.chars().last().filter(|c| !"aeiouwxy".contains(*c)) {
            ed.push(format!("{stem}{c}ed"));
            ing.push(format!("{stem}{c}ing"));
        }
    }
    (ed, ing, other)
}

/// The family value of a word the dictionary does not know (`norm` is its
/// normalised form, see [`super::lex::Lex::norm`]; `capitalised` its first
/// letter's case). `lexicon` holds the tag bits of every training word,
/// keyed by the hash of its normalised form.
pub fn family(norm: &str, capitalised: bool, lexicon: &FxHashMap<u64, u8>) -> u64 {
    // A hyphenated word inflects in its last part ("long-running").
    let (word, hyphen) = match norm.rsplit_once('-') {
        Some((_, last)) if !last.is_empty() => (last, true),
        _ => (norm, false),
    };
    if !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') || word.len() < 3 {
        return feature(0xfa0, &[capitalised as u64, hyphen as u64]);
    }
    let (ending, stems) = stems(word);
    let mut seen = 0u8;
    let (mut listed_ed, mut listed_ing, mut stem_listed) = (false, false, false);
    for stem in &stems {
        stem_listed |= stem != word && is_english_word(stem);
        let (ed, ing, other) = verb_forms(stem);
        for f in ed.iter().chain(&ing).chain(&other) {
            if f != word {
                seen |= lexicon.get(&hash_str(f)).copied().unwrap_or(0);
            }
        }
        listed_ed |= ed.iter().any(|f| f != word && is_english_word(f));
        listed_ing |= ing.iter().any(|f| f != word && is_english_word(f));
    }
    feature(
        0xfa1,
        &[
            ending as u64,
            seen as u64,
            listed_ed as u64 | (listed_ing as u64) << 1 | (stem_listed as u64) << 2,
            is_english_word(word) as u64,
            is_irregular_past(word) as u64,
            capitalised as u64 | (hyphen as u64) << 1,
        ],
    )
}

/// Past tenses and participles of English irregular verbs that differ from
/// their base form (the base and the regular "-ed" forms need no list).
const IRREGULAR_PAST: &str = "arose arisen awoke awoken bore borne beaten became begun began bent \
bound bit bitten bled blew blown broke broken bred brought built burnt bought caught chose chosen \
clung came dealt dug did done drew drawn dreamt drank drunk drove driven ate eaten fell fallen fed \
felt fought found fled flung flew flown forbade forbidden forgot forgotten forgave forgiven froze \
frozen got gotten gave given went gone grew grown hung heard hid hidden held kept knelt knew known \
laid led leant leapt learnt left lent lain lit lost made meant met mistook mistaken overcame \
overtook overtaken overthrew overthrown overran overseen oversaw paid rode ridden rang rung rose \
risen ran saw seen sought sold sent shook shaken shone shot shown shrank shrunk sang sung sank \
sunk sat slew slain slept slid slung spoke spoken sped spent spun spat sprang sprung stood stole \
stolen stuck stung stank strode struck stricken strove striven swore sworn swept swam swum swung \
took taken taught tore torn told thought threw thrown trod trodden understood undertook \
undertaken underwent woke woken wore worn wove woven wept won wound withdrew withdrawn withheld \
withstood wrote written wrung upheld foresaw foreseen mislaid misled outgrew outran outdid \
outdone rebuilt rewrote rewritten retook retaken reran resold undid undone upset";

static IRREGULAR: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| IRREGULAR_PAST.split_whitespace().collect());

fn is_irregular_past(w: &str) -> bool {
    IRREGULAR.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(words: &[(&str, u8)]) -> FxHashMap<u64, u8> {
        words.iter().map(|(w, b)| (hash_str(w), *b)).collect()
    }

    #[test]
    fn stems_by_ending() {
        assert_eq!(stems("employs"), (Ending::S, vec!["employ".to_owned()]));
        assert_eq!(stems("carries").1, ["carry"]);
        assert_eq!(stems("injured").1, ["injure", "injur"]);
        assert_eq!(stems("stopped").1, ["stoppe", "stopp", "stop"]);
        assert_eq!(stems("injuring").1, ["injur", "injure"]);
        assert_eq!(stems("struck"), (Ending::Bare, vec!["struck".to_owned()]));
        assert_eq!(stems("crisis").0, Ending::Bare);
    }

    #[test]
    fn relatives_seen_as_verbs_set_the_family_apart() {
        let lex = lexicon(&[("employed", VERB), ("store", NOUN)]);
        let employs = family("employs", false, &lex);
        let stores = family("stores", false, &lex);
        assert_ne!(employs, stores);
        // The word's own entry is not its own relative.
        let own = lexicon(&[("employs", VERB)]);
        assert_eq!(
            family("employs", false, &own),
            family("employs", false, &lexicon(&[]))
        );
        assert!(is_irregular_past("struck"));
        assert_ne!(family("struck", false, &lex), family("strack", false, &lex));
    }
}
