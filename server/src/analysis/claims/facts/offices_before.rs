//! An office written right before its holder's name: "Kenya's water
//! minister Alice Wahome", "Minister of Water and Environment, Alice
//! Wahome". A courtesy title or a rank may stand between the office and
//! the name ("Northern Province medical officer Dr Mwila Chanda",
//! "Limpopo police commissioner Lieutenant General Thembi Hadebe"): the
//! office is what comes before them, not the rank.
use super::*;

/// Courtesy titles and ranks written before a name, lower case, without
/// their dots ("Dr." is the word "dr" followed by a dot).
const HONORIFICS: &[&str] = &[
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sir",
    "dame",
    "hon",
    "honourable",
    "eng",
    "engineer",
    "adv",
    "advocate",
    "lieutenant",
    "lieutenant-general",
    "major",
    "major-general",
    "brigadier",
    "brigadier-general",
    "colonel",
    "general",
    "captain",
    "commander",
    "admiral",
    "commodore",
    "sergeant",
    "inspector",
    "lt",
    "gen",
    "col",
    "maj",
    "capt",
    "brig",
    "sgt",
];

/// Words that may stand before the office and are no part of it, written
/// in lower case ("The court, under presiding judge X,": the office is
/// "presiding judge").
const PREPOSITIONS: &[&str] = &[
    "under",
    "among",
    "like",
    "besides",
    "including",
    "alongside",
];

/// Where the courtesy titles and ranks right before word `i0` (the
/// name's first) start: `i0` when there are none. Only words written
/// capitalised count ("a general" is no rank of the name after it).
fn before_honorifics(text: &str, ws: &[Word], i0: usize) -> usize {
    let mut a = i0;
    while a > 0 && i0 - a < 3 {
        let w = &ws[a - 1];
        let gap = if a < i0 {
            text[w.end..ws[a].start].trim()
        } else {
            text[w.end..ws[i0].start].trim()
        };
        let capital = w.text.starts_with(|c: char| c.is_uppercase());
        if !(gap.is_empty() || gap == ".") || !capital || !HONORIFICS.contains(&low(w).as_str()) {
            break;
        }
        a -= 1;
    }
    a
}

/// The office written right before the name starting at word `i0`, if
/// any: first past courtesy titles and ranks, else as written (a rank
/// alone is an office of its own: "General Thembi Hadebe").
pub(super) fn office_before_name(inp: &FactInput, ws: &[Word], i0: usize) -> Option<Office> {
    let h = before_honorifics(inp.text, ws, i0);
    let whole = || office_ending_at(inp, ws, i0);
    if h < i0 && h > 0 {
        // ("NATO Secretary General X", "Attorney General X": "General"
        // ends a title of one holder, no rank.)
        if let Some(o) = whole().filter(|o| {
            o.title.ends_with("general")
                && crate::analysis::claims::roles::SINGLE_HOLDER.contains(&o.title.as_str())
        }) {
            return Some(o);
        }
        if let Some(o) = office_ending_at(inp, ws, h) {
            return Some(o);
        }
    }
    whole()
}

/// The longest phrase ending right before word `i0` that reads as an
/// office, with nothing or a comma between it and the name.
fn office_ending_at(inp: &FactInput, ws: &[Word], i0: usize) -> Option<Office> {
    let text = inp.text;
    let gap = |a: usize, b: usize| text[ws[a].end..ws[b].start].trim().to_string();
    if i0 == 0 {
        return None;
    }
    let comma = gap(i0 - 1, i0);
    if !(comma.is_empty() || comma == ",") {
        return None;
    }
    let mut a = i0;
    while a > 0 && i0 - a < 10 {
        let g = if a < i0 { gap(a - 1, a) } else { String::new() };
        if a < i0 && !g.is_empty() {
            break;
        }
        let w = low(&ws[a - 1]);
        if STOP.contains(&w.as_str()) && w != "the"
            || VERBS_BEFORE.contains(&w.as_str())
            || PREPOSITIONS.contains(&ws[a - 1].text)
        {
            break;
        }
        a -= 1;
    }
    // The longest phrase that reads as an office.
    for s in a..i0 {
        if let Some(o) = read_office(inp, &ws[s..i0]) {
            // With a comma, "of/for ..." or a possessive says it is an
            // office and not the end of a list. ("Former finance chief
            // Erik Vang": "chief" ends a title, see `first_head`.)
            let last = low(&ws[i0 - 1]);
            let ends_in_head = HEADS.contains(&last.as_str()) || last == "chief";
            if comma.is_empty() && !ends_in_head && !title_cased(&ws[s..i0]) {
                return None;
            }
            return Some(o);
        }
    }
    None
}
