//! Office holders in the lines of a who's-who list: "Prime Minister:
//! Davor Kelava (Civic Alliance), 52, a lawyer", "Finance: Goran Tomić
//! (Civic Alliance)", "Interior: Ivan Lukšić, a former police chief". The
//! label is the office, the person the value opens with its holder. A
//! label that is a portfolio alone ("Finance") is a minister's office
//! only in a list of such lines on a page about a government: "Finance:"
//! and "Sport:" mean other things elsewhere.
use super::labelled::{live_segments, segments, Segment};
use super::*;

/// Portfolios of a government, as the label of a cabinet list writes
/// them.
#[rustfmt::skip]
const PORTFOLIOS: &[&str] = &[
    "finance", "finances", "treasury", "interior", "home", "foreign", "defence", "defense",
    "justice", "health", "education", "economy", "economic", "agriculture", "labour", "labor",
    "employment", "transport", "transportation", "energy", "environment", "climate", "trade",
    "industry", "culture", "tourism", "sport", "sports", "infrastructure", "housing", "social",
    "science", "research", "digital", "family", "families", "youth", "regional", "development",
    "european", "water", "mining", "fisheries", "administration", "public", "security",
    "immigration", "migration", "communications", "information", "veterans", "women",
    "equality", "innovation", "technology", "planning", "construction", "budget", "investment",
    "relations", "welfare", "pensions", "local", "government", "rural", "affairs", "and", "&",
];

/// Words that say a page is about a government's members.
const GOVERNMENT_WORDS: &[&str] = &["government", "cabinet", "ministers", "coalition"];

/// A label's words, lower case.
fn label_words(label: &str) -> Vec<String> {
    label
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a label is a portfolio alone ("Finance", "Foreign Affairs").
fn portfolio_label(lw: &[String]) -> bool {
    !lw.is_empty()
        && lw.iter().all(|w| PORTFOLIOS.contains(&w.as_str()))
        && !lw
            .iter()
            .all(|w| matches!(w.as_str(), "and" | "&" | "affairs"))
}

/// The person whose name opens a segment's value.
fn holder(inp: &FactInput, seg: &Segment) -> Option<u32> {
    let doc = inp.doc;
    mentions_in(doc, seg.value_start, seg.value_end)
        .into_iter()
        .find(|&k| doc.mentions[k as usize].start == seg.value_start)
        .filter(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind == EntityKind::Person && looks_like_name(m, inp.text)
        })
}

/// Whether the page lists a government's members: it speaks of a
/// government or cabinet and has at least two lines of a portfolio
/// labelling a name.
fn lists_a_government(text: &str) -> bool {
    let low = text.to_lowercase();
    if !GOVERNMENT_WORDS.iter().any(|w| low.contains(w)) {
        return false;
    }
    let cap = |s: &str| {
        s.trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    segments(text, 0, text.len())
        .iter()
        .filter(|s| {
            let lw = label_words(&s.label);
            (portfolio_label(&lw) || first_head(&lw).is_some())
                && cap(&text[s.value_start..s.value_end])
        })
        .count()
        >= 2
}

/// The office a label names: a title with its head ("Prime Minister",
/// "Minister of Finance"), or a portfolio in a cabinet list.
fn office_of_label(lw: &[String], in_cabinet: bool) -> Option<String> {
    if let Some(h) = first_head(lw) {
        // Nothing but the title: "Prime Minister", "Minister of Finance".
        let post: Vec<String> = match lw.get(h + 1).map(String::as_str) {
            Some("of" | "for") => lw[h + 2..].to_vec(),
            Some(_) => return None,
            None => Vec::new(),
        };
        if !lw[..h]
            .iter()
            .chain(&post)
            .all(|w| PORTFOLIOS.contains(&w.as_str()) || roles::is_title_word(w))
        {
            return None;
        }
        return office_key(&lw[..h], &lw[h], &post);
    }
    (in_cabinet && portfolio_label(lw)).then(|| office_key(lw, "minister", &[]))?
}

/// The offices of a who's-who list's lines in the sentence.
pub(in crate::analysis::claims::facts) fn listed_offices(inp: &FactInput, out: &mut Vec<Fact>) {
    let text = inp.text;
    let segs = live_segments(inp);
    if segs.is_empty() {
        return;
    }
    let in_cabinet = lists_a_government(text);
    for seg in segs.into_iter().filter(Segment::short_label) {
        let Some(person) = holder(inp, &seg) else {
            continue;
        };
        let lw = label_words(&seg.label);
        let Some(title) = office_of_label(&lw, in_cabinet) else {
            continue;
        };
        if out.iter().any(|f| {
            matches!(f.body, FactBody::Role { person: p, .. } if p == person)
                && f.start < seg.value_end
                && seg.label_start < f.end
        }) {
            continue;
        }
        let org = of_government(&title)
            .then(|| inp.country.map(str::to_string))
            .flatten();
        let m = &inp.doc.mentions[person as usize];
        out.push(Fact::new(
            seg.label_start,
            m.end,
            text,
            FactBody::Role {
                person,
                role: NormRole {
                    title,
                    org,
                    qualifier: None,
                },
                role_text: text[seg.label_start..seg.value_start]
                    .trim_end_matches([':', ' '])
                    .to_string(),
                when: None,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lw(s: &str) -> Vec<String> {
        label_words(&s.to_lowercase())
    }

    #[test]
    fn a_label_names_its_office() {
        assert_eq!(
            office_of_label(&lw("Prime Minister"), false).as_deref(),
            Some("prime minister")
        );
        assert_eq!(
            office_of_label(&lw("Finance"), true).as_deref(),
            Some("finance minister")
        );
        assert_eq!(
            office_of_label(&lw("Minister of Finance"), false).as_deref(),
            Some("finance minister")
        );
        // A portfolio alone is an office only in a cabinet list.
        assert_eq!(office_of_label(&lw("Finance"), false), None);
        // Labels that name no office.
        assert_eq!(office_of_label(&lw("Winner"), true), None);
        assert_eq!(office_of_label(&lw("Minister says"), true), None);
    }
}
