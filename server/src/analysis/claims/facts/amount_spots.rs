//! Where the amounts of a sentence are (a recogniser's mention, or a
//! number the parse counts a noun with that no mention covers) and how a
//! number the amount reader cannot read alone is read ("41 of the 49
//! people", "a 3-billion deal"). What they measure and whose they are is
//! `amounts.rs`.
use super::amount_parts::noun_counted_next;
use super::*;

/// Where an amount is: a recogniser's mention, or a number the parse
/// found that no mention covers ("killing 41 of the 49 people").
pub(super) struct AmountSpot {
    pub start: usize,
    pub end: usize,
    pub mention: Option<u32>,
    pub token: Option<usize>,
}

pub(super) fn amount_spots(inp: &FactInput, ms: &[u32]) -> Vec<AmountSpot> {
    let doc = inp.doc;
    let mut v: Vec<AmountSpot> = ms
        .iter()
        .copied()
        .filter(|&k| {
            matches!(
                doc.mentions[k as usize].kind,
                EntityKind::Quantity | EntityKind::Money
            )
        })
        .map(|k| {
            let m = &doc.mentions[k as usize];
            AmountSpot {
                start: m.start,
                end: m.end,
                mention: Some(k),
                token: inp.frames.and_then(|sf| sf.head_of(k)),
            }
        })
        .collect();
    if let Some(sf) = inp.frames {
        let p = &sf.parse;
        for (i, t) in p.tokens.iter().enumerate() {
            use crate::analysis::syntax::Rel;
            // A number word opening a sentence is often tagged otherwise
            // ("Fourteen passengers were injured").
            let numeral = t.upos == crate::analysis::syntax::Upos::Num
                || crate::analysis::claims::quantity::number::is_number_word(&t.form);
            let counts = numeral
                && (matches!(t.deprel.rel, Rel::Nummod | Rel::Obj | Rel::Nsubj)
                    || noun_counted_next(p, i).is_some()
                    || super::bare_counts::bare_count(p, i).is_some()
                    || (t.upos != crate::analysis::syntax::Upos::Num
                        && matches!(t.deprel.rel, Rel::Amod | Rel::Det | Rel::Compound)));
            let covered = ms.iter().any(|&k| {
                let m = &doc.mentions[k as usize];
                t.start < m.end && m.start < t.end
            });
            if counts && !covered {
                v.push(AmountSpot {
                    start: t.start,
                    end: t.end,
                    mention: None,
                    token: Some(i),
                });
            }
        }
    }
    v.sort_by_key(|s| s.start);
    v
}

/// An amount followed by "-million", "-billion" or "-trillion", read
/// with its scale.
pub(super) fn hyphenated_scale(text: &str, found: quantity::Found) -> quantity::Found {
    let rest = &text[found.end..];
    for scale in ["million", "billion", "trillion"] {
        let Some(after) = rest.strip_prefix('-').and_then(|r| r.strip_prefix(scale)) else {
            continue;
        };
        if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let written = format!("{} {scale}", &text[found.start..found.end]);
        if let Some(amount) = quantity::parse(&written) {
            return quantity::Found {
                start: found.start,
                end: found.end + 1 + scale.len(),
                amount,
            };
        }
    }
    found
}

/// A span of time written in two units, "six years and nine months",
/// "two hours, 14 minutes": one amount in the larger unit (6.75 years), so
/// that it is compared whole, never as "six years" against another
/// report's "five years" while both say "nine months".
pub(super) fn joined_duration(text: &str, found: quantity::Found) -> quantity::Found {
    let (smaller, per) = match found.amount.unit.as_str() {
        "year" => ("month", 12.0),
        "week" => ("day", 7.0),
        "day" => ("hour", 24.0),
        "hour" => ("minute", 60.0),
        "minute" => ("second", 60.0),
        _ => return found,
    };
    let rest = &text[found.end..];
    let gap = rest.len()
        - rest
            .trim_start_matches([' ', ','])
            .trim_start_matches("and ")
            .trim_start()
            .len();
    let at = found.end + gap;
    if gap == 0 || at >= text.len() {
        return found;
    }
    let Some(next) = quantity::read(text, at, (at + 1).min(text.len())) else {
        return found;
    };
    if next.start != at || next.amount.unit != smaller {
        return found;
    }
    let (a, b) = (&found.amount, &next.amount);
    let mut amount = a.clone();
    amount.value = a.value + b.value / per;
    // The larger unit is exact when the smaller follows ("six years and
    // nine months" is no rounded six years); a modifier ("at least six
    // years and ...") keeps its own bounds.
    let (lo, hi, slo, shi) = if a.modifier.is_empty() {
        (a.value, a.value, a.value, a.value)
    } else {
        (a.interval.lo, a.interval.hi, a.stated.lo, a.stated.hi)
    };
    amount.interval.lo = lo + b.interval.lo / per;
    amount.interval.hi = hi + b.interval.hi / per;
    amount.stated.lo = slo + b.stated.lo / per;
    amount.stated.hi = shi + b.stated.hi / per;
    quantity::Found {
        start: found.start,
        end: next.end,
        amount,
    }
}

/// A number the parse counts a noun with that the amount reader cannot
/// read alone: "41 of the 49 people" is 41 people.
pub(super) fn counted_number(inp: &FactInput, q: &AmountSpot) -> Option<quantity::Found> {
    let sf = inp.frames?;
    let t = q.token?;
    if q.mention.is_some() {
        return None;
    }
    let p = &sf.parse;
    let noun = match p.tokens[t].deprel.rel {
        crate::analysis::syntax::Rel::Nummod
        | crate::analysis::syntax::Rel::Amod
        | crate::analysis::syntax::Rel::Det
        | crate::analysis::syntax::Rel::Compound => p
            .head(t)
            // Never across a comma ("killing at least 17, emergency
            // officials said" counts no officials).
            .filter(|&h| h < t || !super::count_reading::punct_between(p, t, h))?,
        _ => p
            .children_with(t, crate::analysis::syntax::Rel::Nmod)
            .find(|&c| p.case_marker(c).as_deref() == Some("of"))
            .or_else(|| noun_counted_next(p, t))?,
    };
    // "killed four of their colleagues": people named by whom they stand
    // with are people.
    let noun_word = if super::counted::relational_people(&p.tokens[noun].lemma) {
        "people"
    } else {
        p.tokens[noun].form.as_str()
    };
    let amount = quantity::parse(&format!("{} {noun_word}", p.tokens[t].form))?;
    Some(quantity::Found {
        start: q.start,
        end: q.end,
        amount,
    })
}
