//! Offices written as the ministry a person heads: "Lucía Benavides, who
//! heads the Interior Ministry,", "X, who leads Kenya's ministry of
//! water,". The head of a ministry is its minister, so the office is the
//! one "Interior Minister X" names, with the same key. And the company a
//! person leads: "Naomi Fletcher, who has led Tarrant since 2017," is its
//! chief executive.
use super::*;

/// Verbs that make the person the head of what follows.
const HEADS_VERBS: &[&str] = &["heads", "leads", "runs", "headed", "led", "ran"];

/// Verbs in the past: the person headed the ministry once, and may no
/// longer ("X, who led the finance ministry until 2019").
const PAST: &[&str] = &["headed", "led", "ran"];

/// The office named by ", who heads <ministry>" right after the name
/// ending at word `i1` (exclusive) of `ws`, if any.
pub(super) fn headed_ministry(inp: &FactInput, ws: &[Word], i1: usize) -> Option<Office> {
    let text = inp.text;
    if i1 == 0 || i1 + 2 >= ws.len() || text[ws[i1 - 1].end..ws[i1].start].trim() != "," {
        return None;
    }
    if low(&ws[i1]) != "who" || !HEADS_VERBS.contains(&low(&ws[i1 + 1]).as_str()) {
        return None;
    }
    let past = PAST.contains(&low(&ws[i1 + 1]).as_str());
    let mut s = i1 + 2;
    if matches!(low(&ws[s]).as_str(), "the") {
        s += 1;
    }
    // The ministry phrase: words joined by spaces only, up to the end of
    // the clause or a word that starts what is said of the holding
    // ("until 2019", "since March", "in Nairobi").
    let ends_phrase = |w: &Word| {
        let w = low(w);
        (STOP.contains(&w.as_str()) && w != "the") || matches!(w.as_str(), "until" | "since")
    };
    let mut e = s;
    while e < ws.len() && e - s < 8 {
        if e > s && (text[ws[e - 1].end..ws[e].start].trim() != "" || ends_phrase(&ws[e])) {
            break;
        }
        e += 1;
    }
    let closes = e == ws.len()
        || matches!(
            text[ws[e - 1].end..ws[e].start].trim(),
            "," | "." | ";" | ")"
        )
        || ends_phrase(&ws[e]);
    if e <= s || !closes {
        return None;
    }
    let phrase: Vec<String> = ws[s..e].iter().map(low).collect();
    let mut k = 0;
    // "Kenya's ministry of water", "the country's interior ministry".
    let mut org = None;
    if let Some(stem) = phrase.first().and_then(|w| w.strip_suffix("'s")) {
        if !matches!(stem, "country" | "nation" | "state" | "government") {
            let raw = &ws[s].text[..stem.len()];
            org = Some(crate::analysis::claims::roles::demonym_to_country(raw));
        }
        k = 1;
    }
    let rest = &phrase[k..];
    let at = rest.iter().position(|w| w == "ministry")?;
    let (pre, post): (&[String], Vec<String>) = if at == 0 {
        // "ministry of (the) interior", "ministry for water".
        let after = rest.get(1)?;
        if after != "of" && after != "for" {
            return None;
        }
        let post = rest[2..].iter().filter(|w| *w != "the").cloned().collect();
        (&[], post)
    } else {
        (&rest[..at], rest[at + 1..].to_vec())
    };
    // Nothing else after "<P> Ministry", and portfolio words only: the
    // words of a ministry's name, not a sentence.
    if at > 0 && !post.is_empty() {
        return None;
    }
    let portfolio_word = |w: &String| {
        w.chars().all(|c| c.is_alphabetic() || c == '-') && !STOP.contains(&w.as_str())
    };
    if pre.len() + post.len() == 0
        || pre.len() + post.len() > 4
        || !pre
            .iter()
            .chain(&post)
            .all(|w| w == "and" || portfolio_word(w))
    {
        return None;
    }
    // "the interior ministry" in lower case is a ministry; a name such as
    // "the Ministry of Truth and Reconciliation Commission" is not read,
    // as the phrase must end where the ministry's words do.
    let title = office_key(pre, "minister", &post)?;
    Some(Office {
        title,
        org,
        qualifier: past.then_some(crate::analysis::model::RoleQualifier::Former),
        start: ws[i1].start,
        end: ws[e - 1].end,
    })
}

/// Words of a company written as a common noun: "X, who has led the
/// company since 2017" (the organisation the file is about, see
/// `index::offices`).
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "group",
    "firm",
    "bank",
    "lender",
    "miner",
    "carrier",
    "airline",
    "insurer",
    "retailer",
    "operator",
    "conglomerate",
    "manufacturer",
    "maker",
    "producer",
    "business",
];

/// Last words of organisations a person may lead without being their
/// chief executive: public bodies, parties, teams, unions.
const NOT_COMPANY: &[&str] = &[
    "ministry",
    "party",
    "council",
    "commission",
    "committee",
    "parliament",
    "assembly",
    "senate",
    "court",
    "police",
    "army",
    "navy",
    "union",
    "federation",
    "association",
    "league",
    "team",
    "club",
    "government",
    "department",
    "agency",
    "office",
    "service",
    "university",
    "college",
    "school",
    "church",
    "movement",
    "front",
    "alliance",
    "board",
    "coalition",
    "opposition",
    "delegation",
    "investigation",
    "inquiry",
    "campaign",
    "squad",
    "force",
    "forces",
    "authority",
    "institute",
    "foundation",
    "fund",
    "charity",
];

/// Words that may follow the company and end what is said of the
/// holding ("since 2017", "until 2020"); "in" and "for" only before a
/// time ("for a decade", "in 2019", not "in Australia": the head of a
/// country's business).
const HOLDING_TAIL: &[&str] = &["since", "until", "from", "between", "through"];

/// Whether the words from `k` on tell a time ("for a decade", "in
/// 2019", "for the past five years").
fn time_follows(ws: &[Word], k: usize) -> bool {
    ws[k..ws.len().min(k + 5)].iter().skip(1).any(|w| {
        let l = low(w);
        w.text.chars().all(|c| c.is_ascii_digit())
            || matches!(
                l.as_str(),
                "year" | "years" | "decade" | "decades" | "months" | "month" | "weeks"
            )
    })
}

/// "Naomi Fletcher, who has led Tarrant since 2017,", "X, who runs the
/// company,": the chief executive of the organisation named right after
/// the verb (a company: no ministry, party or team, and nothing after
/// its name but the time of the holding). "X, who led Tarrant from 2009
/// to 2016" and "who had run" tell of a former holder; "who has led the
/// company's Pilbara operations" names a part of it, no office.
pub(super) fn led_company(inp: &FactInput, ws: &[Word], i1: usize) -> Option<Office> {
    let (text, doc) = (inp.text, inp.doc);
    if i1 == 0 || i1 + 2 >= ws.len() || text[ws[i1 - 1].end..ws[i1].start].trim() != "," {
        return None;
    }
    if low(&ws[i1]) != "who" {
        return None;
    }
    let mut v = i1 + 1;
    let aux = low(&ws[v]);
    let perfect = aux == "has" || aux == "have";
    let pluperfect = aux == "had";
    if perfect || pluperfect {
        v += 1;
    }
    let verb = low(ws.get(v)?);
    let present = matches!(verb.as_str(), "heads" | "leads" | "runs" | "helms");
    let participle = matches!(verb.as_str(), "headed" | "led" | "run" | "helmed");
    let simple_past = matches!(verb.as_str(), "headed" | "led" | "ran" | "helmed");
    let now = present && !perfect && !pluperfect || perfect && participle;
    let former = if now {
        false
    } else if pluperfect && participle || !perfect && !pluperfect && simple_past {
        true
    } else {
        return None;
    };
    let mut s = v + 1;
    let the = ws.get(s).is_some_and(|w| low(w) == "the");
    if the {
        s += 1;
    }
    let first = ws.get(s)?;
    // The company: a name the recogniser found, or "the company".
    let (org, e) = if the && COMPANY_NOUNS.contains(&low(first).as_str()) {
        (None, s + 1)
    } else {
        let m = mentions_in(doc, first.start, inp.end)
            .into_iter()
            .map(|k| &doc.mentions[k as usize])
            .find(|m| m.start == first.start && m.kind == EntityKind::Organization)?;
        let name = m.text(text);
        let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
        if NOT_COMPANY.contains(&last.as_str()) || name.ends_with("'s") || name.ends_with("’s") {
            return None;
        }
        let lx = crate::analysis::ner::lexicon::Lexicon::get();
        if lx
            .lookup(name)
            .is_some_and(|id| lx.entry(id).subkind != "company")
        {
            return None;
        }
        let e = ws.partition_point(|w| w.start < m.end);
        (Some(name.to_string()), e)
    };
    if e == 0 || e > ws.len() {
        return None;
    }
    // Nothing after it but the time of the holding or the clause's end.
    let closes = e == ws.len()
        || matches!(
            text[ws[e - 1].end..ws[e].start].trim(),
            "," | "." | ";" | ")"
        )
        || (text[ws[e - 1].end..ws[e].start].trim().is_empty()
            && (HOLDING_TAIL.contains(&low(&ws[e]).as_str())
                || matches!(low(&ws[e]).as_str(), "in" | "for") && time_follows(ws, e)));
    if !closes {
        return None;
    }
    Some(Office {
        title: "chief executive".to_string(),
        org,
        qualifier: former.then_some(crate::analysis::model::RoleQualifier::Former),
        start: ws[i1].start,
        end: ws[e - 1].end,
    })
}
