//! Edits of the knowledge base: new entities, aliases, renames, merges.
use std::ops::Range;

use super::{
    checked_span, edit_file, edit_kb, link_mention, AnalysisLookup, Changes, EditError, FileChange,
};
use crate::analysis::text::fold::ascii_key;
use crate::annotations::model::{KbEntity, KnowledgeBase};
use crate::annotations::set::AnnotationSet;

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
