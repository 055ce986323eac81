//! An aircraft's emergency landing, reported as an accident of the
//! aircraft: "the flight forced to land at Shannon on Sunday", "a jet
//! made an emergency landing on Monday", "the aircraft put down at Kerry
//! Airport". Reports of one incident call it a landing, a diversion or
//! putting down; what it happened to is an aircraft.
use super::*;

/// Nouns of what lands: an aircraft of [`lexicon::struck_class`], or the
/// flight it makes.
fn lands(p: &Parse, t: usize) -> bool {
    let lemma = p.tokens[t].lemma.to_ascii_lowercase();
    matches!(lemma.as_str(), "flight" | "flights")
        || lexicon::struck_class(&lemma).is_some_and(|k| k == "aircraft" || k == "helicopter")
}

/// Words before "landing" that make it an incident rather than a routine
/// arrival ("an emergency landing", "a forced landing").
const UNPLANNED: &[&str] = &[
    "emergency",
    "forced",
    "unscheduled",
    "precautionary",
    "crash",
    "crash-landing",
    "hard",
];

/// Verbs that make an aircraft land where it did not mean to ("forced
/// to land", "diverted to land").
const FORCING: &[&str] = &["force", "divert", "order", "compel", "oblige"];

/// Whether verb `v` tells of an aircraft landing: "land" or "touch down"
/// with an aircraft or a flight as its subject, or forced on one ("the
/// flight forced to land": the aircraft of a clause above it), or "put
/// down" said of an aircraft. Not "landed a contract", "landed in jail":
/// what lands is an aircraft.
pub(super) fn aircraft_landing(p: &Parse, v: usize) -> bool {
    let lemma = p.tokens[v].lemma.to_ascii_lowercase();
    let particle = |w: &str| {
        p.children(v)
            .iter()
            .any(|&c| p.tokens[c].form.eq_ignore_ascii_case(w))
    };
    let verb = lemma == "land"
        || ((lemma == "touch" || lemma == "put") && particle("down"))
        || lemma == "crash-land";
    if !verb || !is_verbal(p, v) {
        return false;
    }
    if p.subjects(v).into_iter().any(|s| lands(p, s)) {
        return true;
    }
    // "the flight forced to land", "a plane that was diverted to land":
    // the noun the clause above qualifies, within two steps.
    let mut x = v;
    for _ in 0..2 {
        let Some(h) = p.head(x) else {
            return false;
        };
        let rel = p.tokens[x].deprel.rel;
        if !matches!(rel, Rel::Xcomp | Rel::Acl) {
            return false;
        }
        if lands(p, h) {
            return true;
        }
        if rel == Rel::Xcomp && p.subjects(h).into_iter().any(|s| lands(p, s)) {
            return true;
        }
        x = h;
    }
    false
}

/// Whether noun `n` is an unplanned landing ("an emergency landing",
/// "the forced landing at Shannon").
pub(super) fn emergency_landing(p: &Parse, n: usize) -> bool {
    let lemma = p.tokens[n].lemma.to_ascii_lowercase();
    // "the flight forced to land", with "land" taken for a noun under
    // "to": forced on an aircraft the sentence names.
    if lemma == "land" {
        let forced = p.case_marker(n).as_deref() == Some("to")
            && p.head(n).is_some_and(|h| {
                FORCING.contains(&p.tokens[h].lemma.to_ascii_lowercase().as_str())
            });
        return forced && (0..p.len()).any(|t| lands(p, t));
    }
    if !matches!(lemma.as_str(), "landing" | "crash-landing") {
        return false;
    }
    lemma == "crash-landing"
        || p.children(n).iter().any(|&c| {
            matches!(p.tokens[c].deprel.rel, Rel::Amod | Rel::Compound)
                && UNPLANNED.contains(&p.tokens[c].form.to_ascii_lowercase().as_str())
        })
}

/// Whether a sentence may tell of an aircraft landing (checked before
/// parsing, as [`lexicon::mentions_event_word`]).
pub fn mentions_landing(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .map(str::to_ascii_lowercase)
        .collect();
    let landing = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "land"
                | "lands"
                | "landed"
                | "landing"
                | "crash-landed"
                | "crash-landing"
                | "put"
                | "touched"
        )
    });
    landing
        && words.iter().any(|w| {
            matches!(w.as_str(), "flight" | "flights")
                || lexicon::struck_class(w).is_some_and(|k| k == "aircraft" || k == "helicopter")
        })
}

#[cfg(test)]
mod tests {
    use super::mentions_landing;

    #[test]
    fn only_an_aircraft_lands() {
        assert!(mentions_landing(
            "The flight landed shortly after 2pm today."
        ));
        assert!(mentions_landing(
            "A jet made an emergency landing at Shannon."
        ));
        assert!(!mentions_landing("The firm landed a contract on Monday."));
    }
}
