//! Amounts one side asks for: "Prosecutors had asked for a nine-year
//! sentence", "They want a 25% pay rise", "a demand for €1.2 million".
//! What is sought is not what a court imposed or a deal gave ("was
//! sentenced to six years", "will receive a 15 per cent hike"), so such an
//! amount is a part of its own ([`crate::analysis::claims::quantity::measure::Measure::part`]):
//! it compares only with what other reports say was sought.
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Verbs and nouns of asking, by lemma and by form (the tagger leaves some
/// lemmas empty).
#[rustfmt::skip]
const ASKING: &[&str] = &[
    "ask", "asks", "asked", "asking", "seek", "seeks", "sought", "seeking",
    "demand", "demands", "demanded", "demanding", "want", "wants", "wanted", "wanting",
    "request", "requests", "requested", "requesting", "urge", "urges", "urged", "urging",
    "propose", "proposes", "proposed", "proposing",
];

fn asking(p: &Parse, t: usize) -> bool {
    let tok = &p.tokens[t];
    ASKING.contains(&tok.lemma.to_lowercase().as_str())
        || ASKING.contains(&tok.form.to_lowercase().as_str())
}

/// Whether the amount in the byte span `(a, b)` is what someone asks for:
/// the nearest verb above it (through complements: "want to receive") is
/// a verb of asking, or a noun of asking
/// ("demand", "request") governs it on the way, or a participle of asking
/// describes it ("the nine years sought by prosecutors").
pub(super) fn sought(p: &Parse, (a, b): (usize, usize)) -> bool {
    let inside = |i: usize| p.tokens[i].start >= a && p.tokens[i].end <= b;
    let Some(exit) = (0..p.len())
        .filter(|&i| inside(i))
        .find(|&i| p.tokens[i].head.is_none_or(|h| !inside(h)))
    else {
        return false;
    };
    let described = |n: usize| {
        p.children(n)
            .iter()
            .any(|&c| p.tokens[c].deprel.rel == Rel::Acl && asking(p, c))
    };
    if described(exit) {
        return true;
    }
    for up in p.ancestors(exit) {
        let tok = &p.tokens[up];
        match tok.upos {
            // "want to receive a 25% rise": a complement's verb is what is
            // asked for; the verb above it decides.
            Upos::Verb if asking(p, up) => return true,
            Upos::Verb if tok.deprel.rel == Rel::Xcomp => {}
            Upos::Verb => return false,
            Upos::Noun if asking(p, up) || described(up) => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    fn sought_in(sentence: &str, amount: &str) -> bool {
        let p = crate::analysis::syntax::parse(sentence, 0, sentence.len()).unwrap();
        let a = sentence.find(amount).unwrap();
        super::sought(&p, (a, a + amount.len()))
    }

    #[test]
    fn what_one_side_asks_for_is_sought() {
        assert!(sought_in(
            "Prosecutors had asked for a nine-year sentence.",
            "nine-year"
        ));
        assert!(sought_in(
            "They want a 25% pay rise and better shifts.",
            "25%"
        ));
        assert!(sought_in("The union wants to receive a 25% rise.", "25%"));
        assert!(sought_in(
            "The city rejected a demand for €1.2 million from the hackers.",
            "€1.2 million"
        ));
        assert!(sought_in(
            "The hackers demanded two million euros in bitcoin.",
            "two million euros"
        ));
    }

    #[test]
    fn what_was_imposed_or_agreed_is_not_sought() {
        assert!(!sought_in(
            "He was sentenced to six years in prison.",
            "six years"
        ));
        assert!(!sought_in(
            "Workers will receive a 15 per cent hike in basic pay.",
            "15 per cent"
        ));
        assert!(!sought_in(
            "The union, which had demanded more, accepted a 15% rise.",
            "15%"
        ));
        assert!(!sought_in(
            "The fire destroyed 200 homes, officials said.",
            "200 homes"
        ));
        assert!(!sought_in(
            "Police asked residents to leave after the fire destroyed 200 homes.",
            "200 homes"
        ));
    }
}
