//! Where an event happened, as the words around its place mentions say:
//! the grain of a place ("Dhading district", "the province of Binh
//! Duong"), the coarser places written after it ("Khanh Binh town, Binh
//! Duong province"), and the place of the thing an accident struck ("a
//! fire at a footwear factory in Binh Duong province").
use super::{SentenceFrames, SentenceInput};
use crate::analysis::claims::frames::lexicon;
use crate::analysis::model::EntityKind;
use crate::analysis::syntax::{Parse, Rel, Sub};

/// What kind of place mention `m` is, as its words say: "near" under
/// "near" (a place next to the event, never compared), else the word
/// after it ("Chandpur district", "Dhading District") or its own last word
/// ("the Meghna River").
pub(super) fn place_word(sf: &SentenceFrames, inp: &SentenceInput, m: u32) -> Option<String> {
    let p = &sf.parse;
    let men = &inp.doc.mentions[m as usize];
    let h = sf.head_of(m)?;
    if matches!(
        p.case_marker(h).as_deref(),
        Some("near") | Some("outside") | Some("off") if !highway(men.text(inp.text))
    ) || close_to(p, h).is_some()
    {
        return Some("near".to_string());
    }
    // "off Umhlanga, north of Durban", "30 km south of the capital": a
    // place the event is a direction away from, not where it was (nor a
    // town it was "near": it may lie far off).
    if inp
        .text
        .get(inp.start..men.start)
        .is_some_and(direction_before)
    {
        return Some("direction".to_string());
    }
    let after = inp.text.get(men.end..inp.end)?;
    let next = after
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let last = men.text(inp.text).split_whitespace().last().unwrap_or("");
    lexicon::place_grain(next)
        .filter(|_| after.starts_with([' ', '\u{a0}']))
        .or_else(|| lexicon::place_grain(last))
        .or_else(|| grain_before(inp.text.get(inp.start..men.start)?))
        .map(str::to_string)
}

/// Words of a direction from a place ("north of Durban", "the
/// south-west of the city").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Whether the text before a place mention ends with a direction from it:
/// "north of", "south-east of the".
fn direction_before(before: &str) -> bool {
    let low = before.trim_end().to_ascii_lowercase();
    let low = low.strip_suffix(" the").unwrap_or(&low);
    let Some(rest) = low.strip_suffix(" of") else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    DIRECTIONS.contains(&word)
}

/// The capital that "the Ugandan capital", "Uganda's capital" stands for
/// (token `d` is "capital"), by the gazetteer's name, folded.
pub(super) fn capital_named(p: &Parse, d: usize) -> Option<String> {
    if !p.tokens[d].lemma.eq_ignore_ascii_case("capital") {
        return None;
    }
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let named = p.children(d).iter().find_map(|&c| {
        if !matches!(
            p.tokens[c].deprel.rel,
            Rel::Amod | Rel::Nmod | Rel::Compound
        ) {
            return None;
        }
        // "Uganda's": the possessive marker is a token of its own.
        let id = lx.capital_for(&p.tokens[c].form)?;
        Some(crate::analysis::text::fold::ascii_key(&lx.entry(id).name))
    });
    if named.is_some() {
        return named;
    }
    // "in the capital", "in the country's capital": the file's country's.
    // Not "the regional capital", "the state capital", "the former
    // capital", "the capital of Tigray": any other word on it is another
    // capital, or an older one.
    let mut the = false;
    for &c in p.children(d) {
        let t = &p.tokens[c];
        match t.deprel.rel {
            Rel::Det if t.form.eq_ignore_ascii_case("the") => the = true,
            Rel::Nmod
                if t.deprel.sub == Some(Sub::Poss)
                    && matches!(t.form.to_ascii_lowercase().as_str(), "country" | "nation") =>
            {
                the = true
            }
            Rel::Amod | Rel::Compound | Rel::Flat | Rel::Nummod => return None,
            Rel::Nmod
                if t.deprel.sub == Some(Sub::Poss) || p.case_marker(c).as_deref() == Some("of") =>
            {
                return None
            }
            _ => {}
        }
    }
    the.then(|| super::CAPITAL_OF_THE_FILE.to_string())
}

/// Whether a name ends in a word of a kind of place ("Prithvi Highway",
/// "Trishuli River").
pub(super) fn typed_place(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| lexicon::place_grain(w).is_some())
}

/// Whether a place's name is a road's ("off the Prithvi Highway" says
/// where, not what is near).
fn highway(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .and_then(lexicon::place_grain)
        == Some("highway")
}

/// The grain a text ending just before a place's name gives it: "the
/// southern province of" (Binh Duong), "the district of".
fn grain_before(before: &str) -> Option<&'static str> {
    let before = before.trim_end().strip_suffix(" of")?;
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    lexicon::place_grain(word)
}

/// Whether a place mention stands for a place (the recogniser sometimes
/// takes "Geneva" for a person; the gazetteer knows better).
pub(super) fn is_place(inp: &SentenceInput, m: u32) -> bool {
    let men = &inp.doc.mentions[m as usize];
    men.kind == EntityKind::Location
        || (men.kind == EntityKind::Person
            && crate::analysis::claims::resolve::is_known_place(men.text(inp.text)))
}

/// The sentence's mention that starts at byte `at`, if any.
pub(super) fn mention_at(inp: &SentenceInput, at: usize) -> Option<u32> {
    inp.mentions
        .iter()
        .copied()
        .find(|&m| inp.doc.mentions[m as usize].start == at)
}

/// Grains of places that contain towns: a name followed by one of them
/// after a comma is the region the town is in.
const COARSE_GRAINS: &[&str] = &["province", "district", "county"];

/// Whether a name the gazetteer knows is a country, a first-level region
/// or a state: a place that contains towns.
fn coarse_by_gazetteer(name: &str) -> bool {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.country(name).is_some()
        || lx
            .place_named(name)
            .is_some_and(|p| matches!(p.subkind.as_str(), "region" | "state"))
}

/// The word right after byte `at` (past spaces), and where it ends.
fn word_after(text: &str, at: usize, end: usize) -> (&str, usize) {
    let rest = text.get(at..end).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let from = at + (rest.len() - trimmed.len());
    let len = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    (&trimmed[..len], from + len)
}

/// The coarser places written after an event's place, each after a comma:
/// "in Khanh Binh town, Binh Duong province", "in Tan Uyen, Binh Duong",
/// "in Geneva, Switzerland". Only a place that contains towns (a country,
/// a region the gazetteer knows, a name followed by "province" or
/// "district") is taken: "in Hanoi, Da Nang and Hue" lists three cities.
pub(super) fn enclosing_places(
    sf: &SentenceFrames,
    inp: &SentenceInput,
    places: &[u32],
) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for &m in places {
        if !is_place(inp, m) {
            continue;
        }
        let mut at = inp.doc.mentions[m as usize].end;
        for _ in 0..3 {
            // "Khanh Binh town, ...": the town's own grain word first.
            let (w, after_word) = word_after(inp.text, at, inp.end);
            if lexicon::place_grain(w).is_some() {
                at = after_word;
            }
            let Some(rest) = inp.text.get(at..inp.end) else {
                break;
            };
            let Some(next) = rest
                .strip_prefix(", ")
                .or_else(|| rest.strip_prefix(",\u{a0}"))
            else {
                break;
            };
            let start = inp.end - next.len();
            let Some(x) = mention_at(inp, start) else {
                break;
            };
            let men = &inp.doc.mentions[x as usize];
            // "in Istanbul, Turkey's foreign ministry said": a possessor
            // begins another phrase.
            let rest_after = inp.text.get(men.end..inp.end).unwrap_or("");
            if rest_after.starts_with("'s") || rest_after.starts_with("\u{2019}s") {
                break;
            }
            // "in Korangi, Sindh health officials said": a name that
            // qualifies a noun after it begins another phrase too.
            let next_noun = sf
                .parse
                .tokens
                .iter()
                .find(|t| t.start >= men.end)
                .is_some_and(|t| {
                    t.upos == crate::analysis::syntax::Upos::Noun
                        && lexicon::place_grain(&t.form).is_none()
                });
            if next_noun {
                break;
            }
            let (grain, _) = word_after(inp.text, men.end, inp.end);
            // "in Tejgaon, Dhaka": a city after a place the gazetteer does
            // not know is the city that place is a part of.
            let part_of_city = || {
                let lx = crate::analysis::ner::lexicon::Lexicon::get();
                let first = inp.doc.mentions[m as usize].text(inp.text);
                lx.place_named(men.text(inp.text))
                    .is_some_and(|p| p.subkind == "city")
                    && lx.place_named(first).is_none()
                    && lx.country(first).is_none()
                    && lexicon::place_grain(w).is_none()
            };
            let coarse = COARSE_GRAINS.contains(&lexicon::place_grain(grain).unwrap_or(""))
                || coarse_by_gazetteer(men.text(inp.text))
                || (x != m && out.is_empty() && part_of_city());
            if men.kind != EntityKind::Location || !coarse {
                break;
            }
            out.push(x);
            at = men.end;
        }
    }
    out
}

/// "in Vietnam's southern province of Binh Duong": the place a grain noun
/// of a place phrase (token `d`) names after "of", when the parser hung
/// the name elsewhere.
pub(super) fn named_after_grain(p: &Parse, inp: &SentenceInput, d: usize) -> Option<u32> {
    let tok = &p.tokens[d];
    lexicon::place_grain(&tok.form)?;
    let rest = inp.text.get(tok.end..inp.end)?;
    let next = rest.strip_prefix(" of ")?;
    let x = mention_at(inp, inp.end - next.len())?;
    is_place(inp, x).then_some(x)
}

/// Places of the thing an accident struck, as its phrase gives them: "a
/// fire swept through a footwear factory in Binh Duong province", "a bus
/// in Dhading district", "the fire that gutted Al-Noor Apparels in
/// Korangi": where the factory, the bus or the named firm the accident's
/// verb acted on was is where the accident happened.
pub(super) fn places_of_struck(sf: &SentenceFrames, inp: &SentenceInput, t: usize) -> Vec<u32> {
    let p = &sf.parse;
    let named_object = p.tokens[t].deprel.is_object()
        && sf
            .mentions_at(t)
            .any(|m| inp.doc.mentions[m as usize].kind == EntityKind::Organization);
    // "the train left the tracks near Predeal": where it left them.
    let left = p.tokens[t].deprel.is_object()
        && lexicon::LEFT_IN_MISHAP.contains(&p.tokens[t].lemma.to_ascii_lowercase().as_str());
    if lexicon::struck_class(&p.tokens[t].lemma).is_none() && !named_object && !left {
        return Vec::new();
    }
    p.children(t)
        .iter()
        .copied()
        .filter(|&c| {
            p.tokens[c].deprel.rel == Rel::Nmod
                && matches!(p.case_marker(c).as_deref(), Some("in") | Some("at"))
                || (left && p.case_marker(c).as_deref() == Some("near"))
        })
        .flat_map(|c| {
            let mut found = sf.names_under(c, true);
            found.extend(named_after_grain(p, inp, c));
            // "a clothing factory in Dhaka's Mirpur area": in Dhaka.
            found.extend(super::city_parts::town_of_part(sf, inp, c));
            found
        })
        .filter(|&m| is_place(inp, m))
        .collect()
}

/// Where people met or played, as the parser hung it on one of them:
/// "held talks with Kenya's foreign minister Alice Wanjiru in Arusha",
/// "lost to the Comets 94-88 on the Gold Coast". Only for events people
/// hold at one place (a meeting, a summit, a game), and only a place the
/// gazetteer or the recogniser knows as one.
pub(super) fn places_of_party(sf: &SentenceFrames, inp: &SentenceInput, t: usize) -> Vec<u32> {
    let p = &sf.parse;
    // Or on the score written after the opponent ("lost to the Comets
    // 94-88 on the Gold Coast").
    let score = p
        .children(t)
        .iter()
        .copied()
        .filter(|&c| p.tokens[c].deprel.rel == Rel::Nummod);
    std::iter::once(t)
        .chain(score)
        .flat_map(|x| p.children(x).iter().copied())
        .filter(|&c| {
            p.tokens[c].deprel.rel == Rel::Nmod
                && matches!(
                    p.case_marker(c).as_deref(),
                    Some("in") | Some("on") | Some("at")
                )
        })
        .flat_map(|c| sf.names_under(c, true))
        .filter(|&m| is_place(inp, m))
        .collect()
}

/// Areas written with "in" on a verb joined to an accident's verb `c`
/// that has no subject of its own (so one thing did both): "the bus left
/// the highway in Dhading district, ..., and plunged into the Trishuli
/// River". Only places a word makes an area ("district", "province",
/// "county"): a town there may be where the journey began.
pub(super) fn areas_of_joined_verb(sf: &SentenceFrames, inp: &SentenceInput, c: usize) -> Vec<u32> {
    let p = &sf.parse;
    let verbal = |t: usize| p.tokens[t].upos == crate::analysis::syntax::Upos::Verb;
    let own_subject = |t: usize| {
        p.children(t)
            .iter()
            .any(|&x| p.tokens[x].deprel.is_subject())
    };
    let mut joined: Vec<usize> = p
        .children_with(c, Rel::Conj)
        .filter(|&j| verbal(j) && !own_subject(j))
        .collect();
    if p.tokens[c].deprel.rel == Rel::Conj && !own_subject(c) {
        joined.extend(p.head(c).filter(|&h| verbal(h)));
    }
    // "in Dhading district" on the verb, or on what it left ("skidded off
    // the road in Sindhuli district").
    let in_phrase = |d: usize| {
        matches!(p.tokens[d].deprel.rel, Rel::Obl | Rel::Nmod)
            && p.case_marker(d).as_deref() == Some("in")
    };
    joined
        .into_iter()
        .flat_map(|j| p.children(j).to_vec())
        .filter(|&d| p.tokens[d].deprel.rel == Rel::Obl)
        .flat_map(|d| std::iter::once(d).chain(p.children(d).iter().copied()))
        .filter(|&d| in_phrase(d))
        .flat_map(|d| sf.names_under(d, true))
        .filter(|&m| is_place(inp, m))
        .filter(|&m| place_word(sf, inp, m).is_some_and(|w| COARSE_GRAINS.contains(&w.as_str())))
        .collect()
}

/// The word "close" or "near" that phrase `d` ("to Kome Island") hangs
/// on: "capsized close to Kome Island", "near to the border" say where,
/// as "near" does.
pub(super) fn close_to(p: &Parse, d: usize) -> Option<usize> {
    if p.case_marker(d).as_deref() != Some("to") {
        return None;
    }
    p.head(d).filter(|&h| {
        matches!(
            p.tokens[h].lemma.to_ascii_lowercase().as_str(),
            "close" | "near"
        )
    })
}

/// Words that begin the names of natural features: "Lake Victoria",
/// "Mount Kenya", "River Niger".
const FEATURE_WORDS: &[&str] = &["Lake", "Mount", "Mt.", "Mt", "River", "Cape"];

/// Whether the recogniser cut a feature's name short: "Victoria" of "on
/// Lake Victoria" is no city (the capital of the Seychelles), "Kenya" of
/// "Mount Kenya" no country. Such a mention places the event nowhere.
pub(super) fn name_cut_short(inp: &SentenceInput, m: u32) -> bool {
    let men = &inp.doc.mentions[m as usize];
    let before = inp.text.get(..men.start).unwrap_or("");
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest.rsplit([' ', '\n', '(', ',']).next().unwrap_or("");
    FEATURE_WORDS.contains(&word)
}

/// Whether a name is a country's demonym and one more word ("the
/// Peruvian Andes", "Chilean Patagonia"): a region of that country,
/// whatever the recogniser took it for. Nobody is named so.
pub(super) fn demonym_place(inp: &SentenceInput, m: u32) -> bool {
    let text = inp.doc.mentions[m as usize].text(inp.text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    // (A demonym: a country's word that is not its name.)
    words.len() == 2 && lx.country(words[0]).is_some() && lx.lookup(words[0]).is_none()
}

/// Places of what a theft took from, as its phrase gives them: "stole 12
/// paintings from the Grune Museum in Dresden", "the theft from a bank
/// in Lyon", "robbed a jeweller's in Antwerp": where the museum, the bank
/// or the shop was is where the theft happened (`d` is the phrase under
/// "from", or what was robbed). A place named right under "from" ("stole
/// from Dresden") is one too. So are the places of strikers ("a strike by
/// dockworkers at the port of Antwerp": where they are is where they
/// strike).
pub(super) fn places_taken_from(sf: &SentenceFrames, inp: &SentenceInput, d: usize) -> Vec<u32> {
    let p = &sf.parse;
    // (Only a town or country the gazetteer knows: "the Grune Museum" the
    // recogniser may take for a place is what was robbed, not where.)
    let mut out: Vec<u32> = sf
        .mentions_at(d)
        .filter(|&m| {
            crate::analysis::claims::resolve::is_known_place(
                inp.doc.mentions[m as usize].text(inp.text),
            )
        })
        .collect();
    for &c in p.children(d) {
        let located = p.tokens[c].deprel.rel == Rel::Nmod
            && matches!(p.case_marker(c).as_deref(), Some("in") | Some("at"));
        if located {
            out.extend(sf.names_under(c, true));
            out.extend(named_after_grain(p, inp, c));
        }
    }
    out.retain(|&m| is_place(inp, m));
    out
}

/// Whether a place is written right after "off" ("sank off Sicily",
/// "capsized off the coast of Libya"), however the parser read the
/// phrase ("sank off" as a verb and its particle, the place its object):
/// for an accident, where it happened, near or at sea.
pub(super) fn after_off(inp: &SentenceInput, m: u32) -> bool {
    let men = &inp.doc.mentions[m as usize];
    let before = inp
        .text
        .get(inp.start..men.start)
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    ["off", "off the coast of", "off the island of"]
        .iter()
        .any(|w| before == *w || before.ends_with(&format!(" {w}")))
}
