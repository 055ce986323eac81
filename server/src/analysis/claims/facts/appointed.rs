//! Appointments: "<Name> was sworn in as", "parliament approved <Name>
//! as", and the country whose parliament or government chooses; and
//! dismissals: "the club sacked manager <Name>".
use super::*;

/// "<Name> was sworn in as", "has been appointed", "became".
pub(super) static SWORN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^,?\s+(?:(?:was |has been |had been |is |were )?(?:sworn in|appointed|named|elected|confirmed|installed|became|becomes|took office)(?: as)?|who (?:has |had )?(?:replaced|replaces|succeeded|succeeds) [^,;()]{1,40}? as)\s+",
    )
    .unwrap()
});

/// "parliament approved <Name> as", "appointed <Name> as".
static CHOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:approved|appointed|named|confirmed|elected|installed|chose)\s")
        .unwrap()
});

/// Words that end what may stand between a choosing verb and the name.
const NOT_DESCRIBING: &[&str] = &[
    "on", "in", "at", "by", "to", "for", "of", "from", "with", "that", "who", "but", "as", "after",
    "before", "said", "says",
];

/// Whether `before` (lower case, up to the name) ends in a choosing verb,
/// perhaps with a short description of the person between ("approved
/// surgeon Dr", "named former banker").
pub(super) fn chosen(before: &str) -> bool {
    CHOSE.find_iter(before).last().is_some_and(|m| {
        let between: Vec<&str> = before[m.end()..].split_whitespace().collect();
        between.len() <= 4
            && between.first().is_none_or(|w| *w != "and")
            && between.iter().all(|w| {
                !NOT_DESCRIBING.contains(w)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
            })
    })
}

/// An apposition between the name and "as": ", a 44-year-old energy
/// economist, as ", ", head of its corporate banking division, as ".
pub(super) static APPOSITION_AS: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^,\s+(?:(?:a|an|the)\s)?[^,;()]{1,60},\s+as\s+").unwrap()
    });

/// The country whose parliament or government appoints in the sentence
/// before `at`: "Croatia's parliament on Thursday confirmed X as economy
/// minister" makes X Croatia's minister.
pub(super) fn chooser_country(inp: &FactInput, at: usize) -> Option<String> {
    let (text, doc) = (inp.text, inp.doc);
    mentions_in(doc, inp.start, at).into_iter().find_map(|k| {
        let m = &doc.mentions[k as usize];
        if m.kind != EntityKind::Location {
            return None;
        }
        let rest = text[m.end..at].to_ascii_lowercase().replace('’', "'");
        let chooser = [
            "'s parliament",
            "'s government",
            "'s president",
            "'s prime minister",
            "'s senate",
            "'s cabinet",
            "'s national assembly",
        ]
        .iter()
        .any(|c| rest.starts_with(c));
        let name = m.text(text);
        let country = crate::analysis::claims::resolve::country_of_name(name)?;
        (chooser
            && crate::analysis::text::fold::ascii_key(&country)
                == crate::analysis::text::fold::ascii_key(name))
        .then_some(country)
    })
}

/// A verb of dismissal right before an office ("have sacked manager",
/// "fired its chief executive", "parted company with head coach").
static DISMISSED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:sacked|sacks|sack|fired|fires|dismissed|dismisses|ousted|ousts|axed|axes|removed|replaced|replaces|suspended|parted (?:company|ways) with|sacking|firing|dismissal of|ouster of|removal of)\s+(?:(?:its|their|the|his|her)\s+)?$",
    )
    .unwrap()
});

/// Whether the sentence from `from` up to `at` ends in a verb of
/// dismissal (only the last 60 bytes are read).
pub(super) fn dismissed_before(text: &str, from: usize, at: usize) -> bool {
    let start =
        crate::analysis::claims::words::floor_boundary(text, at.saturating_sub(60).max(from));
    DISMISSED.is_match(&text[start..at])
}
