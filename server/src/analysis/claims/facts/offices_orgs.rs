//! Whose office: the organisation "its" refers to, another country named
//! in the sentence, and the holder a sentence names beside an office
//! given the article's country for want of one.
use super::*;
use crate::analysis::claims::roles::demonym_to_country;

/// The organisation named last before `at`, within a few sentences, that
/// is no news outlet (what "its" refers to).
pub(super) fn antecedent_org(inp: &FactInput, at: usize) -> Option<String> {
    let from = crate::analysis::claims::words::floor_boundary(inp.text, at.saturating_sub(400));
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    mentions_in(inp.doc, from, at)
        .into_iter()
        .map(|k| &inp.doc.mentions[k as usize])
        .rfind(|m| m.kind == EntityKind::Organization)
        .map(|m| {
            m.text(inp.text)
                .trim_end_matches("'s")
                .trim_end_matches("’s")
        })
        .filter(|name| {
            lx.lookup(name)
                .is_none_or(|id| lx.entry(id).subkind != "media")
        })
        .map(str::to_string)
}

/// The organisation a "whose" at word `w` refers to: a name of one
/// ending right before it, with a comma between ("Kestrel Mining, whose
/// chief executive"). None for anything else (a person: "Rui Costa,
/// whose deputy"; a common noun: "the union, whose leader").
pub(super) fn whose_antecedent(inp: &FactInput, ws: &[Word], w: usize) -> Option<String> {
    if w == 0 || inp.text[ws[w - 1].end..ws[w].start].trim() != "," {
        return None;
    }
    let end = ws[w - 1].end;
    mentions_in(inp.doc, inp.start, end)
        .into_iter()
        .map(|k| &inp.doc.mentions[k as usize])
        .find(|m| m.end == end && m.kind == EntityKind::Organization)
        .map(|m| m.text(inp.text).to_string())
}

/// Whether the sentence names a country other than `country`, by a
/// place in it or by its adjective ("Australian farmers").
pub(super) fn names_another_country(inp: &FactInput, ws: &[Word], country: &str) -> bool {
    let other = |name: &str| {
        crate::analysis::claims::resolve::country_of_name(name).is_some_and(|c| c != country)
    };
    let by_place = mentions_in(inp.doc, inp.start, inp.end)
        .into_iter()
        .any(|k| {
            let m = &inp.doc.mentions[k as usize];
            m.kind == EntityKind::Location
                && !inp.text[m.end..].trim_start().starts_with('$')
                && other(m.text(inp.text))
        });
    by_place
        || ws.iter().any(|w| {
            w.text.starts_with(|c: char| c.is_uppercase()) && {
                let c = demonym_to_country(w.text);
                c != w.text && other(&c)
            }
        })
}

/// "Trade Minister Mark Delaney met Vietnam's Trade Minister Nguyen Thi
/// Lan": an office given the article's country for want of one is not
/// that country's office when the sentence names that country's holder
/// of it, someone else. Its country is left unknown.
pub(super) fn unimply_beside_a_stated_holder(out: &mut [Fact], defaulted_people: &[u32]) {
    let stated: Vec<(String, String, u32)> = out
        .iter()
        .filter_map(|f| match &f.body {
            FactBody::Role { person, role, .. } if !defaulted_people.contains(person) => {
                Some((role.title.clone(), role.org.clone()?, *person))
            }
            _ => None,
        })
        .collect();
    for f in out.iter_mut() {
        if let FactBody::Role { person, role, .. } = &mut f.body {
            if !defaulted_people.contains(person) {
                continue;
            }
            let beside = stated
                .iter()
                .any(|(t, o, p)| *t == role.title && role.org.as_ref() == Some(o) && *p != *person);
            if beside {
                role.org = None;
            }
        }
    }
}

/// The organisation or place named from word `at` on ("at Nordea",
/// "at the Kestrel Bank"), as written; None when something else stands
/// there ("at a Danish shipping group").
pub(super) fn name_at(inp: &FactInput, ws: &[Word], at: usize) -> Option<String> {
    let at = if ws.get(at).is_some_and(|w| w.text == "the") {
        at + 1
    } else {
        at
    };
    let w = ws.get(at)?;
    mentions_in(inp.doc, w.start, inp.end)
        .into_iter()
        .map(|k| &inp.doc.mentions[k as usize])
        .find(|m| {
            m.start == w.start && matches!(m.kind, EntityKind::Organization | EntityKind::Location)
        })
        .map(|m| {
            m.text(inp.text)
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
}
