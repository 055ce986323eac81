//! The measure frame of a count, read through the parse: which word of the
//! tree names the count's meaning, and the words around it that the frame
//! table needs ("lose" names jobs lost only with "job" among its words).
//! The table itself is `quantity::measure_frames`.
//!
//! The words looked at, in order: the verb the count is subject or object
//! of ("300 were evacuated", "forced 300 from their homes"), a verb it is
//! left in ("left 500 trucks queuing"), a noun it is "of" ("the evacuation
//! of 300 people", "the loss of 300 jobs"), a participle or clause on the
//! counted noun ("300 people forced from their homes", "the 17 trapped
//! miners"), and the counted noun itself ("300 survivors", "300 job
//! losses").
use super::count_held;
use super::count_reading::{lemma, lower};
use super::count_states;
use crate::analysis::claims::quantity::measure::ABOARD;
use crate::analysis::claims::quantity::measure_frames::{
    counted_class, frame_for, Counted, Cue, WordKind,
};
use crate::analysis::claims::quantity::object_frames::base_forms;
use crate::analysis::syntax::{Parse, Rel, Upos};

/// Verbs whose subject does what their complement says, because it must
/// ("had to leave", "needed to flee", "were forced to" is a frame of its
/// own).
const HAVING_TO: &[&str] = &["have", "need"];

/// Verbs that leave their object in a state the object's complement
/// names ("left 500 trucks queuing", "kept 40 ships waiting").
const LEAVING: &[&str] = &["leave", "keep", "see"];

fn kind(p: &Parse, t: usize) -> Option<WordKind> {
    match p.tokens[t].upos {
        Upos::Verb | Upos::Aux => Some(WordKind::Verb),
        Upos::Noun | Upos::Propn => Some(WordKind::Noun),
        Upos::Adj => Some(WordKind::Adj),
        _ => None,
    }
}

/// The words of `t`'s dependents, as lemmas and forms, with the
/// prepositions of its obliques ("voted for the bill", "in favour") and
/// the words of its complements ("forced to flee").
fn words_of(p: &Parse, t: usize, extra: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |x: usize| {
        out.push(lemma(p, x));
        out.push(lower(p, x));
    };
    for &c in p.children(t).iter().chain(extra) {
        push(c);
        // The counted phrase's own modifiers too ("forced 300 people from
        // their homes" with "from their homes" hung on "people").
        let counted = extra.contains(&c);
        for &g in p.children(c) {
            let rel = p.tokens[g].deprel.rel;
            if matches!(
                rel,
                Rel::Case | Rel::Compound | Rel::Mark | Rel::Xcomp | Rel::Obj | Rel::Advmod
            ) || (counted && rel == Rel::Nmod)
            {
                push(g);
            }
        }
    }
    out
}

fn frame_at(
    p: &Parse,
    t: usize,
    (counted, people_named): (Counted, bool),
    extra: &[usize],
) -> Option<&'static str> {
    let kind = kind(p, t)?;
    let words = words_of(p, t, extra);
    let l = lemma(p, t);
    let f = lower(p, t);
    frame_for(&Cue {
        lemma: &l,
        kind,
        words: &words,
        counted,
        people_named,
    })
    .or_else(|| {
        // A participle the lemmatiser left as written ("stranded").
        (f != l)
            .then(|| {
                frame_for(&Cue {
                    lemma: &f,
                    kind,
                    words: &words,
                    counted,
                    people_named,
                })
            })
            .flatten()
    })
    .or_else(|| {
        // A verb the lemmatiser cut oddly ("crippl" for "crippled",
        // "floode" for "flooding"): its form without the ending.
        (kind == WordKind::Verb)
            .then(|| {
                base_forms(&f).iter().find_map(|b| {
                    frame_for(&Cue {
                        lemma: b,
                        kind,
                        words: &words,
                        counted,
                        people_named,
                    })
                })
            })
            .flatten()
    })
    .map(|fr| {
        // "voted against confirming him": what the vote was on names the
        // frame of votes for, "against" turns it.
        if fr.measure == "votes for" && words.iter().any(|w| w == "against") {
            "votes against"
        } else {
            fr.measure
        }
    })
}

/// The frame a participle or clause on noun `n` names ("the 14
/// paintings stolen from the museum"), for the whole a part is counted
/// out of.
pub(super) fn whole_clause_frame(p: &Parse, n: usize) -> Option<&'static str> {
    let class = counted_class(Some(&lemma(p, n)));
    let counted = (class, class == Counted::People);
    p.children(n)
        .iter()
        .filter(|&&c| matches!(p.tokens[c].deprel.rel, Rel::Acl | Rel::Amod))
        .find_map(|&c| frame_at(p, c, counted, &[n]))
        .filter(|m| !m.starts_with("votes"))
}

/// The first token of the written number `num` heads.
fn first_of(p: &Parse, num: usize) -> usize {
    super::count_reading::number_group(p, num).0
}

/// Whether frame `f` names its meaning with verb `l` only with words
/// ("cut" + "job"), not alone.
fn needs_words(f: &crate::analysis::claims::quantity::measure_frames::Frame, l: &str) -> bool {
    !f.verbs.contains(&l) && f.verbs_with.iter().any(|(v, _)| *v == l)
}

/// The frame of the count whose number is `num`, counting `noun`, whose
/// phrase stands in its clause as `x`, governed by `gov`.
pub(super) fn frame_reading(
    p: &Parse,
    gov: Option<usize>,
    noun: Option<usize>,
    x: usize,
    num: usize,
) -> Option<&'static str> {
    // "grounding 138 flights on the first day": one day's part of a
    // total is no restatement of it.
    if gov.is_some_and(|g| count_held::one_day_part(p, g)) {
        return None;
    }
    let class = counted_class(noun.map(|n| lemma(p, n)).as_deref());
    let counted = (class, noun.is_some() && class == Counted::People);
    let arg = noun.unwrap_or(num);
    // "a crew of six", "Its crew of 24 was rescued": the crew's size, the
    // people aboard of that group, whatever befell them.
    let first = first_of(p, num);
    if noun.is_some() && noun == count_states::crew_of(p, first) {
        return Some(ABOARD);
    }
    // "confirmed by 79 votes", "79 votes against": votes by their side.
    if let Some(m) = count_states::votes_side(p, noun) {
        return Some(m);
    }
    // "secured six councillors", "won three, drew four and lost five".
    if let Some(m) = count_held::seats_held(p, gov, noun)
        .or_else(|| count_held::record_reading(p, gov, noun, num))
    {
        return Some(m);
    }
    if let Some(g) = gov {
        let counted_phrase = [arg];
        let extra: &[usize] = if p.head(arg) == Some(g) {
            &counted_phrase
        } else {
            &[]
        };
        // Votes are counted by who cast them, the verb's subject ("212
        // deputies backed the bill"); what a council approved is no vote.
        // "firefighters were backed by aircraft": a passive's subject cast
        // no vote.
        let voters = p.tokens[x].deprel.rel == Rel::Nsubj && !p.is_passive(g);
        if let Some(m) =
            frame_at(p, g, counted, extra).filter(|m| voters || !m.starts_with("votes"))
        {
            return Some(m);
        }
        // "300 residents have had to leave their homes", "families needed
        // to flee": the verb a verb of having to governs says what
        // happened to its subject.
        if p.tokens[x].deprel.is_subject() && HAVING_TO.contains(&lemma(p, g).as_str()) {
            let xcomp = p
                .children_with(g, Rel::Xcomp)
                .find(|&c| p.tokens[c].upos == Upos::Verb);
            if let Some(m) = xcomp
                .and_then(|c| frame_at(p, c, counted, &[]))
                .filter(|m| !m.starts_with("votes"))
            {
                return Some(m);
            }
        }
        // "left 500 trucks queuing", "leaving eight people dead and 62
        // injured": the word right after the counted phrase names the
        // state, whatever the parser hung it on (the verb's other
        // complements are other counts').
        if LEAVING.contains(&lemma(p, g).as_str()) {
            // A participle with no subject of its own, right after the
            // phrase, is its state wherever the parser hung it ("leaving 13
            // of their colleagues trapped underground, the operator said"
            // may hang "trapped" on "said").
            let is_state = |next: usize| {
                let own_subject = next < p.len()
                    && p.children(next)
                        .iter()
                        .any(|&c| p.tokens[c].deprel.is_subject());
                next < p.len()
                    && matches!(p.tokens[next].upos, Upos::Verb | Upos::Adj)
                    && (p.head(next) == Some(g)
                        || p.head(next) == Some(arg)
                        || p.head(arg) == Some(next)
                        || (matches!(p.tokens[next].xpos.as_str(), "VBN" | "VBD") && !own_subject))
            };
            // The word right after the count is its own state even when
            // the parser hangs a conjoined count on it ("leaving at least
            // 12 dead and seven missing": "dead" is the 12's, "missing"
            // the seven's); past the counted phrase otherwise.
            let state = [arg + 1, p.subtree(arg).end.max(arg + 1)]
                .into_iter()
                .find(|&n| is_state(n));
            if let Some(m) = state.and_then(|c| frame_at(p, c, counted, &[arg])) {
                return Some(m);
            }
        }
    }
    // "the evacuation of 300 people", "the loss of 300 jobs", "a queue of
    // 500 trucks": the noun the count is "of".
    if matches!(p.tokens[x].deprel.rel, Rel::Nmod) && p.case_marker(x).as_deref() == Some("of") {
        if let Some(h) = p.head(x).filter(|&h| p.tokens[h].upos == Upos::Noun) {
            if let Some(m) = frame_at(p, h, counted, &[arg]) {
                return Some(m);
            }
            // "A total of 212 deputies backed the bill": the verb the
            // total is subject or object of.
            let total = matches!(lemma(p, h).as_str(), "total" | "number");
            if total && matches!(p.tokens[h].deprel.rel, Rel::Nsubj | Rel::Obj) {
                if let Some(m) = p.head(h).and_then(|v| frame_at(p, v, counted, &[])) {
                    return Some(m);
                }
            }
        }
    }
    // "Job cuts of around 1,800 were announced": the parser may hang "of"
    // and the number on a later verb; the noun written right before "of"
    // (the number's own modifiers between) is the one it counts, when it
    // names a frame.
    if noun.is_none() && p.tokens[x].deprel.rel != Rel::Nmod {
        let mut k = first_of(p, num);
        while k > 0 && p.head(k - 1) == Some(num) && p.tokens[k - 1].deprel.rel == Rel::Advmod {
            k -= 1;
        }
        let of = k.checked_sub(1).filter(|&o| lower(p, o) == "of");
        let h = of
            .and_then(|o| o.checked_sub(1))
            .filter(|&h| p.tokens[h].upos == Upos::Noun);
        if let Some(m) = h.and_then(|h| frame_at(p, h, counted, &[])) {
            return Some(m);
        }
    }
    // "and cut 1,150 jobs" taken for a noun by the tagger: the word right
    // before the number, read as a verb with the counted noun as its
    // object, when the frame needs that noun to say its meaning (so a
    // misparse never makes a bare "cut" or "lost" a frame).
    if let Some(v) = first_of(p, num).checked_sub(1) {
        if let Some(n) = noun.filter(|&n| n > num) {
            let words = [lemma(p, n), lower(p, n)];
            let l = lemma(p, v);
            let cue = Cue {
                lemma: &l,
                kind: WordKind::Verb,
                words: &words,
                counted: class,
                people_named: false,
            };
            if p.tokens[v].upos == Upos::Noun {
                if let Some(f) = frame_for(&cue).filter(|f| needs_words(f, &l)) {
                    return Some(f.measure);
                }
            }
        }
    }
    // "ended with 218 people under arrest", "186 passengers on board",
    // "spent the night in handcuffs": a state phrase after the count.
    if let Some(m) = count_states::state_reading(p, gov, noun, num) {
        return Some(m);
    }
    // "Twelve miners remain blocked underground", "34 workers were on the
    // night shift", "86 passengers were on the boat": the state the words
    // right after the counted subject say.
    if p.tokens[x].deprel.is_subject() || gov.is_none() {
        let end = count_states::phrase_end(p, noun, num);
        if let Some(m) = count_held::state_after(p, noun, end) {
            return Some(m);
        }
        // "Seven paintings, among them two works by Ensor, were stolen":
        // the participle after the aside, whatever the parser made of it.
        let participle = count_held::predicate_after(p, end)
            .map(|(k, _)| k)
            .filter(|&k| k < p.len() && matches!(p.tokens[k].upos, Upos::Verb | Upos::Adj));
        if let Some(m) = participle.and_then(|k| frame_at(p, k, counted, &[arg])) {
            return Some(m);
        }
    }
    // "with 66 voting against": a participle of voting on a bare number
    // counts the votes it casts.
    let Some(n) = noun else {
        return p.children(num).iter().find_map(|&c| {
            (p.tokens[c].deprel.rel == Rel::Acl && lemma(p, c) == "vote")
                .then(|| frame_at(p, c, counted, &[num]))
                .flatten()
                .filter(|m| m.starts_with("votes"))
        });
    };
    // "300 people forced from their homes", "the 17 trapped miners",
    // "500 trucks waiting": a clause or participle on the counted noun.
    // "28 batches of tablets that the company recalled": the clause may
    // hang on what the counted noun is of.
    let of_what = p
        .children_with(n, Rel::Nmod)
        .filter(|&c| p.case_marker(c).as_deref() == Some("of"))
        .flat_map(|c| p.children_with(c, Rel::Acl));
    let mut clauses: Vec<usize> = p.children(n).iter().copied().chain(of_what).collect();
    // "recovered nine of the 14 paintings stolen": a clause on the whole
    // a count is a part of says what befell the whole, not the part.
    // ("leaving 13 of their colleagues trapped": no number on the noun,
    // so the clause is the part's.)
    if p.head(n) == Some(num)
        && p.tokens[n].deprel.rel == Rel::Nmod
        && p.children_with(n, Rel::Nummod).next().is_some()
    {
        clauses.clear();
    }
    for c in clauses {
        let rel = p.tokens[c].deprel.rel;
        if matches!(rel, Rel::Acl | Rel::Amod) {
            // "850 firefighters backed by 12 aircraft": a participle on the
            // counted noun casts no vote (votes are counted by the verb's
            // subject, above), unless it is one of voting ("79 lawmakers
            // voting in favour").
            let voting = lemma(p, c) == "vote";
            if let Some(m) =
                frame_at(p, c, counted, &[n]).filter(|m| voting || !m.starts_with("votes"))
            {
                return Some(m);
            }
        }
    }
    // "300 survivors", "300 job losses", "300 redundancies"; then the
    // forms of `object_counts` ("swept through seven villages", "a
    // 40,000-seat stadium").
    frame_at(p, n, counted, &[n])
        .or_else(|| count_states::whole_aboard(p, noun, num))
        .or_else(|| count_states::body_size(p, noun, num))
        .or_else(|| super::object_counts::object_reading(p, noun, x))
}

#[cfg(test)]
#[path = "count_frames_tests.rs"]
mod tests;
