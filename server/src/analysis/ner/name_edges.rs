//! Where a name's span begins and ends when a full stop stands inside it:
//! an abbreviation inside a known name ("St. Louis") and a first initial
//! before a person's given name ("K. Michael Stevens").
use super::common_words::is_common;
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::{is_cap, lower, starts_upper, word, Para};
use super::Candidate;
use crate::analysis::model::EntityKind;
use crate::analysis::text::tokens::TokenKind;

/// A gazetteer name that starts in the run `[i, j)` and ends past it on a
/// capitalised word, across a full stop the run stopped at: the token end
/// the run extends to.
pub(super) fn known_name_across(p: &Para, i: usize, j: usize, te: usize) -> Option<usize> {
    if j >= te || word(p, j) != "." {
        return None;
    }
    let last_end = p.toks[j - 1].end;
    // "Elm St. Louis Hartmann said": after a name, "St." is a street's and
    // the run ends there; "Mount St. Helens" goes on, and so does "The St.
    // Louis Cardinals" (a sentence's first word, a function word, is no
    // name).
    (i..j).find_map(|t| {
        let opening_word = t == i + 1 && is_common(lower(p, i));
        if t > i
            && starts_upper(word(p, t - 1))
            && !is_in(cues::PLACE_LEADS, lower(p, t - 1))
            && !opening_word
        {
            return None;
        }
        let g = &p.gaz[*p.gaz_at.get(&p.toks[t].start)?];
        if g.contextual || g.end <= last_end {
            return None;
        }
        let k = (j + 1..te).find(|&k| p.toks[k].end == g.end)?;
        ((j + 1..=k).all(|x| is_cap(p, x))).then_some(k + 1)
    })
}

/// "K. Michael Stevens", "F. Scott Fitzgerald": a first initial before a
/// given name belongs to the person's name; its full stop cut the run.
/// Not after a capitalised word ("Washington D. Smith" is two names or a
/// typo, never a first initial).
pub(super) fn leading_initial(p: &Para, a: usize) -> Option<usize> {
    if a < 1 || !Lexicon::get().is_given_name(word(p, a)) {
        return None;
    }
    // The initial and its full stop are one token ("F.") or two ("F", ".").
    let (i, ok) = if word(p, a - 1) == "." && a >= 2 {
        let init = word(p, a - 2);
        let glued = p.toks[a - 2].end == p.toks[a - 1].start;
        (a - 2, glued && init.len() == 1)
    } else {
        let init = word(p, a - 1);
        (a - 1, init.len() == 2 && init.ends_with('.'))
    };
    let letter = word(p, i)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase());
    let after_name =
        i >= 1 && starts_upper(word(p, i - 1)) && p.toks[i - 1].kind == TokenKind::Word;
    (ok && letter && !after_name).then_some(p.toks[i].start)
}

/// "St. Thomas", "St Kilda", "Ste. Genevieve": a name after the
/// abbreviation of Saint names a place or an institution after the saint,
/// not a person called by first name. The abbreviation joins the name,
/// which becomes a place (an organisation when its last word ends bodies'
/// names). Not after a capitalised word, where "St." ends a street's name
/// ("Elm St.").
pub(super) fn saint_names(text: &str, out: &mut [Candidate]) {
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let before = text[..c.start].trim_end_matches(' ');
        let Some(abbr) = ["St.", "Ste.", "St", "Ste"]
            .iter()
            .find(|a| before.ends_with(*a))
        else {
            continue;
        };
        let at = before.len() - abbr.len();
        let prev = text[..at].trim_end();
        let street_end = prev
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let glued = text[..at].ends_with(|ch: char| ch.is_alphanumeric());
        if street_end || glued || before.len() == c.start {
            continue;
        }
        let last = text[c.start..c.end]
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        c.kind = if is_in(cues::ORG_HEADS, &last) {
            EntityKind::Organization
        } else {
            EntityKind::Location
        };
        c.start = at;
    }
}
