//! Counts of people and things read through the parse, whatever event
//! they belong to: "300 people were evacuated", "Eleven people have now
//! died", "2,000 people rallied", "12 deaths and 340 confirmed
//! infections", "scored three goals", "holds 45 of the 120 seats", "the
//! death toll stands at 24".
//!
//! A number gets its reading from the tree: the noun it counts, the word
//! that governs that noun (the verb whose subject or object it is, or the
//! measure noun it counts itself), and the governing verb's named subject.
//! What it measures comes from the governing word ([`measure_of`]), never
//! from a cue word that merely stands near it in another clause. Such a
//! fact may have no named subject and no known event: comparison keeps it
//! within one story (see `index/`). The amount reader ([`super::amounts`])
//! runs first; a number it already read is left to it.
use super::count_reading::{lemma, lower, read_count, CountReading, SCALE_UNITS};
use super::*;
use crate::analysis::claims::quantity::measure::Stage;
use crate::analysis::claims::quantity::number::is_number_word;
use crate::analysis::syntax::{Parse, Upos};

/// Facts for the counts of a sentence that no other reader took.
pub(super) fn counted(inp: &FactInput, out: &mut Vec<Fact>) {
    let Some(sf) = inp.frames else { return };
    let (text, doc) = (inp.text, inp.doc);
    let p = &sf.parse;
    let ms = mentions_in(doc, inp.start, inp.end);
    for t in 0..p.len() {
        let Some(r) = read_count(p, t) else { continue };
        tracing::trace!("count reading at {:?}: {:?}", p.tokens[t].form, r);
        let (ns, ne) = (p.tokens[r.first].start, p.tokens[r.last].end);
        // A number inside a date, a sum of money, a percentage or a
        // source's phrase is another reader's.
        let inside = ms.iter().any(|&k| {
            let m = &doc.mentions[k as usize];
            m.start < ne && ns < m.end && !matches!(m.kind, EntityKind::Quantity)
        });
        if inside || inp.exclude.iter().any(|&(a, b)| ns < b && a < ne) {
            continue;
        }
        if out.iter().any(|f| f.start < ne && ns < f.end) {
            continue;
        }
        let after = text[ne..inp.end].trim_start();
        if after.starts_with('%')
            || after.to_ascii_lowercase().starts_with("per cent")
            || after.to_ascii_lowercase().starts_with("percent")
        {
            continue;
        }
        // A count asked for, wanted or planned is no count of what is.
        if super::count_reading::sought(p, r.first) {
            continue;
        }
        // "had scored 30 points only once": how often, not how much.
        let how_often = p
            .children(p.clause_of(r.first))
            .iter()
            .any(|&c| matches!(lower(p, c).as_str(), "once" | "twice" | "times" | "never"));
        if how_often {
            continue;
        }
        let Some(found) = read_value(inp, p, &r) else {
            continue;
        };
        // A year is no count.
        if r.noun.is_none() && (1900.0..2100.0).contains(&found.amount.value) {
            continue;
        }
        let unit = found.amount.unit.as_str();
        if DURATIONS.contains(&unit)
            || quantity::money::code(unit).is_some()
            || matches!(unit, "%" | "pp" | "bp")
            || SCALE_UNITS.contains(&unit)
            || measure::is_physical_unit(unit)
        {
            continue;
        }
        let (fs, fe) = (found.start.max(inp.start), found.end.min(inp.end));
        let amount = found.amount;
        let (ca, cb) = clause(text, inp.start, inp.end, ns, ne);
        let mut m = measure::identify(&MeasureInput {
            text,
            clause: (ca, cb),
            span: (fs, fe),
            amount: &amount,
        });
        m.what = r.what.clone();
        let mut amount = amount;
        if r.framed {
            measure::fold_frame_units(&r.what, &mut amount.unit, &mut m.unit);
            // "shed 300 jobs": the number shed, not a change of a count.
            if m.basis == measure::Basis::Change {
                m.basis = measure::Basis::Total;
            }
            // "confirmed by 79 votes": the votes cast for, not a margin
            // ("won by 12 votes" is one).
            if m.basis == measure::Basis::Margin
                && m.what.starts_with("votes")
                && super::count_states::voted_on_verb(p, r.first)
            {
                m.basis = measure::Basis::Total;
            }
        }
        if r.partial {
            m.stage = Stage::Partial;
        }
        // "A total of 34 workers were on the night shift": the people at
        // work when it struck are one number, never a running total.
        if m.what == measure::AT_WORK {
            m.stage = Stage::Any;
        }
        // "won two of its twelve matches": a team's wins out of its
        // matches are its record, compared with another report's wins (the
        // whole is another measure, the matches played).
        if matches!(m.what.as_str(), "wins" | "draws" | "losses") {
            m.part = None;
        }
        // Goals over a season are another count than one game's; one
        // game's are of the team named after them.
        if m.what == "goals" {
            if super::goals::beyond_one_game(&text[ca..cb]) {
                m.what = "season goals".into();
            } else {
                m.to = super::goals::opponent(&text[fs..inp.end]);
            }
        }
        // "38 of the 65 seats" counts 38 seats: the whole is what they are
        // counted out of, not another measure (the amount reader reads
        // "won 38 seats out of 65" alike).
        // The named subject of the governing verb, never one inside the
        // counted phrase ("2,000 supporters of X").
        // "Andorra won three, drew four and lost five", "won two,
        // drawing four and losing six": a record's later verbs share the
        // first one's subject.
        let governor = r.governor.map(|g| {
            if matches!(m.what.as_str(), "wins" | "draws" | "losses") {
                super::count_held::sharing_subject(p, g)
            } else {
                g
            }
        });
        let subject = governor.and_then(|g| {
            p.subjects(g).into_iter().find_map(|s| {
                let span = p.subtree_span(s);
                if span.0 <= ns && ne <= span.1 {
                    return None;
                }
                ms.iter().copied().find(|&k| {
                    let men = &doc.mentions[k as usize];
                    men.kind.is_name()
                        && men.start >= span.0
                        && men.end <= span.1
                        && sf.head_of(k) == Some(s)
                        && !in_spans(doc, k, inp.exclude)
                })
            })
        });
        // "81 deputies voted to confirm Ion Rusu", "confirmed Ion Rusu by
        // a vote of 79 to 21": votes are of the one voted on.
        let subject = subject.or_else(|| {
            let o = m
                .what
                .starts_with("votes")
                .then(|| super::count_states::voted_on(p, r.first))
                .flatten()?;
            let span = p.subtree_span(o);
            ms.iter().copied().find(|&k| {
                let men = &doc.mentions[k as usize];
                matches!(men.kind, EntityKind::Person | EntityKind::Organization)
                    && men.start >= span.0
                    && men.end <= span.1
                    && !in_spans(doc, k, inp.exclude)
            })
        });
        // "The company employs 4,800 people": the file's company.
        let subject = subject.or_else(|| {
            (m.what == "employed"
                && super::amount_parties::opens_with_the_company(&text[inp.start..inp.end]))
            .then(|| super::places::main_organisation(doc))
            .flatten()
        });
        // One party's seats whose name recognition missed ("The
        // Socialists (PS) won four seats") are that party's, not the
        // story's winner's.
        if subject.is_none() && m.to.is_none() {
            m.to = super::amount_parties::of_unread_party(sf, r.first, &m.what, doc);
        }
        // The people aboard are counted of the accident the article
        // reports, as casualties are (see `amounts.rs`).
        let casualty = measure::is_casualty_measure(&m.what);
        let aboard = m.what == measure::ABOARD;
        let mut event = sf.event_over(r.first).map(|e| sf.events[e].clone());
        if casualty || aboard {
            if event.is_none() {
                event = sf.harm_event().map(|e| sf.events[e].clone());
            }
            if let Some(e) = event.as_mut() {
                *e = crate::analysis::claims::frames::facts::with_context(
                    e,
                    inp.context,
                    inp.another,
                    inp.anchor,
                );
            }
            if subject.is_none() && event.is_none() {
                event = crate::analysis::claims::frames::facts::casualty_context(
                    inp.context,
                    inp.another,
                )
                .or_else(|| {
                    (!inp.another && inp.context.is_empty())
                        .then(|| inp.lead_harm.cloned())
                        .flatten()
                });
            }
            // A toll of no event the article has told of (the sentence
            // after a report of another quake) would be lent the story's
            // main harm by comparison: say nothing rather, unless no event
            // was told yet (see [`toll_before_any_event`]).
            if casualty && subject.is_none() && event.is_none() && !toll_before_any_event(inp) {
                continue;
            }
        }
        // "In neighbouring West Bengal, 2.5 lakh people were shifted": a
        // count of a part of the story's area, of no event of its own.
        if event.is_none() && m.part.is_none() {
            m.part = super::object_counts::place_part(text, doc, &ms, inp.start, ns);
        }
        let predicate: Vec<String> = {
            let mut v: Vec<String> = content_stems(text, ca, cb)
                .into_iter()
                .filter(|s| !s.chars().any(|c| c.is_ascii_digit()))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        tracing::trace!("count {:?}: {} ({:?})", &text[fs..fe], m.what, subject);
        let mut f = Fact::new(
            fs,
            fe,
            text,
            FactBody::Quantity {
                subject,
                amount,
                measure: m,
                predicate,
            },
        );
        f.event = event;
        out.push(f);
    }
}

/// The amount a count states, with its modifier ("at least", "about",
/// "another") and the counted noun as its unit; a bare count of people
/// counts people.
fn read_value(inp: &FactInput, p: &Parse, r: &CountReading) -> Option<quantity::Found> {
    let text = inp.text;
    let (ns, ne) = (p.tokens[r.first].start, p.tokens[r.last].end);
    // The noun written right after the number, adjectives between ("340
    // confirmed infections"): the fact spans it.
    let adjacent = r.noun.filter(|&n| {
        n > r.last
            && (r.last + 1..n).all(|x| {
                matches!(p.tokens[x].upos, Upos::Adj | Upos::Verb | Upos::Noun)
                    && p.tokens[x].end <= p.tokens[n].start
            })
            && n - r.last <= 3
    });
    let noun_word = match r.noun {
        // "22 crew members" count the crew.
        Some(n)
            if lower(p, n).starts_with("member")
                && p.children(n).iter().any(|&c| lower(p, c) == "crew") =>
        {
            "crew".to_string()
        }
        // "killed four of their colleagues", "184 of our comrades": people
        // named by whom they stand with are people.
        Some(n) if relational_people(&lemma(p, n)) => "people".to_string(),
        Some(n) => p.tokens[n].form.clone(),
        None => "people".to_string(),
    };
    let from =
        crate::analysis::claims::words::floor_boundary(text, ns.saturating_sub(30)).max(inp.start);
    let from = text[from..ns]
        .rfind(['\n', ',', ';', ':', '('])
        .map(|i| from + i + 1)
        .unwrap_or(from);
    let written = format!("{} {noun_word}", &text[from..ne]);
    let f = quantity::read(&written, ns - from, ne - from)?;
    if f.start > ns - from || f.end < ne - from {
        return None;
    }
    // Only modifiers before the number ("at least", "another"), never
    // another number ("500 gained eight").
    if written[f.start..ns - from]
        .chars()
        .any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let end = match adjacent {
        Some(n) => p.tokens[n].end,
        None => ne,
    };
    Some(quantity::Found {
        start: from + f.start,
        end,
        amount: f.amount,
    })
}

/// Month names and their abbreviations: a number next to one is a date.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Whether a sentence writes a number that may count something: not a
/// year, a day of a month, a time, a percentage or "one". Such a sentence
/// is worth parsing, names or none ("About 300 people were evacuated").
pub fn states_a_count(sentence: &str) -> bool {
    let ws: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: Option<&&str>| {
        w.is_some_and(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase();
            MONTHS.contains(&w.as_str())
        })
    };
    ws.iter().enumerate().any(|(i, w)| {
        let core = w.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        // "a 40,000-seat stadium": a number written onto its noun.
        let core = match core.split_once('-') {
            Some((n, noun))
                if n.starts_with(|c: char| c.is_ascii_digit())
                    && !noun.is_empty()
                    && noun.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                n
            }
            _ => core,
        };
        let digits = core.chars().next().is_some_and(|c| c.is_ascii_digit())
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        let word = core.split('-').all(is_number_word) && !core.eq_ignore_ascii_case("one");
        if !(digits || word) {
            return false;
        }
        let year = core.len() == 4
            && core.starts_with(['1', '2'])
            && core.chars().all(|c| c.is_ascii_digit());
        let percent = ws.get(i + 1).is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            n.starts_with("per") || n.starts_with('%')
        });
        !(year || percent || month(ws.get(i + 1)) || (i > 0 && month(ws.get(i - 1))))
    })
}

#[cfg(test)]
#[path = "counted_tests.rs"]
mod tests;

/// A toll in the lead of a wire report, the sentence its dateline opens,
/// that names no event ("DAR ES SALAAM, Sept 17 (AFP) - The death toll
/// rose to 44 on Friday as divers pulled more bodies from the water"):
/// the toll of the harm the article is about, which the index lends it
/// (see `index::sig`); none when the article has none. A toll later in
/// an article may be of another event it mentions.
pub(super) fn toll_before_any_event(inp: &FactInput) -> bool {
    let lead = inp
        .dateline
        .is_some_and(|(a, b)| a <= inp.end && b <= inp.end && b + 3 >= inp.start);
    // Or a count after the article's own toll when it remembered no
    // event of it ("Two people were killed when fire engulfed a tower
    // block ... Twenty-three people were hurt."): of the same harm.
    (lead || inp.toll_told) && !inp.another && inp.context.is_empty()
}

/// Nouns that name people by whom they stand with ("four of their
/// colleagues", "184 of our comrades"): a count of them counts people.
pub(super) fn relational_people(lemma: &str) -> bool {
    matches!(
        lemma.to_ascii_lowercase().as_str(),
        "colleague" | "comrade" | "coworker" | "co-worker" | "workmate" | "teammate"
    )
}
