//! The judge of a case: "Judge Helen Carter of Southwark Crown Court on
//! Thursday sentenced former fund manager Daniel Price to nine years",
//! "Daniel Price was jailed for nine years by Judge Helen Carter", "A
//! Federal High Court has sentenced Musa Danjuma ..., with Justice Bello
//! Yusuf ruling". A court has many judges, so the office compared is the
//! judge who decided one defendant's case ([`CASE_JUDGE`] of the
//! defendant): two judges of one court who jailed two people are no
//! contradiction, two named for one sentencing are.
use super::*;
use crate::analysis::claims::roles::CASE_JUDGE;

/// Titles written before a judge's name.
const JUDGE_TITLES: &[&str] = &["judge", "justice", "magistrate"];

/// Verbs of the decision of a case: a sentence, a conviction, an
/// acquittal. Bail, adjournments and appeals are other decisions, often
/// by other judges.
static DECIDED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:sentenced|sentences|jailed|jails|imprisoned|convicted|acquitted|handed|gave|suspended)\b",
    )
    .unwrap()
});

/// Words between the verb and the defendant that start another clause:
/// the person after them is not the one the judge decided on.
const CLAUSE_WORDS: &[&str] = &[
    "said", "says", "told", "added", "that", "who", "which", "while", "after", "before", "and",
    "but", "because", "when",
];

/// Lower-case words inside surnames ("van Rooyen", "de Graaf").
const SURNAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "du", "da", "dos", "del", "la", "le", "bin", "al",
];

/// A judge named by title in the sentence: the title's position in the
/// text and the person mention of the name after it.
struct Judge {
    start: usize,
    person: u32,
    end: usize,
}

fn judges_named(inp: &FactInput, ws: &[Word]) -> Vec<Judge> {
    let (text, doc) = (inp.text, inp.doc);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        // ("Judge Helen Carter", "presiding judge Helen Carter": the name
        // after it is capitalised either way.)
        if !JUDGE_TITLES.contains(&w.text.to_lowercase().as_str()) {
            continue;
        }
        // The name: capitalised words right after the title ("The
        // presiding judge, Helena Marsh,": after a comma when the title
        // says the judge presides).
        let first = match ws.get(i + 1) {
            Some(n)
                if text[w.end..n.start].trim() == ","
                    && i > 0
                    && ws[i - 1].text.eq_ignore_ascii_case("presiding") =>
            {
                i + 1
            }
            _ if ws
                .get(i + 1)
                .is_some_and(|n| !text[w.end..n.start].trim().is_empty()) =>
            {
                continue
            }
            _ => i + 1,
        };
        let mut e = first;
        while e < ws.len()
            && e - i <= 5
            && (ws[e].text.starts_with(|c: char| c.is_uppercase())
                // "Judge Pieter van Rooyen": a surname particle between
                // capitalised words.
                || (e > first
                    && SURNAME_PARTICLES.contains(&ws[e].text)
                    && ws
                        .get(e + 1)
                        .is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase()))))
            && (e == first || text[ws[e - 1].end..ws[e].start].trim().is_empty())
        {
            e += 1;
        }
        if e == first {
            continue;
        }
        let (from, to) = (ws[first].start, ws[e - 1].end);
        // The person the recogniser found there (it may have split a
        // name it did not know: "Justice Bello Yusuf").
        let person = mentions_in(doc, from, to).into_iter().rfind(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind == EntityKind::Person && m.start >= from && m.end <= to
        });
        if let Some(person) = person {
            out.push(Judge {
                start: w.start,
                person,
                end: to,
            });
        }
    }
    out
}

/// The person a decision verb ending at `at` is about, named right
/// after it ("sentenced former fund manager Daniel Price", "jailed a
/// former accountant, Rita Vance,"): a person's possessive only before
/// the sentence ("suspended five years of Price's sentence").
fn decided_on_after(inp: &FactInput, at: usize, skip: &[u32]) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let limit = crate::analysis::claims::words::floor_boundary(text, (at + 80).min(inp.end));
    let k = mentions_in(doc, at, limit).into_iter().find(|&k| {
        let m = &doc.mentions[k as usize];
        m.kind == EntityKind::Person && m.start >= at && !skip.contains(&k)
    })?;
    let m = &doc.mentions[k as usize];
    let between = text[at..m.start].to_lowercase();
    if between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CLAUSE_WORDS.contains(&w))
        || between.split_whitespace().count() > 8
    {
        return None;
    }
    let after = text[m.end..].to_lowercase();
    if after.starts_with("'s") || after.starts_with("’s") {
        let rest = after[after.find('s')? + 1..].trim_start();
        return ["sentence", "term", "prison term", "jail term", "conviction"]
            .iter()
            .any(|w| rest.starts_with(w))
            .then_some(k);
    }
    Some(k)
}

/// The person a passive decision verb starting at `at` is about, the
/// subject right before it ("Daniel Price was jailed").
fn decided_on_before(inp: &FactInput, at: usize, skip: &[u32]) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let k = mentions_in(doc, inp.start, at)
        .into_iter()
        .rfind(|&k| doc.mentions[k as usize].end <= at)?;
    let m = &doc.mentions[k as usize];
    if m.kind != EntityKind::Person || skip.contains(&k) {
        return None;
    }
    let between = text[m.end..at].to_lowercase();
    let words: Vec<&str> = between.split_whitespace().collect();
    (matches!(
        words.as_slice(),
        ["was"] | ["were"] | ["has", "been"] | ["had", "been"] | ["is", "being"]
    ))
    .then_some(k)
}

/// The fullest name the document gives the person of mention `k`.
fn full_name(doc: &DocAnalysis, text: &str, k: u32) -> String {
    doc.locals
        .iter()
        .find(|l| l.mentions.contains(&k))
        .map(|l| l.name.clone())
        .unwrap_or_else(|| doc.mentions[k as usize].text(text).to_string())
}

/// The judge of each defendant's case named in the sentence.
pub(super) fn case_judges(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ws = words(text, inp.start, inp.end);
    let judges = judges_named(inp, &ws);
    if judges.is_empty() {
        return;
    }
    let lower = text[inp.start..inp.end].to_lowercase();
    let verbs: Vec<(usize, usize)> = DECIDED
        .find_iter(&lower)
        .map(|v| (inp.start + v.start(), inp.start + v.end()))
        .collect();
    let skip: Vec<u32> = judges.iter().map(|j| j.person).collect();
    for j in &judges {
        let defendant = verbs.iter().find_map(|&(vs, ve)| {
            if vs >= j.end {
                // "Judge X (of the Court) (on Thursday) jailed Y": the judge
                // is the verb's subject, with nothing but the court and
                // the day between.
                let between = text[j.end..vs].to_lowercase();
                let plain = !between
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| CLAUSE_WORDS.contains(&w))
                    && between.split_whitespace().count() <= 10;
                plain.then(|| decided_on_after(inp, ve, &skip)).flatten()
            } else if ve <= j.start {
                let between = text[ve..j.start].to_lowercase();
                let by = between.trim_end().ends_with(" by") || between.trim() == "by";
                let with = between.trim_end().ends_with(" with");
                if by {
                    // "Daniel Price was jailed ... by Judge Helen Carter".
                    decided_on_before(inp, vs, &skip)
                } else if with {
                    // "has sentenced Musa Danjuma ..., with Justice X
                    // ruling".
                    decided_on_after(inp, ve, &skip)
                } else {
                    None
                }
            } else {
                None
            }
        });
        // "Judge X of the Lagos High Court suspended five years of the
        // term because Okafor had repaid ...": the sentence decides but
        // names no defendant where one is read; the one person the
        // document has sentenced, jailed or convicted is the one.
        // ("Judge X ordered the seizure of ...": in a report of one
        // trial, the judge ruling in it.)
        // (Only of the document's defendant when that is the person
        // named last before the judge: "Harold Vance pleaded guilty. Judge
        // X ordered him to pay" is Vance's judge, whoever else the
        // document has sentenced.)
        let rules = ORDERED_AFTER.is_match(&text[j.end..inp.end].to_lowercase())
            && the_documents_defendant(inp, &skip)
                .is_some_and(|d| last_person_before(inp, j.start, &skip) == local_of(doc, d));
        let decides = rules
            || verbs.iter().any(|&(vs, _)| {
                vs >= j.end && {
                    let between = text[j.end..vs].to_lowercase();
                    !between
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| CLAUSE_WORDS.contains(&w))
                        && between.split_whitespace().count() <= 10
                }
            });
        // "Judge X, who presided (over the trial),", "presiding judge X",
        // "the panel, chaired by Judge X": the judge of the case the
        // document reports, whoever decided it.
        let decides = decides || presides(inp, j) || speaks_of_defendant(inp, j, &skip);
        // Only when every other person the sentence names is that one
        // ("sentenced Price's co-defendant, Tom Hill," is not about Price).
        let defendant = defendant.or_else(|| {
            let d = decides
                .then(|| the_documents_defendant(inp, &skip))
                .flatten()?;
            let local = |k: u32| doc.locals.iter().position(|l| l.mentions.contains(&k));
            let others_are_it = mentions_in(doc, inp.start, inp.end).into_iter().all(|k| {
                doc.mentions[k as usize].kind != EntityKind::Person
                    || skip.contains(&k)
                    || local(k) == local(d)
            });
            others_are_it.then_some(d)
        });
        let Some(d) = defendant else { continue };
        out.push(Fact::new(
            j.start,
            j.end,
            text,
            FactBody::Role {
                person: j.person,
                role: NormRole {
                    title: CASE_JUDGE.to_string(),
                    org: Some(full_name(doc, text, d)),
                    qualifier: None,
                },
                role_text: text[j.start..j.end].to_string(),
                when: dated_frame(doc, text, inp.start, j.start),
            },
        ));
    }
}

/// Whether the words around a judge's name say the judge presides over
/// the case: "presiding judge X", "The presiding judge, X", "chaired by
/// Judge X", "presided over by Judge X", "Judge X, who presided (over the
/// trial)". Which case is left to the caller (the document's one
/// defendant, and no other person in the sentence).
fn presides(inp: &FactInput, j: &Judge) -> bool {
    let text = inp.text;
    let before = text[inp.start..j.start].to_lowercase();
    let before = before.trim_end();
    let after = text[j.end..inp.end].to_lowercase();
    ["presiding", "chaired by", "presided over by"]
        .iter()
        .any(|w| before.ends_with(w))
        || PRESIDED_AFTER.is_match(&after)
}

/// Whether a judge's name is the subject of a verb of saying whose words
/// name the document's one defendant ("Judge Nomvula Dlamini said
/// Mokoena had shown no remorse"): in a report of a sentencing, the judge
/// who speaks of the defendant is the judge of the case.
fn speaks_of_defendant(inp: &FactInput, j: &Judge, skip: &[u32]) -> bool {
    let after = inp.text[j.end..inp.end].to_lowercase();
    if !SAID_AFTER.is_match(&after) {
        return false;
    }
    let Some(d) = the_documents_defendant(inp, skip) else {
        return false;
    };
    let doc = inp.doc;
    let local = |k: u32| doc.locals.iter().position(|l| l.mentions.contains(&k));
    mentions_in(doc, j.end, inp.end)
        .into_iter()
        .any(|k| doc.mentions[k as usize].kind == EntityKind::Person && local(k) == local(d))
}

/// A verb of saying right after a judge's name.
static SAID_AFTER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s+(?:said|told|added)\b").unwrap());

/// A relative clause of presiding right after a judge's name.
static PRESIDED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^,\s+who\s+(?:had\s+)?(?:presided|chaired)\b").unwrap()
});

/// The one person the document says was sentenced, jailed, convicted or
/// acquitted ("sentenced former fund manager Daniel Price", "Okafor was
/// jailed"), by the local entity's fullest mention; None for none or
/// several.
fn the_documents_defendant(inp: &FactInput, skip: &[u32]) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    let lower = text.to_lowercase();
    // (Lower-casing keeps byte offsets only for text whose case changes
    // keep lengths; else no document-wide reading.)
    if lower.len() != text.len() {
        return None;
    }
    let mut found: Option<usize> = None;
    let skip_locals: Vec<usize> = skip
        .iter()
        .filter_map(|&k| doc.locals.iter().position(|l| l.mentions.contains(&k)))
        .collect();
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let before_from =
            crate::analysis::claims::words::floor_boundary(text, m.start.saturating_sub(40));
        let before = &lower[before_from..m.start];
        let after_to =
            crate::analysis::claims::words::floor_boundary(text, (m.end + 90).min(text.len()));
        let after = &lower[m.end..after_to];
        // (Not the judge: "sentenced by Judge X".)
        let judge = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| JUDGE_TITLES.contains(&w));
        let object = !judge
            && DECIDED.find_iter(before).last().is_some_and(|v| {
                let between = &before[v.end()..];
                between.split_whitespace().count() <= 4
                    && !between.contains(['.', ';'])
                    && !between.split_whitespace().any(|w| w == "by")
            });
        // ("Dan Stoica, who is on trial for bribery", "the trial of
        // former minister Dan Stoica": the one tried.)
        let tried = TRIED.is_match(after) || TRIAL_OF.is_match(before);
        let subject = PASSIVE.is_match(after) || tried;
        if !(object || subject) {
            continue;
        }
        let Some(local) = doc
            .locals
            .iter()
            .position(|l| l.mentions.contains(&(k as u32)))
        else {
            continue;
        };
        if skip_locals.contains(&local) {
            continue;
        }
        match found {
            None => found = Some(local),
            Some(f) if f == local => {}
            Some(_) => return None,
        }
    }
    let local = &doc.locals[found?];
    Some(local.defining)
}

/// A passive decision right after a name ("Price was jailed", "Okafor,
/// 61, was sentenced", "a former aide, Musa Danjuma, was sentenced",
/// "Daniel Croft, the former treasurer of a council, was sentenced").
static PASSIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:,\s*\d{1,3}|,[^,.;]{1,60},)?,?\s+(?:was|were|has been|had been)\s+(?:sentenced|jailed|imprisoned|convicted|acquitted|found guilty)\b",
    )
    .unwrap()
});

/// A name's trial told after it ("Dan Stoica, who is on trial for
/// bribery", "Stoica went on trial", "Stoica is charged with fraud").
static TRIED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:,\s*\d{1,3})?,?\s+(?:who\s+)?(?:is|was|has been|went|goes|stands|stood|is standing)\s+(?:on trial|trial|accused of|charged with)\b",
    )
    .unwrap()
});

/// A trial named right before a name ("the trial of former transport
/// minister Dan Stoica").
static TRIAL_OF: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\btrial of(?:\s+[a-z-]+){0,4}\s*$").unwrap());

/// A judge's order or ruling right after the judge's name.
static ORDERED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:\s+on\s+\w+)?\s+(?:ordered|ruled)\b").unwrap()
});

/// The local entity of mention `k`.
fn local_of(doc: &DocAnalysis, k: u32) -> Option<usize> {
    doc.locals.iter().position(|l| l.mentions.contains(&k))
}

/// The local entity of the person named last before `at` in the document
/// (judges of the sentence left out), within a few sentences.
fn last_person_before(inp: &FactInput, at: usize, skip: &[u32]) -> Option<usize> {
    let doc = inp.doc;
    let from = crate::analysis::claims::words::floor_boundary(inp.text, at.saturating_sub(600));
    let k = mentions_in(doc, from, at).into_iter().rfind(|&k| {
        let m = &doc.mentions[k as usize];
        m.kind == EntityKind::Person && m.end <= at && !skip.contains(&k)
    })?;
    local_of(doc, k)
}
