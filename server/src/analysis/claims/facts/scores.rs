//! The final score of a game: one fact of the game, as "beat B 94-88",
//! "edged B 94 to 88", "B lost to A 94-88" or "Saturday's 94-88 loss to
//! A" write it. Two different scores of one game conflict; the same score
//! agrees. A score is no count: "94-88" and "94-86" share a number and
//! are still two results.
//!
//! The game is told by its winner (the fact's subject) and its day (its
//! period, see [`super::period`]): a team plays one game a day.
use super::*;
use crate::analysis::claims::quantity::{Form, Interval};

/// A verb whose subject won the game and its object, the loser (a
/// name the recogniser may have missed), right before the score.
static WON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?i:beat|beats|defeated|defeats|edged|edges|edged past|downed|downs|routed|routs|thrashed|outlasted|overcame|held off|holds off|crushed|stunned|upset|topped|swept past|eased past|cruised past)\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}'.-]*(?:\s+\p{Lu}[\p{L}\p{N}'.-]*){0,3}$",
    )
    .unwrap()
});

/// A score: two numbers joined by a dash or "to".
static SCORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(\d{1,3})\s*(?:-|\u{2013}|\u{2014}|\bto\b)\s*(\d{1,3})\b").unwrap()
});

/// After a score: the loss to the winner ("94-88 loss to the Hawks").
static LOSS_TO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s+(?:home\s+|road\s+|away\s+|overtime\s+|double-overtime\s+)?(?:loss|defeat)\s+(?:to|against)\s+(?:the\s+)?$",
    )
    .unwrap()
});

/// After a score: the winner's win over the loser ("3-1 win over").
static WIN_OVER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s+(?:home\s+|road\s+|away\s+|overtime\s+)?(?:win|victory|triumph)\s+(?:over|against)\b",
    )
    .unwrap()
});

/// Before a winner's name, after the loser's: "lost to", "fell to".
static LOST_TO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:lost|fell|went down|succumbed)\s+(?:to|against)\s+(?:the\s+)?$")
        .unwrap()
});

/// A team's name: a name mention (the recogniser types teams as
/// organisations, a town as its club).
fn team(inp: &FactInput, k: u32) -> bool {
    let m = &inp.doc.mentions[k as usize];
    matches!(
        m.kind,
        EntityKind::Organization | EntityKind::Location | EntityKind::Person
    ) && !in_spans(inp.doc, k, inp.exclude)
}

/// The name mention that ends where `at` is, only spaces between.
fn name_ending_at(inp: &FactInput, at: usize) -> Option<u32> {
    mentions_in(inp.doc, inp.start, at)
        .into_iter()
        .rev()
        .find(|&k| {
            let m = &inp.doc.mentions[k as usize];
            m.end <= at && inp.text[m.end..at].trim().is_empty() && team(inp, k)
        })
}

/// The name mention that starts at `at`, only spaces between.
fn name_starting_at(inp: &FactInput, at: usize) -> Option<u32> {
    mentions_in(inp.doc, at, inp.end).into_iter().find(|&k| {
        let m = &inp.doc.mentions[k as usize];
        m.start >= at && inp.text[at..m.start].trim().is_empty() && team(inp, k)
    })
}

/// The winner of the game a score at `a..b` is the result of.
fn winner(inp: &FactInput, a: usize, b: usize) -> Option<u32> {
    let text = inp.text;
    // "A beat B 94-88", "A edged B, 94-88": the verb and the loser right
    // before the score, the winner before the verb.
    let before = text[inp.start..a].trim_end_matches([' ', ',']);
    if let Some(v) = WON.find(before) {
        if let Some(w) = name_ending_at(inp, inp.start + v.start()) {
            return Some(w);
        }
    }
    // "B lost to A 94-88": the name before the score is the winner.
    if let Some(w) = name_ending_at(inp, inp.start + before.len()) {
        let ws = inp.doc.mentions[w as usize].start;
        if LOST_TO.is_match(&text[inp.start..ws]) {
            return Some(w);
        }
    }
    let after = &text[b..inp.end];
    // "Lindvik's 3-1 win over Ostra", "Lindvik's Sunday 3-1 win over":
    // the possessor of the win.
    if WIN_OVER.is_match(after) {
        let mut before = text[inp.start..a].trim_end();
        if let Some(day) = crate::analysis::claims::dates::calendar::WEEKDAYS
            .iter()
            .find(|w| {
                before
                    .to_ascii_lowercase()
                    .ends_with(&w.to_ascii_lowercase())
            })
        {
            before = before[..before.len() - day.len()].trim_end();
        }
        let owner = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("\u{2019}s"))
            .or_else(|| before.strip_suffix('\''))?;
        return name_ending_at(inp, inp.start + owner.len());
    }
    // "Saturday's 94-88 loss to the Hawks".
    let m = after
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= 40)
        .filter(|&i| LOSS_TO.is_match(&after[..i]))
        .last()?;
    name_starting_at(inp, b + m)
}

/// The final scores of the sentence's games.
pub(super) fn scores(inp: &FactInput, out: &mut Vec<Fact>) {
    let text = inp.text;
    let sentence = &text[inp.start..inp.end];
    for c in SCORE.captures_iter(sentence) {
        let whole = c.get(0).expect("match");
        let (a, b) = (inp.start + whole.start(), inp.start + whole.end());
        // Not a part of a longer number or a date ("2024-25").
        let glued = |i: usize| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '.' || ch == '$')
        };
        if glued(a)
            || text[b..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '%')
        {
            continue;
        }
        let (Ok(x), Ok(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if x == y {
            continue;
        }
        let Some(w) = winner(inp, a, b) else {
            continue;
        };
        // One value for the pair, the winner's points first however
        // written ("94-88", "88-94").
        let v = f64::from(x.max(y) * 1000 + x.min(y));
        let point = Interval { lo: v, hi: v };
        let amount = crate::analysis::claims::quantity::Amount {
            value: v,
            interval: point,
            stated: point,
            unit: "score".into(),
            per: String::new(),
            form: Form::Exact,
            modifier: String::new(),
            increment: false,
        };
        let measure = Measure {
            what: SCORE_MEASURE.into(),
            unit: "score".into(),
            basis: measure::Basis::Total,
            stage: measure::Stage::Any,
            part: None,
            per: String::new(),
            to: None,
            from: None,
        };
        if out.iter().any(|f| f.start < b && a < f.end) {
            continue;
        }
        out.push(Fact::new(
            a,
            b,
            text,
            FactBody::Quantity {
                subject: Some(w),
                amount,
                measure,
                predicate: Vec::new(),
            },
        ));
    }
}

/// The measure of a final score.
pub const SCORE_MEASURE: &str = "final score";
