//! What an amount measures, and whether two amounts measure the same
//! thing. "$500 million in cash and stock" and "$420 million in cash" are
//! two measures (the whole price and its cash part); so are "averaged 18.5
//! points" and "finished with 24 points" (an average and a total), "the
//! death toll so far" and "the final toll" (a partial and a final count),
//! a share price and a deal value (per unit and total), "rose 5%" and
//! "rose to 5%" (a change and a level), "military aid" and "humanitarian
//! aid". Only amounts of the same measure may be compared.
//!
//! The measure is read from cue words in the amount's clause: the nearest
//! one before or after it ("killed 12 people", "12 people were injured").
//! The clause comes from the caller ([`MeasureInput::clause`]): today a
//! window cut at punctuation and clause words; with the dependency parser,
//! the governing predicate of the amount gives the cue directly.
use serde::{Deserialize, Serialize};

use super::measure_parts::{accumulated_since, counted_part, part_after, period, CUMULATIVE};
use super::measure_words::*;
use super::Amount;
use crate::analysis::claims::words::{floor_boundary, words};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A count or sum ("finished with 24 points", "killed 12").
    Total,
    /// "averaged 18.5 points", "an average of".
    Average,
    /// "rose 5%", "fell by 3%", "up 2%".
    Change,
    /// "another 20", "20 more", "a further 20".
    Increment,
    /// "$12.50 a share", "a share price of": per unit, not a total.
    PerUnit,
    /// The start of a change ("cut its debt from $27.5 billion to ...").
    From,
    /// A difference between two totals: "two points clear", "won by 12",
    /// "a five-point lead", "three more than".
    Margin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Nothing says.
    Any,
    /// "so far", "initial", "preliminary", "has risen to", "as of".
    Partial,
    /// "final", "in all".
    Final,
    /// A count at a moment the sentence states ("By Friday, 40 ships were
    /// waiting", "as of Tuesday evening", "on the first day"): one stage of
    /// a count that changes, never in conflict with another stage (see
    /// `index::story_compare::stages`; set by `facts::amount_stages`).
    Moment,
    /// The highest a changing count reached ("at its peak, 65 ships").
    Peak,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Measure {
    /// What is counted or measured: "killed", "injured", "price",
    /// "revenue", "military aid", ... or the counted noun ("country")
    /// when no word says more; empty when nothing says (money without a
    /// cue).
    pub what: String,
    /// The amount's unit ("USD", "%", "person", "point").
    pub unit: String,
    pub basis: Basis,
    pub stage: Stage,
    /// A part of the whole: "cash" in "$420 million in cash"; None for the
    /// whole ("in cash and stock") or when nothing says.
    pub part: Option<String>,
    /// "annual", "quarterly", "per game", "per share", ... or empty.
    pub per: String,
    /// Whom aid is for, folded ("for Malawi"; else the country the article
    /// is about): aid to two countries is two measures. Set by the caller,
    /// which knows the sentence's names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Who gives aid, as the country it stands for ("the Japanese
    /// government", "Japan's foreign ministry" and "Tokyo" are Japan):
    /// aid from two donors is two amounts. Set by the caller; compared
    /// by [`crate::analysis::claims::index`], not here, because a donor
    /// one report does not name says nothing either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The clause an amount is in and the amount itself.
pub struct MeasureInput<'a> {
    pub text: &'a str,
    /// The clause (or sentence) around the amount, byte range.
    pub clause: (usize, usize),
    /// The amount's span.
    pub span: (usize, usize),
    pub amount: &'a Amount,
}

/// Measures that count people harmed by an event.
pub const CASUALTY_MEASURES: &[&str] = &[
    "killed",
    "injured",
    "casualties",
    "missing",
    "trapped",
    "rescued",
];

/// The people on a vessel or a vehicle ("had 188 passengers on board",
/// "while carrying 212 people"): passengers are a part of all aboard.
pub const ABOARD: &str = "aboard";

/// The people at work where an accident struck when it struck ("34
/// workers were on the night shift", "37 miners were underground").
pub const AT_WORK: &str = "at work";

/// Whether a word names a count of casualties ("died", "wounded").
pub fn is_casualty_cue(w: &str) -> bool {
    cue(w).is_some_and(|m| CASUALTY_MEASURES.contains(&m))
}

/// Whether a measure counts casualties.
pub fn is_casualty_measure(what: &str) -> bool {
    CASUALTY_MEASURES.contains(&what)
}

/// What kind of thing an amount's unit is: a cue word names a measure
/// only of its own kind ("paid" names a price of money, never of "4,200
/// workers"; "killed" counts people, never kilometres or euros).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnitClass {
    Money,
    /// "%", percentage points, basis points.
    Share,
    /// Lengths, weights, speeds, areas, energy.
    Physical,
    /// A count of something (people, stores, wagons) or of nothing named.
    Count,
}

impl UnitClass {
    fn of(unit: &str) -> UnitClass {
        if is_money(unit) {
            UnitClass::Money
        } else if matches!(unit, "%" | "pp" | "bp") {
            UnitClass::Share
        } else if PHYSICAL.contains(&unit) {
            UnitClass::Physical
        } else {
            UnitClass::Count
        }
    }
}

/// The canonical measure a cue word names for an amount of `class`, with
/// the words next to the cue (`q` before it, `next` after it): None when
/// the cue cannot measure such an amount.
fn refine(
    m: &'static str,
    w: &str,
    q: Option<&str>,
    next: Option<&str>,
    class: UnitClass,
) -> Option<&'static str> {
    // "pay rise", "more pay", "wage increase": what workers are paid, not
    // a price; with a percentage, "pay" is always the noun.
    let pay_noun = matches!(w, "pay" | "wage" | "wages" | "salary" | "salaries")
        && (class == UnitClass::Share
            || next.is_some_and(|n| {
                matches!(
                    n,
                    "rise"
                        | "rises"
                        | "increase"
                        | "increases"
                        | "hike"
                        | "raise"
                        | "cut"
                        | "deal"
                        | "offer"
                        | "freeze"
                )
            }));
    if pay_noun {
        return Some(match next {
            Some("cut" | "cuts" | "freeze") => "pay cut",
            _ => "pay",
        });
    }
    if m == "rate" {
        return Some(rate_kind(q));
    }
    // "188 passengers on board": only "on board" says aboard ("a
    // 12-member board" is a board).
    if w == "board" && q != Some("on") {
        return None;
    }
    // "a Series B round", "a financing round of": a round of investment;
    // other rounds (of talks, of a tournament) measure no money.
    if w == "round"
        && !q.is_some_and(|q| {
            matches!(
                q,
                "financing"
                    | "funding"
                    | "investment"
                    | "series"
                    | "seed"
                    | "venture"
                    | "a"
                    | "b"
                    | "c"
                    | "d"
            )
        })
    {
        return None;
    }
    // "humanitarian funding", "military funding": money given, like aid
    // (plain "funding" may be an investment round).
    if w == "funding"
        && q.is_some_and(|q| HUMANITARIAN.contains(&q) || AID_KINDS.contains(&q))
        && class == UnitClass::Money
    {
        return Some("aid");
    }
    let money = MONEY_MEASURES.contains(&m);
    // Scores and seats are counted, never in percent or money ("by 50
    // basis points to 5.25%" is no score).
    let people = PEOPLE_MEASURES.contains(&m)
        || (class != UnitClass::Count
            && matches!(m, "points" | "goals" | "rebounds" | "assists" | "seats"));
    let fits = match class {
        UnitClass::Money => !people,
        // A percentage of money is a change or a share of it ("revenue
        // rose 5%", "prices up 3%"); transactions are never in percent.
        UnitClass::Share => {
            !people
                && !matches!(
                    w,
                    "paid"
                        | "pay"
                        | "pays"
                        | "paying"
                        | "buy"
                        | "buys"
                        | "bought"
                        | "acquire"
                        | "acquires"
                        | "acquired"
                        | "acquisition"
                        | "deal"
                        | "takeover"
                        | "bid"
                        | "offer"
                        | "sold"
                        | "sell"
                        | "sale"
                        | "valued"
                        | "valuing"
                        | "worth"
                        | "purchase"
                        | "values"
                )
        }
        UnitClass::Physical => !money && !people,
        UnitClass::Count => !money,
    };
    fits.then_some(m)
}

/// The kind of a rate from the word before "rate": a central bank's
/// reference, benchmark, main or policy rate is its interest rate; other
/// rates keep their own name ("deposit rate", "unemployment rate").
fn rate_kind(q: Option<&str>) -> &'static str {
    match q {
        Some(
            "interest" | "reference" | "benchmark" | "key" | "policy" | "main" | "base" | "repo"
            | "bank" | "cash" | "official" | "headline",
        ) => "interest rate",
        Some("unemployment" | "jobless") => "unemployment rate",
        Some("inflation") => "inflation",
        Some("deposit") => "deposit rate",
        Some("lombard") => "lombard rate",
        Some("lending" | "prime") => "lending rate",
        Some("mortgage") => "mortgage rate",
        Some("tax") => "tax rate",
        Some("exchange") => "exchange rate",
        Some("growth") => "growth",
        Some("vacancy" | "occupancy") => "occupancy rate",
        Some("mortality" | "death") => "mortality rate",
        Some("turnout" | "participation") => "turnout",
        Some("approval") => "approval",
        Some("efficacy" | "success" | "survival") => "efficacy",
        _ => "rate",
    }
}

fn cue(w: &str) -> Option<&'static str> {
    CUES.iter().find(|(c, _)| *c == w).map(|(_, m)| *m)
}

/// Whether a unit is physical (a length, weight, speed, area, energy):
/// no count of people or things.
pub fn is_physical_unit(unit: &str) -> bool {
    PHYSICAL.contains(&unit)
}

/// Whether a measure is one of money ("budget", "price"): never what a
/// count of people measures ("184 of our comrades spent the night").
pub fn measures_money(what: &str) -> bool {
    MONEY_MEASURES.contains(&what)
}

/// The measure a word as written names ("died", "deaths": killed).
pub fn cue_word(w: &str) -> Option<&'static str> {
    cue(w)
}

/// The measure a dictionary form names, when the parse gives it
/// ("evacuate", "infection", "seat"): read only of a word the parse says
/// governs or is counted, never of a window (where "case" or "seat" would
/// mislead).
pub fn cue_lemma(lemma: &str) -> Option<&'static str> {
    cue(lemma).or_else(|| {
        LEMMA_CUES
            .iter()
            .find(|(c, _)| *c == lemma)
            .map(|(_, m)| *m)
    })
}

fn prev_word(before: &[String]) -> Option<&str> {
    before.first().map(String::as_str)
}

/// Read the measure of an amount from its clause.
pub fn identify(inp: &MeasureInput) -> Measure {
    let a = inp.amount;
    // The cue words are near the amount: a long clause is read only
    // around it.
    let (ca, cb) = (inp.clause.0.min(inp.span.0), inp.clause.1.max(inp.span.1));
    let ca = ca.max(floor_boundary(inp.text, inp.span.0.saturating_sub(160)));
    let cb = cb.min(floor_boundary(inp.text, inp.span.1.saturating_add(160)));
    let before: Vec<String> = words(inp.text, ca, inp.span.0)
        .iter()
        .rev()
        .take(8)
        .map(|w| w.text.to_ascii_lowercase())
        .collect();
    let after: Vec<String> = words(inp.text, inp.span.1, cb)
        .iter()
        .take(8)
        .map(|w| w.text.to_ascii_lowercase())
        .collect();
    // A total run up "since mid-June" says so at the end of a long clause.
    let reach: Vec<String> = words(inp.text, inp.span.1, cb)
        .iter()
        .take(16)
        .map(|w| w.text.to_ascii_lowercase())
        .collect();
    let inside: Vec<String> = words(inp.text, inp.span.0, inp.span.1)
        .iter()
        .map(|w| w.text.to_ascii_lowercase())
        .collect();
    // Cue words around the amount: (distance, measure, qualifier). The
    // nearest wins, before it on ties ("killing 12 people and injuring
    // 30"); a qualified mention of the same measure ("military aid")
    // names it more precisely.
    let qualified = |q: Option<&String>, m: &'static str| match q {
        // Emergency, relief and humanitarian aid are one kind of aid.
        Some(q) if m == "aid" && HUMANITARIAN.contains(&q.as_str()) => "humanitarian aid".into(),
        Some(q) if QUALIFIERS.contains(&q.as_str()) && q != "total" => format!("{q} {m}"),
        _ => m.to_string(),
    };
    let mut hits: Vec<(usize, bool, String, &'static str)> = Vec::new();
    let class = UnitClass::of(&a.unit);
    for (k, w) in before.iter().take(6).enumerate() {
        if let Some(m) = cue(w) {
            let q = before.get(k + 1);
            let m = refine(
                m,
                w,
                q.map(String::as_str),
                k.checked_sub(1).map(|j| before[j].as_str()),
                class,
            );
            if let Some(m) = m {
                let what = if m == "rate" || m.ends_with(" rate") || m.starts_with("pay") {
                    m.to_string()
                } else {
                    qualified(q, m)
                };
                hits.push((k, true, what, m));
            }
        }
    }
    // "$1.4 billion including debt", "plus fees": what follows
    // such a word qualifies the amount, it does not name what is measured.
    let qualified_from = after
        .iter()
        .take(5)
        .position(|w| matches!(w.as_str(), "including" | "excluding" | "plus"))
        .unwrap_or(5);
    // "50 basis points", "2 percentage points": the unit's own word names
    // no measure.
    let inside_cues = !matches!(a.unit.as_str(), "bp" | "pp" | "%");
    let ahead: Vec<&String> = inside
        .iter()
        .filter(|_| inside_cues)
        .chain(after.iter().take(qualified_from))
        .collect();
    for (k, w) in ahead.iter().enumerate() {
        if let Some(m) = cue(w) {
            let q = k.checked_sub(1).and_then(|j| ahead.get(j).copied());
            let next = ahead.get(k + 1).map(|s| s.as_str());
            let Some(m) = refine(m, w, q.map(String::as_str), next, class) else {
                continue;
            };
            let what = if m == "rate" || m.ends_with(" rate") || m.starts_with("pay") {
                m.to_string()
            } else {
                qualified(q, m)
            };
            hits.push((k, false, what, m));
        }
    }
    // "Three people were killed and 23 injured", "died and 41 were
    // injured": a cue before a coordinator belongs to the conjunct before
    // it when the amount's own conjunct has one right after the amount.
    let coordinated = before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "and" | "or" | "but" | "while"));
    let own_after = hits
        .iter()
        .any(|(k, is_before, _, _)| !*is_before && *k <= inside.len() + 2);
    if coordinated && own_after {
        hits.retain(|h| !h.1);
    }
    let nearest = hits
        .iter()
        .min_by_key(|(k, is_before, _, _)| (*k, !*is_before));
    let mut what = match nearest {
        Some((_, _, _, m)) => hits
            .iter()
            .filter(|h| h.3 == *m)
            .map(|h| h.2.clone())
            .max_by_key(|q| q.len())
            .unwrap_or_default(),
        None => String::new(),
    };
    // "ordered to pay €1.2 million in damages": damages, however near
    // the verb of paying; a fine and damages of one case are two amounts.
    if matches!(what.as_str(), "price" | "fine") && hits.iter().any(|h| h.3 == "damages") {
        what = "damages".into();
    }
    // "share price", "stock price", "a share": per unit.
    let share_price = before
        .windows(2)
        .take(4)
        .any(|w| w[0] == "price" && matches!(w[1].as_str(), "share" | "stock"))
        || a.per == "per share"
        // "shares closed at $31.80", "the stock traded at".
        || (before
            .iter()
            .take(6)
            .any(|w| matches!(w.as_str(), "shares" | "share" | "stock"))
            && before.iter().take(4).any(|w| {
                matches!(
                    w.as_str(),
                    "closed" | "traded" | "opened" | "ended" | "finished" | "trading"
                )
            }));
    if share_price {
        what = "share price".into();
    }
    // "a market value of", "its market capitalisation": what the market
    // says the whole company is worth, not a price paid.
    if before
        .windows(2)
        .take(4)
        .any(|w| w[0] == "value" && w[1] == "market")
    {
        what = "market value".into();
    }
    // "put the depth of Thursday's earthquake in southern Peru at 38 km":
    // a length whose clause speaks of depth, however far before.
    if what.is_empty() && class == UnitClass::Physical && before.iter().any(|w| w == "depth") {
        what = "depth".into();
    }
    if what.is_empty() && !a.unit.is_empty() && !is_money(&a.unit) && a.unit != "%" {
        what = a.unit.clone();
    }
    let prev = before.first().map(String::as_str);
    let margin = after.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "clear" | "ahead" | "behind" | "adrift" | "lead" | "margin" | "fewer"
        )
    }) || after.get(1).is_some_and(|w| {
        matches!(
            w.as_str(),
            "clear" | "ahead" | "behind" | "adrift" | "lead" | "margin"
        )
    }) || (after.first().is_some_and(|w| w == "more")
        && after.get(1).is_some_and(|w| w == "than"))
        || (prev_word(&before) == Some("by")
            && !before
                .iter()
                .take(7)
                .any(|w| CHANGE_VERBS.contains(&w.as_str()) || CHANGE_NOUNS.contains(&w.as_str())))
        || before.iter().take(2).any(|w| w == "lead" || w == "margin");
    // "a 9.5% pay rise", "7.5% more pay", "a wage increase of 7.5
    // percent": a percentage of pay is how much it changes.
    let pay_change = what.starts_with("pay") && a.unit == "%";
    let basis = if pay_change {
        Basis::Change
    } else if margin {
        Basis::Margin
    } else if a.increment
        || after.first().is_some_and(|w| w == "more")
        // "Two people also died in Vietnam", "also killed 12": more, on
        // top of a count told before.
        || after.first().is_some_and(|w| w == "also")
        || before.iter().take(2).any(|w| w == "also")
        || inside
            .iter()
            .any(|w| matches!(w.as_str(), "additional" | "extra" | "further"))
    {
        Basis::Increment
    } else if share_price || a.per == "per barrel" || a.per == "per ton" {
        Basis::PerUnit
    } else if before
        .iter()
        .take(4)
        .any(|w| AVERAGE_WORDS.contains(&w.as_str()))
        || a.per == "per game"
    {
        Basis::Average
    } else if prev == Some("from")
        && before
            .iter()
            .take(12)
            .any(|w| CHANGE_VERBS.contains(&w.as_str()) || CHANGE_NOUNS.contains(&w.as_str()))
    {
        // "reducing its debt from $27.5 billion to $9.2 billion": where a
        // change starts, not where it ends.
        Basis::From
    } else if prev != Some("to")
        // "has raised €60 million in a round": money raised is a sum, not
        // a rise.
        && !(what == "investment" && prev == Some("raised"))
        && (before
            .iter()
            .take(3)
            .any(|w| CHANGE_VERBS.contains(&w.as_str()))
            // "cut its main interest rate by 50 basis points"
            || (prev == Some("by")
                && before.iter().take(7).any(|w| {
                    CHANGE_VERBS.contains(&w.as_str()) || CHANGE_NOUNS.contains(&w.as_str())
                })))
    {
        Basis::Change
    } else {
        Basis::Total
    };
    let clause_low = inp.text[ca..cb].to_ascii_lowercase();
    let has = |p: &str| crate::analysis::claims::words::has_phrase(&clause_low, p).is_some();
    // "had burned 12,400 acres by Thursday morning": a count as of a time.
    let by_a_time = after.windows(2).take(4).any(|w| {
        w[0] == "by"
            && matches!(
                w[1].as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "then"
                    | "now"
                    | "today"
                    | "tonight"
                    | "yesterday"
                    | "midday"
                    | "noon"
                    | "nightfall"
                    | "dawn"
                    | "morning"
                    | "evening"
                    | "afternoon"
            )
    });
    // "11 people still missing", "Twelve remain missing", "Five suspects
    // are now in custody": a count at the time of the report.
    let still = after
        .iter()
        .take(2)
        .chain(before.iter().take(2))
        .any(|w| matches!(w.as_str(), "still" | "remain" | "remains" | "remained"))
        // "Five suspects are now in custody": people held at the time of
        // the report, a running total of arrests.
        || after.windows(2).take(3).any(|w| {
            w[0] == "now"
                && matches!(w[1].as_str(), "in" | "under" | "behind" | "held" | "detained")
        });
    let stage = if has("so far")
        || by_a_time
        || still
        || has("to date")
        || has("as of")
        || has("thus far")
        || (prev == Some("to")
            && before
                .get(1)
                .is_some_and(|w| CHANGE_VERBS.contains(&w.as_str()) || w == "reached"))
        || prev == Some("reached")
        || before
            .iter()
            .take(5)
            .any(|w| PARTIAL_WORDS.contains(&w.as_str()))
    {
        Stage::Partial
    } else if has("in all")
        || has("in total")
        || before
            .iter()
            .take(5)
            .any(|w| FINAL_WORDS.contains(&w.as_str()))
    {
        Stage::Final
    } else {
        Stage::Any
    };
    // A deal has one price: "its biggest acquisition so far" dates the
    // buyer's record, not a partial price.
    let stage = if what == "price" { Stage::Any } else { stage };
    let part = counted_part(&what, &after).or_else(|| part_after(&after));
    Measure {
        what,
        unit: a.unit.clone(),
        basis,
        stage,
        part,
        per: match period(&before, &after, &a.per, is_money(&a.unit) || a.unit == "%") {
            // Not a share: "has held 23 per cent of X since 2019" is one
            // stake kept since then, no sum of many.
            p if p.is_empty() && a.unit != "%" && accumulated_since(&reach) => CUMULATIVE.into(),
            p => p,
        },
        to: None,
        from: None,
    }
}

fn is_money(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Units that count the same things: a count without a noun ("12 dead")
/// counts people.
fn same_unit(a: &str, b: &str) -> bool {
    a == b || (a.is_empty() && b == "person") || (b.is_empty() && a == "person")
}

/// Whether two amounts measure the same thing, so that comparing their
/// values means something. Partial counts compare only with partial
/// counts (they are counts at a time); an unstated stage goes with a final
/// one.
pub fn same_measure(a: &Measure, b: &Measure) -> bool {
    let stage_ok = match (a.stage, b.stage) {
        (Stage::Partial, Stage::Partial) => true,
        (Stage::Partial, _) | (_, Stage::Partial) => false,
        _ => true,
    };
    !a.what.is_empty()
        && (a.what == b.what || same_aid(&a.what, &b.what))
        && a.to == b.to
        && (same_unit(&a.unit, &b.unit)
            || ((is_casualty_measure(&a.what)
                || a.what == ABOARD
                || super::measure_frames::counts_people(&a.what))
                && people_part(&a.unit, &b.unit).is_some()))
        && a.basis == b.basis
        && a.part == b.part
        && a.per == b.per
        && stage_ok
}

pub use super::measure_frames::fold_units as fold_frame_units;
pub use super::measure_kinds::{
    after_breach_word, breach_victims, gives_money, is_people_group, people_part, BREACH,
};
use super::measure_kinds::{same_aid, AID_KINDS, HUMANITARIAN};

#[cfg(test)]
#[path = "measure_tests.rs"]
mod tests;
