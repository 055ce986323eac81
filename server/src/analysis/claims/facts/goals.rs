//! A player's goals in one game written in words ("scored twice", "a
//! hat-trick"), and counts of goals over more than one game.
use super::*;

/// "scored twice", "found the net three times", "a hat-trick": a player's
/// goals in one game written without a counted noun.
static GOALS_IN_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:scored|netted|struck|found the net|found the back of the net|hit the net)\s+(once|twice|three times|four times|five times)\b|\b(?:scored|netted|grabbed|bagged|claimed|completed|hit|struck|had|recorded|notched)\s+(?:a|his|her|a first-half|a second-half|a superb|a stunning)?\s*(hat[- ]?trick|brace)\b",
    )
    .unwrap()
});

/// Words that make a count of goals a season's or a career's, not one
/// game's.
const LONGER_THAN_A_GAME: &[&str] = &[
    "season",
    "career",
    "campaign",
    "tournament",
    "league",
    "so far",
    "this year",
    "all competitions",
    "international",
];

/// Whether a clause counts goals over more than one game.
pub(super) fn beyond_one_game(clause: &str) -> bool {
    let low = clause.to_ascii_lowercase();
    LONGER_THAN_A_GAME
        .iter()
        .any(|w| crate::analysis::claims::words::has_phrase(&low, w).is_some())
}

/// A player's goals in one game, written as "twice", "three times" or a
/// hat-trick: the count of the person who scored them.
pub(super) fn goals_in_words(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let sentence = &text[inp.start..inp.end];
    for c in GOALS_IN_WORDS.captures_iter(sentence) {
        let Some(g) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        let n = match g.as_str().to_ascii_lowercase().as_str() {
            "once" => 1,
            "twice" | "brace" => 2,
            "three times" => 3,
            "four times" => 4,
            "five times" => 5,
            w if w.starts_with("hat") => 3,
            _ => continue,
        };
        let whole = c.get(0).expect("match");
        let (a, b) = (inp.start + whole.start(), inp.start + whole.end());
        let (ca, cb) = clause(text, inp.start, inp.end, a, b);
        // "who had a hat trick against X two days earlier, now has 26
        // goals this season": the season is the next clause's.
        let cb = text[b..cb].find(", ").map_or(cb, |p| b + p);
        if beyond_one_game(&text[ca..cb]) {
            continue;
        }
        // The scorer: the last person named before the verb in its clause,
        // or the one a relative clause describes ("Lindqvist, who had a
        // hat trick against").
        let is_person = |k: &u32| {
            let m = &doc.mentions[*k as usize];
            m.kind == EntityKind::Person && looks_like_name(m, text)
        };
        let relative = || {
            mentions_in(doc, inp.start, a)
                .into_iter()
                .rev()
                .find(is_person)
                .filter(|&k| {
                    let m = &doc.mentions[k as usize];
                    text[m.end..a].trim_start().starts_with(", who ")
                        || text[m.end..a].starts_with(", who ")
                })
        };
        let Some(person) = mentions_in(doc, ca, a)
            .into_iter()
            .rev()
            .find(is_person)
            .or_else(relative)
        else {
            continue;
        };
        if in_spans(doc, person, inp.exclude) {
            continue;
        }
        let Some(amount) = quantity::parse(&format!("{n} goals")) else {
            continue;
        };
        let (fs, fe) = (inp.start + g.start(), inp.start + g.end());
        if out.iter().any(|f| f.start < fe && fs < f.end) {
            continue;
        }
        let measure = Measure {
            what: "goals".into(),
            unit: amount.unit.clone(),
            basis: measure::Basis::Total,
            stage: measure::Stage::Any,
            part: None,
            per: String::new(),
            // The game, by its opponent: goals against two teams are two
            // games' (and without an opponent, no game to compare).
            to: opponent(&text[a..inp.end]),
            from: None,
        };
        out.push(Fact::new(
            fs,
            fe,
            text,
            FactBody::Quantity {
                subject: Some(person),
                amount,
                measure,
                predicate: Vec::new(),
            },
        ));
    }
}

/// Words after which the other team of a game is named ("beat Nordvik
/// 5-2", "a hat trick against Nordvik").
static OPPONENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:beat|beats|defeated|defeats|thrashed|edged|routed|against|over|versus|vs\.?)\s+(?:the\s+)?(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*)",
    )
    .unwrap()
});

/// Team-name endings that one report writes and another leaves out
/// ("Vargfjell HC", "Vargfjell").
const CLUB_SUFFIXES: &[&str] = &[
    "hc", "hf", "fc", "if", "sk", "bk", "ik", "afc", "cf", "sc", "ac", "united", "city",
];

/// The team a player's side played in the game told after the goals
/// (`rest`: the sentence from the goals on), folded, without a club
/// suffix: None when no other team is named.
pub(super) fn opponent(rest: &str) -> Option<String> {
    let c = OPPONENT.captures(rest)?;
    let name = crate::analysis::text::fold::ascii_key(c.get(1)?.as_str());
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !CLUB_SUFFIXES.contains(w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}
