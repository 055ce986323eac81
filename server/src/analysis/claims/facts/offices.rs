//! Who holds which office, in the word orders news uses:
//! "Kenya's water minister Alice Wahome", "Alice Wahome, Kenya's water and
//! environment minister,", "Kenya's Minister of Water and Environment,
//! Alice Wahome,", "Alice Wahome was sworn in as water minister",
//! "parliament approved Alice Wahome as water minister".
//!
//! The office gets a key of its head word and its portfolio words, sorted
//! ("water and environment minister" and "Minister of Water and
//! Environment" are one office, the water minister another), and the
//! country or organisation it belongs to: a possessive, a demonym or a
//! name before it, "of <Country>" after it, else, for an office of
//! government, the country the article is written from or about.
use super::*;
use crate::analysis::claims::roles::{demonym_to_country, NormRole, SINGLE_HOLDER};
use crate::analysis::claims::words::Word;
use crate::analysis::model::RoleQualifier;

/// Words that head an office.
const HEADS: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "premier",
    "chancellor",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    // A company's finance and operations chiefs ("CFO Maria Lindgren").
    "cfo",
    "coo",
    "chairperson",
    "executive",
    "manager",
    "coach",
    "director",
    "commissioner",
    "ambassador",
    "speaker",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "officer",
    "head",
    // "Volkswagen boss Hans Gruber": its head (see `roles::norm_title`).
    "boss",
    // "Sports CS Joseph Kiprono": a Cabinet Secretary.
    "cs",
    // "the country's top diplomat": its foreign minister (see
    // `roles::norm_title`).
    "diplomat",
    // Offices of a district, a court, a prison ("District collector X",
    // "presiding judge X"): one holder each in a story (see
    // `roles::is_single_in_story`).
    "collector",
    "judge",
    "magistrate",
    "coroner",
    "registrar",
    "warden",
    "superintendent",
];

/// Roles a person holds besides an office ("co-founder and chief
/// executive", "chairman and chief executive"): before "and", they make
/// the words after it an office of its own, not one portfolio.
const ROLE_NOUNS: &[&str] = &[
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "co-owner",
    "partner",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "director",
    "executive",
    "officer",
    "head",
];

/// Offices of government: without a stated country, the article's.
const GOVERNMENT: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
];

/// Words that are no part of an office phrase.
const STOP: &[&str] = &[
    "against",
    "said",
    "says",
    "told",
    "the",
    "a",
    "an",
    "by",
    "with",
    "to",
    "from",
    "at",
    "in",
    "on",
    "that",
    "who",
    // "Norlake Dairies, whose chief executive X": another's office.
    "whose",
    // "chief executive of Halden Foods since 2019": the time of the
    // holding, no portfolio.
    "since",
    "until",
    "which",
    "when",
    "while",
    "after",
    "before",
    "as",
    "is",
    "was",
    "has",
    "had",
    "will",
    "his",
    "her",
    "its",
    "their",
    "according",
    "but",
    "he",
    "she",
    "it",
    "they",
    "this",
];

/// Whether an office is one of government ("finance minister"): "at"
/// after it tells where ("sworn in as finance minister at State House"),
/// not whose.
fn of_government(title: &str) -> bool {
    GOVERNMENT.contains(&title.rsplit(' ').next().unwrap_or(""))
}

/// Verbs that end an office phrase before it ("replacing interim
/// finance chief Eva Holm": the office is "interim finance chief").
/// Other words ending in "-ing" are portfolios ("mining minister",
/// "housing minister") or titles ("managing director").
const VERBS_BEFORE: &[&str] = &[
    "replacing",
    "succeeding",
    "including",
    "naming",
    "appointing",
    "hiring",
    "firing",
    "sacking",
    "ousting",
    "promoting",
    "joining",
    "becoming",
    "visiting",
    "meeting",
    "welcoming",
    "following",
    "thanking",
    "quoting",
    "citing",
    "urging",
    "telling",
    "asking",
    "blaming",
    "praising",
    "backing",
    "criticising",
    "criticizing",
    "accusing",
];

/// What one office phrase says.
struct Office {
    title: String,
    org: Option<String>,
    qualifier: Option<RoleQualifier>,
    start: usize,
    end: usize,
}

fn low(w: &Word) -> String {
    w.text.to_lowercase().replace('’', "'")
}

/// Words around the name that end an office phrase.
fn phrase_end(text: &str, ws: &[Word], from: usize) -> usize {
    let mut j = from;
    while j < ws.len() {
        if j > from && text[ws[j - 1].end..ws[j].start].trim() != "" {
            break;
        }
        if STOP.contains(&low(&ws[j]).as_str()) && low(&ws[j]) != "the" {
            break;
        }
        j += 1;
    }
    j
}

/// The offices held by the people named in the sentence.
/// The first mention of a person written exactly `name` in the document.
/// It looks through the document's entities and their forms, not through
/// every mention: this runs for each organisation or place mention, and a
/// long document names one organisation thousands of times.
fn person_written_as(doc: &DocAnalysis, text: &str, name: &str) -> Option<u32> {
    let fold = crate::analysis::text::fold::fold_key(name);
    doc.locals
        .iter()
        .filter(|l| l.kind == EntityKind::Person)
        .filter(|l| l.forms.iter().any(|f| f.fold == fold))
        .filter_map(|l| {
            l.mentions
                .iter()
                .copied()
                .find(|&k| doc.mentions[k as usize].text(text) == name)
        })
        .min()
}

pub(super) fn offices(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ws = words(text, inp.start, inp.end);
    let gap = |a: usize, b: usize| text[ws[a].end..ws[b].start].trim().to_string();
    // People whose office took the article's country for want of one.
    let mut defaulted_people: Vec<u32> = Vec::new();
    for mi in mentions_in(doc, inp.start, inp.end) {
        let m = &doc.mentions[mi as usize];
        // A person's name the recogniser typed otherwise here ("Habtamu
        // Itefa, Ethiopia's ..." read like "Kampala, Uganda") is still
        // the person the document names elsewhere.
        let person = if m.kind == EntityKind::Person {
            Some(mi)
        } else if matches!(m.kind, EntityKind::Location | EntityKind::Organization)
            && !crate::analysis::claims::resolve::is_known_place(m.text(text))
        {
            person_written_as(doc, text, m.text(text))
                .or_else(|| sworn_in_by_name(text, inp.start, m).then_some(mi))
                .or_else(|| reads_as_a_persons_name(text, m).then_some(mi))
        } else {
            None
        };
        let Some(person) = person else { continue };
        if !looks_like_name(m, text) {
            continue;
        }
        let i0 = ws.partition_point(|w| w.start < m.start);
        if i0 >= ws.len() {
            continue;
        }
        let i1 = ws.partition_point(|w| w.start < m.end);
        // Whether the office was read from an appointment ("sworn in as",
        // "took office as"): its day is the start of the holding.
        let mut appointment = false;
        // "X, a managing director at Goldman Sachs": one of several holders.
        let mut one_of = false;
        // An office at an organisation the sentence does not name ("X,
        // finance director at a Danish shipping group").
        let mut elsewhere = false;
        // Before the name: "Kenya's water minister Alice Wahome",
        // "Minister of Water and Environment, Alice Wahome".
        let mut found = before::office_before_name(inp, &ws, i0)
            // "Finance: Goran Tomić", "The finance ministry goes to X".
            .or_else(|| lists::listed_office(inp, &ws, i0))
            .or_else(|| lists::ministry_given(inp, &ws, i0));
        // "Its new chief financial officer will be Sarah Lindqvist" (the
        // apposition after the name, if any, is what the holder is now:
        // "currently finance director at a shipping group").
        if found.is_none() {
            found = copular_office(inp, &ws, i0);
        }
        // After the name: "Alice Wahome, Kenya's water minister, said".
        if found.is_none() && i1 < ws.len() && gap(i1 - 1, i1) == "," {
            let mut s = i1;
            let article = low(&ws[s]);
            // ("X, its chief executive,": the organisation the sentence
            // or the file is about, as with "the company's".)
            if matches!(article.as_str(), "the" | "a" | "an" | "its" | "their") {
                s += 1;
            }
            let e = phrase_end(text, &ws, s);
            let closes = e == ws.len()
                || matches!(gap(e - 1, e).as_str(), "," | "." | ";" | ")")
                || STOP.contains(&low(&ws[e]).as_str());
            if e > s && closes {
                found = read_office(inp, &ws[s..e]);
                one_of = found.is_some() && matches!(article.as_str(), "a" | "an");
                // "X, finance director at a Danish shipping group": the
                // office of what follows "at", not of the file's company.
                if e < ws.len() && low(&ws[e]) == "at" {
                    if let Some(o) = found
                        .as_mut()
                        .filter(|o| o.org.is_none() && !of_government(&o.title))
                    {
                        match name_at(inp, &ws, e + 1) {
                            Some(name) => o.org = Some(name),
                            None => elsewhere = true,
                        }
                    }
                }
                // "Tellmark Foods will charge more ... Lucas Moreau, its
                // chief executive, said": "its" is the organisation named
                // last before it.
                if matches!(article.as_str(), "its" | "their") {
                    if let Some(o) = found.as_mut().filter(|o| o.org.is_none()) {
                        o.org = antecedent_org(inp, m.start);
                    }
                }
            }
        }
        // "X takes over the finance ministry".
        if found.is_none() {
            found = lists::ministry_taken(inp, &ws, i1);
        }
        // "Lucía Benavides, who heads the Interior Ministry,".
        if found.is_none() {
            found = headed_ministry(inp, &ws, i1).or_else(|| led_company(inp, &ws, i1));
        }
        // "was sworn in as", "approved ... as", "appointed ... as".
        if found.is_none() && i1 < ws.len() {
            // Only the words next to the name matter (a sentence may be
            // a whole 5 MB paragraph).
            let near_end = crate::analysis::claims::words::floor_boundary(
                text,
                (ws[i1 - 1].end + 120).min(inp.end),
            );
            let near_start = crate::analysis::claims::words::floor_boundary(
                text,
                ws[i0].start.saturating_sub(60).max(inp.start),
            );
            let rest = text[ws[i1 - 1].end..near_end].to_ascii_lowercase();
            let before = text[near_start..ws[i0].start].to_ascii_lowercase();
            // "who studied at IIM Ahmedabad, has been appointed": a name
            // after a preposition is no subject of the appointment.
            let object = i0 > 0
                && matches!(
                    low(&ws[i0 - 1]).as_str(),
                    "at" | "in" | "of" | "from" | "with" | "for" | "by" | "to" | "on"
                );
            let sworn = SWORN
                .find(&rest)
                .map(|c| (c.end(), FUTURE_AUX.is_match(c.as_str())))
                .or_else(|| {
                    sworn_after_aside(&rest)
                        .map(|(from, end)| (end, FUTURE_AUX.is_match(&rest[from..end])))
                })
                .filter(|_| !object);
            // "named Jane Doe chief executive", "appointed X finance
            // minister": an office right after the name, without "as",
            // only when it is one of one holder.
            let mut bare = false;
            let lead = sworn.map(|c| c.0).or_else(|| {
                chosen(&before)
                    .then(|| {
                        rest.strip_prefix(" as ")
                            .map(|_| 4)
                            // "confirmed Ivana Marković, a 44-year-old
                            // economist, as economy minister".
                            .or_else(|| APPOSITION_AS.find(&rest).map(|c| c.end()))
                            // "appointed X to replace Y as chief executive".
                            .or_else(|| REPLACING_AS.find(&rest).map(|c| c.end()))
                            .or_else(|| {
                                bare = rest.starts_with(' ');
                                bare.then_some(1)
                            })
                    })
                    .flatten()
            });
            // "Tomas Berg will join Vantora Telecom as CFO": the company
            // joined, and a holder to come.
            let joined = JOINED
                .captures(&text[ws[i1 - 1].end..near_end])
                .filter(|_| !object);
            let lead = lead.or_else(|| joined.as_ref().map(|c| c.get(0).map_or(0, |g| g.end())));
            let to_come = sworn.is_some_and(|c| c.1) || joined.is_some();
            appointment = lead.is_some();
            // "X, who has been chief executive since 2017": no start, what
            // the holder is (or was: "who was finance minister until").
            let holds = HOLDS.captures(&rest).filter(|_| lead.is_none());
            let past_holding = holds.as_ref().is_some_and(|c| c.get(1).is_some());
            let lead = lead.or_else(|| holds.as_ref().and_then(|c| c.get(0)).map(|g| g.end()));
            if let Some(skip) = lead {
                let at = ws[i1 - 1].end + skip;
                let s = ws.partition_point(|w| w.start < at);
                // "as its next chief executive": the organisation is the
                // one choosing, left to the file (see `index::offices`).
                // ("as a managing director", "who is an executive
                // director": one of several.)
                let several = s < ws.len() && matches!(low(&ws[s]).as_str(), "a" | "an");
                let s = if s < ws.len()
                    && matches!(low(&ws[s]).as_str(), "the" | "a" | "an" | "its" | "their")
                {
                    s + 1
                } else {
                    s
                };
                let next = s < ws.len() && low(&ws[s]) == "next";
                let s = s + usize::from(next);
                let e = phrase_end(text, &ws, s);
                if e > s {
                    found = read_office(inp, &ws[s..e]);
                    let single = found.as_ref().is_some_and(|o| {
                        crate::analysis::claims::roles::is_single_holder(&o.title, &[])
                    });
                    // ("appointed as a race director": one of several.)
                    let one_in_story = found.as_ref().is_some_and(|o| {
                        crate::analysis::claims::roles::is_single_in_story(&o.title)
                    });
                    if bare && !single || several && (single || one_in_story) {
                        found = None;
                    }
                    // "who is finance director at a Danish shipping group":
                    // the office of what follows "at".
                    if e < ws.len() && low(&ws[e]) == "at" {
                        if let Some(o) = found
                            .as_mut()
                            .filter(|o| o.org.is_none() && !of_government(&o.title))
                        {
                            match name_at(inp, &ws, e + 1) {
                                Some(name) => o.org = Some(name),
                                None => elsewhere = true,
                            }
                        }
                    }
                    if let Some(o) = found.as_mut() {
                        if next || to_come {
                            o.qualifier = o.qualifier.or(Some(RoleQualifier::Incoming));
                        }
                        if past_holding {
                            o.qualifier = o.qualifier.or(Some(RoleQualifier::Former));
                        }
                        // The organisation joined, else the one choosing
                        // ("Rival Norcell named X as its chief financial
                        // officer"), else the one "its" refers to.
                        let joined_org = joined
                            .as_ref()
                            .and_then(|c| c.get(1))
                            .map(|g| g.as_str().to_string());
                        let its = matches!(
                            low(&ws[s - 1 - usize::from(next)]).as_str(),
                            "its" | "their"
                        );
                        if o.org.is_none() {
                            o.org = joined_org.or_else(|| chooser_org(inp, m.start, its));
                        }
                        if o.org.is_none() && its {
                            o.org = antecedent_org(inp, m.start);
                        }
                    }
                }
            }
        }
        let Some(mut o) = found else { continue };
        // "Rival Norlake Dairies, whose chief executive Karin Sund": the
        // office of the name before "whose", which may be no organisation
        // the file is about; unread rather than given the file's.
        let at_office = ws.partition_point(|w| w.start < o.start);
        let whose = at_office > 0 && low(&ws[at_office - 1]) == "whose";
        // "The mine is run by Kestrel Mining, whose chief executive, Omar
        // Vale, said": the organisation named right before "whose" is
        // the office's, whichever the file is about.
        let whose_org = whose
            .then(|| whose_antecedent(inp, &ws, at_office - 1))
            .flatten();
        if let Some(org) = whose_org.filter(|_| o.org.is_none()) {
            o.org = Some(org);
        }
        let whose = whose && o.org.is_none();
        // "Its boss, Dana Roe,": a head written without its title heads
        // the organisation named last before (else nothing known).
        if o.org.is_none()
            && o.title == crate::analysis::claims::roles::GENERIC_HEAD
            && at_office > 0
            && matches!(low(&ws[at_office - 1]).as_str(), "its" | "their")
        {
            o.org = antecedent_org(inp, ws[at_office - 1].start);
        }
        // A title one of several hold in fact ("a vice president", "a
        // managing director") names no holder of the one office the title
        // names elsewhere. Either way the recogniser's reading of it is
        // dropped too; other offices ("a spokesman for") stay for the
        // attribution.
        if whose
            || elsewhere
            || one_of
                && (crate::analysis::claims::roles::is_single_holder(&o.title, &[])
                    || crate::analysis::claims::roles::is_single_in_story(&o.title))
        {
            out.retain(|f| !matches!(&f.body, FactBody::Role { person: p, .. } if *p == person));
            continue;
        }
        let mut defaulted = false;
        // "Dunmore Rovers have sacked manager Alan Price": the holder is
        // leaving the office, not holding it against the next one.
        if o.qualifier.is_none() && dismissed_before(text, inp.start, o.start.min(m.start)) {
            o.qualifier = Some(RoleQualifier::Outgoing);
        }
        let head = o.title.rsplit(' ').next().unwrap_or("");
        // "outgoing president X" in a report of a regional election: the
        // region's president (Italian, Spanish, French regions have one),
        // not the country's.
        let regional =
            matches!(o.title.as_str(), "president" | "vice president") && about_a_region(inp);
        if o.org.is_none() && GOVERNMENT.contains(&head) && !regional {
            // "Trade Minister Mark Delaney said the pact would help
            // Australian farmers sell beef in Vietnam": with another
            // country in the sentence, the article's is a guess.
            // "Foreign Minister Tom Harwood met his Chilean counterpart":
            // two holders of one office in two countries.
            let counterpart = ws.iter().any(|w| low(w).starts_with("counterpart"));
            let article = inp
                .country
                .filter(|c| !counterpart && !names_another_country(inp, &ws, c))
                .map(str::to_string);
            o.org = chooser_country(inp, m.start).or(article);
            defaulted = o.org.is_some();
        }
        let (start, end) = (o.start.min(m.start), o.end.max(m.end));
        // The recogniser's reading of the role stands when it has an
        // organisation and says no less ("then-NATO Secretary General");
        // this one replaces it when it says more ("Kenya's water minister"
        // read as "minister").
        let known = out
            .iter()
            .position(|f| matches!(&f.body, FactBody::Role { person: p, .. } if *p == person));
        if let Some(k) = known {
            if let FactBody::Role { role, .. } = &out[k].body {
                let fewer = role.title.split(' ').count() >= o.title.split(' ').count();
                // ("Incumbent mayor X", "Federation president Y": a word
                // capitalised only as the sentence's first is no name.)
                let named = role.org.as_deref().is_some_and(|org| {
                    org.contains(' ')
                        || mentions_in(doc, inp.start, inp.end).into_iter().any(|k| {
                            let mm = &doc.mentions[k as usize];
                            mm.kind.is_name() && mm.text(text).trim_end_matches("'s") == org
                        })
                });
                if role.org.is_some() && fewer && named {
                    continue;
                }
                o.qualifier = o.qualifier.or(role.qualifier);
            }
            out.remove(k);
        }
        if defaulted {
            defaulted_people.push(person);
        }
        // The day an appointment is written with starts the holding ("took
        // office as energy minister on Tuesday"). Of a holder to come it
        // is no time of the report: two announced the same day for one
        // office contradict each other whatever days they are to start.
        let to_come = matches!(
            o.qualifier,
            Some(RoleQualifier::Incoming | RoleQualifier::Future)
        );
        let started = (appointment && !to_come)
            .then(|| day_after(inp, end))
            .flatten();
        out.push(Fact::new(
            start,
            end,
            text,
            FactBody::Role {
                person,
                role: NormRole {
                    title: o.title,
                    org: o.org,
                    qualifier: o.qualifier,
                },
                role_text: text[o.start..o.end].to_string(),
                when: dated_frame(doc, text, inp.start, start).or(started),
            },
        ));
    }
    unimply_beside_a_stated_holder(out, &defaulted_people);
    predecessors(inp, out);
    incumbents(inp, out);
    case_judges(inp, out);
    listed_offices(inp, out);
}

#[path = "offices_before.rs"]
mod before;

#[path = "offices_lists.rs"]
mod lists;
pub use lists::is_labelled_office;

#[path = "offices_orgs.rs"]
mod orgs;
use orgs::{
    antecedent_org, name_at, names_another_country, unimply_beside_a_stated_holder,
    whose_antecedent,
};

#[path = "offices_read.rs"]
mod read;
use read::{day_after, read_office};

#[path = "offices_phrase.rs"]
mod phrase;
use phrase::{first_head, name_before_head, office_key, title_cased, verb_like};

#[path = "offices_headed.rs"]
mod headed;
use headed::{headed_ministry, led_company};

#[path = "appointed.rs"]
mod appointed;
use appointed::{
    chooser_country, chooser_org, chosen, dismissed_before, predecessors, sworn_after_aside,
    sworn_in_by_name, APPOSITION_AS, FUTURE_AUX, HOLDS, JOINED, REPLACING_AS, SWORN,
};

#[path = "offices_judges.rs"]
mod judges;
use judges::case_judges;

#[path = "offices_incumbent.rs"]
mod incumbent;
use incumbent::incumbents;

#[path = "offices_listed.rs"]
mod listed;
pub(in crate::analysis::claims::facts) use listed::listed_offices;

#[path = "offices_copular.rs"]
mod copular;
use copular::copular_office;

#[cfg(test)]
#[path = "offices_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "offices_titles_tests.rs"]
mod titles_tests;

/// Whether a name the recogniser typed as an organisation reads as a
/// person's ("The finance ministry goes to Matej Kovač, a former central
/// bank economist"): two or three capitalised words, the first a given
/// name, none an ordinary word, and no organisation the gazetteer knows.
/// (The holder is then compared by name: see `index::relate`.)
fn reads_as_a_persons_name(text: &str, m: &Mention) -> bool {
    let name = m.text(text);
    let lx = crate::analysis::ner::lexicon::Lexicon::get();
    let words: Vec<&str> = name.split_whitespace().collect();
    let shaped = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && !words
            .iter()
            .any(|w| crate::analysis::ner::common_words::is_english_word(&w.to_lowercase()))
        && lx.lookup(name).is_none();
    shaped && (lx.is_given_name(words[0]) || described_as_a_person(text, m.end))
}

/// Whether the words after a name describe a person (", a former central
/// bank economist,", ", a senator,").
fn described_as_a_person(text: &str, at: usize) -> bool {
    const PERSON_NOUNS: &[&str] = &[
        "economist",
        "official",
        "lawyer",
        "senator",
        "banker",
        "diplomat",
        "academic",
        "professor",
        "politician",
        "technocrat",
        "veteran",
        "journalist",
        "engineer",
        "businessman",
        "businesswoman",
        "judge",
        "surgeon",
        "doctor",
    ];
    let to = crate::analysis::claims::words::floor_boundary(text, (at + 80).min(text.len()));
    let after = text[at..to].to_lowercase();
    let Some(rest) = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))
    else {
        return false;
    };
    let aside = rest.split([',', '.', ';']).next().unwrap_or("");
    aside.split_whitespace().count() <= 6
        && aside
            .split_whitespace()
            .last()
            .is_some_and(|w| PERSON_NOUNS.contains(&w))
}

/// Whether the place the document names most (twice or more, and more
/// than any other) is a region below its country.
fn about_a_region(inp: &FactInput) -> bool {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for m in inp
        .doc
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Location)
    {
        *counts.entry(&inp.text[m.start..m.end]).or_default() += 1;
    }
    let mut v: Vec<(usize, &str)> = counts.into_iter().map(|(k, c)| (c, k)).collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    let Some(&(top, name)) = v.first() else {
        return false;
    };
    let second = v.get(1).map_or(0, |x| x.0);
    top >= 2
        && top > second
        && crate::analysis::claims::resolve::place_kind_of_name(name).as_deref() == Some("region")
}
