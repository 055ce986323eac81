//! What a length, a mass, a speed, an age or a span of hours measures, read
//! from the words the parse puts around it: "seized 4.2 tonnes of cocaine"
//! (cocaine seized), "an ash column 5 km high" (the plume's height), "40
//! km of coastline" (the coastline's length), "gusts of up to 140 km/h"
//! (wind gusts), "a 34-year-old man was arrested" (the age of the man
//! arrested), "given 48 hours to leave" (the time to leave). Units are
//! already one per kind ([`crate::analysis::claims::quantity`] converts
//! tonnes to kg, miles to metres, mph to km/h, days to hours).
//!
//! The measure names what is measured, not only the dimension: a wave's
//! height and a plume's are two measures of one story, as are cocaine and
//! heroin seized. Nothing named, no measure: a bare "5 km" or "4 tonnes"
//! stays no fact (precision first).
use super::count_reading::{lemma, lower};
use crate::analysis::claims::quantity::Amount;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Tokens inside the amount's span.
fn span_tokens(p: &Parse, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let toks: Vec<usize> = (0..p.len())
        .filter(|&i| p.tokens[i].start >= a && p.tokens[i].end <= b)
        .collect();
    Some((*toks.first()?, *toks.last()?))
}

pub(super) fn is_noun(p: &Parse, t: usize) -> bool {
    matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn)
}

/// What a length, mass, speed, age or span of hours at `span` measures.
pub(super) fn read(p: &Parse, span: (usize, usize), amount: &Amount) -> Option<String> {
    let (first, last) = span_tokens(p, span)?;
    match amount.unit.as_str() {
        "kg" => mass(p, first, last).or_else(|| super::physical_more::cargo(p, first, last)),
        "m" => length(p, first, last).or_else(|| super::physical_more::race_length(p, first, last)),
        "km/h" => {
            speed(p, first, last).or_else(|| super::physical_more::average_speed(p, first, last))
        }
        "storey" => super::physical_more::building_height(p, first, last),
        "hectare" => super::physical_area::area(p, first, last),
        "year" => age(p, first, last),
        "hour" => time_to(p, last).or_else(|| super::physical_more::lead_gap(p, first, last)),
        "second" => super::physical_more::lead_gap(p, first, last),
        _ => None,
    }
}

/// Verbs and nouns of what is done to a mass, folded to one name.
fn mass_act(l: &str) -> Option<&'static str> {
    Some(match l {
        "seize" | "confiscate" | "intercept" | "impound" | "find" | "discover" | "uncover"
        | "haul" | "seizure" | "bust" => "seized",
        "spill" | "leak" | "discharge" | "spillage" => "spilled",
        "harvest" => "harvested",
        _ => return None,
    })
}

/// The substance a mass is of: "4.2 tonnes of cocaine", with the noun
/// that heads the "of" phrase right after the amount.
pub(super) fn of_after(p: &Parse, last: usize) -> Option<usize> {
    let of = last + 1;
    if !p.tokens.get(of)?.form.eq_ignore_ascii_case("of") {
        return None;
    }
    // "of crude oil", "of the drug": the first noun, then its compounds'
    // head.
    let mut k = of + 1;
    while k < p.len() && k < of + 5 {
        if is_noun(p, k) {
            // The head of a compound chain ("cocaine base" -> base).
            while k + 1 < p.len() && is_noun(p, k + 1) && p.head(k) == Some(k + 1) {
                k += 1;
            }
            return Some(k);
        }
        if !matches!(p.tokens[k].upos, Upos::Adj | Upos::Det) {
            return None;
        }
        k += 1;
    }
    None
}

/// "seized 4.2 tonnes of cocaine", "4.2 tonnes of cocaine were seized",
/// "4.2 tonnes of cocaine seized at the port", "a haul of 4.2 tonnes of
/// cocaine", "spilled 3,000 tonnes of crude oil".
fn mass(p: &Parse, first: usize, last: usize) -> Option<String> {
    let what = of_after(p, last)?;
    let substance = lemma(p, what);
    // The verb or noun of the act: the parse's head of the amount's unit
    // noun, the word before the amount ("seized", "a haul of"), or a
    // participle after the substance ("... of cocaine seized").
    let head = p.head(last);
    let before = first.checked_sub(1).and_then(|b| {
        if p.tokens[b].form.eq_ignore_ascii_case("of") {
            b.checked_sub(1)
        } else {
            Some(b)
        }
    });
    let after = (what + 1 < p.len()).then_some(what + 1);
    let act = [head, before, after]
        .into_iter()
        .flatten()
        .filter(|&t| matches!(p.tokens[t].upos, Upos::Verb | Upos::Noun))
        .find_map(|t| mass_act(&lemma(p, t)))?;
    Some(format!("{act} {substance}"))
}

/// The dimension an adjective after a length says.
fn dimension(l: &str) -> Option<&'static str> {
    Some(match l {
        "high" | "tall" => "height",
        "deep" => "depth",
        "long" => "length",
        "wide" | "across" | "diameter" => "width",
        "height" => "height",
        "depth" => "depth",
        "length" => "length",
        "width" => "width",
        _ => return None,
    })
}

/// One name for a thing news measures under several: an ash column,
/// cloud or plume; a wave and a tsunami; a coast and a coastline.
fn thing(l: &str) -> Option<&'static str> {
    Some(match l {
        "plume" | "column" | "cloud" | "ash" => "plume",
        "wave" | "tsunami" | "surge" => "wave",
        "crater" | "sinkhole" => "crater",
        "coast" | "coastline" | "shoreline" | "shore" | "beach" => "coastline",
        "slick" => "slick",
        "queue" | "tailback" | "jam" => "queue",
        "crack" | "fissure" | "rupture" => "fissure",
        "lava" => "lava flow",
        "flow" => "lava flow",
        _ => return None,
    })
}

/// The thing token `t` names: by its lemma, or by its form in the
/// singular when the tagger took a capitalised noun opening a sentence
/// for a name ("Waves 8 metres high struck").
fn thing_at(p: &Parse, t: usize) -> Option<&'static str> {
    thing(&lemma(p, t)).or_else(|| {
        thing(&crate::analysis::claims::quantity::singular_noun(&lower(
            p, t,
        )))
    })
}

/// "an ash column 5 km high", "a wave 12 metres high", "a 12-metre-high
/// wave", "a 12-metre wave", "the plume rose to a height of 8 km", "40 km
/// of coastline".
fn length(p: &Parse, first: usize, last: usize) -> Option<String> {
    let w = |i: usize| p.tokens.get(i).map(|t| t.form.to_ascii_lowercase());
    // The adjective right after the amount ("5 km high", "12-metre-high").
    let mut k = last + 1;
    if w(k).as_deref() == Some("-") {
        k += 1;
    }
    let adj = w(k).and_then(|a| dimension(&a).map(|d| (d, k)));
    if let Some((dim, at)) = adj.filter(|_| {
        !matches!(
            w(k).as_deref(),
            Some("height" | "depth" | "length" | "width")
        )
    }) {
        // The thing before the amount ("an ash column 5 km high") or after
        // the adjective ("a 12-metre-high wave").
        let before = first.checked_sub(1).filter(|&b| is_noun(p, b));
        let after = (at + 1 < p.len() && is_noun(p, at + 1)).then_some(at + 1);
        let t = before.or(after).and_then(|t| thing_at(p, t))?;
        return Some(format!("{t} {dim}"));
    }
    // "The ash column rose 5 km", "a column of ash rising 5,000 metres
    // into the sky": the height of what rises, the verb's subject or the
    // noun its participle is on.
    if let Some(v) = p.head(last).filter(|&v| {
        p.tokens[v].upos == Upos::Verb
            && matches!(
                lemma(p, v).as_str(),
                "rise" | "soar" | "climb" | "tower" | "billow"
            )
    }) {
        let on_noun = p
            .head(v)
            .filter(|&h| is_noun(p, h) || matches!(p.tokens[v].deprel.rel, Rel::Acl | Rel::Advcl));
        let s = p
            .subjects(v)
            .into_iter()
            .find(|&s| is_noun(p, s))
            .or(on_noun);
        let t = s.filter(|&s| is_noun(p, s)).and_then(|s| thing_at(p, s))?;
        return Some(format!("{t} height"));
    }
    // "a 12-metre wave", "a 5-km plume": a wave's or a plume's size is
    // its height.
    if let Some(n) = (k < p.len() && is_noun(p, last + 1)).then_some(last + 1) {
        return match thing_at(p, n)? {
            t @ ("wave" | "plume") => Some(format!("{t} height")),
            _ => None,
        };
    }
    // "40 km of coastline": the length of a thing.
    if let Some(n) = of_after(p, last) {
        let t = thing_at(p, n)?;
        return Some(format!("{t} length"));
    }
    // "rose to a height of 8 km": the dimension noun before "of", and the
    // subject of the verb it is an oblique or object of.
    let of = first.checked_sub(1)?;
    if w(of).as_deref() != Some("of") {
        return None;
    }
    let dn = of.checked_sub(1).filter(|&n| is_noun(p, n))?;
    let dim = dimension(&lemma(p, dn))?;
    let v = p.head(dn).filter(|&v| p.tokens[v].upos == Upos::Verb)?;
    let s = p.subjects(v).into_iter().find(|&s| is_noun(p, s))?;
    let t = thing_at(p, s)?;
    Some(format!("{t} {dim}"))
}

/// What a speed is of, from the nearest word before it that names wind
/// ("gusts of up to 140 km/h", "winds gusting at 140 km/h", "sustained
/// winds of 150 km/h") or the noun right after it ("140 km/h gusts").
fn speed(p: &Parse, first: usize, last: usize) -> Option<String> {
    let name = |t: usize| -> Option<&'static str> {
        match lemma(p, t).as_str() {
            "gust" => Some("wind gusts"),
            "wind" | "gale" | "windspeed" => Some("wind speed"),
            _ => None,
        }
    };
    if last + 1 < p.len() {
        if let Some(n) = name(last + 1) {
            return Some(n.to_string());
        }
    }
    // Back over the words between the wind and its speed ("of up to", "at
    // speeds of", "reaching").
    let lo = first.saturating_sub(6);
    for t in (lo..first).rev() {
        if let Some(n) = name(t) {
            return Some(n.to_string());
        }
        let f = lower(p, t);
        let between = matches!(
            f.as_str(),
            "of" | "up"
                | "to"
                | "at"
                | "as"
                | "high"
                | "much"
                | "speeds"
                | "speed"
                | "reaching"
                | "reached"
                | "topping"
                | "topped"
                | "exceeding"
                | "over"
                | "about"
                | "around"
                | "nearly"
                | "more"
                | "than"
                | "with"
                | "gusted"
                | "gusting"
                | "blowing"
                | "sustained"
                | "maximum"
                | "top"
                | "peak"
                | "recorded"
                | "hit"
                | "hitting"
        );
        if !between {
            return None;
        }
    }
    None
}

/// Nouns of people whose age says nothing of who they are without the
/// verb they go with ("a 34-year-old man was arrested").
const PLAIN_PEOPLE: &[&str] = &[
    "man", "woman", "boy", "girl", "person", "teenager", "youth", "child", "resident", "local",
];

/// "a 34-year-old man was arrested", "the victim, a 34-year-old
/// teacher": the age of the person the noun after "-old" names, with the
/// verb the noun is subject or object of when the noun alone says
/// nothing of who it is ("man", "woman").
fn age(p: &Parse, _first: usize, last: usize) -> Option<String> {
    let w = |i: usize| p.tokens.get(i).map(|t| t.form.to_ascii_lowercase());
    let mut k = last + 1;
    if w(k).as_deref() == Some("-") {
        k += 1;
    }
    if w(k).as_deref() != Some("old") {
        return None;
    }
    k += 1;
    if w(k).as_deref() == Some("-") {
        k += 1;
    }
    let n = (k < p.len() && is_noun(p, k)).then_some(k)?;
    let noun = lemma(p, n);
    // "the 34-year-old man": a person by the verb of his clause; "the
    // 34-year-old suspect": by the noun.
    if !PLAIN_PEOPLE.contains(&noun.as_str()) {
        return Some(format!("age of {noun}"));
    }
    let v = p.head(n).filter(|&v| p.tokens[v].upos == Upos::Verb)?;
    let rel = p.tokens[n].deprel.rel;
    if !(p.tokens[n].deprel.is_subject() || rel == Rel::Obj) {
        return None;
    }
    Some(format!("age of {noun} {}", lemma(p, v)))
}

/// "Residents were given 48 hours to leave", "had 24 hours to evacuate":
/// the time a verb of leaving is given; leaving, evacuating and fleeing
/// are one.
fn time_to(p: &Parse, last: usize) -> Option<String> {
    // The infinitive the parse hangs on the hours or on their verb.
    let on_hours = p
        .children(last)
        .iter()
        .copied()
        .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Acl | Rel::Xcomp));
    let on_verb = p
        .head(last)
        .filter(|&v| {
            p.tokens[v].upos == Upos::Verb
                && matches!(lemma(p, v).as_str(), "give" | "have" | "grant" | "allow")
        })
        .into_iter()
        .flat_map(|v| {
            p.children(v)
                .iter()
                .copied()
                .filter(|&c| matches!(p.tokens[c].deprel.rel, Rel::Xcomp | Rel::Advcl))
                .collect::<Vec<_>>()
        });
    let to = on_hours.chain(on_verb).find(|&c| {
        p.tokens[c].upos == Upos::Verb
            && p.children(c)
                .iter()
                .any(|&m| p.tokens[m].form.eq_ignore_ascii_case("to"))
    })?;
    let verb = match lemma(p, to).as_str() {
        "leave" | "evacuate" | "vacate" | "flee" | "go" => "leave".to_string(),
        other => other.to_string(),
    };
    Some(format!("time to {verb}"))
}

#[cfg(test)]
#[path = "physical_tests.rs"]
mod tests;
