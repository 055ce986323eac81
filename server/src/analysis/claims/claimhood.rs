//! Which sentences can be claims at all, read from their shape: a line
//! with no finite verb (a photo caption, a credit, a name with its title)
//! asserts nothing, and a sentence inside a quotation that an earlier
//! sentence opened is quoted speech even though it shows no quotation mark
//! of its own.
use crate::analysis::syntax::{Parse, Upos};

/// Does the parse hold a finite verb? A caption ("The vessel on the Solent
/// on February 8, 2010."), a credit or a name with its title ("John
/// Cornyn, U.S. Senator (R-Texas)") has none. A past participle counts as
/// one: the tagger gives "VBN" to some past tenses it misreads ("A ferry
/// capsized on Monday"), and a line wrongly kept is better than a claim
/// wrongly dropped.
pub(super) fn has_finite_verb(p: &Parse) -> bool {
    p.tokens.iter().any(|t| {
        let finite = matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD" | "VBN");
        finite && matches!(t.upos, Upos::Verb | Upos::Aux)
    })
}

/// Tracks quotation marks from sentence to sentence, so that a sentence
/// that starts inside a quotation opened before it is known as quoted
/// speech ("... said, "I think we learned a lot." | "We could have scored
/// twice." ...").
///
/// Typeset news repeats the opening mark at each paragraph a quotation
/// runs on to; a paragraph after a blank line that does not reopen the
/// quotation ends it. A quotation left open (an unbalanced mark) lasts a
/// few sentences at most.
#[derive(Default)]
pub(super) struct QuoteTracker {
    open: bool,
    /// Sentences read since the quotation opened.
    age: usize,
}

/// Sentences a quotation may run on without a closing mark.
const MAX_QUOTED_SENTENCES: usize = 8;

impl QuoteTracker {
    /// Reads one sentence; returns whether it starts inside a quotation
    /// opened by an earlier sentence. `new_block` tells that a blank line
    /// separates it from the sentence before.
    pub(super) fn read(&mut self, sentence: &str, new_block: bool) -> bool {
        let trimmed = sentence.trim_start();
        let reopens = trimmed.starts_with(['"', '“', '«']) || trimmed.starts_with("``");
        if self.open && new_block && !reopens {
            self.open = false;
        }
        if self.open && self.age >= MAX_QUOTED_SENTENCES {
            self.open = false;
        }
        let inside = self.open;
        // A paragraph that reopens a running quotation: its first mark is
        // the repeated opening, not a close.
        let mut skip_first = inside && new_block && reopens;
        let mut open = self.open;
        let mut prev: Option<char> = None;
        let mut chars = sentence.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                // A “ that ends the sentence closes it (a common typo).
                '“' if open && sentence[at + c.len_utf8()..].trim().is_empty() => open = false,
                '“' | '«' | '„' => {
                    if !std::mem::take(&mut skip_first) {
                        open = true;
                    }
                }
                '”' | '»' => open = false,
                '"' => {
                    if !std::mem::take(&mut skip_first) {
                        open = !open;
                    }
                }
                // `` and '' in typeset and tokenised text.
                '`' if next == Some('`') => {
                    chars.next();
                    if !std::mem::take(&mut skip_first) {
                        open = true;
                    }
                }
                '\'' if next == Some('\'') && prev != Some('\'') => {
                    chars.next();
                    open = false;
                }
                _ => {}
            }
            prev = Some(c);
        }
        if open && !self.open {
            self.age = 0;
        } else if open {
            self.age += 1;
        }
        self.open = open;
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_inside_a_running_quotation_is_quoted() {
        let mut q = QuoteTracker::default();
        assert!(!q.read(
            "After the match, the coach said, \"I think we learned a lot.",
            false
        ));
        assert!(q.read("We could have scored two goals early.\"", false));
        assert!(!q.read("The match ended 2-1.", false));
        // Balanced quotations leave nothing open.
        assert!(!q.read("\"We won,\" he said.", false));
        assert!(!q.read("Sweden won 1-0.", false));
        // A left mark that ends a quotation closes it.
        assert!(!q.read("She added, \"There is no question.", false));
        assert!(q.read("It was a misguided decision. “", false));
        assert!(!q.read("The centre will get two seats.", false));
    }

    #[test]
    fn a_blank_line_without_a_reopening_mark_ends_the_quotation() {
        let mut q = QuoteTracker::default();
        assert!(!q.read("She said: \"The plan failed.", false));
        assert!(!q.read("Officials met on Monday.", true));
        // Typeset style: each paragraph of the quotation reopens it.
        let mut q = QuoteTracker::default();
        assert!(!q.read("\"The plan failed.", false));
        assert!(q.read("\"Nobody knew why,\" she said.", true));
        assert!(!q.read("Officials met on Monday.", true));
    }

    #[test]
    fn an_unclosed_mark_does_not_run_forever() {
        let mut q = QuoteTracker::default();
        q.read("He said \"no.", false);
        let quoted = (0..20)
            .filter(|_| q.read("Prices rose 5 percent.", false))
            .count();
        assert_eq!(quoted, MAX_QUOTED_SENTENCES);
    }

    #[test]
    fn verbless_lines_have_no_finite_verb() {
        let Ok(_) = crate::analysis::syntax::model_or_error() else {
            panic!("the parser weights are built in");
        };
        let finite = |s: &str| {
            let p = crate::analysis::syntax::parse(s, 0, s.len()).expect("parses");
            has_finite_verb(&p)
        };
        assert!(!finite("John Cornyn, U.S. Senator (R-Texas)"));
        assert!(!finite(
            "The Border Force vessel HMC Searcher on The Solent on February 8, 2010."
        ));
        assert!(!finite(
            "Braverman (left) and Sunak (right) on October 25, 2022."
        ));
        assert!(finite("Thirty-nine people died."));
        assert!(finite("The deal may close in April."));
        assert!(finite("Sweden beat South Korea 1-0 on Monday."));
    }
}
