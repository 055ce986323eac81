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

/// Whether the weekday `d` tells of something before the page's news:
/// its clause is in the past perfect ("had warned on Thursday") or the
/// words after it put it before ("on Friday, before the storm", "ahead
/// of").
pub(super) fn told_before(text: &str, d: &Dated) -> bool {
    let from = text[..d.start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let before = text[from..d.start].to_lowercase();
    let perfect = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| matches!(w, "had" | "hadn't" | "earlier"));
    let mut to = (d.end + 24).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text[d.end..to].to_lowercase();
    let after = after.trim_start_matches([',', ' ']);
    perfect || after.starts_with("before") || after.starts_with("ahead of")
}

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
