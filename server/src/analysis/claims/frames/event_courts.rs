//! The court that gave a sentence or a ruling, named by its town: "The
//! Brasov Court of Appeal sentenced", "the Cluj Tribunal found him
//! guilty", "the Court of Appeal of Iasi". Which court ruled is where the
//! ruling was given: the town in its name is the event's place, as "a
//! court in Cluj" says in words.
use crate::analysis::claims::frames::lexicon::EventKind;
use crate::analysis::text::fold::ascii_key;

/// Words that make a name a court's.
const COURT_WORDS: &[&str] = &["court", "tribunal"];

/// Words of a court's name that say which kind of court it is, not where.
const COURT_KINDS: &[&str] = &[
    "the",
    "of",
    "for",
    "court",
    "courts",
    "tribunal",
    "appeal",
    "appeals",
    "district",
    "high",
    "supreme",
    "regional",
    "county",
    "city",
    "municipal",
    "criminal",
    "civil",
    "administrative",
    "superior",
    "magistrates",
    "magistrate's",
    "magistrates'",
    "crown",
    "federal",
    "constitutional",
    "military",
    "commercial",
    "juvenile",
    "provincial",
    "state",
    "first",
    "instance",
    "justice",
    "local",
    "and",
];

/// Whether an event of `kind` is given by a court.
pub(super) fn court_event(kind: EventKind) -> bool {
    matches!(kind, EventKind::Sentencing | EventKind::Ruling)
}

/// The town a court's name holds, by the gazetteer's name folded: the
/// words of the name that say no kind of court, together, when the
/// gazetteer knows them as a city. `None` for a name that is no court's
/// or names no town ("the Supreme Court", "the Court of Appeal").
pub(crate) fn court_town(name: &str) -> Option<String> {
    let low = ascii_key(name);
    let words: Vec<&str> = low.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if !words.iter().any(|w| COURT_WORDS.contains(w)) {
        return None;
    }
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !COURT_KINDS.contains(w))
        .collect();
    if rest.is_empty() || rest.len() > 3 {
        return None;
    }
    let town = rest.join(" ");
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let place = lx.place_named(&town)?;
    (place.subkind == "city" && !place.country.is_empty() && place.country != "-")
        .then(|| ascii_key(&place.name))
}

#[cfg(test)]
mod tests {
    use super::court_town;

    #[test]
    fn a_courts_name_gives_its_town() {
        assert_eq!(
            court_town("Bucharest Court of Appeal").as_deref(),
            Some("bucharest")
        );
        assert_eq!(
            court_town("the Court of Appeal of Bucharest").as_deref(),
            Some("bucharest")
        );
        assert_eq!(court_town("Supreme Court"), None);
        assert_eq!(court_town("Bucharest City Hall"), None);
    }
}
