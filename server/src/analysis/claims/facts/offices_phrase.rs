//! The words of an office phrase: which word heads it, where a name
//! before the head ends, which words are verbs and no portfolio, and the
//! key an office is compared by.
use super::*;

/// Words ending in "-ed" that name a portfolio or a kind of office
/// ("armed forces chief", "United Nations envoy"); any other such word
/// before the head is a verb ("the club sacked head coach X"), and the
/// office starts after it.
const ED_PORTFOLIO: &[&str] = &["united", "armed", "combined", "unified", "joint"];

pub(super) fn verb_like(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !ED_PORTFOLIO.contains(&w)
}

/// The first word of `lw` that heads an office. "Chief" heads one only
/// last or before "of" ("police chief", "chief of police"); before
/// another word it is part of the title it starts ("chief executive",
/// "chief operating officer").
pub(super) fn first_head(lw: &[String]) -> Option<usize> {
    lw.iter().enumerate().position(|(i, w)| {
        HEADS.contains(&w.as_str()) || (w == "chief" && lw.get(i + 1).is_none_or(|n| n == "of"))
    })
}

/// Words of titles the dictionary of frequent words may lack, that start
/// an office at the head of a sentence ("Presiding judge X"), never a
/// name.
const TITLE_MODIFIERS: &[&str] = &[
    "presiding",
    "provincial",
    "divisional",
    "municipal",
    "medical",
    "coroner",
    "magistrate",
];

/// Words that start a title before its head ("chief executive", "deputy
/// minister").
const TITLE_STARTS: &[&str] = &["chief", "deputy", "vice", "assistant", "senior", "first"];

/// Capitalised words between the organisation (if any) and a head
/// written in lower case that are a name, not a portfolio: "Dunmore
/// Rovers manager" (a word no dictionary has), "Manchester United
/// manager" (after a place the recogniser found). A portfolio in title
/// case comes with its head in title case ("Interior Minister"), and
/// "Water minister" at the start of a sentence is all ordinary words; a
/// portfolio word no dictionary has makes at worst an organisation with
/// a bare head, which no office is compared by.
pub(super) fn name_before_head(
    pre: &[Word],
    head: &Word,
    has_org: bool,
    named_org: bool,
) -> Option<String> {
    let cap = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
    // Words that start a title ("Aer Lingus Chief Executive") end the name.
    let title_start = pre
        .iter()
        .position(|w| TITLE_STARTS.contains(&low(w).as_str()))
        .unwrap_or(pre.len());
    let pre = &pre[..title_start];
    // "Betul district collector": a name before portfolio words in lower
    // case, with the head in lower case too.
    let caps = pre.iter().take_while(|w| cap(w)).count();
    // (Not a possessive, nor a qualifier after the name: "Nordwerk
    // Logistik's next chief operating officer" is read elsewhere.)
    let plain = pre[..caps]
        .iter()
        .all(|w| !w.text.ends_with("'s") && !w.text.ends_with("’s"))
        && pre[caps..].iter().all(|w| {
            let l = low(w);
            l != "next" && crate::analysis::ner::cues::qualifier(&l).is_none()
        });
    let pre = if plain
        && caps > 0
        && caps < pre.len()
        && !cap(head)
        && pre[caps..].iter().all(|w| !cap(w))
    {
        &pre[..caps]
    } else {
        pre
    };
    if pre.is_empty() || !pre.iter().all(cap) || pre.len() > 3 || (has_org && !named_org) {
        return None;
    }
    let unknown = pre.iter().any(|w| {
        let l = w.text.to_lowercase();
        !crate::analysis::ner::common_words::is_english_word(&l)
            && !TITLE_MODIFIERS.contains(&l.as_str())
    });
    // With the head in title case too ("Aer Lingus Chief Executive"), only
    // a word no dictionary has says a name starts the phrase.
    let name = if cap(head) {
        unknown && !has_org
    } else {
        named_org || unknown
    };
    name.then(|| pre.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}

/// The key of an office: a known title ("prime minister", "finance
/// minister"), else its portfolio words sorted and its head.
pub(super) fn office_key(pre: &[String], heads: &str, post: &[String]) -> Option<String> {
    // A Cabinet Secretary ("Interior Cabinet Secretary", "Sports CS") is
    // the minister of the portfolio in the countries that use the title.
    let cabinet = heads == "secretary" && pre.last().is_some_and(|w| w == "cabinet");
    let (pre, heads) = if cabinet {
        (&pre[..pre.len() - 1], "minister")
    } else if heads == "cs" {
        (pre, "minister")
    } else {
        (pre, heads)
    };
    // "District collector X" and "Collector X": one office, the
    // district's (which one, the organisation says).
    let district = heads == "collector" && pre.last().is_some_and(|w| w == "district");
    let pre = if district { &pre[..pre.len() - 1] } else { pre };
    let mut all: Vec<String> = pre.to_vec();
    all.push(heads.to_string());
    if !post.is_empty() {
        all.push("of".into());
        all.extend(post.iter().cloned());
    }
    let known = crate::analysis::claims::roles::norm_title(&all);
    if SINGLE_HOLDER.contains(&known.as_str()) {
        return Some(known);
    }
    let mut portfolio: Vec<String> = pre
        .iter()
        .chain(post)
        .filter(|w| !matches!(w.as_str(), "and" | "&" | "of" | "for" | "the" | "affairs"))
        .map(|w| {
            if w == "defence" {
                "defense".into()
            } else {
                w.clone()
            }
        })
        .collect();
    portfolio.sort();
    portfolio.dedup();
    let head = heads.rsplit(' ').next()?;
    if portfolio.is_empty() {
        return Some(heads.to_string());
    }
    Some(format!("{} {head}", portfolio.join(" ")))
}

/// An office written as a title right before the name ("Minister of
/// Water and Environment Lemma Gudeta"): a capitalised head, "of" or
/// "for", and capitalised words joined by "and".
pub(super) fn title_cased(ws: &[Word]) -> bool {
    let cap = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
    let Some(of) = ws.iter().position(|w| matches!(w.text, "of" | "for")) else {
        return false;
    };
    of > 0
        && HEADS.contains(&low(&ws[of - 1]).as_str())
        && ws[..of].iter().all(cap)
        && ws.last().is_some_and(cap)
        && of + 1 < ws.len()
        && ws[of + 1..]
            .iter()
            .all(|w| cap(w) || matches!(w.text, "and" | "&" | "the"))
}
