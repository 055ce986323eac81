//! Who met when nobody at a meeting is named: the countries of the
//! people who met ("the foreign ministers of Peru and Ecuador",
//! "delegations from Peru and Ecuador", "Peruvian and Ecuadorian
//! officials", "negotiators from the two countries"). The ministers of
//! Peru and Ecuador meeting today are not those of Chile and Bolivia.
use super::{SentenceFrames, SentenceInput};
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Sub, Upos};

/// The parties of a meeting nobody in it is named at, from the country
/// mentions and the demonyms on the people who met: the mentions, and
/// the folded names of the countries written only as demonyms (the index
/// links them to the folder's entities). `None` under two countries.
pub(super) fn meeting_parties(
    inp: &SentenceInput,
    countries: Vec<u32>,
    demonyms: Vec<u32>,
) -> Option<(Vec<u32>, Vec<String>)> {
    let named = distinct_countries(inp, countries);
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let mut seen: Vec<u32> = named.iter().filter_map(|&m| country_id(inp, m)).collect();
    let mut written: Vec<String> = Vec::new();
    for c in demonyms {
        if !seen.contains(&c) {
            seen.push(c);
            written.push(crate::analysis::text::fold::ascii_key(&lx.entry(c).name));
        }
    }
    (seen.len() >= 2).then_some((named, written))
}

/// Whether place mention `m` names a country ("Peru", not "Lima").
pub(super) fn is_country(inp: &SentenceInput, m: u32) -> bool {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.lookup(inp.doc.mentions[m as usize].text(inp.text))
        .is_some_and(|id| lx.entry(id).subkind == "country")
}

/// The country entry a country mention stands for.
fn country_id(inp: &SentenceInput, m: u32) -> Option<u32> {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.country(inp.doc.mentions[m as usize].text(inp.text))
}

/// One mention per country, the first of each: "Peru ... Peru and
/// Ecuador" is two parties.
fn distinct_countries(inp: &SentenceInput, mut ms: Vec<u32>) -> Vec<u32> {
    ms.sort_unstable();
    let mut seen: Vec<u32> = Vec::new();
    ms.retain(|&m| match country_id(inp, m) {
        Some(c) if !seen.contains(&c) => {
            seen.push(c);
            true
        }
        _ => false,
    });
    ms
}

/// "Negotiators from the two countries", "delegations of both
/// countries" (the subject of a meeting, token `a`): the two countries
/// the file names, when it names exactly two (first mention of each,
/// datelines included since they are the file's words too). Not "both
/// sides": the sides of a dispute are as often a union and its employers.
pub(super) fn both_countries(sf: &SentenceFrames, inp: &SentenceInput, a: usize) -> Vec<u32> {
    let p = &sf.parse;
    // (The parser may hang the verb on "countries" itself, as a clause
    // qualifying it: then `a` is that noun.)
    let both = |c: usize| {
        matches!(
            p.tokens[c].form.to_ascii_lowercase().as_str(),
            "countries" | "nations" | "governments"
        ) && p.children(c).iter().any(|&d| {
            matches!(
                p.tokens[d].form.to_ascii_lowercase().as_str(),
                "both" | "two"
            )
        })
    };
    let says_both = both(a)
        || p.children(a)
            .iter()
            .any(|&c| p.tokens[c].deprel.rel == Rel::Nmod && both(c));
    if !says_both {
        return Vec::new();
    }
    let countries: Vec<u32> = (0..inp.doc.mentions.len() as u32)
        .filter(|&m| inp.doc.mentions[m as usize].kind == EntityKind::Location)
        .filter(|&m| is_country(inp, m))
        .collect();
    let found = distinct_countries(inp, countries);
    if found.len() == 2 {
        found
    } else {
        Vec::new()
    }
}

/// The countries under "from" or "of" on the people who met
/// ("delegations from Peru and Ecuador", "the foreign ministers of Peru
/// and Ecuador"), token `a` being those people.
pub(super) fn countries_of_people(sf: &SentenceFrames, inp: &SentenceInput, a: usize) -> Vec<u32> {
    let p = &sf.parse;
    p.children(a)
        .iter()
        .copied()
        .filter(|&c| {
            p.tokens[c].deprel.rel == Rel::Nmod
                && matches!(p.case_marker(c).as_deref(), Some("from") | Some("of"))
        })
        .flat_map(|c| sf.names_under(c, false))
        .filter(|&m| inp.doc.mentions[m as usize].kind == EntityKind::Location)
        .filter(|&m| is_country(inp, m))
        .collect()
}

/// The countries of the demonyms qualifying the people who met (token
/// `a`): "Peruvian and Ecuadorian officials", "Peruvian officials",
/// by the gazetteer's country entry.
pub(super) fn demonym_countries(p: &Parse, a: usize) -> Vec<u32> {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let mut out = Vec::new();
    // The words right before the noun, however the parser hung them
    // ("Colombian and Venezuelan officials"), and its modifiers.
    let mut before: Vec<usize> = Vec::new();
    for t in (0..a).rev() {
        let f = p.tokens[t].form.to_ascii_lowercase();
        if lx.country(&p.tokens[t].form).is_some() {
            before.push(t);
        } else if f != "and" && f != "," {
            break;
        }
    }
    let modifiers = p
        .children(a)
        .iter()
        .copied()
        .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Amod | Rel::Compound))
        .flat_map(|c| std::iter::once(c).chain(p.children_with(c, Rel::Conj)));
    let mut words: Vec<usize> = modifiers.chain(before).collect();
    words.sort_unstable();
    words.dedup();
    let fold = crate::analysis::text::fold::ascii_key;
    for w in words {
        let form = &p.tokens[w].form;
        // A demonym, not the country's own name (a compound "Peru" is a
        // mention, taken as one).
        if let Some(id) = lx.country(form) {
            if fold(&lx.entry(id).name) != fold(form) {
                out.push(id);
            }
        }
    }
    out
}

/// Nouns of people who meet for a body or a country ("the European
/// Union's agriculture ministers", "Peru's negotiators"): plural, so a
/// group acting for the possessor, not one officer of it.
const DELEGATES: &[&str] = &[
    "ministers",
    "leaders",
    "officials",
    "delegates",
    "delegations",
    "envoys",
    "negotiators",
    "representatives",
];

/// The possessor of the people who met (token `a`), when they are a group
/// that acts for it: "the European Union's agriculture ministers met" is
/// a meeting of the European Union, as "EU agriculture ministers met" is.
pub(super) fn possessor_of_delegates(sf: &SentenceFrames, a: usize) -> Vec<u32> {
    let p = &sf.parse;
    if !DELEGATES.contains(&p.tokens[a].form.to_ascii_lowercase().as_str()) {
        return Vec::new();
    }
    p.children(a)
        .iter()
        .copied()
        .filter(|&c| {
            p.tokens[c].deprel.rel == Rel::Nmod && p.tokens[c].deprel.sub == Some(Sub::Poss)
        })
        .flat_map(|c| sf.names_under(c, false))
        .collect()
}

/// Who a meeting participle without a subject of its own tells of: the
/// noun it qualifies ("ministers ..., meeting in Riga"), or the subject
/// of the verb it is set beside ("ministers, meeting in Riga, agreed"),
/// also an unmarked noun before that verb the parser took for a phrase.
pub(super) fn acl_subject(p: &Parse, c: usize, meeting: bool) -> Option<usize> {
    if !(meeting && p.tokens[c].upos == Upos::Verb && p.subjects(c).is_empty()) {
        return None;
    }
    let h = p.head(c)?;
    let noun = |t: usize| matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn);
    match p.tokens[c].deprel.rel {
        Rel::Acl => Some(h).filter(|&h| noun(h)),
        Rel::Advcl if p.tokens[c].form.ends_with("ing") => {
            p.subjects(h).into_iter().next().or_else(|| {
                p.children(h).iter().copied().find(|&d| {
                    d < c
                        && p.tokens[d].deprel.rel == Rel::Obl
                        && p.case_marker(d).is_none()
                        && noun(d)
                })
            })
        }
        _ => None,
    }
}
