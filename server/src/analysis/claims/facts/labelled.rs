//! The "Label: value" lines of fact boxes, who's-who lists and key-number
//! lines: "Employees: 9,400", "Founded: 1964 | Headquarters: Vigo",
//! "Finance: Goran Tomić (Civic Alliance)", "Some numbers: 187 km, an
//! average of 45.3 km/h". Such a line has no verb; its label names what
//! its value is (a measure, a count's noun, an office), and what it is of
//! is what the page is about, as for an amount whose sentence names no
//! subject. This module finds the segments; the readers are
//! [`labelled_counts`] here, [`super::fact_box`] (amounts with a unit),
//! [`super::fact_sheet`] (casualty counts), [`super::key_numbers`] (lists
//! of amounts) and the office reader's list lines.
use super::*;
use crate::analysis::claims::quantity::measure_frames::{
    counted_class, frame_for, Counted, Cue, WordKind,
};

/// One "Label: value" segment: a line, or a part of one between " | ".
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Segment {
    /// The label, lower case ("headquarters", "stage 3").
    pub label: String,
    pub label_start: usize,
    pub value_start: usize,
    pub value_end: usize,
}

/// A label: up to six words opening with a capital, the last of which
/// may be a number ("Stage 3"), then a colon and a space. A list mark
/// may come first.
static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:[*\u{2022}\u{2013}-]\s*)?([A-Z][A-Za-z'’]*(?:[ -](?:[A-Za-z][A-Za-z'’]*|&)){0,5}(?: \d{1,3})?)\s*:\s+",
    )
    .unwrap()
});

/// Labels of page furniture: a photo's caption or credit, a byline, a
/// share or read-more line, tags, a time stamp. Their values are never a
/// fact of the story.
const FURNITURE: &[&str] = &[
    "photo",
    "image",
    "picture",
    "video",
    "caption",
    "credit",
    "credits",
    "source",
    "sources",
    "by",
    "author",
    "reporting",
    "writing",
    "editing",
    "editor",
    "contact",
    "email",
    "tags",
    "tag",
    "topics",
    "share",
    "read",
    "read more",
    "see",
    "see also",
    "related",
    "more",
    "updated",
    "published",
    "posted",
    "filed",
    "last updated",
    "copyright",
    "note",
    "watch",
    "listen",
    "follow",
    "subscribe",
    "advertisement",
    "sponsored",
    "file",
    "pictured",
];

/// The "Label: value" segments of `text[start..end]`, line by line.
pub(crate) fn segments(text: &str, start: usize, end: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = start;
    for line in text[start..end].split_inclusive('\n') {
        let line_end = at + line.trim_end().len();
        let mut piece = at;
        loop {
            let stop = text[piece..line_end]
                .find(" | ")
                .map_or(line_end, |i| piece + i);
            if let Some(c) = LABEL.captures(&text[piece..stop]) {
                let g = c.get(1).expect("label");
                let label = g.as_str().to_lowercase().replace('’', "'");
                let value_start = piece + c.get(0).expect("match").end();
                if !FURNITURE.contains(&label.as_str()) && value_start < stop {
                    out.push(Segment {
                        label,
                        label_start: piece + g.start(),
                        value_start,
                        value_end: stop,
                    });
                }
            }
            if stop >= line_end {
                break;
            }
            piece = stop + 3;
        }
        at += line.len();
    }
    out
}

/// The heading a box line stands under: the nearest line before it, up
/// over the box's other labelled lines, blank lines and list marks, that
/// is no labelled line itself. None when the line opens the page.
fn heading_of(text: &str, line_start: usize) -> Option<&str> {
    let mut end = line_start;
    loop {
        let before = text[..end].trim_end_matches(['\n', '\r', ' ', '\t']);
        if before.is_empty() {
            return None;
        }
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = &before[start..];
        if LABEL.is_match(line) || line.trim_start().starts_with(['-', '*', '\u{2022}']) {
            end = start;
            continue;
        }
        return Some(line.trim());
    }
}

/// Words of a heading that put its box at another time than the report:
/// the figures of a past event or term.
const OTHER_TIME: &[&str] = &[
    "previous",
    "outgoing",
    "former",
    "last",
    "old",
    "past",
    "earlier",
    "ago",
    "then",
    "history",
    "historical",
    "before",
];

/// Whether the box line starting at `line_start` stands under a heading
/// that dates it away from the report ("The previous government",
/// "Last year's floods in numbers", "The 2019 election") or whose year is
/// not the report's. A box of another time tells nothing of the story
/// now: its lines give no fact (precision first).
pub(super) fn under_other_time(inp: &FactInput, line_start: usize) -> bool {
    let Some(h) = heading_of(inp.text, line_start) else {
        return false;
    };
    // A sentence is no heading: the box runs under the story's own text.
    if h.ends_with(['.', '!', '?', '"', '”']) || h.split_whitespace().count() > 12 {
        return false;
    }
    let low = h.to_lowercase();
    let ws: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let report_year = inp.anchor.map(|(a, _)| a.y);
    ws.iter().any(|w| {
        OTHER_TIME.contains(w)
            || (w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit())
                && report_year.is_none_or(|y| w.parse::<i32>().ok() != Some(y)))
    })
}

/// The segments of the sentence a reader may take facts from: not those
/// of a box of another time ([`under_other_time`]).
pub(super) fn live_segments(inp: &FactInput) -> Vec<Segment> {
    segments(inp.text, inp.start, inp.end)
        .into_iter()
        .filter(|s| {
            let line_start = inp.text[..s.label_start].rfind('\n').map_or(0, |i| i + 1);
            !under_other_time(inp, line_start)
        })
        .collect()
}

impl Segment {
    /// A label of up to four words: a fact box's ("Deal value",
    /// "Number of stores"). A longer one is a sentence's clause before a
    /// colon ("Transit gets the biggest boost: $180 million"), which only
    /// the key-number reader takes, for its list of figures.
    pub fn short_label(&self) -> bool {
        self.label.split_whitespace().count() <= 4
    }
}

/// Whether a sentence is, or holds, a "Label: value" line: worth reading
/// although it has no verb (it is a claim only if a fact is read from a
/// value, see [`super::extract_labelled`]).
pub fn labelled_shape(sentence: &str) -> bool {
    !segments(sentence, 0, sentence.len()).is_empty()
        || sentence.lines().any(|l| BULLET_NUMBER.is_match(l))
}

/// The head noun of a label, singular and lower case ("Employees" ->
/// "employee", "Number of stores" -> "store").
fn head_noun(label: &str) -> Option<String> {
    let ws: Vec<&str> = label.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let last = *ws.last()?;
    if last.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    Some(quantity::singular_noun(last))
}

/// The frame a count labelled `head` is of: the label names the measure
/// ("Deaths", "Workforce"), or what is counted as a sentence would have
/// it ("Employees: 9,400" says the company has 9,400 employees).
fn frame_of_label(head: &str, counted: Counted) -> Option<&'static str> {
    let words = vec![head.to_string()];
    let people_named = counted == Counted::People;
    [
        (head, WordKind::Noun),
        (head, WordKind::Adj),
        ("have", WordKind::Verb),
    ]
    .into_iter()
    .find_map(|(lemma, kind)| {
        frame_for(&Cue {
            lemma,
            kind,
            words: &words,
            counted,
            people_named,
        })
    })
    .map(|f| f.measure)
}

/// Outlets a company holds, one unit whatever they are called (as the
/// sentence reader counts "runs 212 supermarkets").
const OUTLETS: &[&str] = &[
    "store",
    "shop",
    "supermarket",
    "outlet",
    "branch",
    "restaurant",
    "establishment",
];

/// Bodies whose size their members count ("new government: the 18
/// ministers"), and the members (as the sentence reader counts "a
/// cabinet of 16 ministers").
const BODIES: &[&str] = &[
    "cabinet",
    "government",
    "council",
    "board",
    "committee",
    "panel",
];
const MEMBERS: &[&str] = &[
    "minister",
    "member",
    "commissioner",
    "judge",
    "councillor",
    "director",
];

/// Counts in labelled segments whose label names their frame:
/// "Employees: 9,400", "Workforce: 9,400 people", "Stores: 212",
/// "Ministers: 12", "new government: the 18 ministers". A count whose
/// label names no frame of the table stays no fact.
pub(super) fn labelled_counts(inp: &FactInput, out: &mut Vec<Fact>) {
    for seg in live_segments(inp).into_iter().filter(Segment::short_label) {
        let Some(head) = head_noun(&seg.label) else {
            continue;
        };
        // "the 18 ministers": the article before the number.
        let value = &inp.text[seg.value_start..seg.value_end];
        let skip = if value.starts_with("the ") { 4 } else { 0 };
        count_in_value(
            inp,
            Some(head),
            (seg.value_start + skip, seg.value_end),
            out,
        );
    }
}

/// Counts of a box's bullets that have no label ("- 212 stores"), under a
/// heading that is no sentence ("Key facts").
pub(super) fn bullet_counts(inp: &FactInput, out: &mut Vec<Fact>) {
    let text = inp.text;
    let mut at = inp.start;
    for line in text[inp.start..inp.end].split_inclusive('\n') {
        let line_start = at;
        let line_end = at + line.trim_end().len();
        at += line.len();
        let Some(m) = BULLET_NUMBER.find(&text[line_start..line_end]) else {
            continue;
        };
        let boxed = heading_of(text, line_start).is_some_and(|h| {
            !h.ends_with(['.', '!', '?', '"', '”']) && h.split_whitespace().count() <= 6
        });
        if !boxed || under_other_time(inp, line_start) {
            continue;
        }
        count_in_value(inp, None, (line_start + m.end() - 1, line_end), out);
    }
}

/// A bullet that opens with a number.
static BULLET_NUMBER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*[*\u{2022}\u{2013}-]\s*\d").unwrap());

/// The count a value at `[vs, ve)` opens with, labelled `head` (or, for
/// a bullet, named by its own noun).
fn count_in_value(
    inp: &FactInput,
    head: Option<String>,
    (vs, ve): (usize, usize),
    out: &mut Vec<Fact>,
) {
    let text = inp.text;
    // The number that opens the value, with its noun if one follows.
    let Some(found) = quantity::read(text, vs, ve)
        .filter(|f| f.start == vs)
        .or_else(|| super::bare_counts::read_bare(text, vs, ve))
        .filter(|f| f.start == vs && f.end <= ve)
    else {
        return;
    };
    // A bare number the reader took for people ("18") counts what the
    // label says.
    let unit = match found.amount.unit.as_str() {
        "person" => String::new(),
        u => u.to_string(),
    };
    // Money, shares, lengths and durations are the amount readers'.
    if !(unit.is_empty() || unit.chars().all(|c| c.is_ascii_lowercase()))
        || DURATIONS.contains(&unit.as_str())
        || measure::is_physical_unit(&unit)
        || (1900.0..2100.0).contains(&found.amount.value) && unit.is_empty()
    {
        return;
    }
    if out
        .iter()
        .any(|f| f.start < found.end && found.start < f.end)
    {
        return;
    }
    let Some(counted_noun) = (if unit.is_empty() {
        head.clone()
    } else {
        Some(unit.clone())
    }) else {
        return;
    };
    let head = head.unwrap_or_else(|| counted_noun.clone());
    let class = counted_class(Some(&counted_noun));
    let (what, unit): (&str, String) = if OUTLETS.contains(&counted_noun.as_str()) {
        ("outlets", "store".into())
    } else if MEMBERS.contains(&counted_noun.as_str())
        && (BODIES.contains(&head.as_str()) || head == counted_noun)
    {
        ("members", counted_noun.clone())
    } else {
        let Some(what) = frame_of_label(&head, class) else {
            return;
        };
        let unit = if class == Counted::People && unit.is_empty() {
            "person".into()
        } else {
            counted_noun
        };
        (what, unit)
    };
    let mut amount = found.amount;
    amount.unit = unit;
    let mut m = Measure {
        what: what.into(),
        unit: amount.unit.clone(),
        basis: measure::Basis::Total,
        stage: measure::Stage::Any,
        part: None,
        per: String::new(),
        to: None,
        from: None,
    };
    measure::fold_frame_units(what, &mut amount.unit, &mut m.unit);
    // A company's staff or outlets, as "The company employs 4,800
    // people" reads: the organisation the page is about.
    let subject = matches!(what, "employed" | "outlets")
        .then(|| super::places::main_organisation(inp.doc))
        .flatten();
    out.push(Fact::new(
        found.start,
        found.end,
        text,
        FactBody::Quantity {
            subject,
            amount,
            measure: m,
            predicate: Vec::new(),
        },
    ));
}

/// Where the organisation a page is about is based, from a fact box's
/// "Headquarters: Vigo" or "Based in: Vigo".
pub(super) fn labelled_seat(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    for seg in live_segments(inp).into_iter().filter(Segment::short_label) {
        if !matches!(
            seg.label.as_str(),
            "headquarters" | "hq" | "head office" | "based in" | "base" | "seat"
        ) {
            continue;
        }
        // The place the value opens with, and nothing but places after it
        // ("Vigo, Spain").
        let ms = mentions_in(doc, seg.value_start, seg.value_end);
        let places: Vec<u32> = ms
            .iter()
            .copied()
            .filter(|&k| doc.mentions[k as usize].kind == EntityKind::Location)
            .collect();
        let Some(&first) = places.first() else {
            continue;
        };
        if doc.mentions[first as usize].start != seg.value_start || places.len() != ms.len() {
            continue;
        }
        let Some(org) = super::places::main_organisation(doc) else {
            continue;
        };
        let m = &doc.mentions[first as usize];
        out.push(Fact::new(
            m.start,
            m.end,
            text,
            FactBody::Location {
                subject: org,
                heads: vec!["headquarters".into()],
                places: vec![first],
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &str) -> Vec<(String, String)> {
        segments(t, 0, t.len())
            .into_iter()
            .map(|s| (s.label, t[s.value_start..s.value_end].to_string()))
            .collect()
    }

    #[test]
    fn a_line_and_its_bar_separated_parts_are_labelled_segments() {
        assert_eq!(
            labels("Founded: 1964 | Headquarters: Vigo | Employees: 9,400"),
            [
                ("founded".to_string(), "1964".to_string()),
                ("headquarters".into(), "Vigo".into()),
                ("employees".into(), "9,400".into()),
            ]
        );
        assert_eq!(
            labels("Stage 3: Namur - Huy, 178km"),
            [("stage 3".to_string(), "Namur - Huy, 178km".to_string())]
        );
        assert_eq!(
            labels("- Finance: Goran Tomić (Civic Alliance)"),
            [(
                "finance".to_string(),
                "Goran Tomić (Civic Alliance)".to_string()
            )]
        );
    }

    #[test]
    fn furniture_and_sentences_with_a_colon_are_no_segments() {
        assert!(labels("Photo: Riders on the climb. (AFP)").is_empty());
        assert!(labels("Read more: Tour de France coverage").is_empty());
        assert!(labels("Tags: cycling, Tour de France").is_empty());
        assert!(labels("Updated: 14:05 GMT").is_empty());
        // A sentence's colon after more than six words.
        assert!(labels("The minister told reporters on Tuesday evening: we will act.").is_empty());
        // A time is no label.
        assert!(labels("14:05 Riders leave Namur").is_empty());
    }

    #[test]
    fn a_labels_noun_names_the_frame_of_its_count() {
        assert_eq!(frame_of_label("employee", Counted::Jobs), Some("employed"));
        assert_eq!(frame_of_label("workforce", Counted::Jobs), Some("employed"));
        assert_eq!(frame_of_label("death", Counted::People), Some("killed"));
        assert_eq!(frame_of_label("founded", Counted::People), None);
        assert_eq!(frame_of_label("seat", Counted::People), None);
    }
}
