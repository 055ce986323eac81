//! Parts of a city written as within it: "the Tejgaon industrial area of
//! Dhaka", "Dhaka's Mirpur area", "in Landhi, Karachi". Read from the
//! words around the city's name, since neither the recogniser nor the
//! gazetteer knows most such names (the parser may hang them anywhere).
//! Two reports that place one event in two parts of one city contradict
//! each other; a part and its city do not.
use super::SentenceInput;
use crate::analysis::model::EntityKind;
use crate::analysis::text::fold::ascii_key;

/// Nouns of a part of a town ("area", "district").
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
    PART_NOUNS
        .contains(&noun.to_ascii_lowercase().as_str())
        .then(|| (words[..n].join(" "), n + q + 1))
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
