//! Hedges: words that make an assertion speculative ("may", "reportedly",
//! "is expected to"), counted only where they scope over the claim's main
//! predicate ([`super::scope`]): "X may have killed 20" is hedged,
//! "actions that may impact X" is not, nor is a "may" inside a quotation
//! embedded in a clause, nor "could not be reached" (a failed contact,
//! not a possibility).
use serde::{Deserialize, Serialize};

use super::cues::HEDGES;
use super::scope::{ClauseStructure, Heuristic};
use super::words::has_phrase;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hedge {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One automaton for the built-in hedges, case-insensitive, reporting
/// overlapping matches (word boundaries are checked after).
fn hedge_words() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(HEDGES)
            .expect("fixed patterns")
    });
    &AC
}

/// A hedge that puts the assertion on someone else's word ("reportedly",
/// "allegedly", "is believed to", "is said to"): the sentence reports a
/// claim even when it names nobody.
pub fn hearsay(hedge: &str) -> bool {
    let h = hedge.to_ascii_lowercase();
    [
        "reportedly",
        "allegedly",
        "apparently",
        "rumoured",
        "rumored",
        "believed to",
        "is believed to",
        "are believed to",
        "it is believed",
        "it is understood",
        "is said to",
        "are said to",
        "suspect",
        "suspects",
        "suspected",
        "unconfirmed",
    ]
    .contains(&h.as_str())
}

/// No letter or digit touches `text[s..e]` on either side.
pub(super) fn at_word_boundaries(text: &str, s: usize, e: usize) -> bool {
    let left = text[..s]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let right = text[e..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    left && right
}

/// Is "suspect(s)" at `text[s..e]` the verb ("police suspect the driver")
/// rather than the noun ("the suspect fled")? Read from the words around
/// it: a determiner before, or a verb, preposition or clause end after,
/// make it the noun.
fn suspect_is_verb(text: &str, a: usize, s: usize, e: usize, b: usize) -> bool {
    let before = super::words::words(text, a, s);
    let after = super::words::words(text, e, b);
    let prev = before.last().map(|w| w.text.to_lowercase());
    let next = after.first().map(|w| w.text.to_lowercase());
    let determiner = prev.as_deref().is_none_or(|p| {
        matches!(
            p,
            "the"
                | "a"
                | "an"
                | "one"
                | "two"
                | "three"
                | "his"
                | "her"
                | "their"
                | "its"
                | "main"
                | "prime"
                | "key"
                | "chief"
                | "another"
                | "other"
                | "no"
                | "any"
                | "second"
                | "first"
                | "third"
                | "murder"
                | "alleged"
                | "male"
                | "female"
                | "possible"
                | "potential"
                | "remaining"
                | "both"
                | "of"
                | "for"
                | "with"
        )
    });
    let noun_after = next.as_deref().is_none_or(|n| {
        matches!(
            n,
            "was"
                | "is"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "in"
                | "of"
                | "who"
                | "and"
                | "or"
                | "fled"
                | "remains"
                | "remained"
                | "said"
                | "told"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "appeared"
                | "faces"
                | "faced"
                | "list"
                | "s"
        )
    }) || text[e..b]
        .trim_start()
        .starts_with([',', '.', ';', ':', ')', '"']);
    !determiner && !noun_after
}

/// Is the modal at `text[s..e]` ability, permission or a counterfactual
/// rather than a guess? After a generic "you" ("you could pick your
/// favourite"), and in "could/might have" done after "I", "we" or "you"
/// ("we could've scored two goals"): the speaker tells what was possible,
/// not what may be true.
fn not_speculation(text: &str, a: usize, s: usize, e: usize, b: usize) -> bool {
    let before = super::words::words(text, a, s);
    let after = super::words::words(text, e, b);
    let prev = before.last().map(|w| w.text.to_lowercase());
    let next = after.first().map(|w| w.text.to_lowercase());
    let word = text[s..e].to_ascii_lowercase();
    let perfect = word != "may" && matches!(next.as_deref(), Some("have" | "'ve" | "ve"));
    // "products could have gotten to market earlier", "the rescue might
    // have come sooner": what did not happen, measured against what did.
    let counterfactual = perfect
        && after
            .iter()
            .skip(1)
            .take(8)
            .any(|w| COUNTER_COMPARATIVES.contains(&w.text.to_lowercase().as_str()));
    match prev.as_deref() {
        Some("you") => true,
        Some("i" | "we") => perfect,
        _ => counterfactual,
    }
}

/// Comparatives that make "could have done" a counterfactual.
const COUNTER_COMPARATIVES: &[&str] = &["earlier", "sooner", "faster", "better", "worse"];

/// Verbs of an event running its course: "should" before them with a
/// time forecasts ("the deal should close by the end of April").
const COMPLETIONS: &[&str] = &[
    "close", "complete", "finish", "conclude", "end", "arrive", "open", "reopen", "resume",
    "start", "begin", "launch", "land", "return", "recover", "follow", "happen", "come", "take",
    "be",
];

/// Words that set a time ahead after the verb.
const AHEAD: &[&str] = &[
    "by", "in", "before", "within", "next", "later", "soon", "shortly", "early", "late", "this",
    "around", "until", "after",
];

/// "should" that forecasts: before a verb of an event running its course,
/// with no object, and a time ahead ("The sale should close by the end of
/// April", "Results should be known next week"), not advice or duty ("the
/// government should close the mine").
pub(super) fn forecast_should(text: &str, a: usize, b: usize) -> Vec<Hedge> {
    let ws = super::words::words(text, a, b);
    let lw: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut out = Vec::new();
    for (i, w) in lw.iter().enumerate() {
        if w != "should" {
            continue;
        }
        let Some(verb) = lw.get(i + 1) else {
            continue;
        };
        if !COMPLETIONS.contains(&verb.as_str()) {
            continue;
        }
        // "be completed", "be ready", "take effect", "take place": the
        // predicate goes on one word.
        let mut k = i + 2;
        if matches!(verb.as_str(), "be" | "take" | "come") {
            let ok = lw.get(k).is_some_and(|n| {
                n.ends_with("ed")
                    || matches!(
                        n.as_str(),
                        "ready"
                            | "done"
                            | "known"
                            | "over"
                            | "effect"
                            | "place"
                            | "into"
                            | "back"
                            | "out"
                            | "finished"
                            | "shut"
                            | "open"
                    )
            });
            if !ok {
                continue;
            }
            k += 1;
        }
        if lw
            .get(k)
            .is_some_and(|n| AHEAD.contains(&n.as_str()) || n.ends_with("day"))
        {
            out.push(Hedge {
                start: ws[i].start,
                end: ws[i].end,
                text: ws[i].text.to_string(),
            });
        }
    }
    out
}

/// The hedges of the sentence `text[a..b]`, with the user's own (`extra`)
/// and verbs of saying beyond the built-in ones (`reporting`, for the
/// clause structure).
pub fn find(
    text: &str,
    a: usize,
    b: usize,
    extra: &[String],
    reporting: &dyn Fn(&str) -> bool,
) -> Vec<Hedge> {
    find_in(text, a, b, extra, reporting, None)
}

/// [`find`], with the sentence's clause structure from its parse when
/// there is one (else from surface cues).
pub fn find_in(
    text: &str,
    a: usize,
    b: usize,
    extra: &[String],
    reporting: &dyn Fn(&str) -> bool,
    parsed: Option<&dyn ClauseStructure>,
) -> Vec<Hedge> {
    let mut out: Vec<Hedge> = Vec::new();
    let mut cands: Vec<(usize, usize)> = hedge_words()
        .find_overlapping_iter(&text[a..b])
        .map(|m| (a + m.start(), a + m.end()))
        .filter(|&(s, e)| at_word_boundaries(text, s, e))
        .collect();
    if !extra.is_empty() {
        // ASCII lower-casing keeps byte offsets.
        let low = text[a..b].to_ascii_lowercase();
        for h in extra.iter().map(|h| h.to_ascii_lowercase()) {
            let mut from = 0;
            while let Some(p) = has_phrase(&low[from..], &h) {
                cands.push((a + from + p, a + from + p + h.len()));
                from += p + h.len().max(1);
            }
        }
    }
    // In text order; where hedges overlap the longest wins ("is expected
    // to" over "expected to"). Only the last kept one can overlap the next
    // candidate, so this is linear however many hedges a sentence holds.
    cands.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e - s)));
    for (s, e) in cands {
        let word = &text[s..e];
        // "May" the month, not the modal.
        if word.eq_ignore_ascii_case("may") && word != "may" {
            continue;
        }
        // "could not be reached", "couldn't confirm": what did not happen,
        // not what might.
        if word.eq_ignore_ascii_case("could") {
            let rest = &text[e..super::words::floor_boundary(text, (e + 12).min(b))];
            let rest = rest.trim_start().to_ascii_lowercase();
            if rest.starts_with("not ") || rest.starts_with("n't") || rest.starts_with("never ") {
                continue;
            }
        }
        // "you could pick your favourite colour" (what anyone can do), "we
        // could have scored twice" (what did not happen): no speculation.
        if ["could", "might", "may"]
            .iter()
            .any(|m| word.eq_ignore_ascii_case(m))
            && not_speculation(text, a, s, e, b)
        {
            continue;
        }
        // "Police suspect arson" hedges; "the suspect fled" and "a suspect
        // in the killing" name a person.
        if (word.eq_ignore_ascii_case("suspect") || word.eq_ignore_ascii_case("suspects"))
            && !suspect_is_verb(text, a, s, e, b)
        {
            continue;
        }
        let h = Hedge {
            start: s,
            end: e,
            text: word.to_string(),
        };
        match out.last_mut() {
            Some(last) if last.start < e && s < last.end => {
                if e - s > last.end - last.start {
                    *last = h;
                }
            }
            _ => out.push(h),
        }
    }
    out.extend(forecast_should(text, a, b));
    out.sort_by_key(|h| h.start);
    if !out.is_empty() {
        match parsed {
            Some(clauses) => out.retain(|h| clauses.kind_at(h.start).carries_claim()),
            None => {
                let clauses = Heuristic::new(text, a, b, reporting);
                out.retain(|h| clauses.kind_at(h.start).carries_claim());
            }
        }
    }
    out.sort_by_key(|h| h.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> Vec<String> {
        find(s, 0, s.len(), &[], &|_| false)
            .into_iter()
            .map(|h| h.text)
            .collect()
    }

    #[test]
    fn hedges_that_scope_over_the_claim() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("NATO may lead the mission in May.", &["may"]),
            ("They moved so they could be closer to Kyiv.", &[]),
            ("NATO is reportedly considering it.", &["reportedly", "considering"]),
            ("The strike may have killed 20 people.", &["may"]),
            ("Officials said the strike may have killed 20 people.", &["may"]),
            ("The company warned of actions that may impact its revenue.", &[]),
            ("He condemned \"provocations that could escalate\" on the border.", &[]),
            ("\"The alliance may step in,\" Stoltenberg said.", &["may"]),
            ("The minister, who may resign, denied the report.", &[]),
            ("The spokesman could not be reached for comment.", &[]),
            ("A spokesman couldn't confirm the figure.", &[]),
            ("The package that is expected to be approved includes aid.", &[]),
            ("The package is expected to be approved in July.", &["is expected to"]),
            ("Effects may be limited, as the U.S. could still cut aid.", &["may"]),
            ("The acquisition should close by the end of April.", &["should"]),
            ("Results should be known next week.", &["should"]),
            ("The government should close the mine by April.", &[]),
            ("Critics say the law should take effect in May.", &["should"]),
            ("The driver may have lost control on the bend.", &["may"]),
            ("We could've scored two goals in the first half.", &[]),
            ("Then you could pick your favourite colour and buy it.", &[]),
            ("We may have made a mistake.", &["may"]),
            ("It is understood that she was his second choice.", &["It is understood"]),
            ("Union leaders say more strikes are likely this winter.", &["are likely"]),
            ("A deal is likely before the end of the month.", &["is likely"]),
            ("The minister, who understood the risk, resigned.", &[]),
            ("A lot of products could have gotten to market earlier.", &[]),
            ("The rescue might have come sooner without the storm.", &[]),
            ("The blast could have killed 20 people.", &["could"]),
        ];
        for (s, want) in cases {
            assert_eq!(
                h(s),
                want.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                "{s}"
            );
        }
        assert_eq!(
            find(
                "It is rumoured here.",
                0,
                20,
                &["it is rumoured".into()],
                &|_| false
            )
            .len(),
            1
        );
    }
}
