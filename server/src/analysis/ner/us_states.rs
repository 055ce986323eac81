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

/// The two-letter postal codes of the states (and the capital district)
/// with the state each stands for, as an address or a web writer puts
/// them after a town ("Lawrence, KS", "Baltimore,MD 21202").
const POSTAL: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

/// Codes that are also a title, a degree or an ordinary word written in
/// capitals ("Jane Roe, MD", "Acme, CO", "IN", "OR", "ME"): a state only
/// after a known place, never after a word no list knows.
const AMBIGUOUS_POSTAL: &[&str] = &["MD", "CO", "IN", "OR", "ME", "OK", "HI", "PA", "MS", "DE"];

static POSTAL_RE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r",\s?([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?(?:[\s.,;:)!?]|$)").unwrap()
});

/// "Lawrence, KS", "Chillicothe, OH area", "Baltimore,MD 21202": a
/// state's postal code after a town's name is the state, and the town
/// before it, known or not, is a place. The code counts only there: alone
/// it is too often something else ("LA", "IN").
pub(super) fn postal_codes(text: &str, out: &mut Vec<Candidate>) {
    if !text.contains(',') {
        return;
    }
    let lx = Lexicon::get();
    let mut found = Vec::new();
    for m in POSTAL_RE.captures_iter(text) {
        let (comma, code) = (m.get(0).unwrap().start(), m.get(1).unwrap());
        let Some(&(_, full)) = POSTAL.iter().find(|(c, _)| *c == code.as_str()) else {
            continue;
        };
        if out
            .iter()
            .any(|c| c.start < code.end() && code.start() < c.end)
        {
            continue;
        }
        let place_before = out
            .iter()
            .any(|c| c.end == comma && c.kind == EntityKind::Location);
        if !place_before {
            // A town no list knows: one to three capitalised words right
            // before the comma, opening no sentence, that nothing covers.
            if AMBIGUOUS_POSTAL.contains(&code.as_str()) {
                continue;
            }
            let Some(town) = town_before(text, comma) else {
                continue;
            };
            if out.iter().any(|c| c.start < comma && town < c.end) {
                continue;
            }
            found.push(Candidate::new(town, comma, EntityKind::Location, 0.7));
        }
        let mut c = Candidate::new(code.start(), code.end(), EntityKind::Location, 0.8);
        c.gaz = lx
            .place_id_named(full)
            .filter(|&g| lx.entry(g).subkind == "state");
        found.push(c);
    }
    out.extend(found);
}

/// Start of a run of one to three capitalised words ending at `end`,
/// after a lower-case word ("in Chillicothe", "near Round Rock").
fn town_before(text: &str, end: usize) -> Option<usize> {
    let mut start = end;
    let mut words = 0;
    loop {
        let seg = &text[..start];
        let ws = seg.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let w = &seg[ws..];
        if !w.starts_with(char::is_uppercase) || !w.chars().all(|c| c.is_alphabetic() || c == '.') {
            break;
        }
        if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
            return None; // "NEW YORK, NY": a dateline the other rule reads
        }
        start = ws;
        words += 1;
        if words > 3 {
            return None;
        }
        if ws == 0 || !text[..ws].ends_with(' ') {
            break;
        }
        start = ws - 1;
        if !text[..start].ends_with(|c: char| c.is_uppercase() || c.is_lowercase() || c == '.') {
            start = ws;
            break;
        }
        // Look at the word before: only capitalised words join the town.
        let prev_ws = text[..start]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        if !text[prev_ws..start].starts_with(char::is_uppercase) {
            start = ws;
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let prev = text[..start].trim_end();
    prev.ends_with(|c: char| c.is_lowercase()).then_some(start)
}

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
