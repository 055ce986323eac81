//! Names that are no mentions where they stand: a market index, a stock
//! ticker, a name used as the modifier of a noun ("the Carter
//! administration", "Ohio Gov."), a maker inside a product's name, a place
//! glued to a prefix ("pro-Beijing").
use super::cues::{self, is_in};
use super::Candidate;
use crate::analysis::model::EntityKind;

/// Stock indexes and market gauges: named, but neither organisations nor
/// people ("the Dow Jones fell", "the FTSE 100").
const MARKET_INDEXES: &[&str] = &[
    "dow",
    "dow jones",
    "djia",
    "nasdaq",
    "nasdaq composite",
    "ftse",
    "s&p",
    "nikkei",
    "hang seng",
    "dax",
    "cac",
    "sensex",
    "nifty",
    "kospi",
    "russell",
    "stoxx",
    "topix",
    "dow industrials",
    "dow jones industrial average",
    "s&p/tsx",
    "ibex",
    "asx",
];

/// A name that is not a mention here: a market index, a stock ticker, a
/// surname as the modifier of a noun, a maker's name that is part of a
/// product's ([`maker_of_model`]).
/// "I'll", "I'm", "We've", "You'd": a pronoun with its verb glued on
/// opens sentences in capitals and is never a name, whatever a folder
/// guessed of the word elsewhere.
fn pronoun_contraction(s: &str) -> bool {
    let s = s.replace('’', "'");
    let Some((pronoun, verb)) = s.split_once('\'') else {
        return false;
    };
    matches!(
        pronoun.to_lowercase().as_str(),
        "i" | "we" | "you" | "they" | "he" | "she" | "it" | "that" | "there"
    ) && matches!(
        verb.to_lowercase().as_str(),
        "ll" | "m" | "ve" | "re" | "d" | "s"
    )
}

/// "the Hindu Marriage Act", "sacramental Hindu law": a known name that
/// is also a faith's or a people's word ("The Hindu", a newspaper) before a
/// capitalised word or a lower-case noun is the adjective; the paper is
/// named before a verb or punctuation ("The Hindu reported").
fn group_word_modifier(text: &str, c: &Candidate) -> bool {
    let name = &text[c.start..c.end];
    if c.gaz.is_none() || name.contains(' ') || !super::group_words::is_group_word(name) {
        return false;
    }
    let rest = &text[c.end..];
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let next: String = after
        .chars()
        .take_while(|ch| ch.is_alphabetic() || *ch == '-')
        .collect();
    if next.is_empty() {
        return false;
    }
    let lw = next.to_lowercase();
    next.starts_with(char::is_uppercase)
        || (super::common_words::is_english_word(&lw)
            && !super::common_words::is_common(&lw)
            && !lw.ends_with("ed")
            && !lw.ends_with('s')
            && !super::cues::is_in(super::cues::PERSON_VERBS, &lw)
            && !super::cues::is_in(super::cues::SOURCE_VERBS, &lw))
}

pub(super) fn not_a_mention(text: &str, c: &Candidate) -> bool {
    if !c.kind.is_name() || c.kb.is_some() {
        return false;
    }
    // "Lisa_resume.doc", "report_Final": a word glued by an underscore is
    // part of a file's or an account's name.
    let glued = text[..c.start].ends_with('_') || text[c.end..].starts_with('_');
    if glued
        || pronoun_contraction(&text[c.start..c.end])
        || prefixed_modifier(text, c)
        || world_war(text, c)
        || festival(text, c)
        || super::group_words::only_group_words(text, c)
        || group_word_modifier(text, c)
    {
        return true;
    }
    let before = text[..c.start].trim_end();
    // "(NYSE: XYZ)": a stock ticker.
    if [
        "NYSE:", "NASDAQ:", "Nasdaq:", "LSE:", "TSX:", "ASX:", "ticker", "symbol",
    ]
    .iter()
    .any(|m| before.ends_with(m))
    {
        return true;
    }
    // "the Carter administration": a surname as the modifier of a noun.
    let s_text = &text[c.start..c.end];
    if c.kind == EntityKind::Person && !s_text.contains(' ') {
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let next = text[c.end..]
            .strip_prefix(' ')
            .and_then(|r| r.split(|ch: char| !ch.is_alphabetic()).next())
            .unwrap_or("");
        if matches!(prev, "the" | "The")
            && next.len() > 2
            && next.chars().all(|ch| ch.is_lowercase())
            && !is_in(cues::PERSON_VERBS, next)
        {
            return true;
        }
        // "Carter administration papers released": without the article
        // (a headline's start), only the nouns of a leader's tenure.
        if matches!(next, "administration" | "presidency" | "era" | "doctrine") {
            return true;
        }
    }
    // "Ohio Gov. Mike DeWine", "Texas Sen. Ted Cruz": the state before an
    // abbreviated title only says whose office it is (wire style).
    if c.kind == EntityKind::Location {
        let rest = text[c.end..].strip_prefix(' ').unwrap_or("");
        if ["Gov. ", "Sen. ", "Rep. ", "Lt. Gov. ", "Atty. Gen. "]
            .iter()
            .any(|t| rest.starts_with(t))
        {
            return true;
        }
    }
    if is_in(MARKET_INDEXES, &text[c.start..c.end].to_lowercase()) {
        return true;
    }
    index_named_after(text, c) || maker_of_model(text, c)
}

/// "the Standard & Poor's 500", "the Russell 2000 index": an index named
/// after the company that compiles it, a number of stocks after the name
/// (not "Ford's 500 workers").
fn index_named_after(text: &str, c: &Candidate) -> bool {
    if c.kind != EntityKind::Organization {
        return false;
    }
    let rest = &text[c.end..];
    let rest = ["'s ", "’s ", " 's ", " ’s ", " "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or("");
    let mut words = rest.split(|ch: char| ch.is_whitespace() || ",;:().".contains(ch));
    let size = words.next().unwrap_or("");
    if !matches!(
        size,
        "30" | "40"
            | "50"
            | "100"
            | "200"
            | "225"
            | "250"
            | "300"
            | "400"
            | "500"
            | "600"
            | "1000"
            | "2000"
            | "3000"
    ) {
        return false;
    }
    let after = &rest[size.len()..];
    if after.is_empty() || after.starts_with(|ch: char| ",;:().".contains(ch)) {
        return true;
    }
    let next = after.split_whitespace().next().unwrap_or("");
    next.starts_with(|ch: char| ch.is_uppercase() || !ch.is_alphanumeric())
        || matches!(
            next,
            "index"
                | "fell"
                | "rose"
                | "dropped"
                | "gained"
                | "lost"
                | "closed"
                | "ended"
                | "plunged"
                | "climbed"
                | "slipped"
                | "jumped"
                | "added"
                | "was"
                | "is"
                | "declined"
                | "advanced"
                | "edged"
                | "slid"
                | "tumbled"
                | "surged"
                | "finished"
        )
}

/// A maker's name used as the modifier of a product model ("Airbus A380",
/// "Boeing 717"; "the Chrysler Aspen" is no model number): part of the
/// product's name, as news annotation marks it (MEANTIME annotates the
/// whole "Airbus A380" as a product, and the maker inside it only twice in
/// about thirty).
fn maker_of_model(text: &str, c: &Candidate) -> bool {
    // "an Air France A330", "a Singapore Airlines A380": an operator of
    // several words before its aircraft is a mention; makers in a model's
    // name are written in one word ("Airbus A380", "Boeing 737").
    if c.kind == EntityKind::Organization && !text[c.start..c.end].contains(' ') {
        let rest = &text[c.end..];
        let next: &str = rest
            .strip_prefix(' ')
            .map(|r| {
                r.split(|ch: char| ch.is_whitespace() || ",;:)".contains(ch))
                    .next()
                    .unwrap_or("")
            })
            .unwrap_or("");
        let digits = next.chars().filter(char::is_ascii_digit).count();
        let year =
            next.len() == 4 && digits == 4 && (next.starts_with("19") || next.starts_with("20"));
        // "Patriots 24-17", "Ajax 3-1", "Lakers 102-98": a score after a
        // team, not a model ("Boeing 737-800").
        let score = next.split_once('-').is_some_and(|(a, b)| {
            [a, b]
                .iter()
                .all(|x| (1..=3).contains(&x.len()) && x.chars().all(|ch| ch.is_ascii_digit()))
                && a.len() + b.len() < 6
        });
        let model = digits > 0
            && !year
            && !score
            && next
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
            && (digits >= 3
                || next
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_uppercase()));
        return model;
    }
    false
}

/// "pro-Beijing", "anti-Moscow": a place glued to a lower-case prefix
/// qualifies something else and is no mention.
pub(super) fn prefixed_modifier(text: &str, c: &Candidate) -> bool {
    if c.kind != EntityKind::Location || !text[..c.start].ends_with('-') {
        return false;
    }
    let prefix = text[..c.start - 1]
        .rsplit(|ch: char| !ch.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        prefix,
        "pro" | "anti" | "post" | "pre" | "non" | "trans" | "pan"
    )
}

/// "World War II", "the First World War", "WWII": a war is an event, and
/// no part of its name is a place, a body or a person.
fn world_war(text: &str, c: &Candidate) -> bool {
    let t = &text[c.start..c.end];
    t.contains("World War") || matches!(t, "WWI" | "WWII" | "WW1" | "WW2")
}

/// "the Hajj", "during Ramadan", "after Diwali": religious feasts and
/// pilgrimages are events, not places ("in Hajj stampede" had made the
/// Hajj a place throughout a report).
fn festival(text: &str, c: &Candidate) -> bool {
    const FEASTS: &[&str] = &[
        "hajj",
        "umrah",
        "ramadan",
        "eid",
        "diwali",
        "passover",
        "hanukkah",
        "easter",
        "christmas",
        "holi",
        "vesak",
        "navratri",
        "purim",
        "lent",
    ];
    is_in(FEASTS, &text[c.start..c.end].to_lowercase())
}
