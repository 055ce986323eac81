//! The layout of one document: lines, paragraphs, sentences, boilerplate,
//! headline. Offsets are bytes into the text.
use super::{boilerplate, sentences};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into `DocStructure::paragraphs`.
    pub paragraph: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Page furniture: menus, teasers, share prompts, author blurbs.
    pub boilerplate: bool,
    /// The first non-boilerplate line, when it reads like a headline
    /// (no final full stop).
    pub headline: bool,
    /// A caption or credit line: its names count, it asserts nothing.
    pub credit: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocStructure {
    pub paragraphs: Vec<Paragraph>,
    /// All sentences, boilerplate ones included, in text order.
    pub sentences: Vec<Sentence>,
}

/// Byte ranges of lines, without their terminators (`\n`, `\r\n`, `\r`;
/// U+2028 and NEL count too, as CMS-pasted text uses them as line breaks
/// inside a paragraph).
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push((start, i));
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

/// A line of article prose rather than a byline, dateline or label: it ends
/// a sentence and has several lower-case words (datelines and bylines are
/// names, numbers and capitalised words).
fn is_prose(line: &str) -> bool {
    let lower = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    ends_sentence(line) && lower >= 3
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '“', '»', ')', ':', ';'])
}

impl DocStructure {
    pub fn of(text: &str) -> DocStructure {
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut in_tail = false;
        let mut seen_body = false;
        // A paragraph of article prose has been seen. Share prompts and
        // comment counters ("Share this article", "3 comments") stand above
        // articles as often as below: before any prose, a tail marker is a
        // line of furniture, not the start of what follows the article.
        let mut seen_prose = false;
        let mut prev_open: Option<usize> = None; // paragraph still open (hard-wrapped)
        for (ls, le) in lines(text) {
            let line = &text[ls..le];
            let trimmed = line.trim();
            if trimmed.is_empty() {
                prev_open = None;
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let (s, e) = (ls + lead, ls + lead + trimmed.len());
            let marker = !in_tail && boilerplate::is_tail_marker(trimmed);
            if marker && seen_prose {
                in_tail = true;
            }
            let furniture = in_tail
                || marker
                || boilerplate::is_furniture_line(trimmed)
                || (!seen_body && boilerplate::is_menu_line(trimmed));
            // Hard-wrapped prose: a line that does not end a sentence,
            // followed by one starting in lower case, continues it.
            if let Some(pi) = prev_open {
                let starts_lower = trimmed.chars().next().is_some_and(|c| c.is_lowercase());
                if starts_lower && !furniture && !paragraphs[pi].boilerplate {
                    paragraphs[pi].end = e;
                    seen_prose |= ends_sentence(trimmed);
                    prev_open = if ends_sentence(trimmed) {
                        None
                    } else {
                        Some(pi)
                    };
                    continue;
                }
            }
            let headline = !furniture
                && !seen_body
                && !ends_sentence(trimmed)
                && !boilerplate::is_credit_line(trimmed);
            if !furniture {
                seen_body = true;
                seen_prose |= is_prose(trimmed);
            }
            paragraphs.push(Paragraph {
                start: s,
                end: e,
                boilerplate: furniture,
                headline,
                credit: !furniture && boilerplate::is_credit_line(trimmed),
            });
            prev_open = if ends_sentence(trimmed) {
                None
            } else {
                Some(paragraphs.len() - 1)
            };
        }
        let mut sentences = Vec::new();
        let mut buf = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            buf.clear();
            sentences::split_sentences(text, p.start, p.end, &mut buf);
            sentences.extend(buf.iter().map(|&(start, end)| Sentence {
                start,
                end,
                paragraph: pi as u32,
            }));
        }
        DocStructure {
            paragraphs,
            sentences,
        }
    }

    /// Index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end < offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    pub fn is_boilerplate(&self, sentence: usize) -> bool {
        let p = self.sentences[sentence].paragraph as usize;
        self.paragraphs[p].boilerplate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_prompt_above_the_article_does_not_hide_it() {
        let t = "Ferry sinks: 39 dead\n\nDesk reporter\nSunday 15 August 2021\n\nShare this article\n\n\
                 Thirty-nine people died when the ferry sank near the port on Sunday, officials said.\n\n\
                 Rescuers said the search would go on.\n\nShare this article\n\nRead next: a teaser.\n";
        let d = DocStructure::of(t);
        let body: Vec<&str> = d
            .paragraphs
            .iter()
            .filter(|p| !p.boilerplate)
            .map(|p| &t[p.start..p.end])
            .collect();
        assert!(
            body.iter()
                .any(|p| p.starts_with("Thirty-nine people died")),
            "{body:?}"
        );
        assert!(
            body.contains(&"Rescuers said the search would go on."),
            "{body:?}"
        );
        // Below the article, the same prompt still starts the page's tail.
        assert!(!body.iter().any(|p| p.starts_with("Read next")), "{body:?}");
        assert!(!body.contains(&"Share this article"), "{body:?}");
    }

    #[test]
    fn lines_break_only_where_lsp_does() {
        let t = "a\r\nb\rc\nd\u{2028}e";
        let ls: Vec<&str> = lines(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(ls, vec!["a", "b", "c", "d\u{2028}e"]);
    }

    #[test]
    fn tail_after_other_news_is_boilerplate() {
        let t = "USA News\n\nNATO meets in Brussels\n\nNATO met today. It agreed.\n\nOther News\n\nSweet cheese balls: cook for 10 minutes\n";
        let d = DocStructure::of(t);
        let flags: Vec<(bool, bool)> = d
            .paragraphs
            .iter()
            .map(|p| (p.boilerplate, p.headline))
            .collect();
        assert_eq!(
            flags,
            vec![
                (true, false),
                (false, true),
                (false, false),
                (true, false),
                (true, false)
            ]
        );
        assert_eq!(d.sentences.len(), 6);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t =
            "NATO said on Monday that the\nsummit would go ahead. Next one.\nAnother paragraph.";
        let d = DocStructure::of(t);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 3);
    }
}
