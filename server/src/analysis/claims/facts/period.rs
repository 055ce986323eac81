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
        .chain(years_naming_a_thing(&text[sa..sb]).map(|(at, y)| (sa + at, y)))
        .collect();
    let earlier = earlier_period(&text[sa..sb], anchor);
    if dated_at.is_empty() && days_before(&text[sa..sb]).is_none() && earlier.is_none() {
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
                // But "last erupted in 2011, when 7,000 people were forced
                // to leave": a "when" clause right after the date is dated
                // by it.
                let when_of_date = at < f.start && {
                    let gap = text[at..f.start].to_ascii_lowercase();
                    gap.find(", when ")
                        .is_some_and(|w| !gap[..w].contains(',') && !gap[w + 7..].contains(','))
                };
                let aside = at < f.start
                    && text[sa..at].contains(',')
                    && text[at..f.start].contains(',')
                    && !when_of_date;
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
        // "Lindvik beat Ostra 4-0 last season", but not "X, whose fund
        // collapsed last year, was sentenced to 12 years": the phrase dates
        // the amount's own clause, no aside between them.
        let before = earlier.and_then(|(at, p)| {
            let (a, b) = if sa + at < f.start {
                (sa + at, f.start)
            } else {
                (f.end.min(sa + at), sa + at)
            };
            (!text[a..b].contains([',', ';', '(', ')'])).then_some(p)
        });
        f.period = if measure.what == "goals" || measure.what == super::scores::SCORE_MEASURE {
            other.or_else(game_day).or_else(days_back).or(before)
        } else {
            other.or(before)
        };
    }
}

/// Years written before a noun they date, which recognition takes for no
/// date ("since a 2015 march against austerity, when about 300 people
/// were arrested", "the 2019 floods"): offsets in `sentence` and the
/// year's days.
fn years_naming_a_thing(sentence: &str) -> impl Iterator<Item = (usize, (Ymd, Ymd))> + '_ {
    static YEAR_NOUN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+((?:19|20)\d{2})\s+[a-z]",
        )
        .unwrap()
    });
    YEAR_NOUN.captures_iter(sentence).filter_map(|c| {
        let y = c.get(1)?;
        let year: i32 = y.as_str().parse().ok()?;
        Some((y.start(), (Ymd::new(year, 1, 1)?, Ymd::new(year, 12, 31)?)))
    })
}

/// Days, when known.
type Span = Option<(Ymd, Ymd)>;

/// An amount's time when its sentence gives none: its report's. A game's
/// result or a player's goals told without the game's day ("Brisbane beat
/// Adelaide 94-86") are of the game the report covers: played on its day
/// or the evening before.
fn implied(what: &str, filed: Option<(Ymd, Ymd)>) -> Option<(Ymd, Ymd)> {
    let (lo, hi) = filed?;
    if what == "goals" || what == super::scores::SCORE_MEASURE {
        Some((lo.add_days(-1), hi))
    } else {
        Some((lo, hi))
    }
}

/// Whether two amounts of the measure `what` (reported at `filed`) are of
/// one time: neither has a period of its own, or their periods overlap,
/// the period of one that has none being its report's time ([`implied`]).
/// A side with neither a period nor a report date tells no time: it is
/// not compared with an amount of a stated period.
pub fn comparable(what: &str, (a, fa): (Span, Span), (b, fb): (Span, Span)) -> bool {
    if a.is_none() && b.is_none() {
        return true;
    }
    match (
        a.or_else(|| implied(what, fa)),
        b.or_else(|| implied(what, fb)),
    ) {
        (Some(x), Some(y)) => crate::analysis::claims::dates::calendar::min_distance(x, y) == 0,
        _ => false,
    }
}

/// "last season", "the previous year", "a month ago": the sentence tells
/// of a time before the report's recent days (not "since last year", which
/// reaches up to the report). Read only as the span from two years before
/// the report to two days before it: enough to keep such an amount from
/// one of the report's own time, as [`comparable`] asks.
fn earlier_period(sentence: &str, anchor: Option<(Ymd, Ymd)>) -> Option<(usize, (Ymd, Ymd))> {
    static EARLIER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(since\s+)?(?:(?:last|previous|the\s+previous|the\s+prior)\s+(?:season|year|month|week|campaign|summer|winter|spring|autumn)|(?:a|one)\s+(?:season|year|month|week)\s+ago)\b",
        )
        .unwrap()
    });
    let (lo, _) = anchor?;
    let at = EARLIER
        .captures_iter(sentence)
        .find(|c| c.get(1).is_none())?
        .get(0)?
        .start();
    Some((at, (lo.add_days(-730), lo.add_days(-2))))
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
    fn periods_compare_when_they_overlap_and_a_missing_one_is_the_report_s_time() {
        let d = |m, day| Ymd::new(2024, m, day).unwrap();
        let day = |m, x| Some((d(m, x), d(m, x)));
        let score = crate::analysis::claims::facts::scores::SCORE_MEASURE;
        assert!(comparable("price", (None, None), (None, day(3, 1))));
        assert!(comparable("price", (day(2, 15), None), (day(2, 15), None)));
        assert!(!comparable("price", (day(2, 15), None), (day(2, 17), None)));
        // Unknown on one side: no time to compare with.
        assert!(!comparable("price", (day(2, 15), None), (None, None)));
        // Last year's price is not this report's.
        let last_year = Some((d(1, 1), d(1, 31)));
        assert!(!comparable("price", (last_year, None), (None, day(2, 15))));
        // A result without its day is of the report's day or the evening
        // before: Saturday's game in Sunday's report, not Thursday's.
        assert!(comparable(score, (day(2, 17), None), (None, day(2, 18))));
        assert!(!comparable(score, (day(2, 15), None), (None, day(2, 18))));
    }

    #[test]
    fn last_season_is_before_the_report_but_since_last_year_is_not() {
        let d = |m, day| Ymd::new(2024, m, day).unwrap();
        let at = Some((d(9, 14), d(9, 14)));
        let (_, p) = earlier_period("Lindvik beat Ostra 4-0 at home last season.", at).unwrap();
        assert!(p.1 < d(9, 14));
        assert!(earlier_period("a year ago the club was bottom", at).is_some());
        assert!(earlier_period("the worst toll since last year", at).is_none());
        assert!(earlier_period("beat Ostra 4-0 on Sunday", at).is_none());
        assert!(earlier_period("last season", None).is_none());
    }
}
