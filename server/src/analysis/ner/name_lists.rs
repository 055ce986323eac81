//! Lone names listed with a person ("Rumsfeld, Wolfowitz and Feith",
//! "Steve, Rod and Elyse", "Kovac and Brandt"): a capitalised word that a
//! comma, "and" or "&" joins to a person's name is a person too, when
//! nothing else reads it (no list, no cue, no other mention) and it is no
//! ordinary word of the document. Lists in news name people with people
//! and bodies with bodies; only persons are spread, as the other kinds
//! have their own list readers (`company::listed_with_companies`).
use rustc_hash::FxHashSet;

use super::common_words::{is_common, is_english_word, is_frequent_word};
use super::lexicon::Lexicon;
use super::Candidate;
use crate::analysis::model::EntityKind;

/// The separator of a list at the start of `s`: ", ", ", and ", " and ",
/// " & "; its length in bytes.
fn separator_after(s: &str) -> Option<usize> {
    for sep in [", and ", ", & ", ", ", " and ", " & "] {
        if s.starts_with(sep) {
            return Some(sep.len());
        }
    }
    None
}

/// The same separator at the end of `s` (the text before a name).
fn separator_before(s: &str) -> Option<usize> {
    for sep in [", and ", ", & ", ", ", " and ", " & "] {
        if s.ends_with(sep) {
            return Some(sep.len());
        }
    }
    None
}

fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '-'
}

/// Whether the capitalised word `w` may be a person's name no list knows.
fn lone_name_word(w: &str, lower_words: &FxHashSet<String>) -> bool {
    let lx = Lexicon::get();
    let lw = w.to_lowercase();
    w.chars().count() >= 2
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().skip(1).any(char::is_lowercase)
        && !w.ends_with(['\'', '-'])
        && !is_common(&lw)
        && !lower_words.contains(&lw)
        && !lx.demonyms.contains_key(&lw)
        && lx.lookup(w).is_none()
        && (lx.is_given_name(w) || !(is_frequent_word(&lw) || is_english_word(&lw)))
}

/// "Marx, Karl", "Lenhart, Matthew": a surname, a comma and one given name
/// that ends the line or the entry (a full stop, a semicolon, a bracket, a
/// quote) is one person written surname first, as bibliographies and
/// address books write them; the pair becomes one mention. The given name
/// may still be a word the file leaves to the folder, so the text is read,
/// not only the mentions.
pub(super) fn surname_first(text: &str, out: &mut Vec<Candidate>, lower_words: &FxHashSet<String>) {
    let lx = Lexicon::get();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices(", ") {
        let gs = at + 2;
        let glen = text[gs..]
            .find(|c: char| !is_name_char(c))
            .unwrap_or(text.len() - gs);
        let ge = gs + glen;
        let given = &text[gs..ge];
        if glen < 2 || !given.starts_with(|c: char| c.is_uppercase()) || !lx.is_given_name(given) {
            continue;
        }
        let ends_entry = text[ge..]
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_none_or(|ch| matches!(ch, '\n' | '\r' | ';' | '(' | ')' | '.' | ':' | '"' | '<'));
        let ws = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, ch)| is_name_char(ch))
            .last()
            .map_or(at, |(k, _)| k);
        let w = &text[ws..at];
        // The surname opens the line or the entry.
        let opens = text[..ws]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_none_or(|ch| matches!(ch, '\n' | '\r' | ';' | '(' | ':' | '>' | '"'));
        if !ends_entry || !opens || ws == at || lx.is_given_name(w) {
            continue;
        }
        // What the rules read there: nothing, or each word alone (a town
        // named like the surname, "Engels", but no country).
        let clash = out.iter().any(|c| {
            c.start < ge
                && ws < c.end
                && !((c.start, c.end) == (ws, at) && lx.country(w).is_none())
                && !((c.start, c.end) == (gs, ge) && c.kind == EntityKind::Person)
        });
        let lw = w.to_lowercase();
        let surname = w.chars().skip(1).any(char::is_lowercase)
            && !is_common(&lw)
            && !lower_words.contains(&lw)
            && !lx.demonyms.contains_key(&lw)
            && !is_frequent_word(&lw);
        if clash || !surname {
            continue;
        }
        pairs.push((ws, ge));
    }
    if pairs.is_empty() {
        return;
    }
    out.retain(|c| !pairs.iter().any(|&(s, e)| c.start < e && s < c.end));
    for (s, e) in pairs {
        out.push(Candidate::new(s, e, EntityKind::Person, 0.7));
    }
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}

/// A new person at `[s, e)` unless a mention covers any of it.
fn free(out: &[Candidate], s: usize, e: usize) -> bool {
    !out.iter().any(|c| c.start < e && s < c.end)
}

/// Add the lone names listed with the persons of `out` (sorted by start).
pub(super) fn persons_in_lists(
    text: &str,
    out: &mut Vec<Candidate>,
    lower_words: &FxHashSet<String>,
) {
    let mut added: Vec<Candidate> = Vec::new();
    let persons: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .map(|c| (c.start, c.end))
        .collect();
    for (ps, pe) in persons {
        // Rightwards: "Rumsfeld, Wolfowitz and Feith".
        let mut at = pe;
        while let Some(sep) = separator_after(&text[at..]) {
            let ws = at + sep;
            let len = text[ws..]
                .find(|c: char| !is_name_char(c))
                .unwrap_or(text.len() - ws);
            let we = ws + len;
            let w = &text[ws..we];
            // One word only: "Wolfowitz and Paul Feith" is the rules'.
            let next_cap = text[we..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
            if let Some(c) = out.iter().find(|c| c.start == ws) {
                if c.kind != EntityKind::Person {
                    break;
                }
                at = c.end;
                continue;
            }
            if next_cap || !lone_name_word(w, lower_words) || !free(out, ws, we) {
                break;
            }
            added.push(Candidate::new(ws, we, EntityKind::Person, 0.6));
            at = we;
        }
        // Leftwards: "Wolfowitz and Feith" before a known person.
        let mut at = ps;
        while let Some(sep) = separator_before(&text[..at]) {
            let we = at - sep;
            let ws = text[..we]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_name_char(c))
                .last()
                .map_or(we, |(i, _)| i);
            let w = &text[ws..we];
            let prev_cap = text[..ws].strip_suffix(' ').is_some_and(|r| {
                r.split(' ')
                    .next_back()
                    .is_some_and(|p| p.starts_with(|c: char| c.is_uppercase()))
            });
            if let Some(c) = out.iter().find(|c| c.end == we) {
                if c.kind != EntityKind::Person {
                    break;
                }
                at = c.start;
                continue;
            }
            if ws == we || prev_cap || !lone_name_word(w, lower_words) || !free(out, ws, we) {
                break;
            }
            added.push(Candidate::new(ws, we, EntityKind::Person, 0.6));
            at = ws;
        }
    }
    if added.is_empty() {
        return;
    }
    added.sort_by_key(|c| c.start);
    added.dedup_by_key(|c| c.start);
    out.extend(added);
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}
