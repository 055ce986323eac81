//! Amounts as intervals with units: "nearly 50" lies below 50, "more than
//! 50" above, "about 50" around it, "40 to 50" between, "hundreds of"
//! somewhere from 200 to 999, and a bare "40" stands for what rounds to 40
//! (35..45), because news rounds and two outlets rounding differently do
//! not contradict each other. Money carries its ISO currency ("US$334
//! million", "€1.2 billion", "$200MM", "5.4bn euros"); counts carry the
//! counted noun ("country", "person"); percentages "%", percentage points
//! "pp".
//!
//! [`measure`] says what an amount measures (killed, price, revenue,
//! points ...) and whether two amounts measure the same thing.
pub mod measure;
pub mod measure_frames;
mod measure_kinds;
mod measure_parts;
mod measure_words;
pub mod money;
pub mod number;
pub mod object_frames;
mod units;

use serde::{Deserialize, Serialize};

use super::dates::tokens::{tokenize, Tok};
use super::words::floor_boundary;
use number::{numeral_at, scale, Numeral};
use units::{noun_after, per_after, percent_after, singular, COUNTED_STATES};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    #[serde(deserialize_with = "lower_bound")]
    pub lo: f64,
    #[serde(deserialize_with = "upper_bound")]
    pub hi: f64,
}

/// JSON has no infinity: an open end ("more than 40") is written `null`.
/// Read back as infinite, so claims persisted as JSON round-trip (without
/// this, every file stating an open-ended amount had its claims parsed
/// again on each restart).
fn upper_bound<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
}

fn lower_bound<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NEG_INFINITY))
}

impl Interval {
    pub fn disjoint(&self, o: &Interval) -> bool {
        self.hi < o.lo || o.hi < self.lo
    }

    pub fn contains(&self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }
}

/// How firmly an amount is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A number as written, with the rounding it implies.
    Exact,
    /// "about", "around", "some", "an estimated", "or so".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "more than", "over", "in excess of".
    MoreThan,
    /// "up to", "as many as", "at most".
    AtMost,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "40 to 50", "between 40 and 50".
    Range,
    /// "hundreds of", "dozens", "several".
    Vague,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The number written (the lower end of a range or a vague amount).
    pub value: f64,
    /// Every value the statement allows ("at least 4": 4 and up).
    pub interval: Interval,
    /// The number(s) as written, with the rounding they imply ("at least
    /// 4": about 4). Two reports say the same amount when these overlap;
    /// they contradict each other when their `interval`s are disjoint; in
    /// between ("at least 4" and "12") they are compatible, not the same.
    pub stated: Interval,
    /// Normalised unit: an ISO currency ("USD"), "%", "pp" (percentage
    /// points), or a counted noun in the singular ("country", "person");
    /// empty when only a verb says what is counted ("12 dead").
    pub unit: String,
    /// "annual", "monthly", "daily", "weekly", "per share", "per capita",
    /// "per game", "hourly" or empty.
    pub per: String,
    pub form: Form,
    /// The modifier as written, lower case ("at least", "another").
    pub modifier: String,
    /// "another 20", "a further 20", "20 more": an increment, not a total.
    pub increment: bool,
}

/// Units that measure time spans: too context-bound to compare.
pub const DURATIONS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "decade", "time", "second", "century",
];

/// Modifiers before a number, longest first within a kind.
#[rustfmt::skip]
const MODIFIERS: &[(&str, Form)] = &[
    ("no fewer than", Form::AtLeast), ("no less than", Form::AtLeast), ("not less than", Form::AtLeast),
    ("a minimum of", Form::AtLeast), ("at least", Form::AtLeast),
    ("more than", Form::MoreThan), ("in excess of", Form::MoreThan), ("upwards of", Form::MoreThan),
    ("just over", Form::MoreThan), ("well over", Form::MoreThan), ("north of", Form::MoreThan),
    ("exceeding", Form::MoreThan), ("over", Form::MoreThan), ("above", Form::MoreThan),
    ("fewer than", Form::LessThan), ("less than", Form::LessThan), ("just under", Form::LessThan),
    ("under", Form::LessThan), ("below", Form::LessThan),
    ("up to", Form::AtMost), ("as many as", Form::AtMost), ("as much as", Form::AtMost),
    ("at most", Form::AtMost), ("no more than", Form::AtMost), ("not more than", Form::AtMost),
    ("a maximum of", Form::AtMost),
    ("nearly", Form::Nearly), ("almost", Form::Nearly), ("close to", Form::Nearly),
    ("just shy of", Form::Nearly), ("approaching", Form::Nearly),
    ("an estimated", Form::About), ("approximately", Form::About), ("about", Form::About),
    ("around", Form::About), ("roughly", Form::About), ("some", Form::About),
    ("circa", Form::About), ("estimated", Form::About), ("approx", Form::About), ("ca", Form::About),
    ("~", Form::About),
    ("exactly", Form::Exact), ("precisely", Form::Exact), ("only", Form::Exact), ("just", Form::Exact),
    ("a total of", Form::Exact), ("a record", Form::Exact),
    ("another", Form::Exact), ("a further", Form::Exact), ("an additional", Form::Exact),
    ("an extra", Form::Exact), ("between", Form::Range),
];

const INCREMENTS: &[&str] = &["another", "a further", "an additional", "an extra"];

fn lower(t: &Tok) -> crate::analysis::claims::dates::tokens::Low {
    t.lower()
}

/// The modifier phrase at token `i`: (form, text, next).
fn modifier_at(toks: &[Tok], i: usize) -> Option<(Form, &'static str, usize)> {
    /// The modifiers split into words, once.
    static SPLIT: std::sync::LazyLock<Vec<(Vec<&'static str>, Form, &'static str)>> =
        std::sync::LazyLock::new(|| {
            MODIFIERS
                .iter()
                .map(|&(m, f)| (m.split(' ').collect(), f, m))
                .collect()
        });
    let first = toks.get(i)?;
    if first.is_punct('~') {
        return Some((Form::About, "~", i + 1));
    }
    if !first.is_word() {
        return None;
    }
    let low = first.lower();
    for (parts, form, m) in SPLIT.iter() {
        let (form, m) = (*form, *m);
        if parts[0] != low.as_str() {
            continue;
        }
        if parts
            .iter()
            .enumerate()
            .all(|(k, p)| toks.get(i + k).is_some_and(|t| t.is(p)))
        {
            let mut k = i + parts.len();
            // "approx.", "ca."
            if matches!(m, "approx" | "ca")
                && toks
                    .get(k)
                    .is_some_and(|t| t.is_punct('.') && !t.space_before)
            {
                k += 1;
            }
            return Some((form, m, k));
        }
    }
    None
}

/// A scale word after a numeral: (multiplier, next). Single letters must
/// touch the number ("1.2m"), and a lone "m" after a plain integer is a
/// metre unless money or a plural noun follows.
fn scale_after(toks: &[Tok], k: usize, n: &Numeral, money: bool) -> (f64, usize) {
    let Some(t) = toks.get(k).filter(|t| t.is_word()) else {
        return (1.0, k);
    };
    let adjacent = !t.space_before;
    let Some(s) = scale(t.text, adjacent) else {
        return (1.0, k);
    };
    if !n.digits && t.text.len() <= 2 {
        return (1.0, k);
    }
    if matches!(t.text, "m" | "M") && !money && !n.decimal {
        let plural_next = toks
            .get(k + 1)
            .is_some_and(|w| w.is_word() && w.text.len() > 3 && w.text.ends_with('s'));
        if !plural_next {
            return (1.0, k);
        }
    }
    (s, k + 1)
}

/// A currency after the number: symbol, code or name ("Australian
/// dollars"). Returns (code, next).
fn currency_after(toks: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    if let Some(c) = money::symbol(t.text) {
        return Some((c, k + 1));
    }
    if !t.is_word() {
        return None;
    }
    if let Some(c) = money::code(t.text).filter(|_| !matches!(t.text, "Rs" | "Sh")) {
        return Some((c, k + 1));
    }
    let l = lower(t);
    if let Some(c) = money::name(&l, None) {
        if let Some(s) = toks.get(k + 1).filter(|s| s.is("sterling")) {
            let _ = s;
            return Some((c, k + 2));
        }
        return Some((c, k + 1));
    }
    // "Australian dollars", "Hong Kong dollars", "Swiss francs"
    for skip in 1..=2 {
        if let Some(n) = toks.get(k + skip).filter(|n| n.is_word()) {
            if let Some(c) = money::name(&lower(n), Some(toks[k + skip - 1].text)) {
                if toks[k..k + skip].iter().all(|w| w.capitalised()) {
                    return Some((c, k + skip + 1));
                }
            }
        }
    }
    None
}

/// The amount starting at token `i`: (next, amount).
pub fn amount_at(toks: &[Tok], i: usize) -> Option<(usize, Amount)> {
    // An amount never runs over a line break.
    // (No expression is longer than 40 tokens: look no further.)
    let horizon = toks.len().min(i + 40);
    let line_end = (i + 1..horizon)
        .find(|&j| toks[j].newline_before)
        .unwrap_or(horizon);
    let toks = &toks[..line_end];
    let (form0, modifier, mut k) = match modifier_at(toks, i) {
        Some((f, m, k)) => (f, m, k),
        None => (Form::Exact, "", i),
    };
    let increment = INCREMENTS.contains(&modifier);
    let mut currency: Option<&'static str> = None;
    if let Some((c, k2)) = money::prefix_at(toks, k) {
        currency = Some(c);
        k = k2;
    }
    let n1 = numeral_at(toks, k)?;
    // "Rs" or "USD" alone before a non-number is no amount.
    k = n1.next;
    let (m1, k2) = scale_after(toks, k, &n1, currency.is_some());
    k = k2;
    // A range: "40 to 50", "40-50", "between 40 and 50", "$40-50 million".
    let mut n2: Option<(Numeral, f64)> = None;
    if let Some(sep) = toks.get(k) {
        // "from $27.5 billion to $9.2 billion" is a change, not a range.
        let after_from = i > 0 && toks[i - 1].is("from");
        let is_sep = (sep.is_punct('-') || sep.is_punct('–') || sep.is_punct('—'))
            || (sep.is("to") && !after_from)
            || (sep.is("and") && form0 == Form::Range);
        if is_sep && n1.vague.is_none() {
            let mut j = k + 1;
            if currency.is_some() {
                if let Some((_, j2)) = money::prefix_at(toks, j) {
                    j = j2;
                }
            }
            if let Some(b) = numeral_at(toks, j).filter(|b| b.vague.is_none()) {
                let (m2, j2) = scale_after(toks, b.next, &b, currency.is_some());
                // Ends in the wrong order ("2019-2018", a score "3-1") are
                // no range: the first number stands alone.
                let mult1 = if m1 == 1.0 { m2 } else { m1 };
                if b.value * m2 >= n1.value * mult1 {
                    n2 = Some((b, m2));
                    k = j2;
                }
            }
        }
    }
    if form0 == Form::Range && n2.is_none() {
        return None;
    }
    // A scale after the range applies to both ends ("40 to 50 million").
    let (mult1, mult2) = match n2 {
        Some((_, m2)) if m1 == 1.0 => (m2, m2),
        Some((_, m2)) => (m1, m2),
        None => (m1, 1.0),
    };
    let mut unit = String::new();
    if let Some((c, k2)) = currency_after(toks, k) {
        currency = currency.or(Some(c));
        k = k2;
    }
    if let Some(c) = currency {
        unit = c.to_string();
    } else if let Some((p, k2)) = percent_after(toks, k) {
        unit = p.to_string();
        k = k2;
    }
    let mut per = String::new();
    let mut form = if n2.is_some() { Form::Range } else { form0 };
    if n1.vague.is_some() {
        form = Form::Vague;
    } else if n1.approx && form == Form::Exact {
        form = Form::About;
    }
    // "300-strong unit", "a 20-year-old": a hyphenated compound.
    let mut strong = false;
    if unit.is_empty() {
        if let (Some(h), Some(w)) = (toks.get(k), toks.get(k + 1)) {
            if h.is_punct('-') && !h.space_before && !w.space_before && w.is_word() {
                if w.is("strong") {
                    strong = true;
                    if let Some((u, k2)) = noun_after(toks, k + 2) {
                        unit = u;
                        k = k2;
                    }
                } else {
                    // "a 45,000-seat stadium", "a 60,000-capacity venue",
                    // "a 12-seater plane": the number of seats.
                    unit = match lower(w).as_str() {
                        "seat" | "seater" | "capacity" => "seat".to_string(),
                        // "a 12-metre wave", "a 5-km column".
                        _ => {
                            let s = singular(w.text);
                            units::unit_of_measure(&s).map_or(s, str::to_string)
                        }
                    };
                    k += 2;
                }
            }
        }
    }
    if unit.is_empty() && currency.is_none() {
        // "12 killed" keeps an empty unit: the verb says what is counted.
        match noun_after(toks, k) {
            Some((u, k2)) if u.is_empty() => {
                k = k2;
            }
            Some((u, k2)) => {
                unit = u;
                k = k2;
            }
            // "41 were injured", "five have been rescued": the count is the
            // subject of a passive of harm.
            None if passive_state_after(toks, k) => {}
            None => return None,
        }
        if unit.is_empty()
            && toks
                .get(k)
                .is_none_or(|t| !COUNTED_STATES.contains(&lower(t).as_str()))
            && !passive_state_after(toks, k)
        {
            return None;
        }
    }
    if let Some((p, k2)) = per_after(toks, k) {
        per = p.to_string();
        k = k2;
    }
    // "or more", "plus", "+", "or so"
    if let Some(t) = toks.get(k) {
        if t.is("or") && toks.get(k + 1).is_some_and(|m| m.is("more")) {
            form = Form::AtLeast;
            k += 2;
        } else if t.is("or") && toks.get(k + 1).is_some_and(|m| m.is("so")) {
            form = Form::About;
            k += 2;
        }
    }
    if toks
        .get(n1.next)
        .is_some_and(|p| p.is_punct('+') && !p.space_before)
        && n2.is_none()
    {
        form = Form::AtLeast;
    }
    let v1 = n1.value * mult1;
    let r1 = n1.round * mult1;
    let plain = mult1 == 1.0;
    let interval = match (n2, n1.vague) {
        (_, Some((lo, hi))) => Interval { lo, hi },
        (Some((b, _)), None) => Interval {
            lo: v1,
            hi: (b.value * mult2).max(v1),
        },
        (None, None) => bounds(form, v1, r1, plain, strong),
    };
    let stated = match form {
        // "nearly 5.4m" states 5.4m.
        Form::AtLeast | Form::MoreThan | Form::AtMost | Form::LessThan | Form::Nearly => {
            bounds(Form::Exact, v1, r1, plain, strong)
        }
        _ => interval,
    };
    // An area in hectares, however it is said ("120 square kilometres",
    // "30,000 acres"): the rounding of the unit written goes with it.
    let (v1, interval, stated) = match units::hectares_in(&unit) {
        Some(f) => {
            unit = "hectare".to_string();
            let scale = |i: Interval| Interval {
                lo: i.lo * f,
                hi: i.hi * f,
            };
            (v1 * f, scale(interval), scale(stated))
        }
        None => (v1, interval, stated),
    };
    // A length, a mass, a speed or a span of hours in the one unit its
    // kind is compared in ("4.2 tonnes" is 4,200 kg), the written unit's
    // rounding with it ("4.2 tonnes" is 4,150 to 4,250 kg).
    let (v1, interval, stated) = match units::common_unit(&unit) {
        Some((common, f)) => {
            unit = common.to_string();
            let scale = |i: Interval| Interval {
                lo: i.lo * f,
                hi: i.hi * f,
            };
            (v1 * f, scale(interval), scale(stated))
        }
        None => (v1, interval, stated),
    };
    Some((
        k,
        Amount {
            value: v1,
            interval,
            stated,
            unit,
            per,
            form,
            modifier: modifier.to_string(),
            increment,
        },
    ))
}

/// "were injured", "are missing", "have been rescued", "had been killed"
/// at token `k`.
fn passive_state_after(toks: &[Tok], k: usize) -> bool {
    let is = |j: usize, ws: &[&str]| toks.get(j).is_some_and(|t| ws.iter().any(|w| t.is(w)));
    if !is(k, &["were", "was", "are", "is", "have", "has", "had"]) {
        return false;
    }
    let j = if is(k + 1, &["been"]) { k + 2 } else { k + 1 };
    toks.get(j)
        .is_some_and(|t| COUNTED_STATES.contains(&lower(t).as_str()))
}

/// The interval a single number with a modifier stands for. `plain`: not
/// scaled by a word ("40" rather than "40 billion").
fn bounds(form: Form, v: f64, round: f64, plain: bool, strong: bool) -> Interval {
    // Small counts are written exactly ("30 members"); trailing zeros only
    // mean rounding for large or scaled numbers ("40 billion", "300").
    let mut r = if plain && v < 100.0 {
        round.min(0.5)
    } else {
        round
    };
    if strong {
        r = r.max(50.0_f64.min(v / 6.0));
    }
    match form {
        Form::MoreThan => Interval {
            lo: v + (v * 1e-9).max(f64::EPSILON),
            hi: f64::INFINITY,
        },
        Form::AtLeast => Interval {
            lo: v,
            hi: f64::INFINITY,
        },
        Form::LessThan => Interval {
            lo: 0.0,
            hi: v - (v * 1e-9).max(f64::EPSILON),
        },
        Form::AtMost => Interval { lo: 0.0, hi: v },
        Form::Nearly => Interval {
            lo: v * 0.85,
            hi: v,
        },
        Form::About => Interval {
            lo: (v * 0.85).min(v - r),
            hi: (v * 1.15).max(v + r),
        },
        Form::Exact | Form::Range | Form::Vague => Interval {
            lo: v - r * 0.99,
            hi: v + r * 0.99,
        },
    }
}

/// Parse a money or quantity mention's text ("nearly 50 countries", "40
/// billion euros annually", "at least 2%", "$1.5bn", "hundreds of
/// people"). Needs a unit (a currency, a percent or a counted noun).
pub fn parse(s: &str) -> Option<Amount> {
    let s = s.replace('\u{a0}', " ");
    let toks = tokenize(&s, 0, s.len());
    (0..toks.len())
        .find_map(|i| amount_at(&toks, i))
        .map(|(_, a)| a)
}

/// A noun in the singular, lower case ("fees" -> "fee"), as amounts'
/// counted nouns are.
pub fn singular_noun(w: &str) -> String {
    singular(w)
}

/// An amount found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub amount: Amount,
}

/// Every amount in `text[a..b]`, in order, not overlapping.
pub fn scan(text: &str, a: usize, b: usize) -> Vec<Found> {
    let toks = tokenize(text, a, b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match amount_at(&toks, i) {
            Some((j, amount)) if j > i => {
                out.push(Found {
                    start: toks[i].start,
                    end: toks[j - 1].end,
                    amount,
                });
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// Read the amount around a recogniser's mention `[start, end)`: the
/// mention may leave out a modifier ("at least"), a currency prefix
/// ("US$"), a scale ("MM") or the first half of a written number
/// ("twenty-" of "twenty-three people"). Returns the amount overlapping
/// the mention most.
pub fn read(text: &str, start: usize, end: usize) -> Option<Found> {
    let a = floor_boundary(text, start.saturating_sub(40));
    let b = floor_boundary(text, end.saturating_add(48).min(text.len()));
    let a = text[a..start].rfind('\n').map(|p| a + p + 1).unwrap_or(a);
    let b = text[end.min(b)..b].find('\n').map(|p| end + p).unwrap_or(b);
    // Start at a word boundary.
    let mid_word = text[..a]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric());
    let a = if mid_word {
        text[a..start]
            .find(char::is_whitespace)
            .map(|p| a + p)
            .unwrap_or(start)
    } else {
        a
    };
    let toks = tokenize(text, a, b);
    let mut best: Option<Found> = None;
    for i in 0..toks.len() {
        if toks[i].start >= end {
            break;
        }
        if let Some((j, amount)) = amount_at(&toks, i) {
            let f = Found {
                start: toks[i].start,
                end: toks[j - 1].end,
                amount,
            };
            if f.start < end && start < f.end {
                let ov = f.end.min(end) - f.start.max(start);
                let better = best.as_ref().is_none_or(|x| {
                    let bo = x.end.min(end) - x.start.max(start);
                    (ov, f.end - f.start) > (bo, x.end - x.start)
                });
                if better {
                    best = Some(f);
                }
            }
        }
    }
    best
}

/// How two amounts of the same measure relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// They state the same amount ("nearly 50" and "about 48").
    Same,
    /// Both can be true, but they state different amounts ("at least
    /// four" and "12"), or one is vague ("dozens" and "40").
    Compatible,
    /// No value satisfies both ("32" and "30", "nearly 50" and "more than
    /// 50").
    Conflict,
}

pub fn relation(a: &Amount, b: &Amount) -> Relation {
    if a.interval.disjoint(&b.interval) {
        Relation::Conflict
    } else if a.form == Form::Vague || b.form == Form::Vague || a.stated.disjoint(&b.stated) {
        Relation::Compatible
    } else {
        Relation::Same
    }
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
mod tests;
