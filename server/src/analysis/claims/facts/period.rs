//! The time an amount's own sentence gives it, when that is not simply the
//! time of the report: "The EU gave €38 million in aid last year", "revenue
//! of $2bn in 2019". Such an amount is another instance of its measure (a
//! past tranche of aid, last year's revenue): comparing it with this week's
//! announcement would report a contradiction that is not one.
//!
//! A player's goals are counted per game, and the game is told by its day:
//! "scored twice ... on Saturday" and "found the net three times on
//! Thursday" are two games, whatever the file dates say.
use super::*;
use crate::analysis::claims::dates::context::resolve_in_text;
use crate::analysis::claims::dates::Ymd;

/// A period at least this long (a month, a year) that does not contain the
/// report's date marks an amount of another time. Shorter spans (a day, a
/// week) date events, which the event comparison already weighs.
const MIN_PERIOD_DAYS: i64 = 28;

/// Sets `Fact::period` on the quantity facts of the sentence `sa..sb`.
pub fn mark(
    facts: &mut [Fact],
    text: &str,
    doc: &DocAnalysis,
    (sa, sb): (usize, usize),
    anchor: Option<(Ymd, Ymd)>,
) {
    if !facts
        .iter()
        .any(|f| matches!(f.body, FactBody::Quantity { .. }))
    {
        return;
    }
    let dated_at: Vec<(usize, (Ymd, Ymd))> = mentions_in(doc, sa, sb)
        .into_iter()
        .map(|i| &doc.mentions[i as usize])
        .filter(|m| m.kind == EntityKind::Date)
        .filter_map(|m| {
            Some((
                m.start,
                resolve_in_text(text, sa, sb, m.start, m.end, anchor)?,
            ))
        })
        .map(|(at, d)| (at, d.interval))
        .collect();
    if dated_at.is_empty() && days_before(&text[sa..sb]).is_none() {
        return;
    }
    // The day of a game is past: a match report tells of a game played
    // ("scored twice ... on Saturday"), whatever tense the clause's other
    // verbs suggest.
    let game_day = || {
        mentions_in(doc, sa, sb)
            .into_iter()
            .map(|i| &doc.mentions[i as usize])
            .filter(|m| m.kind == EntityKind::Date)
            .filter_map(|m| dates::parse(m.text(text)))
            .find_map(|d| dates::resolve(&d, anchor, dates::Tense::Past))
    };
    // "who had a hat trick against Nordvik two days earlier": counted
    // back from the report's day.
    let days_back = || {
        let (lo, hi) = anchor?;
        let n = days_before(&text[sa..sb])?;
        Some((Ymd::from_days(lo.days() - n), Ymd::from_days(hi.days() - n)))
    };
    for f in facts.iter_mut() {
        let FactBody::Quantity { measure, .. } = &f.body else {
            continue;
        };
        // The amount's own period: a date after it in another clause ("for
        // $1.9bn, its largest acquisition since it listed in 2015") or of
        // the offence a fine is for ("fined X €300,000 over a fuel spill
        // in 2021") dates something else.
        let court = matches!(measure.what.as_str(), "fine" | "damages");
        // Of another time than the report's: a long period that leaves
        // out the report's days.
        let other = anchor.and_then(|a| {
            dated_at.iter().find_map(|&(at, (lo, hi))| {
                // "The agreement, first announced in January, values X
                // at": a date in an aside before the amount dates the
                // aside.
                let aside =
                    at < f.start && text[sa..at].contains(',') && text[at..f.start].contains(',');
                let elsewhere = aside
                    || at > f.end && {
                        let between = text[f.end..at].to_ascii_lowercase();
                        between.contains(',')
                            || between.contains(" since ")
                            || (court
                                && [" over ", " for ", " after ", " from "]
                                    .iter()
                                    .any(|w| between.contains(w)))
                    };
                // A deal keeps its price from the month it was agreed to
                // its closing: only another year is another deal's.
                let min = if measure.what == "price" {
                    365
                } else {
                    MIN_PERIOD_DAYS
                };
                let long = hi.days() - lo.days() + 1 >= min;
                let apart = crate::analysis::claims::dates::calendar::min_distance((lo, hi), a) > 0;
                (long && apart && !elsewhere).then_some((lo, hi))
            })
        });
        f.period = if measure.what == "goals" || measure.what == super::scores::SCORE_MEASURE {
            other.or_else(game_day).or_else(days_back)
        } else {
            other
        };
    }
}

/// Whether two amounts' own periods allow them to be compared: neither
/// has one, or both have and they overlap.
pub fn comparable(a: Option<(Ymd, Ymd)>, b: Option<(Ymd, Ymd)>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => crate::analysis::claims::dates::calendar::min_distance(x, y) == 0,
        _ => false,
    }
}

/// "two days earlier", "3 days ago", "a day before": how many days back
/// from the report a sentence places what it tells.
fn days_before(sentence: &str) -> Option<i64> {
    static BACK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(a|one|two|three|four|five|six|[1-6])\s+days?\s+(?:earlier|before|ago)\b",
        )
        .unwrap()
    });
    let c = BACK.captures(sentence)?;
    Some(match c.get(1)?.as_str().to_ascii_lowercase().as_str() {
        "a" | "one" | "1" => 1,
        "two" | "2" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        "five" | "5" => 5,
        _ => 6,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_back_are_read_in_words_and_digits() {
        assert_eq!(days_before("who had a hat trick two days earlier"), Some(2));
        assert_eq!(days_before("scored 3 days ago"), Some(3));
        assert_eq!(days_before("a day before the final"), Some(1));
        assert_eq!(days_before("in the days before the final"), None);
    }

    #[test]
    fn periods_compare_only_when_both_or_neither_are_known() {
        let d = |m, day| Ymd::new(2024, m, day).unwrap();
        assert!(comparable(None, None));
        assert!(!comparable(Some((d(2, 15), d(2, 15))), None));
        assert!(comparable(
            Some((d(2, 15), d(2, 15))),
            Some((d(2, 15), d(2, 15)))
        ));
        assert!(!comparable(
            Some((d(2, 15), d(2, 15))),
            Some((d(2, 17), d(2, 17)))
        ));
    }
}
