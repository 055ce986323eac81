//! Splitting a run of capitalised words into the names it holds: a body
//! or building named by its head with the names inside it, a place word
//! before a known place, gazetteer names, given name + surname persons, and
//! the unknown stretches between them (classified by [`super::classify`]).
//! Moved out of `names.rs`, which finds the runs.
#[allow(unused_imports)]
use super::acronyms::*;
use super::classify::*;
#[allow(unused_imports)]
use super::common_words::{is_common, is_english_word};
#[allow(unused_imports)]
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::*;
#[allow(unused_imports)]
use super::roles::*;
use super::Candidate;
use crate::analysis::model::EntityKind;
#[allow(unused_imports)]
use crate::analysis::text::tokens::TokenKind;

/// The kind of a run `[a, b)` of capitalised words (no connectors) that
/// ends in a head no surname takes ("Museum", "District", "Clinic") and
/// contains a known name that would otherwise cut it up.
fn headed_name_kind(p: &Para, a: usize, b: usize) -> Option<EntityKind> {
    if b - a < 2 || b - a > 6 {
        return None;
    }
    let last = lower(p, b - 1);
    if !is_in(cues::NEVER_SURNAME_HEADS, last)
        || (a..b).any(|k| !starts_upper(word(p, k)) || p.toks[k].kind != TokenKind::Word)
        || gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a)
        || !(a..b - 1).any(|k| gaz_at(p, k, b).is_some())
    {
        return None;
    }
    let school_district = last == "district" && lower(p, b - 2) == "school";
    let place = is_in(cues::PLACE_HEADS, last) && !is_in(cues::ORG_HEADS, last);
    Some(if (place || facility_center(p, a, b)) && !school_district {
        EntityKind::Location
    } else {
        EntityKind::Organization
    })
}

/// A run `[a, b)` that is a place word ("Lake", "Mount", "Port", "Cape")
/// and then exactly one gazetteer place: one name, not the place inside it.
fn lead_and_known_place(p: &Para, a: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    (2..=4).contains(&(b - a))
        && (a..b).all(|k| starts_upper(word(p, k)) && p.toks[k].kind == TokenKind::Word)
        && is_in(cues::PLACE_LEADS, lower(p, a))
        && !is_in(cues::PLACE_LEADS, lower(p, a + 1))
        && gaz_at(p, a, b).is_none()
        && gaz_at(p, a + 1, b).is_some_and(|(gi, n)| {
            n == b - a - 1 && lx.entry(p.gaz[gi].entry).kind == EntityKind::Location
        })
}

/// "Las Palmas", "El Carmen", "La Union": an article of another language,
/// then a known place, is one place name (the article is no company's
/// word before a place, as in "Air France").
fn article_and_known_place(p: &Para, a: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    b - a >= 2
        && super::word_shapes::foreign_article(word(p, a))
        && gaz_at(p, a, b).is_none()
        && gaz_at(p, a + 1, b).is_some_and(|(gi, n)| {
            n == b - a - 1 && lx.entry(p.gaz[gi].entry).kind == EntityKind::Location
        })
}

/// Split `[a, b)` into gazetteer names, given-name persons and unknown
/// stretches, and classify each.
pub(super) fn segment(p: &mut Para, a: usize, b: usize, sc: &mut Scan, person_cue: bool) {
    let lx = Lexicon::get();
    if person_cue {
        person(p, a, b, Vec::new(), 0.9, sc.out);
        return;
    }
    // "a Washington Democrat", "the Ohio Republican": a member of a party
    // from a place; the place is the mention.
    if b >= a + 2
        && matches!(lower(p, b - 1), "democrat" | "republican")
        && gaz_at(p, a, b - 1).is_some_and(|(gi, n)| {
            n == b - 1 - a && lx.entry(p.gaz[gi].entry).kind == EntityKind::Location
        })
    {
        segment(p, a, b - 1, sc, false);
        return;
    }
    if !p.title_case && (org_shaped(p, a, b) || ampersand_firm(p, a, b)) {
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        let whole_gaz = gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a);
        if !whole_gaz {
            parenthetical_acronym(p, b, s, sc.out);
            let kind = if facility_center(p, a, b) {
                EntityKind::Location
            } else {
                EntityKind::Organization
            };
            let mut c = Candidate::new(s, e, kind, 0.8);
            // "Apple Computer", "Boeing Commercial Airplanes": a known
            // organisation's name with a company head is that organisation.
            if let Some((gi, _)) = gaz_at(p, a, b) {
                let hit = p.gaz[gi];
                let last = lower(p, b - 1).trim_end_matches('.');
                let company_form = matches!(
                    last,
                    "computer"
                        | "computers"
                        | "motor"
                        | "motors"
                        | "company"
                        | "corporation"
                        | "inc"
                        | "corp"
                        | "ltd"
                        | "llc"
                        | "co"
                        | "plc"
                        | "holdings"
                        | "airplanes"
                        | "aircraft"
                        | "ag"
                        | "gmbh"
                        | "sa"
                );
                if company_form
                    && !hit.contextual
                    && lx.entry(hit.entry).kind == EntityKind::Organization
                {
                    c.gaz = Some(hit.entry);
                }
            }
            sc.out.push(c);
            return;
        }
    }
    // "Instituto Gonzaga", "Vrije Universiteit", "Santo Spirito" is no
    // person's or place's name when a word of it names an institution in
    // its own language.
    if !p.title_case
        && (2..=8).contains(&(b - a))
        && (a..b).any(|k| super::word_shapes::foreign_body_word(lower(p, k)))
        && starts_upper(word(p, a))
        && starts_upper(word(p, b - 1))
        && gaz_at(p, a, b).is_none_or(|(_, n)| n < b - a)
    {
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        parenthetical_acronym(p, b, s, sc.out);
        sc.out
            .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
        return;
    }
    // Longest name first: a place inside a longer name is not a mention.
    if !p.title_case {
        // "the actor Denzel Washington", "Paris Hendry, a lawyer": a place
        // word and a name word no list knows, in a person's context.
        if super::place_persons::place_named_person(p, a, b) {
            person(p, a, b, Vec::new(), 0.8, sc.out);
            return;
        }
        // "Lake Tanganyika", "Mount Kenya": a place word, then a known
        // place; the whole is the place (the lake is not the province).
        if super::sports::team_after_place_head(p, a, b)
            || super::sports::team_after_place(p, a, b, sc.ts, sc.te)
        {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            return;
        }
        if lead_and_known_place(p, a, b) || article_and_known_place(p, a, b) {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            sc.out.push(Candidate::new(s, e, EntityKind::Location, 0.8));
            return;
        }
        if let Some(kind) = super::context::place_in_name(p, a, b, sc.ts) {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            parenthetical_acronym(p, b, s, sc.out);
            sc.out.push(Candidate::new(s, e, kind, 0.8));
            return;
        }
        // "Irving Independent School District", "Metro Toronto Convention
        // Centre": a run ending in the head of a body's or a building's
        // name is that one name, whatever names it contains.
        if let Some(kind) = headed_name_kind(p, a, b) {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            parenthetical_acronym(p, b, s, sc.out);
            sc.out.push(Candidate::new(s, e, kind, 0.8));
            return;
        }
    }
    // "Ross Sea", "George Washington Bus Station": a run a given name
    // opens but a place's head ends is that place, not a person.
    if !p.title_case
        && (2..=6).contains(&(b - a))
        && super::word_shapes::no_surname_place_head(lower(p, b - 1))
        && (a..b).all(|k| starts_upper(word(p, k)) && p.toks[k].kind == TokenKind::Word)
        && given_name_person(p, a, b) >= 2
        && gaz_at(p, a, b).is_none_or(|(_, n)| n < b - a)
    {
        let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
        sc.out.push(Candidate::new(s, e, EntityKind::Location, 0.8));
        return;
    }
    let mut k = a;
    let mut unknown_start = None;
    while k < b {
        let l = lower(p, k);
        let is_conn = is_in(CONNECTORS, l) && !starts_upper(word(p, k));
        let g = gaz_at(p, k, b);
        let pl = if p.title_case {
            0
        } else {
            given_name_person(p, k, b)
        };
        let gl = g.map(|(_, n)| n).unwrap_or(0);
        // "Air France" (an airline), "Ford Australia" (a branch): one
        // organisation, no place.
        if let Some(n) = super::company::company_compound(p, k, b, gl) {
            if let Some(us) = unknown_start.take() {
                unknown(p, us, k, sc);
            }
            let (s, e) = (p.toks[k].start, p.toks[k + n - 1].end);
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.85));
            k += n;
            continue;
        }
        // "Shares of Skyline Atlantic": a word and an ocean's short name
        // ending the run are a company (the run's start is no part of it).
        if unknown_start.is_some_and(|us| us < k) && super::context::oceans_company_at(p, k, b, gl)
        {
            let us = unknown_start.take().unwrap();
            if us < k - 1 {
                unknown(p, us, k - 1, sc);
            }
            let (s, e) = (p.toks[k - 1].start, p.toks[k].end);
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            break;
        }
        if gl == 1 && k + 2 == b && maker_and_model(p, k) {
            if let Some(us) = unknown_start.take() {
                unknown(p, us, k, sc);
            }
            break;
        }
        if (gl > 0 || pl > 0) && !is_conn {
            if let Some(us) = unknown_start.take() {
                unknown(p, us, k, sc);
            }
            if pl >= 2 && pl > gl {
                person(p, k, k + pl, Vec::new(), 0.85, sc.out);
                k += pl;
            } else {
                let (gi, n) = g.unwrap();
                let hit = p.gaz[gi];
                let mut c = Candidate::new(hit.start, hit.end, lx.entry(hit.entry).kind, 0.9);
                c.gaz = Some(hit.entry);
                // "the newspaper Express": a cue noun confirms a word-like alias.
                let cue = (k > 0).then(|| lower(p, k - 1));
                let confirmed = cue.is_some_and(|w| match c.kind {
                    EntityKind::Organization => is_in(cues::ORG_INTRO, w),
                    EntityKind::Location => is_in(cues::PLACE_INTRO, w),
                    _ => false,
                }) || (hit.contextual
                    && n == 1
                    && c.kind == EntityKind::Organization
                    && lx.entry(hit.entry).subkind == "company"
                    && super::company::company_cue(p, k));
                c.contextual = hit.contextual && !confirmed;
                parenthetical_acronym(p, k + n, hit.start, sc.out);
                sc.out.push(c);
                k += n;
            }
            continue;
        }
        if unknown_start.is_none() {
            unknown_start = Some(k);
        }
        k += 1;
    }
    if let Some(us) = unknown_start {
        unknown(p, us, b, sc);
    }
}

/// "the Hyundai Tucson", "a Toyota Tacoma": a maker's name, then a town,
/// at `k` and `k + 1`, names a model (a product), neither the company nor
/// the town.
fn maker_and_model(p: &Para, k: usize) -> bool {
    let lx = Lexicon::get();
    let known = |k: usize| {
        gaz_at(p, k, k + 1)
            .filter(|&(_, n)| n == 1)
            .map(|(gi, _)| lx.entry(p.gaz[gi].entry))
    };
    !p.title_case
        && matches!(
            (known(k), known(k + 1)),
            (Some(maker), Some(town)) if maker.subkind == "company"
                && town.kind == EntityKind::Location
                && town.subkind == "city"
        )
}
