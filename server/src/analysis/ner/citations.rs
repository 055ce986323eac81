//! Authors cited by name and year: "Quilis (1993) argues", "as Morgan-Short
//! et al. (2012) showed", "(Carrano & Biewener, 2005; Zurbarán 2010)".
//! Reports, studies and the academic prose that news quotes name people
//! so, by surname alone, and no gazetteer knows most of them: a surname
//! before "et al." or in an author-year citation is a person. "Carrano &
//! Biewener" there is two authors, not a firm of partners. (Reading the
//! parties of a case, "Roe v. Wade", as persons lost on GUM dev: "Eton v
//! Harrow" is a match between schools, and the folder spread the error.)
//!
//! Read before the runs of capitalised words, so the authors' tokens are
//! taken and no other rule types them.
use crate::analysis::model::EntityKind;
use crate::analysis::text::tokens::TokenKind;

use super::common_words::{is_common, is_english_word};
use super::lexicon::Lexicon;
use super::names::{block_range, gaz_at, starts_upper, Para};
use super::Candidate;

/// Lower-case particles inside a surname ("van Dijk", "de la Cruz").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "dos", "das",
    "ten", "ter", "bin", "al",
];

/// Words that may open a citation's parenthesis before its first author:
/// "(e.g. Smith, 2010)", "(see also Jones 2012)".
const LEAD_INS: &[&str] = &[
    "e.g.",
    "e.g",
    "eg",
    "i.e.",
    "i.e",
    "see",
    "also",
    "cf.",
    "cf",
    "but",
    "and",
    "as",
    "by",
    "in",
    "following",
    ",",
    ":",
];

/// Words before a single cited author in running text.
const NARRATIVE_INTROS: &[&str] = &[
    "as",
    "by",
    "to",
    "in",
    "and",
    "but",
    "while",
    "whereas",
    "unlike",
    "like",
    "that",
    "from",
    "following",
    "see",
    "cf.",
    "with",
    "since",
    "because",
    "although",
    "though",
    "when",
    "where",
];

/// How far back (in tokens) a citation's opening parenthesis may be.
const MAX_BACK: usize = 60;

/// One author's name: its tokens `[a, b)`.
type Name = (usize, usize);

/// Emit a person for each author of each author-year citation of the
/// paragraph, and take their tokens.
pub(super) fn author_citations(p: &mut Para, out: &mut Vec<Candidate>) {
    // Most paragraphs cite nothing: a four-digit year must follow an
    // opening parenthesis, a comma or a capitalised word.
    if !p.toks.iter().any(|t| is_year(p, t)) {
        return;
    }
    let mut found: Vec<Name> = Vec::new();
    for y in 0..p.toks.len() {
        if !is_year(p, &p.toks[y]) || y == 0 {
            continue;
        }
        if let Some(names) = narrative(p, y).or_else(|| parenthetical(p, y)) {
            found.extend(names);
        }
    }
    for (a, b) in found {
        if (a..b).any(|k| p.blocked[k]) {
            continue;
        }
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        out.push(Candidate::new(s, e, EntityKind::Person, 0.8));
        block_range(&p.toks, &mut p.blocked, s, e);
    }
}

/// A publication year: four digits from 1500 to 2099, maybe with a letter
/// ("2005a").
fn is_year(p: &Para, t: &crate::analysis::text::tokens::Token) -> bool {
    if t.kind != TokenKind::Number && t.kind != TokenKind::Word {
        return false;
    }
    let w = t.text(p.text);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || w.len() > 5 {
        return false;
    }
    if w.len() == 5 && !w.as_bytes()[4].is_ascii_lowercase() {
        return false;
    }
    matches!(w[..4].parse::<u32>(), Ok(1500..=2099))
}

fn text_at<'a>(p: &Para<'a>, k: usize) -> &'a str {
    p.toks[k].text(p.text)
}

/// "Smith (2010)", "Smith et al. (2010, p. 4)": authors, then the year in
/// parentheses. Without "et al." or a second author, the name must be no
/// English word ("Titanic (1997)" is a film), and a lower-case word or a
/// punctuation mark must follow the parenthesis.
fn narrative(p: &Para, y: usize) -> Option<Vec<Name>> {
    if text_at(p, y - 1) != "(" || y < 2 {
        return None;
    }
    let close = p.toks.get(y + 1).map(|t| t.text(p.text))?;
    if !matches!(close, ")" | "," | ";") {
        return None;
    }
    let (names, et_al, start) = authors_before(p, y - 1)?;
    // The list must be a run of its own: "the Treaty of Versailles (1919)"
    // is no citation.
    if start > 0 {
        let before = &p.lowers[start - 1];
        if matches!(before.as_str(), "of" | "the" | "for" | "&" | "and")
            || (p.toks[start - 1].kind == TokenKind::Word
                && starts_upper(text_at(p, start - 1))
                && !is_common(before)
                && !NARRATIVE_INTROS.contains(&before.as_str()))
        {
            return None;
        }
    }
    if et_al || names.len() >= 2 {
        return Some(names);
    }
    // One author alone: what comes before must introduce a source ("as
    // Quilis (1993) notes", "according to ..."), not a kind of work ("the
    // film Titanic (1997)").
    let intro = start == 0 || {
        let t = &p.toks[start - 1];
        t.kind == TokenKind::Punct || NARRATIVE_INTROS.contains(&p.lowers[start - 1].as_str())
    };
    let after_ok = close != ")"
        || p.toks.get(y + 2).is_none_or(|t| {
            t.kind == TokenKind::Punct || !starts_upper(t.text(p.text)) && t.kind == TokenKind::Word
        });
    (intro && after_ok && names.iter().all(|&n| rare_name(p, n))).then_some(names)
}

/// "(Smith, 2010)", "(Smith & Jones 2010; Lee et al., 2012)": inside a
/// parenthesis, authors, maybe a comma, the year. A single author without
/// a comma must be no English word ("(Euro 2024)").
fn parenthetical(p: &Para, y: usize) -> Option<Vec<Name>> {
    let mut end = y;
    let comma = text_at(p, y - 1) == ",";
    if comma {
        end -= 1;
    }
    let (names, et_al, start) = authors_before(p, end)?;
    // What opens the entry: "(", or ";" of a list inside a parenthesis,
    // maybe after a lead-in ("e.g.", "see also").
    let mut k = start;
    while k > 0 && LEAD_INS.contains(&p.lowers[k - 1].as_str()) {
        k -= 1;
    }
    let opener = k.checked_sub(1).map(|o| text_at(p, o))?;
    let inside = match opener {
        "(" | "[" => true,
        ";" => open_parenthesis_before(p, k - 1),
        _ => false,
    };
    if !inside {
        return None;
    }
    let close = p.toks.get(y + 1).map(|t| t.text(p.text));
    if !matches!(close, Some(")" | "]" | ";" | ",")) {
        return None;
    }
    if comma || et_al || names.len() >= 2 {
        return Some(names);
    }
    names.iter().all(|&n| rare_name(p, n)).then_some(names)
}

/// An opening parenthesis not closed between it and token `k`.
fn open_parenthesis_before(p: &Para, k: usize) -> bool {
    for o in (k.saturating_sub(MAX_BACK)..k).rev() {
        match text_at(p, o) {
            ")" | "]" => return false,
            "(" | "[" => return true,
            _ => {}
        }
    }
    false
}

/// The authors ending just before token `end`: names joined by ",", "&"
/// or "and", maybe followed by "et al.". Returns them, whether "et al."
/// was written, and the first author's first token.
fn authors_before(p: &Para, end: usize) -> Option<(Vec<Name>, bool, usize)> {
    let mut k = end;
    let mut et_al = false;
    // "et al." is "et", "al", "." or "et", "al."
    if k >= 2
        && p.lowers[k - 1] == "."
        && p.lowers[k - 2] == "al"
        && k >= 3
        && p.lowers[k - 3] == "et"
    {
        k -= 3;
        et_al = true;
    } else if k >= 2 && p.lowers[k - 1] == "al." && p.lowers[k - 2] == "et" {
        k -= 2;
        et_al = true;
    }
    let mut names = Vec::new();
    let mut first;
    loop {
        let (a, b) = name_before(p, k)?;
        if !name_ok(p, (a, b)) {
            return None;
        }
        names.push((a, b));
        first = a;
        // Separators: ",", "&", "and", ", &", ", and".
        let mut s = a;
        let mut joined = false;
        while s > 0 && matches!(p.lowers[s - 1].as_str(), "," | "&" | "and") {
            joined |= p.lowers[s - 1] != ",";
            s -= 1;
        }
        // A comma alone joins authors only in a list already joined by
        // "&"/"and" or followed by "et al."; otherwise it ends the list
        // ("In these results, Smith (2010) ...").
        let comma_list = names.len() >= 2 || et_al;
        if s == a || name_before(p, s).is_none() || (!joined && !comma_list) || names.len() >= 6 {
            break;
        }
        k = s;
    }
    names.reverse();
    Some((names, et_al, first))
}

/// The name of one author ending before token `end`: up to three
/// capitalised words, particles inside.
fn name_before(p: &Para, end: usize) -> Option<Name> {
    let mut a = end;
    while a > 0 && end - a < 4 {
        let t = &p.toks[a - 1];
        if t.kind != TokenKind::Word {
            break;
        }
        let w = t.text(p.text);
        let l = p.lowers[a - 1].as_str();
        // "As Delacourt (2020) noted": a sentence's first word is no part
        // of the name.
        let cap = starts_upper(w)
            && w.chars().skip(1).any(char::is_lowercase)
            && !is_common(l)
            && !NARRATIVE_INTROS.contains(&l);
        let particle = PARTICLES.contains(&p.lowers[a - 1].as_str()) && a < end;
        if !(cap || particle) {
            break;
        }
        a -= 1;
    }
    // Leading particles belong to the name only after a given name.
    while a < end && !starts_upper(text_at(p, a)) {
        a += 1;
    }
    (a < end).then_some((a, end))
}

/// No place, organisation or other known non-person name, nothing already
/// taken, no ordinary word on its own ("However", "Table").
fn name_ok(p: &Para, (a, b): Name) -> bool {
    let lx = Lexicon::get();
    if (a..b).any(|k| p.blocked[k]) {
        return false;
    }
    for k in a..b {
        if let Some((gi, _)) = gaz_at(p, k, b) {
            if lx.entry(p.gaz[gi].entry).kind != EntityKind::Person {
                return false;
            }
        }
    }
    !(b == a + 1 && is_common(&p.lowers[a]))
}

/// A name none of whose words is a frequent English word.
fn rare_name(p: &Para, (a, b): Name) -> bool {
    (a..b).all(|k| {
        let l = p.lowers[k].as_str();
        !is_english_word(l) || Lexicon::get().is_given_name(text_at(p, k))
    })
}
