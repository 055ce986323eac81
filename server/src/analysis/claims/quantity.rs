//! Numbers as intervals: "nearly 50" lies below 50, "more than 50" above,
//! "about 50" around it, and a bare "40" stands for what rounds to 40
//! (35..45), because news rounds and two outlets rounding differently do
//! not contradict each other.
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn disjoint(&self, o: &Interval) -> bool {
        self.hi < o.lo || o.hi < self.lo
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    pub interval: Interval,
    /// Normalised unit: "EUR", "USD", "%", or a counted noun ("country").
    pub unit: String,
    /// "annual", "monthly" or empty.
    pub per: String,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("a", 1.0),
];

/// Units that measure time spans: too context-bound to compare.
pub const DURATIONS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "decade", "time",
];

fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "mn" | "mln" | "m" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

fn currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "dollar" | "dollars" | "usd" | "us$" => "USD",
        "€" | "euro" | "euros" | "eur" => "EUR",
        "£" | "pound" | "pounds" | "gbp" => "GBP",
        "¥" | "yen" | "jpy" => "JPY",
        "₴" | "hryvnia" | "hryvnias" | "uah" => "UAH",
        "₽" | "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        _ => return None,
    })
}

fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("ss") {
        w.to_string()
    } else if let Some(s) = w.strip_suffix('s') {
        s.to_string()
    } else {
        w.to_string()
    }
}

/// Half the place value of the last non-zero digit: the rounding a bare
/// number implies ("40" -> 5, "32" -> 0.5, "1.5" -> 0.05).
fn rounding(num: &str) -> f64 {
    let digits = num.replace(',', "");
    if let Some(p) = digits.find('.') {
        let dec = digits.len() - p - 1;
        return 0.5 * 10f64.powi(-(dec as i32));
    }
    let trailing = digits.chars().rev().take_while(|&c| c == '0').count();
    if trailing == digits.len() {
        return 0.5;
    }
    0.5 * 10f64.powi(trailing as i32)
}

/// Parse a money or quantity mention ("nearly 50 countries", "40 billion
/// euros annually", "at least 2%", "$1.5bn"). Vague amounts ("dozens",
/// "tens of kilometers") give `None`.
pub fn parse(s: &str) -> Option<Amount> {
    let low = s.to_lowercase().replace('\u{a0}', " ");
    let mut rest = low.trim();
    let mut modifier = "";
    for m in [
        "more than",
        "fewer than",
        "less than",
        "up to",
        "at least",
        "at most",
        "an estimated",
        "just over",
        "just under",
        "nearly",
        "almost",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "over",
        "under",
        "only",
    ] {
        if let Some(r) = rest.strip_prefix(m) {
            if r.starts_with(' ') {
                modifier = m;
                rest = r.trim_start();
                break;
            }
        }
    }
    // Tokens: split symbols from digits ("$1.5bn" -> "$", "1.5", "bn").
    let mut toks: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    for c in rest.chars() {
        let d = c.is_ascii_digit() || (cur_digit && (c == '.' || c == ','));
        let sym = matches!(c, '$' | '€' | '£' | '¥' | '₴' | '₽' | '%');
        if c.is_whitespace() || c == '-' || sym || (!cur.is_empty() && d != cur_digit) {
            if !cur.is_empty() {
                toks.push(std::mem::take(&mut cur));
            }
            if sym {
                toks.push(c.to_string());
            }
            cur_digit = false;
            if c.is_whitespace() || c == '-' || sym {
                continue;
            }
        }
        cur_digit = d;
        cur.push(c);
    }
    if !cur.is_empty() {
        toks.push(cur);
    }
    let toks: Vec<String> = toks
        .into_iter()
        .map(|t| t.trim_end_matches([',', '.']).to_string())
        .filter(|t| !t.is_empty() && t != "of")
        .collect();
    let mut value = None;
    let mut round = 0.5;
    let mut unit = String::new();
    let mut mult = 1.0;
    let mut per = String::new();
    for t in &toks {
        if value.is_none() {
            if let Ok(v) = t.replace(',', "").parse::<f64>() {
                value = Some(v);
                round = rounding(t);
                continue;
            }
            if let Some(&(_, v)) = NUMBER_WORDS.iter().find(|(w, _)| w == t) {
                value = Some(v);
                round = 0.5;
                continue;
            }
            if let Some(c) = currency(t) {
                unit = c.to_string();
                continue;
            }
            if matches!(
                t.as_str(),
                "dozens" | "hundreds" | "thousands" | "millions" | "tens" | "several"
            ) {
                return None;
            }
            continue;
        }
        if let Some(k) = scale(t) {
            mult *= k;
        } else if let Some(c) = currency(t) {
            unit = c.to_string();
        } else if t == "%" || t == "percent" || (t == "cent" && unit.is_empty()) {
            unit = "%".into();
        } else if matches!(t.as_str(), "annually" | "year" | "annum") && !unit.is_empty() {
            per = "annual".into();
        } else if matches!(t.as_str(), "month") && !unit.is_empty() {
            per = "monthly".into();
        } else if t == "strong" {
            round = round.max(50.0_f64.min(value.unwrap_or(0.0) / 6.0));
        } else if unit.is_empty()
            && t.chars().all(|c| c.is_alphabetic())
            && !matches!(t.as_str(), "a" | "per" | "an" | "per cent")
        {
            unit = singular(t);
        }
    }
    let v = value? * mult;
    // Small counts are written exactly ("30 members"); trailing zeros only
    // mean rounding for large or scaled numbers ("40 billion", "300").
    let round = if mult == 1.0 && v < 100.0 {
        round.min(0.5)
    } else {
        round
    };
    let r = round * mult;
    if unit.is_empty() {
        return None;
    }
    let interval = match modifier {
        "more than" | "over" | "just over" => Interval {
            lo: v + r.min(v * 1e-9).max(f64::EPSILON),
            hi: f64::INFINITY,
        },
        "at least" => Interval {
            lo: v,
            hi: f64::INFINITY,
        },
        "fewer than" | "less than" | "under" | "just under" => Interval {
            lo: 0.0,
            hi: v - f64::EPSILON,
        },
        "up to" | "at most" => Interval { lo: 0.0, hi: v },
        "nearly" | "almost" => Interval {
            lo: v * 0.85,
            hi: v,
        },
        "about" | "around" | "approximately" | "roughly" | "some" | "an estimated" => Interval {
            lo: v * 0.85,
            hi: v * 1.15,
        },
        _ => Interval {
            lo: v - r * 0.99,
            hi: v + r * 0.99,
        },
    };
    Some(Amount {
        value: v,
        interval,
        unit,
        per,
    })
}

pub fn describe(a: &Amount) -> String {
    let v = if a.value >= 1e9 {
        format!("{} billion", a.value / 1e9)
    } else if a.value >= 1e6 {
        format!("{} million", a.value / 1e6)
    } else {
        format!("{}", a.value)
    };
    format!("{v} {}", a.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_make_intervals() {
        let a = parse("nearly 50 countries").unwrap();
        assert_eq!(a.unit, "country");
        assert!(a.interval.hi <= 50.0 && a.interval.lo > 40.0);
        let b = parse("more than 50 countries").unwrap();
        assert!(a.interval.disjoint(&b.interval));
        let c = parse("about 50 countries").unwrap();
        assert!(!a.interval.disjoint(&c.interval) && !b.interval.disjoint(&c.interval));
        let d = parse("32 countries").unwrap();
        assert!(d
            .interval
            .disjoint(&parse("31 countries").unwrap().interval));
        let small = |a: &str, b: &str| {
            parse(a)
                .unwrap()
                .interval
                .disjoint(&parse(b).unwrap().interval)
        };
        assert!(small("30 members", "32 members"));
        assert!(!small("400 tanks", "420 tanks"));
        assert!(!small("40 billion euros", "42 billion euros"));
    }

    #[test]
    fn money_scales_and_currencies() {
        let a = parse("40 billion euros annually").unwrap();
        assert_eq!(
            (a.value, a.unit.as_str(), a.per.as_str()),
            (40e9, "EUR", "annual")
        );
        let b = parse("$1.5bn").unwrap();
        assert_eq!((b.value, b.unit.as_str()), (1.5e9, "USD"));
        assert_eq!(parse("at least 2%").unwrap().unit, "%");
        assert_eq!(parse("300-strong unit").unwrap().unit, "unit");
        assert!(parse("tens of kilometers").is_none());
        assert!(parse("hundreds of people").is_none());
    }
}
