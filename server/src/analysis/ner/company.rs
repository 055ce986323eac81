//! Company cues around a single capitalised word: what news writes of a
//! company and seldom of a person or a place ("shares of X", "X's chief
//! executive", "X said in a statement", "its European division, X"). They
//! type a word the gazetteers do not know, and confirm a known company's
//! short form ("Ford") in a document that never names it in full.
use super::common_words::is_english_word;
use super::cues::is_in;
use super::lexicon::Lexicon;
use super::names::{lower, Para};
use crate::analysis::text::tokens::TokenKind;

/// What a company has, after "X's": its officers, its stock, its plants.
const OWNED_BY_COMPANIES: &[&str] = &[
    "shares",
    "stock",
    "ceo",
    "board",
    "shareholders",
    "headquarters",
    "subsidiary",
    "subsidiaries",
    "workforce",
    "plant",
    "plants",
    "factory",
    "factories",
    "revenue",
    "revenues",
    "earnings",
    "profit",
    "profits",
    "brand",
    "products",
    "customers",
    "dealers",
    "stake",
];

/// Words for a part of a company or a company, before ", X" in apposition
/// ("its European division, Opel").
const COMPANY_APPOSITION: &[&str] = &[
    "division",
    "subsidiary",
    "unit",
    "brand",
    "rival",
    "competitor",
    "maker",
    "manufacturer",
    "automaker",
    "carmaker",
    "company",
    "firm",
    "supplier",
];

/// Whether the one-word name at token `k` has a company cue around it.
pub(super) fn company_cue(p: &Para, k: usize) -> bool {
    let n = p.toks.len();
    let at = |i: usize| (i < n).then(|| lower(p, i));
    // "shares of X", "shares in X", "stake in X", "rival X"
    if k >= 2
        && matches!(at(k - 1), Some("of" | "in"))
        && matches!(at(k - 2), Some("shares" | "stake" | "stock"))
    {
        return true;
    }
    if market_staff_at(p, k) {
        return true;
    }
    // "a spokeswoman for X": a body's (a person's spokesman is rarer in
    // news than a company's, and a given name is left out).
    if k >= 2
        && at(k - 1) == Some("for")
        && matches!(
            at(k - 2),
            Some("spokesman" | "spokeswoman" | "spokesperson")
        )
        && !Lexicon::get().is_given_name(p.toks[k].text(p.text))
    {
        return true;
    }
    let word = at(k).unwrap_or("");
    // "Asian stock markets", "British shares": adjectives of places.
    if Lexicon::get().demonyms.contains_key(word) {
        return false;
    }
    // "X shares rose", "X stock" (not "Global stock markets")
    if matches!(at(k + 1), Some("shares" | "stock")) && !is_english_word(word) {
        return true;
    }
    // "X's chief executive", "X's shares"
    let possessive = p
        .toks
        .get(k + 1)
        .is_some_and(|t| t.kind == TokenKind::Possessive || matches!(at(k + 1), Some("'s" | "’s")));
    if possessive {
        let next = at(k + 2).unwrap_or("");
        let next2 = at(k + 3).unwrap_or("");
        if is_in(OWNED_BY_COMPANIES, next)
            || (next == "chief" && matches!(next2, "executive" | "financial" | "operating"))
        {
            return true;
        }
    }
    // "Zorvex CEO Anna Pike", "Kallisto spokeswoman Jane Doe": a word no
    // word list knows before a company officer's title.
    let lx = Lexicon::get();
    let officer = matches!(
        at(k + 1),
        Some(
            "ceo"
                | "cfo"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "chairman"
                | "chairwoman"
                | "analyst"
                | "economist"
                | "strategist"
        )
    ) || (at(k + 1) == Some("chief")
        && matches!(at(k + 2), Some("executive" | "financial")));
    if officer
        && !is_english_word(word)
        && !lx.is_given_name(p.toks[k].text(p.text))
        && lx.lookup(word).is_none()
    {
        return true;
    }
    // "X said in a statement"
    if matches!(at(k + 1), Some("said" | "says"))
        && at(k + 2) == Some("in")
        && matches!(at(k + 3), Some("a"))
        && at(k + 4) == Some("statement")
    {
        return true;
    }
    // "its European division, X"
    k >= 2 && at(k - 1) == Some(",") && at(k - 2).is_some_and(|w| is_in(COMPANY_APPOSITION, w))
}

/// "X, a San Francisco startup", "X, the budget carrier": an apposition
/// whose head is a kind of company (not "X, the company's founder"). As
/// sure as a company head in the name: the word is the company throughout
/// the document and, as a name, across the folder.
pub(super) fn company_apposition(p: &Para, k: usize) -> bool {
    let n = p.toks.len();
    let at = |i: usize| (i < n).then(|| lower(p, i));
    if at(k + 1) != Some(",") || !matches!(at(k + 2), Some("a" | "an" | "the")) {
        return false;
    }
    let word = at(k).unwrap_or("");
    if is_english_word(word) || Lexicon::get().lookup(word).is_some() {
        return false;
    }
    for i in k + 3..(k + 7).min(n) {
        let w = lower(p, i);
        if matches!(w, "," | "." | ";" | "that" | "which" | "who" | "of" | "and") {
            return false;
        }
        if is_in(COMPANY_APPOSITION, w) || is_in(COMPANY_NOUNS, w) {
            // The head ends the noun phrase: "the company's founder" and
            // "the firm spokesman" name a person.
            let next = p.toks.get(i + 1);
            return next.is_none_or(|t| {
                t.kind != TokenKind::Possessive
                    && !matches!(lower(p, i + 1), "'s" | "’s")
                    && !(t.kind == TokenKind::Word
                        && lower(p, i + 1).chars().all(char::is_alphabetic)
                        && !matches!(
                            lower(p, i + 1),
                            "that"
                                | "which"
                                | "based"
                                | "in"
                                | "with"
                                | "founded"
                                | "owned"
                                | "known"
                                | "whose"
                                | "of"
                                | "for"
                                | "and"
                                | "said"
                                | "has"
                                | "had"
                                | "is"
                                | "was"
                                | "will"
                                | "would"
                        ))
            });
        }
    }
    false
}

/// "analysts at X", "an economist with X": a bank or broker, as sure as
/// a head in its name (a place the gazetteer knows is left out).
pub(super) fn market_staff_at(p: &Para, k: usize) -> bool {
    k >= 2
        && matches!(lower(p, k - 1), "at" | "with")
        && is_in(MARKET_STAFF, lower(p, k - 2))
        && !is_english_word(lower(p, k))
        && Lexicon::get().lookup(lower(p, k)).is_none()
}

/// "shares of X", "a stake in X", "X shares fell": only a company has
/// stock, so the word no list knows is the company, as surely as with a
/// head in its name; the folder learns it, and a file that has only "X
/// declined to comment" (which a person says too) reads it so.
pub(super) fn stock_of(p: &Para, k: usize) -> bool {
    let n = p.toks.len();
    let at = |i: usize| (i < n).then(|| lower(p, i));
    let word = at(k).unwrap_or("");
    if is_english_word(word)
        || Lexicon::get().lookup(word).is_some()
        || Lexicon::get().demonyms.contains_key(word)
        || Lexicon::get().is_given_name(p.toks[k].text(p.text))
    {
        return false;
    }
    let before = k >= 2
        && matches!(at(k - 1), Some("of" | "in"))
        && matches!(at(k - 2), Some("shares" | "stake" | "stock"));
    // "X shares rose" (not "X shares the view": a verb takes an object)
    let after = matches!(at(k + 1), Some("shares" | "stock"))
        && at(k + 2).is_none_or(|w| {
            !matches!(
                w,
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
            )
        });
    before || after
}

/// People whose employer, named after "at" or "with", is a bank or broker.
const MARKET_STAFF: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
    "banker",
    "bankers",
];

/// Kinds of company an apposition names ("Zentrix, a robotics startup").
const COMPANY_NOUNS: &[&str] = &[
    "startup",
    "start-up",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "airline",
    "carrier",
    "conglomerate",
    "developer",
    "broker",
    "brokerage",
    "chipmaker",
    "drugmaker",
    "miner",
    "operator",
    "producer",
];

/// Last words of a company's name: its legal form or what it makes ("Fiat
/// Group SpA", "Ford Motor Company", "Cisco Systems").
pub(super) const COMPANY_HEADS: &[&str] = &[
    "ab",
    "ag",
    "aircraft",
    "airlines",
    "airplanes",
    "airways",
    "asa",
    "automotive",
    "bv",
    "co",
    "company",
    "computer",
    "computers",
    "corp",
    "corporation",
    "devices",
    "electronics",
    "gmbh",
    "group",
    "holdings",
    "inc",
    "industries",
    "kgaa",
    "llc",
    "llp",
    "lp",
    "ltd",
    "motor",
    "motors",
    "nv",
    "oyj",
    "plc",
    "pty",
    "sa",
    "sarl",
    "se",
    "spa",
    "srl",
    "systems",
    "technologies",
];

/// The first word of a company's name when the rest only says what kind
/// of company it is ("Ford" of "Ford Motor Company", "Boeing" of "Boeing
/// Commercial Airplanes"): news calls the company by that word alone, even
/// when it is also an English word. Not when the first word is a very
/// frequent word, a title, a nationality, a place or a given name ("United
/// Airlines", "American Airlines", "Texas Instruments", "Walt Disney
/// Company"), which stand for something else alone.
pub fn short_form(parts: &[&str]) -> Option<String> {
    let (first, rest) = parts.split_first()?;
    let last = rest.last()?;
    let lw = first.to_lowercase();
    let lx = super::lexicon::Lexicon::get();
    if !first.chars().all(|c| c.is_alphabetic() || c == '-')
        || first.chars().filter(|c| c.is_alphabetic()).count() < 3
        || super::common_words::is_common(&lw)
        || super::common_words::is_very_frequent_word(&lw)
        || super::cues::is_in(super::cues::ORG_HEADS, &lw)
        || super::cues::is_in(super::cues::PLACE_LEADS, &lw)
        || super::cues::is_in(super::cues::ORG_LEADS, &lw)
        || lx.titles.contains(&lw)
        || lx.demonyms.contains_key(&lw)
        || lx.is_given_name(first)
        || lx
            .lookup(first)
            .is_some_and(|id| lx.entry(id).kind == crate::analysis::model::EntityKind::Location)
    {
        return None;
    }
    let company =
        |w: &str| COMPANY_HEADS.contains(&crate::analysis::text::fold::ascii_key(w).as_str());
    // Every other word is a company head, or an ordinary word before one
    // ("Commercial Airplanes").
    let generic = rest.iter().all(|w| {
        company(w)
            || super::cues::is_in(
                super::cues::ORG_HEADS,
                &crate::analysis::text::fold::ascii_key(w),
            )
            || is_english_word(&w.to_lowercase())
    });
    (generic && company(last)).then(|| crate::analysis::text::fold::ascii_key(first))
}

/// "Aer Lingus and Ryanair", "Ryanair or Aer Lingus": a pair of unknown
/// capitalised words that only its shape made a person, listed with a
/// known company, is a company. `out` is sorted and non-overlapping.
pub(super) fn listed_with_companies(text: &str, out: &mut [super::Candidate]) {
    use crate::analysis::model::EntityKind;
    let lx = Lexicon::get();
    let company = |c: &super::Candidate| {
        c.kind == EntityKind::Organization
            && c.gaz.is_some_and(|g| lx.entry(g).subkind == "company")
    };
    let joined = |a: &super::Candidate, b: &super::Candidate| {
        a.end <= b.start && matches!(&text[a.end..b.start], " and " | " or " | ", ")
    };
    for i in 0..out.len() {
        let c = &out[i];
        let t = &text[c.start..c.end];
        let shape_only = c.kind == EntityKind::Person
            && c.confidence <= 0.5
            && c.roles.is_empty()
            && t.split(' ').count() == 2
            && !t.split(' ').next().is_some_and(|w| lx.is_given_name(w));
        if !shape_only {
            continue;
        }
        let listed = (i + 1 < out.len() && company(&out[i + 1]) && joined(c, &out[i + 1]))
            || (i > 0 && company(&out[i - 1]) && joined(&out[i - 1], c));
        if listed {
            out[i].kind = EntityKind::Organization;
        }
    }
}

/// An organisation written as a company or an airline word and a place
/// from `k` in the run `[k, b)`, as its token length: "Air" before a place
/// names that place's airline ("Air France", "Air Zimbabwe"); a company's
/// one-word name, then a country that ends the run, is the company's branch
/// there ("Ford Australia"), its own entity. `gl`: the token length of the
/// gazetteer name at `k`.
pub(super) fn company_compound(p: &Para, k: usize, b: usize, gl: usize) -> Option<usize> {
    use super::names::{gaz_at, word};
    use crate::analysis::model::EntityKind;
    if p.title_case {
        return None;
    }
    let lx = Lexicon::get();
    if word(p, k) == "Air" && k + 1 < b {
        let place = gaz_at(p, k + 1, b)
            .filter(|&(gi, _)| lx.entry(p.gaz[gi].entry).kind == EntityKind::Location);
        if let Some((_, n)) = place {
            return Some(1 + n);
        }
    }
    if gl != 1 || k + 2 != b {
        return None;
    }
    let known = |k: usize| {
        gaz_at(p, k, k + 1)
            .filter(|&(_, n)| n == 1)
            .map(|(gi, _)| lx.entry(p.gaz[gi].entry))
    };
    matches!(
        (known(k), known(k + 1)),
        (Some(firm), Some(country)) if firm.subkind == "company"
            && country.kind == EntityKind::Location
            && country.subkind == "country"
    )
    .then_some(2)
}

/// People a business has, before "of" or "at" ("employees of X", "workers
/// at X", "shareholders of X"): a place has residents, a person has none
/// of these, so the word no list knows is the company.
const STAFF_OF: &[&str] = &[
    "employees",
    "employee",
    "staff",
    "staffers",
    "shareholders",
    "stockholders",
    "investors",
    "executives",
    "customers",
    "creditors",
    "subscribers",
    "franchisees",
];

/// What a business is or runs, after "a X" or "the X" ("a Walgreens
/// store", "the Pinecrest chain"; not "app", which names a product).
const BUSINESS_THINGS: &[&str] = &[
    "store",
    "stores",
    "outlet",
    "outlets",
    "dealership",
    "franchise",
    "chain",
    "subsidiary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "executives",
    "employee",
    "employees",
    "shareholders",
];

/// What a company reports after "X reported" or "X posted".
const RESULTS: &[&str] = &[
    "profit", "profits", "loss", "losses", "revenue", "revenues", "earnings", "sales",
];

/// Whether the one-word name at token `k`, which no list knows, is named as
/// a business by what is said around it: its people ("employees of X",
/// "workers at X"), what it runs ("a X store", "the X chain"), its results
/// ("X reported a quarterly loss"), or a list of known companies it stands
/// in ("X, Microsoft and Sony"). A word with digits is left out ("WPA2"
/// among software companies is a standard). As sure as a company head in the name: the
/// document and the folder learn the word.
pub(super) fn business_cue(p: &Para, k: usize) -> bool {
    let n = p.toks.len();
    let at = |i: usize| (i < n).then(|| lower(p, i));
    let word = at(k).unwrap_or("");
    let lx = Lexicon::get();
    if is_english_word(word)
        || lx.lookup(word).is_some()
        || lx.demonyms.contains_key(word)
        || lx.is_given_name(p.toks[k].text(p.text))
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '&')
    {
        return false;
    }
    // "employees of X", "workers at X" (not "workers at Jasieniec's mine":
    // the name must end the phrase).
    let staff = k >= 2
        && match (at(k - 1), at(k - 2)) {
            (Some("of"), Some(w)) => is_in(STAFF_OF, w),
            (Some("at"), Some(w)) => is_in(STAFF_OF, w) || matches!(w, "workers" | "managers"),
            _ => false,
        }
        && at(k + 1).is_none_or(|w| w != "'s" && w != "’s");
    if staff {
        return true;
    }
    // "a Walgreens store", "the Pinecrest chain": an article, the name, the
    // business's noun, then no more of the noun phrase ("a Pinecrest
    // store manager" is still the store's).
    if k >= 1
        && matches!(at(k - 1), Some("a" | "an" | "the"))
        && at(k + 1).is_some_and(|w| is_in(BUSINESS_THINGS, w))
    {
        return true;
    }
    // "X reported a quarterly loss", "X posted record profits"
    if matches!(at(k + 1), Some("reported" | "posted" | "reports" | "posts")) {
        for i in k + 2..(k + 6).min(n) {
            let w = lower(p, i);
            if is_in(RESULTS, w) {
                return true;
            }
            if matches!(w, "," | "." | ";" | "that" | "to") {
                break;
            }
        }
    }
    listed_with_known_company(p, k)
}

/// "Ubisoft, Microsoft and Sony", "Intel or Vantor": the word at `k` in a
/// list, next to a company the gazetteer knows by one word.
fn listed_with_known_company(p: &Para, k: usize) -> bool {
    let n = p.toks.len();
    let is_sep = |i: usize| i < n && matches!(lower(p, i), "," | "and" | "or");
    let company_at = |i: usize| {
        i < n
            && super::names::gaz_at(p, i, i + 1).is_some_and(|(gi, len)| {
                len == 1 && {
                    let e = Lexicon::get().entry(p.gaz[gi].entry);
                    e.subkind == "company"
                }
            })
    };
    // After: "X, Microsoft", "X and Microsoft", "X, and Microsoft"
    // ("FaceTime, Apple's video application" is an apposition, no list.)
    let owner = |i: usize| i < n && matches!(lower(p, i), "'s" | "’s" | "'");
    let after = is_sep(k + 1)
        && ((company_at(k + 2) && !owner(k + 3))
            || (lower(p, k + 1) == "," && is_sep(k + 2) && company_at(k + 3) && !owner(k + 4)));
    // Before: "Microsoft and X", "Microsoft, X"
    let before = k >= 2 && is_sep(k - 1) && company_at(k - 2);
    after || before
}
