//! Reading one office phrase: "Kenya's new water and environment
//! minister", "chief executive of Tellmark Foods", "the governor of Lagos
//! State"; and the day an appointment is written with.
use super::*;

/// Reads the qualifier words ("former", "acting", "new") from word `k` on,
/// keeping the first one read, and leaves `k` after them.
fn take_qualifiers(lw: &[String], k: &mut usize, qualifier: &mut Option<RoleQualifier>) {
    // ("the newly appointed finance minister": one just in office.)
    if lw.get(*k).is_some_and(|w| w == "newly")
        && lw.get(*k + 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "appointed" | "named" | "elected" | "installed" | "sworn" | "confirmed"
            )
        })
    {
        *qualifier = qualifier.or(Some(RoleQualifier::Incoming));
        *k += 2;
    }
    // ("incumbent mayor X", "the current mayor X": the holder now, as
    // "mayor X" says.)
    while lw
        .get(*k)
        .is_some_and(|w| matches!(w.as_str(), "incumbent" | "current" | "sitting"))
    {
        *k += 1;
    }
    // ("Brandt Logistik's next chief operating officer": one to come.)
    while let Some(q) = lw.get(*k).and_then(|w| match w.as_str() {
        "next" => Some(RoleQualifier::Incoming),
        w => crate::analysis::ner::cues::qualifier(w),
    }) {
        *qualifier = qualifier.or(Some(q));
        *k += 1;
    }
}

/// Read an office from `ws` (the whole phrase, nothing else): an
/// optional organisation, portfolio words, a head, and "of/for ..."
/// after it.
pub(super) fn read_office(inp: &FactInput, ws: &[Word]) -> Option<Office> {
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
    // Adverbs of the holding ("X, currently finance director at Y").
    while lw
        .get(k)
        .is_some_and(|w| matches!(w.as_str(), "currently" | "now" | "also" | "still"))
    {
        k += 1;
    }
    // "replace outgoing mayor": a lower-case word that is no title word
    // before a qualifier is the verb the phrase was cut from.
    if ws.len() > 2
        && ws[k].text.starts_with(|c: char| c.is_lowercase())
        && !crate::analysis::claims::roles::is_title_word(&lw[k])
        && crate::analysis::ner::cues::qualifier(&lw[k + 1]).is_some()
    {
        k += 1;
    }
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
            } else if k + 1 < ws.len() && crate::analysis::claims::roles::is_body_noun(&lw[k]) {
                // "Federation president X", "Company head X": the noun
                // stands for the body, as "the federation's" does (whose
                // it is, the index tells: see `index::offices`).
                org = Some(lw[k].clone());
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
    // ("Assets of former transport minister X": a qualifier among the
    // portfolio words says the phrase starts after it.)
    if pre.len() > 4
        || pre
            .iter()
            .any(|w| crate::analysis::ner::cues::qualifier(w).is_some() && w != "new")
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
        let head_word = rest[head_end - 1].as_str();
        let of_government = GOVERNMENT.contains(&head_word);
        // ("president of the Romanian Rugby Federation": a president of
        // a body the recogniser names is its, not a portfolio.)
        let presides_body = matches!(head_word, "president" | "chancellor");
        for (j, w) in after.iter().enumerate().skip(of) {
            if w == "the" {
                continue;
            }
            let at = &ws[k + head_end + j];
            if at.end <= name_end {
                continue;
            }
            if org.is_none() && post.is_empty() {
                let name = mentions_in(doc, at.start, ws[ws.len() - 1].end)
                    .into_iter()
                    .map(|m| &doc.mentions[m as usize])
                    .find(|m| {
                        m.start == at.start
                            && m.end > at.end
                            && (m.kind == EntityKind::Organization
                                && (presides_body || names_a_body(m.text(text)))
                                || !of_government
                                    && matches!(
                                        m.kind,
                                        EntityKind::Location | EntityKind::Organization
                                    ))
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

/// Whether a name ends in a noun of a kind of body ("the State Emergency
/// Management Agency"): a secretary of it is its officer, no portfolio
/// ("Secretary of Foreign Affairs").
fn names_a_body(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| crate::analysis::claims::roles::is_kind_noun(&w.to_lowercase()))
}

/// The day written right after an appointment's office ("took office as
/// Chile's energy minister on Tuesday", "sworn in as finance minister on
/// 14 October"), resolved against the file's date, when it is one day.
pub(super) fn day_after(
    inp: &FactInput,
    at: usize,
) -> Option<(
    crate::analysis::claims::dates::Ymd,
    crate::analysis::claims::dates::Ymd,
)> {
    let (text, doc) = (inp.text, inp.doc);
    let rest = text.get(at..)?;
    let gap = rest.len() - rest.trim_start().len();
    if !rest.trim_start().starts_with("on ") {
        return None;
    }
    let from = at + gap + 3;
    let d = mentions_in(doc, from, inp.end)
        .into_iter()
        .map(|k| &doc.mentions[k as usize])
        .find(|m| m.start == from && m.kind == EntityKind::Date)?;
    let r = crate::analysis::claims::dates::context::resolve_in_text(
        text, inp.start, inp.end, d.start, d.end, inp.anchor,
    )?;
    (r.interval.0 == r.interval.1).then_some(r.interval)
}
