//! Edits of annotation files at spans of a source: links, not-entity
//! marks, claims, dismissals, metadata, re-attaching and refreshing.
use std::ops::Range;

use super::{checked_span, edit_file, upsert, Changes, EditError};
use crate::annotations::anchor::{anchor, context_hash, target_for};
use crate::annotations::model::{kind, Dismissal, Evidence, CLAIM_STATUSES};
use crate::annotations::paths::check_rel_path;
use crate::annotations::set::AnnotationSet;
use crate::annotations::validate::valid_date;

/// Link the mention at byte `span` of `source` (current `text`) to `entity`.
pub fn link_mention(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    span: Range<usize>,
    entity: &str,
) -> Changes {
    checked_span(text, &span)?;
    if entity.is_empty() {
        return Err(EditError::NoSuchEntity(String::new()));
    }
    let (c, _) = edit_file(set, source, |f| {
        Ok(upsert(
            f,
            text,
            &span,
            &[kind::LINK, kind::NOT_ENTITY],
            |a| {
                a.kind = kind::LINK.into();
                a.entity = Some(entity.to_string());
            },
            "link",
        ))
    })?;
    Ok(vec![c])
}

/// Mark the span as not an entity (hides a recogniser false positive).
pub fn mark_not_entity(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    span: Range<usize>,
) -> Changes {
    checked_span(text, &span)?;
    let (c, _) = edit_file(set, source, |f| {
        Ok(upsert(
            f,
            text,
            &span,
            &[kind::LINK, kind::NOT_ENTITY],
            |a| {
                a.kind = kind::NOT_ENTITY.into();
                a.entity = None;
            },
            "not",
        ))
    })?;
    Ok(vec![c])
}
/// Set a claim's status at `span` (created if there is none there), adding
/// evidence and replacing the note when given.
pub fn set_claim_status(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    span: Range<usize>,
    status: &str,
    evidence: Vec<Evidence>,
    note: Option<&str>,
) -> Changes {
    set_claims_status(set, source, text, &[span], status, evidence, note)
}

/// [`set_claim_status`] for several claims of one source at once (the
/// claims resting on one anonymous source): one change of its file.
pub fn set_claims_status(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    spans: &[Range<usize>],
    status: &str,
    evidence: Vec<Evidence>,
    note: Option<&str>,
) -> Changes {
    if spans.is_empty() {
        return Err(EditError::EmptySpan);
    }
    for span in spans {
        checked_span(text, span)?;
    }
    if !CLAIM_STATUSES.contains(&status) {
        return Err(EditError::Invalid(format!(
            "\"{status}\" is not a claim status (verified, disputed, false, unverified)"
        )));
    }
    for e in &evidence {
        if let Some(s) = &e.source {
            check_rel_path(s).map_err(EditError::Invalid)?;
        }
    }
    let (c, _) = edit_file(set, source, |f| {
        for span in spans {
            upsert(
                f,
                text,
                span,
                &[kind::CLAIM],
                |a| {
                    a.kind = kind::CLAIM.into();
                    a.status = Some(status.to_string());
                    for e in &evidence {
                        if !a.evidence.contains(e) {
                            a.evidence.push(e.clone());
                        }
                    }
                    if let Some(n) = note {
                        a.note = Some(n.to_string());
                    }
                },
                "claim",
            );
        }
        Ok(())
    })?;
    Ok(vec![c])
}

/// Evidence pointing at a span of another source in the workspace.
pub fn span_evidence(source: &str, text: &str, span: Range<usize>, note: Option<&str>) -> Evidence {
    Evidence {
        source: Some(source.to_string()),
        target: Some(target_for(text, span)),
        note: note.map(str::to_string),
        ..Default::default()
    }
}

/// Dismiss diagnostic `code` at `span`, keyed by its text and context.
pub fn dismiss_diagnostic(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    span: Range<usize>,
    code: &str,
    note: Option<&str>,
) -> Changes {
    checked_span(text, &span)?;
    let t = target_for(text, span);
    let h = context_hash(&t.prefix, &t.quote, &t.suffix);
    let (c, _) = edit_file(set, source, |f| {
        if !f
            .dismissed
            .iter()
            .any(|d| d.code == code && d.context_hash == h && d.quote == t.quote)
        {
            f.dismissed.push(Dismissal {
                code: code.to_string(),
                quote: t.quote.clone(),
                context_hash: h.clone(),
                note: note.map(str::to_string),
                ..Default::default()
            });
        }
        Ok(())
    })?;
    Ok(vec![c])
}

/// Fields of the source metadata to set: `Some(None)` clears a field,
/// `None` leaves it alone.
#[derive(Clone, Debug, Default)]
pub struct MetadataPatch {
    pub outlet: Option<Option<String>>,
    pub url: Option<Option<String>>,
    pub author: Option<Option<String>>,
    pub published: Option<Option<String>>,
    pub relies_on: Option<Vec<String>>,
}

pub fn set_metadata(set: &AnnotationSet, source: &str, patch: MetadataPatch) -> Changes {
    if let Some(Some(d)) = &patch.published {
        if !valid_date(d) {
            return Err(EditError::Invalid(format!(
                "\"{d}\" is not an ISO 8601 date"
            )));
        }
    }
    let (c, _) = edit_file(set, source, |f| {
        let m = &mut f.metadata;
        if let Some(v) = patch.outlet {
            m.outlet = v;
        }
        if let Some(v) = patch.url {
            m.url = v;
        }
        if let Some(v) = patch.author {
            m.author = v;
        }
        if let Some(v) = patch.published {
            m.published = v;
        }
        if let Some(v) = patch.relies_on {
            m.relies_on = v;
        }
        Ok(())
    })?;
    Ok(vec![c])
}

/// Re-attach annotation `id` (typically an orphan) to `span` of the current
/// text: new quote, context and position; everything else kept.
pub fn reattach(
    set: &AnnotationSet,
    source: &str,
    id: &str,
    text: &str,
    span: Range<usize>,
) -> Changes {
    checked_span(text, &span)?;
    let (c, _) = edit_file(set, source, |f| {
        let a = f
            .annotations
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| EditError::NoSuchAnnotation(id.to_string()))?;
        let extra = std::mem::take(&mut a.target.extra);
        a.target = target_for(text, span.clone());
        a.target.extra = extra;
        a.detached = false;
        Ok(())
    })?;
    Ok(vec![c])
}

/// Delete annotation `id` (a person's explicit choice, e.g. for an orphan).
pub fn delete_annotation(set: &AnnotationSet, source: &str, id: &str) -> Changes {
    let (c, _) = edit_file(set, source, |f| {
        let i = f
            .annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| EditError::NoSuchAnnotation(id.to_string()))?;
        f.annotations.remove(i);
        Ok(())
    })?;
    Ok(vec![c])
}

/// Store the current positions and context of annotations that moved, so
/// the next load finds them at once. Orphans are left exactly as they are.
/// Returns no change when nothing moved.
pub fn refresh_anchors(set: &AnnotationSet, source: &str, text: &str) -> Changes {
    let (c, _) = edit_file(set, source, |f| {
        for a in f.annotations.iter_mut() {
            if let Ok(p) = anchor(text, &a.target) {
                let fresh = target_for(text, p.start..p.end);
                if fresh.quote != a.target.quote
                    || fresh.start != a.target.start
                    || fresh.prefix != a.target.prefix
                    || fresh.suffix != a.target.suffix
                {
                    let extra = std::mem::take(&mut a.target.extra);
                    a.target = fresh;
                    a.target.extra = extra;
                }
            }
        }
        Ok(())
    })?;
    Ok(if c.old_text == c.new_text || c.creates() {
        vec![]
    } else {
        vec![c]
    })
}
