//! US states as wire copy abbreviates them after a town ("Mesa, Ariz.",
//! "SPRINGFIELD, Ill. (AP)") and in a lawmaker's party tag ("R-Fla.",
//! "D-Ohio"). The abbreviations are too often English words ("Ill.",
//! "Wash.", "Ore.", "Miss.") to be gazetteer aliases, so they count only in
//! these two places.
use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::Candidate;
use crate::analysis::model::EntityKind;

/// The AP abbreviation of each state that has one, and the state.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala.", "Alabama"),
    ("Ariz.", "Arizona"),
    ("Ark.", "Arkansas"),
    ("Calif.", "California"),
    ("Colo.", "Colorado"),
    ("Conn.", "Connecticut"),
    ("Del.", "Delaware"),
    ("Fla.", "Florida"),
    ("Ga.", "Georgia"),
    ("Ill.", "Illinois"),
    ("Ind.", "Indiana"),
    ("Kan.", "Kansas"),
    ("Ky.", "Kentucky"),
    ("La.", "Louisiana"),
    ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"),
    ("Mo.", "Missouri"),
    ("Mont.", "Montana"),
    ("Neb.", "Nebraska"),
    ("Nev.", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("Okla.", "Oklahoma"),
    ("Ore.", "Oregon"),
    ("Pa.", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
    ("Tenn.", "Tennessee"),
    ("Vt.", "Vermont"),
    ("Va.", "Virginia"),
    ("Wash.", "Washington"),
    ("W.Va.", "West Virginia"),
    ("Wis.", "Wisconsin"),
    ("Wyo.", "Wyoming"),
];

/// States AP writes in full, found in a party tag ("R-Ohio").
const FULL_IN_TAGS: &[&str] = &[
    "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
];

static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let alts: Vec<String> = ABBREVIATIONS
        .iter()
        .map(|(a, _)| regex::escape(a))
        .chain(FULL_IN_TAGS.iter().map(|s| format!(r"{s}\b")))
        .collect();
    regex::Regex::new(&format!(r"(, |\b[RDI]-)({})", alts.join("|"))).unwrap()
});

/// Add the states written this way that no other mention covers: after a
/// comma only when a place ends right before it ("Mesa, Ariz."), after a
/// party letter always ("R-Fla.").
pub(super) fn state_abbreviations(text: &str, out: &mut Vec<Candidate>) {
    if !text.contains(", ") && !text.contains('-') {
        return;
    }
    let lx = Lexicon::get();
    let mut found = Vec::new();
    for m in RE.captures_iter(text) {
        let (lead, st) = (m.get(1).unwrap(), m.get(2).unwrap());
        let state = st.as_str();
        // "Wash." ends a word; "Ohio" in "R-Ohio" must not run on.
        if text[st.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let party_tag = lead.as_str() != ", ";
        // "Mesa, Ariz.": a place ends right before the comma; "EAST
        // RUTHERFORD, N.J. (AP)": a dateline's town in capitals.
        let after_place = !party_tag
            && !FULL_IN_TAGS.contains(&state)
            && (out
                .iter()
                .any(|c| c.end == lead.start() && c.kind == EntityKind::Location)
                || dateline_town(&text[..lead.start()]));
        if !party_tag && !after_place {
            continue;
        }
        if out.iter().any(|c| c.start < st.end() && st.start() < c.end) {
            continue;
        }
        // The dateline's town is a place too, known or not.
        if !party_tag && dateline_town(&text[..lead.start()]) {
            let line_start = text[..lead.start()].rfind('\n').map_or(0, |i| i + 1);
            let town = &text[line_start..lead.start()];
            let ts = line_start + (town.len() - town.trim_start().len());
            let te = lead.start();
            if ts < te && !out.iter().any(|c| c.start < te && ts < c.end) {
                found.push(Candidate::new(ts, te, EntityKind::Location, 0.8));
            }
        }
        let full = ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == state)
            .map_or(state, |(_, f)| *f);
        let mut c = Candidate::new(st.start(), st.end(), EntityKind::Location, 0.85);
        // The state's row, not the country Georgia nor the capital
        // Washington that share its name.
        c.gaz = lx
            .place_id_named(full)
            .filter(|&g| lx.entry(g).subkind == "state");
        found.push(c);
    }
    out.extend(found);
}

/// A line that so far holds only a town in capitals: a dateline's.
fn dateline_town(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or("").trim_start();
    line.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && line
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
}
