//! What a company has: a count of its shops, whatever the outlet is
//! called and whatever verb says it has them. "X runs 212 supermarkets",
//! "has 212 shops across the north-west", "X's 221 establishments", "a
//! business with 212 stores" are one measure: the outlets it holds. A
//! count of outlets opened, closed or sold is another (the verbs before
//! the number say which), and a count "in" a named place is that place's
//! part of the chain ("has 30 stores in Portugal").

/// Nouns (singular) of a chain's outlets, folded to one unit.
const OUTLETS: &[&str] = &[
    "store",
    "shop",
    "supermarket",
    "hypermarket",
    "establishment",
    "outlet",
    "branch",
];

/// Whether a counted noun (singular, lower case) names a chain's outlets.
pub(super) fn is_outlet(unit: &str) -> bool {
    OUTLETS.contains(&unit)
}

/// Words of the amount's own ("about", "more than") that stand between a
/// verb of having and the number.
const APPROX: &[&str] = &[
    "about",
    "some",
    "around",
    "nearly",
    "almost",
    "roughly",
    "over",
    "than",
    "more",
    "just",
    "approximately",
];

/// How the words before a count of outlets say who holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holder {
    /// A verb of having or running: its subject ("Gadis runs 212").
    Verb,
    /// "X's 221 establishments": the name before the possessive.
    Possessive,
    /// "a business with 212 stores": the noun before "with", which is
    /// rarely the name (never the clause's subject, who pays for it).
    With,
}

/// Whether the words before a count of outlets (`before`, the sentence up
/// to the number) say it is the number the company has: a verb of having
/// or running, "with", a possessive ("X's 221 establishments"), "network
/// of"; and how its holder is named.
pub(super) fn holder_before(before: &str) -> Option<Holder> {
    let trimmed = before.trim_end();
    if trimmed.ends_with("'s") || trimmed.ends_with("\u{2019}s") {
        return Some(Holder::Possessive);
    }
    let ws: Vec<String> = trimmed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut it = ws.iter().rev().skip_while(|w| APPROX.contains(&w.as_str()));
    let w = it.next()?;
    if w == "of" {
        return it
            .next()
            .is_some_and(|n| matches!(n.as_str(), "network" | "chain"))
            .then_some(Holder::With);
    }
    if w == "with" {
        return Some(Holder::With);
    }
    matches!(
        w.as_str(),
        "runs"
            | "run"
            | "running"
            | "operates"
            | "operate"
            | "operating"
            | "has"
            | "have"
            | "had"
            | "having"
            | "owns"
            | "own"
            | "owning"
    )
    .then_some(Holder::Verb)
}

#[cfg(test)]
fn held_before(before: &str) -> bool {
    holder_before(before).is_some()
}

/// "212 stores in Galicia": the place the count is of, when a name
/// follows "in" right after the noun (a part of the chain).
pub(super) fn place_after(after: &str) -> Option<String> {
    let rest = after.trim_start().strip_prefix("in ")?;
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (!name.is_empty()).then(|| {
        let n = name.join(" ");
        n.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_held_by_verb_possessive_or_with() {
        assert!(held_before("Gadis, which is based in Vigo, runs "));
        assert!(held_before("Gadis has "));
        assert!(held_before("Dia said Gadis's "));
        assert!(held_before("for a business with "));
        assert!(held_before("The chain operates about "));
        assert!(held_before("its network of "));
        assert!(!held_before("The chain will close "));
        assert!(!held_before("It opened "));
        assert!(!held_before("a network "));
        assert_eq!(
            place_after(" in Galicia and Castile"),
            Some("Galicia".into())
        );
        assert_eq!(place_after(" across the north-west"), None);
        assert!(is_outlet("supermarket") && !is_outlet("worker"));
        assert_eq!(holder_before("for a business with "), Some(Holder::With));
        assert_eq!(holder_before("Dia said Gadis's "), Some(Holder::Possessive));
    }
}
