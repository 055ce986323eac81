//! People whose given name or surname is also a place's ("Denzel
//! Washington", "Paris Hendry", "Lincoln Carter"). The gazetteer knows the
//! place word, so without a look at the context the pair was cut down to a
//! location and a stray word. A pair of one town, state or region and one
//! word no list knows, with a person's context around it (a role noun
//! before it, a role or an age after it, a verb of saying), is one person.
use super::common_words::{is_common, is_english_word};
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::{gaz_at, lower, starts_upper, word, Para};
use super::roles::{leading_role, trailing_role};
use crate::analysis::model::EntityKind;
use crate::analysis::text::tokens::TokenKind;

/// Nouns for what a person is or does that news writes before a name ("the
/// actor Denzel Washington") or after it in apposition ("Paris Hendry, a
/// lawyer"), beside the titles of the title list.
const PERSON_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "rapper",
    "musician",
    "songwriter",
    "producer",
    "filmmaker",
    "novelist",
    "writer",
    "poet",
    "artist",
    "painter",
    "photographer",
    "comedian",
    "presenter",
    "host",
    "model",
    "designer",
    "chef",
    "player",
    "striker",
    "quarterback",
    "goalkeeper",
    "midfielder",
    "defender",
    "forward",
    "pitcher",
    "athlete",
    "runner",
    "swimmer",
    "boxer",
    "golfer",
    "cyclist",
    "driver",
    "lawyer",
    "attorney",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "resident",
    "farmer",
    "worker",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "investor",
    "founder",
    "economist",
    "analyst",
    "scientist",
    "researcher",
    "professor",
    "historian",
    "journalist",
    "reporter",
    "correspondent",
    "columnist",
    "activist",
    "campaigner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "candidate",
    "lawmaker",
    "legislator",
    "politician",
    "widow",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "man",
    "woman",
    "suspect",
    "victim",
    "witness",
];

/// Whether `[a, b)` is a person's name made of a place word and a name
/// word no list knows, by its context.
pub(super) fn place_named_person(p: &Para, a: usize, b: usize) -> bool {
    if p.title_case || b != a + 2 {
        return false;
    }
    let lx = Lexicon::get();
    let place_at = |k: usize| {
        gaz_at(p, k, k + 1).is_some_and(|(gi, n)| {
            let e = lx.entry(p.gaz[gi].entry);
            n == 1
                && e.kind == EntityKind::Location
                && matches!(e.subkind.as_str(), "city" | "state" | "region")
        })
    };
    // The other word: shaped like a name ("Hendry", "Denzel"), and no
    // English word, place, body or place word ("Broncos", "Electron",
    // "Harbor", "Downtown").
    let name_word = |k: usize| {
        let w = word(p, k);
        let l = lower(p, k);
        p.toks[k].kind == TokenKind::Word
            && starts_upper(w)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '\'' || c == '-')
            && w.chars().count() >= 3
            && !is_common(l)
            && !is_english_word(l)
            && gaz_at(p, k, k + 1).is_none()
            && !is_in(cues::ORG_HEADS, l)
            && !is_in(cues::PLACE_HEADS, l)
            && !is_in(cues::PLACE_LEADS, l)
            && !is_in(super::company::COMPANY_HEADS, l)
    };
    let shaped = (place_at(a) && name_word(a + 1) && !lower(p, a + 1).ends_with('s'))
        || (name_word(a) && place_at(a + 1));
    shaped && person_context(p, a, b)
}

/// A person's context around `[a, b)`: a title or person noun before, a
/// role, person noun or age in apposition after, or a verb of saying.
fn person_context(p: &Para, a: usize, b: usize) -> bool {
    let n = p.toks.len();
    let at = |i: usize| (i < n).then(|| lower(p, i));
    if leading_role(p, a).is_some() {
        return true;
    }
    if a > 0 && at(a - 1).is_some_and(|w| is_in(PERSON_NOUNS, w)) {
        return true;
    }
    if at(b).is_some_and(|w| is_in(cues::PERSON_VERBS, w)) {
        return true;
    }
    if trailing_role(p, b).is_some() {
        return true;
    }
    if at(b) != Some(",") {
        return false;
    }
    // ", 34," : an age.
    if at(b + 1)
        .is_some_and(|w| (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
        && matches!(at(b + 2), Some("," | "."))
    {
        return true;
    }
    // ", a lawyer for the firm", ", a Texan photographer".
    if !matches!(at(b + 1), Some("a" | "an" | "the")) {
        return false;
    }
    (b + 2..(b + 6).min(n))
        .map(|k| lower(p, k))
        .take_while(|w| !matches!(*w, "," | "." | ";" | "who" | "which" | "of" | "for"))
        .any(|w| is_in(PERSON_NOUNS, w))
}
