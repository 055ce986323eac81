//! Which sentences can be claims at all, read from their shape: a line
//! with no finite verb (a photo caption, a credit, a name with its title)
//! asserts nothing, and a sentence inside a quotation that an earlier
//! sentence opened is quoted speech even though it shows no quotation mark
//! of its own.
use crate::analysis::syntax::{labels::Rel, Parse, Upos};

/// Does the sentence hold a verb? A caption ("The vessel on the Solent on
/// February 8, 2010."), a credit or a name with its title ("John Cornyn,
/// U.S. Senator (R-Texas)") has none. The tagger misreads some verbs of
/// real sentences as nouns ("The company employs 4,800 people", "one dose
/// cut the risk"), and a claim wrongly dropped costs more than a caption
/// wrongly kept, so a sentence counts as verbless only when nothing in it
/// can be a verb: no verb or auxiliary tag (a participle describing a
/// noun aside), no subject relation, no word shaped like a past tense and
/// no common irregular verb form.
pub(super) fn has_finite_verb(p: &Parse, sentence: &str) -> bool {
    let tagged = p.tokens.iter().any(|t| {
        matches!(t.upos, Upos::Verb | Upos::Aux)
            && !(matches!(t.xpos.as_str(), "VBG" | "VBN")
                && matches!(t.deprel.rel, Rel::Amod | Rel::Acl | Rel::Compound))
    });
    let subject = p.tokens.iter().any(|t| t.deprel.is_subject());
    // Words in brackets say where someone stands in a photo ("(left)").
    let mut depth = 0usize;
    let outside: String = sentence
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 {
                ' '
            } else {
                c
            }
        })
        .collect();
    let shaped = outside
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .any(|w| (w.len() > 3 && w.ends_with("ed")) || IRREGULAR.contains(&w));
    tagged || subject || shaped
}

/// Irregular verb forms common in news, which no ending gives away.
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "shall", "should", "does", "did", "cut", "put", "set", "hit", "let",
    "quit", "cost", "costs", "hurt", "shut", "spread", "rose", "fell", "won", "lost", "made",
    "took", "gave", "came", "went", "saw", "said", "says", "told", "began", "ran", "met",
    "left", "held", "led", "paid", "sold", "bought", "kept", "found", "brought", "built",
    "sent", "spent", "struck", "stood", "grew", "drew", "threw", "flew", "fled", "fought",
    "caught", "sought", "thought", "wrote", "broke", "chose", "spoke", "stole", "drove",
    "shot", "beat", "bid", "burst", "split", "read", "fed", "sank", "sunk", "swept", "slid",
    "became", "knew", "got", "lay", "hung", "dug", "bore", "tore", "wore",
    "leads", "wins", "plans", "visits", "employs", "works", "work", "live", "lives", "runs",
];

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

/// What a quotation mark does.
enum Mark {
    Open,
    Close,
    /// A straight mark: opens or closes.
    Toggle,
    None,
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
            let mark = match c {
                // A “ that ends the sentence closes it (a common typo).
                '“' if open && sentence[at + c.len_utf8()..].trim().is_empty() => Mark::Close,
                '“' | '«' | '„' => Mark::Open,
                '”' | '»' => Mark::Close,
                '"' => Mark::Toggle,
                // `` and '' in typeset and tokenised text.
                '`' if next == Some('`') => {
                    chars.next();
                    Mark::Open
                }
                '\'' if next == Some('\'') && prev != Some('\'') => {
                    chars.next();
                    Mark::Close
                }
                _ => Mark::None,
            };
            match mark {
                Mark::Open | Mark::Toggle if std::mem::take(&mut skip_first) => {}
                Mark::Open => open = true,
                Mark::Toggle => open = !open,
                Mark::Close => open = false,
                Mark::None => {}
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
            has_finite_verb(&p, s)
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
        // Verbs the tagger takes for nouns.
        assert!(finite("The company employs 4,800 people worldwide."));
        assert!(finite(
            "In that trial, one dose cut the risk of disease by 83.7%."
        ));
    }
}
