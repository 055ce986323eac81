//! The comparison of two amounts of one measure: whose they are, of
//! which event, at what stage and time, and whether they agree, conflict
//! or say nothing of each other (see [`super::relate`]).
use super::*;

/// Whether two positive amounts are a thousandfold or more apart.
pub(super) fn orders_apart((l1, h1): (f64, f64), (l2, h2): (f64, f64)) -> bool {
    let (small, big) = if h1 < l2 { (h1, l2) } else { (h2, l1) };
    small > 0.0 && big / small >= 1000.0
}

/// Whether each stated amount (the middle of its interval) lies within
/// the other's interval: overlapping roundings are not enough to agree.
fn each_within((l1, h1): (f64, f64), (l2, h2): (f64, f64)) -> bool {
    let (m1, m2) = ((l1 + h1) / 2.0, (l2 + h2) / 2.0);
    (l2..=h2).contains(&m1) && (l1..=h1).contains(&m2)
}

/// Days apart two reports of a growing count may be filed and still
/// agree on it.
const AGREE_FILED_DAYS: i64 = 2;

/// Why two quantities of one measure are not compared, for tracing
/// (`CROSSCHECK_LOG=trace`): the rules below have many ways to keep two
/// facts apart, and a missed pair is hard to explain otherwise.
fn apart<T>(a: &str, b: &str, why: &str) -> Option<T> {
    tracing::trace!("quantities not compared ({why}): {a:?} / {b:?}");
    None
}

/// What tracing shows of an event when two amounts are kept apart.
fn brief(e: &EventSig, filed: Option<(Ymd, Ymd)>) -> String {
    format!(
        "{:?} parts {:?} names {:?} places {:?} when {:?} filed {:?} country {:?} lead {} figures {:?} counts {:?} vehicle {:?}",
        e.kind, e.participants, e.names, e.places, e.when, filed, e.country, e.lead, e.figures, e.counts, e.vehicle
    )
}

/// Two quantities compared: of one unit, per and comparable stage, else
/// nothing.
pub(super) fn relate_quantities(
    cx: &RelateContext,
    x: &Sig,
    y: &Sig,
    same_file: bool,
) -> Option<Outcome> {
    let (
        Sig::Quantity {
            subject: s1,
            unit: u1,
            per: r1,
            lo: lo1,
            hi: hi1,
            stated: st1,
            vague: v1,
            measure: m1,
            predicate: p1,
            text: x1,
            event: e1,
            filed: f1,
            country: c1,
            main_place: mp1,
            period: pd1,
            lent: l1,
            rose: ro1,
            object: o1,
            story: sy1,
            ..
        },
        Sig::Quantity {
            subject: s2,
            unit: u2,
            per: r2,
            lo: lo2,
            hi: hi2,
            stated: st2,
            vague: v2,
            measure: m2,
            predicate: p2,
            text: x2,
            event: e2,
            filed: f2,
            country: c2,
            main_place: mp2,
            period: pd2,
            lent: l2,
            rose: ro2,
            object: o2,
            story: sy2,
            ..
        },
    ) = (x, y)
    else {
        return None;
    };
    if !(u1 == u2 && r1 == r2 && stages(m1, m2).is_some()) {
        return None;
    }
    // A count at a time against one of no stage: only agreement.
    let mut agree_only = stages(m1, m2) == Some(Stages::AgreeOnly);
    // Last year's aid is not this week's; one game's goals are not
    // another's.
    if !crate::analysis::claims::facts::period::comparable(&m1.what, (*pd1, *f1), (*pd2, *f2)) {
        return apart(x1, x2, "periods");
    }
    // One seller's sales of two things ("its packaging unit", "its
    // trucking business") are two prices.
    if crate::analysis::claims::facts::amount_objects::things_apart(o1, o2) {
        return apart(x1, x2, "two things bought");
    }
    // A measure of the story's own event stated without a subject
    // (compensation, the value stolen, the area burned): one
    // story's whatever event each report lends it.
    use super::super::story_measures::{one_story_measure, Side};
    let side1 = Side {
        subject: *s1,
        event: e1.as_deref(),
        filed: *f1,
        country: c1.as_deref(),
        story: &sy1[..],
        stated: *st1,
        lent: *l1,
    };
    let side2 = Side {
        subject: *s2,
        event: e2.as_deref(),
        filed: *f2,
        country: c2.as_deref(),
        story: &sy2[..],
        stated: *st2,
        lent: *l2,
    };
    let by_story = (!same_file)
        .then(|| one_story_measure(cx.entities, m1, &side1, &side2))
        .flatten();
    if let Some(tie) = &by_story {
        tracing::trace!("story measure {tie}: {x1:?} / {x2:?}");
    }
    let subject = match (e1, e2) {
        _ if by_story.is_some() => by_story.unwrap_or_default(),
        (Some(a), Some(b)) => {
            if kept_apart(a, b) {
                return apart(x1, x2, "events kept apart");
            }
            // One named subject of events of one kind ("the
            // Ridgeback Fire has grown to", "the Ridgeback Fire
            // had burned") is one event, whoever else is named.
            // Aid of one donor country to one recipient, however
            // the donor is named ("Tokyo", "Japan"), is one pledge.
            let donor = aid_donor(cx, (s1, m1), (s2, m2));
            // Aid of one donor country to one recipient country is
            // one pledge whoever else its sentence names: a list of
            // donors ("Spain pledged 25 million euros and Japan $12
            // million") gives the pledge co-donors, not parties.
            let one_pledge = donor == Some(Some(true)) && m1.to.is_some();
            let one_subject = class(a.kind) == class(b.kind)
                && (one_pledge
                    || !participants_clash(cx.entities, a, b)
                        && (matches!((s1, s2), (Some(x), Some(y)) if same_party(cx.entities, *x, *y))
                            || donor == Some(Some(true))));
            let one_report =
                !same_file && c1.is_some() && c1 == c2 && same_report_time(false, *f1, *f2);
            let gap = match same_event(cx.entities, a, b, *f1, *f2) {
                Some(g) => g,
                None if one_subject => time_gap(a, b, *f1, *f2),
                None if one_report && one_unnamed_event(cx, (a, *mp1), (b, *mp2)) => {
                    time_gap(a, b, *f1, *f2)
                }
                // Reports of one story by what else they share,
                // whatever place each gives, for an amount of no
                // named subject on one side and of a measure a word
                // names (a bare "five games" counts many things).
                None => {
                    let tie = (!same_file
                        && (s1.is_none() || s2.is_none())
                        && named_measure(m1, u1))
                    .then(|| {
                        one_story(cx.entities, a, b, *f1, *f2, [*st1, *st2]).or_else(|| {
                            // One event by the figures both
                            // state besides these amounts, as
                            // a dispute of its day or place
                            // takes it: "41 rescued" agrees
                            // however the reports date it.
                            (one_event_by_figures(cx.entities, a, b, *f1, *f2)
                                && !super::super::story_compare::shared_besides(a, b, [*st1, *st2])
                                    .is_empty())
                            .then_some(StoryTie::Shared)
                        })
                    })
                    .flatten();
                    match tie {
                        Some(tie) => {
                            agree_only |= tie == StoryTie::Day;
                            time_gap(a, b, *f1, *f2)
                        }
                        None => {
                            tracing::trace!("events: {:?} / {:?}", brief(a, *f1), brief(b, *f2));
                            return apart(x1, x2, "no one event");
                        }
                    }
                }
            };
            // A deal's price holds from its announcement to its
            // closing months later ("would close in July").
            let deal =
                |e: &EventSig| e.kind == crate::analysis::claims::frames::EventKind::Acquisition;
            let tolerance = if deal(a) && deal(b) && m1.what == "price" {
                DEAL_DAYS
            } else {
                pair_tolerance(a, b)
            };
            // The lead events of two reports of one story a day
            // apart: one event misdated by one report (its date
            // conflict is reported), whose counts still compare.
            if gap > tolerance && !super::super::event::lead_misdated(a, b, *f1, *f2, same_file) {
                return apart(x1, x2, "events days apart");
            }
            // A thing bought that one side describes ("its offshore
            // wind unit") and the other names (a company only its
            // deal takes part in): two things, two prices.
            let names_more = |x: &EventSig, y: &EventSig| {
                x.participants.iter().any(|&p| {
                    !y.participants
                        .iter()
                        .any(|&q| same_party(cx.entities, p, q))
                })
            };
            if m1.what == "price"
                && (o1.is_some() && o2.is_none() && names_more(b, a)
                    || o2.is_some() && o1.is_none() && names_more(a, b))
            {
                return apart(x1, x2, "a thing described, another named");
            }
            // Money is paid by someone: a fine or a price whose
            // payer neither side names ("the ship's captain
            // received a €20,000 fine") is not the company's.
            let money = crate::analysis::claims::quantity::money::code(u1).is_some();
            // Participants lent by the file's story are who the
            // article is about, not who this sentence says pays.
            let unknown_party = |s: &Option<u32>, e: &EventSig, lent: bool| {
                s.is_none() && (e.participants.is_empty() || lent)
            };
            if money && (unknown_party(s1, a, *l1) || unknown_party(s2, b, *l2)) {
                return apart(x1, x2, "payer unknown");
            }
            // Aid is given by a donor: aid whose donor one side does
            // not name ("the British government") is not another
            // donor's aid to the same country.
            if matches!(donor, Some(None | Some(false))) {
                return apart(x1, x2, "donors");
            }
            // Whose amount it is: an amount whose event the story
            // lent and whose sentence names nobody is not that of
            // someone the other report names ("The party won 28
            // of the 100 seats" and "New Centre came second with
            // 22 seats"). Casualties belong to the event itself.
            // A subject that is a participant of either event (the
            // fire's own name, "The Pine Hollow Fire has burned") is
            // the story's.
            let outsider = |o: &u32| {
                !a.participants
                    .iter()
                    .chain(&b.participants)
                    .any(|p| same_party(cx.entities, *p, *o))
            };
            let unnamed_lent = |s: &Option<u32>, lent: bool, other: &Option<u32>| {
                s.is_none() && lent && other.as_ref().is_some_and(outsider)
            };
            // A measure of a story's own event (the area a fire
            // burned) named for one side's subject ("The Ridgeback
            // Fire had burned") and lent to the other's: only when
            // the other report is about that subject (a report of
            // another fire may name this one in passing).
            if super::super::story_measures::lent_to_another(m1, (s1, &sy1[..]), (s2, &sy2[..])) {
                return apart(x1, x2, "story measure of a subject the other is not about");
            }
            if !is_casualty(&m1.what) && (unnamed_lent(s1, *l1, s2) || unnamed_lent(s2, *l2, s1)) {
                return apart(x1, x2, "one names whose amount, the other nobody");
            }
            // Named subjects must be one, or both take part in it
            // ("Norvik will pay" and "Calder was sold to Norvik").
            if let (Some(a1), Some(a2), None) = (s1, s2, donor) {
                let part = |s: &u32| {
                    a.participants
                        .iter()
                        .chain(&b.participants)
                        .any(|p| same_party(cx.entities, *p, *s))
                };
                if !(same_party(cx.entities, *a1, *a2) || part(a1) && part(a2)) {
                    return apart(x1, x2, "subjects differ");
                }
            }
            event_subject(cx, a)
        }
        _ => {
            // Without one event on both sides: one named subject,
            // saying what is counted in the same words, reported
            // at the same time.
            // Aid of one donor country, however each names it
            // ("the Japanese government", "Tokyo").
            if let Some(from) = m1.from.as_ref().filter(|_| {
                aid_donor(cx, (s1, m1), (s2, m2)) == Some(Some(true)) && m1.from == m2.from
            }) {
                if !same_report_time(same_file, *f1, *f2) {
                    return apart(x1, x2, "aid reported apart");
                }
                from.clone()
            } else if let Some(tie) = (!same_file && s1.is_none() && s2.is_none())
                .then(|| one_story_of_files((&sy1[..], *f1), (&sy2[..], *f2), [*st1, *st2]))
                .flatten()
            {
                // No subject and no event on a side, but one story:
                // a measure a word names, of one report time.
                if !named_measure(m1, u1) || !same_report_time(false, *f1, *f2) {
                    return apart(x1, x2, "one story, not said alike or apart in time");
                }
                format!("one story ({tie})")
            } else {
                let (Some(a1), Some(a2)) = (s1, s2) else {
                    return apart(x1, x2, "no event, a subject missing");
                };
                // A count of another event than the reported one (a
                // crash of last year) is not the subject's count now.
                if [e1, e2]
                    .iter()
                    .any(|e| e.as_ref().is_some_and(|e| e.another))
                {
                    return apart(x1, x2, "another event");
                }
                if !same_party(cx.entities, *a1, *a2) {
                    return apart(x1, x2, "subjects differ");
                }
                // A measure a word names ("scored 31 points", "a
                // budget of") says what is counted; a bare counted
                // noun ("32 countries", "nearly 50 countries") needs
                // the same words around it.
                let named = !m1.what.is_empty() && m1.what != m1.unit && m1.what != *u1;
                let shared = p1.iter().filter(|w| p2.contains(w)).count();
                let comparable = named
                    || shared >= 2
                    || (shared >= 1 && p1.len().min(p2.len()) <= 2)
                    || (p1.is_empty() && p2.is_empty());
                if !comparable
                    || !same_report_time(same_file, *f1, *f2)
                    || !same_contract(&m1.what, p1, p2)
                {
                    return apart(x1, x2, "not said alike or apart in time");
                }
                cx.entities[*a1 as usize].canonical.clone()
            }
        }
    };
    // Counts that grow compare only between reports of one day,
    // unless both are final.
    let growing = GROWING.contains(&m1.what.as_str())
        || crate::analysis::claims::quantity::object_frames::grows(&m1.what)
        || m1.stage == Stage::Partial
        || m2.stage == Stage::Partial;
    let final_both = m1.stage == Stage::Final && m2.stage == Stage::Final;
    // Told on other days, a count that grows is compared only for
    // agreement: the same "41 rescued" a day later still agrees;
    // but not between events dated days apart (a crash a week
    // later with the same toll is another crash), nor between
    // reports filed more than two days apart.
    let dated_apart = matches!((e1, e2), (Some(a), Some(b))
        if matches!((a.when, b.when), (Some(x), Some(y))
            if dates::min_distance(x, y) > pair_tolerance(a, b)))
        || !matches!((f1, f2), (Some(x), Some(y))
            if dates::min_distance(*x, *y) <= AGREE_FILED_DAYS);
    if growing && !final_both && !same_report_time(same_file, *f1, *f2) {
        if dated_apart {
            return apart(x1, x2, "growing count reported apart");
        }
        agree_only = true;
    }
    // A count at a time ("rose to 40 on Friday", "put the toll at
    // 32 on Thursday") is of its report's day: the next day's
    // count may be larger.
    let at_a_time = m1.stage == Stage::Partial && m2.stage == Stage::Partial;
    if at_a_time && !same_file && !matches!((f1, f2), (Some(x), Some(y)) if x == y && x.0 == x.1) {
        if dated_apart {
            return apart(x1, x2, "counts at a time of two days");
        }
        agree_only = true;
    }
    let f = f64::from_bits;
    let (lo1, hi1, lo2, hi2) = (f(*lo1), f(*hi1), f(*lo2), f(*hi2));
    let ((sl1, sh1), (sl2, sh2)) = ((f(st1.0), f(st1.1)), (f(st2.0), f(st2.1)));
    if growing && !same_file && rose_later((lo1, hi1, *f1, *ro1), (lo2, hi2, *f2, *ro2)) {
        return apart(x1, x2, "a toll that rose by a later day's report");
    }
    // A group's count ("14 passengers injured") within all people's
    // may be smaller; only a larger one contradicts.
    let part_below = match measure::people_part(&m1.unit, &m2.unit) {
        Some(true) => hi1 < lo2,
        Some(false) => hi2 < lo1,
        None => false,
    };
    if part_below {
        return apart(x1, x2, "part below whole");
    }
    if hi1 < lo2 || hi2 < lo1 {
        if *v1 || *v2 {
            return apart(x1, x2, "vague");
        }
        if agree_only {
            return apart(x1, x2, "a count at a time against one of no stage");
        }
        // "values the company at 4.6 billion euros" against "a price
        // range of 20 to 24 euros": amounts a thousandfold apart are
        // of two things (a total and a price per unit, a count and
        // a count in thousands), whatever their measures say; no
        // restatement is that far off.
        if orders_apart((lo1, hi1), (lo2, hi2)) {
            return apart(x1, x2, "a thousandfold apart");
        }
        let what = if m1.what.is_empty() {
            u1.clone()
        } else {
            m1.what.clone()
        };
        Some(Outcome::Conflict {
            kind: ConflictKind::Quantity,
            subject: format!("{subject}: {what}"),
            a_value: x1.clone(),
            b_value: x2.clone(),
        })
    } else if !(*v1 || *v2) && each_within((sl1, sh1), (sl2, sh2)) {
        // The same amount as stated: "at least four" and "12" are
        // compatible, not the same; nor are "$300 million" (which
        // may be rounded) and "$350 million".
        Some(Outcome::Agree("same amount"))
    } else {
        None
    }
}
