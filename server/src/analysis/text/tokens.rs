//! Word tokens with byte spans. Words keep internal apostrophes, hyphens and
//! abbreviation dots ("Stoltenberg's" is split off as "Stoltenberg" + "'s",
//! "U.S." and "SAG-U" stay whole); numbers keep their separators ("1,000.5").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A possessive clitic split off a word ("'s", "’s", "'").
    Possessive,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Tokenise `text[start..end]`, appending to `out` (offsets stay absolute).
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let abs = start + i;
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            // A word: letters/digits/marks, with internal ' - . joining letters.
            let mut j = i + c.len_utf8();
            let mut has_dot = false;
            loop {
                let rest = &s[j..];
                let mut chars = rest.chars();
                let Some(n) = chars.next() else { break };
                if n.is_alphanumeric() || unicode_normalization::char::is_combining_mark(n) {
                    j += n.len_utf8();
                    continue;
                }
                let after = chars.next();
                if (is_hyphen(n) || n == '.' || is_apostrophe(n) || n == '&')
                    && after.is_some_and(|a| a.is_alphanumeric())
                {
                    // Possessive "'s" followed by letters is not a split point
                    // ("O'Brien"), but "'s" at a word end is (handled below).
                    if is_apostrophe(n) {
                        let tail: String = rest.chars().skip(1).take(2).collect();
                        let mut tc = tail.chars();
                        let s1 = tc.next();
                        let s2 = tc.next();
                        if matches!(s1, Some('s') | Some('S'))
                            && !s2.is_some_and(|x| x.is_alphanumeric())
                        {
                            break;
                        }
                    }
                    if n == '.' {
                        has_dot = true;
                    }
                    j += n.len_utf8();
                    continue;
                }
                // Abbreviations: "U.S." keeps its final dot when the word
                // already holds a dot between single letters, and so does
                // an initial ("George W. Bush").
                let initial = j - i == 1 && c.is_uppercase();
                if n == '.' && (has_dot || initial) {
                    j += 1;
                }
                break;
            }
            out.push(Token {
                start: abs,
                end: start + j,
                kind: TokenKind::Word,
            });
            // Skip the chars we consumed.
            while let Some(&(k, _)) = it.peek() {
                if k < j {
                    it.next();
                } else {
                    break;
                }
            }
            // Possessive clitic.
            let rest = &s[j..];
            let mut rc = rest.chars();
            if let Some(a) = rc.next() {
                if is_apostrophe(a) {
                    let s1 = rc.next();
                    let s2 = rc.next();
                    let len = if matches!(s1, Some('s') | Some('S'))
                        && !s2.is_some_and(|x| x.is_alphanumeric())
                    {
                        a.len_utf8() + 1
                    } else if !s1.is_some_and(|x| x.is_alphanumeric()) {
                        a.len_utf8()
                    } else {
                        0
                    };
                    if len > 0 {
                        out.push(Token {
                            start: start + j,
                            end: start + j + len,
                            kind: TokenKind::Possessive,
                        });
                        while let Some(&(k, _)) = it.peek() {
                            if k < j + len {
                                it.next();
                            } else {
                                break;
                            }
                        }
                    }
                }
            }
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            let b = s.as_bytes();
            while j < b.len() {
                let ch = b[j];
                // Digits, and separators between digits ("1,000.5").
                let separator =
                    (ch == b',' || ch == b'.') && j + 1 < b.len() && b[j + 1].is_ascii_digit();
                if ch.is_ascii_digit() || separator {
                    j += 1;
                } else {
                    break;
                }
            }
            // Letters glued to a number ("2nd", "300km") stay with it.
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            out.push(Token {
                start: abs,
                end: start + j,
                kind: TokenKind::Number,
            });
            while let Some(&(k, _)) = it.peek() {
                if k < j {
                    it.next();
                } else {
                    break;
                }
            }
            continue;
        }
        out.push(Token {
            start: abs,
            end: abs + c.len_utf8(),
            kind: TokenKind::Punct,
        });
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut v = Vec::new();
    tokenize_into(text, 0, text.len(), &mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_news_text() {
        assert_eq!(
            words("Stoltenberg’s plan for the U.S. and SAG-U, worth $1,000.5 bn."),
            vec![
                "Stoltenberg",
                "’s",
                "plan",
                "for",
                "the",
                "U.S.",
                "and",
                "SAG-U",
                ",",
                "worth",
                "$",
                "1,000.5",
                "bn",
                "."
            ]
        );
        assert_eq!(
            words("O'Brien's 300-strong unit"),
            vec!["O'Brien", "'s", "300", "-", "strong", "unit"]
        );
        assert_eq!(words("allies' plans"), vec!["allies", "'", "plans"]);
        assert_eq!(words("then-NATO chief"), vec!["then-NATO", "chief"]);
    }
}
