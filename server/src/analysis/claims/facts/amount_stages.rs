//! Stages of a count that changes over time. "By Friday, 40 ships were
//! waiting", "As of Tuesday evening, 58", "On the first day of the strike,
//! 12", "At its peak, 65": each is the count at one moment, and a report
//! gives several. A count at a stated moment is a stage
//! ([`Stage::Moment`]), the highest it reached is the peak
//! ([`Stage::Peak`]); neither conflicts with another stage (see
//! `index::story_compare::stages`), though equal values still agree.
//! Money is left alone: a price "by Friday" is a deadline, not a stage.
use std::sync::LazyLock;

use regex::Regex;

use super::*;
use crate::analysis::claims::quantity::measure::Stage;

/// A stated moment ("by Friday", "as of 6pm", "on the first day", "at one
/// point").
static MOMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?:
          (?:by|as\ of|as\ at)\ (?:(?:early|late|mid)[-\ ])?
            (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|midday|noon|midnight
              |nightfall|dawn|dusk|then|tonight|last\ night
              |the\ (?:end|start|close|morning|evening|afternoon|weekend)
              |this\ (?:morning|afternoon|evening|week)
              |\d{1,2}(?::\d{2})?\ ?(?:am|pm|a\.m\.|p\.m\.|gmt|utc|local))
          |on\ (?:the\ )?(?:first|second|third|fourth|fifth|sixth|seventh|last|final|opening)\ day
          |on\ day\ \d+
          |at\ one\ (?:point|stage)
          |at\ (?:the\ )?(?:start|outset|beginning)\ of
        )\b",
    )
    .expect("valid regex")
});

/// The peak ("at its peak", "at the height of the strike", "peaked at").
static PEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:at (?:its|their|the) (?:peak|height|highest)|peak(?:ed)? (?:at|of))\b")
        .expect("valid regex")
});

/// The stage a count's clause states, if any.
pub(super) fn stated_stage(clause: &str) -> Option<Stage> {
    let low = clause.to_lowercase();
    if PEAK.is_match(&low) {
        Some(Stage::Peak)
    } else if MOMENT.is_match(&low) {
        Some(Stage::Moment)
    } else {
        None
    }
}

/// Numbers, in figures or words.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)\b",
    )
    .expect("valid regex")
});

/// The part of clause `(ca, cb)` around the amount `(fs, fe)` that lies
/// between the numbers before and after it.
fn between_numbers(
    text: &str,
    (ca, cb): (usize, usize),
    (fs, fe): (usize, usize),
) -> (usize, usize) {
    let mut lo = ca;
    let mut hi = cb;
    for m in NUMBER.find_iter(&text[ca..cb]) {
        let (a, b) = (ca + m.start(), ca + m.end());
        if b <= fs {
            lo = lo.max(b);
        } else if a >= fe {
            hi = hi.min(a);
        }
    }
    (lo, hi.max(lo))
}

/// Marks the counts of a sentence's facts with the stage their clause
/// states.
pub(super) fn mark(inp: &FactInput, out: &mut [Fact]) {
    for f in out.iter_mut() {
        let FactBody::Quantity {
            amount, measure, ..
        } = &mut f.body
        else {
            continue;
        };
        if super::amount_parties::is_money_unit(&amount.unit) || measure.what == "price" {
            continue;
        }
        let (ca, cb) = clause(inp.text, inp.start, inp.end, f.start, f.end);
        // Only the words nearer this count than another number ("40 ships
        // on Friday, down from 65 at the height of the strike": the peak
        // is the 65's).
        let (ca, cb) = between_numbers(inp.text, (ca, cb), (f.start, f.end));
        // A count already read as one so far ("as of", "had burned 12,400
        // acres by Thursday morning") keeps that stage: two such counts of
        // one day still conflict. The peak is the peak.
        let words = &inp.text[ca..cb];
        // "had burned 4,200 hectares by Wednesday" in a report of that
        // Wednesday: the count as the report went out, as "has burned"
        // is, no earlier stage.
        if by_report_day(words, inp.anchor) {
            let low = words.to_lowercase();
            let so_far = ["so far", "to date", "as of", "thus far", "still"]
                .iter()
                .any(|w| low.contains(w));
            if measure.stage == Stage::Partial && !so_far {
                measure.stage = Stage::Any;
            }
            continue;
        }
        match stated_stage(words) {
            Some(Stage::Peak) => measure.stage = Stage::Peak,
            Some(stage) if measure.stage == Stage::Any => measure.stage = stage,
            _ => {}
        }
    }
}

/// Whether the only moment a clause states is "by <weekday>" of the
/// report's own day (`anchor`: the publication date, one day).
fn by_report_day(clause: &str, anchor: Option<(dates::Ymd, dates::Ymd)>) -> bool {
    let Some((lo, _)) = anchor.filter(|(lo, hi)| lo == hi) else {
        return false;
    };
    let low = clause.to_lowercase();
    let today = dates::calendar::weekday_name(lo.weekday()).to_lowercase();
    let words: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let by_today = words.windows(2).any(|w| w[0] == "by" && w[1] == today);
    // "by Wednesday morning", "by Wednesday, 6pm": a time of the day.
    let later = words.windows(3).any(|w| {
        w[0] == "by"
            && w[1] == today
            && matches!(w[2], "morning" | "afternoon" | "evening" | "night" | "noon")
    });
    by_today && !later
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_the_report_s_own_weekday_is_no_stage() {
        // 22 July 2026 is a Wednesday.
        let d = dates::Ymd {
            y: 2026,
            m: 7,
            d: 22,
        };
        let t = "The wildfire had burned through some 4,200 hectares by Wednesday";
        assert!(by_report_day(t, Some((d, d))));
        assert!(!by_report_day(
            "had burned 4,200 hectares by Tuesday",
            Some((d, d))
        ));
        assert!(!by_report_day(
            "had burned 4,200 hectares by Wednesday morning",
            Some((d, d))
        ));
        assert!(!by_report_day(t, None));
    }

    #[test]
    fn a_stage_is_of_the_nearest_count() {
        let t = "Forty ships were waiting on Friday, down from 65 at the height of the strike.";
        let (a, b) = between_numbers(t, (0, t.len()), (0, 11));
        assert_eq!(stated_stage(&t[a..b]), None, "{}", &t[a..b]);
        let at = t.find("65").unwrap();
        let (a, b) = between_numbers(t, (0, t.len()), (at, at + 2));
        assert_eq!(stated_stage(&t[a..b]), Some(Stage::Peak), "{}", &t[a..b]);
    }

    #[test]
    fn stated_moments_and_peaks_are_stages() {
        for s in [
            "By Friday, 40 ships were waiting to enter the port",
            "As of Tuesday evening, 58 ships were waiting",
            "On the first day of the strike, 12 ships were waiting",
            "the fire had burned 12,400 acres by Thursday morning",
            "at one point 30 trucks were queuing",
        ] {
            assert_eq!(stated_stage(s), Some(Stage::Moment), "{s}");
        }
        for s in [
            "At its peak on Wednesday, 65 ships were waiting at anchor",
            "down from 65 at the height of the strike",
            "the queue peaked at 70 ships",
        ] {
            assert_eq!(stated_stage(s), Some(Stage::Peak), "{s}");
        }
        for s in [
            "40 ships were waiting to enter the port on Friday",
            "The strike lasted nine days",
            "200 trucks were hired by the company",
        ] {
            assert_eq!(stated_stage(s), None, "{s}");
        }
    }
}

/// Words by which a report tells that its event's toll rose after the
/// event: someone died later ("died of her injuries on Wednesday", "a third
/// resident has died", "died overnight in hospital", "succumbed"), or the
/// toll itself rose ("the death toll rose to 12", "brings the toll to
/// three", "the number of dead has climbed").
static TOLL_ROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:died|succumbed)\s+(?:of|from|to)\s+(?:his|her|their|the)\s+(?:injuries|wounds|burns)\b
        | \b(?:later|subsequently)\s+died\b
        | \bdied\s+(?:later|overnight|in\s+hospital|in\s+intensive\s+care)\b
        | \b(?:another|a\s+(?:second|third|fourth|fifth|sixth))\s+\w+\s+(?:has\s+|had\s+)?died\b
        | \btoll\b(?:\s+[\w'-]+){0,5}?\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|climbs|increased|jumped)\b
        | \bbrings?\s+the\s+(?:death\s+)?toll\s+to\b
        | \bnumber\s+of\s+(?:dead|deaths|people\s+killed|victims)\s+(?:has\s+|had\s+)?(?:risen|rose|climbed|increased)\b",
    )
    .unwrap()
});

/// Whether a report tells of its toll rising after the event (see
/// [`TOLL_ROSE`]). Such a report's higher count and an earlier day's lower
/// one are the toll at two times, not two accounts of one toll.
pub fn tells_toll_rose(text: &str) -> bool {
    TOLL_ROSE.is_match(text)
}

#[cfg(test)]
mod toll_rose_tests {
    use super::tells_toll_rose;

    #[test]
    fn a_report_that_tells_of_later_deaths_or_a_rising_toll() {
        for t in [
            "An 81-year-old woman died of her injuries on Wednesday morning.",
            "A third resident has died after Monday night's fire.",
            "Death toll in tower fire rises to three",
            "That brings the toll to three dead.",
            "Two of the injured died overnight in hospital.",
            "The number of dead has climbed to 44.",
        ] {
            assert!(tells_toll_rose(t), "{t}");
        }
        for t in [
            "Twenty-one people were killed when a launch capsized on Sunday.",
            "In total 39 people died in this accident.",
            "The toll is expected to rise.",
            "He died in 2011.",
        ] {
            assert!(!tells_toll_rose(t), "{t}");
        }
    }
}
