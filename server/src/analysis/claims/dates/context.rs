//! What the words around a date say about it: the tense of its clause
//! (past events, future plans), whether it is the date an event is
//! scheduled for ("a November 22 release date", "the summit on 3 March",
//! "will be held on"), and whether it dates a report ("Reuters reported on
//! December 17", "said on Tuesday").
//!
//! Word windows stop at clause boundaries (`;`, `:`, dashes, quotes, and a
//! comma followed by a conjunction or relative pronoun); the dependency
//! parser, once there, gives the governing verb directly.
use super::calendar::Ymd;
use super::resolve::{resolve, Tense};
use super::{read_at, Found};
use crate::analysis::claims::words::{floor_boundary, words};

/// Verbs and auxiliaries that put what follows in the future.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "'ll",
    "going",
    "scheduled",
    "slated",
    "planned",
    "due",
    "expected",
    "expects",
    "upcoming",
    "forthcoming",
    "next",
    "intends",
    "aims",
    "hopes",
    "tomorrow",
    "coming",
    "postponed",
    "rescheduled",
    "delayed",
    "may",
    "might",
];

/// Right before the date: a start or a deadline ahead.
/// ("from", "until" are not here: "the period from 2004 to 2009", "until
/// 2019 he was" look back as often as ahead.)
const FUTURE_NEAR: &[&str] = &["by", "starting"];

/// Nouns of events a date can be set for; a date next to one dates the
/// event, not the report.
pub const EVENT_NOUNS: &[&str] = &[
    "release",
    "deadline",
    "launch",
    "premiere",
    "opening",
    "debut",
    "kickoff",
    "kick-off",
    "summit",
    "meeting",
    "election",
    "elections",
    "vote",
    "referendum",
    "trial",
    "hearing",
    "ceremony",
    "conference",
    "match",
    "game",
    "final",
    "fight",
    "concert",
    "festival",
    "visit",
    "talks",
    "session",
    "inauguration",
    "deadline",
    "date",
    "sale",
    "auction",
    "event",
    "show",
    "congress",
    "forum",
    "rally",
    "strike",
    "shutdown",
    "expiry",
    "expiration",
];

/// Past tense and perfect markers (regular "-ed" verbs are recognised by
/// their ending).
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "ago",
    "last",
    "since",
    "met",
    "held",
    "took",
    "made",
    "went",
    "came",
    "gave",
    "began",
    "fell",
    "rose",
    "won",
    "lost",
    "left",
    "sent",
    "saw",
    "found",
    "paid",
    "sold",
    "bought",
    "hit",
    "struck",
    "led",
    "spoke",
    "wrote",
    "ran",
    "brought",
    "became",
    "broke",
    "chose",
    "drew",
    "drove",
    "flew",
    "fought",
    "grew",
    "knew",
    "put",
    "quit",
    "read",
    "rode",
    "sank",
    "shot",
    "sat",
    "stood",
    "stole",
    "swore",
    "threw",
    "woke",
    "wore",
    "earlier",
    "previously",
    "yesterday",
];

/// "-ed" words that announce the future or are adjectives.
const ED_NOT_PAST: &[&str] = &[
    "expected",
    "scheduled",
    "planned",
    "slated",
    "proposed",
    "intended",
    "anticipated",
    "postponed",
    "rescheduled",
    "delayed",
    "need",
    "red",
    "bed",
    "shed",
    "speed",
    "feed",
    "seed",
    "based",
    "related",
    "united",
    "limited",
    "advanced",
    "armed",
    "concerned",
    "detailed",
    "experienced",
    "interested",
    "involved",
    "qualified",
    "supposed",
    "used",
    "unprecedented",
];

/// Verbs that date a report when a date follows them closely.
pub const REPORT_VERBS: &[&str] = &[
    "reported",
    "said",
    "stated",
    "announced",
    "wrote",
    "published",
    "told",
    "reports",
    "says",
    "confirmed",
    "revealed",
    "disclosed",
    "posted",
    "tweeted",
    "released",
    "issued",
    "declared",
    "added",
    "noted",
    "explained",
    "warned",
    "claimed",
    "unveiled",
    "filed",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateContext {
    pub tense: Tense,
    /// Next to an event noun or in a plan: the date of an event, never of
    /// the report.
    pub event: bool,
    /// Dates a report verb ("reported on December 17", "said Tuesday").
    pub report: bool,
}

fn is_past_word(w: &str) -> bool {
    PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !ED_NOT_PAST.contains(&w))
}

/// Where the clause around `at` starts within `[sa, at)`.
fn clause_start(text: &str, sa: usize, at: usize) -> usize {
    let before = &text[sa..at];
    let mut start = sa;
    for (i, c) in before.char_indices() {
        if matches!(c, ';' | ':' | '—' | '–' | '"' | '“' | '”' | '(' | ')') {
            start = sa + i + c.len_utf8();
        }
    }
    // ", which", ", but", ", while": a new clause.
    let base = start;
    let low = text[base..at].to_ascii_lowercase();
    for pat in [
        ", which",
        ", who",
        ", but",
        ", while",
        ", and",
        ", although",
        ", after",
    ] {
        if let Some(p) = low.rfind(pat) {
            start = start.max(base + p + 2);
        }
    }
    start.min(at)
}

fn clause_end(text: &str, at: usize, sb: usize) -> usize {
    let after = &text[at..sb];
    let mut end = sb;
    for (i, c) in after.char_indices() {
        if matches!(c, ';' | ':' | '—' | '–' | '"' | '“' | '”' | '(' | ')' | ',') {
            end = at + i;
            break;
        }
    }
    end
}

/// Classify the date at `[start, end)` inside the sentence `[sa, sb)`.
pub fn classify(text: &str, sa: usize, sb: usize, start: usize, end: usize) -> DateContext {
    let (sa, sb) = (sa.min(start), sb.max(end).min(text.len()));
    let ca = clause_start(
        text,
        floor_boundary(text, sa.max(start.saturating_sub(120))),
        start,
    );
    let ce = clause_end(
        text,
        end,
        floor_boundary(text, sb.min(end.saturating_add(80))),
    );
    let before_raw: Vec<&str> = words(text, ca, start)
        .iter()
        .rev()
        .take(8)
        .map(|w| w.text)
        .collect();
    let before: Vec<String> = before_raw
        .iter()
        .map(|w| w.to_ascii_lowercase().replace('’', "'"))
        .collect();
    let after: Vec<String> = words(text, end, ce)
        .iter()
        .take(4)
        .map(|w| w.text.to_ascii_lowercase())
        .collect();
    let near_future = before
        .iter()
        .take(2)
        .any(|w| FUTURE_NEAR.contains(&w.as_str()));
    // `before` runs back from the date: the word after a modal is the
    // one before it here. "may have met", "would have been": a
    // possibility in the past, not a plan.
    let perfect_modal = |i: usize, w: &str| {
        matches!(w, "may" | "might" | "would")
            && i > 0
            && before.get(i - 1).is_some_and(|n| n == "have")
    };
    let future_word = before
        .iter()
        .enumerate()
        .any(|(i, w)| FUTURE.contains(&w.as_str()) && !perfect_modal(i, w))
        || after.iter().take(3).any(|w| {
            matches!(w.as_str(), "will" | "is" | "are")
                && after.iter().any(|x| {
                    matches!(
                        x.as_str(),
                        "expected" | "scheduled" | "set" | "due" | "slated" | "planned"
                    )
                })
        });
    // "is to", "are to", "plans to": a plan; "set for", "set to".
    let plan = before.windows(2).any(|p| {
        (p[0] == "to" && matches!(p[1].as_str(), "is" | "are"))
            || (matches!(p[0].as_str(), "to" | "for") && p[1] == "set")
            || (p[0] == "to" && matches!(p[1].as_str(), "plans" | "plan" | "intend" | "aim"))
    });
    // "a November 22 release date", "the summit on 3 March".
    let noun_after = after
        .iter()
        .take(2)
        .any(|w| EVENT_NOUNS.contains(&w.as_str()));
    // "Date 17.09.2019" opening its line is a page's label, not the date
    // of an event (as "the release date 17 May" is).
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let label = before.len() == 1 && text[line_start..start].trim().eq_ignore_ascii_case("date");
    let noun_before = !label
        && before
            .iter()
            .take(3)
            .any(|w| EVENT_NOUNS.contains(&w.as_str()));
    let past_before = before.iter().take(6).any(|w| is_past_word(w));
    let past_after = after.iter().take(3).any(|w| is_past_word(w));
    // "by 2050": a target year.
    let target_year = before.first().is_some_and(|w| w == "by")
        && text[start..end].len() == 4
        && text[start..end].bytes().all(|b| b.is_ascii_digit());
    let future = future_word || plan || target_year || (near_future && !past_before);
    let tense = if future {
        Tense::Future
    } else if past_before || past_after {
        Tense::Past
    } else {
        Tense::Unknown
    };
    // A report verb right before ("reported by Reuters on December 17",
    // "said on Tuesday") or right after ("on Monday said").
    let report_before = before.iter().take(5).enumerate().any(|(k, w)| {
        REPORT_VERBS.contains(&w.as_str())
            && before_raw[..k].iter().all(|x| {
                matches!(
                    x.to_ascii_lowercase().as_str(),
                    "on" | "by" | "in" | "late" | "early" | "this" | "last" | "the" | "a" | "an"
                ) || x.chars().next().is_some_and(|c| c.is_uppercase())
            })
    });
    let report_after = after
        .iter()
        .take(2)
        .any(|w| REPORT_VERBS.contains(&w.as_str()));
    DateContext {
        tense,
        event: future || noun_after || noun_before,
        report: (report_before || report_after) && !future,
    }
}

/// Lemmas of predicates that put their complement in the future ("is
/// expected to fly on Friday", "is due to be published", "is scheduled
/// for Monday", "plans to vote").
const FUTURE_HEADS: &[&str] = &[
    "expect",
    "schedule",
    "due",
    "set",
    "slate",
    "plan",
    "intend",
    "aim",
    "hope",
    "prepare",
    "postpone",
    "reschedule",
    "delay",
    "propose",
    "upcoming",
    "forthcoming",
    "will",
];

/// The tense of the clause that governs the date at `[start, end)` of the
/// sentence `[sa, sb)`, from its parse: the date's clause and the clauses
/// that embed it as an open complement ("expected to fly"). Future: a
/// "will"/"shall" auxiliary, a "going to" or "is to", or a predicate of
/// plans; past: a past-tense verb or auxiliary with none of these. None
/// when the sentence cannot be parsed or says neither.
pub fn parsed_tense(
    text: &str,
    (sa, sb): (usize, usize),
    (start, end): (usize, usize),
    has_month: bool,
) -> Option<Tense> {
    use crate::analysis::syntax::{self, Rel, Sub, Upos};
    let p = syntax::parse(text, sa, sb)?;
    let tok = p.token_at(start)?;
    // The date's own head: up over its other words ("May 30").
    let mut top = tok;
    for _ in 0..4 {
        match p.head(top) {
            Some(h) if p.tokens[h].start >= start && p.tokens[h].end <= end => top = h,
            _ => break,
        }
    }
    // A day of a month that names a thing ("the Supreme Court's May 30
    // ruling") is no time of the clause around it: "would appeal the May
    // 30 ruling" does not put the ruling a year ahead. (A weekday keeps
    // the clause's tense: "will rally ahead of Sunday's vote".)
    let d = p.tokens[top].deprel;
    let names_a_thing = has_month
        && (matches!(d.rel, Rel::Compound | Rel::Amod)
            || (d.rel == Rel::Nmod && d.sub == Some(Sub::Poss)))
        && p.head(top).is_some_and(|h| p.tokens[h].upos == Upos::Noun);
    if names_a_thing {
        return Some(Tense::Unknown);
    }
    let mut head = p.clause_of(tok);
    let mut past = false;
    for _ in 0..6 {
        let t = &p.tokens[head];
        let lemma = t.lemma.to_ascii_lowercase();
        let auxes: Vec<&crate::analysis::syntax::Token> = p
            .children_with(head, Rel::Aux)
            .chain(p.children_with(head, Rel::Cop))
            .map(|c| &p.tokens[c])
            .collect();
        let future_aux = auxes.iter().any(|a| {
            let f = a.form.to_ascii_lowercase().replace('’', "'");
            matches!(f.as_str(), "will" | "shall" | "'ll" | "wo")
        });
        // "is to meet", "are going to vote".
        let be_to = auxes.iter().any(|a| a.lemma.eq_ignore_ascii_case("be"))
            && p.children_with(head, Rel::Mark)
                .any(|m| p.tokens[m].form.eq_ignore_ascii_case("to"));
        if future_aux || FUTURE_HEADS.contains(&lemma.as_str()) || be_to || lemma == "going" {
            return Some(Tense::Future);
        }
        past |= t.xpos == "VBD"
            || auxes
                .iter()
                .any(|a| matches!(a.xpos.as_str(), "VBD") || a.lemma == "have");
        // Up through open complements ("expected to fly") and the clauses
        // a plan embeds; a reported clause keeps its own tense.
        match (t.deprel.rel, t.head) {
            (Rel::Xcomp, Some(h)) => head = p.clause_of(h),
            _ => break,
        }
    }
    past.then_some(Tense::Past)
}

/// Verbs whose present tense looks back ("the law dates from 12 May
/// 2019", "the tradition goes back to"): no schedule.
const PRESENT_LOOKING_BACK: &[&str] = &["date", "stem", "go", "trace", "remain", "mark"];

/// Whether the clause governing the date at `[start, end)` of the
/// sentence `[sa, sb)` is in the present tense with no past marker
/// ("shareholders vote on 3 June", "the annual meeting is on 11 June",
/// "the new chief takes over on 1 July"): news writes what is scheduled
/// in the present, what happened in the past. From the parse; false when
/// the sentence cannot be parsed.
pub fn scheduled_present(
    text: &str,
    (sa, sb): (usize, usize),
    (start, end): (usize, usize),
) -> bool {
    use crate::analysis::syntax::{self, Rel};
    let Some(p) = syntax::parse(text, sa, sb) else {
        return false;
    };
    let Some(tok) = p.token_at(start) else {
        return false;
    };
    let mut top = tok;
    for _ in 0..4 {
        match p.head(top) {
            Some(h) if p.tokens[h].start >= start && p.tokens[h].end <= end => top = h,
            _ => break,
        }
    }
    let head = p.clause_of(top);
    let t = &p.tokens[head];
    // "The annual meeting is on 11 June": the copula may hang on the
    // date itself.
    let auxes: Vec<&syntax::Token> = [head, top]
        .into_iter()
        .flat_map(|h| {
            p.children_with(h, Rel::Aux)
                .chain(p.children_with(h, Rel::Cop))
        })
        .map(|c| &p.tokens[c])
        .collect();
    let present = |x: &str| matches!(x, "VBZ" | "VBP");
    let verb_present = present(t.xpos.as_str()) && auxes.is_empty();
    let aux_present = !auxes.is_empty()
        && auxes.iter().all(|a| present(a.xpos.as_str()))
        && !auxes.iter().any(|a| a.lemma.eq_ignore_ascii_case("have"))
        // "is closed since", "are held": a passive or a state, not a plan.
        && !matches!(t.xpos.as_str(), "VBN" | "VBD");
    (verb_present || aux_present)
        && !PRESENT_LOOKING_BACK.contains(&t.lemma.to_ascii_lowercase().as_str())
}

/// Whether the clause governing the date at `[start, end)` of the
/// sentence `[sa, sb)` asks or allows rather than tells: an imperative
/// ("Cancel the increase before the board votes on March 27") or a modal
/// with a bare verb ("They could meet again on 2 May", "Can he keep the
/// lead until 9 June?"). What a demand or a possibility names is still to
/// come when the page is written; "may have met" is of the past and stays
/// out. From the parse; false when the sentence cannot be parsed.
pub fn demanded_or_possible(
    text: &str,
    (sa, sb): (usize, usize),
    (start, _end): (usize, usize),
) -> bool {
    use crate::analysis::syntax::{self, Rel};
    let Some(p) = syntax::parse(text, sa, sb) else {
        return false;
    };
    let Some(tok) = p.token_at(start) else {
        return false;
    };
    // The date may sit in a clause under the demand ("before the board
    // votes on March 27"): the clauses up to the sentence's root.
    let mut head = p.clause_of(tok);
    for _ in 0..4 {
        let t = &p.tokens[head];
        if t.xpos == "VB" {
            let auxes: Vec<&syntax::Token> = p
                .children_with(head, Rel::Aux)
                .map(|c| &p.tokens[c])
                .collect();
            let modal = auxes.iter().any(|a| {
                a.xpos == "MD" && MODALS_AHEAD.contains(&a.form.to_ascii_lowercase().as_str())
            }) && !auxes.iter().any(|a| a.lemma.eq_ignore_ascii_case("have"));
            let first_word = p.tokens.iter().position(|x| x.upos != syntax::Upos::Punct);
            let imperative = head == p.root()
                && first_word == Some(head)
                && auxes.is_empty()
                && !p
                    .children(head)
                    .iter()
                    .any(|&c| p.tokens[c].deprel.is_subject());
            if modal || imperative {
                return true;
            }
        }
        match p.head(head) {
            Some(h) if h != head => head = p.clause_of(h),
            _ => break,
        }
    }
    false
}

/// Modals whose bare verb is a possibility or a duty still to come.
const MODALS_AHEAD: &[&str] = &["can", "could", "may", "might", "must", "should"];

/// A date in running text, resolved against the file's publication
/// interval: the expression as written (with its weekday, "last", time),
/// its context and the day interval it denotes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InText {
    pub found: Found,
    pub context: DateContext,
    pub interval: (Ymd, Ymd),
}

/// Resolve the date mentioned at `[start, end)` in the sentence `[sa, sb)`
/// against `anchor` (the file's publication interval).
pub fn resolve_in_text(
    text: &str,
    sa: usize,
    sb: usize,
    start: usize,
    end: usize,
    anchor: Option<(Ymd, Ymd)>,
) -> Option<InText> {
    let found = read_at(text, start, end)?;
    let mut context = classify(text, sa, sb, found.start, found.end);
    // A date without a year needs its tense to be placed: the parse says
    // which clause governs it, where a word window may miss a "will" ten
    // words back or take another clause's verb.
    if found.expr.y.is_none() {
        let at = (found.start, found.end);
        if let Some(t) = parsed_tense(text, (sa, sb), at, found.expr.m.is_some()) {
            context.tense = t;
            if t == Tense::Future {
                context.event = true;
                context.report = false;
            }
        }
    }
    let interval = resolve(&found.expr, anchor, context.tense)?;
    Some(InText {
        found,
        context,
        interval,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(s: &str, date: &str) -> DateContext {
        let a = s.find(date).unwrap();
        classify(s, 0, s.len(), a, a + date.len())
    }

    #[test]
    fn a_dated_thing_under_a_future_clause_is_not_put_ahead() {
        let t = "Acme Pharma said it would appeal the Supreme Court's May 30 ruling, which upheld the ban.";
        let a = t.find("May 30").unwrap();
        let day = Ymd::new(2024, 6, 3).map(|d| (d, d));
        let r = resolve_in_text(t, 0, t.len(), a, a + 6, day).unwrap();
        assert_eq!(r.interval.0, Ymd::new(2024, 5, 30).unwrap());
        // A date the future clause governs is still ahead.
        let t = "The court will rule on May 30 on the appeal.";
        let a = t.find("May 30").unwrap();
        let r = resolve_in_text(t, 0, t.len(), a, a + 6, day).unwrap();
        assert_eq!(r.interval.0, Ymd::new(2025, 5, 30).unwrap());
    }

    #[test]
    fn scheduled_dates_are_told_from_report_dates() {
        let c = ctx("The game has a November 22 release date.", "November 22");
        assert!(c.event && !c.report);
        let c = ctx("The summit on 3 March will decide.", "3 March");
        assert!(c.event);
        let c = ctx("The talks will be held on 3 March in Geneva.", "3 March");
        assert!(c.event && c.tense == Tense::Future);
        let c = ctx(
            "This was reported by Reuters on December 17, citing a source.",
            "December 17",
        );
        assert!(c.report && !c.event, "{c:?}");
        let c = ctx("The company said on Tuesday it had cut jobs.", "Tuesday");
        assert!(c.report && c.tense == Tense::Past);
        let c = ctx("Trump will take office in January 2025.", "January 2025");
        assert_eq!(c.tense, Tense::Future);
        let c = ctx("The unit was set up at the end of 2022.", "the end of 2022");
        assert_eq!(c.tense, Tense::Past);
        let c = ctx("Sales rose 5% in March, the company said.", "March");
        assert_eq!(c.tense, Tense::Past);
        // A page's "Date" label opening its line dates no event; the
        // noun in prose still does.
        let t = "Jobs cut\n\nDate 17.09.2019\n\nThe carmaker will cut 7,500 jobs.";
        let a = t.find("17.09.2019").unwrap();
        let c = classify(t, t.find("Date").unwrap(), a + 10, a, a + 10);
        assert!(!c.event, "{c:?}");
        let c = ctx("The new launch date 17 May was set by the board.", "17 May");
        assert!(c.event, "{c:?}");
    }

    #[test]
    fn in_text_dates_resolve_against_the_file_date() {
        let t = "Officials met on Monday 12 November to discuss the plan.";
        let a = t.find("12 November").unwrap();
        let anchor = Ymd::new(2018, 11, 15).unwrap();
        let r = resolve_in_text(t, 0, t.len(), a, a + 11, Some((anchor, anchor))).unwrap();
        assert_eq!(r.interval.0, Ymd::new(2018, 11, 12).unwrap());
        assert_eq!(&t[r.found.start..r.found.end], "Monday 12 November");
    }
}

#[cfg(test)]
mod weekday_tests {
    use super::*;

    fn day(t: &str, date: &str, anchor: Ymd) -> (Ymd, Ymd) {
        let a = t.find(date).unwrap();
        resolve_in_text(t, 0, t.len(), a, a + date.len(), Some((anchor, anchor)))
            .unwrap_or_else(|| panic!("{t}"))
            .interval
    }

    #[test]
    fn weekdays_of_plans_resolve_forward_and_of_reports_backward() {
        // Wednesday 2 October 2024.
        let wed = Ymd::new(2024, 10, 2).unwrap();
        let thu = Ymd::new(2024, 10, 3).unwrap();
        let fri = Ymd::new(2024, 10, 4).unwrap();
        let mon_next = Ymd::new(2024, 10, 7).unwrap();
        let mon_past = Ymd::new(2024, 9, 30).unwrap();
        for (t, d, want) in [
            (
                "The governor will explain the decision at a news conference on Thursday.",
                "Thursday",
                thu,
            ),
            (
                "The ministers will meet on Thursday in Geneva.",
                "Thursday",
                thu,
            ),
            (
                "The report is due to be published on Friday.",
                "Friday",
                fri,
            ),
            ("The vote is scheduled for Monday.", "Monday", mon_next),
            (
                "He is expected to fly to England on Friday for a medical.",
                "Friday",
                fri,
            ),
            (
                "The line will remain closed at least until Monday, the operator said.",
                "Monday",
                mon_next,
            ),
            (
                "The council met on Monday and cut the rate.",
                "Monday",
                mon_past,
            ),
            (
                "The strike ended on Monday, officials said.",
                "Monday",
                mon_past,
            ),
        ] {
            assert_eq!(day(t, d, wed), (want, want), "{t}");
        }
    }
}

#[cfg(test)]
mod past_tense_tests {
    use super::*;

    #[test]
    fn a_weekday_of_a_game_told_in_the_past_is_the_past_one() {
        // Monday 7 October 2024: the game was on Saturday 5 October.
        let mon = Ymd::new(2024, 10, 7).unwrap();
        let sat = Ymd::new(2024, 10, 5).unwrap();
        for t in [
            "Marta Ruiz scored twice in the first half as Valencia beat Sevilla on Saturday.",
            "Valencia beat Sevilla 3-1 on Saturday, with Marta Ruiz scoring twice.",
            "The striker hit the post twice as the visitors cut the deficit on Saturday.",
            "Juan Pérez scored twice for Real Oviedo, who beat Racing Ferrol 3-1 on Saturday to climb to third.",
            "Kofi Mensah scored twice as Accra Lions beat Hearts of Oak on Saturday to go top of the table.",
            "Kofi Mensah struck twice as Accra Lions beat Hearts of Oak 2-0 on Saturday.",
        ] {
            let a = t.find("Saturday").unwrap();
            let r = resolve_in_text(t, 0, t.len(), a, a + 8, Some((mon, mon))).unwrap();
            assert_eq!(r.interval.0, sat, "{t}");
        }
        // Thursday 3 October 2024: a game to come is the next Saturday.
        let thu = Ymd::new(2024, 10, 3).unwrap();
        let t = "Valencia will face Sevilla on Saturday.";
        let a = t.find("Saturday").unwrap();
        let r = resolve_in_text(t, 0, t.len(), a, a + 8, Some((thu, thu))).unwrap();
        assert_eq!(r.interval.0, sat, "{t}");
    }
}
