//! Parts of a city written as within it: "the Tejgaon industrial area of
//! Dhaka", "Dhaka's Mirpur area", "in Landhi, Karachi". One reader with
//! one list of part nouns, for two questions: which town a place phrase
//! with a part noun puts an event in (from the parse: "in Lahore's
//! Shahdara area" happened in Lahore), and what the part is called (from
//! the words around the city's name, since neither the recogniser nor the
//! gazetteer knows most such names and the parser may hang them
//! anywhere). Two reports that place one event in two parts of one city
//! contradict each other; a part and its city do not.
use super::places::{is_place, mention_at};
use super::{SentenceFrames, SentenceInput};
use crate::analysis::claims::frames::lexicon;
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Sub, Upos};
use crate::analysis::text::fold::ascii_key;

/// Nouns of a part of a town ("area", "district"). (Kept apart from the
/// place grains: "area" names no grain two reports could be compared by.)
const PART_NOUNS: &[&str] = &[
    "area",
    "district",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "quarter",
    "township",
    "locality",
    "slum",
    "estate",
];

/// Whether a word is a noun of a part of a town, in any case.
fn part_noun(word: &str) -> bool {
    PART_NOUNS.contains(&word.to_ascii_lowercase().as_str())
}

/// The town a part-of-town noun (token `d`) of a place phrase is in, as
/// its possessor says: "in Lahore's Shahdara area" happened in Lahore,
/// though the name of the area is known to nobody.
pub(super) fn town_of_part(sf: &SentenceFrames, inp: &SentenceInput, d: usize) -> Vec<u32> {
    let p = &sf.parse;
    if !part_noun(&p.tokens[d].lemma) {
        return Vec::new();
    }
    p.children(d)
        .iter()
        .copied()
        .filter(|&c| {
            p.tokens[c].deprel.rel == Rel::Nmod && p.tokens[c].deprel.sub == Some(Sub::Poss)
        })
        .flat_map(|c| sf.names_under(c, true))
        .filter(|&m| is_place(inp, m))
        .collect()
}

/// "a factory fire in the SITE industrial area of Karachi that killed 17":
/// the town written right after an event noun, in a place phrase whose
/// part-of-town noun is followed by "of" and the town, read from the words
/// in order (the parser may hang that phrase far from the noun). Only
/// determiners, adjectives and nouns may stand between "in" and the noun.
pub(super) fn town_after_noun(p: &Parse, inp: &SentenceInput, anchor: usize) -> Option<u32> {
    let case = p.tokens.get(anchor + 1)?;
    if !matches!(case.form.to_ascii_lowercase().as_str(), "in" | "at") {
        return None;
    }
    let part = (anchor + 2..p.len().min(anchor + 7))
        .take_while(|&t| {
            matches!(
                p.tokens[t].upos,
                Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn
            )
        })
        .find(|&t| {
            let w = p.tokens[t].form.to_ascii_lowercase();
            part_noun(&w) || lexicon::place_grain(&w).is_some()
        })?;
    let rest = inp.text.get(p.tokens[part].end..inp.end)?;
    let next = rest.strip_prefix(" of ")?;
    let x = mention_at(inp, inp.end - next.len())?;
    (is_place(inp, x) && inp.doc.mentions[x as usize].kind == EntityKind::Location).then_some(x)
}

/// Whether a name is a city the gazetteer knows.
fn known_city(name: &str) -> bool {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.place_named(name).is_some_and(|p| p.subkind == "city")
}

/// Whether a name is any place the gazetteer knows (a country, a city, a
/// region): then it is compared as that place, not as a part.
fn known_place(name: &str) -> bool {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.place_named(name).is_some() || lx.country(name).is_some()
}

/// A word of a name: capitalised letters ("Tejgaon", "SITE", "Korangi").
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !matches!(w, "The" | "A" | "An")
}

/// A lowercase word that may qualify a part noun ("industrial",
/// "residential", "old").
fn qualifier(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_lowercase()) && !w.is_empty() && !PART_NOUNS.contains(&w)
}

/// The name at the start of `words` (1 to 3 name words), then up to two
/// qualifiers and a part noun ("Mirpur area", "Korangi industrial
/// area"), and how many words that took.
fn name_then_part(words: &[&str]) -> Option<(String, usize)> {
    let n = words.iter().take(3).take_while(|w| name_word(w)).count();
    if n == 0 {
        return None;
    }
    let rest = &words[n..];
    let q = rest.iter().take(2).take_while(|w| qualifier(w)).count();
    let noun = rest.get(q)?.trim_end_matches([',', '.', ';']);
    part_noun(noun).then(|| (words[..n].join(" "), n + q + 1))
}

/// The folded name of a part and its city, for each city among `places`
/// that the gazetteer knows and the words make a part of.
pub(super) fn city_parts(inp: &SentenceInput, places: &[u32]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for &m in places {
        let men = &inp.doc.mentions[m as usize];
        if men.kind != EntityKind::Location {
            continue;
        }
        let city = men.text(inp.text);
        if !known_city(city) {
            continue;
        }
        let before = inp.text.get(inp.start..men.start).unwrap_or("");
        let after = inp.text.get(men.end..inp.end).unwrap_or("");
        let mut found: Vec<String> = Vec::new();
        // "the Tejgaon industrial area of Dhaka".
        if let Some(b) = before.strip_suffix(" of ") {
            let words: Vec<&str> = b.split_whitespace().collect();
            // The words after the last "the" are the name, its
            // qualifiers and the part noun, nothing else.
            if let Some(the) = words.iter().rposition(|w| w.eq_ignore_ascii_case("the")) {
                let tail = &words[the + 1..];
                if let Some((name, used)) = name_then_part(tail) {
                    if used == tail.len() {
                        found.push(name);
                    }
                }
            }
        }
        // "Dhaka's Mirpur area".
        if let Some(a) = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("\u{2019}s "))
        {
            let words: Vec<&str> = a.split_whitespace().take(6).collect();
            found.extend(name_then_part(&words).map(|(name, _)| name));
        }
        // "in Landhi, Karachi": a name the gazetteer does not know, right
        // after "in" or "at", then a comma and the city.
        if let Some(b) = before.strip_suffix(", ") {
            let words: Vec<&str> = b.split_whitespace().collect();
            let n = words
                .iter()
                .rev()
                .take(3)
                .take_while(|w| name_word(w))
                .count();
            let case = words.len().checked_sub(n + 1).map(|i| words[i]);
            if n > 0 && matches!(case, Some("in") | Some("at")) {
                found.push(words[words.len() - n..].join(" "));
            }
        }
        for name in found {
            if known_place(&name) {
                continue;
            }
            out.push((ascii_key(&name), ascii_key(city)));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_then_a_part_noun() {
        assert_eq!(
            name_then_part(&["Korangi", "industrial", "area", "on"]),
            Some(("Korangi".to_string(), 3))
        );
        assert_eq!(
            name_then_part(&["Mirpur", "area,"]),
            Some(("Mirpur".to_string(), 2))
        );
        assert_eq!(name_then_part(&["Mirpur", "on", "Tuesday"]), None);
        assert_eq!(name_then_part(&["the", "area"]), None);
    }
}
