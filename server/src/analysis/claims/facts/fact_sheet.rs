//! Counts in a fact sheet's "label: value" lines: "* Deaths: twenty-three
//! confirmed by Thursday", "Missing: 11", "- Evacuated: 180,000 people".
//! The label names the measure; the line has no verb for the parse to
//! read it from. The event is the one the article reports.
use super::*;

/// A line's label and what follows it.
static LABELLED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s*(?:[*\u{2022}\u{2013}-]\s*)?(deaths|dead|killed|fatalities|death toll|injured|wounded|injuries|missing|evacuated|displaced)\s*:\s*",
    )
    .unwrap()
});

/// Whether a sentence is (or holds, the splitter joining lines without a
/// full stop) a fact sheet's labelled count ("* Deaths: 23") or amount
/// ("Turnout: 54.2%", [`super::fact_box`]): a claim although it is no
/// sentence and has no verb.
pub fn is_labelled_count(sentence: &str) -> bool {
    super::fact_box::is_labelled_amount(sentence)
        || sentence.lines().any(|line| {
            LABELLED.find(line).is_some_and(|m| {
                let rest = &line[m.end()..];
                let first = rest.split_whitespace().next().unwrap_or("");
                first.chars().next().is_some_and(|c| c.is_ascii_digit())
                    || crate::analysis::claims::quantity::number::is_number_word(
                        first.trim_end_matches([',', '.', ';']),
                    )
            })
        })
}

/// The measure a label names.
fn measure_of(label: &str) -> &'static str {
    match label.to_ascii_lowercase().as_str() {
        "injured" | "wounded" | "injuries" => "injured",
        "missing" => "missing",
        "evacuated" | "displaced" => "displaced",
        _ => "killed",
    }
}

/// Words after the count that make it a count as of a time.
fn at_a_time(rest: &str) -> bool {
    let low = rest.to_ascii_lowercase();
    ["by ", "so far", "as of", "to date", "confirmed"]
        .iter()
        .any(|w| low.contains(w))
}

/// The counts of the labelled lines of a fact sheet.
pub(super) fn labelled_count(inp: &FactInput, out: &mut Vec<Fact>) {
    let mut at = inp.start;
    for line in inp.text[inp.start..inp.end].split_inclusive('\n') {
        line_count(inp, (at, at + line.trim_end().len()), out);
        at += line.len();
    }
}

/// The count of one labelled line at `start..end`.
fn line_count(inp: &FactInput, (start, end): (usize, usize), out: &mut Vec<Fact>) {
    let text = inp.text;
    let line = &text[start..end];
    let Some(c) = LABELLED.captures(line) else {
        return;
    };
    // A box of another time's figures ("Last year's floods: Deaths: 40").
    if super::labelled::under_other_time(inp, start) {
        return;
    }
    let label = c.get(1).expect("group").as_str();
    let value_at = start + c.get(0).expect("match").end();
    // The number right after the label, read as people when no noun
    // follows it.
    let first_end = text[value_at..end]
        .find(char::is_whitespace)
        .map_or(end, |i| value_at + i);
    if value_at >= first_end {
        return;
    }
    let found = quantity::read(text, value_at, first_end)
        .filter(|f| f.start == value_at && f.end <= end)
        .filter(|f| f.amount.unit.is_empty() || f.amount.unit == "person")
        .or_else(|| super::bare_counts::read_bare(text, value_at, first_end));
    let Some(found) = found.filter(|f| f.start == value_at && f.end <= end) else {
        return;
    };
    if out
        .iter()
        .any(|f| f.start < found.end && found.start < f.end)
    {
        return;
    }
    let mut amount = found.amount;
    amount.unit = "person".into();
    let stage = if at_a_time(&text[found.end..end]) {
        measure::Stage::Partial
    } else {
        measure::Stage::Any
    };
    let measure = Measure {
        what: measure_of(label).into(),
        unit: "person".into(),
        basis: measure::Basis::Total,
        stage,
        part: None,
        per: String::new(),
        to: None,
        from: None,
    };
    let mut f = Fact::new(
        found.start,
        found.end,
        text,
        FactBody::Quantity {
            subject: None,
            amount,
            measure,
            predicate: Vec::new(),
        },
    );
    f.event = crate::analysis::claims::frames::facts::casualty_context(inp.context, inp.another);
    out.push(f);
}
