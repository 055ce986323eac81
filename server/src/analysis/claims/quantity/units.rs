//! What follows a number: the counted noun ("12 Ukrainian soldiers",
//! "32 member countries"), a percent sign or percentage points, a period
//! ("a year", "per share").
use crate::analysis::claims::dates::tokens::Tok;

fn lower(t: &Tok) -> crate::analysis::claims::dates::tokens::Low {
    t.lower()
}

/// Words that end the counted noun phrase after a number.
const NOUN_STOPS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "than",
    "as",
    "per",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "more",
    "less",
    "each",
    "apiece",
    "if",
    "when",
    "after",
    "before",
    "since",
    "during",
    "into",
    "so",
    "far",
    "said",
    "says",
    "say",
    "according",
    "plus",
];

/// Unit symbols written against a number.
const ADJACENT_UNITS: &[&str] = &[
    "km", "kg", "mi", "ft", "lb", "lbs", "t", "mw", "gw", "kwh", "mwh", "ha", "cm", "mm", "g",
    "mph", "kph", "kmh",
];

/// Plurals without an "s" that end a counted noun phrase.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "aircraft",
    "cattle",
    "sheep",
    "fish",
    "feet",
    "teeth",
    "mice",
    "geese",
    "livestock",
    "crew",
];

/// Past participles that stand for what is counted ("12 dead").
pub(super) const COUNTED_STATES: &[&str] = &[
    "dead",
    "killed",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "displaced",
    "arrested",
    "detained",
    "evacuated",
    "rescued",
    "infected",
    "hospitalised",
    "hospitalized",
    "homeless",
];

/// Units of length and weight, each under one name however spelt:
/// "83 kilometres" and "83 km" are one depth.
pub(super) fn unit_of_measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometre" | "kilometer" | "kms" => "km",
        "metre" | "meter" | "m" => "m",
        "mile" | "mi" => "mile",
        "foot" | "feet" | "ft" => "foot",
        "kg" | "kilogram" | "kilogramme" | "kilo" => "kg",
        "tonne" | "t" => "tonne",
        "cm" | "centimetre" | "centimeter" => "cm",
        "mm" | "millimetre" | "millimeter" => "mm",
        "gram" | "gramme" => "g",
        "mph" => "mph",
        "kph" | "kmh" | "km/h" => "km/h",
        "knot" | "kt" => "knot",
        _ => return None,
    })
}

/// "/h", "per hour", "an hour" after a length: the length is a speed
/// ("140 km/h", "90 miles per hour"). Returns the token after it.
fn per_hour_after(toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let n = toks.get(k + 1)?;
    let hour = n.is("hour") || n.is("hr");
    if t.is_punct('/') && !t.space_before && !n.space_before && (hour || n.is("h")) {
        return Some(k + 2);
    }
    ((t.is("per") || t.is("an") || t.is("a")) && hour).then_some(k + 2)
}

/// The unit a length, a mass, a speed or a span of hours is compared in,
/// and how many of it one `unit` is: news mixes units ("4.2 tonnes" and
/// "4,200 kg", "a 12-metre wave" and "40 feet", "140 km/h" and "87 mph",
/// "48 hours" and "two days"), and one amount said in two units is one
/// amount. Calendar spans (months, years) are not converted: a prison
/// term of "18 months" is written so, and a month has no fixed length.
/// ("ton" is left alone: a short and a metric ton differ.)
pub(super) fn common_unit(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "kg" => ("kg", 1.0),
        "tonne" => ("kg", 1000.0),
        "g" => ("kg", 0.001),
        "m" => ("m", 1.0),
        "km" => ("m", 1000.0),
        "cm" => ("m", 0.01),
        "mm" => ("m", 0.001),
        "mile" => ("m", 1609.344),
        "nautical mile" => ("m", 1852.0),
        "foot" => ("m", 0.3048),
        "km/h" => ("km/h", 1.0),
        "mph" => ("km/h", 1.609_344),
        "knot" => ("km/h", 1.852),
        "minute" => ("hour", 1.0 / 60.0),
        "hour" => ("hour", 1.0),
        "day" => ("hour", 24.0),
        "week" => ("hour", 168.0),
        // "a 21-storey tower", "the 21-floor building", "a 30-story
        // skyscraper": one count of levels.
        "storey" | "floor" | "story" => ("storey", 1.0),
        _ => return None,
    })
}

pub(super) fn singular(w: &str) -> String {
    let w = w.to_ascii_lowercase();
    match w.as_str() {
        "people" | "persons" | "others" | "individuals" => return "person".into(),
        "children" => return "child".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "feet" => return "foot".into(),
        "personnel" | "staff" | "police" | "aircraft" | "sheep" | "series" | "species" => return w,
        _ => {}
    }
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("ss") || w.ends_with("us") {
        w
    } else if let Some(s) = w.strip_suffix("ches").or_else(|| w.strip_suffix("shes")) {
        format!("{s}{}", &w[s.len()..s.len() + 2])
    } else if let Some(s) = w.strip_suffix('s') {
        s.to_string()
    } else {
        w
    }
}

/// "a year", "per share", "annually": (per, next).
pub(super) fn per_after(toks: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    let w = lower(toks.get(k)?);
    let one = match w.as_str() {
        "annually" | "yearly" => Some("annual"),
        "monthly" => Some("monthly"),
        "daily" => Some("daily"),
        "weekly" => Some("weekly"),
        "hourly" => Some("hourly"),
        _ => None,
    };
    if let Some(p) = one {
        return Some((p, k + 1));
    }
    if !matches!(w.as_str(), "a" | "an" | "per" | "each") {
        return None;
    }
    let n = lower(toks.get(k + 1)?);
    let p = match n.as_str() {
        "year" | "annum" => "annual",
        "month" => "monthly",
        "day" => "daily",
        "week" => "weekly",
        "hour" => "hourly",
        "share" => "per share",
        "capita" | "head" | "person" => "per capita",
        "game" | "match" => "per game",
        "barrel" => "per barrel",
        "ton" | "tonne" => "per ton",
        _ => return None,
    };
    Some((p, k + 2))
}

/// The counted noun after a number: up to three words, the last one the
/// noun ("12 Ukrainian soldiers", "32 member countries"). Returns (unit,
/// next).
pub(super) fn noun_after(toks: &[Tok], mut k: usize) -> Option<(String, usize)> {
    if toks.get(k).is_some_and(|t| t.is("of")) {
        k += 1;
    }
    let mut last: Option<(String, usize)> = None;
    for j in k..k + 3 {
        let Some(t) = toks.get(j) else { break };
        if !t.is_word() {
            break;
        }
        let l = lower(t);
        if NOUN_STOPS.contains(&l.as_str()) {
            break;
        }
        // Letters against the number: a unit symbol ("5km") or nothing
        // ("1990s").
        if j == k && !t.space_before && !ADJACENT_UNITS.contains(&l.as_str()) {
            return None;
        }
        // A date ("12 November") or a time ("5 pm") is no count.
        if j == k
            && (crate::analysis::claims::dates::calendar::MONTHS
                .iter()
                .chain(crate::analysis::claims::dates::calendar::WEEKDAYS.iter())
                .any(|m| {
                    m.eq_ignore_ascii_case(&l)
                        || (l.len() >= 3
                            && m.to_ascii_lowercase().starts_with(l.as_str())
                            && t.capitalised())
                })
                || matches!(l.as_str(), "am" | "pm" | "gmt" | "utc"))
        {
            return None;
        }
        if COUNTED_STATES.contains(&l.as_str()) {
            if j == k {
                return Some((String::new(), j));
            }
            break;
        }
        // A verb after the noun ends it ("12 people died").
        if last.is_some() && (l.ends_with("ed") || l.ends_with("ing")) {
            break;
        }
        // "120 square kilometres", "45 sq miles": an area.
        if matches!(l.as_str(), "square" | "sq") {
            if let Some(u) = toks
                .get(j + 1)
                .and_then(|n| unit_of_measure(&singular(&lower(n))))
            {
                return Some((format!("square {u}"), j + 2));
            }
        }
        // A unit of measure ends the phrase ("83 km deep", "38
        // kilometres below"), one unit however spelt.
        if let Some(u) = unit_of_measure(&singular(&l)) {
            // "9,420 nautical miles": a sea mile, not a land one.
            if u == "mile" && j > k && toks[j - 1].is("nautical") {
                return Some(("nautical mile".to_string(), j + 1));
            }
            // "140 km/h", "90 miles per hour": a speed.
            if let Some(k2) = per_hour_after(toks, j + 1) {
                match u {
                    "km" => return Some(("km/h".to_string(), k2)),
                    "mile" => return Some(("mph".to_string(), k2)),
                    _ => {}
                }
            }
            return Some((u.to_string(), j + 1));
        }
        last = Some((singular(&l), j + 1));
        // A lower-case plural ends the phrase ("40 tanks to Ukraine").
        let lower_case = t.text.chars().next().is_some_and(|c| c.is_lowercase());
        if lower_case && (l.ends_with('s') || IRREGULAR_PLURALS.contains(&l.as_str())) {
            break;
        }
    }
    last
}

pub(super) fn percent_after(toks: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    if t.is_punct('%') {
        return Some(("%", k + 1));
    }
    let l = lower(t);
    match l.as_str() {
        "percent" | "pct" => {
            if toks.get(k + 1).is_some_and(|p| p.is("points")) {
                return Some(("pp", k + 2));
            }
            Some(("%", k + 1))
        }
        "per" if toks.get(k + 1).is_some_and(|c| c.is("cent")) => Some(("%", k + 2)),
        "percentage"
            if toks
                .get(k + 1)
                .is_some_and(|p| p.is("point") || p.is("points")) =>
        {
            Some(("pp", k + 2))
        }
        "basis"
            if toks
                .get(k + 1)
                .is_some_and(|p| p.is("point") || p.is("points")) =>
        {
            Some(("bp", k + 2))
        }
        _ => None,
    }
}

/// Hectares in one unit of an area ("square km", "acre"): one area said in
/// two units ("12,000 hectares", "120 square kilometres") is one amount.
pub(super) fn hectares_in(unit: &str) -> Option<f64> {
    Some(match unit {
        "hectare" | "ha" => 1.0,
        "square km" => 100.0,
        "square m" => 0.0001,
        "square mile" => 258.998_811,
        "acre" => 0.404_686,
        _ => return None,
    })
}
