//! A tokeniser that follows the Universal Dependencies English conventions,
//! so that the tagger and parser see words cut as in their training data:
//!
//! - clitics are split: "don't" → "do" "n't", "can't" → "ca" "n't",
//!   "cannot" → "can" "not", "NATO's" → "NATO" "'s", "they're" → "they" "'re",
//!   "allies'" → "allies" "'";
//! - hyphenated words are split ("long-term" → "long" "-" "term") except after
//!   bound prefixes ("co-founder", "re-elected", "e-mail");
//! - numbers keep their separators ("1,000.5") and lose units glued to them
//!   ("430km" → "430" "km"), but keep ordinals and decades ("19th", "1990s");
//! - abbreviations keep their dot ("U.S.", "Mr.", "p.m.", "Jan."), and so do
//!   initials ("George W. Bush");
//! - URLs and e-mail addresses stay whole; other punctuation is one token per
//!   mark, except runs such as "..." or "--" or "?!".
//!
//! Offsets are bytes into the caller's text, always on `char` boundaries.

/// One token: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters that never form or separate anything: zero-width spaces,
/// joiners, BOMs, soft hyphens. Treated like white space.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Prefixes that keep their hyphen in the UD English treebanks.
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "pro", "co", "re", "anti", "pre", "post", "semi", "pan", "mini", "cross",
    "counter", "sub", "vice", "multi", "ex", "mid", "inter", "intra", "ultra", "neo", "quasi",
    "bi", "tri", "un", "de", "mis", "over", "under", "mega", "micro", "macro", "socio",
];

/// Words that keep a final dot.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "sr", "jr", "mt", "ft", "vol", "fig", "inc", "ltd", "corp", "co", "bros",
    "dept", "est", "approx", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "pres", "amb", "supt", "messrs", "hon", "no", "nos", "al", "cf",
    "ave", "blvd", "rd", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Unit symbols split off a number glued to them ("430km").
const UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "mg", "lb", "lbs", "ft", "mi", "mph", "kph", "kmh", "bn",
    "mn", "b", "k", "gw", "mw", "kw", "kwh", "gb", "mb", "tb", "ha", "am", "pm", "l", "ml", "sq",
    "t", "x", "km²", "m²", "m³", "mln", "tn", "yr", "yrs", "h", "hr", "hrs", "min", "sec",
];

/// Tokenise `text[start..end]` (one sentence). `start` and `end` must be
/// `char` boundaries with `start <= end`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let pos = |k: usize| if k < n { chars[k].0 } else { end };
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || is_invisible(c) {
            i += 1;
            continue;
        }
        if let Some(j) = url_end(&chars, i) {
            out.push(Span {
                start: pos(i),
                end: pos(j),
            });
            i = j;
            continue;
        }
        if is_word_char(c) {
            let j = word_end(&chars, i);
            split_word(text, &chars, i, j, end, &mut out);
            i = j;
            // A clitic right after the word.
            if let Some(k) = clitic_end(&chars, i) {
                out.push(Span {
                    start: pos(i),
                    end: pos(k),
                });
                i = k;
            }
            continue;
        }
        // Punctuation and symbols: runs of "." "-" "?" "!" "*" "=" "_" "~"
        // stay together ("...", "--", "?!").
        let mut j = i + 1;
        let groups = |a: char, b: char| {
            (a == b && matches!(a, '.' | '-' | '*' | '=' | '_' | '~' | '#' | '/'))
                || (matches!(a, '?' | '!') && matches!(b, '?' | '!'))
        };
        while j < n && groups(c, chars[j].1) {
            j += 1;
        }
        // Combining marks after a symbol belong to it.
        while j < n && unicode_normalization::char::is_combining_mark(chars[j].1) {
            j += 1;
        }
        out.push(Span {
            start: pos(i),
            end: pos(j),
        });
        i = j;
    }
    out
}

/// End of a URL or e-mail address starting at `i`, trailing punctuation
/// excluded.
fn url_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let starts_with = |s: &str| {
        let n = s.chars().count();
        i + n <= chars.len()
            && chars[i..i + n]
                .iter()
                .zip(s.chars())
                .all(|(&(_, c), sc)| c.to_ascii_lowercase() == sc)
    };
    let run_end = {
        let mut j = i;
        while j < chars.len() && !chars[j].1.is_whitespace() {
            j += 1;
        }
        j
    };
    let is_url = starts_with("http://") || starts_with("https://") || starts_with("www.");
    let is_email = !is_url && {
        let run = &chars[i..run_end];
        let at = run.iter().position(|&(_, c)| c == '@');
        at.is_some_and(|a| {
            a > 0
                && run[..a]
                    .iter()
                    .all(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
                && run[a + 1..].iter().any(|&(_, c)| c == '.')
                && run[a + 1..]
                    .iter()
                    .take_while(|&&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '-'))
                    .count()
                    >= 3
        })
    };
    if !is_url && !is_email {
        return None;
    }
    let mut j = run_end;
    while j > i + 1
        && matches!(
            chars[j - 1].1,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '»'
        )
    {
        j -= 1;
    }
    if is_email {
        // Only the address itself: letters, digits and . _ - + @.
        let mut k = i;
        while k < j
            && (chars[k].1.is_alphanumeric() || matches!(chars[k].1, '.' | '_' | '-' | '+' | '@'))
        {
            k += 1;
        }
        while k > i + 1 && chars[k - 1].1 == '.' {
            k -= 1;
        }
        j = k;
    }
    Some(j)
}

/// Length in chars of a clitic starting at `i` ("'s", "'re", "n't" is
/// handled in `split_word`), followed by a non-word char.
fn clitic_len(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if i >= chars.len() || !is_apostrophe(chars[i].1) {
        return None;
    }
    let mut k = i + 1;
    while k < chars.len() && chars[k].1.is_alphabetic() {
        k += 1;
    }
    let tail: String = chars[i + 1..k]
        .iter()
        .map(|&(_, c)| c.to_ascii_lowercase())
        .collect();
    let ends = k >= chars.len() || !is_word_char(chars[k].1);
    if ends && matches!(tail.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
        Some(k - i)
    } else {
        None
    }
}

/// End of a clitic token at `i`: "'s"-like clitics, or a bare apostrophe
/// after a word (plural possessive "allies'", closing single quote).
fn clitic_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if let Some(len) = clitic_len(chars, i) {
        return Some(i + len);
    }
    None
}

/// End of a word run starting at `i`: word chars, joined by an internal
/// "." "," "'" "&" or hyphen when a word char follows. Hyphens are split
/// later; a final dot is kept for abbreviations.
fn word_end(chars: &[(usize, char)], i: usize) -> usize {
    let n = chars.len();
    let mut j = i + 1;
    let mut has_inner_dot = false;
    loop {
        while j < n && is_word_char(chars[j].1) {
            j += 1;
        }
        if j + 1 >= n {
            break;
        }
        let (c, next) = (chars[j].1, chars[j + 1].1);
        if !is_word_char(next) {
            break;
        }
        let prev_digit = chars[j - 1].1.is_ascii_digit();
        let joins = match c {
            '.' => true,
            // "1,000", and times and numeric dates: "08:02", "02/13/2001".
            ',' | ':' | '/' => prev_digit && next.is_ascii_digit(),
            '&' => chars[j - 1].1.is_alphabetic() && next.is_alphabetic(),
            c if is_apostrophe(c) => clitic_len(chars, j).is_none(),
            c if is_hyphen(c) => true,
            _ => false,
        };
        if !joins {
            break;
        }
        has_inner_dot |= c == '.';
        j += 1;
    }
    // A final dot for abbreviations and initials.
    if j < n && chars[j].1 == '.' {
        let word: String = chars[i..j]
            .iter()
            .map(|&(_, c)| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let initial = j - i == 1 && chars[i].1.is_uppercase();
        let dotted = has_inner_dot && word.split('.').all(|p| p.chars().count() <= 3);
        let next_is_word = j + 1 < n && is_word_char(chars[j + 1].1);
        if !next_is_word && (initial || dotted || ABBREVIATIONS.contains(&word.as_str())) {
            j += 1;
        }
    }
    j
}

/// Whether `chars[i..j]` ends in "n't" with at least one char before it.
fn ends_in_nt(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    j >= i + 4
        && matches!(chars[j - 3].1, 'n' | 'N')
        && is_apostrophe(chars[j - 2].1)
        && matches!(chars[j - 1].1, 't' | 'T')
}

/// Cut the word run `chars[i..j]` into UD tokens.
fn split_word(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    j: usize,
    end: usize,
    out: &mut Vec<Span>,
) {
    let pos = |k: usize| if k < chars.len() { chars[k].0 } else { end };
    // Hyphen pieces first.
    let mut piece_start = i;
    let mut k = i;
    while k < j {
        if is_hyphen(chars[k].1) && k > piece_start && k + 1 < j {
            let left = &text[pos(piece_start)..pos(k)];
            if !keeps_hyphen(left, &text[pos(k + 1)..pos(j)]) {
                split_piece(text, chars, piece_start, k, end, out);
                out.push(Span {
                    start: pos(k),
                    end: pos(k + 1),
                });
                piece_start = k + 1;
            }
        }
        k += 1;
    }
    split_piece(text, chars, piece_start, j, end, out);
}

fn keeps_hyphen(left: &str, right: &str) -> bool {
    let l = left.to_lowercase();
    // "e-mail", "co-founder"; but a number is never a prefix ("1990-91").
    HYPHEN_PREFIXES.contains(&l.as_str()) && right.chars().next().is_some_and(|c| c.is_alphabetic())
}

/// Cut one hyphen-free piece: "n't" / "not" clitics, number + unit.
fn split_piece(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    j: usize,
    end: usize,
    out: &mut Vec<Span>,
) {
    let pos = |k: usize| if k < chars.len() { chars[k].0 } else { end };
    if j <= i {
        return;
    }
    let word = &text[pos(i)..pos(j)];
    let lower = word.to_lowercase();
    // "don't", "can't", "won't", "isn't": cut before the "n".
    if ends_in_nt(chars, i, j) {
        out.push(Span {
            start: pos(i),
            end: pos(j - 3),
        });
        out.push(Span {
            start: pos(j - 3),
            end: pos(j),
        });
        return;
    }
    if lower == "cannot" {
        out.push(Span {
            start: pos(i),
            end: pos(i + 3),
        });
        out.push(Span {
            start: pos(i + 3),
            end: pos(j),
        });
        return;
    }
    // Number glued to a unit: "430km", "5pm", "$5bn" (the "$" is already
    // its own token).
    if chars[i].1.is_ascii_digit() {
        let d = (i..j)
            .find(|&k| !(chars[k].1.is_ascii_digit() || matches!(chars[k].1, '.' | ',')))
            .unwrap_or(j);
        if d < j && d > i {
            let unit = text[pos(d)..pos(j)].to_lowercase();
            let unit = unit.trim_end_matches('.');
            if UNITS.contains(&unit) && chars[d - 1].1.is_ascii_digit() {
                out.push(Span {
                    start: pos(i),
                    end: pos(d),
                });
                out.push(Span {
                    start: pos(d),
                    end: pos(j),
                });
                return;
            }
        }
    }
    out.push(Span {
        start: pos(i),
        end: pos(j),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len())
            .iter()
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn ud_conventions() {
        assert_eq!(
            toks("NATO's chief didn't say they're \"ready\"."),
            ["NATO", "'s", "chief", "did", "n't", "say", "they", "'re", "\"", "ready", "\"", "."]
        );
        assert_eq!(
            toks("We can't, won't, cannot."),
            ["We", "ca", "n't", ",", "wo", "n't", ",", "can", "not", "."]
        );
        assert_eq!(
            toks("The U.S. and Mr. Smith met at 5 p.m. on Jan. 5."),
            [
                "The", "U.S.", "and", "Mr.", "Smith", "met", "at", "5", "p.m.", "on", "Jan.", "5",
                "."
            ]
        );
        assert_eq!(
            toks("a long-term co-founder of the allies' 430km plan, worth $1,000.5bn..."),
            [
                "a",
                "long",
                "-",
                "term",
                "co-founder",
                "of",
                "the",
                "allies",
                "'",
                "430",
                "km",
                "plan",
                ",",
                "worth",
                "$",
                "1,000.5",
                "bn",
                "..."
            ]
        );
        assert_eq!(
            toks("O'Brien’s 19th 1990s"),
            ["O'Brien", "’s", "19th", "1990s"]
        );
        assert_eq!(
            toks("See https://example.org/a-b?x=1, or mail a.b@c.org."),
            [
                "See",
                "https://example.org/a-b?x=1",
                ",",
                "or",
                "mail",
                "a.b@c.org",
                "."
            ]
        );
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(toks("end.Next"), ["end.Next"]);
        assert_eq!(toks("Really?! Yes"), ["Really", "?!", "Yes"]);
        assert_eq!(
            toks("At 08:02 on 02/13/2001, and/or"),
            ["At", "08:02", "on", "02/13/2001", ",", "and", "/", "or"]
        );
    }

    #[test]
    fn odd_unicode() {
        assert_eq!(
            toks("Zelenskyy\u{200B} said 👍🏽 ok"),
            ["Zelenskyy", "said", "👍", "🏽", "ok"]
        );
        assert_eq!(toks("e\u{301}te\u{301}"), ["e\u{301}te\u{301}"]);
        assert_eq!(toks("\u{301}x"), ["\u{301}x"]);
        assert!(toks("   ").is_empty());
    }

    #[test]
    fn offsets_are_absolute() {
        let s = "Intro. He said no.";
        let t = tokenize(s, 7, s.len());
        assert_eq!(&s[t[0].start..t[0].end], "He");
        assert_eq!(t.last().unwrap().end, s.len());
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// Text mixing what news contains with what it should not: letters of
        /// several scripts, digits, apostrophes, hyphens, dots, quotes,
        /// combining marks, emoji, zero-width and odd spaces.
        fn newsish() -> impl Strategy<Value = String> {
            let atoms = prop::sample::select(vec![
                "NATO",
                "Kyiv",
                "don't",
                "can't",
                "'s",
                "’s",
                "U.S.",
                "Mr.",
                "1,000.5",
                "430km",
                "co-founder",
                "long-term",
                "-",
                "--",
                "...",
                ".",
                ",",
                "\"",
                "“",
                "”",
                "'",
                "e\u{301}",
                "\u{301}",
                "👍🏽",
                "\u{200B}",
                "\u{FEFF}",
                " ",
                "  ",
                "\n",
                "\t",
                "\u{2028}",
                "Straße",
                "İstanbul",
                "東京",
                "مرحبا",
                "a.b@c.org",
                "https://x.y/z",
                "9999999999999999999999",
                "$",
                "€",
                "(",
                ")",
                "n't",
                "cannot",
                "'",
                "’",
            ]);
            prop::collection::vec(
                prop_oneof![3 => atoms.prop_map(String::from), 1 => any::<char>().prop_map(|c| c.to_string())],
                0..40,
            )
            .prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn offsets_are_ordered_char_boundaries_inside_the_span(
                text in newsish(),
                a in 0usize..400,
                b in 0usize..400,
            ) {
                // A sub-span on char boundaries.
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(text.len()))
                    .collect();
                let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                let (start, end) = (x.min(y), x.max(y));
                let toks = tokenize(&text, start, end);
                let mut prev = start;
                for t in &toks {
                    prop_assert!(t.start >= prev, "ordered, no overlap");
                    prop_assert!(t.start < t.end, "non-empty");
                    prop_assert!(t.end <= end, "inside the span");
                    prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                    let s = &text[t.start..t.end];
                    prop_assert!(!s.chars().all(char::is_whitespace));
                    prev = t.end;
                }
                // Nothing but white space and invisible chars is dropped.
                let mut covered = vec![false; text.len()];
                for t in &toks {
                    for c in covered.iter_mut().take(t.end).skip(t.start) {
                        *c = true;
                    }
                }
                for (i, c) in text[start..end].char_indices() {
                    if !covered[start + i] {
                        prop_assert!(c.is_whitespace() || is_invisible(c), "dropped {c:?}");
                    }
                }
            }
        }
    }
}
