//! The one conversion from the analysis types into the exported shape of
//! `crosscheck claims` ([`super::model`]). Offsets become Unicode
//! characters and every list is sorted, so one folder's output is stable
//! byte for byte.
use std::collections::HashMap;

use super::model::*;
use crate::analysis::claims::dates::{DateExpr, Ymd};
use crate::analysis::claims::resolve::{country_of, name_index};
use crate::analysis::claims::{
    roles, ClaimRef, Corroboration, FactBody, FileClaims, Scope, Source, SourceKind,
};
use crate::analysis::text::fold::ascii_key;
use crate::analysis::text::line_index::CharOffsets;
use crate::analysis::{FileId, Snapshot};
use crate::annotations::AnnotationSet;
use crate::cli::load::FileReport;

fn iso(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
}

/// A date as (first day, last day), from an annotation's `published`
/// ("2024-12-17", "2024-12", "2024").
fn annotated_date(set: &AnnotationSet, rel: &str) -> Option<(Ymd, Ymd, String)> {
    let p = set.metadata(rel)?.published.clone()?;
    let (lo, hi) = crate::ide::annotated::date_range(&p)?;
    Some((lo, hi, p))
}

/// What the conversion needs of a loaded folder.
pub struct Input<'a> {
    pub snap: &'a Snapshot,
    pub annotations: &'a AnnotationSet,
    /// One report per file, in file order, annotations applied.
    pub reports: &'a [FileReport<'a>],
    /// Links listed per claim and kind at most (`None`: all). A corpus
    /// where thousands of files state one fact would otherwise print
    /// millions of links.
    pub max_links: Option<usize>,
}

struct Conv<'a> {
    snap: &'a Snapshot,
    offsets: Vec<CharOffsets>,
    /// Folded organisation/place names -> entity, for role organisations.
    names: HashMap<String, u32>,
}

impl Conv<'_> {
    fn ch(&self, file: FileId, byte: usize) -> usize {
        self.offsets[file as usize].at(&self.snap.file(file).text, byte)
    }

    /// A corpus entity as exported: its id and canonical name.
    fn linked(&self, entity: u32) -> EntityOut {
        let e = &self.snap.entities[entity as usize];
        EntityOut {
            id: Some(e.id.clone()),
            name: e.canonical.clone(),
        }
    }

    fn entity(&self, file: FileId, mention: u32) -> EntityOut {
        let f = self.snap.file(file);
        match self.snap.mention_entity[file as usize].get(mention as usize) {
            Some(&e) => self.linked(e),
            None => EntityOut {
                id: None,
                name: f.doc.mentions[mention as usize].text(&f.text).to_string(),
            },
        }
    }

    fn place(&self, file: FileId, m: u32) -> PlaceOut {
        let e = self.entity(file, m);
        let country = self.snap.mention_entity[file as usize]
            .get(m as usize)
            .and_then(|&x| country_of(&self.snap.entities[x as usize]));
        PlaceOut {
            id: e.id,
            name: e.name,
            country,
        }
    }

    fn named(&self, name: &str) -> EntityOut {
        match self.names.get(&ascii_key(name)) {
            Some(&e) => self.linked(e),
            None => EntityOut {
                id: None,
                name: name.to_string(),
            },
        }
    }

    fn source(&self, file: FileId, s: &Source) -> SourceOut {
        SourceOut {
            text: s.text.clone(),
            name: s.name.clone(),
            kind: match s.kind {
                SourceKind::Named => "named",
                SourceKind::Anonymous => "anonymous",
            }
            .to_string(),
            outlet: s.outlet,
            start: self.ch(file, s.start),
            end: self.ch(file, s.end),
        }
    }
}

fn interval(r: Option<(Ymd, Ymd)>) -> Option<IntervalOut> {
    r.map(|(lo, hi)| IntervalOut {
        lo: iso(lo),
        hi: iso(hi),
    })
}

/// Event nouns whose place is where something happens, not where an
/// organisation sits (stems, as the fact extractor keeps them).
const EVENT_HEADS: &[&str] = &["summit", "meeting", "conference"];

/// The file's date in the way the comparison uses it (the year of a
/// partial date comes from it).
fn file_range(fc: &FileClaims) -> Option<(Ymd, Ymd)> {
    fc.date.date.as_ref().map(|d| (d.lo, d.hi))
}

fn date_value(expr: &DateExpr, filed: Option<(Ymd, Ymd)>) -> ValueOut {
    let year = filed.and_then(|(lo, hi)| (lo.y == hi.y).then_some(lo.y));
    match expr.range(year) {
        Some((lo, hi)) => ValueOut::Date {
            lo: Some(iso(lo)),
            hi: Some(iso(hi)),
        },
        None => ValueOut::Date { lo: None, hi: None },
    }
}

/// The fact's kind as exported, for conflicts as for facts.
fn fact_kind(body: &FactBody) -> &'static str {
    match body {
        FactBody::Role { .. } => "role_holder",
        FactBody::Quantity { .. } => "quantity",
        FactBody::EventDate { .. } => "event_date",
        FactBody::EventPlace { .. } => "event_place",
        FactBody::Location { heads, .. } => {
            if heads.iter().any(|h| EVENT_HEADS.contains(&h.as_str())) {
                "event_place"
            } else {
                "location"
            }
        }
    }
}

fn fact_out(
    cv: &Conv,
    file: FileId,
    fc: &FileClaims,
    f: &crate::analysis::claims::Fact,
) -> FactOut {
    let filed = file_range(fc);
    let (subject, predicate, value, time, qualifier) = match &f.body {
        FactBody::Role {
            person, role, when, ..
        } => {
            let p = cv.entity(file, *person);
            let time = match when {
                Some(w) => Some(*w),
                None if roles::is_current(role.qualifier) => filed,
                None => None,
            };
            (
                role.org.as_deref().map(|o| cv.named(o)),
                role.title.clone(),
                ValueOut::Entity {
                    id: p.id,
                    name: p.name,
                },
                time,
                role.qualifier.map(|q| q.as_str().to_string()),
            )
        }
        FactBody::Quantity {
            subject,
            amount,
            measure,
            predicate,
        } => (
            subject.map(|s| cv.entity(file, s)),
            if measure.what.is_empty() {
                predicate.join(" ")
            } else {
                measure.what.clone()
            },
            ValueOut::Amount {
                lo: amount.interval.lo,
                hi: amount.interval.hi.is_finite().then_some(amount.interval.hi),
                unit: amount.unit.clone(),
                per: amount.per.clone(),
            },
            // Amounts are compared as of the file's date.
            filed,
            None,
        ),
        FactBody::EventDate {
            event,
            entities,
            date,
            when,
        } => (
            entities.first().map(|&m| cv.entity(file, m)),
            event.clone(),
            match when {
                Some((lo, hi)) => ValueOut::Date {
                    lo: Some(iso(*lo)),
                    hi: Some(iso(*hi)),
                },
                None => date_value(date, filed),
            },
            None,
            None,
        ),
        FactBody::EventPlace {
            event,
            entities,
            places,
        } => (
            entities.first().map(|&m| cv.entity(file, m)),
            event.clone(),
            ValueOut::Places {
                places: places.iter().map(|&m| cv.place(file, m)).collect(),
            },
            f.event.as_ref().and_then(|e| e.when),
            None,
        ),
        FactBody::Location {
            subject,
            heads,
            places,
        } => {
            let places = places.iter().map(|&m| cv.place(file, m)).collect();
            let predicate = if heads.is_empty() {
                "location".to_string()
            } else {
                heads.join(" ")
            };
            (
                Some(cv.entity(file, *subject)),
                predicate,
                ValueOut::Places { places },
                filed,
                None,
            )
        }
    };
    FactOut {
        kind: fact_kind(&f.body).to_string(),
        start: cv.ch(file, f.start),
        end: cv.ch(file, f.end),
        text: f.text.clone(),
        subject,
        predicate,
        value,
        time: interval(time),
        qualifier,
        event: f.event.as_ref().map(|e| EventOut {
            kind: e.kind.as_str().to_string(),
            participants: e
                .participants
                .iter()
                .map(|&m| cv.entity(file, m))
                .chain(e.names.iter().map(|n| EntityOut {
                    id: None,
                    name: n.clone(),
                }))
                .collect(),
            places: e.places.iter().map(|&m| cv.place(file, m)).collect(),
            time: interval(e.when),
        }),
        negated: f.negated,
        hedged: f.hedged,
    }
}

/// A corroboration as `me` sees it: the other claim, every agreeing pair
/// of facts and every disputed fact, "here" being `me`'s side.
fn corroboration_out(
    cv: &Conv,
    files: &[std::sync::Arc<FileClaims>],
    me: ClaimRef,
    k: Corroboration,
) -> CorroborationOut {
    let mine = k.a == me;
    let other = if mine { k.b } else { k.a };
    let index = |x: Option<u32>| x.map(|x| x as usize);
    let side = |facts: (Option<u32>, Option<u32>)| {
        if mine {
            (index(facts.1), index(facts.0))
        } else {
            (index(facts.0), index(facts.1))
        }
    };
    let span = |r: ClaimRef| {
        let oc = &files[r.file as usize].claims[r.claim as usize];
        (cv.ch(r.file, oc.start), cv.ch(r.file, oc.end))
    };
    let (fact, here_fact) = side(k.facts);
    let (start, end) = span(other);
    let agreements = k
        .agreements
        .iter()
        .map(|g| {
            let (fact, here_fact) = side(g.facts);
            AgreementOut {
                fact,
                here_fact,
                reason: g.reason.to_string(),
            }
        })
        .collect();
    let mut disputes: Vec<DisputeOut> = k
        .disputes
        .iter()
        .map(|d| {
            let (here, there, here_value, value) = if mine {
                (d.a, d.b, &d.a_value, &d.b_value)
            } else {
                (d.b, d.a, &d.b_value, &d.a_value)
            };
            let kind = files[here.file as usize].claims[here.claim as usize]
                .facts
                .get(here.fact as usize)
                .map(|f| fact_kind(&f.body))
                .unwrap_or("quantity");
            let (start, end) = span(there.claim_ref());
            let (here_start, here_end) = span(here.claim_ref());
            DisputeOut {
                kind: kind.to_string(),
                subject: d.subject.clone(),
                start,
                end,
                fact: there.fact as usize,
                value: value.clone(),
                here_start,
                here_end,
                here_fact: here.fact as usize,
                here_value: here_value.clone(),
            }
        })
        .collect();
    disputes.sort_by(|a, b| {
        (a.here_start, a.here_fact, a.start, a.fact).cmp(&(
            b.here_start,
            b.here_fact,
            b.start,
            b.fact,
        ))
    });
    CorroborationOut {
        path: cv.snap.file(other.file).rel_path.clone(),
        start,
        end,
        fact,
        here_fact,
        reason: k.reason,
        agreements,
        partial: !disputes.is_empty(),
        disputes,
    }
}

fn date_out(cv: &Conv, set: &AnnotationSet, file: FileId, fc: &FileClaims) -> Option<DateOut> {
    let rel = &cv.snap.file(file).rel_path;
    if let Some((lo, hi, written)) = annotated_date(set, rel) {
        return Some(DateOut {
            lo: iso(lo),
            hi: iso(hi),
            confidence: "high".to_string(),
            reason: format!("set in the annotations (published: {written})"),
            origin: "annotation".to_string(),
            start: None,
            end: None,
        });
    }
    let d = fc.date.date.as_ref()?;
    Some(DateOut {
        lo: iso(d.lo),
        hi: iso(d.hi),
        confidence: d.confidence.as_str().to_string(),
        reason: d.reason.clone(),
        origin: "text".to_string(),
        start: Some(cv.ch(file, d.start)),
        end: Some(cv.ch(file, d.end)),
    })
}

/// The claims, facts, links and diagnostics of a loaded folder.
pub fn export(inp: &Input) -> Export {
    let snap = inp.snap;
    let index = snap.claims();
    let cv = Conv {
        snap,
        offsets: snap
            .files
            .iter()
            .map(|f| CharOffsets::new(&f.text))
            .collect(),
        names: name_index(&snap.entities),
    };
    let mut files = Vec::with_capacity(snap.files.len());
    for (fi, f) in snap.files.iter().enumerate() {
        let file = fi as FileId;
        let Some(fc) = index.files.get(fi) else {
            continue;
        };
        let mut claims = Vec::with_capacity(fc.claims.len());
        for (ci, c) in fc.claims.iter().enumerate() {
            let me = ClaimRef {
                file,
                claim: ci as u32,
            };
            let chain: Vec<SourceOut> = fc.chain(c).iter().map(|s| cv.source(file, s)).collect();
            let scope = c.level.map(|s| {
                match s {
                    Scope::Sentence => "sentence",
                    Scope::Paragraph => "paragraph",
                    Scope::Document => "document",
                }
                .to_string()
            });
            let claim_span = |r: ClaimRef| {
                let oc = &index.files[r.file as usize].claims[r.claim as usize];
                (
                    snap.file(r.file).rel_path.clone(),
                    cv.ch(r.file, oc.start),
                    cv.ch(r.file, oc.end),
                )
            };
            let mut corroborated_by: Vec<CorroborationOut> = index
                .corroborating(me)
                .into_iter()
                .map(|k| corroboration_out(&cv, &index.files, me, k))
                .collect();
            corroborated_by.sort_by(|a, b| {
                (&a.path, a.start, a.end, a.fact, a.here_fact).cmp(&(
                    &b.path,
                    b.start,
                    b.end,
                    b.fact,
                    b.here_fact,
                ))
            });
            let corroborations_total = corroborated_by.len();
            let cap = inp.max_links.unwrap_or(usize::MAX);
            corroborated_by.truncate(cap);
            let mut conflicts_with = Vec::new();
            let mut conflicts_total = 0;
            for end in index.conflicts_of(me, cap) {
                conflicts_total += end.total;
                let here_fact = end.here.fact as usize;
                let kind = c
                    .facts
                    .get(here_fact)
                    .map(|hf| fact_kind(&hf.body))
                    .unwrap_or("quantity");
                for o in &end.others {
                    let (path, start, end_) = claim_span(o.claim_ref());
                    conflicts_with.push(ConflictOut {
                        path,
                        start,
                        end: end_,
                        fact: o.fact as usize,
                        here_fact,
                        kind: kind.to_string(),
                        subject: end.subject.clone(),
                        value: end.there_value.clone(),
                        here_value: end.here_value.clone(),
                    });
                }
            }
            conflicts_with.sort_by(|a, b| {
                (&a.path, a.start, a.end, a.fact, a.here_fact).cmp(&(
                    &b.path,
                    b.start,
                    b.end,
                    b.fact,
                    b.here_fact,
                ))
            });
            conflicts_with.dedup();
            conflicts_with.truncate(cap);
            claims.push(ClaimOut {
                start: cv.ch(file, c.start),
                end: cv.ch(file, c.end),
                text: f.text[c.start..c.end].to_string(),
                attribution: AttributionOut {
                    chain,
                    scope,
                    anonymous_only: fc.anonymous_only(c),
                },
                hedges: c
                    .hedges
                    .iter()
                    .map(|h| SpanOut {
                        start: cv.ch(file, h.start),
                        end: cv.ch(file, h.end),
                        text: h.text.clone(),
                    })
                    .collect(),
                facts: c.facts.iter().map(|x| fact_out(&cv, file, fc, x)).collect(),
                corroborated_by,
                corroborations_total,
                conflicts_with,
                conflicts_total,
            });
        }
        claims.sort_by_key(|c| (c.start, c.end));
        let mut diagnostics: Vec<DiagnosticOut> = inp
            .reports
            .iter()
            .find(|r| r.file == file)
            .map(|r| {
                r.diagnostics
                    .iter()
                    .map(|d| DiagnosticOut {
                        code: d.code.to_string(),
                        severity: d.severity.as_str().to_string(),
                        start: cv.ch(file, d.start),
                        end: cv.ch(file, d.end),
                        message: d.message.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        diagnostics.sort_by(|a, b| (a.start, a.end, &a.code).cmp(&(b.start, b.end, &b.code)));
        files.push(FileOut {
            path: f.rel_path.clone(),
            date: date_out(&cv, inp.annotations, file, fc),
            outlets: fc.outlets.clone(),
            claims,
            diagnostics,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Export {
        version: SCHEMA_VERSION,
        files,
    }
}
