//! Typing by the longer name and by the document's context.
//!
//! - A place inside a longer capitalised name is not a location mention:
//!   "Air Canada" and "Environment Canada" are organisations, "Edmonton
//!   Sun" a newspaper, "Springfield Hawks" a team, "Western Australia" one
//!   place ([`place_in_name`]).
//! - Sports teams named after places are in [`super::sports`].
//! - Company and personal-name abbreviations keep their full stop
//!   ("Apple Inc.", "William Ford Jr.") ([`keep_abbreviation_dot`]).
use super::common_words::{is_common, is_english_word};
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::{gaz_at, lower, starts_upper, word, word_before, Para};
use super::roles::title_at;
use super::sports::PLACE_PREPS;
use super::Candidate;
use crate::analysis::model::EntityKind;
use crate::analysis::text::tokens::TokenKind;

/// Words before a place that keep the whole a place ("Western Australia").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "inner",
    "outer",
    "old",
    "new",
    "little",
    "great",
    "mid",
];

/// Words that start sentences before a place without naming anything.
/// Words before an ocean's name that say which part of it is meant.
const OCEAN_PARTS: &[&str] = &[
    "mid",
    "trans",
    "equatorial",
    "tropical",
    "subtropical",
    "arctic",
    "antarctic",
    "far",
    "high",
    "open",
    "deep",
    "wider",
];

const LEADING_NOT_NAME: &[&str] = &[
    "outside",
    "inside",
    "beyond",
    "across",
    "around",
    "near",
    "like",
    "unlike",
    "via",
    "toward",
    "towards",
    "throughout",
    "within",
    "without",
    "despite",
    "before",
    "after",
    "during",
    "across",
    "beside",
    "besides",
    "behind",
    "below",
    "above",
    "along",
    "beneath",
    "past",
    "through",
    "until",
    "since",
    "unlike",
    "versus",
    "welcome",
    "visit",
    "visiting",
    "leaving",
    "in",
    "at",
    "from",
    "into",
    "for",
    "to",
    "with",
    "by",
    "on",
    "of",
    "over",
    "under",
    "against",
    "today",
    "yesterday",
    "tonight",
    "meanwhile",
    "elsewhere",
    "here",
    "there",
    "then",
    "now",
    "also",
    "still",
    "even",
    "only",
    "so",
    "thus",
    "hence",
    "but",
    "and",
    "or",
    "yet",
    "while",
    "when",
    "where",
    "if",
    "as",
    "because",
    "although",
    "though",
    "whereas",
    "once",
    "dear",
];

/// One-word newspaper titles after a city ("Edmonton Sun", "Boston Globe").
const PAPER_TITLES: &[&str] = &[
    "sun",
    "globe",
    "star",
    "mail",
    "examiner",
    "record",
    "inquirer",
    "independent",
    "courier",
    "bulletin",
    "dispatch",
    "sentinel",
    "register",
    "telegraph",
    "standard",
    "mirror",
    "express",
    "enquirer",
    "citizen",
    "leader",
    "advertiser",
    "reporter",
    "democrat",
    "republican",
    "free press",
    "statesman",
];

/// Suffixes that make "Place + word" a company or body: "Hitwise UK",
/// "Acme Wireless USA" (these follow a company name, not a place).
const COUNTRY_SUFFIXES: &[&str] = &["uk", "usa", "us", "u.s.", "u.k.", "international", "intl"];

/// A capitalised run `[a, b)` that contains exactly one gazetteer place
/// plus ordinary capitalised words: the kind of the whole run, if the
/// words around the place make it one name. `None` leaves the run to the
/// usual segmentation.
pub(super) fn place_in_name(p: &Para, a: usize, b: usize, ts: usize) -> Option<EntityKind> {
    let lx = Lexicon::get();
    if b - a < 2 || b - a > 6 {
        return None;
    }
    if let Some(kind) = body_of_a_country(p, a, b) {
        return Some(kind);
    }
    // Find the single place hit.
    let mut place = None;
    let mut k = a;
    while k < b {
        if let Some((gi, n)) = gaz_at(p, k, b) {
            let e = lx.entry(p.gaz[gi].entry);
            // "Edmonton Sun": a place, then a known paper's one-word name.
            if let Some((_, g1, _)) = place {
                if e.kind == EntityKind::Organization
                    && e.subkind == "media"
                    && g1 == k
                    && k + n == b
                    && n == 1
                    && is_in(PAPER_TITLES, lower(p, k))
                {
                    return Some(EntityKind::Organization);
                }
            }
            if place.is_some() || e.kind != EntityKind::Location || p.gaz[gi].contextual {
                return None;
            }
            place = Some((k, k + n, e.subkind.as_str()));
            k += n;
        } else {
            k += 1;
        }
    }
    let (g0, g1, subkind) = place?;
    if g0 == a && g1 == b {
        return None;
    }
    // "Skyline Atlantic", "Cathay Pacific", "Virgin Atlantic": a word
    // before an ocean's short name makes a company's name (an airline or
    // shipper named for the ocean it crosses), unless it says where on the
    // ocean ("North Atlantic", "Mid-Atlantic", "Equatorial Pacific").
    if subkind == "water" {
        let ocean_body =
            g1 == b && g0 > a && g1 == g0 + 1 && (a..g0).all(|t| names_an_oceans_company(p, t, b));
        return ocean_body.then_some(EntityKind::Organization);
    }
    if !matches!(subkind, "country" | "city" | "state" | "region") {
        return None;
    }
    let plain = |t: usize| {
        p.toks[t].kind == TokenKind::Word
            && starts_upper(word(p, t))
            && !is_common(lower(p, t))
            && title_at(p, t, b) == 0
    };
    if !(a..g0).chain(g1..b).all(plain) {
        return None;
    }
    let before: Vec<&str> = (a..g0).map(|t| lower(p, t)).collect();
    let after: Vec<&str> = (g1..b).map(|t| lower(p, t)).collect();
    let place_word = lower(p, g0);
    // "Brightwater Wireless USA", "Hitwise UK": a company's country suffix.
    if after.is_empty()
        && g1 == g0 + 1
        && is_in(COUNTRY_SUFFIXES, place_word)
        && !before.iter().all(|w| is_in(DIRECTIONS, w))
    {
        return Some(EntityKind::Organization);
    }
    match (before.as_slice(), after.as_slice()) {
        // "Western Australia", "Greater Manchester"
        (bf, []) if bf.iter().all(|w| is_in(DIRECTIONS, w)) => Some(EntityKind::Location),
        // "Valeska Paris", "Jack London": a given name (or a word no word
        // list knows) before a town is a person whose surname it is.
        // At a sentence start too, when the word is no English word
        // ("Valeska Paris said"; "Outside Paris" stays a place).
        ([w], [])
            if (a > ts || !is_in(LEADING_NOT_NAME, w))
                && subkind == "city"
                && (lx.is_given_name(word(p, a)) || !is_english_word(w))
                && !(a == ts && is_english_word(w))
                && !is_in(DIRECTIONS, w) =>
        {
            Some(EntityKind::Person)
        }
        // "Air Canada", "Environment Canada", "Team Estonia": ordinary
        // words before a place name a body. A given name before a place
        // is a person's ("Valeska Paris"), left alone.
        // At a sentence start the word may be a preposition or an adverb
        // ("Outside Paris").
        (bf, [])
            if (a > ts || !is_in(LEADING_NOT_NAME, bf[0]))
                && bf.iter().all(|w| {
                    is_english_word(w) && !lx.is_given_name(w) && !is_in(DIRECTIONS, w)
                }) =>
        {
            Some(EntityKind::Organization)
        }
        // "Ohio State", "Kansas State", "Texas Tech": a state's university
        // (and its teams), before "State" reads as a place head. "New York
        // State" and "Washington State" tell the state from the city of
        // the same name.
        ([], [w])
            if subkind == "state"
                && (*w == "tech"
                    || (*w == "state"
                        && !matches!(&*place_text(p, g0, g1), "new york" | "washington"))) =>
        {
            Some(EntityKind::Organization)
        }
        // "Korea Republic", "Fisht Stadium", "Hong Kong Island"
        ([], [w]) if is_in(cues::PLACE_HEADS, w) => Some(EntityKind::Location),
        // "the US Government", "the British Government": the country's
        // government described, not a name of its own; the country is the
        // mention (as "the US government" in lower case).
        ([], [w]) if subkind == "country" && matches!(*w, "government" | "administration") => None,
        ([], af) => {
            let last = *af.last()?;
            let last_word = word(p, b - 1);
            if is_in(cues::ORG_HEADS, last)
                || is_in(PAPER_TITLES, last)
                || is_in(COUNTRY_SUFFIXES, last)
            {
                return Some(EntityKind::Organization);
            }
            // "Springfield Hawks", "Dayton Flyers": a plural nickname.
            if last_word.len() > 3
                && last_word.ends_with('s')
                && !last_word.ends_with("ss")
                && !is_in(cues::PLACE_HEADS, last)
                && af.len() <= 2
            {
                return Some(EntityKind::Organization);
            }
            // "Boston Scientific", "Sydney Water", "Madrid Metro": a place,
            // then one word of what a body does, is a body named after the
            // place (a company, a utility, a transit system), not the place.
            if af.len() == 1 && body_word_after_place(p, b - 1) && name_ends_at(p, b) {
                return Some(EntityKind::Organization);
            }
            None
        }
        // "Acme Wireless USA": company words, then a country suffix.
        (bf, [w]) if is_in(COUNTRY_SUFFIXES, w) && !bf.is_empty() => Some(EntityKind::Organization),
        _ => None,
    }
}

/// Whether the word at `t`, before an ocean's short name that ends the run
/// at `b`, can be part of a company's name ("Skyline Atlantic"): a
/// capitalised word that is no direction or part of the ocean, no
/// nationality, no known name and no title.
pub(super) fn names_an_oceans_company(p: &Para, t: usize, b: usize) -> bool {
    let w = lower(p, t);
    p.toks[t].kind == TokenKind::Word
        && starts_upper(word(p, t))
        && !is_common(w)
        && !is_in(DIRECTIONS, w)
        && !is_in(OCEAN_PARTS, w)
        && !is_in(LEADING_NOT_NAME, w)
        && !super::group_words::is_group_word(word(p, t))
        && gaz_at(p, t, t + 1).is_none()
        && title_at(p, t, b) == 0
}

/// "Shares of Skyline Atlantic": the one word before an ocean's short name
/// (at `g`, ending the run at `b`) and the ocean are a company's name.
pub(super) fn oceans_company_at(p: &Para, g: usize, b: usize, gl: usize) -> bool {
    let lx = Lexicon::get();
    gl == 1
        && g + 1 == b
        && g > 0
        && gaz_at(p, g, b).is_some_and(|(gi, _)| {
            let e = lx.entry(p.gaz[gi].entry);
            e.kind == EntityKind::Location && e.subkind == "water" && !p.gaz[gi].contextual
        })
        && names_an_oceans_company(p, g - 1, b)
}

/// What a body named after its place does, as the one word after the
/// place ("Denver Water", "Boston Scientific", "Madrid Metro", "Ohio
/// Mutual"): utilities, transport, industries, finance, the arts. A list,
/// because most ordinary words after a place name something else: a
/// landmark ("Auckland Castle", "Florence Place"), a work ("New York
/// Minute"), an event ("Kyoto Protocol").
const BODY_WORDS_AFTER_PLACE: &[&str] = &[
    "water",
    "energy",
    "power",
    "electric",
    "gas",
    "hydro",
    "transit",
    "metro",
    "rail",
    "railway",
    "buses",
    "scientific",
    "mutual",
    "financial",
    "capital",
    "savings",
    "trust",
    "insurance",
    "telecom",
    "media",
    "broadcasting",
    "mining",
    "steel",
    "oil",
    "petroleum",
    "chemical",
    "chemicals",
    "pharma",
    "pharmaceuticals",
    "software",
    "digital",
    "logistics",
    "shipping",
    "housing",
    "health",
    "healthcare",
    "philharmonic",
    "symphony",
    "opera",
    "ballet",
];

/// Whether the capitalised word at `k`, right after a place, says what a
/// body named after the place does ("Austin Energy", "Sydney Water": a
/// place that is also a given name counts, as the word is no surname).
fn body_word_after_place(p: &Para, k: usize) -> bool {
    is_in(BODY_WORDS_AFTER_PLACE, lower(p, k))
}

/// Whether a name can end before token `b`: the text ends, a clause goes
/// on (a function word, a verb of saying, a past tense) or punctuation
/// other than a hyphen or a possessive follows. Not before a lower-case
/// noun ("the Malaysia Tourism board": the pair only modifies it) nor in
/// "Los Angeles Sheriff's office", "Spider-Gwen".
fn name_ends_at(p: &Para, b: usize) -> bool {
    let Some(t) = p.toks.get(b) else {
        return true;
    };
    let w = lower(p, b);
    if t.kind == TokenKind::Possessive || matches!(w, "'s" | "’s" | "'" | "-" | "–") {
        return false;
    }
    if t.kind != TokenKind::Word || !word(p, b).starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    is_common(w) || is_in(cues::PERSON_VERBS, w) || (w.len() > 4 && w.ends_with("ed"))
}

/// The words of `[a, b)` in lower case, joined by spaces.
fn place_text(p: &Para, a: usize, b: usize) -> String {
    (a..b).map(|t| lower(p, t)).collect::<Vec<_>>().join(" ")
}

/// "Ford Australia", "Garuda Indonesia", "GM Europe", "EADS North America":
/// a company's name, then the country or continent it works in, is the
/// company's branch there: an organisation. The company is a known one,
/// an acronym, or one word no word list knows (a given name before a place
/// is a person's: "Valeska Paris").
fn body_of_a_country(p: &Para, a: usize, b: usize) -> Option<EntityKind> {
    let lx = Lexicon::get();
    let g0 = (a + 1..b).find(|&k| gaz_at(p, k, b).is_some_and(|(_, n)| n == b - k))?;
    let (gi, _) = gaz_at(p, g0, b)?;
    let place = lx.entry(p.gaz[gi].entry);
    if place.kind != EntityKind::Location
        || !matches!(place.subkind.as_str(), "country" | "continent")
        || p.gaz[gi].contextual
    {
        return None;
    }
    let known_body = gaz_at(p, a, g0).is_some_and(|(gj, n)| {
        n == g0 - a
            && !p.gaz[gj].contextual
            && lx.entry(p.gaz[gj].entry).kind == EntityKind::Organization
    });
    let w = word(p, a);
    let one_odd_word = g0 == a + 1
        && p.toks[a].kind == TokenKind::Word
        && (super::acronyms::is_acronym(w)
            || (!is_english_word(lower(p, a))
                && !lx.is_given_name(w)
                && lx.lookup(w).is_none()
                && !is_in(DIRECTIONS, lower(p, a))));
    (known_body || one_odd_word).then_some(EntityKind::Organization)
}

/// Extend a company or name abbreviation over its full stop.
/// "Atlantic Lottery Corporation, Inc.", "Zentrix, Ltd.": a legal form
/// after a comma ends the company's name.
pub(super) fn legal_form_after_comma(text: &str, c: &mut Candidate) {
    const FORMS: &[&str] = &[
        "Inc", "Ltd", "LLC", "Corp", "Co", "plc", "PLC", "LP", "L.P.", "S.A.", "N.V.", "AG",
        "GmbH", "SpA", "Limited",
    ];
    if c.kind != EntityKind::Organization {
        return;
    }
    let Some(rest) = text[c.end..].strip_prefix(", ") else {
        return;
    };
    for f in FORMS {
        if let Some(after) = rest.strip_prefix(f) {
            if !after.starts_with(|ch: char| ch.is_alphanumeric()) {
                c.end += 2 + f.len();
                return;
            }
        }
    }
}

pub(super) fn keep_abbreviation_dot(text: &str, c: &mut Candidate) {
    const ABBR: &[&str] = &[
        "inc", "corp", "co", "ltd", "jr", "sr", "bros", "cos", "plc", "mfg", "assn", "intl",
    ];
    if !c.kind.is_name() || !text[c.end..].starts_with('.') {
        return;
    }
    let last = text[c.start..c.end]
        .rsplit(|ch: char| ch.is_whitespace() || ch == ',')
        .next()
        .unwrap_or("");
    if is_in(ABBR, &last.to_lowercase()) && last.len() < text[c.start..c.end].len() {
        c.end += 1;
    }
}

/// A town's name that is the surname of a person the document names in
/// full is that person ("Valeska Paris ... Paris said"), unless a place
/// preposition stands before it.
pub(super) fn surnames_over_places(text: &str, out: &mut [Candidate]) {
    use crate::analysis::text::fold::ascii_key;
    let surnames: rustc_hash::FxHashSet<String> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| {
            let t = &text[c.start..c.end];
            let mut parts = t.split_whitespace();
            let first = parts.next()?;
            let last = parts.last()?;
            (first != last).then(|| ascii_key(last))
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let lx = Lexicon::get();
    for c in out
        .iter_mut()
        .filter(|c| c.kind == EntityKind::Location && c.gaz.is_some())
    {
        let t = &text[c.start..c.end];
        if t.contains(' ') || !surnames.contains(&ascii_key(t)) {
            continue;
        }
        if c.gaz.is_some_and(|g| lx.entry(g).subkind == "country") {
            continue;
        }
        let prev = word_before(text, c.start);
        if is_in(PLACE_PREPS, &prev) || prev == "to" {
            continue;
        }
        c.kind = EntityKind::Person;
        c.gaz = None;
    }
}

/// Acronyms the document introduces for a lower-case term ("sea surface
/// salinity (SSS)", "ground reaction force (GRF)") name a thing, not an
/// organisation: their mentions go, wherever they stand. Known names (a
/// gazetteer entry, the knowledge base) stay.
pub(super) fn drop_term_acronyms(text: &str, out: &mut Vec<Candidate>) {
    let terms = term_acronyms(text);
    if terms.is_empty() {
        return;
    }
    out.retain(|c| {
        c.kind != EntityKind::Organization
            || c.gaz.is_some()
            || c.kb.is_some()
            || !terms.iter().any(|t| *t == &text[c.start..c.end])
    });
}

/// The acronyms `text` spells out in lower-case words just before them.
fn term_acronyms(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('(') {
        let open = from + i;
        from = open + 1;
        // An acronym is short: look for the closing parenthesis nearby
        // only (a text full of unclosed parentheses stays linear).
        let Some(len) = text[open + 1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ')')
            .map(|(i, _)| i)
        else {
            continue;
        };
        let acr = &text[open + 1..open + 1 + len];
        let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
        if !(2..=6).contains(&letters.len())
            || !acr.chars().all(|c| c.is_ascii_uppercase() || c == '-')
            || out.contains(&acr)
        {
            continue;
        }
        // The words before, last first, function words skipped.
        let mut lo = open.saturating_sub(120);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let before = &text[lo..open];
        let words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "in" | "on" | "to"))
            .take(letters.len())
            .collect();
        if words.len() < letters.len() {
            continue;
        }
        let spelled = words.iter().rev().zip(&letters).all(|(w, l)| {
            w.chars()
                .next()
                .is_some_and(|c| c.to_ascii_uppercase() == *l)
        });
        let lower = words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_lowercase()));
        if spelled && lower {
            out.push(acr);
        }
    }
    out
}
