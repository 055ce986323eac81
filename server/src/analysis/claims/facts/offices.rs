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
    // "Sports CS Joseph Kiprono": a Cabinet Secretary.
    "cs",
    // "the country's top diplomat": its foreign minister (see
    // `roles::norm_title`).
    "diplomat",
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

/// Read an office from `ws` (the whole phrase, nothing else): an
/// optional organisation, portfolio words, a head, and "of/for ..."
/// after it.
/// Reads the qualifier words ("former", "acting", "new") from word `k` on,
/// keeping the first one read, and leaves `k` after them.
fn take_qualifiers(lw: &[String], k: &mut usize, qualifier: &mut Option<RoleQualifier>) {
    while let Some(q) = lw
        .get(*k)
        .and_then(|w| crate::analysis::ner::cues::qualifier(w))
    {
        *qualifier = qualifier.or(Some(q));
        *k += 1;
    }
}

fn read_office(inp: &FactInput, ws: &[Word]) -> Option<Office> {
    let (text, doc) = (inp.text, inp.doc);
    if ws.is_empty() || ws.len() > 10 {
        return None;
    }
    let lw: Vec<String> = ws.iter().map(low).collect();
    let mut k = 0;
    let mut qualifier = None;
    let mut org: Option<String> = None;
    // Whether `org` is a name written before the office (no possessive).
    let mut named_org = false;
    // Qualifiers ("former", "acting", "new").
    take_qualifiers(&lw, &mut k, &mut qualifier);
    // "then-NATO Secretary General", "ex-Kenyan minister": a qualifier
    // joined to the organisation.
    if let Some((q, rest)) = ws.get(k).and_then(|w| {
        let (q, rest) = w.text.split_once('-')?;
        let q = crate::analysis::ner::cues::qualifier(&q.to_lowercase())?;
        rest.chars().next()?.is_uppercase().then_some((q, rest))
    }) {
        qualifier = qualifier.or(Some(q));
        org = Some(demonym_to_country(
            rest.trim_end_matches("'s").trim_end_matches("’s"),
        ));
        k += 1;
    }
    // The organisation: "Kenya's", "Kenyan", "Tessaly" (a name).
    if k < ws.len() && org.is_none() {
        if let Some(stem) = lw[k].strip_suffix("'s") {
            let raw = &ws[k].text[..stem.len()];
            // "the country's water minister": the country the article is
            // about (see `offices`), not a country called "country".
            if !matches!(stem, "country" | "nation" | "state" | "government") {
                org = Some(demonym_to_country(raw));
            }
            k += 1;
        } else {
            // A name mention (place or organisation) or a demonym, of one
            // or more capitalised words.
            let named = mentions_in(doc, ws[k].start, ws[ws.len() - 1].end)
                .into_iter()
                .map(|m| &doc.mentions[m as usize])
                .find(|m| {
                    m.start == ws[k].start
                        && matches!(m.kind, EntityKind::Location | EntityKind::Organization)
                        // "Interior Cabinet Secretary": a portfolio and a
                        // title, however the recogniser typed them.
                        && !m.text(text).to_lowercase().ends_with("cabinet")
                });
            if let Some(m) = named {
                // Its possessive, when it ends in one.
                let end = ws.iter().position(|w| w.end >= m.end).unwrap_or(k);
                let name = m.text(text).trim_end_matches("'s").trim_end_matches("’s");
                org = Some(demonym_to_country(name));
                // "Manchester United manager": the name goes on past the
                // place the recogniser found (see `name_before_head`).
                named_org = !lw[end].ends_with("'s");
                k = end + 1;
            } else if ws[k].text.chars().next().is_some_and(|c| c.is_uppercase())
                && demonym_to_country(ws[k].text) != ws[k].text
            {
                org = Some(demonym_to_country(ws[k].text));
                k += 1;
            }
        }
    }
    // Qualifiers after the organisation ("Lithuania's new health
    // minister").
    take_qualifiers(&lw, &mut k, &mut qualifier);
    // Two roles of one person ("co-founder and chief executive"): the
    // office is the one after the conjunction.
    if let Some(c) = lw[k.min(lw.len())..]
        .iter()
        .position(|w| w == "and" || w == "&")
        .map(|c| k + c)
    {
        if c > k && ROLE_NOUNS.contains(&lw[c - 1].as_str()) {
            k = c + 1;
        }
    }
    let head_at = first_head(&lw[k.min(lw.len())..])?;
    let head_word = &ws[k + head_at];
    if let Some(name) = name_before_head(&ws[k..k + head_at], head_word, org.is_some(), named_org) {
        k += name.split(' ').count();
        org = Some(match org {
            Some(o) => format!("{o} {name}"),
            None => name,
        });
    }
    let rest = &lw[k.min(lw.len())..];
    let head_at = first_head(rest)?;
    // Heads in a row ("chief executive officer", "prime minister").
    let mut head_end = head_at + 1;
    while head_end < rest.len() && HEADS.contains(&rest[head_end].as_str()) {
        head_end += 1;
    }
    let pre = &rest[..head_at];
    // Portfolio words are no names ("Ruto and water minister X").
    let pre_words = &ws[k..k + head_at];
    let named = pre_words.iter().any(|w| {
        mentions_in(doc, w.start, w.end).iter().any(|&m| {
            let m = &doc.mentions[m as usize];
            m.kind.is_name() && !m.text(text).to_lowercase().ends_with("cabinet")
        })
    });
    if pre.len() > 4
        || named
        || pre.first().is_some_and(|w| w == "and")
        || pre.iter().any(|w| verb_like(w))
        || pre
            .iter()
            .any(|w| STOP.contains(&w.as_str()) || w.ends_with("'s"))
    {
        return None;
    }
    let mut post: Vec<String> = Vec::new();
    let after = &rest[head_end..];
    if let Some(first) = after.first() {
        let of = match first.as_str() {
            "of" | "for" => 1,
            "responsible" if after.get(1).is_some_and(|w| w == "for") => 2,
            _ => return None,
        };
        // Whether the word before was part of the organisation's name.
        let mut in_name = false;
        // The end of a name of several words read as the organisation.
        let mut name_end = 0;
        // "chief executive of Tellmark Foods": a company's or an agency's
        // name of several words. (Of a minister or secretary, "of Foreign
        // Affairs" is a portfolio however the recogniser typed it.)
        let of_government = GOVERNMENT.contains(&rest[head_end - 1].as_str());
        for (j, w) in after.iter().enumerate().skip(of) {
            if w == "the" {
                continue;
            }
            let at = &ws[k + head_end + j];
            if at.end <= name_end {
                continue;
            }
            if org.is_none() && post.is_empty() && !of_government {
                let name = mentions_in(doc, at.start, ws[ws.len() - 1].end)
                    .into_iter()
                    .map(|m| &doc.mentions[m as usize])
                    .find(|m| {
                        m.start == at.start
                            && m.end > at.end
                            && matches!(m.kind, EntityKind::Location | EntityKind::Organization)
                    });
                if let Some(m) = name {
                    // "of Frankfurt-based Kestrel Bank": the bank.
                    let t = m.text(text);
                    let t = t
                        .split_once("-based ")
                        .filter(|(place, _)| !place.contains(' '))
                        .map_or(t, |(_, rest)| rest);
                    org = Some(t.to_string());
                    name_end = m.end;
                    continue;
                }
            }
            // "the governor of Lagos State": the rest of the name, not a
            // portfolio.
            if in_name && at.text.chars().next().is_some_and(|c| c.is_uppercase()) {
                if let Some(o) = org.as_mut().filter(|_| post.is_empty()) {
                    o.push(' ');
                    o.push_str(at.text);
                }
                continue;
            }
            in_name = false;
            if STOP.contains(&w.as_str()) {
                return None;
            }
            // "the prime minister of Kenya": the country, not a portfolio.
            let named = mentions_in(doc, at.start, at.end).into_iter().find(|&m| {
                matches!(
                    doc.mentions[m as usize].kind,
                    EntityKind::Location | EntityKind::Organization
                )
            });
            if at.text.chars().next().is_some_and(|c| c.is_uppercase())
                && (named.is_some() || crate::analysis::claims::resolve::is_known_place(at.text))
            {
                if org.is_none() {
                    org = Some(at.text.to_string());
                    in_name = true;
                }
                continue;
            }
            post.push(w.clone());
        }
        // "head of" cut short by "its ...": no office read.
        if post.len() > 5 || (post.is_empty() && org.is_none() && after.len() <= of) {
            return None;
        }
    }
    let heads = rest[head_at..head_end].join(" ");
    let title = office_key(pre, &heads, &post)?;
    Some(Office {
        title,
        org,
        qualifier,
        start: ws[0].start,
        end: ws[ws.len() - 1].end,
    })
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
        let mut found: Option<Office> = None;
        // "X, a managing director at Goldman Sachs": one of several holders.
        let mut one_of = false;
        // Before the name: "Kenya's water minister Alice Wahome",
        // "Minister of Water and Environment, Alice Wahome".
        if i0 > 0 {
            let comma = gap(i0 - 1, i0);
            if comma.is_empty() || comma == "," {
                let mut a = i0;
                while a > 0 && i0 - a < 10 {
                    let g = if a < i0 { gap(a - 1, a) } else { String::new() };
                    if a < i0 && !g.is_empty() {
                        break;
                    }
                    let w = low(&ws[a - 1]);
                    if STOP.contains(&w.as_str()) && w != "the" {
                        break;
                    }
                    a -= 1;
                }
                // The longest phrase that reads as an office.
                for s in a..i0 {
                    if let Some(o) = read_office(inp, &ws[s..i0]) {
                        // With a comma, "of/for ..." or a possessive says it
                        // is an office and not the end of a list.
                        // ("Former finance chief Erik Vang": "chief" ends
                        // a title, see `first_head`.)
                        let last = low(&ws[i0 - 1]);
                        let ends_in_head = HEADS.contains(&last.as_str()) || last == "chief";
                        if comma.is_empty() && !ends_in_head && !title_cased(&ws[s..i0]) {
                            break;
                        }
                        found = Some(o);
                        break;
                    }
                }
            }
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
        // "Lucía Benavides, who heads the Interior Ministry,".
        if found.is_none() {
            found = headed_ministry(inp, &ws, i1);
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
            let sworn = SWORN.find(&rest).filter(|_| !object);
            let lead = sworn.map(|c| c.end()).or_else(|| {
                chosen(&before)
                    .then(|| {
                        rest.strip_prefix(" as ")
                            .map(|_| 4)
                            // "confirmed Ivana Marković, a 44-year-old
                            // economist, as economy minister".
                            .or_else(|| APPOSITION_AS.find(&rest).map(|c| c.end()))
                    })
                    .flatten()
            });
            if let Some(skip) = lead {
                let at = ws[i1 - 1].end + skip;
                let s = ws.partition_point(|w| w.start < at);
                // "as its next chief executive": the organisation is the
                // one choosing, left to the file (see `index::offices`).
                let s = if s < ws.len()
                    && matches!(low(&ws[s]).as_str(), "the" | "a" | "its" | "their")
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
                    if next {
                        if let Some(o) = found.as_mut() {
                            o.qualifier = o.qualifier.or(Some(RoleQualifier::Incoming));
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
        // A title one of several hold in fact ("a vice president", "a
        // managing director") names no holder of the one office the title
        // names elsewhere. Either way the recogniser's reading of it is
        // dropped too; other offices ("a spokesman for") stay for the
        // attribution.
        if whose || one_of && crate::analysis::claims::roles::is_single_holder(&o.title, &[]) {
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
        if o.org.is_none() && GOVERNMENT.contains(&head) {
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
                if role.org.is_some() && fewer {
                    continue;
                }
                o.qualifier = o.qualifier.or(role.qualifier);
            }
            out.remove(k);
        }
        if defaulted {
            defaulted_people.push(person);
        }
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
                when: dated_frame(doc, text, inp.start, start),
            },
        ));
    }
    unimply_beside_a_stated_holder(out, &defaulted_people);
}

#[path = "offices_orgs.rs"]
mod orgs;
use orgs::{antecedent_org, names_another_country, unimply_beside_a_stated_holder};

#[path = "offices_phrase.rs"]
mod phrase;
use phrase::{first_head, name_before_head, office_key, title_cased, verb_like};

#[path = "offices_headed.rs"]
mod headed;
use headed::headed_ministry;

#[path = "appointed.rs"]
mod appointed;
use appointed::{chooser_country, chosen, dismissed_before, APPOSITION_AS, SWORN};

#[cfg(test)]
#[path = "offices_tests.rs"]
mod tests;
