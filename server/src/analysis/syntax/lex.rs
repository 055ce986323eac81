//! Word-level feature values shared by the tagger and the parser: the
//! normalised form and its hashes, computed once per token.
use crate::analysis::learn::hash::hash_str;

/// Longest prefix of a form that features look at: a 400-digit number or a
/// run of symbols costs no more than a normal word.
const MAX_FEATURE_CHARS: usize = 40;

/// The hashed lexical values of one token.
#[derive(Clone, Debug)]
pub struct Lex {
    /// Lower-cased, digits as `0`, curly quotes straightened.
    pub norm: String,
    pub word: u64,
    pub suf1: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre1: u64,
    pub pre2: u64,
    /// Collapsed character shape: "Xx", "X.X.", "0,0.0", "x-x".
    pub shape: u64,
    /// Capitalised, all capitals, has a digit, has a hyphen: 4 bits.
    pub flags: u64,
}

/// Straighten curly quotes and apostrophes (the treebanks use both).
pub fn normalize_quotes(form: &str) -> String {
    form.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            c => c,
        })
        .collect()
}

/// Normalise a form for feature lookup (see [`Lex::norm`]).
pub fn normalize(form: &str) -> String {
    let mut s = String::with_capacity(form.len().min(MAX_FEATURE_CHARS * 4));
    for c in form.chars().take(MAX_FEATURE_CHARS) {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => s.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '«' | '»' => s.push('"'),
            '\u{2014}' => s.push_str("--"),
            c if c.is_ascii_digit() => s.push('0'),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// The shape class of a form, with runs of one class collapsed to two:
/// "NATO" → "XX", "Kyiv" → "Xx", "U.S." → "X.X.", "1,000" → "0,0".
pub fn shape(form: &str) -> String {
    let mut s = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(MAX_FEATURE_CHARS) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            '0'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 && matches!(k, 'X' | 'x' | '0') {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        s.push(k);
    }
    s
}

fn suffix(chars: &[char], n: usize) -> u64 {
    let k = chars.len().saturating_sub(n);
    hash_str(&chars[k..].iter().collect::<String>())
}

impl Lex {
    pub fn new(form: &str) -> Lex {
        let norm = normalize(form);
        let chars: Vec<char> = norm.chars().collect();
        let first = form.chars().next();
        let cap = first.is_some_and(|c| c.is_uppercase());
        let letters = form.chars().filter(|c| c.is_alphabetic());
        let all_caps = form.chars().any(|c| c.is_alphabetic())
            && letters.clone().all(|c| c.is_uppercase())
            && letters.count() > 1;
        let digit = form.chars().any(|c| c.is_numeric());
        let hyphen = form.contains('-');
        Lex {
            word: hash_str(&norm),
            suf1: suffix(&chars, 1),
            suf2: suffix(&chars, 2),
            suf3: suffix(&chars, 3),
            suf4: suffix(&chars, 4),
            pre1: hash_str(&chars.iter().take(1).collect::<String>()),
            pre2: hash_str(&chars.iter().take(2).collect::<String>()),
            shape: hash_str(&shape(form)),
            flags: (cap as u64)
                | (all_caps as u64) << 1
                | (digit as u64) << 2
                | (hyphen as u64) << 3,
            norm,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_norms() {
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("Kyiv"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,000.5"), "0,00.0");
        assert_eq!(normalize("Don’t 1999"), "don't 0000");
        let long = "9".repeat(400);
        assert_eq!(normalize(&long).len(), MAX_FEATURE_CHARS);
        assert_eq!(Lex::new("NATO").flags, 0b11);
        assert_eq!(Lex::new("A").flags, 0b1);
    }
}
