//! Offices written as the ministry a person heads: "Lucía Benavides, who
//! heads the Interior Ministry,", "X, who leads Kenya's ministry of
//! water,". The head of a ministry is its minister, so the office is the
//! one "Interior Minister X" names, with the same key.
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
