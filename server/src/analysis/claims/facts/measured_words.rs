//! The nouns and verbs that say what an amount of money, a percentage or a
//! duration measures when the parse finds them governing it ("a $300
//! million loan", "a fee of €12m", "Turnout reached 54 per cent", "a
//! five-year contract"). Synonyms are folded only where news really varies
//! in naming one thing: a transfer's fee, price and what a player "cost"
//! are one price; a blackout and a power outage one blackout.

/// Money taken in a fraud, however it is said ("diverted", "siphoned
/// off", "embezzled", "a loss of 3.4 million euros to the county
/// budget").
pub(crate) const MONEY_DIVERTED: &str = "money diverted";

/// What stolen or damaged things are worth ("the stolen paintings are
/// worth about €21 million", "the total value of the stolen works is
/// estimated at 12 million euros"): the value of what the event took.
pub(crate) const VALUE: &str = "value";

/// Verbs that put a value "at" an amount ("is estimated at", "The museum
/// puts the total value at €12m"): their object, or their subject when
/// passive, names the measure.
pub(super) fn estimate_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "estimate" | "put" | "value" | "place" | "peg" | "assess" | "set" | "calculate"
    )
}

/// Verbs of money taken in a fraud whose passive subject is the money
/// ("EUR 4.3 million was siphoned off").
pub(super) fn diverting_verb(lemma: &str) -> bool {
    money_verb(lemma) == Some(MONEY_DIVERTED)
}

/// What a noun governing an amount of money measures.
pub(super) fn money_noun(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "fee" | "price" | "tag" | "sum" | "bid" | "offer" | "deal" | "takeover" | "acquisition"
        | "purchase" | "sale" | "transfer" | "worth" => "price",
        "loan" | "credit" | "bailout" | "facility" => "loan",
        "cost" | "bill" => "cost",
        "revenue" | "sales" | "turnover" => "revenue",
        "profit" | "income" | "earnings" => "profit",
        "loss" => "loss",
        "budget" | "spending" => "budget",
        "fine" | "penalty" => "fine",
        // "a settlement of $1.2m", "compensation of 1.2 million dollars":
        // what the injured party is paid.
        "damages" | "compensation" | "settlement" | "payout" => "damages",
        "salary" | "wage" | "wages" => "salary",
        "aid" | "assistance" | "grant" => "aid",
        "investment" => "investment",
        "debt" => "debt",
        // "cost savings of 60 million euros a year": money saved, not the
        // cost.
        "saving" | "savings" | "synergy" => "savings",
        "evasion" => "tax evaded",
        "valuation" | "capitalisation" | "capitalization" => "market value",
        _ => return None,
    })
}

/// What a verb whose object (or "for" oblique) is an amount of money
/// measures: the verbs of a sale, and of what a thing cost.
pub(super) fn money_verb(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "pay" | "buy" | "sell" | "acquire" | "purchase" | "fetch" | "offer" | "bid" => "price",
        "borrow" | "lend" => "loan",
        // "The works were insured for €8 million": not what they are
        // worth.
        "insure" => "insured value",
        "earn" => "profit",
        // "The IPO, which raised €1.1bn", "having raised €60m": money
        // raised is an investment in the raiser, as "raised €60m in a
        // round" is.
        "raise" => "investment",
        // "diverted 4.3 million euros", "EUR 4.3 million was siphoned
        // off": money taken in a fraud.
        "divert" | "siphon" | "embezzle" | "misappropriate" | "misuse" | "defraud" => {
            MONEY_DIVERTED
        }
        _ => return None,
    })
}

/// What a noun governing a percentage measures: a holding, a turnout, a
/// change of pay.
pub(super) fn share_noun(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "stake" | "holding" | "shareholding" => "stake",
        "turnout" | "participation" => "turnout",
        _ => return None,
    })
}

/// Verbs whose percentage object is a holding ("owns 12% of Calder").
pub(super) fn holds_share(lemma: &str) -> bool {
    matches!(lemma, "own" | "hold" | "control")
}

/// Nouns of a change that a percentage measures ("a pay increase of 6.5
/// per cent", "a 6.5 per cent hike in pay"): the changed thing says what.
pub(super) fn change_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "increase" | "rise" | "hike" | "raise" | "cut" | "increment" | "uplift"
    )
}

/// Nouns that are pay, of which a percentage is a change.
pub(super) fn pay_noun(lemma: &str) -> bool {
    matches!(lemma, "pay" | "wage" | "wages" | "salary" | "salaries")
}

/// What a noun governing a duration measures: how long a contract, a
/// blackout, a ban runs ("a five-year contract", "the 12-hour blackout").
pub(super) fn duration_noun(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "contract" | "deal" | "agreement" | "extension" => "contract",
        "blackout" | "outage" => "blackout",
        "ban" | "suspension" => "ban",
        "strike" | "walkout" => "strike",
        "lease" | "concession" => "lease",
        "mandate" => "mandate",
        "closure" | "shutdown" | "lockdown" => "closure",
        _ => return None,
    })
}

/// What a verb measures a duration "for" ("was banned for three years",
/// "suspended for six months").
pub(super) fn duration_verb(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "ban" | "suspend" | "bar" => "ban",
        "close" | "shut" => "closure",
        // "are striking for four days", "struck for three days".
        "strike" => "strike",
        _ => return None,
    })
}

/// Verbs that say how much their subject is ("Turnout reached 54 per
/// cent", "The blackout lasted 12 hours", "The fee stands at €12m"): the
/// subject names the measure.
pub(super) fn level_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "reach" | "hit" | "stand" | "total" | "amount" | "top" | "be" | "last" | "come" | "run"
    )
}

/// Verbs that bring something to an amount ("bringing their income to
/// €95 million", "raised its stake to 15%"): their object names the
/// measure.
pub(super) fn bring_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "bring" | "take" | "raise" | "lift" | "push" | "increase" | "boost" | "cut" | "reduce"
    )
}

/// Words before a price that make it the part paid at once ("cost an
/// initial €20 million", "€12m up front"), not the whole with add-ons.
pub(super) const UP_FRONT: &[&str] = &["initial", "upfront", "up-front", "guaranteed"];

/// Verbs of a change whose percentage object or "by" phrase is how much
/// their subject changed ("Wages will rise by 4.5%").
pub(super) fn change_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "rise"
            | "increase"
            | "grow"
            | "climb"
            | "go"
            | "jump"
            | "fall"
            | "drop"
            | "decline"
            | "decrease"
            | "shrink"
    )
}

/// Change verbs that say a fall ("Wages fell by 2%").
pub(super) fn falling_verb(lemma: &str) -> bool {
    matches!(lemma, "fall" | "drop" | "decline" | "decrease" | "shrink")
}
