//! Pure edits of `.crosscheck/` files. Each function takes the loaded
//! [`AnnotationSet`] (and the current source text where spans are
//! involved) and returns [`FileChange`]s: the new text of each file, the
//! minimal [`TextEdit`] from the old text, and the hash the file must still
//! have on disk. Nothing is written: the LSP layer sends the edits through
//! `workspace/applyEdit`, the command line through `store::write_atomic`.
//!
//! Files are re-serialised with the same stable formatting, so an edit
//! changes only the lines it concerns, and unknown fields survive. A file
//! that did not parse is never rewritten: edits to it fail.
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::anchor::{anchor, content_hash, context_hash, fnv1a64, target_for};
use super::model::{
    kind, to_pretty, Annotation, AnnotationFile, Dismissal, Evidence, KbEntity, KnowledgeBase,
    CLAIM_STATUSES,
};
use super::paths::{annotation_path, check_rel_path, kb_path};
use super::set::AnnotationSet;
use super::store::FileHash;
use super::validate::valid_date;
use crate::analysis::text::fold::ascii_key;

/// Replace bytes `range` of the old text with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub new_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileChange {
    pub path: PathBuf,
    /// Hash of the file as read; `None` when the file is to be created.
    pub expected: Option<FileHash>,
    pub old_text: String,
    pub new_text: String,
    /// The smallest single edit turning `old_text` into `new_text`.
    pub edit: TextEdit,
}

impl FileChange {
    pub fn creates(&self) -> bool {
        self.expected.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The file has errors that make a lossless rewrite impossible.
    Unparseable(PathBuf),
    NoSuchEntity(String),
    NoSuchAnnotation(String),
    EmptySpan,
    Invalid(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Unparseable(p) => write!(
                f,
                "{} has errors; fix them before editing (nothing was changed)",
                p.display()
            ),
            EditError::NoSuchEntity(id) => write!(f, "no entity \"{id}\""),
            EditError::NoSuchAnnotation(id) => write!(f, "no annotation \"{id}\""),
            EditError::EmptySpan => write!(f, "the selection is empty"),
            EditError::Invalid(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for EditError {}

pub type Changes = Result<Vec<FileChange>, EditError>;

/// Kind and canonical name of an analysis entity by id, so an edit that
/// needs a KB entry for it (alias, rename, merge) can create one.
pub type AnalysisLookup<'a> = &'a dyn Fn(&str) -> Option<(String, String)>;

/// The smallest single replacement turning `old` into `new`, on char
/// boundaries.
pub fn minimal_edit(old: &str, new: &str) -> TextEdit {
    let mut p = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(p) || !new.is_char_boundary(p) {
        p -= 1;
    }
    let max_s = old.len().min(new.len()) - p;
    let mut s = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_s)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - s) || !new.is_char_boundary(new.len() - s) {
        s -= 1;
    }
    TextEdit {
        range: p..old.len() - s,
        new_text: new[p..new.len() - s].to_string(),
    }
}

fn change(path: PathBuf, expected: Option<FileHash>, old: String, new: String) -> FileChange {
    let edit = minimal_edit(&old, &new);
    FileChange {
        path,
        expected,
        old_text: old,
        new_text: new,
        edit,
    }
}

/// Edit the annotation file of `source` (created if absent).
pub fn edit_file<R>(
    set: &AnnotationSet,
    source: &str,
    f: impl FnOnce(&mut AnnotationFile) -> Result<R, EditError>,
) -> Result<(FileChange, R), EditError> {
    let source = check_rel_path(source).map_err(EditError::Invalid)?;
    let path = annotation_path(&set.root, &source).map_err(EditError::Invalid)?;
    if set.unreadable.contains(&source) {
        return Err(EditError::Unparseable(path));
    }
    let (mut model, old, expected) = match set.files.get(&source) {
        Some(l) => match &l.parsed.model {
            Some(m) => (m.clone(), l.text.clone(), Some(l.hash.clone())),
            None => return Err(EditError::Unparseable(l.path.clone())),
        },
        None => (AnnotationFile::new(&source), String::new(), None),
    };
    let r = f(&mut model)?;
    Ok((change(path, expected, old, to_pretty(&model)), r))
}

/// Edit `entities.json` (created if absent).
pub fn edit_kb<R>(
    set: &AnnotationSet,
    f: impl FnOnce(&mut KnowledgeBase) -> Result<R, EditError>,
) -> Result<(FileChange, R), EditError> {
    let path = kb_path(&set.root);
    if set.kb_unreadable {
        return Err(EditError::Unparseable(path));
    }
    let (mut model, old, expected) = match &set.kb {
        Some(l) => match &l.parsed.model {
            Some(m) => (m.clone(), l.text.clone(), Some(l.hash.clone())),
            None => return Err(EditError::Unparseable(l.path.clone())),
        },
        None => (KnowledgeBase::new(), String::new(), None),
    };
    let r = f(&mut model)?;
    Ok((change(path, expected, old, to_pretty(&model)), r))
}

fn checked_span(text: &str, span: &Range<usize>) -> Result<(), EditError> {
    if span.start >= span.end
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return Err(EditError::EmptySpan);
    }
    Ok(())
}

/// A short id unique in `file`, derived from the content so two people
/// annotating the same span in two branches produce the same id.
fn new_id(file: &AnnotationFile, prefix: &str, quote: &str, start: u64) -> String {
    let h = fnv1a64(format!("{quote}\u{1f}{start}").as_bytes());
    let base = format!("{prefix}-{:08x}", h as u32);
    let mut id = base.clone();
    let mut n = 2;
    while file.get(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Index of an annotation of one of `kinds` placed exactly on `span`.
fn find_at(
    file: &AnnotationFile,
    text: &str,
    span: &Range<usize>,
    kinds: &[&str],
) -> Option<usize> {
    file.annotations.iter().position(|a| {
        kinds.contains(&a.kind.as_str())
            && anchor(text, &a.target).is_ok_and(|p| p.start == span.start && p.end == span.end)
    })
}

/// Add (or retarget) a span annotation of `kind` on `span`; returns its id.
fn upsert(
    file: &mut AnnotationFile,
    text: &str,
    span: &Range<usize>,
    replaces: &[&str],
    make: impl FnOnce(&mut Annotation),
    prefix: &str,
) -> String {
    let target = target_for(text, span.clone());
    let i = match find_at(file, text, span, replaces) {
        Some(i) => i,
        None => {
            let id = new_id(file, prefix, &target.quote, target.start);
            file.annotations.push(Annotation {
                id,
                target: target.clone(),
                ..Default::default()
            });
            file.annotations.len() - 1
        }
    };
    let a = &mut file.annotations[i];
    make(a);
    a.id.clone()
}

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

/// `kind:slug` not yet used in `kb`.
pub fn fresh_entity_id(kb: &KnowledgeBase, kind: &str, name: &str) -> String {
    let slug: String = ascii_key(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "entity".to_string()
    } else {
        slug
    };
    let base = format!("{kind}:{slug}");
    let mut id = base.clone();
    let mut n = 2;
    while kb.get(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Create a KB entity named by the mention (or `name`) and link the mention
/// to it. Returns the changes and the new id.
pub fn create_entity_from_mention(
    set: &AnnotationSet,
    source: &str,
    text: &str,
    span: Range<usize>,
    kind: &str,
    name: Option<&str>,
) -> Result<(Vec<FileChange>, String), EditError> {
    checked_span(text, &span)?;
    let quote = text[span.clone()].trim();
    let name = name.unwrap_or(quote).to_string();
    let (kb_change, id) = edit_kb(set, |kb| {
        let id = fresh_entity_id(kb, kind, &name);
        let aliases = if quote != name && !quote.is_empty() {
            vec![quote.to_string()]
        } else {
            Vec::new()
        };
        kb.insert(KbEntity {
            id: id.clone(),
            kind: kind.to_string(),
            name: name.clone(),
            aliases,
            ..Default::default()
        });
        Ok(id)
    })?;
    let mut out = vec![kb_change];
    out.extend(link_mention(set, source, text, span, &id)?);
    Ok((out, id))
}

/// The KB entity `id`, created from the analysis when it exists only there.
fn materialise<'k>(
    kb: &'k mut KnowledgeBase,
    id: &str,
    lookup: AnalysisLookup,
) -> Result<&'k mut KbEntity, EditError> {
    if kb.get(id).is_none() {
        let (kind, name) = lookup(id).ok_or_else(|| EditError::NoSuchEntity(id.to_string()))?;
        kb.insert(KbEntity {
            id: id.to_string(),
            kind,
            name,
            ..Default::default()
        });
    }
    Ok(kb.get_mut(id).expect("just inserted"))
}

pub fn add_alias(
    set: &AnnotationSet,
    entity: &str,
    alias: &str,
    lookup: AnalysisLookup,
) -> Changes {
    let alias = alias.trim();
    if alias.is_empty() {
        return Err(EditError::Invalid("the alias is empty".into()));
    }
    let id = set.resolve_id(entity).to_string();
    let (c, _) = edit_kb(set, |kb| {
        let e = materialise(kb, &id, lookup)?;
        if e.name != alias && !e.aliases.iter().any(|a| a == alias) {
            e.aliases.push(alias.to_string());
        }
        Ok(())
    })?;
    Ok(vec![c])
}

/// Change the canonical name in the KB (never the source text). The old
/// name becomes an alias, so the recogniser still finds it; the id stays.
pub fn rename_entity(
    set: &AnnotationSet,
    entity: &str,
    new_name: &str,
    lookup: AnalysisLookup,
) -> Changes {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Err(EditError::Invalid("the new name is empty".into()));
    }
    let id = set.resolve_id(entity).to_string();
    let (c, _) = edit_kb(set, |kb| {
        let e = materialise(kb, &id, lookup)?;
        let old = std::mem::replace(&mut e.name, new_name.to_string());
        e.aliases.retain(|a| a != new_name);
        if old != new_name && !e.aliases.contains(&old) {
            e.aliases.push(old);
        }
        Ok(())
    })?;
    Ok(vec![c])
}

/// Merge entity `gone` into `keep`: names, aliases, external ids and facts
/// move over, `gone` is recorded in `merged_from` (old references keep
/// resolving), and every reference in annotation files is rewritten.
pub fn merge_entities(
    set: &AnnotationSet,
    keep: &str,
    gone: &str,
    lookup: AnalysisLookup,
) -> Changes {
    let keep = set.resolve_id(keep).to_string();
    let gone = gone.to_string();
    if keep == set.resolve_id(&gone) {
        return Err(EditError::Invalid(
            "an entity cannot be merged with itself".into(),
        ));
    }
    let (kbc, _) = edit_kb(set, |kb| {
        let removed = match kb.entities.iter().position(|e| e.id == gone) {
            Some(i) => kb.entities.remove(i),
            None => {
                let (kind, name) =
                    lookup(&gone).ok_or_else(|| EditError::NoSuchEntity(gone.clone()))?;
                KbEntity {
                    id: gone.clone(),
                    kind,
                    name,
                    ..Default::default()
                }
            }
        };
        let k = materialise(kb, &keep, lookup)?;
        for n in std::iter::once(removed.name).chain(removed.aliases) {
            if n != k.name && !k.aliases.contains(&n) {
                k.aliases.push(n);
            }
        }
        for (key, v) in removed.external_ids {
            match k.external_ids.get(&key) {
                None => {
                    k.external_ids.insert(key, v);
                }
                Some(mine) if *mine == v => {}
                // Conflicting external id: kept under a suffixed key so
                // nothing a person wrote is lost.
                Some(_) => {
                    k.external_ids
                        .insert(format!("{key}_merged_{}", removed.id), v);
                }
            }
        }
        k.facts.extend(removed.facts);
        if k.description.is_none() {
            k.description = removed.description;
        }
        for m in std::iter::once(removed.id).chain(removed.merged_from) {
            if !k.merged_from.contains(&m) {
                k.merged_from.push(m);
            }
        }
        for (key, v) in removed.extra {
            k.extra.entry(key).or_insert(v);
        }
        for e in kb.entities.iter_mut() {
            for f in e.facts.iter_mut() {
                if f.object.as_deref() == Some(gone.as_str()) {
                    f.object = Some(keep.clone());
                }
            }
        }
        Ok(())
    })?;
    let mut out = vec![kbc];
    for (src, l) in &set.files {
        let refers = l.parsed.model.as_ref().is_some_and(|m| {
            m.annotations
                .iter()
                .any(|a| a.entity.as_deref() == Some(gone.as_str()))
        });
        if !refers {
            continue;
        }
        let (c, _) = edit_file(set, src, |f| {
            for a in f.annotations.iter_mut() {
                if a.entity.as_deref() == Some(gone.as_str()) {
                    a.entity = Some(keep.clone());
                }
            }
            Ok(())
        })?;
        out.push(c);
    }
    Ok(out)
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
    checked_span(text, &span)?;
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
        Ok(upsert(
            f,
            text,
            &span,
            &[kind::CLAIM],
            |a| {
                a.kind = kind::CLAIM.into();
                a.status = Some(status.to_string());
                for e in evidence {
                    if !a.evidence.contains(&e) {
                        a.evidence.push(e);
                    }
                }
                if let Some(n) = note {
                    a.note = Some(n.to_string());
                }
            },
            "claim",
        ))
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

/// Keep `content_hash` reachable for callers building targets by hand.
pub fn quote_hash(quote: &str) -> String {
    content_hash(quote)
}
