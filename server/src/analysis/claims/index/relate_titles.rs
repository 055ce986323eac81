//! One office written with and without the words that place it:
//! "hospital director Radek Šimek" and "director Radek Šimek", "district
//! collector Anjali Verma" and "Collector Anjali Verma". The same person
//! under a title and under its head word holds one office: the two
//! reports agree on the holder. Never a conflict: the short title names
//! no office precisely enough to say whose it is.

use super::Outcome;
use crate::analysis::claims::index::sig::{Sig, UNSTATED_ORG};
use crate::analysis::claims::resolve::name_tokens;

/// Whether two names may be one person's: one the other's words ("Rutte",
/// "Mark Rutte"), one family name, or one name written apart ("Kim
/// Jong-un", "Kim Jong Un"). Two full names of one given name and two
/// family names ("Mwila Chanda", "Mwila Kasonde") are two people; names
/// sharing some other word stay possibly one.
pub(super) fn may_be_one_person(n1: &str, n2: &str) -> bool {
    let (a, b) = (name_tokens(n1), name_tokens(n2));
    let joined =
        |v: &[String]| -> String { v.concat().chars().filter(|c| c.is_alphanumeric()).collect() };
    if joined(&a) == joined(&b)
        || a.iter().all(|t| b.contains(t))
        || b.iter().all(|t| a.contains(t))
        || a.last() == b.last()
    {
        return true;
    }
    let two_family_names = a.len() >= 2 && b.len() >= 2 && a.first() == b.first();
    !two_family_names && a.iter().any(|t| b.contains(t))
}

/// Words that make another office of the one they qualify ("deputy
/// director", "vice president", "attorney general").
const OTHER_OFFICE: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "associate",
    "co",
    "sub",
    "under",
    "junior",
    "state",
    "lieutenant",
    "major",
    "brigadier",
    "attorney",
    "surgeon",
    "adjutant",
    "former",
    "interim",
    "acting",
];

/// Head words too general to stand for one office ("officer", "member").
const TOO_GENERAL: &[&str] = &["general", "officer", "member", "secretary", "official"];

/// Two roles of one person whose titles differ only by the words before
/// the shorter one's, of one organisation or of none stated on a side:
/// the same role holder. None otherwise (the caller's rules apply).
pub(super) fn one_office_in_other_words(x: &Sig, y: &Sig) -> Option<Outcome> {
    let (
        Sig::Role {
            title: t1,
            org: o1,
            person: p1,
            current: c1,
            left: l1,
            ..
        },
        Sig::Role {
            title: t2,
            org: o2,
            person: p2,
            current: c2,
            left: l2,
            ..
        },
    ) = (x, y)
    else {
        return None;
    };
    if t1 == t2 || p1 != p2 {
        return None;
    }
    if !(o1 == o2 || o1 == UNSTATED_ORG || o2 == UNSTATED_ORG) {
        return None;
    }
    let (short, long) = if t1.len() < t2.len() {
        (t1, t2)
    } else {
        (t2, t1)
    };
    let extra = long.strip_suffix(short.as_str())?.strip_suffix(' ')?;
    if extra.is_empty()
        || TOO_GENERAL.contains(&short.as_str())
        || extra.split_whitespace().any(|w| OTHER_OFFICE.contains(&w))
    {
        return None;
    }
    // A holder gone on one side and in office on the other: two times.
    if l1 != l2 || *l1 && *c2 || *l2 && *c1 {
        return None;
    }
    Some(Outcome::Agree("same role holder"))
}

#[cfg(test)]
#[path = "relate_titles_tests.rs"]
mod tests;
