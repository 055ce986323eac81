//! Seats written without the organisation's name: "The ship's operator,
//! which is based in Bremen", "The team, which is based in Antwerp", "At
//! the firm's headquarters in Augsburg-Lechhausen": the organisation the
//! file describes with that noun ("operated by Elbe Reederei", "the
//! owner, Elbe Reederei,"), else, for a company or a team, the one the
//! file names most. And "still headquartered in the city": the city the
//! sentence named before.
use super::*;

/// A description standing for an organisation before a locating verb:
/// "the ship's operator, which is", "the team, which is", "at the firm's",
/// "The carrier is" (group 1: the noun).
static DESCRIPTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:at |from |outside |inside )?the (?:[a-z]+'s )?([a-z]+)(?:'s|(?:,| ,)? (?:which|that) (?:is|was|has its|has their|is still)|,| is| was| is still| remains)?$",
    )
    .unwrap()
});

/// Nouns a report describes an organisation with, and the verb whose
/// agent it is ("operated by X" for the operator).
const DESCRIBING: &[(&str, &[&str])] = &[
    ("operator", &["operated", "run"]),
    ("owner", &["owned"]),
    ("landlord", &["owned", "managed"]),
    ("company", &[]),
    ("firm", &[]),
    ("group", &[]),
    ("business", &[]),
    ("carrier", &["operated"]),
    ("airline", &["operated"]),
    ("haulier", &[]),
    ("team", &[]),
    ("club", &[]),
    ("association", &[]),
];

/// Nouns for which the organisation the file names most is the one
/// described, when nothing ties the noun to a name: the file's company
/// or team.
const THE_FILES: &[&str] = &["company", "firm", "group", "business", "team", "club"];

/// The organisation the description before the verb at `va` stands for.
pub(super) fn described_subject(inp: &FactInput, va: usize) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let before = text[inp.start..va]
        .trim()
        .to_ascii_lowercase()
        .replace('’', "'");
    let noun = DESCRIPTION.captures(&before)?.get(1)?.as_str().to_string();
    // ("The airline, which is based in Porto", "The carrier is
    // headquartered in": another noun of a body, when it fits the name
    // of the organisation the file names most.)
    let fitting = || {
        let main = main_organisation(doc)?;
        crate::analysis::claims::roles::noun_fits_name(
            &noun,
            doc.mentions[main as usize].text(text),
        )
        .then_some(main)
    };
    let Some((_, verbs)) = DESCRIBING.iter().find(|(n, _)| *n == noun) else {
        return crate::analysis::claims::roles::is_body_noun(&noun)
            .then(fitting)
            .flatten();
    };
    tied_to_noun(doc, text, &noun, verbs).or_else(|| {
        if THE_FILES.contains(&noun.as_str()) {
            main_organisation(doc)
        } else if crate::analysis::claims::roles::is_body_noun(&noun) {
            fitting()
        } else {
            None
        }
    })
}

/// The one organisation the document writes with the noun: "operated by
/// (Hamburg-based) X", "the owner, X,", "housing association X", "X, the
/// Rotterdam-based landlord". None for none or two.
fn tied_to_noun(doc: &DocAnalysis, text: &str, noun: &str, verbs: &[&str]) -> Option<u32> {
    let local = |k: usize| {
        doc.locals
            .iter()
            .position(|l| l.mentions.contains(&(k as u32)))
    };
    let mut found: Option<(usize, u32)> = None;
    for (k, m) in doc.mentions.iter().enumerate() {
        if !matches!(m.kind, EntityKind::Organization | EntityKind::Person) {
            continue;
        }
        let from = crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(40));
        let before = text[from..m.start].to_lowercase().replace('’', "'");
        let to = crate::analysis::claims::words::floor_boundary(text, (m.end + 50).min(text.len()));
        let after = text[m.end..to].to_lowercase();
        let mut bw: Vec<&str> = before.split_whitespace().collect();
        // ("operated by Hamburg-based X": the place's adjective aside.)
        if bw.last().is_some_and(|w| w.ends_with("-based")) {
            bw.pop();
        }
        let n = bw.len();
        let by_verb = n >= 2
            && (bw[n - 1] == "by" && verbs.contains(&bw[n - 2])
                || n >= 3 && bw[n - 1] == "the" && bw[n - 2] == "by" && verbs.contains(&bw[n - 3]));
        let last = bw.last().map(|w| w.trim_end_matches(','));
        let noun_before = last == Some(noun);
        // ", the Rotterdam-based landlord", ", its operator".
        let noun_after = after.starts_with(", ")
            && after[2..].split([',', '.', ';']).next().is_some_and(|p| {
                let ws: Vec<&str> = p.split_whitespace().collect();
                ws.len() <= 4
                    && matches!(ws.first(), Some(&("the" | "its" | "their" | "a" | "an")))
                    && ws.last() == Some(&noun)
            });
        if !(by_verb || noun_before || noun_after) {
            continue;
        }
        let Some(l) = local(k) else { continue };
        match found {
            None => found = Some((l, doc.locals[l].defining)),
            Some((f, _)) if f == l => {}
            Some(_) => return None,
        }
    }
    found.map(|(_, m)| m)
}

/// "... founded in 1964 in Vigo and still headquartered in the city": the
/// last place the sentence names before the verb at `va`, when the words
/// after it (from `vb`) are "the city" or "the town".
pub(super) fn the_city_before(inp: &FactInput, ms: &[u32], va: usize, vb: usize) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let after = text[vb..inp.end].trim_start().to_ascii_lowercase();
    if !["the city", "the town"].iter().any(|w| {
        after
            .strip_prefix(w)
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    }) {
        return None;
    }
    ms.iter().rev().copied().find(|&x| {
        let m = &doc.mentions[x as usize];
        m.end <= va
            && m.kind == EntityKind::Location
            && crate::analysis::claims::resolve::place_kind_of_name(m.text(text)).as_deref()
                == Some("city")
    })
}

/// "The Porto-based airline said", "The Lyon-headquartered drugmaker":
/// a description with "the" and a noun of a body, followed by no name,
/// stands for the organisation the file names most, when the noun fits
/// it (see [`roles::noun_fits_name`]) and it is the organisation named
/// last before the description (what "the airline" refers to). `after`
/// is the text right after "-based".
pub(super) fn the_based_body(inp: &FactInput, place: &Mention, after: &str) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let before = text[inp.start..place.start].trim_end();
    let last = before.rsplit(|c: char| c.is_whitespace()).next()?;
    if !matches!(last, "the" | "The") {
        return None;
    }
    let noun = after
        .split_whitespace()
        .next()?
        .trim_end_matches([',', '.', ';', ':'])
        .to_string();
    if noun.chars().any(|c| !c.is_ascii_lowercase() && c != '-')
        || !crate::analysis::claims::roles::is_body_noun(&noun)
    {
        return None;
    }
    // ("The Lisbon-based carrier TAP": the name after it, another's.)
    let next = after.split_whitespace().nth(1).unwrap_or("");
    if next.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let main = main_organisation(doc)?;
    let name = doc.mentions[main as usize].text(text);
    if !crate::analysis::claims::roles::noun_fits_name(&noun, name) {
        return None;
    }
    let first = |s: &str| {
        s.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches("'s")
            .to_lowercase()
    };
    let last_named = doc
        .mentions
        .iter()
        .enumerate()
        .rfind(|(k, m)| {
            m.kind == EntityKind::Organization
                && m.end <= place.start
                && !in_spans(doc, *k as u32, inp.exclude)
                && !super::bracketed(text, m)
        })
        .map(|(_, m)| first(m.text(text)))?;
    (last_named == first(name)).then_some(main)
}
