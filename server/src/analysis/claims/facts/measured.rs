//! What an amount of money, a percentage or a duration measures, read from
//! the parse: the noun the amount modifies or is "of" ("a $300 million
//! loan", "a fee of €12m", "a five-year contract"), the subject of a
//! copula or of a verb of level ("The fee is €12m", "Turnout reached 54
//! per cent", "The blackout lasted 12 hours"), the object of a verb that
//! brings something to the amount ("bringing their income to €95
//! million"), or the verb of a sale ("sold X for €40 million"). A word
//! window around the amount picks whichever cue is nearest, which may be
//! another amount's ("sold ... for €40m, bringing their income to €95m":
//! the window gives the second amount the sale's price); the governing
//! word does not.
//!
//! Such an amount may have no named subject and no known event ("The fee
//! is €12m up front"): it is still a fact, which the index compares only
//! within one story.
use super::measured_words::*;
use crate::analysis::claims::quantity::measure::{Basis, Measure, Stage};
use crate::analysis::claims::quantity::{Amount, DURATIONS};
use crate::analysis::model::DocAnalysis;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// What the parse says an amount measures.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Governed {
    /// The measure ("price", "loan", "stake", "turnout", "contract").
    pub what: &'static str,
    /// The governing word's token.
    pub word: usize,
    /// A holding's holder ("Norvik owns 12% of Calder"): the verb's
    /// subject, as a token.
    pub holder: Option<usize>,
    /// What a holding is in ("of Calder", "a stake in Hollin"), as a token.
    pub held: Option<usize>,
    /// A change of the measured thing ("a pay increase of 6.5 per cent").
    pub change: bool,
}

/// The kind of amount the reader knows governors for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Money,
    Share,
    Duration,
}

fn kind_of(a: &Amount) -> Option<Kind> {
    let u = a.unit.as_str();
    if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) {
        Some(Kind::Money)
    } else if u == "%" {
        Some(Kind::Share)
    } else if DURATIONS.contains(&u) && u != "time" {
        Some(Kind::Duration)
    } else {
        None
    }
}

fn lemma(p: &Parse, t: usize) -> String {
    let tok = &p.tokens[t];
    let l = if tok.lemma.is_empty() {
        &tok.form
    } else {
        &tok.lemma
    };
    l.to_lowercase()
}

fn is_noun(p: &Parse, t: usize) -> bool {
    matches!(p.tokens[t].upos, Upos::Noun | Upos::Propn)
}

/// Tokens inside the amount's span.
fn span_tokens(p: &Parse, (a, b): (usize, usize)) -> Vec<usize> {
    (0..p.len())
        .filter(|&i| p.tokens[i].start >= a && p.tokens[i].end <= b)
        .collect()
}

/// The measure a noun names for an amount of `kind` (None when it names
/// none, or none of such an amount).
fn noun_measure(p: &Parse, n: usize, kind: Kind) -> Option<(&'static str, bool)> {
    let l = lemma(p, n);
    // "a pay increase of 6.5 per cent", "a 6.5 per cent hike in pay": a
    // change of pay; the changed thing is a compound or an "in" modifier.
    if kind == Kind::Share && change_noun(&l) {
        let pay = p.children(n).iter().any(|&c| {
            let rel = p.tokens[c].deprel.rel;
            pay_noun(&lemma(p, c))
                && (rel == Rel::Compound
                    || (rel == Rel::Nmod
                        && matches!(p.case_marker(c).as_deref(), Some("in" | "of"))))
        }) || (n > 0 && pay_noun(&lemma(p, n - 1)))
            || pay_in_after(p, n);
        // The direction of the change is kept: a pay cut is another
        // measure than a rise of the same size.
        let what = if l == "cut" { "pay cut" } else { "pay" };
        return pay.then_some((what, true));
    }
    // "sales" (revenue) and "sale" (a price) share a lemma.
    let form = p.tokens[n].form.to_lowercase();
    let what = match kind {
        Kind::Money if form == "sales" => Some("revenue"),
        Kind::Money if l == "value" => super::measured_value::value_noun(p, n),
        Kind::Money => money_noun(&l),
        Kind::Share => share_noun(&l),
        Kind::Duration => duration_noun(&l),
    }?;
    // "market value", "deal value": the compound before a general noun.
    Some((what, false))
}

/// "a 6.5 per cent hike in pay" parsed with "in pay" on the verb: the
/// words right after the change noun.
fn pay_in_after(p: &Parse, n: usize) -> bool {
    let w = |i: usize| p.tokens.get(i).map(|t| t.form.to_lowercase());
    w(n + 1).as_deref() == Some("in") && w(n + 2).is_some_and(|x| pay_noun(&x))
}

/// The noun a compound chain ends in, and the nouns before it: "deal
/// value" -> [value, deal]; the first that names a measure wins from the
/// head outwards.
fn with_compounds(p: &Parse, n: usize) -> Vec<usize> {
    let mut v = vec![n];
    v.extend(p.children_with(n, Rel::Compound).filter(|&c| is_noun(p, c)));
    v
}

fn first_measure(p: &Parse, nouns: &[usize], kind: Kind) -> Option<(usize, &'static str, bool)> {
    nouns
        .iter()
        .find_map(|&n| noun_measure(p, n, kind).map(|(w, c)| (n, w, c)))
}

/// The word after the amount it modifies ("a $300 million loan", "an 8%
/// stake", "the 12-hour blackout"): the first noun after the span, with
/// only nouns, adjectives or a hyphen between, that the parse joins to the
/// span (either way: parsers hang the noun on the symbol or the symbol on
/// the noun).
fn modified_noun(p: &Parse, span: &[usize]) -> Option<usize> {
    let last = *span.last()?;
    let mut k = last + 1;
    let mut seen = 0;
    while k < p.len() && seen < 3 {
        let t = &p.tokens[k];
        let joined = span.contains(&t.head.unwrap_or(usize::MAX))
            || span
                .iter()
                .any(|&s| p.tokens[s].head == Some(k) || p.dominates(k, s));
        if is_noun(p, k) && joined {
            // The head of a compound chain ("loan agreement").
            return Some(k);
        }
        if !(matches!(t.upos, Upos::Adj | Upos::Noun) || t.form == "-") {
            return None;
        }
        k += 1;
        seen += 1;
    }
    None
}

/// The noun before "of" right before the amount ("a fee of €12m", "a
/// stake of 8%", "a pay increase of 6.5 per cent").
fn of_noun(p: &Parse, first: usize) -> Option<usize> {
    let mut k = first;
    // Modifiers the amount reader took in ("of more than", "of about").
    while k > 0 && p.tokens[k - 1].upos == Upos::Adv {
        k -= 1;
    }
    let of = k.checked_sub(1)?;
    if !p.tokens[of].form.eq_ignore_ascii_case("of") {
        return None;
    }
    let n = of.checked_sub(1)?;
    is_noun(p, n).then_some(n)
}

/// The word before the amount's modifiers ("to more than €95 million").
fn preposition_before(p: &Parse, first: usize) -> Option<String> {
    let mut k = first;
    while k > 0
        && matches!(
            p.tokens[k - 1].form.to_lowercase().as_str(),
            "more"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "over"
                | "just"
                | "some"
                | "roughly"
                | "under"
                | "less"
                | "at"
                | "least"
        )
    {
        k -= 1;
    }
    let t = p.tokens.get(k.checked_sub(1)?)?;
    (t.upos == Upos::Adp).then(|| t.form.to_lowercase())
}

/// The token of the span that hangs it in the sentence: the first one
/// whose head lies outside the span.
fn exit(p: &Parse, span: &[usize]) -> Option<usize> {
    span.iter()
        .copied()
        .find(|&t| p.tokens[t].head.is_none_or(|h| !span.contains(&h)))
}

/// A subject noun of predicate `v` (with its compounds); for a
/// participle on a noun ("the strike, lasting 12 days"), the noun.
fn subject_nouns(p: &Parse, v: usize) -> Option<Vec<usize>> {
    let s = p
        .subjects(v)
        .into_iter()
        .find(|&s| is_noun(p, s))
        .or_else(|| {
            p.head(v)
                .filter(|&h| p.tokens[v].deprel.rel == Rel::Acl && is_noun(p, h))
        })?;
    Some(with_compounds(p, s))
}

/// An object noun of verb `v` outside the span.
fn object_noun(p: &Parse, v: usize, span: &[usize]) -> Option<usize> {
    p.objects(v)
        .into_iter()
        .find(|o| !span.contains(o) && is_noun(p, *o))
}

/// Whether a sentence states an amount this reader may say the measure
/// of (money, a percentage, a duration modifying a noun): it is worth
/// parsing although it names nobody and no event ("The fee is €12m up
/// front", "Turnout reached 54 per cent").
pub fn measurable(doc: &DocAnalysis, mentions: &[u32], sentence: &str) -> bool {
    use crate::analysis::model::EntityKind;
    let money = mentions
        .iter()
        .any(|&m| doc.mentions[m as usize].kind == EntityKind::Money);
    let low = sentence.to_ascii_lowercase();
    let digit = low.bytes().any(|b| b.is_ascii_digit());
    let share = digit && (low.contains('%') || low.contains("per cent") || low.contains("percent"));
    // "a five-year contract", "the 12-hour blackout", "lasted 12 hours".
    let duration = [
        "-year", "-month", "-week", "-day", "-hour", " hours", " years", " days",
    ]
    .iter()
    .any(|w| low.contains(w));
    // "seized 4.2 tonnes", "5 km high", "gusts of 140 km/h"
    // ([`super::physical`]).
    let physical = digit
        && [
            "tonne",
            " kg",
            "kilo",
            " km",
            "kilomet",
            "metre",
            "meter",
            " mile",
            " feet",
            "km/h",
            "mph",
            "knots",
            "year-old",
            "years old",
            "hectare",
            "acre",
            "square k",
            "square m",
        ]
        .iter()
        .any(|w| low.contains(w));
    money || share || duration || physical
}

/// What the parse says the amount at `span` (bytes) measures.
pub(super) fn read(p: &Parse, span: (usize, usize), amount: &Amount) -> Option<Governed> {
    let kind = kind_of(amount)?;
    let toks = span_tokens(p, span);
    let first = *toks.first()?;
    let plain = |word: usize, what: &'static str, change: bool| Governed {
        what,
        word,
        holder: None,
        held: None,
        change,
    };
    // 1. The noun it modifies: "a $300 million loan", "an 8% stake in X".
    if let Some(n) = modified_noun(p, &toks) {
        if let Some((w, what, change)) = first_measure(p, &with_compounds(p, n), kind) {
            let mut g = plain(w, what, change);
            if what == "stake" {
                g.held = held_after(p, n);
                g.holder = holder_of(p, n);
            }
            return Some(g);
        }
        // "a 4.5 per cent wage increase" parsed with the amount on "wage",
        // a compound of the change noun: the noun the compound is of.
        if let Some(h) = p
            .head(n)
            .filter(|&h| p.tokens[n].deprel.rel == Rel::Compound && h > n && is_noun(p, h))
        {
            if let Some((w, what, change)) = first_measure(p, &with_compounds(p, h), kind) {
                return Some(plain(w, what, change));
            }
        }
    }
    // 2. "a fee of €12m", "a pay increase of 6.5 per cent".
    if let Some(n) = of_noun(p, first) {
        if let Some((w, what, change)) = first_measure(p, &with_compounds(p, n), kind) {
            let mut g = plain(w, what, change);
            if what == "stake" {
                g.held = held_after(p, toks[toks.len() - 1]);
                g.holder = holder_of(p, n);
            }
            return Some(g);
        }
    }
    // "$310 million in aid", "€2m in damages": the bare noun after "in".
    if kind == Kind::Money {
        let last = toks[toks.len() - 1];
        let w = |i: usize| p.tokens.get(i);
        if w(last + 1).is_some_and(|t| t.form.eq_ignore_ascii_case("in"))
            && w(last + 2).is_some_and(|t| t.upos == Upos::Noun)
        {
            if let Some((n, what, change)) = first_measure(p, &[last + 2], kind) {
                return Some(plain(n, what, change));
            }
        }
    }
    let e = exit(p, &toks)?;
    // "61% of voters turned out", "61 per cent of eligible voters cast
    // ballots": a turnout, as "a turnout of 61%" is.
    if kind == Kind::Share && share_of_voters_voting(p, &toks, e) {
        return Some(plain(e, "turnout", false));
    }
    // "left without electricity for nearly 12 hours", "Power was out for
    // 12 hours": how long a blackout lasted, with no noun for it.
    if kind == Kind::Duration && without_power(p, e, first) {
        return Some(plain(e, "blackout", false));
    }
    // "The stolen paintings are worth about €21 million".
    if kind == Kind::Money && super::measured_value::worth_of_things(p, first) {
        return Some(plain(e, VALUE, false));
    }
    // "are striking for four days", "struck for three days": the tagger
    // may take "striking" for an adjective; the words say it.
    if kind == Kind::Duration && striking_for(p, first) {
        return Some(plain(e, "strike", false));
    }
    // 3. A copula: "The fee is €12m", "Turnout in the runoff was 54.2%".
    let cop_head = toks.iter().copied().find(|&t| {
        p.children_with(t, Rel::Cop).next().is_some()
            && p.children(t)
                .iter()
                .any(|&c| p.tokens[c].deprel.is_subject())
    });
    if let Some(h) = cop_head {
        let subj = p
            .children(h)
            .iter()
            .copied()
            .find(|&c| p.tokens[c].deprel.is_subject() && is_noun(p, c))?;
        let (w, what, change) = first_measure(p, &with_compounds(p, subj), kind)?;
        return Some(plain(w, what, change));
    }
    let direct = p.tokens[e].head?;
    let rel = p.tokens[e].deprel.rel;
    let prep = p
        .case_marker(e)
        .or_else(|| preposition_before(p, first))
        .unwrap_or_default();
    // A preposition the parser hung elsewhere ("for" as a modifier of the
    // buyer, "to more than £70m" under a noun): the nearest verb above
    // governs "for" and "to" phrases; nothing else is read from so far.
    let (head, climbed) = if p.tokens[direct].upos == Upos::Verb {
        (direct, false)
    } else if matches!(prep.as_str(), "for" | "to") {
        match p.ancestors(e).find(|&a| p.tokens[a].upos == Upos::Verb) {
            Some(v) => (v, true),
            None => (direct, false),
        }
    } else {
        (direct, false)
    };
    let verb = p.tokens[head].upos == Upos::Verb;
    let vl = lemma(p, head);
    // "Arden is the largest shareholder with 20 percent".
    if kind == Kind::Share && lemma(p, head) == "shareholder" && prep == "with" {
        return Some(Governed {
            holder: p.subjects(head).into_iter().next(),
            ..plain(head, "stake", false)
        });
    }
    if !verb {
        return None;
    }
    // 4. "bringing their income ... to more than €95 million", "raised its
    // stake to 15%": the thing brought to the amount.
    if prep == "to" && bring_verb(&vl) {
        let o = object_noun(p, head, &toks)?;
        let (w, what, change) = first_measure(p, &with_compounds(p, o), kind)?;
        let mut g = plain(w, what, change);
        if what == "stake" {
            g.held = held_after(p, o);
            g.holder = p.subjects(head).into_iter().next();
        }
        return Some(g);
    }
    let object = !climbed && (matches!(rel, Rel::Obj) || (prep.is_empty() && rel == Rel::Obl));
    // "The total value ... is estimated at 12 million euros", "The
    // museum puts the total value at €12m": the thing valued, the
    // passive subject or the object.
    if prep == "at" && !climbed && estimate_verb(&vl) {
        let nouns = object_noun(p, head, &toks)
            .map(|o| with_compounds(p, o))
            .or_else(|| subject_nouns(p, head))?;
        let (w, what, change) = first_measure(p, &nouns, kind)?;
        return Some(plain(w, what, change));
    }
    // "EUR 4.3 million was siphoned off": money diverted.
    if kind == Kind::Money {
        if let Some(what) = super::measured_value::passive_diverted(p, e, head) {
            return Some(plain(head, what, false));
        }
    }
    // 5. "Turnout reached 54 per cent", "The blackout lasted 12 hours",
    // "Turnout rose to 61%": the subject says what.
    if (object && level_verb(&vl)) || (prep == "to" && !climbed && !bring_verb(&vl)) {
        let nouns = subject_nouns(p, head)?;
        let (w, what, change) = first_measure(p, &nouns, kind)?;
        return Some(plain(w, what, change));
    }
    // "Wages will rise by 4.5%", "pay will go up 4.5 percent": a change
    // of pay its subject names, as "a 4.5% wage increase" is (the
    // direction is the verb's, kept by the measure's basis).
    if kind == Kind::Share
        && !climbed
        && (object || prep == "by")
        && change_verb(&vl)
        && subject_nouns(p, head).is_some_and(|ns| ns.iter().any(|&n| pay_noun(&lemma(p, n))))
    {
        let what = if falling_verb(&vl) { "pay cut" } else { "pay" };
        return Some(plain(head, what, true));
    }
    // "was banned for three years": how long the verb's state lasts.
    if kind == Kind::Duration && prep == "for" && !climbed {
        // "will walk out for three days": a strike.
        let walk_out = vl == "walk" && p.children(head).iter().any(|&c| lemma(p, c) == "out");
        if walk_out {
            return Some(plain(head, "strike", false));
        }
        return duration_verb(&vl).map(|what| plain(head, what, false));
    }
    // 6. "owns 12% of Calder", "has held 20 per cent of Calder".
    if kind == Kind::Share && object && holds_share(&vl) {
        let held = held_after(p, toks[toks.len() - 1]);
        return held.map(|h| Governed {
            holder: p.subjects(head).into_iter().next(),
            held: Some(h),
            ..plain(head, "stake", false)
        });
    }
    if kind != Kind::Money {
        return None;
    }
    // 7. "who cost an initial €20 million": what a person (a player)
    // cost is the price paid for them; what a thing cost is its cost (a
    // product's name is no person: only the pronouns say).
    if object && vl == "cost" {
        let person = p
            .subjects(head)
            .into_iter()
            .any(|s| matches!(lemma(p, s).as_str(), "who" | "he" | "she"));
        // "The settlement will cost the federation $1.2m": damages.
        if let Some(what) = super::measured_value::cost_of_subject(p, head) {
            return Some(plain(head, what, false));
        }
        return Some(plain(head, if person { "price" } else { "cost" }, false));
    }
    // 8. "sold X for €40 million", "paid €30m for X".
    if object || prep == "for" {
        if let Some(what) = money_verb(&vl) {
            // "He will be paid $1.8 million as part of the settlement":
            // damages, not a price.
            if vl == "pay" && super::measured_value::paid_in_settlement(p, head) {
                return Some(plain(head, "damages", false));
            }
            return Some(plain(head, what, false));
        }
    }
    None
}

/// Whether a duration follows "striking for", "struck for" or "on strike
/// for" ("for about four days").
fn striking_for(p: &Parse, first: usize) -> bool {
    let mut k = first;
    while k > 0 && p.tokens[k - 1].upos == Upos::Adv {
        k -= 1;
    }
    let w = |i: Option<usize>| i.map(|i| p.tokens[i].form.to_lowercase());
    let for_ = k.checked_sub(1);
    let verb = for_.and_then(|f| f.checked_sub(1));
    w(for_).as_deref() == Some("for")
        && matches!(
            w(verb).as_deref(),
            Some("striking" | "struck" | "strike" | "strikes")
        )
}

/// Whether a percentage is the share of voters who voted: "of voters"
/// (or "of the electorate") right after it, and the verb it is subject of
/// one of voting ("turned out", "voted", "cast ballots").
fn share_of_voters_voting(p: &Parse, toks: &[usize], e: usize) -> bool {
    let last = toks[toks.len() - 1];
    let of = last + 1;
    if !p
        .tokens
        .get(of)
        .is_some_and(|t| t.form.eq_ignore_ascii_case("of"))
    {
        return false;
    }
    let voters = (of + 1..(of + 5).min(p.len()))
        .find(|&k| is_noun(p, k))
        .is_some_and(|k| matches!(lemma(p, k).as_str(), "voter" | "electorate" | "elector"));
    if !voters {
        return false;
    }
    // The verb the percentage (or the voters, as the parser may hang it)
    // is the subject of.
    let voter = (of + 1..(of + 5).min(p.len())).find(|&k| is_noun(p, k));
    toks.iter()
        .chain(voter.iter())
        .chain(std::iter::once(&e))
        .filter(|&&x| p.tokens[x].deprel.is_subject())
        .filter_map(|&x| p.head(x))
        .any(|v| {
            let l = lemma(p, v);
            (l == "turn" && p.children(v).iter().any(|&c| lemma(p, c) == "out"))
                || matches!(l.as_str(), "vote" | "cast" | "participate")
        })
}

/// A duration "for" which a clause says homes were without power
/// ("without electricity for 12 hours", "power was out for 12 hours").
fn without_power(p: &Parse, e: usize, first: usize) -> bool {
    let for_ = p.case_marker(e).as_deref() == Some("for")
        || preposition_before(p, first).as_deref() == Some("for");
    if !for_ {
        return false;
    }
    let clause = p.clause_of(e);
    let words: Vec<String> = p
        .subtree(clause)
        .map(|i| p.tokens[i].form.to_lowercase())
        .collect();
    let power = |w: &str| matches!(w, "power" | "electricity");
    words.windows(2).any(|w| w[0] == "without" && power(&w[1]))
        || words
            .windows(3)
            .any(|w| power(&w[0]) && w[1] == "was" && w[2] == "out")
}

/// The company a holding is in: "of Calder", "in Hollin" right after the
/// stake or the percentage (a proper noun).
fn held_after(p: &Parse, after: usize) -> Option<usize> {
    let w = |i: usize| p.tokens.get(i);
    let prep = w(after + 1)?;
    if !matches!(prep.form.to_lowercase().as_str(), "of" | "in") {
        return None;
    }
    let mut k = after + 2;
    if w(k).is_some_and(|t| t.upos == Upos::Det) {
        k += 1;
    }
    (w(k)?.upos == Upos::Propn).then_some(k)
}

/// Who holds a stake the noun `n` names: the subject of the verb it is
/// the object of ("Norvik bought an 8% stake").
fn holder_of(p: &Parse, n: usize) -> Option<usize> {
    let v = p.tokens[n].head?;
    (p.tokens[v].upos == Upos::Verb)
        .then(|| p.subjects(v).into_iter().next())
        .flatten()
}

/// Set the measure the parse read, where it says more than the word
/// window: a governing noun names what is measured however near another
/// amount's cue word stands. A price per share, a market value, a prison
/// term and damages, which the window reads from words the parse does not
/// see as governors, stay. `clause` is the amount's clause, lower case.
pub(super) fn apply(g: &Governed, m: &mut Measure, amount: &Amount, clause: &str) {
    let keep = matches!(
        m.what.as_str(),
        "share price" | "market value" | "prison term" | "damages" | "provision"
    ) || amount.per == "per share";
    if keep {
        return;
    }
    // "a net profit of $5m", "military aid": the window's qualified name
    // of the same measure says more.
    if !m.what.ends_with(&format!(" {}", g.what)) {
        m.what = g.what.to_string();
    }
    if g.change {
        m.basis = Basis::Change;
    } else if m.basis == Basis::Change && matches!(g.what, "stake" | "turnout") {
        // "Turnout reached 54 per cent": a level, not a change.
        m.basis = Basis::Total;
    }
    // "Turnout in the first round": the earlier round's, not the
    // runoff's a report tells of.
    if g.what == "turnout" && clause.contains("first round") {
        m.part = Some("first round".into());
    }
    // "Turnout reached 54 per cent", "rose to 61%": a level, not a count
    // so far, unless the clause says so ("as of 2pm").
    let so_far = ["so far", "as of", "to date", "thus far", " by "]
        .iter()
        .any(|w| clause.contains(w));
    if m.stage == Stage::Partial && (!so_far || g.what == "price") {
        m.stage = Stage::Any;
    }
}

/// A holding a verb reads ("owns 12% of Calder") is in a company: "held
/// 19 percent of the U.S. market" is a market share, no stake. (A stake
/// the noun names is one whatever it is in.)
pub(super) fn held_is_a_company(inp: &super::FactInput, g: &Governed) -> bool {
    use crate::analysis::model::EntityKind;
    let (Some(held), Some(sf)) = (g.held, inp.frames) else {
        return true;
    };
    if sf.parse.tokens[g.word].upos != Upos::Verb {
        return true;
    }
    name_at(inp.doc, &sf.parse, held)
        .is_some_and(|k| inp.doc.mentions[k as usize].kind == EntityKind::Organization)
}

/// The name mention the parse's token `t` is in (a holder, a company
/// held).
pub(super) fn name_at(doc: &DocAnalysis, p: &Parse, t: usize) -> Option<u32> {
    let tok = &p.tokens[t];
    let i = doc.mentions.partition_point(|m| m.end <= tok.start);
    doc.mentions[i..]
        .iter()
        .take_while(|m| m.start <= tok.start)
        .position(|m| m.kind.is_name() && m.start <= tok.start && tok.end <= m.end)
        .map(|k| (i + k) as u32)
}

/// The part of a price paid at once: "cost an initial €20 million", "The
/// fee is €12m up front" (the rest may follow in add-ons).
pub(super) fn up_front(text: &str, (ca, cb): (usize, usize), (fs, fe): (usize, usize)) -> bool {
    let before = text[ca.min(fs)..fs].to_ascii_lowercase();
    let last = before.split_whitespace().last().unwrap_or("");
    let after = text[fe..cb.max(fe)].to_ascii_lowercase();
    let after = after.trim_start();
    UP_FRONT.contains(&last)
        || after.starts_with("up front")
        || after.starts_with("upfront")
        || after.starts_with("up-front")
}

#[cfg(test)]
#[path = "measured_tests.rs"]
mod tests;
