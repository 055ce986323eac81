//! Offices given in a list of appointments: "Prime Minister: Davor
//! Kelava", "Finance: Goran Tomić (Civic Alliance)" (a line labelled
//! with a portfolio, in a list of such lines), and the portfolio handed
//! to someone: "The finance ministry goes to Lidija Bašić".
use super::*;

/// A line of a list: a label of one to four capitalised words, a colon,
/// and a capitalised name of two words or more.
static LABELLED_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^[ \t]*[A-Z][\p{L}\-]*(?:[ \t]+(?:[A-Z][\p{L}\-]*|and|&|of|for)){0,4}:[ \t]+\p{Lu}\p{L}+[ \t]+\p{Lu}",
    )
    .unwrap()
});

/// Words of a document that make its labelled lines a government's.
static CABINET_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:cabinet|government|ministers|ministries|portfolios)\b").unwrap()
});

/// "The finance ministry goes to", "the interior portfolio was handed
/// to": the portfolio (group 1) given to the name right after.
static GIVEN_TO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:^|[\s,;:])(?:the\s+)?((?:[a-z]+\s+){1,3}?)(?:ministry|portfolio)\s+(?:goes|went|will go|is to go|has gone|falls|fell|will fall|(?:was|is|has been|will be) (?:given|handed|allotted|allocated|assigned))\s+to\s+$",
    )
    .unwrap()
});

/// Words of a government's portfolios: a label of a list ("Finance:",
/// "Foreign Affairs:") is one only when made of them (not "Host:",
/// "Moderator:").
const PORTFOLIO_WORDS: &[&str] = &[
    "finance",
    "interior",
    "foreign",
    "affairs",
    "defence",
    "defense",
    "justice",
    "health",
    "education",
    "economy",
    "agriculture",
    "labour",
    "labor",
    "trade",
    "industry",
    "energy",
    "environment",
    "transport",
    "culture",
    "tourism",
    "sport",
    "sports",
    "science",
    "home",
    "social",
    "welfare",
    "housing",
    "construction",
    "infrastructure",
    "public",
    "works",
    "administration",
    "regional",
    "development",
    "veterans",
    "family",
    "youth",
    "women",
    "digital",
    "communications",
    "telecommunications",
    "fisheries",
    "maritime",
    "mining",
    "mines",
    "water",
    "lands",
    "security",
    "budget",
    "treasury",
    "planning",
    "investment",
    "innovation",
    "research",
    "employment",
    "european",
    "integration",
    "relations",
    "policy",
    "resources",
    "natural",
    "forestry",
    "food",
    "rural",
    "urban",
    "local",
    "government",
    "pensions",
    "technology",
    "information",
    "media",
    "immigration",
    "migration",
    "climate",
    "economic",
    "internal",
    "national",
    "citizenship",
];

/// Whether a sentence is (or holds, the splitter joining lines without a
/// full stop) a line of a list of appointments ("Finance: Goran Tomić
/// (Civic Alliance)", "Prime Minister: Davor Kelava"): a claim although
/// it has no verb. The label is a portfolio or an office.
pub fn is_labelled_office(sentence: &str) -> bool {
    sentence.lines().any(|line| {
        let Some(m) = LABELLED_LINE.find(line) else {
            return false;
        };
        let Some((label, _)) = m.as_str().split_once(':') else {
            return false;
        };
        let lw: Vec<String> = label.split_whitespace().map(|w| w.to_lowercase()).collect();
        minister_of(&lw).is_some() || lw.iter().any(|w| HEADS.contains(&w.as_str()))
    })
}

/// The minister of a portfolio written as lower-case words ("finance",
/// "foreign affairs"), if they are words of a portfolio.
fn minister_of(portfolio: &[String]) -> Option<String> {
    let ok = !portfolio.is_empty()
        && portfolio.len() <= 4
        && portfolio
            .iter()
            .all(|w| matches!(w.as_str(), "and" | "&") || PORTFOLIO_WORDS.contains(&w.as_str()))
        && !matches!(portfolio.first().map(String::as_str), Some("and" | "&"));
    if !ok {
        return None;
    }
    office_key(portfolio, "minister", &[])
}

/// The office of the line labelled right before the name starting at
/// word `i0`: "Prime Minister: Davor Kelava" (a title), "Finance: Goran
/// Tomić" (a portfolio, whose minister the person is, when the document
/// has a list of such lines and tells of a government).
pub(super) fn listed_office(inp: &FactInput, ws: &[Word], i0: usize) -> Option<Office> {
    let text = inp.text;
    let name_start = ws.get(i0)?.start;
    let line_start = text[..name_start].rfind('\n').map_or(0, |p| p + 1);
    let label = text[line_start..name_start].trim_end().strip_suffix(':')?;
    let lws = words(text, line_start, line_start + label.len());
    if lws.is_empty()
        || lws.len() > 5
        || !lws[0].text.starts_with(|c: char| c.is_uppercase())
        || text[line_start..lws[0].start].trim() != ""
    {
        return None;
    }
    // The label's words only, joined by spaces.
    if lws
        .windows(2)
        .any(|p| !text[p[0].end..p[1].start].trim().is_empty())
    {
        return None;
    }
    // A title ("Prime Minister", "Minister of Finance").
    if let Some(o) = read_office(inp, &lws) {
        let single = crate::analysis::claims::roles::is_single_holder(&o.title, &[]);
        return single.then_some(o);
    }
    // A portfolio, in a list of appointments to a government.
    let lists = LABELLED_LINE.find_iter(text).take(3).count();
    if lists < 2 || !CABINET_WORDS.is_match(text) {
        return None;
    }
    let portfolio: Vec<String> = lws.iter().map(low).collect();
    let title = minister_of(&portfolio)?;
    Some(Office {
        title,
        org: None,
        qualifier: None,
        start: lws[0].start,
        end: lws[lws.len() - 1].end,
    })
}

/// "The finance ministry goes to Lidija Bašić": the minister of the
/// portfolio given to the name starting at word `i0`.
pub(super) fn ministry_given(inp: &FactInput, ws: &[Word], i0: usize) -> Option<Office> {
    let text = inp.text;
    let name_start = ws.get(i0)?.start;
    let from = crate::analysis::claims::words::floor_boundary(
        text,
        name_start.saturating_sub(80).max(inp.start),
    );
    let before = text[from..name_start].to_lowercase();
    // (Lower-casing may change lengths: offsets are read back only when
    // it did not.)
    if before.len() != name_start - from {
        return None;
    }
    let c = GIVEN_TO.captures(&before)?;
    let g = c.get(1)?;
    let all: Vec<&str> = g.as_str().split_whitespace().collect();
    // (The match may start words earlier: "cabinet the finance".)
    let from_word = all
        .iter()
        .rposition(|w| STOP.contains(w))
        .map_or(0, |p| p + 1);
    let portfolio: Vec<String> = all[from_word..].iter().map(|w| w.to_string()).collect();
    let title = minister_of(&portfolio)?;
    Some(Office {
        title,
        org: None,
        qualifier: None,
        start: from + g.start(),
        end: from + before.trim_end().len(),
    })
}

/// "X takes over the finance ministry", "Senator X moves to the economy
/// ministry" (an aside between the name and the verb allowed): the
/// portfolio (group 1) taken by the name before.
static TAKES_OVER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:,[^,;()]{1,60},)?\s+(?:takes over|took over|will take over|is to take over|moves to|moved to|will move to|gets|got|will get|receives|received|will receive) the ((?:[a-z]+ ){1,3}?)(?:ministry|portfolio)\b",
    )
    .unwrap()
});

/// "Rodrigo Valdivieso, a respected technocrat, takes over the finance
/// ministry": the minister of the portfolio the name ending at word `i1`
/// (exclusive) takes.
pub(super) fn ministry_taken(inp: &FactInput, ws: &[Word], i1: usize) -> Option<Office> {
    let text = inp.text;
    let at = ws.get(i1.checked_sub(1)?)?.end;
    let to = crate::analysis::claims::words::floor_boundary(text, (at + 140).min(inp.end));
    let after = text[at..to].to_lowercase();
    if after.len() != to - at {
        return None;
    }
    let c = TAKES_OVER.captures(&after)?;
    let g = c.get(1)?;
    let portfolio: Vec<String> = g.as_str().split_whitespace().map(str::to_string).collect();
    let title = minister_of(&portfolio)?;
    Some(Office {
        title,
        org: None,
        qualifier: None,
        start: at + g.start(),
        end: at + c.get(0)?.end(),
    })
}
