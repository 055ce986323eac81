//! Whose an amount is and for whom: the donor and recipient of aid, the
//! contractor of a contract, the dollar a bare "$" is in its article.
use super::acts::*;
use super::*;

pub(super) fn is_money_unit(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Whom aid is for: a place or organisation after "for"/"to" following
/// the amount in its clause ("€45 million in emergency aid for Malawi"),
/// else the country the article is about, unless that is the donor.
pub(super) fn aid_recipient(
    inp: &FactInput,
    ms_clause: &[u32],
    from: usize,
    to: usize,
    donor: Option<u32>,
) -> Option<String> {
    use crate::analysis::text::fold::ascii_key;
    let (text, doc) = (inp.text, inp.doc);
    let named = ms_clause.iter().copied().find(|&k| {
        let m = &doc.mentions[k as usize];
        matches!(m.kind, EntityKind::Location | EntityKind::Organization)
            && m.start >= from
            && m.end <= to
            && Some(k) != donor
            && (to_the_place(&text[from..m.start]) || for_people_in(&text[from..m.start]))
    });
    if let Some(k) = named {
        return Some(place_key(doc.mentions[k as usize].text(text)));
    }
    let country = inp.country?;
    let donor_is_it = donor.is_some_and(|d| {
        let name = doc.mentions[d as usize].text(text);
        crate::analysis::claims::resolve::country_of_name(name)
            .is_some_and(|c| ascii_key(&c) == ascii_key(country))
    });
    (!donor_is_it).then(|| ascii_key(country))
}

/// Words that may stand between "to"/"for" and the place aid goes to
/// ("to neighbouring Mozambique", "for flood-hit northern Malawi").
fn place_qualifier(w: &str) -> bool {
    w == "the"
        || ["ing", "ern", "-hit", "-stricken", "-torn", "-ravaged"]
            .iter()
            .any(|e| w.ends_with(e))
        || matches!(
            w,
            "central" | "war" | "quake" | "flood" | "storm" | "drought"
        )
}

/// Whether the words between an amount and a place end in "for"/"to"
/// and at most two words that qualify the place.
fn to_the_place(between: &str) -> bool {
    let ws: Vec<String> = between
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let Some(k) = ws.iter().position(|w| !place_qualifier(w)) else {
        return false;
    };
    matches!(ws[k].as_str(), "for" | "to")
}

/// "in aid for flood victims in", "to displaced families in": the people
/// aid is for, then the place they are in (the words between an amount
/// and a place name).
fn for_people_in(between: &str) -> bool {
    let ws: Vec<String> = between
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let Some(last) = ws.last() else {
        return false;
    };
    last == "in"
        && ws.len() <= 8
        && ws.iter().any(|w| w == "for" || w == "to")
        && !ws
            .iter()
            .any(|w| w.ends_with(',') || w == "where" || w == "who" || w == "which")
}

/// How a recipient of aid is compared: a city stands for its country
/// ("aid for Lilongwe"), folded.
pub(super) fn place_key(name: &str) -> String {
    let place =
        crate::analysis::claims::resolve::country_of_name(name).unwrap_or_else(|| name.to_string());
    crate::analysis::text::fold::ascii_key(&place)
}

/// The organisation or country named as the grammatical subject of the
/// clause of token `t` when it is also the sentence's source (frames
/// leave sources out of the names they read).
pub(super) fn speaker_subject(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    ms_clause: &[u32],
) -> Option<u32> {
    let p = &sf.parse;
    let clause = p.clause_of(t);
    p.subjects(clause).into_iter().find_map(|s| {
        let tok = &p.tokens[s];
        ms_clause.iter().copied().find(|&k| {
            let m = &inp.doc.mentions[k as usize];
            matches!(m.kind, EntityKind::Organization | EntityKind::Location)
                && m.start <= tok.start
                && tok.end <= m.end
                && in_spans(inp.doc, k, inp.exclude)
        })
    })
}

/// The currency a bare "$" stands for in an article about `country`,
/// when that country's money is a dollar and the amount is written with
/// no prefix ("$200-million", not "US$" or "C$").
pub(super) fn local_dollar(
    text: &str,
    start: usize,
    end: usize,
    unit: &str,
    country: Option<&str>,
) -> Option<&'static str> {
    if unit != "USD" {
        return None;
    }
    let written = &text[start..end];
    let prefixed = match written.find('$') {
        Some(at) => text[..start + at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == '.'),
        // "1.1 billion dollars", not "US dollars" or "American dollars".
        None => {
            let low = written.to_ascii_lowercase();
            !low.contains("dollar")
                || [
                    "us ",
                    "u.s.",
                    "american",
                    "canadian",
                    "australian",
                    "kong",
                    "singapore",
                    "zealand",
                ]
                .iter()
                .any(|n| low.contains(n))
        }
    };
    if prefixed {
        return None;
    }
    Some(match country? {
        "Canada" => "CAD",
        "Australia" => "AUD",
        "New Zealand" => "NZD",
        "Hong Kong" => "HKD",
        "Singapore" => "SGD",
        _ => return None,
    })
}

/// "Crowns" in English are the krone, krona or koruna of the country the
/// article is from: the word alone names no currency.
pub(super) fn local_crown(unit: &str, country: Option<&str>) -> Option<&'static str> {
    if !matches!(unit, "crown" | "crowns") {
        return None;
    }
    Some(match country? {
        "Norway" => "NOK",
        "Sweden" => "SEK",
        "Denmark" => "DKK",
        "Czech Republic" | "Czechia" => "CZK",
        "Iceland" => "ISK",
        _ => return None,
    })
}

/// Whom a contract or deal is with, when the clause names nobody as its
/// subject: "award a $200-million contract ... to X", "a deal with X",
/// or the organisation that reports it of itself ("X said it won a
/// contract valued at ...").
pub(super) fn contractor(
    inp: &FactInput,
    ms_clause: &[u32],
    (ca, cb): (usize, usize),
    at: usize,
) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    if !is_contract(&text[ca..cb]) {
        return None;
    }
    let org = |k: &u32| doc.mentions[*k as usize].kind == EntityKind::Organization;
    let with = ms_clause.iter().copied().filter(org).find(|&k| {
        let m = &doc.mentions[k as usize];
        m.start >= at
            && text[at..m.start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "to" | "with"))
    });
    with.or_else(|| {
        // The source organisation, then "said it"/"says it".
        ms_clause.iter().copied().filter(org).find(|&k| {
            let m = &doc.mentions[k as usize];
            m.end <= at && in_spans(doc, k, inp.exclude) && {
                let after = text[m.end..at].to_ascii_lowercase();
                let ws: Vec<&str> = after.split_whitespace().take(2).collect();
                matches!(ws.as_slice(), [v, "it"] if matches!(*v, "said" | "says" | "announced"))
            }
        })
    })
}

/// Content stems of the words after a bracketed aside that ends a clause
/// at `cb`, up to the next clause boundary.
pub(super) fn after_aside(text: &str, inp: &FactInput, cb: usize) -> Vec<String> {
    if !text[cb..inp.end].starts_with('(') {
        return Vec::new();
    }
    let Some(close) = text[cb..inp.end].find(')') else {
        return Vec::new();
    };
    let from = cb + close + 1;
    // The boundary the closing bracket itself makes is behind us.
    let next = crate::analysis::claims::words::floor_boundary(text, (from + 2).min(inp.end));
    let (_, to) = clause(text, inp.start, inp.end, next, next);
    content_stems(text, from, to.max(from))
}

/// Whether a clause speaks of a contract or deal.
pub(super) fn is_contract(clause: &str) -> bool {
    let low = clause.to_ascii_lowercase();
    crate::analysis::claims::words::words(&low, 0, low.len())
        .iter()
        .any(|w| matches!(w.text, "contract" | "contracts" | "deal" | "tender"))
}

/// Verbs by which a donor hands money to a recipient.
const GIVING: &[&str] = &[
    "give",
    "provide",
    "donate",
    "pledge",
    "allocate",
    "grant",
    "send",
    "contribute",
    "offer",
];

/// The country or place a verb of giving hands money to, when the parse
/// makes it the indirect object or a "to" argument of that verb ("will
/// give Mozambique 15 million euros", "will provide $25 million to
/// Sudan"): money one party gives a country is aid to it, even when no
/// word says "aid". Only places: money given to a company or a person is
/// a payment, a prize or an investment, not aid.
pub(super) fn gift_recipient(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    ms_clause: &[u32],
) -> Option<u32> {
    use crate::analysis::syntax::Rel;
    let p = &sf.parse;
    // The amount is the verb's object (or the object's head noun's number).
    let obj = match p.tokens[t].deprel.rel {
        Rel::Obj => t,
        Rel::Nummod | Rel::Compound => p.head(t).filter(|&h| p.tokens[h].deprel.rel == Rel::Obj)?,
        _ => return None,
    };
    let verb = p.head(obj)?;
    let lemma = p.tokens[verb].lemma.to_ascii_lowercase();
    if !GIVING.contains(&lemma.as_str()) {
        return None;
    }
    let to = p.children(verb).iter().copied().find(|&c| {
        let d = p.tokens[c].deprel.rel;
        d == Rel::Iobj || (d == Rel::Obl && p.case_marker(c).as_deref() == Some("to"))
    })?;
    ms_clause.iter().copied().find(|&k| {
        inp.doc.mentions[k as usize].kind == EntityKind::Location
            && sf.head_of(k).is_some_and(|h| h == to)
    })
}

/// Heads of a donor's government written with its nationality.
const GOVERNMENT_WORDS: &[&str] = &["government", "ministry", "cabinet", "administration"];

/// The country a donor written as "the British government" or "the
/// Japanese foreign ministry" (the subject of the amount's clause) stands
/// for, by its name in the gazetteer ("United Kingdom").
fn demonym_government(
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
) -> Option<String> {
    let p = &sf.parse;
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let clause = p.clause_of(t);
    p.subjects(clause).into_iter().find_map(|s| {
        if !GOVERNMENT_WORDS.contains(&p.tokens[s].lemma.to_ascii_lowercase().as_str()) {
            return None;
        }
        p.children(s).iter().find_map(|&c| {
            let form = p.tokens[c].form.as_str();
            // "South Korean": the word before the demonym belongs to it.
            let prefix = p
                .children(c)
                .iter()
                .chain(p.children(s))
                .find(|&&w| w + 1 == c && p.tokens[w].form.starts_with(char::is_uppercase))
                .map(|&w| format!("{} {form}", p.tokens[w].form));
            let id = prefix
                .and_then(|f| lx.demonyms.get(&f.to_lowercase()).copied())
                .or_else(|| lx.demonyms.get(&form.to_lowercase()).copied())
                .or_else(|| {
                    // "Japan's foreign ministry": the country by name.
                    let poss = p.tokens[c].deprel.rel == crate::analysis::syntax::Rel::Nmod
                        && p.children(c).iter().any(|&k| p.tokens[k].form == "'s");
                    poss.then(|| lx.country(form)).flatten()
                })?;
            Some(lx.entry(id).name.clone())
        })
    })
}

/// The donor of aid written as "the British government" or "the Japanese
/// foreign ministry" (the subject of the amount's clause): the country
/// the nationality names, as the document names it elsewhere ("Britain").
/// None when the document never names that country (the donor is then
/// known only as a country, see [`donor_country`]).
pub(super) fn demonym_donor(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
) -> Option<u32> {
    use crate::analysis::text::fold::ascii_key;
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let country = demonym_government(sf, t)?;
    let want = ascii_key(&country);
    let doc = inp.doc;
    (0..doc.mentions.len() as u32).find(|&k| {
        let m = &doc.mentions[k as usize];
        m.kind == EntityKind::Location
            && (ascii_key(m.text(inp.text)) == want
                || crate::analysis::claims::resolve::country_of_name(m.text(inp.text)).is_some_and(
                    |c| {
                        ascii_key(&c) == want
                            && lx
                                .lookup(m.text(inp.text))
                                .is_some_and(|id| lx.entry(id).subkind == "country")
                    },
                ))
    })
}

/// The country a donor of aid stands for, folded: a country itself
/// ("Japan", "Britain"), its capital ("Tokyo pledged", the government by
/// its seat), or a government named by its nationality ("the Japanese
/// government"). Another city, an organisation or a person is no
/// country: None, and the donor is compared as named.
pub(super) fn donor_country(
    inp: &FactInput,
    frame: Option<(&crate::analysis::claims::frames::SentenceFrames, usize)>,
    subject: Option<u32>,
) -> Option<String> {
    use crate::analysis::text::fold::ascii_key;
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let named = subject.map(|s| &inp.doc.mentions[s as usize]);
    match named {
        Some(m) if m.kind == EntityKind::Location => {
            let name = m.text(inp.text);
            if let Some(id) = lx
                .country(name)
                .filter(|_| !name.chars().all(|c| c.is_lowercase()))
            {
                return Some(ascii_key(&lx.entry(id).name));
            }
            let city = lx.place_id_named(name)?;
            let country = lx.country(&lx.entry(city).country)?;
            (lx.capital_of(country) == Some(city)).then(|| ascii_key(&lx.entry(country).name))
        }
        Some(_) => None,
        None => frame
            .and_then(|(sf, t)| demonym_government(sf, t))
            .map(|c| ascii_key(&c)),
    }
}

/// Whom a fine is imposed on, named after the fine: "slashed the fine on
/// X to ...", "the penalty imposed on X", "the fine against X". The court
/// or regulator that fines is the clause's subject, not the party the
/// amount is of.
pub(super) fn fine_imposed_on(inp: &FactInput) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    mentions_in(doc, inp.start, inp.end).into_iter().find(|&k| {
        let m = &doc.mentions[k as usize];
        if !matches!(m.kind, EntityKind::Organization | EntityKind::Person) {
            return false;
        }
        let from = inp
            .start
            .max(crate::analysis::claims::words::floor_boundary(
                text,
                m.start.saturating_sub(40),
            ));
        let before = text[from..m.start].to_ascii_lowercase();
        let ws: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        matches!(ws.first(), Some(&("on" | "against")))
            && ws[1..].iter().any(|w| {
                matches!(
                    *w,
                    "fine" | "fines" | "penalty" | "penalties" | "imposed" | "levied"
                )
            })
    })
}

/// Whose amount of an act it is when the act's own words say: the company
/// a deal buys, the party a court fines, the company a breach reached
/// that reports it; a "<Place>-based" description is never the subject.
pub(super) fn act_party(
    inp: &FactInput,
    measure: &Measure,
    breach: bool,
    amount_start: usize,
    subject: Option<u32>,
) -> Option<u32> {
    let subject = subject.map(|k| describes_next(inp, k).unwrap_or(k));
    // "The company was also ordered to pay €1.2 million in damages": the
    // company of the file, never a person another clause names.
    let the_company = names_the_company(&inp.text[inp.start..amount_start.min(inp.end)]);
    let subject = subject.filter(|&k| {
        !(the_company
            && matches!(measure.what.as_str(), "fine" | "damages")
            && inp.doc.mentions[k as usize].kind == EntityKind::Person)
    });
    let money = is_money_unit(&measure.unit) || measure.what == "price";
    let sentence = &inp.text[inp.start..inp.end];
    let contract = {
        let low = sentence.to_ascii_lowercase();
        low.contains("contract") || low.contains("tender")
    };
    if money && measure.what == "price" && !contract {
        if let Some(target) = deal_target(inp) {
            return Some(target);
        }
    }
    if money && measure.what == "fine" {
        if let Some(p) = fined_party(inp, amount_start).or_else(|| fine_imposed_on(inp)) {
            return Some(p);
        }
    }
    if breach && subject.is_none() {
        return source_organisation(inp);
    }
    // "X has been selected to supply 40 buses ... in a contract valued at
    // C$200MM": the supplier is the sentence's subject; so is the company
    // that raised a round when the parse hangs the amount elsewhere.
    if (contract && measure.what == "price" || measure.what == "investment") && subject.is_none() {
        return inp
            .frames
            .and_then(|sf| sentence_subject_org(inp, sf))
            .or_else(|| contract_winner(inp, amount_start));
    }
    // "The company employs 4,800 people worldwide": the workforce of the
    // company the file names most (none when two come close).
    if measure.what == "employed" && subject.is_none() && opens_with_the_company(sentence) {
        return super::places::main_organisation(inp.doc);
    }
    subject
}

/// The name of the party an amount of no subject (at token `t`,
/// measuring `what`) is of when recognition missed it: a measure each
/// party has its own of, in a clause whose subject is such a name (see
/// [`crate::analysis::claims::frames::SentenceFrames::unread_subject_name`]).
pub(super) fn of_unread_party(
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    what: &str,
    doc: &crate::analysis::DocAnalysis,
) -> Option<String> {
    PER_PARTY
        .contains(&what)
        .then(|| sf.unread_subject_name(t, doc))
        .flatten()
}

/// Measures each party of a story has its own of: one defendant's
/// sentence, one party's seats or votes, one team's points.
const PER_PARTY: &[&str] = &["prison term", "fine", "seats", "votes", "points", "goals"];

/// Whether a sentence opens with its company as the subject ("The
/// company employs", "The bank has"), not a name.
pub(super) fn opens_with_the_company(sentence: &str) -> bool {
    let low = sentence.trim_start().to_ascii_lowercase();
    [
        "the company ",
        "the firm ",
        "the group ",
        "the bank ",
        "the lender ",
        "the business ",
        "it ",
    ]
    .iter()
    .any(|p| low.starts_with(p))
}

/// "Telvia, which has about 9 million customers": the customers a company
/// has, not those a breach reached (`before`: the words before the
/// amount).
pub(super) fn customer_base(before: &str) -> bool {
    let low = before.to_ascii_lowercase();
    let ws: Vec<&str> = low.split_whitespace().collect();
    let modifiers = [
        "about", "around", "some", "nearly", "almost", "roughly", "over", "than", "more",
    ];
    ws.iter()
        .rev()
        .find(|w| !modifiers.contains(w))
        .is_some_and(|w| {
            matches!(
                *w,
                "has" | "have" | "serves" | "serving" | "counts" | "with"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::local_crown;

    #[test]
    fn crowns_are_the_currency_of_the_articles_country() {
        assert_eq!(local_crown("crown", Some("Norway")), Some("NOK"));
        assert_eq!(local_crown("crowns", Some("Sweden")), Some("SEK"));
        assert_eq!(local_crown("crown", Some("Czech Republic")), Some("CZK"));
        // Elsewhere, or of no known country, the word names no currency.
        assert_eq!(local_crown("crown", Some("Kenya")), None);
        assert_eq!(local_crown("crown", None), None);
        assert_eq!(local_crown("USD", Some("Norway")), None);
    }
}
