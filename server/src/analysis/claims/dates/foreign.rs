//! Dates written with a month name of another language, as agencies date
//! their stories ("LISBOA, 3 de março de 2023 (Lusa) -", "MARSEILLE, 14
//! juin 2022 (AFP) -", "Wien, am 3. Mai 2022 (APA) -").
//!
//! Read only in the form that cannot be anything else: a day, the full
//! month name and a four-digit year ("3 de março de 2023"). A month name
//! alone ("mars", "Mai", "mayo") is a word of another meaning in English
//! text often enough, and is never read.
use super::scan::Found;
use super::DateExpr;
use regex::Regex;
use std::sync::LazyLock;

/// Full month names, January first, of the languages whose agencies write
/// datelines this way (French, German, Spanish, Portuguese, Italian, Dutch).
#[rustfmt::skip]
const MONTHS: &[[&str; 12]] = &[
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
];

/// Other spellings in use ("setiembre", "Jänner"); a name written without
/// its accent ("fevrier", "aout") is found by folding, in [`month_of`].
const VARIANTS: &[(&str, u8)] = &[("setiembre", 9), ("jänner", 1)];

static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|º|er)?\s+(?:de\s+)?(\p{L}{3,10})\s+(?:de\s+)?(\d{4})\b")
        .unwrap()
});

/// The month a foreign month name stands for, compared with marks folded
/// away on both sides ("Février", "fevrier", "MÄRZ", "marz").
fn month_of(word: &str) -> Option<u8> {
    use crate::analysis::text::fold::fold_key;
    let low = fold_key(word);
    MONTHS
        .iter()
        .find_map(|names| names.iter().position(|n| fold_key(n) == low))
        .map(|k| k as u8 + 1)
        .or_else(|| {
            VARIANTS
                .iter()
                .find(|(n, _)| fold_key(n) == low)
                .map(|(_, m)| *m)
        })
}

/// Every day written as "<day> [de] <month> [de] <year>" with a month
/// name of another language in `text[start..end]`. English month names
/// are left to [`super::scan`].
pub fn scan_foreign(text: &str, start: usize, end: usize) -> Vec<Found> {
    let Some(hay) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in FOREIGN.captures_iter(hay) {
        let (Some(whole), Some(d), Some(name), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let english = super::calendar::MONTHS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(name.as_str()));
        let Some(m) = month_of(name.as_str()).filter(|_| !english) else {
            continue;
        };
        let (Ok(d), Ok(y)) = (d.as_str().parse::<u8>(), y.as_str().parse::<i32>()) else {
            continue;
        };
        if super::Ymd::new(y, m, d).is_none() {
            continue;
        }
        out.push(Found {
            start: start + whole.start(),
            end: start + whole.end(),
            expr: DateExpr {
                y: Some(y),
                m: Some(m),
                d: Some(d),
                ..DateExpr::default()
            },
        });
    }
    out
}

static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|º|er)?\s+(?:de\s+)?(\p{L}{3,5})\b\.?").unwrap()
});

/// The month a short month name of another language stands for ("ene",
/// "févr", "set", "dez"): the month of every name it begins, when they
/// agree.
fn month_of_short(word: &str) -> Option<u8> {
    use crate::analysis::text::fold::fold_key;
    let low = fold_key(word);
    let mut found: Option<u8> = None;
    for names in MONTHS {
        for (k, n) in names.iter().enumerate() {
            if fold_key(n).starts_with(&low) {
                let m = k as u8 + 1;
                if found.is_some_and(|f| f != m) {
                    return None;
                }
                found = Some(m);
            }
        }
    }
    found
}

/// A day and a short month name of another language without a year, as
/// agencies date their wire datelines ("SANTIAGO, 10 ene (EFE) -",
/// "PARIS, 3 févr (AFP) -"): read only inside a wire dateline's span
/// `text[start..end]`, where a number and a word can be nothing else.
pub fn scan_dateline_short(text: &str, start: usize, end: usize) -> Vec<Found> {
    let Some(hay) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in SHORT.captures_iter(hay) {
        let (Some(whole), Some(d), Some(name)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let english = super::calendar::MONTHS.iter().any(|m| {
            m.to_ascii_lowercase()
                .starts_with(&name.as_str().to_ascii_lowercase())
        });
        let Some(m) = month_of_short(name.as_str()).filter(|_| !english) else {
            continue;
        };
        let Ok(d) = d.as_str().parse::<u8>() else {
            continue;
        };
        // Any year: a day that exists in a leap year.
        if super::Ymd::new(2024, m, d).is_none() {
            continue;
        }
        out.push(Found {
            start: start + whole.start(),
            end: start + whole.end(),
            expr: DateExpr {
                m: Some(m),
                d: Some(d),
                ..DateExpr::default()
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(t: &str) -> Option<(i32, u8, u8)> {
        let f = scan_foreign(t, 0, t.len()).into_iter().next()?;
        Some((f.expr.y?, f.expr.m?, f.expr.d?))
    }

    #[test]
    fn agency_datelines_in_other_languages() {
        assert_eq!(
            day("LISBOA, 3 de março de 2023 (Lusa) -"),
            Some((2023, 3, 3))
        );
        assert_eq!(day("MARSEILLE, 14 juin 2022 (AFP) -"), Some((2022, 6, 14)));
        assert_eq!(day("Wien, am 3. Mai 2022 (APA) -"), Some((2022, 5, 3)));
        assert_eq!(day("Roma, 15 settembre 2021 (ANSA)"), Some((2021, 9, 15)));
        assert_eq!(day("Madrid, 7 de enero de 2020"), Some((2020, 1, 7)));
        assert_eq!(day("Paris, le 1er avril 2022"), Some((2022, 4, 1)));
    }

    #[test]
    fn short_month_names_of_wire_datelines() {
        let short = |t: &str| {
            let f = scan_dateline_short(t, 0, t.len()).into_iter().next()?;
            Some((f.expr.m?, f.expr.d?))
        };
        assert_eq!(short("SANTIAGO, 10 ene (EFE) -"), Some((1, 10)));
        assert_eq!(short("PARIS, 3 févr (AFP) -"), Some((2, 3)));
        assert_eq!(short("LISBOA, 21 set (Lusa) -"), Some((9, 21)));
        assert_eq!(short("BERLIN, 4 Dez (dpa) -"), Some((12, 4)));
        // English ones are the main scanner's; a number of things, or a
        // day that does not exist, is no day.
        assert_eq!(short("LONDON, 10 Jan (Reuters) -"), None);
        assert_eq!(short("LIMA, 12 buses (AP) -"), None);
        assert_eq!(short("SANTIAGO, 31 abr (EFE) -"), None);
    }

    #[test]
    fn english_and_impossible_days_are_not_read_here() {
        // English names are the main scanner's.
        assert_eq!(day("14 June 2022"), None);
        assert_eq!(day("3 April 2022"), None);
        assert_eq!(day("31 février 2022"), None);
        assert_eq!(day("3 mars"), None);
        assert_eq!(day("12 Mars 1999x"), None);
    }

    #[test]
    fn month_names_with_or_without_their_marks() {
        for (word, month) in [
            ("février", 2),
            ("fevrier", 2),
            ("Août", 8),
            ("aout", 8),
            ("MÄRZ", 3),
            ("marz", 3),
            ("março", 3),
            ("marco", 3),
            ("decembre", 12),
            ("setiembre", 9),
            ("Jänner", 1),
        ] {
            assert_eq!(month_of(word), Some(month), "{word}");
        }
        assert_eq!(month_of("march"), None);
    }
}
