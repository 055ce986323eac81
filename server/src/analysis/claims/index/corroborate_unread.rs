//! Contradictions between two agreeing claims that no comparison read.
//!
//! Two sentences may agree on one fact (a date, a toll, who holds a role)
//! while each dates or places an event of one kind otherwise: "the ferry
//! sank on Tuesday off Lesbos" and "the ferry went down on Tuesday off
//! Crete". The index compares event places only for events it can tell
//! are one, so such a pair may carry no conflict, and the date alone would
//! list it as corroborating. Whether the two are one event or two, the
//! two sentences do not tell one story: the agreement is partial, and the
//! facts that differ are shown as its dispute (never as a conflict of
//! their own: two ferries may sink on one day).
use super::{ClaimRef, ClaimsIndex, Conflict, ConflictKind, FactRef};
use crate::analysis::claims::dates;
use crate::analysis::claims::frames::EventKind;
use crate::analysis::claims::resolve::city_areas;
use crate::analysis::claims::FactBody;
use crate::analysis::text::fold::ascii_key;

/// How far apart two towns may lie and still be where one event happened
/// as two reports place it (each may name the nearest town it knows, or
/// write "near" or "off" it): twice the reach of "near".
const SAME_SITE_KM: f64 = 40.0;

/// A place the gazetteer knows, as one side writes it: its country
/// (folded) and, for a city, the city's gazetteer name.
#[derive(Debug, Clone, PartialEq)]
struct Located {
    country: String,
    city: Option<String>,
}

/// The runs of capitalised words of a fact's text ("Salina Cruz", "Meghna
/// River"), whole.
fn name_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let words = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .chain(std::iter::once(""));
    for w in words {
        let w = w.trim_end_matches(['.', ';', ':']);
        if w.chars().next().is_some_and(char::is_uppercase) {
            run.push(w);
        } else if !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
    }
    out
}

/// The grain a name's last word gives it ("Meghna River": a river), or
/// none ("Pernis").
fn name_grain(name: &str) -> Option<&'static str> {
    crate::analysis::claims::frames::lexicon::place_grain(name.split(' ').next_back()?)
}

/// Two sides that place an event only at names the gazetteer does not
/// know, of one grain, none the other's ("the Shell refinery in Pernis"
/// and "in Moerdijk", "the Meghna River" and "the Padma River"): nothing
/// says they are apart, nor that they are one place, and a sentence that
/// names another place tells another story or the wrong one. Names of two
/// grains ("Kome Island", "Lake Victoria") may lie one in the other.
fn unknown_names_differ(a: &str, b: &str) -> bool {
    let (xs, ys) = (name_runs(a), name_runs(b));
    if xs.is_empty() || ys.is_empty() || !located_in(a).is_empty() || !located_in(b).is_empty() {
        return false;
    }
    let first = |n: &String| n.split(' ').next().map(ascii_key);
    let one_grain = xs
        .iter()
        .chain(&ys)
        .map(|n| name_grain(n))
        .collect::<std::collections::HashSet<_>>()
        .len()
        == 1;
    one_grain && xs.iter().all(|x| ys.iter().all(|y| first(x) != first(y)))
}

/// The places a fact's words name that the gazetteer knows: each run of
/// capitalised words ("Salina Cruz", "Leverkusen"), whole, as a country or
/// a city. A run the gazetteer does not know (a firm, a venue, a village)
/// places nothing.
fn located_in(text: &str) -> Vec<Located> {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let words = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .chain(std::iter::once(""));
    for w in words {
        let w = w.trim_end_matches(['.', ';', ':']);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if capital {
            run.push(w);
            continue;
        }
        if run.is_empty() {
            continue;
        }
        let name = run.join(" ");
        run.clear();
        if let Some(id) = lx.country(&name) {
            out.push(Located {
                country: ascii_key(&lx.entry(id).name),
                city: None,
            });
        } else if let Some(place) = lx.place_named(&name) {
            if place.subkind == "city" && !place.country.is_empty() && place.country != "-" {
                out.push(Located {
                    country: ascii_key(&place.country),
                    city: Some(place.name.clone()),
                });
            }
        }
    }
    out
}

/// Whether two places cannot both be where one event happened: two
/// countries, or two cities of one country that lie apart (not one inside
/// the other, and further apart than "near" and "off" reach).
fn apart(x: &Located, y: &Located) -> bool {
    if x.country != y.country {
        return true;
    }
    match (&x.city, &y.city) {
        (Some(a), Some(b)) => {
            !city_areas::may_be_within(a, b)
                && city_areas::km_between(a, b).is_some_and(|d| d > SAME_SITE_KM)
        }
        _ => false,
    }
}

/// Whether every place one side names lies apart from every place the
/// other names (each side naming at least one the gazetteer knows). When
/// both name a city, the cities are compared ("Plovdiv in southern
/// Bulgaria" and "Stara Zagora, in central Bulgaria": the country both
/// add tells nothing).
pub(super) fn places_apart(a: &str, b: &str) -> bool {
    let (mut xs, mut ys) = (located_in(a), located_in(b));
    let has_city = |v: &[Located]| v.iter().any(|l| l.city.is_some());
    if has_city(&xs) && has_city(&ys) {
        xs.retain(|l| l.city.is_some());
        ys.retain(|l| l.city.is_some());
    }
    !xs.is_empty() && !ys.is_empty() && xs.iter().all(|x| ys.iter().all(|y| apart(x, y)))
}

impl ClaimsIndex {
    /// The plain datings and placings of reported events in claim `c`:
    /// (fact, its event's class, whether it places the event).
    fn stated_event_facts(&self, c: ClaimRef) -> Vec<(FactRef, EventKind, bool)> {
        let Some(claim) = self
            .files
            .get(c.file as usize)
            .and_then(|f| f.claims.get(c.claim as usize))
        else {
            return Vec::new();
        };
        (0..claim.facts.len() as u32)
            .filter_map(|k| {
                let r = FactRef {
                    file: c.file,
                    claim: c.claim,
                    fact: k,
                };
                let fact = &claim.facts[k as usize];
                if fact.negated || fact.hedged {
                    return None;
                }
                let class = self.event_class(r)?;
                match fact.body {
                    FactBody::EventDate { .. } => Some((r, class, false)),
                    FactBody::EventPlace { .. } => Some((r, class, true)),
                    _ => None,
                }
            })
            .collect()
    }

    /// What claims `c` and `o` state of events of one kind that cannot
    /// both hold, though no comparison linked the two facts: days the
    /// kind cannot span, places apart (see the module's comment). Each
    /// with `a` in `c`.
    pub(super) fn unread_contradictions(&self, c: ClaimRef, o: ClaimRef) -> Vec<Conflict> {
        let (mine, theirs) = (self.stated_event_facts(c), self.stated_event_facts(o));
        let mut out = Vec::new();
        for &(fa, ka, place_a) in &mine {
            for &(fb, kb, place_b) in &theirs {
                if ka != kb || place_a != place_b {
                    continue;
                }
                let (Some(x), Some(y)) = (self.fact(fa), self.fact(fb)) else {
                    continue;
                };
                let differ = if place_a {
                    places_apart(&x.text, &y.text) || unknown_names_differ(&x.text, &y.text)
                } else {
                    let tolerance = if ka.multi_day() { 3 } else { 0 };
                    match (self.dating(fa), self.dating(fb)) {
                        (Some((_, da)), Some((_, db))) => dates::min_distance(da, db) > tolerance,
                        _ => false,
                    }
                };
                if differ {
                    out.push(Conflict {
                        kind: if place_a {
                            ConflictKind::EventPlace
                        } else {
                            ConflictKind::EventDate
                        },
                        a: fa,
                        b: fb,
                        subject: ka.as_str().to_string(),
                        a_value: x.text.clone(),
                        b_value: y.text.clone(),
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_far_apart_or_in_two_countries_are_apart() {
        assert!(places_apart("Geneva", "Vienna"));
        assert!(places_apart("Cochabamba", "Santa Cruz"));
        // A city and its country, or one city written twice, agree.
        assert!(!places_apart("Geneva", "Switzerland"));
        assert!(!places_apart("Geneva", "the Swiss city of Geneva"));
        // Two cities of one country, each written with the country.
        assert!(places_apart(
            "Plovdiv in southern Bulgaria",
            "Stara Zagora, in central Bulgaria"
        ));
        assert!(!places_apart("Plovdiv in southern Bulgaria", "Bulgaria"));
        // A firm or a venue the gazetteer does not know places nothing.
        assert!(!places_apart("Bayer plant", "Vienna"));
    }

    #[test]
    fn names_the_gazetteer_lacks_differ_only_of_one_grain() {
        assert!(unknown_names_differ("Meghna River", "Padma River"));
        assert!(unknown_names_differ("Pernis", "Moerdijk"));
        assert!(!unknown_names_differ("Meghna River", "the Meghna"));
        // An island may lie in a lake; a known city tells by the gazetteer.
        assert!(!unknown_names_differ("Kome Island", "Lake Victoria"));
        assert!(!unknown_names_differ("Pernis", "Rotterdam"));
    }

    #[test]
    fn neighbouring_towns_are_not_apart() {
        // A suburb and its city: one may be "near" the other.
        assert!(!places_apart("Ikeja", "Lagos"));
    }
}
