//! Numerals: digits with thousands separators and decimals ("1,200",
//! "5.4"), scales ("bn", "MM", "million"), written-out numbers
//! ("twenty-three", "one hundred and five", "half a million", "a dozen")
//! and vague ones ("hundreds of", "tens of thousands", "several").
//! Numbers of more than fifteen digits are not read: no value in news has
//! them, and a float could not hold them.
use crate::analysis::claims::dates::tokens::Tok;

/// A number as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Half the place value of its last significant digit: the rounding a
    /// bare number implies ("40" -> 5, "32" -> 0.5, "1.5" -> 0.05).
    pub round: f64,
    /// For vague numerals, the range they stand for.
    pub vague: Option<(f64, f64)>,
    /// Written in digits.
    pub digits: bool,
    /// Has decimals ("1.2").
    pub decimal: bool,
    /// Approximate by its words ("a dozen").
    pub approx: bool,
    /// Token after it.
    pub next: usize,
}

/// Half the place value of the last non-zero digit of an integer part
/// with `trailing` zeros (all zeros: 0.5).
fn rounding(int_digits: &str, decimals: usize) -> f64 {
    if decimals > 0 {
        return 0.5 * 10f64.powi(-(decimals as i32));
    }
    let trailing = int_digits.chars().rev().take_while(|&c| c == '0').count();
    if trailing == int_digits.len() {
        return 0.5;
    }
    0.5 * 10f64.powi(trailing as i32)
}

/// The rounding a value written in words implies ("two hundred" -> 50).
fn rounding_of(v: f64) -> f64 {
    if v < 1.0 || v.fract() != 0.0 || v > 1e15 {
        return 0.5;
    }
    rounding(&format!("{}", v as u64), 0)
}

/// Digits, with ',' thousands groups and a '.' decimal part.
fn digits_at(toks: &[Tok], i: usize) -> Option<Numeral> {
    let t = toks.get(i)?;
    if !t.is_num() || t.text.len() > 15 {
        return None;
    }
    let mut int = t.text.to_string();
    let mut k = i + 1;
    // "11,00,000" (Indian grouping: lakhs and crores in pairs of digits,
    // the last group of three).
    if let Some((digits, next)) = indian_groups(toks, i) {
        int = digits;
        k = next;
    }
    // "€300.000", "1.200.000": continental Europe's thousands groups.
    if let Some((digits, next)) = dotted_thousands(toks, i) {
        int = digits;
        k = next;
    }
    // "1,200,000": groups of three, adjacent.
    while let (Some(c), Some(g)) = (toks.get(k), toks.get(k + 1)) {
        if c.is_punct(',') && !c.space_before && !g.space_before && g.is_num() && g.text.len() == 3
        {
            // "1,2,3" or "2019, 2020" are not groups; "12,000" is.
            if int.len() > 15 {
                return None;
            }
            int.push_str(g.text);
            k += 2;
        } else {
            break;
        }
    }
    let mut dec = String::new();
    if let (Some(p), Some(d)) = (toks.get(k), toks.get(k + 1)) {
        if p.is_punct('.') && !p.space_before && !d.space_before && d.is_num() && d.text.len() <= 6
        {
            dec = d.text.to_string();
            k += 2;
        }
    }
    // A number run on by more digit groups is something else (a date,
    // a version, an IP address).
    if let (Some(p), Some(d)) = (toks.get(k), toks.get(k + 1)) {
        if (p.is_punct('.') || p.is_punct('/') || p.is_punct(':'))
            && !p.space_before
            && !d.space_before
            && d.is_num()
        {
            return None;
        }
    }
    if int.len() > 15 {
        return None;
    }
    let s = if dec.is_empty() {
        int.clone()
    } else {
        format!("{int}.{dec}")
    };
    let value: f64 = s.parse().ok()?;
    Some(Numeral {
        value,
        round: rounding(&int, dec.len()),
        vague: None,
        digits: true,
        decimal: !dec.is_empty(),
        approx: false,
        next: k,
    })
}

/// Digits grouped by dots the continental European way from token `i`:
/// one to three digits (no leading zero), then dot-separated groups of
/// three ("300.000", "1.200.000"). A single group reads as thousands only
/// after two or three digits, ending in zero, with no scale or percentage
/// after it: "5.400 million", "2.125%" and "1.085" are decimals,
/// "€300.000" is three hundred thousand. Returns the digits and the token
/// after them.
fn dotted_thousands(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    let lead = toks.get(i)?;
    if lead.text.len() > 3 || lead.text.starts_with('0') {
        return None;
    }
    let mut int = lead.text.to_string();
    let mut k = i + 1;
    let mut groups = 0;
    while let (Some(p), Some(g)) = (toks.get(k), toks.get(k + 1)) {
        if p.is_punct('.') && !p.space_before && !g.space_before && g.is_num() && g.text.len() == 3
        {
            int.push_str(g.text);
            groups += 1;
            k += 2;
        } else {
            break;
        }
        if groups > 4 {
            return None;
        }
    }
    if groups == 0 {
        return None;
    }
    // One group stays a decimal unless it reads like a round amount of
    // thousands: "1.085" (an exchange rate) and "12.375" (a share price)
    // are decimals, "€300.000" and "20.000" thousands.
    if groups == 1 && (lead.text.len() < 2 || !int.ends_with('0')) {
        return None;
    }
    if groups == 1 {
        let decimal_after = toks.get(k).is_some_and(|t| {
            scale(t.text, !t.space_before).is_some()
                || t.is_punct('%')
                || matches!(t.text.to_ascii_lowercase().as_str(), "percent" | "per" | "pc")
                // "1.250,50": a decimal comma after it is European too,
                // but rare enough in English news to leave unread.
                || (t.is_punct(',') && !t.space_before)
        });
        if decimal_after {
            return None;
        }
    }
    Some((int, k))
}

/// Digits grouped the Indian way from token `i`: one or two digits, then
/// pairs, then a final three ("1,00,000", "11,00,000", "2,50,00,000").
/// Returns the digits and the token after them.
fn indian_groups(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    let first = toks.get(i)?;
    if first.text.len() > 2 {
        return None;
    }
    let mut groups: Vec<&str> = Vec::new();
    let mut k = i + 1;
    while let (Some(c), Some(g)) = (toks.get(k), toks.get(k + 1)) {
        let adjacent = c.is_punct(',') && !c.space_before && !g.space_before && g.is_num();
        if !adjacent || groups.len() > 6 {
            break;
        }
        groups.push(g.text);
        k += 2;
    }
    let (last, pairs) = groups.split_last()?;
    let indian = !pairs.is_empty() && last.len() == 3 && pairs.iter().all(|g| g.len() == 2);
    indian.then(|| (format!("{}{}{last}", first.text, pairs.concat()), k))
}

/// A number written as a word ("fourteen", "thirty-nine", "Forty").
pub fn is_number_word(w: &str) -> bool {
    let low = w.to_ascii_lowercase();
    low.split('-')
        .all(|part| ones(part).is_some() || tens(part).is_some())
        && !low.is_empty()
}

/// The value of a number written as a word ("twelve" 12, "thirty-nine"
/// 39); None for anything else.
pub fn word_value(w: &str) -> Option<f64> {
    let low = w.to_ascii_lowercase();
    match low.split_once('-') {
        Some((t, o)) => Some(tens(t)? + ones(o).filter(|v| *v < 10.0 && *v > 0.0)?),
        None => ones(&low).or_else(|| tens(&low)),
    }
}

fn ones(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words and abbreviations. Single letters count only written
/// against the number ("5.4bn", "1.2m"), where `adjacent` is true. Words
/// of three letters or more are read in any case ("£60MILLION", "BN");
/// the Indian "lakh" (100,000) and "crore" (10 million) are scales too.
pub fn scale(w: &str, adjacent: bool) -> Option<f64> {
    match w {
        "MM" | "mm" => return Some(1e6),
        "Bn" => return Some(1e9),
        "k" | "K" if adjacent => return Some(1e3),
        "m" | "M" if adjacent => return Some(1e6),
        "b" | "B" if adjacent => return Some(1e9),
        "T" if adjacent => return Some(1e12),
        _ => {}
    }
    if w.len() < 2 || w.len() > 10 || !w.is_ascii() {
        return None;
    }
    // Two-letter abbreviations only in lower case ("bn", "mn", "tn"):
    // "MN" or "TN" are more often US states.
    if w.len() == 2 && w.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "thousand" | "thousands" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "million" | "millions" | "mn" | "mln" | "mil" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn lower(t: &Tok) -> crate::analysis::claims::dates::tokens::Low {
    t.lower()
}

/// Vague quantities: "dozens", "hundreds of thousands", "several
/// hundred", "a few". Returns (range, next).
fn vague_at(toks: &[Tok], i: usize) -> Option<((f64, f64), usize)> {
    let w = lower(toks.get(i)?);
    let next_is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.is(s));
    // "tens/hundreds of thousands", "hundreds of millions"
    let of_scale = |k: usize| -> Option<(f64, usize)> {
        if next_is(k, "of") {
            let s = lower(toks.get(k + 1)?);
            return match s.as_str() {
                "thousands" => Some((1e3, k + 2)),
                "millions" => Some((1e6, k + 2)),
                "billions" => Some((1e9, k + 2)),
                _ => None,
            };
        }
        None
    };
    let base = match w.as_str() {
        "dozens" => (24.0, 99.0),
        "scores" => (40.0, 200.0),
        "tens" => (20.0, 99.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2e3, 9_999.0),
        "millions" => (2e6, 9.99e6),
        "billions" => (2e9, 9.99e9),
        "several" => (3.0, 9.0),
        "a" if next_is(i + 1, "few") => {
            return Some(scaled((2.0, 5.0), toks, i + 2));
        }
        "a" if next_is(i + 1, "handful") => return Some(((2.0, 6.0), i + 2)),
        "a" if next_is(i + 1, "couple") => {
            let k = if next_is(i + 2, "of") { i + 3 } else { i + 2 };
            return Some(scaled((2.0, 3.0), toks, k));
        }
        _ => return None,
    };
    if let Some((s, k)) = of_scale(i + 1) {
        return Some(((base.0 * s, base.1 * s), k));
    }
    if w == "several" {
        return Some(scaled(base, toks, i + 1));
    }
    Some((base, i + 1))
}

/// "several hundred", "a few thousand": the range times a scale word.
fn scaled(r: (f64, f64), toks: &[Tok], k: usize) -> ((f64, f64), usize) {
    match toks.get(k).map(lower) {
        Some(s) if s == "hundred" => ((r.0 * 100.0, r.1 * 100.0), k + 1),
        Some(s) => match scale(&s, false).filter(|_| !s.ends_with('s')) {
            Some(m) => ((r.0 * m, r.1 * m), k + 1),
            None => (r, k),
        },
        None => (r, k),
    }
}

/// A number in words: "twenty-three", "one hundred and five", "two
/// million", "half a million", "a dozen".
fn words_at(toks: &[Tok], i: usize) -> Option<Numeral> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut k = i;
    let mut any = false;
    let mut about = false;
    // "half a million"
    if toks.get(k).is_some_and(|t| t.is("half")) && toks.get(k + 1).is_some_and(|t| t.is("a")) {
        let s = scale(&lower(toks.get(k + 2)?), false)?;
        return Some(Numeral {
            value: 0.5 * s,
            round: 0.05 * s,
            vague: None,
            digits: false,
            decimal: false,
            approx: false,
            next: k + 3,
        });
    }
    while let Some(t) = toks.get(k) {
        if !t.is_word() {
            break;
        }
        let w = lower(t);
        if let Some(v) = ones(&w) {
            current += v;
            any = true;
            k += 1;
        } else if let Some(v) = tens(&w) {
            current += v;
            any = true;
            k += 1;
            // "twenty-three"
            if let (Some(h), Some(o)) = (toks.get(k), toks.get(k + 1)) {
                if h.is_punct('-') && !h.space_before && !o.space_before {
                    if let Some(v) = ones(&lower(o)).filter(|v| *v < 10.0 && *v > 0.0) {
                        current += v;
                        k += 2;
                    }
                }
            }
        } else if (w == "a" || w == "an")
            && !any
            && toks.get(k + 1).is_some_and(|n| {
                let l = lower(n);
                l == "hundred"
                    || l == "dozen"
                    || scale(&l, false).is_some_and(|_| !l.ends_with('s'))
            })
        {
            current = 1.0;
            any = true;
            k += 1;
        } else if w == "hundred" && any {
            current = current.max(1.0) * 100.0;
            k += 1;
        } else if w == "dozen" && any {
            current = current.max(1.0) * 12.0;
            about = true;
            k += 1;
        } else if let Some(s) = scale(&w, false).filter(|_| any && !w.ends_with('s')) {
            total += current.max(1.0) * s;
            current = 0.0;
            k += 1;
        } else if w == "and"
            && any
            && toks
                .get(k + 1)
                .is_some_and(|n| ones(&lower(n)).is_some() || tens(&lower(n)).is_some())
        {
            k += 1;
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    let value = total + current;
    Some(Numeral {
        value,
        round: if about { 2.0 } else { rounding_of(value) },
        vague: None,
        digits: false,
        decimal: false,
        approx: about,
        next: k,
    })
}

/// The numeral starting at token `i`, if any.
pub fn numeral_at(toks: &[Tok], i: usize) -> Option<Numeral> {
    if let Some(n) = digits_at(toks, i) {
        return Some(n);
    }
    if let Some(((lo, hi), next)) = vague_at(toks, i) {
        return Some(Numeral {
            value: lo,
            round: 0.0,
            vague: Some((lo, hi)),
            digits: false,
            decimal: false,
            approx: true,
            next,
        });
    }
    words_at(toks, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::dates::tokens::tokenize;

    fn num(s: &str) -> Option<Numeral> {
        let toks = tokenize(s, 0, s.len());
        numeral_at(&toks, 0)
    }

    #[test]
    fn numerals() {
        #[rustfmt::skip]
        let cases: &[(&str, f64, f64)] = &[
            ("1,200", 1200.0, 50.0),
            ("1,200,000", 1.2e6, 5e4),
            ("5.4", 5.4, 0.05),
            ("32", 32.0, 0.5),
            ("40", 40.0, 5.0),
            ("twenty-three", 23.0, 0.5),
            ("one hundred and five", 105.0, 0.5),
            ("two hundred", 200.0, 50.0),
            ("three million", 3e6, 5e5),
            ("half a million", 5e5, 5e4),
            ("a dozen", 12.0, 2.0),
            ("two dozen", 24.0, 2.0),
            ("a hundred", 100.0, 50.0),
            ("twelve", 12.0, 0.5),
            ("forty-two", 42.0, 0.5),
            ("11,00,000", 1.1e6, 5e4),
            ("2,50,00,000", 2.5e7, 5e5),
            ("two lakh", 2e5, 5e4),
            ("300.000", 3e5, 5e4),
            ("20.000 euros", 2e4, 5e3),
            ("1.200.000", 1.2e6, 5e4),
            ("5.400 million", 5.4, 0.0005),
            ("2.125%", 2.125, 0.0005),
            ("0.125", 0.125, 0.0005),
            ("1.085", 1.085, 0.0005),
            ("12.375", 12.375, 0.0005),
            ("45.500", 45500.0, 50.0),
            ("5.4", 5.4, 0.05),
        ];
        for (s, v, r) in cases {
            let n = num(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((n.value, n.round, n.vague), (*v, *r, None), "{s}");
        }
    }

    #[test]
    fn vague_numerals() {
        assert_eq!(
            num("hundreds of people").unwrap().vague,
            Some((200.0, 999.0))
        );
        assert_eq!(
            num("tens of thousands of people").unwrap().vague,
            Some((2e4, 99_000.0))
        );
        assert_eq!(num("dozens of").unwrap().vague, Some((24.0, 99.0)));
        assert_eq!(num("several hundred").unwrap().vague, Some((300.0, 900.0)));
        assert_eq!(num("a few thousand").unwrap().vague, Some((2e3, 5e3)));
    }

    #[test]
    fn not_numerals() {
        for s in [
            "a", "and", "hundred", "2019.5.3", "10.1.2.3", "12:30", "1/2",
        ] {
            assert!(num(s).is_none(), "{s}: {:?}", num(s));
        }
        let big = "7".repeat(400);
        assert!(num(&big).is_none());
        let sixteen = "1".repeat(16);
        assert!(num(&sixteen).is_none());
    }
}
