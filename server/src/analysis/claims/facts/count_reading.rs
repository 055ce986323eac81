//! What the parse says a number counts: the written number ("forty -
//! four"), the noun it counts, the word that governs it and the measure
//! that word names ([`read_count`]). Pure questions of one parse; the facts
//! are made of them in [`super::counted`].
use super::*;
use crate::analysis::claims::quantity::measure_frames::{self, Counted};
use crate::analysis::claims::quantity::number::is_number_word;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Governing verbs that say nothing of what is counted ("had 300
/// employees", "said 12", "including 9"): the counted noun must say it.
const LIGHT: &[&str] = &[
    "be", "have", "say", "report", "tell", "include", "see", "make", "take", "get", "give", "show",
    "find", "add", "need", "want", "involve", "put", "know", "count", "total", "number", "leave",
    "bring", "expect", "estimate", "confirm", "record", "register", "use", "do",
];

/// Verbs whose "at"/"to" argument is the level a count stands at or
/// reaches ("the death toll stands at 24", "has risen to 57").
const LEVEL_VERBS: &[&str] = &[
    "stand", "stood", "rise", "risen", "rose", "climb", "reach", "increase", "jump", "grow", "hit",
    "mount", "soar", "top", "remain",
];

/// Level verbs that say the count grew since an earlier report: a
/// partial count ("has risen to 57").
const RISING: &[&str] = &[
    "rise", "risen", "rose", "climb", "reach", "increase", "jump", "grow", "hit", "mount", "soar",
    "top",
];

/// Counted nouns that are steps of a scale or parts of a whole, not
/// things counted ("fell 232 points", "below the 5000 mark", "three
/// quarters of its value", "four cents"): an index's move or level, or
/// money, is no count of people or things.
pub(super) const SCALE_UNITS: &[&str] = &[
    "point",
    "mark",
    "level",
    "cent",
    "percent",
    "quarter",
    "half",
    "third",
    "degree",
    "notch",
    "place",
    "position",
    "spot",
    "rank",
    "time",
    "index",
    "basis",
    "per",
    "fold",
    "stake",
    "share",
    "inning",
    "lap",
    "round",
    "hour",
    "minute",
    "second",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "km",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
];

/// What the parse says a number counts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CountReading {
    /// First and last token of the written number ("forty - four").
    pub first: usize,
    pub last: usize,
    /// The counted noun, when one is written.
    pub noun: Option<usize>,
    /// What is measured: the class of the governing word ("killed" for
    /// died, dead, deaths, killed), else its lemma.
    pub what: String,
    /// A count that grew to this level ("has risen to 57").
    pub partial: bool,
    /// The whole a part is counted from ("45 of the 120 seats"), as
    /// written.
    pub whole: Option<String>,
    /// The token whose subject is the count's named subject.
    pub governor: Option<usize>,
    /// Whether `what` is a measure frame's, read by meaning.
    pub framed: bool,
}

pub(super) fn lower(p: &Parse, t: usize) -> String {
    p.tokens[t].form.to_ascii_lowercase()
}

pub(super) fn lemma(p: &Parse, t: usize) -> String {
    p.tokens[t].lemma.to_ascii_lowercase()
}

/// A token that writes (part of) a number: "300", "2,000", "forty".
fn numeral(p: &Parse, t: usize) -> bool {
    let f = &p.tokens[t].form;
    let digits = f.chars().next().is_some_and(|c| c.is_ascii_digit())
        && f.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    digits || is_number_word(f)
}

fn nominal(p: &Parse, t: usize) -> bool {
    matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn | Upos::Pron)
}

/// The tokens of the written number around `t`, joined by hyphens or
/// number words ("forty - four", "2,000"): (first, last), and the token
/// of the group whose head lies outside it.
pub(super) fn number_group(p: &Parse, t: usize) -> (usize, usize, usize) {
    let mut first = t;
    while first > 0
        && (numeral(p, first - 1)
            || p.tokens[first - 1].form == "-" && first >= 2 && numeral(p, first - 2))
    {
        first -= 1;
    }
    let mut last = t;
    while last + 1 < p.len()
        && (numeral(p, last + 1)
            || p.tokens[last + 1].form == "-" && last + 2 < p.len() && numeral(p, last + 2))
    {
        last += 1;
    }
    let head = (first..=last)
        .find(|&x| numeral(p, x) && p.head(x).is_none_or(|h| h < first || h > last))
        .unwrap_or(t);
    (first, last, head)
}

/// The noun a number counts, and the token that stands for the counted
/// phrase in its clause (the noun, or the number when it is bare).
fn counted_noun(p: &Parse, num: usize, last: usize) -> (Option<usize>, usize) {
    let h = p.head(num);
    match (p.tokens[num].deprel.rel, h) {
        // Never across a comma: in "killing at least 17, emergency
        // officials said" the parser may make the 17 count the officials.
        (Rel::Nummod | Rel::Amod | Rel::Det | Rel::Compound, Some(h))
            if h > last && p.tokens[h].upos == Upos::Noun && !punct_between(p, last, h) =>
        {
            return (Some(h), h)
        }
        _ => {}
    }
    // "340 confirmed infections": the parser may hang the number on the
    // participle before the noun; the noun is that word's object.
    if let Some(h) = h.filter(|&h| h == last + 1 && !nominal(p, h)) {
        if let Some(n) = p
            .children_with(h, Rel::Obj)
            .find(|&n| n == h + 1 && p.tokens[n].upos == Upos::Noun)
        {
            return (Some(n), h);
        }
    }
    // "Eleven people": a number word opening a sentence, taken otherwise.
    if !p.tokens[num].form.eq_ignore_ascii_case("one")
        && last + 1 < p.len()
        && p.tokens[last + 1].upos == Upos::Noun
        && p.head(last + 1) != Some(num)
        && (p.head(num) == Some(last + 1) || p.tokens[num].upos != Upos::Num)
    {
        return (Some(last + 1), last + 1);
    }
    (None, num)
}

/// Whether a comma, a colon, a semicolon or a bracket stands between
/// tokens `a` and `b` (a < b); a hyphen joins ("a 40,000-seat stadium").
pub(super) fn punct_between(p: &Parse, a: usize, b: usize) -> bool {
    (a + 1..b).any(|i| matches!(p.tokens[i].form.as_str(), "," | ";" | ":" | "(" | ")"))
}

/// The verb right before a count, over the words that bound it ("killing
/// at least 17", "injuring more than 40").
fn verb_before(p: &Parse, first: usize) -> Option<usize> {
    let mut j = first;
    while j > 0
        && matches!(
            lower(p, j - 1).as_str(),
            "at" | "least"
                | "more"
                | "than"
                | "about"
                | "some"
                | "nearly"
                | "almost"
                | "around"
                | "over"
                | "up"
                | "to"
                | "roughly"
                | "approximately"
        )
    {
        j -= 1;
    }
    (j > 0 && p.tokens[j - 1].upos == Upos::Verb).then(|| j - 1)
}

/// A part counted of a whole ("45 of the 120 seats", "won 45 seats out
/// of 120"): the noun of the whole and the whole's number, if written.
fn part_of(p: &Parse, num: usize, noun: Option<usize>) -> Option<(usize, Option<usize>)> {
    let case = |c: usize| p.case_marker(c).unwrap_or_default();
    if noun.is_none() {
        if let Some(n) = p
            .children_with(num, Rel::Nmod)
            .find(|&c| case(c) == "of" && p.tokens[c].upos == Upos::Noun)
        {
            let whole = p.children_with(n, Rel::Nummod).find(|&x| numeral(p, x));
            return Some((n, whole));
        }
    }
    // "won 45 seats out of 120": the whole hangs on the verb.
    let a = noun.unwrap_or(num);
    let verb = p.head(a)?;
    let whole = p.children(verb).iter().copied().find(|&c| {
        c > a
            && numeral(p, c)
            && matches!(p.tokens[c].deprel.rel, Rel::Obl | Rel::Nmod)
            && p.children(c)
                .iter()
                .any(|&m| matches!(lower(p, m).as_str(), "of" | "out"))
    })?;
    Some((noun?, Some(whole)))
}

/// The measure a word names: its class when it is a cue ("died",
/// "deaths", "evacuated"), by form, then by lemma.
fn cue_of(p: &Parse, t: usize) -> Option<&'static str> {
    measure::cue_word(&lower(p, t)).or_else(|| measure::cue_lemma(&lemma(p, t)))
}

/// Classes of what happens to people: they govern whatever noun counts
/// them ("killed 12 soldiers" counts the killed, not troops).
pub(super) fn happens_to_people(what: &str) -> bool {
    measure::is_casualty_measure(what)
        || matches!(
            what,
            "displaced" | "arrested" | "infected" | "affected" | "survivors"
        )
        || measure_frames::frame_named(what).is_some_and(|f| f.counts.contains(&Counted::People))
}

/// What a count governed by `gov` and counting `noun` measures: a class
/// of what happens to people named by the governor wins, then a measure
/// the counted noun names itself ("12 deaths", "three goals", "45 seats"),
/// then the governor's own class or lemma; a light verb names nothing.
fn measure_of(p: &Parse, gov: Option<usize>, noun: Option<usize>) -> Option<String> {
    // People are never a sum of money: "184 of our comrades spent the
    // night in handcuffs" spent no budget.
    let people =
        noun.is_some_and(|n| measure_frames::counted_class(Some(&lemma(p, n))) == Counted::People);
    let g = gov
        .and_then(|g| cue_of(p, g))
        .filter(|m| !(people && measure::measures_money(m)));
    if let Some(m) = g.filter(|m| happens_to_people(m)) {
        return Some(m.to_string());
    }
    if let Some(m) = noun.and_then(|n| cue_of(p, n)) {
        return Some(m.to_string());
    }
    if let Some(m) = g {
        return Some(m.to_string());
    }
    let g = gov?;
    let l = lemma(p, g);
    let telling = matches!(p.tokens[g].upos, Upos::Verb | Upos::Adj)
        && !LIGHT.contains(&l.as_str())
        && l.chars().all(|c| c.is_ascii_alphabetic())
        && l.len() > 2;
    telling.then_some(l)
}

/// The verb a light one stands for in a misparse ("have now died": the
/// parser may make "have" the root and "died" its complement).
fn past_light(p: &Parse, v: usize) -> usize {
    if matches!(lemma(p, v).as_str(), "have" | "be") {
        if let Some(c) = p.children(v).iter().copied().find(|&c| {
            c > v
                && matches!(p.tokens[c].deprel.rel, Rel::Xcomp | Rel::Ccomp | Rel::Advcl)
                && matches!(p.tokens[c].upos, Upos::Verb | Upos::Adj)
        }) {
            return c;
        }
    }
    v
}

/// What the subject of a level verb counts: "the (death) toll", "the
/// number of dead", "Injuries", "confirmed cases".
fn level_subject_measure(p: &Parse, s: usize) -> Option<String> {
    let w = lemma(p, s);
    if w == "toll" {
        // "the injury toll" is of the injured; a toll is of the dead.
        let injured = p
            .children_with(s, Rel::Compound)
            .any(|c| cue_of(p, c) == Some("injured"));
        return Some(if injured { "injured" } else { "killed" }.into());
    }
    if matches!(
        w.as_str(),
        "number" | "count" | "tally" | "total" | "figure"
    ) {
        // "the number of injured", "the number of people killed": the
        // words of the subject phrase after it (however the parser hung
        // them) say what is counted.
        let end = p.head(s).filter(|&v| v > s).unwrap_or(p.subtree(s).end);
        return (s + 1..end.min(s + 6))
            .find_map(|x| cue_of(p, x))
            .map(str::to_string);
    }
    cue_of(p, s).map(str::to_string)
}

/// A level verb's subject, through the parser's usual slips: the subject
/// of the auxiliary it hung the verb under ("has since risen to"), or a
/// noun it took for a compound of a mis-tagged verb ("Injuries stood").
fn level_subject(p: &Parse, v: usize) -> Option<usize> {
    if let Some(s) = p.subjects(v).into_iter().next() {
        return Some(s);
    }
    if let Some(h) = p
        .head(v)
        .filter(|&h| matches!(lemma(p, h).as_str(), "have" | "be"))
    {
        if let Some(s) = p.subjects(h).into_iter().next() {
            return Some(s);
        }
    }
    p.children_with(v, Rel::Compound)
        .find(|&c| c < v && nominal(p, c))
}

fn is_level_verb(p: &Parse, v: usize) -> bool {
    LEVEL_VERBS.contains(&lemma(p, v).as_str()) || LEVEL_VERBS.contains(&lower(p, v).as_str())
}

fn rising(p: &Parse, v: usize) -> bool {
    RISING.contains(&lemma(p, v).as_str()) || RISING.contains(&lower(p, v).as_str())
}

/// What happens to the people number token `t` counts, when the parse
/// says: the class of its governing word or of the count it is the level
/// of ("killed" for "the toll stands at 24").
pub(super) fn people_measure(p: &Parse, t: usize) -> Option<String> {
    let t = number_token(p, t)?;
    let (_, _, num) = number_group(p, t);
    read_count(p, num)
        .map(|r| r.what)
        .filter(|w| happens_to_people(w))
}

/// The measure frame the parse reads for the count of token `t` ("will
/// cost 1,150 jobs", "the recall of 86,000 cars"), if any.
pub(super) fn frame_measure(p: &Parse, t: usize) -> Option<String> {
    let t = number_token(p, t)?;
    let (_, _, num) = number_group(p, t);
    read_count(p, num).filter(|r| r.framed).map(|r| r.what)
}

/// The number of an amount whose head token is `t`: `t` itself, or the
/// number counting it ("seats" of "38 seats").
fn number_token(p: &Parse, t: usize) -> Option<usize> {
    if numeral(p, t) {
        return Some(t);
    }
    p.children(t)
        .iter()
        .copied()
        .find(|&c| numeral(p, c) && matches!(p.tokens[c].deprel.rel, Rel::Nummod | Rel::Amod))
}

/// Read number token `t` through the parse. None when it is no count the
/// tree explains (a year, a part of a name, a number under a light verb
/// that counts a noun naming nothing).
pub(super) fn read_count(p: &Parse, t: usize) -> Option<CountReading> {
    if !numeral(p, t) {
        return None;
    }
    let (first, last, num) = number_group(p, t);
    if num != t {
        return None;
    }
    // A number after a name is part of it ("the S&P 500", "FTSE 100",
    // "Nikkei 225").
    if first > 0
        && (p.tokens[first - 1].upos == Upos::Propn
            || matches!(p.tokens[first - 1].form.as_str(), "'s" | "’s" | "&"))
    {
        return None;
    }
    // A whole of a part is read with the part, unless a clause on its
    // noun says what befell the whole ("recovered nine of the 14
    // paintings stolen from the museum": 14 stolen).
    if let Some(h) = p.head(num).filter(|&h| {
        p.tokens[h].upos == Upos::Noun
            && p.tokens[h].deprel.rel == Rel::Nmod
            && p.head(h).is_some_and(|hh| numeral(p, hh))
    }) {
        let what = super::count_frames::whole_clause_frame(p, h)?;
        return Some(CountReading {
            first,
            last,
            noun: Some(h),
            what: what.to_string(),
            partial: false,
            whole: None,
            governor: None,
            framed: true,
        });
    }
    // "by a vote of 79 to 66", "by 79 votes to 66": a tally, votes for
    // then against, not a range.
    if let Some(what) = super::count_states::tally_side(p, first, last) {
        let noun = counted_noun(p, num, last)
            .0
            .filter(|&n| lemma(p, n) == "vote");
        return Some(CountReading {
            first,
            last,
            noun,
            what: what.to_string(),
            partial: false,
            whole: None,
            governor: None,
            framed: true,
        });
    }
    // One end of a range or a member of a list of numbers ("between 210
    // and 330 passengers", "1,500 to 2,000 jobs") is no count alone.
    let joined = |x: usize| {
        matches!(
            lower(p, x).as_str(),
            "to" | "and" | "or" | "-" | "–" | "between" | "from"
        )
    };
    if (last + 2 < p.len() && joined(last + 1) && numeral(p, last + 2))
        || (first > 0 && matches!(lower(p, first - 1).as_str(), "between" | "from"))
        || (first >= 2 && joined(first - 1) && numeral(p, first - 2))
    {
        return None;
    }
    let (noun, arg) = counted_noun(p, num, last);
    // "a crew of six": the crew is what the number counts.
    let (noun, arg) = match noun.or_else(|| super::count_states::crew_of(p, first)) {
        Some(n) if noun.is_none() => (Some(n), n),
        _ => (noun, arg),
    };
    let part = part_of(p, num, noun);
    let noun = noun.or(part.map(|(n, _)| n));
    let whole = part.and_then(|(_, w)| w).map(|w| {
        let (a, b, _) = number_group(p, w);
        (a..=b)
            .map(|x| p.tokens[x].form.as_str())
            .collect::<String>()
    });
    // Coordinated counts share their governor ("12 deaths and 340
    // infections were reported").
    let mut x = arg;
    let mut steps = 0;
    while p.tokens[x].deprel.rel == Rel::Conj && steps < 8 {
        let Some(h) = p.head(x) else { break };
        if !(nominal(p, h) || numeral(p, h)) {
            break;
        }
        x = h;
        steps += 1;
    }
    let rel = p.tokens[x].deprel.rel;
    let head = p.head(x);
    // The level a count reaches: "the death toll stands at 24".
    if matches!(rel, Rel::Obl | Rel::Nmod) && noun.is_none() {
        let case = p.case_marker(x).unwrap_or_default();
        // The parser may hang "at 19" on a later verb ("stands at 19, the
        // Red Cross said"): the level verb right before the preposition
        // still governs it.
        let before = (first >= 2 && p.tokens[first - 1].deprel.rel == Rel::Case)
            .then(|| first - 2)
            .filter(|&v| is_level_verb(p, v));
        let head = head.filter(|&h| is_level_verb(p, h)).or(before);
        if let Some(v) = head.filter(|_| matches!(case.as_str(), "at" | "to")) {
            if is_level_verb(p, v) {
                let s = level_subject(p, v)?;
                let what = level_subject_measure(p, s)?;
                return Some(CountReading {
                    first,
                    last,
                    noun: None,
                    what,
                    partial: rising(p, v),
                    whole: None,
                    governor: None,
                    framed: false,
                });
            }
        }
    }
    // "Seventeen people have died and more than 300 have fallen ill": the
    // parser may hang a conjoined count on the first clause's verb, but an
    // auxiliary right after the count opens its own clause, whose verb
    // governs it as its subject.
    let own_verb = (noun.is_none() && last + 1 < p.len())
        .then(|| &p.tokens[last + 1])
        .filter(|a| a.deprel.rel == Rel::Aux)
        .and_then(|_| p.head(last + 1))
        .filter(|&v| v > last + 1 && !matches!(rel, Rel::Nsubj | Rel::Obj | Rel::Iobj));
    // A bare count the parser hung across a comma on a later noun
    // ("killing at least 17, emergency officials said") is the object of
    // the verb right before it.
    let across_comma = noun.is_none()
        && rel == Rel::Nummod
        && head.is_some_and(|h| h > last && punct_between(p, last, h));
    let gov = match rel {
        _ if own_verb.is_some() => own_verb.map(|v| past_light(p, v)),
        _ if across_comma => verb_before(p, first),
        Rel::Nsubj | Rel::Obj | Rel::Iobj => head.map(|h| past_light(p, h)),
        // "Eleven were injured": a bare number as subject; "killing 12".
        _ if x == num && noun.is_none() => None,
        // A noun counted in a nominal list or after "including": the noun
        // names the measure itself.
        _ => None,
    };
    // A frame of meaning, read from the governing verb with its words, a
    // noun the count is "of", the counted noun itself or a participle on
    // it, wins over the governing word's lemma: restatements in other
    // words key alike (see `quantity::measure_frames`).
    let framed = super::count_frames::frame_reading(p, gov, noun, x, num);
    let what = match framed {
        Some(m) => m.to_string(),
        None => measure_of(p, gov, noun)?,
    };
    // A bare number counts only what happens to people ("14 were
    // injured"); bare elsewhere ("scored 12") is too loose.
    if noun.is_none() && part.is_none() && !happens_to_people(&what) && framed.is_none() {
        return None;
    }
    Some(CountReading {
        first,
        last,
        noun,
        what,
        partial: false,
        whole,
        governor: gov,
        framed: framed.is_some(),
    })
}

/// Verbs and nouns of asking, wanting and planning: an amount under one
/// is sought, not had ("Prosecutors had asked for a nine-year sentence",
/// "the union wants 500 more staff hired", "plans to cut 1,200 jobs").
const SOUGHT: &[&str] = &[
    "ask",
    "demand",
    "seek",
    "sought",
    "propose",
    "want",
    "offer",
    "request",
    "call",
    "urge",
    "plan",
    "aim",
    "hope",
    "target",
    "forecast",
    "predict",
    "project",
    "recommend",
    "suggest",
    "push",
    "press",
    "lobby",
    "campaign",
    "insist",
    "threaten",
    "proposal",
    "demand",
    "request",
    "target",
    "bid",
    "wish",
    "would",
    "could",
    "might",
    // A forecast is no count of what is: "The union expects 400,000
    // teachers to join the strike by Wednesday".
    "expect",
    "anticipate",
];

/// Whether token `t` is under a verb or noun of asking, wanting or
/// planning in its parse: what it states is sought, not the outcome.
pub(super) fn sought(p: &Parse, t: usize) -> bool {
    // What a demand is about is no part of it: "would seek talks over the
    // loss of 1,150 jobs" seeks talks, not the loss.
    let about = |x: &usize| {
        matches!(p.tokens[*x].deprel.rel, Rel::Obl | Rel::Nmod)
            && matches!(
                p.case_marker(*x).as_deref(),
                Some("over" | "about" | "after" | "despite" | "amid" | "following" | "against")
            )
    };
    let path: Vec<usize> = std::iter::once(t).chain(p.ancestors(t)).take(8).collect();
    let upto = path.iter().position(about).map_or(path.len(), |k| k + 1);
    path[..upto].iter().copied().any(|x| {
        matches!(p.tokens[x].upos, Upos::Verb | Upos::Noun | Upos::Aux)
            && (SOUGHT.contains(&lemma(p, x).as_str())
                || p.children(x).iter().any(|&c| {
                    p.tokens[c].deprel.rel == Rel::Aux && SOUGHT.contains(&lower(p, c).as_str())
                }))
    })
}
