//! Whole-file operations: moving the annotations of a renamed source, and
//! applying changes on disk for clients without workspace/applyEdit.
use super::{change, edit_file, Changes, EditError, FileChange, TextEdit};
use crate::annotations::model::to_pretty;
use crate::annotations::paths::{annotation_path, check_rel_path};
use crate::annotations::set::AnnotationSet;
use crate::annotations::store::{read_limited, write_atomic, ReadError, Scope, WriteError};

/// Move the annotations and metadata of `from` (a source that was renamed
/// or whose annotations were orphaned by a move) to `to`, merging with what
/// `to` already has, and delete the old annotation file. Annotations are
/// re-anchored against `to`'s text on the next load; ids that clash get a
/// suffix, never overwrite.
pub fn move_annotations(set: &AnnotationSet, from: &str, to: &str) -> Changes {
    let from = check_rel_path(from).map_err(EditError::Invalid)?;
    let to = check_rel_path(to).map_err(EditError::Invalid)?;
    if from == to {
        return Err(EditError::Invalid(
            "the source and the destination are the same".into(),
        ));
    }
    let old = set
        .files
        .get(&from)
        .ok_or_else(|| EditError::Invalid(format!("no annotations for \"{from}\"")))?;
    let model = old
        .parsed
        .model
        .clone()
        .ok_or_else(|| EditError::Unparseable(old.path.clone()))?;
    let (c, _) = edit_file(set, &to, |f| {
        for mut a in model.annotations {
            let base = a.id.clone();
            let mut n = 2;
            while f.get(&a.id).is_some() {
                a.id = format!("{base}-{n}");
                n += 1;
            }
            f.annotations.push(a);
        }
        for d in model.dismissed {
            if !f.dismissed.contains(&d) {
                f.dismissed.push(d);
            }
        }
        if f.metadata.is_empty() {
            f.metadata = model.metadata;
        }
        for (k, v) in model.extra {
            f.extra.entry(k).or_insert(v);
        }
        f.source = Some(to.clone());
        Ok(())
    })?;
    let path = annotation_path(&set.root, &from).map_err(EditError::Invalid)?;
    let mut del = change(
        path,
        Some(old.hash.clone()),
        old.text.clone(),
        String::new(),
    );
    del.delete = true;
    del.edit = TextEdit {
        range: 0..old.text.len(),
        new_text: String::new(),
    };
    Ok(vec![c, del])
}

/// Apply one change on disk, inside `scope`: atomic write (or delete) only
/// if the file still has the content the change was computed from.
pub fn apply_change(scope: Scope, c: &FileChange) -> Result<(), WriteError> {
    if !c.delete {
        return write_atomic(scope, &c.path, c.expected.as_ref(), &c.new_text);
    }
    let real = crate::workspace::fs::writable_inside(scope.root, &c.path, scope.follow_links)
        .map_err(|e| WriteError::Refused(c.path.clone(), e.to_string()))?;
    let (_, hash) = read_limited(scope, &real, u64::MAX / 2).map_err(|e| match e {
        ReadError::Missing => WriteError::ChangedOnDisk {
            path: c.path.clone(),
        },
        e => WriteError::Io(e.to_string()),
    })?;
    if c.expected.as_ref() != Some(&hash) {
        return Err(WriteError::ChangedOnDisk {
            path: c.path.clone(),
        });
    }
    std::fs::remove_file(&real).map_err(|e| WriteError::Io(e.to_string()))
}

/// Re-serialise a parsed annotation file in canonical form (for a
/// "format file" action); None if it cannot be represented without loss.
pub fn canonical_text(set: &AnnotationSet, source: &str) -> Option<String> {
    set.file(source).map(to_pretty)
}
