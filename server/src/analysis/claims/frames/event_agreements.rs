//! Agreements that are no purchase. "Deal", "agreement", "settlement",
//! "accord" and "pact" name an acquisition in business news, but also a
//! pay deal between a union and an employer, a trade deal between
//! countries, a sponsorship, a loan or a plea deal. Their figures (a pay
//! rise in per cent, a lump sum per worker, what the deal costs, its
//! length) are no price of a purchase, and a purchase told in the same
//! report must not take them for its own.
use super::*;

/// Nouns that name a deal of any kind.
const DEAL_NOUNS: &[&str] = &["deal", "agreement", "settlement", "accord", "pact"];

/// Words before a deal noun that make it a labour agreement ("a pay
/// deal", "a wage settlement", "the collective agreement").
const LABOUR_QUALIFIERS: &[&str] = &[
    "pay",
    "wage",
    "wages",
    "salary",
    "labour",
    "labor",
    "collective",
    "union",
    "pension",
    "productivity",
    "bargaining",
];

/// Words of a sentence that tell of work and its pay ("the union", "the
/// strike", "wage"): a bare "deal" or "agreement" there is a labour
/// agreement. ("pay" only as a noun: "will pay $1.4 billion for" is a
/// purchase.)
const LABOUR_CONTEXT: &[&str] = &[
    "union",
    "unions",
    "wage",
    "wages",
    "salary",
    "salaries",
    "strike",
    "strikes",
    "striking",
    "stoppage",
    "stoppages",
    "walkout",
    "bargaining",
    "labour",
    "labor",
    "pension",
    "pensions",
];

/// The people a labour agreement is for ("a one-off payment of 1,500
/// euros per worker"): a weaker sign, which a sentence telling of a
/// purchase ("told staff in a letter") overrides as well.
const WORKFORCE: &[&str] = &[
    "worker",
    "workers",
    "employee",
    "employees",
    "staff",
    "workforce",
];

/// Words of a sentence that tell of a purchase: a deal there stays an
/// acquisition, whatever workers it also names ("the deal includes
/// Ionis's 2,000 workers").
const BUYING: &[&str] = &[
    "buy",
    "buys",
    "bought",
    "buying",
    "acquire",
    "acquires",
    "acquired",
    "acquisition",
    "takeover",
    "purchase",
    "purchased",
    "merger",
    "sold",
    "sell",
    "sells",
    "sale",
    "stake",
    "shares",
    "bid",
    "fee",
    "transfer",
];

/// Words before a deal noun that make it an agreement that buys nothing.
const ACCORD_QUALIFIERS: &[&str] = &[
    "trade",
    "free-trade",
    "peace",
    "ceasefire",
    "sponsorship",
    "sponsor",
    "shirt",
    "kit",
    "loan",
    "plea",
    "supply",
    "broadcast",
    "broadcasting",
    "tv",
    "television",
    "media",
    "licensing",
    "licence",
    "license",
    "partnership",
    "climate",
    "nuclear",
    "arms",
    "debt",
    "bailout",
    "coalition",
    "power-sharing",
    "security",
    "defence",
    "defense",
    "fishing",
    "grain",
    "gas",
    "export",
    "import",
    "tariff",
    "distribution",
    "streaming",
    "endorsement",
    "boot",
    "naming",
];

/// The kind of the event word at token `a`, first read as `kind`: a deal
/// noun of an acquisition becomes a labour agreement
/// or an accord when its own qualifiers or, for a labour agreement, its
/// sentence say so.
pub(super) fn refine(p: &Parse, a: usize, kind: EventKind) -> EventKind {
    if kind != EventKind::Acquisition {
        return kind;
    }
    let tok = &p.tokens[a];
    let lemma = tok.lemma.to_ascii_lowercase();
    let form = tok.form.to_ascii_lowercase();
    let singular = form.strip_suffix('s').unwrap_or(&form);
    let noun = DEAL_NOUNS.contains(&lemma.as_str()) || DEAL_NOUNS.contains(&singular);
    // "will pay each worker a lump sum": pay for work, no price.
    if lemma == "pay" && pays_workers(p, a) {
        return EventKind::Labour;
    }
    if !noun {
        return kind;
    }
    let qualifiers: Vec<String> = qualifiers(p, a);
    let has = |list: &[&str]| qualifiers.iter().any(|q| list.contains(&q.as_str()));
    if has(LABOUR_QUALIFIERS) {
        return EventKind::Labour;
    }
    if has(ACCORD_QUALIFIERS) {
        return EventKind::Accord;
    }
    // The sentence's words (its parse covers the sentence only).
    let mut labour = false;
    let mut buying = false;
    for tok in &p.tokens {
        let form = tok.form.to_ascii_lowercase();
        let lemma = tok.lemma.to_ascii_lowercase();
        let verb = matches!(tok.upos, Upos::Verb | Upos::Aux);
        // "will pay ... for", "values the company at": a purchase.
        buying |=
            BUYING.contains(&form.as_str()) || verb && matches!(lemma.as_str(), "pay" | "value");
        // "a pay rise", "pay talks": pay as a noun.
        labour |= LABOUR_CONTEXT.contains(&form.as_str())
            || WORKFORCE.contains(&form.as_str())
            || !verb && lemma == "pay";
    }
    if labour && !buying {
        return EventKind::Labour;
    }
    kind
}

/// Whether the verb at `a` pays people for their work: its object or
/// indirect object is the workforce ("pay its 14,000 workers a bonus",
/// "pay staff 1,500 euros each").
fn pays_workers(p: &Parse, a: usize) -> bool {
    p.children(a).iter().any(|&c| {
        p.tokens[c].deprel.is_object()
            && WORKFORCE.contains(&p.tokens[c].form.to_ascii_lowercase().as_str())
    })
}

/// The words that qualify a noun: its compound and adjective dependents,
/// and the word written right before it ("a pay deal" whatever the parse
/// made of "pay"), lower-cased.
fn qualifiers(p: &Parse, a: usize) -> Vec<String> {
    let mut v: Vec<String> = p
        .children(a)
        .iter()
        .copied()
        .filter(|&c| {
            c < a
                && matches!(
                    p.tokens[c].deprel.rel,
                    Rel::Compound | Rel::Amod | Rel::Nmod | Rel::Flat
                )
        })
        .map(|c| p.tokens[c].form.to_ascii_lowercase())
        .collect();
    if a > 0 {
        v.push(p.tokens[a - 1].form.to_ascii_lowercase());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of the events read from a sentence.
    fn kinds(s: &str) -> Vec<EventKind> {
        super::super::tests::events(s, None)
            .into_iter()
            .map(|r| r.0)
            .collect()
    }

    #[test]
    fn labour_agreements_are_their_own_kind() {
        for s in [
            "Workers at Velmar accepted a pay deal on Thursday.",
            "The CGT union signed a wage agreement with Velmar on Thursday.",
            "The settlement, struck on Thursday, ends three weeks of stoppages by drivers.",
            "The deal also includes a one-off payment of 1,500 euros per worker.",
            "Velmar agreed a collective agreement with its unions on Thursday.",
            "Velmar will pay its workers a one-off bonus of 1,500 euros.",
        ] {
            let k = kinds(s);
            assert!(k.contains(&EventKind::Labour), "{s}: {k:?}");
            assert!(!k.contains(&EventKind::Acquisition), "{s}: {k:?}");
        }
    }

    #[test]
    fn deals_that_buy_nothing_are_accords() {
        for s in [
            "Chile and Peru signed a trade deal in Lima on Monday.",
            "Harlow agreed a shirt sponsorship deal with Velmar worth 40 million pounds.",
            "Daniel Price accepted a plea deal with prosecutors on Friday.",
        ] {
            let k = kinds(s);
            assert!(!k.contains(&EventKind::Acquisition), "{s}: {k:?}");
        }
    }

    #[test]
    fn purchases_stay_acquisitions() {
        for s in [
            "Velmar's deal for Ionis was worth 120 million euros.",
            "The deal to buy Ionis includes its 2,000 workers.",
            "Maple agreed a deal to acquire Corran for $1.4 billion.",
        ] {
            let k = kinds(s);
            assert!(k.contains(&EventKind::Acquisition), "{s}: {k:?}");
        }
    }
}
