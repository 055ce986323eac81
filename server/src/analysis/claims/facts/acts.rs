//! Whose money an act's amount is, read from the words of the act itself:
//! the company a deal buys ("agreed to acquire X for", "X is being sold
//! to", "A's purchase of X"), the party a court fines ("fined the shipping
//! company X €300,000"), the company that reports a breach of its own data
//! ("X said the records of 3.1 million customers were exposed"). Reports
//! of one deal name its buyer in many ways (as subject, object of "sold
//! to", possessor) but the company bought is named in each, so the price
//! is keyed by it.
//!
//! [`settle`] then gives the file's one deal, fined company or breached
//! company to the amounts of that act whose own sentence names no party
//! ("Around US$900m will be paid in cash", "The company was also ordered to
//! pay €1.2 million in damages").
use super::*;

/// Words that say an organisation is bought, with what may stand between
/// them and its name ("to acquire trucking firm X", "takeover of X").
const BUY_WORDS: &[&str] = &[
    "acquire",
    "acquires",
    "acquired",
    "acquiring",
    "buy",
    "buys",
    "bought",
    "buying",
    "purchase",
    "purchased",
    "purchase of",
    "acquisition of",
    "takeover of",
    "sale of",
    "buyout of",
    "merger with",
    "snapped up",
    "snap up",
    "snaps up",
    "take over",
    "takes over",
    "took over",
    // "the deal values X at $2.1 billion"
    "values",
    // "Its $640m deal for X", "a rival bid for X": the company bought.
    "deal for",
    "bid for",
    "offer for",
];

/// The first name mention at most a few lowercase words after `from`, with
/// nothing but lowercase words ("the shipping company", "trucking firm")
/// between.
fn name_after(inp: &FactInput, from: usize, kinds: &[EntityKind]) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let to = crate::analysis::claims::words::floor_boundary(text, (from + 60).min(inp.end));
    let k = mentions_in(doc, from, to.max(from))
        .into_iter()
        .find(|&k| doc.mentions[k as usize].kind.is_name())?;
    let m = &doc.mentions[k as usize];
    // "to buy Adelaide-based grocery chain X": the place describes X.
    if let Some(next) = describes_next(inp, k).filter(|_| text[from..m.start].trim().is_empty()) {
        return Some(next);
    }
    if !kinds.contains(&m.kind) || in_spans(doc, k, inp.exclude) {
        return None;
    }
    let gap = &text[from..m.start];
    let ws: Vec<&str> = gap.split_whitespace().collect();
    // "to buy Portuguese paper maker X", "Spanish rival X": a nationality
    // describes the company like any lowercase word.
    let plain = ws.len() <= 4
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-') || is_demonym(w))
        // "bought shares of X", "buy the cement unit of X": a part of X.
        && !ws.iter().any(|w| PARTS_OF_A_COMPANY.contains(w));
    // "values X's equity at", "buy X's paper unit": a part of X.
    if text[m.end..].starts_with("'s") || text[m.end..].starts_with("\u{2019}s") {
        return None;
    }
    // "buy Boeing jets for": the name describes what is bought.
    let next = text[m.end..inp.end]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    // A verb after the name has it for its subject ("deal for X gives
    // the group a foothold"): nothing describes it.
    let verb_next = || {
        inp.frames.is_some_and(|sf| {
            let p = &sf.parse;
            let at = m.end + text[m.end..].len() - text[m.end..].trim_start().len();
            p.token_at(at).is_some_and(|t| {
                matches!(
                    p.tokens[t].upos,
                    crate::analysis::syntax::Upos::Verb | crate::analysis::syntax::Upos::Aux
                )
            })
        })
    };
    let describes = next.is_some_and(|w| {
        text[m.end..].starts_with(' ')
            && w.chars().all(|c| c.is_lowercase())
            && !FOLLOW_A_NAME.contains(&w)
    }) && !verb_next();
    (plain && !describes).then_some(k)
}

/// Whether a word names a nationality ("Portuguese", "Norwegian").
fn is_demonym(w: &str) -> bool {
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    lx.demonyms.contains_key(&w.to_lowercase())
}

/// What may be bought of a company without buying the company.
const PARTS_OF_A_COMPANY: &[&str] = &[
    "shares",
    "share",
    "stake",
    "stakes",
    "assets",
    "bonds",
    "debt",
    "division",
    "unit",
    "units",
    "business",
    "operations",
    "arm",
    "plant",
    "plants",
    "stores",
    "portfolio",
    "rights",
    "brand",
    "brands",
    "products",
    "of",
];

/// Words that follow a company's name in a sentence about buying it.
const FOLLOW_A_NAME: &[&str] = &[
    "for",
    "in",
    "from",
    "to",
    "and",
    "at",
    "on",
    "with",
    "which",
    "that",
    "said",
    "says",
    "is",
    "was",
    "will",
    "would",
    "has",
    "had",
    "after",
    "last",
    "this",
    "earlier",
    "its",
    "as",
    "by",
    "announced",
    "agreed",
    "including",
    "valued",
    "worth",
    "under",
    "into",
    "of",
];

/// Whether `w` is at a word boundary in `low` at `at`.
fn word_at(low: &str, at: usize, w: &str) -> bool {
    let before = low[..at].chars().next_back();
    let after = low[at + w.len()..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// The organisation a deal in sentence `inp` buys, when its words say so.
pub(super) fn deal_target(inp: &FactInput) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let sentence = &text[inp.start..inp.end];
    let low = sentence.to_lowercase();
    // Lowercasing keeps byte offsets only for ASCII-folding text; skip the
    // rare sentence where it does not.
    if low.len() != sentence.len() {
        return None;
    }
    let companies = [EntityKind::Organization, EntityKind::Person];
    for w in BUY_WORDS {
        let mut from = 0;
        while let Some(i) = low[from..].find(w) {
            let at = from + i;
            from = at + w.len();
            // "is being bought by A": the buyer follows, not the company
            // bought (see below).
            if !word_at(&low, at, w) || low[at + w.len()..].trim_start().starts_with("by ") {
                continue;
            }
            if let Some(k) = name_after(inp, inp.start + at + w.len(), &companies) {
                return Some(k);
            }
        }
    }
    // "agreed to pay €1.6 billion for X": the company after the "for"
    // that follows a verb of paying.
    for w in ["pay", "pays", "paid", "paying"] {
        let mut from = 0;
        while let Some(i) = low[from..].find(w) {
            let at = from + i;
            from = at + w.len();
            if !word_at(&low, at, w) {
                continue;
            }
            let rest = &low[from..];
            let Some(f) = rest.find(" for ") else {
                continue;
            };
            // Only the amount stands between: "pay €1.6 billion for".
            if rest[..f].split_whitespace().count() > 4 {
                continue;
            }
            let after_for = inp.start + from + f + " for".len();
            if let Some(k) = name_after(inp, after_for, &companies) {
                return Some(k);
            }
        }
    }
    // "X is being sold to A", "X was bought by A": the sentence's subject.
    let sold = [
        "is being sold to",
        "was sold to",
        "will be sold to",
        "is to be sold to",
        "is being bought by",
        "was bought by",
        "will be bought by",
        "is to be bought by",
        "is being acquired by",
        "was acquired by",
        "will be acquired by",
        "is to be acquired by",
    ];
    let at = sold.iter().find_map(|s| low.find(s))?;
    mentions_in(doc, inp.start, inp.start + at)
        .into_iter()
        .find(|&k| {
            companies.contains(&doc.mentions[k as usize].kind) && !in_spans(doc, k, inp.exclude)
        })
}

/// The party a court fines: the name right after "fined" ("fined the
/// shipping company X €300,000").
pub(super) fn fined_party(inp: &FactInput, amount_start: usize) -> Option<u32> {
    let sentence = &inp.text[inp.start..amount_start.min(inp.end)];
    let at = sentence.to_ascii_lowercase().rfind("fined ")?;
    let k = name_after(
        inp,
        inp.start + at + "fined".len(),
        &[EntityKind::Organization, EntityKind::Person],
    )?;
    (inp.doc.mentions[k as usize].end <= amount_start).then_some(k)
}

/// A "<Place>-based" or "<Place>-headquartered" mention: a description of
/// the name after it, never a subject of its own.
pub(super) fn describes_next(inp: &FactInput, k: u32) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let m = &doc.mentions[k as usize];
    if m.kind != EntityKind::Location {
        return None;
    }
    let rest = &text[m.end..inp.end];
    let low = rest.to_ascii_lowercase();
    let skip = ["-based ", "-headquartered ", " based ", "-born "]
        .iter()
        .find(|p| low.starts_with(**p))?;
    name_after(
        inp,
        m.end + skip.len() - 1,
        &[EntityKind::Organization, EntityKind::Person],
    )
}

/// The organisation a sentence cites as its own source ("Telvia said the
/// records of 3.1 million customers were exposed"): a breached company
/// reporting on itself.
pub(super) fn source_organisation(inp: &FactInput) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    mentions_in(doc, inp.start, inp.end).into_iter().find(|&k| {
        let m = &doc.mentions[k as usize];
        let says = text[m.end..inp.end]
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "said" | "says" | "confirmed" | "told" | "disclosed"));
        company_like(text, m) && (in_spans(doc, k, inp.exclude) || says)
    })
}

/// Words before a name that make it a person's ("The ferry's captain,
/// Luca Ferri", "Mr Holm").
const PERSON_CUES: &[&str] = &[
    "captain",
    "skipper",
    "driver",
    "pilot",
    "director",
    "executive",
    "chief",
    "manager",
    "officer",
    "mayor",
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "founder",
    "mr",
    "mrs",
    "ms",
    "dr",
    "judge",
    "lawyer",
    "worker",
    "employee",
    "engineer",
    "player",
    "striker",
    "forward",
    "coach",
    "defendant",
    "accused",
    "businessman",
    "businesswoman",
];

/// Whether a mention can be a company: an organisation, or a name the
/// recogniser typed as a person (it often types an unknown company so)
/// with no word before it that makes it a person.
pub(super) fn company_like(text: &str, m: &Mention) -> bool {
    match m.kind {
        EntityKind::Organization => true,
        EntityKind::Person => {
            let from =
                crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(40));
            let before = text[from..m.start].to_ascii_lowercase();
            !before
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| PERSON_CUES.contains(&w))
        }
        _ => false,
    }
}

/// The organisation that is the grammatical subject of the sentence's
/// main clause.
pub(super) fn sentence_subject_org(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
) -> Option<u32> {
    let p = &sf.parse;
    let doc = inp.doc;
    p.subjects(p.root()).into_iter().find_map(|s| {
        let tok = &p.tokens[s];
        mentions_in(doc, inp.start, inp.end).into_iter().find(|&k| {
            let m = &doc.mentions[k as usize];
            company_like(inp.text, m)
                && m.start <= tok.start
                && tok.end <= m.end
                && !in_spans(doc, k, inp.exclude)
        })
    })
}

/// Measures of one act whose unnamed party is the file's one party of
/// that act: a deal's price (and its parts), a company's fine and
/// damages, the people a breach of one company reached.
fn act_of(what: &str) -> Option<&'static str> {
    match what {
        "price" => Some("deal"),
        "fine" | "damages" => Some("court"),
        measure::BREACH => Some("breach"),
        _ => None,
    }
}

/// Words that stand for the company a file is about ("the company was
/// ordered to pay", "the firm said").
pub(super) fn names_the_company(sentence: &str) -> bool {
    let low = sentence.to_ascii_lowercase();
    ["the company", "the firm", "the group", "the operator"]
        .iter()
        .any(|p| low.contains(p))
}

/// Whether a sentence tells of buying or selling a company (its price
/// was keyed by the company bought, see [`deal_target`]).
fn tells_of_a_purchase(sentence: &str) -> bool {
    let low = sentence.to_ascii_lowercase();
    BUY_WORDS
        .iter()
        .chain(["sold to", "takeover", "acquisition", "deal"].iter())
        .any(|w| low.find(w).is_some_and(|at| word_at(&low, at, w)))
}

/// One file's quantity facts with their sentences: amounts of a deal, a
/// fine or a breach whose own sentence names no party get the file's one
/// party of that act, when the file names exactly one (two deals or two
/// fined companies: none). A deal's party is the company bought; the
/// amounts of sentences that tell of no purchase ("Tollbridge will pay
/// $900 million in cash") are parts of the file's deal.
pub fn settle(doc: &DocAnalysis, text: &str, claims: &mut [crate::analysis::claims::Claim]) {
    use crate::analysis::text::fold::ascii_key;
    for act in ["deal", "court", "breach"] {
        let mut party: Option<u32> = None;
        let mut one = true;
        for c in claims.iter() {
            let (fs, sa, sb) = (&c.facts, &c.start, &c.end);
            // A contract is not a purchase of a company.
            let sentence = &text[*sa..*sb];
            if act == "deal"
                && (!tells_of_a_purchase(sentence)
                    || super::amount_parties::is_contract(sentence) && !sentence.contains("deal"))
            {
                continue;
            }
            for f in fs.iter().filter(|f| !f.other_party) {
                let FactBody::Quantity {
                    subject: Some(s),
                    measure,
                    predicate,
                    ..
                } = &f.body
                else {
                    continue;
                };
                // A deal of another time (the company's earlier sale) is
                // not the file's deal.
                if act_of(&measure.what) != Some(act) || act == "deal" && f.period.is_some() {
                    continue;
                }
                if act == "deal" && predicate.iter().any(|w| w.starts_with("contract")) {
                    continue;
                }
                let m = &doc.mentions[*s as usize];
                // A person's fine is no company's; companies the
                // recogniser took for people are bought, not fined.
                if !company_like(text, m) {
                    continue;
                }
                match party {
                    None => party = Some(*s),
                    Some(p) => {
                        one &= ascii_key(doc.mentions[p as usize].text(text))
                            == ascii_key(m.text(text))
                    }
                }
            }
        }
        let Some(party) = party.filter(|_| one) else {
            continue;
        };
        for c in claims.iter_mut() {
            let sentence = &text[c.start..c.end];
            let fs = &mut c.facts;
            for f in fs.iter_mut() {
                // (Another participant's amount is nobody's of the file.)
                if f.period.is_some() || f.other_party {
                    continue;
                }
                let FactBody::Quantity {
                    subject, measure, ..
                } = &mut f.body
                else {
                    continue;
                };
                if act_of(&measure.what) != Some(act) {
                    continue;
                }
                let take = match act {
                    // Only a part of the price ("$900 million in cash"):
                    // other money of the deal (a break fee, a bonus) is no
                    // part or whole of it.
                    "deal" => !tells_of_a_purchase(sentence) && measure.part.is_some(),
                    // A court's amount goes to the company only when the
                    // sentence says "the company".
                    "court" => subject.is_none() && names_the_company(sentence),
                    _ => subject.is_none(),
                };
                if take {
                    *subject = Some(party);
                }
            }
        }
    }
}

/// The company a sentence says won a contract, named before the amount
/// ("X has been selected to supply 40 buses ... in a contract valued at").
pub(super) fn contract_winner(inp: &FactInput, amount_start: usize) -> Option<u32> {
    const WON: &[&str] = &[
        " has been selected",
        " was selected",
        " has been chosen",
        " was chosen",
        " has won",
        " won",
        " was awarded",
        " has been awarded",
        " has signed",
        " signed",
        " has secured",
        " secured",
    ];
    let (text, doc) = (inp.text, inp.doc);
    mentions_in(doc, inp.start, amount_start.min(inp.end))
        .into_iter()
        .find(|&k| {
            let m = &doc.mentions[k as usize];
            company_like(text, m)
                && !in_spans(doc, k, inp.exclude)
                && WON.iter().any(|w| text[m.end..].starts_with(w))
        })
}

/// Whether a verb of buying or selling governs token `t` ("agreed to
/// acquire X, a maker of ..., for $1.4 billion").
pub(super) fn bought_by_verb(
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
) -> bool {
    let p = &sf.parse;
    p.ancestors(t).take(6).any(|h| {
        matches!(
            p.tokens[h].form.to_ascii_lowercase().as_str(),
            "acquire"
                | "acquires"
                | "acquired"
                | "buy"
                | "buys"
                | "bought"
                | "purchase"
                | "purchased"
                | "sell"
                | "sells"
                | "sold"
        )
    })
}

/// "agreed to acquire X, a maker of ..., for $1.4 billion": an amount
/// right after "for" in a sentence that buys or sells before it.
pub(super) fn for_after_buying(inp: &FactInput, at: usize) -> bool {
    let before = &inp.text[inp.start..at.max(inp.start)];
    let low = before.to_ascii_lowercase();
    low.trim_end().ends_with(" for")
        && [
            "acquire",
            "acquires",
            "acquired",
            "buy",
            "buys",
            "bought",
            "sold to",
            "sell ",
            "purchase",
            "snapped up",
            "took over",
            "take over",
            "takes over",
        ]
        .iter()
        .any(|w| low.contains(w))
}
