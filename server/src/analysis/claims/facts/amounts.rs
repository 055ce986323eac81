//! Amounts in a claim: where they are, what they measure, whose they are.
use super::*;

/// Where an amount is: a recogniser's mention, or a number the parse
/// found that no mention covers ("killing 41 of the 49 people").
struct AmountSpot {
    start: usize,
    end: usize,
    mention: Option<u32>,
    token: Option<usize>,
}

fn amount_spots(inp: &FactInput, ms: &[u32]) -> Vec<AmountSpot> {
    let doc = inp.doc;
    let mut v: Vec<AmountSpot> = ms
        .iter()
        .copied()
        .filter(|&k| {
            matches!(
                doc.mentions[k as usize].kind,
                EntityKind::Quantity | EntityKind::Money
            )
        })
        .map(|k| {
            let m = &doc.mentions[k as usize];
            AmountSpot {
                start: m.start,
                end: m.end,
                mention: Some(k),
                token: inp.frames.and_then(|sf| sf.head_of(k)),
            }
        })
        .collect();
    if let Some(sf) = inp.frames {
        let p = &sf.parse;
        for (i, t) in p.tokens.iter().enumerate() {
            use crate::analysis::syntax::Rel;
            // A number word opening a sentence is often tagged otherwise
            // ("Fourteen passengers were injured").
            let numeral = t.upos == crate::analysis::syntax::Upos::Num
                || crate::analysis::claims::quantity::number::is_number_word(&t.form);
            let counts = numeral
                && (matches!(t.deprel.rel, Rel::Nummod | Rel::Obj | Rel::Nsubj)
                    || (t.upos != crate::analysis::syntax::Upos::Num
                        && matches!(t.deprel.rel, Rel::Amod | Rel::Det | Rel::Compound)));
            let covered = ms.iter().any(|&k| {
                let m = &doc.mentions[k as usize];
                t.start < m.end && m.start < t.end
            });
            if counts && !covered {
                v.push(AmountSpot {
                    start: t.start,
                    end: t.end,
                    mention: None,
                    token: Some(i),
                });
            }
        }
    }
    v.sort_by_key(|s| s.start);
    v
}

/// An amount followed by "-million", "-billion" or "-trillion", read
/// with its scale.
fn hyphenated_scale(text: &str, found: quantity::Found) -> quantity::Found {
    let rest = &text[found.end..];
    for scale in ["million", "billion", "trillion"] {
        let Some(after) = rest.strip_prefix('-').and_then(|r| r.strip_prefix(scale)) else {
            continue;
        };
        if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let written = format!("{} {scale}", &text[found.start..found.end]);
        if let Some(amount) = quantity::parse(&written) {
            return quantity::Found {
                start: found.start,
                end: found.end + 1 + scale.len(),
                amount,
            };
        }
    }
    found
}

/// A number the parse counts a noun with that the amount reader cannot
/// read alone: "41 of the 49 people" is 41 people.
fn counted_number(inp: &FactInput, q: &AmountSpot) -> Option<quantity::Found> {
    let sf = inp.frames?;
    let t = q.token?;
    if q.mention.is_some() {
        return None;
    }
    let p = &sf.parse;
    let noun = match p.tokens[t].deprel.rel {
        crate::analysis::syntax::Rel::Nummod
        | crate::analysis::syntax::Rel::Amod
        | crate::analysis::syntax::Rel::Det
        | crate::analysis::syntax::Rel::Compound => p.head(t)?,
        _ => p
            .children_with(t, crate::analysis::syntax::Rel::Nmod)
            .find(|&c| p.case_marker(c).as_deref() == Some("of"))?,
    };
    let amount = quantity::parse(&format!("{} {}", p.tokens[t].form, p.tokens[noun].form))?;
    Some(quantity::Found {
        start: q.start,
        end: q.end,
        amount,
    })
}

pub(super) fn quantities(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    for q in amount_spots(inp, &ms) {
        // The mention with what the recogniser left out around it ("at
        // least", "US$", "twenty-").
        let Some(found) = quantity::read(text, q.start, q.end)
            .filter(|f| f.start < q.end && q.start < f.end)
            .or_else(|| counted_number(inp, &q))
        else {
            continue;
        };
        // "$1.1-billion budget" (Canadian and British style): the scale
        // joined by a hyphen.
        let found = hyphenated_scale(text, found);
        // A year or a date is no amount.
        if q.mention.is_none()
            && found.amount.unit.is_empty()
            && (1900.0..2100.0).contains(&found.amount.value)
        {
            continue;
        }
        // "41 of the 49 people": the whole the part is counted from.
        // "had scored 30 points only once": how often, not how much.
        if let (Some(sf), Some(t)) = (inp.frames, q.token) {
            let p = &sf.parse;
            let clause = p.clause_of(t);
            let how_often = p.children(clause).iter().any(|&c| {
                matches!(
                    p.tokens[c].form.to_ascii_lowercase().as_str(),
                    "once" | "twice" | "times" | "never"
                )
            });
            if how_often {
                continue;
            }
            if p.tokens[t].deprel.rel == crate::analysis::syntax::Rel::Nmod
                && p.head(t)
                    .is_some_and(|h| p.tokens[h].upos == crate::analysis::syntax::Upos::Num)
            {
                continue;
            }
        }
        let mut amount = found.amount;
        // A bare "$" in an article from a country of dollars is its
        // dollar: Canadian news writes "$200 million" for Canadian dollars
        // and "US$" for American ones.
        if let Some(local) = local_dollar(text, found.start, found.end, &amount.unit, inp.country) {
            amount.unit = local.to_string();
        }
        // Where the parse places the amount: the event it is part of and
        // the named subject of its clause.
        let token = q.token;
        let mut event: Option<Event> = inp.frames.zip(token).and_then(|(sf, t)| {
            let e = sf.event_over(t)?;
            Some(sf.events[e].clone())
        });
        // Durations compare only as prison terms ("sentenced to 12
        // years"); elsewhere they are too context-bound.
        let sentence_term = event
            .as_ref()
            .is_some_and(|e| e.kind == crate::analysis::claims::frames::EventKind::Sentencing);
        if DURATIONS.contains(&amount.unit.as_str()) && !sentence_term {
            continue;
        }
        let (fs, fe) = (found.start.max(inp.start), found.end.min(inp.end));
        let (ca, cb) = clause(text, inp.start, inp.end, q.start, q.end);
        let mut measure = measure::identify(&MeasureInput {
            text,
            clause: (ca, cb),
            span: (fs, fe),
            amount: &amount,
        });
        // "scored three goals": goals, not points; over a season they are
        // another count than one game's.
        if amount.unit == "goal" && measure.what == "points" {
            measure.what = "goals".into();
        }
        if measure.what == "goals" && beyond_one_game(&text[ca..cb]) {
            measure.what = "season goals".into();
        }
        // People whose data a breach reached, however the clause counts
        // them ("5.4 million customers", "five million people affected"):
        // one measure of the breached organisation.
        let breach = measure::breach_victims(&text[ca..cb], &amount.unit);
        if breach {
            measure.what = measure::BREACH.to_string();
            measure.unit = "person".to_string();
            amount.unit = "person".to_string();
        }
        // No cue word for money given in a pledge or paid in a deal, or for
        // a prison term: the event says what it measures.
        if measure.what.is_empty() || sentence_term {
            if let Some(what) = event
                .as_ref()
                .and_then(|e| measure_of_event(e.kind, &amount))
            {
                measure.what = what.to_string();
            }
        }
        // Only the mentions of the clause (a long sentence has many).
        let ms_clause = within(doc, &ms, ca, cb);
        // Subject: "32 countries of the alliance"; else the named subject
        // of the amount's clause in the parse; without a parse, the
        // nearest name before the amount in its clause.
        let of_subject = ms_clause.iter().copied().find(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind.is_name()
                && m.start >= q.end
                && m.start <= q.end + 8
                && matches!(
                    text[q.end..m.start].trim().to_lowercase().as_str(),
                    "of" | "of the"
                )
        });
        // "a data breach at X", "a cyber-attack on X": the breached
        // organisation.
        let breached = || {
            ms_clause.iter().copied().find(|&k| {
                let m = &doc.mentions[k as usize];
                m.kind == EntityKind::Organization
                    && measure::after_breach_word(
                        &text[ca.max(m.start.saturating_sub(40))..m.start],
                    )
            })
        };
        let of_subject = of_subject
            .or_else(|| breached().filter(|_| breach))
            .or_else(|| {
                contractor(inp, &ms_clause, (ca, cb), fe).filter(|_| measure.what == "price")
            });
        let subject = of_subject.or_else(|| match (inp.frames, token) {
            (Some(sf), Some(t)) => sf
                .subject_of(t, doc)
                .filter(|m| !in_spans(doc, *m, inp.exclude))
                .or_else(|| {
                    // Money the speaker gives or pays ("The EU announced
                    // €45 million in aid"): the source is the donor.
                    let gives = is_money_unit(&amount.unit) && measure::gives_money(&measure.what);
                    gives.then(|| speaker_subject(inp, sf, t, &ms_clause))?
                }),
            (Some(_), None) => None,
            (None, _) => ms_clause.iter().copied().rev().find(|&k| {
                let m = &doc.mentions[k as usize];
                m.kind.is_name() && m.start >= ca && m.end <= q.start
            }),
        });
        if measure.what.ends_with("aid") {
            measure.to = aid_recipient(inp, &ms_clause, fe, cb, subject);
        }
        // A measure nothing names is no comparable fact ("giving the
        // company a value of about €5.4bn" is no price and no aid).
        if measure.what.is_empty() {
            continue;
        }
        // A count of casualties no event of the sentence governs ("Thirty-
        // nine people died", "In total 21 people died"): the harm of the
        // event the article reports.
        // The same for an event the sentence names without saying which
        // ("died in this accident"). Other counts (crews, equipment) are
        // too loosely tied to the reported event to inherit it.
        let casualty = measure::is_casualty_measure(&measure.what);
        // A casualty measure read from a word of another clause is no
        // count of casualties ("at least 60 people swam ashore, while the
        // toll rose to 24"): without the right measure, no fact.
        if casualty
            && inp
                .frames
                .zip(token)
                .is_some_and(|(sf, t)| !sf.clause_counts_casualties(t))
        {
            continue;
        }
        // A distance places something ("about 100 kilometres south of
        // the capital"); it is no fact to compare.
        if is_distance(text, &amount, fe) {
            continue;
        }
        if event.is_none() && casualty {
            event = inp
                .frames
                .and_then(|sf| sf.harm_event().map(|e| sf.events[e].clone()));
        }
        if let Some(e) = event.as_mut().filter(|_| casualty) {
            *e = crate::analysis::claims::frames::facts::with_context(
                e,
                inp.context,
                inp.another,
                inp.anchor,
            );
        }
        if subject.is_none() && event.is_none() && casualty {
            event =
                crate::analysis::claims::frames::facts::casualty_context(inp.context, inp.another);
        }
        if subject.is_none() && event.is_none() {
            continue;
        }
        // What is counted: the clause's content words, without names and
        // values (those are compared as entities and amounts).
        let mut skip: Vec<String> = Vec::new();
        for &(a, b) in inp.exclude {
            skip.extend(
                words(text, a, b)
                    .iter()
                    .map(|w| crate::analysis::claims::words::stem(w.text)),
            );
        }
        for &k in &ms_clause {
            let m = &doc.mentions[k as usize];
            if m.start >= ca && m.end <= cb {
                skip.extend(
                    words(text, m.start, m.end)
                        .iter()
                        .map(|w| crate::analysis::claims::words::stem(w.text)),
                );
            }
        }
        // "valued at C$200MM (about US$165 million) for 40 vehicles": what
        // the amount is for goes on after an aside in brackets.
        let mut predicate: Vec<String> = content_stems(text, ca, cb)
            .into_iter()
            .chain(after_aside(text, inp, cb))
            .filter(|s| !skip.contains(s) && !s.chars().all(|c| c.is_ascii_digit()))
            .collect();
        // What a contract is for is often counted ("a $200-million
        // contract for 40 vehicles"): the counted noun belongs to the
        // predicate, where the comparison looks for it.
        if is_contract(&text[ca..cb]) {
            for &k in &ms_clause {
                let m = &doc.mentions[k as usize];
                if m.kind == EntityKind::Quantity && !(m.start < fe && fs < m.end) {
                    predicate.extend(
                        content_stems(text, m.start, m.end)
                            .into_iter()
                            .filter(|s| !s.chars().any(|c| c.is_ascii_digit())),
                    );
                }
            }
        }
        predicate.sort();
        predicate.dedup();
        if out.iter().any(|f| f.start < fe && fs < f.end) {
            continue;
        }
        let mut f = Fact::new(
            fs,
            fe,
            text,
            FactBody::Quantity {
                subject,
                amount,
                measure,
                predicate,
            },
        );
        f.event = event;
        out.push(f);
    }
}

/// Lengths followed by a direction or "from"/"away": where something is.
fn is_distance(text: &str, amount: &Amount, end: usize) -> bool {
    const LENGTHS: &[&str] = &[
        "metre",
        "meter",
        "kilometre",
        "kilometer",
        "km",
        "m",
        "mile",
        "foot",
        "feet",
        "ft",
        "yard",
        "nautical mile",
    ];
    if !LENGTHS.contains(&amount.unit.as_str()) {
        return false;
    }
    let after = words(
        text,
        end,
        crate::analysis::claims::words::floor_boundary(text, end + 40),
    );
    after.iter().take(3).any(|w| {
        let l = w.text.to_ascii_lowercase();
        l.starts_with("north")
            || l.starts_with("south")
            || l.ends_with("east")
            || l.ends_with("west")
            || matches!(
                l.as_str(),
                "from"
                    | "away"
                    | "off"
                    | "offshore"
                    | "inland"
                    | "outside"
                    | "short"
                    | "below"
                    | "above"
                    | "underground"
            )
    })
}

/// What an amount of an event measures when no word says: money of a
/// pledge is aid, money of an acquisition its price, years of a sentencing
/// the prison term.
fn measure_of_event(
    kind: crate::analysis::claims::frames::EventKind,
    amount: &Amount,
) -> Option<&'static str> {
    use crate::analysis::claims::frames::EventKind as K;
    let money = amount.unit.len() == 3 && amount.unit.chars().all(|c| c.is_ascii_uppercase());
    // Only what the event itself measures: a prison term. Money given or
    // paid is named by its cue words ("aid", "pay", "buy"); without one
    // the amount is no comparable fact (a guessed measure is worse than
    // none: "giving the company a market value of" is no aid).
    let _ = money;
    match kind {
        K::Sentencing if DURATIONS.contains(&amount.unit.as_str()) => Some("prison term"),
        _ => None,
    }
}

fn is_money_unit(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Whom aid is for: a place or organisation after "for"/"to" following
/// the amount in its clause ("€45 million in emergency aid for Malawi"),
/// else the country the article is about, unless that is the donor.
fn aid_recipient(
    inp: &FactInput,
    ms_clause: &[u32],
    from: usize,
    to: usize,
    donor: Option<u32>,
) -> Option<String> {
    use crate::analysis::text::fold::ascii_key;
    let (text, doc) = (inp.text, inp.doc);
    let named = ms_clause.iter().copied().find(|&k| {
        let m = &doc.mentions[k as usize];
        matches!(m.kind, EntityKind::Location | EntityKind::Organization)
            && m.start >= from
            && m.end <= to
            && Some(k) != donor
            && text[from..m.start]
                .split_whitespace()
                .rev()
                .find(|w| !w.eq_ignore_ascii_case("the"))
                .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "for" | "to"))
    });
    if let Some(k) = named {
        let name = doc.mentions[k as usize].text(text);
        // A city stands for its country ("aid for Lilongwe").
        let place = crate::analysis::claims::resolve::country_of_name(name)
            .unwrap_or_else(|| name.to_string());
        return Some(ascii_key(&place));
    }
    let country = inp.country?;
    let donor_is_it = donor.is_some_and(|d| {
        let name = doc.mentions[d as usize].text(text);
        crate::analysis::claims::resolve::country_of_name(name)
            .is_some_and(|c| ascii_key(&c) == ascii_key(country))
    });
    (!donor_is_it).then(|| ascii_key(country))
}

/// The organisation or country named as the grammatical subject of the
/// clause of token `t` when it is also the sentence's source (frames
/// leave sources out of the names they read).
fn speaker_subject(
    inp: &FactInput,
    sf: &crate::analysis::claims::frames::SentenceFrames,
    t: usize,
    ms_clause: &[u32],
) -> Option<u32> {
    let p = &sf.parse;
    let clause = p.clause_of(t);
    p.subjects(clause).into_iter().find_map(|s| {
        let tok = &p.tokens[s];
        ms_clause.iter().copied().find(|&k| {
            let m = &inp.doc.mentions[k as usize];
            matches!(m.kind, EntityKind::Organization | EntityKind::Location)
                && m.start <= tok.start
                && tok.end <= m.end
                && in_spans(inp.doc, k, inp.exclude)
        })
    })
}

/// The currency a bare "$" stands for in an article about `country`,
/// when that country's money is a dollar and the amount is written with
/// no prefix ("$200-million", not "US$" or "C$").
fn local_dollar(
    text: &str,
    start: usize,
    end: usize,
    unit: &str,
    country: Option<&str>,
) -> Option<&'static str> {
    if unit != "USD" {
        return None;
    }
    let written = &text[start..end];
    let prefixed = match written.find('$') {
        Some(at) => text[..start + at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == '.'),
        // "1.1 billion dollars", not "US dollars" or "American dollars".
        None => {
            let low = written.to_ascii_lowercase();
            !low.contains("dollar")
                || [
                    "us ",
                    "u.s.",
                    "american",
                    "canadian",
                    "australian",
                    "kong",
                    "singapore",
                    "zealand",
                ]
                .iter()
                .any(|n| low.contains(n))
        }
    };
    if prefixed {
        return None;
    }
    Some(match country? {
        "Canada" => "CAD",
        "Australia" => "AUD",
        "New Zealand" => "NZD",
        "Hong Kong" => "HKD",
        "Singapore" => "SGD",
        _ => return None,
    })
}

/// Whom a contract or deal is with, when the clause names nobody as its
/// subject: "award a $200-million contract ... to X", "a deal with X",
/// or the organisation that reports it of itself ("X said it won a
/// contract valued at ...").
fn contractor(
    inp: &FactInput,
    ms_clause: &[u32],
    (ca, cb): (usize, usize),
    at: usize,
) -> Option<u32> {
    let (text, doc) = (inp.text, inp.doc);
    if !is_contract(&text[ca..cb]) {
        return None;
    }
    let org = |k: &u32| doc.mentions[*k as usize].kind == EntityKind::Organization;
    let with = ms_clause.iter().copied().filter(org).find(|&k| {
        let m = &doc.mentions[k as usize];
        m.start >= at
            && text[at..m.start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "to" | "with"))
    });
    with.or_else(|| {
        // The source organisation, then "said it"/"says it".
        ms_clause.iter().copied().filter(org).find(|&k| {
            let m = &doc.mentions[k as usize];
            m.end <= at && in_spans(doc, k, inp.exclude) && {
                let after = text[m.end..at].to_ascii_lowercase();
                let ws: Vec<&str> = after.split_whitespace().take(2).collect();
                matches!(ws.as_slice(), [v, "it"] if matches!(*v, "said" | "says" | "announced"))
            }
        })
    })
}

/// Content stems of the words after a bracketed aside that ends a clause
/// at `cb`, up to the next clause boundary.
fn after_aside(text: &str, inp: &FactInput, cb: usize) -> Vec<String> {
    if !text[cb..inp.end].starts_with('(') {
        return Vec::new();
    }
    let Some(close) = text[cb..inp.end].find(')') else {
        return Vec::new();
    };
    let from = cb + close + 1;
    // The boundary the closing bracket itself makes is behind us.
    let next = crate::analysis::claims::words::floor_boundary(text, (from + 2).min(inp.end));
    let (_, to) = clause(text, inp.start, inp.end, next, next);
    content_stems(text, from, to.max(from))
}

/// Whether a clause speaks of a contract or deal.
fn is_contract(clause: &str) -> bool {
    let low = clause.to_ascii_lowercase();
    crate::analysis::claims::words::words(&low, 0, low.len())
        .iter()
        .any(|w| matches!(w.text, "contract" | "contracts" | "deal" | "tender"))
}

/// "scored twice", "found the net three times", "a hat-trick": a player's
/// goals in one game written without a counted noun.
static GOALS_IN_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:scored|netted|struck|found the net|found the back of the net|hit the net)\s+(once|twice|three times|four times|five times)\b|\b(?:scored|netted|grabbed|bagged|claimed|completed|hit|struck)\s+(?:a|his|her|a first-half|a second-half|a superb|a stunning)?\s*(hat[- ]?trick|brace)\b",
    )
    .unwrap()
});

/// Words that make a count of goals a season's or a career's, not one
/// game's.
const LONGER_THAN_A_GAME: &[&str] = &[
    "season",
    "career",
    "campaign",
    "tournament",
    "league",
    "so far",
    "this year",
    "all competitions",
    "international",
];

/// Whether a clause counts goals over more than one game.
pub(super) fn beyond_one_game(clause: &str) -> bool {
    let low = clause.to_ascii_lowercase();
    LONGER_THAN_A_GAME
        .iter()
        .any(|w| crate::analysis::claims::words::has_phrase(&low, w).is_some())
}

/// A player's goals in one game, written as "twice", "three times" or a
/// hat-trick: the count of the person who scored them.
pub(super) fn goals_in_words(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let sentence = &text[inp.start..inp.end];
    for c in GOALS_IN_WORDS.captures_iter(sentence) {
        let Some(g) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        let n = match g.as_str().to_ascii_lowercase().as_str() {
            "once" => 1,
            "twice" | "brace" => 2,
            "three times" => 3,
            "four times" => 4,
            "five times" => 5,
            w if w.starts_with("hat") => 3,
            _ => continue,
        };
        let whole = c.get(0).expect("match");
        let (a, b) = (inp.start + whole.start(), inp.start + whole.end());
        let (ca, cb) = clause(text, inp.start, inp.end, a, b);
        if beyond_one_game(&text[ca..cb]) {
            continue;
        }
        // The scorer: the last person named before the verb in its clause.
        let Some(person) = mentions_in(doc, ca, a).into_iter().rev().find(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind == EntityKind::Person && looks_like_name(m, text)
        }) else {
            continue;
        };
        if in_spans(doc, person, inp.exclude) {
            continue;
        }
        let Some(amount) = quantity::parse(&format!("{n} goals")) else {
            continue;
        };
        let (fs, fe) = (inp.start + g.start(), inp.start + g.end());
        if out.iter().any(|f| f.start < fe && fs < f.end) {
            continue;
        }
        let measure = Measure {
            what: "goals".into(),
            unit: amount.unit.clone(),
            basis: measure::Basis::Total,
            stage: measure::Stage::Any,
            part: None,
            per: String::new(),
            to: None,
        };
        out.push(Fact::new(
            fs,
            fe,
            text,
            FactBody::Quantity {
                subject: Some(person),
                amount,
                measure,
                predicate: Vec::new(),
            },
        ));
    }
}
