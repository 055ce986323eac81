//! Classifying what the gazetteers do not know: organisation and place
//! heads, acronyms and their expansions, appositions ("Clay, an American
//! military base"), cue words before and after a name.
use crate::analysis::text::tokens::TokenKind;
use rustc_hash::FxHashMap;

use super::acronyms::*;
use super::common_words::{is_common, is_english_word};
use super::cues::{self, is_in};
use super::lexicon::{GazHit, Lexicon};
#[allow(unused_imports)]
use super::names::*;
use super::Candidate;
#[allow(unused_imports)]
use super::{consistency::*, roles::*};
use crate::analysis::model::EntityKind;

/// Gazetteer names glued to a preceding lower-case word ("statedNATO") or
/// inside a hyphenated token ("US-led", "NATO-Ukraine") are not reachable
/// through token runs; emit them directly.
pub(super) fn glued_hits(p: &mut Para, out: &mut Vec<Candidate>) {
    let lx = Lexicon::get();
    let mut by_token: FxHashMap<usize, Vec<GazHit>> = FxHashMap::default();
    for g in &p.gaz {
        if g.contextual {
            continue;
        }
        let ti = p.toks.partition_point(|t| t.end <= g.start);
        let Some(t) = p.toks.get(ti) else { continue };
        let inside = t.start < g.start || g.end < t.end;
        if inside && t.start <= g.start && g.end <= t.end {
            by_token.entry(ti).or_default().push(*g);
        }
    }
    for (ti, hits) in by_token {
        let t = p.toks[ti];
        let w = t.text(p.text);
        let lw = w.to_lowercase();
        // "then-NATO" starts a role: it stays in runs.
        if lw.starts_with("then-") || lw.starts_with("ex-") {
            continue;
        }
        // Capitalised parts of a hyphenated token that no hit covers
        // ("Group-Ukraine"): the token belongs to a longer name.
        let glued = hits.iter().any(|h| {
            h.start > t.start
                && p.text[..h.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase())
        });
        // Parts between hyphens, with their absolute offsets (the hyphen
        // may be a multi-byte U+2010).
        let mut uncovered = Vec::new();
        let mut part_start = 0;
        for (i, ch) in w.char_indices().chain(std::iter::once((w.len(), '-'))) {
            if matches!(ch, '-' | '\u{2010}' | '\u{2011}') {
                uncovered.push((t.start + part_start, &w[part_start..i]));
                part_start = i + ch.len_utf8();
            }
        }
        let mut part_uncovered = false;
        for (s, part) in uncovered {
            let cap = part.chars().next().is_some_and(|c| c.is_uppercase());
            if cap && !hits.iter().any(|h| h.start <= s && s + part.len() <= h.end) {
                part_uncovered = true;
            }
        }
        if part_uncovered && !glued {
            continue;
        }
        for h in hits {
            let mut c = Candidate::new(h.start, h.end, lx.entry(h.entry).kind, 0.85);
            c.gaz = Some(h.entry);
            out.push(c);
        }
        p.blocked[ti] = true;
    }
}

/// Known names written in lower case ("dpa", "al-Qaeda") never start a run
/// of capitalised words; take them straight from the gazetteer.
pub(super) fn lowercase_hits(p: &mut Para, out: &mut Vec<Candidate>) {
    let lx = Lexicon::get();
    for g in &p.gaz {
        if g.contextual
            || p.text[g.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let ti = p.toks.partition_point(|t| t.start < g.start);
        if p.toks
            .get(ti)
            .is_none_or(|t| t.start != g.start || p.blocked[ti])
        {
            continue;
        }
        let mut c = Candidate::new(g.start, g.end, lx.entry(g.entry).kind, 0.85);
        c.gaz = Some(g.entry);
        out.push(c);
        block_range(&p.toks, &mut p.blocked, g.start, g.end);
    }
}

/// A run that names an organisation as a whole even if it contains a place
/// or an organisation: it ends in an organisation head ("Ukraine Defense
/// Contact Group", "US Armed Forces"), or a head is followed by a
/// connector ("Contact Group on Defence of Ukraine", "Ministry of Defence").
pub(super) fn org_shaped(p: &Para, a: usize, b: usize) -> bool {
    if b - a < 2 {
        return false;
    }
    // "Museum of Tidal Power": in "<head> of <words>" the head before "of"
    // names the thing, not the last word (a company head like "Power").
    if let Some(k) = (a + 1..b - 1).find(|&k| lower(p, k) == "of") {
        let head = lower(p, k - 1);
        if is_in(cues::PLACE_HEADS, head) && !is_in(cues::ORG_HEADS, head) {
            return false;
        }
    }
    let last = lower(p, b - 1);
    if last.split('-').any(|x| is_in(cues::ORG_HEADS, x)) && !is_common_head_only(p, a, b) {
        return true;
    }
    // "Corinth United", "Bristol Rovers": a club's name.
    if matches!(
        last,
        "united" | "rovers" | "wanderers" | "athletic" | "albion" | "hotspur" | "fc" | "afc"
    ) && !is_common(lower(p, a))
    {
        return true;
    }
    // "Cisco System": a brand and a company head in the singular; an
    // ordinary word before "System" names a thing ("Tax System").
    if last == "system" && b - a == 2 && !is_english_word(lower(p, a)) {
        return true;
    }
    (a..b - 1).any(|k| {
        let w = lower(p, k);
        (is_in(cues::ORG_HEADS, w) || is_in(cues::ORG_LEADS, w))
            && matches!(lower(p, k + 1), "of" | "on" | "for")
            && starts_upper(word(p, k))
    })
}

/// "Pell & Ward", "Marks & Spencer": an ampersand joins the partners of a
/// firm in a run of capitalised words and nothing else (places joined so,
/// "Trinidad & Tobago", are not one).
pub(super) fn ampersand_firm(p: &Para, a: usize, b: usize) -> bool {
    if b < a + 3 {
        return false;
    }
    let lx = Lexicon::get();
    let place = |k: usize| {
        gaz_at(p, k, k + 1)
            .is_some_and(|(gi, _)| lx.entry(p.gaz[gi].entry).kind == EntityKind::Location)
    };
    let amp = |k: usize| word(p, k) == "&";
    // "Evergreen Aviation & Space Museum": a building's head ends it.
    let building =
        is_in(cues::PLACE_HEADS, lower(p, b - 1)) && !is_in(cues::ORG_HEADS, lower(p, b - 1));
    !building
        && (a + 1..b - 1).any(|k| amp(k) && !place(k - 1) && !place(k + 1))
        && (a..b).all(|k| amp(k) || (starts_upper(word(p, k)) && !is_in(CONNECTORS, lower(p, k))))
}

/// Kinds of place a "Center" can be: a building or site people go to
/// ("Kennedy Space Center", "Metro Toronto Convention Centre"), not a body
/// ("Center for Strategic Studies", "Pew Research Center").
const FACILITY_CENTER_KINDS: &[&str] = &[
    "space",
    "convention",
    "science",
    "art",
    "arts",
    "visitor",
    "visitors",
    "shopping",
    "trade",
    "conference",
    "exhibition",
    "events",
    "community",
    "sports",
    "aquatic",
    "aquatics",
    "performing",
    "cultural",
    "civic",
    "heritage",
    "rocket",
    "flight",
    "detention",
    "distribution",
    "data",
    "processing",
    "recreation",
    "nature",
];

/// A run `[a, b)` ending in "Center"/"Centre" that names a facility (a
/// location), by the kind of centre the word before says it is.
pub(super) fn facility_center(p: &Para, a: usize, b: usize) -> bool {
    b >= a + 2
        && matches!(lower(p, b - 1), "center" | "centre")
        && is_in(FACILITY_CENTER_KINDS, lower(p, b - 2))
        && !(a..b).any(|k| matches!(lower(p, k), "of" | "for" | "on"))
}

/// "The Group": a head with nothing but function words before it.
pub(super) fn is_common_head_only(p: &Para, a: usize, b: usize) -> bool {
    (a..b - 1).all(|k| is_common(lower(p, k)))
}

pub(super) fn unknown(p: &mut Para, a: usize, b: usize, sc: &mut Scan) {
    let (ts, lower_words) = (sc.ts, sc.lower_words);
    // Trim connectors at the edges.
    let (mut a, mut b) = (a, b);
    while a < b && !starts_upper(word(p, a)) && qualifier_prefix(word(p, a)).is_none() {
        a += 1;
    }
    while b > a && !starts_upper(word(p, b - 1)) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let words: Vec<String> = (a..b).map(|k| lower(p, k).to_string()).collect();
    let last = words.last().unwrap().clone();
    let last_parts: Vec<&str> = last.split('-').collect();
    let has_conn = words.iter().any(|w| is_in(CONNECTORS, w));
    // A head inside a hyphenated word counts when written as a name's
    // ("Boeing-Air Force"), not in a compound ("Asset-management").
    let org_head = (a..b).any(|k| {
        word(p, k)
            .split('-')
            .enumerate()
            .any(|(i, x)| (i == 0 || starts_upper(x)) && is_in(cues::ORG_HEADS, &x.to_lowercase()))
    });
    let org_lead = is_in(cues::ORG_LEADS, &words[0]) && words.iter().any(|w| w == "of");
    // "Museum of Flight", "Gulf of Mexico", "Palace of Westminster": a
    // place's head, "of", and what names it.
    let place_lead = b - a >= 3
        && is_in(cues::PLACE_HEADS, &words[0])
        && words[1] == "of"
        && !org_lead
        && starts_upper(word(p, a));
    let before = (a > 0).then(|| lower(p, a - 1));
    let before2 = (a > 1).then(|| lower(p, a - 2));
    let (s, e) = (p.toks[a].start, p.toks[b - 1].end);
    let n = b - a;

    if clock_zone(p, a, b) {
        return;
    }
    // The head before "of" decides: "Museum of Tidal Power" is a place
    // though "Power" ends company names.
    if place_lead && !is_in(cues::ORG_HEADS, &words[0]) {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Location, 0.75));
        return;
    }
    // "Evergreen Aviation & Space Museum", "Harbor Arts & Crafts Hall": an
    // ampersand inside a building's name, which its head ends.
    if n >= 3
        && words.iter().any(|w| w == "&")
        && is_in(cues::PLACE_HEADS, &last)
        && !is_in(cues::ORG_HEADS, &last)
    {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Location, 0.75));
        return;
    }
    // "the Ninth Circuit", "the Sixth Fleet", "the Third Reich": a body
    // an ordinal opens; any other run so opened names no person ("the
    // Thirteenth Night"), and is left to the place heads above.
    if n >= 2 && !has_conn && super::word_shapes::is_ordinal(&words[0]) {
        let ws: Vec<&str> = words.iter().map(String::as_str).collect();
        if super::word_shapes::ordinal_body(&ws) {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.75));
        }
        return;
    }
    // "near La Désirade", "flights from El Alto", "the town of Les
    // Saintes": an article of another language opening a name no list
    // knows, after a place preposition or a place's type, is a place;
    // elsewhere ("Le Pen said") the other rules decide.
    if n >= 2 && !has_conn && super::word_shapes::foreign_article(word(p, a)) {
        let place_cue = before.is_some_and(|w| {
            is_in(cues::PLACE_PREPS, w)
                || is_in(cues::PLACE_INTRO, w)
                || (w == "of" && before2.is_some_and(|w2| is_in(cues::PLACE_INTRO, w2)))
        }) || cues::route_to(before, before2);
        if place_cue && !org_head && !org_lead {
            sc.out.push(Candidate::new(s, e, EntityKind::Location, 0.7));
            return;
        }
    }
    let joined_by_head = (a + 1..b)
        .find(|&k| lower(p, k) == "and")
        .is_some_and(|k| super::runs::ordinary_words_before_a_head(p, a, k, b));
    if has_conn && !(org_head || org_lead) && !joined_by_head {
        // "Biden and Trump": classify the parts separately.
        let mut k = a;
        while k < b {
            let mut j = k;
            while j < b && !is_in(CONNECTORS, lower(p, j)) {
                j += 1;
            }
            if j > k {
                unknown(p, k, j, sc);
            }
            k = j + 1;
        }
        return;
    }
    // Parenthetical acronym after this stretch.
    parenthetical_acronym(p, b, s, sc.out);

    if p.title_case {
        // Headlines in title case (and all-caps text) capitalise
        // everything: only the document and the folder may confirm these
        // words. Each word waits on its own; the document pass joins
        // neighbours back into the longest name it knows ("Jens
        // Stoltenberg Says ..." -> "Jens Stoltenberg").
        for k in a..b {
            if p.toks[k].kind != TokenKind::Word {
                continue;
            }
            sc.pending.push(Pending {
                start: p.toks[k].start,
                end: p.toks[k].end,
                sentence_initial: k == ts,
                weak_person: false,
                hint: None,
                head_alias: false,
                headline: true,
            });
        }
        return;
    }
    // "Kiryandongo district", "Sittaung river": a name, then a lower-case
    // place type word. Generic words ("Western province", "Water district")
    // are left to the other rules.
    if let Some(t) = p.toks.get(b) {
        let w = t.text(p.text);
        if t.kind == TokenKind::Word
            && w.starts_with(|c: char| c.is_lowercase())
            && is_in(cues::PLACE_TYPES_AFTER, w)
            && !(a..b).all(|k| is_english_word(lower(p, k)))
            && !org_head
            && !(a..b).any(|k| super::group_words::is_group_word(word(p, k)))
            && !town_event_after(p, b)
        {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Location, 0.75));
            return;
        }
    }
    // "Thai Airways International": a head, then the company's scope.
    let scope_suffix = matches!(last.as_str(), "international" | "worldwide" | "global");
    if org_lead
        || (org_head
            && (last_parts.iter().any(|x| is_in(cues::ORG_HEADS, x)) || has_conn || scope_suffix))
    {
        // A head alone ("Security", "Group") is a word, not a name; but
        // "the Church" can stand for the one church the document names.
        if n == 1 && (is_common(&last) || is_english_word(&last)) {
            if before == Some("the") {
                sc.pending.push(Pending {
                    start: s,
                    end: e,
                    sentence_initial: false,
                    weak_person: false,
                    hint: None,
                    head_alias: true,
                    headline: false,
                });
            }
            return;
        }
        let kind = if facility_center(p, a, b) {
            EntityKind::Location
        } else {
            EntityKind::Organization
        };
        sc.out.push(Candidate::new(s, e, kind, 0.8));
        return;
    }
    // "Ellery Township School District": a school board, not an area.
    if n >= 2 && last == "district" && words[n - 2] == "school" {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
        return;
    }
    if n >= 2
        && (last_parts.iter().any(|x| is_in(cues::PLACE_HEADS, x))
            || super::word_shapes::no_surname_place_head(&last))
    {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Location, 0.75));
        return;
    }
    // "Fort Lee", "Lake Erie", "Mount Kenya", "Port Hutt": a place word
    // before a name (never a person's, whatever the rest says).
    if n >= 2 && is_in(cues::PLACE_LEADS, &words[0]) && !is_in(cues::PLACE_LEADS, &words[1]) {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Location, 0.75));
        return;
    }
    let intro = match (before, before2) {
        (Some("of"), Some(w)) => Some(w.to_string()),
        (Some(w), _) => Some(w.to_string()),
        _ => None,
    };
    if let Some(w) = intro.as_deref() {
        if is_in(cues::PLACE_INTRO, w) {
            sc.out.push(Candidate::new(s, e, EntityKind::Location, 0.8));
            return;
        }
        if is_in(cues::ORG_INTRO, w) && before != Some("of") {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            return;
        }
    }
    // "Jasieniec (Poland)", "Wiesbaden, Germany", "Clay, an American military base"
    if let Some(kind) = apposition_kind(p, b) {
        // "Skylane, the budget carrier": an organisation's apposition is
        // as sure as a head in its name, and the word is then a name the
        // folder learns (confidence 0.8, see `resolve_pending`).
        let conf = if kind == EntityKind::Organization {
            0.8
        } else {
            0.75
        };
        sc.out.push(Candidate::new(s, e, kind, conf));
        return;
    }
    let first_word = word(p, a);
    // Unknown acronyms name organisations when they have three or more
    // letters and no digits ("NTV", not "IE6", "IQ").
    if n == 1
        && is_acronym(first_word)
        && first_word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !first_word.chars().any(|c| c.is_ascii_digit())
        && !is_in(cues::NOT_NAME_ACRONYMS, &first_word.to_lowercase())
        && !credit_grade(p, a, ts, sc.te)
        && !super::short_capitals::shouted_word(first_word, lower_words)
    {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Organization, 0.7));
        return;
    }
    let next = next_word_lower(p, b);
    let sentence_initial = a == ts;
    // "Renee," on a line of its own, "Hi Julie,", "Catriona is well".
    if n == 1
        && (super::first_names::addressed_alone(p, a, ts, sc.te)
            || (sentence_initial && super::first_names::opens_as_subject(p, a, sc.te)))
    {
        sc.out.push(Candidate::new(s, e, EntityKind::Person, 0.6));
        return;
    }
    if n == 1 && sentence_initial && lower_words.contains(&first_word.to_lowercase()) {
        return;
    }
    if let Some(nx) = next.as_deref() {
        if is_in(cues::SOURCE_VERBS, nx) && n <= 2 {
            // "Eviralnews, citing NTV": a source, unless the document names
            // a person with that word ("Rathbun cited ...").
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Organization,
            ));
            return;
        }
        if is_in(cues::PERSON_VERBS, nx)
            && (2..=3).contains(&n)
            && !super::name_shapes::plural_thing(p, a, b)
        {
            sc.out.push(Candidate::new(s, e, EntityKind::Person, 0.7));
            return;
        }
    }
    if matches!(before, Some("source")) && a >= 2 && word(p, a - 1) == ":" {
        sc.out
            .push(Candidate::new(s, e, EntityKind::Organization, 0.6));
        return;
    }
    // "Quillon Dairies", "Kestrel Kitchens": a name no list knows, then
    // the plural of an ordinary noun, is a business (a trade's plural is
    // how many firms are named), not a person; after an ordinary word
    // ("Archaeological Sites") it is no name.
    if (2..=3).contains(&n) && super::name_shapes::plural_thing(p, a, b) {
        if !is_english_word(lower(p, a)) && (a..b).all(|k| starts_upper(word(p, k))) {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.5));
        }
        return;
    }
    if (2..=3).contains(&n)
        && !super::name_shapes::product_line(p, a, b)
        && (a..b).all(|k| {
            let w = word(p, k);
            w.chars().skip(1).any(|c| c.is_lowercase()) && !is_common(&w.to_lowercase())
        })
        && ((!(a..b).all(|k| is_english_word(lower(p, k)))
            // "Operation Clambake", "Sea Org": a name whose first word is an
            // ordinary word is rarely a person's.
            && !is_english_word(lower(p, a)))
            // "Barack Obama": frequent names are in the word list too; mid
            // sentence, a pair starting with a given name or a rare word,
            // none of whose words the document writes in lower case, is a
            // name.
            || (a != ts
                && (Lexicon::get().is_given_name(word(p, a))
                    || !super::common_words::is_frequent_word(lower(p, a)))
                && !(a..b).any(|k| lower_words.contains(lower(p, k)))))
    {
        // Name-shaped pair or triple with no other cue: most often a person.
        let person_like = before.is_none_or(|w| !is_in(cues::PLACE_PREPS, w));
        let kind = if person_like {
            EntityKind::Person
        } else {
            EntityKind::Location
        };
        sc.out.push(Candidate::new(s, e, kind, 0.5));
        return;
    }
    if n == 1 {
        let lw = first_word.to_lowercase();
        // Outlets named in one word: "Eviralnews", "Wikinews", "Newsmax".
        let outlet_suffix = ["news", "media", "press", "times", "post", "tv"]
            .iter()
            .any(|suf| lw.len() > suf.len() + 2 && lw.ends_with(suf))
            || lw.starts_with("news") && lw.len() > 6;
        if outlet_suffix && !is_english_word(&lw) {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.65));
            return;
        }
        // "Skylane, the budget carrier": the company, as sure as a head;
        // so is a ticker after the name ("Delbrook (NYSE: DLBK)").
        if super::company::company_apposition(p, a)
            || super::company::market_staff_at(p, a)
            || super::short_capitals::ticker_after(p.text, e)
            || super::company::stock_of(p, a)
            || super::company::business_cue(p, a)
        {
            sc.out
                .push(Candidate::new(s, e, EntityKind::Organization, 0.8));
            return;
        }
        // "shares of X", "X's chief executive": a company the document
        // does not name otherwise, unless it or the folder says more.
        if super::company::company_cue(p, a) {
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Organization,
            ));
            return;
        }
        // "YouTube", "JetBlue": a brand in camel case is a company or a
        // service, unless the document or the folder says otherwise.
        if super::word_shapes::camel_case_brand(first_word)
            && super::word_shapes::brand_as_company(p.text, s, e)
            && !super::word_shapes::known_company_prefix(first_word)
        {
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Organization,
            ));
            return;
        }
        // A given name on its own mid-sentence ("Gloria", "Daniel") names a
        // person the article calls by first name.
        let lx = Lexicon::get();
        // A given name that is also a word ("Gloria", "Mark") counts when
        // the document never writes it in lower case, or a possessive or a
        // verb of saying follows.
        let possessive = p
            .toks
            .get(b)
            .is_some_and(|t| t.kind == TokenKind::Possessive || matches!(lower(p, b), "'s" | "’s"));
        // "in Trenton", "was from Harlan": a town that is also a given
        // name, after a place preposition (the document may still name a
        // person so).
        let place_prep = match before {
            Some("in" | "near" | "outside" | "throughout" | "across") => true,
            Some("from") => before2
                .is_some_and(|w| matches!(w, "is" | "was" | "were" | "are" | "came" | "comes")),
            _ => false,
        };
        if lx.is_given_name(first_word) && place_prep && !possessive {
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Location,
            ));
            return;
        }
        // "Christian leaders", "a Christian family": a faith's adjective
        // before a noun, though "Christian" is a given name too.
        let faith_adjective = matches!(lw.as_str(), "christian" | "christians")
            && next.as_deref().is_some_and(|nx| {
                nx.chars().all(|c| c.is_alphabetic()) && !is_in(cues::PERSON_VERBS, nx)
            })
            && p.toks
                .get(b)
                .is_some_and(|t| t.text(p.text).starts_with(|c: char| c.is_lowercase()));
        if lx.is_given_name(first_word)
            && !sentence_initial
            && !faith_adjective
            && (!is_english_word(&lw)
                || possessive
                || !lower_words.contains(lw.as_str())
                || next
                    .as_deref()
                    .is_some_and(|nx| is_in(cues::PERSON_VERBS, nx)))
        {
            sc.out.push(Candidate::new(s, e, EntityKind::Person, 0.6));
            return;
        }
        // "The Republicans insisted": a plural noun is a group, not a person.
        let weak_person = (next
            .as_deref()
            .is_some_and(|nx| is_in(cues::PERSON_VERBS, nx))
            || super::name_shapes::after_person_object_verb(before))
            && !super::name_shapes::plural_thing(p, a, b);
        // Not "in DH", "in IT" (a field's initials) nor "in Peruvian rice"
        // (a nationality adjective).
        if (before.is_some_and(|w| is_in(cues::PLACE_PREPS, w)) || cues::route_to(before, before2))
            && !Lexicon::get().is_given_name(first_word)
            && !is_english_word(&lw)
            && !is_acronym(first_word)
            && !Lexicon::get().demonyms.contains_key(&lw)
        {
            // "in Jasieniec": probably a place, unless the document
            // names a person or organisation with that word.
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Location,
            ));
            return;
        }
        // "Valdosta defeated Macon 24-17", "Macon quarterback Dale Ruiz":
        // in a report on a team sport, a word no list knows next to a verb
        // of victory or before the team's people is a team, unless the
        // document says otherwise.
        if super::sports::lone_nickname(p, a, b) {
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Organization,
            ));
            return;
        }
        if p.team_sport
            && !is_english_word(&lw)
            && !lx.is_given_name(first_word)
            && super::sports::team_cue_around(p, a, b, ts, sc.te)
        {
            sc.pending.push(Pending::hinted(
                s,
                e,
                sentence_initial,
                EntityKind::Organization,
            ));
            return;
        }
        sc.pending.push(Pending {
            start: s,
            end: e,
            sentence_initial,
            weak_person,
            hint: None,
            head_alias: false,
            headline: false,
        });
    }
}

/// "at 0800 UTC", "16:00 GMT", "9 a.m. EST": a time zone after a clock
/// time is no name (and no organisation the apposition after it names).
fn clock_zone(p: &Para, a: usize, b: usize) -> bool {
    const ZONES: &[&str] = &[
        "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
        "eet", "eest", "jst", "ist", "aest", "aedt", "hkt", "sgt",
    ];
    b == a + 1 && a > 0 && is_in(ZONES, lower(p, a)) && {
        let prev = lower(p, a - 1);
        prev.ends_with(|c: char| c.is_ascii_digit())
            || matches!(prev, "a.m." | "p.m." | "am" | "pm" | ".")
    }
}

/// What a parenthesis or apposition after token `b` says the name is.
pub(super) fn apposition_kind(p: &Para, b: usize) -> Option<EntityKind> {
    let lx = Lexicon::get();
    let t = |k: usize| (k < p.toks.len()).then(|| word(p, k));
    if t(b) == Some("(") && t(b + 2) == Some(")") {
        let inner = word(p, b + 1);
        if let Some(id) = lx.lookup(inner) {
            if lx.entry(id).subkind == "country" {
                return Some(EntityKind::Location);
            }
        }
    }
    if t(b) == Some(",") {
        if let Some(next) = t(b + 1) {
            if let Some(id) = lx.lookup(next) {
                let e = lx.entry(id);
                // "Wiesbaden, Germany." but not "OBOZ.UA, US President".
                let boundary = t(b + 2).is_none_or(|w| {
                    w.chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() || c.is_lowercase())
                });
                if boundary
                    && e.kind == EntityKind::Location
                    && matches!(e.subkind.as_str(), "country" | "state" | "region")
                {
                    return Some(EntityKind::Location);
                }
            }
            if matches!(next.to_lowercase().as_str(), "a" | "an" | "the") {
                for k in b + 2..(b + 7).min(p.toks.len()) {
                    let w = word(p, k).to_lowercase();
                    if matches!(w.as_str(), "," | "." | ";") {
                        break;
                    }
                    if is_in(cues::PLACE_INTRO, &w)
                        || matches!(w.as_str(), "base" | "airport" | "port" | "facility")
                    {
                        return Some(EntityKind::Location);
                    }
                    if is_in(cues::ORG_INTRO, &w) {
                        return Some(EntityKind::Organization);
                    }
                }
            }
        }
    }
    None
}

/// "a Kessler town hall meeting", "a Marlow village fete": after a town's
/// type word, an event a person may hold; the name before it is no place
/// for sure.
fn town_event_after(p: &Para, b: usize) -> bool {
    matches!(lower(p, b), "town" | "village")
        && b + 1 < p.toks.len()
        && matches!(lower(p, b + 1), "hall" | "fete" | "fair")
        && (b + 2 >= p.toks.len()
            || matches!(
                lower(p, b + 2),
                "meeting" | "meetings" | "event" | "debate" | "forum"
            ))
}
