//! Where a source phrase starts and ends: the span a cue points at ("said
//! the agency's authors from the scene on Friday") carries words that are
//! no part of who speaks. Trimmed here, before [`super::sources`] decides
//! whether what is left names someone.
use super::cues::PREPOSITIONS;
use super::sources::Context;
use crate::analysis::model::EntityKind;

impl Context<'_> {
    /// The byte range of the source phrase within `a..b`, or None when
    /// nothing is left of it.
    pub(super) fn source_phrase(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut phrase = self.text[a..b].trim_matches(|c: char| !c.is_alphanumeric());
        // "The study 's authors" in tokenised text: a phrase cut after the
        // apostrophe does not start with its "s".
        if self.text[..a].trim_end().ends_with(['\'', '’']) {
            if let Some(rest) = phrase.strip_prefix("s ") {
                phrase = rest.trim_start();
            }
        }
        // "reports from (the scene)": a preposition the phrase was cut
        // after is no part of it.
        while let Some((head, last)) = phrase.rsplit_once(' ') {
            if PREPOSITIONS.contains(&last.to_lowercase().as_str()) {
                phrase = head.trim_end_matches(|c: char| !c.is_alphanumeric());
            } else {
                break;
            }
        }
        // "Posts on the message board from Friday": a date after the
        // source says when, and is no part of who.
        if let Some(d) = self
            .mentions_in(a, b)
            .filter(|m| m.kind == EntityKind::Date)
            .last()
        {
            let base = a + self.text[a..b].find(phrase).unwrap_or(0);
            if d.end >= base + phrase.len() && d.start > base {
                let head = self.text[base..d.start].trim_end();
                let head = head
                    .rsplit_once(' ')
                    .filter(|(_, last)| {
                        matches!(
                            last.to_lowercase().as_str(),
                            "from" | "on" | "in" | "since" | "last" | "this" | "of"
                        )
                    })
                    .map_or(head, |(h, _)| h);
                phrase = head.trim_end_matches(|c: char| !c.is_alphanumeric());
            }
        }
        if phrase.is_empty() {
            return None;
        }
        let off = a + self.text[a..b].find(phrase).unwrap_or(0);
        Some((off, off + phrase.len()))
    }
}
