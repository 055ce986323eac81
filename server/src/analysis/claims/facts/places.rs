//! Where an organisation or event is: locating verbs ("headquartered in"),
//! and "P-based" descriptions.
use super::*;
use crate::analysis::text::fold::ascii_key;

const LOCATING: &[&str] = &[
    "headquartered in",
    "headquarters in",
    "headquarters are in",
    "headquarters is in",
    "based in",
    // A company's seat in other words ("has its head office in Vigo").
    "head office in",
    "head office is in",
    "head offices in",
    "head offices are in",
    "registered office in",
    "located in",
    "situated in",
    "seated in",
    "stationed in",
    "held in",
    "take place in",
    "takes place in",
    "took place in",
];

/// Parts of an organisation that have a place of their own.
const PLACED_HEADS: &[&str] = &[
    "headquarters",
    "mission",
    "office",
    "offices",
    "base",
    "command",
    "secretariat",
    "embassy",
    "representation",
    "center",
    "centre",
    "hub",
    "unit",
    "summit",
    "meeting",
    "conference",
];

/// Words that end a chain of places after a locating verb.
const PLACE_GAP_STOPS: &[&str] = &[
    "on", "under", "by", "for", "with", "from", "to", "at", "during", "after", "before", "which",
    "who", "that", "and", "but", "while", "since", "until",
];

pub(super) fn locations(inp: &FactInput, out: &mut Vec<Fact>) {
    moved_seat(inp, out);
    let (text, doc) = (inp.text, inp.doc);
    let low = text[inp.start..inp.end].to_ascii_lowercase();
    let ms = mentions_in(doc, inp.start, inp.end);
    for pat in LOCATING {
        let Some(p) = crate::analysis::claims::words::has_phrase(&low, pat) else {
            continue;
        };
        let va = inp.start + p;
        let vb = va + pat.len();
        // Places: location mentions right after the verb, chained by
        // commas or "in" ("Clay, an American base in Wiesbaden, Germany").
        let end = text[vb..inp.end]
            .find([';', '.', '('])
            .map(|e| vb + e)
            .unwrap_or(inp.end);
        let mut places: Vec<u32> = Vec::new();
        let mut last = vb;
        for &x in &ms {
            let m = &doc.mentions[x as usize];
            if m.start < vb || m.end > end {
                continue;
            }
            let gap = text[last..m.start].to_lowercase();
            if words(&gap, 0, gap.len())
                .iter()
                .any(|w| PLACE_GAP_STOPS.contains(&w.text))
                || gap.split_whitespace().count() > 6
            {
                break;
            }
            if is_place(m, text) {
                places.push(x);
            }
            last = m.end;
        }
        // "founded in Vigo ... and still headquartered in the city": the
        // city named before it in the sentence.
        if places.is_empty() {
            places.extend(described::the_city_before(inp, &ms, va, vb));
        }
        if places.is_empty() {
            continue;
        }
        // Subject: the first organisation in the sentence before the verb
        // that is not the source of the report ("Citing Reuters, ...").
        // (Not a wire's credit in brackets: "MINNEAPOLIS (AP) — ...".)
        let subject = ms.iter().copied().find(|&x| {
            let m = &doc.mentions[x as usize];
            matches!(m.kind, EntityKind::Organization | EntityKind::Person)
                && m.end <= va
                && !in_spans(doc, x, inp.exclude)
                && !bracketed(text, m)
        });
        // Or the name the phrase is set after ("Jadran Plin, based in
        // Rijeka, has said ...", "X, whose headquarters are in P"), the
        // source of the report or not: the seat of that organisation.
        // ("X says it is headquartered in P": the source speaking of
        // itself.)
        let relative = |gap: &str| {
            let says = gap.strip_prefix(',').map_or(gap, str::trim_start);
            says.starts_with("says it ") && matches!(says, "says it is" | "says it remains")
                || says.starts_with("said it ") && matches!(says, "said it is" | "said it was")
                || matches!(
                    gap,
                    "," | ", which is"
                        | ", which was"
                        | ", whose"
                        | ", which has its"
                        | ", which has their"
                        | ", which had its"
                        | ", which is still"
                        | "says it is"
                        | "said it is"
                        | "says it was"
                        | "said it was"
                        | "says it remains"
                        | "said it remains"
                        | "is still"
                        | "is"
                        | "was"
                        | "has its"
                        | "has their"
                        | "remains"
                )
        };
        let appositive = ms.iter().rev().copied().find(|&x| {
            let m = &doc.mentions[x as usize];
            matches!(m.kind, EntityKind::Organization | EntityKind::Person) && m.end <= va && {
                let gap = text[m.end..va].trim().to_ascii_lowercase();
                // "the Almenar group, which has its headquarters in":
                // a common noun may follow the name it heads.
                relative(&gap)
                    || gap.split_once(',').is_some_and(|(noun, rest)| {
                        noun.split_whitespace().count() <= 2
                            && noun.chars().all(|c| c.is_ascii_lowercase() || c == ' ')
                            && relative(&format!(",{rest}"))
                    })
            }
        });
        // A relative clause ("..., which has its headquarters in P")
        // places the noun right before it: when that is no name, nothing
        // says whose seat it is, and the sentence's first name is not it
        // ("Lindoso's stores will be integrated into the Almenar group,
        // which has its headquarters in Alcalá" places the group).
        let after_relative = {
            let before = text[inp.start..va].trim_end().to_ascii_lowercase();
            [
                ", which has its",
                ", which has their",
                ", which had its",
                ", whose",
                ", which is",
                ", which was",
            ]
            .iter()
            .any(|r| before.ends_with(r))
        };
        // The name the phrase is set after is the one it places, before
        // any other the sentence opens with.
        // "The company, based in San Jose, said": the company the file
        // names most.
        // ("The drugmaker, headquartered in Lyon, said": another noun of
        // a business, when it fits the name of the file's organisation.)
        let the_company = || {
            let before = text[inp.start..va].trim().to_ascii_lowercase();
            let noun = before.strip_prefix("the ")?.strip_suffix(',')?;
            if ["company", "firm", "group", "bank", "lender"].contains(&noun) {
                return main_organisation(doc);
            }
            let main = main_organisation(doc)?;
            (crate::analysis::claims::roles::is_body_noun(noun)
                && crate::analysis::claims::roles::noun_fits_name(
                    noun,
                    doc.mentions[main as usize].text(text),
                ))
            .then_some(main)
        };
        // "The ship's operator, which is based in Bremen", "At the firm's
        // headquarters in": the organisation the file describes so.
        let described = || described::described_subject(inp, va);
        let Some(subject) = appositive
            .or(subject.filter(|_| !after_relative))
            .or_else(the_company)
            .or_else(described)
        else {
            continue;
        };
        let mut heads: Vec<String> = words(text, inp.start, vb)
            .iter()
            .map(|w| w.text.to_lowercase())
            .filter(|w| PLACED_HEADS.contains(&w.as_str()))
            .map(|w| crate::analysis::claims::words::stem(&w))
            .collect();
        // ("has its head office in": the seat, as "headquarters in".)
        if pat.contains("office") {
            heads.retain(|h| !h.starts_with("offic"));
            heads.push(crate::analysis::claims::words::stem("headquarters"));
        }
        heads.sort();
        heads.dedup();
        // "X, whose headquarters are in P" places X itself, as "X, based
        // in P" does.
        if appositive == Some(subject) {
            heads.clear();
        }
        let first = &doc.mentions[places[0] as usize];
        let last = &doc.mentions[*places.last().unwrap() as usize];
        out.push(Fact::new(
            first.start,
            last.end,
            text,
            FactBody::Location {
                subject,
                heads,
                places,
            },
        ));
        break;
    }
}

/// "Austin-based Calder Analytics", "the St. Paul-based company": where
/// an organisation is based, written as a compound adjective.
pub(super) fn based_in(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    for (k, &pi) in ms.iter().enumerate() {
        let place = &doc.mentions[pi as usize];
        if place.kind != EntityKind::Location {
            continue;
        }
        let rest = &text[place.end..inp.end];
        let Some(after) = rest
            .strip_prefix("-based")
            .or_else(|| rest.strip_prefix("–based"))
            .or_else(|| rest.strip_prefix("-headquartered"))
        else {
            continue;
        };
        let at = inp.end - after.len();
        // The organisation the adjective qualifies: the next name, a few
        // words on ("Austin-based software maker Calder Analytics").
        // ("The Hamburg-based operator of the vessel, Elbe Reederei,":
        // a longer description, set before the name by a comma.)
        let subject = ms[k + 1..].iter().copied().find(|&x| {
            let m = &doc.mentions[x as usize];
            let between = words(text, at, m.start);
            matches!(m.kind, EntityKind::Organization | EntityKind::Person)
                && m.start >= at
                && (between.len() <= 3
                    || between.len() <= 6
                        && text[at..m.start].trim_end().ends_with(',')
                        && text[at..m.start].matches(',').count() == 1
                        && between
                            .iter()
                            .all(|w| w.text.starts_with(char::is_lowercase)))
        });
        // Or the organisation the description follows: "Calder, an
        // Austin-based maker of ...".
        let subject = subject.or_else(|| {
            let before = text[inp.start..place.start].trim_end();
            let before = before
                .strip_suffix(" a")
                .or_else(|| before.strip_suffix(" an"))
                .or_else(|| before.strip_suffix(" the"))?
                .trim_end()
                .strip_suffix(',')?;
            let end = inp.start + before.trim_end().len();
            ms[..k].iter().rev().copied().find(|&x| {
                let m = &doc.mentions[x as usize];
                matches!(m.kind, EntityKind::Organization | EntityKind::Person) && m.end == end
            })
        });
        // Or the company that speaks of itself ("Norvik will pay $780
        // million ..., the Boston-based company said").
        let subject = subject.or_else(|| speaking_company(inp, &ms, place, after));
        // Or the company the file is about ("The Porto-based airline
        // said").
        let subject = subject.or_else(|| described::the_based_body(inp, place, after));
        let Some(subject) = subject else { continue };
        if has_location_of(out, subject) {
            continue;
        }
        out.push(Fact::new(
            place.start,
            place.end,
            text,
            FactBody::Location {
                subject,
                heads: Vec::new(),
                places: vec![pi],
            },
        ));
    }
}

/// Verbs with which a report gives a company's word ("..., the
/// Boston-based company said").
const SAYING: &[&str] = &["said", "says", "added", "announced", "confirmed", "stated"];

/// "Norvik will pay $780 million in cash, the Boston-based company said":
/// a business noun after "the P-based", then a verb of saying, at the end
/// of a sentence that names an organisation before it. The company is
/// the one that sentence opens with (what it said is about itself); one
/// named right before the description is its own apposition (see
/// [`based_in`]).
fn speaking_company(inp: &FactInput, ms: &[u32], place: &Mention, after: &str) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let before = text[inp.start..place.start].trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))?;
    if !before.trim_end().ends_with(',') {
        return None;
    }
    let mut ws = after.split_whitespace();
    let noun = ws.next()?.to_ascii_lowercase();
    let verb = ws.next()?.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if !BUSINESS_NOUNS.contains(&noun.as_str()) || !SAYING.contains(&verb.as_str()) {
        return None;
    }
    ms.iter().copied().find(|&x| {
        let m = &doc.mentions[x as usize];
        m.kind == EntityKind::Organization
            && m.end <= place.start
            && !in_spans(doc, x, inp.exclude)
            && !bracketed(text, m)
    })
}

/// Nouns that describe a business ("the Akron, Ohio, company").
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "group",
    "bank",
    "retailer",
    "manufacturer",
    "carrier",
    "airline",
    "startup",
    "start-up",
    "insurer",
    "lender",
    "chain",
    "producer",
    "developer",
    "operator",
    "conglomerate",
    "supplier",
    "business",
];

/// "Pritchard Inc., the Akron, Ohio, company that makes tyres": an
/// organisation, then "the", its place (a city and its state), and a noun
/// of business.
pub(super) fn the_place_company(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    for (k, &pi) in ms.iter().enumerate() {
        let place = &doc.mentions[pi as usize];
        if place.kind != EntityKind::Location || k == 0 {
            continue;
        }
        let from = super::super::words::floor_boundary(
            text,
            place.start.saturating_sub(200).max(inp.start),
        );
        let before = text[from..place.start].trim_end();
        let Some(before) = before
            .strip_suffix("the")
            .map(str::trim_end)
            .and_then(|b| b.strip_suffix(','))
        else {
            continue;
        };
        let end = from + before.trim_end().len();
        // The business noun after the place vouches for an organisation,
        // whatever the recogniser took its name for ("Marlow Freight" a
        // person).
        let Some(subject) = ms[..k].iter().rev().copied().find(|&x| {
            let m = &doc.mentions[x as usize];
            matches!(m.kind, EntityKind::Organization | EntityKind::Person) && m.end == end
        }) else {
            continue;
        };
        // The place, and its state or country after a comma.
        let mut places = vec![pi];
        let mut last = place.end;
        if let Some(&next) = ms.get(k + 1) {
            let n = &doc.mentions[next as usize];
            if n.kind == EntityKind::Location && text[last..n.start].trim() == "," {
                places.push(next);
                last = n.end;
            }
        }
        let after = words(
            text,
            last,
            super::super::words::floor_boundary(text, (last + 40).min(inp.end)),
        );
        let business = after
            .iter()
            .take(3)
            .any(|w| BUSINESS_NOUNS.contains(&w.text.to_ascii_lowercase().as_str()));
        if !business || has_location_of(out, subject) {
            continue;
        }
        out.push(Fact::new(
            place.start,
            last,
            text,
            FactBody::Location {
                subject,
                heads: Vec::new(),
                places,
            },
        ));
    }
}

/// "Lansing's Tollend Motors": a city (a place the gazetteer puts inside
/// a country, not a country itself) in the possessive right before an
/// organisation's name is where the organisation is.
pub(super) fn city_possessive(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    for pair in ms.windows(2) {
        let (place, org) = (
            &doc.mentions[pair[0] as usize],
            &doc.mentions[pair[1] as usize],
        );
        if !is_place(place, text) || org.kind != EntityKind::Organization {
            continue;
        }
        let between = &text[place.end..org.start];
        if !matches!(between, "'s " | "’s " | "' " | "’ ") {
            continue;
        }
        // "Kyiv's NATO allies", "Washington's EU partners": a capital
        // standing for its government, and the organisation one it deals
        // with, not one that sits there. Bodies written as acronyms
        // (NATO, EU, UN) are seldom a city's own.
        let org_text = org.text(text);
        let acronym = org_text.len() <= 5 && org_text.chars().all(|c| c.is_ascii_uppercase());
        let next = words(text, org.end, inp.end)
            .first()
            .map(|w| w.text.to_ascii_lowercase())
            .unwrap_or_default();
        let relation = [
            "ally",
            "allies",
            "partner",
            "partners",
            "rival",
            "rivals",
            "counterpart",
            "counterparts",
            "friend",
            "friends",
            "member",
            "members",
            "envoy",
            "envoys",
            "delegation",
            "representative",
            "representatives",
            "backers",
            "neighbours",
        ]
        .contains(&next.as_str());
        // "Moscow's Defence Ministry", "Kyiv's city council": bodies of a
        // government, whose names recur from city to city (one entity
        // "Defence Ministry" would sit in every capital).
        let public_body = org_text.split_whitespace().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "ministry"
                    | "government"
                    | "parliament"
                    | "police"
                    | "army"
                    | "embassy"
                    | "council"
                    | "court"
                    | "department"
                    | "office"
                    | "agency"
                    | "authority"
                    | "administration"
                    | "municipality"
                    | "city"
                    | "mayor"
                    | "cabinet"
                    | "senate"
                    | "assembly"
                    | "forces"
                    | "guard"
                    | "service"
                    | "services"
            )
        });
        if acronym || relation || public_body {
            continue;
        }
        let name = place.text(text);
        let inside_a_country = crate::analysis::claims::resolve::country_of_name(name)
            .is_some_and(|c| ascii_key(&c) != ascii_key(name));
        if !inside_a_country || has_location_of(out, pair[1]) {
            continue;
        }
        out.push(Fact::new(
            place.start,
            place.end,
            text,
            FactBody::Location {
                subject: pair[1],
                heads: Vec::new(),
                places: vec![pair[0]],
            },
        ));
    }
}

/// A place mention, or a name the recogniser took for a person that the
/// gazetteer knows as a place, where only a place can stand ("its
/// headquarters in Flint", "Flint's Tollend Motors").
fn is_place(m: &Mention, text: &str) -> bool {
    m.kind == EntityKind::Location
        || (m.kind == EntityKind::Person
            && crate::analysis::claims::resolve::is_known_place(m.text(text)))
}

/// Whether a mention stands alone in brackets: a wire's credit ("(AP)"),
/// an acronym given after a name.
fn bracketed(text: &str, m: &Mention) -> bool {
    text[..m.start].ends_with('(') && text[m.end..].starts_with(')')
}

/// Whether a seat of `subject` was already read from this sentence: the
/// first reading of a sentence wins.
fn has_location_of(out: &[Fact], subject: u32) -> bool {
    out.iter()
        .any(|f| matches!(&f.body, FactBody::Location { subject: s, .. } if *s == subject))
}

/// "The company moved its headquarters from San Antonio to Austin in
/// 2020": the seat is the place it moved to (the one it left is a past
/// seat, no statement about today). The mover is the organisation named
/// before the verb, or, for "the company" or "it", the one the file names
/// most.
fn moved_seat(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let low = text[inp.start..inp.end].to_ascii_lowercase();
    let Some(m) = MOVED.find(&low) else { return };
    let (va, to) = (inp.start + m.start(), inp.start + m.end());
    let ms = mentions_in(doc, inp.start, inp.end);
    // Places right after "to", chained by commas ("to Austin, Texas").
    let mut places: Vec<u32> = Vec::new();
    let mut last = to;
    for &x in &ms {
        let p = &doc.mentions[x as usize];
        if p.start < to {
            continue;
        }
        let gap = text[last..p.start].trim();
        if !(gap.is_empty() || gap == "," || (gap == "in" && !places.is_empty()))
            || !is_place(p, text)
        {
            break;
        }
        places.push(x);
        last = p.end;
    }
    if places.is_empty() {
        return;
    }
    let named = ms.iter().rev().copied().find(|&x| {
        let n = &doc.mentions[x as usize];
        matches!(n.kind, EntityKind::Organization | EntityKind::Person)
            && n.end <= va
            && !in_spans(doc, x, inp.exclude)
    });
    let before = low[..m.start()].trim();
    let generic = [
        "the company",
        "the firm",
        "the group",
        "the business",
        "the startup",
        "it",
    ]
    .iter()
    .any(|g| before == *g || before.ends_with(&format!(", {g}")));
    let subject = match named {
        Some(x) => Some(x),
        None if generic => main_organisation(doc),
        None => None,
    };
    let Some(subject) = subject else { return };
    if has_location_of(out, subject) {
        return;
    }
    let (first, end) = (&doc.mentions[places[0] as usize], last);
    out.push(Fact::new(
        first.start,
        end,
        text,
        FactBody::Location {
            subject,
            heads: Vec::new(),
            places,
        },
    ));
}

/// "moved its headquarters from X to", "relocated its head office to".
static MOVED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:moved|moves|relocated|relocates|shifted|transferred)\s+(?:its|their)\s+(?:headquarters|head office|head offices|main office|registered office)\s+(?:from\s+[^;:]{1,60}?\s+)?to\s+",
    )
    .unwrap()
});

/// The organisation a file names most, when no other comes close: who
/// "the company" is.
pub(super) fn main_organisation(doc: &DocAnalysis) -> Option<u32> {
    // "Brightwell Labs" and "Brightwell" are one organisation: names are
    // gathered by their first word.
    let mut orgs: Vec<(String, usize, u32, usize)> = Vec::new();
    for l in doc
        .locals
        .iter()
        .filter(|l| l.kind == EntityKind::Organization)
    {
        let key = l
            .name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        match orgs.iter_mut().find(|o| o.0 == key) {
            Some(o) => {
                o.1 += l.mentions.len();
                if l.name.len() > o.3 {
                    (o.2, o.3) = (l.defining, l.name.len());
                }
            }
            None => orgs.push((key, l.mentions.len(), l.defining, l.name.len())),
        }
    }
    orgs.sort_by_key(|o| std::cmp::Reverse(o.1));
    match orgs.as_slice() {
        [(_, n, m, _), rest @ ..] if rest.first().is_none_or(|r| r.1 * 2 <= *n) && *n >= 2 => {
            Some(*m)
        }
        _ => None,
    }
}

#[path = "places_described.rs"]
mod described;

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
