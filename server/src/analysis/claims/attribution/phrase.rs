//! Where a source phrase starts and ends around a cue, and which words
//! are breaks between phrases. Word-level helpers shared by the readers of
//! [`super::sentence`] and [`super::verb`].
use super::super::cues::*;
use super::super::words::Word;

pub(super) fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

pub(super) fn gap_has_break(text: &str, a: usize, b: usize) -> bool {
    // "2,400 participants": a separator inside a number is no break.
    let digit_before = text[..a]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let digit_after = text[b..].chars().next().is_some_and(|c| c.is_ascii_digit());
    if digit_before && digit_after && matches!(&text[a..b], "," | ".") {
        return false;
    }
    text[a..b].chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '.' | '«' | '»' | '–' | '—'
        )
    })
}

/// End of a source phrase that starts at word `i`.
pub(super) fn phrase_end(text: &str, ws: &[Word], i: usize, sent_end: usize) -> usize {
    let mut end = ws[i].end;
    let mut k = i + 1;
    while k < ws.len() && k < i + 10 {
        if gap_has_break(text, ws[k - 1].end, ws[k].start) {
            break;
        }
        let l = ws[k].text.to_lowercase();
        // "on December 17", "who", "that": the source ended.
        // "people familiar with the matter": the goes on after a
        // preposition.
        let after_prep = matches!(
            ws[k - 1].text.to_lowercase().as_str(),
            "with" | "of" | "from" | "in" | "at" | "for"
        );
        if CLAUSE_STOPS.contains(&l.as_str()) && l != "the" && l != "and"
            || (l == "the" && k > i + 1 && !after_prep)
        {
            break;
        }
        end = ws[k].end;
        k += 1;
    }
    end.min(sent_end)
}

/// Start of the subject phrase ending at word `j` (inclusive).
pub(super) fn phrase_start(text: &str, ws: &[Word], j: usize) -> usize {
    let mut start = ws[j].start;
    let mut k = j;
    while k > 0 && j - k < 7 {
        if gap_has_break(text, ws[k - 1].end, ws[k].start) {
            break;
        }
        let l = ws[k - 1].text.to_lowercase();
        // "a person close to the company": "to" after "close" or "next"
        // goes on with the phrase.
        let close_to = l == "to"
            && k >= 2
            && matches!(
                ws[k - 2].text.to_lowercase().as_str(),
                "close" | "closest" | "next"
            );
        // A word before a possessive is a noun ("The report 's authors"
        // in tokenised text), whatever else it can be.
        let possessed = ws[k].text.eq_ignore_ascii_case("s")
            && text[ws[k - 1].end..ws[k].start].contains(['\'', '’']);
        // A subject never reaches across another verb ("Eastman says
        // iodine ... is").
        if (CLAUSE_STOPS.contains(&l.as_str()) && l != "the" && !close_to)
            || (ws[k - 1].text.starts_with(|c: char| c.is_lowercase())
                && !possessed
                && (is_verb(&l)
                    || matches!(
                        l.as_str(),
                        "is" | "are" | "was" | "were" | "have" | "has" | "had" | "not"
                    )))
        {
            break;
        }
        k -= 1;
        start = ws[k].start;
        // "the matter" in "people familiar with the matter": a prepositional
        // phrase goes on to its head.
        let prep_before = k > 0
            && (matches!(
                ws[k - 1].text.to_lowercase().as_str(),
                "with" | "of" | "from" | "in" | "at" | "for"
            ) || (k > 1
                && ws[k - 1].text.eq_ignore_ascii_case("to")
                && matches!(
                    ws[k - 2].text.to_lowercase().as_str(),
                    "close" | "closest" | "next"
                )));
        if l == "the" && !prep_before {
            break;
        }
    }
    start
}
/// "according" or a typo of it one or two letters away ("acording",
/// "accroding", "accoridng"); never another word ("recording").
pub(super) fn is_according(w: &str) -> bool {
    if w == "according" {
        return true;
    }
    w.len() >= 7
        && w.len() <= 11
        && w.starts_with("ac")
        && w.ends_with("ng")
        && edit_distance(w, "according") <= 2
}

/// Optimal string alignment distance (adjacent transpositions count one),
/// for short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Words before a participle that make it describe a noun ("the
/// recently announced iPhone").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our",
];

/// Verbs of expecting: "as analysts expected" compares with a forecast.
pub(super) const EXPECTING: &[&str] = &[
    "expected",
    "predicted",
    "forecast",
    "anticipated",
    "estimated",
    "projected",
    "expect",
    "predict",
];

/// Prepositions that cannot start the subject after an inverted verb
/// ("..., revealed at the company's conference").
pub(super) const NO_SOURCE_START: &[&str] = &[
    "at", "in", "for", "from", "with", "of", "into", "under", "since", "across", "until",
];
