//! Word-level helpers shared by the claim modules: words with byte offsets,
//! a crude stemmer and the synonym classes used to compare assertions.
//! Deliberately small: claims are compared on content words, and a stemmer
//! that merges "coordinate"/"coordinating"/"coordination" is what matters.

/// The largest char boundary at or below `i` (offsets computed by
/// arithmetic, such as "40 bytes before", may land inside a character).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A word inside some text: byte range (absolute) and the word itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Words (letters, digits, inner `-`, `'`, `’`, `.` between letters) of
/// `text[start..end]`, with absolute offsets.
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let s = &text[start..end];
    // Every claim reader splits its sentence into words, most of them
    // more than once: no buffer besides the result.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut cur: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '-' | '\'' | '’' | '.')
            && cur.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if cur.is_none() {
                cur = Some(i);
            }
        } else if let Some(a) = cur.take() {
            out.push(Word {
                start: start + a,
                end: start + i,
                text: &s[a..i],
            });
        }
    }
    if let Some(a) = cur {
        out.push(Word {
            start: start + a,
            end,
            text: &s[a..],
        });
    }
    out
}

pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "his",
    "him",
    "she",
    "her",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "my",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "how",
    "why",
    "not",
    "no",
    "also",
    "so",
    "than",
    "then",
    "there",
    "here",
    "into",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "until",
    "while",
    "if",
    "all",
    "any",
    "some",
    "such",
    "more",
    "most",
    "other",
    "own",
    "same",
    "very",
    "just",
    "only",
    "said",
    "says",
    "say",
    "stated",
    "reported",
    "reports",
    "according",
    "told",
    "write",
    "writes",
    "wrote",
    "noted",
    "notes",
    "citing",
    "source",
    "sources",
    "thus",
    "however",
    "already",
    "still",
    "now",
    "part",
    "way",
    "well",
    "even",
    "both",
    "each",
    "one",
    "new",
    "being",
    "per",
    "via",
    "upon",
];

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Synonym classes for comparing assertions across outlets (and machine
/// translations, which pick different words for the same thing).
fn synonym(stem: &str) -> &str {
    match stem {
        "weapon" | "arm" | "arms" | "weaponry" | "armament" | "munition" => "arm",
        "deliver" | "delivery" | "supply" | "provid" | "provision" | "shipment" => "supply",
        "assum" | "tak" | "takeover" | "lead" | "manag" | "management" | "handl" | "direct" => {
            "lead"
        }
        "assist" | "assistance" | "aid" | "support" | "help" => "aid",
        "coordinat" | "coordination" | "coordin" => "coordin",
        "kyiv" | "kiev" => "kyiv",
        "alliance" | "bloc" => "alliance",
        "defence" | "defense" => "defense",
        s => s,
    }
}

/// Lower-case, strip common English suffixes, map to a synonym class.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase().replace('’', "'");
    let w = w.trim_end_matches("'s").to_string();
    let mut s: &str = &w;
    for suf in [
        "ibility", "ible", "ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly",
        "ment", "e",
    ] {
        let min_rest = if suf == "ly" { 5 } else { 3 };
        if s.len() >= suf.len() + min_rest && s.ends_with(suf) {
            s = &s[..s.len() - suf.len()];
            if suf == "ies" || suf == "ied" {
                return synonym(&format!("{s}y")).to_string();
            }
            if suf.starts_with("ib") {
                return format!("{s}ib");
            }
            break;
        }
    }
    let s = s.strip_suffix("ies").unwrap_or(s);
    synonym(s).to_string()
}

/// Content stems of `text[start..end]`: no stop words, no single letters.
pub fn content_stems(text: &str, start: usize, end: usize) -> Vec<String> {
    let mut v: Vec<String> = words(text, start, end)
        .into_iter()
        .filter(|w| w.text.chars().count() > 1)
        .filter(|w| !is_stopword(&w.text.to_lowercase()))
        .map(|w| stem(w.text))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Does `hay` (lower case) contain `needle` at word boundaries?
pub fn has_phrase(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let a = from + p;
        let b = a + needle.len();
        let left = a == 0 || !hay[..a].chars().next_back().unwrap().is_alphanumeric();
        let right = b == hay.len() || !hay[b..].chars().next().unwrap().is_alphanumeric();
        if left && right {
            return Some(a);
        }
        from = a + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_offsets_and_inner_marks() {
        let t = "NATO’s then-chief said: U.S. aid.";
        let w: Vec<&str> = words(t, 0, t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["NATO’s", "then-chief", "said", "U.S", "aid"]);
    }

    #[test]
    fn stems_merge_inflections_and_synonyms() {
        assert_eq!(stem("coordinating"), stem("coordination"));
        assert_eq!(stem("weapons"), stem("arms"));
        assert_eq!(stem("supplies"), stem("delivery"));
        assert_eq!(stem("supplies"), stem("supply"));
        assert_eq!(stem("responsibility"), stem("responsible"));
        assert_eq!(has_phrase("he may go", "may"), Some(3));
        assert_eq!(has_phrase("mayor", "may"), None);
    }
}
