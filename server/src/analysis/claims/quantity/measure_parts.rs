//! Which part of a whole an amount is ("$420 million in cash" of a
//! price, "nine of them" of a group counted elsewhere) and which period it
//! covers ("quarterly revenue", "for the full year"), read from the words
//! around it: two amounts of different parts or periods are different
//! measures ([`super::measure::same_measure`]).

/// Whether the words after a count make it a part of a group of people
/// ("of them", "of those", "of the injured", "of the people killed").
fn partitive(after: &[String]) -> bool {
    const GROUPS: &[&str] = &[
        "people",
        "dead",
        "injured",
        "wounded",
        "victims",
        "passengers",
        "missing",
        "miners",
        "workers",
        "bodies",
        "survivors",
        "children",
        "women",
        "men",
        "casualties",
        "crew",
    ];
    let w = |i: usize| after.get(i).map(String::as_str);
    w(0) == Some("of")
        && match w(1) {
            Some("them" | "those" | "these" | "whom") => true,
            Some("the") => w(2).is_some_and(|g| GROUPS.contains(&g)),
            _ => false,
        }
}

/// "won two of its twelve matches", "six of the eleven seats", "38 seats
/// out of 65": a part of a whole counted just after it, as "of" and the
/// whole's number; two such parts compare only when their wholes are
/// one. A count a verb frames is no part ("killing 41 of the 49 people
/// on board" is the toll, whoever else was aboard): only a count that
/// measures nothing but its noun, whose whole would otherwise measure
/// the same.
pub(super) fn counted_part(what: &str, after: &[String]) -> Option<String> {
    if super::measure::is_casualty_measure(what) || what == super::measure::ABOARD {
        return None;
    }
    of_counted_whole(after).map(|whole| format!("of {whole}"))
}

/// The whole a count is a part of when a number follows its "of" ("of
/// its twelve", "of the 37", "out of 65"), as a plain number.
fn of_counted_whole(after: &[String]) -> Option<String> {
    let w = |i: usize| after.get(i).map(String::as_str);
    let k = match (w(0), w(1)) {
        (Some("of"), _) => 1,
        (Some("out"), Some("of")) => 2,
        _ => return None,
    };
    let k = match w(k)? {
        "its" | "their" | "the" | "his" | "her" | "our" | "all" => k + 1,
        _ => k,
    };
    let n = w(k)?;
    let value = super::number::word_value(n).or_else(|| {
        let digits = n.replace(',', "");
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse::<f64>().ok())
            .flatten()
    })?;
    Some(format!("{value}"))
}

/// "in cash" -> cash; "in cash and stock" -> whole; "including debt" ->
/// whole (what the amount contains, not a part of it: "$1.4 billion
/// including debt" and "for $1.9bn" are two prices of one deal);
/// "excluding debt" -> "excluding debt" (less than the whole).
pub(super) fn part_after(after: &[String]) -> Option<String> {
    // "Twelve of the people injured", "nine of them", "two of the dead":
    // a part of a group counted elsewhere.
    if partitive(after) {
        return Some("of a group".to_string());
    }
    // "$1.4 billion of the price in cash": a share of a whole named
    // after the amount, whatever it is paid in.
    const WHOLES: &[&str] = &[
        "price", "total", "sum", "amount", "fee", "package", "deal", "sentence", "term",
    ];
    if let [of, the, whole, rest @ ..] = after {
        if of == "of" && the == "the" && WHOLES.contains(&whole.as_str()) {
            return Some(part_after(rest).unwrap_or_else(|| format!("of the {whole}")));
        }
    }
    // "in cash", or after the verb of paying: "will be paid in cash".
    let k = after
        .iter()
        .take(5)
        .position(|w| w == "in" || w == "including" || w == "excluding")
        .filter(|&k| {
            k < 3
                || after[..k].iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "will" | "would" | "be" | "is" | "are" | "was" | "were" | "being" | "paid"
                    )
                })
        })?;
    let head = after.get(k + 1)?;
    const PARTS: &[&str] = &[
        "cash",
        "stock",
        "shares",
        "debt",
        "loans",
        "grants",
        "equity",
        "bonds",
        "credit",
        "kind",
        "weapons",
        "arms",
        "ammunition",
    ];
    let word = |w: &str| PARTS.contains(&w);
    match after[k].as_str() {
        "excluding" if word(head) => Some(format!("{} {head}", after[k])),
        "in" if word(head) => {
            // "in cash and stock": both parts, the whole.
            let more = after.get(k + 2).is_some_and(|w| w == "and" || w == "plus")
                && after.get(k + 3).is_some_and(|w| word(w));
            if more {
                None
            } else {
                Some(if head == "shares" {
                    "stock".into()
                } else {
                    head.clone()
                })
            }
        }
        _ => None,
    }
}

/// The period an amount covers: its own ("a year") or a qualifier before
/// it ("quarterly revenue of", "annual budget").
/// `flow`: money or a percentage, which cover a period ("a loss of $381
/// million in the first quarter"); a count of people is no flow ("12
/// killed last month" is the same count as "12 killed").
pub(super) fn period(before: &[String], after: &[String], per: &str, flow: bool) -> String {
    if !per.is_empty() {
        return per.to_string();
    }
    let word = |w: &str| -> Option<&'static str> {
        Some(match w {
            "annual" | "yearly" | "full-year" | "annually" => "annual",
            "quarterly" => "quarterly",
            "monthly" => "monthly",
            "weekly" => "weekly",
            "daily" => "daily",
            "quarter" if flow => "quarterly",
            "month" if flow => "monthly",
            "week" if flow => "weekly",
            _ => return None,
        })
    };
    // Nearest first: the words before the amount, then those after it.
    if let Some(p) = before.iter().take(12).find_map(|w| word(w)) {
        return p.to_string();
    }

    if let Some(p) = after.iter().take(6).find_map(|w| word(w)) {
        return p.to_string();
    }
    // "for the entire year", "for the full year".
    let full_year = flow
        && after.windows(3).take(6).any(|w| {
            matches!(w[0].as_str(), "entire" | "full" | "whole") && w[1] == "year"
                || (w[0] == "the" && w[1] == "year" && w[2] != "before")
        });
    if full_year {
        return "annual".into();
    }
    String::new()
}

/// The `per` of a total run up over a stretch of months or years: "168
/// people had died in rain-related disasters since mid-June", "has pledged
/// €2bn since the war began in 2022". Such a total sums many events (or
/// many tranches), so it is another measure than one event's toll or one
/// pledge, which a report about that event states beside it.
pub(super) const CUMULATIVE: &str = "cumulative";

/// Whether the words after an amount run it from a month, a season or a
/// year up to now: "since mid-June", "since January", "since 2019", "since
/// the start of the year", "so far this year". Not "the highest toll since
/// 2011", where "since" qualifies a superlative, nor "since Friday's
/// landslide", a day, which dates the event itself.
pub(super) fn accumulated_since(after: &[String]) -> bool {
    let window = &after[..after.len().min(16)];
    let so_far_this = window.windows(3).any(|w| {
        (w[0] == "so" && w[1] == "far" && matches!(w[2].as_str(), "this" | "in"))
            || (w[0] == "far" && w[1] == "this" && matches!(w[2].as_str(), "year" | "season"))
    });
    if so_far_this {
        return true;
    }
    window.iter().enumerate().any(|(i, w)| {
        if w != "since" {
            return false;
        }
        // "the deadliest since", "the first since", "the most since".
        let superlative = window[i.saturating_sub(3)..i].iter().any(|b| {
            b.ends_with("est") && b.len() > 4 || matches!(b.as_str(), "first" | "most" | "ever")
        });
        if superlative {
            return false;
        }
        let next: Vec<&str> = window[i + 1..].iter().take(4).map(String::as_str).collect();
        let start = next.first().copied().unwrap_or("");
        let month = |w: &str| {
            crate::analysis::claims::dates::calendar::MONTHS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(w))
                || matches!(
                    w,
                    "jan"
                        | "feb"
                        | "mar"
                        | "apr"
                        | "jun"
                        | "jul"
                        | "aug"
                        | "sep"
                        | "sept"
                        | "oct"
                        | "nov"
                        | "dec"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                )
        };
        let year = |w: &str| {
            w.len() == 4 && w.starts_with(['1', '2']) && w.chars().all(|c| c.is_ascii_digit())
        };
        month(start)
            || year(start)
            || (start == "mid" || start.starts_with("mid-"))
                && next.iter().skip(1).any(|w| month(w))
            || start.strip_prefix("mid-").is_some_and(month)
            || (matches!(start, "the" | "early" | "late")
                && next.iter().skip(1).take(3).any(|w| {
                    month(w) || year(w) || matches!(*w, "start" | "beginning" | "outbreak" | "war")
                }))
            || (start == "last"
                && next
                    .get(1)
                    .is_some_and(|w| matches!(*w, "year" | "season" | "month")))
    })
}
