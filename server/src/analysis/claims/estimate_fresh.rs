//! What an undated page's words say of how fresh its news is, and which
//! of its weekdays tell of things before its news (see
//! [`super::estimate::LookBack`]): read for placing the page among its
//! story's reports ([`super::folder_dates`]).
use super::dateline::Dated;
use super::dates::Tense;

/// How much of an undated page is its lead, to read whether it tells its
/// news as fresh.
const LEAD_CHARS: usize = 600;

/// Days after the latest day a page tells of that its fresh words allow:
/// "today", "this morning" are the day of writing, "yesterday" the day
/// after its news (two days, for a news day the reports place a day
/// early); a weekday with no "last" is within the week.
const FRESH_DAY: u8 = 2;
const FRESH_WEEKDAY: u8 = 6;

/// Words of a sentence that may tell of the days before a page's news
/// (a past perfect, a warning, a forecast, "before", "ahead of"): a
/// weekday in it is no later stage of the story.
const BEFORE_WORDS: &[&str] = &[
    "had",
    "hadn't",
    "earlier",
    "before",
    "ahead",
    "prior",
    "warned",
    "warning",
    "warnings",
    "forecast",
    "forecasters",
    "expected",
    "predicted",
];

/// Whether the weekday `d` may tell of something before the page's news:
/// its sentence says so by one of [`BEFORE_WORDS`] ("had warned on
/// Thursday", "on Friday, before the storm", "forecasters said on
/// Thursday the storm was expected").
pub(super) fn told_before(text: &str, d: &Dated) -> bool {
    let from = text[..d.start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let rest = &text[d.start..];
    let to = d.start + rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len());
    let sentence = text[from..to].to_lowercase();
    let ws: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    ws.iter().enumerate().any(|(i, w)| {
        BEFORE_WORDS.contains(w)
            // "brought before a judge" is in front of, not earlier than.
            && !(*w == "before"
                && ws
                    .iter()
                    .skip(i + 1)
                    .take(2)
                    .any(|x| IN_FRONT_OF.contains(x)))
    })
}

/// Bodies one is brought "before": "before" then means in front of.
const IN_FRONT_OF: &[&str] = &[
    "judge",
    "judges",
    "court",
    "magistrate",
    "magistrates",
    "tribunal",
    "committee",
    "parliament",
    "panel",
    "jury",
];

/// Whether the weekday `d` is told as after something: the rest of its
/// sentence says "after" or "later" ("reached the town on Wednesday,
/// three days after the earthquake").
pub(super) fn told_after(text: &str, d: &Dated) -> bool {
    let rest = &text[d.end..];
    let end = rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len());
    rest[..end]
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "after" | "later"))
}

/// Whether the page's lead tells its news as fresh, and how many days
/// after its latest day that allows (see [`LookBack::fresh`]): a
/// "today", "this morning", "yesterday" or a weekday with no "last" in
/// the past, the lead telling nothing as older.
pub(super) fn fresh_days(text: &str, all: &[Dated], before: &[u8]) -> Option<u8> {
    use super::dates::{Relative, Which};
    let mut end = LEAD_CHARS.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lead = text[..end].to_lowercase();
    let words: Vec<&str> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let pair = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    let in_lead: Vec<&Dated> = all.iter().filter(|d| d.start < end).collect();
    let older = words.iter().any(|w| matches!(*w, "ago" | "since"))
        || in_lead.iter().any(|d| {
            d.expr.which == Some(Which::Last)
                || matches!(
                    d.expr.rel,
                    Some(Relative::Period(_, k)) | Some(Relative::Weekend(k)) if k < 0
                )
                || matches!(d.expr.rel, Some(Relative::Day(k)) if k < -1)
        });
    if older {
        return None;
    }
    let today = ["morning", "afternoon", "evening"]
        .iter()
        .any(|p| pair("this", p))
        || words.iter().any(|w| matches!(*w, "today" | "tonight"));
    let yesterday = words.contains(&"yesterday");
    let weekday = in_lead.iter().any(|d| {
        d.ctx.tense != Tense::Future
            && d.expr.d.is_none()
            && d.expr.rel.is_none()
            && d.expr.which.is_none()
            && d.expr.weekday.is_some_and(|w| !before.contains(&w))
    });
    if yesterday || today {
        Some(FRESH_DAY)
    } else if weekday {
        Some(FRESH_WEEKDAY)
    } else {
        None
    }
}
