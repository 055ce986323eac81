//! The comparison rules: two signatures sharing a frame key agree, conflict
//! or say nothing about each other.
//!
//! - Role holders: the same single-holder role of one organisation at one
//!   time held by two different people conflict.
//! - Amounts: the same measure of the same subject or of the same event;
//!   disjoint intervals conflict ("killing 4" and "killing 12"), overlapping
//!   amounts as stated agree, "at least 4" and "12" are merely compatible.
//!   Counts that grow (tolls, people missing, partial counts) compare only
//!   between reports of one day.
//! - Event dates: the same event dated on different days conflicts
//!   (allowing a few days for events that last several).
//! - Event places and locations: places that cannot be one another (two
//!   cities, two countries) conflict; the same place, or one inside the
//!   other, agrees.
use std::collections::HashMap;

use super::event::kept_apart;
use super::event::{
    class, figures_reason, one_event_by_figures, one_lead_event, pair_tolerance,
    participants_clash, places_agree, same_event, same_party, time_gap, LEAD_DATE_GAP,
};
use super::sig::{EventSig, Sig, UNSTATED_ORG};
use super::story_compare::{
    named_measure, one_story, one_story_of_files, stages, Stages, StoryTie,
};
use super::ConflictKind;
use crate::analysis::claims::dates::{self, Ymd};
use crate::analysis::claims::quantity::measure::{self, Stage};
use crate::analysis::claims::resolve::same_time;
use crate::analysis::claims::roles;
use crate::analysis::linking::Entity;

pub enum Outcome {
    Agree(&'static str),
    Conflict {
        kind: ConflictKind,
        subject: String,
        a_value: String,
        b_value: String,
    },
}

/// Measures that count people killed, hurt or lost in an event.
pub fn is_casualty(what: &str) -> bool {
    matches!(
        what,
        "killed" | "injured" | "missing" | "casualties" | "displaced" | "rescued"
    )
}

/// What the rules need besides the two signatures.
pub struct RelateContext<'a> {
    pub entities: &'a [Entity],
    /// Entity id -> canonical name (organisations of roles).
    pub orgs: &'a HashMap<&'a str, &'a str>,
}

fn names(cx: &RelateContext, ids: &[u32]) -> String {
    ids.iter()
        .map(|&e| cx.entities[e as usize].canonical.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn event_subject(cx: &RelateContext, e: &EventSig) -> String {
    let who = if e.participants.is_empty() && e.names.is_empty() {
        names(cx, &e.places)
    } else {
        let mut v = vec![names(cx, &e.participants)];
        v.extend(e.names.iter().cloned());
        v.retain(|s| !s.is_empty());
        v.join(", ")
    };
    format!("{} ({})", e.kind.as_str(), who).replace(" ()", "")
}

/// Whether a signature's event took something from its file's other
/// sentences.
fn lent(s: &Sig) -> bool {
    matches!(
        s,
        Sig::Quantity { lent: true, .. }
            | Sig::Event { lent: true, .. }
            | Sig::EventPlace { lent: true, .. }
    )
}

/// Whether located heads name the organisation's seat: nothing ("X,
/// based in P", "P-based X") or its headquarters ("X has its headquarters
/// in P") say the same.
fn seat(heads: &[String]) -> bool {
    heads.iter().all(|h| h.starts_with("headquart"))
}

/// The comparison of two signatures `x` (the earlier fact) and `y`.
pub fn relate(cx: &RelateContext, x: &Sig, y: &Sig, same_file: bool) -> Option<Outcome> {
    // Within one file, what a sentence does not say of its event is not
    // taken from the file's other sentences: two facts would become one
    // event's by the very assumption that the file tells of one.
    if same_file && (lent(x) || lent(y)) {
        return None;
    }
    if let (
        Sig::Quantity {
            measure: m1,
            text: x1,
            ..
        },
        Sig::Quantity {
            measure: m2,
            text: x2,
            ..
        },
    ) = (x, y)
    {
        if m1.what == m2.what && stages(m1, m2).is_none() {
            tracing::trace!("quantities of two measures: {x1:?} {m1:?} / {x2:?} {m2:?}");
        }
    }
    match (x, y) {
        (
            Sig::Role {
                title: t1,
                org: o1,
                org_text,
                person: p1,
                current: c1,
                starts: st1,
                left: l1,
                outgoing: g1,
                when: w1,
                ..
            },
            Sig::Role {
                title: t2,
                org: o2,
                person: p2,
                current: c2,
                starts: st2,
                left: l2,
                outgoing: g2,
                when: w2,
                ..
            },
        ) if t1 == t2 && o1 == o2 => {
            let n1 = &cx.entities[*p1 as usize].canonical;
            let n2 = &cx.entities[*p2 as usize].canonical;
            let same_person = p1 == p2 || titles::may_be_one_person(n1, n2);
            // Two appointments of different people to one office within a
            // week are no succession but a contradiction, whether the
            // holders are in office yet or to come ("its new chief
            // financial officer will be X" against "appointed Y as chief
            // financial officer").
            let two_appointments = !*l1 && !*l2 && two_starts_close(*st1 && *st2, *w1, *w2);
            // One report calling the holder former and another in office
            // ("who ran Harbury until 2020", "who has run Harbury since
            // 2020") do not agree on the holding now.
            let one_gone = *l1 && *c2 || *l2 && *c1;
            // Two holders leaving one office at one time ("replace
            // outgoing mayor X", "the outgoing mayor, Y"): one is wrong.
            let two_leaving = *g1 && *g2 && same_time(same_file, *w1, *w2);
            // Leaving now against gone long ago ("outgoing mayor X",
            // "former mayor X, who ran the city until 2018"): two times.
            let two_leavings = *l1 && *l2 && g1 != g2;
            if same_person && (one_gone || two_leavings) {
                None
            } else if same_person {
                Some(Outcome::Agree("same role holder"))
            } else if o1 != UNSTATED_ORG
                && (two_appointments
                    || two_leaving
                    || *c1
                        && *c2
                        && same_time(same_file, *w1, *w2)
                        && !(*st1 && before_start(*w2, *w1) || *st2 && before_start(*w1, *w2)))
            {
                // The organisation as the corpus names it ("NATO" for "the
                // Alliance").
                let org = match o1.strip_prefix("entity:").and_then(|id| cx.orgs.get(id)) {
                    Some(name) => name.to_string(),
                    None => org_text.clone(),
                };
                // ("the judge of the case of Daniel Price")
                let subject = if t1 == roles::CASE_JUDGE {
                    format!("the {t1} {org}")
                } else {
                    format!("{org} {t1}")
                };
                Some(Outcome::Conflict {
                    kind: ConflictKind::RoleHolder,
                    subject,
                    a_value: n1.clone(),
                    b_value: n2.clone(),
                })
            } else {
                None
            }
        }
        // "hospital director X" and "director X".
        (Sig::Role { .. }, Sig::Role { .. }) => titles::one_office_in_other_words(x, y),
        (Sig::Quantity { .. }, Sig::Quantity { .. }) => {
            quantities::relate_quantities(cx, x, y, same_file)
        }
        (
            Sig::Event {
                event: e1,
                range: r1,
                text: x1,
                phase: ph1,
                filed: f1,
                night: n1,
                ..
            },
            Sig::Event {
                event: e2,
                range: r2,
                text: x2,
                phase: ph2,
                filed: f2,
                night: n2,
                ..
            },
        ) => {
            // Identity without the dates (they are the values compared),
            // then the dates themselves.
            let undated = |e: &EventSig| EventSig {
                when: None,
                ..e.clone()
            };
            let (u1, u2) = (undated(e1), undated(e2));
            // Two reports' lead events of one harmful kind in one country
            // are one event even when only one places it: their days are
            // what is compared.
            let lead_only = same_event(cx.entities, &u1, &u2, *f1, *f2).is_none();
            let by_lead = lead_only && one_lead_event(cx.entities, &u1, &u2, *f1, *f2);
            // Nobody named on one side, but the same precise figures
            // reported within days: one event, as for lead events.
            let by_figures =
                lead_only && !by_lead && one_event_by_figures(cx.entities, &u1, &u2, *f1, *f2);
            if lead_only && !by_lead && !by_figures {
                return None;
            }
            let gap = dates::min_distance(*r1, *r2);
            // "Late on Friday night" and "early on Saturday": one night,
            // maybe, told by its evening and by its morning: neither
            // agreement nor conflict. (A night runs forward only: "on
            // Thursday" and "on Friday night" stay apart; two nights, "the
            // night from Friday to Saturday" and "from Saturday to
            // Sunday", are two: see `tol`.)
            let night_first = if r1.0 <= r2.0 { *n1 } else { *n2 };
            if n1 != n2 && gap == 1 && night_first {
                return None;
            }
            if gap > 0 && super::event::fresh_reports_of_two((e1, *r1, *f1), (e2, *r2, *f2)) {
                return None;
            }
            let tol = if matches!((ph1, ph2), (1, 1) | (2, 2)) || (*n1 && *n2) {
                0
            } else {
                pair_tolerance(e1, e2)
            };
            if gap <= tol {
                Some(Outcome::Agree("same event date"))
            } else if gap <= 14
                && ph1 == ph2
                && *ph1 != 3
                && (!(lead_only || recurs(e1) || recurs(e2)) || gap <= LEAD_DATE_GAP)
            {
                // Two datings a fortnight apart or more are more likely
                // two events (the next meeting) than one misdated; the
                // start and the end of one event differ.
                let subject = if by_figures {
                    format!("{}; {}", event_subject(cx, e1), figures_reason(e1, e2))
                } else {
                    event_subject(cx, e1)
                };
                Some(Outcome::Conflict {
                    kind: ConflictKind::EventDate,
                    subject,
                    a_value: x1.clone(),
                    b_value: x2.clone(),
                })
            } else {
                None
            }
        }
        (
            Sig::EventPlace {
                event: e1,
                text: x1,
                filed: f1,
                phase: p1,
                ..
            },
            Sig::EventPlace {
                event: e2,
                text: x2,
                filed: f2,
                phase: p2,
                ..
            },
        ) => places::event_places(cx, (e1, x1, *f1), (e2, x2, *f2), same_file, (*p1, *p2)),
        (
            Sig::Location {
                subject: s1,
                heads: h1,
                places: ea,
                text: x1,
                filed: f1,
            },
            Sig::Location {
                subject: s2,
                heads: h2,
                places: eb,
                text: x2,
                filed: f2,
            },
        ) if same_party(cx.entities, *s1, *s2)
            && ((seat(h1) && seat(h2)) || h1.iter().any(|h| h2.contains(h))) =>
        {
            match places_agree(cx.entities, ea, eb)? {
                true => Some(Outcome::Agree("same place")),
                // Organisations move: only statements of one time conflict.
                false if same_time(same_file, *f1, *f2) => Some(Outcome::Conflict {
                    kind: ConflictKind::Location,
                    subject: format!("{} {}", cx.entities[*s1 as usize].canonical, h1.join("/"))
                        .trim()
                        .to_string(),
                    a_value: x1.clone(),
                    b_value: x2.clone(),
                }),
                false => None,
            }
        }
        _ => None,
    }
}

/// Events a city sees week after week (marches, protests): two datings
/// more than a day apart are two of them, not one misdated.
fn recurs(e: &EventSig) -> bool {
    e.kind == crate::analysis::claims::frames::EventKind::Protest
}

#[path = "relate_quantity.rs"]
mod quantities;

#[path = "relate_places.rs"]
mod places;

#[path = "relate_sites.rs"]
mod sites;

#[path = "relate_time.rs"]
mod time;
use time::{before_start, rose_later, same_report_time, two_starts_close, DEAL_DAYS, GROWING};

#[path = "relate_unnamed.rs"]
mod unnamed;
use unnamed::one_unnamed_event;

#[path = "relate_titles.rs"]
mod titles;

#[path = "relate_aid.rs"]
mod aid;
use aid::aid_donor;

#[path = "relate_contracts.rs"]
mod contracts;
use contracts::same_contract;

#[cfg(test)]
#[path = "value_tests.rs"]
mod value_tests;

#[cfg(test)]
#[path = "gate_tests.rs"]
mod gate_tests;

#[cfg(test)]
#[path = "money_tests.rs"]
mod money_tests;

#[cfg(test)]
#[path = "forms_tests.rs"]
mod forms_tests;
