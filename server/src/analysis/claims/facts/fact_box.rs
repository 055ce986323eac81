//! Amounts in a fact box's "label: value" lines: "Turnout: 54.2%", "Deal
//! value: €2.1bn (US$2.3bn)", "Area burned: 12,000 hectares". The label
//! names the measure as a governing noun does in a sentence
//! ([`super::measured`]); the line has no verb for the parse to read.
//! Counts of people in such lines are [`super::fact_sheet`]'s.
use super::measured_words::{duration_noun, money_noun, share_noun};
use super::*;

/// A line's label (up to four words) and what follows it.
static LABELLED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\s*(?:[*\u{2022}\u{2013}-]\s*)?([A-Za-z][A-Za-z'’]*(?:[ -][A-Za-z][A-Za-z'’]*){0,3})\s*:\s*",
    )
    .unwrap()
});

/// The kinds of amount a label may measure: money, a percentage, an area
/// or a length, a duration.
fn measurable_unit(unit: &str) -> bool {
    (unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()))
        || unit == "%"
        || matches!(unit, "hectare" | "km" | "mile" | "m" | "tonne" | "kg")
        || DURATIONS.contains(&unit)
}

/// The first amount of a labelled line, if the value starts with it:
/// (label, amounts: the first and one in brackets right after it).
fn line_amounts(
    text: &str,
    (start, end): (usize, usize),
) -> Option<(String, Vec<quantity::Found>)> {
    let line = &text[start..end];
    let c = LABELLED.captures(line)?;
    let label = c.get(1)?.as_str().to_ascii_lowercase();
    let value_at = start + c.get(0)?.end();
    Some((label, value_amounts(text, value_at, end)?))
}

/// The amount a value at `value_at..end` opens with, and the same in
/// another currency in brackets right after it.
fn value_amounts(text: &str, value_at: usize, end: usize) -> Option<Vec<quantity::Found>> {
    let found = quantity::scan(text, value_at, end);
    let first = found.first()?;
    // The value is the amount ("Turnout: 54.2%"), perhaps after a
    // modifier the reader took in ("about"), not a sentence that holds
    // one further on.
    if first.start > value_at + 1 || !measurable_unit(&first.amount.unit) {
        return None;
    }
    let mut out = vec![first.clone()];
    // "€2.1bn (US$2.3bn)": the same value in another currency.
    if let Some(second) = found.get(1) {
        let between = text[first.end..second.start].trim();
        if between == "(" && measurable_unit(&second.amount.unit) {
            out.push(second.clone());
        }
    }
    Some(out)
}

/// Whether a sentence holds a fact box's labelled amount ("Turnout:
/// 54.2%"): a claim although it has no verb.
pub fn is_labelled_amount(sentence: &str) -> bool {
    let mut at = 0;
    sentence.split_inclusive('\n').any(|line| {
        let r = line_amounts(sentence, (at, at + line.trim_end().len())).is_some();
        at += line.len();
        r
    })
}

/// What a label measures for an amount of `unit`: the measure its head
/// noun names ("Transfer fee" -> price), or for a general head ("Deal
/// value", "Loan amount") the noun before it; else the label itself,
/// folded ("Budget deficit" is no budget).
fn measure_of(label: &str, unit: &str) -> String {
    let words: Vec<String> = label
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(quantity::singular_noun)
        .collect();
    let money = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    let named = |w: &str| {
        if money {
            money_noun(w)
        } else if unit == "%" {
            share_noun(w)
        } else if DURATIONS.contains(&unit) {
            duration_noun(w)
        } else {
            None
        }
    };
    let general = |w: &str| matches!(w, "value" | "amount" | "size" | "total" | "figure");
    let named = match words.split_last() {
        Some((head, rest)) if general(head) => rest.last().and_then(|w| named(w)),
        Some((head, _)) => named(head),
        None => None,
    };
    match named {
        Some(m) => m.to_string(),
        // An area, a length: the unit says what, as in a sentence.
        None if !money && unit != "%" && !DURATIONS.contains(&unit) => unit.to_string(),
        None => words.join(" "),
    }
}

/// The amounts of the labelled lines of a fact box, and of the parts of
/// a line between " | " ("Founded: 1964 | Revenue: €1.2bn").
pub(super) fn labelled_amounts(inp: &FactInput, out: &mut Vec<Fact>) {
    for seg in super::labelled::live_segments(inp)
        .into_iter()
        .filter(super::labelled::Segment::short_label)
    {
        let label = seg.label;
        let Some(found) = value_amounts(inp.text, seg.value_start, seg.value_end) else {
            continue;
        };
        for f in found {
            if out.iter().any(|o| o.start < f.end && f.start < o.end) {
                continue;
            }
            let amount = f.amount;
            let per_share = amount.per == "per share";
            let measure = Measure {
                what: if per_share {
                    "share price".into()
                } else {
                    measure_of(&label, &amount.unit)
                },
                unit: amount.unit.clone(),
                basis: if per_share {
                    measure::Basis::PerUnit
                } else {
                    measure::Basis::Total
                },
                stage: measure::Stage::Any,
                part: None,
                per: amount.per.clone(),
                to: None,
                from: None,
            };
            out.push(Fact::new(
                f.start,
                f.end,
                inp.text,
                FactBody::Quantity {
                    subject: None,
                    amount,
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
    fn a_label_names_the_measure_of_its_amount() {
        assert_eq!(measure_of("turnout", "%"), "turnout");
        assert_eq!(measure_of("deal value", "EUR"), "price");
        assert_eq!(measure_of("transfer fee", "GBP"), "price");
        assert_eq!(measure_of("area burned", "hectare"), "hectare");
        assert_eq!(measure_of("budget deficit", "USD"), "budget deficit");
    }

    #[test]
    fn labelled_lines_with_an_amount_are_fact_box_lines() {
        assert!(is_labelled_amount("Turnout: 54.2%"));
        assert!(is_labelled_amount("Deal value: €2.1bn (US$2.3bn)"));
        assert!(is_labelled_amount("Seats: 120\nTurnout: 61 per cent"));
        // A sentence with a colon that states no amount first is none.
        assert!(!is_labelled_amount(
            "He said: the turnout of 54% was a disappointment."
        ));
        assert!(!is_labelled_amount("Updated: 14:05 GMT"));
    }

    #[test]
    fn a_converted_value_in_brackets_is_the_same_measure() {
        let t = "Deal value: €2.1bn (US$2.3bn)";
        let (label, found) = line_amounts(t, (0, t.len())).unwrap();
        assert_eq!(label, "deal value");
        let units: Vec<&str> = found.iter().map(|f| f.amount.unit.as_str()).collect();
        assert_eq!(units, ["EUR", "USD"]);
    }
}
