//! Sentence splitting inside one paragraph. Splits after `.`, `!`, `?` (and a
//! closing quote) when the next word starts a sentence, except after known
//! abbreviations, titles, months and initials. UAX #29 alone breaks after
//! "Mr." and "U.S.", which is why this is a small rule set of its own.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "sr", "jr", "mt", "ft", "no", "nos", "vol", "fig", "inc", "ltd", "corp",
    "co", "bros", "dept", "est", "approx", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m",
    "e.g", "i.e", "ph.d", "pres", "amb", "supt", "messrs", "hon",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true; // an initial: "J. Smith"
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// Two or three initials run together ("K.C", "J.R.R", the last dot
/// excluded).
fn initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()))
}

/// Does `rest` start with a capitalised word that can be a surname, not a
/// word that opens sentences ("The", "He", "In")? Initials before a
/// surname ("K.C. Maurer") never end a sentence.
fn starts_surname(rest: &str) -> bool {
    const OPENERS: &[&str] = &[
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "in",
        "on",
        "at",
        "but",
        "and",
        "as",
        "after",
        "before",
        "when",
        "while",
        "his",
        "her",
        "its",
        "their",
        "our",
        "for",
        "if",
        "so",
        "by",
        "with",
        "from",
        "to",
        "of",
        "some",
        "many",
        "most",
        "one",
        "two",
        "no",
        "meanwhile",
        "however",
        "also",
    ];
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.next().is_some_and(char::is_lowercase)
        && !OPENERS.contains(&word.to_lowercase().as_str())
}

/// Split `text[start..end]` (one paragraph) into sentence ranges, trimmed.
pub fn split_sentences(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut sent_start = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        if c == b'.' || c == b'!' || c == b'?' {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < b.len() {
                let rest = &s[j..];
                let ch = rest.chars().next().unwrap();
                if matches!(
                    ch,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '“'
                ) {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            // Needs white space, then an upper-case letter, digit or quote.
            let rest = &s[j..];
            let ws = rest.len() - rest.trim_start().len();
            let next = rest.trim_start().chars().next();
            let boundary = ws > 0
                && match next {
                    None => false,
                    Some(n) => {
                        n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '«' | '(')
                    }
                };
            if boundary && c == b'.' {
                // The word before the dot.
                let before = &s[sent_start..i];
                let word_start = before
                    .char_indices()
                    .rev()
                    .find(|&(_, ch)| ch.is_whitespace() || ch == '(' || ch == '"')
                    .map(|(p, ch)| p + ch.len_utf8())
                    .unwrap_or(0);
                let word = &before[word_start..];
                // "No. 5", "Vol. 2": abbreviations only before a number.
                let numeric_only = matches!(
                    word.trim_matches('"').to_ascii_lowercase().as_str(),
                    "no" | "nos" | "vol" | "fig" | "p" | "pp"
                );
                let next_digit = next.is_some_and(|n| n.is_ascii_digit());
                let word = word.trim_start_matches(['"', '“', '\'']);
                if (is_abbreviation(word) && (!numeric_only || next_digit))
                    || (initials(word) && starts_surname(rest.trim_start()))
                {
                    i = j;
                    continue;
                }
            }
            if boundary {
                push_trimmed(s, start, sent_start, j, out);
                sent_start = j + ws;
                i = sent_start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(s, start, sent_start, b.len(), out);
}

fn push_trimmed(s: &str, base: usize, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if a + lead < b - trail {
        out.push((base + a + lead, base + b - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_sentences(s, 0, s.len(), &mut v);
        v.into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn keeps_abbreviations() {
        assert_eq!(
            split("Mr. Smith met Gen. J. Doe in Washington, D.C. on Jan. 5. The U.S. agreed. \"Yes,\" he said."),
            vec![
                "Mr. Smith met Gen. J. Doe in Washington, D.C. on Jan. 5.",
                "The U.S. agreed.",
                "\"Yes,\" he said."
            ]
        );
    }

    #[test]
    fn initials_before_a_surname_do_not_end_a_sentence() {
        assert_eq!(
            split("K.C. Maurer said 500 institutions were invited. He left."),
            vec![
                "K.C. Maurer said 500 institutions were invited.",
                "He left."
            ]
        );
        assert_eq!(
            split("It was built by J.R.R. Tolkien's son. The book sold."),
            vec!["It was built by J.R.R. Tolkien's son.", "The book sold."]
        );
        assert_eq!(
            split("The team flew to the U.K. The coach stayed."),
            vec!["The team flew to the U.K. The coach stayed."]
        );
        assert_eq!(
            split("He works for A.B. The firm grew."),
            vec!["He works for A.B.", "The firm grew."]
        );
    }

    #[test]
    fn splits_after_quotes_and_questions() {
        assert_eq!(
            split("He said \"no.\" Then he left? Maybe! 40 people came."),
            vec![
                "He said \"no.\"",
                "Then he left?",
                "Maybe!",
                "40 people came."
            ]
        );
    }
}
