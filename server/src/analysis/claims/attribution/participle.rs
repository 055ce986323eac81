//! Participles of saying after a clause: "Sambur defended the decision,
//! saying the lease ...", "Boeing challenged the award, claiming ...".
//! The participle speaks for the subject of the sentence's main clause,
//! when that subject is a name.
use super::sentence::SentenceReader;
use crate::analysis::model::EntityKind;

/// Words that open a subordinate clause before the subject.
const FRONTED_SUBORDINATORS: &[&str] = &[
    "when", "after", "as", "while", "although", "though", "if", "because", "since", "before",
    "once", "until", "whereas",
];

/// Participles of saying that follow a clause ("..., saying", "...,
/// adding that").
const SAYING_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "warning",
    "claiming",
    "insisting",
    "stressing",
    "explaining",
];

impl SentenceReader<'_> {
    /// Reads a participle of saying at word `i` after a comma; true when
    /// word `i` is one (whether or not a subject was found).
    pub(super) fn participle_cue(&mut self, i: usize) -> bool {
        let (text, ws, lw) = (self.cx.text, self.ws, self.lw);
        let participle = SAYING_PARTICIPLES.contains(&lw[i].as_str())
            && i > 0
            && text[ws[i - 1].end..ws[i].start].contains(',')
            && i + 1 < ws.len();
        if !participle {
            return false;
        }
        if self.subject_after_fronted_clause(i) || self.opening_subject(i, false, 12) {
            self.mark_cue(ws[i].start, ws[i].end);
        }
        true
    }

    /// "When the Air Force selected Northrop, Boeing challenged the
    /// award, claiming ...": after a fronted subordinate clause the
    /// subject is the name that follows its comma. True when the sentence
    /// opens with such a clause (whether or not a source was found: the
    /// name inside the clause is not the subject).
    fn subject_after_fronted_clause(&mut self, i: usize) -> bool {
        let (cx, text, ws, lw) = (self.cx, self.cx.text, self.ws, self.lw);
        if !lw
            .first()
            .is_some_and(|w| FRONTED_SUBORDINATORS.contains(&w.as_str()))
        {
            return false;
        }
        let Some(comma) = text[ws[0].end..ws[i].start]
            .find(',')
            .map(|k| ws[0].end + k + 1)
        else {
            return true;
        };
        let subject = cx.mentions_in(comma, ws[i].start).next().filter(|m| {
            matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                && text[comma..m.start].split_whitespace().count() <= 2
                && !text[comma..m.start].contains(',')
        });
        if let Some(m) = subject {
            let between = text[m.end..ws[i].start].to_ascii_lowercase();
            let same_clause = !between.split(|c: char| !c.is_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "who" | "which" | "that" | "but" | "when" | "after" | "and"
                )
            });
            if same_clause {
                self.push_source(m.start, m.end, false, 12);
            }
        }
        true
    }
}
