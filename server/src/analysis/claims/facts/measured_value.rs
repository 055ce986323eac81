//! What things are worth, compensation paid and money taken in a fraud,
//! read from the parse for [`super::measured`]: "the stolen paintings are
//! worth about €21 million", "The total value of the stolen works is
//! estimated at 12 million euros", "The museum puts the total value at
//! €12m" (the value of what an event took), "EUR 4.3 million was siphoned
//! off" (money diverted), "The settlement will cost the federation 1.2
//! million dollars" (damages).
//!
//! "Value" is said of deals, companies and shares as well: it is the
//! value of things only when the sentence tells of a theft or of damage,
//! or the value is a total of things its "of" phrase does not name as a
//! deal or a company ("Their total value is put at 12 million euros").
use super::measured_words::{money_noun, MONEY_DIVERTED, VALUE};
use crate::analysis::syntax::{Parse, Rel, Upos};

fn lemma(p: &Parse, t: usize) -> String {
    let tok = &p.tokens[t];
    let l = if tok.lemma.is_empty() {
        &tok.form
    } else {
        &tok.lemma
    };
    l.to_lowercase()
}

/// Words of a theft or of damage done to things.
fn taken_word(w: &str) -> bool {
    w.starts_with("stol")
        || w.starts_with("steal")
        || w.starts_with("theft")
        || w.starts_with("thie")
        || w.starts_with("loot")
        || w.starts_with("burgl")
        || w.starts_with("robb")
        || w.starts_with("heist")
        || w.starts_with("damag")
        || w == "haul"
        || w == "missing"
}

/// Whether the sentence tells of a theft or of damage.
fn tells_of_taking(p: &Parse) -> bool {
    p.tokens.iter().any(|t| taken_word(&t.form.to_lowercase()))
}

/// The measure the noun "value" at `n` names for money: a deal's price
/// ("the value of the deal"), the value of things taken, or none.
pub(super) fn value_noun(p: &Parse, n: usize) -> Option<&'static str> {
    // "the deal value": the compound says.
    if p.children_with(n, Rel::Compound)
        .any(|c| money_noun(&lemma(p, c)).is_some())
    {
        return None;
    }
    let of = p
        .children_with(n, Rel::Nmod)
        .find(|&c| p.case_marker(c).as_deref() == Some("of"));
    if let Some(c) = of {
        // "the value of the deal": the deal's measure; "the value of
        // Calder", "of its shares": a company's worth, not read here.
        if let Some(m) = money_noun(&lemma(p, c)) {
            return Some(m);
        }
        if p.tokens[c].upos == Upos::Propn
            || matches!(
                lemma(p, c).as_str(),
                "share" | "stock" | "company" | "firm" | "group" | "business" | "stake"
            )
        {
            return None;
        }
    }
    let total = p
        .children_with(n, Rel::Amod)
        .any(|c| matches!(lemma(p, c).as_str(), "total" | "combined" | "estimated"));
    (tells_of_taking(p) || total).then_some(VALUE)
}

/// "The stolen paintings are worth about €21 million": the value of the
/// things taken, when "worth" is the predicate of a sentence telling of
/// a theft or damage (a deal "worth" an amount is its price, read
/// elsewhere).
pub(super) fn worth_of_things(p: &Parse, first: usize) -> bool {
    let Some(w) = (first.saturating_sub(4)..first)
        .rev()
        .find(|&k| p.tokens[k].form.eq_ignore_ascii_case("worth"))
    else {
        return false;
    };
    let predicate = p.children_with(w, Rel::Cop).next().is_some()
        || p.tokens[w]
            .head
            .is_some_and(|h| p.children_with(h, Rel::Cop).next().is_some() && h != w && h < w);
    let subject_is_money = p
        .subjects(w)
        .into_iter()
        .any(|s| money_noun(&lemma(p, s)).is_some());
    predicate && !subject_is_money && tells_of_taking(p)
}

/// What the passive subject of a verb of fraud is: money diverted ("EUR
/// 4.3 million was siphoned off").
pub(super) fn passive_diverted(p: &Parse, e: usize, head: usize) -> Option<&'static str> {
    let subject = p.tokens[e].deprel.is_subject();
    (subject && super::measured_words::diverting_verb(&lemma(p, head))).then_some(MONEY_DIVERTED)
}

/// "caused a loss of 3.4 million euros to the county budget", in a
/// sentence of a fraud: the money the fraud took, as "diverted" says.
pub(super) fn fraud_loss(sentence: &str) -> bool {
    let low = sentence.to_lowercase();
    let loss = [
        "loss of",
        "losses of",
        "damage of",
        "damages of",
        "a loss",
        "losses",
    ]
    .iter()
    .any(|w| low.contains(w));
    let fraud = [
        "fraud",
        "embezzl",
        "divert",
        "siphon",
        "misappropriat",
        "scheme",
        "corrupt",
    ]
    .iter()
    .any(|w| low.contains(w));
    let to_public = [
        " budget",
        "state",
        "treasury",
        "public funds",
        "taxpayer",
        "county",
        "city",
    ]
    .iter()
    .any(|w| low.contains(w));
    loss && fraud && to_public
}

/// The money its subject says a verb of cost measures: "The settlement
/// will cost the federation 1.2 million dollars" is damages.
pub(super) fn cost_of_subject(p: &Parse, v: usize) -> Option<&'static str> {
    p.subjects(v)
        .into_iter()
        .find_map(|s| match money_noun(&lemma(p, s)) {
            Some(m @ ("damages" | "fine")) => Some(m),
            _ => None,
        })
}

/// Whether a verb of paying says its money is paid under a settlement or
/// as compensation ("paid $1.8 million as part of the settlement", "paid
/// in compensation").
pub(super) fn paid_in_settlement(p: &Parse, v: usize) -> bool {
    p.subtree(v).any(|t| {
        matches!(
            lemma(p, t).as_str(),
            "settlement" | "compensation" | "damages" | "payout"
        ) && p.clause_of(t) == p.clause_of(v)
    })
}
