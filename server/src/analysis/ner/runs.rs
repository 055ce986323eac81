//! One run of capitalised words split into its names: "and" between two
//! names, a person "of" the body they belong to, a role before a name
//! ("NATO Secretary General" + "Jens Stoltenberg"), then segmentation
//! ([`segment`]).

use super::classify::*;
use super::common_words::{is_common, is_english_word};
use super::cues::{self, is_in};
use super::lexicon::Lexicon;
use super::names::*;
use super::roles::*;
use super::Candidate;
use crate::analysis::model::RoleAttr;
use crate::analysis::text::tokens::TokenKind;
pub(super) fn run(p: &mut Para, mut a: usize, b: usize, sc: &mut Scan) {
    let lx = Lexicon::get();
    // "Hurricane Delia", "Tropical Storm Ana", "Typhoon Haiyan": a storm's
    // name (one word after the storm word) is neither a person nor a
    // place; "Storm Prediction Center" is a body.
    if b >= 2
        && (a..b - 1).contains(&(b - 2))
        && b - 2 <= a + 1
        && matches!(
            lower(p, b - 2),
            "hurricane" | "typhoon" | "cyclone" | "storm" | "superstorm"
        )
    {
        return;
    }
    // "Jake Sullivan and Jens Stoltenberg": "and" joins two names, not one,
    // unless the whole is an organisation or a known name spans it.
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| lower(p, k) == "and") {
        let spanned = p
            .gaz
            .iter()
            .any(|g| g.start < p.toks[k].start && p.toks[k].end < g.end);
        let whole_known =
            |x: usize, y: usize| y > x && gaz_at(p, x, y).is_some_and(|(_, n)| n == y - x);
        // "Civic Party and Wong Pik-wan of ...": a body's full name before
        // "and", or a person's after it, ends the first name.
        let left_body = k >= a + 2 && is_in(cues::ORG_HEADS, lower(p, k - 1));
        let right_person = k + 2 < b && person_start(p, k + 1);
        if !spanned
            && !ordinary_words_before_a_head(p, a, k, b)
            && (!org_shaped(p, a, b)
                || whole_known(a, k)
                || whole_known(k + 1, b)
                || left_body
                || right_person)
        {
            run(p, a, k, sc);
            run(p, k + 1, b, sc);
            return;
        }
    }
    // "Adam Air Flight 574", "Garuda Indonesia Flight 200": the words before
    // "Flight" and its number are the airline.
    if (a + 2..=a + 5).contains(&b)
        && lower(p, b - 1) == "flight"
        && b < p.toks.len()
        && word(p, b).starts_with(|c: char| c.is_ascii_digit())
        && !p.title_case
    {
        let mut c = Candidate::new(
            p.toks[a].start,
            p.toks[b - 2].end,
            crate::analysis::model::EntityKind::Organization,
            0.8,
        );
        c.gaz = gaz_at(p, a, b - 1)
            .filter(|&(_, n)| n == b - 1 - a)
            .map(|(gi, _)| p.gaz[gi].entry)
            .filter(|&g| lx.entry(g).kind == crate::analysis::model::EntityKind::Organization);
        sc.out.push(c);
        return;
    }
    if p.title_case {
        // Headline capitals and text in capitals: no titles, cues or name
        // shapes to read, only known names; the rest waits for the
        // document and folder passes.
        segment(p, a, b, sc, false);
        return;
    }
    // "Gudaru Local Government Area", "Kwande Local Government", "Obolo
    // LGA": Nigeria's districts, named by a town's name and the title of
    // the council that runs them; a place, though "Government" heads bodies.
    if let Some(k) = local_government_area(p, a, b) {
        let from = (a..k)
            .rev()
            .find(|&t| lower(p, t) == "of")
            .map_or(a, |t| t + 1);
        if from < k {
            if from > a + 1 {
                run(p, a, from - 1, sc);
            }
            let (s, e) = (p.toks[from].start, p.toks[b - 1].end);
            sc.out.push(Candidate::new(
                s,
                e,
                crate::analysis::model::EntityKind::Location,
                0.8,
            ));
            return;
        }
    }
    // "Alvin Yeung of Civic Party": a person's name, then the body they
    // belong to, is two names.
    // So is "Judge Helen Carter of Southwark Crown Court": a title, the
    // person's name, then the body.
    if let Some(k) = (a + 2..b.saturating_sub(1)).find(|&k| lower(p, k) == "of") {
        let title = title_at(p, a, k);
        let s = if title > 0 && title + 2 <= k - a {
            a + title
        } else {
            a
        };
        // (After a title, a name the lexicon lacks is still a name:
        // "Justice Amara Obi of the Federal High Court".)
        let titled_name = s > a && (s..k).all(|t| !is_common(lower(p, t)));
        let person_like = (person_start(p, s) || titled_name)
            && k - s <= 3
            && (s..k).all(|t| {
                let w = lower(p, t);
                starts_upper(word(p, t))
                    && !is_in(cues::ORG_HEADS, w)
                    && !is_in(cues::ORG_LEADS, w)
                    && title_at(p, t, k) == 0
                    // (After a title a name may be a place's too: "Justice
                    // Ngozi Adeyemi", Ngozi being a town.)
                    && (s > a || gaz_at(p, t, k).is_none())
            });
        if person_like {
            run(p, a, k, sc);
            run(p, k + 1, b, sc);
            return;
        }
    }
    let mut person_cue = false;
    // Honorific right before the run: "Mr. Smith".
    if a >= 1 && is_in(cues::HONORIFICS, lower(p, a - 1).trim_end_matches('.')) {
        person_cue = true;
    }
    if a >= 2 && word(p, a - 1) == "." && is_in(cues::HONORIFICS, lower(p, a - 2)) {
        person_cue = true;
    }
    // Strip leading honorifics, qualifiers and function words.
    let mut run_qualifier = None;
    while a < b {
        let l = lower(p, a);
        if b - a > 1 {
            if let Some(q) = cues::qualifier(l) {
                if l != "new" {
                    run_qualifier = Some(q);
                    a += 1;
                    continue;
                }
            }
        }
        if is_in(cues::HONORIFICS, l) {
            person_cue = true;
            a += 1;
            continue;
        }
        // "LA Weekly": a particle in capitals is an abbreviation.
        let caps = word(p, a).len() > 1 && word(p, a).chars().all(|c| !c.is_lowercase());
        let conn = !caps && (is_in(CONNECTORS, l) || is_in(cues::NAME_PARTICLES, l));
        // "Al Jazeera": a particle that starts a known name stays; so does
        // one that is a given name ("Ben Chan").
        // So does a capitalised one that is a given name on its own ("met
        // Ben", "Like Ben, I"): particles inside names are lower case.
        let starts_known = gaz_at(p, a, b).is_some()
            || (starts_upper(word(p, a)) && lx.is_given_name(word(p, a)) && !joined_on(p, a));
        if (conn && !starts_known && !place_article_opens(p, a, b))
            || (is_common(l) && gaz_at(p, a, b).is_none() && !lx.is_given_name(word(p, a)))
        {
            a += 1;
            continue;
        }
        // "Shares of Lehman Brothers rose", "Employees of Halvard Shipping
        // Company": an ordinary word that opens the sentence, then "of",
        // is no part of the body named after it; "Ministry of ..." and
        // "Bank of ..." are. (A wire dateline's dash opens the sentence
        // too: "NEW YORK (Reuters) - Shares of ...".)
        let opens = a == sc.ts
            || (a > sc.ts && matches!(word(p, a - 1), "-" | "--" | ":" | "\u{2014}" | "\u{2013}"));
        if opens
            && a + 2 < b
            && lower(p, a + 1) == "of"
            && (sc.lower_words.contains(l) || is_english_word(l))
            && !lx.is_given_name(word(p, a))
            && (org_shaped(p, a + 2, b)
                || (a + 2..b).any(|k| super::word_shapes::foreign_body_word(lower(p, k))))
            && !is_in(cues::ORG_LEADS, l)
            && !is_in(cues::ORG_HEADS, l)
            && !is_in(cues::PLACE_HEADS, l)
            && gaz_at(p, a, b).is_none()
        {
            a += 2;
            continue;
        }
        break;
    }
    // Trailing connectors.
    let mut b = b;
    while b > a && {
        let l = lower(p, b - 1);
        is_in(CONNECTORS, l)
            || (is_in(cues::NAME_PARTICLES, l)
                && !(starts_upper(word(p, b - 1))
                    && lx.is_given_name(word(p, b - 1))
                    && !joined_on(p, b - 1)))
    } {
        b -= 1;
    }
    if a >= b {
        return;
    }

    // "Chrysler LLC Jim Press": a body's name, then a person's, with
    // nothing between them.
    if let Some(q) = (a + 1..b.saturating_sub(1)).find(|&q| {
        is_in(cues::ORG_HEADS, lower(p, q - 1).trim_end_matches('.'))
            && given_name_person(p, q, b) == b - q
    }) {
        run(p, a, q, sc);
        person(p, q, b, Vec::new(), 0.85, sc.out);
        return;
    }
    // A known name covering the whole run wins over any title word in it
    // ("General Motors", "Prime Video").
    if gaz_at(p, a, b).is_some_and(|(_, n)| n == b - a) {
        segment(p, a, b, sc, false);
        return;
    }
    // "St. Louis Cardinals", "the Ottawa Senators": a known place, then
    // the plural of a title ending the run, is a team's nickname (a title
    // stands before a name, in the singular).
    // Alone ("the Cardinals were knocked out"), such a plural waits for
    // the document and the folder, which know the team's nickname.
    let lone_plural = b == a + 1 && {
        let w = lower(p, a);
        w.len() > 4 && w.ends_with('s') && !w.ends_with("ss")
    };
    if lone_plural && !p.title_case && title_at(p, a, b) > 0 {
        sc.pending.push(Pending {
            start: p.toks[a].start,
            end: p.toks[a].end,
            sentence_initial: a == sc.ts,
            weak_person: false,
            hint: None,
            head_alias: false,
            headline: false,
        });
        return;
    }
    if b >= a + 2 && title_at(p, b - 1, b) > 0 {
        let words: Vec<&str> = (a..b).map(|k| word(p, k)).collect();
        if super::sports::team_nickname(&words).is_some() {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            sc.out.push(Candidate::new(
                s,
                e,
                crate::analysis::model::EntityKind::Organization,
                0.8,
            ));
            return;
        }
    }
    // A role inside the run: "NATO Secretary General | Jens Stoltenberg".
    let mut role_end = None;
    let mut first_title = None;
    let mut k = a;
    while k < b {
        let n = title_at(p, k, b);
        if n > 0 {
            first_title.get_or_insert(k);
            if k + n < b && title_at(p, k + n, b) == 0 {
                role_end = Some(k + n);
            }
            k += n;
        } else {
            k += 1;
        }
    }
    // Names inside a title are mentions too ("NATO Secretary General",
    // "US President"), even when the title list spells them out.
    if let Some(ft) = first_title {
        let role_toks_end = role_end.unwrap_or(b);
        let (rs, re_) = (p.toks[ft].start, p.toks[role_toks_end - 1].end);
        for g in p
            .gaz
            .iter()
            .filter(|g| !g.contextual && g.start >= rs && g.end <= re_)
        {
            let mut c = Candidate::new(g.start, g.end, lx.entry(g.entry).kind, 0.9);
            c.gaz = Some(g.entry);
            sc.out.push(c);
        }
    }
    let lead_role = leading_role(p, a);
    // "President of the United States": what follows a title after "of"
    // completes the role; there is no name.
    if let Some(re) = role_end {
        if matches!(lower(p, re), "of" | "for" | "to" | "on") {
            let ft = first_title.unwrap_or(a);
            if ft > a {
                segment(p, a, ft, sc, false);
            }
            // ... unless a person's name ends the run: "Minister of
            // Education Stefania Giannini", "Secretary of the Air Force for
            // Acquisition Darleen Druyun".
            let name = (re + 2..b.saturating_sub(1)).find(|&q| given_name_person(p, q, b) == b - q);
            let body = re + 1;
            let Some(q) = name else {
                segment(p, body, b, sc, false);
                return;
            };
            // The body ends before its portfolio ("the Air Force | for
            // Acquisition").
            let body_end = (re + 2..q)
                .find(|&f| {
                    matches!(lower(p, f), "for" | "on") && is_in(cues::ORG_HEADS, lower(p, f - 1))
                })
                .unwrap_or(q);
            segment(p, body, body_end, sc, false);
            let rs = p.toks[ft].start;
            let role = RoleAttr {
                start: rs,
                end: p.toks[q - 1].end,
                text: p.text[rs..p.toks[q - 1].end].to_string(),
                qualifier: run_qualifier,
            };
            person(p, q, b, vec![role], 0.9, sc.out);
            return;
        }
    }
    // "General Motors", "Commercial Airplanes Division": the words after
    // a title-like word name an organisation, not a person.
    if let (Some(re), Some(ft)) = (role_end, first_title) {
        let last = lower(p, b - 1);
        // ("Major League Baseball": a body's head right after the
        // title-like word says so too.)
        // (Not a known name: "General Motors" keeps its entry below.)
        if ft == a
            && re < b
            && is_in(cues::ORG_HEADS, lower(p, re))
            && b - a <= 5
            && gaz_at(p, a, b).is_none()
        {
            let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
            sc.out.push(Candidate::new(
                s,
                e,
                crate::analysis::model::EntityKind::Organization,
                0.8,
            ));
            return;
        }
        if ft == a && last.split('-').any(|x| is_in(cues::ORG_HEADS, x)) {
            segment(p, a, b, sc, false);
            return;
        }
        let _ = re;
    }
    if let (Some(re), Some(ft)) = (role_end, first_title) {
        // Name part: trim gazetteer words a title list missed
        // ("Commander Europe | Christopher Cavoli").
        let mut ns = re;
        while ns + 2 <= b {
            // "Senator Lincoln Carter": a known place that is also a given
            // name, before one more name word, starts the person's name.
            let next_is_name =
                (lx.is_given_name(word(p, ns + 1)) && !lx.is_given_name(word(p, ns))) || ns + 2 < b;
            match gaz_at(p, ns, b) {
                Some((_, n)) if n == 1 && next_is_name && ns + 1 < b => ns += 1,
                _ => break,
            }
        }
        // Modifiers of the role ("NATO", "US", "White House") are mentions too.
        // "Aer Lingus Chief Executive Dermot Mannion", "Zentrix CEO Ana
        // Ruiz": a name no list knows before a company's office is the
        // company, not a person or a place.
        let corporate = matches!(
            lower(p, ft),
            "ceo"
                | "cfo"
                | "coo"
                | "cto"
                | "chief"
                | "chairman"
                | "chairwoman"
                | "founder"
                | "co-founder"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "managing"
        );
        let unknown_body = ft > a
            && (a..ft).all(|k| gaz_at(p, k, ft).is_none() && starts_upper(word(p, k)))
            && !lx.is_given_name(word(p, a))
            && !p.title_case;
        if corporate && unknown_body {
            sc.out.push(Candidate::new(
                p.toks[a].start,
                p.toks[ft - 1].end,
                crate::analysis::model::EntityKind::Organization,
                0.8,
            ));
        } else {
            segment(p, a, ft, sc, false);
        }
        let (role_start, mut qualifier) = match &lead_role {
            Some((s, q)) => (*s, *q),
            // A lower-case qualifier right before the run: "former NATO
            // Secretary General Jens Stoltenberg".
            None => (
                p.toks[a].start,
                (a > 0 && p.toks[a - 1].kind == TokenKind::Word)
                    .then(|| cues::qualifier(lower(p, a - 1)))
                    .flatten(),
            ),
        };
        if let Some((_, q)) = qualifier_prefix(word(p, a)) {
            qualifier = Some(q);
        }
        qualifier = qualifier.or(run_qualifier);
        let role_text_start = match qualifier_prefix(word(p, a)) {
            Some((n, _)) if role_start == p.toks[a].start => role_start + n,
            _ => role_start,
        };
        let role = RoleAttr {
            start: role_text_start,
            end: p.toks[ns - 1].end,
            text: p.text[role_text_start..p.toks[ns - 1].end].to_string(),
            qualifier,
        };
        if ns > re {
            segment(p, re, ns, sc, false);
        }
        person(p, ns, b, vec![role], 0.95, sc.out);
        return;
    }
    if let (Some(ft), None) = (first_title, role_end) {
        // Only titles ("Defence Ministers", "President"): no entity, but the
        // modifiers before them may be ("NATO Defence Ministers").
        if ft > a {
            segment(p, a, ft, sc, false);
        }
        return;
    }
    if let Some((rs, q)) = lead_role {
        // Lower-case role before the run: "military expert Alexander Stepanov".
        let role = RoleAttr {
            start: rs,
            end: p.toks[a - 1].end,
            text: p.text[rs..p.toks[a - 1].end].to_string(),
            qualifier: q,
        };
        // The name stops at a connector: "legislator Ann Chiang | of DAB".
        let name_end = (a..b)
            .find(|&k| is_in(CONNECTORS, lower(p, k)))
            .unwrap_or(b);
        let n = name_end - a;
        if (1..=4).contains(&n) && gaz_at(p, a, name_end).is_none_or(|(_, gl)| gl < n) {
            person(p, a, name_end, vec![role], 0.9, sc.out);
            if name_end + 1 < b {
                segment(p, name_end + 1, b, sc, false);
            }
            return;
        }
    }
    segment(p, a, b, sc, person_cue);
}

/// Does a person's name start at token `k`: a given name followed by a
/// capitalised word, or a name written with a romanised two-syllable given
/// name ("Leung Yiu-chung", "Wong Pik-wan")?
pub(super) fn person_start(p: &Para, k: usize) -> bool {
    if k + 1 >= p.toks.len() || !starts_upper(word(p, k + 1)) {
        return false;
    }
    let romanised = |w: &str| {
        let mut parts = w.splitn(2, '-');
        let (Some(x), Some(y)) = (parts.next(), parts.next()) else {
            return false;
        };
        starts_upper(x)
            && x.chars().skip(1).all(|c| c.is_ascii_lowercase())
            && !y.is_empty()
            && y.chars().all(|c| c.is_ascii_lowercase())
            && x.len() <= 5
            && y.len() <= 5
    };
    Lexicon::get().is_given_name(word(p, k)) || romanised(word(p, k + 1))
}

/// "Al - Maeena", "Al-Haram": a particle joined by a hyphen to what
/// follows is the article of the next word, not a given name.
fn joined_on(p: &Para, k: usize) -> bool {
    p.toks
        .get(k + 1)
        .is_some_and(|t| matches!(t.text(p.text), "-" | "\u{2010}" | "\u{2011}"))
}

/// Where "Local Government Area" (or "Local Government", "LGA") ends the
/// run `[a, b)` after at least one other capitalised word: the index of
/// the suffix's first word.
fn local_government_area(p: &Para, a: usize, b: usize) -> Option<usize> {
    let k = match lower(p, b - 1) {
        "lga" => b - 1,
        "area" if b >= a + 4 && lower(p, b - 3) == "local" && lower(p, b - 2) == "government" => {
            b - 3
        }
        "government" if b >= a + 3 && lower(p, b - 2) == "local" => b - 2,
        _ => return None,
    };
    (k > a
        && starts_upper(word(p, k - 1))
        && !is_common(lower(p, k - 1))
        && !super::group_words::is_group_word(word(p, k - 1)))
    .then_some(k)
}

/// "La Désirade", "El Alto", "Le Havre": a capitalised article of another
/// language opening the run, before a capitalised word that is no given
/// name, belongs to the name (inside a person's name the particle follows
/// the given name: "Marine Le Pen").
fn place_article_opens(p: &Para, a: usize, b: usize) -> bool {
    // After a place preposition the article opens a place even before a
    // word that is a given name too ("near La Rochelle").
    let after_place_prep = a > 0 && is_in(cues::PLACE_PREPS, lower(p, a - 1));
    a + 1 < b
        && super::word_shapes::foreign_article(word(p, a))
        && starts_upper(word(p, a + 1))
        && (after_place_prep || !Lexicon::get().is_given_name(word(p, a + 1)))
}

/// "the National Air and Space Museum", "the Arts and Crafts Centre":
/// ordinary words before "and" (at `k`) name no one on their own, so when
/// a body's or a building's head ends the run `[a, b)`, they belong to
/// that one name ("Jake Sullivan and Jens Stoltenberg" stay two).
pub(super) fn ordinary_words_before_a_head(p: &Para, a: usize, k: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    let last = lower(p, b - 1);
    (1..=3).contains(&(k - a))
        && b >= k + 3
        && (is_in(cues::NEVER_SURNAME_HEADS, last)
            || super::word_shapes::no_surname_place_head(last))
        && (a..k).all(|t| {
            starts_upper(word(p, t))
                && is_english_word(lower(p, t))
                && !lx.is_given_name(word(p, t))
                && gaz_at(p, t, t + 1).is_none()
        })
        && gaz_at(p, a, k).is_none()
        && !is_in(cues::NEVER_SURNAME_HEADS, lower(p, k - 1))
        && !is_in(cues::ORG_HEADS, lower(p, k - 1))
        && !is_in(cues::PLACE_HEADS, lower(p, k - 1))
        && !super::word_shapes::no_surname_place_head(lower(p, k - 1))
        && !(a..k).any(|t| super::group_words::is_group_word(word(p, t)))
}
