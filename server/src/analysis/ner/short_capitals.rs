//! Short words in capitals that name nothing where they stand: a company's
//! stock ticker ("Orvane Corp (ORVN.O)", "(NYSE: DLBK)", and the same
//! symbol later in the report, "ORVN gained"), and abbreviations of common
//! nouns that news writes as it writes an agency's initials: offences
//! ("charged with OUI", "a GBH charge"), statistics ("9 RBI", "2 TDs").
//! Lists of such abbreviations never end, so the context decides: an
//! indefinite article, a count or an offence's verb before the word says
//! it is a thing, not a body; the document then reads its other uses so.
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::acronyms::is_acronym;
use super::Candidate;
use crate::analysis::model::EntityKind;

/// An ordinary word written in capitals for emphasis ("the BEST service",
/// "it was FREE", "VERYYY good"): no acronym, though shaped like one. The
/// word is one the document also writes in lower case, or one of the most
/// frequent English words, or it stretches a letter three times; a name
/// the gazetteers know in capitals ("WHO", "NATO") is never one.
pub(super) fn shouted_word(word: &str, lower_words: &FxHashSet<String>) -> bool {
    let l = word.to_lowercase();
    let stretched = l
        .as_bytes()
        .windows(3)
        .any(|x| x[0] == x[1] && x[1] == x[2] && x[0].is_ascii_alphabetic());
    (stretched || lower_words.contains(&l) || super::common_words::is_very_frequent_word(&l))
        && super::lexicon::Lexicon::get().lookup(word).is_none()
}

/// Stock exchanges written before a ticker ("NYSE: XYZ").
static EXCHANGE_TICKER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|LSE|TSX|TSXV|ASX|OTC|OTCQX|HKEX|SGX|NSE|BSE|Euronext|Xetra)\s*:\s*([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\b",
    )
    .unwrap()
});

/// A wire ticker with its exchange suffix in parentheses ("(ORVN.O)",
/// "(VOD.L)"), or "ticker symbol XYZ".
static SUFFIXED_TICKER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r#"\(\s*([A-Z][A-Z0-9]{0,5}\.[A-Z]{1,2})\s*[,;)]|\b(?:ticker(?: symbol)?|under the symbol|trades as)\s+["“]?([A-Z][A-Z0-9]{0,5})\b"#,
    )
    .unwrap()
});

/// The stock tickers a report writes, each with its symbol alone ("ORVN"
/// of "ORVN.O").
pub(super) fn tickers(text: &str) -> FxHashSet<&str> {
    let mut out = FxHashSet::default();
    // Most reports have no ticker: cheap substring checks decide whether
    // the patterns run at all.
    let exchange = text.contains(':')
        && [
            "NYSE", "NASDAQ", "Nasdaq", "AMEX", "LSE", "TSX", "ASX", "OTC", "HKEX", "SGX", "NSE",
            "BSE", "Euronext", "Xetra",
        ]
        .iter()
        .any(|x| text.contains(x));
    let suffixed = text.contains("ticker")
        || text.contains("symbol")
        || text.contains("trades as")
        || suffix_before_parenthesis(text);
    if !exchange && !suffixed {
        return out;
    }
    let caps = exchange
        .then(|| EXCHANGE_TICKER.captures_iter(text).filter_map(|c| c.get(1)))
        .into_iter()
        .flatten()
        .chain(
            suffixed
                .then(|| {
                    SUFFIXED_TICKER
                        .captures_iter(text)
                        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
                })
                .into_iter()
                .flatten(),
        );
    for m in caps {
        let t = m.as_str();
        out.insert(t);
        if let Some((base, _)) = t.split_once('.') {
            out.insert(base);
        }
    }
    out
}

/// Whether some ")" closes an exchange suffix ("ORVN.O)", "VOD.L )").
fn suffix_before_parenthesis(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b')' {
            return false;
        }
        let mut j = i;
        while j > 0 && b[j - 1] == b' ' {
            j -= 1;
        }
        let caps = b[..j]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        (1..=2).contains(&caps) && j > caps && b[j - caps - 1] == b'.'
    })
}

/// Whether a ticker in parentheses follows `end` ("Delbrook (NYSE: DLBK)",
/// "Orvane (ORVN.O)"): the name before it is a listed company.
pub(super) fn ticker_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    // Look no further than a ticker's length for the closing parenthesis
    // (a long text with none after it must not be scanned to its end),
    // and cut only between characters.
    let Some((close, _)) = inner.char_indices().take(40).find(|&(_, c)| c == ')') else {
        return false;
    };
    let inner = &inner[..close];
    EXCHANGE_TICKER.find(inner).is_some_and(|m| m.start() == 0)
        || SUFFIXED_TICKER
            .captures(&format!("({inner})"))
            .is_some_and(|c| c.get(1).is_some())
}

/// Words before a thing's abbreviation that a body's initials do not take:
/// "charged with", "convicted of", "pleaded guilty to", "arrested for",
/// "on suspicion of".
fn offence_before(before: &[&str]) -> bool {
    let [.., verb, prep] = before else {
        return false;
    };
    matches!(
        (*verb, *prep),
        (
            "charged" | "convicted" | "accused" | "booked" | "cited" | "jailed" | "sentenced",
            "with" | "of" | "for"
        ) | ("arrested" | "detained", "for")
            | ("guilty", "of" | "to")
            | ("suspicion", "of")
    )
}

/// The words before `start`, nearest last, each with its offset.
fn words_before(text: &str, start: usize, n: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut head = text[..start].trim_end();
    while out.len() < n && !head.is_empty() {
        // (A space of several bytes, as a no-break space, ends a word too.)
        let at = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push((&head[at..], at));
        head = head[..at].trim_end();
    }
    out.reverse();
    out
}

/// Whether the capitals at `start` stand for a thing here: after an
/// indefinite article ("an ASBO", "a GBH charge"), a count ("9 RBI", "2
/// TDs"), an offence's verb ("charged with OUI"), or listed with such a
/// thing ("DUI and OUI").
fn thing_context(text: &str, start: usize) -> bool {
    let before = words_before(text, start, 3);
    let Some(&(prev, _)) = before.last() else {
        return false;
    };
    if matches!(prev, "and" | "or") && before.len() >= 2 {
        let (first, at) = before[before.len() - 2];
        return is_acronym(first)
            && (super::cues::is_in(super::cues::NOT_NAME_ACRONYMS, &first.to_lowercase())
                || thing_context(text, at));
    }
    let words: Vec<&str> = before.iter().map(|&(w, _)| w).collect();
    matches!(prev, "a" | "an" | "A" | "An")
        || (prev.chars().all(|c| c.is_ascii_digit()) && !prev.is_empty() && prev.len() <= 3)
        || offence_before(&words)
}

/// A guess from the shape of the word alone: capitals no list, no
/// expansion and no knowledge base vouches for.
fn unvouched_capitals(text: &str, c: &Candidate) -> bool {
    let t = &text[c.start..c.end];
    c.gaz.is_none()
        && c.kb.is_none()
        && c.expands.is_none()
        && !t.contains(' ')
        && is_acronym(t.trim_end_matches('s'))
}

/// Drop tickers and the abbreviations of things from the mentions of one
/// document. An acronym that is some organisation's initials in the
/// document ("General Motors (NYSE: GM)", "GM said") stays.
pub(super) fn drop_short_capitals(text: &str, out: &mut Vec<Candidate>) {
    let tickers = tickers(text);
    // Per word: uses as a thing, all uses. A word the document uses as a
    // name more often ("a USI student", then "USI's art collection", "at
    // USI") keeps every use.
    let mut uses: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    for c in out.iter() {
        if c.kind.is_name() && unvouched_capitals(text, c) {
            let u = uses.entry(&text[c.start..c.end]).or_default();
            u.0 += thing_context(text, c.start) as u32;
            u.1 += 1;
        }
    }
    let things: FxHashSet<&str> = uses
        .into_iter()
        .filter(|&(_, (thing, all))| thing > 0 && 2 * thing >= all)
        .map(|(w, _)| w)
        .collect();
    if tickers.is_empty() && things.is_empty() {
        return;
    }
    let initials: FxHashSet<String> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Organization)
        .map(|c| &text[c.start..c.end])
        .filter(|t| t.contains(' '))
        .map(|t| {
            t.split_whitespace()
                .filter_map(|w| w.chars().next().filter(|ch| ch.is_uppercase()))
                .collect()
        })
        .collect();
    out.retain(|c| {
        if !c.kind.is_name() || c.kb.is_some() {
            return true;
        }
        let t = &text[c.start..c.end];
        let ticker = tickers.contains(t) && c.gaz.is_none() && !initials.contains(t);
        let thing = things.contains(t) && unvouched_capitals(text, c);
        !(ticker || thing)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickers_in_their_wire_and_exchange_forms() {
        let t = tickers(
            "Orvane Corp (ORVN.O) rose; Delbrook (NYSE:DLBK) and Pell (Nasdaq: PELL) fell.",
        );
        for s in ["ORVN.O", "ORVN", "DLBK", "PELL"] {
            assert!(t.contains(s), "{s}: {t:?}");
        }
        assert!(tickers("The U.S. Army (USA) said: no.").is_empty());
        let text = "Delbrook (NYSE: DLBK) fell. Orvane (ORVN.O) rose. Smith (R-Fla.) spoke.";
        assert!(ticker_after(text, 8));
        assert!(ticker_after(text, 34));
        assert!(!ticker_after(text, 50));
        // No closing parenthesis near, and a character of several bytes
        // where a byte count would cut: no ticker, no panic.
        let long = format!("Hale ({}\u{2013} 1488 in Stevens, Pad) was", "x".repeat(37));
        assert!(!ticker_after(&long, 4));
    }

    #[test]
    fn things_by_their_context() {
        let text = "He was charged with OUI and faced a GBH charge after 9 RBI. The NTV said.";
        let at = |w: &str| text.find(w).unwrap();
        assert!(thing_context(text, at("OUI")));
        let listed = "He was charged with DUI and OUI, and NTV and BBC said so.";
        let at_l = |w: &str| listed.find(w).unwrap();
        assert!(thing_context(listed, at_l("OUI")));
        assert!(!thing_context(listed, at_l("BBC")));
        let nbsp = "charged with\u{a0}DUI and\u{a0}OUI";
        assert!(thing_context(nbsp, nbsp.find("OUI").unwrap()));
        assert!(thing_context(text, at("GBH")));
        assert!(thing_context(text, at("RBI")));
        assert!(!thing_context(text, at("NTV")));
    }
}
