//! The tokens date expressions are read from: runs of digits, runs of
//! letters and single punctuation marks, with byte offsets. Splitting at
//! every change of class turns "5:03pm" into `5 : 03 pm`, "1st" into
//! `1 st` and "2019-08-02T08:13Z" into `2019 - 08 - 02 T 08 : 13 Z`, so one
//! grammar reads all of them.

const LOW_MAX: usize = 24;

/// A short lower-cased ASCII word on the stack.
#[derive(Clone, Copy)]
pub struct Low {
    buf: [u8; LOW_MAX],
    len: u8,
}

impl Low {
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<str> for Low {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl std::fmt::Debug for Low {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// Whitespace separates it from the token before.
    pub space_before: bool,
    /// A line break separates it from the token before.
    pub newline_before: bool,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// The value of a number of at most `max_digits` digits.
    pub fn num(&self, max_digits: usize) -> Option<u32> {
        (self.kind == Kind::Num && self.text.len() <= max_digits)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    /// Lower-cased word, without allocating: keywords are ASCII and short,
    /// so a longer or non-ASCII token reads as "" (it matches none).
    pub fn lower(&self) -> Low {
        let mut low = Low {
            buf: [0; LOW_MAX],
            len: 0,
        };
        let b = self.text.as_bytes();
        if b.len() <= LOW_MAX && b.is_ascii() {
            for (d, s) in low.buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            low.len = b.len() as u8;
        }
        low
    }

    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(word)
    }

    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

/// Tokens of `text[start..end]` (offsets absolute). `start` and `end` must
/// be character boundaries.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    let s = &text[start..end];
    let mut space = false;
    let mut newline = false;
    let mut cur: Option<(usize, Kind)> = None;
    fn flush<'t>(
        text: &'t str,
        start: usize,
        out: &mut Vec<Tok<'t>>,
        cur: &mut Option<(usize, Kind)>,
        upto: usize,
        space: &mut bool,
        newline: &mut bool,
    ) {
        if let Some((a, kind)) = cur.take() {
            out.push(Tok {
                start: start + a,
                end: start + upto,
                text: &text[start + a..start + upto],
                kind,
                space_before: *space,
                newline_before: *newline,
            });
            *space = false;
            *newline = false;
        }
    }
    for (i, c) in s.char_indices() {
        let kind = if c.is_ascii_digit() {
            Some(Kind::Num)
        } else if c.is_alphabetic() {
            Some(Kind::Word)
        } else {
            None
        };
        match (kind, cur) {
            (Some(k), Some((_, ck))) if k == ck => {}
            (Some(k), _) => {
                flush(text, start, &mut out, &mut cur, i, &mut space, &mut newline);
                cur = Some((i, k));
            }
            (None, _) => {
                flush(text, start, &mut out, &mut cur, i, &mut space, &mut newline);
                if c.is_whitespace() {
                    space = true;
                    newline |= c == '\n' || c == '\r';
                } else {
                    let e = i + c.len_utf8();
                    out.push(Tok {
                        start: start + i,
                        end: start + e,
                        text: &text[start + i..start + e],
                        kind: Kind::Punct,
                        space_before: space,
                        newline_before: newline,
                    });
                    space = false;
                    newline = false;
                }
            }
        }
    }
    flush(
        text,
        start,
        &mut out,
        &mut cur,
        s.len(),
        &mut space,
        &mut newline,
    );
    out
}

/// The word at `i`, if it is one.
pub fn word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a Tok<'a>> {
    toks.get(i).filter(|t| t.is_word())
}

pub fn is_word(toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i).is_some_and(|t| t.is(w))
}

/// An adjacent '.' after an abbreviation ("Aug.", "Wed.").
pub fn skip_dot(toks: &[Tok], i: usize) -> usize {
    match toks.get(i) {
        Some(t) if t.is_punct('.') && !t.space_before => i + 1,
        _ => i,
    }
}

pub fn skip_comma(toks: &[Tok], i: usize) -> usize {
    match toks.get(i) {
        Some(t) if t.is_punct(',') => i + 1,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_class_changes() {
        let t = "Fri, 02 Aug @ 5:03pm — 2019-08-02T08:13Z\nnext";
        let v: Vec<&str> = tokenize(t, 0, t.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            v,
            vec![
                "Fri", ",", "02", "Aug", "@", "5", ":", "03", "pm", "—", "2019", "-", "08", "-",
                "02", "T", "08", ":", "13", "Z", "next"
            ]
        );
        let toks = tokenize(t, 0, t.len());
        assert!(toks.last().unwrap().newline_before);
        assert!(!toks[1].space_before && toks[2].space_before);
        assert_eq!(toks[2].num(2), Some(2));
        let big = "1".repeat(400);
        assert_eq!(tokenize(&big, 0, big.len())[0].num(4), None);
    }
}
