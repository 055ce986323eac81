//! Signs a sentence gives of what it is: a figure it asserts rather than
//! one that sets its scene, quoted speech, feelings and opinions, its own
//! sources, its words for comparison with a repeated headline, and whether
//! a fact in it is hedged. The claims pipeline (`analyze.rs`) reads them.
use super::*;

/// A figure the sentence asserts, not one that sets its scene: an amount
/// of money, a share ("40 percent"), a count put with "more than",
/// "nearly", "at least" and the like, or one that opens the sentence
/// ("More than 20,000 homes are registered", "Half of all people under
/// 30"). A length of time ("two weeks left", "for six years") or a
/// measure in passing ("the 2 km circumference", "the 33rd floor") is not.
pub(super) fn asserted_figure(
    text: &str,
    sentence_start: usize,
    m: &crate::analysis::Mention,
) -> bool {
    let t = m.text(text).to_ascii_lowercase();
    const DURATIONS: &[&str] = &[
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
    ];
    let duration = t.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        DURATIONS
            .iter()
            .any(|d| w == *d || w.strip_suffix('s') == Some(d))
    });
    if duration {
        return false;
    }
    if m.kind == EntityKind::Money
        || t.contains('%')
        || t.contains("percent")
        || t.contains("per cent")
    {
        return true;
    }
    let before = &text[sentence_start..m.start];
    let lead = before.trim_start_matches(|c: char| !c.is_alphanumeric());
    let opens = words(text, sentence_start, m.start).len() <= 1 && lead.len() <= 12;
    let low_before = before.to_ascii_lowercase();
    const APPROX: &[&str] = &[
        "more than",
        "less than",
        "fewer than",
        "at least",
        "at most",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "over",
        "up to",
        "some",
        "half of",
        "as many as",
        "as much as",
    ];
    let approx = APPROX.iter().any(|a| low_before.trim_end().ends_with(a))
        || APPROX.iter().any(|a| t.starts_with(a));
    opens || approx
}

/// The spans of `text[a..b]` between quotation marks, marks included:
/// straight marks pair in order, curly ones open and close.
pub(super) fn quoted_spans(text: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[a..b].char_indices() {
        let at = a + i;
        match (c, open) {
            ('"', Some(o)) | ('”', Some(o)) => {
                out.push((o, at + c.len_utf8()));
                open = None;
            }
            ('"', None) | ('“', _) => open = Some(at),
            _ => {}
        }
    }
    out
}

/// Quoted speech opens here (also in the `` '' convention of typeset and
/// tokenised text).
pub(super) fn opens_quote(t: &str) -> bool {
    t.starts_with(['"', '“', '«', '„']) || t.starts_with("``")
}

/// Names of the sentence inside its own attribution's source phrases.
pub(super) fn own_source_names(
    doc: &DocAnalysis,
    names: &[u32],
    att: Option<&Attribution>,
) -> usize {
    let Some(att) = att else {
        return 0;
    };
    names
        .iter()
        .filter(|&&m| {
            let m = &doc.mentions[m as usize];
            att.chain
                .iter()
                .any(|s| s.start <= m.start && m.end <= s.end)
        })
        .count()
}

/// Words of feeling: a sentence that reports how someone felt ("residents
/// said they were terrified") tells nothing a fact-checker can check.
pub(super) fn feels(sentence: &str) -> bool {
    static AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(cues::FEELINGS)
            .expect("fixed patterns")
    });
    AC.find_overlapping_iter(sentence)
        .any(|m| hedges::at_word_boundaries(sentence, m.start(), m.end()))
}

/// Words of opinion in the sentence `text[a..b]` (one automaton pass); a
/// "should" that forecasts ("the sale should close by April") is none.
pub(super) fn is_opinion(text: &str, a: usize, b: usize) -> bool {
    static AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(OPINION)
            .expect("fixed patterns")
    });
    let sentence = &text[a..b];
    let forecasts = std::cell::OnceCell::new();
    AC.find_overlapping_iter(sentence).any(|m| {
        hedges::at_word_boundaries(sentence, m.start(), m.end())
            && !(sentence[m.start()..m.end()].eq_ignore_ascii_case("should")
                && forecasts
                    .get_or_init(|| hedges::forecast_should(text, a, b))
                    .iter()
                    .any(|h| h.start == a + m.start()))
    })
}

/// Content stems of a sentence, names left out (they are compared as
/// linked entities instead).
pub(super) fn stems_outside_names(
    text: &str,
    doc: &DocAnalysis,
    a: usize,
    b: usize,
    names: &[u32],
) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = a;
    for &m in names {
        let m = &doc.mentions[m as usize];
        out.extend(content_stems(text, from, m.start.max(from)));
        from = m.end.max(from);
    }
    out.extend(content_stems(text, from, b));
    out.sort();
    out.dedup();
    out
}

pub(super) fn word_set(text: &str, a: usize, b: usize) -> Vec<String> {
    let mut v: Vec<String> = words(text, a, b)
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect();
    v.sort();
    v.dedup();
    v
}

pub(super) fn jaccard(a: &[String], b: &[String]) -> f64 {
    let inter = a.iter().filter(|x| b.contains(x)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

pub(super) fn ends_like_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '"', '”', '“', '»', ')', '\''])
}

/// Whether one of the claim's hedges scopes over a fact: its head
/// dominates the fact's words in the parse; without a parse, any hedge of
/// the main clause does.
pub(super) fn hedged_fact(sf: Option<&frames::SentenceFrames>, hedges: &[Hedge], f: &Fact) -> bool {
    let Some(sf) = sf else {
        return !hedges.is_empty();
    };
    let p = &sf.parse;
    let Some(at) = p.token_at(f.start) else {
        return !hedges.is_empty();
    };
    let end = p.token_at(f.end.saturating_sub(1)).unwrap_or(at);
    hedges.iter().any(|h| {
        p.token_at(h.start).is_some_and(|t| {
            let head = p.head(t).unwrap_or(t);
            let scope = if p.dominates(head, at) {
                head
            } else {
                p.clause_of(head)
            };
            p.dominates(scope, at) && !presupposed(p, scope, (at, end))
        })
    })
}

/// Whether a fact (tokens `at..=end`) is told inside a definite subject of
/// the hedged predicate `pred` rather than by it: in "Nordhavn's agreement
/// to buy Brevik for $2.4 billion is likely to face scrutiny" what is
/// likely is the scrutiny; the agreement and its price are taken as given
/// (a definite description presupposes what it describes, and a modal over
/// the clause does not suspend that). An indefinite subject ("a deal worth
/// $2bn could be signed") or one that is the amount itself ("up to 40
/// people may have died") stays hedged.
fn presupposed(p: &crate::analysis::syntax::Parse, pred: usize, (at, end): (usize, usize)) -> bool {
    use crate::analysis::syntax::labels::{Rel, Sub};
    // The subject of the predicate, or of the clause an auxiliary or a
    // raising adjective ("is likely to face") takes it from.
    let subject = p.subjects(pred).into_iter().next().or_else(|| {
        p.children_with(pred, Rel::Xcomp)
            .find_map(|x| p.subjects(x).into_iter().next())
    });
    let Some(s) = subject else {
        return false;
    };
    let t = &p.tokens[s];
    if !t.deprel.is_subject() || t.deprel.rel == Rel::Csubj {
        return false;
    }
    // The fact lies inside the subject and is not its head.
    if !(p.dominates(s, at) && p.dominates(s, end)) || (at..=end).contains(&s) {
        return false;
    }
    p.children(s).iter().any(|&c| {
        let d = &p.tokens[c];
        (d.deprel.rel == Rel::Det
            && matches!(
                d.lemma.to_ascii_lowercase().as_str(),
                "the" | "this" | "that"
            ))
            || (d.deprel.rel == Rel::Nmod && d.deprel.sub == Some(Sub::Poss))
    })
}
