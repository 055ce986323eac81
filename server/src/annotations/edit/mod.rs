//! Pure edits of `.crosscheck/` files. Each function takes the loaded
//! [`AnnotationSet`] (and the current source text where spans are
//! involved) and returns [`FileChange`]s: the new text of each file, the
//! minimal [`TextEdit`] from the old text, and the hash the file must still
//! have on disk. Nothing is written: the LSP layer sends the edits through
//! `workspace/applyEdit`, the command line through [`apply_change`].
//!
//! Files are re-serialised with the same stable formatting, so an edit
//! changes only the lines it concerns, and unknown fields survive. A file
//! that did not parse is never rewritten: edits to it fail.
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

mod entities;
mod files;
mod spans;

pub use entities::*;
pub use files::*;
pub use spans::*;

use crate::annotations::anchor::{anchor_with, fnv1a64, target_for, CharIndex};
use crate::annotations::model::{to_pretty, Annotation, AnnotationFile, KnowledgeBase};
use crate::annotations::paths::{annotation_path, check_rel_path, kb_path};
use crate::annotations::set::AnnotationSet;
use crate::annotations::store::FileHash;

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
    /// Delete the file instead (`new_text` is empty): its content moved.
    pub delete: bool,
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

pub(super) fn change(
    path: PathBuf,
    expected: Option<FileHash>,
    old: String,
    new: String,
) -> FileChange {
    let edit = minimal_edit(&old, &new);
    FileChange {
        path,
        expected,
        old_text: old,
        new_text: new,
        edit,
        delete: false,
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

pub(super) fn checked_span(text: &str, span: &Range<usize>) -> Result<(), EditError> {
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
pub(super) fn new_id(file: &AnnotationFile, prefix: &str, quote: &str, start: u64) -> String {
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
pub(super) fn find_at(
    file: &AnnotationFile,
    text: &str,
    span: &Range<usize>,
    kinds: &[&str],
) -> Option<usize> {
    let idx = CharIndex::new(text);
    file.annotations.iter().position(|a| {
        kinds.contains(&a.kind.as_str())
            && anchor_with(text, &idx, &a.target)
                .is_ok_and(|p| p.start == span.start && p.end == span.end)
    })
}

/// Add (or retarget) a span annotation of `kind` on `span`; returns its id.
pub(super) fn upsert(
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
