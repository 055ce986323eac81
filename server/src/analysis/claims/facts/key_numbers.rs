//! Race figures in labelled lines that name no measure: a key-numbers
//! line ("Some numbers for the nerds: 187 km, average of 45.3 km/h, and a
//! finishing time ...") and a stage's sub-heading ("Stage 3: Namur - Huy,
//! 178km"). The words of each item say what it measures, as the sentence
//! reader does ([`super::physical`]): a length on a page about a race is
//! its distance, a speed after "average" its average speed. Other items
//! stay no fact.
use super::labelled::{live_segments, Segment};
use super::*;
use crate::analysis::text::ordinals::ORDINALS;

/// Nouns of a race or one of its parts (the sentence reader's too).
const RACES: &[&str] = &["stage", "race", "leg", "course", "route", "time trial"];

/// Whether the page tells of a race.
fn about_a_race(text: &str) -> bool {
    let low = text.to_lowercase();
    RACES.iter().any(|r| {
        low.match_indices(r).any(|(i, _)| {
            let before = low[..i].chars().next_back();
            let after = low[i + r.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic)
                && !after.is_some_and(|c| c.is_alphabetic() && c != 's')
        })
    })
}

/// A sub-heading's label that names a race part and its number ("Stage
/// 3", "Leg 2").
fn names_a_race_part(label: &str) -> bool {
    let mut ws = label.split(' ');
    let (Some(noun), Some(n), None) = (ws.next(), ws.next(), ws.next()) else {
        return false;
    };
    RACES.contains(&noun) && n.chars().all(|c| c.is_ascii_digit())
}

/// Whether sub-heading `label` ("stage 3") at `[a, b)` names the race
/// part the page reports: the first the text outside it tells of, as
/// "stage 3" or "the third stage". A sub-heading of another part (a
/// results page's earlier stage) keeps its figures apart from the
/// story's.
fn story_part(text: &str, (a, b): (usize, usize), label: &str) -> bool {
    let Some((noun, n)) = label.split_once(' ') else {
        return false;
    };
    let Ok(n) = n.parse::<usize>() else {
        return false;
    };
    let low = format!("{} {}", &text[..a], &text[b..]).to_lowercase();
    // The first mention of any numbered part of the race.
    let first = (1..=ORDINALS.len())
        .flat_map(|k| {
            [format!("{noun} {k}"), format!("{} {noun}", ORDINALS[k - 1])]
                .into_iter()
                .filter_map(|p| {
                    low.match_indices(&p)
                        .find(|(i, _)| {
                            let after = low[i + p.len()..].chars().next();
                            !after.is_some_and(|c| c.is_ascii_digit())
                        })
                        .map(|(i, _)| i)
                })
                .map(move |i| (i, k))
                .collect::<Vec<_>>()
        })
        .min();
    first.is_some_and(|(_, k)| k == n)
}

/// The item of a list that holds `[a, b)`: from the comma (or the
/// segment's start) before it.
fn item_before(text: &str, seg: &Segment, a: usize) -> String {
    let from = text[seg.value_start..a]
        .rfind([',', ';'])
        .map_or(seg.value_start, |i| seg.value_start + i + 1);
    text[from..a].to_lowercase()
}

/// The measure of one listed amount, from its unit and its item's words.
fn measure_of(unit: &str, item: &str) -> Option<&'static str> {
    let words: Vec<&str> = item.split_whitespace().collect();
    match unit {
        // A length on a race's page: the distance raced ("187 km"), not
        // a point on the course ("attacked with 20 km to go").
        "m" if words
            .iter()
            .all(|w| matches!(*w, "and" | "a" | "the" | "over" | "of" | "distance:")) =>
        {
            Some("race distance")
        }
        "km/h" if words.iter().any(|w| w.starts_with("average")) => Some("average speed"),
        _ => None,
    }
}

/// The race figures of the key-number lines and sub-headings of the
/// sentence.
pub(super) fn key_numbers(inp: &FactInput, out: &mut Vec<Fact>) {
    let text = inp.text;
    let segs = live_segments(inp);
    if segs.is_empty() || !about_a_race(text) {
        return;
    }
    for seg in segs {
        let found = quantity::scan(text, seg.value_start, seg.value_end);
        // A list of figures, or a race part's sub-heading.
        let heading = names_a_race_part(&seg.label);
        let part = (heading && !story_part(text, (seg.label_start, seg.value_end), &seg.label))
            .then(|| seg.label.clone());
        if found.len() < 2 && !heading {
            continue;
        }
        for f in found {
            let item = if heading {
                // "Namur - Huy, 178km": the places of the stage, then its
                // length.
                String::new()
            } else {
                item_before(text, &seg, f.start)
            };
            let Some(what) = measure_of(&f.amount.unit, &item) else {
                continue;
            };
            if out.iter().any(|o| o.start < f.end && f.start < o.end) {
                continue;
            }
            let measure = Measure {
                what: what.into(),
                unit: f.amount.unit.clone(),
                basis: measure::Basis::Total,
                stage: measure::Stage::Any,
                part: part.clone(),
                per: String::new(),
                to: None,
                from: None,
            };
            out.push(Fact::new(
                f.start,
                f.end,
                text,
                FactBody::Quantity {
                    subject: None,
                    amount: f.amount,
                    measure,
                    predicate: Vec::new(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_length_is_a_races_distance_and_an_average_its_speed() {
        assert_eq!(measure_of("m", " "), Some("race distance"));
        assert_eq!(measure_of("m", " and "), Some("race distance"));
        assert_eq!(measure_of("km/h", " average of "), Some("average speed"));
        assert_eq!(measure_of("km/h", " top speed of "), None);
        assert_eq!(measure_of("m", " a final climb of "), None);
        assert!(names_a_race_part("stage 3"));
        assert!(!names_a_race_part("stage"));
        assert!(!names_a_race_part("key numbers"));
        assert!(about_a_race("He won the third stage."));
        let t = "Stage 3: Namur - Huy, 178km\n\nHe won the third stage on Wednesday.";
        assert!(story_part(t, (0, 27), "stage 3"));
        let t = "Stage 2: Lille - Namur, 171km\n\nHe won the third stage on Wednesday.";
        assert!(!story_part(t, (0, 29), "stage 2"));
        // A results page that reports the third stage first.
        let t = "He won the third stage.\n\nStage 2: Lille - Namur, 171km\n\nStage 2 was won by X.";
        assert!(!story_part(t, (25, 54), "stage 2"));
        assert!(!about_a_race("A backstage pass."));
    }
}
