//! What opens a sentence: a dateline, whose names are no part of the
//! sentence's events, and a fronted date ("In June last year, ..."), which
//! dates them.
use super::*;

/// Where a dateline ends ("LA PAZ (Reuters) - ", "LONDON (AP) — ",
/// "SANTIAGO — "): its names are no part of the sentence's events.
pub(super) fn dateline_end(text: &str, start: usize, end: usize) -> usize {
    let head =
        &text[start..crate::analysis::claims::words::floor_boundary(text, (start + 80).min(end))];
    // A label or a scoreline before a colon ("BREAKING:", "Bradford State
    // 88, Carver 80:"): capitalised words and numbers only.
    if let Some(k) = head.find(": ") {
        let words: Vec<&str> = head[..k].split_whitespace().collect();
        let label = !words.is_empty()
            && words.len() <= 8
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        if label {
            return start + k + 2;
        }
    }
    for sep in [" - ", " — ", " – ", "—", " -- "] {
        if let Some(k) = head.find(sep) {
            let before = &head[..k];
            let letters: Vec<char> = before.chars().filter(|c| c.is_alphabetic()).collect();
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            if !letters.is_empty()
                && (upper * 2 >= letters.len() || before.trim_end().ends_with(')'))
            {
                return start + k + sep.len();
            }
        }
    }
    start
}

/// Words a fronted date may follow or come with ("In June last year,",
/// "Earlier on Sunday,", "Last week,").
const FRONTING: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "early",
    "late",
    "earlier",
    "later",
    "by",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The date mention that opens the sentence and is closed off by a comma,
/// with the days it stands for.
pub(super) fn fronted_date(sf: &SentenceFrames, inp: &SentenceInput) -> Option<(u32, (Ymd, Ymd))> {
    let first = sf.parse.tokens.first()?;
    let m = inp.mentions.iter().copied().find(|&m| {
        inp.doc.mentions[m as usize].kind == crate::analysis::model::EntityKind::Date
            && inp.doc.mentions[m as usize].start >= first.start
    })?;
    let men = &inp.doc.mentions[m as usize];
    let before = inp.text.get(first.start..men.start)?;
    let words_ok = |t: &str| {
        t.split_whitespace().count() <= 2
            && t.split_whitespace()
                .all(|w| FRONTING.contains(&w.to_ascii_lowercase().as_str()))
    };
    let after = inp.text.get(men.end..inp.end)?;
    let comma = after.find(',')?;
    if !words_ok(before) || !words_ok(&after[..comma]) {
        return None;
    }
    Some((m, dating::resolve_date(inp, m)?))
}
